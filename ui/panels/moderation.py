"""The Moderation view: the queue of join requests and posts, triaged from the keyboard.

Left, three tabs: the queue (oldest first, an ageing badge on each item, filters by
community, kind and suggestion), the members to verify (let in through the queue, degree not
checked yet), and the decision log (automatic decisions marked, each one reversible). Right,
the selected item: what it says, its signals, the members it matches (a double-click shows
the member), and the decisions: Approve (A), Reject (R) with a canned reply copied to the
clipboard, Ask for information (I, the template copied), Escalate (E), Snooze (S); J/K move
down and up; U undoes the last decision.

The lists load in a worker (`load_state`); a decision is one short transaction run in place,
like saving a member card; imports and re-checks run in a Job.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QItemSelectionModel, Qt, Signal, Slot
from PySide6.QtGui import QGuiApplication, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QProgressDialog,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import AmicaleError
from app.moderation import intake, queue
from app.moderation import settings as mod_settings
from app.moderation.queue import Decision, QueueItem, Statistics, ToVerify
from app.operations import Changes, Operation
from app.operations.moderation import decision_changes
from app.store import Store
from ui.labels import message_text, moment_text, qdate, week_text
from ui.models.moderation_queue import (
    COL_AGE,
    COL_COMMUNITY,
    COL_KIND,
    COL_MATCH,
    COL_NAME,
    COL_SUGGESTION,
    KIND_TITLES,
    STATUS_TITLES,
    SUGGESTION_TITLES,
    ModerationQueueModel,
    title,
)
from ui.operations import OperationRunner
from ui.widgets import empty_hint, plain_label
from ui.workers import Job, LatestOnly

MEMBER_ROLE = Qt.ItemDataRole.UserRole + 1
# The outcome of a decision, about whom (%1): a join request, or a post or comment.
OUTCOMES = {
    ("join", "approved"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: approved"),
    ("join", "rejected"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: rejected"),
    ("join", "info"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: information asked"),
    ("join", "escalated"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: passed on"),
    ("join", "snoozed"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: snoozed"),
    ("join", "pending"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: pending"),
    ("post", "approved"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: approved"),
    ("post", "rejected"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: rejected"),
    ("post", "info"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: information asked"),
    ("post", "escalated"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: passed on"),
    ("post", "snoozed"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: snoozed"),
    ("post", "pending"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: pending"),
}
UNDONE = {
    "join": QT_TRANSLATE_NOOP("ModerationPanel", "Decision on the request from %1 undone."),
    "post": QT_TRANSLATE_NOOP("ModerationPanel", "Decision on the post by %1 undone."),
}
SOURCE_TITLES = {
    "school_register": QT_TRANSLATE_NOOP("ModerationPanel", "School register"),
    "diploma": QT_TRANSLATE_NOOP("ModerationPanel", "Diploma seen"),
    "alumni_directory": QT_TRANSLATE_NOOP("ModerationPanel", "Alumni directory"),
}


@dataclass
class ModerationState:
    items: list[QueueItem]
    communities: list[tuple[int, str]]
    stats: Statistics
    to_verify: list[ToVerify]
    log: list[Decision]
    settings: dict[str, Any]
    # Item id → (name, kind) of the items in the log, to name them.
    labels: dict[int, tuple[str, str]]


def load_state(store: Store, include_snoozed: bool = False) -> ModerationState:
    """Everything the view shows, read in one go (in a worker)."""
    log = queue.decisions(store, 200)
    return ModerationState(
        queue.list_items(store, include_sleeping=include_snoozed),
        queue.communities(store),
        queue.statistics_of(store),
        queue.to_verify(store),
        log,
        mod_settings.load(store),
        queue.item_labels(store, (d.item_id for d in log)),
    )


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
        self.state: ModerationState | None = None
        self._keep_id: int | None = None
        self._keep_row = 0
        self._loaded_once = False
        self.loader = LatestOnly(self)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)

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
        self.snoozed_box.toggled.connect(lambda _on: self.reload())
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
        self.model = ModerationQueueModel(self)
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
        for column, width in (
            (COL_AGE, 56),
            (COL_KIND, 95),
            (COL_NAME, 150),
            (COL_COMMUNITY, 140),
            (COL_MATCH, 170),
            (COL_SUGGESTION, 85),
        ):
            self.table.setColumnWidth(column, width)
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
        self._show_item(None)
        if autoload:
            self.reload()

    def _action_button(self, text: str, action: str) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(f"{action}Button")
        button.clicked.connect(lambda _=False, a=action: self.decide_current(a))
        return button

    # --- loading ---

    def reload(self) -> Job:
        return self.loader.start(load_state, self.store, self.snoozed_box.isChecked())

    def wait(self) -> bool:
        return self.loader.wait()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded_once and not self.loader.busy:
            self.reload()

    @Slot(object)
    def _on_loaded(self, state: ModerationState) -> None:
        self._loaded_once = True
        self.state = state
        keep = self._keep_id
        if keep is None:
            current = self.current_item()
            keep = current.id if current is not None else None
        self._fill_communities(state.communities)
        self.model.set_items(state.items, clock.now())
        self.empty_hint.setVisible(not state.items)
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0:
            row = min(self._keep_row, self.model.rowCount() - 1)
        self._keep_id = None
        self._select_row(row)
        self._fill_stats(state.stats)
        self._fill_to_verify(state.to_verify)
        self._fill_log(state.log)
        self._show_item(self.current_item())  # the replies offered follow the settings
        self.countChanged.emit(state.stats.pending)
        self.loaded.emit()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.feedback.setText(message_text(error) if isinstance(error, AmicaleError) else "")
        if not isinstance(error, AmicaleError):
            self.feedback.setText(
                self.tr("The queue could not be read: %1").replace("%1", str(error))
            )

    def _fill_communities(self, communities: list[tuple[int, str]]) -> None:
        chosen = self.community_filter.currentData()
        self.community_filter.clear()
        self.community_filter.addItem(self.tr("All communities"), None)
        for community_id, name in communities:
            self.community_filter.addItem(name, community_id)
        index = self.community_filter.findData(chosen)
        self.community_filter.setCurrentIndex(max(0, index))

    def _fill_stats(self, stats: Statistics) -> None:
        parts = [self.tr("%n item(s) to moderate", "", stats.pending)]
        if stats.median_hours is not None:
            hours = stats.median_hours
            wait = (
                self.tr("%1 h").replace("%1", f"{hours:.0f}")
                if hours < 48
                else self.tr("%1 days").replace("%1", self.locale().toString(hours / 24, "f", 1))
            )
            parts.append(self.tr("median time to decision: %1").replace("%1", wait))
        if stats.per_week:
            week = stats.per_week[0][0]
            count = sum(n for w, _, n in stats.per_week if w == week)
            by_community = ", ".join(f"{c or '—'} {n}" for w, c, n in stats.per_week if w == week)
            parts.append(
                self.tr("%1: %n decision(s) (%3)", "", count)
                .replace("%1", week_text(week))
                .replace("%3", by_community)
            )
        if stats.automatic:
            parts.append(self.tr("%n automatic", "", stats.automatic))
        self.stats_label.setText(" · ".join(parts))
        # Every week and community in the tooltip (the line shows the latest week).
        self.stats_label.setToolTip(
            "\n".join(
                self.tr("%1 · %2: %3")
                .replace("%1", week_text(week))
                .replace("%2", name or "—")
                .replace("%3", str(count))
                for week, name, count in stats.per_week[:60]
            )
        )

    def _fill_to_verify(self, rows: list[ToVerify]) -> None:
        self.verify_list.clear()
        for row in rows:
            text = row.name
            if row.promo is not None:
                text += " · " + self.tr("class of %1").replace("%1", str(row.promo))
            if row.community:
                text += " · " + row.community
            item = QListWidgetItem(text)
            item.setData(MEMBER_ROLE, row.member_id)
            self.verify_list.addItem(item)
        self.tabs.setTabText(
            1,
            self.tr("To verify (%1)").replace("%1", str(len(rows)))
            if rows
            else self.tr("To verify"),
        )

    def _fill_log(self, log: list[Decision]) -> None:
        self.log_list.clear()
        for decision in log:
            when = datetime.fromisoformat(decision.decided_at).astimezone()
            name, kind = self._label(decision.item_id)
            text = self.tr("%1 · %2").replace("%2", self._outcome(kind, name, decision.status))
            text = text.replace("%1", moment_text(when, clock.today()), 1)
            if decision.automatic:
                text += " · " + self.tr("automatic")
            if decision.reason:
                text += " · " + message_text(decision.reason)
            if decision.undone_at:
                text += " · " + self.tr("undone")
            item = QListWidgetItem(text)
            item.setData(MEMBER_ROLE, decision.id)
            if decision.undone_at:
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

    @Slot(object, object)
    def _on_current_changed(self, current: Any, _previous: Any) -> None:
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
        self.detail_title.setText(
            f"{title(KIND_TITLES, item.kind)} — {item.name or item.email or ''}"
        )
        info = []
        if item.email:
            info.append(item.email)
        if item.promo is not None:
            info.append(self.tr("class of %1").replace("%1", str(item.promo)))
        if item.school:
            info.append(item.school)
        if item.profile_url:
            info.append(item.profile_url)
        if item.community:
            info.append(self.tr("to %1").replace("%1", item.community))
        received = datetime.fromisoformat(item.received_at).astimezone()
        info.append(self.tr("received %1").replace("%1", moment_text(received, clock.today())))
        info.append(title(STATUS_TITLES, item.status))
        self.detail_info.setText(" · ".join(info))
        self.detail_text.setPlainText(item.text)
        settings = self.state.settings if self.state else mod_settings.DEFAULTS
        self.reason_combo.clear()
        self.reason_combo.addItems(queue.reply_choices(item.kind, item.signals, settings))
        self.signal_list.addItem(
            self.tr("Suggestion: %1 — %2")
            .replace("%2", self._why(item))
            .replace("%1", title(SUGGESTION_TITLES, item.suggestion), 1)
        )
        for signal in item.signals:
            self.signal_list.addItem(message_text(signal.message()))
        if item.member_ids:
            try:
                names = queue.describe_members(self.store, item.member_ids)
            except AmicaleError:
                names = {}
            for member_id in item.member_ids:
                entry = QListWidgetItem(names.get(member_id, f"#{member_id}"))
                entry.setData(MEMBER_ROLE, member_id)
                self.member_list.addItem(entry)

    @Slot(QListWidgetItem)
    def _on_member_activated(self, entry: QListWidgetItem) -> None:
        member_id = entry.data(MEMBER_ROLE)
        if member_id is not None:
            self.memberRequested.emit(int(member_id))

    @Slot()
    def _on_filter(self) -> None:
        self.model.set_filter(
            self.community_filter.currentData(),
            self.kind_filter.currentData(),
            self.suggestion_filter.currentData(),
        )
        self._select_row(0)

    # --- decisions ---

    def decide_current(self, action: str) -> Decision | None:
        item = self.current_item()
        if item is None:
            return None
        reason: str | None = None
        clipboard_text: str | None = None
        if action == "reject":
            reason = self.reason_combo.currentText().strip() or None
            clipboard_text = reason
        elif action == "info":
            template = str(
                (self.state.settings if self.state else mod_settings.DEFAULTS)["template.info"]
            )
            clipboard_text = template.replace("{name}", item.name or "")
        self._keep_place(item.id)  # the runner's changes reload the queue
        op = Operation(
            "moderation.decide", {"item_id": item.id, "action": action, "reason": reason}
        )
        try:
            decision: Decision = self.runner.run_now(op)
        except AmicaleError as exc:
            self.feedback.setText(message_text(exc))
            return None
        if clipboard_text:
            QGuiApplication.clipboard().setText(clipboard_text)
        name = item.name or item.email or ""
        self.feedback.setText(self._feedback(decision, clipboard_text is not None, name, item.kind))
        if "member_id" in decision.effects:  # a member created, completed or linked
            self.membersChanged.emit()
        return decision

    def _label(self, item_id: int) -> tuple[str, str]:
        """The name on an item and its kind, from the queue or the log's labels."""
        row = self.model.row_of(item_id)
        item = self.model.item_at(row) if row >= 0 else None
        if item is not None:
            return item.name or item.email or "", item.kind
        labels = self.state.labels if self.state else {}
        if item_id not in labels:
            labels = queue.item_labels(self.store, [item_id])
        return labels.get(item_id, ("", "join"))

    def _outcome(self, kind: str, name: str, status: str) -> str:
        """ "Request from Chloé Puech: approved": a sentence, in the kind's grammar."""
        group = "join" if kind == "join" else "post"
        source = OUTCOMES.get((group, status))
        who = name or self.tr("(no name)")
        if source is None:
            return who + " · " + title(STATUS_TITLES, status)
        return self.tr(str(source)).replace("%1", who)

    def _undone(self, item_id: int) -> str:
        name, kind = self._label(item_id)
        source = UNDONE["join" if kind == "join" else "post"]
        return self.tr(str(source)).replace("%1", name or self.tr("(no name)"))

    def _why(self, item: QueueItem) -> str:
        """One reason for the suggestion: its risk points, else that there is none."""
        if item.score > 0:
            settings = self.state.settings if self.state else mod_settings.DEFAULTS
            return (
                self.tr("risk %1 (a rejection is suggested from %2)")
                .replace("%2", str(settings["reject_score"]))
                .replace("%1", str(item.score), 1)
            )
        # The match and its confidence are the signal line below: said once.
        return self.tr("no warning sign")

    def _feedback(
        self, decision: Decision, copied: bool, name: str = "", kind: str = "join"
    ) -> str:
        text = self._outcome(kind, name, decision.status)
        if copied:
            text += " — " + self.tr("reply copied to the clipboard")
        return text

    def _keep_place(self, item_id: int) -> None:
        """At the next reload, keep the cursor where it was (the next item moves up)."""
        self._keep_row = max(0, self.table.currentIndex().row())
        row = self.model.row_of(item_id)
        following = self.model.item_at(row + 1) if row >= 0 else None
        self._keep_id = following.id if following is not None else None

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.moderation or changes.members:  # matches depend on the members
            self.reload()

    @Slot()
    def undo_last(self) -> Decision | None:
        try:
            last = self.runner.last_done()
            undone: Decision | None
            if last is not None and last.name == "moderation.decide":
                # The decision is Edit → Undo's last step: undo it there, so both agree.
                undone = self.runner.undo_now()[0]
            else:
                undone = self.runner.run_now(Operation("moderation.undo-last"), undoable=False)
        except AmicaleError as exc:
            self.feedback.setText(message_text(exc))
            return None
        if undone is None:
            self.feedback.setText(self.tr("No decision to undo."))
            return None
        self.feedback.setText(self._undone(undone.item_id))
        self.membersChanged.emit()
        self._keep_id = undone.item_id
        self.reload()  # again, now that the item to keep is known
        return undone

    @Slot()
    def _on_undo_selected(self) -> None:
        entry = self.log_list.currentItem()
        if entry is None:
            return
        op = Operation("moderation.undo", {"decision_ids": [int(entry.data(MEMBER_ROLE))]})
        try:
            (undone,) = self.runner.run_now(op, undoable=False)
        except AmicaleError as exc:
            self.feedback.setText(message_text(exc))
            return
        self.feedback.setText(self._undone(undone.item_id))
        self.membersChanged.emit()

    @Slot()
    def _on_bulk_approve(self) -> None:
        ids = [item.id for item in self.model.items]
        self.feedback.setText(self.tr("Approving…"))
        # In the runner's worker: each approval completes or creates a member.
        self.runner.run(
            Operation("moderation.approve-known", {"item_ids": ids}),
            self._on_bulk_approved,
            lambda error: self.feedback.setText(message_text(error)),
        )

    def _on_bulk_approved(self, made: list[Any]) -> None:
        self.feedback.setText(self.tr("%n known graduate(s) approved.", "", len(made)))
        if made:
            self.membersChanged.emit()

    @Slot()
    def _on_mark_verified(self) -> None:
        entry = self.verify_list.currentItem()
        if entry is None:
            return
        day = self.verify_date.date()
        args = {
            "member_id": int(entry.data(MEMBER_ROLE)),
            "source": str(self.verify_source.currentData()),
            "on": date(day.year(), day.month(), day.day()).isoformat(),
        }
        try:
            self.runner.run_now(Operation("moderation.verify", args))
        except AmicaleError as exc:
            self.feedback.setText(message_text(exc))
            return
        self.membersChanged.emit()

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
        job = Job(intake.import_file, self.store, path)

        def on_progress(done: int, total: int) -> None:
            progress.setMaximum(total)
            progress.setValue(done)

        job.signals.progress.connect(on_progress)

        job.signals.finished.connect(lambda report: self._on_imported(report, progress))
        job.signals.failed.connect(lambda error: self._on_import_failed(error, progress))
        return job.start()

    def _on_imported(self, report: intake.IntakeReport, progress: QProgressDialog) -> None:
        progress.close()
        self.feedback.setText(
            self.tr("Imported: %1 added, %2 merged, %3 decided by the rules.")
            .replace("%1", str(report.added))
            .replace("%2", str(report.merged))
            .replace("%3", str(len(report.automatic)))
        )
        self.runner.announce(decision_changes(report.automatic) | Changes(moderation=True))

    def _on_import_failed(self, error: BaseException, progress: QProgressDialog) -> None:
        progress.close()
        if isinstance(error, intake.IntakeError) and error.problems:
            lines = [
                self.tr("line %1: %2")
                .replace("%1", str(problem.line))
                .replace("%2", message_text(problem.reason))
                for problem in error.problems[:20]
            ]
            text = self.tr("%n bad row(s), nothing imported:", "", len(error.problems))
            text += "\n" + "\n".join(lines)
        elif isinstance(error, AmicaleError):
            text = message_text(error.args[0] if error.args else error)
        else:
            text = repr(error)
        self.feedback.setText(text)
        if self.isVisible():
            QMessageBox.warning(self, self.tr("Import failed"), text)

    @Slot()
    def _on_add(self) -> None:
        communities = [name for _, name in (self.state.communities if self.state else [])]
        dialog = AddItemsDialog(self.store, communities, self)
        dialog.added.connect(
            lambda report: self.runner.announce(
                decision_changes(report.automatic) | Changes(moderation=True)
            )
        )
        dialog.exec()

    @Slot()
    def _on_settings(self) -> None:
        dialog = ModerationSettingsDialog(self.store, self)
        dialog.saved.connect(self._on_settings_saved)
        dialog.exec()

    @Slot()
    def _on_settings_saved(self) -> None:
        job = Job(queue.recheck, self.store)
        job.signals.finished.connect(lambda _n: self.reload())
        job.start()


