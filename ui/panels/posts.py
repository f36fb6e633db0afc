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

Everything shown is loaded in a worker (one query for the period, the due list, the week's
cadence); a change (move, publish, save) is one short transaction run in place, then the
view reloads.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QLocale,
    QSize,
    QSortFilterProxyModel,
    Qt,
    QTimer,
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
from app.errors import AmicaleError, Cancelled
from app.operations import Changes, Operation
from app.posts import planning
from app.posts.channels import Channel, channels
from app.posts.publishing import compose_url, is_web_url, post_text
from app.posts.store import (
    STATES,
    CalendarItem,
    DueVersion,
    calendar_items,
    due_versions,
    get_post,
    reschedule,
)
from app.posts.timing import DEFAULT_TZ, to_utc
from app.store import Store

if TYPE_CHECKING:  # dialogs and file formats load when first used: a faster start-up
    from app.posts.ideas import IdeasReport
    from ui.dialogs.channels_dialog import ChannelsDialog
    from ui.dialogs.event_dialog import EventDialog
    from ui.dialogs.newsletter_dialog import NewsletterDialog
    from ui.dialogs.post_editor import PostEditor
from ui.labels import channel_name, message_text, qdate
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
from ui.operations import OperationRunner
from ui.panels.calendar_view import MONTH, WEEK, CalendarView, monday_of
from ui.widgets import ERROR_STYLE, empty_hint, plain_label
from ui.workers import Job, LatestOnly

LIST = "list"


@dataclass(frozen=True)
class CalendarData:
    """What one load brings back to the panel."""

    first_day: date
    last_day: date
    items: list[CalendarItem]
    channels: list[Channel]
    due: list[DueVersion]
    cadence: planning.Cadence


