"""The board's figures over a period, beside the previous period's, each with its search.

Periods are local dates, both ends included; weeks are ISO weeks (Monday first). Timestamps
are stored in UTC, so a period runs from the UTC instant of its first local midnight to that
of the midnight after its last day (as the ``added:`` search reads dates).

What the store cannot tell is not guessed:

- the member table keeps each member's present state: "members at the end" of a period
  counts those added by then who are still in the directory; the verified, email and consent
  figures are today's;
- dues: a member keeps only the last year paid, so "paid for year Y" counts the members
  whose last year paid is Y or later;
- members found again (status lost → member) and payments with their day come from the
  audit log, which keeps the old and new values of those fields
  (``app.members.service.TRACKED_CHANGES``) since the dashboard exists: earlier changes,
  and changes brought by an import, are not counted;
- "paid after a newsletter" or "after joining a community" is an order of dates: an
  association, never the proof of a cause.

Everything is read in one transaction, with parameterised statements, so the figures agree
with each other; at a million members the whole of it stays under a second (bench/).
"""

from __future__ import annotations

import json
import statistics
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from app import clock
from app.association import NAME_KEY, get_setting
from app.birthdays import is_leap
from app.errors import AmicaleError
from app.posts.channels import Channel, list_channels
from app.store import Store
from app.store.schema import (
    audit_event,
    birthday_wish,
    community,
    community_pair,
    community_spread,
    member,
    moderation_item,
    newsletter_recipient,
    newsletter_send,
    post_version,
)

# The keys of `amicale report --json` (DESIGN.md §4), in that order.
JSON_KEYS = (
    "members",
    "new_members",
    "lost_found_again",
    "dues_paid",
    "posts_published",
    "moderation_received",
    "moderation_decided",
    "median_decision_hours",
    "birthdays_wished",
    "newsletters_sent",
)
# Signals (app.moderation.checks) that make a moderation item count as spam or selling.
SPAM_CODES = frozenset({"spam", "commercial", "shortener", "blocked_domain"})
# Longer than this, a period's curve goes by month rather than by week.
WEEKLY_UP_TO_DAYS = 92
# The class years and regions shown as bars; the rest are summed in "others".
TOP_BARS = 12
_CHUNK = 500


@dataclass(frozen=True)
class Period:
    """Local dates, ``start`` and ``end`` both included."""

    start: date
    end: date

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise AmicaleError(f"the period ends ({self.end}) before it starts ({self.start})")

    @classmethod
    def parse(cls, start: str, end: str) -> Period:
        try:
            return cls(date.fromisoformat(start), date.fromisoformat(end))
        except ValueError:
            raise AmicaleError(f"invalid dates {start!r}, {end!r}: use YYYY-MM-DD") from None

    @classmethod
    def year(cls, year: int) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31))

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> Period:
        """The period just before: the previous year or month when this one is a whole
        calendar year or month, else as many days."""
        s, e = self.start, self.end
        if (s.month, s.day, e.month, e.day) == (1, 1, 12, 31):
            return Period(date(s.year - (e.year - s.year) - 1, 1, 1), date(s.year - 1, 12, 31))
        if s.day == 1 and e.year == s.year and e.month == s.month and _last_day(e):
            before = s - timedelta(days=1)
            return Period(before.replace(day=1), before)
        if (s.month, s.day) == (1, 1) and e.year == s.year:  # the year so far
            return Period(date(s.year - 1, 1, 1), _year_before(e))
        if s.day == 1 and e.year == s.year and e.month == s.month:  # the month so far
            last = s - timedelta(days=1)
            return Period(last.replace(day=1), last.replace(day=min(e.day, last.day)))
        return Period(s - timedelta(days=self.days), s - timedelta(days=1))

    def bounds(self) -> tuple[str, str]:
        """The stored (UTC) timestamps from the first local midnight to the one after."""
        after = self.end + timedelta(days=1)
        return clock.midnight_utc_iso(self.start), clock.midnight_utc_iso(after)

    def search(self) -> str:
        """The period in the search language (``added:`` and ``updated:``)."""
        if self.start == self.end:
            return self.start.isoformat()
        if self.start.day == 1 and self.end.year == self.start.year and _last_day(self.end):
            if self.start.month == 1 and self.end.month == 12:
                return str(self.start.year)
            if self.start.month == self.end.month:
                return self.start.strftime("%Y-%m")
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    def weeks(self) -> list[date]:
        """The Mondays of the ISO weeks the period touches."""
        monday = clock.week_start(self.start)
        out = []
        while monday <= self.end:
            out.append(monday)
            monday += timedelta(days=7)
        return out

    def buckets(self) -> list[Period]:
        """The steps of the period's curves: its weeks, or its months when it is long,
        clipped to the period."""
        out: list[Period] = []
        if self.days <= WEEKLY_UP_TO_DAYS:
            for monday in self.weeks():
                out.append(
                    Period(max(monday, self.start), min(monday + timedelta(days=6), self.end))
                )
            return out
        first = self.start.replace(day=1)
        while first <= self.end:
            after = date(first.year + (first.month == 12), first.month % 12 + 1, 1)
            out.append(Period(max(first, self.start), min(after - timedelta(days=1), self.end)))
            first = after
        return out


