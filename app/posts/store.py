"""Posts in the store: reading them for the calendar and the exports, and every change of state.

States (DESIGN.md; issue 5): draft, scheduled, due, published, failed, cancelled.
- ``due`` is never stored: a scheduled post whose time has come is due (`effective_state`).
- ``published`` is set only by `mark_published` (a real publication, with when and where),
  so a post is never shown as published unless it was; a post is published once every one
  of its channel versions is.
- ``failed`` keeps the reason; `retry` puts the version back to pending (and the post back
  to scheduled, hence due again if its time has passed).

A recurring post is one row, the series: its ``scheduled_at`` is the next occurrence still to
publish, and the calendar expands the following ones. The first channel published (or
failed) at an occurrence detaches it: the occurrence becomes a post of its own with every
channel's version (``series_id`` the series), and the series moves on to the next one.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

import sqlalchemy as sa

from app import clock
from app.clock import now_iso
from app.errors import AmicaleError, NotFoundError
from app.posts import new_id
from app.posts.channels import Channel, list_channels
from app.posts.timing import (
    DEFAULT_TZ,
    RECURRENCES,
    format_utc,
    next_occurrence,
    occurrences,
    parse_utc,
    to_local,
    to_utc,
    zone,
)
from app.store import Store
from app.store.schema import attachment, channel, post, post_version, publication_log

STATES = ("draft", "scheduled", "due", "published", "failed", "cancelled")
STORED_STATES = ("draft", "scheduled", "published", "failed", "cancelled")


# --- the interface the exports (feed, iCalendar, newsletter) code against ------------------


@dataclass(frozen=True)
class PublishedPost:
    """One channel version that was really published. ``id`` is the version's id."""

    id: int
    channel_kind: str
    channel_name: str
    title: str
    text: str
    link: str | None
    published_at: datetime  # aware, UTC
    url: str | None


@dataclass(frozen=True)
class ScheduledPost:
    """One channel version at one occurrence. ``id`` is the version's id: a recurring post
    gives one ScheduledPost per occurrence, with the same id and different times."""

    id: int
    channel_kind: str
    channel_name: str
    title: str
    text: str
    link: str | None
    scheduled_at: datetime  # aware, UTC
    tz: str  # IANA name
    state: str  # one of STATES


def published_posts(store: Store, since: datetime | None = None) -> list[PublishedPost]:
    """Versions published (at or after ``since``), oldest first."""
    query = (
        sa.select(
            post_version.c.id,
            channel.c.kind,
            channel.c.name,
            post.c.title,
            post_version.c.text,
            post_version.c.link,
            post_version.c.published_at,
            post_version.c.published_url,
        )
        .join(post, post.c.id == post_version.c.post_id)
        .join(channel, channel.c.id == post_version.c.channel_id)
        .where(post_version.c.state == "published")
        .order_by(post_version.c.published_at, post_version.c.id)
    )
    if since is not None:
        query = query.where(post_version.c.published_at >= format_utc(since))
    with store.read() as conn:
        rows = conn.execute(query).all()
    result = []
    for row in rows:
        published_at = parse_utc(row.published_at)
        assert published_at is not None
        result.append(
            PublishedPost(
                id=row.id,
                channel_kind=row.kind,
                channel_name=row.name,
                title=row.title,
                text=row.text,
                link=row.link,
                published_at=published_at,
                url=row.published_url,
            )
        )
    return result


def scheduled_posts(store: Store, start: datetime, end: datetime) -> list[ScheduledPost]:
    """Every channel version with a time in [start, end) (recurring posts expanded), in time
    order; cancelled posts left out. ``state`` tells drafts, due and published ones apart."""
    now = clock.now()
    result: list[ScheduledPost] = []
    with store.read() as conn:
        names = {c.id: c for c in list_channels(conn)}
        posts = _posts_in_window(conn, start, end)
        versions = _versions_of(conn, [p.id for p, _ in posts])
    for item, instants in posts:
        for n, instant in instants:
            for version in versions.get(item.id, ()):
                chan = names[version.channel_id]
                result.append(
                    ScheduledPost(
                        id=version.id,
                        channel_kind=chan.kind,
                        channel_name=chan.name,
                        title=item.title,
                        text=version.text,
                        link=version.link,
                        scheduled_at=instant,
                        tz=item.tz,
                        state=_occurrence_state(item, version, n, now),
                    )
                )
    result.sort(key=lambda s: (s.scheduled_at, s.id))
    return result


