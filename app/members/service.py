"""The member directory's services: queries return ids and plain data, operations say what
changed. The window and the command line both go through here; neither writes SQL.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import compress
from typing import Any

import sqlalchemy as sa

from app import audit
from app.clock import now_iso
from app.errors import AmicaleError, NotFoundError, ValidationError
from app.members import fields
from app.members.query import FIELD_ALIASES, QueryContext, compile_query, unordered_ids
from app.members.search import And, Field, Node, Not, Or, parse
from app.members.validation import normalise, require_identity
from app.messages import QT_TRANSLATE_NOOP, Message
from app.privacy import consent
from app.store import Store, postgres
from app.store.cancel import CancelToken, interruptible
from app.store.portable import fold_sql, serialise_on
from app.store.schema import (
    community,
    member,
    member_community,
    member_consent,
    member_tag,
    tag,
    tag_category,
)
from app.store.sqlite import id_array
from app.text import fold, linkedin_key, sort_name

# Columns the member list can show. "tags" and "communities" are computed per page.
LIST_COLUMNS = fields.table_columns()
DATA_COLUMNS = tuple(c for c in LIST_COLUMNS if fields.BY_NAME[c].stored)
_FOLDED_SORT = fields.folded_sort()
# Fields whose old and new values the audit log keeps ("changes"): the board report reads
# them (app.report).
TRACKED_CHANGES = frozenset({"status", "dues_last_year"})


@dataclass(frozen=True)
class Sort:
    column: str = "last_name"
    descending: bool = False

    def order_by(self) -> list[sa.ColumnElement[Any]]:
        if self.column in ("last_name", "name"):
            # Descending is the exact reverse (ids too), so flipping the list is the same order.
            if self.descending:
                return [member.c.sort_name.desc(), member.c.id.desc()]
            return [member.c.sort_name, member.c.id]
        elif self.column in _FOLDED_SORT:
            col = member.c[self.column]
            keys = [sa.func.coalesce(col, "") == "", fold_sql(col)]
        elif self.column in member.c and self.column not in ("tags", "communities"):
            col = member.c[self.column]
            keys = [col.is_(None), col]
        else:
            raise ValueError(f"cannot sort by {self.column}")
        ordered = [
            k.desc() if self.descending and i == len(keys) - 1 else k for i, k in enumerate(keys)
        ]
        return [*ordered, member.c.sort_name, member.c.id]

    @property
    def by_name(self) -> bool:
        return self.column in ("last_name", "name")


class _NameOrder:
    """Every member id in name order, kept from the unfiltered list.

    Ordering a large match (583,000 members for "d") by name costs SQLite a row lookup per
    match; with this order at hand, the same result is a filter over an array. The rank of
    each id (for small matches) is built on first use, not on the start-up path.
    """

    def __init__(self, generation: int, order: array[int]) -> None:
        self.generation = generation
        self.order = order
        self.size = (max(order) + 1) if order else 0
        self._rank: array[int] | None = None

    @property
    def rank(self) -> array[int]:
        """rank[id] = position in the order, -1 when absent (4 bytes a member)."""
        if self._rank is None:
            rank = array("i", [-1]) * self.size
            for position, member_id in enumerate(self.order):
                rank[member_id] = position
            self._rank = rank
        return self._rank

    def arrange(self, ids: array[int], descending: bool) -> array[int] | None:
        """``ids`` in name order, or None when some id is unknown to this order."""
        if any(i >= self.size for i in ids):
            return None
        rank = self.rank
        if len(ids) * 8 > len(self.order):
            # Large match: flag each position, then keep the flagged ids (C speed).
            selected = bytearray(len(self.order))
            for member_id in ids:
                position = rank[member_id]
                if position < 0:
                    return None
                selected[position] = 1
            arranged = array("q", compress(self.order, selected))
        else:
            if any(rank[i] < 0 for i in ids):
                return None
            arranged = array("q", sorted(ids, key=rank.__getitem__))
        if descending:
            arranged.reverse()
        return arranged


@dataclass
class Member:
    """One member's file, as the card shows it."""

    id: int
    values: dict[str, Any]
    tags: list[str] = field(default_factory=list)
    communities: list[tuple[str, str]] = field(default_factory=list)
    # Bumped at every save: a later save names it, so it cannot overwrite another's.
    version: int = 1

    @property
    def display_name(self) -> str:
        first = self.values.get("first_name") or ""
        last = self.values.get("last_name") or ""
        return f"{first} {last}".strip() or (self.values.get("email") or f"#{self.id}")


