"""The window of an encrypted store locks itself after some minutes without input: the data
is hidden behind a screen that asks the passphrase again."""

from __future__ import annotations

import hmac

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.widgets import ERROR_STYLE, plain_label

# What counts as the CM being there.
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.MouseMove,
    QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleTimer(QObject):
    """Fires `idle` after ``msecs`` without a key, a click or a move anywhere in the app."""

    # The time without input has passed.
    idle = Signal()

    def __init__(self, msecs: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(msecs)
        self.timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None
        app.installEventFilter(self)
        self.timer.start()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIVITY and self.timer.isActive():
            self.timer.start()
        return False

    def stop(self) -> None:
        self.timer.stop()

    def restart(self) -> None:
        self.timer.start()


class LockScreen(QWidget):
    """Covers the whole window; the passphrase of the store opens it again."""

    # The right passphrase was given.
    unlocked = Signal()

    def __init__(self, passphrase: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        self.setAutoFillBackground(True)
        self._passphrase = passphrase
        title: QLabel = plain_label(self.tr("Amicale is locked"))
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        hint = plain_label(
            self.tr("The data file is encrypted. Give its passphrase to see the data again."),
            wrap=True,
        )
        self.entry = QLineEdit()
        self.entry.setObjectName("lockPassphrase")
        self.entry.setEchoMode(QLineEdit.EchoMode.Password)
        self.entry.returnPressed.connect(self.try_unlock)
        self.button = QPushButton(self.tr("Unlock"))
        self.button.setObjectName("unlockButton")
        self.button.clicked.connect(self.try_unlock)
        self.error = plain_label()
        self.error.setStyleSheet(ERROR_STYLE)
        box = QWidget()
        box.setMaximumWidth(420)
        column = QVBoxLayout(box)
        column.addWidget(title)
        column.addWidget(hint)
        column.addWidget(self.entry)
        column.addWidget(self.button, 0, Qt.AlignmentFlag.AlignRight)
        column.addWidget(self.error)
        layout = QVBoxLayout(self)
        layout.addStretch()
        layout.addWidget(box, 0, Qt.AlignmentFlag.AlignCenter)
        layout.addStretch()
        self.hide()

    def lock(self) -> None:
        parent = self.parentWidget()
        assert parent is not None
        self.setGeometry(parent.rect())
        self.entry.clear()
        self.error.clear()
        self.show()
        self.raise_()
        self.entry.setFocus()

    @Slot()
    def try_unlock(self) -> None:
        given = self.entry.text()
        self.entry.clear()
        if hmac.compare_digest(given.encode(), self._passphrase.encode()):
            self.hide()
            self.unlocked.emit()
        else:
            self.error.setText(self.tr("Wrong passphrase."))

    def resize_to_parent(self) -> None:
        parent = self.parentWidget()
        if parent is not None and self.isVisible():
            self.setGeometry(parent.rect())
