"""The History panel: the audit log a CM can read (exports, imports, deletions)."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from app import audit
from app.io.export import export_members
from app.members.service import MemberDirectory
from app.store import Store
from ui.main_window import MainWindow
from ui.models.history_table import HistoryTableModel, describe
from ui.settings import UiSettings


def test_exports_and_deletions_are_recorded(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    export_members(store, tmp_path / "lyon.csv", query="city:lyon")
    MemberDirectory(store).delete([people["Martin"]])
    entries = audit.recent(store)
    assert [e.action for e in entries[:2]] == ["delete", "export"]
    assert describe(entries[1]) == "2 members to lyon.csv — search: city:lyon"
    assert [e.action for e in audit.recent(store, actions=("export",))] == ["export"]


def test_history_model_passes_qtmodeltester(
    qtmodeltester, store: Store, people: dict[str, int]
) -> None:
    model = HistoryTableModel()
    model.set_entries(audit.recent(store))
    assert model.rowCount() == len(people)
    qtmodeltester.check(model, force_py=True)


def test_history_panel_shows_the_log(
    qtbot: QtBot, store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    export_members(store, tmp_path / "all.csv")
    window = MainWindow(store, UiSettings())
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.members.last_result is not None)
    with qtbot.waitSignal(window.history.loader.finished, timeout=5000):
        window.sidebar.setCurrentRow(window.panels().index(window.history))
    model = window.history.model
    assert model.index(0, 2).data() == "Export"
    assert "all.csv" in model.index(0, 3).data()
    with qtbot.waitSignal(window.history.loader.finished, timeout=5000):
        window.history.filter.setCurrentIndex(2)  # imports only
        window.history.reload()
    assert model.rowCount() == 0
