"""An encrypted store in the window: its passphrase asked at start-up (a wrong one asked
again, the file untouched), and the lock after some minutes without input."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app import association
from app.store import Store, cipher, open_store, sqlite

pytest.importorskip("sqlcipher3")

SECRET = "phrase de passe"


@pytest.fixture
def encrypted(tmp_path: Path, people: dict[str, int], store: Store) -> Path:
    store.close()
    sqlite.convert(store.path, None, SECRET)
    return store.path


def test_the_passphrase_is_asked_until_right(
    qapp: object, encrypted: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui import application

    monkeypatch.delenv(cipher.PASSPHRASE_VARIABLE, raising=False)
    before = hashlib.sha256(encrypted.read_bytes()).hexdigest()
    asked: list[bool] = []

    def ask_with(*answers: str | None) -> None:
        given = iter(answers)

        def ask(_path: Path, wrong: bool) -> str | None:
            asked.append(wrong)
            return next(given)

        monkeypatch.setattr(application, "ask_passphrase", ask)

    ask_with("not it", "nor this", None)  # two wrong ones, then Cancel: nothing opens
    assert application.open_with_dialogs(encrypted) is None
    assert asked == [False, True, True]
    assert hashlib.sha256(encrypted.read_bytes()).hexdigest() == before
    asked.clear()
    ask_with("not it", SECRET)
    opened = application.open_with_dialogs(encrypted)
    assert opened is not None and opened.key == SECRET
    assert asked == [False, True]
    opened.close()


def test_the_window_locks_when_idle_and_the_passphrase_opens_it(
    qtbot: QtBot, encrypted: Path
) -> None:
    from PySide6.QtCore import Qt

    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    settings = UiSettings()
    settings.lock_minutes = 5
    store = open_store(encrypted, passphrase=SECRET)
    try:
        win = MainWindow(store, settings, association.Association("Test", "CM"))
        qtbot.addWidget(win)
        win.show()
        qtbot.waitUntil(lambda: win.members.last_result is not None, timeout=10000)
        assert win.idle is not None and win.idle.timer.interval() == 5 * 60_000
        assert not win.locked
        win.idle.timer.setInterval(50)  # as if five minutes had passed without input
        win.idle.restart()
        qtbot.waitUntil(lambda: win.locked, timeout=5000)
        screen: Any = win.lock_screen
        assert screen.geometry() == win.rect()
        assert not win.export_action.isEnabled() and not win.menuBar().isEnabled()
        win.idle.stop()
        qtbot.keyClicks(screen.entry, "wrong")
        qtbot.keyClick(screen.entry, Qt.Key.Key_Return)
        assert win.locked and screen.error.text() == "Wrong passphrase."
        qtbot.keyClicks(screen.entry, SECRET)
        qtbot.mouseClick(screen.button, Qt.MouseButton.LeftButton)
        assert not win.locked
        assert win.export_action.isEnabled() and win.menuBar().isEnabled()
        assert win.idle.timer.isActive()
        win.close()
    finally:
        store.close()


def test_a_plain_store_never_locks(main_window: Any) -> None:
    assert main_window.lock_screen is None and main_window.idle is None
