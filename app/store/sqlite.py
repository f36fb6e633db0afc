"""Everything that only SQLite has, behind small functions.

A later PostgreSQL backend for teams replaces this module, not the services: pragmas, the
folding function, the FTS5 index, interrupting a query, the file header and the backup API.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from array import array
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from app.errors import NotAStoreError, StoreError
from app.store.cancel import CancelToken as CancelToken  # its old home: still importable
from app.store.schema import FTS_COLUMNS
from app.text import fold

SQLITE_HEADER = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


def open_failure(path: Path, exc: BaseException) -> StoreError:
    """Why ``path`` cannot be opened: damage only when SQLite says the file is corrupt; a
    full disk, a lock held by another program, a read-only disk… in their own words."""
    from app import failures

    orig = getattr(exc, "orig", None) or exc
    if failures.is_damage(exc):
        return NotAStoreError(f"{path} is damaged or not an Amicale data file: {orig}")
    known = failures.explain(exc, near=path)
    if isinstance(known, StoreError):
        return known
    return StoreError(f"cannot open {path}: {orig}")


def check_header(path: Path, key: str | None = None) -> None:
    """Refuse early, with a clear message, a file that is not a SQLite database (an
    encrypted one, opened with its ``key``, has no readable header)."""
    if key is not None:
        return
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError as exc:
        raise open_failure(path, exc) from exc
    if head and head != SQLITE_HEADER:
        raise NotAStoreError(f"{path} is not an Amicale data file (not a SQLite database)")


def create_private_file(path: Path) -> None:
    """Create an empty file readable by its owner only (the store holds personal data)."""
    path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    os.close(fd)


def make_private(path: Path) -> None:
    """Take away the group's and others' permissions; the owner's stay as they are."""
    with contextlib.suppress(OSError):
        mode = stat.S_IMODE(os.stat(path).st_mode)
        if mode & 0o077:
            os.chmod(path, mode & 0o700)


def configure_connection(dbapi_connection: sqlite3.Connection) -> None:
    """Per-connection set-up: run for every connection the engine opens."""
    # SQLAlchemy's documented fix for pysqlite: let SQLAlchemy emit BEGIN itself so that DDL
    # and rows share one real transaction.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    try:
        cursor.execute("PRAGMA foreign_keys = ON")
        cursor.execute("PRAGMA secure_delete = ON")
        cursor.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        cursor.execute("PRAGMA synchronous = NORMAL")
        cursor.execute("PRAGMA temp_store = MEMORY")
        cursor.execute("PRAGMA cache_size = -16384")  # 16 MB a connection; the OS caches too
    finally:
        cursor.close()
    dbapi_connection.create_function("amicale_fold", 1, fold, deterministic=True)


def enable_wal(dbapi_connection: sqlite3.Connection) -> None:
    """WAL is a property of the file: set once, when the file is created or upgraded."""
    dbapi_connection.execute("PRAGMA journal_mode = WAL")


def fold_sql(column: Any) -> Any:
    """SQL expression folding ``column`` the way app.text.fold does."""
    import sqlalchemy as sa

    return sa.func.amicale_fold(column)


_FTS_COLS = ", ".join(FTS_COLUMNS)
_NEW = ", ".join(f"new.{c}" for c in FTS_COLUMNS)
_OLD = ", ".join(f"old.{c}" for c in FTS_COLUMNS)

FTS_CREATE = (
    f"CREATE VIRTUAL TABLE member_fts USING fts5({_FTS_COLS}, content='member', "
    "content_rowid='id', tokenize='unicode61 remove_diacritics 2', prefix='1 2 3')"
)
FTS_TRIGGERS = (
    f"CREATE TRIGGER member_fts_ai AFTER INSERT ON member BEGIN "
    f"INSERT INTO member_fts(rowid, {_FTS_COLS}) VALUES (new.id, {_NEW}); END",
    f"CREATE TRIGGER member_fts_ad AFTER DELETE ON member BEGIN "
    f"INSERT INTO member_fts(member_fts, rowid, {_FTS_COLS}) VALUES ('delete', old.id, {_OLD}); "
    "END",
    f"CREATE TRIGGER member_fts_au AFTER UPDATE OF {_FTS_COLS} ON member BEGIN "
    f"INSERT INTO member_fts(member_fts, rowid, {_FTS_COLS}) VALUES ('delete', old.id, {_OLD}); "
    f"INSERT INTO member_fts(rowid, {_FTS_COLS}) VALUES (new.id, {_NEW}); END",
)
FTS_TRIGGER_NAMES = ("member_fts_ai", "member_fts_ad", "member_fts_au")


