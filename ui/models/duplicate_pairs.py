"""The list of pairs in the Duplicates view: reason, names, score.

A whole-store scan can return a million pairs (the demo store's homonyms), so the model keeps
only the `Pair` objects and fetches the names a page at a time when a row is first shown,
into a bounded cache, as the member table does.
"""

from __future__ import annotations

from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from app.members.dedup import IMPORT_DIFFERING, IMPORT_REASON, Pair
from ui.labels import plain_tip

Index = QModelIndex | QPersistentModelIndex
PAIR_ROLE = Qt.ItemDataRole.UserRole + 1
PAGE_SIZE = 128
MAX_CACHED_NAMES = 20_000
# Removing more rows than this at once resets the model instead of one signal per row.
_RESET_OVER = 64

COL_REASON, COL_NAMES, COL_SCORE = range(3)
_HEADERS = (
    QT_TRANSLATE_NOOP("Duplicates", "Reason"),
    QT_TRANSLATE_NOOP("Duplicates", "Names"),
    QT_TRANSLATE_NOOP("Duplicates", "Score"),
)
REASON_TITLES = {
    "email": QT_TRANSLATE_NOOP("Duplicates", "Same email"),
    "linkedin": QT_TRANSLATE_NOOP("Duplicates", "Same LinkedIn profile"),
    "name_phone": QT_TRANSLATE_NOOP("Duplicates", "Same name and phone"),
    "name_promo": QT_TRANSLATE_NOOP("Duplicates", "Same name and class year"),
    "swapped_name": QT_TRANSLATE_NOOP("Duplicates", "First and last name swapped"),
    "similar_name": QT_TRANSLATE_NOOP("Duplicates", "Similar name, same class year"),
    IMPORT_REASON: QT_TRANSLATE_NOOP("Duplicates", "Import: same name and class year"),
    IMPORT_DIFFERING: QT_TRANSLATE_NOOP("Duplicates", "Import: other values for a member"),
}

NameLookup = Callable[[Sequence[int]], dict[int, str]]


def reason_title(reason: str) -> str:
    source = REASON_TITLES.get(reason)
    return QCoreApplication.translate("Duplicates", str(source)) if source else reason


class DuplicatePairsModel(QAbstractTableModel):
    """Pairs in review order; ``member_names`` and ``candidate_names`` name ids in bulk."""

    def __init__(
        self,
        member_names: NameLookup,
        candidate_names: NameLookup,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._member_names = member_names
        self._candidate_names = candidate_names
        self._pairs: list[Pair] = []
        self._left = array("q")
        self._right = array("q")
        self._names: dict[int, str] = {}
        self._incoming: dict[int, str] = {}

    # --- content -------------------------------------------------------------------------

    @property
    def pairs(self) -> Sequence[Pair]:
        return self._pairs

    def set_pairs(self, pairs: Sequence[Pair]) -> None:
        self.beginResetModel()
        self._set(list(pairs))
        self._names.clear()
        self._incoming.clear()
        self.endResetModel()

    def _set(self, pairs: list[Pair]) -> None:
        self._pairs = pairs
        # The ids again, as arrays: finding a member's rows is then a C-speed search.
        self._left = array("q", [p.left_id for p in pairs])
        self._right = array("q", [p.right_id or 0 for p in pairs])

    def pair(self, row: int) -> Pair | None:
        return self._pairs[row] if 0 <= row < len(self._pairs) else None

    def row_of(self, pair: Pair) -> int:
        for row in _positions(self._left, pair.left_id):
            if self._pairs[row] == pair:
                return row
        return -1

    def rows_of_member(self, member_id: int) -> list[int]:
        """The rows where ``member_id`` is on either side, in order."""
        return sorted({*_positions(self._left, member_id), *_positions(self._right, member_id)})

    def remove_rows(self, rows: Iterable[int]) -> None:
        doomed = sorted({r for r in rows if 0 <= r < len(self._pairs)}, reverse=True)
        if len(doomed) > _RESET_OVER:
            self.beginResetModel()
            skip = set(doomed)
            self._set([p for row, p in enumerate(self._pairs) if row not in skip])
            self.endResetModel()
            return
        for row in doomed:
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._pairs[row]
            del self._left[row]
            del self._right[row]
            self.endRemoveRows()

    def replace_row(self, row: int, pair: Pair) -> None:
        """Put ``pair`` in place of the pair at ``row`` (a queued row now about another member)."""
        self._pairs[row] = pair
        self._left[row] = pair.left_id
        self._right[row] = pair.right_id or 0
        self.dataChanged.emit(self.index(row, 0), self.index(row, COL_SCORE))

    def forget_names(self, ids: Iterable[int]) -> None:
        """A member's name changed (merged): fetch it again when next shown."""
        for member_id in ids:
            self._names.pop(member_id, None)
        if self._pairs:
            self.dataChanged.emit(
                self.index(0, COL_NAMES), self.index(self.rowCount() - 1, COL_NAMES)
            )

    def names(self, pair: Pair) -> tuple[str, str]:
        """(left name, right name) of a pair, fetched if needed."""
        self._fetch([pair])
        return self._cached_names(pair)

    def _cached_names(self, pair: Pair) -> tuple[str, str]:
        left = self._names.get(pair.left_id, f"#{pair.left_id}")
        if pair.candidate_id is not None:
            right = self._incoming.get(pair.candidate_id, "")
        else:
            right = self._names.get(pair.right_id or 0, f"#{pair.right_id}")
        return left, right

    def _fetch(self, pairs: Sequence[Pair]) -> None:
        members = {p.left_id for p in pairs} | {p.right_id for p in pairs if p.right_id is not None}
        missing = [i for i in members if i not in self._names]
        wanted = [
            p.candidate_id
            for p in pairs
            if p.candidate_id is not None and p.candidate_id not in self._incoming
        ]
        if not missing and not wanted:
            return
        if len(self._names) > MAX_CACHED_NAMES:
            self._names.clear()
        if missing:
            found = self._member_names(sorted(missing))
            # A member deleted meanwhile keeps its number, so the row still reads.
            self._names.update({i: found.get(i, f"#{i}") for i in missing})
        if wanted:
            self._incoming.update(self._candidate_names(wanted))

    # --- Qt model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._pairs)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(_HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(_HEADERS)
        ):
            return QCoreApplication.translate("Duplicates", str(_HEADERS[section]))
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.parent().isValid():
            return None
        pair = self.pair(index.row())
        if pair is None:
            return None
        column = index.column()
        if role == PAIR_ROLE:
            return pair
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_SCORE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if column == COL_REASON:
            return reason_title(pair.reason)
        if column == COL_SCORE:
            return QLocale().toString(round(pair.score))
        if column == COL_NAMES:
            start = index.row() - index.row() % PAGE_SIZE
            self._fetch(self._pairs[start : start + PAGE_SIZE])
            left, right = self._cached_names(pair)
            names = f"{left} ↔ {right}"
            return plain_tip(names) if role == Qt.ItemDataRole.ToolTipRole else names
        return None


def _positions(ids: array[int], member_id: int) -> Iterator[int]:
    start = 0
    while True:
        try:
            start = ids.index(member_id, start)
        except ValueError:
            return
        yield start
        start += 1
