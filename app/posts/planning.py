"""Rhythm: the next free weekly slot ("Add to queue") and the cadence advisor.

The seed's advice to community managers: keep a regular rhythm and communicate little but
well. Each channel has a maximum of posts per week and a longest acceptable silence; the
advisor warns about both and shows how the week is balanced across channels.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import sqlalchemy as sa

from app import clock
from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.posts.channels import Channel, list_channels
from app.posts.timing import DEFAULT_TZ, format_utc, occurrences, parse_utc, slot_instants, to_utc
from app.store import Store
from app.store.schema import post, post_version

# The advisor's warnings (the window shows them translated).
_TOO_MANY = QT_TRANSLATE_NOOP("Messages", "{0}: {1} posts this week, more than the {2} chosen")
_SILENT = QT_TRANSLATE_NOOP(
    "Messages", "{0}: silent for {1} days since {2}, longer than the {3} chosen"
)


def _taken(
    conn: sa.Connection, channel_ids: Sequence[int], start: datetime, end: datetime
) -> set[datetime]:
    """UTC instants already used by a post (not cancelled) on one of ``channel_ids``."""
    taken: set[datetime] = set()
    rows = conn.execute(
        sa.select(post.c.scheduled_at, post.c.tz, post.c.recurrence)
        .distinct()
        .join(post_version, post_version.c.post_id == post.c.id)
        .where(
            post_version.c.channel_id.in_(list(channel_ids)),
            post.c.state != "cancelled",
            post.c.scheduled_at.is_not(None),
            post.c.scheduled_at < format_utc(end),
            sa.or_(post.c.scheduled_at >= format_utc(start), post.c.recurrence != "none"),
        )
    )
    for row in rows:
        first = parse_utc(row.scheduled_at)
        assert first is not None
        taken.update(i for _, i in occurrences(first, row.tz, row.recurrence, start, end))
    return taken


def next_free_slot(
    store: Store,
    channel_ids: Sequence[int],
    *,
    after: datetime | None = None,
    tz: str = DEFAULT_TZ,
    exclude_post: int | None = None,
) -> datetime:
    """The first weekly slot of one of ``channel_ids`` after ``after`` (default: now) where
    none of them has a post yet; slots are local times in ``tz``. Returns a UTC instant."""
    after = after or clock.now()
    if not channel_ids:
        raise AmicaleError("choose a channel first")
    horizon = after + timedelta(days=400)
    with store.read() as conn:
        chosen = [c for c in list_channels(conn) if c.id in set(channel_ids)]
        slots = sorted({s for c in chosen for s in c.slots})
        if not slots:
            raise AmicaleError("these channels have no weekly time slots")
        taken = _taken(conn, channel_ids, after, horizon)
        if exclude_post is not None:
            own = conn.execute(
                sa.select(post.c.scheduled_at).where(post.c.id == exclude_post)
            ).scalar()
            taken.discard(parse_utc(own) or after)
    for instant in slot_instants(slots, tz, after):
        if instant not in taken:
            return instant
    raise AmicaleError("no free slot in the coming year")


# --- the cadence advisor -------------------------------------------------------------------


@dataclass(frozen=True)
class Advice:
    """A warning about one channel's rhythm; ``message`` is translated by the window."""

    channel_id: int
    kind: str  # "too-many" or "silent"
    message: Message


@dataclass(frozen=True)
class Cadence:
    week_start: date  # Monday
    # Posts planned or published this week, per channel id (every enabled channel listed).
    balance: dict[int, int]
    advice: tuple[Advice, ...]

    @property
    def total(self) -> int:
        return sum(self.balance.values())


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


def cadence(store: Store, week_of: date, *, tz: str = DEFAULT_TZ) -> Cadence:
    """The week containing ``week_of`` (Monday to Sunday, local): how many posts each channel
    gets, which exceed their maximum, and which channels have been (or will be) silent longer
    than their gap around it."""
    monday = _monday(week_of)
    start = to_utc(datetime.combine(monday, datetime.min.time()), tz)
    end = to_utc(datetime.combine(monday + timedelta(days=7), datetime.min.time()), tz)
    with store.read() as conn:
        chans = list_channels(conn, enabled_only=True)
        balance = _counts(conn, start, end)
        advice: list[Advice] = []
        for chan in chans:
            count = balance.get(chan.id, 0)
            if chan.max_per_week is not None and count > chan.max_per_week:
                advice.append(
                    Advice(
                        chan.id,
                        "too-many",
                        Message(
                            _TOO_MANY,
                            chan.title,
                            count,
                            chan.max_per_week,
                        ),
                    )
                )
            silence = _longest_silence(conn, chan, end)
            if chan.max_gap_days is not None and silence is not None:
                days, since = silence
                if days > chan.max_gap_days:
                    advice.append(
                        Advice(
                            chan.id,
                            "silent",
                            Message(
                                _SILENT,
                                chan.title,
                                days,
                                since,
                                chan.max_gap_days,
                            ),
                        )
                    )
    return Cadence(
        week_start=monday,
        balance={c.id: balance.get(c.id, 0) for c in chans},
        advice=tuple(advice),
    )


def _counts(conn: sa.Connection, start: datetime, end: datetime) -> Counter[int]:
    counts: Counter[int] = Counter()
    rows = conn.execute(
        sa.select(post.c.scheduled_at, post.c.tz, post.c.recurrence, post_version.c.channel_id)
        .join(post_version, post_version.c.post_id == post.c.id)
        .where(
            post.c.state.not_in(("cancelled", "draft")),
            post.c.scheduled_at.is_not(None),
            post.c.scheduled_at < format_utc(end),
            sa.or_(post.c.scheduled_at >= format_utc(start), post.c.recurrence != "none"),
        )
    )
    for row in rows:
        first = parse_utc(row.scheduled_at)
        assert first is not None
        counts[row.channel_id] += sum(
            1 for _ in occurrences(first, row.tz, row.recurrence, start, end)
        )
    return counts


def _longest_silence(conn: sa.Connection, chan: Channel, end: datetime) -> tuple[int, str] | None:
    """The silence on ``chan`` that reaches into the week: days from its last post before the
    week's end (planned or published) to the week's end. None when the channel never had
    a post."""
    last = conn.execute(
        sa.select(sa.func.max(post.c.scheduled_at))
        .join(post_version, post_version.c.post_id == post.c.id)
        .where(
            post_version.c.channel_id == chan.id,
            post.c.state.not_in(("cancelled", "draft")),
            post.c.scheduled_at < format_utc(end),
        )
    ).scalar()
    last_at = parse_utc(last)
    if last_at is None:
        return None
    # Measured to the week's end: a channel with nothing planned by Sunday is warned about
    # while there is still time to plan something.
    return (max(0, (end - last_at).days), last_at.date().isoformat())
