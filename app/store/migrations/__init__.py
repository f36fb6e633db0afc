"""Alembic migrations, run programmatically at start-up (never from an alembic.ini).

Each revision runs in its own transaction with its version bump (Vorta's rule), and SQLite's
DDL really is transactional here because the engine emits BEGIN itself.
"""

from __future__ import annotations

from pathlib import Path

import sqlalchemy as sa
from alembic import command
from alembic.config import Config
from alembic.script import ScriptDirectory

HERE = Path(__file__).resolve().parent


def _config(connection: sa.Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(HERE))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def script_directory() -> ScriptDirectory:
    return ScriptDirectory.from_config(_config())


def head() -> str:
    heads = script_directory().get_heads()
    if len(heads) != 1:
        raise RuntimeError(f"migrations must have one head, found {heads}")
    return heads[0]


def is_known(revision: str) -> bool:
    scripts = script_directory()
    try:
        return scripts.get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def upgrade(engine: sa.Engine, target: str = "head") -> None:
    with engine.connect() as connection:
        command.upgrade(_config(connection), target)
        if connection.dialect.name == "postgresql":
            from app.store import postgres

            # Migrations insert defaults with their ids (the channels of 0005).
            with connection.begin():
                postgres.reset_sequences(connection)


def downgrade(engine: sa.Engine, target: str) -> None:
    """Only for tests of the upgrade path: builds a file as an older Amicale left it."""
    with engine.connect() as connection:
        command.downgrade(_config(connection), target)
