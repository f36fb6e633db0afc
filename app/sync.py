"""Working offline: a replica of a team directory, its outbox, and the sync with its server.

A replica is an ordinary SQLite store made by `team clone` that also keeps (migration 0016)
its server's address and identity, the last position of the server's change log it has
applied, an **outbox** of the operations made on it and not yet on the server, and the
**conflicts** a sync could not merge.

- Offline, the operations that can be replayed (a member's edit, tagging and untagging) run
  on the replica as anywhere else and are queued in the outbox *in the same transaction*
  (``Store.joining``); the others are refused with one sentence rather than kept only here.
- `sync` pushes the outbox first: each operation in its own transaction on the server, as
  the person logged in (the server's roles apply), with its id written to
  ``applied_operation`` in that transaction, so an operation replayed twice (a sync killed
  after the server's commit) is applied once. A member's edit names the version and the
  values it started from: the fields the server did not change since are applied, a field
  both sides changed goes to the conflicts (ours kept there, the server's value kept on
  the server), and a member erased on the server stays erased and is reported. Tags merge
  as sets. Then it pulls: the server's change log after the last position, read in one
  REPEATABLE READ snapshot, each changed row fetched as it is now and written here (or
  deleted when gone) with the new position, in one local transaction.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app import offline
from app.clock import now_iso
from app.errors import AmicaleError, StoreError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store, address, postgres
from app.store.cancel import CancelToken
from app.store.schema import (
    applied_operation,
    change_log,
    member,
    metadata,
    outbox,
    replica,
    sync_conflict,
    sync_server,
    tag,
)

T_NOT_A_REPLICA = QT_TRANSLATE_NOOP(
    "Messages", "{0} is not a replica of a team directory: make one with `team clone URL --db FILE`"
)
T_CLONE_TARGET = QT_TRANSLATE_NOOP(
    "Messages", "{0} already exists: a clone goes into a new file (choose another name)"
)
T_CLONE_SOURCE = QT_TRANSLATE_NOOP(
    "Messages", "team clone needs a team server's address (postgresql://user@host/database)"
)
T_OFFLINE = QT_TRANSLATE_NOOP(
    "Messages",
    "cannot reach the team server {0}: the changes made here wait in the outbox ({1}); "
    "sync again later",
)
T_OTHER_SERVER = QT_TRANSLATE_NOOP(
    "Messages",
    "{0} is not the server this replica was cloned from (its directory was recreated?): "
    "clone it again",
)
T_NOT_OFFLINE = offline.T_NOT_OFFLINE
T_TAG_GONE = QT_TRANSLATE_NOOP("Messages", "the tag “{0}” was deleted on the server")

# The operations a replica queues, under the name they are replayed with.
REPLAYED = ("member.update", "tags.change")
_PULL_BATCH = 2_000

Progress = Callable[[str, int], None]


@dataclass(frozen=True)
class Conflict:
    """What a sync could not merge: a field both sides changed, or an erased member."""

    id: int
    operation_id: str
    member_id: int
    kind: str  # "field" or "erased"
    field: str | None
    base: Any
    mine: Any
    theirs: Any

    def as_json(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "member_id": self.member_id,
            "kind": self.kind,
            "field": self.field,
            "base": self.base,
            "mine": self.mine,
            "theirs": self.theirs,
        }


@dataclass(frozen=True)
class SyncReport:
    pulled: int  # rows written or deleted here
    pushed: int  # operations that left the outbox (applied on the server)
    conflicts: int  # new conflicts of this round
    refused: int = 0  # operations the server refused (kept in the outbox, marked)

    def as_json(self) -> dict[str, int]:
        return {"pulled": self.pulled, "pushed": self.pushed, "conflicts": self.conflicts}


# --- the replica's own side ------------------------------------------------------------------


def require_replica(store: Store) -> str:
    if store.replica_of is None:
        raise AmicaleError(Message(T_NOT_A_REPLICA, store.describe()))
    return store.replica_of


def refused(store: Store) -> list[tuple[str, str, str]]:
    """The outbox's operations the server refused: (id, name, why), oldest first."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(outbox.c.operation_id, outbox.c.name, outbox.c.error)
            .where(outbox.c.state == "refused")
            .order_by(outbox.c.seq)
        ).all()
    return [(r[0], r[1], r[2] or "") for r in rows]


def pending(store: Store) -> int:
    """How many operations wait in the outbox (refused ones included: not on the server)."""
    with store.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(outbox)).scalar() or 0)


def last_synced(store: Store) -> str | None:
    with store.read() as conn:
        return conn.execute(sa.select(replica.c.synced_at).where(replica.c.id == 1)).scalar()


