"""Bulk import of posts from CSV (DESIGN.md §4 "Posts CSV").

Columns (English or French, any order, any case): date (YYYY-MM-DD), time/heure (HH:MM,
local), channel/canal (a kind or a configured channel's name), text/texte, link/lien
(optional). Each row becomes a scheduled post on one channel. Every bad row is reported with
its line number and reason; the good ones are written in one transaction (all or nothing if
the write fails).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from app.errors import AmicaleError
from app.io.mapping import fold_header
from app.io.readers import open_source
from app.io.rows import RowError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.posts.channels import Channel, list_channels, resolve
from app.posts.store import PostDraft, insert_post
from app.posts.timing import DEFAULT_TZ, parse_hhmm
from app.store import Store

HEADERS = {
    "date": "date",
    "time": "time",
    "heure": "time",
    "channel": "channel",
    "canal": "channel",
    "text": "text",
    "texte": "text",
    "link": "link",
    "lien": "link",
}
REQUIRED = ("date", "time", "channel", "text")

# Why a row is refused (the window shows them translated).
_NO_DATE = QT_TRANSLATE_NOOP("Messages", "no date")
_NO_TIME = QT_TRANSLATE_NOOP("Messages", "no time")
_NO_CHANNEL = QT_TRANSLATE_NOOP("Messages", "no channel")
_NO_TEXT = QT_TRANSLATE_NOOP("Messages", "no text")
_BAD_DATE = QT_TRANSLATE_NOOP("Messages", "date “{0}” is not YYYY-MM-DD")
_BAD_TIME = QT_TRANSLATE_NOOP("Messages", "time “{0}” is not HH:MM")
_UNKNOWN_CHANNEL = QT_TRANSLATE_NOOP("Messages", "unknown channel “{0}”")
_DISABLED = QT_TRANSLATE_NOOP("Messages", "channel “{0}” is disabled")
_BAD_LINK = QT_TRANSLATE_NOOP("Messages", "link “{0}” is not an http(s) address")
_MISSING = QT_TRANSLATE_NOOP("Messages", "{0}: missing column(s) {1}")


@dataclass(frozen=True)
class BadRow:
    line: int
    reason: str  # a Message: the window translates it


@dataclass
class PostImportReport:
    created: int = 0
    rejected: list[BadRow] = field(default_factory=list)
    post_ids: list[int] = field(default_factory=list)


def import_posts_csv(store: Store, path: Path, *, tz: str = DEFAULT_TZ) -> PostImportReport:
    """Import ``path``; raise AmicaleError when the file itself cannot be read or lacks a
    required column."""
    source = open_source(Path(path), "csv")
    columns: dict[str, str] = {}
    for header in source.headers:
        key = HEADERS.get(fold_header(header))
        if key is not None and key not in columns:
            columns[key] = header
    missing = [name for name in REQUIRED if name not in columns]
    if missing:
        raise AmicaleError(Message(_MISSING, Path(path).name, ", ".join(missing)))
    report = PostImportReport()
    drafts: list[tuple[int, PostDraft]] = []
    with store.read() as conn:
        known = list_channels(conn)
    for item in source.rows():
        if isinstance(item, RowError):
            report.rejected.append(BadRow(item.line, str(item.reason)))
            continue
        values = {key: item.values.get(header, "").strip() for key, header in columns.items()}
        if not any(values.values()):
            continue
        problem, draft = _row_to_draft(values, known, tz)
        if problem is not None:
            report.rejected.append(BadRow(item.line, problem))
        elif draft is not None:
            drafts.append((item.line, draft))
    if drafts:
        with store.write() as conn:
            for _, draft in drafts:
                report.post_ids.append(insert_post(conn, draft))
    report.created = len(report.post_ids)
    return report


def _row_to_draft(
    values: dict[str, str], known: list[Channel], tz: str
) -> tuple[Message | None, PostDraft | None]:
    if not values["date"]:
        return Message(_NO_DATE), None
    try:
        day = date.fromisoformat(values["date"])
        if len(values["date"]) != 10:
            raise ValueError
    except ValueError:
        return Message(_BAD_DATE, values["date"]), None
    if not values["time"]:
        return Message(_NO_TIME), None
    try:
        moment = parse_hhmm(values["time"])
    except ValueError:
        return Message(_BAD_TIME, values["time"]), None
    if not values["channel"]:
        return Message(_NO_CHANNEL), None
    chan = resolve(known, values["channel"])
    if chan is None:
        return Message(_UNKNOWN_CHANNEL, values["channel"]), None
    if not chan.enabled:
        return Message(_DISABLED, chan.title), None
    if not values["text"]:
        return Message(_NO_TEXT), None
    link = values.get("link") or None
    if link and not link.lower().startswith(("http://", "https://")):
        return Message(_BAD_LINK, link), None
    draft = PostDraft(
        text=values["text"],
        link=link,
        local_time=datetime.combine(day, moment),
        tz=tz,
        versions={chan.id: (None, None)},
        state="scheduled",
    )
    return None, draft
