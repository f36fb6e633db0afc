"""Duplicates: finding members who are the same person, and merging them.

Two sources feed the Duplicates view:

* the *queue*: rows an import did not create because they look like an existing member
  (``duplicate_candidate``); each is a pair of a member and the incoming values;
* the *scan* of the whole store, by these rules, strongest first:

  ``email``         same email address, case-insensitive;
  ``linkedin``      same LinkedIn profile (the normalised ``linkedin_key``);
  ``name_phone``    same folded name and the same phone number (its last nine digits, so
                    "+33 6 12 34 56 78" and "06.12.34.56.78" agree), whatever the class year;
  ``name_promo``    same folded name and the same class year;
  ``swapped_name``  first and last name swapped ("DUPONT Jean" typed as a first name), same
                    class year;
  ``similar_name``  one typo apart, same class year (see `similar_names`).

A pair the CM rejected (``not_duplicate``) is never proposed again; a deleted member simply
is not in the store any more. The exact rules are SQL ``GROUP BY … HAVING count(*) > 1`` (the
email and LinkedIn ones read only an index); Python and rapidfuzz do only the near spellings.

Every decision is one write transaction, recorded in the audit log. A merge keeps everything:
empty fields are filled from the other record and never overwritten, tags and communities are
united (the higher role wins), the history (audit events) stays as it was, and the merge
event lists the values that differed, so nothing of the dropped record is lost.
"""

from __future__ import annotations

import contextlib
import gc
import json
import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import combinations
from typing import Any

import sqlalchemy as sa
from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA, Indel

from app import audit
from app.clock import now_iso
from app.errors import AmicaleError, Cancelled, NotFoundError
from app.members.service import ensure_tag
from app.members.validation import EDITABLE_FIELDS, normalise, require_identity
from app.privacy import consent
from app.store import Store, backends, portable
from app.store.cancel import CancelToken, interruptible
from app.store.schema import (
    community,
    duplicate_candidate,
    member,
    member_community,
    member_tag,
    not_duplicate,
    tag,
    tag_category,
)
from app.text import linkedin_key, sort_name

# The scan's rules, strongest first (the order of the pairs it returns).
SCAN_REASONS = ("email", "linkedin", "name_phone", "name_promo", "swapped_name", "similar_name")
# The reason of a queued import row.
IMPORT_REASON = "import"
# A queued import row that is a member already (same email or LinkedIn profile) but with
# other values: the CM chooses, field by field, which to keep (`merge_candidate`'s ``take``).
IMPORT_DIFFERING = "import_differing"
DIFFERING_REASON = "same email or LinkedIn profile, different values"

