"""Tagging rules: members matching a condition get a tag, on demand and after each import.

A rule is a condition and a tag: "city in Lyon, Villeurbanne → Géographie/Lyon", "class
year 2000–2009 → Promo/2000s", or any search ("company:sanofi title:pharma → Métier/
Pharmacie"). Rules only ever add a tag: a member who moved away keeps it until the CM removes
it. Applying is set-based: the members to tag are selected by one query per rule and linked
by one ``INSERT OR IGNORE … SELECT`` in the transaction of the whole application.

A city rule compares whole city names, accents, case and punctuation ignored ("saint etienne"
is "Saint-Étienne", not "Saint-Étienne-du-Rouvray"): the full-text index finds the
candidates, whose names are then compared word for word.
"""

from __future__ import annotations

import json
from array import array
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

import sqlalchemy as sa

from app import audit, tags
from app.clock import now_iso
from app.errors import AmicaleError, NotFoundError
from app.members.query import _fts_select, unordered_ids
from app.members.search import parse
from app.members.service import fetch_ids
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.schema import member, member_tag, tag, tag_category, tag_rule
from app.store.sqlite import CancelToken, fts_match, interruptible
from app.text import words

KINDS = ("city", "promo", "query")
MIN_YEAR, MAX_YEAR = 1900, 2100


@dataclass(frozen=True)
class Rule:
    id: int | None  # None: not saved yet
    kind: str  # city, promo or query
    tag_id: int | None
    cities: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    query: str = ""
    enabled: bool = True
    tag_label: str = ""  # "Category/Name" of the tag, for display


# --- checking ------------------------------------------------------------------------------


def _error(text: str, *args: Any) -> AmicaleError:
    return AmicaleError(Message(text, *args))


def split_cities(text: str) -> tuple[str, ...]:
    """City names typed one per line or separated by commas/semicolons, without repeats."""
    seen: dict[str, str] = {}
    for part in text.replace(";", "\n").replace(",", "\n").splitlines():
        name = " ".join(part.split())
        key = " ".join(words(name))
        if key and key not in seen:
            seen[key] = name
    return tuple(seen.values())


def check(rule: Rule) -> Rule:
    """The rule cleaned up, or AmicaleError (QuerySyntaxError for a bad search)."""
    if rule.kind not in KINDS:
        raise _error(QT_TRANSLATE_NOOP("Messages", "unknown kind of rule '{0}'"), rule.kind)
    if rule.kind == "city":
        cities = split_cities("\n".join(rule.cities))
        if not cities:
            raise _error(QT_TRANSLATE_NOOP("Messages", "a city rule needs at least one city"))
        return replace(rule, cities=cities, year_from=None, year_to=None, query="")
    if rule.kind == "promo":
        low, high = rule.year_from, rule.year_to
        if low is None and high is None:
            raise _error(QT_TRANSLATE_NOOP("Messages", "a class-year rule needs a year"))
        for year in (low, high):
            if year is not None and not MIN_YEAR <= year <= MAX_YEAR:
                raise _error(QT_TRANSLATE_NOOP("Messages", "{0} is not a class year"), str(year))
        if low is not None and high is not None and low > high:
            low, high = high, low
        return replace(rule, cities=(), year_from=low, year_to=high, query="")
    text = rule.query.strip()
    if parse(text) is None:
        raise _error(QT_TRANSLATE_NOOP("Messages", "a search rule needs a search"))
    return replace(rule, cities=(), year_from=None, year_to=None, query=text)


# --- conditions ----------------------------------------------------------------------------


def _listed(ids: Sequence[int]) -> sa.Select[Any]:
    """SELECT value FROM json_each(:ids): a list of ids as one bound parameter."""
    payload = json.dumps(list(ids))
    each = sa.func.json_each(sa.bindparam("ids", payload, unique=True)).table_valued("value")
    return sa.select(each.c.value)


def _city_ids(
    conn: sa.Connection, cities: Sequence[str], within: Sequence[int] | None = None
) -> list[int]:
    """Members whose city is one of ``cities`` (whole names; accents, case ignored)."""
    wanted = {tuple(words(c)) for c in cities}
    wanted.discard(())
    if not wanted:
        return []
    if within is not None:
        among = member.c.id.in_(_listed(within))
    else:
        match = " OR ".join(fts_match("city", list(w), initial=True) for w in sorted(wanted))
        among = member.c.id.in_(_fts_select(match))
    rows = conn.execute(sa.select(member.c.id, member.c.city).where(among))
    return [int(r.id) for r in rows if tuple(words(r.city or "")) in wanted]


