"""Birthdays: who to wish today, the message to send them, and the wishes already sent.

The seed practice of good community managers: every day, wish the members whose birthday it
is. `due` lists them (an indexed month-day lookup, so it stays instant at a million members),
with a message built from the association's template; `mark_wished` records a wish so the
same person is never listed as pending twice in a year.

Rules:
- "Today" is the user's local date (`local_today`).
- February 29 birthdays are wished on February 28 in common years.
- A birthday known without its year (stored "0000-MM-DD") is listed with an unknown age.
- A wish belongs to the year of the birthday wished: wishing on December 31 someone born on
  January 1 counts for the coming year.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from app import clock
from app.association import NAME_KEY, get_setting
from app.clock import now_iso
from app.errors import NotFoundError, ValidationError
from app.members.validation import NO_YEAR
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store, portable
from app.store.schema import birthday_wish, community, member, member_community, setting
from app.text import fold, linkedin_key

LANGUAGES = ("fr", "en")
DEFAULT_LANGUAGE = "fr"
TEMPLATE_KEY = "birthdays.template.{}"
DEFAULT_TEMPLATES = {
    # The association's name as the CM typed it, as a signature: "Avec {association}" read
    # "Avec Amicale des ingénieurs" (no article), whichever article the name needs.
    "fr": "Joyeux anniversaire, {prénom}\u00a0! Belle journée à toi, de la part de toute "
    "l’équipe — {association}",
    "en": "Happy birthday, {first_name}! Warm wishes from all of us at {association}.",
}
# The channels a wish goes through, as recorded (the window shows them translated).
CHANNELS = ("linkedin", "facebook", "email", "phone", "other")
# How far ahead the Today view looks, after today.
AHEAD_DAYS = 7

# Placeholder names, folded (so {Prénom}, {prenom} and {PRÉNOM} all work) → value.
PLACEHOLDERS = {
    "prenom": "first_name",
    "first_name": "first_name",
    "firstname": "first_name",
    "nom": "last_name",
    "last_name": "last_name",
    "lastname": "last_name",
    "age": "age",
    "promo": "promo",
    "class_year": "promo",
    "association": "association",
}
# What the template of each language calls each value (the editor's help, the error message).
PLACEHOLDER_NAMES = {
    "fr": ("{prénom}", "{nom}", "{âge}", "{promo}", "{association}"),
    "en": ("{first_name}", "{last_name}", "{age}", "{promo}", "{association}"),
}

# A bracketed part holding a placeholder, "[pour tes {âge} ans]": left out entirely when a
# value inside it is unknown. Brackets without a placeholder are ordinary text.
_OPTIONAL = re.compile(r"\[([^\[\]{}]*(?:\{[^{}\[\]]*\}[^\[\]{}]*)+)\]")
_TOKEN = re.compile(r"\{\{|\}\}|\{([^{}]*)\}")
_SUFFIX = re.compile(r"^\w+")
_SPACES = " \t\u00a0\u202f"
_CLOSING = ",.;:!?)…"


@dataclass(slots=True)
class Birthday:
    """One member to wish, on ``day`` (the date the birthday falls on, this year or next)."""

    member_id: int
    first_name: str
    last_name: str
    promo: int | None
    # None when the birthday is known without its year.
    age: int | None
    # As stored: "YYYY-MM-DD", or "0000-MM-DD" without the year.
    birthday: str
    communities: list[str] = field(default_factory=list)
    linkedin_url: str | None = None
    email: str | None = None
    phone: str | None = None
    status: str = "member"
    # When this year's wish was recorded (UTC ISO 8601), and through which channel.
    wished_at: str | None = None
    channel: str | None = None
    message: str = ""
    day: date = date.min

    @property
    def display_name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip() or f"#{self.member_id}"

    @property
    def reachable(self) -> bool:
        """False when the store has no way to reach them (no LinkedIn, email or phone)."""
        return bool(self.linkedin_url or self.email or self.phone)

    @property
    def profile_url(self) -> str | None:
        """The LinkedIn profile to open: an http(s) linkedin.com/in/ address, or None."""
        url = (self.linkedin_url or "").strip()
        if linkedin_key(url) is None:
            return None
        return url if re.match(r"https?://", url, re.I) else "https://" + url

    def as_json(self) -> dict[str, Any]:
        """The `amicale birthdays --json` contract (DESIGN.md §4)."""
        return {
            "member_id": self.member_id,
            "first_name": self.first_name,
            "last_name": self.last_name,
            "age": self.age,
            "message": self.message,
        }


@dataclass(frozen=True)
class Agenda:
    """What the Today view shows for ``day``."""

    day: date
    # Today's birthdays still to wish, then those of the next days.
    today: list[Birthday]
    upcoming: list[Birthday]
    # Birthdays of the same days already wished this year.
    done: list[Birthday]
    language: str
    # Each language's template (the editor switches language without a read).
    templates: dict[str, str]
    association: str

    @property
    def template(self) -> str:
        return self.templates[self.language]


# --- "today" -------------------------------------------------------------------------------


def local_today(now: datetime | None = None) -> date:
    """The user's local date: at 00:30 in Paris it is already tomorrow, though not in UTC."""
    return clock.local_date(now)