# A group of more members than this sharing one key (a placeholder name imported a thousand
# times, say) gives its first member paired with each other one, not every pair: the review
# stays linear in the group's size, and merging the chain still reaches everyone.
MAX_GROUP = 50
# Near spellings are compared within a class year, by first letter; a block of more distinct
# names than this is split further by the next letter, so one block costs at most ~MAX_BLOCK².
MAX_BLOCK = 3000
# Names shorter than this (compacted, with the separator) are too short for "one typo" to mean
# much: "li an" and "lu an" are different people.
MIN_FUZZY_LENGTH = 6
# Nor is it in a part that short: "Rey"/"Roy", "Léo"/"Léa" are other people, not typos.
MIN_TYPO_PART = 4
_SEP = "\x1f"  # between last and first name in member.sort_name
_NOT_COMPACT = re.compile(r"[^\w\x1f]|_")
_NOT_DIGIT = re.compile(r"\D")
_ROLE_RANK = {"member": 0, "moderator": 1, "animator": 2}
# A scan pair whose records disagree on these loses this much of its score: two people born
# on different days, or in different class years, are rarely one person; a city changes
# with a move, so it only weighs a little.
CONFLICT_PENALTIES = {"birthday": 60.0, "promo": 45.0, "city": 10.0}
# Columns a merge compares and may fill; the rest (id, keys, timestamps) belong to the record.
MERGE_FIELDS = EDITABLE_FIELDS

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two records that may be the same person.

    A scan pair has ``left_id < right_id`` (the older member on the left). A queued import row
    has ``right_id`` None and ``candidate_id`` set: its values come from the import (see
    `candidate`). ``score`` says how alike the two names are, 0–100 (rapidfuzz's ratio of the
    folded names; 100 for the exact name rules, swapped names included).
    """

    left_id: int
    right_id: int | None
    reason: str
    score: float
    candidate_id: int | None = None
    # The fields both records fill with different values that say "another person" (see
    # CONFLICT_PENALTIES); each lowered the score.
    conflicts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Candidate:
    """A queued import row: the values and tags the file had, and where it came from."""

    id: int
    member_id: int
    values: dict[str, Any]
    tags: list[str]
    source: str | None
    line: int | None
    reason: str
    status: str

    @property
    def display_name(self) -> str:
        first = self.values.get("first_name") or ""
        last = self.values.get("last_name") or ""
        return f"{first} {last}".strip() or (self.values.get("email") or f"#{self.id}")


@dataclass(frozen=True)
class MergeResult:
    """What a merge changed in the kept member."""

    kept_id: int
    dropped_id: int | None  # None when a queued import row was merged
    candidate_id: int | None = None
    # Field → value taken from the other record (the kept one had none).
    filled: dict[str, Any] = field(default_factory=dict)
    # Field → (kept value, other value): both set and different; the kept value stays.
    differences: dict[str, tuple[Any, Any]] = field(default_factory=dict)
    tags_added: list[str] = field(default_factory=list)
    communities_added: list[str] = field(default_factory=list)
    # Community name → the higher role the kept member now has there.
    roles_raised: dict[str, str] = field(default_factory=dict)
    # Field → (former value, value taken): differing values the CM chose to take.
    replaced: dict[str, tuple[Any, Any]] = field(default_factory=dict)


class AlreadyDecided(AmicaleError):
    """The queued import row was already merged, created or dismissed."""


# --- the scan -------------------------------------------------------------------------------


class _Steps:
    """Progress as per-mille of the whole scan, reported only when it moves."""

    TOTAL = 1000

    def __init__(self, progress: Progress | None, cancel: CancelToken | None) -> None:
        self.progress = progress
        self.cancel = cancel
        self.done = -1

    def __call__(self, done: float) -> None:
        if self.cancel is not None and self.cancel.cancelled:
            raise Cancelled()
        value = min(self.TOTAL, int(done))
        if self.progress is not None and value != self.done:
            self.done = value
            self.progress(value, self.TOTAL)


class _Pairs:
    """The scan's result as it grows: a pair is kept under the first (strongest) rule."""

    def __init__(self, rejected: Iterable[tuple[int, int]]) -> None:
        # One int per pair (SQLite ids are under 2**63), cheaper to hash than a tuple.
        self.seen = {a << 63 | b for a, b in rejected}
        self.pairs: list[Pair] = []

    def add(self, reason: str, found: Iterable[tuple[int, int, float]]) -> None:
        seen, pairs = self.seen, self.pairs
        for a, b, score in found:
            if a > b:
                a, b = b, a
            key = a << 63 | b
            if key not in seen:
                seen.add(key)
                pairs.append(Pair(a, b, reason, score))


def scan(
    store: Store, progress: Progress | None = None, cancel: CancelToken | None = None
) -> list[Pair]:
    """Every probable duplicate pair in the store, strongest reason first.

    Within a reason: the most alike names first for the email, LinkedIn and similar-name
    rules, by class year and name for the others. ``progress(done, total)`` is called as the
    scan advances; ``cancel`` stops it (raises Cancelled). Read-only; one read transaction.
    """
    with _cyclic_gc_paused():
        return _scan(store, _Steps(progress, cancel), cancel)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the scan allocates its million objects.

    Growing from nothing to 1.3M pairs (the demo store) triggers some twenty full
    collections, each walking every object of the process: 3 s of the scan, and each one a
    0.3 s freeze of the window, whose thread waits for the collector. Nothing the scan builds
    is cyclic; what the window allocates meanwhile is collected when the pause ends.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _scan(store: Store, step: _Steps, cancel: CancelToken | None) -> list[Pair]:
    step(0)
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        with interruptible(raw, cancel):
            rejected = conn.execute(
                sa.select(not_duplicate.c.member_a, not_duplicate.c.member_b)
            ).all()
            # lower(email) IS NOT NULL (not email IS NOT NULL): the index alone answers.
            email_key = sa.func.lower(member.c.email)
            email_groups = _id_groups(conn, email_key, email_key.is_not(None))
            step(40)
            linkedin_key_col = member.c.linkedin_key
            linkedin_groups = _id_groups(conn, linkedin_key_col, linkedin_key_col.is_not(None))
            step(60)
            involved = {i for group in (*email_groups, *linkedin_groups) for i in group}
            names = _sort_names(conn, involved)
            step(80)
            groups = conn.exec_driver_sql(backends.of(conn).NAME_GROUPS_SQL).all()
            pairs = _scan_groups(step, cancel, rejected, email_groups, linkedin_groups,
                                 names, groups)  # fmt: skip
            del groups
            pairs = _with_conflicts(conn, pairs)
    step(1000)
    return pairs