def _occurrence_state(item: Post, version: Version, n: int, now: datetime) -> str:
    """A repetition to come of a recurring post is scheduled (or a draft, like its series)."""
    if n == 0:
        return version_state(item, version, now)
    return "draft" if item.state == "draft" else "scheduled"


# --- posts ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Version:
    id: int
    channel_id: int
    text: str
    link: str | None
    state: str  # pending, published, failed
    published_at: datetime | None = None
    published_url: str | None = None
    message_id: str | None = None
    failure_reason: str | None = None


@dataclass(frozen=True)
class Attachment:
    id: int
    path: str  # relative to the store's folder
    original_name: str


@dataclass(frozen=True)
class Post:
    id: int
    title: str
    text: str
    link: str | None
    state: str  # as stored: never "due"
    scheduled_at: datetime | None  # aware UTC
    tz: str
    recurrence: str
    event_id: int | None = None
    role: str | None = None
    series_id: int | None = None
    versions: tuple[Version, ...] = ()
    attachments: tuple[Attachment, ...] = ()
    created_at: str = ""
    updated_at: str = ""

    @property
    def local_time(self) -> datetime | None:
        """The wall time the CM planned, naive, in the post's zone."""
        return None if self.scheduled_at is None else to_local(self.scheduled_at, self.tz)

    def version_for(self, channel_id: int) -> Version | None:
        return next((v for v in self.versions if v.channel_id == channel_id), None)


def effective_state(stored: str, scheduled_at: datetime | None, now: datetime) -> str:
    """The state shown: a scheduled post whose time has come is due."""
    if stored == "scheduled" and scheduled_at is not None and scheduled_at <= now:
        return "due"
    return stored


def post_state(item: Post, now: datetime | None = None) -> str:
    return effective_state(item.state, item.scheduled_at, now or clock.now())


def version_state(item: Post, version: Version, now: datetime | None = None) -> str:
    """One channel's state: its own once published or failed, else the post's."""
    if version.state in ("published", "failed"):
        return version.state
    state = post_state(item, now)
    # A failure on another channel does not make this one failed.
    if state in ("failed", "published"):
        return effective_state("scheduled", item.scheduled_at, now or clock.now())
    return state


def _post_from_row(row: sa.Row[tuple[object, ...]] | sa.RowMapping) -> Post:
    data = row._mapping if isinstance(row, sa.Row) else row
    return Post(
        id=data["id"],
        title=data["title"],
        text=data["text"],
        link=data["link"],
        state=data["state"],
        scheduled_at=parse_utc(data["scheduled_at"]),
        tz=data["tz"],
        recurrence=data["recurrence"],
        event_id=data["event_id"],
        role=data["role"],
        series_id=data["series_id"],
        created_at=data["created_at"],
        updated_at=data["updated_at"],
    )


def _versions_of(conn: sa.Connection, post_ids: Sequence[int]) -> dict[int, list[Version]]:
    result: dict[int, list[Version]] = {}
    ids = list(post_ids)
    for start in range(0, len(ids), 900):
        chunk = ids[start : start + 900]
        for row in conn.execute(
            sa.select(post_version)
            .where(post_version.c.post_id.in_(chunk))
            .order_by(post_version.c.post_id, post_version.c.channel_id)
        ):
            result.setdefault(row.post_id, []).append(
                Version(
                    id=row.id,
                    channel_id=row.channel_id,
                    text=row.text,
                    link=row.link,
                    state=row.state,
                    published_at=parse_utc(row.published_at),
                    published_url=row.published_url,
                    message_id=row.message_id,
                    failure_reason=row.failure_reason,
                )
            )
    return result


def _posts_in_window(
    conn: sa.Connection, start: datetime, end: datetime
) -> list[tuple[Post, list[tuple[int, datetime]]]]:
    """Posts with an occurrence in [start, end), not cancelled, with those occurrences."""
    query = sa.select(post).where(
        post.c.state != "cancelled",
        post.c.scheduled_at.is_not(None),
        post.c.scheduled_at < format_utc(end),
        sa.or_(post.c.scheduled_at >= format_utc(start), post.c.recurrence != "none"),
    )
    result = []
    for row in conn.execute(query.order_by(post.c.scheduled_at, post.c.id)):
        item = _post_from_row(row)
        assert item.scheduled_at is not None
        instants = list(occurrences(item.scheduled_at, item.tz, item.recurrence, start, end))
        if instants:
            result.append((item, instants))
    return result


