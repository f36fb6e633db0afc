"""The Export… dialog, driven with qtbot on a real store; the written files are read back."""

from __future__ import annotations

import csv
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
)
from pytestqt.qtbot import QtBot

from app.errors import Cancelled
from app.members.service import MemberDirectory
from app.store import Store
from ui.dialogs import export_dialog
from ui.dialogs.export_dialog import ExportDialog


class SaveAs:
    """Stands in for QFileDialog.getSaveFileName: records what was proposed, answers ``path``."""

    def __init__(self, path: Path | None) -> None:
        self.path = path
        self.proposed: list[tuple[str, str]] = []

    def __call__(self, _parent: Any, _title: str, proposed: str, filters: str) -> tuple[str, str]:
        self.proposed.append((proposed, filters))
        return (str(self.path) if self.path else "", "")


@pytest.fixture
def save_as(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> SaveAs:
    answer = SaveAs(tmp_path / "export.csv")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", answer)
    return answer


def open_dialog(
    qtbot: QtBot, store: Store, query: str = "", selected: list[int] | None = None
) -> ExportDialog:
    dialog = ExportDialog(store, MemberDirectory(store), query, selected or [])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.count_job is None, timeout=10000)
    return dialog


def child(dialog: ExportDialog, kind: type, name: str) -> Any:
    found = dialog.findChild(kind, name)
    assert found is not None, name
    return found


def export(qtbot: QtBot, dialog: ExportDialog) -> None:
    with qtbot.waitSignal(dialog.exported, timeout=10000):
        qtbot.mouseClick(child(dialog, QPushButton, "exportButton"), Qt.MouseButton.LeftButton)


def choose_format(dialog: ExportDialog, code: str) -> None:
    combo: QComboBox = child(dialog, QComboBox, "formatCombo")
    combo.setCurrentIndex(combo.findData(code))


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def test_the_current_search_to_csv(
    qtbot: QtBot,
    today: date,
    store: Store,
    people: dict[str, int],
    save_as: SaveAs,
    tmp_path: Path,
) -> None:
    dialog = open_dialog(qtbot, store, "tag:chimie")
    search: QRadioButton = child(dialog, QRadioButton, "searchChoice")
    selection: QRadioButton = child(dialog, QRadioButton, "selectionChoice")
    assert search.isChecked() and search.text() == "The current search (3)"
    assert not selection.isEnabled()
    assert child(dialog, QLabel, "queryLabel").text() == "tag:chimie"
    choose_format(dialog, "csv")
    export(qtbot, dialog)
    target = tmp_path / "export.csv"
    rows = read_csv(target)
    assert rows[0][:3] == ["First name", "Last name", "Email"]  # the window's titles
    assert rows[0][-1] == "Tags"
    assert [r[1] for r in rows[1:]] == ["Dupont", "Dupuis", "Martin"]
    result: QLabel = child(dialog, QLabel, "resultLabel")
    assert result.textFormat() == Qt.TextFormat.PlainText
    assert result.text() == f"3 members exported to {target}"
    assert child(dialog, QPushButton, "openFolderButton").isVisible()
    assert not child(dialog, QProgressBar, "progressBar").isVisible()
    assert child(dialog, QLabel, "errorLabel").text() == ""
    proposed, filters = save_as.proposed[0]
    assert Path(proposed) == Path.home() / f"amicale-export-{today.isoformat()}.csv"
    assert "*.csv" in filters


def test_the_selection_to_xlsx_with_chosen_columns(
    qtbot: QtBot, store: Store, people: dict[str, int], save_as: SaveAs, tmp_path: Path
) -> None:
    selected = [people["Martin"], people["Dupont"]]
    dialog = open_dialog(qtbot, store, "", selected)
    search: QRadioButton = child(dialog, QRadioButton, "searchChoice")
    selection: QRadioButton = child(dialog, QRadioButton, "selectionChoice")
    assert search.text() == "All members (6)"
    assert selection.isEnabled() and selection.text() == "The selected members (2)"
    selection.setChecked(True)
    choose_format(dialog, "xlsx")
    columns: QListWidget = child(dialog, QListWidget, "columnsList")
    dialog.set_columns(["last_name", "promo", "tags"])
    assert dialog.columns() == ["last_name", "promo", "tags"]
    save_as.path = tmp_path / "selection"  # no extension: the format's is added
    export(qtbot, dialog)
    assert Path(save_as.proposed[0][0]).suffix == ".xlsx"
    target = tmp_path / "selection.xlsx"
    workbook = load_workbook(target, read_only=True)
    rows = [list(r) for r in workbook.active.iter_rows(values_only=True)]
    workbook.close()
    assert rows == [
        ["Last name", "Class year", "Tags"],
        ["Martin", 2008, "Géographie/Lyon, Métier/Chimie"],
        ["Dupont", 2005, "Géographie/Saint-Étienne, Métier/Chimie"],
    ]
    # Unticking every column leaves nothing to export.
    for i in range(columns.count()):
        item = columns.item(i)
        assert item is not None
        item.setCheckState(Qt.CheckState.Unchecked)
    assert not child(dialog, QPushButton, "exportButton").isEnabled()