def _with_conflicts(conn: sa.Connection, pairs: list[Pair]) -> list[Pair]:
    """The pairs with their conflicting fields, each lowering the score (never below 0)."""
    ids = {p.left_id for p in pairs} | {p.right_id for p in pairs if p.right_id is not None}
    cols = (member.c.id, member.c.birthday, member.c.promo, member.c.city)
    values: dict[int, tuple[Any, Any, Any]] = {}
    if len(ids) > 200_000:  # most of the store: one pass over the table beats IN lists
        rows: Iterable[Any] = conn.execute(sa.select(*cols))
    else:
        ordered = sorted(ids)
        rows = (
            row
            for start in range(0, len(ordered), 900)
            for row in conn.execute(
                sa.select(*cols).where(member.c.id.in_(ordered[start : start + 900]))
            )
        )
    for row in rows:
        if row.id in ids:
            values[row.id] = (row.birthday, row.promo, _fold_city(row.city))
    out: list[Pair] = []
    for pair in pairs:
        left = values.get(pair.left_id)
        right = values.get(pair.right_id) if pair.right_id is not None else None
        found = conflicts_of(left, right) if left and right else ()
        if found:
            score = max(0.0, pair.score - sum(CONFLICT_PENALTIES[f] for f in found))
            pair = Pair(pair.left_id, pair.right_id, pair.reason, score, None, found)
        out.append(pair)
    return out


def _fold_city(city: str | None) -> str:
    return re.sub(r"[\W_]+", " ", (city or "").casefold()).strip()


def conflicts_of(left: tuple[Any, Any, Any], right: tuple[Any, Any, Any]) -> tuple[str, ...]:
    """The fields of (birthday, class year, folded city) set on both sides and different.

    Birthdays differ when their month and day do, or both years are known and differ (a
    birthday kept without its year, 0000-MM-DD, agrees with any year).
    """
    found: list[str] = []
    (birth_a, promo_a, city_a), (birth_b, promo_b, city_b) = left, right
    if birth_a and birth_b and birth_a != birth_b:
        year_a, year_b = str(birth_a)[:4], str(birth_b)[:4]
        years_known = "0000" not in (year_a, year_b)
        if str(birth_a)[5:] != str(birth_b)[5:] or years_known:
            found.append("birthday")
    if promo_a is not None and promo_b is not None and promo_a != promo_b:
        found.append("promo")
    if city_a and city_b and city_a != city_b:
        found.append("city")
    return tuple(found)


def _scan_groups(
    step: _Steps,
    cancel: CancelToken | None,
    rejected: Sequence[Any],
    email_groups: list[list[int]],
    linkedin_groups: list[list[int]],
    names: dict[int, str],
    groups: Sequence[Any],
) -> list[Pair]:
    step(300)

    result = _Pairs((a, b) for a, b in rejected)
    for reason, id_groups in (("email", email_groups), ("linkedin", linkedin_groups)):
        scored = [
            (a, b, _name_score(names.get(a, _SEP), names.get(b, _SEP)))
            for group in id_groups
            for a, b in _pairs_of(group)
        ]
        scored.sort(key=lambda found: -found[2])
        result.add(reason, scored)
    step(320)

    by_phone: dict[tuple[str, str], list[int]] = {}
    by_promo: dict[int, dict[str, str]] = {}  # class year → folded name → its ids, "1,2,3"
    for promo, name, ids, phones in groups:
        if name == _SEP:  # no name at all: only the email and LinkedIn rules apply
            continue
        if promo is not None:
            by_promo.setdefault(promo, {})[name] = ids
        if phones.strip("\x1e"):
            for member_id, phone in zip(ids.split(","), phones.split("\x1e"), strict=True):
                if phone:
                    digits = _NOT_DIGIT.sub("", phone)
                    if len(digits) >= 6:
                        by_phone.setdefault((name, digits[-9:]), []).append(int(member_id))
    step(400)
    result.add(
        "name_phone",
        (
            (a, b, 100.0)
            for id_list in by_phone.values()
            if len(id_list) > 1
            for a, b in _pairs_of(id_list)
        ),
    )
    del by_phone
    step(420)

    result.add(
        "name_promo",
        (
            (a, b, 100.0)
            for year in by_promo.values()
            for ids in year.values()
            if "," in ids
            for a, b in _pairs_of(_ints(ids))
        ),
    )
    step(500)

    swapped: list[tuple[int, int, float]] = []
    for year in by_promo.values():
        for name, ids in year.items():
            last, _, first = name.partition(_SEP)
            other = f"{first}{_SEP}{last}"
            if first and last and other > name and other in year:
                swapped += ((a, b, 100.0) for a, b in _cross(_ints(ids), _ints(year[other])))
    result.add("swapped_name", swapped)
    step(520)

    total_names = sum(len(year) for year in by_promo.values()) or 1
    done_names = 0
    similar: list[tuple[float, int, str, str]] = []
    for promo, year in by_promo.items():
        similar += ((_name_score(x, y), promo, x, y) for x, y in similar_names(year, cancel))
        done_names += len(year)
        step(520 + 420 * done_names / total_names)
    similar.sort(key=lambda found: -found[0])
    result.add(
        "similar_name",
        (
            (a, b, score)
            for score, promo, x, y in similar
            for a, b in _cross(_ints(by_promo[promo][x]), _ints(by_promo[promo][y]))
        ),
    )
    step(950)
    return result.pairs


