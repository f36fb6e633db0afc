"""Import content ideas…: where the feed is, a file picked or an address typed.

Only http and https addresses are accepted (the same rule as everything the window opens);
the reading itself runs in the calendar panel's worker, with Cancel.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.posts.ideas import is_url
from ui.widgets import ERROR_STYLE, plain_label


class IdeasSourceDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, *, source: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("ideasSourceDialog")
        self.setWindowTitle(self.tr("Import content ideas"))
        self.setMinimumWidth(560)
        intro = plain_label(
            self.tr(
                "Each new article of an RSS or Atom feed becomes a draft to review: nothing is "
                "scheduled or posted by itself. Articles already imported are skipped."
            ),
            wrap=True,
        )
        self.source_edit = QLineEdit(source)
        self.source_edit.setObjectName("sourceEdit")
        self.source_edit.setPlaceholderText(self.tr("https://… or a feed file"))
        self.source_edit.textChanged.connect(self._on_changed)
        self.browse_button = QPushButton(self.tr("Choose a file…"))
        self.browse_button.setObjectName("browseButton")
        self.browse_button.clicked.connect(self._on_browse)
        row = QHBoxLayout()
        row.addWidget(self.source_edit, 1)
        row.addWidget(self.browse_button)
        self.error_label = plain_label(wrap=True)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Import"))
        self.ok_button.setObjectName("importButton")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self._on_changed()

    @property
    def source(self) -> str:
        return self.source_edit.text().strip()

    def problem(self) -> str:
        """Why the typed source cannot be read ("" when it can be tried)."""
        text = self.source
        if not text:
            return ""
        if is_url(text):
            parts = urlsplit(text)
            if parts.scheme.lower() not in ("http", "https"):
                return self.tr("Only http:// and https:// addresses can be read.")
            if not parts.netloc:
                return self.tr("This address has no site name.")
        return ""

    @Slot()
    def _on_changed(self) -> None:
        problem = self.problem()
        self.error_label.setText(problem)
        self.ok_button.setEnabled(bool(self.source) and not problem)

    @Slot()
    def _on_browse(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a feed file"),
            "",
            self.tr("Feeds (*.xml *.rss *.atom);;All files (*)"),
        )
        if name:
            self.source_edit.setText(name)