class AddItemsDialog(QDialog):
    """Quick add (one request or post) or paste of several lines, with a preview."""

    # The items were queued.
    added = Signal(object)

    def __init__(self, store: Store, communities: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Add to the moderation queue"))
        self.resize(620, 460)
        self.community = QComboBox()
        self.community.setObjectName("addCommunity")
        self.community.setEditable(True)
        self.community.addItems(communities)
        self.community.setToolTip(self.tr("A new name creates the community"))

        self.kind = QComboBox()
        self.kind.addItem(self.tr("Join request"), "join")
        self.kind.addItem(self.tr("Post"), "post")
        self.kind.addItem(self.tr("Comment"), "comment")
        self.name = QLineEdit()
        self.name.setObjectName("addName")
        self.email = QLineEdit()
        self.email.setObjectName("addEmail")
        self.profile = QLineEdit()
        self.promo = QSpinBox()
        self.promo.setObjectName("addPromo")
        self.promo.setRange(0, 2100)
        self.promo.setSpecialValueText(self.tr("not given"))
        self.school = QLineEdit()
        self.text = QPlainTextEdit()
        form_tab = QWidget()
        form = QFormLayout(form_tab)
        form.addRow(self.tr("Kind"), self.kind)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Email"), self.email)
        form.addRow(self.tr("Profile address"), self.profile)
        form.addRow(self.tr("Class year"), self.promo)
        form.addRow(self.tr("School"), self.school)
        form.addRow(self.tr("Text or answers"), self.text)

        self.paste = QPlainTextEdit()
        self.paste.setObjectName("pasteEdit")
        self.paste.setPlaceholderText(self.tr("Jeanne Martin — promo 2005 — jeanne@example.org"))
        self.paste.textChanged.connect(self._on_paste_changed)
        self.preview = QListWidget()
        self.preview.setObjectName("pastePreview")
        paste_tab = QWidget()
        paste_layout = QVBoxLayout(paste_tab)
        paste_layout.addWidget(
            plain_label(self.tr("One join request per line: name, class year, email."), wrap=True)
        )
        paste_layout.addWidget(self.paste, 1)
        paste_layout.addWidget(plain_label(self.tr("Preview")))
        paste_layout.addWidget(self.preview, 1)

        self.tabs = QTabWidget()
        self.tabs.addTab(form_tab, self.tr("One item"))
        self.tabs.addTab(paste_tab, self.tr("Paste lines"))
        self.error = plain_label(wrap=True)
        self.error.setObjectName("addError")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.submit)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        self.job: Job | None = None
        layout = QVBoxLayout(self)
        top = QFormLayout()
        top.addRow(self.tr("Community"), self.community)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def pasted(self) -> list[intake.PastedLine]:
        community = self.community.currentText().strip() or None
        return intake.parse_paste(self.paste.toPlainText(), community)

    @Slot()
    def _on_paste_changed(self) -> None:
        self.preview.clear()
        for line in self.pasted():
            if line.item is None:
                text = self.tr("line %1: %2").replace("%1", str(line.line))
                text = text.replace("%2", message_text(line.problem))
            else:
                parts = [line.item.name or "—"]
                if line.item.promo is not None:
                    parts.append(self.tr("class of %1").replace("%1", str(line.item.promo)))
                if line.item.email:
                    parts.append(line.item.email)
                text = "✓ " + " · ".join(parts)
            self.preview.addItem(text)

    def items(self) -> list[intake.NewItem]:
        community = self.community.currentText().strip() or None
        if self.tabs.currentIndex() == 1:
            return [line.item for line in self.pasted() if line.item is not None]
        name, email = self.name.text().strip(), self.email.text().strip() or None
        if not name and not email:
            return []
        return [
            intake.NewItem(
                str(self.kind.currentData()),
                name,
                email,
                self.profile.text().strip() or None,
                self.school.text().strip() or None,
                self.promo.value() or None,
                community,
                self.text.toPlainText().strip(),
            )
        ]

    @Slot()
    def submit(self) -> None:
        items = self.items()
        if not items:
            self.error.setText(self.tr("Give at least a name or an email."))
            return
        if self.job is not None:
            return
        # The checks read the directory (a second at a million members): off the GUI thread.
        self.buttons.setEnabled(False)
        self.error.setText(self.tr("Checking against the directory…"))
        self.job = Job(intake.add_items, self.store, items, source="manual")
        self.job.signals.finished.connect(self._on_added)
        self.job.signals.failed.connect(self._on_add_failed)
        self.job.start()

    @Slot(object)
    def _on_added(self, report: intake.IntakeReport) -> None:
        self.job = None
        self.added.emit(report)
        self.accept()

    @Slot(object)
    def _on_add_failed(self, error: BaseException) -> None:
        self.job = None
        self.buttons.setEnabled(True)
        if isinstance(error, AmicaleError):
            self.error.setText(message_text(error))
        else:
            self.error.setText(
                self.tr("The items could not be added: %1").replace("%1", str(error))
            )


