"""Shared fixtures: every folder Amicale writes to is redirected into tmp_path."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from app.members.service import MemberDirectory
from app.store import Store, open_store


@pytest.fixture(autouse=True)
def _isolated_dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("AMICALE_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("AMICALE_DB", str(tmp_path / "default.sqlite3"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg-data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg-config"))
    monkeypatch.setenv("LANGUAGE", "en")


@pytest.fixture(autouse=True)
def _gui_thread_collector(qapp: object) -> Iterator[None]:
    """As in the app: the cycle collector runs on the GUI thread only (see ui/workers.py)."""
    from ui.workers import GuiThreadCollector

    collector = GuiThreadCollector.install()
    yield
    collector.collect_if_due()


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return tmp_path / "amicale.sqlite3"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    opened = open_store(db_path)
    yield opened
    # Widgets are torn down after this fixture: let their background jobs return first.
    from ui.workers import Job

    for job in list(Job._alive):
        job.cancel()
    Job.wait_all()
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
