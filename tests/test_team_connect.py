"""File → Connect to a team directory…, driven with qtbot on a real throw-away server."""

from __future__ import annotations

import socket
from typing import Any

import pytest
from PySide6.QtCore import Qt

from ui.dialogs.team_connect import TeamConnectDialog
from ui.settings import UiSettings


@pytest.fixture
def dialog(qtbot: Any) -> TeamConnectDialog:
    shown = TeamConnectDialog(UiSettings())
    qtbot.addWidget(shown)
    return shown


def test_connecting_remembers_the_directory_for_the_next_start(
    qtbot: Any, dialog: TeamConnectDialog, pg_url: str
) -> None:
    dialog.address_edit.setText(pg_url)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert dialog.progress.isVisible() or dialog.job is not None  # in a worker, not the window
    qtbot.waitUntil(lambda: "Connected to" in dialog.status_label.text(), timeout=15000)
    assert "as administrator" in dialog.status_label.text()
    assert dialog.error_label.text() == ""
    assert UiSettings().team_address == pg_url
    assert dialog.status_label.textFormat() == Qt.TextFormat.PlainText


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("mysql://claire@serveur/amicale", "is not a kind of store"),
        ("/home/claire/amicale.sqlite3", "Give a team server's address"),
    ],
)
def test_a_wrong_address_is_said_at_once(
    qtbot: Any, dialog: TeamConnectDialog, text: str, words: str
) -> None:
    dialog.address_edit.setText(text)
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    assert words in dialog.error_label.text()
    assert dialog.job is None and UiSettings().team_address == ""


def test_a_server_that_does_not_answer_is_said_and_nothing_is_kept(
    qtbot: Any, dialog: TeamConnectDialog
) -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    dialog.address_edit.setText(f"postgresql://claire@127.0.0.1:{port}/amicale")
    qtbot.mouseClick(dialog.connect_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.error_label.text() != "", timeout=15000)
    assert dialog.error_label.text().startswith("cannot reach the team server")
    assert dialog.connect_button.isEnabled() and not dialog.progress.isVisible()
    assert UiSettings().team_address == ""


def test_the_file_menu_offers_it(main_window: Any) -> None:
    titles = [a.text() for a in main_window.menuBar().actions()[0].menu().actions()]
    assert "&Connect to a team directory…" in titles
