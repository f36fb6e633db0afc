"""The moderation queue's table: open items, oldest first, with ageing badges.

A small table (the open queue is hundreds of items at most), held in memory; filters by
community, kind and suggestion are applied here, so the panel keeps one list of items.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app import clock
from app.moderation.queue import QueueItem
from ui.labels import message_text, plain_tip

Index = QModelIndex | QPersistentModelIndex
# The suggestion comes second: it is what the CM triages by.
COL_AGE, COL_SUGGESTION, COL_KIND, COL_NAME, COL_COMMUNITY, COL_MATCH, COL_SIGNALS = range(7)
HEADERS = (
    QT_TRANSLATE_NOOP("ModerationQueueModel", "Age"),
    QT_TRANSLATE_NOOP("ModerationQueueModel", "Suggestion"),
    QT_TRANSLATE_NOOP("ModerationQueueModel", "Kind"),
    QT_TRANSLATE_NOOP("ModerationQueueModel", "Who"),
    QT_TRANSLATE_NOOP("ModerationQueueModel", "Community"),
    QT_TRANSLATE_NOOP("ModerationQueueModel", "Graduate"),
    QT_TRANSLATE_NOOP("ModerationQueueModel", "Signals"),
)
KIND_TITLES = {
    "join": QT_TRANSLATE_NOOP("ModerationQueueModel", "Join request"),
    "post": QT_TRANSLATE_NOOP("ModerationQueueModel", "Post"),
    "comment": QT_TRANSLATE_NOOP("ModerationQueueModel", "Comment"),
}
MATCH_TITLES = {
    "known": QT_TRANSLATE_NOOP("ModerationQueueModel", "Known graduate"),
    "probable": QT_TRANSLATE_NOOP("ModerationQueueModel", "Probable graduate"),
    "unknown": QT_TRANSLATE_NOOP("ModerationQueueModel", "Unknown"),
}
SUGGESTION_TITLES = {
    "approve": QT_TRANSLATE_NOOP("ModerationQueueModel", "Approve"),
    "review": QT_TRANSLATE_NOOP("ModerationQueueModel", "Review"),
    "reject": QT_TRANSLATE_NOOP("ModerationQueueModel", "Reject"),
}
STATUS_TITLES = {
    "pending": QT_TRANSLATE_NOOP("ModerationQueueModel", "pending"),
    "info": QT_TRANSLATE_NOOP("ModerationQueueModel", "information asked"),
    "escalated": QT_TRANSLATE_NOOP("ModerationQueueModel", "escalated"),
    "snoozed": QT_TRANSLATE_NOOP("ModerationQueueModel", "snoozed"),
    "approved": QT_TRANSLATE_NOOP("ModerationQueueModel", "approved"),
    "rejected": QT_TRANSLATE_NOOP("ModerationQueueModel", "rejected"),
}
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
# Ageing: an item older than this is late (amber), older than STALE it is overdue (red).
LATE = timedelta(days=1)
STALE = timedelta(days=3)
_LATE_COLOR = QColor("#f6d58e")
_STALE_COLOR = QColor("#f2a7a0")
_SUGGESTION_COLORS = {"approve": QColor("#2e7d32"), "reject": QColor("#c62828")}


def tr(text: str) -> str:
    return QCoreApplication.translate("ModerationQueueModel", text)


def title(titles: Mapping[str, object], value: str) -> str:
    source = titles.get(value)
    return tr(str(source)) if source else value


def age_text(age: timedelta) -> str:
    """ "12 min", "5 h", "3 d": short enough for a badge."""
    minutes = max(0, int(age.total_seconds() // 60))
    if minutes < 60:
        text = QCoreApplication.translate("ModerationQueueModel", "%1 min")
        return text.replace("%1", str(minutes))
    if minutes < 48 * 60:
        text = QCoreApplication.translate("ModerationQueueModel", "%1 h")
        return text.replace("%1", str(minutes // 60))
    text = QCoreApplication.translate("ModerationQueueModel", "%1 d")
    return text.replace("%1", str(minutes // (24 * 60)))


class ModerationQueueModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.all_items: list[QueueItem] = []
        self.items: list[QueueItem] = []
        self.community_id: int | None = None
        self.kind: str | None = None
        self.suggestion: str | None = None
        self.now = clock.now()

    # --- the filters ---

    def set_items(self, items: list[QueueItem], now: datetime | None = None) -> None:
        self.now = now or clock.now()
        self.all_items = sorted(items, key=lambda i: (i.received_at, i.id))
        self._apply()

    def set_filter(
        self,
        community_id: int | None = None,
        kind: str | None = None,
        suggestion: str | None = None,
    ) -> None:
        self.community_id, self.kind, self.suggestion = community_id, kind, suggestion
        self._apply()

    def _apply(self) -> None:
        self.beginResetModel()
        self.items = [
            i
            for i in self.all_items
            if (self.community_id is None or i.community_id == self.community_id)
            and (self.kind is None or i.kind == self.kind)
            and (self.suggestion is None or i.suggestion == self.suggestion)
        ]
        self.endResetModel()

    def row_of(self, item_id: int) -> int:
        for row, item in enumerate(self.items):
            if item.id == item_id:
                return row
        return -1

    def item_at(self, row: int) -> QueueItem | None:
        return self.items[row] if 0 <= row < len(self.items) else None

    # --- Qt ---

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(HEADERS)
        ):
            return tr(str(HEADERS[section]))
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.items):
            return None
        item = self.items[index.row()]
        column = index.column()
        if role == ITEM_ROLE:
            return item
        age = item.age(self.now)
        if role == Qt.ItemDataRole.DisplayRole:
            if column == COL_AGE:
                return age_text(age)
            if column == COL_KIND:
                return title(KIND_TITLES, item.kind)
            if column == COL_NAME:
                return item.name or item.email or ""
            if column == COL_COMMUNITY:
                return item.community or ""
            if column == COL_MATCH:
                text = title(MATCH_TITLES, item.match)
                if item.match == "probable":
                    text += f" ({round(item.confidence * 100)} %)"
                return text
            if column == COL_SUGGESTION:
                text = title(SUGGESTION_TITLES, item.suggestion)
                if item.status != "pending":
                    text += " · " + title(STATUS_TITLES, item.status)
                return text
            if column == COL_SIGNALS:
                return " · ".join(message_text(s.message()) for s in item.signals)
            return None
        if role == SORT_ROLE:
            return item.received_at if column == COL_AGE else self.data(index)
        if role == Qt.ItemDataRole.ToolTipRole:
            if column == COL_SIGNALS and item.signals:
                return plain_tip("\n".join(message_text(s.message()) for s in item.signals))
            if column == COL_AGE:
                return item.received_at
            return None
        if role == Qt.ItemDataRole.BackgroundRole and column == COL_AGE:
            if age >= STALE:
                return QBrush(_STALE_COLOR)
            if age >= LATE:
                return QBrush(_LATE_COLOR)
            return None
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_AGE and age >= LATE:
            return QBrush(QColor("#202020"))
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_SUGGESTION:
            color = _SUGGESTION_COLORS.get(item.suggestion)
            return QBrush(color) if color is not None else None
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_AGE:
            return int(Qt.AlignmentFlag.AlignCenter)
        return None