# FTS5 writes its pending terms out as a new segment every `hashsize` bytes (1 MB by default)
# and then merges segments; a large buffer for a bulk load halves its text indexing (the
# demo build measured 64 MB; for a 1M import 32 MB gave 7.8 s of text indexing against
# 6.7-7.1 s, in the second thread, for half the memory).
BULK_FTS_HASHSIZE = 32 << 20
FTS5_DEFAULT_HASHSIZE = 1 << 20
# Rows per text-indexing statement: FTS5 also writes a segment at the end of each statement,
# so small statements cost merges (1M imported members: 2,000 a statement 16.6 s, 100,000 7 s).
BULK_FTS_CHUNK = 100_000
# Page cache of a bulk load (KiB): the indexes being filled and the FTS merges stay in memory.
# (1M imported members: 64 MB is some 15% slower on the SQL side; 256 MB no faster than 128
# MB for the whole import, and 150 MB more at its peak, with the larger FTS buffer; 64 MB
# measured as fast as 128 MB for 300,000 rows on 2026-12-03, 70 MB less at the peak.)
BULK_CACHE_KIB = 65_536


class SearchBacklog:
    """Members inserted (ids above a watermark) but not yet in the full-text index.

    Members get ascending ids, so the backlog is one id range, indexed in one statement.
    """

    def __init__(self, dbapi_connection: sqlite3.Connection) -> None:
        self._conn = dbapi_connection
        self.indexed = self._max_id()  # every member up to this id is in the index

    def _max_id(self) -> int:
        return int(self._conn.execute("SELECT coalesce(max(id), 0) FROM member").fetchone()[0])

    def covers(self, member_id: int) -> bool:
        return member_id <= self.indexed

    def due(self, at_least: int) -> bool:
        return self._max_id() - self.indexed >= at_least

    def catch_up(self, at_least: int = 1) -> None:
        """Index the members inserted since the last call, if there are ``at_least`` ids."""
        last = self._max_id()
        if last - self.indexed >= at_least:
            self._conn.execute(
                f"INSERT INTO member_fts (rowid, {_FTS_COLS}) SELECT id, {_FTS_COLS} FROM member "
                "WHERE id > ? AND id <= ?",
                (self.indexed, last),
            )
            self.indexed = last


@contextlib.contextmanager
def bulk_inserts(dbapi_connection: sqlite3.Connection) -> Iterator[SearchBacklog]:
    """Inside a write transaction: members inserted in bulk are indexed for search in bulk.

    The per-row insert trigger is dropped (the update and delete ones stay, so changes to
    indexed rows are still mirrored); the caller calls ``catch_up`` on the backlog yielded
    here (every ``BULK_FTS_CHUNK`` rows, and before it updates a member the backlog does not
    cover yet). At the end the rest is indexed and the trigger is put back; a rollback puts
    it back too, since DDL is part of the transaction. Meanwhile the connection has a larger
    page cache and skips CHECK constraints: the caller inserts only rows valid by
    construction (the member CHECKs are on status and verification, which it leaves to
    their defaults). Changing that flag expires compiled statements, so no statement
    compiled here runs without the checks later.
    """
    (cache_size,) = dbapi_connection.execute("PRAGMA cache_size").fetchone()
    dbapi_connection.execute(f"PRAGMA cache_size = -{BULK_CACHE_KIB}")
    dbapi_connection.execute("PRAGMA ignore_check_constraints = ON")
    try:
        dbapi_connection.execute("DROP TRIGGER IF EXISTS member_fts_ai")
        hashsize = dbapi_connection.execute(
            "SELECT v FROM member_fts_config WHERE k = 'hashsize'"
        ).fetchone()
        _fts_hashsize(dbapi_connection, BULK_FTS_HASHSIZE)
        backlog = SearchBacklog(dbapi_connection)
        yield backlog
        backlog.catch_up()
        # Through FTS5 rather than its table, so that its in-memory copy is reset too.
        _fts_hashsize(dbapi_connection, hashsize[0] if hashsize else FTS5_DEFAULT_HASHSIZE)
        if hashsize is None:
            dbapi_connection.execute("DELETE FROM member_fts_config WHERE k = 'hashsize'")
        dbapi_connection.execute(FTS_TRIGGERS[0])
    finally:
        dbapi_connection.execute("PRAGMA ignore_check_constraints = OFF")
        dbapi_connection.execute(f"PRAGMA cache_size = {int(cache_size)}")


