"""The History panel: who exported, imported, deleted or merged what, and when."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app import audit
from app.operations import Changes
from app.store import Store
from ui.models.history_table import COL_DETAIL, TAG_AND_SEGMENT_ACTIONS, HistoryTableModel
from ui.operations import OperationRunner
from ui.widgets import plain_label
from ui.workers import LatestOnly

LIMIT = 2000


class HistoryPanel(QWidget):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.filter = QComboBox()
        self.filter.setObjectName("historyFilter")
        self.filter.addItem(self.tr("Everything"), None)
        self.filter.addItem(self.tr("Exports"), ("export", "export-data"))
        self.filter.addItem(self.tr("Imports"), ("import",))
        self.filter.addItem(self.tr("Deletions and erasures"), ("delete", "erase", "restore"))
        self.filter.addItem(self.tr("Merges"), ("merge",))
        self.filter.addItem(self.tr("Tags and segments"), TAG_AND_SEGMENT_ACTIONS)
        self.filter.activated.connect(self.reload)
        intro: QLabel = plain_label(
            self.tr("Every export, import, deletion and merge is recorded here, on this computer.")
        )
        intro.setWordWrap(True)
        top = QHBoxLayout()
        top.addWidget(intro, 1)
        top.addWidget(self.filter)

        self.model = HistoryTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        # A long detail (a rule in words, a file's path) wraps onto a second line instead of
        # being cut: the rows follow their text (a small table: at most LIMIT rows).
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_DETAIL, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        self.loader = LatestOnly(self)
        self.loader.finished.connect(self.model.set_entries)
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)

    @Slot()
    def reload(self, *_: Any) -> None:
        self.loader.start(audit.recent, self.store, LIMIT, self.filter.currentData())

    @Slot(object, object)
    def _on_changes(self, _changes: Changes, _origin: object = None) -> None:
        if self.isVisible():  # every operation writes the audit log; shown, it follows
            self.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()
