"""Operations on the moderation queue: decide and undo, approve known graduates, verify, add
items. A decision that admits someone creates or completes a member."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict
from datetime import date
from typing import Any

from app.messages import QT_TRANSLATE_NOOP
from app.moderation import intake, queue
from app.moderation.intake import IntakeReport, NewItem
from app.operations.core import Changes, Operation, Outcome, operation
from app.store import Store


def decision_changes(decisions: Sequence[queue.Decision]) -> Changes:
    admitted = frozenset(
        int(d.effects[key])
        for d in decisions
        for key in ("member_created", "member_id")
        if isinstance(d.effects.get(key), int)
    )
    return Changes(moderation=True, member_ids=admitted, tags=bool(admitted))


@operation("moderation.decide", QT_TRANSLATE_NOOP("Operations", "Moderation decision"))
def decide(
    store: Store, item_id: int, action: str, reason: str | None = None, until: str | None = None
) -> Outcome[queue.Decision]:
    decision = queue.decide(store, item_id, action, reason, until=until)
    return Outcome(
        decision,
        decision_changes([decision]),
        Operation("moderation.undo", {"decision_ids": [decision.id]}),
    )


@operation("moderation.undo", QT_TRANSLATE_NOOP("Operations", "Undo moderation decision"))
def undo(store: Store, decision_ids: Sequence[int]) -> Outcome[list[queue.Decision]]:
    """Reverse decisions, the latest first."""
    undone = [queue.undo(store, i) for i in sorted(decision_ids, reverse=True)]
    return Outcome(undone, decision_changes(undone))


@operation("moderation.undo-last", QT_TRANSLATE_NOOP("Operations", "Undo moderation decision"))
def undo_last(store: Store) -> Outcome[queue.Decision | None]:
    undone = queue.undo_last(store)
    return Outcome(
        undone, decision_changes([undone]) if undone is not None else Changes(moderation=True)
    )


@operation(
    "moderation.approve-known",
    QT_TRANSLATE_NOOP("Operations", "Approve known graduates"),
    long=True,
)
def approve_known(
    store: Store, item_ids: Sequence[int] | None = None
) -> Outcome[list[queue.Decision]]:
    made = queue.bulk_approve_known(store, list(item_ids) if item_ids is not None else None)
    undo_op = Operation("moderation.undo", {"decision_ids": [d.id for d in made]})
    return Outcome(made, decision_changes(made), undo_op if made else None)


@operation("moderation.verify", QT_TRANSLATE_NOOP("Operations", "Degree check"))
def mark_verified(
    store: Store, member_id: int, source: str, on: str | None = None, verified: bool = True
) -> Outcome[None]:
    day = date.fromisoformat(on) if on else None
    queue.mark_verified(store, member_id, source, day, verified=verified)
    return Outcome(None, Changes(member_ids=frozenset({member_id}), moderation=True))


@operation("moderation.add-items", QT_TRANSLATE_NOOP("Operations", "Add to the queue"), long=True)
def add_items(
    store: Store, items: Sequence[dict[str, Any]], source: str | None = None
) -> Outcome[IntakeReport]:
    report = intake.add_items(store, [NewItem(**item) for item in items], source=source)
    return Outcome(report, decision_changes(report.automatic) | Changes(moderation=True))


def item_args(items: Sequence[NewItem]) -> list[dict[str, Any]]:
    """The JSON arguments of `add_items` for these items."""
    return [asdict(item) for item in items]