def _candidates(conn: sa.Connection, rule: Rule, within: Sequence[int] | None = None) -> Any:
    """A subquery of the ids the rule's condition selects (one column), among ``within``
    only when given."""
    if rule.kind == "city":
        return _listed(_city_ids(conn, rule.cities, within)).subquery()
    if rule.kind == "promo":
        conditions: list[sa.ColumnElement[bool]] = [member.c.promo.is_not(None)]
        if rule.year_from is not None:
            conditions.append(member.c.promo >= rule.year_from)
        if rule.year_to is not None:
            conditions.append(member.c.promo <= rule.year_to)
        stmt = sa.select(member.c.id).where(*conditions)
    else:
        stmt = unordered_ids(parse(rule.query))
    if within is not None:
        # Wrapped: a search may select from the full-text index, not from member.
        stmt = sa.select(member.c.id).where(member.c.id.in_(_listed(within)), member.c.id.in_(stmt))
    return stmt.subquery()


def _new_members(
    conn: sa.Connection, rule: Rule, tag_id: int, within: Sequence[int] | None = None
) -> sa.Select[Any]:
    """The members the rule selects who do not carry its tag yet."""
    source = _candidates(conn, rule, within)
    column = next(iter(source.c))
    linked = sa.exists().where(member_tag.c.member_id == column, member_tag.c.tag_id == tag_id)
    return sa.select(column).where(sa.not_(linked))


# --- reading -------------------------------------------------------------------------------


def _label_column() -> Any:
    return sa.case(
        (tag_category.c.name.is_(None), tag.c.name),
        else_=tag_category.c.name + "/" + tag.c.name,
    )


def _from_row(row: Any) -> Rule:
    return Rule(
        id=int(row.id),
        kind=row.kind,
        tag_id=int(row.tag_id),
        cities=tuple(line for line in (row.cities or "").splitlines() if line),
        year_from=row.year_from,
        year_to=row.year_to,
        query=row.query or "",
        enabled=bool(row.enabled),
        tag_label=row.label,
    )


def _select_rules() -> sa.Select[Any]:
    return (
        sa.select(tag_rule, _label_column().label("label"))
        .join(tag, tag.c.id == tag_rule.c.tag_id)
        .join(tag_category, tag_category.c.id == tag.c.category_id, isouter=True)
        .order_by(tag_rule.c.id)
    )


def rules(store: Store) -> list[Rule]:
    """Every rule, oldest first."""
    with store.read() as conn:
        return [_from_row(r) for r in conn.execute(_select_rules())]


def get(store: Store, rule_id: int) -> Rule:
    with store.read() as conn:
        return _get(conn, rule_id)


def _get(conn: sa.Connection, rule_id: int) -> Rule:
    row = conn.execute(_select_rules().where(tag_rule.c.id == rule_id)).first()
    if row is None:
        raise NotFoundError(Message(QT_TRANSLATE_NOOP("Messages", "no rule #{0}"), rule_id))
    return _from_row(row)


def preview(store: Store, rule: Rule, cancel: CancelToken | None = None) -> int:
    """How many members the rule would newly tag (all it selects, if its tag is new)."""
    clean = check(rule)
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):  # type: ignore[arg-type]
            if clean.tag_id is None:
                source = _candidates(conn, clean)
                stmt = sa.select(sa.func.count()).select_from(source)
            else:
                stmt = sa.select(sa.func.count()).select_from(
                    _new_members(conn, clean, clean.tag_id).subquery()
                )
            return int(conn.execute(stmt).scalar_one())


def previews(store: Store, cancel: CancelToken | None = None) -> dict[int, int]:
    """Each saved rule's preview count, by rule id."""
    return {r.id: preview(store, r, cancel) for r in rules(store) if r.id is not None}


# --- writing -------------------------------------------------------------------------------


def _values(rule: Rule) -> dict[str, Any]:
    return {
        "kind": rule.kind,
        "cities": "\n".join(rule.cities) or None,
        "year_from": rule.year_from,
        "year_to": rule.year_to,
        "query": rule.query or None,
        "enabled": rule.enabled,
    }


def save(store: Store, rule: Rule, tag_label: str | None = None) -> Rule:
    """Create (``rule.id`` None) or update a rule. ``tag_label`` ("Category/Name"), when
    given, names its tag, created if missing; otherwise ``rule.tag_id`` must be set."""
    clean = check(rule)
    if tag_label is not None and tag_label.strip():
        clean = replace(clean, tag_id=tags.find_or_create(store, tag_label))
    if clean.tag_id is None:
        raise _error(QT_TRANSLATE_NOOP("Messages", "a rule needs a tag"))
    tags.get(store, clean.tag_id)  # NotFoundError for a tag deleted meanwhile
    now = now_iso()
    with store.write() as conn:
        values = {**_values(clean), "tag_id": clean.tag_id, "updated_at": now}
        if clean.id is None:
            result = conn.execute(tag_rule.insert().values(**values, created_at=now))
            assert result.inserted_primary_key is not None
            rule_id = int(result.inserted_primary_key[0])
            action = "tag-rule-create"
        else:
            _get(conn, clean.id)
            conn.execute(tag_rule.update().where(tag_rule.c.id == clean.id).values(**values))
            rule_id = clean.id
            action = "tag-rule-update"
        saved = _get(conn, rule_id)
        audit.record(conn, action, "tag_rule", rule_id, audit_detail(saved))
    return saved


