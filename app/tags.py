"""Tags: the browser's tree with member counts, tag management and bulk tagging.

A tag in the browser *is* a query: ``tag:#ID``, so renaming or moving a tag never breaks
the search box nor a saved segment (segments store tags by id, see app/segments.py).
Merging rewrites the saved segments that name the merged tag. Bulk tagging of a search is
one set-based statement (``INSERT OR IGNORE … SELECT``), never a loop over members.
Every write goes through `Store.write` and is recorded in the audit log.
"""

from __future__ import annotations

import json
import re
from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from app import audit
from app.errors import AmicaleError, NotFoundError
from app.members.query import QueryContext, unordered_ids
from app.members.search import parse
from app.members.service import ensure_category, fetch_ids
from app.messages import QT_TRANSLATE_NOOP, Message
from app.segments import _splice, _tag_fields
from app.store import Store, portable
from app.store.cancel import CancelToken, interruptible
from app.store.schema import member, member_tag, segment, tag, tag_category, tag_rule
from app.text import fold


@dataclass(frozen=True)
class TagInfo:
    id: int
    name: str
    category: str  # "" for a tag without a category
    color: str | None
    count: int  # members carrying it (within the search, when there is one)

    @property
    def query(self) -> str:
        """The search that selects this tag's members, safe from renames."""
        return query_for(self.id)


@dataclass(frozen=True)
class CategoryInfo:
    name: str  # "" for the tags without a category (listed last)
    position: int
    tags: list[TagInfo]


@dataclass(frozen=True)
class DeletedTag:
    """A deleted tag with its member links, enough for `restore`."""

    id: int
    name: str
    category: str
    color: str | None
    member_ids: list[int]
    # The tagging rules that gave this tag (deleted with it), as table rows.
    rules: tuple[dict[str, Any], ...] = ()


def query_for(tag_id: int) -> str:
    return f"tag:#{tag_id}"


# --- errors --------------------------------------------------------------------------------


def _not_found(tag_id: int) -> NotFoundError:
    return NotFoundError(Message(QT_TRANSLATE_NOOP("Messages", "no tag #{0}"), tag_id))


def _clean_name(name: str) -> str:
    text = " ".join(name.split())
    if not text:
        raise AmicaleError(Message(QT_TRANSLATE_NOOP("Messages", "a tag needs a name")))
    if "/" in text or '"' in text:
        raise AmicaleError(
            Message(QT_TRANSLATE_NOOP("Messages", 'a tag name cannot contain / or "'))
        )
    return text


def _clash(name: str, category: str) -> AmicaleError:
    if category:
        return AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "a tag named '{0}' already exists in '{1}'"),
                name,
                category,
            )
        )
    return AmicaleError(
        Message(QT_TRANSLATE_NOOP("Messages", "a tag named '{0}' already exists"), name)
    )


# --- reading -------------------------------------------------------------------------------


def _ids_select(query: str, context: QueryContext | None) -> sa.Select[Any] | None:
    """The ids matching ``query``, or None for an empty query (everyone)."""
    tree = parse(query)
    if tree is None:
        return None
    ids = unordered_ids(tree, context).subquery()
    return sa.select(next(iter(ids.c)))


def count_statement(query: str = "", context: QueryContext | None = None) -> sa.Select[Any]:
    """(tag id, members) for every tag carried within ``query``: the SQL of the counts."""
    ids = _ids_select(query, context)
    if ids is None:
        # The totals kept by triggers on member_tag: no recount of millions of links.
        return sa.select(tag.c.id, tag.c.member_count)
    return (
        sa.select(member_tag.c.tag_id, sa.func.count())
        .where(member_tag.c.member_id.in_(ids))
        .group_by(member_tag.c.tag_id)
    )


