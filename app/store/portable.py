"""SQL that SQLite and PostgreSQL spell differently, written once for the services.

Each construct compiles to the engine's own SQL (SQLAlchemy's ``compiles``), so a service
builds one statement and either store runs it:

- ``insert_ignoring(table)``: SQLite's ``INSERT OR IGNORE``, PostgreSQL's ``ON CONFLICT DO
  NOTHING`` (a link that already exists is skipped, not an error);
- ``listed(values)``: a list of ids as one bound parameter, usable as ``IN (…)`` or a FROM:
  ``json_each`` on SQLite, ``json_array_elements_text`` on PostgreSQL (thousands of ids
  without thousands of parameters);
- ``joined_ids(column)``: the ids of a group as one comma-separated text
  (``group_concat`` / ``string_agg``);
- ``serialise_on(conn, key)``: writers of the same ``key`` one after the other until the
  transaction ends (a file has one writer at a time already; a server, an advisory lock).
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql import functions
from sqlalchemy.sql.dml import Insert

_IGNORE = "OR IGNORE"


def insert_ignoring(table: sa.Table) -> Insert:
    """An INSERT that skips the rows whose key already exists, on either engine."""
    # The SQLite prefix is part of the statement's cache key, which the PostgreSQL
    # compilation below reads: no compiled form is shared with a plain INSERT.
    return sa.insert(table).prefix_with(_IGNORE, dialect="sqlite")


@compiles(Insert, "postgresql")
def _insert_postgres(element: Insert, compiler: Any, **kw: Any) -> str:
    text: str = compiler.visit_insert(element, **kw)
    ignoring = any(
        dialect == "sqlite" and str(prefix) == _IGNORE for prefix, dialect in element._prefixes
    )
    return text + " ON CONFLICT DO NOTHING" if ignoring else text


class _ListedInts(functions.GenericFunction[Any]):
    """The integers of a JSON array, one row each, in a column named ``value``."""

    name = "amicale_listed"
    inherit_cache = True


@compiles(_ListedInts)
def _listed_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"json_each({compiler.process(element.clauses, **kw)})"


@compiles(_ListedInts, "postgresql")
def _listed_postgres(element: Any, compiler: Any, **kw: Any) -> str:
    payload = compiler.process(element.clauses, **kw)
    return (
        f"(SELECT v::bigint AS value FROM json_array_elements_text(CAST({payload} AS json)) AS v)"
    )


class _ListedTexts(_ListedInts):
    name = "amicale_listed_texts"
    inherit_cache = True


@compiles(_ListedTexts, "postgresql")
def _listed_texts_postgres(element: Any, compiler: Any, **kw: Any) -> str:
    payload = compiler.process(element.clauses, **kw)
    return f"(SELECT v AS value FROM json_array_elements_text(CAST({payload} AS json)) AS v)"


def listed_texts(values: Iterable[str], name: str = "texts") -> sa.Select[Any]:
    """SELECT value FROM <the list> for strings (email addresses…)."""
    each = _ListedTexts(sa.bindparam(name, json.dumps(list(values)), unique=True))
    return sa.select(each.table_valued("value").c.value)


def listed(values: Iterable[int], name: str = "ids") -> sa.Select[Any]:
    """SELECT value FROM <the list>: ``values`` as one bound parameter."""
    payload = json.dumps(list(values))
    each = _ListedInts(sa.bindparam(name, payload, unique=True)).table_valued("value")
    return sa.select(each.c.value)


class _JoinedIds(functions.GenericFunction[str]):
    type = sa.Text()
    name = "amicale_joined"
    inherit_cache = True


@compiles(_JoinedIds)
def _joined_sqlite(element: Any, compiler: Any, **kw: Any) -> str:
    return f"group_concat({compiler.process(element.clauses, **kw)})"


@compiles(_JoinedIds, "postgresql")
def _joined_postgres(element: Any, compiler: Any, **kw: Any) -> str:
    return f"string_agg(CAST({compiler.process(element.clauses, **kw)} AS text), ',')"


def joined_ids(column: Any) -> Any:
    """The ids of a group as one text, "3,8,12" (an aggregate)."""
    return _JoinedIds(column)


def fold_sql(column: Any) -> Any:
    """``column`` folded as app.text.fold does: a function of that name on both engines (a
    Python function registered on each SQLite connection; SQL over unaccent on the server)."""
    return sa.func.amicale_fold(column)


def serialise_on(conn: sa.Connection, key: str) -> None:
    """Wait for the other transactions that serialise on ``key`` (until this one ends): a
    "look, then create if missing" of two animators at once creates one row, not two."""
    if conn.dialect.name == "postgresql":
        conn.execute(sa.text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": key})