def _year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=28 if (day.month, day.day) == (2, 29) else day.day)


def _last_day(day: date) -> bool:
    return (day + timedelta(days=1)).day == 1


@dataclass(frozen=True)
class Bar:
    """One bar or point of a chart: what it says, and the search that lists its members
    (None: the members panel cannot list them, e.g. members without a region)."""

    label: str
    value: int
    query: str | None = None
    # A second value drawn beside it (the previous period), when there is one.
    previous: int | None = None


@dataclass(frozen=True)
class PeriodFigures:
    """The counts over one period (``members``: at its end)."""

    period: Period
    members: int
    new_members: int
    lost_found_again: int
    dues_year: int
    dues_paid: int
    payments_recorded: int
    paid_after_newsletter: int
    paid_after_community: int
    posts_published: int
    moderation_received: int
    moderation_decided: int
    moderation_approved: int
    moderation_rejected: int
    moderation_spam: int
    median_decision_hours: float | None
    birthdays_wished: int
    birthdays_due: int
    newsletters_sent: int
    newsletter_recipients: int
    newsletter_failures: int

    def as_json(self) -> dict[str, Any]:
        """`amicale report --json` (DESIGN.md §4)."""
        return {key: getattr(self, key) for key in JSON_KEYS}

    @property
    def spam_share(self) -> float | None:
        if not self.moderation_received:
            return None
        return self.moderation_spam / self.moderation_received


@dataclass(frozen=True)
class ChannelActivity:
    """A channel's publications per ISO week of the period, against its cadence."""

    channel: Channel
    weeks: tuple[int, ...]  # one count per Period.weeks()

    @property
    def published(self) -> int:
        return sum(self.weeks)

    @property
    def silent_weeks(self) -> int:
        return sum(1 for n in self.weeks if n == 0)

    @property
    def weeks_over(self) -> int:
        """Weeks with more posts than the cadence the CM set (``max_per_week``)."""
        limit = self.channel.max_per_week
        return 0 if limit is None else sum(1 for n in self.weeks if n > limit)


@dataclass(frozen=True)
class CommunityFigures:
    id: int
    name: str
    network: str
    members: int
    joined: int  # approved join requests in the period (the only joins with a date)
    received: int  # moderation items received in the period
    approved: int
    rejected: int

    @property
    def query(self) -> str:
        return 'community:"' + self.name.replace('"', " ") + '"'


@dataclass(frozen=True)
class Dashboard:
    association: str
    computed_at: str
    current: PeriodFigures
    previous: PeriodFigures
    # Today's state of the directory.
    total: int
    verified: int
    with_email: int
    with_consent: int
    lost: int
    former: int
    # Charts.
    new_by_step: tuple[Bar, ...]  # the period's weeks or months
    by_promo: tuple[Bar, ...]
    by_region: tuple[Bar, ...]
    channels: tuple[ChannelActivity, ...]
    weeks: tuple[date, ...]
    communities: tuple[CommunityFigures, ...]
    # Members in 0, 1, 2, 3 or more communities.
    community_spread: tuple[int, int, int, int]
    # The pairs of communities sharing the most members: (name, name, shared).
    overlaps: tuple[tuple[str, str, int], ...] = field(default=())

    @property
    def period(self) -> Period:
        return self.current.period


