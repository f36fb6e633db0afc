"""Opening the store: checks, backup-before-upgrade, migrations, then an engine.

Order matters: a file is inspected read-only first, so that a damaged file or one written by
a newer Amicale is refused without a single byte changed.
"""

from __future__ import annotations

import contextlib
import logging
import os
import stat
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event

from app import clock
from app.errors import NotAStoreError, StoreError, StoreTooNewError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import address, cipher, portable, roles, sqlite  # noqa: F401 (portable: its compilers)
from app.store.schema import SCHEMA_HEAD

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class OpenReport:
    """What happened while opening: shown in the status bar and logged."""

    created: bool
    upgraded_from: str | None
    backup: Path | None


class Store:
    """An open store. `read()` and `write()` hand out connections in a transaction.

    Reads begin DEFERRED, so searches in a worker never block the writer; writes begin
    IMMEDIATE and are serialised in-process, so two writers never deadlock on upgrade.
    """

    def __init__(
        self,
        path: Path,
        engine: sa.Engine,
        report: OpenReport,
        url: sa.URL | None = None,
        key: str | None = None,
        replica_of: str | None = None,
    ) -> None:
        # A team store has no file: ``path`` is then a name in the user's data folder that
        # what is kept beside a store (attachments, autosaved drafts) is placed next to.
        self.path = path
        self.engine = engine
        self.report = report
        self.url = url
        # The passphrase of an encrypted store (None: a plain one): its backups use it too.
        self.key = key
        # A replica (`team clone`): its server's address (without password); its edits go
        # into the outbox too (app/sync.py).
        self.replica_of = replica_of
        self._write_lock = threading.Lock()
        self._local = threading.local()
        # Bumped after every committed write from this process: caches derived from the
        # store (the member order) compare it to know they are stale.
        self.generation = 0
        # A team store's role (app.store.roles.current_role), asked of the server once.
        self.role_cache: str | None = None

    @contextlib.contextmanager
    def read(self) -> Iterator[sa.Connection]:
        with (
            self._refusals(),
            self.engine.connect().execution_options(amicale_begin="DEFERRED") as conn,
            conn.begin(),
        ):
            yield conn

    @contextlib.contextmanager
    def write(self, *, bulk: bool = False) -> Iterator[sa.Connection]:
        """A write transaction; ``bulk`` for a load of many rows (its index builds sort on
        a temporary file rather than in memory: sqlite.temp_on_disk)."""
        with self._write_lock, self._refusals():
            with self.engine.connect() as conn:
                raw: Any = conn.connection.dbapi_connection
                on_disk = bulk and not self.is_team  # (the server sorts where it likes)
                with (
                    sqlite.temp_on_disk(raw) if on_disk else contextlib.nullcontext(),
                    conn.begin(),
                ):
                    yield conn
                    joined = getattr(self._local, "joined", None)
                    if joined is not None:
                        self._local.joined = None
                        joined(conn)
            self.generation += 1

    @contextlib.contextmanager
    def _refusals(self) -> Iterator[None]:
        """The one place where the server's "permission denied" (a GRANT or a row-level
        security policy the person's role lacks) becomes a sentence naming the role."""
        try:
            yield
        except Exception as exc:  # SQLAlchemy's wrapper, or psycopg's own on a raw cursor
            if not self.is_team or not roles.is_refusal(exc):
                raise
            raise roles.refusal(self, exc) from exc

    @contextlib.contextmanager
    def joining(self, hook: Callable[[sa.Connection], None]) -> Iterator[Callable[[], bool]]:
        """Runs ``hook`` inside the next write transaction of this thread, just before it
        commits: what the sync records about an operation (its outbox row, its applied id)
        is then written with the operation's own changes, or not at all. Yields a function
        telling whether the hook ran (the operation wrote nothing when it did not)."""
        self._local.joined = hook
        try:
            yield lambda: getattr(self._local, "joined", None) is None
        finally:
            self._local.joined = None

    @property
    def is_team(self) -> bool:
        """On a PostgreSQL server shared by a team (else one person's SQLite file)."""
        return self.url is not None

    @property
    def engine_name(self) -> str:
        return self.engine.dialect.name

    @property
    def address(self) -> str:
        """What reopens this store: ``--db``'s value (the password, if any, included)."""
        if self.url is None:
            return str(self.path)
        return self.url.render_as_string(hide_password=False)

    def describe(self) -> str:
        """Where the store is, for messages: the file, or user@host/database (no password)."""
        if self.url is None:
            return str(self.path)
        return address.display(self.url)

    def require_file(self, what: Message) -> None:
        """Refuse, in one sentence, work that team mode does not do yet (``what``: e.g.
        "an import")."""
        if self.is_team:
            raise StoreError(Message(T_NOT_ON_A_SERVER, what, self.describe()))

    def checkpoint(self) -> None:
        """Empty the WAL into the file (its old pages may hold what was just erased)."""
        if self.is_team:
            return  # the server keeps its own log; nothing of it lives on this laptop
        with self._write_lock, self.engine.connect() as conn:
            raw = conn.connection.dbapi_connection
            assert raw is not None
            sqlite.checkpoint(raw)  # type: ignore[arg-type]

    def close(self) -> None:
        self.engine.dispose()