def similar_names(names: Iterable[str], cancel: CancelToken | None = None) -> list[tuple[str, str]]:
    """Pairs of distinct folded names (``member.sort_name``) one typo apart.

    One typo: after dropping spaces, hyphens and apostrophes ("le goff" is "legoff"), a letter
    wrong, missing or extra, or two neighbours swapped (rapidfuzz's OSA distance ≤ 1), in a
    first or last name of at least MIN_TYPO_PART letters. This is a rule a CM can predict,
    unlike a ratio threshold: a ratio ≥ 92 misses "Dupont Jean" / "Dupond Jean" (91) yet
    accepts two typos in long names.

    Blocking: names are compared only with names of the same first letter (of the last name)
    and of a length within one; a block of more than MAX_BLOCK names is split by the next
    letter. A typo on the very first letter is therefore not found — the price of comparing a
    million names in seconds; the exact rules (email, LinkedIn, phone) still catch most of
    those.
    """
    by_compact: dict[str, list[str]] = {}
    for name in names:
        compact = _NOT_COMPACT.sub("", name)
        if len(compact) >= MIN_FUZZY_LENGTH:
            by_compact.setdefault(compact, []).append(name)
    out: list[tuple[str, str]] = []
    for spellings in by_compact.values():
        if len(spellings) > 1:  # the same letters, spaced or hyphenated differently
            out += combinations(sorted(spellings), 2)
    for block in _blocks(sorted(by_compact), 1):
        if cancel is not None and cancel.cancelled:
            raise Cancelled()
        for a, b in _one_typo_apart(block):
            out += ((x, y) if x < y else (y, x) for x in by_compact[a] for y in by_compact[b])
    return out


def _blocks(keys: list[str], prefix: int) -> Iterator[list[str]]:
    """``keys`` (sorted) grouped by their first ``prefix`` characters, big groups split further."""
    start = 0
    while start < len(keys):
        head = keys[start][:prefix]
        end = start + 1
        while end < len(keys) and keys[end][:prefix] == head:
            end += 1
        block = keys[start:end]
        if len(block) > MAX_BLOCK and prefix < 4:
            yield from _blocks(block, prefix + 1)
        else:
            yield block
        start = end


def _one_typo_apart(keys: list[str]) -> Iterator[tuple[str, str]]:
    by_length: dict[int, list[str]] = {}
    for key in keys:
        by_length.setdefault(len(key), []).append(key)
    for length, same in by_length.items():
        longer = by_length.get(length + 1, [])
        for i, key in enumerate(same):
            for choices in (same[i + 1 :], longer):
                if not choices:
                    continue
                # Indel ≤ 2 within one length is the fast bit-parallel filter (it also admits
                # a letter moved further away); OSA then keeps exactly one typo.
                for other, _, _ in process.extract(
                    key, choices, scorer=Indel.distance, score_cutoff=2, limit=None
                ):
                    if OSA.distance(key, other, score_cutoff=1) <= 1 and _typo_in_long_part(
                        key, other
                    ):
                        yield key, other


def _typo_in_long_part(a: str, b: str) -> bool:
    """False when the typo is in a name part under MIN_TYPO_PART letters ("rey"/"roy")."""
    last_a, _, first_a = a.partition(_SEP)
    last_b, _, first_b = b.partition(_SEP)
    if last_a == last_b:
        return min(len(first_a), len(first_b)) >= MIN_TYPO_PART
    if first_a == first_b:
        return min(len(last_a), len(last_b)) >= MIN_TYPO_PART
    return True


def _name_score(a: str, b: str) -> float:
    """How alike two folded names are, 0–100 (rapidfuzz ratio of the folded names)."""
    return round(fuzz.ratio(a.replace(_SEP, " "), b.replace(_SEP, " ")), 1)


