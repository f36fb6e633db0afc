"""Issue 18, points 12-13: text from members is never rendered as rich text; LinkedIn is
LinkedIn.

Qt renders a tooltip or a message box as HTML when the text looks like it (a '<'): a tag,
a name or a post written "<h1>…</h1>" must be shown letter for letter.
"""

from __future__ import annotations

import json
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import Qt as QtGui_Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from app import association, tags
from app.birthdays import Birthday
from app.members.service import MemberDirectory
from app.moderation import intake
from app.posts.store import PostDraft, calendar_items, insert_post
from app.store import Store
from app.text import is_linkedin_host
from ui.labels import plain_tip
from ui.main_window import MainWindow
from ui.models.posts import PostTableModel
from ui.panels.tags import TagsPanel
from ui.panels.today import BirthdayListModel
from ui.settings import UiSettings
from ui.workers import Job

MARK = "<h1>Évil</h1>"
SEEN = "<h1>Évil"  # what must be shown literally (tag names have no '/')


def shown_as(tip: str) -> str:
    """What Qt shows for ``tip``: its text when Qt takes it for rich text, else itself."""
    if QtGui_Qt.mightBeRichText(tip):
        return QTextDocumentFragment.fromHtml(tip).toPlainText()
    return tip


def assert_plain(tip: Any, where: str) -> bool:
    """True when ``tip`` shows member text; it must then show it literally."""
    if not isinstance(tip, str) or "Évil" not in tip:
        return False
    assert "<h1>" not in tip, f"{where}: {tip!r} would be rendered as a heading"
    assert SEEN in shown_as(tip), f"{where}: {tip!r}"
    return True


def walk(model: QAbstractItemModel, parent: QModelIndex, depth: int = 0) -> list[Any]:
    tips = []
    try:
        columns = model.columnCount(parent)
    except TypeError:  # a list model: one column
        columns = 1
    for row in range(min(model.rowCount(parent), 200)):
        for column in range(columns):
            index = model.index(row, column, parent)
            tips.append((model.data(index, Qt.ItemDataRole.ToolTipRole), type(model).__name__))
            if depth < 2 and column == 0 and model.rowCount(index) > 0:
                tips += walk(model, index, depth + 1)
    return tips


@pytest.fixture
def hostile(store: Store, tmp_path: Path) -> Store:
    directory = MemberDirectory(store)
    tag_id = tags.create(store, SEEN, "<h1>Évil category")
    for _ in range(2):  # the same name twice: a duplicate pair to review
        member_id = directory.create({"first_name": MARK, "last_name": "<b>Évil</b>"})
        tags.tag_members(store, tag_id, [member_id])
    directory.update(member_id, {"city": "<a href='x'>Évil</a>"})  # a History row
    with store.write() as conn:
        insert_post(conn, PostDraft(title=MARK, text=f"{MARK}\nsecond line"))
    requests = tmp_path / "requests.json"
    requests.write_text(
        json.dumps([{"kind": "join", "name": MARK, "email": "evil@example.org", "text": MARK}])
    )
    intake.import_file(store, requests)
    return store


def test_every_tooltip_of_the_window_shows_member_text_literally(
    qtbot: QtBot, hostile: Store
) -> None:
    win = MainWindow(hostile, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.members.last_result is not None, timeout=10000)
    for row in range(win.sidebar.count()):  # every panel shown, its models filled
        win.sidebar.setCurrentRow(row)
        qtbot.waitUntil(lambda: not Job._alive, timeout=10000)

    def models_showing_member_text() -> set[str]:
        seen: set[str] = set()
        for model in win.findChildren(QAbstractItemModel):
            for tip, name in walk(model, QModelIndex()):
                if assert_plain(tip, name):
                    seen.add(name)
        for widget in win.findChildren(QWidget):
            assert_plain(widget.toolTip(), type(widget).__name__)
        return seen

    # The panels fill their models when their jobs' results arrive: walk until they have.
    qtbot.waitUntil(
        lambda: {"TagTreeModel", "HistoryTableModel"} <= models_showing_member_text(),
        timeout=10000,
    )


def test_the_models_named_in_the_issue_escape_their_tooltips(qtbot: QtBot, hostile: Store) -> None:
    found = 0
    birthdays = BirthdayListModel()
    birthdays.set_rows(
        [
            Birthday(
                1, MARK, "Évil", None, None, "0000-01-01", message=f"Joyeux {MARK}",
                day=date(2030, 1, 1),
            )
        ]
    )  # fmt: skip
    tip = birthdays.data(birthdays.index(0), Qt.ItemDataRole.ToolTipRole)
    found += assert_plain(tip, "BirthdayListModel")
    posts = PostTableModel()
    start = datetime(2000, 1, 1, tzinfo=UTC)
    items = calendar_items(hostile, start, start, include_undated=True, now=start)
    posts.set_rows(items, {})
    found += sum(assert_plain(tip, "PostTableModel") for tip, _ in walk(posts, QModelIndex()))
    assert found == 2


def test_deleting_a_tag_names_it_literally(
    qtbot: QtBot, hostile: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    panel = TagsPanel(hostile)
    qtbot.addWidget(panel)
    panel.show()
    tag_id = next(t.id for t in tags.tag_tree(hostile) for t in t.tags if t.name == SEEN)
    qtbot.waitUntil(lambda: panel.select_tag(tag_id), timeout=5000)
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", question)
    panel.delete_action.trigger()
    assert len(asked) == 1 and assert_plain(asked[0], "delete the tag")
    assert "2 members" in shown_as(asked[0])


def test_plain_tip_keeps_text_and_line_breaks() -> None:
    assert shown_as(plain_tip("a < b & c\n<b>d</b>")) == "a < b & c\n<b>d</b>"


@pytest.mark.parametrize(
    ("host", "ok"),
    [
        ("linkedin.com", True),
        ("www.linkedin.com", True),
        ("FR.LinkedIn.com", True),
        ("www.linkedin.com.", True),
        ("evillinkedin.com", False),
        ("linkedin.com.evil.org", False),
        ("notlinkedin.com", False),
        ("", False),
        (None, False),
    ],
)
def test_the_linkedin_host_is_exact_or_a_subdomain(host: str | None, ok: bool) -> None:
    assert is_linkedin_host(host) is ok
