"""The main window's start-up notices: one tray helper for birthdays and posts due, and a
status-bar line where neither notice wipes the other."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime

import pytest
from PySide6.QtWidgets import QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app import association
from app.members.service import MemberDirectory
from app.posts.channels import channels, resolve
from app.posts.store import PostDraft, create_post
from app.store import Store
from ui.main_window import MainWindow
from ui.settings import UiSettings

pytestmark = pytest.mark.clock  # dates, times and zones throughout


def overdue(store: Store, kind: str, day: int) -> int:
    found = resolve(channels(store), kind)
    assert found is not None
    return create_post(
        store,
        PostDraft(
            title=f"En retard {day}",
            text="Texte",
            local_time=datetime(2026, 1, day, 9, 0),
            versions={found.id: (None, None)},
            state="scheduled",
        ),
    )


@pytest.fixture
def shown(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, str]]:
    """A desktop with a tray; the messages it would show."""
    messages: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda _self: None)  # offscreen: no tray
    monkeypatch.setattr(
        QSystemTrayIcon,
        "showMessage",
        lambda _self, title, text, *a: messages.append((title, text)),
    )
    return messages


@pytest.fixture
def window(qtbot: QtBot, store: Store) -> Iterator[MainWindow]:
    overdue(store, "linkedin", 5)
    overdue(store, "x", 6)
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    yield win
    win.posts.wait()
    win.members.searches.wait()


def test_posts_due_notify_through_the_tray_and_open_the_calendar(
    qtbot: QtBot, window: MainWindow, store: Store, shown: list[tuple[str, str]]
) -> None:
    with qtbot.waitSignal(window.posts.dueCountChanged, timeout=10000):
        window.show()
    assert shown == [("Amicale", "2 posts due now")]
    assert window.statusBar().currentMessage() == "2 posts due now"
    window.show_panel(window.members)
    window._on_tray_message_clicked()
    assert window.stack.currentWidget() is window.posts
    # The minute's reload with the same count says nothing again; one more due post does.
    with qtbot.waitSignal(window.posts.loaded, timeout=10000):
        window.posts.reload()
    assert len(shown) == 1
    overdue(store, "facebook", 7)
    with qtbot.waitSignal(window.posts.loaded, timeout=10000):
        window.posts.reload()
    assert shown[1:] == [("Amicale", "3 posts due now")]
    # A birthday message clicked opens the Birthdays panel: each message its own target.
    window.notify_birthdays(1)
    window._on_tray_message_clicked()
    assert window.stack.currentWidget() is window.today


def test_birthdays_and_posts_due_share_the_status_line_in_either_order(
    window: MainWindow,
) -> None:
    window._on_birthdays_today(3)
    window._on_posts_due(2)
    assert window.statusBar().currentMessage() == "3 birthdays today · 2 posts due now"
    window._on_posts_due(0)
    window._on_birthdays_today(0)
    window._posts_due_announced = 0
    window._on_posts_due(2)  # posts first this time, birthdays after
    window._on_birthdays_today(3)
    assert window.statusBar().currentMessage() == "3 birthdays today · 2 posts due now"
    # The sidebar badge says it too.
    assert window.sidebar.item(window.panels().index(window.posts)).text() == "Calendar (2)"


def test_without_a_tray_notify_says_so(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    assert not window.notify("Amicale", "2 posts due now")
    assert window.tray is None


def test_crossing_midnight_refreshes_the_birthdays_and_the_tray(
    qtbot: QtBot,
    store: Store,
    freeze: Callable[[datetime], None],
    shown: list[tuple[str, str]],
) -> None:
    """A laptop left open overnight: at the next local midnight the day's birthdays, the
    sidebar badge and the tray message follow the new day."""
    directory = MemberDirectory(store)
    directory.create({"first_name": "Ana", "last_name": "Jeudi", "birthday": "1990-11-26"})
    for name in ("Bea", "Cid"):
        directory.create({"first_name": name, "last_name": "Vendredi", "birthday": "1991-11-27"})
    freeze(datetime(2026, 11, 26, 23, 59, 30).astimezone())  # local wall time
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.today.countChanged, timeout=10000):
        win.show()
    qtbot.waitUntil(lambda: ("Amicale", "1 birthday today") in shown)
    # The reload is armed for the next local midnight, 30 s away (plus its second of margin).
    # Armed for midnight plus a second (the timer's own clock runs: a loaded machine may
    # take a second to get here).
    assert 29_000 <= win.today.midnight.remainingTime() <= 31_500
    birthdays_item = win.sidebar.item(win.panels().index(win.today))
    assert birthdays_item.text() == "Birthdays (1)"
    freeze(datetime(2026, 11, 27, 0, 0, 1).astimezone())
    with qtbot.waitSignal(win.today.countChanged, timeout=10000) as counted:
        win.today.midnight.timeout.emit()  # what the timer does at midnight
    assert counted.args == [2]
    assert shown.count(("Amicale", "2 birthdays today")) == 1
    assert birthdays_item.text() == "Birthdays (2)"
    assert [b.last_name for b in win.today.today_model.rows] == ["Vendredi", "Vendredi"]
    assert win.today.midnight.remainingTime() > 23 * 3600 * 1000  # armed for the next night
    win.posts.wait()
    win.members.searches.wait()
    win.today.loader.wait()
