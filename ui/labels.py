"""Translated names for the values and fields the store keeps in English."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QTime

from app.members import fields
from app.messages import CONTEXT as MESSAGES_CONTEXT
from app.messages import Message

if TYPE_CHECKING:
    from app.posts.channels import Channel

# The titles are marked for translation in app/members/fields.py ("Fields" context).
FIELD_TITLES = {f.name: f.title for f in (*fields.FIELDS, *fields.IMPORT_ONLY)}

VALUE_LABELS = {
    ("status", "member"): QT_TRANSLATE_NOOP("Values", "Member"),
    ("status", "former"): QT_TRANSLATE_NOOP("Values", "Former member"),
    ("status", "lost"): QT_TRANSLATE_NOOP("Values", "Lost touch"),
    ("verification", "unverified"): QT_TRANSLATE_NOOP("Values", "Not verified"),
    ("verification", "verified"): QT_TRANSLATE_NOOP("Values", "Verified graduate"),
    ("verification", "rejected"): QT_TRANSLATE_NOOP("Values", "Rejected"),
    ("role", "member"): QT_TRANSLATE_NOOP("Values", "member"),
    ("role", "moderator"): QT_TRANSLATE_NOOP("Values", "moderator"),
    ("role", "animator"): QT_TRANSLATE_NOOP("Values", "community manager"),
}


def field_title(field: str) -> str:
    return QCoreApplication.translate("Fields", str(FIELD_TITLES.get(field, field)))


def value_label(field: str, value: str) -> str:
    source = VALUE_LABELS.get((field, value))
    return QCoreApplication.translate("Values", str(source)) if source else value


def plain_tip(text: str) -> str:
    """``text`` shown as it is in a tooltip or a message box.

    Qt guesses rich text from a '<' (Qt.mightBeRichText): a member's name, a tag or a post
    written "<h1>…</h1>" would be rendered, a link made clickable. Escaped and wrapped in
    <qt>, it is shown letter for letter, line breaks kept.
    """
    return "<qt>" + html.escape(text).replace("\n", "<br>") + "</qt>"


def message_text(message: object) -> str:
    """A message from app/ in the interface language (see app/messages.py); arguments that
    are messages themselves (a channel's default name) are translated too."""
    if isinstance(message, Message):
        template = QCoreApplication.translate(MESSAGES_CONTEXT, message.template)
        args = [message_text(a) if isinstance(a, Message) else a for a in message.args]
        try:
            return template.format(*args)
        except (IndexError, KeyError, ValueError):  # a translation that lost a placeholder
            return str(message)
    return str(message)


def qdate(day: date) -> QDate:
    """A Python date as a QDate (spelled out: the bindings' typing knows no conversion)."""
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: datetime) -> QDateTime:
    """The wall-clock fields of ``moment`` as a QDateTime in local time."""
    return QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))


def channel_name(chan: Channel) -> str:
    """A channel's name as the window shows it: the CM's own, or its kind's, translated."""
    return message_text(chan.title)
