"""The module of engine-specific pieces for a connection: app/store/sqlite.py or postgres.py.

Both modules offer the same names where a service needs the engine's own SQL (the
name-group scan of the duplicate finder, the id arrays, interrupting a query…).
"""

from __future__ import annotations

from types import ModuleType
from typing import Any


def of(conn: Any) -> ModuleType:
    """The engine module for a SQLAlchemy connection (or engine)."""
    if conn.dialect.name == "postgresql":
        from app.store import postgres

        return postgres
    from app.store import sqlite

    return sqlite