@contextlib.contextmanager
def temp_on_disk(dbapi_connection: sqlite3.Connection) -> Iterator[None]:
    """Around a whole transaction (SQLite refuses the change inside one): its temporary
    data on a file rather than in memory. The index builds after a bulk load sort a million
    keys; in memory (the connections' temp_store) they were the import's peak (1M rows:
    373 MB against 269 MB during the load). The store keeps no temporary tables, which the
    change would drop."""
    (before,) = dbapi_connection.execute("PRAGMA temp_store").fetchone()
    dbapi_connection.execute("PRAGMA temp_store = FILE")
    try:
        yield
    finally:
        dbapi_connection.execute(f"PRAGMA temp_store = {int(before)}")


def bulk_insert(
    dbapi_connection: sqlite3.Connection,
    table: str,
    columns: Sequence[str],
    rows: Iterable[Sequence[Any]],
    *,
    or_ignore: bool = False,
) -> int:
    """Insert ``rows`` (one value per column, in order) into ``table``; the rows inserted.

    The bulk path of an import: SQLite's executemany of one prepared statement (a
    PostgreSQL backend would COPY them). ``or_ignore`` skips rows that would break a unique
    key (a link already there) instead of failing.
    """
    verb = "INSERT OR IGNORE" if or_ignore else "INSERT"
    before = dbapi_connection.total_changes
    dbapi_connection.executemany(
        f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})",
        rows,
    )
    return dbapi_connection.total_changes - before


def drop_indexes(
    dbapi_connection: sqlite3.Connection, table: str, names: Sequence[str]
) -> list[str]:
    """Inside a write: drop those of the indexes ``names`` of ``table`` that exist; the
    statements that create them again (the migrations' own definitions), for
    ``run_ddl`` after a bulk load (a rollback brings them back as well)."""
    found = dbapi_connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? "
        f"AND name IN ({', '.join('?' * len(names))}) ORDER BY name",
        (table, *names),
    ).fetchall()
    for name, _ in found:
        dbapi_connection.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


def drop_triggers(dbapi_connection: sqlite3.Connection, names: Sequence[str]) -> list[str]:
    """As drop_indexes, for triggers (counters a bulk load recounts once at its end)."""
    found = dbapi_connection.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' "
        f"AND name IN ({', '.join('?' * len(names))}) ORDER BY name",
        tuple(names),
    ).fetchall()
    for name, _ in found:
        dbapi_connection.execute(f'DROP TRIGGER "{name}"')
    return [sql for _, sql in found]


def run_ddl(dbapi_connection: sqlite3.Connection, statements: Sequence[str]) -> None:
    """Put back, after a bulk load, what drop_indexes and drop_triggers took away."""
    for sql in statements:
        dbapi_connection.execute(sql)


def fts_purge(conn: Any) -> None:
    """Inside a write: merge the text index into one segment, which drops the words of the
    rows deleted from it (a deletion only marks them; an erasure must not leave a name in
    the index's pages). The whole index is rewritten: seconds at a million members."""
    conn.exec_driver_sql("INSERT INTO member_fts (member_fts) VALUES ('optimize')")


def checkpoint(dbapi_connection: sqlite3.Connection) -> None:
    """Copy the WAL into the file and empty it (after an erasure: the WAL keeps old pages)."""
    dbapi_connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")


def _fts_hashsize(dbapi_connection: sqlite3.Connection, size: int) -> None:
    with contextlib.suppress(sqlite3.OperationalError):  # a SQLite without it: just slower
        dbapi_connection.execute(
            "INSERT INTO member_fts (member_fts, rank) VALUES ('hashsize', ?)", (size,)
        )


def fts_phrase(tokens: list[str], prefix: bool = True) -> str:
    """An FTS5 phrase for already-folded tokens; quoted so user text is never syntax."""
    phrase = '"' + " ".join(t.replace('"', '""') for t in tokens) + '"'
    return phrase + ("*" if prefix else "")


# unicode61 folds accents but keeps the ligatures œ and æ, which app.text.fold spells out.
_LIGATURES = (("oe", "œ"), ("ae", "æ"))
MAX_SPELLINGS = 8


def _spellings(token: str) -> list[str]:
    spellings = [token]
    for plain, ligature in _LIGATURES:
        if plain in token:
            spellings += [s.replace(plain, ligature) for s in spellings]
    return spellings[:MAX_SPELLINGS]


