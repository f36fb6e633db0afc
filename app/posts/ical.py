"""The editorial calendar as an iCalendar file (RFC 5545), for any calendar application.

Each scheduled post is an event:
- DTSTART in the zone the post was planned in (``TZID=Europe/Paris``), with the matching
  VTIMEZONE in the file, so a 09:00 Paris post reads 09:00 on either side of a clock change,
  in any application, whatever the reader's own zone;
- a UID that stays the same for the post on its channel (re-importing or subscribing updates
  the event instead of duplicating it); the occurrences of a recurring post share its id, so
  theirs also carry the occurrence's time;
- STATUS from the post's state: cancelled posts are CANCELLED (a subscribed calendar removes
  them), drafts TENTATIVE, the rest CONFIRMED.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import icalendar

from app import clock
from app.posts.feed import target_path, write_file
from app.posts.store import ScheduledPost

PRODID = "-//Amicale//Editorial calendar//FR"
DEFAULT_FILE_NAME = "calendar.ics"
# How long a post's event lasts in the calendar: a slot to publish it.
DURATION = timedelta(minutes=15)
UID_DOMAIN = "amicale.invalid"  # RFC 2606: a name that can never clash with a real host
_STATUS = {"cancelled": "CANCELLED", "draft": "TENTATIVE"}
CHANNEL_LABELS = {
    "linkedin": "LinkedIn",
    "facebook": "Facebook",
    "viadeo": "Viadeo",
    "x": "X",
    "mastodon": "Mastodon",
    "newsletter": "Newsletter",
    "website": "Site web",
}


@dataclass(frozen=True)
class CalendarReport:
    path: Path
    events: int


def event_uid(post: ScheduledPost, occurrence: bool = False) -> str:
    """Stable per post version (one post on one channel): ``post-12-linkedin@amicale.invalid``;
    one occurrence of a recurring post: ``post-12-linkedin-20270328T070000Z@…``."""
    parts = [f"post-{post.id}", post.channel_kind]
    if occurrence:
        parts.append(post.scheduled_at.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ"))
    return "-".join(parts) + "@" + UID_DOMAIN


def _zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")  # an unknown zone: the instant is still right, in UTC


def summary(post: ScheduledPost) -> str:
    label = CHANNEL_LABELS.get(post.channel_kind, post.channel_kind)
    title = " ".join((post.title or "").split()) or " ".join(post.text.split())[:60]
    return f"[{post.channel_name or label}] {title}".strip()


def build_calendar(
    posts: Sequence[ScheduledPost], *, name: str, now: datetime | None = None
) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("x-wr-calname", name or "Amicale")
    stamp = (now or clock.now()).astimezone(UTC)
    first: date | None = None
    last: date | None = None
    seen = Counter(post.id for post in posts)
    for post in sorted(posts, key=lambda p: (p.scheduled_at, p.id)):
        if post.scheduled_at.tzinfo is None:
            raise ValueError("a post's time must be timezone-aware")
        local = post.scheduled_at.astimezone(_zone(post.tz))
        event = icalendar.Event()
        event.add("uid", event_uid(post, occurrence=seen[post.id] > 1))
        event.add("dtstamp", stamp)
        event.add("dtstart", local)
        event.add("dtend", local + DURATION)
        event.add("summary", summary(post))
        description = post.text
        if post.link:
            description = f"{description}\n\n{post.link}".strip()
        event.add("description", description)
        if post.link and re.match(r"https?://\S+$", post.link.strip(), re.I):
            event.add("url", post.link.strip())
        event.add("categories", [CHANNEL_LABELS.get(post.channel_kind, post.channel_kind)])
        event.add("status", _STATUS.get(post.state, "CONFIRMED"))
        calendar.add_component(event)
        day = local.date()
        first = day if first is None or day < first else first
        last = day if last is None or day > last else last
    if first is not None and last is not None:
        # Only the rules of the years the posts fall in: a short file, exact for them.
        calendar.add_missing_timezones(
            first_date=date(first.year - 1, 1, 1), last_date=date(last.year + 2, 1, 1)
        )
    return bytes(calendar.to_ical())


def write_calendar(
    posts: Sequence[ScheduledPost], path: Path, *, name: str, store: Path | None = None
) -> CalendarReport:
    target = target_path(path, DEFAULT_FILE_NAME)
    write_file(target, build_calendar(posts, name=name), store=store)
    return CalendarReport(target, len(posts))