def is_leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def _occurrences(first: date, days: int) -> dict[str, date]:
    """Month-day ("MM-DD") → the date the birthday is wished on, for ``days`` from ``first``."""
    out: dict[str, date] = {}
    for offset in range(days):
        day = first + timedelta(days=offset)
        out[day.strftime("%m-%d")] = day
        if day.month == 2 and day.day == 28 and not is_leap(day.year):
            out["02-29"] = day
    return out


# --- templates -----------------------------------------------------------------------------


def _check_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; expected one of {LANGUAGES}")
    return language


def default_template(language: str) -> str:
    return DEFAULT_TEMPLATES[_check_language(language)]


def get_template(store: Store, language: str = DEFAULT_LANGUAGE) -> str:
    """The association's template in ``language``, or the default one."""
    key = TEMPLATE_KEY.format(_check_language(language))
    with store.read() as conn:
        stored = get_setting(conn, key)
    return stored or default_template(language)


def set_template(store: Store, language: str, text: str) -> str:
    """Save the template of ``language``; an empty one brings the default back.

    Raises ValidationError (key "template") naming the unknown placeholders or the brace that
    does not match. Returns the template now in use.
    """
    key = TEMPLATE_KEY.format(_check_language(language))
    text = text.strip()
    problems = check_template(text, language)
    if problems:
        raise ValidationError({"template": problems[0]})
    with store.write() as conn:
        if not text or text == default_template(language):
            conn.execute(setting.delete().where(setting.c.key == key))
        else:
            updated = conn.execute(setting.update().where(setting.c.key == key).values(value=text))
            if updated.rowcount == 0:
                conn.execute(setting.insert().values(key=key, value=text))
    return text or default_template(language)


# The problems a template can have (the window shows them translated).
_CLOSES_NOTHING = QT_TRANSLATE_NOOP(
    "Messages", "the “}}” at character {0} closes nothing (for a lone brace, write “}}}}”)"
)
_NEVER_CLOSED = QT_TRANSLATE_NOOP(
    "Messages", "the “{{” at character {0} is never closed (for a lone brace, write “{{{{”)"
)
_UNKNOWN_FIELDS = QT_TRANSLATE_NOOP("Messages", "not a known field: {0}. Fields you can use: {1}")


def check_template(text: str, language: str = DEFAULT_LANGUAGE) -> list[Message]:
    """What is wrong with a template: an unmatched brace, or placeholders nobody knows."""
    position = 0
    unknown: list[str] = []
    while position < len(text):
        if text.startswith(("{{", "}}"), position):
            position += 2
        elif text[position] == "}":
            return [Message(_CLOSES_NOTHING, position + 1)]
        elif text[position] == "{":
            end = text.find("}", position + 1)
            if end == -1 or "{" in text[position + 1 : end]:
                return [Message(_NEVER_CLOSED, position + 1)]
            token = text[position : end + 1]
            if _placeholder(token[1:-1]) is None and token not in unknown:
                unknown.append(token)
            position = end + 1
        else:
            position += 1
    if unknown:
        names = PLACEHOLDER_NAMES.get(language, PLACEHOLDER_NAMES[DEFAULT_LANGUAGE])
        return [Message(_UNKNOWN_FIELDS, ", ".join(unknown), ", ".join(names))]
    return []


def _placeholder(name: str) -> str | None:
    return PLACEHOLDERS.get(fold(name.strip()).replace(" ", "_"))


