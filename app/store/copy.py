"""Copying a whole store from one engine to the other, row for row.

A team's backup is a portable SQLite file with the same content (a team can also leave its
server and go back to solo), and a solo file can move up to a server (`amicale team
export/import`). Tables are copied in foreign-key order, in batches, in one transaction on
the target, from one snapshot of a server (what the others commit meanwhile is not half
in it); the search words and each tag's member count are rebuilt by the target's own
triggers, so they are never copied (nor double counted). The communities' counts, which the
target's triggers also keep, are replaced by the source's own rows once the memberships are
in (rows counted down to zero stay, as in the source), and a server keeps the audit log's
"who" as written, not as the login that copies it.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path

import sqlalchemy as sa

from app.errors import StoreError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import postgres
from app.store.engine import Store
from app.store.schema import audit_event, community_pair, community_spread, metadata, tag

BATCH = 5_000
Progress = Callable[[str, int], None]
# Kept by triggers on member_community: copied after it, over what the triggers counted.
_DERIVED = (community_pair, community_spread)


@contextlib.contextmanager
def _snapshot(source: Store) -> Iterator[sa.Connection]:
    """A read of ``source`` that sees one moment: on a server, a repeatable-read transaction
    (a file's read transaction is one already)."""
    if not source.is_team:
        with source.read() as conn:
            yield conn
        return
    options = {"isolation_level": "REPEATABLE READ", "postgresql_readonly": True}
    with source.engine.connect().execution_options(**options) as conn, conn.begin():
        yield conn


def table_counts(store: Store) -> dict[str, int]:
    """Rows per table of the schema (what a copy is verified against)."""
    with _snapshot(store) as conn:
        return {
            t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
            for t in metadata.sorted_tables
        }


def copy_store(source: Store, target: Store, progress: Progress | None = None) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; returns rows per table."""
    counts: dict[str, int] = {}
    tables = [t for t in metadata.sorted_tables if t not in _DERIVED] + list(_DERIVED)
    with _snapshot(source) as reading, target.write() as writing:
        server = writing.dialect.name == "postgresql"  # COPY: one statement a batch
        for table in tables:
            if writing.execute(sa.select(sa.func.count()).select_from(table)).scalar():
                # Settings rows a migration made (defaults) make way for the source's.
                writing.execute(table.delete())
        for table in tables:
            if table in _DERIVED:
                writing.execute(table.delete())  # what the triggers counted: the source's
            kept = server and table is audit_event
            if kept:  # (the owner's right: the login that copies must own the table)
                writing.exec_driver_sql(postgres.AUDIT_ACTOR_OFF)
            copied = 0
            rows = reading.execution_options(yield_per=BATCH).execute(
                sa.select(table).order_by(*table.primary_key.columns)
            )
            columns = [c.name for c in table.columns]
            counted = columns.index("member_count") if table is tag else -1
            for batch in rows.partitions(BATCH):
                values = [list(r) for r in batch]
                for value in values if counted >= 0 else ():
                    value[counted] = 0  # the target's triggers count the links
                if server:
                    raw = writing.connection.dbapi_connection
                    copied += postgres.copy_rows(raw, table.name, columns, values)
                else:
                    writing.execute(
                        table.insert(), [dict(zip(columns, v, strict=True)) for v in values]
                    )
                    copied += len(values)
            if kept:
                writing.exec_driver_sql(postgres.AUDIT_ACTOR_ON)
            counts[table.name] = copied
            if progress is not None:
                progress(table.name, copied)
        if writing.dialect.name == "postgresql":
            postgres.reset_sequences(writing)
    return counts


def backup_to_file(source: Store, target: Path) -> dict[str, int]:
    """A team store's backup: a new SQLite store at ``target`` holding the same rows."""
    from app.store import open_store

    if target.exists():
        target.unlink()
    copy = open_store(target)
    try:
        return copy_store(source, copy)
    finally:
        copy.close()


def verify_copy(copied: dict[str, int], target: Store) -> None:
    """Every table of ``target`` holds the rows copied into it (else StoreError)."""
    found = table_counts(target)
    wrong = sorted(name for name, n in copied.items() if found.get(name) != n)
    if wrong:
        raise StoreError(Message(T_COPY_DIFFERS, target.describe(), ", ".join(wrong)))


T_COPY_DIFFERS = QT_TRANSLATE_NOOP(
    "Messages", "the copy in {0} does not hold the same rows as its source (tables: {1})"
)
