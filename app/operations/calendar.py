"""Operations of the calendar, the Today view and the saved segments."""

from __future__ import annotations

from dataclasses import asdict
from datetime import date, datetime
from pathlib import Path
from typing import Any

from app import birthdays, segments
from app.messages import QT_TRANSLATE_NOOP
from app.operations.core import Changes, Operation, Outcome, operation
from app.posts import attachments
from app.posts import store as posts
from app.posts.store import PostDraft
from app.store import Store

POSTS = Changes(posts=True)


def draft_args(draft: PostDraft) -> dict[str, Any]:
    """A post as the editor saves it, as JSON arguments."""
    args = asdict(draft)
    args["local_time"] = draft.local_time.isoformat() if draft.local_time else None
    args["versions"] = [[cid, text, link] for cid, (text, link) in draft.versions.items()]
    return args


def _draft(args: dict[str, Any]) -> PostDraft:
    values = dict(args)
    values["local_time"] = (
        datetime.fromisoformat(values["local_time"]) if values.get("local_time") else None
    )
    values["versions"] = {int(cid): (text, link) for cid, text, link in values["versions"]}
    return PostDraft(**values)


@operation("post.create", QT_TRANSLATE_NOOP("Operations", "New post"))
def create_post(store: Store, draft: dict[str, Any]) -> Outcome[int]:
    post_id = posts.create_post(store, _draft(draft))
    return Outcome(post_id, POSTS, Operation("post.delete", {"post_id": post_id}))


@operation("post.update", QT_TRANSLATE_NOOP("Operations", "Edit post"))
def update_post(store: Store, post_id: int, draft: dict[str, Any]) -> Outcome[None]:
    posts.update_post(store, post_id, _draft(draft))
    return Outcome(None, POSTS)


@operation("post.state", QT_TRANSLATE_NOOP("Operations", "Post state"))
def set_post_state(store: Store, post_id: int, state: str) -> Outcome[None]:
    before = posts.get_post(store, post_id).state
    posts.set_state(store, post_id, state)
    undo = Operation("post.state", {"post_id": post_id, "state": before})
    return Outcome(None, POSTS, undo if before in ("draft", "scheduled", "cancelled") else None)


@operation("post.delete", QT_TRANSLATE_NOOP("Operations", "Delete post"))
def delete_post(store: Store, post_id: int) -> Outcome[None]:
    posts.delete_post(store, post_id)
    return Outcome(None, POSTS)


@operation("post.attach", QT_TRANSLATE_NOOP("Operations", "Attach a file"))
def attach(store: Store, post_id: int, path: str) -> Outcome[int]:
    attachment_id = attachments.add_attachment(store, post_id, Path(path))
    return Outcome(attachment_id, POSTS, Operation("post.detach", {"attachment_id": attachment_id}))


@operation("post.detach", QT_TRANSLATE_NOOP("Operations", "Remove an attachment"))
def detach(store: Store, attachment_id: int) -> Outcome[None]:
    attachments.remove_attachment(store, attachment_id)
    return Outcome(None, POSTS)


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


@operation("birthdays.wished-all", QT_TRANSLATE_NOOP("Operations", "Birthdays wished"))
def mark_all_wished(store: Store, member_ids: list[int], channel: str, day: str) -> Outcome[str]:
    """The wishes of many people at once (a busy day); undone together."""
    wished_at = birthdays.mark_all_wished(store, member_ids, channel, date.fromisoformat(day))
    return Outcome(
        wished_at,
        Changes(birthdays=True),
        Operation("birthdays.unmark-all", {"member_ids": member_ids, "day": day}),
    )


@operation("birthdays.unmark-all", QT_TRANSLATE_NOOP("Operations", "Birthdays to wish again"))
def unmark_all(store: Store, member_ids: list[int], day: str) -> Outcome[int]:
    forgotten = birthdays.unmark_all(store, member_ids, date.fromisoformat(day))
    return Outcome(forgotten, Changes(birthdays=True))


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