def _ints(text: str) -> list[int]:
    return [int(x) for x in text.split(",")]


def _pairs_of(ids: Sequence[int]) -> Iterator[tuple[int, int]]:
    ordered = sorted(ids)
    if len(ordered) <= MAX_GROUP:
        yield from combinations(ordered, 2)
    else:
        first = ordered[0]
        yield from ((first, other) for other in ordered[1:])


def _cross(xs: list[int], ys: list[int]) -> Iterator[tuple[int, int]]:
    return ((x, y) for x in xs[:MAX_GROUP] for y in ys[:MAX_GROUP] if x != y)


def _id_groups(
    conn: sa.Connection, key: sa.ColumnElement[Any], where: sa.ColumnElement[bool]
) -> list[list[int]]:
    stmt = (
        sa.select(portable.joined_ids(member.c.id))
        .where(where)
        .group_by(key)
        .having(sa.func.count() > 1)
    )
    return [_ints(text) for (text,) in conn.execute(stmt)]


def _sort_names(conn: sa.Connection, ids: Iterable[int]) -> dict[int, str]:
    wanted = sorted(ids)
    out: dict[int, str] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        stmt = sa.select(member.c.id, member.c.sort_name).where(member.c.id.in_(chunk))
        out.update((i, n) for i, n in conn.execute(stmt))
    return out


# --- the queue ------------------------------------------------------------------------------


def queue(store: Store) -> list[Pair]:
    """The pending import rows, oldest first, each paired with the member it resembles."""
    stmt = (
        sa.select(
            duplicate_candidate.c.id,
            duplicate_candidate.c.member_id,
            duplicate_candidate.c.incoming,
            duplicate_candidate.c.reason,
            member.c.sort_name,
        )
        .join(member, member.c.id == duplicate_candidate.c.member_id)
        .where(duplicate_candidate.c.status == "pending")
        .order_by(duplicate_candidate.c.id)
    )
    pairs = []
    with store.read() as conn:
        for candidate_id, member_id, incoming, reason, name in conn.execute(stmt):
            values = _incoming(incoming)[0]
            incoming_name = sort_name(values.get("first_name"), values.get("last_name"))
            kind = IMPORT_DIFFERING if reason == DIFFERING_REASON else IMPORT_REASON
            pairs.append(
                Pair(member_id, None, kind, _name_score(name, incoming_name), candidate_id)
            )
    return pairs


def candidates(store: Store, ids: Sequence[int]) -> dict[int, Candidate]:
    """The queued import rows of these ids (missing ids are simply absent)."""
    out: dict[int, Candidate] = {}
    with store.read() as conn:
        for start in range(0, len(ids), 500):
            chunk = list(ids[start : start + 500])
            rows = conn.execute(
                sa.select(duplicate_candidate).where(duplicate_candidate.c.id.in_(chunk))
            ).mappings()
            for row in rows:
                out[row["id"]] = _candidate(row)
    return out


def candidate(store: Store, candidate_id: int) -> Candidate:
    found = candidates(store, [candidate_id]).get(candidate_id)
    if found is None:
        raise NotFoundError(f"queued import row {candidate_id} does not exist")
    return found


def _candidate(row: sa.RowMapping) -> Candidate:
    values, tags = _incoming(row["incoming"])
    return Candidate(
        row["id"],
        row["member_id"],
        values,
        tags,
        row["source"],
        row["line"],
        row["reason"],
        row["status"],
    )


def _incoming(text: str) -> tuple[dict[str, Any], list[str]]:
    data = json.loads(text)
    values = {k: v for k, v in (data.get("values") or {}).items() if k in EDITABLE_FIELDS}
    return values, [str(t) for t in data.get("tags") or []]


# --- decisions ------------------------------------------------------------------------------


def merge(store: Store, keep_id: int, drop_id: int) -> MergeResult:
    """Merge member ``drop_id`` into ``keep_id``, then delete ``drop_id``; one transaction.

    The kept member's empty fields are filled from the other, a non-empty value is never
    overwritten (differing values are listed and logged); tags and communities are united,
    the higher role kept; the history stays as it was. Status, verification and newsletter
    consent are never empty, so they stay the kept member's (a merge never turns consent on);
    when they differ they are listed too. Queued import rows and "not the same person"
    decisions about the dropped member now concern the kept one.
    """
    if keep_id == drop_id:
        raise ValueError("cannot merge a member into itself")
    with store.write() as conn:
        keep = _member_row(conn, keep_id)
        drop = _member_row(conn, drop_id)
        return _merge_rows(conn, keep_id, drop_id, keep, drop)


