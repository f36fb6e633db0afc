"""The posts as the publishing connectors read them (feed, calendar).

The posts store (another part of the calendar) hands these out; the feed and iCalendar
writers take plain lists of them, so they never depend on how posts are stored.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass(frozen=True)
class PublishedPost:
    id: int
    channel_kind: str
    channel_name: str
    title: str
    text: str
    link: str | None
    published_at: datetime  # aware, UTC
    url: str | None  # where it was published (the post's page, or a message id)


@dataclass(frozen=True)
class ScheduledPost:
    id: int
    channel_kind: str
    channel_name: str
    title: str
    text: str
    link: str | None
    scheduled_at: datetime  # aware, UTC
    tz: str  # the IANA zone it was planned in, e.g. "Europe/Paris"
    state: str