def conflicts(store: Store, *, open_only: bool = True) -> list[Conflict]:
    stmt = sa.select(sync_conflict).order_by(sync_conflict.c.id)
    if open_only:
        stmt = stmt.where(sync_conflict.c.resolved_at.is_(None))
    with store.read() as conn:
        rows = conn.execute(stmt).mappings().all()
    return [
        Conflict(
            r["id"],
            r["operation_id"],
            r["member_id"],
            r["kind"],
            r["field"],
            _loads(r["base"]),
            _loads(r["mine"]),
            _loads(r["theirs"]),
        )
        for r in rows
    ]


def resolve(store: Store, conflict_id: int) -> None:
    """The CM has chosen (their choice is an ordinary edit, queued like any other)."""
    with store.write() as conn:
        conn.execute(
            sync_conflict.update()
            .where(sync_conflict.c.id == conflict_id)
            .values(resolved_at=now_iso())
        )


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


# --- clone -----------------------------------------------------------------------------------


def _server_url(text: str | sa.URL) -> sa.URL:
    where = address.locate(text) if isinstance(text, str) else text
    if not isinstance(where, sa.URL):
        raise AmicaleError(Message(T_CLONE_SOURCE))
    return where


def _open_server(url: sa.URL) -> Store:
    from app.store import open_store

    return open_store(url, migrate=False)


def clone(
    source: str | sa.URL,
    target: Path,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
) -> dict[str, int]:
    """The first download of a team directory into a new replica at ``target``; returns the
    rows copied per table. Cancelled or failed, no file is left behind."""
    from app.errors import Cancelled
    from app.store import open_store, server
    from app.store.copy import copy_store

    url = _server_url(source)
    if target.exists():
        raise AmicaleError(Message(T_CLONE_TARGET, str(target)))
    team = _open_server(url)
    if url.password:
        server.remember_password(url, url.password)  # sync reconnects without it
    kept_url = url.set(password=None).render_as_string(hide_password=False)

    def step(table: str, rows: int) -> None:
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        if progress is not None:
            progress(table, rows)

    # Into a file of its own, renamed when complete: a clone killed half-way leaves no
    # replica that looks whole (and the next clone starts again from scratch).
    partial = target.with_name(target.name + ".part")
    _remove(partial)
    local: Store | None = None
    try:
        local = open_store(partial)
        with (
            team.engine.connect().execution_options(isolation_level="REPEATABLE READ") as reading,
            reading.begin(),
        ):
            # The snapshot starts here: every change after this position is not in it.
            position = reading.execute(
                sa.select(sa.func.coalesce(sa.func.max(change_log.c.position), 0))
            ).scalar_one()
            server_id = reading.execute(sa.select(sync_server.c.server_id)).scalar_one()

            def mark(writing: sa.Connection) -> None:
                writing.execute(
                    replica.insert().values(
                        id=1,
                        server_url=kept_url,
                        server_id=server_id,
                        last_position=position,
                        cloned_at=now_iso(),
                        synced_at=now_iso(),
                    )
                )

            counts = copy_store(team, local, step, reading=reading, finish=mark)
        local.checkpoint()
        local.close()
        local = None
        Path(f"{partial}-shm").unlink(missing_ok=True)  # rebuilt from the file at next open
        if Path(f"{partial}-wal").exists():  # (emptied by the checkpoint: moved all the same)
            os.replace(f"{partial}-wal", f"{target}-wal")
        os.replace(partial, target)
    except BaseException:
        if local is not None:
            local.close()
        _remove(partial)
        raise
    finally:
        team.close()
    return counts


def _remove(path: Path) -> None:
    for leftover in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        leftover.unlink(missing_ok=True)


# --- sync ------------------------------------------------------------------------------------


def sync(store: Store, cancel: CancelToken | None = None) -> SyncReport:
    """One round: push the outbox, then pull the server's changes. StoreError (one
    sentence, the outbox kept) when the server cannot be reached."""
    from app import failures

    url = _server_url(require_replica(store))
    try:
        team = _open_server(url)
    except StoreError as exc:
        raise StoreError(Message(T_OFFLINE, address.display(url), pending(store))) from exc
    try:
        with team.read() as conn:
            server_id = conn.execute(sa.select(sync_server.c.server_id)).scalar()
        with store.read() as conn:
            mine = conn.execute(sa.select(replica.c.server_id)).scalar()
        if server_id != mine:
            raise StoreError(Message(T_OTHER_SERVER, address.display(url)))
        try:
            pushed, new_conflicts, refused = _push(store, team, cancel)
            pulled = _pull(store, team, cancel)
        except sa.exc.OperationalError as exc:
            known = failures.explain(exc)
            raise known or exc from exc
    finally:
        team.close()
    return SyncReport(pulled, pushed, new_conflicts, refused)


