"""Messages for the user that the window translates.

`app/` cannot use Qt's tr(), so a message keeps its English template and its arguments
apart: the command line prints it as it is, the window looks the template up in the French
translation and fills it in (`ui.labels.message_text`).
"""

from __future__ import annotations

from typing import Any

CONTEXT = "Messages"


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for lupdate (ui/i18n_build.py scans app/ files that use it)."""
    return text


class Message(str):
    """The English text, which also remembers its template and arguments."""

    template: str
    args: tuple[Any, ...]

    def __new__(cls, template: str, *args: Any) -> Message:
        text = super().__new__(cls, template.format(*args) if args else template)
        text.template = template
        text.args = args
        return text
