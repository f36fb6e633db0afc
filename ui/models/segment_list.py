"""The segments of the sidebar: name and live member count, ready-made ones first.

Two columns (name, count). When there are saved segments, a separator row (no flags, no
text, `SEPARATOR_ROLE` true) sits between the ready-made ones and them. Counts are never
kept beyond one counting pass: `set_counting` shows "…" until `set_counts` brings fresh ones.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSize,
    Qt,
)

from app.segments import Segment
from ui.labels import message_text, plain_tip

Index = QModelIndex | QPersistentModelIndex
COL_NAME, COL_COUNT = range(2)
SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1  # the Segment
QUERY_ROLE = Qt.ItemDataRole.UserRole + 2  # its query, as the search box takes it
COUNT_ROLE = Qt.ItemDataRole.UserRole + 3  # its live count (int), None while unknown
SEPARATOR_ROLE = Qt.ItemDataRole.UserRole + 4  # True on the separator row
COUNTING = "…"
SEPARATOR_HEIGHT = 9


class SegmentListModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Segment | None] = []  # None: the separator
        self._names: list[str] = []
        self._counts: dict[int, int] = {}
        self._counting = False

    # --- content -------------------------------------------------------------------------

    def set_segments(self, segments: Iterable[Segment]) -> None:
        """Show ``segments`` (ready-made first); their counts are unknown until counted."""
        items = list(segments)
        made = [s for s in items if s.ready_made]
        saved = [s for s in items if not s.ready_made]
        self.beginResetModel()
        self._rows = [*made, None, *saved] if made and saved else [*made, *saved]
        self._names = [
            "" if s is None else message_text(s.name) if s.ready_made else s.name
            for s in self._rows
        ]
        self._counts = {}
        self._counting = True
        self.endResetModel()

    def set_counting(self) -> None:
        """Counting has started: every count shows "…" (none is kept from before)."""
        self._counts = {}
        self._counting = True
        self._counts_changed()

    def set_counts(self, counts: Mapping[int, int]) -> None:
        """Fresh counts; a segment left out cannot be counted (its query no longer runs)."""
        self._counts = dict(counts)
        self._counting = False
        self._counts_changed()

    def stop_counting(self) -> None:
        """Counting failed: no count is shown."""
        self.set_counts({})

    def _counts_changed(self) -> None:
        if self._rows:
            self.dataChanged.emit(
                self.index(0, COL_COUNT), self.index(len(self._rows) - 1, COL_COUNT)
            )

    @property
    def counting(self) -> bool:
        return self._counting

    def segments(self) -> list[Segment]:
        return [s for s in self._rows if s is not None]

    def segment(self, row: int) -> Segment | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, segment_id: int) -> int:
        """The row of segment ``segment_id``, -1 when it is not listed."""
        for row, item in enumerate(self._rows):
            if item is not None and item.id == segment_id:
                return row
        return -1

    def display_name(self, segment_id: int) -> str:
        row = self.row_of(segment_id)
        return self._names[row] if row >= 0 else ""

    def count(self, segment_id: int) -> int | None:
        return self._counts.get(segment_id)

    # --- Qt ------------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 2

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid() or self.segment(index.row()) is None:
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item = self._rows[index.row()]
        if item is None:
            if role == SEPARATOR_ROLE:
                return True
            if role == Qt.ItemDataRole.SizeHintRole:
                return QSize(0, SEPARATOR_HEIGHT)
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_NAME:
                return self._names[index.row()]
            return self._count_text(item)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_COUNT and not self._counting and item.id not in self._counts:
                return self.tr("This search cannot be run any more: edit its query.")
            return plain_tip(item.query)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_COUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SEGMENT_ROLE:
            return item
        if role == QUERY_ROLE:
            return item.query
        if role == COUNT_ROLE:
            return self._counts.get(item.id)
        if role == SEPARATOR_ROLE:
            return False
        return None

    def _count_text(self, item: Segment) -> str:
        count = self._counts.get(item.id)
        if count is not None:
            return QLocale().toString(count)
        return COUNTING if self._counting else "—"