@dataclass(frozen=True)
class Saved:
    """What one save changed: the fields' names (``"tags"`` last, when they changed), and
    what those held just before it — read in the save's own transaction from the row it
    locked, so that an undo puts back what this save replaced, even when someone else saved
    a moment before (``"tags"``: the labels)."""

    names: list[str]
    before: dict[str, Any]


@dataclass(frozen=True)
class DeletedMembers:
    """Everything needed to undo a deletion exactly (same ids, tags and communities)."""

    rows: list[dict[str, Any]]
    tags: list[dict[str, Any]]
    communities: list[dict[str, Any]]
    # Their consent answers (app.privacy.consent), so an undone deletion keeps their proof.
    consents: list[dict[str, Any]] = field(default_factory=list)

    @property
    def ids(self) -> list[int]:
        return [row["id"] for row in self.rows]


def _chunks(items: Sequence[int], size: int = 500) -> Iterable[Sequence[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def fetch_ids(conn: sa.Connection, statement: sa.Select[Any]) -> array[int]:
    """Run a one-column integer SELECT into a compact array (8 MB for a million ids).

    A million Row objects would cost far more than the query itself.
    """
    labelled = statement.with_only_columns(statement.selected_columns[0].label("x"))
    compiled = labelled.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True})
    params = compiled.construct_params()
    if conn.dialect.name == "postgresql":
        return postgres.id_array(conn.connection.dbapi_connection, str(compiled), dict(params))
    positional = tuple(params[name] for name in compiled.positiontup or ())
    raw = conn.connection.dbapi_connection
    return id_array(raw, str(compiled), positional)  # type: ignore[arg-type]


@dataclass(frozen=True)
class FieldConflict:
    """One field both sides changed: what the edit started from, its value, the store's."""

    name: str
    original: Any
    mine: Any
    theirs: Any


class EditConflict(AmicaleError):
    """Someone else saved the member meanwhile and changed the same fields."""

    def __init__(self, member_id: int, version: int, conflicts: list[FieldConflict]) -> None:
        names = ", ".join(c.name for c in conflicts)
        super().__init__(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "member {0} was changed by someone else meanwhile ({1}): choose the "
                    "values to keep",
                ),
                member_id,
                names,
            )
        )
        self.member_id = member_id
        self.version = version
        self.conflicts = conflicts


def _merge_concurrent(
    member_id: int, row: Any, clean: dict[str, Any], original: dict[str, Any] | None
) -> dict[str, Any]:
    """The fields of an edit started from an older version: those the other save did not
    touch are kept; the same field changed on both sides to different values is a conflict.
    Without ``original`` every differing field counts as changed on both sides."""
    conflicts = []
    kept: dict[str, Any] = {}
    for name, mine in clean.items():
        theirs = row[name]
        if mine == theirs:
            continue
        if original is None:
            conflicts.append(FieldConflict(name, None, mine, theirs))
            continue
        before = original.get(name, theirs)
        if before == mine:
            continue  # only the other save changed it: theirs stays
        if before != theirs:
            conflicts.append(FieldConflict(name, before, mine, theirs))
        else:
            kept[name] = mine  # only this edit changed it
    if conflicts:
        raise EditConflict(member_id, int(row["version"]), conflicts)
    return kept


