"""The feed and calendar files from the store: what `amicale feed` and `amicale calendar` do.

The posts themselves come from the posts store (`app.posts.store`), imported when needed;
the writers (`app.posts.feed`, `app.posts.ical`) only see lists of records.

Feed ids must never change once readers have seen them, so the authority of their ``tag:``
URIs is chosen once and kept (setting ``feed.authority``): the website's domain when the CM
gave one, else the association's sender address (an email address is a valid authority),
else ``amicale.invalid``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from app import clock, permissions
from app.association import NAME_KEY, get_setting, put_setting
from app.errors import AmicaleError
from app.posts import feed
from app.posts.store import PublishedPost, ScheduledPost
from app.store import Store

if TYPE_CHECKING:  # icalendar costs 35 ms at start-up; loaded when a calendar is written
    from app.posts import ical

AUTHORITY_KEY = "feed.authority"
SITE_KEY = "feed.site"
# Where the window last wrote each file (the CM picks it once; the next export proposes it).
FEED_PATH_KEY = "feed.path"
CALENDAR_PATH_KEY = "calendar.path"
FALLBACK_AUTHORITY = "amicale.invalid"
# The calendar file covers this much of the past and the future.
CALENDAR_PAST = timedelta(days=90)
CALENDAR_FUTURE = timedelta(days=730)


def _posts_store() -> Any:
    try:
        import app.posts.store as posts_store  # the posts tables' own module
    except ImportError as exc:  # a build without the calendar's tables
        raise AmicaleError(f"the editorial calendar is missing from this build: {exc}") from exc
    return posts_store


def feed_authority(store: Store, domain: str | None = None) -> str:
    """The tag-URI authority of this store's feed, fixed at the first export."""
    with store.write() as conn:
        if domain:
            authority = feed.tag_authority(domain)
            put_setting(conn, AUTHORITY_KEY, authority)
            return authority
        kept = get_setting(conn, AUTHORITY_KEY)
        if kept:
            return kept
        sender = get_setting(conn, "smtp.from_address") or ""
        try:
            authority = feed.tag_authority(sender) if sender else FALLBACK_AUTHORITY
        except AmicaleError:  # an address the feed ids cannot use
            authority = FALLBACK_AUTHORITY
        put_setting(conn, AUTHORITY_KEY, authority)
        return authority


def export_feed(
    store: Store,
    path: Path,
    *,
    domain: str | None = None,
    posts: Sequence[PublishedPost] | None = None,
    remember: bool = False,
) -> feed.FeedReport:
    """Write the Atom feed of the published posts to ``path`` (a file, or a folder); with
    ``remember``, the file written becomes the one the next export proposes."""
    permissions.require(store, permissions.EXPORT)
    if posts is None:
        posts = _posts_store().published_posts(store)
    authority = feed_authority(store, domain)
    with store.read() as conn:
        name = (get_setting(conn, NAME_KEY) or "").strip()
        site = get_setting(conn, SITE_KEY)
    report = feed.write_feed(
        posts,
        path,
        title=name or "Amicale",
        authority=authority,
        site=site,
        author=name or None,
        store=store.path,
    )
    if remember:
        remember_path(store, FEED_PATH_KEY, report.path)
    return report


def export_calendar(
    store: Store,
    path: Path,
    *,
    posts: Sequence[ScheduledPost] | None = None,
    now: datetime | None = None,
    remember: bool = False,
) -> ical.CalendarReport:
    """Write the scheduled posts (three months back, two years ahead) as iCalendar; with
    ``remember``, the file written becomes the one the next export proposes."""
    permissions.require(store, permissions.EXPORT)
    if posts is None:
        moment = now or clock.now()
        posts = _posts_store().scheduled_posts(
            store, moment - CALENDAR_PAST, moment + CALENDAR_FUTURE
        )
    with store.read() as conn:
        name = (get_setting(conn, NAME_KEY) or "").strip()
    title = f"{name} — calendrier éditorial" if name else "Amicale — calendrier éditorial"
    from app.posts import ical

    report = ical.write_calendar(posts, path, name=title, store=store.path)
    if remember:
        remember_path(store, CALENDAR_PATH_KEY, report.path)
    return report


def remembered_path(store: Store, key: str) -> Path | None:
    """The file last written for ``key`` (FEED_PATH_KEY, CALENDAR_PATH_KEY), if any."""
    with store.read() as conn:
        value = get_setting(conn, key)
    return Path(value) if value else None


def remember_path(store: Store, key: str, path: Path) -> None:
    with store.write() as conn:
        put_setting(conn, key, str(Path(path).resolve()))
