"""Loading many members in one transaction: the engine's part of an import.

``app.io.importer`` decides what each row becomes (created, completed, queued as a probable
duplicate); a ``BulkLoad`` does the reading and writing of a batch the way its engine does
it fastest, inside the import's one transaction (a rollback leaves nothing, schema
included). One interface, one implementation per engine:

- ``FileLoad`` (SQLite): the import's lookups pass their keys as one JSON parameter
  (``json_each``), rows go in by ``executemany`` of one prepared statement, the text index
  is written by ranges of 100,000 members (``sqlite.bulk_inserts``) and, when the file
  brings most of the directory, the indexes it never reads are built again at the end.
- ``ServerLoad`` (PostgreSQL): keys go as arrays (``= ANY``), rows with ``COPY`` (psycopg's
  ``cursor.copy``; one statement a batch, so the statement triggers — tag counters, the
  change feed — fire once a batch), links that may be there already through a temporary
  staging table and one ``INSERT … SELECT … ON CONFLICT DO NOTHING``. Member ids come from
  the table's sequence, since the other animators keep creating members meanwhile, and the
  server's triggers keep the search words, so the schema is never changed: an animator's
  login could not (it owns no table), and the others keep reading the directory.
"""

from __future__ import annotations

import contextlib
import json
import sqlite3
import string
from collections.abc import Iterable, Iterator, Sequence
from typing import Any, Protocol

import sqlalchemy as sa

from app.errors import StoreError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import postgres, sqlite
from app.store.schema import member

ALL_COLUMNS = tuple(c.name for c in member.columns)
# A large SQLite import looks namesakes up through an index of its own (see FileLoad).
_NAME_PROMO_INDEX = "import_name_promo"
NAME_PROMO_INDEX_FROM = 20_000  # rows expected in the file
# Member indexes a large SQLite import never reads: by class year, date added, birthday, and
# the name order (its namesakes are looked up through its own index, _NAME_PROMO_INDEX).
_DEFERRED = (
    "ix_member_promo",
    "ix_member_created_at",
    "ix_member_birthday_md",
    "ix_member_sort_name",
    "ix_member_board",
)
# The tags' member counters (migration 0007): a large import recounts the tags it used once
# at its end instead of one counter update per link (3 per member in the bench's file).
_COUNT_TRIGGERS = ("member_tag_count_ai",)
_ASCII_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_BUILD_CACHE_KIB = 16_384  # the page cache while the deferred indexes are built
# Members a text-indexing statement writes at once on SQLite (sqlite.BULK_FTS_CHUNK), and
# on a server whose trigger is put aside: smaller, so that the server folds the words of one
# range while Python cleans the next batches (there is no segment merge to spare).
SEARCH_CHUNK = sqlite.BULK_FTS_CHUNK
SERVER_SEARCH_CHUNK = 20_000


class BulkLoad(Protocol):
    """The engine's side of one import, inside its write transaction."""

    # Nobody else writes members meanwhile (SQLite's write lock): what the import has not
    # written itself is what was there at its start.
    exclusive: bool
    # The tag counters' trigger is off for the load: the caller recounts the tags it used.
    counters_deferred: bool

    @property
    def raw(self) -> Any:
        """The driver's connection (for app.store.cancel.interruptible)."""

    def was_empty(self) -> bool:
        """The directory had no member when the load began."""

    def sql_lower(self, text: str) -> str:
        """``text`` as the engine's lower() spells it (the key the email index holds)."""

    def new_id(self) -> int:
        """An id for a member to create (ascending)."""

    def matches(self, kind: str, keys: Sequence[str]) -> Iterable[tuple[int, str]]:
        """(id, key) of the members with these lower-cased emails (``kind`` "email") or
        LinkedIn keys ("linkedin"), by id."""

    def namesakes(self, pairs: Sequence[tuple[str, int]]) -> Iterable[tuple[int, str, int]]:
        """(id, sort name, class year) of the members with exactly these pairs, by id."""

    def members(self, ids: Sequence[int]) -> Iterable[tuple[Any, ...]]:
        """The rows of members ``ids``, every column in ``ALL_COLUMNS``' order."""

    def pending_duplicates(self, member_ids: Sequence[int]) -> set[tuple[int, str]]:
        """(member id, incoming) of the candidates pending review for these members."""

    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        or_ignore: bool = False,
    ) -> int:
        """Insert ``rows`` (one value a column, in order); the rows inserted. ``or_ignore``
        skips a row that would break a unique key (a link already there)."""

    # The search index: members inserted and not yet in it (SQLite only; the server's
    # trigger keeps it whole).
    def covers(self, member_id: int) -> bool: ...
    def due(self) -> bool:
        """Enough members wait for the search index to write them in a second thread."""

    def catch_up(self) -> None: ...

    def finish(self) -> None:
        """After the last row: what the load took away is put back (indexes, triggers)."""


