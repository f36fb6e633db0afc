"""The Calendar panel: the editorial calendar in month, week or list view, "Due now", and
the cadence advisor.

- Month and week views are painted (ui.panels.calendar_view), the list is a table; the
  three show the same posts, filtered by channel and state, coloured by channel.
- Drag a post to another day to move it (its local time is kept); double-click to edit;
  double-click an empty day for a new post there.
- "Due now" lists the channel versions whose time has come (and the failed ones). Publish
  copies the channel's text to the clipboard and opens the network's compose page (http(s)
  only); "Mark as published" asks the post's address and records it.
  A newsletter version is published by a real send: Publish opens the newsletter dialog
  with the post's title and text; the send, once finished, marks the version published.
- The advisor shows the week's balance across channels and warns about a channel over its
  weekly maximum or silent longer than its gap.
- "More": content ideas from a feed (file or http(s) address) become drafts (the list view
  shows undated drafts); the Atom feed and the iCalendar file are written where the CM
  chose last time. Those run in a worker with Cancel.

Everything shown is loaded in a worker (`app.posts.calendar.load`: the period, the due list,
the week's cadence); a change (move, publish, save) is one short transaction run in place,
then the view reloads. The state and the logic are `ui.controllers.posts.PostsController`'s;
this widget lays the views out, asks the CM (files, addresses, reasons) and forwards.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QLocale,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QListView,
    QMenu,
    QProgressBar,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.posts.calendar import CalendarData
from app.posts.channels import Channel, channels
from app.posts.publishing import compose_url, is_web_url, post_text
from app.posts.store import STATES, CalendarItem, DueVersion
from app.store import Store
from ui.controllers.posts import LIST, PostsController

if TYPE_CHECKING:  # dialogs load when first used: a faster start-up
    from ui.dialogs.channels_dialog import ChannelsDialog
    from ui.dialogs.event_dialog import EventDialog
    from ui.dialogs.newsletter_dialog import NewsletterDialog
    from ui.dialogs.post_editor import PostEditor
    from ui.workers import Job
from ui.labels import channel_name, qdate
from ui.models.posts import (
    COL_CHANNELS,
    COL_STATE,
    COL_TEXT,
    COL_WHEN,
    ITEM_ROLE,
    SORT_ROLE,
    DueListModel,
    PostTableModel,
    state_title,
)
from ui.panels.calendar_view import MONTH, WEEK, CalendarView
from ui.widgets import ERROR_STYLE, empty_hint, plain_label

__all__ = ["LIST", "PostsPanel"]


class PostsPanel(QWidget):
    # How many channel versions are due now (the sidebar badge and the start-up notice).
    dueCountChanged = Signal(int)
    # A load finished and the views show it (tests wait on it).
    loaded = Signal()

    def __init__(
        self, store: Store, *, autoload: bool = True, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("postsPanel")
        self.store = store
        self.controller = PostsController(store, self)
        self.editor: PostEditor | None = None
        self.event_dialog: EventDialog | None = None
        self.newsletter_dialog: NewsletterDialog | None = None
        self._channels: list[Channel] = []

        # Toolbar: period, view, filters, actions.
        self.prev_button = QPushButton("◀")
        self.prev_button.setObjectName("prevButton")
        self.prev_button.setToolTip(self.tr("Previous"))
        self.today_button = QPushButton(self.tr("Today"))
        self.next_button = QPushButton("▶")
        self.next_button.setObjectName("nextButton")
        self.next_button.setToolTip(self.tr("Next"))
        self.period_label = plain_label()
        self.period_label.setObjectName("periodLabel")
        font = self.period_label.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.period_label.setFont(font)
        self.view_box = QComboBox()
        self.view_box.setObjectName("viewBox")
        self.view_box.addItem(self.tr("Month"), MONTH)
        self.view_box.addItem(self.tr("Week"), WEEK)
        self.view_box.addItem(self.tr("List"), LIST)
        self.channel_filter = QComboBox()
        self.channel_filter.setObjectName("channelFilter")
        self.channel_filter.addItem(self.tr("All channels"), None)
        self.state_filter = QComboBox()
        self.state_filter.setObjectName("stateFilter")
        self.state_filter.addItem(self.tr("All states"), None)
        for state in STATES:
            self.state_filter.addItem(state_title(state), state)
        self.new_button = QPushButton(self.tr("New post…"))
        self.new_button.setObjectName("newButton")
        self.more_button = QToolButton()
        self.more_button.setObjectName("moreButton")
        self.more_button.setText(self.tr("More"))
        self.more_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more = QMenu(self.more_button)
        self.event_action = more.addAction(self.tr("New event…"))
        self.import_action = more.addAction(self.tr("Import posts from CSV…"))
        self.channels_action = more.addAction(self.tr("Channels…"))
        more.addSeparator()
        self.ideas_action = more.addAction(self.tr("Import content ideas…"))
        self.ideas_action.setObjectName("ideasAction")
        self.feed_action = more.addAction(self.tr("Export the Atom feed…"))
        self.feed_action.setObjectName("feedAction")
        self.ical_action = more.addAction(self.tr("Export the calendar (iCalendar)…"))
        self.ical_action.setObjectName("icalAction")
        self.more_button.setMenu(more)
        # The bar fits a laptop's width: arrows as narrow as their glyph, filters as wide as
        # a dozen letters however long a channel's name is (the list itself shows it whole).
        for arrow in (self.prev_button, self.next_button):
            arrow.setMaximumWidth(arrow.fontMetrics().horizontalAdvance("◀") + 24)
        for combo in (self.channel_filter, self.state_filter):
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(12)
        top = QHBoxLayout()
        for widget in (self.prev_button, self.today_button, self.next_button):
            top.addWidget(widget)
        top.addWidget(self.period_label, 1)
        top.addWidget(self.view_box)
        top.addWidget(self.channel_filter)
        top.addWidget(self.state_filter)
        top.addWidget(self.new_button)
        top.addWidget(self.more_button)

        # The views.
        self.calendar = CalendarView()
        self.calendar.set_labels(
            [QLocale().dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)],
            self.tr("+%1 more"),
        )
        self.table_model = PostTableModel(self)
        self.table_proxy = QSortFilterProxyModel(self)
        self.table_proxy.setSourceModel(self.table_model)
        self.table_proxy.setSortRole(SORT_ROLE)
        self.table = QTableView()
        self.table.setObjectName("postTable")
        self.table.setModel(self.table_proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        # Fixed widths: resizing to contents would measure every row of a busy month.
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        for column, width in ((COL_WHEN, 150), (COL_CHANNELS, 180), (COL_STATE, 100)):
            self.table.setColumnWidth(column, width)
        self.table.horizontalHeader().setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.views = QStackedWidget()
        self.views.addWidget(self.calendar)
        self.views.addWidget(self.table)

        # Right: Due now, then the cadence advisor.
        self.due_model = DueListModel(self)
        self.due_list = QListView()
        self.due_list.setObjectName("dueList")
        self.due_list.setModel(self.due_model)
        self.due_list.setAlternatingRowColors(True)
        self.due_list.setWordWrap(True)
        self.due_list.setIconSize(QSize(12, 12))
        self.due_list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.publish_button = QPushButton(self.tr("Publish"))
        self.publish_button.setObjectName("publishButton")
        self.publish_button.setToolTip(
            self.tr("Copy the channel's text and open the network's page to post it")
        )
        self.mark_button = QPushButton(self.tr("Mark as published…"))
        self.mark_button.setObjectName("markButton")
        self.fail_button = QPushButton(self.tr("Mark as failed…"))
        self.fail_button.setObjectName("failButton")
        self.retry_button = QPushButton(self.tr("Retry"))
        self.retry_button.setObjectName("retryButton")
        due_box = QGroupBox(self.tr("Due now"))
        due_layout = QVBoxLayout(due_box)
        self.due_label = plain_label(wrap=True)
        self.due_label.setObjectName("dueLabel")
        due_layout.addWidget(self.due_label)
        due_layout.addWidget(self.due_list, 1)
        row1 = QHBoxLayout()
        row1.addWidget(self.publish_button)
        row1.addWidget(self.mark_button)
        row2 = QHBoxLayout()
        row2.addWidget(self.fail_button)
        row2.addWidget(self.retry_button)
        due_layout.addLayout(row1)
        due_layout.addLayout(row2)

        cadence_box = QGroupBox(self.tr("Rhythm this week"))
        cadence_box.setObjectName("cadenceBox")
        self.cadence_layout = QVBoxLayout(cadence_box)
        self.balance_label = plain_label(wrap=True)
        self.balance_label.setObjectName("balanceLabel")
        self.advice_label = plain_label(wrap=True)
        self.advice_label.setObjectName("adviceLabel")
        self.advice_label.setStyleSheet("color: #b35c00;")
        self.cadence_layout.addWidget(self.balance_label)
        self.cadence_layout.addWidget(self.advice_label)
        self.cadence_layout.addStretch(1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(due_box, 3)
        right_layout.addWidget(cadence_box, 2)
        right.setMinimumWidth(260)

        splitter = QSplitter()
        splitter.addWidget(self.views)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 4)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([820, 300])

        self.status_label = plain_label(wrap=True)
        self.status_label.setObjectName("statusLabel")
        # An address to open by hand can be selected and copied from it.
        self.status_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # A running import or export: what it does, a busy bar, Cancel.
        self.job_bar = QWidget()
        self.job_bar.setObjectName("jobBar")
        self.job_label = plain_label()
        self.job_label.setObjectName("jobLabel")
        self.job_progress = QProgressBar()
        self.job_progress.setRange(0, 0)
        self.job_progress.setMaximumWidth(200)
        self.job_cancel_button = QPushButton(self.tr("Cancel"))
        self.job_cancel_button.setObjectName("jobCancelButton")
        job_layout = QHBoxLayout(self.job_bar)
        job_layout.setContentsMargins(0, 0, 0, 0)
        job_layout.addWidget(self.job_label, 1)
        job_layout.addWidget(self.job_progress)
        job_layout.addWidget(self.job_cancel_button)
        self.job_bar.hide()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        self.empty_hint = empty_hint(
            self.tr("Nothing planned in this period: click New post… or double-click a day.")
        )
        layout.addWidget(self.empty_hint)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.job_bar)
        layout.addWidget(self.status_label)

        self._connect()
        self._update_period()
        self._update_due_buttons()
        if autoload:
            self.reload()

    def _connect(self) -> None:
        c = self.controller
        c.loaded.connect(self._on_loaded)
        c.dueCountChanged.connect(self.dueCountChanged)
        c.message.connect(self._on_message)
        c.jobStarted.connect(self._on_job_started)
        c.jobEnded.connect(self._on_job_ended)
        c.showDrafts.connect(self._on_show_drafts)
        c.clock.timeout.connect(self._on_clock)
        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(self._on_today)
        self.view_box.currentIndexChanged.connect(self._on_view_changed)
        self.channel_filter.currentIndexChanged.connect(self._on_filter)
        self.state_filter.currentIndexChanged.connect(self._on_filter)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.import_action.triggered.connect(self._on_import)
        self.event_action.triggered.connect(self.open_event_dialog)
        self.channels_action.triggered.connect(self.open_channels_dialog)
        self.ideas_action.triggered.connect(self._on_import_ideas)
        self.feed_action.triggered.connect(self._on_export_feed)
        self.ical_action.triggered.connect(self._on_export_calendar)
        self.job_cancel_button.clicked.connect(self._on_cancel_job)
        self.calendar.moveRequested.connect(self.controller.move)
        self.calendar.editRequested.connect(self.open_editor)
        self.calendar.newRequested.connect(self._on_new_on_day)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.publish_button.clicked.connect(self._on_publish)
        self.mark_button.clicked.connect(self._on_mark_published)
        self.fail_button.clicked.connect(self._on_mark_failed)
        self.retry_button.clicked.connect(self._on_retry)
        self.due_list.selectionModel().currentChanged.connect(self._update_due_buttons)

    # --- the controller's state, as the tests and the window read it ---------------------

    @property
    def mode(self) -> str:
        return str(self.view_box.currentData())

    @property
    def anchor(self) -> date:
        return self.controller.anchor

    @property
    def data(self) -> CalendarData | None:
        return self.controller.data

    @property
    def job(self) -> Job | None:
        return self.controller.job

    def period(self) -> tuple[date, date]:
        return self.controller.period()

    def channel_ids(self) -> list[int] | None:
        return self.controller.channel_ids()

    def states(self) -> list[str] | None:
        return self.controller.states()

    # --- period and filters --------------------------------------------------------------

    def _update_period(self) -> None:
        self.controller.mode = self.mode
        self.period_label.setText(self.controller.period_title())
        self.calendar.set_period(
            WEEK if self.mode == WEEK else MONTH, self.controller.anchor, clock.today()
        )
        self.views.setCurrentWidget(self.table if self.mode == LIST else self.calendar)

    def set_anchor(self, day: date) -> None:
        self.controller.anchor = day
        self._update_period()
        self.reload()

    def _step(self, direction: int) -> None:
        self.controller.step(direction)
        self._update_period()

    @Slot()
    def _on_today(self) -> None:
        self.set_anchor(clock.today())

    @Slot()
    def _on_view_changed(self) -> None:
        self._update_period()
        self.reload()

    @Slot()
    def _on_filter(self) -> None:
        value = self.channel_filter.currentData()
        state = self.state_filter.currentData()
        self.controller.set_filters(
            None if value is None else int(value), None if state is None else str(state)
        )

    # --- loading -------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        self.controller.mode = self.mode
        self.controller.reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.controller.loaded_once:
            self.reload()  # the due list follows the clock

    @Slot(object)
    def _on_loaded(self, data: CalendarData) -> None:
        self._set_channels(data.channels)
        colors = {c.id: c.color for c in data.channels}
        self.calendar.set_items(data.items, colors)
        self.empty_hint.setVisible(not data.items)
        self.table_model.set_rows(data.items, {c.id: c for c in data.channels})
        current = self._current_due()
        self.due_model.set_rows(data.due)
        if current is not None:
            for row, due in enumerate(data.due):
                if due.version_id == current.version_id:
                    self.due_list.setCurrentIndex(self.due_model.index(row))
        self.due_label.setText(self.controller.due_summary(data))
        balance, advice = self.controller.cadence_lines(data)
        self.balance_label.setText(balance)
        self.advice_label.setText(advice)
        self._update_due_buttons()
        self.loaded.emit()

    def _set_channels(self, channels: list[Channel]) -> None:
        if channels == self._channels:  # a renamed channel is a change too
            return
        self._channels = channels
        current = self.channel_filter.currentData()
        self.channel_filter.blockSignals(True)
        while self.channel_filter.count() > 1:
            self.channel_filter.removeItem(1)
        for chan in channels:
            self.channel_filter.addItem(channel_name(chan), chan.id)
        index = self.channel_filter.findData(current)
        self.channel_filter.setCurrentIndex(max(0, index))
        self.channel_filter.blockSignals(False)
        # A channel deleted meanwhile falls back to "All channels": the next load follows.
        value = self.channel_filter.currentData()
        self.controller.channel_id = None if value is None else int(value)

    @Slot(str, bool)
    def _on_message(self, text: str, error: bool) -> None:
        self.status_label.setStyleSheet(ERROR_STYLE if error else "")
        self.status_label.setText(text)

    @Slot()
    def _on_clock(self) -> None:
        if self.calendar.today != clock.today():  # past midnight: move the "today" mark
            self._update_period()

    # --- editing -------------------------------------------------------------------------

    def open_editor(self, post_id: int | None, day: date | None = None) -> PostEditor:
        """The editor, opened window-modal (tests drive the returned dialog)."""
        from ui.dialogs.post_editor import PostEditor

        editor = PostEditor(
            self.store,
            self.controller.all_channels(),
            post_id,
            day=qdate(day) if day else None,
            parent=self,
        )
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()
        return editor

    def open_event_dialog(self) -> EventDialog:
        from ui.dialogs.event_dialog import EventDialog

        dialog = EventDialog(self.store, self.controller.all_channels(), parent=self)
        dialog.accepted.connect(lambda: self.controller.event_created(len(dialog.created)))
        dialog.finished.connect(dialog.deleteLater)
        self.event_dialog = dialog
        dialog.open()
        return dialog

    def open_channels_dialog(self) -> ChannelsDialog:
        from ui.dialogs.channels_dialog import ChannelsDialog

        # Saving runs channel operations: the calendar reloads from their changes.
        dialog = ChannelsDialog(self.store, channels(self.store), parent=self)
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    @Slot(object)
    def _on_new_on_day(self, day: date) -> None:
        self.open_editor(None, day)

    @Slot()
    def _on_table_double_clicked(self) -> None:
        index = self.table.currentIndex()
        item = index.data(ITEM_ROLE)
        if isinstance(item, CalendarItem):
            self.open_editor(item.post_id)

    @Slot()
    def _on_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Import posts"), "", self.tr("CSV files (*.csv *.txt);;All files (*)")
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self.controller.import_file(path)

    # --- content ideas and the website files (the controller's jobs, with Cancel) --------

    @Slot(str)
    def _on_job_started(self, text: str) -> None:
        self.job_label.setText(text)
        self.job_cancel_button.setEnabled(True)
        self.job_bar.show()
        for action in (self.ideas_action, self.feed_action, self.ical_action):
            action.setEnabled(False)

    @Slot()
    def _on_job_ended(self) -> None:
        self.job_bar.hide()
        for action in (self.ideas_action, self.feed_action, self.ical_action):
            action.setEnabled(True)

    @Slot()
    def _on_cancel_job(self) -> None:
        if self.controller.cancel_job():
            self.job_cancel_button.setEnabled(False)
            self.job_label.setText(self.tr("Cancelling…"))

    @Slot()
    def _on_import_ideas(self) -> None:
        from ui.dialogs.ideas_dialog import IdeasSourceDialog

        dialog = IdeasSourceDialog(self)
        if dialog.exec() == IdeasSourceDialog.DialogCode.Accepted and dialog.source:
            self.import_ideas(dialog.source)

    def import_ideas(self, source: str) -> Job:
        """Read the feed (file or http(s) address) and add its new ideas as drafts."""
        return self.controller.import_ideas(source)

    @Slot()
    def _on_show_drafts(self) -> None:
        self.state_filter.blockSignals(True)
        self.state_filter.setCurrentIndex(self.state_filter.findData("draft"))
        self.state_filter.blockSignals(False)
        self.controller.state = "draft"
        if self.mode != LIST:
            self.view_box.setCurrentIndex(self.view_box.findData(LIST))  # reloads
            return
        self.reload()

    def _ask_target(self, key: str, default_name: str, title: str, filters: str) -> Path | None:
        proposed = self.controller.proposed_target(key, default_name)
        name, _ = QFileDialog.getSaveFileName(self, title, str(proposed), filters)
        return Path(name) if name else None

    @Slot()
    def _on_export_feed(self) -> None:
        from app.posts import publish_files

        target = self._ask_target(
            publish_files.FEED_PATH_KEY,
            "feed.atom",
            self.tr("Export the Atom feed"),
            self.tr("Atom feeds (*.atom *.xml);;All files (*)"),
        )
        if target is not None:
            self.export_feed(target)

    def export_feed(self, target: Path) -> Job:
        return self.controller.export_feed(target)

    @Slot()
    def _on_export_calendar(self) -> None:
        from app.posts import publish_files

        target = self._ask_target(
            publish_files.CALENDAR_PATH_KEY,
            "calendar.ics",
            self.tr("Export the calendar"),
            self.tr("iCalendar files (*.ics);;All files (*)"),
        )
        if target is not None:
            self.export_calendar(target)

    def export_calendar(self, target: Path) -> Job:
        return self.controller.export_calendar(target)

    # --- Due now: publishing -------------------------------------------------------------

    def _current_due(self) -> DueVersion | None:
        item = self.due_list.currentIndex().data(ITEM_ROLE)
        return item if isinstance(item, DueVersion) else None

    @Slot()
    def _update_due_buttons(self) -> None:
        actions = self.controller.due_actions(self._current_due())
        self.publish_button.setEnabled(actions.publish)
        self.publish_button.setToolTip(
            self.tr("Send it to the members: opens the newsletter with this text")
            if actions.publish_sends
            else self.tr("Copy the channel's text and open the network's page to post it")
        )
        self.mark_button.setEnabled(actions.mark)
        self.fail_button.setEnabled(actions.fail)
        self.retry_button.setEnabled(actions.retry)

    @Slot()
    def _on_publish(self) -> None:
        due = self._current_due()
        if due is None:
            return
        if due.channel.kind == "newsletter":
            self.open_newsletter(due)
            return
        QGuiApplication.clipboard().setText(post_text(due.text, due.link))
        url = compose_url(due.channel, due.text, due.link)
        # Never anything but http(s). No browser (none installed, none set as default):
        # say so here, with the address to open by hand, selectable.
        if url is not None and is_web_url(url):
            opened = QDesktopServices.openUrl(QUrl(url))
            self.controller.published_by_hand(due, url, opened)
        else:
            self.controller.published_by_hand(due, None, True)

    def open_newsletter(self, due: DueVersion) -> NewsletterDialog:
        """The newsletter dialog with the post's title and text: the send, once finished,
        marks the version published (app.posts.newsletter.publish_post_of_send) and the
        dialog announces it (the calendar reloads from those changes)."""
        from ui.dialogs.newsletter_dialog import NewsletterDialog

        dialog = NewsletterDialog(
            self.store,
            self,
            subject=due.title or " ".join(due.text.split())[:80],
            body=post_text(due.text, due.link),
            post_id=due.post_id,
        )
        dialog.finished.connect(dialog.deleteLater)
        self.newsletter_dialog = dialog
        dialog.open()
        return dialog

    def ask_url(self, due: DueVersion) -> str | None:
        """The published post's address; None if the CM cancelled."""
        text, ok = QInputDialog.getText(
            self,
            self.tr("Mark as published"),
            self.tr("Address of the post on %1 (optional):").replace(
                "%1", channel_name(due.channel)
            ),
        )
        return text.strip() if ok else None

    def ask_reason(self, due: DueVersion) -> str | None:
        text, ok = QInputDialog.getText(
            self, self.tr("Mark as failed"), self.tr("What went wrong?")
        )
        return text.strip() if ok else None

    @Slot()
    def _on_mark_published(self) -> None:
        due = self._current_due()
        if due is None:
            return
        url = self.ask_url(due)
        if url is not None:
            self.controller.mark_published(due, url)

    @Slot()
    def _on_mark_failed(self) -> None:
        due = self._current_due()
        if due is None:
            return
        reason = self.ask_reason(due)
        if reason is not None:
            self.controller.mark_failed(due, reason)

    @Slot()
    def _on_retry(self) -> None:
        due = self._current_due()
        if due is not None:
            self.controller.retry(due)

    def wait(self, msecs: int = 5000) -> bool:
        return self.controller.wait(msecs)

    def posts_shown(self) -> list[Any]:
        return list(self.data.items) if self.data else []
