"""Opening a team store on a PostgreSQL server: connect, check, migrate.

The same Alembic history as the SQLite file runs here (the migrations branch where the
engines differ). A server that cannot be reached, a wrong password, a database written by a
newer Amicale: each is refused with one sentence, before anything is written.
"""

from __future__ import annotations

import contextlib
import logging
import uuid
from pathlib import Path

import sqlalchemy as sa

from app.errors import StoreError, StoreTooNewError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import address
from app.store.schema import SCHEMA_HEAD

log = logging.getLogger(__name__)

KEYRING_SERVICE = "amicale-team"
# This process's name on the server (application_name): the change feed skips its own.
SESSION = f"Amicale {uuid.uuid4().hex[:12]}"
CONNECT_TIMEOUT_S = 5

T_UNREACHABLE = QT_TRANSLATE_NOOP("Messages", "cannot reach the team server {0}: {1}")
T_REFUSED = QT_TRANSLATE_NOOP("Messages", "the team server {0} refused the connection: {1}")
T_TOO_NEW = QT_TRANSLATE_NOOP(
    "Messages",
    "the team directory {0} was written by a newer version of Amicale (schema {1}); "
    "update Amicale to open it. Nothing was changed.",
)


def keyring_account(url: sa.URL) -> str:
    """The keyring entry of a server's password: one per user, server and database."""
    return address.display(url.set(password=None))


def stored_password(url: sa.URL) -> str | None:
    """The password the person chose to keep in the system keyring, if any."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, keyring_account(url))
    except Exception:  # no keyring on this machine (a server, CI): just none kept
        return None


def remember_password(url: sa.URL, password: str) -> bool:
    """Keep ``password`` in the keyring; False when the machine has no keyring."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, keyring_account(url), password)
        return True
    except Exception:
        return False


def remember_password_for(text: str, password: str) -> bool:
    """``remember_password`` for an address as typed."""
    where = address.locate(text)
    return isinstance(where, sa.URL) and remember_password(where, password)


def anchor_path(url: sa.URL) -> Path:
    """The local name a team store's side files hang from (attachments, drafts)."""
    from app.paths import default_db_path

    name = f"{url.host}-{url.port or 5432}-{url.database}".replace("/", "_")
    return default_db_path().parent / "teams" / f"{name}.team"


def _first_line(exc: BaseException) -> str:
    orig = getattr(exc, "orig", None) or exc
    text = str(orig).strip().splitlines()
    return text[0] if text else type(orig).__name__


def with_stored_password(url: sa.URL) -> sa.URL:
    """``url`` with the keyring's password when it has none of its own."""
    if url.password is None:
        password = stored_password(url)
        if password is not None:
            return url.set(password=password)
    return url


def make_engine(url: sa.URL) -> sa.Engine:
    url = with_stored_password(url)
    return sa.create_engine(
        url,
        pool_size=4,
        max_overflow=4,
        pool_pre_ping=True,  # a connection the network dropped is replaced, not handed out
        # The services read how many rows an INSERT … SELECT added (SQLite's driver always
        # says; psycopg's only when asked to keep it).
        execution_options={"preserve_rowcount": True},
        connect_args={"connect_timeout": CONNECT_TIMEOUT_S, "application_name": SESSION},
    )


def read_revision(conn: sa.Connection) -> str | None:
    if not sa.inspect(conn).has_table("alembic_version"):
        return None
    return conn.execute(sa.text("SELECT version_num FROM alembic_version")).scalar()


def open_server(url: sa.URL, *, migrate: bool = True) -> tuple[sa.Engine, str | None, Path]:
    """Connect to the team store at ``url`` and migrate it: the engine, the schema revision
    it had (None for a new one) and the local name its side files hang from."""
    from app.store import migrations

    shown = address.display(url)
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            revision = read_revision(conn)
    except sa.exc.OperationalError as exc:
        engine.dispose()
        reason = _first_line(exc)
        template = (
            T_REFUSED if "authentication" in reason or "password" in reason else (T_UNREACHABLE)
        )
        raise StoreError(Message(template, shown, reason)) from exc
    if revision is not None and revision != SCHEMA_HEAD and not migrations.is_known(revision):
        engine.dispose()
        raise StoreTooNewError(Message(T_TOO_NEW, shown, revision))
    try:
        if revision != SCHEMA_HEAD:
            if not migrate:
                raise StoreError(f"{shown} needs an upgrade (schema {revision or 'empty'})")
            migrations.upgrade(engine)
            log.info("team directory %s migrated from %s", shown, revision or "empty")
    except BaseException:
        engine.dispose()
        raise
    anchor = anchor_path(url)
    with contextlib.suppress(OSError):
        anchor.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    return engine, revision, anchor
