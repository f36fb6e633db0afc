"""A replica's operations: run here, and queued in the outbox in the same transaction.

On a replica of a team directory (`team clone`, app/sync.py), ``app.operations.core.run``
hands each operation to ``run_offline``: those the server can replay (a member's edit,
tagging and untagging) are applied here and queued with what they started from (the
member's version and values), in the operation's own transaction (``Store.joining``); the
others are refused with one sentence rather than kept only on this laptop. This module
does not import the operations (they import it): ``run_here`` runs one on the store itself.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from typing import Any, Protocol, TypeVar

import sqlalchemy as sa

from app.clock import now_iso
from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.cancel import CancelToken
from app.store.schema import outbox

T_NOT_OFFLINE = QT_TRANSLATE_NOOP(
    "Messages",
    "“{0}” cannot be done in a replica yet: only members' edits and tagging are "
    "synchronised; do it on the team directory itself",
)


class Operation(Protocol):
    """app.operations.core.Operation, as this module reads it."""

    @property
    def name(self) -> str: ...
    @property
    def args(self) -> Mapping[str, Any]: ...
    @property
    def id(self) -> str: ...
    @property
    def label(self) -> Message: ...


R = TypeVar("R")
# Runs the operation named so with these arguments on the store itself (core._run_named).
RunHere = Callable[[Store, str, Mapping[str, Any], CancelToken | None], R]


def plain(value: Any) -> Any:
    """JSON for the few non-JSON values operations carry (sets, arrays of ids)."""
    if isinstance(value, set | frozenset):
        return sorted(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON")


def run_offline(store: Store, op: Operation, cancel: CancelToken | None, run_here: RunHere[R]) -> R:
    """Run ``op`` on the replica and queue it in the outbox, in the same transaction."""
    if op.name == "member.update":
        return _edit_offline(store, op, run_here)
    if op.name in ("tags.change", "tags.undo-change"):
        return _tagging_offline(store, op, cancel, run_here)
    raise AmicaleError(Message(T_NOT_OFFLINE, op.label))


def _queue(op_id: str, name: str, payload: dict[str, Any], base: dict[str, Any]) -> Any:
    def hook(conn: sa.Connection) -> None:
        conn.execute(
            outbox.insert().values(
                operation_id=op_id,
                name=name,
                payload=json.dumps(payload, default=plain),
                base=json.dumps(base, default=plain),
                created_at=now_iso(),
            )
        )

    return hook


def _edit_offline(store: Store, op: Operation, run_here: RunHere[R]) -> R:
    from app.members.service import MemberDirectory

    args = dict(op.args)
    before = MemberDirectory(store).get(int(args["member_id"]))
    values = dict(args.get("values") or {})
    base: dict[str, Any] = {
        "version": before.version,
        "values": {name: before.values.get(name) for name in values},
    }
    if args.get("tags") is not None:
        base["tags"] = before.tags
    with store.joining(_queue(op.id, "member.update", args, base)):
        return run_here(store, op.name, args, None)


def _tagging_offline(
    store: Store, op: Operation, cancel: CancelToken | None, run_here: RunHere[R]
) -> R:
    """Queued as the set of members it tags or untags (a search means other members on the
    server: the ids are what the CM saw here)."""
    args = dict(op.args)
    if op.name == "tags.undo-change":
        payload = {"tag_id": args["tag_id"], "add": not args["added"], "ids": args["member_ids"]}
    else:
        ids = args.get("ids")
        if ids is None:
            from app.members.service import MemberDirectory

            ids = MemberDirectory(store).search_ids(args.get("query") or "").tolist()
            args = {**args, "ids": ids, "query": None}
        payload = {"tag_id": args["tag_id"], "add": bool(args.get("add", True)), "ids": ids}
    payload["ids"] = sorted({int(i) for i in payload["ids"]})
    with store.joining(_queue(op.id, "tags.change", payload, {})):
        return run_here(store, op.name, args, cancel)
