"""The import dialog, driven with qtbot on a real file and a real store."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox
from pytestqt.qtbot import QtBot

from app.members.service import MemberDirectory
from app.store import Store
from ui.dialogs.import_dialog import ImportDialog
from ui.settings import UiSettings

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL


def make_file(tmp_path: Path) -> Path:
    path = tmp_path / "annuaire.csv"
    path.write_text(
        "Prénom;Nom;Mél perso;Promo\n"
        "Émilie;Dupont;emilie@example.org;2005\n"
        ";;;2010\n"
        "Jean;Dupuis;jean@example.org;1999\n",
        encoding="cp1252",
    )
    return path


def test_preview_check_then_import(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    dialog = ImportDialog(store, UiSettings())
    qtbot.addWidget(dialog)
    dialog.open_file(make_file(tmp_path))
    assert dialog.source is not None
    assert dialog.preview.rowCount() == 1 + 3  # the mapping row, then the file
    combos = [dialog.preview.cellWidget(0, c) for c in range(dialog.preview.columnCount())]
    assert all(isinstance(c, QComboBox) for c in combos)
    mapping = dialog.mapping()
    assert mapping["Prénom"] == "first_name" and mapping["Promo"] == "promo"
    # "Mél perso" is not recognised: the CM maps it by hand.
    email_combo = combos[2]
    assert isinstance(email_combo, QComboBox)
    email_combo.setCurrentIndex(email_combo.findData("email"))

    with qtbot.waitSignal(dialog.try_button.clicked, timeout=1000):
        qtbot.mouseClick(dialog.try_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and dialog.report is not None, timeout=10000)
    assert dialog.report is not None and dialog.report.dry_run
    assert "2" in dialog.summary.text() and MemberDirectory(store).total() == 0

    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert MemberDirectory(store).count("has:email") == 2
    assert dialog.rejects.count() == 1 and "3" in dialog.rejects.item(0).text()

    # The mapping chosen by hand is remembered for files with the same headers.
    again = ImportDialog(store, UiSettings())
    qtbot.addWidget(again)
    again.open_file(make_file(tmp_path))
    assert again.mapping()["Mél perso"] == "email"
    assert "already imported" in again.notice.text()


def test_unreadable_file_shows_a_message(qtbot: QtBot, store: Store, tmp_path: Path) -> None:
    bad = tmp_path / "dup.csv"
    bad.write_text("Nom;Nom\nA;B\n", encoding="utf-8")
    dialog = ImportDialog(store, UiSettings())
    qtbot.addWidget(dialog)
    dialog.open_file(bad)
    assert dialog.source is None
    assert "Nom" in dialog.notice.text()
    assert not dialog.import_button.isEnabled()
