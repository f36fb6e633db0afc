"""Checking and normalising what a user typed about a member, field by field."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, datetime
from typing import Any

from app import clock
from app.errors import ValidationError
from app.members import fields
from app.messages import QT_TRANSLATE_NOOP, Message

TEXT_FIELDS = fields.text_fields()
EDITABLE_FIELDS = fields.editable_fields()
STATUSES = fields.BY_NAME["status"].values
VERIFICATIONS = fields.BY_NAME["verification"].values

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,30}$")
MAX_TEXT = 10_000


# A birthday known without its year (vCard "--0312", "12/03") is kept as 0000-MM-DD, so the
# month-day index and birthday: searches still work; the year reads as unknown.
NO_YEAR = "0000"
_ISO = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_NO_YEAR = re.compile(
    r"^(?:--(?P<m1>\d{2})-?(?P<d1>\d{2})|0000-(?P<m3>\d{2})-(?P<d3>\d{2})|"
    r"(?P<d2>\d{1,2})/(?P<m2>\d{1,2}))$"
)


def parse_birthday(text: str, today: date | None = None) -> str:
    """A birthday as typed (2001-03-05, 05/03/2001, 5.3.2001) → ISO, or ValueError."""
    text = text.strip()
    if _ISO.match(text):  # the common case, without strptime's cost (imports of 1M rows)
        try:
            return _check_birthday(date.fromisoformat(text), today)
        except ValueError:
            pass
    no_year = _NO_YEAR.match(text)
    if no_year:
        month = no_year["m1"] or no_year["m2"] or no_year["m3"]
        day_of_month = no_year["d1"] or no_year["d2"] or no_year["d3"]
        try:
            date(2000, int(month), int(day_of_month))  # 2000: February 29 exists
        except ValueError:
            raise ValueError(
                Message(QT_TRANSLATE_NOOP("Messages", "use the form YYYY-MM-DD or DD/MM/YYYY"))
            ) from None
        return f"{NO_YEAR}-{int(month):02}-{int(day_of_month):02}"
    for pattern in ("%Y-%m-%d", "%d/%m/%Y", "%d.%m.%Y", "%d-%m-%Y"):
        try:
            day = datetime.strptime(text, pattern).date()
            break
        except ValueError:
            continue
    else:
        raise ValueError(
            Message(QT_TRANSLATE_NOOP("Messages", "use the form YYYY-MM-DD or DD/MM/YYYY"))
        )
    return _check_birthday(day, today)


def _check_birthday(day: date, today: date | None) -> str:
    if day > (today or clock.today()):
        raise ValueError(
            Message(QT_TRANSLATE_NOOP("Messages", "a birthday cannot be in the future"))
        )
    if day.year < 1900:
        raise ValueError(Message(QT_TRANSLATE_NOOP("Messages", "the year must be 1900 or later")))
    return day.isoformat()


def _year(value: Any, low: int, high: int) -> int:
    try:
        year = int(str(value).strip())
    except ValueError:
        raise ValueError(
            Message(QT_TRANSLATE_NOOP("Messages", "must be a year such as 2005"))
        ) from None
    if not low <= year <= high:
        raise ValueError(
            Message(QT_TRANSLATE_NOOP("Messages", "must be between {0} and {1}"), low, high)
        )
    return year


def normalise(values: dict[str, Any], today: date | None = None) -> dict[str, Any]:
    """Clean ``values`` (a subset of EDITABLE_FIELDS); raise ValidationError listing problems."""
    today = today or clock.today()
    problems: dict[str, str] = {}
    clean: dict[str, Any] = {}
    checks = _CHECKS
    for key, value in values.items():
        check = checks.get(key, _unknown)
        if check is _unknown:
            problems[key] = Message(QT_TRANSLATE_NOOP("Messages", "unknown field"))
            continue
        if isinstance(value, str):
            # NUL is no one's letter, and PostgreSQL's text cannot hold it.
            value = value.replace("\x00", "").strip()
            if len(value) > MAX_TEXT:
                problems[key] = Message(
                    QT_TRANSLATE_NOOP("Messages", "too long (over {0} characters)"), MAX_TEXT
                )
                continue
            if not value:
                clean[key] = False if key in _FLAGS else None
                continue
        elif value is None or value == "":
            clean[key] = False if key in _FLAGS else None
            continue
        if check is None:  # free text: nothing more to check (an import cleans 1M rows)
            clean[key] = value
            continue
        try:
            clean[key] = check(value, today)
        except ValueError as exc:
            problems[key] = exc.args[0] if exc.args else str(exc)
    if problems:
        raise ValidationError(problems)
    return clean


def _field(key: str, value: Any, today: date) -> Any:
    check = _CHECKS[key]
    return value if check is None else check(value, today)


def _email(value: Any, today: date) -> Any:
    if not _EMAIL.match(value):
        raise ValueError(Message(QT_TRANSLATE_NOOP("Messages", "not a valid email address")))
    return value


def _phone(value: Any, today: date) -> Any:
    if not _PHONE.match(value) or sum(c.isdigit() for c in value) < 6:
        raise ValueError(Message(QT_TRANSLATE_NOOP("Messages", "not a valid phone number")))
    return value


def _linkedin(value: Any, today: date) -> Any:
    if not re.match(r"^https?://", value, re.I):
        value = "https://" + value
    if "linkedin." not in value.lower():
        raise ValueError(Message(QT_TRANSLATE_NOOP("Messages", "not a LinkedIn address")))
    return value


def _promo(value: Any, today: date) -> int:
    return _year(value, 1900, today.year + 6)


def _dues(value: Any, today: date) -> int:
    return _year(value, 1900, today.year + 1)


def _birthday(value: Any, today: date) -> str:
    return parse_birthday(str(value), today)


def _one_of(values: tuple[str, ...]) -> Callable[[Any, date], Any]:
    def check(value: Any, today: date) -> Any:
        if value not in values:
            raise ValueError(
                Message(QT_TRANSLATE_NOOP("Messages", "must be one of {0}"), ", ".join(values))
            )
        return value

    return check


def _boolean(value: Any, today: date) -> bool:
    return bool(value)


def _unknown(value: Any, today: date) -> Any:  # a marker: not a field
    raise AssertionError(value)


# The rules a field of the registry (app.members.fields) may name.
RULES: dict[fields.Rule, Callable[[Any, date], Any]] = {
    "email": _email,
    "phone": _phone,
    "linkedin": _linkedin,
    "class_year": _promo,
    "dues_year": _dues,
    "birthday": _birthday,
}


def _check_of(field: fields.Field) -> Callable[[Any, date], Any] | None:
    if field.rule is not None:
        return RULES[field.rule]
    if field.kind == "enum":
        return _one_of(field.values)
    if field.kind == "bool":
        return _boolean
    return None


# The check of each field (None: free text, kept as stripped), looked up once per value.
_CHECKS: dict[str, Callable[[Any, date], Any] | None] = {
    f.name: _check_of(f) for f in fields.FIELDS if f.editable
}
# An empty flag is False, not unknown (an empty value of other fields is None).
_FLAGS = frozenset(f.name for f in fields.FIELDS if f.editable and f.kind == "bool")


def require_identity(record: dict[str, Any]) -> None:
    """A member is someone: a first or last name, or an email."""
    if not any(record.get(k) for k in ("first_name", "last_name", "email")):
        raise ValidationError(
            {
                "last_name": Message(
                    QT_TRANSLATE_NOOP("Messages", "a member needs a name or an email")
                )
            }
        )
