"""The member list: a lazy table over an id array, fetching rows a page at a time.

After Anki's browser model: one search gives the ordered ids; `data()` fetches the page a
row belongs to (a primary-key lookup of PAGE_SIZE rows) into a bounded LRU cache and
formats it through per-column converters built once; `flags()` never fetches. A member
deleted meanwhile shows as a disabled, empty row instead of raising.
"""

from __future__ import annotations

import json
from array import array
from collections import OrderedDict
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QByteArray,
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from app.clock import to_local
from app.members import fields
from app.members.service import LIST_COLUMNS, MemberDirectory
from app.members.validation import NO_YEAR
from ui.labels import field_title, value_label

PAGE_SIZE = 128
MAX_PAGES = 64  # ≈ 8,000 rows cached: a few screens either way, bounded memory

Index = QModelIndex | QPersistentModelIndex
MEMBER_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
# Dragged members (onto a tag of the tag browser): their ids, as a JSON list.
MEMBER_IDS_MIME = "application/x-amicale-member-ids"
# Years and flags are centred; tags and communities cannot be sorted on.
_CENTRED = frozenset(f.name for f in fields.FIELDS if f.kind in ("int", "bool"))
_SORTABLE = fields.sortable()


def member_ids_mime(ids: Sequence[int]) -> QMimeData:
    data = QMimeData()
    data.setData(MEMBER_IDS_MIME, QByteArray(json.dumps(list(ids)).encode("ascii")))
    return data


def member_ids_from_mime(data: QMimeData | None) -> list[int]:
    """The member ids a drag carries ([] for anything else, malformed included)."""
    if data is None or not data.hasFormat(MEMBER_IDS_MIME):
        return []
    try:
        ids = json.loads(bytes(data.data(MEMBER_IDS_MIME).data()).decode("ascii"))
    except (ValueError, UnicodeDecodeError):
        return []
    if not isinstance(ids, list):
        return []
    return [i for i in ids if isinstance(i, int) and not isinstance(i, bool)]


def _converters(locale: QLocale) -> dict[str, Callable[[Any], str]]:
    def date_text(value: Any) -> str:
        if not value:
            return ""
        if str(value).startswith(NO_YEAR):  # a birthday known without its year: "12 Mar"
            day = QDate.fromString("2000" + str(value)[4:10], "yyyy-MM-dd")
            return locale.toString(day, "d MMM") if day.isValid() else ""
        day = QDate.fromString(str(value)[:10], "yyyy-MM-dd")
        return locale.toString(day, QLocale.FormatType.ShortFormat) if day.isValid() else ""

    def timestamp_text(value: Any) -> str:
        local = to_local(value)
        return date_text(local.date().isoformat()) if local else ""

    def plain(value: Any) -> str:
        return "" if value is None else str(value)

    def flag(value: Any) -> str:
        return "✓" if value else ""

    def enum_text(column: str) -> Callable[[Any], str]:
        return lambda v: value_label(column, v) if v else ""

    by_kind: dict[str, Callable[[Any], str]] = {
        "date": date_text,
        "timestamp": timestamp_text,
        "bool": flag,
    }
    convert: dict[str, Callable[[Any], str]] = {}
    for column in LIST_COLUMNS:
        kind = fields.BY_NAME[column].kind
        convert[column] = enum_text(column) if kind == "enum" else by_kind.get(kind, plain)
    return convert


def contiguous_ranges(rows: Iterable[int]) -> list[tuple[int, int]]:
    """Sorted, distinct ``rows`` as the fewest (first, last) runs: [1, 2, 3, 7] → (1, 3), (7, 7)."""
    ranges: list[tuple[int, int]] = []
    for row in sorted(set(rows)):
        if ranges and ranges[-1][1] == row - 1:
            ranges[-1] = (ranges[-1][0], row)
        else:
            ranges.append((row, row))
    return ranges