_SETTLE_BATCH = 200  # operations applied on the server, settled here in one transaction


def _push(store: Store, team: Store, cancel: CancelToken | None) -> tuple[int, int, int]:
    from app import failures
    from app.errors import Cancelled

    with store.read() as conn:
        queued = (
            conn.execute(
                sa.select(outbox).where(outbox.c.state == "pending").order_by(outbox.c.seq)
            )
            .mappings()
            .all()
        )
    if not queued:
        return 0, 0, 0
    # Those the server already has (a sync killed after its commit): told again, not redone.
    with team.read() as conn:
        known: dict[str, str] = {}
        ids = [row["operation_id"] for row in queued]
        for start in range(0, len(ids), _PULL_BATCH):
            rows = conn.execute(
                sa.select(applied_operation.c.id, applied_operation.c.result).where(
                    applied_operation.c.id.in_(ids[start : start + _PULL_BATCH])
                )
            )
            known.update((op_id, result) for op_id, result in rows)
    pushed = found = refused = 0
    # Applied on the server, not yet out of the outbox here: settled in batches (a sync
    # killed in between finds them in ``applied_operation`` next time).
    done: list[tuple[str, dict[str, Any], dict[str, Any]]] = []
    try:
        for row in queued:
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            op_id = row["operation_id"]
            payload = json.loads(row["payload"])
            base = json.loads(row["base"])
            try:
                result = (
                    json.loads(known[op_id]) if op_id in known else _apply(team, row, payload, base)
                )
            except sa.exc.OperationalError:
                raise  # the server went away: the rest waits
            except Exception as exc:
                reason = failures.explain(exc)
                if reason is None:
                    raise
                with store.write() as conn:
                    conn.execute(
                        outbox.update()
                        .where(outbox.c.operation_id == op_id)
                        .values(state="refused", error=str(reason))
                    )
                refused += 1
                continue
            done.append((op_id, payload, result))
            if result.get("refused"):
                refused += 1
            else:
                pushed += 1
            if len(done) >= _SETTLE_BATCH:
                found += _settle(store, done)
                done = []
    finally:
        if done:
            found += _settle(store, done)
    return pushed, found, refused


def _settle(store: Store, done: list[tuple[str, dict[str, Any], dict[str, Any]]]) -> int:
    """These operations are on the server: out of the outbox, their conflicts kept (once);
    returns how many conflicts are new."""
    new = 0
    with store.write() as conn:
        for op_id, payload, result in done:
            new += _settle_one(conn, op_id, payload, result)
    return new


def _settle_one(
    conn: sa.Connection, op_id: str, payload: dict[str, Any], result: dict[str, Any]
) -> int:
    if result.get("refused"):  # the server could not apply it (its tag was deleted there)
        conn.execute(
            outbox.update()
            .where(outbox.c.operation_id == op_id)
            .values(state="refused", error=result["refused"])
        )
        return 0
    conn.execute(outbox.delete().where(outbox.c.operation_id == op_id))
    member_id = int(payload.get("member_id") or 0)
    items: list[dict[str, Any]] = list(result.get("conflicts") or [])
    if result.get("erased"):
        items.append({"kind": "erased", "field": None})
    new = 0
    for item in items:
        exists = conn.execute(
            sa.select(sa.func.count())
            .select_from(sync_conflict)
            .where(
                sync_conflict.c.operation_id == op_id,
                sync_conflict.c.member_id == member_id,
                sync_conflict.c.field.is_(None)
                if item.get("field") is None
                else sync_conflict.c.field == item["field"],
            )
        ).scalar()
        if exists:
            continue
        conn.execute(
            sync_conflict.insert().values(
                operation_id=op_id,
                member_id=member_id,
                kind=item.get("kind", "field"),
                field=item.get("field"),
                base=json.dumps(item.get("base")),
                mine=json.dumps(item.get("mine")),
                theirs=json.dumps(item.get("theirs")),
                created_at=now_iso(),
            )
        )
        new += 1
    return new


def _applied(op_id: str, name: str, result: dict[str, Any]) -> Callable[[sa.Connection], None]:
    def hook(conn: sa.Connection) -> None:
        conn.execute(
            applied_operation.insert().values(
                id=op_id,
                name=name,
                result=json.dumps(result, default=offline.plain),
                applied_by=sa.func.current_user(),
                applied_at=sa.func.now(),
            )
        )

    return hook


