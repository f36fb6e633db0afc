"""Cancelling a running query, on either engine.

A worker passes a CancelToken down to the services; ``interruptible`` around the statements
makes them stop when it is set: SQLite through its progress handler, PostgreSQL by asking the
server to cancel the running query.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Iterator
from typing import Any


class CancelToken:
    """Set from any thread; a running query sees it within a few thousand VM steps."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


@contextlib.contextmanager
def interruptible(dbapi_connection: Any, token: CancelToken | None) -> Iterator[None]:
    """Abort the statements run inside when ``token`` is cancelled (raises Cancelled)."""
    if isinstance(dbapi_connection, sqlite3.Connection):
        from app.store import sqlite as engine
    else:
        from app.store import postgres as engine  # type: ignore[no-redef]
    with engine.interruptible(dbapi_connection, token):
        yield