class RowIndex:
    """Member id → row, for one search's ids.

    Built once, off the GUI thread: the worker that ran the search builds it when the panel
    has a selection to keep across it (``run_search(locate=True)``), and hands it with the
    result. An array indexed by id (4 bytes per id up to the largest, 4 MB at 1M) rather
    than a dict (about 100 MB). Not built, a lookup scans the ids (C speed, about 20 ms per
    miss at 1M): fine for one id, never for a thousand (see ``rows_of``).
    """

    def __init__(self, ids: array[int]) -> None:
        self.ids = ids
        self._rows: array[int] | dict[int, int] | None = None

    @property
    def built(self) -> bool:
        return self._rows is not None

    def build(self) -> RowIndex:
        if self._rows is None:
            ids = self.ids
            top = max(ids, default=0)
            if min(ids, default=0) >= 0 and top <= 4 * len(ids) + 1024:
                rows = array("i", [-1]) * (top + 1)
                for row, member_id in enumerate(ids):
                    rows[member_id] = row
                self._rows = rows
            else:  # sparse ids: the dict is the smaller
                self._rows = {member_id: row for row, member_id in enumerate(ids)}
        return self

    def row_of(self, member_id: int) -> int:
        rows = self._rows
        if rows is None:
            try:
                return self.ids.index(member_id)
            except ValueError:
                return -1
        if isinstance(rows, dict):
            return rows.get(member_id, -1)
        return rows[member_id] if 0 <= member_id < len(rows) else -1


# Lookups without the index a caller may make at once on the GUI thread (a scan each).
SCAN_BUDGET = 4


