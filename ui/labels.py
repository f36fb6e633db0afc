"""Translated names for the values and fields the store keeps in English."""

from __future__ import annotations

import html
from datetime import date, datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QDate, QDateTime, QLocale, QTime

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
        args = [_argument_text(a) for a in message.args]
        try:
            return template.format(*args)
        except (IndexError, KeyError, ValueError):  # a translation that lost a placeholder
            return str(message)
    return str(message)


def _argument_text(arg: object) -> object:
    """A message's argument as the window shows it: dates in the interface's locale."""
    if isinstance(arg, Message):
        return message_text(arg)
    if isinstance(arg, datetime):
        return moment_text(arg)
    if isinstance(arg, date):
        return day_text(arg)
    return arg


def day_text(day: date) -> str:
    """A day in the interface's locale: 29/11/2026 in French (never 2026-11-29)."""
    return QLocale().toString(qdate(day), QLocale.FormatType.ShortFormat)


def moment_text(moment: datetime, today: date | None = None) -> str:
    """A local moment, short: "4 déc. 09:00" in French, the year added when not ``today``'s."""
    this_year = today is None or moment.year == today.year
    fmt = "d MMM HH:mm" if this_year else "d MMM yyyy HH:mm"
    return QLocale().toString(qdatetime(moment), fmt)


def week_text(iso_week: str) -> str:
    """An ISO week "2026-W49" as "week 49"."""
    _year, _, week = iso_week.partition("-W")
    if not week.isdigit():
        return iso_week
    return QCoreApplication.translate("Labels", "week %1").replace("%1", str(int(week)))


def qdate(day: date) -> QDate:
    """A Python date as a QDate (spelled out: the bindings' typing knows no conversion)."""
    return QDate(day.year, day.month, day.day)


def qdatetime(moment: datetime) -> QDateTime:
    """The wall-clock fields of ``moment`` as a QDateTime in local time."""
    return QDateTime(qdate(moment.date()), QTime(moment.hour, moment.minute, moment.second))


def channel_name(chan: Channel) -> str:
    """A channel's name as the window shows it: the CM's own, or its kind's, translated."""
    return message_text(chan.title)