def test_fixed_layouts_vcard_and_mailchimp(
    qtbot: QtBot, store: Store, people: dict[str, int], save_as: SaveAs, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, store)
    columns: QListWidget = child(dialog, QListWidget, "columnsList")
    note: QLabel = child(dialog, QLabel, "columnsNote")
    choose_format(dialog, "mailchimp")
    assert not columns.isEnabled() and "newsletter consent" in note.text()
    assert note.textFormat() == Qt.TextFormat.PlainText
    save_as.path = tmp_path / "audience.csv"
    export(qtbot, dialog)
    assert read_csv(tmp_path / "audience.csv")[0] == [
        "Email Address",
        "First Name",
        "Last Name",
        "TAGS",
    ]
    assert "amicale-mailchimp-" in save_as.proposed[0][0]
    assert dialog.report is not None and dialog.report.rows == 2

    choose_format(dialog, "vcf")
    assert not columns.isEnabled()
    save_as.path = tmp_path / "contacts.vcf"
    export(qtbot, dialog)
    assert save_as.proposed[1][0].endswith(".vcf") and "*.vcf" in save_as.proposed[1][1]
    text = (tmp_path / "contacts.vcf").read_text("utf-8")
    assert text.count("BEGIN:VCARD") == 6
    choose_format(dialog, "csv-fr")
    assert columns.isEnabled() and not note.isVisible()


def test_no_file_chosen_does_nothing(
    qtbot: QtBot, store: Store, people: dict[str, int], save_as: SaveAs, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, store)
    save_as.path = None
    qtbot.mouseClick(child(dialog, QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert dialog.job is None and dialog.report is None
    assert not any(p.suffix == ".csv" for p in tmp_path.iterdir())


def test_a_write_error_is_one_clear_line(
    qtbot: QtBot, store: Store, people: dict[str, int], save_as: SaveAs, tmp_path: Path
) -> None:
    dialog = open_dialog(qtbot, store)
    save_as.path = tmp_path / "missing" / "out.csv"
    error: QLabel = child(dialog, QLabel, "errorLabel")
    qtbot.mouseClick(child(dialog, QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.job is None and error.text() != "", timeout=10000)
    assert error.text().startswith("The export failed: cannot write ")
    assert "\n" not in error.text() and "Traceback" not in error.text()
    assert error.textFormat() == Qt.TextFormat.PlainText
    assert child(dialog, QPushButton, "exportButton").isEnabled()


def test_a_bad_search_is_explained_and_the_selection_offered(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    dialog = open_dialog(qtbot, store, "promo:abc", [people["Dupont"]])
    assert not child(dialog, QRadioButton, "searchChoice").isEnabled()
    assert child(dialog, QRadioButton, "selectionChoice").isChecked()
    assert child(dialog, QLabel, "errorLabel").text().startswith("Search error at character 7")
    assert child(dialog, QPushButton, "exportButton").isEnabled()

    alone = open_dialog(qtbot, store, "promo:abc", [])
    assert not child(alone, QPushButton, "exportButton").isEnabled()


@pytest.fixture
def blocking_export(monkeypatch: pytest.MonkeyPatch) -> Iterator[threading.Event]:
    """export_members replaced by one that runs until cancelled (or released)."""
    started = threading.Event()
    release = threading.Event()

    def slow_export(*_args: Any, progress: Any = None, cancel: Any = None, **_kw: Any) -> Any:
        started.set()
        progress(0, 10)
        while not release.wait(0.01):
            if cancel.cancelled:
                raise Cancelled()
        raise AssertionError("released without cancel")

    monkeypatch.setattr(export_dialog, "export_members", slow_export)
    yield started
    release.set()


def test_cancel_stops_the_export(
    qtbot: QtBot,
    store: Store,
    people: dict[str, int],
    save_as: SaveAs,
    blocking_export: threading.Event,
) -> None:
    dialog = open_dialog(qtbot, store)
    cancel: QPushButton = child(dialog, QPushButton, "cancelButton")
    progress: QProgressBar = child(dialog, QProgressBar, "progressBar")
    qtbot.mouseClick(child(dialog, QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert blocking_export.wait(5)
    qtbot.waitUntil(lambda: progress.maximum() == 10, timeout=5000)
    assert cancel.isVisible() and progress.isVisible()
    assert not child(dialog, QPushButton, "exportButton").isEnabled()
    assert not child(dialog, QComboBox, "formatCombo").isEnabled()
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    result: QLabel = child(dialog, QLabel, "resultLabel")
    qtbot.waitUntil(lambda: dialog.job is None, timeout=5000)
    assert result.text() == "Export cancelled: no file was written."
    assert not cancel.isVisible() and not progress.isVisible()
    assert dialog.isVisible()


def test_closing_while_exporting_cancels_first(
    qtbot: QtBot,
    store: Store,
    people: dict[str, int],
    save_as: SaveAs,
    blocking_export: threading.Event,
) -> None:
    dialog = open_dialog(qtbot, store)
    qtbot.mouseClick(child(dialog, QPushButton, "exportButton"), Qt.MouseButton.LeftButton)
    assert blocking_export.wait(5)
    dialog.reject()  # Escape
    assert dialog.isVisible()
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=5000)
    assert dialog.job is None


def test_an_export_for_a_purpose_says_who_it_left_out(
    qtbot: QtBot, store: Store, people: dict[str, int], save_as: SaveAs, tmp_path: Path
) -> None:
    from app.privacy import consent

    consent.set_answers(store, people["Martin"], {"partners": True}, "form")
    consent.set_answers(store, people["Dupont"], {"partners": False}, "form")
    dialog = open_dialog(qtbot, store, "tag:chimie")
    choose_format(dialog, "csv")
    purpose: QComboBox = child(dialog, QComboBox, "purposeCombo")
    assert purpose.currentData() is None
    purpose.setCurrentIndex(purpose.findData("partners"))
    assert purpose.currentText() == "Sharing with partner schools"
    export(qtbot, dialog)
    rows = read_csv(tmp_path / "export.csv")
    assert [r[1] for r in rows[1:]] == ["Martin"]  # Dupont refused, Dupuis was never asked
    assert child(dialog, QLabel, "resultLabel").text().splitlines()[1] == (
        "Left out for this purpose: 1 who objected, 1 never asked."
    )