def compute(store: Store, period: Period) -> Dashboard:
    """Every figure of the dashboard, in one read transaction."""
    previous = period.previous()
    with store.read() as conn:
        name = (get_setting(conn, NAME_KEY) or "").strip()
        channels = list_channels(conn)
        directory = _Directory.read(conn)
        current_figures = _period_figures(conn, period, channels, directory)
        previous_figures = _period_figures(conn, previous, channels, directory)
        state = directory.state()
        by_region = directory.by_region()
        by_promo = _by_promo(conn)
        steps = period.buckets()
        before = previous.buckets()
        counts = _created_counts(conn, steps)
        counts_before = _created_counts(conn, before) if len(before) == len(steps) else None
        new_by_step = tuple(
            Bar(
                step.start.isoformat(),
                n,
                f"added:{step.search()}",
                counts_before[i] if counts_before else None,
            )
            for i, (step, n) in enumerate(zip(steps, counts, strict=True))
        )
        activity = _channel_activity(conn, period, channels)
        communities, overlaps = _communities(conn, period)
        spread = _community_spread(conn, state[0])
    total, verified, with_email, with_consent, lost, former = state
    return Dashboard(
        association=name,
        computed_at=clock.now_iso(),
        current=current_figures,
        previous=previous_figures,
        total=total,
        verified=verified,
        with_email=with_email,
        with_consent=with_consent,
        lost=lost,
        former=former,
        new_by_step=new_by_step,
        by_promo=by_promo,
        by_region=by_region,
        channels=activity,
        weeks=tuple(period.weeks()),
        communities=communities,
        community_spread=spread,
        overlaps=overlaps,
    )


def period_figures(store: Store, period: Period) -> PeriodFigures:
    """The counts of one period alone (`amicale report --json`)."""
    with store.read() as conn:
        return _period_figures(conn, period, list_channels(conn), _Directory.read(conn))


# --- one period ------------------------------------------------------------------------------


def _count(conn: sa.Connection, table: sa.Table, *where: sa.ColumnElement[bool]) -> int:
    return int(
        conn.execute(sa.select(sa.func.count()).select_from(table).where(*where)).scalar() or 0
    )


def _period_figures(
    conn: sa.Connection, period: Period, channels: Sequence[Channel], directory: _Directory
) -> PeriodFigures:
    low, high = period.bounds()
    created = member.c.created_at
    # Those added by the end are all but those added after it: a short range of the
    # created_at index, not nearly all of it.
    members = directory.total - _count(conn, member, created >= high)
    new_members = _count(conn, member, created >= low, created < high)
    dues_year = period.end.year
    dues_paid = directory.paid_for(dues_year)
    found, payments = _tracked_changes(conn, low, high)
    after_newsletter, after_community = _paid_after(conn, payments)
    enabled = {c.id for c in channels}
    posts = _count(
        conn,
        post_version,
        post_version.c.state == "published",
        post_version.c.published_at >= low,
        post_version.c.published_at < high,
        post_version.c.channel_id.in_(enabled) if enabled else sa.false(),
    )
    moderation = _moderation(conn, low, high)
    wished = _count(
        conn, birthday_wish, birthday_wish.c.wished_at >= low, birthday_wish.c.wished_at < high
    )
    sends, recipients, failures = _newsletters(conn, low, high)
    return PeriodFigures(
        period=period,
        members=members,
        new_members=new_members,
        lost_found_again=len(found),
        dues_year=dues_year,
        dues_paid=dues_paid,
        payments_recorded=len(payments),
        paid_after_newsletter=after_newsletter,
        paid_after_community=after_community,
        posts_published=posts,
        birthdays_wished=wished,
        birthdays_due=_birthdays_due(directory.birthdays(conn), period),
        newsletters_sent=sends,
        newsletter_recipients=recipients,
        newsletter_failures=failures,
        **moderation,
    )


