"""The Moderation view: the queue of join requests and posts, triaged from the keyboard.

Left, three tabs: the queue (oldest first, an ageing badge on each item, filters by
community, kind and suggestion), the members to verify (let in through the queue, degree not
checked yet), and the decision log (automatic decisions marked, each one reversible). Right,
the selected item: what it says, its signals, the members it matches (a double-click shows
the member), and the decisions: Approve (A), Reject (R) with a canned reply copied to the
clipboard, Ask for information (I, the template copied), Escalate (E), Snooze (S); J/K move
down and up; U undoes the last decision.

The lists load in a worker (`app.moderation.queue.state`); a decision is one short
transaction run in place, like saving a member card; imports and re-checks run in a Job.
The state and the logic are `ui.controllers.moderation.ModerationController`'s; this widget
lays them out, copies replies to the clipboard and forwards keys and clicks. The Add and
Settings dialogs are in `ui/dialogs/`.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.moderation.queue import Decision, ModerationState, QueueItem
from app.store import Store
from ui.controllers.moderation import ModerationController
from ui.dialogs.moderation_add import AddItemsDialog
from ui.dialogs.moderation_settings import ModerationSettingsDialog
from ui.labels import qdate
from ui.models.moderation_queue import (
    COL_AGE,
    COL_COMMUNITY,
    COL_KIND,
    COL_MATCH,
    COL_NAME,
    COL_SIGNALS,
    COL_SUGGESTION,
)
from ui.widgets import empty_hint, forbid, plain_label
from ui.workers import Job

__all__ = ["AddItemsDialog", "ModerationPanel", "ModerationSettingsDialog"]

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1
SOURCE_TITLES = {
    "school_register": QT_TRANSLATE_NOOP("ModerationPanel", "School register"),
    "diploma": QT_TRANSLATE_NOOP("ModerationPanel", "Diploma seen"),
    "alumni_directory": QT_TRANSLATE_NOOP("ModerationPanel", "Alumni directory"),
}


class ModerationPanel(QWidget):
    # The CM asked to see a member (the member list searches for them).
    memberRequested = Signal(int)
    # The number of open items changed (a sidebar badge).
    countChanged = Signal(int)
    # A decision created or completed members: the member list should refresh.
    membersChanged = Signal()
    # A load finished and the view shows it (tests wait on it).
    loaded = Signal()

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, autoload: bool = True
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.controller = ModerationController(store, self)
        self.loader = self.controller.loader
        self._progress: QProgressDialog | None = None
        self._decisions_forbidden = False  # forbid_decisions: the role reads the queue only

        # --- top: filters and queue-wide actions ---
        self.community_filter = QComboBox()
        self.community_filter.setObjectName("communityFilter")
        self.kind_filter = QComboBox()
        self.kind_filter.setObjectName("kindFilter")
        self.kind_filter.addItem(self.tr("All kinds"), None)
        self.kind_filter.addItem(self.tr("Join requests"), "join")
        self.kind_filter.addItem(self.tr("Posts"), "post")
        self.kind_filter.addItem(self.tr("Comments"), "comment")
        self.suggestion_filter = QComboBox()
        self.suggestion_filter.setObjectName("suggestionFilter")
        self.suggestion_filter.addItem(self.tr("All suggestions"), None)
        self.suggestion_filter.addItem(self.tr("Suggested: approve"), "approve")
        self.suggestion_filter.addItem(self.tr("Suggested: review"), "review")
        self.suggestion_filter.addItem(self.tr("Suggested: reject"), "reject")
        for combo in (self.community_filter, self.kind_filter, self.suggestion_filter):
            combo.activated.connect(self._on_filter)
        self.add_button = QPushButton(self.tr("Add…"))
        self.add_button.setToolTip(self.tr("Add a request by hand, or paste several lines"))
        self.add_button.clicked.connect(self._on_add)
        self.import_button = QPushButton(self.tr("Import file…"))
        self.import_button.setToolTip(self.tr("Join requests and posts from a CSV or JSON file"))
        self.import_button.clicked.connect(self._on_import)
        self.bulk_button = QPushButton(self.tr("Approve known graduates"))
        self.bulk_button.setObjectName("bulkApprove")
        self.bulk_button.setToolTip(
            self.tr("Approve every join request whose email or profile is in the directory")
        )
        self.bulk_button.clicked.connect(self._on_bulk_approve)
        self.undo_button = QPushButton(self.tr("Undo last decision"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Put the last decided item back in the queue (U)"))
        self.undo_button.clicked.connect(self.undo_last)
        self.settings_button = QPushButton(self.tr("Settings…"))
        self.settings_button.setToolTip(
            self.tr("Keyword and domain lists, canned replies, automatic rules")
        )
        self.settings_button.clicked.connect(self._on_settings)
        self.snoozed_box = QCheckBox(self.tr("Snoozed too"))
        self.snoozed_box.setObjectName("showSnoozed")
        self.snoozed_box.setToolTip(self.tr("Also list the items snoozed until later"))
        self.snoozed_box.toggled.connect(self._on_snoozed_toggled)
        filters = QHBoxLayout()
        filters.addWidget(self.community_filter, 2)
        filters.addWidget(self.kind_filter, 1)
        filters.addWidget(self.suggestion_filter, 1)
        filters.addWidget(self.snoozed_box)
        filters.addStretch()
        filters.addWidget(self.add_button)
        filters.addWidget(self.import_button)
        filters.addWidget(self.settings_button)
        actions = QHBoxLayout()
        self.stats_label = plain_label()
        self.stats_label.setObjectName("statsLabel")
        # Long community names must not widen the window: the line wraps instead.
        self.stats_label.setWordWrap(True)
        self.stats_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        actions.addWidget(self.stats_label, 1)
        actions.addWidget(self.bulk_button)
        actions.addWidget(self.undo_button)

        # --- left: queue, to verify, log ---
        self.model = self.controller.model
        self.table = QTableView()
        self.table.setObjectName("moderationTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        # Narrow enough for the queue's half of a 1366×768 window: the community shares
        # what is left with the signals (the last column, stretched).
        for column, width in (
            (COL_AGE, 44),
            (COL_KIND, 90),
            (COL_MATCH, 100),
            (COL_SUGGESTION, 80),
        ):
            self.table.setColumnWidth(column, width)
        # The names and the community share the width the list has: never a sideways scroll,
        # whatever the window's size. The signals are read whole in the detail beside.
        header.setStretchLastSection(False)
        for column in (COL_NAME, COL_COMMUNITY):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        self.table.setColumnHidden(COL_SIGNALS, True)
        selection = self.table.selectionModel()
        selection.currentRowChanged.connect(self._on_current_changed)

        self.verify_list = QListWidget()
        self.verify_list.setObjectName("toVerifyList")
        self.verify_source = QComboBox()
        for code, text in SOURCE_TITLES.items():
            self.verify_source.addItem(self.tr(str(text)), code)
        self.verify_date = QDateEdit(qdate(clock.today()))
        self.verify_date.setCalendarPopup(True)
        self.verify_button = QPushButton(self.tr("Mark verified"))
        self.verify_button.setObjectName("markVerified")
        self.verify_button.clicked.connect(self._on_mark_verified)
        verify_row = QHBoxLayout()
        verify_row.addWidget(self.verify_source, 1)
        verify_row.addWidget(self.verify_date)
        verify_row.addWidget(self.verify_button)
        verify_tab = QWidget()
        verify_layout = QVBoxLayout(verify_tab)
        verify_layout.addWidget(
            plain_label(
                self.tr("Members let in through the queue whose degree is not checked yet."),
                wrap=True,
            )
        )
        verify_layout.addWidget(self.verify_list, 1)
        verify_layout.addLayout(verify_row)

        self.log_list = QListWidget()
        self.log_list.setObjectName("decisionLog")
        self.log_undo = QPushButton(self.tr("Undo this decision"))
        self.log_undo.clicked.connect(self._on_undo_selected)
        log_tab = QWidget()
        log_layout = QVBoxLayout(log_tab)
        log_layout.addWidget(self.log_list, 1)
        log_layout.addWidget(self.log_undo, 0, Qt.AlignmentFlag.AlignRight)

        self.tabs = QTabWidget()
        self.tabs.addTab(self.table, self.tr("Queue"))
        self.tabs.addTab(verify_tab, self.tr("To verify"))
        self.tabs.addTab(log_tab, self.tr("Decisions"))

        # --- right: the selected item ---
        self.detail_title = plain_label()
        self.detail_title.setObjectName("detailTitle")
        font = self.detail_title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.detail_title.setFont(font)
        self.detail_info = plain_label(wrap=True)
        self.detail_info.setObjectName("detailInfo")
        self.detail_text = QPlainTextEdit()
        self.detail_text.setObjectName("detailText")
        self.detail_text.setReadOnly(True)
        self.detail_text.setMaximumHeight(120)
        self.signal_list = QListWidget()
        self.signal_list.setObjectName("signalList")
        self.signal_list.setMaximumHeight(130)
        # Long signals (a list of words, a reason) wrap instead of being cut at the edge.
        self.signal_list.setWordWrap(True)
        self.signal_list.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.signal_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.signal_list.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.member_list = QListWidget()
        self.member_list.setObjectName("matchedMembers")
        self.member_list.setMaximumHeight(100)
        self.member_list.setToolTip(self.tr("Double-click: show the member"))
        self.member_list.itemActivated.connect(self._on_member_activated)
        self.member_list.itemDoubleClicked.connect(self._on_member_activated)
        self.reason_combo = QComboBox()
        self.reason_combo.setObjectName("reasonCombo")
        self.reason_combo.setEditable(True)
        self.reason_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.reason_combo.setToolTip(
            self.tr("The reply sent with a rejection; copied to the clipboard to paste")
        )
        self.approve_button = self._action_button(self.tr("&Approve (A)"), "approve")
        self.reject_button = self._action_button(self.tr("&Reject (R)"), "reject")
        self.info_button = self._action_button(self.tr("Ask &info (I)"), "info")
        self.escalate_button = self._action_button(self.tr("&Escalate (E)"), "escalate")
        self.snooze_button = self._action_button(self.tr("&Snooze a day (S)"), "snooze")
        buttons = QHBoxLayout()
        for button in (
            self.approve_button,
            self.reject_button,
            self.info_button,
            self.escalate_button,
            self.snooze_button,
        ):
            buttons.addWidget(button)
        self.feedback = plain_label(wrap=True)
        self.feedback.setObjectName("feedback")
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.addWidget(self.detail_title)
        detail_layout.addWidget(self.detail_info)
        detail_layout.addWidget(self.detail_text)
        detail_layout.addWidget(plain_label(self.tr("Signals")))
        detail_layout.addWidget(self.signal_list)
        detail_layout.addWidget(plain_label(self.tr("Matching members")))
        detail_layout.addWidget(self.member_list)
        detail_layout.addWidget(plain_label(self.tr("Reply with a rejection:")))
        detail_layout.addWidget(self.reason_combo)
        detail_layout.addLayout(buttons)
        detail_layout.addWidget(self.feedback)
        detail_layout.addStretch()

        splitter = QSplitter()
        splitter.addWidget(self.tabs)
        splitter.addWidget(detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        self.empty_hint = empty_hint(
            self.tr(
                "Nothing to moderate: click Add… to paste join requests, or Import file… for "
                "a CSV or JSON export."
            )
        )
        layout.addWidget(self.empty_hint)
        layout.addWidget(splitter, 1)

        for key, slot in (
            ("J", self.select_next),
            ("K", self.select_previous),
            ("A", lambda: self.decide_current("approve")),
            ("R", lambda: self.decide_current("reject")),
            ("I", lambda: self.decide_current("info")),
            ("E", lambda: self.decide_current("escalate")),
            ("S", lambda: self.decide_current("snooze")),
            ("U", self.undo_last),
        ):
            shortcut = QShortcut(QKeySequence(key), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        self._connect()
        self._show_item(None)
        if autoload:
            self.reload()

    def _connect(self) -> None:
        c = self.controller
        c.loaded.connect(self._on_loaded)
        c.countChanged.connect(self.countChanged)
        c.membersChanged.connect(self.membersChanged)
        c.feedback.connect(self.feedback.setText)
        c.importProgress.connect(self._on_import_progress)
        c.importEnded.connect(self._on_import_ended)

    def _action_button(self, text: str, action: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{action}Button")
        button.clicked.connect(lambda _=False, a=action: self.decide_current(a))
        return button

    @property
    def state(self) -> ModerationState | None:
        return self.controller.state

    # --- loading ---

    def reload(self) -> Job:
        self.controller.include_snoozed = self.snoozed_box.isChecked()
        return self.controller.reload()

    def wait(self) -> bool:
        return self.controller.wait()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.controller.loaded_once and not self.loader.busy:
            self.reload()

    @Slot(bool)
    def _on_snoozed_toggled(self, _on: bool) -> None:
        self.reload()

    @Slot(object)
    def _on_loaded(self, state: ModerationState) -> None:
        current = self.current_item()
        self._fill_communities(state.communities)
        self.empty_hint.setVisible(not state.items)
        self._select_row(self.controller.row_to_select(current.id if current else None))
        text, tip = self.controller.stats_text(state.stats)
        self.stats_label.setText(text)
        # Every week and community in the tooltip (the line shows the latest week).
        self.stats_label.setToolTip(tip)
        self._fill_to_verify(state)
        self._fill_log(state.log)
        self._show_item(self.current_item())  # the replies offered follow the settings
        self.loaded.emit()

    def _fill_communities(self, communities: list[tuple[int, str]]) -> None:
        chosen = self.community_filter.currentData()
        self.community_filter.clear()
        self.community_filter.addItem(self.tr("All communities"), None)
        for community_id, name in communities:
            self.community_filter.addItem(name, community_id)
        index = self.community_filter.findData(chosen)
        self.community_filter.setCurrentIndex(max(0, index))

    def _fill_to_verify(self, state: ModerationState) -> None:
        self.verify_list.clear()
        for member_id, text in self.controller.to_verify_lines(state.to_verify):
            item = QListWidgetItem(text)
            item.setData(MEMBER_ROLE, member_id)
            self.verify_list.addItem(item)
        self.tabs.setTabText(1, self.controller.to_verify_title(len(state.to_verify)))

    def _fill_log(self, log: list[Decision]) -> None:
        self.log_list.clear()
        for line in self.controller.log_lines(log):
            item = QListWidgetItem(line.text)
            item.setData(MEMBER_ROLE, line.decision_id)
            if line.undone:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.log_list.addItem(item)

    # --- selection ---

    def current_item(self) -> QueueItem | None:
        index = self.table.currentIndex()
        return self.model.item_at(index.row()) if index.isValid() else None

    def _select_row(self, row: int) -> None:
        if row < 0 or row >= self.model.rowCount():
            self.table.clearSelection()
            self._show_item(None)
            return
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)
        self._show_item(self.model.item_at(row))

    @Slot()
    def select_next(self) -> None:
        row = self.table.currentIndex().row()
        self._select_row(min(row + 1, self.model.rowCount() - 1))

    @Slot()
    def select_previous(self) -> None:
        row = self.table.currentIndex().row()
        self._select_row(max(row - 1, 0))

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_item(self.model.item_at(current.row()) if current.isValid() else None)

    def _show_item(self, item: QueueItem | None) -> None:
        for button in (
            self.approve_button,
            self.reject_button,
            self.info_button,
            self.escalate_button,
            self.snooze_button,
        ):
            button.setEnabled(item is not None)
        self.signal_list.clear()
        self.member_list.clear()
        if item is None:
            self.detail_title.setText(self.tr("Nothing selected"))
            self.detail_info.setText("")
            self.detail_text.setPlainText("")
            return
        view = self.controller.item_view(item)
        self.detail_title.setText(view.title)
        self.detail_info.setText(view.info)
        self.detail_text.setPlainText(view.text)
        # A join request often comes without a message: no empty box then.
        self.detail_text.setVisible(bool(view.text.strip()))
        self.reason_combo.clear()
        self.reason_combo.addItems(view.replies)
        line = self.reason_combo.lineEdit()
        if line is not None:
            line.setCursorPosition(0)  # the reply read from its start, not its end
        self.signal_list.addItems(view.signals)
        for member_id, name in view.members:
            entry = QListWidgetItem(name)
            entry.setData(MEMBER_ROLE, member_id)
            self.member_list.addItem(entry)

    @Slot(QListWidgetItem)
    def _on_member_activated(self, entry: QListWidgetItem) -> None:
        member_id = entry.data(MEMBER_ROLE)
        if member_id is not None:
            self.memberRequested.emit(int(member_id))

    @Slot()
    def _on_filter(self) -> None:
        self.controller.set_filter(
            self.community_filter.currentData(),
            self.kind_filter.currentData(),
            self.suggestion_filter.currentData(),
        )
        self._select_row(0)

    # --- decisions (the controller runs them) ---

    def forbid_decisions(self, why: str) -> None:
        """The person's role may read the queue, not decide it (app.permissions): every
        button that changes the queue greyed out with ``why``, the keys ignored."""
        self._decisions_forbidden = True
        for button in (
            self.approve_button,
            self.reject_button,
            self.info_button,
            self.escalate_button,
            self.snooze_button,
            self.bulk_button,
            self.undo_button,
            self.log_undo,
            self.add_button,
            self.import_button,
            self.settings_button,
        ):
            forbid(button, why)

    def decide_current(self, action: str) -> Decision | None:
        item = self.current_item()
        if item is None or self._decisions_forbidden:
            return None
        row = self.table.currentIndex().row()
        done = self.controller.decide(item, action, self.reason_combo.currentText(), row)
        if done is None:
            return None
        if done.clipboard:
            QGuiApplication.clipboard().setText(done.clipboard)
        return done.decision

    @Slot()
    def undo_last(self) -> Decision | None:
        if self._decisions_forbidden:
            return None
        return self.controller.undo_last()

    @Slot()
    def _on_undo_selected(self) -> None:
        entry = self.log_list.currentItem()
        if entry is not None:
            self.controller.undo(int(entry.data(MEMBER_ROLE)))

    @Slot()
    def _on_bulk_approve(self) -> None:
        self.controller.approve_known()

    @Slot()
    def _on_mark_verified(self) -> None:
        entry = self.verify_list.currentItem()
        if entry is None:
            return
        day = self.verify_date.date()
        self.controller.verify(
            int(entry.data(MEMBER_ROLE)),
            str(self.verify_source.currentData()),
            date(day.year(), day.month(), day.day()),
        )

    # --- intake ---

    @Slot()
    def _on_import(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import join requests and posts"),
            "",
            self.tr("CSV or JSON (*.csv *.json *.txt);;All files (*)"),
        )
        if path:
            self.import_path(Path(path))

    def import_path(self, path: Path) -> Job:
        progress = QProgressDialog(self.tr("Importing…"), self.tr("Cancel"), 0, 0, self)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)
        self._progress = progress
        return self.controller.import_path(path)

    @Slot(int, int)
    def _on_import_progress(self, done: int, total: int) -> None:
        if self._progress is not None:
            self._progress.setMaximum(total)
            self._progress.setValue(done)

    @Slot(str, bool)
    def _on_import_ended(self, text: str, failed: bool) -> None:
        if self._progress is not None:
            self._progress.close()
            self._progress = None
        self.feedback.setText(text)
        if failed and self.isVisible():
            QMessageBox.warning(self, self.tr("Import failed"), text)

    @Slot()
    def _on_add(self) -> None:
        dialog = AddItemsDialog(self.store, self.controller.communities(), self)
        dialog.added.connect(self.controller.queued)
        dialog.exec()

    @Slot()
    def _on_settings(self) -> None:
        dialog = ModerationSettingsDialog(self.store, self)
        dialog.saved.connect(self._on_settings_saved)
        dialog.exec()

    @Slot()
    def _on_settings_saved(self) -> None:
        self.controller.settings_saved()
