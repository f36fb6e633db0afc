"""The window's preferences (language, column layout, search history), in an INI file.

Kept apart from the store: they belong to this laptop's user, not to the association. The
folder follows AMICALE_CONFIG_DIR, so tests never touch the real preferences.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QByteArray, QSettings

from app.paths import config_dir

HISTORY_SIZE = 30


class UiSettings:
    def __init__(self) -> None:
        folder = config_dir()
        folder.mkdir(parents=True, exist_ok=True)
        self._qs = QSettings(str(folder / "amicale.ini"), QSettings.Format.IniFormat)

    def _get(self, key: str, default: Any = None) -> Any:
        return self._qs.value(key, default)

    @property
    def language(self) -> str:
        """'' follows the system; otherwise 'fr' or 'en'."""
        return str(self._get("ui/language", "") or "")

    @language.setter
    def language(self, value: str) -> None:
        self._qs.setValue("ui/language", value)

    @property
    def team_address(self) -> str:
        """The team directory the window opens when no --db/AMICALE_DB names a store ('' for
        the user's own file); never with a password (that is in the keyring)."""
        return str(self._get("store/team", "") or "")

    @team_address.setter
    def team_address(self, value: str) -> None:
        self._qs.setValue("store/team", value)

    @property
    def lock_minutes(self) -> int:
        """An encrypted store's window locks after this many minutes without input (0: never)."""
        try:
            return max(0, int(self._get("privacy/lock_minutes", 10)))
        except (TypeError, ValueError):
            return 10

    @lock_minutes.setter
    def lock_minutes(self, value: int) -> None:
        self._qs.setValue("privacy/lock_minutes", int(value))

    def state(self, key: str) -> QByteArray | None:
        value = self._get(f"state/{key}")
        return value if isinstance(value, QByteArray) else None

    def set_state(self, key: str, value: QByteArray) -> None:
        self._qs.setValue(f"state/{key}", value)

    @property
    def fit_columns(self) -> bool:
        """The member list's columns follow its width (until the CM resizes one)."""
        value = self._get("members/fit_columns", True)
        return value not in (False, "false", "0", 0)

    @fit_columns.setter
    def fit_columns(self, value: bool) -> None:
        self._qs.setValue("members/fit_columns", bool(value))

    def import_mapping(self, key: str) -> dict[str, str | None] | None:
        """The column mapping the CM last chose for files with these headers."""
        value = self._get(f"import/mapping/{key}")
        if not value:
            return None
        try:
            mapping = json.loads(str(value))
        except ValueError:
            return None
        return mapping if isinstance(mapping, dict) else None

    def set_import_mapping(self, key: str, mapping: dict[str, str | None]) -> None:
        self._qs.setValue(f"import/mapping/{key}", json.dumps(mapping, ensure_ascii=False))

    @property
    def search_history(self) -> list[str]:
        value = self._get("search/history", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in value or []]

    def remember_search(self, query: str) -> list[str]:
        query = query.strip()
        if not query:
            return self.search_history
        history = [query, *(q for q in self.search_history if q != query)][:HISTORY_SIZE]
        self._qs.setValue("search/history", history)
        return history

    def sync(self) -> None:
        self._qs.sync()