def _values(birthday: Birthday, association: str) -> dict[str, str]:
    return {
        "first_name": (birthday.first_name or "").strip(),
        "last_name": (birthday.last_name or "").strip(),
        "age": "" if birthday.age is None else str(birthday.age),
        "promo": "" if birthday.promo is None else str(birthday.promo),
        "association": (association or "").strip(),
    }


def render(template: str, birthday: Birthday, association: str) -> str:
    """The message for ``birthday``.

    Tolerant: an unknown placeholder stays as typed, a stray brace stays as it is. A value
    that is unknown (no age for a birthday without its year, no class year) is left out with
    the space or comma it leaves behind; a bracketed part around it, "[pour tes {âge} ans]",
    is left out whole (its brackets go either way).
    """
    return _render(template, _values(birthday, association))


def fields_used(template: str) -> frozenset[str]:
    """The values a template uses: "first_name", "last_name", "age", "promo", "association"."""
    return _compiled(template)[1]


def _render(template: str, values: Mapping[str, str]) -> str:
    fast, used = _compiled(template)
    if all(values[name] for name in used):
        return fast.format_map(values)
    return _render_slowly(template, values)


@functools.lru_cache(maxsize=16)
def _compiled(template: str) -> tuple[str, frozenset[str]]:
    """``template`` as a str.format pattern for when every value it uses is known (the usual
    case: one pattern for a thousand messages), and the names of those values."""
    used: set[str] = set()

    def token(match: re.Match[str]) -> str:
        if match.group(1) is None:  # an escaped brace, kept escaped
            return match.group(0)
        name = _placeholder(match.group(1))
        if name is None:
            return "{{" + match.group(1) + "}}"
        used.add(name)
        return "{" + name + "}"

    def lone(text: str) -> str:
        return text.replace("{", "{{").replace("}", "}}")

    plain = _OPTIONAL.sub(lambda m: m.group(1), template.replace("\x00", ""))
    pieces: list[str] = []
    position = 0
    for match in _TOKEN.finditer(plain):
        pieces += [lone(plain[position : match.start()]), token(match)]
        position = match.end()
    pieces.append(lone(plain[position:]))
    return "".join(pieces), frozenset(used)


def _render_slowly(template: str, values: Mapping[str, str]) -> str:
    def optional(match: re.Match[str]) -> str:
        inner = match.group(1)
        names = [_placeholder(m.group(1)) for m in _TOKEN.finditer(inner) if m.group(1) is not None]
        if any(name is not None and not values[name] for name in names):
            return "\x00"  # a gap, glued below like a missing value
        return inner

    return _fill(_OPTIONAL.sub(optional, template.replace("\x00", "")), values)


def _fill(template: str, values: Mapping[str, str]) -> str:
    out = ""
    gap = False
    position = 0
    for match in _TOKEN.finditer(template):
        out, gap = _literal(out, gap, template[position : match.start()])
        position = match.end()
        token = match.group(0)
        if token in ("{{", "}}"):
            out, gap = _literal(out, gap, token[0])
            continue
        name = _placeholder(match.group(1))
        if name is None:
            out, gap = _literal(out, gap, token)
        elif values[name]:
            out, gap = _literal(out, gap, values[name])
        else:
            gap = True
    out, gap = _literal(out, gap, template[position:])
    return _glue(out, "") if gap else out


def _literal(out: str, gap: bool, text: str) -> tuple[str, bool]:
    """Append ``text``; ``gap`` says a value was left out just before it. Gaps inside ``text``
    (left by an optional part) are glued too."""
    for index, piece in enumerate(text.split("\x00")):
        if index:
            gap = True
        if not piece:
            continue
        out = _glue(out, piece) if gap else out + piece
        gap = False
    return out, gap


def _glue(left: str, right: str) -> str:
    """Join the text on either side of a value left out, as if it had never been there."""
    right = _SUFFIX.sub("", right)  # "{âge}e anniversaire": the "e" goes with the age
    bare_left = left.rstrip(_SPACES)
    bare_right = right.lstrip(_SPACES)
    at_start = not bare_left or bare_left.endswith("\n")
    at_end = not bare_right or bare_right.startswith("\n")
    if bare_left.endswith("(") and bare_right.startswith(")"):
        return _glue(bare_left[:-1], bare_right[1:])
    if at_start and bare_right[:1] in (",", ";", ":"):
        return bare_left + bare_right[1:].lstrip(_SPACES)  # "{prénom}, bon anniversaire"
    if at_end or bare_right[0] in _CLOSING:
        if bare_left.endswith(",") and (at_end or bare_right[0] in _CLOSING):
            bare_left = bare_left[:-1]  # "anniversaire, {prénom} !" → "anniversaire !"
        if at_end:
            return bare_left + right[len(right) - len(bare_right) :]
        return bare_left + right  # keeps the space before "!" that French wants
    if at_start:
        return left + bare_right
    return left + bare_right if left != bare_left else left + right


