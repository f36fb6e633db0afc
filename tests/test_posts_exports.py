"""The calendar panel's "More" → Export the Atom feed… / Export the calendar (iCalendar)…:
written in a worker, the file remembered for next time, parsed back."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import icalendar
import pytest
from PySide6.QtWidgets import QFileDialog
from pytestqt.qtbot import QtBot

from app.posts import publish_files
from app.posts.channels import channels, resolve
from app.posts.store import PostDraft, create_post, get_post, mark_published
from app.posts.timing import to_local
from app.store import Store
from ui.panels.posts import PostsPanel

pytestmark = pytest.mark.clock  # dates, times and zones throughout

A = "{http://www.w3.org/2005/Atom}"
SHOTS = Path("/tmp/shots")


def cid(store: Store, kind: str) -> int:
    found = resolve(channels(store), kind)
    assert found is not None
    return found.id


@pytest.fixture
def posts(clock_now: datetime, store: Store) -> dict[str, int]:
    soon = to_local(clock_now + timedelta(days=3), "Europe/Paris").replace(second=0, microsecond=0)
    published = create_post(
        store,
        PostDraft(
            title="Gala",
            text="Le gala des anciens",
            link="https://anciens.example/gala",
            local_time=soon - timedelta(days=10),
            versions={cid(store, "website"): (None, None)},
            state="scheduled",
        ),
    )
    mark_published(store, get_post(store, published).versions[0].id, url="https://a.example/g")
    planned = create_post(
        store,
        PostDraft(
            title="AG",
            text="Assemblée générale",
            local_time=soon,
            versions={cid(store, "linkedin"): (None, None)},
            state="scheduled",
        ),
    )
    return {"published": published, "planned": planned}


@pytest.fixture
def panel(qtbot: QtBot, store: Store, posts: dict[str, int]) -> Iterator[PostsPanel]:
    widget = PostsPanel(store, autoload=False)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.reload()
    yield widget
    widget.wait()


def test_export_feed_from_the_menu_remembers_the_file(
    qtbot: QtBot,
    panel: PostsPanel,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    proposed: list[str] = []
    target = tmp_path / "site" / "actualites.atom"
    target.parent.mkdir()

    def save_name(*args: Any) -> tuple[str, str]:
        proposed.append(args[2])
        return str(target), ""

    monkeypatch.setattr(QFileDialog, "getSaveFileName", save_name)
    panel.feed_action.trigger()
    assert panel.job is not None and panel.job_bar.isVisible()
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert proposed == [str(Path.home() / "feed.atom")]  # nothing remembered yet
    assert panel.status_label.text() == f"Feed written: 1 published post(s) in {target}."
    root = ET.fromstring(target.read_bytes())
    entries = root.findall(f"{A}entry")
    assert len(entries) == 1 and "Le gala des anciens" in ET.tostring(entries[0], "unicode")
    assert publish_files.remembered_path(store, publish_files.FEED_PATH_KEY) == target.resolve()
    SHOTS.mkdir(exist_ok=True)
    panel.grab().save(str(SHOTS / "posts_panel_export.png"))

    panel.feed_action.trigger()  # the second time, the same file is proposed
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert proposed[1] == str(target.resolve())


def test_export_calendar_from_the_menu(
    qtbot: QtBot,
    panel: PostsPanel,
    store: Store,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(tmp_path), ""))
    panel.ical_action.trigger()
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    written = tmp_path / "calendar.ics"  # a folder gets the default name
    assert panel.status_label.text() == f"Calendar written: 2 post(s) in {written}."
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    summaries = sorted(str(e["SUMMARY"]) for e in calendar.walk("VEVENT"))
    assert len(summaries) == 2 and any("AG" in s for s in summaries)
    assert publish_files.remembered_path(store, publish_files.CALENDAR_PATH_KEY) == written


def test_export_failure_is_shown_and_cancelled_dialog_does_nothing(
    qtbot: QtBot, panel: PostsPanel, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: ("", ""))
    panel.feed_action.trigger()
    assert panel.job is None and panel.status_label.text() == ""
    blocker = tmp_path / "file"
    blocker.write_text("x")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a: (str(blocker / "feed.atom"), ""))
    panel.feed_action.trigger()
    qtbot.waitUntil(lambda: panel.job is None, timeout=10000)
    assert panel.status_label.text() != "" and "Feed written" not in panel.status_label.text()
    assert panel.feed_action.isEnabled()
