"""Nothing typed is lost (issue 17, points 1 and 2): the member card asks before it shows
something else, the post editor asks before it closes and keeps an autosaved draft."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app.members.service import MemberDirectory
from app.posts.channels import channels, resolve
from app.posts.store import Post, get_post
from app.store import Store
from ui.dialogs.post_editor import PostEditor
from ui.main_window import MainWindow

Button = QMessageBox.StandardButton


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


class Answers:
    """QMessageBox.question answered from a queue; each question's text is kept."""

    def __init__(self) -> None:
        self.queue: list[Button] = []
        self.asked: list[str] = []

    def __call__(self, *args: object, **_: object) -> Button:
        self.asked.append(str(args[2]))
        return self.queue.pop(0)


@pytest.fixture
def answers(monkeypatch: pytest.MonkeyPatch) -> Answers:
    made = Answers()
    monkeypatch.setattr(QMessageBox, "question", made)
    return made


def row_of(win: MainWindow, member_id: int) -> int:
    return win.members.model.row_of(member_id)


def edit_city(qtbot: QtBot, win: MainWindow, member_id: int, city: str) -> None:
    win.members.table.selectRow(row_of(win, member_id))
    qtbot.waitUntil(lambda: win.members.card.member_id == member_id)
    editor = win.members.card.editors["city"]
    assert isinstance(editor, QLineEdit)
    editor.selectAll()
    qtbot.keyClicks(editor, city)
    assert win.members.card.dirty


def city(store: Store, member_id: int) -> str:
    return str(MemberDirectory(store).get(member_id).values["city"])


def test_clicking_another_member_asks_and_cancel_keeps_the_edit(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], answers: Answers
) -> None:
    card = window.members.card
    edit_city(qtbot, window, people["Martin"], "Grenoble")
    answers.queue.append(Button.Cancel)
    window.members.table.selectRow(row_of(window, people["Dupont"]))
    assert len(answers.asked) == 1 and "unsaved changes" in answers.asked[0]
    assert card.member_id == people["Martin"] and card.dirty
    assert window.members.selected_ids() == [people["Martin"]]
    assert card.values()["city"] == "Grenoble"
    card.revert()  # the window closes without asking again


def test_clicking_another_member_then_save_keeps_the_edit_and_moves_on(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    people: dict[str, int],
    answers: Answers,
) -> None:
    edit_city(qtbot, window, people["Martin"], "Grenoble")
    answers.queue.append(Button.Save)
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.members.table.selectRow(row_of(window, people["Dupont"]))
    assert city(store, people["Martin"]) == "Grenoble"
    assert window.members.card.member_id == people["Dupont"]
    assert window.members.selected_ids() == [people["Dupont"]]


def test_clicking_another_member_then_discard_drops_the_edit(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    people: dict[str, int],
    answers: Answers,
) -> None:
    before = city(store, people["Martin"])
    edit_city(qtbot, window, people["Martin"], "Grenoble")
    answers.queue.append(Button.Discard)
    window.members.table.selectRow(row_of(window, people["Dupont"]))
    assert city(store, people["Martin"]) == before
    assert window.members.card.member_id == people["Dupont"]
    assert not window.members.card.dirty


def test_starting_a_search_asks_and_cancel_puts_the_text_back(
    qtbot: QtBot, window: MainWindow, people: dict[str, int], answers: Answers
) -> None:
    edit_city(qtbot, window, people["Martin"], "Grenoble")
    answers.queue.append(Button.Cancel)
    window.members.search.setText("dup")
    assert len(answers.asked) == 1
    assert window.members.search.text() == ""
    assert window.members.card.values()["city"] == "Grenoble"
    # Save: the search runs, the edit is kept in the store.
    answers.queue.append(Button.Save)
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.members.search.setText("dup")
    assert window.members.search.text() == "dup"


def test_changing_panel_asks_and_cancel_stays(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    people: dict[str, int],
    answers: Answers,
) -> None:
    edit_city(qtbot, window, people["Martin"], "Grenoble")
    answers.queue.append(Button.Cancel)
    window.sidebar.setCurrentRow(window.panels().index(window.history))
    assert window.stack.currentWidget() is window.members
    assert window.sidebar.currentRow() == window.panels().index(window.members)
    assert window.members.card.dirty
    answers.queue.append(Button.Save)
    window.sidebar.setCurrentRow(window.panels().index(window.history))
    assert window.stack.currentWidget() is window.history
    assert city(store, people["Martin"]) == "Grenoble"