def get_post(store: Store, post_id: int) -> Post:
    with store.read() as conn:
        return _get_post(conn, post_id)


def _get_post(conn: sa.Connection, post_id: int) -> Post:
    row = conn.execute(sa.select(post).where(post.c.id == post_id)).first()
    if row is None:
        raise NotFoundError(f"no post {post_id}")
    item = _post_from_row(row)
    files = tuple(
        Attachment(r.id, r.path, r.original_name)
        for r in conn.execute(
            sa.select(attachment).where(attachment.c.post_id == post_id).order_by(attachment.c.id)
        )
    )
    versions = tuple(_versions_of(conn, [post_id]).get(post_id, ()))
    return Post(**{**item.__dict__, "versions": versions, "attachments": files})


@dataclass
class PostDraft:
    """What the editor (or an import) saves. ``versions`` maps channel id → (text, link);
    a text of None takes the post's text."""

    title: str = ""
    text: str = ""
    link: str | None = None
    # Local wall time in ``tz``, naive; None for an undated draft.
    local_time: datetime | None = None
    tz: str = DEFAULT_TZ
    recurrence: str = "none"
    versions: dict[int, tuple[str | None, str | None]] = field(default_factory=dict)
    # draft or scheduled (scheduled needs a time and at least one channel).
    state: str = "draft"
    event_id: int | None = None
    role: str | None = None


def _check_draft(draft: PostDraft) -> None:
    if draft.recurrence not in RECURRENCES:
        raise AmicaleError(f"unknown recurrence: {draft.recurrence}")
    if draft.state not in ("draft", "scheduled"):
        raise AmicaleError(f"a post is saved as draft or scheduled, not {draft.state}")
    zone(draft.tz)
    if draft.state == "scheduled":
        if draft.local_time is None:
            raise AmicaleError("a scheduled post needs a date and time")
        if not draft.versions:
            raise AmicaleError("a scheduled post needs at least one channel")
    if draft.recurrence != "none" and draft.local_time is None:
        raise AmicaleError("a recurring post needs a date and time")


def insert_post(conn: sa.Connection, draft: PostDraft) -> int:
    """Insert within the caller's transaction (imports insert many in one)."""
    _check_draft(draft)
    stamp = now_iso()
    scheduled = None if draft.local_time is None else to_utc(draft.local_time, draft.tz)
    post_id = new_id(
        conn.execute(
            post.insert().values(
                title=draft.title.strip(),
                text=draft.text,
                link=draft.link or None,
                state=draft.state,
                scheduled_at=None if scheduled is None else format_utc(scheduled),
                tz=draft.tz,
                recurrence=draft.recurrence,
                event_id=draft.event_id,
                role=draft.role,
                created_at=stamp,
                updated_at=stamp,
            )
        )
    )
    _write_versions(conn, post_id, draft)
    _log(conn, post_id, None, None, "created", draft.state)
    return post_id


def _write_versions(conn: sa.Connection, post_id: int, draft: PostDraft) -> None:
    existing = {
        row.channel_id: row
        for row in conn.execute(sa.select(post_version).where(post_version.c.post_id == post_id))
    }
    for channel_id, row in existing.items():
        if channel_id not in draft.versions and row.state != "published":
            conn.execute(post_version.delete().where(post_version.c.id == row.id))
    for channel_id, (text, link) in draft.versions.items():
        values = {
            "text": draft.text if text is None else text,
            "link": (draft.link if link is None else link) or None,
        }
        if channel_id in existing:
            if existing[channel_id].state != "published":  # what went out stays as it was
                conn.execute(
                    post_version.update()
                    .where(post_version.c.id == existing[channel_id].id)
                    .values(**values)
                )
        else:
            conn.execute(
                post_version.insert().values(post_id=post_id, channel_id=channel_id, **values)
            )


def create_post(store: Store, draft: PostDraft) -> int:
    with store.write() as conn:
        return insert_post(conn, draft)