class FileLoad:
    """SQLite: executemany, JSON parameters, the text index written by ranges, and, for a
    file of most of the directory, the indexes it never reads built again at the end."""

    exclusive = True

    _NAME_PROMO = (
        "SELECT m.id, m.sort_name, m.promo FROM json_each(?) AS pair "
        "JOIN member AS m ON m.sort_name = json_extract(pair.value, '$[0]') "
        "AND +m.promo = json_extract(pair.value, '$[1]') ORDER BY m.id"
    )
    # A large import asks this for thousands of pairs, and a common name has hundreds of
    # namesakes, each read from the table for its year (superlinear: 1M rows spent 10 s
    # here). It builds for its own use, in its transaction, an index that answers from the
    # index alone.
    _NAME_PROMO_INDEXED = (
        "SELECT m.id, m.sort_name, m.promo FROM json_each(?) AS pair "
        f"JOIN member AS m INDEXED BY {_NAME_PROMO_INDEX} "
        "ON m.sort_name = json_extract(pair.value, '$[0]') "
        "AND m.promo = json_extract(pair.value, '$[1]') ORDER BY m.id"
    )
    _SELECT_MEMBERS = (
        f"SELECT {', '.join(ALL_COLUMNS)} FROM member WHERE id IN (SELECT value FROM json_each(?))"
    )

    def __init__(self, conn: sqlite3.Connection, expected: int) -> None:
        self._conn = conn
        self._next = int(conn.execute("SELECT coalesce(max(id), 0) FROM member").fetchone()[0])
        self._empty = self._next == 0
        self._indexed = expected >= NAME_PROMO_INDEX_FROM
        self._deferred: list[str] = []
        self.counters_deferred = False
        self._search: sqlite.SearchBacklog | None = None

    @contextlib.contextmanager
    def open(self) -> Iterator[FileLoad]:
        raw = self._conn
        if self._indexed:
            raw.execute(f"CREATE INDEX {_NAME_PROMO_INDEX} ON member (sort_name, promo)")
        # Indexes the import never reads are built again in one sorted pass at the end,
        # when the file brings most of the members (1M: 4 s of upkeep, a 2.6 s build for
        # the first three).
        with sqlite.bulk_inserts(raw) as search:
            self._search = search
            yield self

    def defer_for(self, expected: int) -> None:
        if self._indexed and expected >= 2 * self._next:
            self._deferred = sqlite.drop_indexes(self._conn, "member", _DEFERRED)
            triggers = sqlite.drop_triggers(self._conn, _COUNT_TRIGGERS)
            self.counters_deferred = bool(triggers)
            self._deferred += triggers

    @property
    def raw(self) -> Any:
        return self._conn

    def was_empty(self) -> bool:
        return self._empty

    def sql_lower(self, text: str) -> str:
        return text.translate(_ASCII_LOWER)  # SQLite's lower() folds ASCII only

    def new_id(self) -> int:
        self._next += 1
        return self._next

    def matches(self, kind: str, keys: Sequence[str]) -> Iterable[tuple[int, str]]:
        column = "lower(email)" if kind == "email" else "linkedin_key"
        return self._conn.execute(
            f"SELECT id, {column} FROM member "
            f"WHERE {column} IN (SELECT value FROM json_each(?)) ORDER BY id",
            (json.dumps(sorted(keys)),),
        )

    def namesakes(self, pairs: Sequence[tuple[str, int]]) -> Iterable[tuple[int, str, int]]:
        sql = self._NAME_PROMO_INDEXED if self._indexed else self._NAME_PROMO
        return self._conn.execute(sql, (json.dumps(list(pairs)),))

    def members(self, ids: Sequence[int]) -> Iterable[tuple[Any, ...]]:
        return self._conn.execute(self._SELECT_MEMBERS, (json.dumps(list(ids)),))

    def pending_duplicates(self, member_ids: Sequence[int]) -> set[tuple[int, str]]:
        return set(
            self._conn.execute(
                "SELECT member_id, incoming FROM duplicate_candidate WHERE status = 'pending' "
                "AND member_id IN (SELECT value FROM json_each(?))",
                (json.dumps(sorted(member_ids)),),
            )
        )

    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        or_ignore: bool = False,
    ) -> int:
        return sqlite.bulk_insert(self._conn, table, columns, rows, or_ignore=or_ignore)

    def covers(self, member_id: int) -> bool:
        return self._search is None or self._search.covers(member_id)

    def due(self) -> bool:
        return self._search is not None and self._search.due(SEARCH_CHUNK)

    def catch_up(self) -> None:
        if self._search is not None:
            self._search.catch_up()

    def finish(self) -> None:
        if self._indexed:
            self._conn.execute(f"DROP INDEX {_NAME_PROMO_INDEX}")
        # The index builds read the table in order and write each index in order: a small
        # page cache does (and bounds their sorts' memory, the import's peak: 1M rows 320 →
        # 282 MB).
        if self._deferred:
            self._conn.execute(f"PRAGMA cache_size = -{_BUILD_CACHE_KIB}")
        sqlite.run_ddl(self._conn, self._deferred)  # the migrations' own definitions
        self._deferred = []


