"""The files Amicale reads and writes besides its store: checked first, written whole.

One place for the rules every command and the window follow:

- an output is never the open store, one of its companion files (``-wal``, ``-shm``,
  ``-journal``) or the file being read: compared by inode (``os.path.samefile``), and by
  name for a companion that does not exist yet;
- an output is a new path or an existing regular file, never a device, a pipe or a socket
  (``/dev/full`` stays a device); an input is a regular file (a FIFO or ``/dev/zero`` would
  make the reader wait or read forever);
- an output is written to a temporary file in its own folder, checked, flushed to the disk
  (``fsync``) and only then renamed over the old file (``os.replace``, atomic): a full disk,
  a crash or a kill leaves the previous file as it was.
"""

from __future__ import annotations

import contextlib
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message

COMPANIONS = ("-wal", "-shm", "-journal")

T_IS_STORE = QT_TRANSLATE_NOOP(
    "Messages", "{0} is the data file in use (or one of its own files): choose another file"
)
T_IS_INPUT = QT_TRANSLATE_NOOP("Messages", "{0} is the file being read: choose another file")
T_NOT_REGULAR_OUT = QT_TRANSLATE_NOOP(
    "Messages", "{0} is not an ordinary file (a device, a pipe or a socket): choose a file"
)
T_NOT_REGULAR_IN = QT_TRANSLATE_NOOP(
    "Messages", "{0} is not an ordinary file (a device, a pipe or a socket): it cannot be read"
)
T_FOLDER = QT_TRANSLATE_NOOP("Messages", "{0} is a folder, not a file")
T_CANNOT_READ = QT_TRANSLATE_NOOP("Messages", "cannot read {0}: {1}")
T_CANNOT_WRITE = QT_TRANSLATE_NOOP("Messages", "cannot write {0}: {1}")


def cannot_write(path: Path, exc: OSError) -> AmicaleError:
    return AmicaleError(Message(T_CANNOT_WRITE, str(path), exc.strerror or str(exc)))


def _same_inode(a: Path, b: Path) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:  # one of them does not exist (or cannot be looked at)
        return False


def _resolved(path: Path) -> Path:
    try:
        return Path(path).resolve()
    except OSError:
        return Path(os.path.abspath(path))


def is_store_file(path: Path, store: Path) -> bool:
    """``path`` is the store itself or one of its companion files (existing or not)."""
    store = Path(store)
    candidates = [store, *(Path(f"{store}{suffix}") for suffix in COMPANIONS)]
    if any(_same_inode(path, c) for c in candidates):
        return True
    target = _resolved(path)
    base = _resolved(store)
    return target == base or any(target == Path(f"{base}{s}") for s in COMPANIONS)


def check_output(path: Path, *, store: Path | None = None, inputs: Iterable[Path] = ()) -> None:
    """Refuse (AmicaleError, one line) an output that would destroy something."""
    path = Path(path)
    if store is not None and is_store_file(path, store):
        raise AmicaleError(Message(T_IS_STORE, str(path)))
    for source in inputs:
        if _same_inode(path, Path(source)) or _resolved(path) == _resolved(Path(source)):
            raise AmicaleError(Message(T_IS_INPUT, str(path)))
    try:
        info = os.stat(path)
    except FileNotFoundError:
        return
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    if stat.S_ISDIR(info.st_mode):
        raise AmicaleError(Message(T_FOLDER, str(path)))
    if not stat.S_ISREG(info.st_mode):
        raise AmicaleError(Message(T_NOT_REGULAR_OUT, str(path)))


def check_input(path: Path, shown: str | None = None) -> os.stat_result:
    """The ``stat`` of an input that is a regular file; AmicaleError otherwise.

    Looked at before it is opened: opening a FIFO for reading already waits for a writer.
    """
    name = shown if shown is not None else str(path)
    try:
        info = os.stat(path)
    except OSError as exc:
        raise AmicaleError(Message(T_CANNOT_READ, name, exc.strerror or str(exc))) from exc
    if stat.S_ISDIR(info.st_mode):
        raise AmicaleError(Message(T_FOLDER, name))
    if not stat.S_ISREG(info.st_mode):
        raise AmicaleError(Message(T_NOT_REGULAR_IN, name))
    return info


def temporary_beside(path: Path, mode: int = 0o600) -> Path:
    """An empty file in ``path``'s folder (so that the final rename is atomic), ``mode``."""
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".part", dir=path.parent)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    try:
        if mode != 0o600:
            os.fchmod(fd, mode)
    finally:
        os.close(fd)
    return Path(name)


def _fsync_path(path: Path, directory: bool = False) -> None:
    flags = os.O_RDONLY | (getattr(os, "O_DIRECTORY", 0) if directory else 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        if directory:  # some systems cannot open a folder: the rename is still atomic
            return
        raise
    try:
        os.fsync(fd)
    except OSError:
        if not directory:
            raise
    finally:
        os.close(fd)


def replace_with(tmp: Path, path: Path) -> None:
    """Flush ``tmp`` to the disk and rename it over ``path`` (the old file stays until then)."""
    try:
        _fsync_path(tmp)
        os.replace(tmp, path)
    except OSError as exc:
        raise cannot_write(path, exc) from exc
    _fsync_path(path.parent, directory=True)


@contextlib.contextmanager
def atomic_output(
    path: Path,
    *,
    store: Path | None = None,
    inputs: Iterable[Path] = (),
    mode: int = 0o600,
    verify: Callable[[Path], None] | None = None,
) -> Iterator[Path]:
    """Yield a temporary path to write; on success it is verified and replaces ``path``.

    On any failure (an exception, a failed ``verify``) the temporary file is removed and
    ``path`` is left as it was.
    """
    path = Path(path)
    inputs = tuple(inputs)
    check_output(path, store=store, inputs=inputs)
    tmp = temporary_beside(path, mode)
    try:
        try:
            yield tmp
        except OSError as exc:
            raise cannot_write(path, exc) from exc
        if verify is not None:
            verify(tmp)
        check_output(path, store=store, inputs=inputs)  # nothing took its place meanwhile
        replace_with(tmp, path)
    finally:
        for leftover in (tmp, *(Path(f"{tmp}{suffix}") for suffix in COMPANIONS)):
            with contextlib.suppress(OSError):  # a SQLite copy may have left its -wal/-shm
                leftover.unlink()
