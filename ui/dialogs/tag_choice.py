"""A small dialog choosing the tag to put on (or take off) members: an existing tag from
the list, or a new one typed as "Category/Name" (created when the dialog is accepted)."""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from app import tags
from app.errors import AmicaleError
from app.store import Store
from app.tags import TagInfo
from ui.labels import message_text
from ui.widgets import ERROR_STYLE, plain_label


class TagChoiceDialog(QDialog):
    def __init__(
        self,
        store: Store,
        title: str,
        intro: str,
        parent: QWidget | None = None,
        *,
        allow_new: bool = True,
        with_emails: bool = False,
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("tagChoiceDialog")
        self.setWindowTitle(title)
        self.tag_id: int | None = None  # set when accepted
        self.allow_new = allow_new
        infos: list[TagInfo] = [t for c in tags.tag_tree(store) for t in c.tags]
        self._ids = {tags.label(t): t.id for t in infos}

        self.combo = QComboBox()
        self.combo.setObjectName("tagChoice")
        self.combo.setEditable(allow_new)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.addItems(list(self._ids))
        if allow_new:
            self.combo.setEditText("")
            line = self.combo.lineEdit()
            if line is not None:
                line.setPlaceholderText(self.tr("A tag, or a new one as Category/Name"))
        self.error = plain_label(wrap=True)
        self.error.setObjectName("tagChoiceError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        # The pasted list of emails, for "Tag a pasted list of emails…".
        self.emails: QPlainTextEdit | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._on_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        self.intro = plain_label(intro, wrap=True)
        layout.addWidget(self.intro)
        layout.addWidget(self.combo)
        if with_emails:
            self.emails = QPlainTextEdit()
            self.emails.setObjectName("tagChoiceEmails")
            self.emails.setPlaceholderText(
                self.tr("Paste the emails: one per line, or separated by , or ;")
            )
            layout.addWidget(self.emails, 1)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.combo.currentTextChanged.connect(self._on_text_changed)
        self._on_text_changed(self.combo.currentText())

    def label(self) -> str:
        return " ".join(self.combo.currentText().split())

    def email_text(self) -> str:
        return self.emails.toPlainText() if self.emails is not None else ""

    @Slot(str)
    def _on_text_changed(self, _text: str) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.label()) and (self.allow_new or self.label() in self._ids))
        self.error.hide()

    @Slot()
    def _on_accept(self) -> None:
        """Resolve the tag (creating a new one) before closing; an error keeps it open."""
        label = self.label()
        known = self._ids.get(label)
        if known is None and not self.allow_new:
            return
        try:
            self.tag_id = known if known is not None else tags.find_or_create(self.store, label)
        except AmicaleError as exc:
            self.error.setText(message_text(exc.args[0]) if exc.args else str(exc))
            self.error.show()
            return
        self.accept()
