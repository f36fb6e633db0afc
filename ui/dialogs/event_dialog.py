"""A new event (title, date, time, place, link) and the drafts it generates on the chosen
channels: an announcement three weeks before, a reminder two days before, thanks the day
after (app.posts.events). The drafts land in the calendar for the CM to review."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QTime, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QLineEdit,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import AmicaleError
from app.operations import Operation
from app.posts.channels import Channel
from app.posts.events import ROLES
from app.posts.publishing import is_web_url
from app.store import Store
from ui.labels import channel_name, message_text, qdate
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE, plain_label


class EventDialog(QDialog):
    def __init__(self, store: Store, channels: list[Channel], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("eventDialog")
        self.setWindowTitle(self.tr("New event"))
        self.setMinimumWidth(460)
        self.store = store
        self.created: list[int] = []
        self.title_edit = QLineEdit()
        self.title_edit.setObjectName("eventTitle")
        self.day_edit = QDateEdit(qdate(clock.today()).addDays(30))
        self.day_edit.setCalendarPopup(True)
        self.day_edit.setObjectName("eventDay")
        self.time_edit = QTimeEdit(QTime(19, 0))
        self.has_time = QCheckBox(self.tr("At"))
        self.has_time.setChecked(True)
        self.has_time.toggled.connect(self.time_edit.setEnabled)
        self.place_edit = QLineEdit()
        self.link_edit = QLineEdit()
        self.link_edit.setPlaceholderText("https://")
        self.language = QComboBox()
        self.language.addItem(self.tr("French"), "fr")
        self.language.addItem(self.tr("English"), "en")
        self.channel_boxes: dict[int, QCheckBox] = {}
        box = QGroupBox(self.tr("Channels"))
        grid = QGridLayout(box)
        for index, chan in enumerate(c for c in channels if c.enabled):
            check = QCheckBox(channel_name(chan))
            check.setChecked(chan.kind in ("linkedin", "facebook"))
            self.channel_boxes[chan.id] = check
            grid.addWidget(check, index // 4, index % 4)
        titles = {
            "announcement": self.tr("Announcement (3 weeks before)"),
            "reminder": self.tr("Reminder (2 days before)"),
            "thanks": self.tr("Thanks (the day after)"),
        }
        self.role_boxes: dict[str, QCheckBox] = {}
        roles = QGroupBox(self.tr("Drafts to prepare"))
        roles_layout = QVBoxLayout(roles)
        for role in ROLES:
            check = QCheckBox(titles[role])
            check.setChecked(True)
            self.role_boxes[role] = check
            roles_layout.addWidget(check)
        self.error_label = plain_label(wrap=True)
        self.error_label.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Title"), self.title_edit)
        form.addRow(self.tr("Date"), self.day_edit)
        form.addRow(self.has_time, self.time_edit)
        form.addRow(self.tr("Place"), self.place_edit)
        form.addRow(self.tr("Link"), self.link_edit)
        form.addRow(self.tr("Language of the drafts"), self.language)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(box)
        layout.addWidget(roles)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    @Slot()
    def save(self) -> bool:
        link = self.link_edit.text().strip()
        if link and not is_web_url(link):
            self.error_label.setText(self.tr("The link must start with http:// or https://."))
            return False
        channel_ids = [cid for cid, box in self.channel_boxes.items() if box.isChecked()]
        roles = [role for role, box in self.role_boxes.items() if box.isChecked()]
        if not channel_ids or not roles:
            self.error_label.setText(self.tr("Choose at least one channel and one draft."))
            return False
        day = self.day_edit.date()
        try:
            args = {
                "title": self.title_edit.text(),
                "day": date(day.year(), day.month(), day.day()).isoformat(),
                "at": self.time_edit.time().toString("HH:mm")
                if self.has_time.isChecked()
                else None,
                "place": self.place_edit.text(),
                "link": link or None,
                "channel_ids": channel_ids,
                "roles": roles,
                "language": str(self.language.currentData()),
            }
            self.created = OperationRunner.for_store(self.store).run_now(
                Operation("event.create", args)
            )
        except AmicaleError as exc:
            self.error_label.setText(message_text(exc.args[0] if exc.args else str(exc)))
            return False
        self.accept()
        return True