class ModerationSettingsDialog(QDialog):
    """The lists, replies, template and rules of app.moderation.settings."""

    # The settings were written.
    saved = Signal()

    LISTS = (
        ("keywords.recruiting", QT_TRANSLATE_NOOP("ModerationSettingsDialog", "Recruiting words")),
        ("keywords.commercial", QT_TRANSLATE_NOOP("ModerationSettingsDialog", "Commercial words")),
        ("keywords.spam", QT_TRANSLATE_NOOP("ModerationSettingsDialog", "Spam words")),
        ("domains.shorteners", QT_TRANSLATE_NOOP("ModerationSettingsDialog", "Link shorteners")),
        ("domains.blocked", QT_TRANSLATE_NOOP("ModerationSettingsDialog", "Blocked domains")),
        (
            "domains.allowed",
            QT_TRANSLATE_NOOP(
                "ModerationSettingsDialog", "Allowed domains (the association's sites)"
            ),
        ),
    )

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Moderation settings"))
        self.resize(640, 560)
        values = mod_settings.load(store)
        self.editors: dict[str, QPlainTextEdit] = {}
        lists_tab = QWidget()
        lists = QFormLayout(lists_tab)
        for key, label in self.LISTS:
            editor = QPlainTextEdit("\n".join(str(v) for v in values.get(key, [])))
            editor.setToolTip(self.tr("One per line; a trailing * matches any ending"))
            self.editors[key] = editor
            lists.addRow(self.tr(str(label)), editor)
        replies_tab = QWidget()
        replies = QFormLayout(replies_tab)
        self.replies = QPlainTextEdit("\n\n".join(values.get("replies.reject", [])))
        self.replies.setToolTip(self.tr("Separate the replies with an empty line"))
        # The posts' replies, offered first when the post has the signal.
        self.post_replies: dict[str, QPlainTextEdit] = {}
        for key in mod_settings.REPLY_LISTS[1:]:
            editor = QPlainTextEdit("\n\n".join(values.get(key, [])))
            editor.setToolTip(self.tr("Separate the replies with an empty line"))
            self.post_replies[key] = editor
        self.template = QPlainTextEdit(str(values.get("template.info", "")))
        self.template.setToolTip(self.tr("{name} is replaced by the person's name"))
        replies.addRow(self.tr("Rejected join requests"), self.replies)
        for key, label in (
            ("replies.reject.commercial", self.tr("Commercial posts")),
            ("replies.reject.recruiting", self.tr("Job offers")),
            ("replies.reject.spam", self.tr("Spam")),
            ("replies.reject.post", self.tr("Other posts")),
        ):
            replies.addRow(label, self.post_replies[key])
        replies.addRow(self.tr("Ask for information"), self.template)
        rules_tab = QWidget()
        rules = QFormLayout(rules_tab)
        self.reject_score = QSpinBox()
        self.reject_score.setRange(1, 50)
        self.reject_score.setValue(int(values["reject_score"]))
        self.auto_approve = QCheckBox(self.tr("Approve known graduates automatically"))
        self.auto_approve.setChecked(bool(values["rules.auto_approve_known"]))
        self.auto_reject = QCheckBox(self.tr("Reject automatically above this score:"))
        self.auto_reject.setChecked(bool(values["rules.auto_reject"]))
        self.auto_reject_score = QSpinBox()
        self.auto_reject_score.setRange(1, 50)
        self.auto_reject_score.setValue(int(values["rules.auto_reject_score"]))
        rules.addRow(self.tr("Suggest a rejection from score"), self.reject_score)
        rules.addRow(self.auto_approve)
        rules.addRow(self.auto_reject, self.auto_reject_score)
        rules.addRow(
            plain_label(
                self.tr(
                    "Rules apply to new items only; every automatic decision is listed in "
                    "the Decisions tab and can be undone."
                ),
                wrap=True,
            )
        )
        tabs = QTabWidget()
        tabs.addTab(lists_tab, self.tr("Lists"))
        tabs.addTab(replies_tab, self.tr("Replies"))
        tabs.addTab(rules_tab, self.tr("Rules"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)

    def values(self) -> dict[str, Any]:
        values: dict[str, Any] = {
            key: [line.strip() for line in editor.toPlainText().splitlines() if line.strip()]
            for key, editor in self.editors.items()
        }
        replies = [r.strip() for r in self.replies.toPlainText().split("\n\n") if r.strip()]
        values["replies.reject"] = replies
        for key, editor in self.post_replies.items():
            text = editor.toPlainText()
            values[key] = [r.strip() for r in text.split("\n\n") if r.strip()]
        values["template.info"] = self.template.toPlainText().strip()
        values["reject_score"] = self.reject_score.value()
        values["rules.auto_approve_known"] = self.auto_approve.isChecked()
        values["rules.auto_reject"] = self.auto_reject.isChecked()
        values["rules.auto_reject_score"] = self.auto_reject_score.value()
        return values

    @Slot()
    def save(self) -> None:
        OperationRunner.for_store(self.store).run_now(
            Operation("moderation.settings", {"values": self.values()})
        )
        self.saved.emit()
        self.accept()
