"""A brand-new association (no members) shows its first step, and each empty panel says
what to do (issue 17, point 6)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from app import association
from app.store import Store
from ui.dialogs import import_dialog
from ui.main_window import MainWindow
from ui.settings import UiSettings


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> Iterator[MainWindow]:
    win = MainWindow(store, UiSettings(), association.Association("Amicale Neuve", "CM"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.members.searchFinished, timeout=10000):
        win.show()  # the first search, started with the window, ends in this event loop
    yield win
    win.members.searches.wait()


def test_the_empty_list_offers_to_import_the_members(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[import_dialog.ImportDialog] = []
    # The dialog is modal: note that it opens instead of running its event loop.
    monkeypatch.setattr(import_dialog.ImportDialog, "exec", lambda self: opened.append(self) or 0)
    members = window.members
    assert members.list_stack.currentWidget() is members.first_run
    button = members.first_run_button
    assert button.isVisible() and button.text() == "Import your members (Excel, CSV, LinkedIn…)"
    with qtbot.waitSignal(window.import_action.triggered, timeout=2000):
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert len(opened) == 1


def test_the_list_comes_back_once_there_are_members(qtbot: QtBot, window: MainWindow) -> None:
    members = window.members
    members.directory.create({"first_name": "Anne", "last_name": "Un"})
    with qtbot.waitSignal(members.searchFinished, timeout=10000):
        members.refresh()
    assert members.list_stack.currentWidget() is members.table


@pytest.mark.parametrize("name", ["tags", "today", "posts", "moderation", "duplicates"])
def test_each_empty_panel_says_what_to_do(qtbot: QtBot, window: MainWindow, name: str) -> None:
    panel = getattr(window, name)
    window.sidebar.setCurrentRow(window.panels().index(panel))
    hint = panel.findChild(QWidget, "emptyState" if name == "duplicates" else "emptyHint")
    assert hint is not None
    qtbot.waitUntil(hint.isVisible, timeout=10000)
    assert hint.text()
