"""Operations: every change to the store as a value, and what it changed.

An `Operation` is a name and JSON arguments with a unique id: it can be queued (the offline
outbox of team mode), logged, replayed. Running it (`run`) calls the function registered
under its name, which writes in one transaction and returns an `Outcome`: its result, the
`Changes` it made (which members, and which kinds of other things), and the operation that
undoes it, if any. The window runs operations through one serialised runner
(`ui/operations.py`) and tells every panel the `Changes`; each refreshes only for what
concerns it. Anki's `CollectionOp` / `OpChanges` is the model.
"""

from __future__ import annotations

import inspect
import json
import uuid
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields
from typing import Any, Generic, TypeVar

from app.errors import AmicaleError
from app.messages import Message
from app.store import Store
from app.store.cancel import CancelToken

T = TypeVar("T")


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so that each view reloads only what it shows."""

    member_ids: frozenset[int] = frozenset()
    all_members: bool = False  # members too many to list (import, merge, a bulk change)
    tags: bool = False  # tags, their categories or their links to members (the counts)
    segments: bool = False
    posts: bool = False  # posts, their versions and publication
    channels: bool = False
    moderation: bool = False
    birthdays: bool = False  # wishes sent (the Today view)
    duplicates: bool = False  # the queue of probable duplicates
    settings: bool = False  # the association, templates, rules
    privacy: bool = False  # consent answers, requests, retention rules, the register

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, Any] = {}
        for f in fields(self):
            mine, theirs = getattr(self, f.name), getattr(other, f.name)
            merged[f.name] = mine | theirs
        return Changes(**merged)

    @property
    def members(self) -> bool:
        """Any member changed (listed or not)."""
        return self.all_members or bool(self.member_ids)

    @property
    def empty(self) -> bool:
        return self == NOTHING

    def as_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {f.name: getattr(self, f.name) for f in fields(self)}
        out["member_ids"] = sorted(self.member_ids)
        return out


NOTHING = Changes()


@dataclass(frozen=True)
class Operation:
    """A change to make: the registered name, its JSON arguments, a unique id."""

    name: str
    args: Mapping[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def label(self) -> Message:
        """What the user calls it ("Edit member"), for Edit → Undo."""
        return Message(spec(self.name).label)

    def to_json(self) -> str:
        return json.dumps({"id": self.id, "name": self.name, "args": self.args}, default=_plain)

    @classmethod
    def from_json(cls, text: str) -> Operation:
        data = json.loads(text)
        if not isinstance(data, dict) or not isinstance(data.get("name"), str):
            raise AmicaleError("not an operation")
        spec(data["name"])  # refuses a name no one registered
        return cls(data["name"], dict(data.get("args") or {}), str(data.get("id") or ""))


def _plain(value: Any) -> Any:
    """JSON for the few non-JSON values operations carry (sets, arrays of ids)."""
    if isinstance(value, set | frozenset):
        return sorted(value)
    if hasattr(value, "tolist"):
        return value.tolist()
    raise TypeError(f"{type(value).__name__} is not JSON")


@dataclass(frozen=True)
class Outcome(Generic[T]):
    """The result of running an operation."""

    value: T
    changes: Changes
    undo: Operation | None = None  # None: it cannot be undone


@dataclass(frozen=True)
class Spec:
    name: str
    label: str  # English, marked for translation where the operation is defined
    function: Callable[..., Outcome[Any]]
    cancellable: bool  # takes ``cancel: CancelToken | None``
    # Its work grows with the store (every link of a tag, many members or items): never run
    # on the GUI thread (ui.operations.OperationRunner.run_now refuses it).
    long: bool = False


_REGISTRY: dict[str, Spec] = {}


def operation(
    name: str, label: str, *, long: bool = False
) -> Callable[[Callable[..., Outcome[T]]], Callable[..., Outcome[T]]]:
    """Registers ``function(store, **args) -> Outcome`` under ``name``; ``long``: its work
    grows with the store (see Spec.long)."""

    def register(function: Callable[..., Outcome[T]]) -> Callable[..., Outcome[T]]:
        if name in _REGISTRY:
            raise ValueError(f"operation {name} registered twice")
        cancellable = "cancel" in inspect.signature(function).parameters
        _REGISTRY[name] = Spec(name, label, function, cancellable, long)
        return function

    return register


def spec(name: str) -> Spec:
    found = _REGISTRY.get(name)
    if found is None:
        raise AmicaleError(f"unknown operation: {name}")
    return found


def names() -> Iterable[str]:
    return sorted(_REGISTRY)


def run(store: Store, op: Operation, cancel: CancelToken | None = None) -> Outcome[Any]:
    """Run ``op`` on ``store`` (one transaction, or none written if it fails). On a replica
    of a team directory it is also queued for the server (app/sync.py), or refused when it
    cannot be replayed there (app/offline.py)."""
    if store.replica_of is not None:
        from app import offline

        return offline.run_offline(store, op, cancel, _run_named)
    return run_here(store, op, cancel)


def run_here(store: Store, op: Operation, cancel: CancelToken | None = None) -> Outcome[Any]:
    """Run ``op`` on ``store`` itself, whatever it is a replica of."""
    return _run_named(store, op.name, op.args, cancel)


def _run_named(
    store: Store, name: str, args: Mapping[str, Any], cancel: CancelToken | None
) -> Outcome[Any]:
    found = spec(name)
    kwargs = dict(args)
    if found.cancellable:
        kwargs["cancel"] = cancel
    return found.function(store, **kwargs)
