"""The History panel's table: audit events, newest first (a small table: held in memory)."""

from __future__ import annotations

import re
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)

from app import clock
from app.audit import AuditEntry
from app.clock import to_local
from ui.labels import field_title, message_text, moment_text, plain_tip

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
    "consent": QT_TRANSLATE_NOOP("HistoryTableModel", "Consent recorded"),
    "access-request": QT_TRANSLATE_NOOP("HistoryTableModel", "Access request received"),
    "erasure-request": QT_TRANSLATE_NOOP("HistoryTableModel", "Erasure request received"),
    "request-answered": QT_TRANSLATE_NOOP("HistoryTableModel", "Request answered"),
    "retention-rule": QT_TRANSLATE_NOOP("HistoryTableModel", "Retention rule changed"),
    "register-edited": QT_TRANSLATE_NOOP("HistoryTableModel", "Register of processing edited"),
    "backup": QT_TRANSLATE_NOOP("HistoryTableModel", "Backup made"),
    "backup-replaced": QT_TRANSLATE_NOOP("HistoryTableModel", "Backup replaced by a clean copy"),
}
# The actions of tags, tagging rules and segments (the History panel's filter).
TAG_AND_SEGMENT_ACTIONS = tuple(a for a in ACTIONS if a.startswith(("tag-", "segment-")))
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryTableModel", text)


# What happened to a join request, or to a post or comment, with the person's name (%1).
MODERATION_SENTENCES = {
    ("join", "approve"): QT_TRANSLATE_NOOP("HistoryTableModel", "Request from %1 approved"),
    ("join", "reject"): QT_TRANSLATE_NOOP("HistoryTableModel", "Request from %1 rejected"),
    ("join", "info"): QT_TRANSLATE_NOOP("HistoryTableModel", "Information asked of %1"),
    ("join", "escalate"): QT_TRANSLATE_NOOP("HistoryTableModel", "Request from %1 passed on"),
    ("join", "snooze"): QT_TRANSLATE_NOOP("HistoryTableModel", "Request from %1 snoozed"),
    ("join", "undo"): QT_TRANSLATE_NOOP(
        "HistoryTableModel", "Decision on the request from %1 undone"
    ),
    ("post", "approve"): QT_TRANSLATE_NOOP("HistoryTableModel", "Post by %1 approved"),
    ("post", "reject"): QT_TRANSLATE_NOOP("HistoryTableModel", "Post by %1 rejected"),
    ("post", "info"): QT_TRANSLATE_NOOP(
        "HistoryTableModel", "Information asked about the post by %1"
    ),
    ("post", "escalate"): QT_TRANSLATE_NOOP("HistoryTableModel", "Post by %1 passed on"),
    ("post", "snooze"): QT_TRANSLATE_NOOP("HistoryTableModel", "Post by %1 snoozed"),
    ("post", "undo"): QT_TRANSLATE_NOOP("HistoryTableModel", "Decision on the post by %1 undone"),
}
# What happened to a member still in the directory, with their name (%1).
MEMBER_SENTENCES = {
    "create": QT_TRANSLATE_NOOP("HistoryTableModel", "Record of %1 created"),
    "update": QT_TRANSLATE_NOOP("HistoryTableModel", "Record of %1 changed"),
    "merge": QT_TRANSLATE_NOOP("HistoryTableModel", "Duplicates merged into the record of %1"),
    "verify": QT_TRANSLATE_NOOP("HistoryTableModel", "Degree of %1 verified"),
    "export-data": QT_TRANSLATE_NOOP("HistoryTableModel", "Personal data of %1 exported (GDPR)"),
    "not_duplicate": QT_TRANSLATE_NOOP(
        "HistoryTableModel", "%1 and another member marked as different people"
    ),
}
OTHER_ACTIONS = {
    "moderation.import": QT_TRANSLATE_NOOP("HistoryTableModel", "Join requests and posts imported"),
    "verify": QT_TRANSLATE_NOOP("HistoryTableModel", "Degree verified"),
    "not_duplicate": QT_TRANSLATE_NOOP("HistoryTableModel", "Marked as different people"),
    "dismiss": QT_TRANSLATE_NOOP("HistoryTableModel", "Import row dismissed"),
}