# Rows of a table staged for an INSERT … ON CONFLICT DO NOTHING from this many on (fewer go
# as one INSERT … VALUES).
_STAGE_FROM = 64


# What a large server load into a directory it mostly makes puts aside and builds again at
# its end: the row trigger that writes each member's search words (then written by ranges,
# set-based, in a second thread), their trigram index (kept up row by row it was most of a
# 100,000-row import: 86 s against 9 s for a bare COPY and the index builds), and the member
# indexes the import never reads (it looks up emails, profiles and name + class year).
_SERVER_DEFERRED_INDEXES = (
    "ix_member_fts_free",
    "ix_member_promo",
    "ix_member_created_at",
    "ix_member_birthday_md",
    "ix_member_board",
)
_SERVER_DEFERRED_TRIGGERS = ("member_fts_ai",)
# Foreign keys checked row by row as the links and the search words go in (two lookups a
# link): dropped, then added again at the end, which checks every row in one join.
_SERVER_DEFERRED_KEYS = ("member_tag", "member_fts")


def _server_search_backfill() -> str:
    from app.store.postgres import FREE_COLUMN
    from app.store.schema import FREE_TEXT_COLUMNS, FTS_COLUMNS

    words = ", ".join(f"amicale_words({c})" for c in FTS_COLUMNS)
    free = " || ' | ' || ".join(f"amicale_words({c})" for c in FREE_TEXT_COLUMNS)
    return (
        f"INSERT INTO member_fts (rowid, {', '.join(FTS_COLUMNS)}, {FREE_COLUMN}) "
        f"SELECT id, {words}, {free} FROM member WHERE id > %s AND id <= %s"
    )