def tag_tree(
    store: Store,
    query: str = "",
    cancel: CancelToken | None = None,
    context: QueryContext | None = None,
) -> list[CategoryInfo]:
    """Categories (by position) with their tags (by name) and member counts.

    Without a query, the totals maintained on each tag (migration 0007); with one, the
    counts within the matching members. Raises QuerySyntaxError, Cancelled if ``cancel`` fires.
    """
    counting = count_statement(query, context)
    with store.read() as conn:
        categories = conn.execute(
            sa.select(tag_category.c.id, tag_category.c.name, tag_category.c.position).order_by(
                tag_category.c.position, tag_category.c.name_key
            )
        ).all()
        tags = conn.execute(
            sa.select(tag.c.id, tag.c.name, tag.c.color, tag.c.category_id).order_by(
                tag.c.name_key, tag.c.id
            )
        ).all()
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            counts = {int(t): int(n) for t, n in conn.execute(counting)}
    by_category: dict[int | None, list[Any]] = {}
    for row in tags:
        by_category.setdefault(row.category_id, []).append(row)
    out: list[CategoryInfo] = []
    last = 0
    for cat in categories:
        last = max(last, cat.position + 1)
        out.append(
            CategoryInfo(
                cat.name,
                cat.position,
                [
                    TagInfo(r.id, r.name, cat.name, r.color, counts.get(r.id, 0))
                    for r in by_category.get(cat.id, [])
                ],
            )
        )
    loose = by_category.get(None, [])
    if loose:
        out.append(
            CategoryInfo(
                "", last, [TagInfo(r.id, r.name, "", r.color, counts.get(r.id, 0)) for r in loose]
            )
        )
    return out


def categories(store: Store) -> list[str]:
    """The category names, in the browser's order."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(tag_category.c.name).order_by(
                tag_category.c.position, tag_category.c.name_key
            )
        )
        return [r[0] for r in rows]


def get(store: Store, tag_id: int) -> TagInfo:
    """One tag with its total member count. Raises NotFoundError."""
    with store.read() as conn:
        return _info(conn, tag_id)


def _info(conn: sa.Connection, tag_id: int) -> TagInfo:
    row = conn.execute(
        sa.select(
            tag.c.id,
            tag.c.name,
            tag.c.color,
            tag.c.member_count,
            tag_category.c.name.label("category"),
        )
        .join(tag_category, tag_category.c.id == tag.c.category_id, isouter=True)
        .where(tag.c.id == tag_id)
    ).first()
    if row is None:
        raise _not_found(tag_id)
    return TagInfo(row.id, row.name, row.category or "", row.color, int(row.member_count))


# --- management ----------------------------------------------------------------------------


def _category_id(conn: sa.Connection, category: str | None) -> int | None:
    name = " ".join((category or "").split())
    return ensure_category(conn, name) if name else None


def _check_free(
    conn: sa.Connection, name: str, category_id: int | None, category: str, own_id: int | None
) -> None:
    stmt = sa.select(tag.c.id).where(
        tag.c.name_key == fold(name).strip(),
        tag.c.category_id.is_(None) if category_id is None else tag.c.category_id == category_id,
    )
    if own_id is not None:
        stmt = stmt.where(tag.c.id != own_id)
    if conn.execute(stmt).first() is not None:
        raise _clash(name, category)


def create(store: Store, name: str, category: str | None = None, color: str | None = None) -> int:
    """A new tag; refused when its category already has a tag of that name."""
    clean = _clean_name(name)
    with store.write() as conn:
        category_id = _category_id(conn, category)
        _check_free(conn, clean, category_id, category or "", None)
        result = conn.execute(
            tag.insert().values(
                name=clean, name_key=fold(clean).strip(), category_id=category_id, color=color
            )
        )
        assert result.inserted_primary_key is not None
        tag_id = int(result.inserted_primary_key[0])
        audit.record(conn, "tag-create", "tag", tag_id, {"name": clean, "category": category})
    return tag_id


def _row(conn: sa.Connection, tag_id: int) -> Any:
    row = conn.execute(
        sa.select(tag, tag_category.c.name.label("category"))
        .join(tag_category, tag_category.c.id == tag.c.category_id, isouter=True)
        .where(tag.c.id == tag_id)
    ).first()
    if row is None:
        raise _not_found(tag_id)
    return row


def rename(store: Store, tag_id: int, new_name: str) -> None:
    """Rename a tag (saved segments keep working: they refer to it by id)."""
    clean = _clean_name(new_name)
    with store.write() as conn:
        row = _row(conn, tag_id)
        _check_free(conn, clean, row.category_id, row.category or "", tag_id)
        if row.name == clean:
            return
        conn.execute(
            tag.update().where(tag.c.id == tag_id).values(name=clean, name_key=fold(clean).strip())
        )
        audit.record(conn, "tag-rename", "tag", tag_id, {"from": row.name, "to": clean})


def set_color(store: Store, tag_id: int, color: str | None) -> None:
    """Give a tag a colour ("#rrggbb"), or none."""
    with store.write() as conn:
        row = _row(conn, tag_id)
        conn.execute(tag.update().where(tag.c.id == tag_id).values(color=color or None))
        audit.record(conn, "tag-color", "tag", tag_id, {"from": row.color, "to": color})


def move(store: Store, tag_id: int, category_name: str | None) -> None:
    """Move a tag to another category (created if new; "" or None: no category)."""
    with store.write() as conn:
        row = _row(conn, tag_id)
        category_id = _category_id(conn, category_name)
        if category_id == row.category_id:
            return
        _check_free(conn, row.name, category_id, category_name or "", tag_id)
        conn.execute(tag.update().where(tag.c.id == tag_id).values(category_id=category_id))
        audit.record(
            conn, "tag-move", "tag", tag_id, {"from": row.category, "to": category_name or None}
        )


def _rewrite_segments(conn: sa.Connection, source_id: int, target_id: int) -> int:
    """Saved segments naming ``tag:#source`` now name ``tag:#target``; how many changed."""
    wanted = f"#{source_id}"
    changed = 0
    rows = conn.execute(
        sa.select(segment.c.id, segment.c.query).where(segment.c.query.contains(wanted))
    ).all()
    for row in rows:
        edits = [
            (start, end, query_for(target_id))
            for leaf, start, end in _tag_fields(row.query)
            if leaf.value == wanted
        ]
        if edits:
            conn.execute(
                segment.update()
                .where(segment.c.id == row.id)
                .values(query=_splice(row.query, edits))
            )
            changed += 1
    return changed


