"""The Today view: whose birthday it is, the message to send them, and the wishes sent.

Left, three lists: today's birthdays still to wish, those of the next seven days, and the
ones already wished. Right, the selected person: the message (editable before copying),
"Copy message", "Open profile" (their LinkedIn page) and "Done", which records the wish with
its channel so the same person is never pending twice in a year. Below, the association's
message template per language, with a live preview.

The lists load in a worker (`app.birthdays.agenda`), when the panel is created, each time it
is shown, and just after local midnight; recording a wish or saving the template is a
single short transaction, run in place like the member card's Save.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QDate,
    QItemSelectionModel,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTime,
    QTimer,
    QUrl,
    Signal,
    Slot,
)
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from app import birthdays
from app.birthdays import AHEAD_DAYS, Agenda, Birthday
from app.clock import msecs_until_midnight, to_local
from app.errors import AmicaleError, ValidationError
from app.operations import Changes, Operation
from app.store import Store
from app.text import is_linkedin_host
from ui.labels import message_text, plain_tip
from ui.operations import OperationRunner
from ui.panels.member_card import ERROR_STYLE, empty_hint, plain_label
from ui.workers import LatestOnly

Index = QModelIndex | QPersistentModelIndex
BIRTHDAY_ROLE = Qt.ItemDataRole.UserRole + 1

# The channels of app.birthdays.CHANNELS, as the CM reads them.
CHANNEL_TITLES = {
    "linkedin": QT_TRANSLATE_NOOP("TodayPanel", "LinkedIn"),
    "facebook": QT_TRANSLATE_NOOP("TodayPanel", "Facebook"),
    "email": QT_TRANSLATE_NOOP("TodayPanel", "Email"),
    "phone": QT_TRANSLATE_NOOP("TodayPanel", "Phone"),
    "other": QT_TRANSLATE_NOOP("TodayPanel", "Other"),
}
LANGUAGE_TITLES = {
    "fr": QT_TRANSLATE_NOOP("TodayPanel", "French"),
    "en": QT_TRANSLATE_NOOP("TodayPanel", "English"),
}
# An example of an optional part, in each template language (shown in the editor's help).
OPTIONAL_EXAMPLES = {"fr": "[pour tes {âge} ans]", "en": "[on your {age}th birthday]"}


def channel_title(channel: str | None) -> str:
    source = CHANNEL_TITLES.get(channel or "")
    return QCoreApplication.translate("TodayPanel", str(source)) if source else (channel or "")


def plain_text(editor: QPlainTextEdit) -> str:
    """The editor's text as typed: toPlainText() would turn the no-break spaces French puts
    before "!" and "?" into ordinary ones."""
    raw = editor.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")


class BirthdayListModel(QAbstractListModel):
    """One list of the Today view: a few hundred people at most, held in memory."""

    def __init__(self, show_day: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_day = show_day
        self.rows: list[Birthday] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        birthday = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            first = birthday.display_name
            if self.show_day:
                first = self.tr("%1 — %2").replace("%1", self.day_text(birthday.day), 1)
                first = first.replace("%2", birthday.display_name, 1)
            return first + "\n" + self.describe(birthday)
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tip(birthday.message)
        if role == BIRTHDAY_ROLE:
            return birthday
        return None

    def day_text(self, day: date) -> str:
        return QLocale().toString(QDate(day.year, day.month, day.day), "dddd d MMMM")

    def describe(self, birthday: Birthday) -> str:
        """Age · class year · communities · contact, on one line."""
        parts: list[str] = []
        if birthday.age is not None:
            parts.append(self.tr("age %1").replace("%1", str(birthday.age)))
        if birthday.promo is not None:
            parts.append(self.tr("class of %1").replace("%1", str(birthday.promo)))
        if birthday.communities:
            parts.append(", ".join(birthday.communities))
        if birthday.wished_at is not None:
            when = to_local(birthday.wished_at)
            at = (
                QLocale().toString(QTime(when.hour, when.minute), QLocale.FormatType.ShortFormat)
                if when
                else ""
            )
            parts.append(
                self.tr("wished via %1 at %2")
                .replace("%1", channel_title(birthday.channel), 1)
                .replace("%2", at, 1)
            )
        elif not birthday.reachable:
            parts.append(self.tr("no contact details"))
        return " · ".join(parts)

    def set_rows(self, rows: list[Birthday]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_of(self, member_id: int) -> int:
        for row, birthday in enumerate(self.rows):
            if birthday.member_id == member_id:
                return row
        return -1

    def take(self, member_id: int) -> Birthday | None:
        row = self.row_of(member_id)
        if row < 0:
            return None
        self.beginRemoveRows(QModelIndex(), row, row)
        taken = self.rows.pop(row)
        self.endRemoveRows()
        return taken

    def add(self, birthday: Birthday) -> int:
        """Insert in day order (then at the end of that day); returns the row."""
        row = len(self.rows)
        for i, other in enumerate(self.rows):
            if other.day > birthday.day:
                row = i
                break
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.insert(row, birthday)
        self.endInsertRows()
        return row


class TodayPanel(QWidget):
    # The number of today's birthdays still to wish (a sidebar badge, the start-up notice).
    countChanged = Signal(int)
    # The CM double-clicked someone: show their member file (member id).
    memberRequested = Signal(int)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, autoload: bool = True
    ) -> None:
        """``autoload=False``: the owner calls reload() when it is ready (the window does
        so after the member list's first page, which must not share the CPU)."""
        super().__init__(parent)
        self.store = store
        self.agenda: Agenda | None = None
        self._fixed_day: date | None = None
        self._language = birthdays.DEFAULT_LANGUAGE
        self._count = -1
        self._count_day: date | None = None  # the day the last count was announced for
        self._current: Birthday | None = None
        # Unsaved template text per language; set while the editor differs from the saved one.
        self._drafts: dict[str, str] = {}
        self._filling_editor = False
        self._selecting = False

        # --- top: the day and the language of the messages ---
        self.day_label = plain_label()
        self.day_label.setObjectName("dayLabel")
        font = self.day_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.day_label.setFont(font)
        self.language_combo = QComboBox()
        self.language_combo.setObjectName("languageCombo")
        for code in birthdays.LANGUAGES:
            self.language_combo.addItem(self.tr(str(LANGUAGE_TITLES[code])), code)
        self.language_combo.setToolTip(
            self.tr("The language of the messages and of the template you edit below")
        )
        self.language_combo.activated.connect(self._on_language_activated)
        top = QHBoxLayout()
        top.addWidget(self.day_label, 1)
        top.addWidget(plain_label(self.tr("Messages in:")))
        top.addWidget(self.language_combo)

        # --- left: the three lists ---
        self.today_title = self._heading("todayTitle")
        self.today_model = BirthdayListModel(parent=self)
        self.today_list = self._list("todayList", self.today_model)
        self.today_empty = plain_label(self.tr("Nobody left to wish today."))
        self.today_empty.setObjectName("todayEmpty")
        self.today_empty.hide()
        self.upcoming_title = self._heading("upcomingTitle")
        self.upcoming_model = BirthdayListModel(show_day=True, parent=self)
        self.upcoming_list = self._list("upcomingList", self.upcoming_model)
        self.done_title = self._heading("doneTitle")
        self.done_model = BirthdayListModel(show_day=True, parent=self)
        self.done_list = self._list("doneList", self.done_model)
        self.status = plain_label()
        self.status.setObjectName("todayStatus")
        self.status.setWordWrap(True)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        self.empty_hint = empty_hint(
            self.tr(
                "No birthdays to show: fill in the members' dates of birth, or import them, "
                "to see here who to wish."
            )
        )
        left_layout.addWidget(self.empty_hint)
        left_layout.addWidget(self.today_title)
        left_layout.addWidget(self.today_empty)
        left_layout.addWidget(self.today_list, 3)
        left_layout.addWidget(self.upcoming_title)
        left_layout.addWidget(self.upcoming_list, 3)
        left_layout.addWidget(self.done_title)
        left_layout.addWidget(self.done_list, 1)
        left_layout.addWidget(self.status)

        # --- right: the selected person and the template ---
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self._build_person())
        right_layout.addWidget(self._build_template())
        right_layout.addStretch(1)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        splitter.setSizes([440, 660])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)
        self.loader = LatestOnly(self)
        self.loader.pool.setMaxThreadCount(1)  # one agenda at a time: a newer one waits
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.midnight.timeout.connect(self._on_midnight)
        self._show_person(None)
        self._update_titles()
        self._arm_midnight()
        if autoload:
            self.reload()  # now, not at the first show: the count feeds the start-up notice

    # --- building ----------------------------------------------------------------------------

    def _heading(self, name: str) -> QLabel:
        label = plain_label()
        label.setObjectName(name)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _lines_high(self, lines: int) -> int:
        return self.fontMetrics().lineSpacing() * lines + 12

    def _list(self, name: str, model: BirthdayListModel) -> QListView:
        view = QListView()
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setAlternatingRowColors(True)
        view.setUniformItemSizes(True)  # two lines each; keeps a busy week instant
        view.setSpacing(1)
        view.setTextElideMode(Qt.TextElideMode.ElideRight)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        view.selectionModel().currentRowChanged.connect(self._on_current_changed)
        view.doubleClicked.connect(self._on_double_clicked)
        return view

    def _build_person(self) -> QGroupBox:
        box = QGroupBox(self.tr("Birthday message"))
        self.name_label = plain_label()
        self.name_label.setObjectName("nameLabel")
        font = self.name_label.font()
        font.setBold(True)
        self.name_label.setFont(font)
        self.details_label = plain_label()
        self.details_label.setObjectName("detailsLabel")
        self.details_label.setWordWrap(True)
        self.message_edit = QPlainTextEdit()
        self.message_edit.setObjectName("messageEdit")
        self.message_edit.setPlaceholderText(self.tr("Select someone in a list."))
        self.message_edit.setMaximumHeight(self._lines_high(6))
        self.message_edit.setToolTip(
            self.tr("You can change this message before copying it; the template stays as it is")
        )
        self.copy_button = QPushButton(self.tr("Copy message"))
        self.copy_button.setObjectName("copyButton")
        self.copy_button.setToolTip(self.tr("Put the message on the clipboard, to paste it"))
        self.copy_button.clicked.connect(self._on_copy_clicked)
        self.profile_button = QPushButton(self.tr("Open profile"))
        self.profile_button.setObjectName("profileButton")
        self.profile_button.clicked.connect(self._on_profile_clicked)
        self.channel_combo = QComboBox()
        self.channel_combo.setObjectName("channelCombo")
        for channel in birthdays.CHANNELS:
            self.channel_combo.addItem(channel_title(channel), channel)
        self.channel_combo.setToolTip(self.tr("How you wished them"))
        self.done_button = QPushButton(self.tr("Done"))
        self.done_button.setObjectName("doneButton")
        self.done_button.setToolTip(
            self.tr("Record the wish: they will not be listed again before next year")
        )
        self.done_button.clicked.connect(self._on_done_clicked)
        self.undo_button = QPushButton(self.tr("Not done yet"))
        self.undo_button.setObjectName("undoButton")
        self.undo_button.setToolTip(self.tr("Forget this wish: they are listed as pending again"))
        self.undo_button.clicked.connect(self._on_undo_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.profile_button)
        buttons.addStretch()
        buttons.addWidget(plain_label(self.tr("Wished via")))
        buttons.addWidget(self.channel_combo)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.undo_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.name_label)
        layout.addWidget(self.details_label)
        layout.addWidget(self.message_edit)
        layout.addLayout(buttons)
        return box

    def _build_template(self) -> QGroupBox:
        box = QGroupBox(self.tr("Message template"))
        self.template_edit = QPlainTextEdit()
        self.template_edit.setObjectName("templateEdit")
        self.template_edit.setMaximumHeight(self._lines_high(4))
        self.template_edit.textChanged.connect(self._on_template_changed)
        self.template_help = plain_label()
        self.template_help.setObjectName("templateHelp")
        self.template_help.setWordWrap(True)
        self.preview_title = plain_label()
        self.preview_title.setObjectName("previewTitle")
        self.preview_label = plain_label()
        self.preview_label.setObjectName("previewLabel")
        self.preview_label.setWordWrap(True)
        self.preview_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview_missing = plain_label()
        self.preview_missing.setObjectName("previewMissing")
        self.preview_missing.setWordWrap(True)
        self.template_error = plain_label()
        self.template_error.setObjectName("templateError")
        self.template_error.setWordWrap(True)
        self.template_error.setStyleSheet(ERROR_STYLE)
        self.save_template_button = QPushButton(self.tr("Save template"))
        self.save_template_button.setObjectName("saveTemplateButton")
        self.save_template_button.clicked.connect(self._on_save_template_clicked)
        self.default_template_button = QPushButton(self.tr("Default text"))
        self.default_template_button.setObjectName("defaultTemplateButton")
        self.default_template_button.setToolTip(
            self.tr("Put the default text in the editor (saved only with Save template)")
        )
        self.default_template_button.clicked.connect(self._on_default_template_clicked)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_error, 1)
        buttons.addWidget(self.default_template_button)
        buttons.addWidget(self.save_template_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.template_edit)
        layout.addWidget(self.template_help)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview_label)
        layout.addWidget(self.preview_missing)
        layout.addLayout(buttons)
        return box

    # --- the day and loading -----------------------------------------------------------------

    def day(self) -> date:
        """The day shown: the one set with `set_day`, else the local date."""
        return self._fixed_day or birthdays.local_today()

    def set_day(self, day: date | None) -> None:
        """Show ``day`` instead of today (None: follow the local clock again)."""
        self._fixed_day = day
        self.reload()

    @property
    def language(self) -> str:
        return self._language

    def set_language(self, language: str) -> None:
        index = self.language_combo.findData(language)
        if index < 0:
            raise ValueError(language)
        self.language_combo.setCurrentIndex(index)
        self._on_language_activated(index)

    @Slot()
    def reload(self) -> None:
        """Read the lists again (after a change to the members, say)."""
        self.loader.start(birthdays.agenda, self.store, self.day(), AHEAD_DAYS, self._language)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if origin is self:
            return  # this panel moved the person between its lists itself
        if changes.birthdays or changes.members or changes.settings:
            self.reload()

    def _arm_midnight(self) -> None:
        self.midnight.start(msecs_until_midnight())

    @Slot()
    def _on_midnight(self) -> None:
        if self._fixed_day is None:
            self.reload()
        self._arm_midnight()

    @Slot(object)
    def _on_loaded(self, agenda: Agenda) -> None:
        keep = self._current.member_id if self._current is not None else None
        self.agenda = agenda
        self.today_model.set_rows(agenda.today)
        self.upcoming_model.set_rows(agenda.upcoming)
        self.done_model.set_rows(agenda.done)
        self.day_label.setText(
            self.tr("Birthdays of %1").replace("%1", self.today_model.day_text(agenda.day), 1)
        )
        self.status.clear()
        self.status.setStyleSheet("")
        self._update_titles()
        if not self._select(keep):
            self._select_first()
        self._fill_editor()
        self._emit_count()

    @Slot(object)
    def _on_load_failed(self, error: BaseException) -> None:
        self.status.setStyleSheet(ERROR_STYLE)
        self.status.setText(
            self.tr("The birthdays could not be read: %1").replace("%1", message_text(error), 1)
        )

    def _update_titles(self) -> None:
        today = self.today_model.rowCount()
        self.today_title.setText(self.tr("Today (%1)").replace("%1", str(today), 1))
        self.upcoming_title.setText(
            self.tr("Next %1 days (%2)")
            .replace("%1", str(AHEAD_DAYS), 1)
            .replace("%2", str(self.upcoming_model.rowCount()), 1)
        )
        self.done_title.setText(
            self.tr("Done (%1)").replace("%1", str(self.done_model.rowCount()), 1)
        )
        self.today_empty.setVisible(self.agenda is not None and today == 0)
        nobody = not (today or self.upcoming_model.rowCount() or self.done_model.rowCount())
        self.empty_hint.setVisible(self.agenda is not None and nobody)

    def _emit_count(self) -> None:
        count = self.today_model.rowCount()
        day = self.agenda.day if self.agenda is not None else None
        if count != self._count or day != self._count_day:  # a new day is news, even at 0
            self._count = count
            self._count_day = day
            self.countChanged.emit(count)

    @property
    def pending_today(self) -> int:
        return self.today_model.rowCount()

    # --- selection ---------------------------------------------------------------------------

    def _views(self) -> tuple[QListView, QListView, QListView]:
        return self.today_list, self.upcoming_list, self.done_list

    def _select(self, member_id: int | None) -> bool:
        if member_id is None:
            return False
        for view in self._views():
            model = view.model()
            assert isinstance(model, BirthdayListModel)
            row = model.row_of(member_id)
            if row >= 0:
                self._select_row(view, row)
                return True
        return False

    def _select_first(self) -> None:
        for view in self._views():
            if view.model().rowCount() > 0:
                self._select_row(view, 0)
                return
        self._show_person(None)

    def _select_row(self, view: QListView, row: int) -> None:
        index = view.model().index(row, 0)
        unchanged = view.currentIndex() == index  # then no currentRowChanged
        view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        if unchanged:
            self._on_current_changed(index, QModelIndex())

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._selecting:
            return
        birthday = current.data(BIRTHDAY_ROLE) if current.isValid() else None
        if not isinstance(birthday, Birthday):
            return
        self._selecting = True
        try:  # one selection across the three lists
            for view in self._views():
                if view.model() is not current.model():
                    view.selectionModel().clear()
        finally:
            self._selecting = False
        self._show_person(birthday)

    @Slot(QModelIndex)
    def _on_double_clicked(self, index: QModelIndex) -> None:
        birthday = index.data(BIRTHDAY_ROLE)
        if isinstance(birthday, Birthday):
            self.memberRequested.emit(birthday.member_id)

    def _show_person(self, birthday: Birthday | None) -> None:
        self._current = birthday
        has = birthday is not None
        self.name_label.setText(birthday.display_name if birthday else "")
        self.details_label.setText(self.today_model.describe(birthday) if birthday else "")
        self.message_edit.setPlainText(birthday.message if birthday else "")
        self.message_edit.setEnabled(has)
        self.copy_button.setEnabled(has)
        url = birthday.profile_url if birthday else None
        self.profile_button.setEnabled(url is not None)
        self.profile_button.setToolTip(
            plain_tip(url) if url else self.tr("No LinkedIn profile on file for this member")
        )
        done = birthday is not None and birthday.wished_at is not None
        self.done_button.setVisible(not done)
        self.done_button.setEnabled(has)
        self.channel_combo.setEnabled(has and not done)
        self.undo_button.setVisible(done)
        if done and birthday is not None:
            self.channel_combo.setCurrentIndex(
                max(0, self.channel_combo.findData(birthday.channel))
            )
        self._update_preview()

    # --- actions -----------------------------------------------------------------------------

    @Slot()
    def _on_copy_clicked(self) -> None:
        if self._current is None:
            return
        QGuiApplication.clipboard().setText(plain_text(self.message_edit))
        self._say(self.tr("Message copied: paste it into LinkedIn, Facebook or an email."))

    @Slot()
    def _on_profile_clicked(self) -> None:
        url = self._current.profile_url if self._current else None
        if url is None:
            return
        target = QUrl(url)
        # Only a web page on LinkedIn: a stored address never opens a file or a program.
        if target.scheme() in ("http", "https") and is_linkedin_host(target.host()):
            QDesktopServices.openUrl(target)

    @Slot()
    def _on_done_clicked(self) -> None:
        birthday = self._current
        if birthday is None or birthday.wished_at is not None:
            return
        channel = str(self.channel_combo.currentData())
        try:
            args = {
                "member_id": birthday.member_id,
                "channel": channel,
                "day": birthday.day.isoformat(),
            }
            wished_at = self.runner.run_now(Operation("birthday.wished", args), origin=self)
        except AmicaleError as exc:
            self._say(message_text(exc), error=True)
            return
        today = self.today_model.row_of(birthday.member_id) >= 0
        source = self.today_model if today else self.upcoming_model
        row = source.row_of(birthday.member_id)
        source.take(birthday.member_id)
        self.done_model.add(replace(birthday, wished_at=wished_at, channel=channel))
        self._update_titles()
        self._say(
            self.tr("%1: wish recorded (%2).")
            .replace("%1", birthday.display_name, 1)
            .replace("%2", channel_title(channel), 1)
        )
        # The next person to wish, so a CM can go down the list.
        view = self.today_list if source is self.today_model else self.upcoming_list
        if source.rowCount() > 0:
            self._select_row(view, min(row, source.rowCount() - 1))
        else:
            self._select_first()
        self._emit_count()
        if self.loader.busy:  # a read that began before the wish would bring it back
            self.reload()

    @Slot()
    def _on_undo_clicked(self) -> None:
        birthday = self._current
        if birthday is None or birthday.wished_at is None:
            return
        try:
            args = {"member_id": birthday.member_id, "day": birthday.day.isoformat()}
            self.runner.run_now(Operation("birthday.unmark", args), origin=self)
        except AmicaleError as exc:
            self._say(message_text(exc), error=True)
            return
        self._say(self.tr("%1 is pending again.").replace("%1", birthday.display_name, 1))
        self.reload()

    def _say(self, text: str, error: bool = False) -> None:
        self.status.setStyleSheet(ERROR_STYLE if error else "")
        self.status.setText(text)

    # --- the template ------------------------------------------------------------------------

    @Slot(int)
    def _on_language_activated(self, index: int) -> None:
        language = str(self.language_combo.itemData(index))
        if language == self._language:
            return
        self._language = language
        self._fill_editor()
        self.reload()

    def _saved_template(self) -> str:
        if self.agenda is None:
            return birthdays.default_template(self._language)
        return self.agenda.templates[self._language]

    def _fill_editor(self) -> None:
        """The draft of the language, else its saved template (a reload keeps edits)."""
        text = self._drafts.get(self._language, self._saved_template())
        names = birthdays.PLACEHOLDER_NAMES[self._language]
        self.template_help.setText(
            self.tr(
                "Fields: %1. Text in brackets around a field is left out when its value is "
                "unknown, e.g. %2."
            )
            .replace("%1", ", ".join(names), 1)
            .replace("%2", OPTIONAL_EXAMPLES[self._language], 1)
        )
        if text != plain_text(self.template_edit):
            self._filling_editor = True
            try:
                self.template_edit.setPlainText(text)
            finally:
                self._filling_editor = False
        self._on_template_changed()

    @Slot()
    def _on_template_changed(self) -> None:
        text = plain_text(self.template_edit)
        if not self._filling_editor:
            if text.strip() == self._saved_template():
                self._drafts.pop(self._language, None)
            else:
                self._drafts[self._language] = text
        problems = birthdays.check_template(text, self._language)
        self.template_error.setText(message_text(problems[0]) if problems else "")
        self.save_template_button.setEnabled(
            not problems and self._language in self._drafts and self.agenda is not None
        )
        self._update_preview()

    def _preview_subject(self) -> Birthday:
        if self._current is not None:
            return self._current
        for model in (self.today_model, self.upcoming_model, self.done_model):
            if model.rows:
                return model.rows[0]
        return birthdays.sample(self._language)

    def _update_preview(self) -> None:
        text = plain_text(self.template_edit)
        subject = self._preview_subject()
        association = self.agenda.association if self.agenda else ""
        self.preview_title.setText(
            self.tr("Preview for %1:").replace("%1", subject.display_name, 1)
        )
        self.preview_label.setText(birthdays.render(text, subject, association))
        used = birthdays.fields_used(text)
        if "age" in used or "promo" in used:
            unknown = replace(subject, age=None, promo=None)
            self.preview_missing.setText(
                self.tr("When the age or class year is unknown: %1").replace(
                    "%1", birthdays.render(text, unknown, association), 1
                )
            )
            self.preview_missing.show()
        else:
            self.preview_missing.hide()

    @Slot()
    def _on_default_template_clicked(self) -> None:
        self.template_edit.setPlainText(birthdays.default_template(self._language))

    @Slot()
    def _on_save_template_clicked(self) -> None:
        text = plain_text(self.template_edit)
        try:
            op = Operation("birthday.template", {"language": self._language, "text": text})
            saved = self.runner.run_now(op, origin=self)
        except ValidationError as exc:
            self.template_error.setText(message_text(exc.problems.get("template", str(exc))))
            return
        except AmicaleError as exc:
            self.template_error.setText(message_text(exc))
            return
        self._drafts.pop(self._language, None)
        if self.agenda is not None:
            self.agenda.templates[self._language] = saved
        self._fill_editor()
        self._say(self.tr("Template saved; the messages use it now."))
        self.reload()
