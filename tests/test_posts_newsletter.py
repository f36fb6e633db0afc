"""A calendar post on the newsletter channel is published by a real send (aiosmtpd on
127.0.0.1): Due now → Publish opens the newsletter dialog with the post's text; a finished
send marks the version published, an interrupted one leaves it due."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app import association
from app.errors import AmicaleError
from app.posts import newsletter
from app.posts.channels import channels, resolve
from app.posts.smtp import PasswordVault, SmtpSettings, save_settings
from app.posts.store import PostDraft, create_post, due_versions, get_post
from app.store import Store
from app.store.schema import newsletter_send
from tests.smtp_server import Collector, smtp_server
from ui.dialogs.newsletter_dialog import NewsletterDialog
from ui.panels.posts import PostsPanel

WAIT = 10000


def cid(store: Store, kind: str) -> int:
    found = resolve(channels(store), kind)
    assert found is not None
    return found.id


@pytest.fixture
def named(store: Store, people: dict[str, int]) -> Store:
    association.save(store, association.Association("Amicale des Chimistes", ""))
    return store


@pytest.fixture
def server(named: Store) -> Iterator[tuple[Collector, SmtpSettings]]:
    handler = Collector()
    with smtp_server(handler) as controller:
        settings = SmtpSettings(
            host="127.0.0.1",
            port=controller.port,
            security="none",
            from_address="bureau@amicale.example",
            test_address="cm@amicale.example",
        )
        save_settings(named, settings)
        yield handler, settings


def due_newsletter_post(store: Store) -> int:
    """Due since January, on the newsletter and on LinkedIn."""
    return create_post(
        store,
        PostDraft(
            title="Les nouvelles de janvier",
            text="Bonjour {prénom}, voici les nouvelles.",
            link="https://anciens.example/janvier",
            local_time=datetime(2026, 1, 5, 9, 0),
            versions={cid(store, "newsletter"): (None, None), cid(store, "linkedin"): (None, None)},
            state="scheduled",
        ),
    )


def versions_by_kind(store: Store, post_id: int) -> dict[str, object]:
    kinds = {c.id: c.kind for c in channels(store)}
    return {kinds[v.channel_id]: v for v in get_post(store, post_id).versions}


def send_post_id(store: Store, send_id: int) -> int | None:
    with store.read() as conn:
        return conn.execute(
            sa.select(newsletter_send.c.post_id).where(newsletter_send.c.id == send_id)
        ).scalar()


def test_a_finished_send_publishes_the_posts_newsletter_version(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    _, settings = server
    post_id = due_newsletter_post(named)
    report = newsletter.send_newsletter(named, "", "S", "B", settings, None, post_id=post_id)
    assert send_post_id(named, report.send_id) == post_id
    found = versions_by_kind(named, post_id)
    mail, linkedin = found["newsletter"], found["linkedin"]
    assert mail.state == "published"  # type: ignore[attr-defined]
    assert mail.message_id == f"newsletter-send-{report.send_id}"  # type: ignore[attr-defined]
    assert linkedin.state == "pending"  # type: ignore[attr-defined]
    # LinkedIn is still due; the newsletter is not any more.
    assert [d.channel.kind for d in due_versions(named)] == ["linkedin"]


def test_an_interrupted_send_leaves_the_post_due_until_resumed(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    post_id = due_newsletter_post(named)
    handler.fail_at = 2  # two recipients: the second message is answered 451
    with pytest.raises(AmicaleError, match="stopped after 1 of 2"):
        newsletter.send_newsletter(named, "", "S", "B", settings, None, post_id=post_id)
    [send] = newsletter.list_sends(named, unfinished_only=True)
    assert versions_by_kind(named, post_id)["newsletter"].state == "pending"  # type: ignore[attr-defined]
    assert {d.channel.kind for d in due_versions(named)} == {"newsletter", "linkedin"}
    newsletter.run_send(named, send.id, settings, None)
    assert versions_by_kind(named, post_id)["newsletter"].state == "published"  # type: ignore[attr-defined]


def test_a_send_without_a_post_or_reaching_nobody_publishes_nothing(
    named: Store, server: tuple[Collector, SmtpSettings]
) -> None:
    handler, settings = server
    post_id = due_newsletter_post(named)
    newsletter.send_newsletter(named, "", "S", "B", settings, None)  # no post
    assert versions_by_kind(named, post_id)["newsletter"].state == "pending"  # type: ignore[attr-defined]
    handler.refuse = {"emilie.dupont@example.org", "francois@example.org"}
    report = newsletter.send_newsletter(named, "", "S", "B", settings, None, post_id=post_id)
    assert report.summary.sent == 0 and report.summary.state == "finished"
    assert versions_by_kind(named, post_id)["newsletter"].state == "pending"  # type: ignore[attr-defined]


def test_due_now_publish_opens_the_newsletter_and_the_send_publishes(
    qtbot: QtBot,
    named: Store,
    server: tuple[Collector, SmtpSettings],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    handler, _ = server
    post_id = due_newsletter_post(named)
    # Never the real keyring in tests.
    monkeypatch.setattr("ui.dialogs.newsletter_dialog.VAULT", PasswordVault(None, use_system=False))
    panel = PostsPanel(named, autoload=False)
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        panel.reload()
    rows = panel.due_model.rows
    assert [d.channel.kind for d in rows] == ["newsletter", "linkedin"]
    panel.due_list.setCurrentIndex(panel.due_model.index(0))
    assert panel.publish_button.isEnabled()
    assert panel.publish_button.toolTip().startswith("Send it to the members")
    qtbot.mouseClick(panel.publish_button, Qt.MouseButton.LeftButton)
    dialog = panel.newsletter_dialog
    assert isinstance(dialog, NewsletterDialog) and dialog.isVisible()
    assert dialog.post_id == post_id and dialog.post_label.isVisible()
    assert dialog.subject == "Les nouvelles de janvier"
    assert dialog.body == "Bonjour {prénom}, voici les nouvelles.\nhttps://anciens.example/janvier"
    qtbot.waitUntil(lambda: dialog.audience is not None and not dialog.busy, timeout=WAIT)
    assert "Bonjour Émilie, voici les nouvelles." in dialog.preview.toPlainText()
    dialog.grab().save("/tmp/shots/newsletter_from_post.png")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)
    assert versions_by_kind(named, post_id)["newsletter"].state == "pending"  # type: ignore[attr-defined]
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert sorted(handler.recipients()[1:]) == ["emilie.dupont@example.org", "francois@example.org"]
    version = versions_by_kind(named, post_id)["newsletter"]
    assert version.state == "published"  # type: ignore[attr-defined]
    assert version.message_id.startswith("newsletter-send-")  # type: ignore[attr-defined]
    assert [d.channel.kind for d in panel.due_model.rows] == ["linkedin"]
    dialog.reject()
    panel.wait()


def test_a_send_opened_elsewhere_reaches_the_calendar_through_the_runner(
    qtbot: QtBot,
    named: Store,
    server: tuple[Collector, SmtpSettings],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The dialog announces the post's change itself: a calendar that did not open it (File →
    Send newsletter…) drops the published version from its due list."""
    from app.operations import Changes
    from ui.operations import OperationRunner

    post_id = due_newsletter_post(named)
    monkeypatch.setattr("ui.dialogs.newsletter_dialog.VAULT", PasswordVault(None, use_system=False))
    panel = PostsPanel(named, autoload=False)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        panel.reload()
    assert [d.channel.kind for d in panel.due_model.rows] == ["newsletter", "linkedin"]
    announced: list[Changes] = []
    OperationRunner.for_store(named).changed.connect(lambda changes, _o: announced.append(changes))
    dialog = NewsletterDialog(named, None, subject="S", body="B", post_id=post_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.audience is not None and not dialog.busy, timeout=WAIT)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)
    assert announced == []  # a test message changes nothing
    with qtbot.waitSignal(panel.loaded, timeout=WAIT):
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    assert announced == [Changes(posts=True)]
    assert [d.channel.kind for d in panel.due_model.rows] == ["linkedin"]
    dialog.reject()
    panel.wait()
