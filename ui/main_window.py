"""The main window: a sidebar of panels, the current panel, a status bar."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from PySide6.QtCore import QRect, QSize, Qt, QTimer, Slot
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QSystemTrayIcon,
    QVBoxLayout,
    QWidget,
)

from app import APP_NAME, __version__, failures, permissions
from app.association import Association
from app.errors import AmicaleError
from app.members.service import MemberDirectory
from app.operations import Changes
from app.privacy import backups
from app.store import Store, backup
from app.store.roles import current_role
from ui.labels import message_text
from ui.lock import IdleTimer, LockScreen
from ui.operations import OperationRunner, failure_text
from ui.panels.dashboard import CALENDAR, DashboardPanel
from ui.panels.duplicates import DuplicatesPanel
from ui.panels.history import HistoryPanel
from ui.panels.members import MembersPanel
from ui.panels.moderation import ModerationPanel
from ui.panels.posts import PostsPanel
from ui.panels.privacy import PrivacyPanel
from ui.panels.segments import SegmentList
from ui.panels.tags import TagsPanel
from ui.panels.today import TodayPanel
from ui.settings import UiSettings
from ui.sync_status import SyncStatus
from ui.team_watch import TeamWatcher
from ui.widgets import forbid
from ui.workers import Job

IMPORTED = Changes(all_members=True, tags=True, duplicates=True, segments=True)
# Pause after the last search before the tag counts follow it (typing goes on meanwhile).
TAG_SYNC_MS = 300
# The window's first size, smaller on a smaller screen; room is kept for the title bar and
# the frame the window manager adds (a 1366×768 laptop: the status bar stays on screen).
DEFAULT_SIZE = QSize(1280, 800)
FRAME_ALLOWANCE = QSize(16, 48)


def default_size(available: QRect) -> QSize:
    """The window's size on first start on a screen whose free area is ``available``."""
    return DEFAULT_SIZE.boundedTo(available.size() - FRAME_ALLOWANCE)


