"""The audit log: who did what to which record, and when (exports, erasures, deletions…)."""

from __future__ import annotations

import getpass
import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import sqlalchemy as sa

from app.clock import now_iso
from app.store.schema import audit_event, member, moderation_item

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
            # On a team server the login, as the server knows it (its trigger insists).
            actor=sa.func.current_user() if conn.dialect.name == "postgresql" else actor(),
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
    # Who the event is about, as the History panel names them: the member's name, or the
    # name on a join request or post (text people typed: to show as plain text). None when
    # the record is gone or erased.
    subject: str | None = None
    # The kind of a moderation item (join, post, comment).
    subject_kind: str | None = None


def recent(
    store: Store, limit: int = 1000, actions: tuple[str, ...] | None = None
) -> list[AuditEntry]:
    """The newest events first (the History panel; exports and imports are there)."""
    stmt = sa.select(audit_event).order_by(audit_event.c.id.desc()).limit(limit)
    if actions:
        stmt = stmt.where(audit_event.c.action.in_(actions))
    with store.read() as conn:
        rows = conn.execute(stmt).all()
        people = _member_names(conn, {r.entity_id for r in rows if r.entity == "member"})
        items = _item_names(conn, {r.entity_id for r in rows if r.entity == "moderation_item"})
    out: list[AuditEntry] = []
    for r in rows:
        subject, kind = None, None
        if r.entity == "member":
            subject = people.get(r.entity_id)
        elif r.entity == "moderation_item":
            subject, kind = items.get(r.entity_id, (None, None))
        detail = json.loads(r.detail) if r.detail else None
        out.append(
            AuditEntry(r.id, r.at, r.actor, r.action, r.entity, r.entity_id, detail, subject, kind)
        )
    return out


def _chunks(ids: set[int | None]) -> list[list[int]]:
    clean = sorted(i for i in ids if i is not None)
    return [clean[start : start + 500] for start in range(0, len(clean), 500)]


def _member_names(conn: sa.Connection, ids: set[int | None]) -> dict[int | None, str]:
    names: dict[int | None, str] = {}
    for chunk in _chunks(ids):
        stmt = sa.select(member.c.id, member.c.first_name, member.c.last_name, member.c.email)
        for row in conn.execute(stmt.where(member.c.id.in_(chunk))):
            name = f"{row.first_name or ''} {row.last_name or ''}".strip() or row.email
            if name:
                names[row.id] = name
    return names


def _item_names(
    conn: sa.Connection, ids: set[int | None]
) -> dict[int | None, tuple[str | None, str]]:
    names: dict[int | None, tuple[str | None, str]] = {}
    for chunk in _chunks(ids):
        stmt = sa.select(
            moderation_item.c.id,
            moderation_item.c.kind,
            moderation_item.c.name,
            moderation_item.c.email,
        )
        for row in conn.execute(stmt.where(moderation_item.c.id.in_(chunk))):
            names[row.id] = ((row.name or "").strip() or row.email or None, row.kind)
    return names