def load_calendar(
    store: Store,
    first_day: date,
    last_day: date,
    channel_ids: list[int] | None,
    states: list[str] | None,
    week_of: date,
    tz: str = DEFAULT_TZ,
    include_undated: bool = False,
) -> CalendarData:
    """Runs in a worker: the period's posts (and the undated drafts, for the list view), the
    due list and the week's cadence."""
    start = to_utc(datetime.combine(first_day, datetime.min.time()), tz)
    end = to_utc(datetime.combine(last_day, datetime.min.time()), tz)
    chans = channels(store)
    return CalendarData(
        first_day=first_day,
        last_day=last_day,
        items=calendar_items(
            store,
            start,
            end,
            channel_ids=channel_ids,
            states=states,
            include_undated=include_undated,
        ),
        channels=chans,
        due=due_versions(store, include_failed=True),
        cadence=planning.cadence(store, week_of, tz=tz),
    )


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
        self.tz = DEFAULT_TZ
        self.anchor = clock.today()
        self.channels: list[Channel] = []
        self.data: CalendarData | None = None
        self.editor: PostEditor | None = None
        self.event_dialog: EventDialog | None = None
        self.newsletter_dialog: NewsletterDialog | None = None
        self.job: Job | None = None  # an ideas import or an export running
        self._loaded_once = False

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

        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)
        self.loader = LatestOnly(self)
        self.loader.pool.setMaxThreadCount(1)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)

        self.prev_button.clicked.connect(lambda: self._step(-1))
        self.next_button.clicked.connect(lambda: self._step(1))
        self.today_button.clicked.connect(self._on_today)
        self.view_box.currentIndexChanged.connect(self._on_view_changed)
        self.channel_filter.currentIndexChanged.connect(self.reload)
        self.state_filter.currentIndexChanged.connect(self.reload)
        self.new_button.clicked.connect(lambda: self.open_editor(None))
        self.import_action.triggered.connect(self._on_import)
        self.event_action.triggered.connect(self.open_event_dialog)
        self.channels_action.triggered.connect(self.open_channels_dialog)
        self.ideas_action.triggered.connect(self._on_import_ideas)
        self.feed_action.triggered.connect(self._on_export_feed)
        self.ical_action.triggered.connect(self._on_export_calendar)
        self.job_cancel_button.clicked.connect(self._on_cancel_job)
        # Posts fall due while the window is open: look again every minute.
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.clock.timeout.connect(self._on_clock)
        self.clock.start()
        self.calendar.moveRequested.connect(self._on_move)
        self.calendar.editRequested.connect(self.open_editor)
        self.calendar.newRequested.connect(self._on_new_on_day)
        self.table.doubleClicked.connect(self._on_table_double_clicked)
        self.publish_button.clicked.connect(self._on_publish)
        self.mark_button.clicked.connect(self._on_mark_published)
        self.fail_button.clicked.connect(self._on_mark_failed)
        self.retry_button.clicked.connect(self._on_retry)
        self.due_list.selectionModel().currentChanged.connect(self._update_due_buttons)
        self._update_period()
        self._update_due_buttons()
        if autoload:
            self.reload()

    # --- period and filters --------------------------------------------------------------------

    @property
    def mode(self) -> str:
        return str(self.view_box.currentData())

    def period(self) -> tuple[date, date]:
        """The days loaded: the week shown, or the whole month grid (month and list)."""
        if self.mode == WEEK:
            first = monday_of(self.anchor)
            return first, first + timedelta(days=7)
        first = monday_of(self.anchor.replace(day=1))
        return first, first + timedelta(days=42)

    def _update_period(self) -> None:
        locale = QLocale()
        if self.mode == WEEK:
            first, last = self.period()
            end = last - timedelta(days=1)
            text = (
                self.tr("%1 – %2")
                .replace("%1", locale.toString(qdate(first), QLocale.FormatType.ShortFormat))
                .replace("%2", locale.toString(qdate(end), QLocale.FormatType.ShortFormat))
            )
        else:
            text = locale.toString(qdate(self.anchor), "MMMM yyyy")
        self.period_label.setText(text)
        self.calendar.set_period(WEEK if self.mode == WEEK else MONTH, self.anchor, clock.today())
        self.views.setCurrentWidget(self.table if self.mode == LIST else self.calendar)

    def set_anchor(self, day: date) -> None:
        self.anchor = day
        self._update_period()
        self.reload()

    def _step(self, direction: int) -> None:
        if self.mode == WEEK:
            self.set_anchor(self.anchor + timedelta(days=7 * direction))
        else:
            month = self.anchor.year * 12 + self.anchor.month - 1 + direction
            self.set_anchor(date(month // 12, month % 12 + 1, 1))

    @Slot()
    def _on_today(self) -> None:
        self.set_anchor(clock.today())

    @Slot()
    def _on_view_changed(self) -> None:
        self._update_period()
        self.reload()

    def channel_ids(self) -> list[int] | None:
        value = self.channel_filter.currentData()
        return None if value is None else [int(value)]

    def states(self) -> list[str] | None:
        value = self.state_filter.currentData()
        return None if value is None else [str(value)]

    # --- loading -------------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        first, last = self.period()
        week_of = (
            self.anchor
            if self.mode == WEEK
            else max(first, min(clock.today(), last - timedelta(days=1)))
        )
        self.loader.start(
            load_calendar, self.store, first, last, self.channel_ids(), self.states(), week_of,
            self.tz, self.mode == LIST,
        )  # fmt: skip

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._loaded_once:
            self.reload()  # the due list follows the clock

    @Slot(object)
    def _on_loaded(self, data: CalendarData) -> None:
        self.data = data
        self._loaded_once = True
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
        count = self.due_model.due_count
        failed = len(data.due) - count
        self.due_label.setText(
            self.tr("%n post(s) to publish now", "", count)
            + ("" if not failed else " · " + self.tr("%n failed", "", failed))
        )
        self._show_cadence(data)
        self._update_due_buttons()
        self.dueCountChanged.emit(count)
        self.loaded.emit()

    @Slot(object)
    def _on_load_failed(self, error: BaseException) -> None:
        self._error(error)

    def _set_channels(self, channels: list[Channel]) -> None:
        if channels == self.channels:  # a renamed channel is a change too
            return
        self.channels = channels
        current = self.channel_filter.currentData()
        self.channel_filter.blockSignals(True)
        while self.channel_filter.count() > 1:
            self.channel_filter.removeItem(1)
        for chan in channels:
            self.channel_filter.addItem(channel_name(chan), chan.id)
        index = self.channel_filter.findData(current)
        self.channel_filter.setCurrentIndex(max(0, index))
        self.channel_filter.blockSignals(False)

    def _show_cadence(self, data: CalendarData) -> None:
        cadence = data.cadence
        names = {c.id: c for c in data.channels}
        week = QLocale().toString(qdate(cadence.week_start), QLocale.FormatType.ShortFormat)
        lines = [self.tr("Week of %1: %n post(s)", "", cadence.total).replace("%1", week)]
        for channel_id, count in cadence.balance.items():
            chan = names.get(channel_id)
            if chan is None:
                continue
            bar = "■" * min(count, 12)
            limit = f"/{chan.max_per_week}" if chan.max_per_week is not None else ""
            # "%1: %2" in the translation: French puts a no-break space before the colon.
            line = self.tr("%1: %2").replace("%2", f"{count}{limit} {bar}")
            lines.append(line.replace("%1", channel_name(chan), 1))
        self.balance_label.setText("\n".join(lines))
        self.advice_label.setText("\n".join("⚠ " + message_text(a.message) for a in cadence.advice))

    def _error(self, error: BaseException | str) -> None:
        text = (
            error
            if isinstance(error, str)
            else message_text(error.args[0] if error.args else error)
        )
        self.status_label.setStyleSheet(ERROR_STYLE)
        self.status_label.setText(str(text))

    def _info(self, text: str) -> None:
        self.status_label.setStyleSheet("")
        self.status_label.setText(text)

    # --- moving and editing --------------------------------------------------------------------

    @Slot(int, int, object, object)
    def _on_move(self, post_id: int, occurrence: int, source: date, target: date) -> None:
        """Move a post to ``target`` keeping its local time; dragging a repetition of a
        recurring post moves the whole series by the same number of days."""
        try:
            if occurrence == 0:
                reschedule(self.store, post_id, datetime.combine(target, datetime.min.time()))
            else:
                first = get_post(self.store, post_id).local_time
                assert first is not None
                reschedule(self.store, post_id, first + (target - source))
        except AmicaleError as exc:
            self._error(exc)
        else:
            self._info(
                self.tr("Moved to %1.").replace(
                    "%1", QLocale().toString(qdate(target), QLocale.FormatType.LongFormat)
                )
            )
        self.reload()

    def _all_channels(self) -> list[Channel]:
        """The channels as last loaded (read now if the first load has not come back)."""
        if self.channels:
            return self.channels
        return channels(self.store)

    def open_editor(self, post_id: int | None, day: date | None = None) -> PostEditor:
        """The editor, opened window-modal (tests drive the returned dialog)."""
        from ui.dialogs.post_editor import PostEditor

        channels = self._all_channels()
        editor = PostEditor(
            self.store, channels, post_id, day=qdate(day) if day else None, parent=self
        )
        editor.finished.connect(editor.deleteLater)
        self.editor = editor
        editor.open()
        return editor

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.posts or changes.channels:
            self.reload()

    @Slot()
    def _on_clock(self) -> None:
        if self.calendar.today != clock.today():  # past midnight: move the "today" mark
            self._update_period()
        if not self.loader.busy:
            self.reload()

    def open_event_dialog(self) -> EventDialog:
        from ui.dialogs.event_dialog import EventDialog

        dialog = EventDialog(self.store, self._all_channels(), parent=self)
        dialog.accepted.connect(lambda: self._on_event_created(len(dialog.created)))
        dialog.finished.connect(dialog.deleteLater)
        self.event_dialog = dialog
        dialog.open()
        return dialog

    def _on_event_created(self, count: int) -> None:
        # The event's operation told the runner: the calendar reloads from its changes.
        self._info(self.tr("%n draft(s) prepared for the event.", "", count))

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
        from app.posts.csv_import import import_posts_csv

        try:
            report = import_posts_csv(self.store, path, tz=self.tz)
        except AmicaleError as exc:
            self._error(exc)
            return
        lines = [
            self.tr("%1 post(s) imported, %2 row(s) refused.")
            .replace("%1", str(report.created))
            .replace("%2", str(len(report.rejected)))
        ]
        lines += [
            self.tr("Line %1: %2")
            .replace("%1", str(bad.line))
            .replace("%2", message_text(bad.reason))
            for bad in report.rejected[:10]
        ]
        (self._error if report.rejected else self._info)("\n".join(lines))
        self.reload()

    # --- content ideas and the website files (in a worker, with Cancel) ------------------------

    def _start_job(self, text: str, fn: Any, *args: Any, on_done: Any, **kwargs: Any) -> Job:
        self.job = Job(fn, *args, **kwargs)
        self.job.signals.finished.connect(lambda result: self._on_job_done(result, on_done))
        self.job.signals.failed.connect(self._on_job_failed)
        self.job_label.setText(text)
        self.job_cancel_button.setEnabled(True)
        self.job_bar.show()
        for action in (self.ideas_action, self.feed_action, self.ical_action):
            action.setEnabled(False)
        return self.job.start()

    def _job_ended(self) -> None:
        self.job = None
        self.job_bar.hide()
        for action in (self.ideas_action, self.feed_action, self.ical_action):
            action.setEnabled(True)

    def _on_job_done(self, result: object, on_done: Any) -> None:
        self._job_ended()
        on_done(result)

    @Slot(object)
    def _on_job_failed(self, error: BaseException) -> None:
        self._job_ended()
        if isinstance(error, Cancelled):
            self._info(self.tr("Cancelled: nothing was changed."))
        else:
            self._error(error)

    @Slot()
    def _on_cancel_job(self) -> None:
        if self.job is not None:
            self.job.cancel()
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
        from app.posts.ideas import import_ideas

        return self._start_job(
            self.tr("Reading %1…").replace("%1", source),
            import_ideas,
            self.store,
            source,
            on_done=self._on_ideas_imported,
        )

    def _on_ideas_imported(self, report: IdeasReport) -> None:
        self._info(
            self.tr("%1 draft(s) created from the feed, %2 already known.")
            .replace("%1", str(report.created))
            .replace("%2", str(report.known))
        )
        if report.created:  # show them: the list view with the drafts
            self.state_filter.blockSignals(True)
            self.state_filter.setCurrentIndex(self.state_filter.findData("draft"))
            self.state_filter.blockSignals(False)
            if self.mode != LIST:
                self.view_box.setCurrentIndex(self.view_box.findData(LIST))  # reloads
                return
        self.reload()

    def _ask_target(self, key: str, default_name: str, title: str, filters: str) -> Path | None:
        from app.posts import publish_files

        last = publish_files.remembered_path(self.store, key)
        proposed = last if last is not None else Path.home() / default_name
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
        from app.posts import publish_files

        return self._start_job(
            self.tr("Writing the feed…"),
            publish_files.export_feed,
            self.store,
            target,
            remember=True,
            on_done=lambda report: self._info(
                self.tr("Feed written: %1 published post(s) in %2.")
                .replace("%1", str(report.entries))
                .replace("%2", str(report.path))
            ),
        )

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
        from app.posts import publish_files

        return self._start_job(
            self.tr("Writing the calendar…"),
            publish_files.export_calendar,
            self.store,
            target,
            remember=True,
            on_done=lambda report: self._info(
                self.tr("Calendar written: %1 post(s) in %2.")
                .replace("%1", str(report.events))
                .replace("%2", str(report.path))
            ),
        )

    # --- Due now: publishing -------------------------------------------------------------------

    def _current_due(self) -> DueVersion | None:
        item = self.due_list.currentIndex().data(ITEM_ROLE)
        return item if isinstance(item, DueVersion) else None

    @Slot()
    def _update_due_buttons(self) -> None:
        due = self._current_due()
        manual = due is not None and compose_url(due.channel, due.text, due.link) is not None
        sendable = due is not None and due.channel.kind == "newsletter"
        self.publish_button.setEnabled(
            due is not None and due.state == "due" and (manual or sendable)
        )
        self.publish_button.setToolTip(
            self.tr("Send it to the members: opens the newsletter with this text")
            if sendable
            else self.tr("Copy the channel's text and open the network's page to post it")
        )
        self.mark_button.setEnabled(due is not None and due.state == "due")
        self.fail_button.setEnabled(due is not None and due.state == "due")
        self.retry_button.setEnabled(due is not None and due.state == "failed")

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
        if url is not None and is_web_url(url) and not QDesktopServices.openUrl(QUrl(url)):
            self._info(
                self.tr(
                    "No web browser opened. The text for %1 is on the clipboard: open "
                    "this address in your browser, paste it, post it, then “Mark as "
                    "published”:\n%2"
                )
                .replace("%2", url)
                .replace("%1", channel_name(due.channel), 1)
            )
            return
        self._info(
            self.tr(
                "The text for %1 is on the clipboard. Paste it, post it, then “Mark as published”."
            ).replace("%1", channel_name(due.channel))
        )

    def open_newsletter(self, due: DueVersion) -> NewsletterDialog:
        """The newsletter dialog with the post's title and text: the send, once finished,
        marks the version published (app.posts.newsletter.publish_post_of_send)."""
        from ui.dialogs.newsletter_dialog import NewsletterDialog

        dialog = NewsletterDialog(
            self.store,
            self,
            subject=due.title or " ".join(due.text.split())[:80],
            body=post_text(due.text, due.link),
            post_id=due.post_id,
        )
        dialog.sendEnded.connect(lambda _summary: self.reload())
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
        if url is None:
            return
        if url and not is_web_url(url):
            self._error(self.tr("The address must start with http:// or https://."))
            return
        args = {"version_id": due.version_id, "url": url or None, "at": clock.now().isoformat()}
        try:
            self.runner.run_now(Operation("post.published", args))  # its changes reload
        except AmicaleError as exc:
            self._error(exc)
        else:
            self._info(
                self.tr("Marked as published on %1.").replace("%1", channel_name(due.channel))
            )

    @Slot()
    def _on_mark_failed(self) -> None:
        due = self._current_due()
        if due is None:
            return
        reason = self.ask_reason(due)
        if reason is None:
            return
        args = {"version_id": due.version_id, "reason": reason or self.tr("failed")}
        try:
            self.runner.run_now(Operation("post.failed", args))
        except AmicaleError as exc:
            self._error(exc)

    @Slot()
    def _on_retry(self) -> None:
        due = self._current_due()
        if due is None:
            return
        try:
            self.runner.run_now(Operation("post.retry", {"version_id": due.version_id}))
        except AmicaleError as exc:
            self._error(exc)

    def wait(self, msecs: int = 5000) -> bool:
        return self.loader.wait(msecs)

    def posts_shown(self) -> list[Any]:
        return list(self.data.items) if self.data else []
