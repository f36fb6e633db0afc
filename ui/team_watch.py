"""The other animators' changes reaching the window without a restart (team mode).

A thread of its own waits on the server's announcements (app.operations.remote.ChangeFeed)
and hands each batch to the runner, which tells the panels as it does for the window's own
operations: each reloads only what concerns it. When the server goes away the watcher says
so and tries again, every few seconds, until it is back.
"""

from __future__ import annotations

import contextlib

from PySide6.QtCore import QThread, Signal

from app.operations.core import Changes
from app.store import Store

WAIT_S = 0.5  # how long a wait lasts before the thread looks whether it must stop
RETRY_S = 5.0


class TeamWatcher(QThread):
    changesArrived = Signal(object)  # Changes
    connectionChanged = Signal(bool)  # the server reachable or not

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.setObjectName("teamWatcher")
        self.store = store
        self.connected: bool | None = None  # None until the first try

    def run(self) -> None:
        from app.operations.remote import ChangeFeed

        feed: ChangeFeed | None = None
        connected: bool | None = None
        while not self.isInterruptionRequested():
            try:
                if feed is None:
                    feed = ChangeFeed(self.store)
                    if connected is not True:
                        connected = self.connected = True
                        self.connectionChanged.emit(True)
                changes: Changes = feed.wait(WAIT_S)
            except Exception:  # the network dropped, the server restarted: try again
                if feed is not None:
                    with contextlib.suppress(Exception):
                        feed.close()
                feed = None
                if connected is not False:
                    connected = self.connected = False
                    self.connectionChanged.emit(False)
                self._pause(RETRY_S)
                continue
            if not changes.empty:
                self.changesArrived.emit(changes)
        if feed is not None:
            feed.close()

    def _pause(self, seconds: float) -> None:
        waited = 0.0
        while waited < seconds and not self.isInterruptionRequested():
            self.msleep(100)
            waited += 0.1

    def stop(self) -> None:
        self.requestInterruption()
        self.wait()
