"""Operations on tags: create, rename, colour, move, merge, delete and restore, bulk tagging."""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from app import tags
from app.messages import QT_TRANSLATE_NOOP
from app.operations.core import Changes, Operation, Outcome, operation
from app.store import Store
from app.store.sqlite import CancelToken

TAGS = Changes(tags=True)
# A tag's name is in segments' queries and in rules: those views follow too.
TAGS_AND_QUERIES = Changes(tags=True, segments=True, settings=True)


@operation("tag.create", QT_TRANSLATE_NOOP("Operations", "New tag"))
def create_tag(
    store: Store, name: str, category: str | None = None, color: str | None = None
) -> Outcome[int]:
    tag_id = tags.create(store, name, category, color)
    return Outcome(tag_id, TAGS, Operation("tag.delete", {"tag_id": tag_id}))


@operation("tag.rename", QT_TRANSLATE_NOOP("Operations", "Rename tag"))
def rename_tag(store: Store, tag_id: int, name: str) -> Outcome[None]:
    before = tags.get(store, tag_id).name
    tags.rename(store, tag_id, name)
    return Outcome(
        None, TAGS_AND_QUERIES, Operation("tag.rename", {"tag_id": tag_id, "name": before})
    )


@operation("tag.color", QT_TRANSLATE_NOOP("Operations", "Tag colour"))
def set_tag_color(store: Store, tag_id: int, color: str | None) -> Outcome[None]:
    before = tags.get(store, tag_id).color
    tags.set_color(store, tag_id, color)
    return Outcome(None, TAGS, Operation("tag.color", {"tag_id": tag_id, "color": before}))


@operation("tag.move", QT_TRANSLATE_NOOP("Operations", "Move tag"))
def move_tag(store: Store, tag_id: int, category: str | None) -> Outcome[None]:
    before = tags.get(store, tag_id).category or None
    tags.move(store, tag_id, category)
    return Outcome(
        None, TAGS_AND_QUERIES, Operation("tag.move", {"tag_id": tag_id, "category": before})
    )


@operation("tag.merge", QT_TRANSLATE_NOOP("Operations", "Merge tags"), long=True)
def merge_tags(store: Store, source_id: int, target_id: int) -> Outcome[int]:
    moved = tags.merge(store, source_id, target_id)
    return Outcome(moved, Changes(all_members=True) | TAGS_AND_QUERIES)


@operation("tag.delete", QT_TRANSLATE_NOOP("Operations", "Delete tag"), long=True)
def delete_tag(store: Store, tag_id: int) -> Outcome[tags.DeletedTag]:
    deleted = tags.delete(store, tag_id)
    return Outcome(
        deleted,
        Changes(member_ids=frozenset(deleted.member_ids)) | TAGS_AND_QUERIES,
        Operation("tag.restore", asdict(deleted)),
    )


@operation("tag.restore", QT_TRANSLATE_NOOP("Operations", "Restore tag"), long=True)
def restore_tag(store: Store, **deleted: Any) -> Outcome[None]:
    gone = tags.DeletedTag(**{**deleted, "rules": tuple(deleted.get("rules") or ())})
    tags.restore(store, gone)
    return Outcome(
        None,
        Changes(member_ids=frozenset(gone.member_ids)) | TAGS_AND_QUERIES,
        Operation("tag.delete", {"tag_id": gone.id}),
    )


def _change_args(change: tags.TagChange) -> dict[str, Any]:
    return {
        "tag_id": change.tag_id,
        "tag_name": change.tag_name,
        "added": change.added,
        "member_ids": change.member_ids.tolist(),
    }


def tag_changes(change: tags.TagChange) -> Changes:
    """What a bulk tagging changed: those members, and the tag counts."""
    return Changes(member_ids=frozenset(change.member_ids), tags=True)


def _change_outcome(change: tags.TagChange) -> Outcome[tags.TagChange]:
    return Outcome(
        change,
        tag_changes(change),
        Operation("tags.undo-change", _change_args(change)),
    )


@operation("tags.change", QT_TRANSLATE_NOOP("Operations", "Tagging"), long=True)
def change_tag(
    store: Store,
    tag_id: int,
    add: bool = True,
    ids: Sequence[int] | None = None,
    query: str | None = None,
    cancel: CancelToken | None = None,
) -> Outcome[tags.TagChange]:
    """Tag (``add``) or untag the listed members, or those matching ``query``."""
    change = tags.change_tag(
        store, tag_id, add=add, ids=list(ids) if ids is not None else None, query=query,
        cancel=cancel,
    )  # fmt: skip
    return _change_outcome(change)


@operation("tags.undo-change", QT_TRANSLATE_NOOP("Operations", "Tagging"), long=True)
def undo_change(
    store: Store, tag_id: int, tag_name: str, added: bool, member_ids: Sequence[int]
) -> Outcome[tags.TagChange]:
    reverse = tags.undo(store, tags.TagChange(tag_id, tag_name, added, array("q", member_ids)))
    return _change_outcome(reverse)


@operation("tags.tag-emails", QT_TRANSLATE_NOOP("Operations", "Tagging"), long=True)
def tag_emails(
    store: Store, tag_id: int, text: str
) -> Outcome[tuple[tags.TagChange, int, list[str]]]:
    """Tag the members whose email is in ``text``: (the change, matched, unknown emails)."""
    change, matched, unknown = tags.tag_emails_change(store, tag_id, text)
    done = _change_outcome(change)
    return Outcome((change, matched, unknown), done.changes, done.undo)
