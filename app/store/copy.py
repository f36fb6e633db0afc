"""Copying a whole store from one engine to the other, row for row.

A team's backup is a portable SQLite file with the same content (a team can also leave its
server and go back to solo), and a solo file can move up to a server (`amicale team
export/import`). Tables are copied in foreign-key order, in batches, in one transaction on
the target; the search words and each tag's member count are rebuilt by the target's own
triggers, so they are never copied (nor double counted).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.store import postgres, sqlite
from app.store.engine import Store
from app.store.schema import member, metadata, tag

BATCH = 5_000
Progress = Callable[[str, int], None]


def copy_store(
    source: Store,
    target: Store,
    progress: Progress | None = None,
    *,
    reading: sa.Connection | None = None,
    finish: Callable[[sa.Connection], None] | None = None,
) -> dict[str, int]:
    """Copy every row of ``source`` into the empty ``target``; returns rows per table.

    ``reading``: a transaction of the source's to read in (a clone's snapshot) instead of
    a new one; ``finish``: called with the target's transaction before it commits. A
    ``progress`` that raises (Cancelled) leaves the target as it was."""
    counts: dict[str, int] = {}
    tables = metadata.sorted_tables
    with (
        _reading(source, reading) as reading,
        target.write(bulk=not target.is_team) as writing,
        _loading(writing) as loader,
    ):
        for table in tables:
            if writing.execute(sa.select(sa.func.count()).select_from(table)).scalar():
                # Settings rows a migration made (defaults) make way for the source's.
                writing.execute(table.delete())
        for table in tables:
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
                copied += loader(table, columns, values)
            counts[table.name] = copied
            if progress is not None:
                progress(table.name, copied)
        if writing.dialect.name == "postgresql":
            postgres.reset_sequences(writing)
        if finish is not None:
            finish(writing)
    return counts


Loader = Callable[[sa.Table, list[str], list[list[Any]]], int]


@contextlib.contextmanager
def _loading(writing: sa.Connection) -> Iterator[Loader]:
    """How rows go in: COPY on a server (one statement a batch); on a file, one prepared
    statement a batch with the members indexed for search in bulk (sqlite.bulk_inserts:
    100,000 members cloned in a fraction of the time of row-by-row trigger indexing)."""
    raw: Any = writing.connection.dbapi_connection
    if writing.dialect.name == "postgresql":

        def copy(table: sa.Table, columns: list[str], values: list[list[Any]]) -> int:
            return postgres.copy_rows(raw, table.name, columns, values)

        yield copy
        return
    with sqlite.bulk_inserts(raw) as backlog:

        def insert(table: sa.Table, columns: list[str], values: list[list[Any]]) -> int:
            done = sqlite.bulk_insert(raw, table.name, columns, values)
            if table is member:
                backlog.catch_up(sqlite.BULK_FTS_CHUNK)
            return done

        yield insert


@contextlib.contextmanager
def _reading(source: Store, given: sa.Connection | None) -> Iterator[sa.Connection]:
    if given is not None:
        yield given
        return
    with source.read() as conn:
        yield conn


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
