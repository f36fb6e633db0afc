"""Failures that are not bugs, said in one sentence; the others logged without personal data.

qutebrowser's split: a full disk, a store another program holds locked, a read-only disk or
a permission refused are "known" — `explain` turns them into an AmicaleError the command
line prints on one line and the window shows as it is (the message is translated). Only
SQLite's own corruption codes are called damage. Anything else is a bug: `log_crash`
writes its traceback to ``crash.log`` (0600, kept under ``MAX_LOG_BYTES`` by rotation),
with the exception messages stripped of what they quote and of SQL parameters.
"""

from __future__ import annotations

import errno
import os
import re
import sqlite3
import traceback
from datetime import UTC, datetime
from pathlib import Path

from app.errors import AmicaleError, NotAStoreError, StoreError
from app.messages import QT_TRANSLATE_NOOP, Message

T_DISK_FULL = QT_TRANSLATE_NOOP(
    "Messages", "the disk is full: free some space, then try again (nothing was saved)"
)
T_BUSY = QT_TRANSLATE_NOOP(
    "Messages", "the data file is busy: another program is writing to it; try again in a moment"
)
T_READ_ONLY = QT_TRANSLATE_NOOP(
    "Messages", "the data file or its disk is read-only: Amicale cannot write to it"
)
T_PERMISSION = QT_TRANSLATE_NOOP("Messages", "permission denied: Amicale may not read or write {0}")
T_PERMISSION_ANY = QT_TRANSLATE_NOOP(
    "Messages", "permission denied: Amicale may not read or write the file it needs"
)
T_IO = QT_TRANSLATE_NOOP(
    "Messages", "the disk could not be read or written (input/output error): check the disk"
)
T_DAMAGED = QT_TRANSLATE_NOOP(
    "Messages", "the data file is damaged: restore a backup (amicale restore FILE)"
)
T_INTERNAL = QT_TRANSLATE_NOOP("Messages", "internal error ({0}); the details are in {1}")
T_INTERNAL_NO_LOG = QT_TRANSLATE_NOOP("Messages", "internal error ({0})")

_SQLITE_FULL = {sqlite3.SQLITE_FULL}
_SQLITE_BUSY = {sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED}
_SQLITE_READ_ONLY = {sqlite3.SQLITE_READONLY}
_SQLITE_PERMISSION = {sqlite3.SQLITE_PERM, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_AUTH}
_SQLITE_DAMAGE = {sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB}
_SQLITE_IO = {sqlite3.SQLITE_IOERR}

MAX_LOG_BYTES = 256 * 1024  # crash.log is rotated to crash.log.1 beyond this
MAX_FRAMES = 40
MAX_MESSAGE = 300


def _chain(exc: BaseException) -> list[BaseException]:
    """``exc``, the driver's error SQLAlchemy wraps, and their causes, each once."""
    seen: list[BaseException] = []
    todo: list[BaseException | None] = [exc]
    while todo:
        current = todo.pop(0)
        if current is None or any(current is s for s in seen) or len(seen) > 20:
            continue
        seen.append(current)
        todo += [getattr(current, "orig", None), current.__cause__, current.__context__]
    return [e for e in seen if isinstance(e, BaseException)]


def _sqlite_code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF  # the primary code of an extended one
    if isinstance(exc, sqlite3.DatabaseError):  # an older sqlite3 module: by its text
        text = str(exc).lower()
        for words, primary in (
            ("database or disk is full", sqlite3.SQLITE_FULL),
            ("database is locked", sqlite3.SQLITE_BUSY),
            ("readonly database", sqlite3.SQLITE_READONLY),
            ("unable to open database", sqlite3.SQLITE_CANTOPEN),
            ("disk i/o error", sqlite3.SQLITE_IOERR),
            ("malformed", sqlite3.SQLITE_CORRUPT),
            ("file is not a database", sqlite3.SQLITE_NOTADB),
        ):
            if words in text:
                return primary
    return None


def _from_os(exc: OSError, near: Path | None) -> AmicaleError | None:
    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return StoreError(Message(T_DISK_FULL))
    if exc.errno == errno.EROFS:
        return StoreError(Message(T_READ_ONLY))
    if exc.errno in (errno.EACCES, errno.EPERM):
        if exc.filename:
            return StoreError(Message(T_PERMISSION, str(exc.filename)))
        return StoreError(Message(T_PERMISSION_ANY))
    if exc.errno == errno.EIO:
        return StoreError(Message(T_DISK_FULL if _disk_full(near) else T_IO))
    return None


FULL_BELOW = 1 << 20  # free bytes under which an input/output error means a full disk


def _disk_full(near: Path | None) -> bool:
    """SQLite reports a full disk as an I/O error when its -shm cannot grow, or a copy of
    the store cannot be written: less free space than a megabyte or than the store is
    taken to be the cause."""
    if near is None:
        return False
    try:
        info = os.statvfs(Path(near).parent)
        size = Path(near).stat().st_size if Path(near).exists() else 0
    except (OSError, AttributeError):  # no statvfs on Windows
        return False
    return info.f_bavail * info.f_frsize < max(FULL_BELOW, size)


