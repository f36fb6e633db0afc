"""Operations on members: create, edit, delete and restore, merge duplicates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from app.members import dedup
from app.members.service import DeletedMembers, MemberDirectory
from app.messages import QT_TRANSLATE_NOOP
from app.operations.core import Changes, Operation, Outcome, operation
from app.store import Store


@operation("member.create", QT_TRANSLATE_NOOP("Operations", "New member"))
def create_member(store: Store, values: dict[str, Any], tags: Sequence[str] = ()) -> Outcome[int]:
    member_id = MemberDirectory(store).create(values, list(tags))
    return Outcome(
        member_id,
        Changes(member_ids=frozenset({member_id}), tags=bool(tags)),
        Operation("members.delete", {"ids": [member_id]}),
    )


@operation("member.update", QT_TRANSLATE_NOOP("Operations", "Edit member"))
def update_member(
    store: Store,
    member_id: int,
    values: dict[str, Any],
    tags: Sequence[str] | None = None,
    expected_version: int | None = None,
    original: dict[str, Any] | None = None,
) -> Outcome[list[str]]:
    """Changes the given fields (and the tags, when given); undone by putting back the
    values (and tags) the member had. ``expected_version`` and ``original``: the version
    and values the edit started from, so that a save made meanwhile by someone else is
    merged, or raises EditConflict for the fields both changed."""
    saved = MemberDirectory(store).save(
        member_id,
        values,
        list(tags) if tags is not None else None,
        expected_version=expected_version,
        original=original,
    )
    changed = saved.names
    fields = [name for name in changed if name != "tags"]
    tags_changed = "tags" in changed
    # What this save replaced, read in its own transaction from the row it locked.
    undo = Operation(
        "member.update",
        {
            "member_id": member_id,
            "values": {name: saved.before[name] for name in fields},
            "tags": saved.before["tags"] if tags_changed else None,
        },
    )
    return Outcome(
        changed,
        Changes(member_ids=frozenset({member_id}) if changed else frozenset(), tags=tags_changed),
        undo if changed else None,
    )


def _deleted_args(deleted: DeletedMembers) -> dict[str, Any]:
    return {
        "rows": deleted.rows,
        "tags": deleted.tags,
        "communities": deleted.communities,
        "consents": deleted.consents,
    }


@operation("members.delete", QT_TRANSLATE_NOOP("Operations", "Delete members"), long=True)
def delete_members(store: Store, ids: Sequence[int]) -> Outcome[DeletedMembers]:
    deleted = MemberDirectory(store).delete(list(ids))
    return Outcome(
        deleted,
        Changes(member_ids=frozenset(deleted.ids), tags=True, duplicates=True),
        Operation("members.restore", _deleted_args(deleted)),
    )


@operation("members.restore", QT_TRANSLATE_NOOP("Operations", "Restore members"), long=True)
def restore_members(
    store: Store,
    rows: list[dict[str, Any]],
    tags: list[dict[str, Any]],
    communities: list[dict[str, Any]],
    consents: list[dict[str, Any]] | None = None,
) -> Outcome[list[int]]:
    deleted = DeletedMembers(rows, tags, communities, consents or [])
    MemberDirectory(store).restore(deleted)
    return Outcome(
        deleted.ids,
        Changes(member_ids=frozenset(deleted.ids), tags=True),
        Operation("members.delete", {"ids": deleted.ids}),
    )


@operation("members.merge", QT_TRANSLATE_NOOP("Operations", "Merge members"))
def merge_members(store: Store, keep_id: int, drop_id: int) -> Outcome[dedup.MergeResult]:
    result = dedup.merge(store, keep_id, drop_id)
    return Outcome(
        result, Changes(member_ids=frozenset({keep_id, drop_id}), tags=True, duplicates=True)
    )


@operation("duplicates.merge-all", QT_TRANSLATE_NOOP("Operations", "Merge duplicates"), long=True)
def merge_all(store: Store, pairs: list[list[int]]) -> Outcome[list[dedup.MergeResult]]:
    """Merge each [kept, dropped] pair whose records differ in no field."""
    results = dedup.merge_all(store, [(int(keep), int(drop)) for keep, drop in pairs])
    ids = frozenset(i for r in results for i in (r.kept_id, r.dropped_id) if i is not None)
    return Outcome(results, Changes(member_ids=ids, tags=True, duplicates=True))


@operation("duplicates.merge-candidate", QT_TRANSLATE_NOOP("Operations", "Merge imported row"))
def merge_candidate(
    store: Store, candidate_id: int, keep_id: int | None = None
) -> Outcome[dedup.MergeResult]:
    result = dedup.merge_candidate(store, candidate_id, keep_id)
    return Outcome(
        result, Changes(member_ids=frozenset({result.kept_id}), tags=True, duplicates=True)
    )


@operation(
    "duplicates.choose-values", QT_TRANSLATE_NOOP("Operations", "Choose the imported values")
)
def choose_candidate_values(
    store: Store, candidate_id: int, keep_id: int, take: Sequence[str]
) -> Outcome[dedup.MergeResult]:
    """Applies a queued import row to its member, taking the imported value of the
    differing fields in ``take`` (the others stay the member's)."""
    result = dedup.merge_candidate(store, candidate_id, keep_id, take=list(take))
    return Outcome(
        result, Changes(member_ids=frozenset({result.kept_id}), tags=True, duplicates=True)
    )


@operation("duplicates.create-candidate", QT_TRANSLATE_NOOP("Operations", "Add imported row"))
def create_from_candidate(store: Store, candidate_id: int) -> Outcome[int]:
    member_id = dedup.create_from_candidate(store, candidate_id)
    return Outcome(
        member_id, Changes(member_ids=frozenset({member_id}), tags=True, duplicates=True)
    )


@operation("duplicates.dismiss-candidate", QT_TRANSLATE_NOOP("Operations", "Dismiss imported row"))
def dismiss_candidate(store: Store, candidate_id: int) -> Outcome[None]:
    dedup.dismiss_candidate(store, candidate_id)
    return Outcome(None, Changes(duplicates=True))


@operation("duplicates.not-the-same", QT_TRANSLATE_NOOP("Operations", "Not the same person"))
def not_the_same(store: Store, left_id: int, right_id: int) -> Outcome[None]:
    dedup.not_the_same(store, left_id, right_id)
    return Outcome(None, Changes(duplicates=True))
