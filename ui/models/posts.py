"""The calendar's Qt models: the list view's table of posts and the "Due now" list.

Both are small (a month or a filtered window of posts, the versions due): held in memory.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from app.posts.channels import Channel
from app.posts.store import CalendarItem, DueVersion
from app.posts.timing import to_local
from ui.labels import channel_name, plain_tip

Index = QModelIndex | QPersistentModelIndex
ITEM_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COL_WHEN, COL_CHANNELS, COL_STATE, COL_TEXT = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("PostTableModel", "When"),
    QT_TRANSLATE_NOOP("PostTableModel", "Channels"),
    QT_TRANSLATE_NOOP("PostTableModel", "State"),
    QT_TRANSLATE_NOOP("PostTableModel", "Post"),
)
STATE_TITLES = {
    "draft": QT_TRANSLATE_NOOP("PostStates", "Draft"),
    "scheduled": QT_TRANSLATE_NOOP("PostStates", "Scheduled"),
    "due": QT_TRANSLATE_NOOP("PostStates", "Due"),
    "published": QT_TRANSLATE_NOOP("PostStates", "Published"),
    "failed": QT_TRANSLATE_NOOP("PostStates", "Failed"),
    "cancelled": QT_TRANSLATE_NOOP("PostStates", "Cancelled"),
}
STATE_COLORS = {
    "draft": "#9e9e9e",
    "scheduled": "#1565c0",
    "due": "#ef6c00",
    "published": "#2e7d32",
    "failed": "#c62828",
    "cancelled": "#757575",
}


def state_title(state: str) -> str:
    source = STATE_TITLES.get(state)
    return QCoreApplication.translate("PostStates", str(source)) if source else state


def local_text(item_time: Any, fmt: QLocale.FormatType = QLocale.FormatType.ShortFormat) -> str:
    """A naive local datetime in the user's locale."""
    moment = QDateTime(item_time)
    return QLocale().toString(moment, fmt)


class PostTableModel(QAbstractTableModel):
    """The list view: one row per post occurrence, in time order."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[CalendarItem] = []
        self.channels: dict[int, Channel] = {}

    def set_rows(self, rows: list[CalendarItem], channels: Mapping[int, Channel]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.channels = dict(channels)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

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
            return QCoreApplication.translate("PostTableModel", str(HEADERS[section]))
        return None

    def channel_names(self, item: CalendarItem) -> str:
        return ", ".join(
            channel_name(self.channels[c]) for c in item.channel_ids if c in self.channels
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        item = self.rows[index.row()]
        column = index.column()
        if role == ITEM_ROLE:
            return item
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            if column == COL_WHEN:
                if item.scheduled_at is None or item.local_time is None:
                    # Undated drafts sort after every date ("~" follows the digits).
                    no_date = QCoreApplication.translate("PostTableModel", "No date")
                    return "~" if role == SORT_ROLE else no_date
                if role == SORT_ROLE:
                    return item.scheduled_at.isoformat()
                return local_text(item.local_time)
            if column == COL_CHANNELS:
                return self.channel_names(item)
            if column == COL_STATE:
                return state_title(item.state)
            if column == COL_TEXT:
                return item.label
        if role == Qt.ItemDataRole.ToolTipRole and column == COL_TEXT:
            return plain_tip(item.text)
        if role == Qt.ItemDataRole.ForegroundRole and column == COL_STATE:
            return QBrush(QColor(STATE_COLORS.get(item.state, "#000000")))
        if role == Qt.ItemDataRole.DecorationRole and column == COL_CHANNELS and item.channel_ids:
            first = self.channels.get(item.channel_ids[0])
            return QColor(first.color) if first else None
        return None

    def row_of(self, post_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.post_id == post_id), -1)


class DueListModel(QAbstractListModel):
    """ "Due now": the channel versions whose time has come, and the failed ones."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.rows: list[DueVersion] = []

    def set_rows(self, rows: list[DueVersion]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        due = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            when = local_text(to_local(due.scheduled_at, due.tz))
            text = " ".join((due.title or due.text).split())[:60]
            line = f"{channel_name(due.channel)} · {when}\n{text}"
            if due.state == "failed":
                reason = due.failure_reason or ""
                line += "\n" + self.tr("Failed: %1").replace("%1", reason)
            return line
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(due.text)
        if role == Qt.ItemDataRole.DecorationRole:
            return QColor(due.channel.color)
        if role == Qt.ItemDataRole.ForegroundRole and due.state == "failed":
            return QBrush(QColor(STATE_COLORS["failed"]))
        if role == ITEM_ROLE:
            return due
        return None

    @property
    def due_count(self) -> int:
        return sum(1 for r in self.rows if r.state == "due")
