"""The search box's words as one SQL condition, written for the engine that runs it.

The query compiler (app/members/query.py) says *what* to find: phrases of folded words, in
some columns, perhaps at the start of the field. ``TextMatch`` is that condition on
``member_fts``; SQLAlchemy compiles it to an FTS5 ``MATCH`` on SQLite and to trigram-indexed
``LIKE``s on PostgreSQL, so the services never see the difference.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement

from app.store import postgres, sqlite
from app.store.schema import FREE_TEXT_COLUMNS, member_fts


@dataclass(frozen=True)
class Phrase:
    """Folded words in a row (the last one a prefix) in one of ``columns``."""

    columns: tuple[str, ...]
    tokens: tuple[str, ...]
    initial: bool = False  # at the start of the field


class TextMatch(ColumnElement[bool]):
    """Every phrase found: a condition on ``member_fts`` (whose ``rowid`` is the member id)."""

    # Not Boolean: SQLite would be sent "MATCH ? = 1", which FTS5 refuses.
    type = sa.types.NullType()  # type: ignore[assignment]
    inherit_cache = False  # the phrases are values, rendered as bound parameters

    def __init__(self, phrases: Iterable[Phrase]) -> None:
        self.phrases = tuple(phrases)


def _column_filter(columns: tuple[str, ...]) -> str:
    return columns[0] if len(columns) == 1 else "{" + " ".join(columns) + "}"


@compiles(TextMatch)
def _compile_fts5(element: TextMatch, compiler: Any, **kw: Any) -> str:
    match = " AND ".join(
        sqlite.fts_match(_column_filter(p.columns), list(p.tokens), initial=p.initial)
        for p in element.phrases
    )
    return "member_fts MATCH " + str(
        compiler.process(sa.bindparam("fts", match, unique=True), **kw)
    )


@compiles(TextMatch, "postgresql")
def _compile_postgres(element: TextMatch, compiler: Any, **kw: Any) -> str:
    conditions = []
    for phrase in element.phrases:
        columns = (postgres.FREE_COLUMN,) if phrase.columns == FREE_TEXT_COLUMNS else phrase.columns
        pattern = postgres.phrase_pattern(list(phrase.tokens), phrase.initial)
        conditions.append(
            sa.or_(
                *(member_fts.c[c].like(sa.bindparam("fts", pattern, unique=True)) for c in columns)
            )
        )
    return str(compiler.process(sa.and_(*conditions), **kw))


def matching_ids(phrases: Iterable[Phrase]) -> sa.Select[Any]:
    """The ids of the members whose words hold every phrase."""
    return sa.select(member_fts.c.rowid).where(TextMatch(phrases))