# --- the list ------------------------------------------------------------------------------


def due(
    store: Store,
    day: date | None = None,
    days: int = 1,
    language: str = DEFAULT_LANGUAGE,
    include_done: bool = False,
) -> list[Birthday]:
    """Members whose birthday falls in the ``days`` days from ``day`` (local today).

    Those already wished for that birthday are left out unless ``include_done``; they then
    come with ``wished_at`` and ``channel``. Sorted by day, then name.
    """
    return _load(store, day or local_today(), days, language, include_done)[0]


def _load(
    store: Store, first: date, days: int, language: str, include_done: bool
) -> tuple[list[Birthday], str, str]:
    """The birthdays, the template and the association's name, read in one transaction."""
    if days < 1:
        raise ValueError("days must be at least 1")
    occurrences = _occurrences(first, days)
    years = sorted({d.year for d in occurrences.values()})
    with store.read() as conn:
        template = get_setting(conn, TEMPLATE_KEY.format(_check_language(language)))
        association = get_setting(conn, NAME_KEY) or ""
        rows, wishes, memberships = _fetch(conn, list(occurrences), years)
    template = template or default_template(language)
    name = association.strip()
    out: list[tuple[date, str, int, Birthday]] = []
    # Plain tuples and locals: at a million members a day has 2,500 birthdays.
    for member_id, given, family, sort_name, promo, born, linkedin, email, phone, status in rows:
        on = occurrences.get(born[5:10])
        if on is None:
            continue
        wish = wishes.get((member_id, on.year))
        if wish is not None and not include_done:
            continue
        year = born[:4]
        age = on.year - int(year) if year.isdigit() and year != NO_YEAR else None
        if age is not None and age < 0:
            age = None
        given, family = given or "", family or ""
        values = {
            "first_name": given.strip(),
            "last_name": family.strip(),
            "age": "" if age is None else str(age),
            "promo": "" if promo is None else str(promo),
            "association": name,
        }
        birthday = Birthday(
            member_id,
            given,
            family,
            promo,
            age,
            born,
            memberships.get(member_id, []),
            linkedin or None,
            email or None,
            phone or None,
            status,
            wish[1] if wish else None,
            wish[0] if wish else None,
            _render(template, values),
            on,
        )
        out.append((on, sort_name, member_id, birthday))
    out.sort(key=lambda item: item[:3])
    return [item[3] for item in out], template, association


def _fetch(
    conn: sa.Connection, month_days: list[str], years: list[int]
) -> tuple[list[Any], dict[tuple[int, int], tuple[str, str]], dict[int, list[str]]]:
    # Written as in the index (ix_member_birthday_md): SQLite matches an expression index
    # only against the same expression, so the 6 and 5 are literals, not parameters.
    md = sa.func.substr(member.c.birthday, sa.literal_column("6"), sa.literal_column("5"))
    found = md.in_(month_days)
    rows = conn.execute(
        sa.select(
            member.c.id,
            member.c.first_name,
            member.c.last_name,
            member.c.sort_name,
            member.c.promo,
            member.c.birthday,
            member.c.linkedin_url,
            member.c.email,
            member.c.phone,
            member.c.status,
        ).where(found)
    ).all()
    wishes: dict[tuple[int, int], tuple[str, str]] = {}
    if rows:
        for member_id, year, channel, wished_at in conn.execute(
            sa.select(
                birthday_wish.c.member_id,
                birthday_wish.c.year,
                birthday_wish.c.channel,
                birthday_wish.c.wished_at,
            )
            .join(member, member.c.id == birthday_wish.c.member_id)
            .where(found, birthday_wish.c.year.in_(years))
        ):
            wishes[(member_id, year)] = (channel, wished_at)
    memberships: dict[int, list[str]] = {}
    if rows:
        for member_id, name in conn.execute(
            sa.select(member_community.c.member_id, community.c.name)
            .join(community, community.c.id == member_community.c.community_id)
            # The ids already read, as one JSON parameter: joined to the communities, SQLite
            # may start from a big community and read all its memberships (seen at 1M).
            .where(member_community.c.member_id.in_(portable.listed([r[0] for r in rows])))
            .order_by(member_community.c.member_id, community.c.name_key)
        ):
            memberships.setdefault(member_id, []).append(name)
    return list(rows), wishes, memberships