def _merge_rows(
    conn: sa.Connection, keep_id: int, drop_id: int, keep: dict[str, Any], drop: dict[str, Any]
) -> MergeResult:
    filled, differences = _compare(keep, drop)
    _fill(conn, keep_id, keep, filled)
    tags_added = _add_tag_ids(conn, keep_id, _tag_ids(conn, drop_id))
    communities_added, roles_raised = _unite_communities(conn, keep_id, drop_id)
    conn.execute(
        duplicate_candidate.update()
        .where(duplicate_candidate.c.member_id == drop_id)
        .values(member_id=keep_id)
    )
    _move_rejections(conn, drop_id, keep_id)
    answers = consent.merge_answers(conn, keep_id, drop_id)
    conn.execute(member.delete().where(member.c.id == drop_id))
    result = MergeResult(
        keep_id,
        drop_id,
        None,
        filled,
        differences,
        tags_added,
        communities_added,
        roles_raised,
    )
    detail = _detail(result)
    if answers:
        detail["consents"] = answers
    audit.record(conn, "merge", "member", keep_id, detail)
    return result


def _conflicting(keep: dict[str, Any], drop: dict[str, Any]) -> bool:
    """True when the two records hold different values in a field (a CM must choose)."""
    _, differences = _compare(keep, drop)
    return bool(differences)


def mergeable(store: Store, pairs: Sequence[Pair], min_score: float) -> list[Pair]:
    """The scan pairs at ``min_score`` or above that can be merged without a choice: no
    conflicting birthday, class year or city, and no field set differently on the two
    records (the older record is kept, the other only fills its empty fields)."""
    wanted = [
        p
        for p in pairs
        if p.right_id is not None
        and p.candidate_id is None
        and p.score >= min_score
        and not p.conflicts
    ]
    out: list[Pair] = []
    with store.read() as conn:
        for pair in wanted:
            assert pair.right_id is not None
            try:
                keep = _member_row(conn, pair.left_id)
                drop = _member_row(conn, pair.right_id)
            except NotFoundError:
                continue
            if not _conflicting(keep, drop):
                out.append(pair)
    return out


def merge_all(store: Store, pairs: Sequence[tuple[int, int]]) -> list[MergeResult]:
    """Merge each (keep, drop) pair, in one transaction; a pair whose records now hold
    different values, or whose member is gone, is left for the CM. A member merged away
    earlier in the list is followed to the record it went into."""
    results: list[MergeResult] = []
    went: dict[int, int] = {}

    def follow(member_id: int) -> int:
        while member_id in went:
            member_id = went[member_id]
        return member_id

    with store.write() as conn:
        for keep_id, drop_id in pairs:
            keep_id, drop_id = follow(keep_id), follow(drop_id)
            if keep_id == drop_id:
                continue
            try:
                keep = _member_row(conn, keep_id)
                drop = _member_row(conn, drop_id)
            except NotFoundError:
                continue
            if _conflicting(keep, drop):
                continue
            results.append(_merge_rows(conn, keep_id, drop_id, keep, drop))
            went[drop_id] = keep_id
    return results


def merge_candidate(
    store: Store, candidate_id: int, keep_id: int | None = None, take: Sequence[str] = ()
) -> MergeResult:
    """Apply a queued import row to a member (by default the one it resembles).

    Empty fields are filled and tags added, as an import does; of the fields set on both
    sides and different, those in ``take`` get the imported value (the CM's choice), the
    others keep the member's. The row is marked 'merged'.
    """
    with store.write() as conn:
        row = _pending(conn, candidate_id)
        keep_id = row.member_id if keep_id is None else keep_id
        keep = _member_row(conn, keep_id)
        filled, differences = _compare(keep, normalise(row.values))
        unknown = sorted(set(take) - set(differences) - set(filled))
        if unknown:
            raise AmicaleError(f"no differing value to take for: {', '.join(unknown)}")
        replaced = {k: differences.pop(k) for k in take if k in differences}
        writes = {**filled, **{k: new for k, (_, new) in replaced.items()}}
        if "consent" in replaced:
            writes["consent_at"] = now_iso()
        _fill(conn, keep_id, keep, writes)
        tag_ids = [_label_tag(conn, label) for label in row.tags if label.strip()]
        tags_added = _add_tag_ids(conn, keep_id, [t for t in tag_ids if t is not None])
        _decide(conn, candidate_id, "merged", member_id=keep_id)
        result = MergeResult(
            keep_id, None, candidate_id, filled, differences, tags_added, replaced=replaced
        )
        detail = _detail(result)
        detail.update(source=row.source, line=row.line)
        audit.record(conn, "merge", "member", keep_id, detail)
    return result


