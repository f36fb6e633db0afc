"""Small widget helpers shared by the panels and dialogs."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPlainTextEdit, QWidget

ERROR_STYLE = "color: #b00020;"


def plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    """A label for data: never read as rich text."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def plain_text(editor: QPlainTextEdit) -> str:
    """The editor's text as typed: toPlainText() would turn the no-break spaces French puts
    before "!" and "?" into ordinary ones."""
    raw = editor.document().toRawText()
    return raw.replace("\u2029", "\n").replace("\u2028", "\n")


def empty_hint(text: str) -> QLabel:
    """The one line an empty panel shows, saying what to do (hidden until it is empty)."""
    label = plain_label(text, wrap=True)
    label.setObjectName("emptyHint")
    label.setStyleSheet("color: palette(placeholder-text); font-style: italic; padding: 6px;")
    label.hide()
    return label


class _StayDisabled(QObject):
    """Puts a forbidden widget back to disabled whenever its panel enables it."""

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.EnabledChange
            and isinstance(watched, QWidget)
            and watched.isEnabled()
        ):
            watched.setEnabled(False)
        return False


def forbid(target: QAction | QWidget, why: str) -> None:
    """Greyed out for good, ``why`` in its tooltip: what the person's role cannot do
    (app.permissions). The panel's own enabling as its state changes (an item selected, a
    job ended) cannot bring it back."""
    target.setToolTip(why)
    target.setEnabled(False)
    target.setProperty("forbidden", True)
    if isinstance(target, QAction):
        target.changed.connect(lambda: target.setEnabled(False) if target.isEnabled() else None)
    else:
        target.installEventFilter(_StayDisabled(target))


def is_forbidden(target: QAction | QWidget) -> bool:
    return bool(target.property("forbidden"))
