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

from app.errors import Cancelled


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
        with _sqlite_interruptible(dbapi_connection, token):
            yield
    else:
        with _server_interruptible(dbapi_connection, token):
            yield


@contextlib.contextmanager
def _sqlite_interruptible(
    dbapi_connection: sqlite3.Connection, token: CancelToken | None
) -> Iterator[None]:
    """Abort the statements run inside when ``token`` is cancelled (raises Cancelled)."""
    if token is None:
        yield
        return
    if token.cancelled:
        raise Cancelled()
    dbapi_connection.set_progress_handler(lambda: 1 if token.cancelled else 0, 5000)
    try:
        yield
    except sqlite3.OperationalError as exc:
        if token.cancelled or "interrupt" in str(exc):
            raise Cancelled() from exc
        raise
    except Exception as exc:  # SQLAlchemy wraps the driver's error
        if token.cancelled and "interrupt" in str(exc):
            raise Cancelled() from exc
        raise
    finally:
        dbapi_connection.set_progress_handler(None, 0)


@contextlib.contextmanager
def _server_interruptible(dbapi_connection: Any, token: CancelToken | None) -> Iterator[None]:
    """Abort the statement running inside when ``token`` is cancelled (raises Cancelled).

    The server is asked to cancel the query from a watcher thread (psycopg's
    ``cancel_safe``); the statement then fails with QueryCanceled, turned into Cancelled.
    """
    if token is None:
        yield
        return
    import psycopg

    done = threading.Event()

    def watch() -> None:
        while not done.wait(0.05):
            if token.cancelled:
                with contextlib.suppress(Exception):
                    dbapi_connection.cancel_safe(timeout=2)
                return

    watcher = threading.Thread(target=watch, name="amicale-cancel", daemon=True)
    watcher.start()
    try:
        if token.cancelled:
            raise Cancelled()
        yield
    except psycopg.errors.QueryCanceled as exc:
        raise Cancelled() from exc
    except Exception as exc:
        if token.cancelled and isinstance(getattr(exc, "orig", None), psycopg.errors.QueryCanceled):
            raise Cancelled() from exc
        raise
    finally:
        done.set()
        watcher.join()
    if token.cancelled:
        raise Cancelled()
