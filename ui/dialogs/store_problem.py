"""When the data file cannot be opened: say why, offer another file or a backup."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from app.errors import AmicaleError, NotAStoreError
from app.store import backup
from ui.labels import message_text


def ask_what_next(path: Path, error: AmicaleError, parent: QWidget | None = None) -> Path | None:
    """Show the problem; return the file to open instead, or None to quit."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("StoreProblem", "Cannot open the data file"))
    box.setTextFormat(Qt.TextFormat.PlainText)
    box.setText(message_text(error.args[0] if error.args else error))
    other = box.addButton(
        QCoreApplication.translate("StoreProblem", "Open another file…"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    restore = None
    if isinstance(error, NotAStoreError):  # only a damaged file is worth replacing
        restore = box.addButton(
            QCoreApplication.translate("StoreProblem", "Restore a backup…"),
            QMessageBox.ButtonRole.ActionRole,
        )
    box.addButton(
        QCoreApplication.translate("StoreProblem", "Quit"), QMessageBox.ButtonRole.RejectRole
    )
    box.exec()
    clicked = box.clickedButton()
    if clicked is other:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("StoreProblem", "Open a data file"),
            str(path.parent),
            QCoreApplication.translate(
                "StoreProblem", "Amicale data (*.sqlite3 *.amicale);;All files (*)"
            ),
        )
        return Path(chosen) if chosen else None
    if restore is not None and clicked is restore:
        chosen, _ = QFileDialog.getOpenFileName(
            parent,
            QCoreApplication.translate("StoreProblem", "Restore a backup"),
            str(path.parent / "backups"),
            QCoreApplication.translate(
                "StoreProblem", "Amicale backups (*.sqlite3 *.amicale);;All files (*)"
            ),
        )
        if not chosen:
            return None
        try:
            backup.restore(Path(chosen), path)
        except AmicaleError as exc:
            QMessageBox.warning(
                parent,
                QCoreApplication.translate("StoreProblem", "Restore failed"),
                message_text(exc.args[0] if exc.args else exc),
            )
            return None
        return path
    return None
