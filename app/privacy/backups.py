"""Backups that still hold people erased since they were made.

An erasure cannot reach into copies: the CM is shown the backups made before the last
erasures (those in the backup folder, the copies made before a schema upgrade beside the
store, and any other the program wrote and logged) and replaces each with a fresh, verified
copy of the store as it is now — which no longer holds them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

import sqlalchemy as sa

from app import audit
from app.store import Store, backup
from app.store.schema import audit_event


@dataclass(frozen=True)
class StaleBackup:
    path: Path
    made_at: datetime  # when it was logged as made or replaced, else the file's time
    erased_since: int  # erasures recorded after it was made


def note_backup(store: Store, path: Path) -> None:
    """Log a backup the CM made (wherever it went), so it can be found after an erasure."""
    with store.write() as conn:
        audit.record(conn, "backup", "store", None, {"path": str(path)})


@dataclass(frozen=True)
class _Made:
    at: datetime
    event: int | None  # the audit event that logged it: its order is exact


def candidates(store: Store) -> dict[Path, _Made]:
    """Every backup of this store the program knows of, still on the disk, with when it was
    made: logged (the event's time and place in the log), else the file's time."""
    db = store.path
    logged: dict[Path, _Made] = {}
    with store.read() as conn:
        rows = conn.execute(
            sa.select(audit_event.c.id, audit_event.c.at, audit_event.c.detail)
            .where(audit_event.c.action.in_(("backup", "backup-replaced")))
            .order_by(audit_event.c.id)
        )
        for event, at, detail in rows:
            path = json.loads(detail or "{}").get("path")
            if path:
                logged[Path(path).resolve()] = _Made(datetime.fromisoformat(at), event)
    found = {p.resolve() for p in (db.parent / "backups").glob("*.sqlite3")}
    found |= {p.resolve() for p in db.parent.glob(f"{db.stem}.before-*.sqlite3")}
    found |= set(logged)
    return {
        p: logged.get(p) or _Made(datetime.fromtimestamp(p.stat().st_mtime, UTC), None)
        for p in sorted(found)
        if p.is_file() and p != db.resolve()
    }


def stale_backups(store: Store) -> list[StaleBackup]:
    """The backups made before at least one erasure, the oldest first."""
    with store.read() as conn:
        erasures = [
            (event, datetime.fromisoformat(at))
            for event, at in conn.execute(
                sa.select(audit_event.c.id, audit_event.c.at).where(audit_event.c.action == "erase")
            )
        ]
    if not erasures:
        return []
    out = []
    for path, made in candidates(store).items():
        since = sum(
            1
            for event, at in erasures
            if (event > made.event if made.event is not None else at > made.at)
        )
        if since:
            out.append(StaleBackup(path, made.at, since))
    return sorted(out, key=lambda b: b.made_at)


def replace(store: Store, path: Path) -> Path:
    """Overwrite the backup ``path`` with a verified copy of the store as it is now."""
    store.checkpoint()
    target, _counts = backup.backup(store.path, path, store.key)
    with store.write() as conn:
        audit.record(conn, "backup-replaced", "store", None, {"path": str(target)})
    return target