def explain(exc: BaseException, near: Path | None = None) -> AmicaleError | None:
    """The known failure behind ``exc`` as one sentence, or None when it is a bug.

    ``near``: the store (or file) being used, whose disk tells an I/O error from a full disk.
    """
    for link in _chain(exc):
        if isinstance(link, AmicaleError):
            return link
        if isinstance(link, OSError):
            known = _from_os(link, near)
            if known is not None:
                return known
        if type(link).__name__ == "InsufficientPrivilege":  # psycopg: the server's roles
            return StoreError(Message(T_NOT_ALLOWED, _denied_object(link)))
        if type(link).__module__.startswith("psycopg") and type(link).__name__ in (
            "OperationalError",
            "AdminShutdown",
        ):  # the network or the server went away
            return StoreError(Message(T_SERVER_GONE, str(link).strip().splitlines()[0]))
        code = _sqlite_code(link)
        if code in _SQLITE_FULL:
            return StoreError(Message(T_DISK_FULL))
        if code in _SQLITE_BUSY:
            return StoreError(Message(T_BUSY))
        if code in _SQLITE_READ_ONLY:
            return StoreError(Message(T_READ_ONLY))
        if code in _SQLITE_PERMISSION:
            return StoreError(Message(T_PERMISSION_ANY))
        if code in _SQLITE_DAMAGE:
            return NotAStoreError(Message(T_DAMAGED))
        if code in _SQLITE_IO:
            return StoreError(Message(T_DISK_FULL if _disk_full(near) else T_IO))
    return None


T_SERVER_GONE = QT_TRANSLATE_NOOP(
    "Messages", "the team server cannot be reached ({0}); nothing was written, try again"
)
T_NOT_ALLOWED = QT_TRANSLATE_NOOP(
    "Messages",
    "your role in this team does not allow this change ({0}); ask the team's administrator",
)


def _denied_object(exc: BaseException) -> str:
    """What the server refused ("table member"), from its message."""
    match = re.search(r"permission denied for (\w+ [\w.]+)", str(exc))
    return match.group(1) if match else "permission denied"


def is_damage(exc: BaseException) -> bool:
    """SQLite itself says the file is corrupt or not a database (nothing else is damage)."""
    return any(_sqlite_code(link) in _SQLITE_DAMAGE for link in _chain(exc))


# --- the crash log ----------------------------------------------------------------------------

_QUOTED = re.compile(r"'[^']*'|\"[^\"]*\"|«[^»]*»")
_SQLALCHEMY_TAIL = re.compile(r"\s*\[(?:SQL|parameters):.*", re.DOTALL)
_DIGITS = re.compile(r"\d{4,}")


def scrub(message: str) -> str:
    """An exception's message without what it may quote of the user's data."""
    message = _SQLALCHEMY_TAIL.sub("", message)
    message = _SQLALCHEMY_TAIL.sub("", message.split("\n(Background on this error", 1)[0])
    message = _QUOTED.sub("'…'", message)
    message = _DIGITS.sub("…", message)
    message = " ".join(message.split())
    return message[:MAX_MESSAGE] + ("…" if len(message) > MAX_MESSAGE else "")


def crash_report(exc: BaseException) -> str:
    """The traceback of ``exc`` (and of what caused it): frames and scrubbed messages."""
    parts: list[str] = []
    current: BaseException | None = exc
    depth = 0
    while current is not None and depth < 5:
        frames = traceback.extract_tb(current.__traceback__)[-MAX_FRAMES:]
        orig = getattr(current, "orig", None)
        shown = orig if isinstance(orig, BaseException) else current
        lines = ["Traceback (most recent call last):\n", *traceback.format_list(frames)]
        name = type(current).__name__
        if shown is not current:
            name += f" ({type(shown).__name__})"
        lines.append(f"{name}: {scrub(str(shown))}\n")
        parts.insert(0, "".join(lines))
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
        depth += 1
    return "\nwhich led to:\n".join(parts)


def log_crash(exc: BaseException, folder: Path, version: str) -> Path | None:
    """Append the report of ``exc`` to ``folder``/crash.log (0600, rotated); its path."""
    path = folder / "crash.log"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        try:
            if path.stat().st_size > MAX_LOG_BYTES:
                older = path.with_name("crash.log.1")
                os.replace(path, older)
                os.chmod(older, 0o600)
        except FileNotFoundError:
            pass
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        try:
            os.fchmod(fd, 0o600)  # an older log may have been created 0644
            entry = f"--- {datetime.now(UTC).isoformat()} amicale {version}\n"
            entry += crash_report(exc)
            os.write(fd, entry.encode("utf-8", "replace")[: MAX_LOG_BYTES // 2])
        finally:
            os.close(fd)
    except OSError:
        return None
    return path


def internal_error(exc: BaseException, log: Path | None) -> Message:
    """The one line said about a bug: its kind and where its details are."""
    if log is None:
        return Message(T_INTERNAL_NO_LOG, type(exc).__name__)
    return Message(T_INTERNAL, type(exc).__name__, str(log))
