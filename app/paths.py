"""Where Amicale keeps its files. Nothing here creates folders at import time."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

from app import APP_ID

DB_FILENAME = "amicale.sqlite3"
DB_ENV = "AMICALE_DB"
CONFIG_ENV = "AMICALE_CONFIG_DIR"


def default_db_path() -> Path:
    """The store used when neither --db nor AMICALE_DB names one."""
    env = os.environ.get(DB_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_data_dir(APP_ID, appauthor=False)) / DB_FILENAME


def config_dir() -> Path:
    """Folder for the window's preferences (AMICALE_CONFIG_DIR overrides it, e.g. in tests)."""
    env = os.environ.get(CONFIG_ENV)
    if env:
        return Path(env).expanduser()
    return Path(platformdirs.user_config_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    return Path(platformdirs.user_log_dir(APP_ID, appauthor=False))