def _field_list(names: list[str]) -> str:
    """The fields' titles in a sentence: "city, class year" (a name like LinkedIn kept)."""
    titles = [field_title(str(name)) for name in names]
    return ", ".join(t[:1].lower() + t[1:] if t[1:] == t[1:].lower() else t for t in titles)


def what(entry: AuditEntry) -> str:
    """The event as a sentence, with the name of whom it is about when it is known."""
    action = entry.action
    name = entry.subject
    if action.startswith("moderation.") and action != "moderation.import":
        kind = "join" if entry.subject_kind in (None, "join") else "post"
        source = MODERATION_SENTENCES.get((kind, action.partition(".")[2]))
        if source is not None:
            return _tr(str(source)).replace(
                "%1", name or QCoreApplication.translate("HistoryTableModel", "(no name)")
            )
    if name and action in MEMBER_SENTENCES:
        text = _tr(str(MEMBER_SENTENCES[action])).replace("%1", name)
        fields = (entry.detail or {}).get("fields")
        if action == "update" and isinstance(fields, list) and fields:
            # "%1: %2" in the translation: French puts a no-break space before the colon.
            text = (
                QCoreApplication.translate("HistoryTableModel", "%1: %2")
                .replace("%2", _field_list(fields))
                .replace("%1", text, 1)
            )
        return text
    if action in ACTIONS:
        return _tr(str(ACTIONS[action]))
    if action in OTHER_ACTIONS:
        return _tr(str(OTHER_ACTIONS[action]))
    return action


def describe(entry: AuditEntry) -> str:
    """One line a CM can read: which file, how many members, which search."""
    d = entry.detail or {}
    if entry.action == "export":
        text = (
            QCoreApplication.translate("HistoryTableModel", "%1 members to %2")
            .replace("%1", str(d.get("rows", "?")))
            .replace("%2", str(d.get("file", "?")))
        )
        if d.get("query"):
            text += " — " + QCoreApplication.translate("HistoryTableModel", "search: %1").replace(
                "%1", str(d["query"])
            )
        return text
    if entry.action == "import":
        return (
            QCoreApplication.translate(
                "HistoryTableModel", "%1: %2 created, %3 updated, %4 rejected"
            )
            .replace("%1", str(d.get("file", "?")))
            .replace("%2", str(d.get("created", 0)))
            .replace("%3", str(d.get("updated", 0)))
            .replace("%4", str(d.get("rejected", 0)))
        )
    if entry.action == "moderation.import":
        return (
            QCoreApplication.translate("HistoryTableModel", "%1 added, %2 merged")
            .replace("%1", str(d.get("added", 0)))
            .replace("%2", str(d.get("merged", 0)))
        )
    if entry.action.startswith("moderation."):
        parts = (
            [QCoreApplication.translate("HistoryTableModel", "automatic")]
            if d.get("automatic")
            else []
        )
        if d.get("reason"):
            parts.append(message_text(d["reason"]))
        return " — ".join(parts)
    if entry.action in ("delete", "restore") and "ids" in d:
        count = str(len(d["ids"]))
        return QCoreApplication.translate("HistoryTableModel", "members: %1").replace("%1", count)
    if entry.action == "update" and "fields" in d and entry.subject is None:
        return QCoreApplication.translate("HistoryTableModel", "fields: %1").replace(
            "%1", _field_list(list(d["fields"]))
        )
    tagged = _tag_detail(entry.action, d)
    if tagged:
        return tagged
    if entry.entity_id is not None and entry.subject is None and entry.entity == "member":
        return QCoreApplication.translate(
            "HistoryTableModel", "a member no longer in the directory"
        )
    return ""


# A tagging rule in words (%1: the tag), by its kind of condition.
RULE_SENTENCES = {
    "city": QT_TRANSLATE_NOOP("HistoryTableModel", "Members in %2 get the tag “%1”"),
    "promo-range": QT_TRANSLATE_NOOP(
        "HistoryTableModel", "Members of the classes of %2 to %3 get the tag “%1”"
    ),
    "promo-one": QT_TRANSLATE_NOOP(
        "HistoryTableModel", "Members of the class of %2 get the tag “%1”"
    ),
    "promo-from": QT_TRANSLATE_NOOP(
        "HistoryTableModel", "Members of the class of %2 or later get the tag “%1”"
    ),
    "promo-to": QT_TRANSLATE_NOOP(
        "HistoryTableModel", "Members of the class of %2 or earlier get the tag “%1”"
    ),
    "query": QT_TRANSLATE_NOOP(
        "HistoryTableModel", "Members found by the search “%2” get the tag “%1”"
    ),
}


