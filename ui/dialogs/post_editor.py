"""The post editor: one text, a version per channel, counters, previews, schedule.

Write once, adapt per channel: each ticked channel gets a tab whose text follows the main
text until "Own text for this channel" is ticked. Every tab's counter counts as its network
does (app.posts.counting) and the channel whose limit binds most is flagged "strictest";
an over-limit channel is shown in red and keeps the post from being scheduled. The preview
shows the text as it will go out (the link appended). Attachments are copied into the
store's folder when the post is saved.

Saving is a short transaction run in place (like the member card's Save); "Add to queue"
looks up the next free weekly slot of the ticked channels.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, Qt, QTime, QTimer, Signal, Slot
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import AmicaleError
from app.operations import Operation
from app.operations.calendar import draft_args
from app.posts import autosave, planning
from app.posts.channels import Channel
from app.posts.counting import CountReport, count_versions
from app.posts.publishing import is_web_url, post_text
from app.posts.store import (
    Post,
    PostDraft,
    Version,
    get_post,
)
from app.posts.timing import DEFAULT_TZ, to_local
from app.store import Store
from ui.labels import channel_name, message_text, qdate, qdatetime
from ui.models.posts import state_title
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE, plain_label, plain_text

RECURRENCES = ("none", "weekly", "monthly", "yearly")
# While changed, the editor's fields are written to an autosaved draft this often.
AUTOSAVE_MS = 3000


class ChannelTab(QWidget):
    """One channel's version: own text or the main one, its counter and its preview."""

    # The text of this version changed (own text typed, or the toggle flipped).
    changed = Signal()

    def __init__(self, channel: Channel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.channel = channel
        self.own = QCheckBox(self.tr("Own text for this channel"))
        self.own.setObjectName(f"own_{channel.id}")
        self.edit = QPlainTextEdit()
        self.edit.setObjectName(f"text_{channel.id}")
        self.edit.setEnabled(False)
        self.counter = plain_label()
        self.counter.setObjectName(f"counter_{channel.id}")
        self.preview = plain_label(wrap=True)
        self.preview.setObjectName(f"preview_{channel.id}")
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet(
            f"border-left: 4px solid {channel.color}; padding: 6px; background: palette(base);"
        )
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.state_label = plain_label(wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.own)
        layout.addWidget(self.edit, 2)
        layout.addWidget(self.counter)
        layout.addWidget(QLabel(self.tr("Preview")))
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.state_label)
        self.own.toggled.connect(self._on_own)
        self.edit.textChanged.connect(self.changed)

    @Slot(bool)
    def _on_own(self, own: bool) -> None:
        self.edit.setEnabled(own)
        self.changed.emit()

    def text(self, main_text: str) -> str:
        return plain_text(self.edit) if self.own.isChecked() else main_text


