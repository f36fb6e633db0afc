"""The Send newsletter… dialog, driven with qtbot against a real local SMTP server."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QInputDialog
from pytestqt.qtbot import QtBot

from app import association, segments
from app.members.service import MemberDirectory
from app.posts import newsletter
from app.posts.smtp import PasswordVault, SmtpSettings, load_settings, save_settings
from app.store import Store
from tests.smtp_server import Collector, smtp_server
from ui.dialogs.newsletter_dialog import NewsletterDialog
from ui.dialogs.smtp_settings import SmtpSettingsDialog

WAIT = 10000


@pytest.fixture
def named(store: Store, people: dict[str, int]) -> Store:
    association.save(store, association.Association("Amicale des Chimistes", ""))
    return store


@pytest.fixture
def server(named: Store) -> Iterator[Collector]:
    handler = Collector()
    with smtp_server(handler) as controller:
        save_settings(
            named,
            SmtpSettings(
                host="127.0.0.1",
                port=controller.port,
                security="none",
                from_address="bureau@amicale.example",
                test_address="cm@amicale.example",
            ),
        )
        yield handler


@pytest.fixture
def vault() -> PasswordVault:
    return PasswordVault(None, use_system=False)  # never the real keyring in tests


def open_dialog(
    qtbot: QtBot, store: Store, vault: PasswordVault, query: str = ""
) -> NewsletterDialog:
    dialog = NewsletterDialog(store, query=query, vault=vault)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.audience is not None and not dialog.busy, timeout=WAIT)
    return dialog


def wait_idle(qtbot: QtBot, dialog: NewsletterDialog) -> None:
    qtbot.waitUntil(lambda: dialog.job is None, timeout=WAIT)


def test_count_preview_test_then_send(
    qtbot: QtBot, named: Store, server: Collector, vault: PasswordVault
) -> None:
    dialog = open_dialog(qtbot, named, vault)
    assert dialog.count_label.text() == (
        "2 members with an email address and the newsletter consent"
    )
    assert dialog.preview_title.text() == "Preview for Émilie Dupont <emilie.dupont@example.org>"
    preview = dialog.preview.toPlainText()
    # (QPlainTextEdit hands its no-break spaces back as plain spaces.)
    assert preview.startswith("Subject: Amicale des Chimistes : les nouvelles")
    assert "Bonjour Émilie," in preview
    # Sending needs a test of this very text first.
    assert dialog.test_button.isEnabled() and not dialog.send_button.isEnabled()
    assert dialog.send_button.text() == "Send to 2 members"
    assert dialog.test_hint.isVisible()

    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert server.recipients() == ["cm@amicale.example"]
    assert dialog.status_label.text().startswith("Test sent to cm@amicale.example")
    assert dialog.send_button.isEnabled() and not dialog.test_hint.isVisible()

    dialog.body_edit.setPlainText("Bonjour {prénom} ({promo}) !")
    assert not dialog.send_button.isEnabled()  # changed since the test
    assert dialog.preview.toPlainText().endswith("Bonjour Émilie (2005) !")
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    with qtbot.waitSignal(dialog.sendEnded, timeout=WAIT) as ended:
        qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert ended.args[0].sent == 2 and ended.args[0].state == "finished"
    assert dialog.status_label.text() == "Newsletter sent to 2 members."
    assert sorted(server.recipients()[2:]) == ["emilie.dupont@example.org", "francois@example.org"]
    assert not dialog.progress_bar.isVisible() and dialog.close_button.isVisible()


def test_segment_or_search_choose_the_recipients(
    qtbot: QtBot, named: Store, server: Collector, vault: PasswordVault
) -> None:
    segments.save(named, "Chimistes", "tag:chimie")
    dialog = open_dialog(qtbot, named, vault)
    index = dialog.segment_combo.findText("Chimistes")
    assert index > 0
    dialog.segment_combo.setCurrentIndex(index)
    dialog.segment_combo.activated.emit(index)
    assert dialog.query_edit.text() == "tag:Chimie"  # shown with the tag's current name
    qtbot.waitUntil(
        lambda: dialog.audience is not None and dialog.audience.count == 1, timeout=WAIT
    )
    assert dialog.send_button.text() == "Send to 1 member"

    dialog.query_edit.setText("promo:abc")
    assert dialog.segment_combo.currentIndex() == 0  # a typed search now
    qtbot.waitUntil(lambda: "Search error" in dialog.count_label.text(), timeout=WAIT)
    assert not dialog.send_button.isEnabled()

    dialog.query_edit.setText("city:lyon")  # members there have no consent
    qtbot.waitUntil(lambda: dialog.count_label.text().startswith("0 member"), timeout=WAIT)
    assert dialog.preview_title.text() == "Preview (nobody to send to yet)"


def test_unknown_placeholder_blocks_sending(
    qtbot: QtBot, named: Store, server: Collector, vault: PasswordVault
) -> None:
    dialog = open_dialog(qtbot, named, vault)
    dialog.subject_edit.setText("Pour {prenon}")
    assert "not a known field: {prenon}" in dialog.template_error.text()
    assert not dialog.test_button.isEnabled() and not dialog.send_button.isEnabled()


def test_cancel_then_resume_sends_nobody_twice(
    qtbot: QtBot, named: Store, server: Collector, vault: PasswordVault
) -> None:
    directory = MemberDirectory(named)
    for i in range(12):
        directory.create(
            {
                "first_name": f"M{i}",
                "last_name": "Test",
                "email": f"m{i}@example.org",
                "consent": True,
            }
        )
    settings = load_settings(named)
    save_settings(named, SmtpSettings(**{**settings.__dict__, "per_minute": 1200}))  # 0.05 s
    dialog = open_dialog(qtbot, named, vault)
    qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    qtbot.mouseClick(dialog.send_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.progress_bar.value() >= 3, timeout=WAIT)
    assert dialog.cancel_button.isVisible() and not dialog.close_button.isVisible()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    assert dialog.status_label.text().startswith("Sending paused")
    assert dialog.resume_button.isVisible() and dialog.resume_button.isEnabled()
    assert "An interrupted send" in dialog.resume_label.text()
    sent_before = len(server.received) - 1
    assert 3 <= sent_before < 14

    with qtbot.waitSignal(dialog.sendEnded, timeout=WAIT):
        qtbot.mouseClick(dialog.resume_button, Qt.MouseButton.LeftButton)
    wait_idle(qtbot, dialog)
    counts = Counter(server.recipients()[1:])
    assert len(counts) == 14 and set(counts.values()) == {1}
    assert not dialog.resume_button.isVisible()


def test_wrong_password_is_explained_and_asked_once_per_run(
    qtbot: QtBot, named: Store, vault: PasswordVault, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []
    answers = ["wrong", "s3cret"]

    def ask(*args: Any) -> tuple[str, bool]:
        asked.append(args[2])
        return (answers[len(asked) - 1], True)

    monkeypatch.setattr(QInputDialog, "getText", ask)
    handler = Collector()
    with smtp_server(handler, login=("cm", "s3cret")) as controller:
        save_settings(
            named,
            SmtpSettings(
                host="127.0.0.1", port=controller.port, security="none", user="cm",
                from_address="bureau@amicale.example",
            ),
        )  # fmt: skip
        dialog = open_dialog(qtbot, named, vault)
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, dialog)
        assert asked == ["Password for cm on 127.0.0.1:"]
        assert "refused the user name or password" in dialog.error_label.text()
        assert dialog.error_label.text().startswith("The test was not sent")

        # The wrong password is forgotten: asked again, then kept for the rest of the run.
        assert vault.get(load_settings(named).keyring_account) is None
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, dialog)
        assert len(asked) == 2 and dialog.error_label.text() == ""
        qtbot.mouseClick(dialog.test_button, Qt.MouseButton.LeftButton)
        wait_idle(qtbot, dialog)
        assert len(asked) == 2
        assert handler.recipients() == ["bureau@amicale.example"] * 2


def test_server_settings_dialog_saves_settings_and_keeps_the_password(
    qtbot: QtBot, store: Store, vault: PasswordVault
) -> None:
    dialog = SmtpSettingsDialog(store, load_settings(store), vault)
    qtbot.addWidget(dialog)
    assert "kept in memory until Amicale quits" in dialog.keyring_note.text()
    dialog.host.setText("smtp.example.org")
    dialog.security.setCurrentIndex(dialog.security.findData("tls"))
    assert dialog.port.value() == 465  # the usual port of the new choice
    dialog.user.setText("cm")
    dialog.password.setText("s3cret")
    dialog.from_address.setText("pas une adresse")
    dialog.save_button.click()
    assert "not an email address" in dialog.error_label.text()
    assert not load_settings(store).configured

    dialog.from_address.setText("bureau@amicale.example")
    dialog.per_minute.setValue(20)
    with qtbot.waitSignal(dialog.accepted, timeout=WAIT):
        dialog.save_button.click()
    saved = load_settings(store)
    assert (saved.host, saved.port, saved.security, saved.per_minute) == (
        "smtp.example.org", 465, "tls", 20,
    )  # fmt: skip
    assert vault.get(saved.keyring_account) == "s3cret"
    assert newsletter.list_sends(store) == []


def test_file_menu_opens_the_dialog_on_the_current_search(
    qtbot: QtBot, named: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    opened: list[NewsletterDialog] = []

    def fake_exec(self: NewsletterDialog) -> int:
        opened.append(self)
        qtbot.waitUntil(lambda: self.audience is not None and not self.busy, timeout=WAIT)
        return 0

    monkeypatch.setattr(NewsletterDialog, "exec", fake_exec)
    window = MainWindow(named, UiSettings(), association.Association("Amicale", "CM"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.members.last_result is not None, timeout=WAIT)
    with qtbot.waitSignal(window.members.searchFinished, timeout=WAIT):
        window.members.search.setText("tag:chimie")
    file_menu = window.menuBar().actions()[0].menu()
    [action] = [a for a in file_menu.actions() if a.text() == "Send &newsletter…"]
    action.trigger()
    assert len(opened) == 1 and opened[0].query == "tag:chimie"
    assert opened[0].audience is not None and opened[0].audience.count == 1
    window.members.searches.wait()