class MemberDirectory:
    def __init__(self, store: Store) -> None:
        self.store = store
        self._name_order: _NameOrder | None = None

    # --- queries -------------------------------------------------------------------------

    def total(self) -> int:
        with self.store.read() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(member)).scalar_one())

    def count(self, query: str = "", context: QueryContext | None = None) -> int:
        condition = compile_query(parse(query), context)
        with self.store.read() as conn:
            stmt = sa.select(sa.func.count()).select_from(member).where(condition)
            return int(conn.execute(stmt).scalar_one())

    def search_ids(
        self,
        query: str = "",
        sort: Sort | None = None,
        cancel: CancelToken | None = None,
        context: QueryContext | None = None,
    ) -> array[int]:
        """Ids of the members matching ``query``, in ``sort`` order.

        Raises QuerySyntaxError before touching the store, Cancelled if ``cancel`` fires.
        """
        tree = parse(query)
        condition = compile_query(tree, context)
        sort = sort or Sort()
        cached = self._name_order
        if cached is not None and cached.generation != self.store.generation:
            cached = self._name_order = None
        if sort.by_name and cached is not None and query.strip():
            ids = self._run_ids(unordered_ids(tree, context), cancel)
            arranged = cached.arrange(ids, sort.descending)
            if arranged is not None:
                return arranged
        generation = self.store.generation
        ids = self._run_ids(
            sa.select(member.c.id).where(condition).order_by(*sort.order_by()), cancel
        )
        if sort.by_name and not query.strip():
            order = array("q", reversed(ids)) if sort.descending else ids
            self._name_order = _NameOrder(generation, order)
        return ids

    def unknown_tags(self, query: str) -> list[str]:
        """The values of ``query``'s ``tag:`` terms that name no tag (as typed, in order):
        such a term finds no one, which the window explains (``tag:lyon``: the city?)."""
        wanted: list[str] = []
        for node in _fields_of(parse(query)):
            if FIELD_ALIASES.get(fold(node.name)) == "tag" and not node.value.startswith("#"):
                wanted.append(node.value)
        if not wanted:
            return []
        with self.store.read() as conn:
            known = {
                (c or "", n)
                for c, n in conn.execute(
                    sa.select(tag_category.c.name_key, tag.c.name_key).select_from(
                        tag.outerjoin(tag_category, tag_category.c.id == tag.c.category_id)
                    )
                )
            }
        names = {n for _c, n in known}
        unknown = []
        for value in wanted:
            category, slash, name = value.rpartition("/")
            key = fold(name).strip()
            found = (fold(category).strip(), key) in known if slash else key in names
            if not found and value not in unknown:
                unknown.append(value)
        return unknown

    def prepare_order(self) -> None:
        """Build the name-order index ahead of the first filtered search (worker side)."""
        cached = self._name_order
        if cached is not None:
            _ = cached.rank

    def _run_ids(self, stmt: sa.Select[Any], cancel: CancelToken | None) -> array[int]:
        with self.store.read() as conn:
            raw = conn.connection.dbapi_connection
            with interruptible(raw, cancel):
                return fetch_ids(conn, stmt)

    def fetch_rows(self, ids: Sequence[int], columns: Sequence[str]) -> dict[int, tuple[Any, ...]]:
        """Values of ``columns`` for each id (missing ids are simply absent)."""
        plain = [c for c in columns if c in DATA_COLUMNS]
        rows: dict[int, dict[str, Any]] = {}
        with self.store.read() as conn:
            for chunk in _chunks(list(ids)):
                stmt = sa.select(member.c.id, *(member.c[c] for c in plain)).where(
                    member.c.id.in_(chunk)
                )
                for row in conn.execute(stmt):
                    rows[row[0]] = dict(zip(plain, row[1:], strict=True))
                if "tags" in columns:
                    for member_id, names in self._tag_names(conn, chunk).items():
                        if member_id in rows:
                            rows[member_id]["tags"] = ", ".join(names)
                if "communities" in columns:
                    for member_id, memberships in self._community_names(conn, chunk).items():
                        if member_id in rows:
                            rows[member_id]["communities"] = ", ".join(n for n, _ in memberships)
        return {i: tuple(r.get(c) for c in columns) for i, r in rows.items()}

    @staticmethod
    def _tag_names(conn: sa.Connection, ids: Sequence[int]) -> dict[int, list[str]]:
        stmt = (
            sa.select(member_tag.c.member_id, tag.c.name)
            .join(tag, tag.c.id == member_tag.c.tag_id)
            .where(member_tag.c.member_id.in_(ids))
            .order_by(member_tag.c.member_id, tag.c.name_key)
        )
        out: dict[int, list[str]] = {}
        for member_id, name in conn.execute(stmt):
            out.setdefault(member_id, []).append(name)
        return out

    @staticmethod
    def _community_names(
        conn: sa.Connection, ids: Sequence[int]
    ) -> dict[int, list[tuple[str, str]]]:
        stmt = (
            sa.select(member_community.c.member_id, community.c.name, member_community.c.role)
            .join(community, community.c.id == member_community.c.community_id)
            .where(member_community.c.member_id.in_(ids))
            .order_by(member_community.c.member_id, community.c.name_key)
        )
        out: dict[int, list[tuple[str, str]]] = {}
        for member_id, name, role in conn.execute(stmt):
            out.setdefault(member_id, []).append((name, role))
        return out

    def get(self, member_id: int) -> Member:
        with self.store.read() as conn:
            row = conn.execute(sa.select(member).where(member.c.id == member_id)).mappings().first()
            if row is None:
                raise NotFoundError(f"member {member_id} does not exist")
            tags = self._tag_labels(conn, member_id)
            communities = self._community_names(conn, [member_id]).get(member_id, [])
        values = {k: v for k, v in row.items() if k not in fields.INTERNAL_COLUMNS}
        return Member(member_id, values, tags, communities, int(row["version"]))

    @staticmethod
    def _tag_labels(conn: sa.Connection, member_id: int) -> list[str]:
        return [t.label for t in _member_tags(conn, member_id)]

    # --- operations ----------------------------------------------------------------------

    def create(self, values: dict[str, Any], tags: Sequence[str] = ()) -> int:
        clean = normalise(values)
        require_identity(clean)
        now = now_iso()
        with self.store.write() as conn:
            result = conn.execute(
                member.insert().values(
                    **clean,
                    sort_name=sort_name(clean.get("first_name"), clean.get("last_name")),
                    linkedin_key=linkedin_key(clean.get("linkedin_url")),
                    created_at=now,
                    updated_at=now,
                    consent_at=now if clean.get("consent") else None,
                )
            )
            member_id = int(_new_id(result))
            if tags:
                _set_tags(conn, member_id, tags, current=[])  # a new member has none yet
            if clean.get("consent"):
                consent.record(
                    conn, [member_id], {"newsletter": True}, "edit", mirror=False, log=False
                )
            audit.record(conn, "create", "member", member_id)
        return member_id

    def update(
        self,
        member_id: int,
        values: dict[str, Any],
        tags: Sequence[str] | None = None,
        *,
        expected_version: int | None = None,
        original: dict[str, Any] | None = None,
    ) -> list[str]:
        """Apply the changed fields; return their names (empty when nothing changed).

        ``expected_version``: the version the edit started from. When someone saved in
        between, the fields both changed (``original``: the values the edit started from)
        raise EditConflict; fields only one side changed merge by themselves.
        """
        return self.save(
            member_id, values, tags, expected_version=expected_version, original=original
        ).names

    def save(
        self,
        member_id: int,
        values: dict[str, Any],
        tags: Sequence[str] | None = None,
        *,
        expected_version: int | None = None,
        original: dict[str, Any] | None = None,
    ) -> Saved:
        """`update`, telling also what the changed fields held before (for its undo), in
        the one write transaction: on a server every statement is a round trip, and ten
        animators saving at once wait on each other's."""
        clean = normalise(values)
        with self.store.write() as conn:
            current = conn.execute(
                sa.select(member).where(member.c.id == member_id).with_for_update()
            ).mappings()
            row = current.first()
            if row is None:
                raise NotFoundError(f"member {member_id} does not exist")
            if expected_version is not None and row["version"] != expected_version:
                clean = _merge_concurrent(member_id, row, clean, original)
            changed = {k: v for k, v in clean.items() if row[k] != v}
            merged = {**dict(row), **changed}
            require_identity(merged)
            had_tags = _member_tags(conn, member_id) if tags is not None else []
            if tags is not None and original is not None and "tags" in original:
                # Tags are a set: this edit's additions and removals, over what is saved now.
                tags = merge_tags([t.label for t in had_tags], original["tags"], tags)
            tag_changed = tags is not None and _set_tags(conn, member_id, tags, had_tags)
            if tag_changed and not changed:
                # The member's version moves with its tags: a card opened before sees it.
                conn.execute(
                    member.update().where(member.c.id == member_id).values(updated_at=now_iso())
                )
            if changed:
                extra: dict[str, Any] = {}
                if "first_name" in changed or "last_name" in changed:
                    extra["sort_name"] = sort_name(merged["first_name"], merged["last_name"])
                if "linkedin_url" in changed:
                    extra["linkedin_key"] = linkedin_key(merged["linkedin_url"])
                if "consent" in changed:
                    extra["consent_at"] = now_iso()
                if changed.get("verification") == "verified":
                    extra["verified_at"] = now_iso()
                conn.execute(
                    member.update()
                    .where(member.c.id == member_id)
                    .values(**changed, **extra, updated_at=now_iso())
                )
                if "consent" in changed:  # the newsletter's answer keeps its record
                    consent.record(
                        conn,
                        [member_id],
                        {"newsletter": bool(changed["consent"])},
                        "edit",
                        at=extra["consent_at"],
                        mirror=False,
                        log=False,  # the update's own event names the field
                    )
            names = sorted(changed) + (["tags"] if tag_changed else [])
            if names:
                detail: dict[str, Any] = {"fields": names}
                # The board report counts from these: members found again (status lost →
                # member) and dues paid, on the day they were recorded.
                tracked = {k: [row[k], v] for k, v in changed.items() if k in TRACKED_CHANGES}
                if tracked:
                    detail["changes"] = tracked
                audit.record(conn, "update", "member", member_id, detail)
        before: dict[str, Any] = {k: row[k] for k in changed}
        if tag_changed:
            before["tags"] = [t.label for t in had_tags]
        return Saved(names, before)

    def delete(self, ids: Sequence[int]) -> DeletedMembers:
        ids = list(ids)
        with self.store.write() as conn:
            rows, tags, communities, consents = [], [], [], []
            for chunk in _chunks(ids):
                rows += [
                    dict(r)
                    for r in conn.execute(
                        sa.select(member).where(member.c.id.in_(chunk))
                    ).mappings()
                ]
                tags += [
                    dict(r)
                    for r in conn.execute(
                        sa.select(member_tag).where(member_tag.c.member_id.in_(chunk))
                    ).mappings()
                ]
                communities += [
                    dict(r)
                    for r in conn.execute(
                        sa.select(member_community).where(member_community.c.member_id.in_(chunk))
                    ).mappings()
                ]
                consents += [
                    dict(r)
                    for r in conn.execute(
                        sa.select(member_consent).where(member_consent.c.member_id.in_(chunk))
                    ).mappings()
                ]
                conn.execute(member.delete().where(member.c.id.in_(chunk)))
            audit.record(conn, "delete", "member", None, {"ids": [r["id"] for r in rows]})
        return DeletedMembers(rows, tags, communities, consents)

    def restore(self, deleted: DeletedMembers) -> None:
        """Undo a deletion: the same members come back with the same ids and links."""
        if not deleted.rows:
            return
        with self.store.write() as conn:
            conn.execute(member.insert(), deleted.rows)
            existing_tags = {r[0] for r in conn.execute(sa.select(tag.c.id))}
            links = [t for t in deleted.tags if t["tag_id"] in existing_tags]
            if links:
                conn.execute(member_tag.insert(), links)
            existing = {r[0] for r in conn.execute(sa.select(community.c.id))}
            memberships = [c for c in deleted.communities if c["community_id"] in existing]
            if memberships:
                conn.execute(member_community.insert(), memberships)
            consent.restore_answers(conn, deleted.consents)
            audit.record(conn, "restore", "member", None, {"ids": deleted.ids})


