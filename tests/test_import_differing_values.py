"""An import that meets other values for a member lets the CM choose, field by field, in the
Duplicates view (issue 17, point 5)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from app.cli import main
from app.io.importer import import_file
from app.io.readers import open_source
from app.members import dedup
from app.members.service import MemberDirectory
from app.store import Store
from app.store.schema import audit_event
from ui.panels.duplicates import DuplicatesPanel

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL


def update_file(tmp_path: Path) -> Path:
    # Same email as Hélène Martin (other case); her city and company differ.
    path = tmp_path / "maj.csv"
    path.write_text(
        "Prénom;Nom;Email;Ville;Entreprise\n"
        "Hélène;Martin;HELENE.MARTIN@example.org;Grenoble;Arkema\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def panel(qtbot: QtBot, store: Store) -> Iterator[DuplicatesPanel]:
    widget = DuplicatesPanel(store, MemberDirectory(store))
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget


def test_differing_values_are_queued_once(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    report = import_file(store, open_source(update_file(tmp_path)))
    assert report.differing == 1 and len(report.conflicts) == 2
    (pair,) = dedup.queue(store)
    assert (pair.left_id, pair.reason) == (people["Martin"], dedup.IMPORT_DIFFERING)
    again = import_file(store, open_source(update_file(tmp_path)))
    assert again.differing == 1 and len(dedup.queue(store)) == 1  # not queued twice


def test_the_cm_chooses_per_field_in_the_duplicates_view(
    qtbot: QtBot, panel: DuplicatesPanel, store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    import_file(store, open_source(update_file(tmp_path)))
    panel.reload_queue()
    assert panel.model.rowCount() == 1
    shown = [key for key, (box, _, _) in panel.choices.items() if box.isVisible()]
    assert shown == ["company", "city"]  # the member card's order
    assert panel.choices["city"][1].isChecked()  # "keep" unless the CM says otherwise
    qtbot.mouseClick(panel.choices["city"][2], Qt.MouseButton.LeftButton)
    assert panel.chosen_fields() == ["city"]
    qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)

    values = MemberDirectory(store).get(people["Martin"]).values
    assert (values["city"], values["company"]) == ("Grenoble", "Michelin")
    assert panel.model.rowCount() == 0 and dedup.queue(store) == []
    assert "Imported values taken: City" in panel.message.text()
    with store.read() as conn:
        detail = conn.execute(
            sa.select(audit_event.c.detail).where(audit_event.c.action == "merge")
        ).scalar_one()
    assert json.loads(detail)["replaced"] == {"city": ["Lyon", "Grenoble"]}


def test_cli_says_where_to_choose(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "a.csv"
    path.write_text("Prénom;Nom;Email;Ville\nAnne;Un;a@example.org;Lyon\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    path.write_text("Prénom;Nom;Email;Ville\nAnne;Un;a@example.org;Brest\n", encoding="utf-8")
    assert main(["--db", str(db_path), "import", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert "rows with differing values queued for review (Duplicates): 1" in out
    assert out[-1] == "created: 0, updated: 0, rejected: 0"


def test_the_duplicates_panel_fits_a_1280_by_800_screen(
    qtbot: QtBot, main_window: object, store: Store, tmp_path: Path, french: object
) -> None:
    """The widest pair (an imported row with its field choices shown, in French) fits beside
    the window's left column at 1280×800: nothing clipped, no wider window."""
    from ui.main_window import MainWindow

    assert isinstance(main_window, MainWindow)
    window = main_window
    import_file(store, open_source(update_file(tmp_path)))
    window.resize(1280, 800)
    window.sidebar.setCurrentRow(window.panels().index(window.duplicates))
    panel = window.duplicates
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1)
    assert any(box.isVisible() for box, _, _ in panel.choices.values())
    assert window.minimumSizeHint().width() <= 1280
    qtbot.waitUntil(lambda: window.width() == 1280)
    assert panel.geometry().right() < window.width()
    # Every value and every choice is as wide as it needs, within the panel.
    for widget in [*panel.right_values.values(), *(box for box, _, _ in panel.choices.values())]:
        if widget.isVisible():
            assert widget.width() >= widget.minimumSizeHint().width()
            right = widget.mapTo(window, widget.rect().topRight()).x()
            assert right < window.width()
    for button in (panel.add_button, panel.create_button, panel.discard_button, panel.skip_button):
        assert button.width() >= button.minimumSizeHint().width()
        assert button.mapTo(window, button.rect().topRight()).x() < window.width()
