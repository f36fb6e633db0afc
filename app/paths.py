"""Where Amicale keeps its files. Nothing here creates folders at import time."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

from app import APP_ID

DB_FILENAME = "amicale.sqlite3"
DB_ENV = "AMICALE_DB"
CONFIG_ENV = "AMICALE_CONFIG_DIR"
PORTABLE_MARKER = "portable"


def portable_dir() -> Path | None:
    """`data/` beside the frozen program when a file named `portable` sits next to it.

    Portable mode, for a USB key: the store, the preferences and the logs travel with the
    program instead of going to this computer's user folders. Only a frozen build has a
    program folder of its own; AMICALE_DB, --db and AMICALE_CONFIG_DIR still win.
    """
    if not getattr(sys, "frozen", False):
        return None
    folder = Path(sys.executable).resolve().parent
    if (folder / PORTABLE_MARKER).exists():
        return folder / "data"
    return None


def default_db_path() -> Path:
    """The store used when neither --db nor AMICALE_DB names one."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    portable = portable_dir()
    if portable is not None:
        return portable / DB_FILENAME
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / DB_FILENAME


def default_store_address() -> str:
    """``--db``'s default as text: AMICALE_DB may name a team server (postgresql://…),
    which a Path would spoil ("//" becomes "/")."""
    env = os.environ.get(DB_ENV, "").strip()
    if env and "://" in env:
        return env
    return str(default_db_path())


def config_dir() -> Path:
    """Folder for the window's preferences (AMICALE_CONFIG_DIR overrides it, e.g. in tests)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    portable = portable_dir()
    if portable is not None:
        return portable
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    portable = portable_dir()
    if portable is not None:
        return portable / "logs"
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