def _make_engine(path: Path, key: str | None = None) -> sa.Engine:
    # LIFO: the connection just returned is the next one handed out, so the member list's page
    # reads keep one warm page cache instead of filling the caches of all four in turn.
    pooling: dict[str, Any] = {"pool_size": 4, "max_overflow": 4, "pool_use_lifo": True}
    if key is None:
        engine = sa.create_engine(f"sqlite:///{path}", **pooling)
    else:
        from app.store import cipher

        engine = sa.create_engine(
            cipher.engine_url(path, key),
            module=cipher.module(),
            poolclass=sa.pool.QueuePool,  # the dialect's default is one connection a thread
            connect_args={"check_same_thread": False},
            **pooling,
        )

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: Any, _record: Any) -> None:
        if key is not None:
            cipher.quiet(dbapi_connection)
        sqlite.configure_connection(dbapi_connection)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: sa.Connection) -> None:
        mode = conn.get_execution_options().get("amicale_begin", "IMMEDIATE")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine


def backup_path_for(path: Path, revision: str) -> Path:
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.before-{revision}-{stamp}.sqlite3")


T_NOT_ON_A_SERVER = QT_TRANSLATE_NOOP(
    "Messages",
    "{0} is not possible yet in a team directory ({1}): do it in a data file, then copy "
    "it to the server",
)
T_READ_ONLY = QT_TRANSLATE_NOOP(
    "Messages",
    "{0} is read-only: Amicale writes to its data file; make it writable or open a copy of it",
)
T_FOLDER_READ_ONLY = QT_TRANSLATE_NOOP(
    "Messages",
    "the folder of {0} is read-only: Amicale needs to write beside its data file; "
    "move it to a folder you can write to",
)
T_NOT_A_FILE = QT_TRANSLATE_NOOP(
    "Messages", "{0} is not an ordinary file (a device, a pipe or a socket), not a data file"
)


def _check_writable(path: Path) -> None:
    """Refuse, without changing a byte or a permission, a store Amicale could not write.

    The owner's write bit is looked at as well as ``access()``: the superuser may write to a
    file whose mode says read-only, and its owner meant it to stay so.
    """
    try:
        info = os.stat(path)
    except OSError as exc:
        raise StoreError(f"cannot read {path}: {exc.strerror}") from exc
    if stat.S_ISDIR(info.st_mode):
        raise NotAStoreError(f"{path} is a folder, not an Amicale data file")
    if not stat.S_ISREG(info.st_mode):
        raise NotAStoreError(Message(T_NOT_A_FILE, str(path)))
    if not info.st_mode & stat.S_IWUSR or not os.access(path, os.W_OK):
        raise StoreError(Message(T_READ_ONLY, str(path)))
    folder = path.parent
    wal = Path(f"{path}-wal")
    if not os.access(folder, os.W_OK | os.X_OK) and not wal.exists():
        raise StoreError(Message(T_FOLDER_READ_ONLY, str(path)))


def open_store(
    target: Path | str | sa.URL, *, migrate: bool = True, passphrase: str | None = None
) -> Store:
    """Open the store at ``target`` (a file, created if needed, or a ``postgresql://`` team
    server) and bring its schema up to date.

    An encrypted store needs its ``passphrase``: without it, or with a wrong one,
    PassphraseError, and the file is not changed. A plain store ignores it.
    """
    where = address.locate(target)
    if isinstance(where, sa.URL):
        from app.store import server

        engine, revision, anchor = server.open_server(where, migrate=migrate)
        return Store(anchor, engine, OpenReport(revision is None, revision, None), url=where)
    return _open_file(where, migrate=migrate, passphrase=passphrase)


def _open_file(path: Path, *, migrate: bool, passphrase: str | None) -> Store:
    created = not path.exists()
    if created:
        try:
            sqlite.create_private_file(path)
        except OSError as exc:
            raise StoreError(f"cannot create {path}: {exc.strerror}") from exc
    else:
        _check_writable(path)
    key: str | None = None
    if not created and cipher.is_encrypted(path):
        if not passphrase:
            raise cipher.PassphraseError(Message(cipher.T_ENCRYPTED, str(path)))
        key = passphrase
    revision = sqlite.read_revision(path, key)
    sqlite.make_private(path)

    backup: Path | None = None
    if revision is not None and revision != SCHEMA_HEAD:
        from app.store import migrations

        if not migrations.is_known(revision):
            raise StoreTooNewError(
                f"{path} was written by a newer version of Amicale (schema {revision}); "
                "update Amicale to open it. The file was not changed."
            )
        backup = backup_path_for(path, revision)
        sqlite.backup_file(path, backup, key)
        log.info("backed up %s to %s before upgrading from %s", path, backup, revision)

    engine = _make_engine(path, key)
    try:
        with engine.connect() as conn:
            sqlite.enable_wal(conn.connection.dbapi_connection)  # type: ignore[arg-type]
        if revision != SCHEMA_HEAD:
            if not migrate:
                raise StoreError(f"{path} needs an upgrade (schema {revision or 'empty'})")
            from app.store import migrations

            migrations.upgrade(engine)
    except sa.exc.DatabaseError as exc:
        engine.dispose()
        raise sqlite.open_failure(path, exc) from exc
    except BaseException:
        engine.dispose()
        raise
    report = OpenReport(created, revision if backup else None, backup)
    return Store(path, engine, report, key=key, replica_of=_replica_of(engine))


def _replica_of(engine: sa.Engine) -> str | None:
    """The server a replica (`team clone`) follows; None for an ordinary file."""
    from app.store.schema import replica

    with engine.connect().execution_options(amicale_begin="DEFERRED") as conn:
        return conn.execute(sa.select(replica.c.server_url).where(replica.c.id == 1)).scalar()