def _new_id(result: sa.CursorResult[Any]) -> int:
    key = result.inserted_primary_key
    assert key is not None  # single-row INSERT on a table with an integer key
    return int(key[0])


def merge_tags(saved: Sequence[str], before: Sequence[str], mine: Sequence[str]) -> list[str]:
    """The tags after an edit that went from ``before`` to ``mine`` while someone else saved
    ``saved``: both sides' additions and removals are kept (tags are a set, not a value)."""

    def key(label: str) -> str:
        return fold(label.strip())

    before_keys = {key(t) for t in before}
    mine_keys = {key(t) for t in mine}
    removed = before_keys - mine_keys
    merged = [t for t in saved if key(t) not in removed]
    present = {key(t) for t in merged}
    for label in mine:
        if key(label) not in before_keys and key(label) not in present:
            merged.append(label)
            present.add(key(label))
    return merged


@dataclass(frozen=True)
class _MemberTag:
    id: int
    category_key: str | None
    name_key: str
    label: str  # "Category/Name", or "Name" for a tag without a category


def _member_tags(conn: sa.Connection, member_id: int) -> list[_MemberTag]:
    """The member's tags in the card's order (category, then name), in one statement."""
    stmt = (
        sa.select(
            tag.c.id, tag_category.c.name_key, tag.c.name_key, tag_category.c.name, tag.c.name
        )
        .select_from(member_tag)
        .join(tag, tag.c.id == member_tag.c.tag_id)
        .join(tag_category, tag_category.c.id == tag.c.category_id, isouter=True)
        .where(member_tag.c.member_id == member_id)
        .order_by(tag_category.c.position, tag.c.name_key)
    )
    return [
        _MemberTag(tag_id, category_key, name_key, f"{category}/{name}" if category else name)
        for tag_id, category_key, name_key, category, name in conn.execute(stmt)
    ]


