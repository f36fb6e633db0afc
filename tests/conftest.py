"""Shared fixtures: every folder Amicale writes to is redirected into tmp_path; the clock is
frozen for the tests that depend on it.

The clock: a test that depends on "today", "now" or the local zone asks for ``clock_now``
(the clock frozen at the suite's instant, returned as a local aware datetime) or ``freeze``
(to stop the clock at instants of its own), and is marked ``clock``. The suite's instant is
an ordinary day, or ``AMICALE_TEST_NOW`` when set: ``.ci/run`` runs the ``clock`` tests again
on edge days (``2027-03-28T02:30 Europe/Paris``; a time without a zone is local wall time),
and sets the same frozen instant for every other test of those runs, which must not care.
"""

from __future__ import annotations

import os
import re
import sys
import time
from collections.abc import Callable, Iterator
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine

from app.members.service import MemberDirectory
from app.store import Store, open_store

# An ordinary Thursday in Paris, after the day's first hours (not an edge of anything).
DEFAULT_NOW = datetime(2026, 11, 26, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
NOW_VARIABLE = "AMICALE_TEST_NOW"


def suite_now() -> datetime:
    """The instant the ``clock`` tests run at (see the module's docstring)."""
    text = os.environ.get(NOW_VARIABLE, "").strip()
    if not text:
        return DEFAULT_NOW
    value, _, zone = text.partition(" ")
    moment = datetime.fromisoformat(value)
    if moment.tzinfo is None:
        # fold=0: a wall time in a spring gap is read with the offset before the change.
        moment = moment.replace(tzinfo=ZoneInfo(zone)) if zone else moment.astimezone()
    return moment


def _travel(moment: datetime, tick: bool = False) -> time_machine.travel:
    # As a timestamp: given an aware datetime, time-machine also switches the process's zone
    # to the destination's (even UTC's), and the local zone must stay the one the suite runs
    # under.
    return time_machine.travel(moment.timestamp(), tick=tick)


# The fixtures of pytest-qt: a test asking for one of them uses Qt.
QT_FIXTURES = {"qapp", "qtbot", "qtmodeltester", "qtlog"}
# A test module that imports the interface or Qt: each of its tests uses Qt.
QT_IMPORT = re.compile(r"^\s*(from|import)\s+(ui|PySide6|shiboken6|pytestqt)\b", re.MULTILINE)
_qt_modules: dict[str, bool] = {}


def _module_uses_qt(path: Path) -> bool:
    key = str(path)
    if key not in _qt_modules:
        _qt_modules[key] = bool(QT_IMPORT.search(path.read_text(encoding="utf-8")))
    return _qt_modules[key]


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test that freezes the clock is a ``clock`` test, marked or not; a test that asks for
    a Qt fixture or lives in a module importing ``ui`` or Qt is a ``qt`` test: only those get
    a QApplication (the tests of ``app/`` run without Qt)."""
    for item in items:
        names = set(getattr(item, "fixturenames", ()))
        if {"clock_now", "fixed_now", "freeze"} & names:
            item.add_marker(pytest.mark.clock)
        if QT_FIXTURES & names or _module_uses_qt(item.path):
            item.add_marker(pytest.mark.qt)


@pytest.fixture(autouse=True)
def _edge_day_clock() -> Iterator[None]:
    """Under ``AMICALE_TEST_NOW``, every test runs on that day (the clock ticking from it)."""
    if not os.environ.get(NOW_VARIABLE):
        yield
        return
    with _travel(suite_now(), tick=True):
        yield


@pytest.fixture
def freeze() -> Iterator[Callable[[datetime], None]]:
    """``freeze(moment)`` stops the clock at ``moment`` (aware) until the test ends; a later
    call moves it (crossing midnight, say)."""
    travellers: list[time_machine.travel] = []

    def stop_at(moment: datetime) -> None:
        if moment.tzinfo is None:
            raise ValueError("freeze() needs an aware datetime")
        traveller = _travel(moment)
        traveller.start()
        travellers.append(traveller)

    yield stop_at
    for traveller in reversed(travellers):
        traveller.stop()


@pytest.fixture
def clock_now(freeze: Callable[[datetime], None]) -> datetime:
    """The clock frozen at the suite's instant; that instant in the local zone."""
    moment = suite_now()
    freeze(moment)
    return moment.astimezone()


@pytest.fixture
def fixed_now(freeze: Callable[[datetime], None]) -> datetime:
    """The clock frozen at DEFAULT_NOW whatever the suite's instant: for tests written
    around fixed dates (a post planned for July 2027 is in the future)."""
    freeze(DEFAULT_NOW)
    return DEFAULT_NOW.astimezone()


@pytest.fixture
def today(clock_now: datetime) -> date:
    """The local date of the frozen clock."""
    return clock_now.date()


@pytest.fixture
def local_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[[str], None]]:
    """``local_zone("Pacific/Kiritimati")`` makes that the process's local zone (TZ + tzset)
    for the rest of the test; the zone the suite runs under comes back afterwards."""

    def switch(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield switch
    monkeypatch.undo()
    time.tzset()


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMICALE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("AMICALE_DB", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("LANGUAGE", "en")


@pytest.fixture
def french(qapp: object) -> Iterator[object]:
    """The interface in French, as the app installs it (Qt's own dialogs too)."""
    from PySide6.QtCore import QLocale

    from ui import i18n

    default = QLocale()
    assert i18n.install(qapp, i18n.choose_language("", QLocale("fr_FR")))  # type: ignore[arg-type]
    yield qapp
    i18n.install(qapp, "en")  # type: ignore[arg-type]
    QLocale.setDefault(default)


@pytest.fixture(autouse=True)
def _qt_tests_only(request: pytest.FixtureRequest) -> None:
    """The Qt fixtures below, for the ``qt`` tests only."""
    if request.node.get_closest_marker("qt") is not None:
        request.getfixturevalue("_interface_in_english")
        request.getfixturevalue("_gui_thread_collector")


@pytest.fixture
def _interface_in_english(qapp: object) -> Iterator[None]:
    """As the app does for its interface language (ui/i18n.py): the tests speak English,
    dates and numbers included, whatever the locale the suite runs in (CI: fr_FR.UTF-8),
    with the English plural forms ("1 member", "2 members") installed."""
    from ui import i18n

    i18n.install(qapp, "en")  # type: ignore[arg-type]
    yield
    i18n.install(qapp, "en")  # type: ignore[arg-type]


@pytest.fixture
def _gui_thread_collector(qapp: object) -> Iterator[None]:
    """As in the app: the cycle collector runs on the GUI thread only (see ui/workers.py)."""
    from ui.workers import GuiThreadCollector

    collector = GuiThreadCollector.install()
    yield
    collector.collect_if_due()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "amicale.sqlite3"


# Team mode: tests and modules marked ``engines`` run their ``store`` on both engines, the
# SQLite file and a PostgreSQL database of a throw-away cluster (tests/pg_cluster.py).
ENGINES = ("sqlite", "postgresql")


def pytest_generate_tests(metafunc: pytest.Metafunc) -> None:
    definition = metafunc.definition
    if "store_engine" in metafunc.fixturenames and definition.get_closest_marker("engines"):
        # A test about one engine's own machinery (a query plan) stays on it.
        only = definition.get_closest_marker("sqlite_only")
        metafunc.parametrize("store_engine", ("sqlite",) if only else ENGINES, indirect=True)


@pytest.fixture
def store_engine(request: pytest.FixtureRequest) -> str:
    return str(getattr(request, "param", "sqlite"))


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Any]:
    """One PostgreSQL cluster for the session, with a migrated template database: each test
    gets a fresh copy of it in a few tens of milliseconds."""
    from tests.pg_cluster import Cluster

    cluster = Cluster().start()
    try:
        cluster.admin("CREATE DATABASE amicale_template")
        open_store(cluster.url("amicale_template")).close()
        yield cluster
    finally:
        cluster.stop()


_databases = iter(range(1, 1 << 30))


@pytest.fixture
def pg_url(pg_cluster: Any) -> Iterator[str]:
    """A new team database, migrated, empty; dropped after the test."""
    name = f"t{next(_databases)}"
    pg_cluster.admin(f"CREATE DATABASE {name} TEMPLATE amicale_template")
    yield pg_cluster.url(name)
    pg_cluster.admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


@pytest.fixture
def store(db_path: Path, store_engine: str, request: pytest.FixtureRequest) -> Iterator[Store]:
    if store_engine == "postgresql":
        opened = open_store(request.getfixturevalue("pg_url"))
    else:
        opened = open_store(db_path)
    yield opened
    # Widgets are torn down after this fixture: let their background jobs return first. No
    # job can run unless ui.workers was imported (the tests of app/ never import it).
    workers = sys.modules.get("ui.workers")
    if workers is not None:
        workers.Job.cancel_all_and_wait()
    opened.close()


PEOPLE = [
    # first, last, email, city, company, promo, extra
    (
        "Émilie",
        "Dupont",
        "emilie.dupont@example.org",
        "Saint-Étienne",
        "Arkema",
        2005,
        {"birthday": "1982-11-26", "dues_last_year": 2026, "consent": True},
    ),
    ("Jean", "Dupuis", None, "Lyon", "Sanofi", 1999, {"phone": "06 12 34 56 78"}),
    (
        "Zoé",
        "Ärger",
        "zoe@example.org",
        "Mulhouse",
        "Air Liquide",
        2012,
        {"dues_last_year": 2020, "status": "former"},
    ),
    (
        "Hélène",
        "Martin",
        "helene.martin@example.org",
        "Lyon",
        "Michelin",
        2008,
        {"linkedin_url": "https://www.linkedin.com/in/helene-martin"},
    ),
    ("Loïc", "Le Goff", None, "Brest", None, None, {"status": "lost"}),
    (
        "François",
        "Lefèvre",
        "francois@example.org",
        "Paris",
        "Total",
        1975,
        {"verification": "verified", "consent": True},
    ),
]


@pytest.fixture
def people(store: Store) -> dict[str, int]:
    """A handful of members with tags; returns last name → id."""
    directory = MemberDirectory(store)
    ids: dict[str, int] = {}
    for first, last, email, city, company, promo, extra in PEOPLE:
        values = {
            "first_name": first,
            "last_name": last,
            "email": email,
            "city": city,
            "company": company,
            "promo": promo,
            **extra,
        }
        tags = {
            "Lyon": ["Géographie/Lyon", "Métier/Chimie"],
            "Saint-Étienne": ["Géographie/Saint-Étienne", "Métier/Chimie"],
            "Mulhouse": ["Géographie/Alsace", "Métier/Pharmacie"],
        }.get(city, [])
        ids[last] = directory.create(values, tags)
    return ids


@pytest.fixture
def main_window(qtbot: Any, store: Store, people: dict[str, int]) -> Iterator[Any]:
    """The main window on ``people``, shown, its first search done."""
    from app import association
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.members.last_result is not None, timeout=10000)
    yield win
    win.members.searches.wait()
