"""From the search tree to a parameterised SQLAlchemy condition on ``member``.

Every value reaches SQL as a bound parameter (FTS5 MATCH strings included, built from
quoted, folded tokens). Each leaf is NULL-safe, so ``-promo:2005`` keeps members without a
class year instead of dropping them through SQL's three-valued logic.
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import partial
from typing import Any

import sqlalchemy as sa

from app import clock
from app.members import fields
from app.members.search import And, Field, Node, Not, Or, QuerySyntaxError, Text, parse
from app.messages import QT_TRANSLATE_NOOP, Message
from app.privacy import consent
from app.store.schema import (
    FREE_TEXT_COLUMNS,
    FTS_COLUMNS,
    community,
    member,
    member_community,
    member_tag,
    tag,
    tag_category,
)
from app.store.textsearch import Phrase, matching_ids
from app.text import fold, like_prefix, words

Condition = sa.ColumnElement[bool]


@dataclass(frozen=True)
class QueryContext:
    """What "today" means for birthday:, dues: and added: (local date of the user)."""

    today: date = field(default_factory=clock.today)


# Field names as the user may type them (English, and French for the CMs), folded: those of
# the member fields (app.members.fields), and has:.
FIELD_ALIASES: dict[str, str] = {**fields.search_aliases(), "has": "has", "a": "has"}
FIELDS = sorted(set(FIELD_ALIASES.values()))
# The field each search name reads, and each has: word tests.
SEARCH_COLUMNS = fields.search_columns()
HAS_WORDS = fields.has_words()

# Text fields answered by the full-text index, anchored at the start of the column.
FTS_FIELDS = {name: column for name, column in SEARCH_COLUMNS.items() if column in FTS_COLUMNS}

_YES = {"yes", "oui", "true", "1", "y", "o"}
_NO = {"no", "non", "false", "0", "n"}
_NEVER = {"never", "jamais", "never-asked", "never asked", "jamais demande"}


# Leaves SQLite answers from a covering index on member (class year, dates, birthdays).
INDEXED_FIELDS = {"promo", "added", "updated", "birthday"}


def _not_empty(column: sa.ColumnElement[Any]) -> Condition:
    return sa.and_(column.is_not(None), column != "")


@dataclass(frozen=True)
class _Range:
    low: Any
    high: Any
    low_inclusive: bool = True
    high_inclusive: bool = True


_COMPARISON = re.compile(r"^(>=|<=|>|<)(.+)$")


def _parse_range(raw: str, scalar: Callable[[str], Any]) -> _Range:
    """``N``, ``N..M``, ``N..``, ``..M``, ``>=N``, ``<=N``, ``>N``, ``<N``."""
    if ".." in raw:
        low, _, high = raw.partition("..")
        if not low and not high:
            raise ValueError(raw)
        return _Range(scalar(low) if low else None, scalar(high) if high else None)
    match = _COMPARISON.match(raw)
    if match:
        op, value = match.groups()
        v = scalar(value)
        return {
            ">=": _Range(v, None),
            ">": _Range(v, None, low_inclusive=False),
            "<=": _Range(None, v),
            "<": _Range(None, v, high_inclusive=False),
        }[op]
    v = scalar(raw)
    return _Range(v, v)


def _range_condition(column: sa.ColumnElement[Any], r: _Range) -> Condition:
    parts: list[Condition] = [column.is_not(None)]
    if r.low is not None:
        parts.append(column >= r.low if r.low_inclusive else column > r.low)
    if r.high is not None:
        parts.append(column <= r.high if r.high_inclusive else column < r.high)
    return sa.and_(*parts)


def _year(text: str) -> int:
    value = int(text)
    if not 1900 <= value <= 2100:
        raise ValueError(text)
    return value


def _date_span(text: str, today: date) -> tuple[date, date]:
    """A date as typed → [first day, day after the last) : 2024, 2024-03, 2024-03-05, today."""
    text = text.strip().lower()
    if text in ("today", "aujourdhui"):
        return today, today + timedelta(days=1)
    if text in ("yesterday", "hier"):
        return today - timedelta(days=1), today
    if text in ("this-week", "week", "semaine"):
        monday = clock.week_start(today)
        return monday, monday + timedelta(days=7)
    if re.fullmatch(r"\d{4}", text):
        return date(int(text), 1, 1), date(int(text) + 1, 1, 1)
    if re.fullmatch(r"\d{4}-\d{1,2}", text):
        y, m = map(int, text.split("-"))
        first = date(y, m, 1)
        return first, date(y + (m == 12), m % 12 + 1, 1)
    day = date.fromisoformat(text)
    return day, day + timedelta(days=1)


def _utc_iso(day: date) -> str:
    return clock.midnight_utc_iso(day)


def _md(day: date) -> str:
    return day.strftime("%m-%d")


def _birthday_days(value: str, today: date) -> list[str]:
    value = value.lower()
    if value in ("today", "aujourdhui"):
        days = [today]
    elif value in ("this-week", "week", "semaine"):
        days = clock.week_days(today)  # Monday to Sunday, as in France
    elif re.fullmatch(r"\d{2}-\d{2}", value):
        date(2000, int(value[:2]), int(value[3:]))  # validates (2000 is a leap year)
        return [value]
    else:
        raise ValueError(value)
    mds = [_md(d) for d in days]
    # February 29 birthdays are wished on February 28 in other years.
    february = next((d for d in days if d.month == 2 and d.day == 28), None)
    if february is not None and not calendar.isleap(february.year):
        mds.append("02-29")
    return mds


class _Compiler:
    def __init__(self, context: QueryContext) -> None:
        self.context = context
        self._demote_ids = False

    def _id_in(self, ids: sa.Select[Any]) -> Condition:
        """``member.id IN (ids)``. Beside an indexed leaf, the id is written ``id + 0`` so
        SQLite scans that index and probes the set, instead of fetching every member of a
        large tag to test its class year (56 ms instead of 121 ms at 1M; a rare tag then
        costs an index range scan, bounded)."""
        column = member.c.id + 0 if self._demote_ids else member.c.id
        return column.in_(ids)

    def _fts_in(self, phrases: tuple[Phrase, ...]) -> Condition:
        return self._id_in(matching_ids(phrases))

    def compile(self, node: Node) -> Condition:
        if isinstance(node, And):
            return self._and(node)
        if isinstance(node, Or):
            return sa.or_(*(self.compile(child) for child in node.children))
        if isinstance(node, Not):
            return sa.not_(self.compile(node.child))
        if isinstance(node, Text):
            phrases = self._text_match(node)
            return self._fts_in(phrases) if phrases else sa.true()
        return self._field(node)

    def _and(self, node: And) -> Condition:
        # Positive full-text leaves share one MATCH: one index lookup instead of several.
        matches: list[Phrase] = []
        others: list[Condition] = []
        outer = self._demote_ids
        self._demote_ids = outer or any(
            isinstance(c, Field) and self._resolve(c) in INDEXED_FIELDS for c in node.children
        )
        try:
            for child in node.children:
                match = self._fts_match(child)
                if match is not None:
                    matches.extend(match)
                else:
                    others.append(self.compile(child))
            if matches:
                others.insert(0, self._fts_in(tuple(matches)))
        finally:
            self._demote_ids = outer
        return sa.and_(*others) if others else sa.true()

    def _fts_match(self, node: Node) -> tuple[Phrase, ...] | None:
        """The phrases of a full-text leaf (none if it has no words), None otherwise."""
        if isinstance(node, Text):
            return self._text_match(node)
        if isinstance(node, Field) and self._resolve(node) in FTS_FIELDS:
            return self._field_match(node)
        return None

    @staticmethod
    def _text_match(node: Text) -> tuple[Phrase, ...]:
        tokens = words(node.value)
        if not tokens:
            return ()
        return (Phrase(FREE_TEXT_COLUMNS, tuple(tokens)),)

    def _field_match(self, node: Field) -> tuple[Phrase, ...]:
        column = FTS_FIELDS[self._resolve(node)]
        tokens = words(node.value)
        if not tokens:
            raise QuerySyntaxError(
                Message(QT_TRANSLATE_NOOP("Messages", "'{0}:' needs letters or digits"), node.name),
                node.value_position,
            )
        return (Phrase((column,), tuple(tokens), initial=True),)

    @staticmethod
    def _resolve(node: Field) -> str:
        name = FIELD_ALIASES.get(fold(node.name))
        if name is None:
            raise QuerySyntaxError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "unknown field '{0}:' (known: {1})"),
                    node.name,
                    ", ".join(FIELDS),
                ),
                node.position,
            )
        return name

    def _field(self, node: Field) -> Condition:
        name = self._resolve(node)
        if name in FTS_FIELDS:
            return self._fts_in(self._field_match(node))
        handler = getattr(self, f"_field_{name}", None)
        if handler is None:
            handler = partial(self._starts_with, member.c[SEARCH_COLUMNS[name]])
        try:
            condition: Condition = handler(node.value)
        except (ValueError, KeyError, OverflowError) as exc:
            raise QuerySyntaxError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "'{0}' is not a valid value for '{1}:'"),
                    node.value,
                    node.name,
                ),
                node.value_position,
            ) from exc
        return condition

    def _field_tag(self, value: str) -> Condition:
        digits = value[1:]
        if value.startswith("#") and digits.isascii() and digits.isdigit() and len(digits) < 19:
            # a saved segment's tag, by id (no longer than SQLite's integers)
            by_id = sa.select(member_tag.c.member_id).where(member_tag.c.tag_id == int(digits))
            return self._id_in(by_id)
        category, slash, name = value.rpartition("/")
        tags = sa.select(tag.c.id).where(tag.c.name_key == fold(name).strip())
        if slash:
            tags = tags.join(tag_category, tag_category.c.id == tag.c.category_id).where(
                tag_category.c.name_key == fold(category).strip()
            )
        members = sa.select(member_tag.c.member_id).where(member_tag.c.tag_id.in_(tags))
        return self._id_in(members)

    def _field_promo(self, value: str) -> Condition:
        return _range_condition(member.c.promo, _parse_range(value, _year))

    def _field_community(self, value: str) -> Condition:
        key = fold(value).strip()
        communities = sa.select(community.c.id).where(
            sa.or_(
                community.c.name_key.like(like_prefix(key), escape="\\"),
                community.c.name_key.like("% " + like_prefix(key), escape="\\"),
                community.c.network == key,
            )
        )
        members = sa.select(member_community.c.member_id).where(
            member_community.c.community_id.in_(communities)
        )
        return self._id_in(members)

    def _field_dues(self, value: str) -> Condition:
        year = self.context.today.year
        paid = member.c.dues_last_year
        kind = {
            "paid": "paid", "payee": "paid", "paye": "paid", "ajour": "paid",
            "unpaid": "unpaid", "impayee": "unpaid", "impaye": "unpaid",
            "lapsed": "lapsed", "expiree": "lapsed", "echue": "lapsed",
        }[fold(value).replace("-", "").replace(" ", "")]  # fmt: skip
        if kind == "paid":
            return sa.and_(paid.is_not(None), paid >= year)
        if kind == "lapsed":
            return sa.and_(paid.is_not(None), paid < year)
        return sa.or_(paid.is_(None), paid < year)

    def _field_status(self, value: str) -> Condition:
        status = {
            "member": "member", "membre": "member", "active": "member",
            "former": "former", "ancien": "former", "ancienne": "former",
            "lost": "lost", "losttouch": "lost", "perdu": "lost", "perdue": "lost",
        }[fold(value).replace("-", "").replace(" ", "")]  # fmt: skip
        return member.c.status == status

    def _field_verified(self, value: str) -> Condition:
        key = fold(value)
        if key in _YES:
            return member.c.verification == "verified"
        if key in _NO:
            return member.c.verification == "unverified"
        if key in ("rejected", "rejete", "refuse"):
            return member.c.verification == "rejected"
        raise ValueError(value)

    def _field_consent(self, value: str) -> Condition:
        """yes/no: the newsletter's flag; a purpose (newsletter, directory, events,
        partners): its consent given; PURPOSE-no: refused or withdrawn; never: asked
        about no purpose at all."""
        key = fold(value)
        if key in _YES:
            return member.c.consent.is_(True)
        if key in _NO:
            return member.c.consent.is_(False)
        if key in _NEVER:
            return consent.never_asked()
        word, dash, answer = key.rpartition("-")
        if dash and answer in _NO:
            return consent.objected(consent.WORDS[word])
        return consent.granted(consent.WORDS[key])

    def _field_has(self, value: str) -> Condition:
        return _not_empty(member.c[HAS_WORDS[fold(value)]])

    def _field_birthday(self, value: str) -> Condition:
        mds = _birthday_days(value, self.context.today)
        # Literal 6 and 5: bound parameters would not match the expression index.
        md = sa.func.substr(member.c.birthday, sa.literal_column("6"), sa.literal_column("5"))
        return sa.and_(member.c.birthday.is_not(None), md.in_(mds))

    def _timestamp(self, column: sa.ColumnElement[Any], value: str) -> Condition:
        today = self.context.today
        r = _parse_range(value, lambda text: _date_span(text, today))
        parts: list[Condition] = []
        if r.low is not None:
            first, after = r.low
            parts.append(
                column >= _utc_iso(first) if r.low_inclusive else column >= _utc_iso(after)
            )
        if r.high is not None:
            first, after = r.high
            parts.append(column < _utc_iso(after) if r.high_inclusive else column < _utc_iso(first))
        return sa.and_(*parts)

    def _field_added(self, value: str) -> Condition:
        return self._timestamp(member.c.created_at, value)

    def _field_updated(self, value: str) -> Condition:
        return self._timestamp(member.c.updated_at, value)

    def _starts_with(self, column: sa.ColumnElement[Any], value: str) -> Condition:
        """A field without a syntax of its own (source:): its value starts with ``value``."""
        return sa.and_(
            column.is_not(None),
            sa.func.lower(column).like(like_prefix(value.lower()), escape="\\"),
        )


def compile_query(node: Node | None, context: QueryContext | None = None) -> Condition:
    """The WHERE condition for a parsed query (everyone for None)."""
    if node is None:
        return sa.true()
    return _Compiler(context or QueryContext()).compile(node)


def unordered_ids(node: Node | None, context: QueryContext | None = None) -> sa.Select[Any]:
    """A SELECT of matching member ids in no particular order.

    A query that is only full text is answered by the index alone: its rowids are the
    members' ids (the triggers keep them in step), with no lookup per match in ``member``.
    """
    compiler = _Compiler(context or QueryContext())
    leaves = node.children if isinstance(node, And) else (node,) if node is not None else ()
    matches = [compiler._fts_match(leaf) for leaf in leaves]
    if leaves and all(m is not None for m in matches) and any(matches):
        return matching_ids(p for m in matches if m for p in m)
    return sa.select(member.c.id).where(compile_query(node, context))


def condition_for(query: str, context: QueryContext | None = None) -> Condition:
    """Parse and compile in one step; raises QuerySyntaxError with a position."""
    return compile_query(parse(query), context)