def create_from_candidate(store: Store, candidate_id: int) -> int:
    """Create a queued import row as a new member (it was someone else); returns its id."""
    with store.write() as conn:
        row = _pending(conn, candidate_id)
        values = normalise(row.values)
        require_identity(values)
        now = now_iso()
        result = conn.execute(
            member.insert().values(
                **values,
                sort_name=sort_name(values.get("first_name"), values.get("last_name")),
                linkedin_key=linkedin_key(values.get("linkedin_url")),
                created_at=now,
                updated_at=now,
                consent_at=now if values.get("consent") else None,
            )
        )
        key = result.inserted_primary_key
        assert key is not None  # a single-row INSERT on a table with an integer key
        member_id = int(key[0])
        tag_ids = [_label_tag(conn, label) for label in row.tags if label.strip()]
        _add_tag_ids(conn, member_id, [t for t in tag_ids if t is not None])
        _decide(conn, candidate_id, "created")
        audit.record(
            conn,
            "create",
            "member",
            member_id,
            {"candidate": candidate_id, "source": row.source, "line": row.line},
        )
    return member_id


def dismiss_candidate(store: Store, candidate_id: int) -> None:
    """Drop a queued import row: nothing of it is kept."""
    with store.write() as conn:
        row = _pending(conn, candidate_id)
        _decide(conn, candidate_id, "dismissed")
        audit.record(
            conn,
            "dismiss",
            "duplicate_candidate",
            candidate_id,
            {"member": row.member_id, "source": row.source, "line": row.line},
        )


def not_the_same(store: Store, a: int, b: int) -> None:
    """Remember that members ``a`` and ``b`` are different people: never proposed again."""
    if a == b:
        raise ValueError("a member is always the same person as themselves")
    low, high = min(a, b), max(a, b)
    with store.write() as conn:
        _member_row(conn, low)
        _member_row(conn, high)
        if _rejection_absent(conn, low, high):
            conn.execute(
                not_duplicate.insert().values(member_a=low, member_b=high, decided_at=now_iso())
            )
        audit.record(conn, "not_duplicate", "member", low, {"members": [low, high]})


# --- helpers for the decisions --------------------------------------------------------------


def _member_row(conn: sa.Connection, member_id: int) -> dict[str, Any]:
    row = conn.execute(sa.select(member).where(member.c.id == member_id)).mappings().first()
    if row is None:
        raise NotFoundError(f"member {member_id} does not exist")
    return dict(row)


# Fields where the later value is the true one, whichever member it sits on.
LATEST_WINS = frozenset({"dues_last_year", "last_contacted_at"})


def _empty(value: Any) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _compare(
    kept: dict[str, Any], other: dict[str, Any]
) -> tuple[dict[str, Any], dict[str, tuple[Any, Any]]]:
    """(fields to fill from ``other``, fields set on both sides and different)."""
    filled: dict[str, Any] = {}
    differences: dict[str, tuple[Any, Any]] = {}
    for key in MERGE_FIELDS:
        if key not in other or _empty(other[key]):
            continue
        mine, theirs = kept.get(key), other[key]
        if _empty(mine):
            filled[key] = theirs
        elif key in LATEST_WINS and str(theirs) > str(mine):
            # Facts that only move forward: the later year paid, the later contact.
            filled[key] = theirs
            differences[key] = (mine, theirs)
        elif mine != theirs:
            differences[key] = (mine, theirs)
    return filled, differences


def _fill(conn: sa.Connection, member_id: int, row: dict[str, Any], filled: dict[str, Any]) -> None:
    if not filled:
        return
    merged = {**row, **filled}
    extra: dict[str, Any] = {}
    if "first_name" in filled or "last_name" in filled:
        extra["sort_name"] = sort_name(merged["first_name"], merged["last_name"])
    if "linkedin_url" in filled:
        extra["linkedin_key"] = linkedin_key(merged["linkedin_url"])
    conn.execute(
        member.update()
        .where(member.c.id == member_id)
        .values(**filled, **extra, updated_at=now_iso())
    )


def _tag_ids(conn: sa.Connection, member_id: int) -> list[int]:
    stmt = sa.select(member_tag.c.tag_id).where(member_tag.c.member_id == member_id)
    return [r[0] for r in conn.execute(stmt)]


