"""File → Connect to a team directory…: a PostgreSQL server's address, a password (kept in
the system keyring if the person wishes), a connection tried in a worker.

A successful connection is remembered: the window opens that team directory at its next
start (the running window keeps the store it has, with its panels and unsaved edits).
"""

from __future__ import annotations

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app import team
from app.errors import AmicaleError
from app.store import address, server
from ui.labels import message_text
from ui.settings import UiSettings
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import Job


class TeamConnectDialog(QDialog):
    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("teamConnectDialog")
        self.setWindowTitle(self.tr("Connect to a team directory"))
        self.settings = settings
        self.job: Job | None = None

        intro = plain_label(
            self.tr(
                "A team shares one directory on a PostgreSQL server. Ask your team's "
                "administrator for its address and your login."
            ),
            wrap=True,
        )
        self.address_edit = QLineEdit(settings.team_address)
        self.address_edit.setPlaceholderText("postgresql://claire@serveur.example.org/amicale")
        self.password_edit = QLineEdit()
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.remember_box = QCheckBox(self.tr("Keep the password in the system keyring"))
        self.remember_box.setChecked(True)
        form = QFormLayout()
        form.addRow(self.tr("Address:"), self.address_edit)
        form.addRow(self.tr("Password:"), self.password_edit)
        form.addRow("", self.remember_box)

        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # a connection has no steps to count
        self.progress.hide()
        self.status_label = plain_label(wrap=True)
        self.error_label = plain_label(wrap=True)
        self.error_label.setStyleSheet(ERROR_STYLE)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.connect_button = QPushButton(self.tr("Connect"))
        self.connect_button.setDefault(True)
        buttons.addButton(self.connect_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.connect_button.clicked.connect(self._on_connect)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status_label)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(520, self.sizeHint().height())

    @Slot()
    def _on_connect(self) -> None:
        text = self.address_edit.text().strip()
        self.error_label.clear()
        try:
            on_a_server = address.is_server(text)
        except AmicaleError as exc:
            self.error_label.setText(message_text(exc.args[0]))
            return
        if not on_a_server:
            self.error_label.setText(
                self.tr("Give a team server's address: postgresql://login@server/directory")
            )
            return
        self.connect_button.setEnabled(False)
        self.progress.show()
        self.status_label.setText(self.tr("Connecting…"))
        self.job = Job(team.try_connection, text, self.password_edit.text())
        self.job.signals.finished.connect(self._on_connected)
        self.job.signals.failed.connect(self._on_failed)
        self.job.start()

    @Slot(object)
    def _on_connected(self, result: tuple[str, str]) -> None:
        where, role = result
        self.progress.hide()
        text = self.address_edit.text().strip()
        kept = ""
        password = self.password_edit.text()
        if password and self.remember_box.isChecked():
            if server.remember_password_for(text, password):
                kept = self.tr(" The password is kept in the system keyring.")
            else:
                kept = self.tr(" This computer has no keyring: the password was not kept.")
        self.settings.team_address = address.display_text(text)
        self.status_label.setText(
            self.tr("Connected to %1 as %2. Amicale opens this team directory at its next start.")
            .replace("%1", where)
            .replace("%2", role_title(role))
            + kept
        )
        self.connect_button.setEnabled(True)
        self.buttons.clear()
        close = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.clicked.connect(self.accept)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.progress.hide()
        self.status_label.clear()
        self.connect_button.setEnabled(True)
        self.error_label.setText(message_text(error.args[0] if error.args else str(error)))


def role_title(role: str) -> str:
    from PySide6.QtCore import QCoreApplication

    titles = {
        "administrator": QCoreApplication.translate("Roles", "administrator"),
        "animator": QCoreApplication.translate("Roles", "animator"),
        "moderator": QCoreApplication.translate("Roles", "moderator"),
        "reader": QCoreApplication.translate("Roles", "reader"),
    }
    return titles.get(role, role)
