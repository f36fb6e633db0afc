"""Local wall time ↔ UTC, recurrence and weekly slots.

A post is planned in local time in a named zone and stored as UTC plus that zone. The local
wall time is what the CM chose, so every computation (recurrence, moving a post to another
day, weekly slots) works on the wall time and converts to UTC last: 09:00 Europe/Paris stays
09:00 in winter and in summer.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from app.errors import AmicaleError

DEFAULT_TZ = "Europe/Paris"
RECURRENCES = ("none", "weekly", "monthly", "yearly")
# Expansion stops after this many occurrences, whatever the window (a weekly post over
# twenty years is about a thousand).
MAX_OCCURRENCES = 5000


@lru_cache(maxsize=64)
def zone(name: str) -> ZoneInfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise AmicaleError(f"unknown time zone: {name}") from exc


def to_utc(local: datetime, tz: str) -> datetime:
    """The UTC instant of the naive wall time ``local`` in zone ``tz``.

    A wall time skipped by the spring clock change (02:30 on the last Sunday of March in
    Paris) lands an hour later, as a clock would show it; a repeated autumn one takes its
    first occurrence.
    """
    aware = local.replace(tzinfo=zone(tz), fold=0)
    return aware.astimezone(UTC)


def to_local(instant: datetime, tz: str) -> datetime:
    """The naive wall time of the aware ``instant`` in zone ``tz``."""
    return instant.astimezone(zone(tz)).replace(tzinfo=None)


def parse_utc(iso: str | None) -> datetime | None:
    if not iso:
        return None
    value = datetime.fromisoformat(iso)
    if value.tzinfo is None:
        value = value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def format_utc(instant: datetime) -> str:
    """The stored form: ISO 8601 in UTC with its offset, to the second (sorts as text)."""
    if instant.tzinfo is None:
        raise ValueError("naive datetime")
    return instant.astimezone(UTC).isoformat(timespec="seconds")


def add_months(day: date, months: int, anchor_day: int | None = None) -> date:
    """``day`` moved by ``months``, on ``anchor_day`` (default: its own day) clamped to the
    month's end: a post on the 31st recurs on April 30, then May 31 again."""
    month_index = day.year * 12 + day.month - 1 + months
    year, month = divmod(month_index, 12)
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(anchor_day or day.day, last))


def occurrence(first_local: datetime, recurrence: str, n: int) -> datetime:
    """The ``n``-th (0-based) local wall time of a series starting at ``first_local``."""
    if n == 0 or recurrence == "none":
        return first_local
    if recurrence == "weekly":
        return first_local + timedelta(weeks=n)
    if recurrence == "monthly":
        day = add_months(first_local.date(), n)
    elif recurrence == "yearly":
        day = add_months(first_local.date(), 12 * n)
    else:
        raise ValueError(f"unknown recurrence {recurrence!r}")
    return datetime.combine(day, first_local.time())


def occurrences(
    first_utc: datetime, tz: str, recurrence: str, start: datetime, end: datetime
) -> Iterator[tuple[int, datetime]]:
    """(index, UTC instant) of each occurrence in [start, end), the first one included.

    Each occurrence keeps the first one's wall time in ``tz``, across clock changes.
    """
    if recurrence == "none":
        if start <= first_utc < end:
            yield 0, first_utc
        return
    first_local = to_local(first_utc, tz)
    # Skip ahead without generating the occurrences before the window.
    n = 0
    if recurrence == "weekly" and start > first_utc:
        n = max(0, (start - first_utc).days // 7 - 1)
    elif recurrence in ("monthly", "yearly") and start > first_utc:
        months = (start.year - first_utc.year) * 12 + start.month - first_utc.month - 1
        n = max(0, months if recurrence == "monthly" else months // 12)
    for _ in range(MAX_OCCURRENCES):
        instant = to_utc(occurrence(first_local, recurrence, n), tz)
        if instant >= end:
            return
        if instant >= start:
            yield n, instant
        n += 1


def next_occurrence(first_utc: datetime, tz: str, recurrence: str, after: datetime) -> datetime:
    """The first occurrence strictly after ``after`` (used when one is published)."""
    for _, instant in occurrences(
        first_utc, tz, recurrence, after + timedelta(seconds=1), datetime.max.replace(tzinfo=UTC)
    ):
        return instant
    raise ValueError("no further occurrence")


def parse_hhmm(text: str) -> time:
    hours, _, minutes = text.strip().partition(":")
    if not (hours.isdigit() and minutes.isdigit() and len(minutes) == 2 and len(hours) <= 2):
        raise ValueError(f"not a time HH:MM: {text!r}")
    return time(int(hours), int(minutes))


def slot_instants(
    slots: list[tuple[int, str]], tz: str, after: datetime, days: int = 400
) -> Iterator[datetime]:
    """The UTC instants of weekly ``slots`` (weekday 0 = Monday, local "HH:MM") strictly
    after ``after``, in order, over the next ``days`` days."""
    if not slots:
        return
    by_weekday: dict[int, list[time]] = {}
    for weekday, hhmm in slots:
        by_weekday.setdefault(weekday, []).append(parse_hhmm(hhmm))
    start_day = to_local(after, tz).date()
    for offset in range(days + 1):
        day = start_day + timedelta(days=offset)
        for moment in sorted(by_weekday.get(day.weekday(), ())):
            instant = to_utc(datetime.combine(day, moment), tz)
            if instant > after:
                yield instant