def _legacy_rule(summary: str) -> dict[str, Any]:
    """The parts of a rule from the one-line summary History entries held before they kept
    the parts (app.tag_rules.describe: "city: Lyon, Villeurbanne → Géographie/Lyon")."""
    condition, arrow, tag = summary.rpartition(" → ")
    if not arrow:
        condition, tag = summary, ""
    if condition.startswith("city: "):
        cities = [c.strip() for c in condition[6:].split(",") if c.strip()]
        return {"kind": "city", "cities": cities, "tag": tag}
    if condition.startswith("promo: "):
        low, dots, high = condition[7:].partition("..")
        if not dots:
            high = low
        years = [int(y) if y.strip().isdigit() else None for y in (low, high)]
        return {"kind": "promo", "year_from": years[0], "year_to": years[1], "tag": tag}
    return {"kind": "query", "query": condition, "tag": tag}


def rule_sentence(d: dict[str, Any]) -> str:
    """A tagging rule as a sentence: "Members in Lyon or Villeurbanne get the tag …"."""
    parts = d if d.get("kind") else _legacy_rule(str(d.get("rule") or ""))
    tag = str(parts.get("tag") or "—")
    kind = parts.get("kind")
    if kind == "city":
        cities = [str(c) for c in parts.get("cities") or []]
        joined = (
            QCoreApplication.translate("HistoryTableModel", "%1 or %2")
            .replace("%2", cities[-1])
            .replace("%1", ", ".join(cities[:-1]), 1)
            if len(cities) > 1
            else "".join(cities)
        )
        return _fill(_tr(str(RULE_SENTENCES["city"])), tag, joined)
    if kind == "promo":
        low, high = parts.get("year_from"), parts.get("year_to")
        if low is not None and high is not None and low != high:
            return _fill(_tr(str(RULE_SENTENCES["promo-range"])), tag, str(low), str(high))
        if low is not None and high is not None:
            return _fill(_tr(str(RULE_SENTENCES["promo-one"])), tag, str(low))
        if low is not None:
            return _fill(_tr(str(RULE_SENTENCES["promo-from"])), tag, str(low))
        return _fill(_tr(str(RULE_SENTENCES["promo-to"])), tag, str(high if high else "?"))
    return _fill(_tr(str(RULE_SENTENCES["query"])), tag, str(parts.get("query") or ""))


def _fill(template: str, *args: str) -> str:
    """``template`` with %1, %2… replaced in one pass (a tag named "%2" stays as it is)."""
    return re.sub(
        r"%(\d)",
        lambda m: args[int(m.group(1)) - 1] if 1 <= int(m.group(1)) <= len(args) else m.group(0),
        template,
    )


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
    elif d.get("rule") or d.get("kind"):
        parts.append(rule_sentence(d))
    if d.get("query") and not action.startswith("tag-rule-"):  # a rule's is in its sentence
        parts.append(
            QCoreApplication.translate("HistoryTableModel", "search: %1").replace(
                "%1", str(d["query"])
            )
        )
    # Counts after a colon: lupdate knows no plural forms in QCoreApplication.translate.
    for key, text in (
        ("added", QT_TRANSLATE_NOOP("HistoryTableModel", "members tagged: %1")),
        ("removed", QT_TRANSLATE_NOOP("HistoryTableModel", "members untagged: %1")),
        ("members", QT_TRANSLATE_NOOP("HistoryTableModel", "members: %1")),
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
        today = clock.today()
        self._text = [self._row_text(e, today) for e in entries]
        self.endResetModel()

    @staticmethod
    def _row_text(entry: AuditEntry, today: date) -> tuple[str, str, str, str]:
        local = to_local(entry.at)
        when = moment_text(local, today) if local else entry.at
        return when, entry.actor, what(entry), describe(entry)

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