def agenda(
    store: Store,
    day: date | None = None,
    ahead: int = AHEAD_DAYS,
    language: str = DEFAULT_LANGUAGE,
) -> Agenda:
    """Everything the Today view shows, in one read: today, the next ``ahead`` days, done."""
    first = day or local_today()
    everyone, _, association = _load(store, first, 1 + ahead, language, True)
    with store.read() as conn:
        templates = {
            code: get_setting(conn, TEMPLATE_KEY.format(code)) or DEFAULT_TEMPLATES[code]
            for code in LANGUAGES
        }
    return Agenda(
        day=first,
        today=[b for b in everyone if b.wished_at is None and b.day == first],
        upcoming=[b for b in everyone if b.wished_at is None and b.day != first],
        done=[b for b in everyone if b.wished_at is not None],
        language=language,
        templates=templates,
        association=association,
    )


def sample(language: str = DEFAULT_LANGUAGE) -> Birthday:
    """A made-up member for the template preview when nobody has a birthday soon."""
    first, last = ("Camille", "Martin") if language == "fr" else ("Alex", "Morgan")
    return Birthday(
        member_id=0,
        first_name=first,
        last_name=last,
        promo=2010,
        age=37,
        birthday="1989-01-01",
        day=date(2026, 1, 1),
    )


# --- wishes --------------------------------------------------------------------------------


def mark_wished(store: Store, member_id: int, channel: str, day: date) -> str:
    """Record that ``member_id`` was wished, through ``channel``, for the birthday on ``day``.

    Marking again the same year keeps one record (the latest channel). Returns wished_at.
    """
    if channel not in CHANNELS:
        raise ValidationError(
            {
                "channel": Message(
                    QT_TRANSLATE_NOOP("Messages", "unknown channel “{0}”; use one of: {1}"),
                    channel,
                    ", ".join(CHANNELS),
                )
            }
        )
    return mark_all_wished(store, [member_id], channel, day)


def mark_all_wished(store: Store, member_ids: Sequence[int], channel: str, day: date) -> str:
    """`mark_wished` for many people at once (249 birthdays a day), in one transaction."""
    if channel not in CHANNELS:
        mark_wished(store, -1, channel, day)  # raises the same ValidationError
    at = now_iso()
    with store.write() as conn:
        for member_id in member_ids:
            exists = conn.execute(sa.select(member.c.id).where(member.c.id == member_id)).first()
            if exists is None:
                raise NotFoundError(f"member {member_id} does not exist")
            match = (birthday_wish.c.member_id == member_id) & (birthday_wish.c.year == day.year)
            updated = conn.execute(birthday_wish.update().where(match).values(channel=channel))
            if updated.rowcount == 0:
                conn.execute(
                    birthday_wish.insert().values(
                        member_id=member_id, year=day.year, channel=channel, wished_at=at
                    )
                )
            else:
                conn.execute(birthday_wish.update().where(match).values(wished_at=at))
    return at


def unmark(store: Store, member_id: int, day: date) -> bool:
    """Forget the wish for the birthday on ``day`` (it is pending again). False if none."""
    with store.write() as conn:
        deleted = conn.execute(
            birthday_wish.delete().where(
                (birthday_wish.c.member_id == member_id) & (birthday_wish.c.year == day.year)
            )
        )
    return bool(deleted.rowcount)


def unmark_all(store: Store, member_ids: Sequence[int], day: date) -> int:
    """`unmark` for many people at once; returns how many wishes were forgotten."""
    ids = sorted(set(member_ids))
    forgotten = 0
    with store.write() as conn:
        for start in range(0, len(ids), 500):
            deleted = conn.execute(
                birthday_wish.delete().where(
                    birthday_wish.c.member_id.in_(ids[start : start + 500])
                    & (birthday_wish.c.year == day.year)
                )
            )
            forgotten += deleted.rowcount
    return forgotten