def _set_tags(
    conn: sa.Connection,
    member_id: int,
    labels: Sequence[str],
    current: Sequence[_MemberTag] | None = None,
) -> bool:
    """Make the member's tags exactly ``labels`` ("Name" or "Category/Name"); True if changed.

    ``current``: the member's tags as just read (`_member_tags`); a "Category/Name" label
    the member already has is then not looked up again (two statements a label on a server).
    """
    if current is None:
        current = _member_tags(conn, member_id)
    known = {(t.category_key, t.name_key): t.id for t in current if t.category_key is not None}
    wanted: set[int] = set()
    for label in labels:
        label = label.strip()
        if not label:
            continue
        category_name, slash, name = label.rpartition("/")
        name = name.strip()
        if not name:
            raise ValidationError({"tags": f"'{label}' has no tag name"})
        category = category_name.strip() if slash else None
        # The keys ensure_category and ensure_tag look the label up by.
        had = known.get((fold(category).strip(), fold(name).strip())) if category else None
        wanted.add(had if had is not None else ensure_tag(conn, name, category))
    existing = {t.id for t in current}
    removed, added = existing - wanted, wanted - existing
    if removed:
        conn.execute(
            member_tag.delete().where(
                member_tag.c.member_id == member_id, member_tag.c.tag_id.in_(removed)
            )
        )
    if added:
        conn.execute(member_tag.insert(), [{"member_id": member_id, "tag_id": t} for t in added])
    return bool(removed or added)