def fts_match(column_filter: str, tokens: list[str], initial: bool = False) -> str:
    """``column_filter : phrase`` matching the tokens spelled either way ("lecoeur" finds
    "Lecœur"); ``initial`` anchors the phrase at the start of the column."""
    anchor = "^ " if initial else ""
    variants: list[list[str]] = [[]]
    for token in tokens:
        variants = [[*v, s] for v in variants for s in _spellings(token)][:MAX_SPELLINGS]
    phrases = [anchor + fts_phrase(v) for v in variants]
    body = phrases[0] if len(phrases) == 1 else "(" + " OR ".join(phrases) + ")"
    return f"{column_filter} : {body}"


def id_array(dbapi_connection: sqlite3.Connection, sql: str, params: tuple[Any, ...]) -> array[int]:
    """The integers of a one-column SELECT (its column named x), in its order, as an array.

    SQLite joins them into one string (group_concat over the ordered subquery keeps its
    order: SQLite does not flatten an ORDER BY subquery into an aggregate), which is parsed
    at C speed: about three times faster than a tuple per row.
    """
    row = dbapi_connection.execute(f"SELECT group_concat(x) FROM ({sql})", params)
    text = row.fetchone()[0]
    if not text:
        return array("q")
    return array("q", map(int, text.split(",")))


def connect_file(path: Path, key: str | None = None, *, readonly: bool = False) -> Any:
    """A bare connection to a store file (plain, or SQLCipher unlocked with ``key``)."""
    if key is not None:
        from app.store import cipher

        return cipher.connect(path, key, readonly=readonly, timeout=BUSY_TIMEOUT_MS / 1000)
    if readonly:
        return sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000)
    return sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000)


def _database_errors() -> tuple[type[BaseException], ...]:
    from app.store import cipher

    return cipher.database_errors()


def read_revision(path: Path, key: str | None = None) -> str | None:
    """The schema revision written in the file, read without changing anything.

    None for an empty (new) file. Raises NotAStoreError for a damaged or foreign file
    (PassphraseError for a wrong ``key``).
    """
    check_header(path, key)
    if path.stat().st_size == 0:
        return None
    try:
        conn = connect_file(path, key, readonly=True)
    except _database_errors() as exc:
        raise open_failure(path, exc) from exc
    try:
        tables = {
            row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        if not tables:
            return None
        if "alembic_version" not in tables:
            raise NotAStoreError(f"{path} is a SQLite database but not an Amicale data file")
        row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        return row[0] if row else None
    except _database_errors() as exc:
        raise open_failure(path, exc) from exc
    finally:
        conn.close()


def table_counts(conn: Any) -> dict[str, int]:
    """Row count of each ordinary table (used to verify a backup against its source)."""
    names = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'"
            " AND name NOT LIKE 'member_fts%' AND name NOT LIKE 'sqlite_%' ORDER BY name"
        )
    ]
    return {name: conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0] for name in names}


def backup_file(source: Path, target: Path, key: str | None = None) -> dict[str, int]:
    """Copy ``source`` to ``target`` with SQLite's online backup API, verified before it counts.

    The copy is written beside ``target`` under a temporary name, checked (``quick_check``,
    the row counts of its source), flushed to the disk and renamed over ``target``: an
    existing backup of that name survives a full disk or a crash. ``target`` is never the
    store itself or one of its files. The copy of an encrypted store is encrypted with the
    same ``key``. Returns the verified row counts; raises StoreError when the copy does not
    match.
    """
    from app import files

    expected: dict[str, int] = {}
    actual: dict[str, int] = {}

    def verify(copy: Path) -> None:
        check = connect_file(copy, key, readonly=True)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
            actual.update(table_counts(check))
            tables = {
                r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type='table'")
            }
        finally:
            check.close()
        if ok != "ok" or actual != expected or "alembic_version" not in tables:
            raise StoreError(f"the backup {target} does not match its source; it was not kept")

    with files.atomic_output(target, store=source, verify=verify) as copy:
        # A backup is a single file: no WAL beside it to lose when it is copied.
        expected.update(_copy_pages(source, copy, "DELETE", key))
    return actual