class PostEditor(QDialog):
    # The post was saved: its id.
    saved = Signal(int)

    def __init__(
        self,
        store: Store,
        channels: list[Channel],
        post_id: int | None = None,
        *,
        day: QDate | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("postEditor")
        self.store = store
        self.channels = [c for c in channels if c.enabled]
        self.post: Post | None = get_post(store, post_id) if post_id is not None else None
        self.tz = self.post.tz if self.post else DEFAULT_TZ
        self.pending_files: list[Path] = []
        self.removed_attachments: list[int] = []
        # The autosaved draft: written a few seconds after a change, offered back on opening.
        self.autosave_path = autosave.draft_path(store.path, self.post.id if self.post else None)
        self.autosave_timer = QTimer(self)
        self.autosave_timer.setObjectName("autosaveTimer")
        self.autosave_timer.setSingleShot(True)
        self.autosave_timer.setInterval(AUTOSAVE_MS)
        self.autosave_timer.timeout.connect(self.autosave)
        self.setWindowTitle(self.tr("Edit post") if self.post else self.tr("New post"))
        self.resize(860, 680)

        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("titleEdit")
        self.title_edit.setPlaceholderText(self.tr("Title (for you; not published)"))
        self.text_edit = QPlainTextEdit()
        self.text_edit.setObjectName("textEdit")
        self.text_edit.setPlaceholderText(self.tr("Write the post once; adapt it per channel."))
        self.link_edit = QLineEdit()
        self.link_edit.setObjectName("linkEdit")
        self.link_edit.setPlaceholderText("https://")

        # Channels: a tick box each, and a tab for each ticked one.
        self.channel_boxes: dict[int, QCheckBox] = {}
        ticks = QGroupBox(self.tr("Channels"))
        grid = QGridLayout(ticks)
        for index, chan in enumerate(self.channels):
            box = QCheckBox(channel_name(chan))
            box.setObjectName(f"channel_{chan.id}")
            box.setStyleSheet(
                f"QCheckBox {{ border-left: 4px solid {chan.color}; padding-left: 4px; }}"
            )
            box.toggled.connect(self._on_channels_changed)
            self.channel_boxes[chan.id] = box
            grid.addWidget(box, index // 4, index % 4)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("channelTabs")
        self.channel_tabs: dict[int, ChannelTab] = {}
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("countSummary")

        # Schedule.
        self.when_edit = QDateTimeEdit()
        self.when_edit.setObjectName("whenEdit")
        self.when_edit.setCalendarPopup(True)
        self.when_edit.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.dated = QCheckBox(self.tr("Dated"))
        self.dated.setObjectName("datedBox")
        self.dated.setChecked(True)
        self.dated.toggled.connect(self.when_edit.setEnabled)
        self.queue_button = QPushButton(self.tr("Add to queue"))
        self.queue_button.setObjectName("queueButton")
        self.queue_button.setToolTip(self.tr("The next free weekly slot of the ticked channels"))
        self.queue_button.clicked.connect(self._on_queue)
        self.recurrence = QComboBox()
        self.recurrence.setObjectName("recurrenceBox")
        titles = {
            "none": self.tr("Does not repeat"),
            "weekly": self.tr("Every week"),
            "monthly": self.tr("Every month"),
            "yearly": self.tr("Every year"),
        }
        for key in RECURRENCES:
            self.recurrence.addItem(titles[key], key)
        zone = plain_label(self.tz)
        when_row = QHBoxLayout()
        when_row.addWidget(self.dated)
        when_row.addWidget(self.when_edit)
        when_row.addWidget(zone)
        when_row.addWidget(self.queue_button)
        when_row.addStretch(1)

        # Attachments.
        self.attachments = QListWidget()
        self.attachments.setObjectName("attachmentList")
        self.attachments.setMaximumHeight(70)
        add_file = QPushButton(self.tr("Attach…"))
        add_file.clicked.connect(self._on_attach)
        remove_file = QPushButton(self.tr("Remove"))
        remove_file.clicked.connect(self._on_remove_attachment)
        files_row = QHBoxLayout()
        files_row.addWidget(self.attachments, 1)
        files_buttons = QVBoxLayout()
        files_buttons.addWidget(add_file)
        files_buttons.addWidget(remove_file)
        files_row.addLayout(files_buttons)

        self.error_label = plain_label(wrap=True)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)

        buttons = QDialogButtonBox()
        self.draft_button = buttons.addButton(
            self.tr("Save as draft"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.draft_button.setObjectName("draftButton")
        self.schedule_button = buttons.addButton(
            self.tr("Schedule"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.schedule_button.setObjectName("scheduleButton")
        self.cancel_post_button = buttons.addButton(
            self.tr("Cancel this post"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.cancel_post_button.setObjectName("cancelPostButton")
        self.cancel_post_button.setVisible(
            self.post is not None and self.post.state not in ("published", "cancelled")
        )
        self.cancel_post_button.clicked.connect(self.cancel_post)
        buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.draft_button.clicked.connect(lambda: self.save("draft"))
        self.schedule_button.clicked.connect(lambda: self.save("scheduled"))
        buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Text"), self.text_edit)
        form.addRow(self.tr("Link"), self.link_edit)
        form.addRow(self.tr("When"), when_row)
        form.addRow(self.tr("Repeats"), self.recurrence)
        form.addRow(self.tr("Attachments"), files_row)
        layout = QVBoxLayout(self)
        layout.addLayout(form, 2)
        layout.addWidget(ticks)
        layout.addWidget(self.summary)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

        self.text_edit.textChanged.connect(self._update_counts)
        self.link_edit.textChanged.connect(self._update_counts)
        self._fill(day)
        self._saved_fields = self.fields()  # what "changed" is measured against

        for signal in (  # the text, link and channels: through _update_counts
            self.title_edit.textChanged,
            self.when_edit.dateTimeChanged,
            self.dated.toggled,
            self.recurrence.currentIndexChanged,
        ):
            signal.connect(self._on_changed)
        self._offer_autosaved()

    # --- unsaved changes: asking before closing, the autosaved draft ---------------------------

    def fields(self) -> dict[str, Any]:
        """What the CM typed and chose, as JSON (compared, autosaved, restored)."""
        main = plain_text(self.text_edit)
        return {
            "title": self.title_edit.text(),
            "text": main,
            "link": self.link_edit.text(),
            "dated": self.dated.isChecked(),
            "when": self.when_edit.dateTime().toString(Qt.DateFormat.ISODate),
            "recurrence": str(self.recurrence.currentData()),
            "channels": [c.id for c in self.ticked()],
            "own": {
                str(c.id): plain_text(self.channel_tabs[c.id].edit)
                for c in self.ticked()
                if self.channel_tabs[c.id].own.isChecked()
            },
            "files": [str(p) for p in self.pending_files],
        }

    def _apply(self, saved: dict[str, Any]) -> None:
        self.title_edit.setText(str(saved.get("title", "")))
        self.text_edit.setPlainText(str(saved.get("text", "")))
        self.link_edit.setText(str(saved.get("link", "")))
        self.dated.setChecked(bool(saved.get("dated", True)))
        when = QDateTime.fromString(str(saved.get("when", "")), Qt.DateFormat.ISODate)
        if when.isValid():
            self.when_edit.setDateTime(when)
        recurrence = saved.get("recurrence")
        if recurrence in RECURRENCES:
            self.recurrence.setCurrentIndex(RECURRENCES.index(recurrence))
        ticked = set(saved.get("channels") or [])
        for chan_id, box in self.channel_boxes.items():
            box.setChecked(chan_id in ticked)
        own = saved.get("own") or {}
        for chan_id, tab in self.channel_tabs.items():
            if str(chan_id) in own:
                tab.own.setChecked(True)
                tab.edit.setPlainText(str(own[str(chan_id)]))
        for name in saved.get("files") or []:
            if Path(name).is_file() and Path(name) not in self.pending_files:
                self.attach_file(Path(name))
        self._update_counts()

    @property
    def dirty(self) -> bool:
        return self.fields() != self._saved_fields

    @Slot()
    def _on_changed(self, *_: Any) -> None:
        if not self.autosave_timer.isActive():
            self.autosave_timer.start()

    @Slot()
    def autosave(self) -> None:
        """Keep the unsaved changes on disk (a crash loses nothing); none: no file."""
        try:
            if self.dirty:
                autosave.save(self.autosave_path, self.fields())
            else:
                autosave.clear(self.autosave_path)
        except OSError:
            pass  # a full or read-only disk: the editor itself still holds the text

    def _offer_autosaved(self) -> None:
        saved = autosave.load(self.autosave_path)
        if saved is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Recover the draft"),
            self.tr(
                "This post has changes that were never saved (Amicale closed before). Recover them?"
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Discard,
            QMessageBox.StandardButton.Yes,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._apply(saved)
        else:
            autosave.clear(self.autosave_path)

    def reject(self) -> None:
        """Escape, Close: with unsaved changes, ask Save as draft / Discard / Cancel."""
        if self.dirty and self.isEnabled():
            answer = QMessageBox.question(
                self,
                self.tr("Unsaved post"),
                self.tr("This post has unsaved changes. Save them as a draft?"),
                QMessageBox.StandardButton.Save
                | QMessageBox.StandardButton.Discard
                | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Save,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save:
                state = self.post.state if self.post and self.post.state != "cancelled" else None
                self.save(state if state in ("draft", "scheduled") else "draft")
                return  # saved: accepted; refused: the error is shown, the editor stays
        self.discard()

    def discard(self) -> None:
        """Close without saving, forgetting the autosaved draft."""
        self._forget_autosave()
        super().reject()

    # --- filling -------------------------------------------------------------------------------

    def _fill(self, day: QDate | None) -> None:
        item = self.post
        if item is None:
            start = day or qdate(clock.today()).addDays(1)
            self.when_edit.setDateTime(QDateTime(start, QTime(9, 0)))
            self._update_counts()
            return
        self.title_edit.setText(item.title)
        self.text_edit.setPlainText(item.text)
        self.link_edit.setText(item.link or "")
        local = item.local_time
        self.dated.setChecked(local is not None)
        if local is not None:
            self.when_edit.setDateTime(qdatetime(local))
        self.recurrence.setCurrentIndex(max(0, RECURRENCES.index(item.recurrence)))
        for version in item.versions:
            box = self.channel_boxes.get(version.channel_id)
            if box is None:
                continue
            box.setChecked(True)
            tab = self.channel_tabs[version.channel_id]
            if version.text != item.text:
                tab.own.setChecked(True)
                tab.edit.setPlainText(version.text)
            tab.state_label.setText(self._version_state(version))
        for attached in item.attachments:
            entry = QListWidgetItem(attached.original_name, self.attachments)
            entry.setData(Qt.ItemDataRole.UserRole, attached.id)
        if item.state == "published":
            for widget in (self.draft_button, self.schedule_button, self.queue_button):
                widget.setEnabled(False)
            self.error_label.setText(self.tr("This post was published; it can no longer change."))
        self._update_counts()

    def _version_state(self, version: Version) -> str:
        if version.state == "published":
            at = to_local(version.published_at, self.tz) if version.published_at else None
            text = state_title("published")
            if at is not None:
                text += " — " + at.strftime("%Y-%m-%d %H:%M")
            if version.published_url:
                text += " — " + version.published_url
            return text
        if version.state == "failed":
            return self.tr("Failed: %1").replace("%1", version.failure_reason or "")
        return ""

    # --- channels and counters -----------------------------------------------------------------

    @Slot()
    def _on_channels_changed(self) -> None:
        for chan in self.channels:
            ticked = self.channel_boxes[chan.id].isChecked()
            tab = self.channel_tabs.get(chan.id)
            if ticked and tab is None:
                tab = ChannelTab(chan)
                tab.changed.connect(self._update_counts)
                self.channel_tabs[chan.id] = tab
            if tab is None:
                continue
            index = self.tabs.indexOf(tab)
            if ticked and index < 0:
                position = sum(
                    1
                    for other in self.channels[: self.channels.index(chan)]
                    if self.tabs.indexOf(self.channel_tabs.get(other.id, QWidget())) >= 0
                )
                self.tabs.insertTab(position, tab, channel_name(chan))
            elif not ticked and index >= 0:
                self.tabs.removeTab(index)
        self._update_counts()

    def ticked(self) -> list[Channel]:
        return [c for c in self.channels if self.channel_boxes[c.id].isChecked()]

    def count_report(self) -> CountReport:
        main = plain_text(self.text_edit)
        link = self.link_edit.text().strip() or None
        return count_versions(
            (c.id, c.kind, c.char_limit, post_text(self.channel_tabs[c.id].text(main), link))
            for c in self.ticked()
        )

    @Slot()
    def _update_counts(self) -> None:
        main = plain_text(self.text_edit)
        link = self.link_edit.text().strip() or None
        report = self.count_report()
        parts = []
        for chan in self.ticked():
            tab = self.channel_tabs[chan.id]
            count = report.count_for(chan.id)
            assert count is not None
            if count.limit is None:
                text = self.tr("%1 characters").replace("%1", str(count.length))
            else:
                text = (
                    self.tr("%1 / %2 characters")
                    .replace("%1", str(count.length))
                    .replace("%2", str(count.limit))
                )
            if report.strictest == chan.id:
                text += " — " + self.tr("strictest limit")
            if count.over:
                text += " — " + self.tr("too long by %1").replace(
                    "%1", str(-(count.remaining or 0))
                )
            tab.counter.setText(text)
            tab.counter.setStyleSheet(ERROR_STYLE if count.over else "")
            tab.preview.setText(post_text(tab.text(main), link))
            if not tab.own.isChecked() and plain_text(tab.edit) != main:
                tab.edit.blockSignals(True)  # shows the shared text, greyed, ready to adapt
                tab.edit.setPlainText(main)
                tab.edit.blockSignals(False)
            index = self.tabs.indexOf(tab)
            self.tabs.setTabText(index, f"{channel_name(chan)} ({count.length})")
            self.tabs.tabBar().setTabTextColor(
                index,
                QColor("#b00020")
                if count.over
                else self.palette().color(QPalette.ColorRole.WindowText),
            )
            marker = " ⚑" if report.strictest == chan.id else ""
            parts.append(f"{channel_name(chan)}: {count.length}/{count.limit or '∞'}{marker}")
        self.summary.setText("   ".join(parts))
        self._on_changed()

    # --- schedule and attachments --------------------------------------------------------------

    def local_time(self) -> datetime | None:
        if not self.dated.isChecked():
            return None
        moment = self.when_edit.dateTime()
        d, t = moment.date(), moment.time()
        return datetime(d.year(), d.month(), d.day(), t.hour(), t.minute())

    @Slot()
    def _on_queue(self) -> None:
        try:
            instant = planning.next_free_slot(
                self.store,
                [c.id for c in self.ticked()],
                tz=self.tz,
                exclude_post=self.post.id if self.post else None,
            )
        except AmicaleError as exc:
            self.error_label.setText(message_text(exc.args[0] if exc.args else str(exc)))
            return
        self.dated.setChecked(True)
        self.when_edit.setDateTime(qdatetime(to_local(instant, self.tz)))
        self.error_label.clear()

    @Slot()
    def _on_attach(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Attach images"),
            "",
            self.tr("Images (*.png *.jpg *.jpeg *.gif *.webp);;All files (*)"),
        )
        for name in names:
            self.attach_file(Path(name))

    def attach_file(self, path: Path) -> None:
        self.pending_files.append(path)
        entry = QListWidgetItem(path.name, self.attachments)
        entry.setData(Qt.ItemDataRole.UserRole, str(path))

    @Slot()
    def _on_remove_attachment(self) -> None:
        row = self.attachments.currentRow()
        if row < 0:
            return
        entry = self.attachments.takeItem(row)
        value = entry.data(Qt.ItemDataRole.UserRole)
        if isinstance(value, int):
            self.removed_attachments.append(value)
        else:
            self.pending_files = [p for p in self.pending_files if str(p) != value]

    # --- saving --------------------------------------------------------------------------------

    def draft(self, state: str) -> PostDraft:
        main = plain_text(self.text_edit)
        versions: dict[int, tuple[str | None, str | None]] = {}
        for chan in self.ticked():
            tab = self.channel_tabs[chan.id]
            versions[chan.id] = (tab.text(main), None)
        link = self.link_edit.text().strip() or None
        return PostDraft(
            title=self.title_edit.text(),
            text=main,
            link=link,
            local_time=self.local_time(),
            tz=self.tz,
            recurrence=str(self.recurrence.currentData()),
            versions=versions,
            state=state,
            event_id=self.post.event_id if self.post else None,
            role=self.post.role if self.post else None,
        )

    def cancel_post(self) -> bool:
        """The post will not go out (it stays in the store, shown with the Cancelled filter)."""
        if self.post is None:
            return False
        try:
            OperationRunner.for_store(self.store).run_now(
                Operation("post.state", {"post_id": self.post.id, "state": "cancelled"})
            )
        except AmicaleError as exc:
            self.error_label.setText(message_text(exc.args[0] if exc.args else str(exc)))
            return False
        self._forget_autosave()
        self.saved.emit(self.post.id)
        self.accept()
        return True

    def _forget_autosave(self) -> None:
        self.autosave_timer.stop()
        autosave.clear(self.autosave_path)

    def save(self, state: str) -> bool:
        link = self.link_edit.text().strip()
        if link and not is_web_url(link):
            self.error_label.setText(self.tr("The link must start with http:// or https://."))
            return False
        if state == "scheduled" and self.count_report().over:
            names = ", ".join(
                channel_name(c)
                for c in self.ticked()
                if (n := self.count_report().count_for(c.id)) and n.over
            )
            self.error_label.setText(self.tr("Too long for %1.").replace("%1", names))
            return False
        runner = OperationRunner.for_store(self.store)
        try:
            draft = draft_args(self.draft(state))
            if self.post is None:
                post_id = int(runner.run_now(Operation("post.create", {"draft": draft})))
            else:
                post_id = self.post.id
                runner.run_now(Operation("post.update", {"post_id": post_id, "draft": draft}))
            for attachment_id in self.removed_attachments:
                runner.run_now(Operation("post.detach", {"attachment_id": attachment_id}))
            for path in self.pending_files:
                runner.run_now(Operation("post.attach", {"post_id": post_id, "path": str(path)}))
        except AmicaleError as exc:
            self.error_label.setText(message_text(exc.args[0] if exc.args else str(exc)))
            return False
        self._forget_autosave()
        self.saved.emit(post_id)
        self.accept()
        return True