def _tracked_changes(conn: sa.Connection, low: str, high: str) -> tuple[set[int], dict[int, str]]:
    """Members found again (lost → member) in the period, and the members whose paid year
    went up, with the first time it did (from the audit log's ``changes``)."""
    rows = conn.execute(
        sa.select(audit_event.c.entity_id, audit_event.c.at, audit_event.c.detail)
        .where(
            audit_event.c.action == "update",
            audit_event.c.entity == "member",
            audit_event.c.at >= low,
            audit_event.c.at < high,
            audit_event.c.detail.like('%"changes"%'),
        )
        .order_by(audit_event.c.at, audit_event.c.id)
    )
    found: set[int] = set()
    payments: dict[int, str] = {}
    for member_id, at, detail in rows:
        changes = json.loads(detail).get("changes", {})
        if changes.get("status") == ["lost", "member"]:
            found.add(member_id)
        old, new = changes.get("dues_last_year", [None, None])
        if new is not None and (old is None or new > old):
            payments.setdefault(member_id, at)
    return found, payments


def _chunks(items: Sequence[int]) -> Iterable[Sequence[int]]:
    for i in range(0, len(items), _CHUNK):
        yield items[i : i + _CHUNK]


def _paid_after(conn: sa.Connection, payments: dict[int, str]) -> tuple[int, int]:
    """Of the payments, those recorded after the member was sent a newsletter, and after
    a join request of theirs to a community was approved."""
    first_newsletter: dict[int, str] = {}
    first_join: dict[int, str] = {}
    ids = sorted(payments)
    for chunk in _chunks(ids):
        r = newsletter_recipient
        for member_id, at in conn.execute(
            sa.select(r.c.member_id, sa.func.min(r.c.sent_at))
            .where(r.c.member_id.in_(chunk), r.c.state == "sent", r.c.sent_at.is_not(None))
            .group_by(r.c.member_id)
        ):
            first_newsletter[member_id] = at
        m = moderation_item
        for member_id, at in conn.execute(
            sa.select(m.c.matched_member_id, sa.func.min(m.c.decided_at))
            .where(
                m.c.matched_member_id.in_(chunk),
                m.c.kind == "join",
                m.c.status == "approved",
                m.c.community_id.is_not(None),
            )
            .group_by(m.c.matched_member_id)
        ):
            first_join[member_id] = at

    def before(first: dict[int, str]) -> int:
        return sum(1 for i in ids if i in first and first[i] < payments[i])

    return before(first_newsletter), before(first_join)


def _hours(start: str, end: str) -> float:
    return (datetime.fromisoformat(end) - datetime.fromisoformat(start)).total_seconds() / 3600


def _moderation(conn: sa.Connection, low: str, high: str) -> dict[str, Any]:
    m = moderation_item
    received = conn.execute(
        sa.select(m.c.signals).where(m.c.received_at >= low, m.c.received_at < high)
    ).all()
    spam = 0
    for (signals,) in received:
        codes = {s.get("code") for s in json.loads(signals or "[]") if isinstance(s, dict)}
        spam += bool(codes & SPAM_CODES)
    decided = conn.execute(
        sa.select(m.c.status, m.c.received_at, m.c.decided_at).where(
            m.c.status.in_(("approved", "rejected")),
            m.c.decided_at >= low,
            m.c.decided_at < high,
        )
    ).all()
    waits = [_hours(r.received_at, r.decided_at) for r in decided]
    return {
        "moderation_received": len(received),
        "moderation_decided": len(decided),
        "moderation_approved": sum(1 for r in decided if r.status == "approved"),
        "moderation_rejected": sum(1 for r in decided if r.status == "rejected"),
        "moderation_spam": spam,
        "median_decision_hours": round(statistics.median(waits), 1) if waits else None,
    }


def _birthdays_due(per_day: dict[str, int], period: Period) -> int:
    """Birthdays falling in the period (a 29 February one on the 28th in other years)."""
    total = 0
    day = period.start
    while day <= period.end:
        total += per_day.get(day.strftime("%m-%d"), 0)
        if day.month == 2 and day.day == 28 and not is_leap(day.year):
            total += per_day.get("02-29", 0)
        day += timedelta(days=1)
    return total


def _newsletters(conn: sa.Connection, low: str, high: str) -> tuple[int, int, int]:
    """Newsletters started in the period that reached at least one member; their recipients
    reached; the addresses the server refused (the bounces the send recorded)."""
    s, r = newsletter_send, newsletter_recipient
    rows = conn.execute(
        sa.select(
            s.c.id,
            sa.func.sum(sa.case((r.c.state == "sent", 1), else_=0)),
            sa.func.sum(sa.case((r.c.state == "failed", 1), else_=0)),
        )
        .select_from(s.join(r, r.c.send_id == s.c.id))
        .where(s.c.started_at >= low, s.c.started_at < high)
        .group_by(s.c.id)
    ).all()
    sent = sum(1 for row in rows if row[1])
    return sent, sum(int(row[1] or 0) for row in rows), sum(int(row[2] or 0) for row in rows)


