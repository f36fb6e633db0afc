"""The audit log: who did what to which record, and when (exports, erasures, deletions…)."""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from app.clock import now_iso
from app.store.schema import audit_event

if TYPE_CHECKING:
    from app.store import Store


def actor() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in some containers
        return "unknown"


def record(
    conn: sa.Connection,
    action: str,
    entity: str,
    entity_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> None:
    conn.execute(
        audit_event.insert().values(
            at=now_iso(),
            actor=actor(),
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=json.dumps(detail, ensure_ascii=False) if detail else None,
        )
    )


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: str
    actor: str
    action: str
    entity: str
    entity_id: int | None
    detail: dict[str, Any] | None


def recent(
    store: Store, limit: int = 1000, actions: tuple[str, ...] | None = None
) -> list[AuditEntry]:
    """The newest events first (the History panel; exports and imports are there)."""
    stmt = sa.select(audit_event).order_by(audit_event.c.id.desc()).limit(limit)
    if actions:
        stmt = stmt.where(audit_event.c.action.in_(actions))
    with store.read() as conn:
        rows = conn.execute(stmt).all()
    return [
        AuditEntry(
            r.id,
            r.at,
            r.actor,
            r.action,
            r.entity,
            r.entity_id,
            json.loads(r.detail) if r.detail else None,
        )
        for r in rows
    ]
