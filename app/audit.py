"""The audit log: who did what to which record, and when (exports, erasures, deletions…)."""

from __future__ import annotations

import getpass
import json
from typing import Any

import sqlalchemy as sa

from app.clock import now_iso
from app.store.schema import audit_event


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
