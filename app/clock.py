"""Time as the store keeps it (UTC, ISO 8601 with its offset) and as the user lives it.

The one place the application reads the clock: "now" is UTC, "today" is the user's local
date (at 00:30 in Paris it is already tomorrow, though not in UTC), a week runs from Monday
to Sunday (ISO 8601, as in France). Tests freeze these with time-machine.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta


def now() -> datetime:
    """The current instant, aware, in UTC."""
    return datetime.now(UTC)


def now_iso() -> str:
    return now().isoformat(timespec="seconds")


def local_now() -> datetime:
    """The current instant in the user's local time zone (aware)."""
    return now().astimezone()


def today() -> date:
    """The user's local date."""
    return local_now().date()


def local_date(moment: datetime | None = None) -> date:
    """The local date of ``moment`` (aware; a naive time is taken as local already)."""
    if moment is None:
        return today()
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone().date()


def week_start(day: date) -> date:
    """The Monday of the ISO week holding ``day``."""
    return day - timedelta(days=day.weekday())


def week_days(day: date) -> list[date]:
    """Monday to Sunday of the ISO week holding ``day``."""
    monday = week_start(day)
    return [monday + timedelta(days=i) for i in range(7)]


def local_midnight(day: date) -> datetime:
    """The first instant of ``day`` in the user's zone, aware. Where a zone skips midnight
    (a DST change at 00:00) this is the first instant that exists."""
    return datetime.combine(day, time()).astimezone()


def midnight_utc_iso(day: date) -> str:
    """Local midnight of ``day`` as the UTC text the store's timestamps are written in: the
    bound a search or a report compares them with."""
    return local_midnight(day).astimezone(UTC).isoformat(timespec="seconds")


def msecs_until_midnight(moment: datetime | None = None) -> int:
    """Milliseconds from ``moment`` (default now) to the next local midnight, plus a second so
    a timer never fires just before it; a DST change makes that day 23 or 25 hours."""
    current = (moment or now()).astimezone()
    midnight = local_midnight(current.date() + timedelta(days=1))
    return max(1000, int((midnight - current).total_seconds() * 1000) + 1000)


def to_local(iso: str | None) -> datetime | None:
    """A stored timestamp in the user's local time zone (None stays None)."""
    if not iso:
        return None
    return datetime.fromisoformat(iso).astimezone()
