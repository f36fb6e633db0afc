"""The member table's model: rows located through the search's index, refreshed by range."""

from __future__ import annotations

from array import array

import pytest
from pytestqt.qtbot import QtBot

from app.members.service import MemberDirectory, Sort
from app.store import Store
from ui.models.member_table import SCAN_BUDGET, MemberTableModel, RowIndex
from ui.panels.members import MembersPanel, run_search
from ui.settings import UiSettings


@pytest.mark.parametrize(
    "ids",
    [array("q", [5, 3, 9, 1]), array("q", [10**9, 7, 2**40])],  # dense, then sparse ids
)
def test_the_row_index_finds_rows_built_or_not(ids: array[int]) -> None:
    lazy, built = RowIndex(ids), RowIndex(ids).build()
    assert not lazy.built and built.built
    for index in (lazy, built):
        assert [index.row_of(i) for i in ids] == list(range(len(ids)))
        assert index.row_of(4) == -1
        assert index.row_of(-3) == -1
        assert index.row_of(10**12) == -1


def test_without_the_index_the_gui_thread_scans_a_few_ids_only(store: Store) -> None:
    model = MemberTableModel(MemberDirectory(store))
    ids = array("q", range(100, 200))
    model.set_ids(ids)
    wanted = [150, 120, 199, 101, 102, 103]
    assert model.rows_of(wanted) == {150: 50, 120: 20, 199: 99, 101: 1}
    assert len(model.rows_of(wanted)) == SCAN_BUDGET
    model.set_ids(ids, RowIndex(ids).build())
    assert model.rows_of([*wanted, 5]) == {i: i - 100 for i in wanted}
    # An index of other ids is never used for these.
    model.set_ids(ids, RowIndex(array("q", range(100))).build())
    assert len(model.rows_of(wanted)) == SCAN_BUDGET


def test_the_search_worker_builds_the_index_when_asked(
    store: Store, people: dict[str, int]
) -> None:
    directory = MemberDirectory(store)
    plain = run_search(directory, "", Sort(), None)
    assert plain.rows is None
    located = run_search(directory, "", Sort(), None, locate=True)
    assert located.rows is not None and located.rows.built and located.rows.ids is located.ids
    assert [located.rows.row_of(i) for i in located.ids] == list(range(len(located.ids)))


def test_a_selection_is_kept_across_a_search_through_the_index(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    panel = MembersPanel(MemberDirectory(store), UiSettings())
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.searchFinished, timeout=10000):
        panel.refresh()
    panel.table.selectRow(0)
    panel.table.selectionModel().select(
        panel.model.index(2, 0),
        panel.table.selectionModel().SelectionFlag.Select
        | panel.table.selectionModel().SelectionFlag.Rows,
    )
    chosen = panel.selected_ids()
    assert len(chosen) == 2
    with qtbot.waitSignal(panel.searchFinished, timeout=10000):
        panel.refresh()
    assert panel.last_result is not None and panel.last_result.rows is not None
    assert sorted(panel.selected_ids()) == sorted(chosen)
    # Nothing selected: the worker builds no index.
    panel.table.clearSelection()
    with qtbot.waitSignal(panel.searchFinished, timeout=10000):
        panel.refresh()
    assert panel.last_result.rows is None
    panel.searches.wait()