def update_post(store: Store, post_id: int, draft: PostDraft) -> None:
    """Save the editor's changes. A published post cannot be edited (it went out)."""
    _check_draft(draft)
    with store.write() as conn:
        current = _get_post(conn, post_id)
        if current.state == "published":
            raise AmicaleError("a published post cannot be changed")
        scheduled = None if draft.local_time is None else to_utc(draft.local_time, draft.tz)
        state = draft.state
        if current.state == "failed" and state == "scheduled":
            state = "failed"  # a failure is cleared by retry, not by an edit
        conn.execute(
            post.update()
            .where(post.c.id == post_id)
            .values(
                title=draft.title.strip(),
                text=draft.text,
                link=draft.link or None,
                state=state,
                scheduled_at=None if scheduled is None else format_utc(scheduled),
                tz=draft.tz,
                recurrence=draft.recurrence,
                event_id=draft.event_id,
                role=draft.role,
                updated_at=now_iso(),
            )
        )
        _write_versions(conn, post_id, draft)
        _log(conn, post_id, None, None, "edited", None)


def delete_post(store: Store, post_id: int) -> None:
    with store.write() as conn:
        conn.execute(post.delete().where(post.c.id == post_id))


def reschedule(
    store: Store,
    post_id: int,
    new_day: datetime | None = None,
    *,
    local_time: datetime | None = None,
) -> datetime:
    """Move a post to another day keeping its local wall time (``new_day``'s date), or to
    an exact ``local_time``. Returns the new UTC instant. A draft stays a draft."""
    with store.write() as conn:
        current = _get_post(conn, post_id)
        if current.state in ("published", "cancelled"):
            raise AmicaleError(f"a {current.state} post cannot be moved")
        if local_time is None:
            if new_day is None or current.local_time is None:
                raise AmicaleError("the post has no time to keep")
            local_time = datetime.combine(new_day.date(), current.local_time.time())
        instant = to_utc(local_time, current.tz)
        conn.execute(
            post.update()
            .where(post.c.id == post_id)
            .values(scheduled_at=format_utc(instant), updated_at=now_iso())
        )
        _log(conn, post_id, None, None, "rescheduled", format_utc(instant))
    return instant


def set_state(store: Store, post_id: int, state: str) -> None:
    """The CM's transitions: schedule, back to draft, cancel, restore a cancelled post.

    published and failed are not set here: see `mark_published`, `mark_failed`, `retry`.
    """
    allowed = {
        "draft": {"scheduled", "cancelled"},
        "scheduled": {"draft", "cancelled"},
        "failed": {"cancelled"},
        "cancelled": {"draft"},
        "published": set(),
    }
    with store.write() as conn:
        current = _get_post(conn, post_id)
        if state not in allowed[current.state]:
            raise AmicaleError(f"a {current.state} post cannot become {state}")
        if state == "scheduled" and (current.scheduled_at is None or not current.versions):
            raise AmicaleError("a scheduled post needs a date, a time and a channel")
        conn.execute(
            post.update().where(post.c.id == post_id).values(state=state, updated_at=now_iso())
        )
        _log(conn, post_id, None, None, state, None)


def _version_row(conn: sa.Connection, version_id: int) -> sa.Row[tuple[object, ...]]:
    row = conn.execute(sa.select(post_version).where(post_version.c.id == version_id)).first()
    if row is None:
        raise NotFoundError(f"no post version {version_id}")
    return row


def mark_published(
    store: Store,
    version_id: int,
    *,
    url: str | None = None,
    message_id: str | None = None,
    at: datetime | None = None,
) -> int:
    """Record that a channel version went out (when, and its URL or message id).

    Returns the id of the post now holding the published version: for a recurring series,
    a new post (the occurrence), the series moving on to its next occurrence.
    """
    at = at or clock.now()
    with store.write() as conn:
        row = _version_row(conn, version_id)
        item = _get_post(conn, row.post_id)
        if item.state == "cancelled":
            raise AmicaleError("a cancelled post cannot be published")
        if row.state == "published":
            raise AmicaleError("this version is already published")
        target_post, target_version = item.id, version_id
        if item.recurrence != "none" and item.scheduled_at is not None:
            target_post, target_version = _detach_occurrence(conn, item, row.channel_id)
        conn.execute(
            post_version.update()
            .where(post_version.c.id == target_version)
            .values(
                state="published",
                published_at=format_utc(at),
                published_url=url or None,
                message_id=message_id or None,
                failure_reason=None,
            )
        )
        _log(conn, target_post, target_version, row.channel_id, "published", url or message_id)
        _settle(conn, target_post)
        return target_post


