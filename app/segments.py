"""Segments: named searches, re-run every time they are used.

A segment is a live query, never a cached list of members (CiviCRM's smart-group caches
show removed contacts; STYLE.md §3): its count is computed when asked (`counts`) and never
stored. Saved segments are rows of the ``segment`` table; the ready-made ones the CMs asked
for are definitions in code, always present, and cannot be renamed, edited or deleted (a
negative id tells them apart). Their names are `Message`s: the window translates them, the
command line prints the English text; each also has a stable English key (``lost-touch``…).

Names are unique regardless of case and accents (``name_key = fold(name)``); saving under an
existing name replaces that segment's query. A query is checked by parsing and compiling it
before it is stored, so a malformed one is refused with the position of the culprit.

Tag references
--------------
Renaming a tag must not break a segment, so a segment can keep its tags by id: ``tag:lyon``
is stored as ``tag:#12`` (``(tag:#12 OR tag:#31)`` when the name matches several tags) and
shown with the tag's current name (``tag:Géographie/Lyon`` when that name alone is
ambiguous). This needs the search language to read ``tag:#ID``; until it does, `TAG_IDS` is
off and queries are stored as typed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

import sqlalchemy as sa

from app import audit, clock
from app.clock import now_iso
from app.errors import AmicaleError, Cancelled, NotFoundError
from app.members.query import FIELD_ALIASES, QueryContext, compile_query, unordered_ids
from app.members.search import And, Field, Node, Not, Or, QuerySyntaxError, parse
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.cancel import CancelToken, interruptible
from app.store.schema import segment, tag, tag_category
from app.text import fold

# Store tag references by id (see the module docstring). Needs `tag:#ID` in the search
# language (app.members.query._field_tag); off until then.
TAG_IDS = True

# The suffix of a duplicate's name: "Lyon (copie)", then "Lyon (copie 2)"…
COPY_SUFFIX = "copie"


@dataclass(frozen=True)
class Segment:
    id: int  # the row's id; negative for a ready-made segment (not a row)
    name: str  # a Message for a ready-made segment: the window translates it
    query: str  # as the user reads and types it (tags by their current names)
    created_at: str | None = None
    updated_at: str | None = None
    key: str | None = None  # the stable English key of a ready-made segment

    @property
    def ready_made(self) -> bool:
        return self.id < 0


@dataclass(frozen=True)
class _ReadyMade:
    key: str
    name: str
    query: Callable[[date], str]


# Order of the sidebar. Ids are -1, -2… in this order: never reuse or reorder a key's place.
_READY_MADE = (
    _ReadyMade(
        "lost-touch",
        QT_TRANSLATE_NOOP("Messages", "Lost touch"),
        lambda _today: "status:lost OR (-has:email -has:phone)",
    ),
    _ReadyMade(
        "dues-unpaid",
        QT_TRANSLATE_NOOP("Messages", "Dues unpaid this year"),
        lambda _today: "dues:unpaid",
    ),
    _ReadyMade(
        "new-this-month",
        QT_TRANSLATE_NOOP("Messages", "New this month"),
        lambda today: f"added:{today:%Y-%m}",
    ),
    _ReadyMade(
        "not-verified", QT_TRANSLATE_NOOP("Messages", "Not verified"), lambda _today: "verified:no"
    ),
    _ReadyMade(
        "no-consent", QT_TRANSLATE_NOOP("Messages", "No consent"), lambda _today: "consent:no"
    ),
    _ReadyMade(
        "never-asked",
        QT_TRANSLATE_NOOP("Messages", "Consent never asked"),
        lambda _today: "consent:never",
    ),
)
# Folded names a saved segment cannot take: the ready-made ones' English names and keys.
_RESERVED = {fold(r.name) for r in _READY_MADE} | {r.key for r in _READY_MADE}


def ready_made(today: date | None = None) -> list[Segment]:
    """The ready-made segments; "New this month" is the month of ``today`` (local date)."""
    day = today or clock.today()
    return [
        Segment(-(i + 1), Message(r.name), r.query(day), key=r.key)
        for i, r in enumerate(_READY_MADE)
    ]


# --- checking ------------------------------------------------------------------------------


def check_query(query: str) -> str:
    """``query`` stripped, once it parses and compiles; raises QuerySyntaxError (with the
    position) or AmicaleError for an empty query."""
    text = query.strip()
    if not text:
        raise AmicaleError(Message(QT_TRANSLATE_NOOP("Messages", "a segment needs a search")))
    compile_query(parse(text))  # unknown fields and invalid values are found here
    return text


def _check_name(name: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise AmicaleError(Message(QT_TRANSLATE_NOOP("Messages", "a segment needs a name")))
    if fold(text) in _RESERVED:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "'{0}' is the name of a ready-made segment"), text
            )
        )
    return text


def _name_taken(name: str) -> AmicaleError:
    return AmicaleError(
        Message(QT_TRANSLATE_NOOP("Messages", "a segment named '{0}' already exists"), name)
    )


def _cannot_change(segment_: Segment) -> AmicaleError:
    return AmicaleError(
        Message(
            QT_TRANSLATE_NOOP("Messages", "'{0}' is a ready-made segment: it cannot be changed"),
            segment_.name,
        )
    )


def _not_found(what: object) -> NotFoundError:
    return NotFoundError(Message(QT_TRANSLATE_NOOP("Messages", "no segment '{0}'"), what))


# --- reading -------------------------------------------------------------------------------


def _from_row(conn: sa.Connection, row: Any) -> Segment:
    return Segment(row.id, row.name, _displayed(conn, row.query), row.created_at, row.updated_at)


def list_segments(store: Store, today: date | None = None) -> list[Segment]:
    """The ready-made segments, then the saved ones by name (case and accents ignored)."""
    with store.read() as conn:
        rows = conn.execute(sa.select(segment).order_by(segment.c.name_key)).all()
        saved = [_from_row(conn, row) for row in rows]
    return [*ready_made(today), *saved]


def get(store: Store, name_or_id: str | int, today: date | None = None) -> Segment:
    """A segment by id, by name (case and accents ignored), or a ready-made one by its key
    or English name. Raises NotFoundError."""
    for made in ready_made(today):
        if name_or_id in (made.id, made.key) or (
            isinstance(name_or_id, str) and fold(name_or_id.strip()) == fold(made.name)
        ):
            return made
    if isinstance(name_or_id, int):
        condition = segment.c.id == name_or_id
    else:
        condition = segment.c.name_key == fold(" ".join(name_or_id.split()))
    with store.read() as conn:
        row = conn.execute(sa.select(segment).where(condition)).first()
        if row is None:
            raise _not_found(name_or_id)
        return _from_row(conn, row)


def counts(
    store: Store,
    segments: Sequence[Segment],
    cancel: CancelToken | None = None,
    context: QueryContext | None = None,
) -> dict[int, int]:
    """Segment id → number of members matching it now, in one read transaction.

    Computed each time, never stored. A segment whose query no longer runs (a field a newer
    version renamed…) is left out. Raises Cancelled if ``cancel`` fires.
    """
    context = context or QueryContext()
    out: dict[int, int] = {}
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            for item in segments:
                if cancel is not None and cancel.cancelled:
                    raise Cancelled()
                try:
                    ids = unordered_ids(parse(_stored(conn, item.query)), context)
                except QuerySyntaxError:
                    continue
                stmt = sa.select(sa.func.count()).select_from(ids.subquery())
                out[item.id] = int(conn.execute(stmt).scalar_one())
    return out


# --- operations ----------------------------------------------------------------------------


def _row_for(conn: sa.Connection, segment_id: int) -> Any:
    row = conn.execute(sa.select(segment).where(segment.c.id == segment_id)).first()
    if row is None:
        raise _not_found(segment_id)
    return row


def _key_owner(conn: sa.Connection, key: str) -> int | None:
    found = conn.execute(sa.select(segment.c.id).where(segment.c.name_key == key)).scalar()
    return None if found is None else int(found)


def _refuse_ready_made(segment_id: int) -> None:
    for made in ready_made():
        if made.id == segment_id:
            raise _cannot_change(made)


def save(store: Store, name: str, query: str) -> Segment:
    """Save ``query`` under ``name``; an existing segment of that name gets the new query.

    Raises QuerySyntaxError for a malformed query (with its position), AmicaleError for an
    empty or reserved name.
    """
    clean_name = _check_name(name)
    text = check_query(query)
    key = fold(clean_name)
    now = now_iso()
    with store.write() as conn:
        stored = _stored(conn, text)
        existing = _key_owner(conn, key)
        if existing is None:
            result = conn.execute(
                segment.insert().values(
                    name=clean_name, name_key=key, query=stored, created_at=now, updated_at=now
                )
            )
            assert result.inserted_primary_key is not None
            segment_id = int(result.inserted_primary_key[0])
            audit.record(
                conn, "segment-create", "segment", segment_id, {"name": clean_name, "query": text}
            )
        else:
            segment_id = existing
            if _row_for(conn, segment_id).query != stored:
                conn.execute(
                    segment.update()
                    .where(segment.c.id == segment_id)
                    .values(query=stored, updated_at=now)
                )
                audit.record(conn, "segment-update", "segment", segment_id, {"query": text})
        return _from_row(conn, _row_for(conn, segment_id))


def set_query(store: Store, segment_id: int, query: str) -> Segment:
    """Give segment ``segment_id`` a new query (checked first, as `save` does)."""
    _refuse_ready_made(segment_id)
    text = check_query(query)
    with store.write() as conn:
        row = _row_for(conn, segment_id)
        stored = _stored(conn, text)
        if row.query != stored:
            conn.execute(
                segment.update()
                .where(segment.c.id == segment_id)
                .values(query=stored, updated_at=now_iso())
            )
            audit.record(conn, "segment-update", "segment", segment_id, {"query": text})
        return _from_row(conn, _row_for(conn, segment_id))


def rename(store: Store, segment_id: int, name: str) -> Segment:
    """Rename a saved segment; refused when another segment has that name."""
    _refuse_ready_made(segment_id)
    clean_name = _check_name(name)
    key = fold(clean_name)
    with store.write() as conn:
        row = _row_for(conn, segment_id)
        owner = _key_owner(conn, key)
        if owner is not None and owner != segment_id:
            raise _name_taken(clean_name)
        if row.name != clean_name:
            conn.execute(
                segment.update()
                .where(segment.c.id == segment_id)
                .values(name=clean_name, name_key=key, updated_at=now_iso())
            )
            audit.record(
                conn, "segment-rename", "segment", segment_id, {"from": row.name, "to": clean_name}
            )
        return _from_row(conn, _row_for(conn, segment_id))


def duplicate(
    store: Store, segment_id: int, base: str | None = None, today: date | None = None
) -> Segment:
    """A copy of a segment (ready-made ones too) named "``base`` (copie)", numbered if taken.

    ``base`` defaults to the segment's name; the window passes a ready-made segment's
    translated name.
    """
    source = get(store, segment_id, today)
    stem = " ".join((base or source.name).split())
    with store.write() as conn:
        taken = {r[0] for r in conn.execute(sa.select(segment.c.name_key))} | _RESERVED
        name = f"{stem} ({COPY_SUFFIX})"
        number = 2
        while fold(name) in taken:
            name = f"{stem} ({COPY_SUFFIX} {number})"
            number += 1
        now = now_iso()
        result = conn.execute(
            segment.insert().values(
                name=name,
                name_key=fold(name),
                query=_stored(conn, source.query),
                created_at=now,
                updated_at=now,
            )
        )
        assert result.inserted_primary_key is not None
        new_id = int(result.inserted_primary_key[0])
        audit.record(
            conn,
            "segment-create",
            "segment",
            new_id,
            {"name": name, "query": source.query, "copy_of": str(source.name)},
        )
        return _from_row(conn, _row_for(conn, new_id))


def delete(store: Store, segment_id: int) -> Segment:
    """Delete a saved segment (never members); returns it as it was."""
    _refuse_ready_made(segment_id)
    with store.write() as conn:
        gone = _from_row(conn, _row_for(conn, segment_id))
        conn.execute(segment.delete().where(segment.c.id == segment_id))
        audit.record(
            conn, "segment-delete", "segment", segment_id, {"name": gone.name, "query": gone.query}
        )
    return gone


# --- tag references ------------------------------------------------------------------------

_TAG_ID = re.compile(r"#(\d+)")
_UNQUOTED_STOP = set(' \t\r\n()"')


def _fields(node: Node | None) -> Iterator[Field]:
    if isinstance(node, Field):
        yield node
    elif isinstance(node, Not):
        yield from _fields(node.child)
    elif isinstance(node, And | Or):
        for child in node.children:
            yield from _fields(child)


def _tag_fields(query: str) -> Iterator[tuple[Field, int, int]]:
    """The ``tag:`` leaves of ``query`` with the span of their text (name to end of value)."""
    try:
        tree = parse(query)
    except QuerySyntaxError:
        return
    for leaf in _fields(tree):
        if FIELD_ALIASES.get(fold(leaf.name)) != "tag":
            continue
        if query.startswith('"', leaf.value_position):  # tag:"saint étienne"
            end = query.index('"', leaf.value_position + 1) + 1
        else:
            end = leaf.value_position + len(leaf.value)
        yield leaf, leaf.position, end


def _splice(query: str, edits: list[tuple[int, int, str]]) -> str:
    for start, end, text in sorted(edits, reverse=True):
        query = query[:start] + text + query[end:]
    return query


def _stored(conn: sa.Connection, query: str) -> str:
    """``query`` with its tag names replaced by ids (as typed when `TAG_IDS` is off).

    A name that matches no tag is kept: it matches no member either way.
    """
    if not TAG_IDS:
        return query
    edits: list[tuple[int, int, str]] = []
    for leaf, start, end in _tag_fields(query):
        if _TAG_ID.fullmatch(leaf.value):
            continue
        category, slash, name = leaf.value.rpartition("/")
        stmt = sa.select(tag.c.id).where(tag.c.name_key == fold(name).strip())
        if slash:
            stmt = stmt.join(tag_category, tag_category.c.id == tag.c.category_id).where(
                tag_category.c.name_key == fold(category).strip()
            )
        ids = sorted(int(r[0]) for r in conn.execute(stmt))
        if len(ids) == 1:
            edits.append((start, end, f"tag:#{ids[0]}"))
        elif ids:
            edits.append((start, end, "(" + " OR ".join(f"tag:#{i}" for i in ids) + ")"))
    return _splice(query, edits)


def _tag_label(conn: sa.Connection, tag_id: int) -> str | None:
    """How to type tag ``tag_id`` so that it matches that tag alone; None if impossible."""
    row = conn.execute(
        sa.select(tag.c.name, tag.c.name_key, tag_category.c.name)
        .join(tag_category, tag_category.c.id == tag.c.category_id, isouter=True)
        .where(tag.c.id == tag_id)
    ).first()
    if row is None:
        return None
    name, key, category = row
    if "/" in name or '"' in name or (category and '"' in category):
        return None
    namesakes = conn.execute(
        sa.select(sa.func.count()).select_from(tag).where(tag.c.name_key == key)
    ).scalar_one()
    if namesakes > 1:
        if not category:
            return None  # "tag:Lyon" would also match the other Lyon tags
        name = f"{category}/{name}"
    return f'"{name}"' if _UNQUOTED_STOP & set(name) else name


def _displayed(conn: sa.Connection, stored: str) -> str:
    """A stored query with its tag ids written as the tags' current names."""
    if not TAG_IDS:
        return stored
    edits: list[tuple[int, int, str]] = []
    for leaf, start, end in _tag_fields(stored):
        match = _TAG_ID.fullmatch(leaf.value)
        if match:
            label = _tag_label(conn, int(match.group(1)))
            if label is not None:
                edits.append((start, end, f"tag:{label}"))
    return _splice(stored, edits)