def _copy_pages(
    source: Path, target: Path, journal_mode: str, key: str | None = None
) -> dict[str, int]:
    """``source`` copied into ``target`` page by page (SQLite's backup API), left in
    ``journal_mode``; the row counts of the source as copied."""
    src = connect_file(source, key, readonly=True)
    try:
        dst = connect_file(target, key)
        try:
            src.backup(dst)
            dst.execute(f"PRAGMA journal_mode = {journal_mode}")
        finally:
            dst.close()
        return table_counts(src)
    finally:
        src.close()


def integrity_problems(dbapi_connection: sqlite3.Connection) -> list[str]:
    """Everything `amicale check` reports: SQLite's own check, foreign keys, the text index."""
    problems = [
        row[0] for row in dbapi_connection.execute("PRAGMA integrity_check") if row[0] != "ok"
    ]
    problems += [
        f"foreign key: {table} row {rowid} points to a missing {parent}"
        for table, rowid, parent, _ in dbapi_connection.execute("PRAGMA foreign_key_check")
    ]
    try:
        dbapi_connection.execute(
            "INSERT INTO member_fts(member_fts, rank) VALUES ('integrity-check', 1)"
        )
    except _database_errors() as exc:
        from app import failures

        if not failures.is_damage(exc):
            known = failures.explain(exc)  # busy under another writer: not a problem found
            if known is not None:
                raise known from exc
        problems.append(f"search index: {exc}")
    return problems


def restore_file(source: Path, target: Path, key: str | None = None) -> None:
    """Replace the content of ``target`` with ``source`` (SQLite backup API, page by page);
    an encrypted backup (``key``) gives an encrypted store."""
    if not target.exists():
        create_private_file(target)
    _copy_pages(source, target, "WAL", key)
    make_private(target)


# The duplicate finder's groups of members sharing a class year and a name, each with
# its ids and phones (app.members.dedup). Core cannot say NOT INDEXED. Without it SQLite
# walks ix_member_promo (to avoid a sort) with a row lookup per member: 3.7 s at 1,000,000
# members instead of 1.7 s reading the table in order. SQLite steps both group_concat over
# the same rows, so the two lists line up.
NAME_GROUPS_SQL = (
    "SELECT promo, sort_name, group_concat(id), group_concat(coalesce(phone, ''), char(30)) "
    "FROM member NOT INDEXED GROUP BY promo, sort_name"
)


# A list of ids as one JSON parameter, in raw SQL of the driver (postgres.py has its twin).
JSON_IDS = "SELECT value FROM json_each(?)"


def convert(path: Path, old_key: str | None, new_key: str | None) -> dict[str, int]:
    """Rewrite the store at ``path`` encrypted with ``new_key`` (None: plain), reading it
    with ``old_key`` (None: plain); returns the verified row counts. The store must be
    closed (no other program using it).

    The converted copy is written beside it with SQLCipher's ``sqlcipher_export``, verified
    (integrity, every table's rows, opened with its passphrase), flushed, and only then
    renamed over the original; on any failure the original is left as it was.
    """
    from app import files
    from app.store import cipher

    sqlcipher = cipher.module()
    source = cipher.connect(path, old_key) if old_key else sqlcipher.connect(str(path))
    try:
        # The WAL folded into the file first: the copy reads one consistent file.
        source.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        expected = table_counts(source)
    finally:
        source.close()
    actual: dict[str, int] = {}

    def verify(copy: Path) -> None:
        check = cipher.connect(copy, new_key, readonly=True) if new_key else sqlite3.connect(copy)
        try:
            ok = check.execute("PRAGMA quick_check").fetchone()[0]
            actual.update(table_counts(check))
        finally:
            check.close()
        if ok != "ok" or actual != expected:
            raise StoreError(f"the converted copy of {path} does not match it; nothing changed")

    with files.atomic_output(path.with_name(path.name + ".converted"), verify=verify) as tmp:
        conn = cipher.connect(path, old_key) if old_key else sqlcipher.connect(str(path))
        try:
            target, key = cipher.quoted(str(tmp)), cipher.quoted(new_key or "")
            conn.execute(f"ATTACH DATABASE {target} AS converted KEY {key}")
            conn.execute("SELECT sqlcipher_export('converted')")
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            conn.execute(f"PRAGMA converted.user_version = {int(version)}")
            conn.execute("DETACH DATABASE converted")
        finally:
            conn.close()
        make_private(tmp)
    converted = path.with_name(path.name + ".converted")
    for extra in ("-wal", "-shm"):  # the plain file's, empty after the checkpoint
        Path(f"{path}{extra}").unlink(missing_ok=True)
    os.replace(converted, path)
    return actual