def _detach_occurrence(conn: sa.Connection, series: Post, channel_id: int) -> tuple[int, int]:
    """Make a recurring post's current occurrence a post of its own, with every channel's
    version, and move the series on to its next occurrence. Returns the new post's id and
    the id of its version for ``channel_id``."""
    stamp = now_iso()
    assert series.scheduled_at is not None
    occurrence_post = new_id(
        conn.execute(
            post.insert().values(
                title=series.title,
                text=series.text,
                link=series.link,
                state="scheduled" if series.state != "draft" else "draft",
                scheduled_at=format_utc(series.scheduled_at),
                tz=series.tz,
                recurrence="none",
                series_id=series.id,
                event_id=series.event_id,
                role=series.role,
                created_at=stamp,
                updated_at=stamp,
            )
        )
    )
    wanted = 0
    for version in series.versions:
        copied = new_id(
            conn.execute(
                post_version.insert().values(
                    post_id=occurrence_post,
                    channel_id=version.channel_id,
                    text=version.text,
                    link=version.link,
                )
            )
        )
        if version.channel_id == channel_id:
            wanted = copied
    following = next_occurrence(
        series.scheduled_at, series.tz, series.recurrence, series.scheduled_at
    )
    conn.execute(
        post.update()
        .where(post.c.id == series.id)
        .values(scheduled_at=format_utc(following), updated_at=stamp)
    )
    _log(conn, series.id, None, None, "occurrence", str(occurrence_post))
    return occurrence_post, wanted


def mark_failed(store: Store, version_id: int, reason: str) -> None:
    """A publication attempt failed: the version (and the post) show failed, with why."""
    reason = reason.strip() or "unknown failure"
    with store.write() as conn:
        row = _version_row(conn, version_id)
        if row.state == "published":
            raise AmicaleError("a published version cannot fail")
        item = _get_post(conn, row.post_id)
        post_id = item.id
        if item.recurrence != "none" and item.scheduled_at is not None:
            # The failure belongs to this occurrence, not to the whole series.
            post_id, version_id = _detach_occurrence(conn, item, row.channel_id)
        conn.execute(
            post_version.update()
            .where(post_version.c.id == version_id)
            .values(state="failed", failure_reason=reason)
        )
        _log(conn, post_id, version_id, row.channel_id, "failed", reason)
        _settle(conn, post_id)


def retry(store: Store, version_id: int) -> None:
    """Clear a failure: the version is pending again and the post scheduled (due if its time
    has passed), so it shows in "Due now" again."""
    with store.write() as conn:
        row = _version_row(conn, version_id)
        if row.state != "failed":
            raise AmicaleError("only a failed version can be retried")
        conn.execute(
            post_version.update()
            .where(post_version.c.id == version_id)
            .values(state="pending", failure_reason=None)
        )
        _log(conn, row.post_id, version_id, row.channel_id, "retried", None)
        _settle(conn, row.post_id)


def _settle(conn: sa.Connection, post_id: int) -> None:
    """The post's stored state from its versions: published when all are, failed when one is,
    else back to scheduled."""
    states = [
        r.state
        for r in conn.execute(
            sa.select(post_version.c.state).where(post_version.c.post_id == post_id)
        )
    ]
    current = conn.execute(sa.select(post.c.state).where(post.c.id == post_id)).scalar_one()
    if states and all(s == "published" for s in states):
        state = "published"
    elif "failed" in states:
        state = "failed"
    elif current in ("failed", "published"):
        state = "scheduled"
    else:
        state = current
    if state != current:
        conn.execute(
            post.update().where(post.c.id == post_id).values(state=state, updated_at=now_iso())
        )


def _log(
    conn: sa.Connection,
    post_id: int | None,
    version_id: int | None,
    channel_id: int | None,
    action: str,
    detail: str | None,
) -> None:
    conn.execute(
        publication_log.insert().values(
            post_id=post_id,
            version_id=version_id,
            channel_id=channel_id,
            at=now_iso(),
            action=action,
            detail=detail,
        )
    )


def publication_history(store: Store, post_id: int) -> list[tuple[str, str, str | None]]:
    """(at, action, detail) of a post, oldest first."""
    with store.read() as conn:
        return [
            (r.at, r.action, r.detail)
            for r in conn.execute(
                sa.select(publication_log)
                .where(publication_log.c.post_id == post_id)
                .order_by(publication_log.c.id)
            )
        ]