# --- the directory today ---------------------------------------------------------------------


@dataclass
class _Directory:
    """The directory's state, counted once per computation from the board index
    (ix_member_board, migration 0010): one pass in its order, no table read."""

    # (status, verification, consent, dues_last_year, region, members)
    groups: list[tuple[str, str, bool, int | None, str | None, int]]
    with_email: int
    per_day: dict[str, int] | None = None

    @classmethod
    def read(cls, conn: sa.Connection) -> _Directory:
        c = member.c
        keys = (c.status, c.verification, c.consent, c.dues_last_year, c.region)
        groups = [
            (r[0], r[1], bool(r[2]), r[3], r[4], int(r[5]))
            for r in conn.execute(sa.select(*keys, sa.func.count()).group_by(*keys))
        ]
        # With an address: all but those without one, NULL or "". Two short lookups of the
        # lower(email) index, where "lower(email) > ''" read nearly all of it (or the whole
        # table, as SQLite's planner chose).
        lower = sa.func.lower(c.email)
        without = sa.select(
            sa.select(sa.func.count()).where(lower.is_(None)).scalar_subquery()
            + sa.select(sa.func.count()).where(lower == "").scalar_subquery()
        )
        total = sum(r[5] for r in groups)
        return cls(groups, total - int(conn.execute(without).scalar() or 0))

    @property
    def total(self) -> int:
        return sum(r[5] for r in self.groups)

    def state(self) -> tuple[int, int, int, int, int, int]:
        g = self.groups
        return (
            sum(r[5] for r in g),
            sum(r[5] for r in g if r[1] == "verified"),
            self.with_email,
            sum(r[5] for r in g if r[2]),
            sum(r[5] for r in g if r[0] == "lost"),
            sum(r[5] for r in g if r[0] == "former"),
        )

    def paid_for(self, year: int) -> int:
        return sum(r[5] for r in self.groups if r[3] is not None and r[3] >= year)

    def by_region(self) -> tuple[Bar, ...]:
        counts: Counter[str | None] = Counter()
        for r in self.groups:
            counts[r[4]] += r[5]
        return _top(list(counts.items()), lambda r: f"region:{_quoted(r)}")

    def birthdays(self, conn: sa.Connection) -> dict[str, int]:
        """Members per birthday ("MM-DD"), read once from its index."""
        if self.per_day is None:
            # As in ix_member_birthday_md: the 6 and 5 must be literals to match it, and no
            # "birthday IS NOT NULL" (the index alone answers).
            # ">= ''" skips the members without a birthday (NULL) in the index.
            md = sa.func.substr(member.c.birthday, sa.literal_column("6"), sa.literal_column("5"))
            rows = conn.execute(sa.select(md, sa.func.count()).where(md >= "").group_by(md)).all()
            self.per_day = {k: int(n) for k, n in rows if k is not None}
        return self.per_day


def _top(rows: Sequence[tuple[Any, int]], query: Any) -> tuple[Bar, ...]:
    """The TOP_BARS largest, in their order of size; the others summed in one bar."""
    ranked = sorted(((k, n) for k, n in rows if k not in (None, "")), key=lambda kn: -kn[1])
    bars = [Bar(str(k), int(n), query(k)) for k, n in ranked[:TOP_BARS]]
    rest = sum(n for _, n in ranked[TOP_BARS:]) + sum(n for k, n in rows if k in (None, ""))
    if rest:
        bars.append(Bar("", int(rest), None))  # the window names it ("Others")
    return tuple(bars)


def _quoted(value: str) -> str:
    return '"' + value.replace('"', " ") + '"'


