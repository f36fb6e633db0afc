"""The History panel's table: audit events, newest first (a small table: held in memory)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app.audit import AuditEntry
from app.clock import to_local
from ui.labels import plain_tip

Index = QModelIndex | QPersistentModelIndex
COL_WHEN, COL_WHO, COL_WHAT, COL_DETAIL = range(4)
HEADERS = (
    QT_TRANSLATE_NOOP("HistoryTableModel", "When"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Who"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "What"),
    QT_TRANSLATE_NOOP("HistoryTableModel", "Details"),
)
ACTIONS = {
    "create": QT_TRANSLATE_NOOP("HistoryTableModel", "Member created"),
    "update": QT_TRANSLATE_NOOP("HistoryTableModel", "Member changed"),
    "delete": QT_TRANSLATE_NOOP("HistoryTableModel", "Members deleted"),
    "restore": QT_TRANSLATE_NOOP("HistoryTableModel", "Deletion undone"),
    "erase": QT_TRANSLATE_NOOP("HistoryTableModel", "Member erased (GDPR)"),
    "export-data": QT_TRANSLATE_NOOP("HistoryTableModel", "Personal data exported (GDPR)"),
    "export": QT_TRANSLATE_NOOP("HistoryTableModel", "Export"),
    "import": QT_TRANSLATE_NOOP("HistoryTableModel", "Import"),
    "merge": QT_TRANSLATE_NOOP("HistoryTableModel", "Duplicates merged"),
    "demo": QT_TRANSLATE_NOOP("HistoryTableModel", "Sample association created"),
    "tag-create": QT_TRANSLATE_NOOP("HistoryTableModel", "Tag created"),
    "tag-rename": QT_TRANSLATE_NOOP("HistoryTableModel", "Tag renamed"),
    "tag-color": QT_TRANSLATE_NOOP("HistoryTableModel", "Tag colour changed"),
    "tag-move": QT_TRANSLATE_NOOP("HistoryTableModel", "Tag moved to another category"),
    "tag-merge": QT_TRANSLATE_NOOP("HistoryTableModel", "Tags merged"),
    "tag-delete": QT_TRANSLATE_NOOP("HistoryTableModel", "Tag deleted"),
    "tag-restore": QT_TRANSLATE_NOOP("HistoryTableModel", "Tag deletion undone"),
    "tag-members": QT_TRANSLATE_NOOP("HistoryTableModel", "Members tagged"),
    "tag-untag-members": QT_TRANSLATE_NOOP("HistoryTableModel", "Members untagged"),
    "tag-query": QT_TRANSLATE_NOOP("HistoryTableModel", "Search tagged"),
    "tag-untag-query": QT_TRANSLATE_NOOP("HistoryTableModel", "Search untagged"),
    "tag-emails": QT_TRANSLATE_NOOP("HistoryTableModel", "List of emails tagged"),
    "tag-undo": QT_TRANSLATE_NOOP("HistoryTableModel", "Tagging undone"),
    "tag-rule-create": QT_TRANSLATE_NOOP("HistoryTableModel", "Tagging rule created"),
    "tag-rule-update": QT_TRANSLATE_NOOP("HistoryTableModel", "Tagging rule changed"),
    "tag-rule-delete": QT_TRANSLATE_NOOP("HistoryTableModel", "Tagging rule deleted"),
    "tag-rules-apply": QT_TRANSLATE_NOOP("HistoryTableModel", "Tagging rules applied"),
    "segment-create": QT_TRANSLATE_NOOP("HistoryTableModel", "Segment saved"),
    "segment-update": QT_TRANSLATE_NOOP("HistoryTableModel", "Segment changed"),
    "segment-rename": QT_TRANSLATE_NOOP("HistoryTableModel", "Segment renamed"),
    "segment-delete": QT_TRANSLATE_NOOP("HistoryTableModel", "Segment deleted"),
    "newsletter": QT_TRANSLATE_NOOP("HistoryTableModel", "Newsletter send"),
}
# The actions of tags, tagging rules and segments (the History panel's filter).
TAG_AND_SEGMENT_ACTIONS = tuple(a for a in ACTIONS if a.startswith(("tag-", "segment-")))
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryTableModel", text)


def describe(entry: AuditEntry) -> str:
    """One line a CM can read: which file, how many members, which search."""
    d = entry.detail or {}
    if entry.action == "export":
        text = (
            _tr("%1 members to %2")
            .replace("%1", str(d.get("rows", "?")))
            .replace("%2", str(d.get("file", "?")))
        )
        if d.get("query"):
            text += " — " + _tr("search: %1").replace("%1", str(d["query"]))
        return text
    if entry.action == "import":
        return (
            _tr("%1: %2 created, %3 updated, %4 rejected")
            .replace("%1", str(d.get("file", "?")))
            .replace("%2", str(d.get("created", 0)))
            .replace("%3", str(d.get("updated", 0)))
            .replace("%4", str(d.get("rejected", 0)))
        )
    if entry.action in ("delete", "restore") and "ids" in d:
        return _tr("%1 member(s)").replace("%1", str(len(d["ids"])))
    if entry.action == "update" and "fields" in d:
        return (
            _tr("no. %1: %2")
            .replace("%1", str(entry.entity_id))
            .replace("%2", ", ".join(d["fields"]))
        )
    tagged = _tag_detail(entry.action, d)
    if tagged:
        return tagged
    if entry.entity_id is not None:
        return _tr("no. %1").replace("%1", str(entry.entity_id))
    return ""


def _tag_detail(action: str, d: dict[str, Any]) -> str:
    """The line of a tag, rule or segment event: its name, and how many members."""
    if not action.startswith(("tag-", "segment-")):
        return ""
    parts: list[str] = []
    if "from" in d and "to" in d:
        parts.append(f"{d['from'] or '—'} → {d['to'] or '—'}")
    elif "source" in d and "target" in d:
        parts.append(f"{d['source']} → {d['target']}")
    elif d.get("name"):
        parts.append(str(d["name"]))
    elif d.get("rule"):
        parts.append(str(d["rule"]))
    if d.get("query"):
        parts.append(_tr("search: %1").replace("%1", str(d["query"])))
    for key, text in (
        ("added", QT_TRANSLATE_NOOP("HistoryTableModel", "%1 member(s) tagged")),
        ("removed", QT_TRANSLATE_NOOP("HistoryTableModel", "%1 member(s) untagged")),
        ("members", QT_TRANSLATE_NOOP("HistoryTableModel", "%1 member(s)")),
    ):
        if isinstance(d.get(key), int):
            parts.append(_tr(str(text)).replace("%1", str(d[key])))
    return " — ".join(parts)


class HistoryTableModel(QAbstractTableModel):
    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._entries: list[AuditEntry] = []
        self._text: list[tuple[str, str, str, str]] = []

    def set_entries(self, entries: list[AuditEntry]) -> None:
        self.beginResetModel()
        self._entries = entries
        self._text = [self._row_text(e) for e in entries]
        self.endResetModel()

    @staticmethod
    def _row_text(entry: AuditEntry) -> tuple[str, str, str, str]:
        local = to_local(entry.at)
        when = local.strftime("%Y-%m-%d %H:%M") if local else entry.at
        what = _tr(str(ACTIONS[entry.action])) if entry.action in ACTIONS else entry.action
        return when, entry.actor, what, describe(entry)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._entries):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text[index.row()][index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(self._text[index.row()][index.column()])
        if role == ENTRY_ROLE:
            return self._entries[index.row()]
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(HEADERS)
        ):
            return _tr(str(HEADERS[section]))
        return None