def ensure_category(conn: sa.Connection, name: str) -> int:
    key = fold(name).strip()
    find = sa.select(tag_category.c.id).where(tag_category.c.name_key == key)
    category_id = conn.execute(find).scalar()
    if category_id is None:
        serialise_on(conn, "tag_category:" + key)  # two animators creating it at once
        category_id = conn.execute(find).scalar()
    if category_id is None:
        position = conn.execute(sa.select(sa.func.count()).select_from(tag_category)).scalar_one()
        result = conn.execute(
            tag_category.insert().values(name=name, name_key=key, position=position)
        )
        category_id = _new_id(result)
    return int(category_id)


def ensure_tag(conn: sa.Connection, name: str, category: str | None) -> int:
    """The id of tag ``name`` (in ``category`` if given), created when new.

    Without a category, an existing tag of that name in any category is reused.
    """
    key = fold(name).strip()
    stmt = sa.select(tag.c.id).where(tag.c.name_key == key)
    category_id: int | None = None
    if category:
        category_id = ensure_category(conn, category)
        stmt = stmt.where(tag.c.category_id == category_id)
    found = conn.execute(stmt.order_by(tag.c.id)).scalar()
    if found is not None:
        return int(found)
    # Two animators tagging with the same new tag at once: the second waits and finds it
    # (without a category the unique key cannot tell, NULLs being distinct).
    serialise_on(conn, "tag:" + key)
    found = conn.execute(stmt.order_by(tag.c.id)).scalar()
    if found is not None:
        return int(found)
    result = conn.execute(tag.insert().values(name=name, name_key=key, category_id=category_id))
    return int(_new_id(result))


def _fields_of(node: Node | None) -> list[Field]:
    """The ``field:value`` leaves of a query's tree."""
    if node is None:
        return []
    if isinstance(node, Field):
        return [node]
    if isinstance(node, Not):
        return _fields_of(node.child)
    if isinstance(node, And | Or):
        return [f for child in node.children for f in _fields_of(child)]
    return []