class ServerLoad:
    """PostgreSQL: COPY, array parameters, ids from the sequence.

    The schema is left alone, except for a large load into a directory it mostly makes and
    whose tables the login owns (an animator's does not): then the search words and the
    indexes above are built once at the end, in the same transaction (a rollback puts them
    back), and the directory's tables are locked to the others until it ends.
    """

    exclusive = False
    counters_deferred = False  # per statement on the server: once a COPY, not once a link

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._empty = conn.execute("SELECT NOT EXISTS (SELECT 1 FROM member)").fetchone()[0]
        self._ids: list[int] = []
        self._staged: set[str] = set()
        self._deferred: list[str] = []  # the statements that build again what was dropped
        self._indexed: int | None = None  # members up to this id have their search words

    @contextlib.contextmanager
    def open(self) -> Iterator[ServerLoad]:
        yield self

    def defer_for(self, expected: int) -> None:
        existing, owner = self._conn.execute(
            "SELECT (SELECT count(*) FROM member), pg_has_role(current_user, relowner, 'USAGE') "
            "FROM pg_class WHERE oid = 'member'::regclass"
        ).fetchone()
        if expected < NAME_PROMO_INDEX_FROM or expected < 2 * int(existing) or not owner:
            return
        # Nobody else writes members until the import ends (they still read them): what it
        # has not written itself is what was there (the importer's shortcut for a new
        # directory holds, as on a file).
        self._conn.execute("LOCK TABLE member, member_fts, member_tag IN SHARE ROW EXCLUSIVE MODE")
        self.exclusive = True
        postgres.fire_deferred(self._conn)
        for name, definition in self._conn.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema() "
            "AND indexname = ANY(%s) ORDER BY indexname",
            (list(_SERVER_DEFERRED_INDEXES),),
        ).fetchall():
            self._conn.execute(f'DROP INDEX "{name}"')
            self._deferred.append(definition)
        for name, definition in self._conn.execute(
            "SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE tgrelid = "
            "'member'::regclass AND tgname = ANY(%s) ORDER BY tgname",
            (list(_SERVER_DEFERRED_TRIGGERS),),
        ).fetchall():
            self._conn.execute(f'DROP TRIGGER "{name}" ON member')
            self._deferred.append(definition)
        for table, name, definition in self._conn.execute(
            "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) "
            "FROM pg_constraint WHERE contype = 'f' AND conrelid = ANY(%s::regclass[]) "
            "ORDER BY 1, 2",
            (list(_SERVER_DEFERRED_KEYS),),
        ).fetchall():
            self._conn.execute(f'ALTER TABLE {table} DROP CONSTRAINT "{name}"')
            self._deferred.append(f'ALTER TABLE {table} ADD CONSTRAINT "{name}" {definition}')
        if any(name in d for d in self._deferred for name in _SERVER_DEFERRED_TRIGGERS):
            self._indexed = self._max_id()

    def _max_id(self) -> int:
        return int(self._conn.execute("SELECT coalesce(max(id), 0) FROM member").fetchone()[0])

    @property
    def raw(self) -> Any:
        return self._conn

    def was_empty(self) -> bool:
        return bool(self._empty)

    def sql_lower(self, text: str) -> str:
        return text.lower()  # the server's lower() folds every letter

    def new_id(self) -> int:
        if not self._ids:
            # A block at a time: one round trip for a batch's members, not one each.
            rows = self._conn.execute(
                "SELECT nextval(pg_get_serial_sequence('member', 'id')) "
                "FROM generate_series(1, %s) ORDER BY 1 DESC",
                (2000,),
            ).fetchall()
            self._ids = [int(r[0]) for r in rows]
        return self._ids.pop()

    def matches(self, kind: str, keys: Sequence[str]) -> Iterable[tuple[int, str]]:
        column = "lower(email)" if kind == "email" else "linkedin_key"
        rows: Iterable[Any] = self._conn.execute(
            f"SELECT id, {column} FROM member WHERE {column} = ANY(%s) ORDER BY id",
            (sorted(keys),),
        )
        return rows

    def namesakes(self, pairs: Sequence[tuple[str, int]]) -> Iterable[tuple[int, str, int]]:
        rows: Iterable[Any] = self._conn.execute(
            "SELECT m.id, m.sort_name, m.promo FROM member AS m JOIN "
            "unnest(%s::text[], %s::integer[]) AS pair (name, promo) "
            "ON m.sort_name = pair.name AND m.promo = pair.promo ORDER BY m.id",
            ([p[0] for p in pairs], [p[1] for p in pairs]),
        )
        return rows

    def members(self, ids: Sequence[int]) -> Iterable[tuple[Any, ...]]:
        rows: Iterable[Any] = self._conn.execute(
            f"SELECT {', '.join(ALL_COLUMNS)} FROM member WHERE id = ANY(%s)", (list(ids),)
        )
        return rows

    def pending_duplicates(self, member_ids: Sequence[int]) -> set[tuple[int, str]]:
        rows = self._conn.execute(
            "SELECT member_id, incoming FROM duplicate_candidate WHERE status = 'pending' "
            "AND member_id = ANY(%s)",
            (sorted(member_ids),),
        )
        return {(int(m), str(i)) for m, i in rows}

    def insert(
        self,
        table: str,
        columns: Sequence[str],
        rows: Sequence[Sequence[Any]],
        *,
        or_ignore: bool = False,
    ) -> int:
        from psycopg import sql

        if not rows:
            return 0
        from app.store import postgres

        if not or_ignore:
            return postgres.copy_rows(self._conn, table, list(columns), rows)
        names = sql.SQL(", ").join(map(sql.Identifier, columns))
        if len(rows) < _STAGE_FROM:
            one = sql.SQL("({})").format(sql.SQL(", ").join(sql.Placeholder() * len(columns)))
            statement = sql.SQL("INSERT INTO {} ({}) VALUES {} ON CONFLICT DO NOTHING").format(
                sql.Identifier(table), names, sql.SQL(", ").join([one] * len(rows))
            )
            with self._conn.cursor() as cursor:
                cursor.execute(statement, [v for row in rows for v in row])
                return int(cursor.rowcount)
        stage = sql.Identifier(f"amicale_stage_{table}")
        if table not in self._staged:
            # Dropped at the commit (or the rollback) with the import's transaction.
            self._conn.execute(
                sql.SQL(
                    "CREATE TEMP TABLE {} ON COMMIT DROP AS SELECT {} FROM {} WITH NO DATA"
                ).format(stage, names, sql.Identifier(table))
            )
            self._staged.add(table)
        else:
            self._conn.execute(sql.SQL("TRUNCATE {}").format(stage))
        postgres.copy_rows(self._conn, f"amicale_stage_{table}", list(columns), rows)
        with self._conn.cursor() as cursor:
            cursor.execute(
                sql.SQL("INSERT INTO {} ({}) SELECT {} FROM {} ON CONFLICT DO NOTHING").format(
                    sql.Identifier(table), names, names, stage
                )
            )
            return int(cursor.rowcount)

    def covers(self, member_id: int) -> bool:
        return self._indexed is None or member_id <= self._indexed

    def due(self) -> bool:
        return self._indexed is not None and self._max_id() - self._indexed >= SERVER_SEARCH_CHUNK

    def catch_up(self) -> None:
        """The search words of the members inserted since the last call (when the trigger
        is off; else the server's trigger wrote them already)."""
        if self._indexed is None:
            return
        last = self._max_id()
        if last > self._indexed:
            self._conn.execute(_server_search_backfill(), (self._indexed, last))
            self._indexed = last

    def finish(self) -> None:
        """What the load put aside, built again (the staging tables go with the
        transaction; the planner's statistics come from the server's autovacuum, which
        analyses a table soon after this many new rows)."""
        self.catch_up()
        self._indexed = None
        if self._deferred:
            postgres.fire_deferred(self._conn)
        for statement in self._deferred:
            self._conn.execute(statement)
        self._deferred = []