def merge(store: Store, source_id: int, target_id: int) -> int:
    """Give the members of ``source`` the tag ``target``, then delete ``source``.

    Saved segments that used ``source`` use ``target``. Returns the members newly tagged.
    """
    if source_id == target_id:
        raise AmicaleError(Message(QT_TRANSLATE_NOOP("Messages", "a tag cannot merge into itself")))
    with store.write() as conn:
        source = _row(conn, source_id)
        target = _row(conn, target_id)
        moved = conn.execute(
            portable.insert_ignoring(member_tag).from_select(
                ["member_id", "tag_id"],
                sa.select(member_tag.c.member_id, sa.literal(target_id)).where(
                    member_tag.c.tag_id == source_id
                ),
            )
        ).rowcount
        conn.execute(member_tag.delete().where(member_tag.c.tag_id == source_id))
        # The tagging rules that gave ``source`` now give ``target`` (not deleted with it).
        conn.execute(
            tag_rule.update().where(tag_rule.c.tag_id == source_id).values(tag_id=target_id)
        )
        conn.execute(tag.delete().where(tag.c.id == source_id))
        rewritten = _rewrite_segments(conn, source_id, target_id)
        audit.record(
            conn,
            "tag-merge",
            "tag",
            target_id,
            {
                "source": source.name,
                "source_id": source_id,
                "target": target.name,
                "added": moved,
                "segments": rewritten,
            },
        )
    return int(moved)