def test_closing_the_window_asks_about_an_edited_member(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    people: dict[str, int],
    answers: Answers,
) -> None:
    edit_city(qtbot, window, people["Martin"], "Grenoble")
    answers.queue.extend([Button.Cancel, Button.Save])
    assert not window.close()
    assert window.isVisible()
    assert window.close()
    assert city(store, people["Martin"]) == "Grenoble"


# --- the post editor (point 2) --------------------------------------------------------------


def list_posts(store: Store) -> list[Post]:
    import sqlalchemy as sa

    from app.store.schema import post

    with store.read() as conn:
        ids = [int(i) for i in conn.execute(sa.select(post.c.id).order_by(post.c.id)).scalars()]
    return [get_post(store, i) for i in ids]


def new_editor(qtbot: QtBot, store: Store, post_id: int | None = None) -> PostEditor:
    editor = PostEditor(store, channels(store), post_id)
    qtbot.addWidget(editor)
    editor.show()
    return editor


def test_escape_on_a_changed_post_asks_before_discarding(
    qtbot: QtBot, store: Store, answers: Answers, fixed_now: object
) -> None:
    editor = new_editor(qtbot, store)
    qtbot.keyClick(editor, Qt.Key.Key_Escape)  # unchanged: closes without a word
    assert not editor.isVisible() and answers.asked == []
    editor = new_editor(qtbot, store)
    qtbot.keyClicks(editor.text_edit, "Gala on Friday")
    answers.queue.append(Button.Cancel)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Escape)
    assert len(answers.asked) == 1 and "unsaved changes" in answers.asked[0]
    assert editor.isVisible() and editor.text_edit.toPlainText() == "Gala on Friday"
    # Save: a draft in the store, the editor closed.
    answers.queue.append(Button.Save)
    qtbot.keyClick(editor.text_edit, Qt.Key.Key_Escape)
    assert not editor.isVisible()
    assert [p.text for p in list_posts(store)] == ["Gala on Friday"]
    assert list_posts(store)[0].state == "draft"


def test_discarding_a_changed_post_forgets_it(
    qtbot: QtBot, store: Store, answers: Answers, fixed_now: object
) -> None:
    editor = new_editor(qtbot, store)
    qtbot.keyClicks(editor.text_edit, "Not this one")
    editor.autosave()
    assert editor.autosave_path.exists()
    answers.queue.append(Button.Discard)
    editor.reject()
    assert not editor.isVisible() and list_posts(store) == []
    assert not editor.autosave_path.exists()
    new_editor(qtbot, store).discard()
    assert len(answers.asked) == 1  # nothing offered back


def test_an_autosaved_draft_is_offered_back_after_a_crash(
    qtbot: QtBot, store: Store, answers: Answers, fixed_now: object
) -> None:
    editor = new_editor(qtbot, store)
    linkedin = resolve(channels(store), "linkedin")
    assert linkedin is not None
    editor.channel_boxes[linkedin.id].setChecked(True)
    qtbot.keyClicks(editor.title_edit, "Gala")
    qtbot.keyClicks(editor.text_edit, "Gala on Friday")
    assert editor.autosave_timer.isActive()  # armed by the change: no fixed wait here
    with qtbot.waitSignal(editor.autosave_timer.timeout, timeout=10000):
        pass
    assert editor.autosave_path.exists()
    # The crash: the editor goes without closing (no reject, no save).
    editor.autosave_timer.stop()
    editor.hide()
    answers.queue.append(Button.Yes)
    again = new_editor(qtbot, store)
    assert len(answers.asked) == 1 and "never saved" in answers.asked[0]
    assert again.text_edit.toPlainText() == "Gala on Friday"
    assert again.title_edit.text() == "Gala"
    assert [c.id for c in again.ticked()] == [linkedin.id]
    assert again.dirty
    assert again.save("draft")
    assert not again.autosave_path.exists()
    assert [p.text for p in list_posts(store)] == ["Gala on Friday"]
    editor.discard()  # the one that "crashed", for the teardown
