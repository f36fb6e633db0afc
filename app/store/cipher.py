"""Stores encrypted at rest with SQLCipher (the optional ``sqlcipher3`` module).

An encrypted store is the same SQLite database, every page encrypted with a key derived from
the CM's passphrase: a lost laptop leaks nothing. Everything here is SQLite-only, behind small
functions, as in `app.store.sqlite`.

`app.store.sqlite.convert` turns a store into its encrypted (or plain) twin in place.
"""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from types import ModuleType
from typing import Any

from app.errors import AmicaleError, NotAStoreError
from app.messages import QT_TRANSLATE_NOOP, Message

# The environment variable the command line reads the passphrase from (DESIGN.md §7).
PASSPHRASE_VARIABLE = "AMICALE_PASSPHRASE"
SQLITE_HEADER = b"SQLite format 3\x00"

T_NEEDS_MODULE = QT_TRANSLATE_NOOP(
    "Messages",
    "encrypted stores need the sqlcipher3 module (pip install 'amicale[encryption]')",
)
T_ENCRYPTED = QT_TRANSLATE_NOOP(
    "Messages",
    "{0} is encrypted (or not an Amicale data file): give its passphrase "
    "(AMICALE_PASSPHRASE); the file was not changed",
)
T_WRONG = QT_TRANSLATE_NOOP(
    "Messages",
    "wrong passphrase for {0} (or not an Amicale data file); the file was not changed",
)
T_EMPTY = QT_TRANSLATE_NOOP("Messages", "a passphrase cannot be empty")


class PassphraseError(NotAStoreError):
    """The store is encrypted and no passphrase, or a wrong one, was given."""


def module() -> ModuleType:
    try:
        import sqlcipher3.dbapi2 as found
    except ImportError:
        raise AmicaleError(Message(T_NEEDS_MODULE)) from None
    module_: ModuleType = found
    return module_


def available() -> bool:
    try:
        module()
    except AmicaleError:
        return False
    return True


def database_errors() -> tuple[type[BaseException], ...]:
    """The DatabaseError classes a connection may raise: sqlite3's, and SQLCipher's."""
    found: list[type[BaseException]] = [sqlite3.DatabaseError]
    with contextlib.suppress(AmicaleError):
        found.append(module().DatabaseError)
    return tuple(found)


def is_encrypted(path: Path) -> bool:
    """A non-empty file that does not start with SQLite's header: encrypted, or foreign."""
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except OSError:
        return False
    return bool(head) and head != SQLITE_HEADER


def quoted(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def check_passphrase(passphrase: str) -> str:
    if not passphrase:
        raise AmicaleError(Message(T_EMPTY))
    return passphrase


def connect(path: Path, key: str, *, readonly: bool = False, timeout: float = 5.0) -> Any:
    """A SQLCipher connection to ``path`` unlocked with ``key`` (checked: a wrong key raises
    PassphraseError before anything is written)."""
    sqlcipher = module()
    target = f"file:{path}?mode=ro" if readonly else f"file:{path}"
    conn = sqlcipher.connect(target, uri=True, timeout=timeout, check_same_thread=False)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")  # its own log goes to stderr
        conn.execute(f"PRAGMA key = {quoted(key)}")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlcipher.DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc):
            raise PassphraseError(Message(T_WRONG, str(path))) from None
        raise
    return conn


def quiet(dbapi_connection: Any) -> None:
    """SQLCipher logs its errors on stderr itself: the command line says one line."""
    dbapi_connection.execute("PRAGMA cipher_log_level = NONE")


def engine_url(path: Path, key: str) -> Any:
    """SQLAlchemy's pysqlcipher dialect: it unlocks each connection it opens with ``key``."""
    import sqlalchemy as sa

    return sa.engine.URL.create("sqlite+pysqlcipher", password=key, database=str(path))