class MemberTableModel(QAbstractTableModel):
    # The user asked for another order: (column key, descending).
    sortRequested = Signal(str, bool)

    def __init__(self, directory: MemberDirectory, parent: Any = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self.columns: tuple[str, ...] = LIST_COLUMNS
        self._shown: tuple[str, ...] = LIST_COLUMNS  # only these are fetched and formatted
        self._ids: array[int] = array("q")
        self._index = RowIndex(self._ids)
        self._pages: OrderedDict[int, dict[int, tuple[str, ...]]] = OrderedDict()
        self._convert = _converters(QLocale())
        self.sort_column = "last_name"
        self.sort_descending = False
        self.page_fetches = 0  # for the benchmarks and tests

    # --- content -------------------------------------------------------------------------

    @property
    def ids(self) -> array[int]:
        return self._ids

    def set_ids(self, ids: array[int], index: RowIndex | None = None) -> bool:
        """Show ``ids``; ``index``: their id → row map, when the search's worker built it.

        The same ids in the same order (the list searched again after an edit): no reset —
        the selection, the current row and the cached rows stay (the rows an operation
        changed were dropped by ``refresh_rows`` when the runner announced them). Returns
        whether the rows changed."""
        if ids.typecode == self._ids.typecode and ids == self._ids:
            if index is not None and index.ids is ids:
                self._index = index
            self._ids = ids
            return False
        self.beginResetModel()
        self._ids = ids
        self._index = index if index is not None and index.ids is ids else RowIndex(ids)
        self._pages.clear()
        self.endResetModel()
        return True

    def set_shown_columns(self, shown: Sequence[str]) -> None:
        """Fetch only what the view shows (hidden dates and communities cost time)."""
        shown_set = set(shown)
        self._shown = tuple(c for c in self.columns if c in shown_set)
        self._pages.clear()

    def refresh_rows(self, member_ids: Iterable[int] | None = None) -> None:
        """Forget cached rows (after an edit) and have the view fetch them again: those of
        ``member_ids`` only, announced in the fewest contiguous ranges (as calibre's
        ``refresh_ids``); every row without ``member_ids``. Only cached pages can be on
        screen, so only they are looked at: at most MAX_PAGES × PAGE_SIZE ids, whatever the
        size of the list or of the change."""
        if member_ids is None:
            self._pages.clear()
            if self._ids:
                self.dataChanged.emit(
                    self.index(0, 0), self.index(len(self._ids) - 1, len(self.columns) - 1)
                )
            return
        changed = set(member_ids)
        rows: list[int] = []
        for page in sorted(self._pages):
            start = page * PAGE_SIZE
            hits = [
                start + offset
                for offset, member_id in enumerate(self._ids[start : start + PAGE_SIZE])
                if member_id in changed
            ]
            if hits:
                del self._pages[page]
                rows += hits
        last_column = len(self.columns) - 1
        for first, last in contiguous_ranges(rows):
            self.dataChanged.emit(self.index(first, 0), self.index(last, last_column))

    def member_id(self, row: int) -> int:
        return self._ids[row]

    def row_of(self, member_id: int) -> int:
        """Row of a member, -1 if not listed: O(1) with the search's index, else one scan."""
        return self._index.row_of(member_id)

    def rows_of(self, member_ids: Sequence[int]) -> dict[int, int]:
        """Rows of those of ``member_ids`` listed. With the search's index, all of them;
        without it (a selection made while the search ran), only the first SCAN_BUDGET are
        looked for, a scan each: the GUI thread never pays a thousand scans."""
        wanted = member_ids if self._index.built else member_ids[:SCAN_BUDGET]
        found = {member_id: self._index.row_of(member_id) for member_id in wanted}
        return {member_id: row for member_id, row in found.items() if row >= 0}

    def _page(self, page: int) -> dict[int, tuple[str, ...]]:
        cached = self._pages.get(page)
        if cached is not None:
            self._pages.move_to_end(page)
            return cached
        start = page * PAGE_SIZE
        ids = self._ids[start : start + PAGE_SIZE]
        shown = set(self._shown)
        raw = self.directory.fetch_rows(ids, self._shown)
        converters = [self._convert[c] for c in self._shown]
        positions = [i for i, c in enumerate(self.columns) if c in shown]
        width = len(self.columns)
        formatted: dict[int, tuple[str, ...]] = {}
        for member_id, values in raw.items():
            row = [""] * width
            for position, convert, value in zip(positions, converters, values, strict=True):
                row[position] = convert(value)
            formatted[member_id] = tuple(row)
        self._pages[page] = formatted
        self.page_fetches += 1
        if len(self._pages) > MAX_PAGES:
            self._pages.popitem(last=False)
        return formatted

    def _row(self, row: int) -> tuple[str, ...] | None:
        return self._page(row // PAGE_SIZE).get(self._ids[row])

    # --- Qt model ------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._ids)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._ids):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            row = self._row(index.row())
            return row[index.column()] if row is not None else ""
        if role == MEMBER_ID_ROLE:
            return self._ids[index.row()]
        if role == Qt.ItemDataRole.TextAlignmentRole and self.columns[index.column()] in _CENTRED:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        page = self._pages.get(index.row() // PAGE_SIZE)
        if page is not None and self._ids[index.row()] not in page:
            return Qt.ItemFlag.NoItemFlags  # deleted since the search ran
        return (
            Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDragEnabled
        )

    def mimeTypes(self) -> list[str]:
        return [MEMBER_IDS_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return member_ids_mime(self.visible_ids(rows))

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self.columns):
                return field_title(self.columns[section])
            return None
        return str(section + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):
            return
        key = self.columns[column]
        if key not in _SORTABLE:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key == self.sort_column and descending == self.sort_descending:
            return
        if key == self.sort_column:
            # Same column, other direction: flip the ids rather than asking SQLite again.
            self.layoutAboutToBeChanged.emit()
            last = len(self._ids) - 1
            old = self.persistentIndexList()
            new = [self.index(last - i.row(), i.column()) for i in old]
            self._ids.reverse()
            self._index = RowIndex(self._ids)
            self._pages.clear()
            self.changePersistentIndexList(old, new)
            self.sort_descending = descending
            self.layoutChanged.emit()
            return
        self.sort_column, self.sort_descending = key, descending
        self.sortRequested.emit(key, descending)

    def sortable(self, column: int) -> bool:
        return self.columns[column] in _SORTABLE

    def visible_ids(self, rows: Sequence[int]) -> list[int]:
        return [self._ids[r] for r in rows if 0 <= r < len(self._ids)]
