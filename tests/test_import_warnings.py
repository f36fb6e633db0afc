"""Imports say what they did (issue 17, point 4): every value not imported as it was is a
warning, listed by the dialog and the command line, and kept in the member's notes."""

from __future__ import annotations

import csv
import json
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.cli import main
from app.io import importer
from app.io.importer import import_file, write_rejects
from app.io.readers import open_source
from app.members.service import MemberDirectory
from app.store import Store
from ui.dialogs.import_dialog import ImportDialog
from ui.settings import UiSettings

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL

HEADER = "Prénom;Nom;Email;Cotisation"
USER_HEADER = "Prénom;Nom;Email;Cotisation;Promo"


def user_test_file(tmp_path: Path) -> Path:
    """The user test's file: Windows' French encoding, a broken email, dues in words."""
    path = tmp_path / "adhérents.csv"
    path.write_text(
        f"{USER_HEADER}\n"
        "François-Xavier;Mazé;fx.maze@@wanadoo;payée;1998\n"
        "Élodie;Bérard;elodie@example.org;non\n"
        "Hélène;Côté;helene@example.org;à jour\n"
        "Noël;Lefèvre;noel@example.org;réglée\n"
        "Zoé;Ärger;zoe@example.org;oui\n"
        "Anaïs;Dubœuf;anais@example.org;2025\n"
        "Loïc;Prévost;loic@example.org;cotisation 2026\n"
        "Gaël;Jégou;gael@example.org;payé\n",
        encoding="cp1252",
    )
    return path


def _by_name(store: Store) -> dict[str, dict[str, object]]:
    directory = MemberDirectory(store)
    members = (directory.get(i) for i in directory.search_ids(""))
    return {str(m.values["last_name"]): m.values for m in members}


def test_french_dues_words_and_a_broken_email_are_never_lost(
    store: Store, tmp_path: Path, today: date
) -> None:
    report = import_file(store, open_source(user_test_file(tmp_path)))
    assert (report.created, report.rejected, report.warned) == (8, 0, 1)
    (warning,) = report.warnings
    assert (warning.line, warning.field, warning.value) == (2, "email", "fx.maze@@wanadoo")
    assert "not an email address" in warning.reason
    members = _by_name(store)
    dues = {name: values.get("dues_last_year") for name, values in members.items()}
    assert dues == {
        "Mazé": today.year,
        "Bérard": None,  # "non": not paid, understood (no warning)
        "Côté": today.year,
        "Lefèvre": today.year,
        "Ärger": today.year,
        "Dubœuf": 2025,
        "Prévost": 2026,
        "Jégou": today.year,
    }
    maze = members["Mazé"]
    assert maze.get("email") in (None, "")
    assert "To fix" in str(maze["notes"]) and "fx.maze@@wanadoo" in str(maze["notes"])

    # The same file again: nothing changes, the note is not written twice.
    again = import_file(store, open_source(user_test_file(tmp_path)))
    assert (again.created, again.updated) == (0, 0)
    assert str(_by_name(store)["Mazé"]["notes"]).count("fx.maze@@wanadoo") == 1


def test_a_to_fix_note_is_added_to_an_existing_members_notes(store: Store, tmp_path: Path) -> None:
    directory = MemberDirectory(store)
    member_id = directory.create(
        {"first_name": "Élodie", "last_name": "Bérard", "email": "elodie@example.org",
         "notes": "Rencontrée au gala"}
    )  # fmt: skip
    path = tmp_path / "maj.csv"
    path.write_text(f"{HEADER};Téléphone\nÉlodie;Bérard;elodie@example.org;;bientôt\n")
    report = import_file(store, open_source(path))
    assert (report.updated, report.conflicts, report.warned) == (1, [], 1)
    notes = str(directory.get(member_id).values["notes"])
    assert notes.startswith("Rencontrée au gala\n") and "bientôt" in notes


def test_warnings_are_bounded_in_memory_and_all_written(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(importer, "MAX_KEPT_WARNINGS", 10)
    path = tmp_path / "many.csv"
    rows = [f"P{i};N{i};p{i}@@example;{'=1+1' if i == 29 else 'payée'}" for i in range(30)]
    path.write_text(HEADER + "\n" + "\n".join(rows) + "\n;;;2025\n")
    source = open_source(path)
    report = import_file(store, source)
    assert (report.warned, len(report.warnings), report.rejected) == (31, 10, 1)
    out = tmp_path / "rejects.csv"
    write_rejects(report, out, source.headers)
    with out.open(encoding="utf-8-sig", newline="") as handle:
        written = list(csv.reader(handle))
    assert written[0] == ["line", "reason", *source.headers, "value"]
    assert [r[0] for r in written[1:]] == [*(str(n) for n in range(2, 31)), "31", "31", "32"]
    warned = [r for r in written[1:] if r[1].startswith("warning: ")]
    assert len(warned) == 31 and warned[0][-1] == "p0@@example"
    # A cell that would be a formula in a spreadsheet is written neutralised.
    assert "'=1+1" in [r[-1] for r in warned]


def test_cli_prints_and_counts_the_warnings(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    source = user_test_file(tmp_path)
    rejects = tmp_path / "rejets.csv"
    args = ["--db", str(db_path), "import", str(source), "--dry-run"]
    assert main([*args, "--json", "--rejects", str(rejects)]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report == {"created": 8, "updated": 0, "rejected": 0, "duplicates": 0, "warnings": 1}
    text = rejects.read_text(encoding="utf-8-sig")
    assert "warning: email: 'fx.maze@@wanadoo' is not an email address" in text
    assert main(args) == 0
    out = capsys.readouterr().out.splitlines()
    assert "warning line 2: email: 'fx.maze@@wanadoo' is not an email address; ignored" in out
    assert out[-1] == "created: 8, updated: 0, rejected: 0"


def test_dialog_lists_the_warnings_and_saves_them(
    qtbot: QtBot, store: Store, tmp_path: Path
) -> None:
    dialog = ImportDialog(store, UiSettings())
    qtbot.addWidget(dialog)
    dialog.open_file(user_test_file(tmp_path))
    with qtbot.waitSignal(dialog.imported, timeout=10000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert "1 warning" in dialog.summary.text()
    table = dialog.warnings
    assert not table.isHidden() and table.rowCount() == 1
    cells = [table.item(0, c).text() for c in range(table.columnCount())]
    assert cells[:3] == ["2", "Email", "fx.maze@@wanadoo"]
    assert "not an email address" in cells[3]
    assert not dialog.save_warnings.isHidden()
    target = tmp_path / "warnings.csv"
    dialog.save_warnings_to(target)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows == [["Line", "Field", "Value in the file", "Why"], cells]
