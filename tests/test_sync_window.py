"""A replica's window: the status bar's state (offline with what waits, synchronised some
minutes ago), Synchronise now in a worker, and the Conflicts dialog, driven with qtbot."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import association, sync
from app.members.service import MemberDirectory
from app.operations import Operation
from app.store import Store, open_store
from tests.test_sync import _id, clone, do_sync, offline
from ui import i18n
from ui.main_window import MainWindow
from ui.settings import UiSettings
from ui.sync_status import ConflictsDialog

pytestmark = pytest.mark.clock


@pytest.fixture
def server(pg_url: str) -> Iterator[Store]:
    store = open_store(pg_url)
    directory = MemberDirectory(store)
    directory.create({"first_name": "Claire", "last_name": "Durand", "city": "Lyon"})
    directory.create({"first_name": "Jean", "last_name": "Martin", "city": "Paris"})
    try:
        yield store
    finally:
        store.close()


@pytest.fixture
def replica_path(server: Store, tmp_path: Path, clock_now: datetime) -> Path:
    return clone(server.address, tmp_path / "replica.sqlite3")


def open_window(qtbot: QtBot, store: Store) -> MainWindow:
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    return win


def close_window(win: MainWindow) -> None:
    win.runner.wait()
    win.members.searches.wait()


def run_edit(qtbot: QtBot, win: MainWindow, member_id: int, **values: object) -> None:
    op = Operation("member.update", {"member_id": member_id, "values": values})
    with qtbot.waitSignal(win.runner.changed, timeout=10000):
        win.runner.run(op)


def test_the_status_bar_says_offline_with_what_waits_in_french(
    qtbot: QtBot, qapp: QApplication, server: Store, replica_path: Path
) -> None:
    claire = _id(server, "Claire")
    assert i18n.install(qapp, "fr")
    try:
        with offline(replica_path) as store:
            win = open_window(qtbot, store)
            assert win.sync_status is not None
            assert win.sync_label.text() == "Synchronisé à l’instant"
            run_edit(qtbot, win, claire, city="Grenoble")
            run_edit(qtbot, win, claire, company="Arkema")
            qtbot.waitUntil(lambda: "2 modifications en attente" in win.sync_label.text())
            with qtbot.waitSignal(win.sync_status.failed, timeout=20000):
                win.sync_action.trigger()
            assert win.sync_label.text() == "Hors ligne — 2 modifications en attente"
            assert "impossible de joindre le serveur" in win.statusBar().currentMessage()
            close_window(win)
    finally:
        i18n.install(qapp, "en")
    assert MemberDirectory(server).get(claire).values["city"] == "Lyon"


def test_synchronise_now_pushes_and_says_how_long_ago(
    qtbot: QtBot,
    server: Store,
    replica_path: Path,
    clock_now: datetime,
    freeze: Callable[[datetime], None],
) -> None:
    claire = _id(server, "Claire")
    store = open_store(replica_path)
    try:
        win = open_window(qtbot, store)
        assert win.sync_status is not None
        run_edit(qtbot, win, claire, city="Grenoble")
        qtbot.waitUntil(lambda: win.sync_label.text().endswith("1 change waiting"))
        MemberDirectory(server).update(_id(server, "Jean"), {"city": "Lille"})
        with qtbot.waitSignal(win.sync_status.finished, timeout=20000) as done:
            win.sync_action.trigger()
        assert done.args[0] == sync.SyncReport(pulled=2, pushed=1, conflicts=0)
        assert win.sync_label.text() == "Synchronised just now"
        assert MemberDirectory(server).get(claire).values["city"] == "Grenoble"
        assert MemberDirectory(store).get(_id(server, "Jean")).values["city"] == "Lille"
        freeze(clock_now + timedelta(minutes=2, seconds=5))
        win.sync_status.refresh()
        assert win.sync_label.text() == "Synchronised 2 min ago"
        close_window(win)
    finally:
        store.close()


def test_the_conflicts_dialog_keeps_the_value_chosen(
    qtbot: QtBot, server: Store, replica_path: Path
) -> None:
    claire = _id(server, "Claire")
    with offline(replica_path) as store:
        win = open_window(qtbot, store)
        run_edit(qtbot, win, claire, city="Grenoble")
        close_window(win)
    MemberDirectory(server).update(claire, {"city": "Vienne"})
    assert do_sync(replica_path).conflicts == 1
    store = open_store(replica_path)
    try:
        win = open_window(qtbot, store)
        assert win.sync_status is not None
        assert win.sync_label.text().endswith("1 conflict to resolve")
        dialog = ConflictsDialog(store, win.runner, win)
        qtbot.addWidget(dialog)
        assert dialog.table.rowCount() == 1
        cells = [dialog.table.item(0, c).text() for c in range(4)]
        assert cells == [f"#{claire}", "city", "Grenoble", "Vienne"]
        with qtbot.waitSignal(win.runner.changed, timeout=10000):
            dialog.keep_mine.click()
        qtbot.waitUntil(lambda: dialog.table.rowCount() == 0)
        assert sync.conflicts(store) == []
        assert MemberDirectory(store).get(claire).values["city"] == "Grenoble"
        assert sync.pending(store) == 1  # the choice goes to the server like any edit
        with qtbot.waitSignal(win.sync_status.finished, timeout=20000):
            win.sync_action.trigger()
        assert MemberDirectory(server).get(claire).values["city"] == "Grenoble"
        close_window(win)
    finally:
        store.close()
