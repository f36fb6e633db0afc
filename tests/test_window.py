"""The window, driven as a user would (offscreen), on a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit, QMessageBox
from pytestqt.qtbot import QtBot

from app import association
from app.members.service import MemberDirectory
from app.store import Store
from ui.main_window import MainWindow
from ui.models.member_table import MEMBER_ID_ROLE, PAGE_SIZE, MemberTableModel
from ui.settings import UiSettings


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    """The main window on ``people``, shown, its first search done (conftest.py)."""
    return main_window


def search(qtbot: QtBot, win: MainWindow, text: str) -> None:
    with qtbot.waitSignal(win.members.searchFinished, timeout=10000):
        win.members.search.setText(text)


def listed_names(win: MainWindow) -> list[str]:
    model = win.members.model
    column = model.columns.index("last_name")
    return [model.index(r, column).data() for r in range(model.rowCount())]


def test_window_lists_everyone_with_the_count(window: MainWindow) -> None:
    assert window.members.model.rowCount() == 6
    assert window.count_label.text() == "6 members"
    assert window.windowTitle().startswith("Amicale Test")


def test_member_model_passes_qtmodeltester(
    qtmodeltester, store: Store, people: dict[str, int]
) -> None:
    model = MemberTableModel(MemberDirectory(store))
    model.set_ids(MemberDirectory(store).search_ids(""))
    qtmodeltester.check(model, force_py=True)


def test_model_fetches_pages_lazily_and_bounds_its_cache(store: Store) -> None:
    directory = MemberDirectory(store)
    for i in range(PAGE_SIZE * 3):
        directory.create({"first_name": f"P{i:04}", "last_name": "Page"})
    model = MemberTableModel(directory)
    model.set_ids(directory.search_ids(""))
    assert model.page_fetches == 0
    assert model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEnabled
    assert model.page_fetches == 0  # flags() never fetches
    model.index(PAGE_SIZE * 2 + 5, 0).data()
    assert model.page_fetches == 1
    model.index(PAGE_SIZE * 2 + 6, 1).data()
    assert model.page_fetches == 1  # same page: served from the cache


def test_deleted_row_shows_disabled_instead_of_failing(
    store: Store, people: dict[str, int]
) -> None:
    directory = MemberDirectory(store)
    model = MemberTableModel(directory)
    model.set_ids(directory.search_ids(""))
    gone = model.index(0, 0).data(MEMBER_ID_ROLE)
    directory.delete([gone])
    model.refresh_rows()
    assert model.index(0, 0).data() == ""
    assert not model.index(0, 0).flags() & Qt.ItemFlag.ItemIsEnabled


def test_typing_filters_and_updates_the_status_bar(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "dup")
    assert sorted(listed_names(window)) == ["Dupont", "Dupuis"]
    assert window.count_label.text() == "2 of 6 members"
    search(qtbot, window, "tag:lyon promo:2005..2010")
    assert listed_names(window) == ["Martin"]


def test_malformed_query_shows_position_and_keeps_results(qtbot: QtBot, window: MainWindow) -> None:
    search(qtbot, window, "dup")
    with qtbot.waitSignal(window.members.searches.failed, timeout=10000):
        window.members.search.setText("dup (city:lyon")
    error = window.members.error
    assert error.isVisible()
    assert "character 5" in error.text()
    assert error.textFormat() == Qt.TextFormat.PlainText
    assert sorted(listed_names(window)) == ["Dupont", "Dupuis"]
    search(qtbot, window, "dup")
    assert not error.isVisible()


def test_clicking_a_header_sorts_by_sql(qtbot: QtBot, window: MainWindow) -> None:
    table = window.members.table
    column = window.members.model.columns.index("promo")
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        table.sortByColumn(column, Qt.SortOrder.AscendingOrder)
    assert listed_names(window)[:2] == ["Lefèvre", "Dupuis"]
    table.sortByColumn(column, Qt.SortOrder.DescendingOrder)  # flips in place
    assert listed_names(window)[0] == "Le Goff"  # no class year: last, now first


def test_ctrl_f_focuses_the_search_box(qtbot: QtBot, window: MainWindow) -> None:
    window.members.table.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.members.search.hasFocus() or QApplication.focusWidget() is window.members.search


def select_last_name(qtbot: QtBot, win: MainWindow, name: str) -> None:
    row = listed_names(win).index(name)
    win.members.table.selectRow(row)
    qtbot.waitUntil(lambda: win.members.card.member_id is not None)


def test_card_edits_and_validates(
    qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int]
) -> None:
    select_last_name(qtbot, window, "Martin")
    card = window.members.card
    email = card.editors["email"]
    assert isinstance(email, QLineEdit)
    email.clear()
    qtbot.keyClicks(email, "not-an-email")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert card.errors["email"].isVisible()
    assert (
        MemberDirectory(store).get(people["Martin"]).values["email"] == "helene.martin@example.org"
    )

    email.clear()
    qtbot.keyClicks(email, "helene@example.net")
    birthday = card.editors["birthday"]
    assert isinstance(birthday, QLineEdit)
    qtbot.keyClicks(birthday, "05/03/1986")
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    saved = MemberDirectory(store).get(people["Martin"]).values
    assert saved["email"] == "helene@example.net"
    assert saved["birthday"] == "1986-03-05"
    assert card.member_id == people["Martin"]


def test_ctrl_n_creates_a_member(qtbot: QtBot, window: MainWindow, store: Store) -> None:
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    card = window.members.card
    assert card.member_id is None
    qtbot.keyClicks(card.editors["first_name"], "Anais")  # QTest types ASCII only
    qtbot.keyClicks(card.editors["last_name"], "Nouvelle")
    qtbot.keyClicks(card.editors["promo"], "2024")
    qtbot.keyClicks(card.tags, "Promo/Annees 2020")
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert MemberDirectory(store).count('anaïs tag:"promo/années 2020"') == 1
    assert window.members.model.rowCount() == 7
    assert card.member_id is not None


def test_new_member_needs_a_name_or_email(qtbot: QtBot, window: MainWindow) -> None:
    window.members.new_member()
    card = window.members.card
    qtbot.keyClicks(card.editors["city"], "Lyon")
    qtbot.mouseClick(card.save_button, Qt.MouseButton.LeftButton)
    assert card.errors["last_name"].isVisible()
    assert window.members.model.rowCount() == 6
    card.revert()


def test_quitting_with_unsaved_changes_asks(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.members.new_member()
    qtbot.keyClicks(window.members.card.editors["city"], "Lyon")
    answers = [QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: answers.pop(0))
    assert not window.close()
    assert window.isVisible()
    assert window.close()


def test_delete_asks_then_undo_brings_back(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[str] = []

    def answer_yes(*args: object, **_: object) -> QMessageBox.StandardButton:
        asked.append(str(args[2]))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer_yes)
    table = window.members.table
    table.selectRow(0)
    table.selectionModel().select(
        window.members.model.index(1, 0),
        table.selectionModel().SelectionFlag.Select | table.selectionModel().SelectionFlag.Rows,
    )
    assert "2 members selected" in window.members.card.title.text()
    table.setFocus()
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        qtbot.keyClick(table, Qt.Key.Key_Delete)
    assert "2 member" in asked[0]
    assert window.members.model.rowCount() == 4
    assert MemberDirectory(store).total() == 4
    assert window.undo_action.isEnabled()
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.undo_action.trigger()
    assert MemberDirectory(store).total() == 6
    assert MemberDirectory(store).count("tag:alsace") == 1
    assert not window.undo_action.isEnabled()


def test_columns_and_widths_are_remembered(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    settings = UiSettings()
    first = MainWindow(store, settings)
    qtbot.addWidget(first)
    header = first.members.table.horizontalHeader()
    phone = first.members.model.columns.index("phone")
    assert header.isSectionHidden(phone)
    header.setSectionHidden(phone, False)
    header.resizeSection(0, 321)
    first.close()
    qtbot.waitUntil(lambda: not first.members.searches.busy)
    second = MainWindow(store, UiSettings())
    qtbot.addWidget(second)
    header2 = second.members.table.horizontalHeader()
    assert not header2.isSectionHidden(phone)
    assert header2.sectionSize(0) == 321
    second.members.searches.wait()


def test_first_start_creates_the_association(qtbot: QtBot, store: Store) -> None:
    from ui.dialogs.first_start import FirstStartDialog

    dialog = FirstStartDialog(store)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.error.text()  # a name is required
    qtbot.keyClicks(dialog.name, "Amicale Chimie Mulhouse")
    qtbot.keyClicks(dialog.signature, "Claire")
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    saved = association.load(store)
    assert saved is not None and saved.name == "Amicale Chimie Mulhouse"


def test_first_start_sample_association(qtbot: QtBot, store: Store) -> None:
    from ui.dialogs.first_start import FirstStartDialog

    dialog = FirstStartDialog(store)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted, timeout=60000):
        qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
    assert MemberDirectory(store).total() > 1000
    assert association.load(store) is not None


def test_first_start_sample_association_on_a_team_server(qtbot: QtBot, pg_url: str) -> None:
    """An empty team directory gets the same offer, and the sample goes to the server."""
    from app.store import open_store
    from ui.dialogs.first_start import FirstStartDialog

    store = open_store(pg_url)
    try:
        dialog = FirstStartDialog(store)
        qtbot.addWidget(dialog)
        with qtbot.waitSignal(dialog.accepted, timeout=60000):
            qtbot.mouseClick(dialog.sample_button, Qt.MouseButton.LeftButton)
        assert MemberDirectory(store).total() > 1000
        assert association.load(store) is not None
    finally:
        store.close()


def test_screenshot_is_not_blank(qtbot: QtBot, window: MainWindow, tmp_path: Path) -> None:
    window.members.table.selectRow(1)
    image = window.grab().toImage()
    assert image.width() > 600
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 37) for y in range(0, image.height(), 29)
    }
    assert len(colours) > 5


def test_segment_in_the_sidebar_runs_its_search(qtbot: QtBot, window: MainWindow) -> None:
    window.segments.save_current("Lyonnais", "city:lyon")
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.segments.segmentActivated.emit("city:lyon")
    assert window.stack.currentWidget() is window.members
    assert sorted(listed_names(window)) == ["Dupuis", "Martin"]
    window.segments.wait()


def test_birthdays_of_the_day_show_in_the_sidebar(qtbot: QtBot, window: MainWindow) -> None:
    from datetime import date

    item = window.sidebar.item(window.panels().index(window.today))
    assert item is not None
    window.today.set_day(date(2026, 6, 1))
    qtbot.waitUntil(lambda: item.text() == "Birthdays", timeout=10000)
    window.today.set_day(date(2026, 11, 26))  # Émilie Dupont, born 1982-11-26
    qtbot.waitUntil(lambda: item.text() == "Birthdays (1)", timeout=10000)


def test_clicking_a_tag_filters_the_members(qtbot: QtBot, window: MainWindow) -> None:
    from app import tags as tag_service

    lyon = next(t for c in tag_service.tag_tree(window.store) for t in c.tags if t.name == "Lyon")
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.tags.queryRequested.emit(lyon.query)
    assert sorted(listed_names(window)) == ["Dupuis", "Martin"]
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.tags.combineRequested.emit("promo:2005..2010")
    assert listed_names(window) == ["Martin"]


def test_tag_counts_follow_the_search_shown_when_a_browser_is_open(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.sidebar.setCurrentRow(window.panels().index(window.today))
    search(qtbot, window, "promo:2000..2010")
    assert window.tag_sync.isActive()  # the typing pause, then the sync that must do nothing
    with qtbot.waitSignal(window.tag_sync.timeout, timeout=10000):
        pass
    # Not counted while no tag browser is on screen: the search keeps the machine.
    assert window.tags.query == ""
    with qtbot.waitSignal(window.tags.countsUpdated, timeout=10000):
        window.sidebar.setCurrentRow(window.panels().index(window.tags))
    assert window.tags.query == "promo:2000..2010"
    # Beside the member list, the counts follow once the typing pauses.
    window.sidebar.setCurrentRow(window.panels().index(window.members))
    with qtbot.waitSignal(window.tags.countsUpdated, timeout=10000):
        search(qtbot, window, "city:lyon")
    assert window.tags.query == "city:lyon"


def test_the_window_fits_a_laptop_screen_beside_the_tag_browser(
    qtbot: QtBot, window: MainWindow
) -> None:
    # The widest page (duplicates side by side) does not widen the member list's page.
    assert window.tag_dock.isVisible()
    assert window.minimumSizeHint().width() <= 1280
    window.sidebar.setCurrentRow(window.panels().index(window.duplicates))
    assert not window.tag_dock.isVisible()
    assert window.stack.minimumWidth() == window.duplicates.minimumSizeHint().width()


def test_the_program_hands_the_window_to_the_command_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import launch

    opened: list[tuple[str, bool]] = []
    monkeypatch.setattr(launch, "open_window", lambda db, smoke: opened.append((db, smoke)) or 0)
    db = tmp_path / "w.sqlite3"
    assert launch.main(["--db", str(db)]) == 0
    assert launch.main(["--db", str(db), "--smoke-test"]) == 0
    assert opened == [(str(db), False), (str(db), True)]


def test_the_default_window_fits_the_available_screen(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    # Issue 17, point 13: 1280×800 was taller than a 1366×768 screen (status bar hidden).
    from PySide6.QtCore import QRect

    from ui.main_window import FRAME_ALLOWANCE, default_size

    laptop = QRect(0, 0, 1366, 768 - 32)  # a 1366×768 screen less a desktop panel
    fitted = default_size(laptop)
    assert fitted.height() + FRAME_ALLOWANCE.height() <= laptop.height()
    assert fitted.width() <= laptop.width()
    assert default_size(QRect(0, 0, 1920, 1080)).toTuple() == (1280, 800)
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    available = win.screen().availableGeometry()
    assert win.height() <= available.height() - FRAME_ALLOWANCE.height() or (
        win.height() == win.minimumSizeHint().height()
    )
    win.show()
    qtbot.waitUntil(lambda: win.members.last_result is not None, timeout=10000)
    win.members.searches.wait()


def test_the_member_list_keeps_its_width_from_one_to_many_selected(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.resize(1280, 800)
    table = window.members.table
    table.selectRow(0)
    qtbot.waitUntil(lambda: window.members.card.member_id is not None)
    one = window.members.splitter.sizes()
    flags = table.selectionModel().SelectionFlag
    table.selectionModel().select(window.members.model.index(3, 0), flags.Select | flags.Rows)
    assert "members selected" in window.members.card.title.text()
    QApplication.processEvents()
    assert window.members.splitter.sizes() == one
    # The card's fields are never cut: its scroll area is at least as wide as its form.
    card = window.members.card
    form = card.editors["email"].parentWidget().parentWidget()
    assert card.width() >= form.minimumSizeHint().width()
