"""Adding to the moderation queue by hand: one request or post, or pasted lines."""

from __future__ import annotations

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app.errors import AmicaleError
from app.moderation import intake
from app.store import Store
from ui.labels import message_text
from ui.widgets import plain_label
from ui.workers import Job


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
