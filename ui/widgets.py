"""Small widget helpers shared by the panels and dialogs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPlainTextEdit

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
