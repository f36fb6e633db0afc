"""Mail server settings: where the newsletter goes out, and the password kept for it.

The settings go to the store (`app.posts.smtp.save_settings`); the password goes to the
OS keyring through a `PasswordVault`, or stays in memory for this run when there is none
(the dialog says which).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from app.errors import AmicaleError, ValidationError
from app.posts.smtp import DEFAULT_PORTS, PasswordVault, SmtpSettings, save_settings
from app.store import Store
from ui.labels import message_text
from ui.widgets import ERROR_STYLE, plain_label


class SmtpSettingsDialog(QDialog):
    def __init__(
        self,
        store: Store,
        settings: SmtpSettings,
        vault: PasswordVault,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("smtpSettingsDialog")
        self.setWindowTitle(self.tr("Mail server"))
        self.setMinimumWidth(460)
        self.store = store
        self.vault = vault
        self.settings = settings

        self.host = QLineEdit(settings.host)
        self.host.setObjectName("hostEdit")
        self.host.setPlaceholderText("smtp.example.org")
        self.security = QComboBox()
        self.security.setObjectName("securityCombo")
        for code, title in (
            ("starttls", self.tr("STARTTLS (usually port 587)")),
            ("tls", self.tr("TLS from the start (usually port 465)")),
            ("none", self.tr("None (a server on this computer only)")),
        ):
            self.security.addItem(title, code)
        self.security.setCurrentIndex(max(0, self.security.findData(settings.security)))
        self.security.currentIndexChanged.connect(self._on_security)
        self.port = QSpinBox()
        self.port.setObjectName("portSpin")
        self.port.setRange(1, 65535)
        self.port.setValue(settings.port)
        self.user = QLineEdit(settings.user)
        self.user.setObjectName("userEdit")
        self.user.setPlaceholderText(self.tr("empty if the server needs no login"))
        self.password = QLineEdit()
        self.password.setObjectName("passwordEdit")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        known = bool(settings.user) and vault.get(settings.keyring_account) is not None
        self.password.setPlaceholderText(
            self.tr("(kept; type to change)") if known else self.tr("password")
        )
        self.from_address = QLineEdit(settings.from_address)
        self.from_address.setObjectName("fromEdit")
        self.from_name = QLineEdit(settings.from_name)
        self.from_name.setObjectName("fromNameEdit")
        self.from_name.setPlaceholderText(self.tr("the association's name"))
        self.test_address = QLineEdit(settings.test_address)
        self.test_address.setObjectName("testAddressEdit")
        self.test_address.setPlaceholderText(self.tr("the sender's address"))
        self.unsubscribe = QLineEdit(settings.unsubscribe)
        self.unsubscribe.setObjectName("unsubscribeEdit")
        self.unsubscribe.setPlaceholderText(self.tr("optional: where members ask to unsubscribe"))
        self.per_minute = QSpinBox()
        self.per_minute.setObjectName("perMinuteSpin")
        self.per_minute.setRange(0, 10000)
        self.per_minute.setSpecialValueText(self.tr("no limit"))
        self.per_minute.setValue(settings.per_minute)

        form = QFormLayout()
        form.addRow(self.tr("Server"), self.host)
        form.addRow(self.tr("Security"), self.security)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Sender address"), self.from_address)
        form.addRow(self.tr("Sender name"), self.from_name)
        form.addRow(self.tr("Send tests to"), self.test_address)
        form.addRow(self.tr("Unsubscribe address"), self.unsubscribe)
        form.addRow(self.tr("Messages per minute"), self.per_minute)

        where = (
            self.tr("The password is kept in the system keyring.")
            if vault.persistent
            else self.tr(
                "No system keyring is available: the password is kept in memory until "
                "Amicale quits, never written to disk."
            )
        )
        self.keyring_note = plain_label(where, wrap=True)
        self.keyring_note.setObjectName("keyringNote")
        self.error_label = plain_label(wrap=True)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.save_button = buttons.button(QDialogButtonBox.StandardButton.Save)
        buttons.accepted.connect(self._on_save)
        buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.keyring_note)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def edited(self) -> SmtpSettings:
        return replace(
            self.settings,
            host=self.host.text(),
            port=self.port.value(),
            security=str(self.security.currentData()),
            user=self.user.text(),
            from_address=self.from_address.text(),
            from_name=self.from_name.text(),
            test_address=self.test_address.text(),
            unsubscribe=self.unsubscribe.text(),
            per_minute=self.per_minute.value(),
        )

    @Slot()
    def _on_security(self) -> None:
        # Follow the usual port of the new choice unless the CM typed another one.
        if self.port.value() in DEFAULT_PORTS.values():
            self.port.setValue(DEFAULT_PORTS[str(self.security.currentData())])

    @Slot()
    def _on_save(self) -> None:
        # A few setting rows: quick enough for the GUI thread.
        try:
            saved = save_settings(self.store, self.edited())
        except ValidationError as exc:
            self.error_label.setText(
                "\n".join(message_text(problem) for problem in exc.problems.values())
            )
            return
        except AmicaleError as exc:
            self.error_label.setText(message_text(exc.args[0] if exc.args else exc))
            return
        if self.password.text() and saved.user:
            self.vault.set(saved.keyring_account, self.password.text())
        self.settings = saved
        self.accept()
