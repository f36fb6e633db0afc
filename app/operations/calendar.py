"""Operations of the calendar, the Today view and the saved segments."""

from __future__ import annotations

from datetime import date, datetime

from app import birthdays, segments
from app.messages import QT_TRANSLATE_NOOP
from app.operations.core import Changes, Operation, Outcome, operation
from app.posts import store as posts
from app.store import Store

POSTS = Changes(posts=True)


@operation("post.published", QT_TRANSLATE_NOOP("Operations", "Mark as published"))
def mark_published(
    store: Store, version_id: int, url: str | None = None, at: str | None = None
) -> Outcome[int]:
    moment = datetime.fromisoformat(at) if at else None
    return Outcome(posts.mark_published(store, version_id, url=url, at=moment), POSTS)


@operation("post.failed", QT_TRANSLATE_NOOP("Operations", "Mark as failed"))
def mark_failed(store: Store, version_id: int, reason: str) -> Outcome[None]:
    posts.mark_failed(store, version_id, reason)
    return Outcome(None, POSTS, Operation("post.retry", {"version_id": version_id}))


@operation("post.retry", QT_TRANSLATE_NOOP("Operations", "Try again"))
def retry(store: Store, version_id: int) -> Outcome[None]:
    posts.retry(store, version_id)
    return Outcome(None, POSTS)


@operation("birthday.wished", QT_TRANSLATE_NOOP("Operations", "Birthday wished"))
def mark_wished(store: Store, member_id: int, channel: str, day: str) -> Outcome[str]:
    wished_at = birthdays.mark_wished(store, member_id, channel, date.fromisoformat(day))
    return Outcome(
        wished_at,
        Changes(birthdays=True),
        Operation("birthday.unmark", {"member_id": member_id, "day": day}),
    )


@operation("birthday.unmark", QT_TRANSLATE_NOOP("Operations", "Birthday to wish again"))
def unmark(store: Store, member_id: int, day: str) -> Outcome[bool]:
    return Outcome(
        birthdays.unmark(store, member_id, date.fromisoformat(day)), Changes(birthdays=True)
    )


@operation("birthday.template", QT_TRANSLATE_NOOP("Operations", "Birthday message"))
def set_template(store: Store, language: str, text: str) -> Outcome[str]:
    before = birthdays.get_template(store, language)
    saved = birthdays.set_template(store, language, text)
    undo = Operation("birthday.template", {"language": language, "text": before})
    return Outcome(saved, Changes(settings=True), undo)


@operation("segment.save", QT_TRANSLATE_NOOP("Operations", "Save segment"))
def save_segment(store: Store, name: str, query: str) -> Outcome[segments.Segment]:
    return Outcome(segments.save(store, name, query), Changes(segments=True))


@operation("segment.rename", QT_TRANSLATE_NOOP("Operations", "Rename segment"))
def rename_segment(store: Store, segment_id: int, name: str) -> Outcome[segments.Segment]:
    return Outcome(segments.rename(store, segment_id, name), Changes(segments=True))


@operation("segment.set-query", QT_TRANSLATE_NOOP("Operations", "Edit segment"))
def set_segment_query(store: Store, segment_id: int, query: str) -> Outcome[segments.Segment]:
    before = segments.get(store, segment_id).query
    changed = segments.set_query(store, segment_id, query)
    undo = Operation("segment.set-query", {"segment_id": segment_id, "query": before})
    return Outcome(changed, Changes(segments=True), undo)


@operation("segment.duplicate", QT_TRANSLATE_NOOP("Operations", "Duplicate segment"))
def duplicate_segment(
    store: Store, segment_id: int, base: str | None = None
) -> Outcome[segments.Segment]:
    copy = segments.duplicate(store, segment_id, base)
    return Outcome(
        copy, Changes(segments=True), Operation("segment.delete", {"segment_id": copy.id})
    )


@operation("segment.delete", QT_TRANSLATE_NOOP("Operations", "Delete segment"))
def delete_segment(store: Store, segment_id: int) -> Outcome[segments.Segment]:
    gone = segments.delete(store, segment_id)
    return Outcome(
        gone,
        Changes(segments=True),
        Operation("segment.save", {"name": gone.name, "query": gone.query}),
    )