def _record_applied(team: Store, op_id: str, name: str, result: dict[str, Any]) -> None:
    """The operation changed nothing on the server: its id is still kept (replayed, it is
    skipped, and its conflicts are told again)."""
    with team.write() as conn:
        _applied(op_id, name, result)(conn)


def _apply(team: Store, row: Any, payload: dict[str, Any], base: dict[str, Any]) -> dict[str, Any]:
    if row["name"] == "member.update":
        return _apply_edit(team, row["operation_id"], payload, base)
    if row["name"] == "tags.change":
        return _apply_tagging(team, row["operation_id"], payload)
    raise AmicaleError(f"unknown operation in the outbox: {row['name']}")


def _apply_edit(
    team: Store, op_id: str, payload: dict[str, Any], base: dict[str, Any]
) -> dict[str, Any]:
    """A member's edit made offline, merged field by field with what the server has now,
    in one transaction when nobody else changed the same fields (the member service's own
    merge: the version and the values the edit started from)."""
    from app.errors import NotFoundError
    from app.members.service import EditConflict, MemberDirectory
    from app.members.validation import normalise

    member_id = int(payload["member_id"])
    directory = MemberDirectory(team)
    start = dict(base.get("values") or {})  # stored values: already normalised
    mine = normalise(dict(payload.get("values") or {}))
    expected = base.get("version")
    found: list[dict[str, Any]] = []
    for _attempt in range(5):  # another save between two tries: merge again
        result: dict[str, Any] = {"conflicts": found}
        try:
            tags = _merged_tags(team, member_id, payload.get("tags"), base.get("tags"))
            with team.joining(_applied(op_id, "member.update", result)) as ran:
                directory.update(member_id, mine, tags, expected_version=expected, original=start)
        except NotFoundError:
            result = {"erased": True}
            _record_applied(team, op_id, "member.update", result)
            return result
        except EditConflict as conflict:
            for field_conflict in conflict.conflicts:
                found.append(
                    {"kind": "field", "field": field_conflict.name,
                     "base": field_conflict.original, "mine": field_conflict.mine,
                     "theirs": field_conflict.theirs}
                )  # fmt: skip
            clashing = {c.name for c in conflict.conflicts}
            # What goes in now: the fields this edit changed, less those both changed.
            mine = {
                name: value
                for name, value in mine.items()
                if name not in clashing and (name not in start or start[name] != value)
            }
            expected = conflict.version
            continue
        if not ran():
            _record_applied(team, op_id, "member.update", result)
        return result
    raise AmicaleError(f"member {member_id} keeps changing on the server: sync again")


def _merged_tags(
    team: Store, member_id: int, mine: list[str] | None, start: list[str] | None
) -> list[str] | None:
    """Tags as sets: the server's, plus what we added, less what we removed."""
    if mine is None:
        return None
    from app.members.service import MemberDirectory

    theirs = set(MemberDirectory(team).get(member_id).tags)
    before = set(start or [])
    ours = set(mine)
    return sorted((theirs - (before - ours)) | (ours - before))


def _apply_tagging(team: Store, op_id: str, payload: dict[str, Any]) -> dict[str, Any]:
    from app import tags as tag_service

    tag_id = int(payload["tag_id"])
    with team.read() as conn:
        name = conn.execute(sa.select(tag.c.name).where(tag.c.id == tag_id)).scalar()
        if name is None:
            result: dict[str, Any] = {"refused": str(Message(T_TAG_GONE, f"#{tag_id}"))}
            _record_applied(team, op_id, "tags.change", result)
            return result
        ids = [int(i) for i in payload.get("ids") or []]
        present = set(
            conn.execute(sa.select(member.c.id).where(member.c.id.in_(ids))).scalars()
        ) if ids else set()  # fmt: skip
    result = {"gone": sorted(set(ids) - present)}  # members erased there meanwhile
    with team.joining(_applied(op_id, "tags.change", result)) as ran:
        tag_service.change_tag(
            team, tag_id, add=bool(payload.get("add", True)), ids=sorted(present)
        )
    if not ran():
        _record_applied(team, op_id, "tags.change", result)
    return result