def _by_promo(conn: sa.Connection) -> tuple[Bar, ...]:
    """Members by decade of class year, oldest first (66 class years do not fit a chart)."""
    decades: Counter[int] = Counter()
    unknown = 0
    for promo, n in conn.execute(
        sa.select(member.c.promo, sa.func.count()).group_by(member.c.promo)
    ):
        if promo is None:
            unknown += int(n)
        else:
            decades[promo // 10 * 10] += int(n)
    bars = [Bar(f"{d}–{d + 9}", n, f"promo:{d}..{d + 9}") for d, n in sorted(decades.items())]
    if unknown:
        bars.append(Bar("", unknown, None))
    return tuple(bars)


def _created_counts(conn: sa.Connection, steps: Sequence[Period]) -> list[int]:
    """Members added in each step: one count per step on the created_at index."""
    if not steps:
        return []
    columns = []
    for step in steps:
        low, high = step.bounds()
        columns.append(
            sa.select(sa.func.count())
            .select_from(member)
            .where(member.c.created_at >= low, member.c.created_at < high)
            .scalar_subquery()
        )
    return [int(v) for v in conn.execute(sa.select(*columns)).one()]


def _channel_activity(
    conn: sa.Connection, period: Period, channels: Sequence[Channel]
) -> tuple[ChannelActivity, ...]:
    low, high = period.bounds()
    weeks = period.weeks()
    index = {monday: i for i, monday in enumerate(weeks)}
    counts: dict[int, list[int]] = defaultdict(lambda: [0] * len(weeks))
    for channel_id, at in conn.execute(
        sa.select(post_version.c.channel_id, post_version.c.published_at).where(
            post_version.c.state == "published",
            post_version.c.published_at >= low,
            post_version.c.published_at < high,
        )
    ):
        local = clock.to_local(at)
        if local is not None:
            counts[channel_id][index[clock.week_start(local.date())]] += 1
    return tuple(
        ChannelActivity(c, tuple(counts[c.id])) for c in channels if c.enabled or c.id in counts
    )


def _communities(
    conn: sa.Connection, period: Period
) -> tuple[tuple[CommunityFigures, ...], tuple[tuple[str, str, int], ...]]:
    """Each community's figures, and the members shared by each pair of communities (the
    largest first): both read from the counts migration 0011 keeps."""
    low, high = period.bounds()
    p = community_pair
    sizes: dict[int, int] = {}
    shared: list[tuple[int, int, int]] = []
    for first, second, n in conn.execute(
        sa.select(p.c.first_id, p.c.second_id, p.c.members).where(p.c.members > 0)
    ):
        if first == second:
            sizes[first] = int(n)
        else:
            shared.append((first, second, int(n)))
    m = moderation_item
    in_period = sa.and_(m.c.decided_at >= low, m.c.decided_at < high)
    per: dict[int, Counter[str]] = defaultdict(Counter)
    for community_id, kind, status, received_at, decided_at in conn.execute(
        sa.select(m.c.community_id, m.c.kind, m.c.status, m.c.received_at, m.c.decided_at).where(
            m.c.community_id.is_not(None),
            sa.or_(sa.and_(m.c.received_at >= low, m.c.received_at < high), in_period),
        )
    ):
        counts = per[community_id]
        if low <= received_at < high:
            counts["received"] += 1
        decided = decided_at is not None and low <= decided_at < high
        if decided and status in ("approved", "rejected"):
            counts[status] += 1
            if status == "approved" and kind == "join":
                counts["joined"] += 1
    out = [
        CommunityFigures(
            id=row.id,
            name=row.name,
            network=row.network,
            members=sizes.get(row.id, 0),
            joined=per[row.id]["joined"],
            received=per[row.id]["received"],
            approved=per[row.id]["approved"],
            rejected=per[row.id]["rejected"],
        )
        for row in conn.execute(sa.select(community).order_by(community.c.name_key))
    ]
    out.sort(key=lambda c: -c.members)
    names = {c.id: c.name for c in out}
    shared.sort(key=lambda pair: (-pair[2], pair[0], pair[1]))
    overlaps = tuple((names[x], names[y], n) for x, y, n in shared if x in names and y in names)
    return tuple(out), overlaps


def _community_spread(conn: sa.Connection, total: int) -> tuple[int, int, int, int]:
    """How many members are in no community, in one, in two, in three or more."""
    s = community_spread
    found: dict[int, int] = {
        int(k): int(n)
        for k, n in conn.execute(sa.select(s.c.communities, s.c.members).where(s.c.members > 0))
    }
    one, two = found.get(1, 0), found.get(2, 0)
    more = sum(v for n, v in found.items() if n >= 3)
    return max(0, total - one - two - more), one, two, more