def reserve_member_ids(dbapi_connection: Any, count: int) -> int:
    """On a server: ``count`` member ids from the table's sequence, in one statement; returns
    the offset that turns 1..count into them. They must be one run (nobody else creating
    members at that instant, as on a new directory)."""
    if count <= 0:
        return 0
    low, high = dbapi_connection.execute(
        "SELECT min(n), max(n) FROM (SELECT nextval(pg_get_serial_sequence('member', 'id')) "
        "AS n FROM generate_series(1, %s)) AS ids",
        (count,),
    ).fetchone()
    if high - low + 1 != count:
        raise StoreError(Message(T_BUSY))
    return int(low) - 1


def copy_rows(
    dbapi_connection: Any, table: str, columns: Sequence[str], rows: Sequence[Sequence[Any]]
) -> int:
    """On a server: ``rows`` into ``table`` with one COPY."""
    from app.store import postgres

    return postgres.copy_rows(dbapi_connection, table, list(columns), rows)


def analyze(dbapi_connection: Any, tables: Sequence[str]) -> None:
    """On a server, after a bulk load: the planner's statistics of ``tables`` (a login that
    does not own a table gets a notice and the autovacuum's later statistics)."""
    for table in tables:
        dbapi_connection.execute(f"ANALYZE {table}")


T_BUSY = QT_TRANSLATE_NOOP(
    "Messages",
    "someone else is adding members to the team directory: try again when they have finished",
)


@contextlib.contextmanager
def load(conn: sa.Connection, expected: int) -> Iterator[FileLoad | ServerLoad]:
    """The engine's BulkLoad for a write transaction about to load ``expected`` rows."""
    raw: Any = conn.connection.dbapi_connection
    server = conn.dialect.name == "postgresql"
    loader: FileLoad | ServerLoad = ServerLoad(raw) if server else FileLoad(raw, expected)
    with loader.open() as opened:
        opened.defer_for(expected)
        yield opened
