"""Content ideas into drafts: the store function, `amicale posts ideas`, and the calendar
panel's "Import content ideas…" (a file, or a URL read in a worker with Cancel)."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.cli import main
from app.errors import AmicaleError, Cancelled
from app.posts.ideas import IDEA_ROLE, import_ideas
from app.posts.store import PostDraft, create_post, due_versions, list_posts
from app.store import Store
from app.store.cancel import CancelToken
from app.store.schema import post
from ui.dialogs.ideas_dialog import IdeasSourceDialog
from ui.models.posts import COL_STATE, COL_TEXT, COL_WHEN
from ui.panels.posts import LIST, PostsPanel

pytestmark = pytest.mark.clock  # dates, times and zones throughout

FEEDS = Path(__file__).parent / "fixtures" / "feeds"
SHOTS = Path("/tmp/shots")


def idea_posts(store: Store) -> list[sa.Row[tuple[object, ...]]]:
    with store.read() as conn:
        return list(conn.execute(sa.select(post).where(post.c.role == IDEA_ROLE)).all())


def test_new_ideas_become_undated_drafts_once(store: Store) -> None:
    report = import_ideas(store, FEEDS / "rss2_chimie.xml")
    assert (report.created, report.known) == (4, 0)
    rows = idea_posts(store)
    assert [r.title for r in rows] == [
        "Remise des diplômes 2026 & gala",
        "Nouveau laboratoire de catalyse",
        "Portes ouvertes",
        "Lien piégé",
    ]
    gala = rows[0]
    assert gala.state == "draft" and gala.scheduled_at is None
    assert gala.link == "https://ecole.example/actualites/remise-2026"
    assert gala.text == (
        "La remise des diplômes aura lieu le 12\u00a0décembre. Inscriptions ouvertes.\n"
        "https://ecole.example/actualites/remise-2026"
    )
    assert all(r.state == "draft" and r.scheduled_at is None for r in rows)
    # Never due, never on a channel: nothing can go out without the CM.
    assert due_versions(store) == [] and list_posts(store) == []
    # The same feed again: every idea is known (by link, or by title without one).
    again = import_ideas(store, FEEDS / "rss2_chimie.xml")
    assert (again.created, again.known) == (0, 4)
    assert len(idea_posts(store)) == 4


def test_a_link_the_cm_already_posted_is_known(store: Store) -> None:
    create_post(
        store,
        PostDraft(title="Portrait", text="x", link="https://ANCIENS.example/portraits/dupont/"),
    )
    report = import_ideas(store, FEEDS / "atom_blog.xml")
    assert (report.created, report.known) == (1, 1)
    assert [r.link for r in idea_posts(store)] == ["https://anciens.example/stages/decembre"]


def test_cancelled_or_unreadable_leaves_the_store_untouched(store: Store) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        import_ideas(store, FEEDS / "atom_blog.xml", cancel=token)
    with pytest.raises(AmicaleError, match="only http and https"):
        import_ideas(store, "ftp://example.org/feed.xml")
    with pytest.raises(AmicaleError, match="declares XML entities"):
        import_ideas(store, FEEDS / "billion_laughs.xml")
    assert idea_posts(store) == []


def test_cli_posts_ideas(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    feed = str(FEEDS / "atom_blog.xml")
    assert main(["--db", str(db_path), "posts", "ideas", feed]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ideas: 2 drafts created, 0 already known"
    assert main(["--db", str(db_path), "posts", "ideas", feed]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "ideas: 0 drafts created, 2 already known"
    # `posts` is unchanged: drafts without a channel have no version to list.
    assert main(["--db", str(db_path), "posts"]) == 0
    assert capsys.readouterr().out.strip() == "no posts"
    assert main(["--db", str(db_path), "posts", "ideas", "file:///etc/passwd"]) == 1
    err = capsys.readouterr().err
    assert "only http and https" in err and "Traceback" not in err


@pytest.fixture
def web() -> Iterator[str]:
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(FEEDS))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_source_dialog_accepts_files_and_web_addresses_only(qtbot: QtBot) -> None:
    dialog = IdeasSourceDialog()
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.source_edit, "ftp://ecole.example/feed.xml")
    assert not dialog.ok_button.isEnabled()
    dialog.source_edit.setText("file:///etc/passwd")
    assert dialog.error_label.text() == "Only http:// and https:// addresses can be read."
    assert not dialog.ok_button.isEnabled()
    dialog.source_edit.setText("https://ecole.example/feed.xml")
    assert dialog.ok_button.isEnabled() and dialog.error_label.text() == ""
    dialog.source_edit.setText(str(FEEDS / "atom_blog.xml"))
    assert dialog.ok_button.isEnabled()
    SHOTS.mkdir(exist_ok=True)
    dialog.grab().save(str(SHOTS / "ideas_dialog.png"))


@pytest.fixture
def panel(qtbot: QtBot, store: Store) -> Iterator[PostsPanel]:
    widget = PostsPanel(store, autoload=False)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.reload()
    yield widget
    widget.wait()


def test_panel_imports_ideas_from_a_url_and_lists_the_drafts(
    qtbot: QtBot, panel: PostsPanel, web: str
) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        job = panel.import_ideas(f"{web}/atom_blog.xml")
        assert panel.job is job and panel.job_bar.isVisible()
        assert not panel.ideas_action.isEnabled()
    assert panel.job is None and not panel.job_bar.isVisible()
    assert panel.status_label.text() == "2 draft(s) created from the feed, 0 already known."
    # Shown at once: the list view, filtered on drafts, the undated ones last.
    assert panel.mode == LIST and panel.states() == ["draft"]
    model = panel.table_model
    assert model.rowCount() == 2
    assert [model.data(model.index(r, COL_TEXT)) for r in range(2)] == [
        "Portrait : Émilie Dupont, promo 2005",
        "Offres de stage de décembre",
    ]
    assert model.data(model.index(0, COL_WHEN)) == "No date"
    assert model.data(model.index(0, COL_STATE)) == "Draft"
    # Double-click opens the draft in the editor, to pick its channels and time.
    panel.table.setCurrentIndex(panel.table_proxy.index(0, COL_TEXT))
    panel._on_table_double_clicked()
    assert panel.editor is not None and panel.editor.post is not None
    assert panel.editor.post.role == IDEA_ROLE
    panel.editor.reject()
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "posts_panel_ideas.png"))

    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.import_ideas(f"{web}/atom_blog.xml")
    assert panel.status_label.text() == "0 draft(s) created from the feed, 2 already known."


def test_panel_ideas_cancel_and_errors(
    qtbot: QtBot, panel: PostsPanel, store: Store, slow_web: tuple[str, threading.Event]
) -> None:
    url, release = slow_web
    job = panel.import_ideas(f"{url}/atom_blog.xml")
    qtbot.mouseClick(panel.job_cancel_button, Qt.MouseButton.LeftButton)
    assert job.token.cancelled and panel.job_label.text() == "Cancelling…"
    release.set()  # the server answers only now: the feed is read, then dropped
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert panel.status_label.text() == "Cancelled: nothing was changed."
    assert idea_posts(store) == []
    panel.import_ideas(f"{url}/missing.xml")
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert "HTTP 404" in panel.status_label.text()
    assert panel.ideas_action.isEnabled() and not panel.job_bar.isVisible()


@pytest.fixture
def slow_web() -> Iterator[tuple[str, threading.Event]]:
    """A web server over the fixture folder that answers once the test releases it."""
    release = threading.Event()

    class Slow(http.server.SimpleHTTPRequestHandler):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, directory=str(FEEDS), **kwargs)  # type: ignore[arg-type]

        def do_GET(self) -> None:
            release.wait(10)
            super().do_GET()

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Slow)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", release
    finally:
        release.set()
        server.shutdown()
        server.server_close()
        thread.join()


def test_calendar_items_add_undated_drafts_only_when_asked(store: Store) -> None:
    from datetime import UTC, datetime

    from app.posts.channels import channels, resolve
    from app.posts.store import calendar_items

    linkedin = resolve(channels(store), "linkedin")
    assert linkedin is not None
    bare = create_post(store, PostDraft(title="Idée nue", text="a"))
    on_linkedin = create_post(
        store, PostDraft(title="Idée LinkedIn", text="b", versions={linkedin.id: (None, None)})
    )
    dated = create_post(store, PostDraft(title="Daté", text="c", local_time=datetime(2027, 3, 3)))
    window = (datetime(2027, 3, 1, tzinfo=UTC), datetime(2027, 4, 1, tzinfo=UTC))
    assert [i.post_id for i in calendar_items(store, *window)] == [dated]
    found = calendar_items(store, *window, include_undated=True)
    assert [i.post_id for i in found] == [dated, bare, on_linkedin]  # undated ones last
    assert found[1].local_time is None and found[1].state == "draft"
    chosen = calendar_items(store, *window, include_undated=True, channel_ids=[linkedin.id])
    assert [i.post_id for i in chosen] == [on_linkedin]
    scheduled_only = calendar_items(store, *window, include_undated=True, states=["scheduled"])
    assert scheduled_only == []