# --- what the calendar and the command line list -------------------------------------------


@dataclass(frozen=True, slots=True)
class CalendarItem:
    """One post at one occurrence, as the calendar draws it."""

    post_id: int
    occurrence: int  # 0: the post's own time; n: the n-th repetition of a recurring post
    title: str
    text: str
    # Naive wall time in ``tz`` and the aware UTC instant; both None for an undated draft
    # (the list view shows those, the month and week views cannot).
    local_time: datetime | None
    scheduled_at: datetime | None
    tz: str
    state: str  # effective (due computed)
    recurrence: str
    channel_ids: tuple[int, ...]

    @property
    def label(self) -> str:
        text = self.title or self.text
        return " ".join(text.split())[:80]


def calendar_items(
    store: Store,
    start: datetime,
    end: datetime,
    *,
    channel_ids: Iterable[int] | None = None,
    states: Iterable[str] | None = None,
    include_cancelled: bool = False,
    include_undated: bool = False,
    now: datetime | None = None,
) -> list[CalendarItem]:
    """Posts with an occurrence in [start, end), filtered by channel and (effective) state;
    with ``include_undated``, the drafts without a date after them (imported ideas)."""
    now = now or clock.now()
    wanted_channels = set(channel_ids) if channel_ids is not None else None
    wanted_states = set(states) if states is not None else None
    with store.read() as conn:
        query = sa.select(
            post.c.id,
            post.c.title,
            post.c.text,
            post.c.state,
            post.c.scheduled_at,
            post.c.tz,
            post.c.recurrence,
        ).where(
            post.c.scheduled_at.is_not(None),
            post.c.scheduled_at < format_utc(end),
            sa.or_(post.c.scheduled_at >= format_utc(start), post.c.recurrence != "none"),
        )
        if not include_cancelled and (wanted_states is None or "cancelled" not in wanted_states):
            query = query.where(post.c.state != "cancelled")
        rows = conn.execute(query.order_by(post.c.scheduled_at, post.c.id)).all()
        channels_of: dict[int, list[int]] = {}
        for vrow in conn.execute(
            sa.select(post_version.c.post_id, post_version.c.channel_id)
            .join(post, post.c.id == post_version.c.post_id)
            .where(
                post.c.scheduled_at.is_not(None),
                post.c.scheduled_at < format_utc(end),
                sa.or_(post.c.scheduled_at >= format_utc(start), post.c.recurrence != "none"),
            )
            .order_by(post_version.c.post_id, post_version.c.channel_id)
        ):
            channels_of.setdefault(vrow.post_id, []).append(vrow.channel_id)
    items: list[CalendarItem] = []
    for row in rows:
        chans = tuple(channels_of.get(row.id, ()))
        if wanted_channels is not None and not wanted_channels.intersection(chans):
            continue
        first = parse_utc(row.scheduled_at)
        assert first is not None
        for n, instant in occurrences(first, row.tz, row.recurrence, start, end):
            state = (
                effective_state(row.state, instant, now)
                if n == 0
                else ("draft" if row.state == "draft" else "scheduled")
            )
            if wanted_states is not None and state not in wanted_states:
                continue
            items.append(
                CalendarItem(
                    post_id=row.id,
                    occurrence=n,
                    title=row.title,
                    text=row.text,
                    local_time=to_local(instant, row.tz),
                    scheduled_at=instant,
                    tz=row.tz,
                    state=state,
                    recurrence=row.recurrence,
                    channel_ids=chans,
                )
            )
    items.sort(key=lambda i: (i.scheduled_at or start, i.post_id))
    if include_undated and (wanted_states is None or "draft" in wanted_states):
        items.extend(_undated_drafts(store, wanted_channels))
    return items


def _undated_drafts(store: Store, wanted_channels: set[int] | None) -> list[CalendarItem]:
    with store.read() as conn:
        rows = conn.execute(
            sa.select(post.c.id, post.c.title, post.c.text, post.c.tz, post.c.recurrence)
            .where(post.c.scheduled_at.is_(None), post.c.state == "draft")
            .order_by(post.c.id)
        ).all()
        versions = _versions_of(conn, [row.id for row in rows])
    items = []
    for row in rows:
        chans = tuple(v.channel_id for v in versions.get(row.id, ()))
        if wanted_channels is not None and not wanted_channels.intersection(chans):
            continue
        items.append(
            CalendarItem(
                post_id=row.id,
                occurrence=0,
                title=row.title,
                text=row.text,
                local_time=None,
                scheduled_at=None,
                tz=row.tz,
                state="draft",
                recurrence=row.recurrence,
                channel_ids=chans,
            )
        )
    return items