def set_enabled(store: Store, rule_id: int, enabled: bool) -> Rule:
    with store.write() as conn:
        _get(conn, rule_id)
        conn.execute(
            tag_rule.update()
            .where(tag_rule.c.id == rule_id)
            .values(enabled=enabled, updated_at=now_iso())
        )
        return _get(conn, rule_id)


def delete(store: Store, rule_id: int) -> Rule:
    """Delete a rule (the tags it gave stay)."""
    with store.write() as conn:
        gone = _get(conn, rule_id)
        conn.execute(tag_rule.delete().where(tag_rule.c.id == rule_id))
        audit.record(conn, "tag-rule-delete", "tag_rule", rule_id, audit_detail(gone))
    return gone


# Beyond this many members touched since an import began, restricting the rules to them
# costs more than running them over everyone.
MAX_TOUCHED = 50_000


def _touched(conn: sa.Connection, since: str) -> array[int] | None:
    """Members created or changed at ``since`` or later; None when too many to be worth
    listing."""
    ids = fetch_ids(
        conn,
        sa.select(member.c.id).where(
            sa.or_(member.c.created_at >= since, member.c.updated_at >= since)
        ),
    )
    return ids if len(ids) <= MAX_TOUCHED else None


def apply(
    store: Store,
    rule_ids: Sequence[int] | None = None,
    cancel: CancelToken | None = None,
    since: str | None = None,
) -> dict[int, int]:
    """Apply the rules ``rule_ids`` (default: every enabled rule) in one transaction.

    ``since`` (an ISO timestamp, e.g. an import's start): only the members created or
    changed since then are considered — after a small import into a big store, a scan of
    the new members instead of every rule over everyone. Returns the members newly tagged,
    by rule id. Idempotent: a second run tags nobody.
    """
    with store.write() as conn:
        stmt = _select_rules()
        if rule_ids is None:
            stmt = stmt.where(tag_rule.c.enabled.is_(True))
        else:
            stmt = stmt.where(tag_rule.c.id.in_(list(rule_ids)))
        chosen = [_from_row(r) for r in conn.execute(stmt)]
        if not chosen:
            return {}
        added: dict[int, int] = {}
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):  # type: ignore[arg-type]
            within = _touched(conn, since) if since is not None else None
            for rule in chosen:
                assert rule.id is not None and rule.tag_id is not None
                if within is not None and not within:
                    added[rule.id] = 0
                    continue
                new = _new_members(conn, rule, rule.tag_id, within).subquery()
                result = conn.execute(
                    member_tag.insert()
                    .prefix_with("OR IGNORE")
                    .from_select(
                        ["member_id", "tag_id"],
                        # In id order: sequential inserts into member_tag's key.
                        sa.select(next(iter(new.c)), sa.literal(rule.tag_id)).order_by(
                            next(iter(new.c))
                        ),
                    )
                )
                added[rule.id] = int(result.rowcount)
        audit.record(
            conn,
            "tag-rules-apply",
            "tag_rule",
            None,
            {"rules": len(chosen), "added": sum(added.values())},
        )
    return added


def audit_detail(rule: Rule) -> dict[str, Any]:
    """What the History says of a rule: its one-line summary and its parts, from which the
    window writes a sentence in the CM's language."""
    return {
        "rule": describe(rule),
        "kind": rule.kind,
        "cities": list(rule.cities),
        "year_from": rule.year_from,
        "year_to": rule.year_to,
        "query": rule.query,
        "tag": rule.tag_label,
    }


def describe(rule: Rule) -> str:
    """A one-line, language-neutral summary ("city: Lyon, Villeurbanne → Géographie/Lyon")."""
    if rule.kind == "city":
        condition = "city: " + ", ".join(rule.cities)
    elif rule.kind == "promo":
        low = "" if rule.year_from is None else str(rule.year_from)
        high = "" if rule.year_to is None else str(rule.year_to)
        condition = f"promo: {low}..{high}" if low != high else f"promo: {low}"
    else:
        condition = rule.query
    return f"{condition} → {rule.tag_label}" if rule.tag_label else condition