def delete(store: Store, tag_id: int) -> DeletedTag:
    """Delete a tag and its member links (never members); returns what `restore` needs."""
    with store.write() as conn:
        row = _row(conn, tag_id)
        members = [
            int(r[0])
            for r in conn.execute(
                sa.select(member_tag.c.member_id).where(member_tag.c.tag_id == tag_id)
            )
        ]
        rules = tuple(
            dict(r)
            for r in conn.execute(sa.select(tag_rule).where(tag_rule.c.tag_id == tag_id))
            .mappings()
            .all()
        )
        conn.execute(member_tag.delete().where(member_tag.c.tag_id == tag_id))
        conn.execute(tag.delete().where(tag.c.id == tag_id))
        audit.record(
            conn,
            "tag-delete",
            "tag",
            tag_id,
            {"name": row.name, "category": row.category, "members": len(members)},
        )
    return DeletedTag(tag_id, row.name, row.category or "", row.color, members, rules)


def _link(conn: sa.Connection, tag_id: int, ids: Iterable[int]) -> int:
    """Tag the existing members among ``ids``; the number newly tagged."""
    payload = json.dumps(sorted({int(i) for i in ids}))
    existing = sa.select(member.c.id, sa.literal(tag_id)).where(member.c.id.in_(_values(payload)))
    result = conn.execute(
        portable.insert_ignoring(member_tag).from_select(["member_id", "tag_id"], existing)
    )
    return int(result.rowcount)


def _values(payload: str) -> sa.Select[Any]:
    """SELECT value FROM <the JSON list>: a list as one bound parameter."""
    return portable.listed(json.loads(payload))


def restore(store: Store, deleted: DeletedTag) -> None:
    """Put a deleted tag back, with the same id, category, colour and members."""
    with store.write() as conn:
        category_id = _category_id(conn, deleted.category)
        _check_free(conn, deleted.name, category_id, deleted.category, None)
        conn.execute(
            tag.insert().values(
                id=deleted.id,
                name=deleted.name,
                name_key=fold(deleted.name).strip(),
                category_id=category_id,
                color=deleted.color,
            )
        )
        linked = _link(conn, deleted.id, deleted.member_ids)
        if deleted.rules:
            conn.execute(tag_rule.insert(), list(deleted.rules))
        audit.record(
            conn, "tag-restore", "tag", deleted.id, {"name": deleted.name, "members": linked}
        )


# --- bulk tagging --------------------------------------------------------------------------


def tag_members(store: Store, tag_id: int, ids: Sequence[int]) -> int:
    """Tag members by id; the number newly tagged."""
    with store.write() as conn:
        _row(conn, tag_id)
        added = _link(conn, tag_id, ids)
        audit.record(conn, "tag-members", "tag", tag_id, {"added": added})
    return added


def untag_members(store: Store, tag_id: int, ids: Sequence[int]) -> int:
    """Remove a tag from members by id; the number untagged."""
    payload = json.dumps(sorted({int(i) for i in ids}))
    with store.write() as conn:
        _row(conn, tag_id)
        removed = conn.execute(
            member_tag.delete().where(
                member_tag.c.tag_id == tag_id,
                member_tag.c.member_id.in_(_values(payload)),
            )
        ).rowcount
        audit.record(conn, "tag-untag-members", "tag", tag_id, {"removed": removed})
    return int(removed)


def tag_query(
    store: Store,
    tag_id: int,
    query: str,
    cancel: CancelToken | None = None,
    context: QueryContext | None = None,
) -> int:
    """Tag every member matching ``query`` (everyone if empty) in one statement; the number
    newly tagged. Raises QuerySyntaxError before writing, Cancelled (nothing written)."""
    ids = _ids_select(query, context)
    source = ids.subquery() if ids is not None else sa.select(member.c.id).subquery()
    stmt = portable.insert_ignoring(member_tag).from_select(
        ["member_id", "tag_id"],
        # In id order: sequential inserts into member_tag's primary key.
        sa.select(next(iter(source.c)), sa.literal(tag_id)).order_by(next(iter(source.c))),
    )
    with store.write() as conn:
        _row(conn, tag_id)
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            added = int(conn.execute(stmt).rowcount)
        audit.record(conn, "tag-query", "tag", tag_id, {"query": query, "added": added})
    return added