class MainWindow(QMainWindow):
    def __init__(
        self,
        store: Store,
        settings: UiSettings,
        association: Association | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.tray: QSystemTrayIcon | None = None
        self._tray_clicked: Callable[[], None] | None = None  # what the last message opens
        self._birthdays_notified_on: date | None = None  # one tray message a day
        # Start-up notices share one status-bar line, composed in this order: whichever
        # arrives second (birthdays, posts due) must not wipe the first.
        self._notices: dict[str, str] = {}
        self.setObjectName("mainWindow")
        title = f"{association.name} — {APP_NAME}" if association else APP_NAME
        self.setWindowTitle(title)
        self.resize(default_size(self.screen().availableGeometry()))

        self.directory = MemberDirectory(store)
        # Every change goes through one runner; each panel listens to what it changed.
        self.runner = OperationRunner.for_store(store)
        self.runner.historyChanged.connect(self._update_undo)
        self.runner.failed.connect(self._on_operation_failed)
        self.members = MembersPanel(self.directory, settings)

        self.sidebar = QListWidget()
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setIconSize(QSize(20, 20))
        self.stack = QStackedWidget()
        self.add_panel(self.tr("Members"), self.members)
        self.tags = TagsPanel(store, autoload=False)
        self.add_panel(self.tr("Tags"), self.tags)
        # Tag counts follow the search once its list is shown and typing has paused, and only
        # while a tag browser is on screen: counting at every keystroke would slow the search.
        self.tag_sync = QTimer(self)
        self.tag_sync.setSingleShot(True)
        self.tag_sync.setInterval(TAG_SYNC_MS)
        self.tag_sync.timeout.connect(self._sync_tag_counts)
        self.members.searchFinished.connect(self.tag_sync.start)
        self.tags.queryRequested.connect(self._on_segment)
        self.tags.combineRequested.connect(self._on_combine)
        # Bulk tagging from the member list; the tag browser beside it takes dropped members.
        self.members.statusMessage.connect(lambda text: self.statusBar().showMessage(text, 10000))
        self.tag_dock = QDockWidget(self.tr("Tags"), self)
        self.tag_dock.setObjectName("tagDock")
        self.tag_dock.setMinimumWidth(180)
        self.tag_dock.setWidget(self.tags.side_view())
        self.tag_dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        self.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.tag_dock)
        self.tags.handles_drops = False
        self.tags.model.membersDropped.connect(
            lambda tag_id, ids: self.members.start_tagging(tag_id, ids=ids)
        )
        self.today = TodayPanel(store, autoload=False)
        self.add_panel(self.tr("Birthdays"), self.today)
        self.today.countChanged.connect(self._on_birthdays_today)
        self.duplicates = DuplicatesPanel(store, self.directory)
        self.add_panel(self.tr("Duplicates"), self.duplicates)
        self.posts = PostsPanel(store, autoload=False)
        self._posts_due_announced = 0
        self.add_panel(self.tr("Calendar"), self.posts)
        self.posts.dueCountChanged.connect(self._on_posts_due)
        self.moderation = ModerationPanel(store, autoload=False)
        self.add_panel(self.tr("Moderation"), self.moderation)
        self.moderation.memberRequested.connect(self._on_member_requested)
        self.dashboard = DashboardPanel(store, autoload=False)
        self.add_panel(self.tr("Dashboard"), self.dashboard)
        self.dashboard.queryRequested.connect(self._on_segment)
        self.dashboard.panelRequested.connect(
            lambda name: self.show_panel(self.posts if name == CALENDAR else self.moderation)
        )
        self.dashboard.reportRequested.connect(self._on_board_report)
        self.privacy = PrivacyPanel(store)
        self.add_panel(self.tr("Privacy"), self.privacy)
        self.members.card.memberErased.connect(self._on_member_erased)
        self.privacy.lateCountChanged.connect(self._on_requests_late)
        self.history = HistoryPanel(store)
        self.add_panel(self.tr("History"), self.history)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row)
        self.stack.currentChanged.connect(self._on_panel_changed)
        self.stack.currentChanged.connect(self._fit_stack_to_page)
        self.stack.currentChanged.connect(self._sync_tag_counts)
        self.sidebar.setCurrentRow(0)
        self._fit_stack_to_page(0)

        # Left column: the panels, then the saved segments (each one a search).
        self.segments = SegmentList(store, autoload=False)
        self.segments.segmentActivated.connect(self._on_segment)
        self.members.search.textChanged.connect(self.segments.set_current_query)
        rows = self.sidebar.count()
        self.sidebar.setFixedHeight(
            self.sidebar.sizeHintForRow(0) * rows + 2 * self.sidebar.frameWidth() + 4
        )
        left = QWidget()
        left.setMaximumWidth(280)
        left.setMinimumWidth(170)  # the tag browser beside the member list must not squeeze it
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.sidebar)
        column.addWidget(self.segments, 1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self.stack)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([190, 1090])  # the member list needs the width more
        self.setCentralWidget(splitter)

        self.count_label = QLabel()
        self.count_label.setObjectName("countLabel")
        self.count_label.setTextFormat(Qt.TextFormat.PlainText)
        self.statusBar().addPermanentWidget(self.count_label)
        self.members.countChanged.connect(self.count_label.setText)
        self.members.undoAvailable.connect(self._on_undo_available)

        self._build_menus()
        self.role = self._apply_role()
        geometry = settings.state("window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if store.report.backup is not None:
            self.show_notice(
                "upgrade",
                self.tr("Your data file was upgraded; the previous version is kept in %1").replace(
                    "%1", str(store.report.backup)
                ),
            )
        # An encrypted store's window locks itself after some minutes without input.
        self.lock_screen: LockScreen | None = None
        self.idle: IdleTimer | None = None
        self._disabled_by_lock: list[QAction] = []
        if store.key is not None and settings.lock_minutes:
            self.lock_screen = LockScreen(store.key, self)
            self.lock_screen.unlocked.connect(self._on_unlocked)
            self.idle = IdleTimer(settings.lock_minutes * 60_000, self)
            self.idle.idle.connect(self.lock)
        # The member list loads first; the counts of the other panels wait for its first page.
        self.members.searchFinished.connect(self._on_first_search)
        self.members.refresh()
        # Team mode: the others' changes reach the panels as the window's own do.
        self.team_watch: TeamWatcher | None = None
        if store.is_team:
            self.team_watch = TeamWatcher(store)
            self.team_watch.changesArrived.connect(
                lambda changes: self.runner.announce(changes, "server")
            )
            self.team_watch.connectionChanged.connect(self._on_team_connection)
            self.team_watch.start()
        # A replica of a team directory (`team clone`): its state, and sync on demand.
        self.sync_status: SyncStatus | None = None
        if store.replica_of is not None:
            self.sync_status = SyncStatus(store, self.runner, self)
            self.sync_label = QLabel()
            self.sync_label.setObjectName("syncLabel")
            self.sync_label.setTextFormat(Qt.TextFormat.PlainText)
            self.statusBar().addPermanentWidget(self.sync_label)
            self.sync_status.textChanged.connect(self.sync_label.setText)
            self.sync_status.finished.connect(self._on_synced)
            self.sync_status.failed.connect(
                lambda error: self.statusBar().showMessage(failure_text(error), 15000)
            )
            self.sync_status.refresh()
            self._add_sync_actions()

    def _add_sync_actions(self) -> None:
        menu = self.menuBar().actions()[0].menu()
        first = menu.actions()[0] if menu.actions() else None
        self.sync_action = QAction(self.tr("S&ynchronise now"), self)
        self.sync_action.setShortcut(QKeySequence("Ctrl+Shift+S"))
        self.sync_action.triggered.connect(self._on_sync_now)
        self.conflicts_action = QAction(self.tr("Synchronisation &conflicts…"), self)
        self.conflicts_action.triggered.connect(self._on_conflicts)
        menu.insertActions(first, [self.sync_action, self.conflicts_action])
        menu.insertSeparator(first)

    @Slot()
    def _on_sync_now(self) -> None:
        assert self.sync_status is not None
        self.sync_status.sync_now()

    @Slot(object)
    def _on_synced(self, report: object) -> None:
        from app.sync import SyncReport

        assert isinstance(report, SyncReport)
        self.statusBar().showMessage(
            self.tr("Synchronised: %1 received, %2 sent, %n new conflict(s)", "", report.conflicts)
            .replace("%1", str(report.pulled))
            .replace("%2", str(report.pushed)),
            15000,
        )

    @Slot()
    def _on_conflicts(self) -> None:
        from ui.sync_status import ConflictsDialog

        ConflictsDialog(self.store, self.runner, self).exec()
        if self.sync_status is not None:
            self.sync_status.refresh()

    def _apply_role(self) -> str:
        """Grey out beforehand what the person's role cannot do, the reason in its tooltip:
        the one place the window reads app.permissions, the table the command line uses."""
        try:
            role = current_role(self.store)
        except Exception:  # the server gone already: it still refuses what the role lacks
            return "administrator"

        def why(action: str) -> str | None:
            refused = permissions.why_not(role, action)
            if refused is None:
                return None
            text = message_text(refused)
            return text[:1].upper() + text[1:]

        if (text := why(permissions.EXPORT)) is not None:
            for action in (self.export_action, self.backup_action):
                forbid(action, text)
            self.members.card.forbid_export(text)
        if (text := why(permissions.MEMBERS)) is not None:
            for action in (self.new_action, self.import_action):
                forbid(action, text)
            self.members.forbid_editing(text)
            if not permissions.allows(role, permissions.MODERATE):
                forbid(self.moderation.verify_button, text)  # verification: either may
        if (text := why(permissions.MODERATE)) is not None:
            self.moderation.forbid_decisions(text)
        return role

    def add_panel(self, title: str, panel: QWidget) -> None:
        item = QListWidgetItem(title, self.sidebar)
        # Room above the letters: a bare row clips the accent of "É" (Étiquettes).
        item.setSizeHint(QSize(0, self.sidebar.fontMetrics().height() + 10))
        self.stack.addWidget(panel)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.setToolTipsVisible(True)  # why an action the role cannot do is greyed
        new = file_menu.addAction(self.tr("&New member"))
        self.new_action = new
        new.setShortcut(QKeySequence.StandardKey.New)
        new.triggered.connect(self._on_new_member)
        file_menu.addSeparator()
        import_action = file_menu.addAction(self.tr("&Import members…"))
        import_action.setShortcut("Ctrl+I")
        import_action.triggered.connect(self._on_import)
        self.import_action = import_action
        self.members.importRequested.connect(import_action.trigger)
        export_action = file_menu.addAction(self.tr("E&xport members…"))
        export_action.setObjectName("exportAction")
        export_action.setShortcut("Ctrl+E")
        export_action.triggered.connect(self._on_export)
        # No export of a list the search box no longer describes (a query with an error).
        self.export_action = export_action
        self.members.staleChanged.connect(lambda stale: export_action.setEnabled(not stale))
        # (an export the role forbids stays greyed: ui.widgets.forbid)
        newsletter_action = file_menu.addAction(self.tr("Send &newsletter…"))
        newsletter_action.triggered.connect(self._on_newsletter)
        report_action = file_menu.addAction(self.tr("Board &report…"))
        report_action.triggered.connect(self._on_board_report)
        file_menu.addSeparator()
        connect_action = file_menu.addAction(self.tr("&Connect to a team directory…"))
        connect_action.triggered.connect(self._on_connect_team)
        backup_action = file_menu.addAction(self.tr("&Back up the data file…"))
        backup_action.setObjectName("backupAction")
        backup_action.triggered.connect(self._on_backup)
        self.backup_action = backup_action
        file_menu.addSeparator()
        quit_action = file_menu.addAction(self.tr("&Quit"))
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)

        edit = self.menuBar().addMenu(self.tr("&Edit"))
        edit.setToolTipsVisible(True)
        self.undo_action = edit.addAction(self.tr("&Undo"))
        self.undo_action.setObjectName("undoAction")
        self.undo_action.setShortcut(QKeySequence.StandardKey.Undo)
        self.undo_action.triggered.connect(self._on_undo)
        self.redo_action = edit.addAction(self.tr("&Redo"))
        self.redo_action.setObjectName("redoAction")
        self.redo_action.setShortcut(QKeySequence.StandardKey.Redo)
        self.redo_action.triggered.connect(self._on_redo)
        self._update_undo()
        find = edit.addAction(self.tr("&Find members"))
        find.setShortcut(QKeySequence.StandardKey.Find)
        find.triggered.connect(self._on_find)
        edit.addSeparator()
        edit.addAction(self.segments.save_action)
        edit.addSeparator()
        for action in self.members.tag_actions():
            edit.addAction(action)

        settings_menu = self.menuBar().addMenu(self.tr("&Settings"))
        language = settings_menu.addMenu(self.tr("&Language"))
        group = QActionGroup(self)
        for code, label in (
            ("", self.tr("System language")),
            ("fr", "Français"),
            ("en", "English"),
        ):
            action = QAction(label, self, checkable=True)
            action.setChecked(self.settings.language == code)
            action.triggered.connect(lambda _=False, c=code: self._on_language(c))
            group.addAction(action)
            language.addAction(action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = help_menu.addAction(self.tr("&About Amicale"))
        about.triggered.connect(self._on_about)

    def panels(self) -> list[QWidget]:
        return [w for i in range(self.stack.count()) if (w := self.stack.widget(i)) is not None]

    @Slot()
    def _on_new_member(self) -> None:
        self.sidebar.setCurrentRow(0)
        self.members.new_member()

    @Slot()
    def _on_import(self) -> None:
        from ui.dialogs.import_dialog import ImportDialog

        dialog = ImportDialog(self.store, self.settings, self)
        # An import touches members, tags, duplicates: every view follows.
        dialog.imported.connect(lambda _report: self.runner.announce(IMPORTED))
        dialog.exec()

    @Slot()
    def _on_export(self) -> None:
        from ui.dialogs.export_dialog import ExportDialog

        panel = self.members
        result = panel.last_result
        query = panel.search.text()
        known = len(result.ids) if result is not None and result.query == query else None
        dialog = ExportDialog(
            self.store,
            self.directory,
            query,
            panel.selected_ids(),
            self,
            sort=panel.sort,
            search_count=known,
        )
        dialog.exported.connect(
            lambda report: self.statusBar().showMessage(
                self.tr("%Ln member(s) exported to %1", "", report.rows).replace(
                    "%1", str(report.path)
                ),
                10000,
            )
        )
        dialog.exec()

    @Slot()
    def _on_newsletter(self) -> None:
        from ui.dialogs.newsletter_dialog import NewsletterDialog

        NewsletterDialog(self.store, self, query=self.members.search.text()).exec()

    @Slot()
    def _on_board_report(self) -> None:
        """The board report of the Dashboard's period, as PDF or XLSX (chosen by the name)."""
        from ui.report_pdf import ReportWriter

        self.show_panel(self.dashboard)
        ReportWriter(self.store, self.dashboard.period(), self).run()

    @Slot()
    def _sync_tag_counts(self) -> None:
        result = self.members.last_result
        if self.stack.currentWidget() in (self.tags, self.members) and result is not None:
            self.tags.set_query(result.query)

    @Slot()
    def _on_first_search(self) -> None:
        self.members.searchFinished.disconnect(self._on_first_search)
        # Overdue posts and requests past their deadline are announced at start-up.
        panels = (self.segments, self.tags, self.today, self.posts, self.moderation, self.privacy)
        for panel in panels:
            try:
                panel.reload()
            except Exception as exc:
                # A team server gone away meanwhile: the panel loads at the next change.
                known = failures.explain(exc)
                if known is None:
                    raise
                self.statusBar().showMessage(failure_text(known))

    @Slot(int)
    def _on_requests_late(self, count: int) -> None:
        item = self.sidebar.item(self.panels().index(self.privacy))
        if item is None:
            return
        if count:
            item.setText(self.tr("Privacy (%1)").replace("%1", str(count)))
            self.show_notice(
                "privacy", self.tr("%n request(s) past their one-month deadline", "", count)
            )
        else:
            item.setText(self.tr("Privacy"))
            self.show_notice("privacy", None)

    @Slot(int)
    def _on_birthdays_today(self, count: int) -> None:
        item = self.sidebar.item(self.panels().index(self.today))
        if item is None:
            return
        if count:
            item.setText(self.tr("Birthdays (%1)").replace("%1", str(count)))
            self.show_notice("birthdays", self.tr("%n birthday(s) today", "", count))
            day = self.today.day()
            if self._birthdays_notified_on != day:
                self._birthdays_notified_on = day
                self.notify_birthdays(count)
        else:
            item.setText(self.tr("Birthdays"))
            self.show_notice("birthdays", None)

    def notify_birthdays(self, count: int) -> bool:
        """Once a day (at start-up, then after midnight); clicking it opens the Birthdays panel."""
        return self.notify(
            APP_NAME,
            self.tr("%n birthday(s) today", "", count),
            lambda: self.show_panel(self.today),
        )

    # --- notices: the tray and the status bar ---------------------------------------------------

    def notify(self, title: str, text: str, on_click: Callable[[], None] | None = None) -> bool:
        """A desktop notification through the tray icon, when the desktop has a tray (else
        the status bar and the sidebar badges say it). Clicking the message brings the window
        up and calls ``on_click``. True when one was shown."""
        if not QSystemTrayIcon.isSystemTrayAvailable():
            return False
        if self.tray is None:
            icon = self.windowIcon()
            if icon.isNull():  # a tray icon needs one (the application's, when set)
                icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setObjectName("trayIcon")
            self.tray.setToolTip(APP_NAME)
            self.tray.messageClicked.connect(self._on_tray_message_clicked)
        self._tray_clicked = on_click
        self.tray.show()
        self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, 10000)
        return True

    @Slot()
    def _on_tray_message_clicked(self) -> None:
        if self._tray_clicked is not None:
            self._tray_clicked()
        self.showNormal()
        self.activateWindow()

    def show_panel(self, panel: QWidget) -> None:
        self.sidebar.setCurrentRow(self.panels().index(panel))

    def show_notice(self, key: str, text: str | None) -> None:
        """Set (or, with None, drop) one start-up notice; the line shows them all."""
        if not text:
            self._notices.pop(key, None)
            return
        self._notices[key] = text
        order = ("upgrade", "birthdays", "posts", "privacy")
        line = " · ".join(self._notices[k] for k in order if k in self._notices)
        self.statusBar().showMessage(line, 15000)

    @Slot(int)
    def _fit_stack_to_page(self, index: int) -> None:
        # A stack is as wide as its widest page by default; the page on screen is what counts
        # (with the tag browser beside the member list, a 1280-pixel laptop screen suffices).
        page = self.stack.widget(index)
        if page is not None:
            self.stack.setMinimumWidth(page.minimumSizeHint().width())

    @Slot(int)
    def _on_sidebar_row(self, row: int) -> None:
        # Leaving the member list with an edited card: ask first; Cancel stays on it.
        leaving = self.stack.currentWidget() is self.members and row != self.stack.currentIndex()
        if leaving and not self.members.card.confirm_leave():
            self.sidebar.blockSignals(True)
            self.sidebar.setCurrentRow(self.stack.currentIndex())
            self.sidebar.blockSignals(False)
            return
        self.stack.setCurrentIndex(row)

    @Slot(int)
    def _on_panel_changed(self, index: int) -> None:
        # The tag browser sits beside the member list only (the Tags panel has its own).
        self.tag_dock.setVisible(self.stack.widget(index) is self.members)

    @Slot(int)
    def _on_posts_due(self, count: int) -> None:
        item = self.sidebar.item(self.panels().index(self.posts))
        if item is None:
            return
        if count:
            item.setText(self.tr("Calendar (%1)").replace("%1", str(count)))
            if count > self._posts_due_announced:  # the panel reloads every minute: say it once
                text = self.tr("%n post(s) due now", "", count)
                self.show_notice("posts", text)
                self.notify(APP_NAME, text, lambda: self.show_panel(self.posts))
        else:
            item.setText(self.tr("Calendar"))
            self.show_notice("posts", None)
        self._posts_due_announced = count

    @Slot(str)
    def _on_segment(self, query: str) -> None:
        self.sidebar.setCurrentRow(self.panels().index(self.members))
        self.members.search.setText(query)

    @Slot(str)
    def _on_combine(self, term: str) -> None:
        current = self.members.search.text().strip()
        self._on_segment(f"{current} {term}" if current else term)

    @Slot(int)
    def _on_member_requested(self, member_id: int) -> None:
        """Show one member in the member list: search by email (or name)."""
        from app.moderation.queue import member_search_text

        try:
            self._on_segment(member_search_text(self.store, member_id))
        except AmicaleError as exc:
            self.statusBar().showMessage(str(exc), 10000)

    @Slot()
    def _on_find(self) -> None:
        self.sidebar.setCurrentRow(0)
        self.members.focus_search()

    @Slot(int)
    def _on_undo_available(self, count: int) -> None:
        if count:
            self.statusBar().showMessage(
                self.tr("%n member(s) deleted. Ctrl+Z to undo.", "", count), 10000
            )

    @Slot()
    def _update_undo(self) -> None:
        """Edit → Undo and Redo name the operation they would reverse or repeat."""
        undo, redo = self.runner.undo_label(), self.runner.redo_label()
        self.undo_action.setEnabled(undo is not None)
        self.undo_action.setText(
            self.tr("&Undo %1").replace("%1", undo) if undo else self.tr("&Undo")
        )
        self.redo_action.setEnabled(redo is not None)
        self.redo_action.setText(
            self.tr("&Redo %1").replace("%1", redo) if redo else self.tr("&Redo")
        )

    @Slot()
    def _on_undo(self) -> None:
        label = self.runner.undo_label()
        if self.runner.undo() is not None and label:
            self.statusBar().showMessage(self.tr("Undone: %1").replace("%1", label), 10000)

    @Slot()
    def _on_redo(self) -> None:
        label = self.runner.redo_label()
        if self.runner.redo() is not None and label:
            self.statusBar().showMessage(self.tr("Redone: %1").replace("%1", label), 10000)

    @Slot(object, object)
    def _on_operation_failed(self, error: BaseException, _op: object) -> None:
        QMessageBox.warning(self, APP_NAME, failure_text(error))

    @Slot()
    def lock(self) -> None:
        """Hide the data until the passphrase is given again (an encrypted store only)."""
        if self.lock_screen is None:
            return
        self.menuBar().setEnabled(False)
        self.tag_dock.hide()
        # No shortcut may open an export or a card behind the lock.
        self._disabled_by_lock = [a for a in self.findChildren(QAction) if a.isEnabled()]
        for action in self._disabled_by_lock:
            action.setEnabled(False)
        self.lock_screen.lock()

    @Slot()
    def _on_unlocked(self) -> None:
        for action in self._disabled_by_lock:
            action.setEnabled(True)
        self._disabled_by_lock = []
        self.menuBar().setEnabled(True)
        self.tag_dock.setVisible(self.stack.currentWidget() is self.members)
        if self.idle is not None:
            self.idle.restart()

    @property
    def locked(self) -> bool:
        return self.lock_screen is not None and self.lock_screen.isVisible()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self.lock_screen is not None:
            self.lock_screen.resize_to_parent()

    @Slot(int)
    def _on_member_erased(self, _member_id: int) -> None:
        """After an erasure, the backups that still hold the person are to be replaced."""
        stale = len(backups.stale_backups(self.store))
        if stale:
            self.statusBar().showMessage(
                self.tr(
                    "Erased. %n backup(s) made before still hold them: Privacy → Backups.",
                    "",
                    stale,
                ),
                15000,
            )
        else:
            self.statusBar().showMessage(self.tr("Erased."), 10000)

    @Slot()
    def _on_backup(self) -> None:
        suggested = backup.default_backup_path(self.store.path)
        suggested.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        target, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Back up the data file"),
            str(suggested),
            self.tr("Amicale data (*.sqlite3 *.amicale)"),
        )
        if not target:
            return
        try:
            path, counts = backup.backup_store(self.store, Path(target))
            backups.note_backup(self.store, path)  # found again after an erasure
        except AmicaleError as exc:
            QMessageBox.warning(self, self.tr("Backup failed"), message_text(exc.args[0]))
            return
        self.statusBar().showMessage(
            self.tr("Backup written to %1 (%Ln members).", "", counts.get("member", 0)).replace(
                "%1", str(path)
            ),
            10000,
        )

    @Slot(bool)
    def _on_team_connection(self, reachable: bool) -> None:
        if reachable:
            self.statusBar().showMessage(
                self.tr("Team directory %1: connected").replace("%1", self.store.describe()),
                5000,
            )
        else:
            # Kept until the server is back: what is being edited stays in the window.
            self.statusBar().showMessage(
                self.tr(
                    "The team server cannot be reached: your edits stay in the window; "
                    "Amicale reconnects by itself"
                )
            )

    @Slot()
    def _on_connect_team(self) -> None:
        from ui.dialogs.team_connect import TeamConnectDialog

        TeamConnectDialog(self.settings, self).exec()

    def _on_language(self, code: str) -> None:
        self.settings.language = code
        QMessageBox.information(
            self,
            self.tr("Language"),
            self.tr("The new language will be used the next time Amicale starts."),
        )

    @Slot()
    def _on_about(self) -> None:
        box = QMessageBox(self)
        box.setWindowTitle(self.tr("About Amicale"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(
            self.tr(
                "Amicale %1\n\nThe offline toolbox of alumni associations' community managers."
                "\n\nData file: %2\n\nBuilt with Qt and PySide6 (LGPLv3), SQLAlchemy (MIT), "
                "Alembic (MIT), platformdirs (MIT), SQLite (public domain)."
            )
            .replace("%1", __version__)
            .replace("%2", self.store.describe())
        )
        box.exec()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.members.card.confirm_leave():
            event.ignore()
            return
        self.members.save_layout()
        self.settings.set_state("window/geometry", self.saveGeometry())
        self.settings.sync()
        if self.team_watch is not None:
            self.team_watch.stop()
        if self.sync_status is not None:
            self.sync_status.cancel()
        self.members.searches.wait()
        self.history.loader.wait()
        self.moderation.wait()
        self.dashboard.wait()
        self.segments.wait()
        self.duplicates.cancel_scan()
        Job.wait_all()
        event.accept()