def _pull(store: Store, team: Store, cancel: CancelToken | None) -> int:
    """The server's changes after the last position, written here with the new position."""
    from app.errors import Cancelled

    with store.read() as conn:
        last = int(conn.execute(sa.select(replica.c.last_position)).scalar_one())
    with (
        team.engine.connect().execution_options(isolation_level="REPEATABLE READ") as reading,
        reading.begin(),
    ):
        logged = reading.execute(
            sa.select(change_log.c.position, change_log.c.table_name, change_log.c.row_key)
            .where(change_log.c.position > last)
            .order_by(change_log.c.position)
        ).all()
        if not logged:
            with store.write() as conn:
                conn.execute(replica.update().values(synced_at=now_iso()))
            return 0
        newest = logged[-1][0]
        keys: dict[str, dict[str, dict[str, Any]]] = {}
        for _position, table_name, row_key in logged:
            if table_name in postgres.SYNCED_TABLES:
                key = json.loads(row_key)
                keys.setdefault(table_name, {})[json.dumps(key, sort_keys=True)] = key
        rows: dict[str, list[dict[str, Any]]] = {}
        gone: dict[str, list[dict[str, Any]]] = {}
        for table_name, wanted in keys.items():
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            table = metadata.tables[table_name]
            found = _fetch(reading, table, list(wanted.values()))
            rows[table_name] = found
            present = {_key_text(table, r) for r in found}
            gone[table_name] = [k for text, k in wanted.items() if text not in present]
    order = [t for t in metadata.sorted_tables if t.name in keys]
    with store.write() as conn:
        for table in reversed(order):
            for key in gone[table.name]:
                conn.execute(table.delete().where(*_key_match(table, key)))
        for table in order:
            _upsert(conn, table, rows[table.name])
        conn.execute(replica.update().values(last_position=newest, synced_at=now_iso()))
    return sum(len(v) for v in rows.values()) + sum(len(v) for v in gone.values())


def _key_columns(table: sa.Table) -> list[str]:
    return list(postgres.SYNCED_TABLES[table.name])


def _key_text(table: sa.Table, row: dict[str, Any]) -> str:
    return json.dumps({c: row[c] for c in _key_columns(table)}, sort_keys=True)


def _key_match(table: sa.Table, key: dict[str, Any]) -> list[sa.ColumnElement[bool]]:
    return [table.c[c] == key[c] for c in _key_columns(table)]


def _fetch(
    conn: sa.Connection, table: sa.Table, keys: list[dict[str, Any]]
) -> list[dict[str, Any]]:
    columns = _key_columns(table)
    found: list[dict[str, Any]] = []
    for start in range(0, len(keys), _PULL_BATCH):
        chunk = keys[start : start + _PULL_BATCH]
        if len(columns) == 1:
            where: Any = table.c[columns[0]].in_([k[columns[0]] for k in chunk])
        else:
            where = sa.tuple_(*(table.c[c] for c in columns)).in_(
                [tuple(k[c] for c in columns) for k in chunk]
            )
        found += [dict(r) for r in conn.execute(sa.select(table).where(where)).mappings()]
    return found


def _upsert(conn: sa.Connection, table: sa.Table, rows: list[dict[str, Any]]) -> None:
    """The server's rows over ours, a few statements a batch. A member keeps the server's
    version (the local trigger bumps it only when an update leaves it unchanged: it is
    moved through -1); a tag's member count is the local triggers' (they count the links
    as they are written)."""
    if not rows:
        return
    keys = _key_columns(table)
    present: set[str] = set()
    for found in _fetch(conn, table, [{c: r[c] for c in keys} for r in rows]):
        present.add(_key_text(table, found))
    new = [dict(r) for r in rows if _key_text(table, r) not in present]
    old = [dict(r) for r in rows if _key_text(table, r) in present]
    if table is tag:
        for row in new:
            row["member_count"] = 0
        for row in old:
            row.pop("member_count", None)
    if new:
        conn.execute(table.insert(), new)
    if not old:
        return
    # Parameters named apart from the columns (SQLAlchemy keeps those names for itself).
    where = [table.c[c] == sa.bindparam(f"key_{c}") for c in keys]
    changed = [c.name for c in table.columns if c.name not in keys and c.name in old[0]]
    if table is member:
        changed.remove("version")
    params = [
        {**{f"key_{c}": r[c] for c in keys}, **{f"v_{c}": r[c] for c in changed}} for r in old
    ]
    values: dict[str, Any] = {c: sa.bindparam(f"v_{c}") for c in changed}
    if table is member:
        conn.execute(table.update().where(*where).values(**values, version=-1), params)
        versions = [{"key_id": r["id"], "v_version": r["version"]} for r in old]
        conn.execute(
            table.update().where(*where).values(version=sa.bindparam("v_version")), versions
        )
    elif changed:
        conn.execute(table.update().where(*where).values(**values), params)