def untag_query(
    store: Store,
    tag_id: int,
    query: str,
    cancel: CancelToken | None = None,
    context: QueryContext | None = None,
) -> int:
    """Remove the tag from every member matching ``query``; the number untagged."""
    ids = _ids_select(query, context)
    condition = member_tag.c.tag_id == tag_id
    if ids is not None:
        condition = sa.and_(condition, member_tag.c.member_id.in_(ids))
    with store.write() as conn:
        _row(conn, tag_id)
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            removed = int(conn.execute(member_tag.delete().where(condition)).rowcount)
        audit.record(conn, "tag-untag-query", "tag", tag_id, {"query": query, "removed": removed})
    return removed


_EMAIL = re.compile(r"[^\s<>,;:\"'()\[\]]+@[^\s<>,;:\"'()\[\]]+")


def parse_emails(text: str) -> list[str]:
    """The email addresses in pasted text (one per line, or separated by , or ;), lowered,
    without repeats, in their order; "Name <a@b.fr>" and "mailto:a@b.fr" are understood."""
    seen: dict[str, None] = {}
    for found in _EMAIL.findall(text.replace("mailto:", " ")):
        seen.setdefault(found.strip(".").lower(), None)
    return list(seen)


def tag_emails(store: Store, tag_id: int, text: str) -> tuple[int, list[str]]:
    """Tag the members whose email is in ``text`` (case ignored).

    Returns (members matched, who now all carry the tag; emails matching no member).
    """
    emails = parse_emails(text)
    listed = portable.listed_texts(emails)
    matching = sa.func.lower(member.c.email).in_(listed)
    with store.write() as conn:
        _row(conn, tag_id)
        found_rows = conn.execute(
            sa.select(member.c.id, sa.func.lower(member.c.email)).where(matching)
        ).all()
        found = {r[1] for r in found_rows}
        ids = [int(r[0]) for r in found_rows]
        added = _link(conn, tag_id, ids)
        audit.record(
            conn,
            "tag-emails",
            "tag",
            tag_id,
            {"emails": len(emails), "matched": len(ids), "added": added},
        )
    return len(ids), [e for e in emails if e not in found]


# --- bulk changes that can be undone -------------------------------------------------------


@dataclass(frozen=True)
class TagChange:
    """The members whose link to a tag one bulk operation changed: what `undo` reverses."""

    tag_id: int
    tag_name: str
    added: bool  # True: these members were tagged; False: they were untagged
    member_ids: array[int]

    @property
    def count(self) -> int:
        return len(self.member_ids)


def _source(ids: Sequence[int] | None, query: str | None, context: QueryContext | None) -> Any:
    """The candidate members, as a subquery: listed ids, a search, or everyone."""
    if ids is not None:
        payload = json.dumps(sorted({int(i) for i in ids}))
        return sa.select(member.c.id).where(member.c.id.in_(_values(payload))).subquery()
    selected = _ids_select(query or "", context)
    return (selected if selected is not None else sa.select(member.c.id)).subquery()


def _linked(tag_id: int, column: Any) -> Any:
    return sa.exists().where(member_tag.c.member_id == column, member_tag.c.tag_id == tag_id)


