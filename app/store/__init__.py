"""The local store: one SQLite file, opened, migrated and backed up here."""

from app.store.engine import Store, open_store

__all__ = ["Store", "open_store"]
