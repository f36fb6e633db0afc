"""The member table's model: rows located through the search's index, refreshed by range."""

from __future__ import annotations

from array import array

import pytest
from pytestqt.qtbot import QtBot

from app.members.service import MemberDirectory, Sort
from app.store import Store
from ui.models.member_table import (
    PAGE_SIZE,
    SCAN_BUDGET,
    MemberTableModel,
    RowIndex,
    contiguous_ranges,
)
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
    model.set_ids(array("q", range(300, 400)))
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


def test_the_same_rows_again_keep_the_selection_and_the_cached_rows(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    """A search giving the same ids in the same order (the list refreshed after an edit):
    no model reset, nothing to select again, no page fetched again (issue 16: the search
    after selecting 1,000 members at 1M)."""
    directory = MemberDirectory(store)
    panel = MembersPanel(directory, UiSettings())
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.searchFinished, timeout=10000):
        panel.refresh()
    flags = panel.table.selectionModel().SelectionFlag
    for row in (0, 1, 2, 4):
        panel.table.selectionModel().select(panel.model.index(row, 0), flags.Select | flags.Rows)
    chosen = panel.selected_ids()
    panel.model.index(0, 0).data()
    fetches = panel.model.page_fetches
    resets: list[bool] = []
    panel.model.modelReset.connect(lambda: resets.append(True))
    selections: list[bool] = []
    panel.table.selectionModel().selectionChanged.connect(lambda *_: selections.append(True))
    with qtbot.waitSignal(panel.searchFinished, timeout=10000):
        panel.refresh()
    assert resets == [] and selections == []
    assert panel.selected_ids() == chosen
    assert panel.model.page_fetches == fetches
    assert panel.card.title.text() == "4 members selected"
    # Another order: the model is reset and the selection put back by id, in ranges.
    directory.update(people["Dupont"], {"last_name": "Zz"})
    panel.model.refresh_rows([people["Dupont"]])
    with qtbot.waitSignal(panel.searchFinished, timeout=10000):
        panel.refresh()
    assert resets == [True]
    assert sorted(panel.selected_ids()) == sorted(chosen)
    ranges = panel.table.selectionModel().selection()
    assert len(ranges) == len(contiguous_ranges(panel._selected_rows()))
    panel.searches.wait()


def test_refresh_rows_announces_the_changed_rows_only_in_the_fewest_ranges(store: Store) -> None:
    model = MemberTableModel(MemberDirectory(store))
    model.set_ids(array("q", range(1, 1001)))  # row r holds id r + 1
    for row in (0, 3 * PAGE_SIZE + 5, 5 * PAGE_SIZE):  # pages 0, 3 and 5 cached
        model.index(row, 0).data()
    assert model.page_fetches == 3
    announced: list[tuple[int, int, int, int]] = []
    model.dataChanged.connect(
        lambda top, bottom, *_: announced.append(
            (top.row(), bottom.row(), top.column(), bottom.column())
        )
    )
    first_of_page_3 = 3 * PAGE_SIZE
    changed = [2, 3, 4, 10, first_of_page_3 + 1, first_of_page_3 + 2, 7 * PAGE_SIZE + 1]
    model.refresh_rows(changed)
    last_column = model.columnCount() - 1
    # Page 7 was never fetched: nothing on screen to refresh there.
    assert announced == [
        (1, 3, 0, last_column),
        (9, 9, 0, last_column),
        (first_of_page_3, first_of_page_3 + 1, 0, last_column),
    ]
    fetches = model.page_fetches
    model.index(5 * PAGE_SIZE, 0).data()
    assert model.page_fetches == fetches  # page 5 held nothing changed: still cached
    model.index(0, 0).data()
    assert model.page_fetches == fetches + 1  # page 0 is fetched again
    announced.clear()
    model.refresh_rows()  # everything: one range, the whole table
    assert announced == [(0, 999, 0, last_column)]


def test_contiguous_ranges() -> None:
    assert contiguous_ranges([]) == []
    assert contiguous_ranges([7, 1, 3, 2, 2, 9, 8]) == [(1, 3), (7, 9)]