def change_tag(
    store: Store,
    tag_id: int,
    *,
    add: bool = True,
    ids: Sequence[int] | None = None,
    query: str | None = None,
    cancel: CancelToken | None = None,
    context: QueryContext | None = None,
) -> TagChange:
    """Tag (``add``) or untag the members listed by ``ids``, or else matching ``query``
    (everyone when empty), in one transaction; returns exactly who changed, for `undo`.

    The changed ids are selected once, then written in one set-based statement. Raises
    QuerySyntaxError before writing, Cancelled with nothing written, NotFoundError.
    """
    source = _source(ids, query, context)
    column = next(iter(source.c))
    changing = sa.select(column).where(
        sa.not_(_linked(tag_id, column)) if add else _linked(tag_id, column)
    )
    with store.write() as conn:
        row = _row(conn, tag_id)
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            # In id order, the links go into member_tag's primary key one page after the
            # other instead of all over it: half the time at 200,000 members.
            changed = array("q", sorted(fetch_ids(conn, changing)))
            _write_links(conn, tag_id, changed, add)
        audit.record(
            conn,
            "tag-members" if add else "tag-untag-members",
            "tag",
            tag_id,
            {"added" if add else "removed": len(changed), **({"query": query} if query else {})},
        )
    return TagChange(tag_id, row.name, add, changed)


def _write_links(conn: sa.Connection, tag_id: int, member_ids: array[int], add: bool) -> None:
    if not member_ids:
        return
    payload = json.dumps(member_ids.tolist())
    listed = _values(payload)
    if add:
        each = portable.listed(member_ids).subquery()
        conn.execute(
            portable.insert_ignoring(member_tag).from_select(
                ["member_id", "tag_id"], sa.select(each.c.value, sa.literal(tag_id))
            )
        )
    else:
        conn.execute(
            member_tag.delete().where(
                member_tag.c.tag_id == tag_id, member_tag.c.member_id.in_(listed)
            )
        )


def undo(store: Store, change: TagChange) -> TagChange:
    """Reverse a bulk change (members deleted since are skipped); returns the reversal."""
    with store.write() as conn:
        row = _row(conn, change.tag_id)
        existing = _values(json.dumps(change.member_ids.tolist()))
        still = fetch_ids(conn, sa.select(member.c.id).where(member.c.id.in_(existing)))
        _write_links(conn, change.tag_id, still, not change.added)
        audit.record(
            conn,
            "tag-undo",
            "tag",
            change.tag_id,
            {"removed" if change.added else "added": len(still)},
        )
    return TagChange(change.tag_id, row.name, not change.added, still)


def tag_emails_change(store: Store, tag_id: int, text: str) -> tuple[TagChange, int, list[str]]:
    """Tag the members whose email is in ``text``, for undo: (the change, members matched,
    emails matching no member)."""
    emails = parse_emails(text)
    listed = portable.listed_texts(emails)
    with store.read() as conn:
        found_rows = conn.execute(
            sa.select(member.c.id, sa.func.lower(member.c.email)).where(
                sa.func.lower(member.c.email).in_(listed)
            )
        ).all()
    found = {r[1] for r in found_rows}
    ids = [int(r[0]) for r in found_rows]
    change = change_tag(store, tag_id, add=True, ids=ids)
    return change, len(ids), [e for e in emails if e not in found]


def find_or_create(store: Store, label: str) -> int:
    """The id of the tag named by ``label`` ("Category/Name" or "Name"), created if missing.

    A bare name picks the tag of that name when exactly one category has it."""
    category, slash, name = label.strip().rpartition("/")
    clean = _clean_name(name)
    category = " ".join(category.split())
    with store.read() as conn:
        stmt = (
            sa.select(tag.c.id, tag_category.c.name_key)
            .join(tag_category, tag_category.c.id == tag.c.category_id, isouter=True)
            .where(tag.c.name_key == fold(clean).strip())
        )
        rows = conn.execute(stmt).all()
    if slash:
        wanted = fold(category).strip()
        rows = [r for r in rows if (r.name_key or "") == wanted]
    if len(rows) == 1:
        return int(rows[0].id)
    if len(rows) > 1 and not slash:
        ordered = sorted(rows, key=lambda r: (r.name_key is not None, r.id))
        return int(ordered[0].id)  # the tag without a category first, else the oldest
    return create(store, clean, category if slash else None)


def label(info: TagInfo) -> str:
    """ "Category/Name", or the name alone for a tag without a category."""
    return f"{info.category}/{info.name}" if info.category else info.name