def _add_tag_ids(conn: sa.Connection, member_id: int, tag_ids: Iterable[int]) -> list[str]:
    """Give ``member_id`` these tags; returns the labels of those it did not have."""
    added = set(tag_ids) - set(_tag_ids(conn, member_id))
    if not added:
        return []
    conn.execute(member_tag.insert(), [{"member_id": member_id, "tag_id": t} for t in added])
    stmt = (
        sa.select(tag_category.c.name, tag.c.name)
        .select_from(tag)
        .join(tag_category, tag_category.c.id == tag.c.category_id, isouter=True)
        .where(tag.c.id.in_(added))
        .order_by(tag_category.c.position, tag.c.name_key)
    )
    return [f"{cat}/{name}" if cat else name for cat, name in conn.execute(stmt)]


def _label_tag(conn: sa.Connection, label: str) -> int | None:
    """The tag id of a label "Name" or "Category/Name" (created when new)."""
    category, slash, name = label.strip().rpartition("/")
    if not name.strip():
        return None
    return ensure_tag(conn, name.strip(), category.strip() if slash and category.strip() else None)


def _unite_communities(
    conn: sa.Connection, keep_id: int, drop_id: int
) -> tuple[list[str], dict[str, str]]:
    def memberships(member_id: int) -> dict[int, tuple[str, str]]:
        stmt = (
            sa.select(member_community.c.community_id, community.c.name, member_community.c.role)
            .join(community, community.c.id == member_community.c.community_id)
            .where(member_community.c.member_id == member_id)
            .order_by(community.c.name_key)
        )
        return {cid: (name, role) for cid, name, role in conn.execute(stmt)}

    kept, dropped = memberships(keep_id), memberships(drop_id)
    added: list[str] = []
    raised: dict[str, str] = {}
    for community_id, (name, role) in dropped.items():
        if community_id not in kept:
            conn.execute(
                member_community.insert().values(
                    member_id=keep_id, community_id=community_id, role=role
                )
            )
            added.append(name)
        elif _ROLE_RANK.get(role, 0) > _ROLE_RANK.get(kept[community_id][1], 0):
            conn.execute(
                member_community.update()
                .where(
                    member_community.c.member_id == keep_id,
                    member_community.c.community_id == community_id,
                )
                .values(role=role)
            )
            raised[name] = role
    return added, raised


def _rejection_absent(conn: sa.Connection, low: int, high: int) -> bool:
    stmt = sa.select(not_duplicate.c.member_a).where(
        not_duplicate.c.member_a == low, not_duplicate.c.member_b == high
    )
    return conn.execute(stmt).first() is None


def _move_rejections(conn: sa.Connection, drop_id: int, keep_id: int) -> None:
    """ "Not the same as X" said of the dropped member holds for the kept one too."""
    stmt = sa.select(not_duplicate).where(
        sa.or_(not_duplicate.c.member_a == drop_id, not_duplicate.c.member_b == drop_id)
    )
    for row in conn.execute(stmt).mappings().all():
        other = row["member_b"] if row["member_a"] == drop_id else row["member_a"]
        if other == keep_id:
            continue  # the CM changed their mind: the rejection goes with the dropped member
        low, high = min(other, keep_id), max(other, keep_id)
        if _rejection_absent(conn, low, high):
            conn.execute(
                not_duplicate.insert().values(
                    member_a=low, member_b=high, decided_at=row["decided_at"]
                )
            )


def _pending(conn: sa.Connection, candidate_id: int) -> Candidate:
    row = (
        conn.execute(sa.select(duplicate_candidate).where(duplicate_candidate.c.id == candidate_id))
        .mappings()
        .first()
    )
    if row is None:
        raise NotFoundError(f"queued import row {candidate_id} does not exist")
    found = _candidate(row)
    if found.status != "pending":
        raise AlreadyDecided(f"queued import row {candidate_id} was already {found.status}")
    return found


def _decide(conn: sa.Connection, candidate_id: int, status: str, **values: Any) -> None:
    conn.execute(
        duplicate_candidate.update()
        .where(duplicate_candidate.c.id == candidate_id)
        .values(status=status, decided_at=now_iso(), **values)
    )


def _detail(result: MergeResult) -> dict[str, Any]:
    detail: dict[str, Any] = {"kept": result.kept_id}
    if result.dropped_id is not None:
        detail["dropped"] = result.dropped_id
    if result.candidate_id is not None:
        detail["candidate"] = result.candidate_id
    detail["filled"] = result.filled
    detail["differences"] = {k: list(v) for k, v in result.differences.items()}
    if result.replaced:
        detail["replaced"] = {k: list(v) for k, v in result.replaced.items()}
    detail["tags_added"] = result.tags_added
    if result.communities_added:
        detail["communities_added"] = result.communities_added
    if result.roles_raised:
        detail["roles_raised"] = result.roles_raised
    return detail
