"""Counts read as English and French do (issue 17, point 14): "1 birthday today", "2 birthdays
today", never "birthday(s)" — each "%n …(s)" source has its forms in amicale_en.ts (the
English plurals) and amicale_fr.ts."""

from __future__ import annotations

import ast
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app import association
from app.members.service import MemberDirectory
from app.store import Store
from ui import i18n, i18n_build
from ui.main_window import MainWindow
from ui.settings import UiSettings

pytestmark = pytest.mark.clock

ROOT = Path(__file__).resolve().parent.parent
# The counts the window and the Duplicates view show (issue 17, point 14).
CHECKED = ("ui/main_window.py", "ui/panels/duplicates.py")


def counted_sources(path: Path) -> list[str]:
    """The sources of ``self.tr("…(s)…", "", n)`` calls in a file."""
    found = []
    for node in ast.walk(ast.parse(path.read_text("utf-8"))):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and node.func.attr == "tr"
            and len(node.args) == 3
            and isinstance(node.args[0], ast.Constant)
            and "(s)" in str(node.args[0].value)
        ):
            found.append(str(node.args[0].value))
    return found


def context_of(path: Path) -> str:
    classes = [n for n in ast.parse(path.read_text("utf-8")).body if isinstance(n, ast.ClassDef)]
    return {"main_window.py": "MainWindow", "duplicates.py": "DuplicatesPanel"}.get(
        path.name, classes[0].name
    )


@pytest.mark.parametrize("language", ["en", "fr"])
def test_each_count_has_its_plural_forms(qapp: QApplication, language: str) -> None:
    catalogue = i18n_build.TS_EN if language == "en" else i18n_build.TS
    held = i18n_build.messages(catalogue)
    assert i18n.install(qapp, language)
    try:
        for name in CHECKED:
            path = ROOT / name
            sources = counted_sources(path)
            assert sources, name
            for source in sources:
                forms = held.get((context_of(path), source, ""))
                assert forms is not None and len(forms) == 2, (language, source)
                assert not any("(s)" in form for form in forms), (language, source)
                one, two = (
                    QCoreApplication.translate(context_of(path), source, None, n) for n in (1, 2)
                )
                assert "(s)" not in one + two and one != two, (language, source)
    finally:
        i18n.install(qapp, "en")


@pytest.fixture
def tray(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """A desktop with a tray; the texts it would show."""
    texts: list[str] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda _self: None)  # offscreen: no tray
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda _self, _title, text, *a: texts.append(text)
    )
    return texts


def birthdays_shown(
    qtbot: QtBot, store: Store, freeze: Callable[[datetime], None], tray: list[str], count: int
) -> tuple[str, str]:
    """The tray's and the status bar's line on a day with ``count`` birthdays."""
    directory = MemberDirectory(store)
    for i in range(count):
        directory.create({"first_name": f"P{i}", "last_name": "Jeudi", "birthday": "1990-11-26"})
    freeze(datetime(2026, 11, 26, 10, 0).astimezone())
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.today.countChanged, timeout=10000):
        win.show()
    qtbot.waitUntil(lambda: bool(tray))
    win.posts.wait()
    return tray[-1], win.statusBar().currentMessage()


@pytest.mark.parametrize(("count", "text"), [(1, "1 birthday today"), (2, "2 birthdays today")])
def test_the_window_counts_birthdays_in_english(
    qtbot: QtBot,
    store: Store,
    freeze: Callable[[datetime], None],
    tray: list[str],
    count: int,
    text: str,
) -> None:
    assert birthdays_shown(qtbot, store, freeze, tray, count) == (text, text)


@pytest.mark.parametrize(
    ("count", "text"), [(1, "1 anniversaire aujourd’hui"), (2, "2 anniversaires aujourd’hui")]
)
def test_the_window_counts_birthdays_in_french(
    french: QApplication,
    qtbot: QtBot,
    store: Store,
    freeze: Callable[[datetime], None],
    tray: list[str],
    count: int,
    text: str,
) -> None:
    assert birthdays_shown(qtbot, store, freeze, tray, count) == (text, text)
