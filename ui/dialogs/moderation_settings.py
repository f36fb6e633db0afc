"""The moderation settings: keyword and domain lists, canned replies, automatic rules."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.moderation import settings as mod_settings
from app.operations import Operation
from app.store import Store
from ui.operations import OperationRunner
from ui.widgets import plain_label


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
