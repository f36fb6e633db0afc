"""The Privacy panel's small tables (requests, the retention worklist, backups): rows of
text held in memory, each with the key its actions need (a request, a member, a file)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
LATE_COLOUR = "#b00020"  # ui.widgets.ERROR_STYLE's


class PrivacyRowsModel(QAbstractTableModel):
    def __init__(self, headers: Sequence[str], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._headers = list(headers)
        self._rows: list[tuple[Any, list[str]]] = []
        # Rows to show in the warning colour (a late request).
        self._flagged: set[int] = set()

    def set_rows(
        self, rows: Sequence[tuple[Any, Sequence[str]]], flagged: Sequence[int] = ()
    ) -> None:
        self.beginResetModel()
        self._rows = [(key, list(cells)) for key, cells in rows]
        self._flagged = set(flagged)
        self.endResetModel()

    def key(self, row: int) -> Any:
        return self._rows[row][0]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        key, cells = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return cells[index.column()] if index.column() < len(cells) else ""
        if role == KEY_ROLE:
            return key
        if role == Qt.ItemDataRole.ForegroundRole and index.row() in self._flagged:
            return QColor(LATE_COLOUR)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self._headers)
        ):
            return self._headers[section]
        return None