@dataclass(frozen=True)
class DueVersion:
    """A channel version that needs the CM: due now, or failed (with the reason)."""

    version_id: int
    post_id: int
    channel: Channel
    title: str
    text: str
    link: str | None
    scheduled_at: datetime
    tz: str
    state: str = "due"  # due or failed
    failure_reason: str | None = None


def due_versions(
    store: Store, now: datetime | None = None, *, include_failed: bool = False
) -> list[DueVersion]:
    """Pending versions of scheduled posts whose time is at or before ``now`` (and, with
    ``include_failed``, the failed versions waiting for a retry), oldest first."""
    now = now or clock.now()
    pending = sa.and_(
        post.c.state.in_(("scheduled", "failed")),
        post_version.c.state == "pending",
        post.c.scheduled_at <= format_utc(now),
    )
    condition = sa.or_(pending, post_version.c.state == "failed") if include_failed else pending
    with store.read() as conn:
        chans = {c.id: c for c in list_channels(conn)}
        rows = conn.execute(
            sa.select(
                post_version.c.id,
                post_version.c.post_id,
                post_version.c.channel_id,
                post_version.c.text,
                post_version.c.link,
                post_version.c.state,
                post_version.c.failure_reason,
                post.c.title,
                post.c.scheduled_at,
                post.c.tz,
            )
            .join(post, post.c.id == post_version.c.post_id)
            .where(condition, post.c.state != "cancelled", post.c.scheduled_at.is_not(None))
            .order_by(post.c.scheduled_at, post_version.c.id)
        ).all()
    result = []
    for row in rows:
        at = parse_utc(row.scheduled_at)
        assert at is not None
        result.append(
            DueVersion(
                version_id=row.id,
                post_id=row.post_id,
                channel=chans[row.channel_id],
                title=row.title,
                text=row.text,
                link=row.link,
                scheduled_at=at,
                tz=row.tz,
                state="failed" if row.state == "failed" else "due",
                failure_reason=row.failure_reason,
            )
        )
    return result


@dataclass(frozen=True)
class ListedPost:
    """One line of `amicale posts`: a channel version (DESIGN.md §4 `posts --json`)."""

    id: int  # the post's id
    channel: str  # the channel's kind
    channel_name: str
    state: str
    scheduled_at: datetime | None  # aware, in the post's zone
    text: str

    def as_json(self) -> dict[str, object]:
        return {
            "id": self.id,
            "channel": self.channel,
            "state": self.state,
            "scheduled_at": None if self.scheduled_at is None else self.scheduled_at.isoformat(),
            "text": self.text,
        }


def list_posts(
    store: Store, *, due_only: bool = False, now: datetime | None = None
) -> list[ListedPost]:
    """Every channel version of every post (cancelled ones included), by time; undated
    drafts last. With ``due_only``, only versions due now."""
    now = now or clock.now()
    with store.read() as conn:
        chans = {c.id: c for c in list_channels(conn)}
        rows = conn.execute(
            sa.select(
                post,
                post_version.c.id.label("version_id"),
                post_version.c.channel_id,
                post_version.c.text.label("version_text"),
                post_version.c.state.label("version_state"),
            )
            .join(post_version, post_version.c.post_id == post.c.id)
            .order_by(
                post.c.scheduled_at.is_(None),
                post.c.scheduled_at,
                post.c.id,
                post_version.c.channel_id,
            )
        ).all()
    result = []
    for row in rows:
        item = _post_from_row(row)
        version = Version(row.version_id, row.channel_id, row.version_text, None, row.version_state)
        state = version_state(item, version, now)
        if due_only and state != "due":
            continue
        local = None if item.scheduled_at is None else item.scheduled_at.astimezone(zone(item.tz))
        result.append(
            ListedPost(
                id=item.id,
                channel=chans[row.channel_id].kind,
                channel_name=chans[row.channel_id].name,
                state=state,
                scheduled_at=local,
                text=row.version_text,
            )
        )
    return result
