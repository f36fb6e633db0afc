"""A replica's window: its state at a glance, Synchronise now, and the sync's conflicts.

The status bar says "Offline — 12 changes waiting" after a sync could not reach the server,
"Synchronised 2 min ago" otherwise (with what waits, and the conflicts to resolve). A round
(app.sync.sync) runs on the runner's own worker, after the operations already asked for, so
the window never waits for the network and the outbox never races a local edit.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app import clock, sync
from app.operations import Operation
from app.operations.core import Changes
from app.store import Store
from ui.operations import OperationRunner, failure_text
from ui.widgets import plain_label
from ui.workers import Job

# What a pull may have changed: every view reloads.
EVERYTHING = Changes(
    all_members=True, tags=True, segments=True, posts=True, channels=True, moderation=True,
    birthdays=True, duplicates=True, settings=True, privacy=True,
)  # fmt: skip
REFRESH_MS = 30_000  # "2 min ago" moves on by itself


class SyncStatus(QObject):
    """The replica's state, and the rounds of sync asked for (one at a time)."""

    # The status bar's text changed.
    textChanged = Signal(str)
    # A round ended: its report (app.sync.SyncReport), or the error that stopped it.
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, store: Store, runner: OperationRunner, parent: QObject | None = None):
        super().__init__(parent)
        self.store = store
        self.runner = runner
        self.offline = False
        self.job: Job | None = None
        self.text = ""
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.refresh)
        self.timer.start(REFRESH_MS)
        runner.changed.connect(lambda _changes, _origin: self.refresh())

    @property
    def busy(self) -> bool:
        return self.job is not None

    @Slot()
    def refresh(self) -> None:
        pending = sync.pending(self.store)
        conflicts = len(sync.conflicts(self.store))
        if self.busy:
            text = self.tr("Synchronising…")
        elif self.offline:
            text = self.tr("Offline — %n change(s) waiting", "", pending)
        else:
            text = self._since(sync.last_synced(self.store))
            if pending:
                text += " — " + self.tr("%n change(s) waiting", "", pending)
        if conflicts:
            text += " — " + self.tr("%n conflict(s) to resolve", "", conflicts)
        if text != self.text:
            self.text = text
            self.textChanged.emit(text)

    def _since(self, synced_at: str | None) -> str:
        if synced_at is None:
            return self.tr("Never synchronised")
        minutes = int((clock.now() - datetime.fromisoformat(synced_at)).total_seconds() // 60)
        if minutes < 1:
            return self.tr("Synchronised just now")
        if minutes < 120:
            return self.tr("Synchronised %n min ago", "", minutes)
        return self.tr("Synchronised %n hour(s) ago", "", minutes // 60)

    @Slot()
    def sync_now(self) -> Job | None:
        """One round in the runner's worker; None when one is already running."""
        if self.job is not None:
            return None
        job = Job(sync.sync, self.store)
        self.job = job
        job.signals.finished.connect(self._on_finished)
        job.signals.failed.connect(self._on_failed)
        self.refresh()
        return job.start(self.runner.pool)

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    @Slot(object)
    def _on_finished(self, report: sync.SyncReport) -> None:
        self.job = None
        self.offline = False
        if report.pulled or report.pushed:
            self.runner.announce(EVERYTHING, self)
        self.refresh()
        self.finished.emit(report)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.job = None
        from app.errors import Cancelled, StoreError

        self.offline = isinstance(error, StoreError) and not isinstance(error, Cancelled)
        self.refresh()
        self.failed.emit(error)


class ConflictsDialog(QDialog):
    """The fields a sync could not merge: for each, keep the value made here (it is queued
    for the server like any edit) or the server's; a member erased there is acknowledged."""

    COLUMNS = 4  # member, field, here, on the server

    def __init__(self, store: Store, runner: OperationRunner, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("conflictsDialog")
        self.setWindowTitle(self.tr("Synchronisation conflicts"))
        self.store = store
        self.runner = runner
        self.conflicts: list[sync.Conflict] = []
        intro = plain_label(
            self.tr(
                "These changes made here met other changes on the server. Choose, field by "
                "field, the value to keep; nothing was overwritten meanwhile."
            ),
            wrap=True,
        )
        self.table = QTableWidget(0, self.COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Member"), self.tr("Field"), self.tr("Here"), self.tr("On the server")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.keep_mine = QPushButton(self.tr("Keep the value made &here"))
        self.keep_theirs = QPushButton(self.tr("Keep the &server's"))
        self.keep_mine.clicked.connect(self._on_keep_mine)
        self.keep_theirs.clicked.connect(self._on_keep_theirs)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        buttons = QHBoxLayout()
        buttons.addWidget(self.keep_mine)
        buttons.addWidget(self.keep_theirs)
        buttons.addStretch(1)
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(close)
        self.resize(720, 360)
        self.reload()

    def reload(self) -> None:
        self.conflicts = sync.conflicts(self.store)
        self.table.setRowCount(len(self.conflicts))
        for row, conflict in enumerate(self.conflicts):
            if conflict.kind == "erased":
                cells = [
                    f"#{conflict.member_id}",
                    self.tr("(the whole member)"),
                    self.tr("edited"),
                    self.tr("erased"),
                ]
            else:
                cells = [
                    f"#{conflict.member_id}",
                    conflict.field or "",
                    _shown(conflict.mine),
                    _shown(conflict.theirs),
                ]
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        if self.conflicts:
            self.table.selectRow(0)
        self._update_buttons()

    def _selected(self) -> sync.Conflict | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        return self.conflicts[rows[0].row()]

    @Slot()
    def _update_buttons(self) -> None:
        chosen = self._selected()
        self.keep_theirs.setEnabled(chosen is not None)
        self.keep_mine.setEnabled(chosen is not None and chosen.kind == "field")

    @Slot()
    def _on_keep_mine(self) -> None:
        chosen = self._selected()
        if chosen is None or chosen.field is None:
            return
        op = Operation(
            "member.update",
            {"member_id": chosen.member_id, "values": {chosen.field: chosen.mine}},
        )

        def done(_value: Any) -> None:
            sync.resolve(self.store, chosen.id)
            self.reload()

        self.runner.run(op, done, self._on_failed)

    @Slot()
    def _on_keep_theirs(self) -> None:
        chosen = self._selected()
        if chosen is None:
            return
        sync.resolve(self.store, chosen.id)
        self.runner.announce(Changes(member_ids=frozenset({chosen.member_id})), self)
        self.reload()

    def _on_failed(self, error: BaseException) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self, self.windowTitle(), failure_text(error))


def _shown(value: Any) -> str:
    return "" if value is None else str(value)
