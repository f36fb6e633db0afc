"""The search never misleads (issue 17, points 7, 8 and 9): a malformed query leaves a
greyed list said "not updated" that cannot be exported; the placeholder's examples work on
the sample association and an unknown tag is explained; the keyboard reaches the results."""

from __future__ import annotations

import re
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.demo import build_demo
from app.members.service import MemberDirectory
from app.store import Store
from ui.main_window import MainWindow
from ui.panels.members import MembersPanel
from ui.settings import UiSettings


@pytest.fixture
def window(main_window: MainWindow) -> MainWindow:
    return main_window


def search(qtbot: QtBot, win: MainWindow, text: str) -> None:
    with qtbot.waitSignal(win.members.searchFinished, timeout=10000):
        win.members.search.setText(text)


# --- 7: a malformed query -------------------------------------------------------------------


def test_a_malformed_query_greys_the_list_and_disables_export(
    qtbot: QtBot, window: MainWindow
) -> None:
    members = window.members
    search(qtbot, window, "promo:2000..")
    assert window.export_action.isEnabled()
    with qtbot.waitSignal(members.searches.failed, timeout=10000):
        members.search.setText("promo:2000.. (tag:")
    assert members.error.isVisible()
    assert members.hint.isVisible() and "not updated" in members.hint.text()
    assert not members.table.isEnabled()  # greyed
    assert window.count_label.text().endswith("(not updated)")
    assert not window.export_action.isEnabled()
    # Ctrl+E does nothing either.
    opened: list[object] = []
    window.export_action.triggered.connect(lambda: opened.append(1))
    qtbot.keyClick(members.search, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert opened == []
    # A valid query again: the list is live, the export back.
    search(qtbot, window, "promo:2000..")
    assert members.table.isEnabled()
    assert window.export_action.isEnabled()
    assert not members.error.isVisible()
    assert not window.count_label.text().endswith("(not updated)")


# --- 8: the placeholder's examples and unknown tags -----------------------------------------


def placeholder_terms(panel: MembersPanel) -> list[str]:
    text = panel.search.placeholderText()
    examples = text.split(":", 1)[1].rstrip("…")
    return [t.strip() for t in re.findall(r'"[^"]+"|[^\s,]+', examples) if t.strip()]


def test_every_example_of_the_placeholder_finds_members_in_the_sample(
    qtbot: QtBot, store: Store
) -> None:
    build_demo(store, members=3000, seed=2011, today=date(2026, 11, 26))
    panel = MembersPanel(MemberDirectory(store), UiSettings())
    qtbot.addWidget(panel)
    terms = placeholder_terms(panel)
    assert any(t.startswith("tag:") for t in terms) and len(terms) >= 4
    directory = MemberDirectory(store)
    for term in terms:
        assert directory.count(term) > 0, term
    assert directory.unknown_tags(" ".join(terms)) == []


def test_an_unknown_tag_is_explained_with_the_city_it_may_be(
    qtbot: QtBot, window: MainWindow
) -> None:
    members = window.members
    # The fixture's tags are Géographie/Lyon…: a tag named like a city exists, no hint.
    search(qtbot, window, "tag:lyon")
    assert not members.hint.isVisible()
    search(qtbot, window, "tag:mulhouse")
    assert members.model.rowCount() == 0
    assert members.hint.isVisible()
    assert members.hint.text() == "No member has the tag “mulhouse” — did you mean city:mulhouse?"
    search(qtbot, window, "tag:Géographie/Mulhouse -tag:nothing")
    assert "“Géographie/Mulhouse”: no tag has this name." in members.hint.text()
    assert "“nothing”: no tag has this name." in members.hint.text()
    search(qtbot, window, "tag:géographie/alsace")
    assert not members.hint.isVisible()


# --- 9: the keyboard ------------------------------------------------------------------------


def test_down_from_the_search_box_goes_into_the_results(qtbot: QtBot, window: MainWindow) -> None:
    members = window.members
    search(qtbot, window, "dup")
    members.table.clearSelection()
    members.search.setFocus()
    qtbot.keyClick(members.search, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is members.table or members.table.hasFocus()
    assert len(members.selected_ids()) == 1
    qtbot.waitUntil(lambda: members.card.member_id == members.selected_ids()[0])


def test_ctrl_end_goes_to_the_last_member_with_the_names_in_sight(
    qtbot: QtBot, window: MainWindow
) -> None:
    members = window.members
    table = members.table
    header = table.horizontalHeader()
    members.fitter.set_fitting(False)  # columns the CM widened (they fit the list otherwise)
    for section in range(header.count()):
        if not header.isSectionHidden(section):
            header.resizeSection(section, 400)  # wider than the view: it scrolls
    QApplication.processEvents()  # the scroll bar's range follows the header's new length
    table.selectRow(0)
    table.setFocus()
    bar = table.horizontalScrollBar()
    assert bar.maximum() > 0
    qtbot.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == members.model.rowCount() - 1
    assert bar.value() == 0
    assert header.visualIndex(table.currentIndex().column()) == 0
    qtbot.keyClick(table, Qt.Key.Key_Home, Qt.KeyboardModifier.ControlModifier)
    assert table.currentIndex().row() == 0
    assert bar.value() == 0
