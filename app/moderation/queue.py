"""The queue and the decisions taken on it.

Statuses: ``pending`` (to decide), ``info`` (more information asked), ``escalated`` (for the
board), ``snoozed`` (hidden until ``snooze_until``), ``approved`` and ``rejected`` (decided).
The first four are *open*: the panel lists them, oldest first.

Every decision is one write transaction that records a ``moderation_decision`` row (with
what it changed: a member created, fields filled, a community membership added) and an
audit event; `undo` reverses exactly those changes and puts the item back as it was.
Automatic decisions (the rules, off by default) go through the same path, flagged
``automatic``, so they are listed and reversible like the CM's own.

Approving a join request links the person to the community: the matched member (known or
probable graduate), completed with what the request adds (email, class year, school,
LinkedIn), or a new member created from the request, not verified yet (it appears in the "To
verify" list until the CM marks it verified with a source).
"""

from __future__ import annotations

import json
import re
import statistics
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from typing import Any

import sqlalchemy as sa

from app import audit, clock
from app.clock import now_iso
from app.errors import AmicaleError, NotFoundError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.moderation import checks
from app.moderation import settings as mod_settings
from app.moderation.matching import NameIndex
from app.store import Store
from app.store.schema import (
    community,
    member,
    member_community,
    moderation_decision,
    moderation_item,
)
from app.text import linkedin_key, sort_name

OPEN = ("pending", "info", "escalated", "snoozed")
DECIDED = ("approved", "rejected")
ACTIONS = {
    "approve": "approved",
    "reject": "rejected",
    "info": "info",
    "escalate": "escalated",
    "snooze": "snoozed",
}
# Where a verification came from (member.verification_source); the window translates them.
VERIFICATION_SOURCES = ("school_register", "diploma", "alumni_directory")
SNOOZE_DEFAULT = timedelta(days=1)
_CAPS_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][A-ZÀ-ÖØ-Þ'’-]+$")


class AlreadyDecided(AmicaleError):
    """The item was approved or rejected already: undo that decision first."""


@dataclass(slots=True)
class QueueItem:
    id: int
    kind: str
    name: str
    email: str | None
    profile_url: str | None
    school: str | None
    promo: int | None
    community_id: int | None
    community: str | None
    text: str
    received_at: str
    status: str
    snooze_until: str | None
    reason: str | None
    decided_at: str | None
    automatic: bool
    match: str
    confidence: float
    member_ids: list[int]
    signals: list[checks.Signal]
    score: int
    suggestion: str

    @property
    def matched_member_id(self) -> int | None:
        return self.member_ids[0] if self.member_ids else None

    @property
    def is_open(self) -> bool:
        return self.status in OPEN

    def age(self, now: datetime | None = None) -> timedelta:
        received = datetime.fromisoformat(self.received_at)
        return (now or clock.now()) - received

    def as_json(self) -> dict[str, Any]:
        """The ``moderation list --json`` object (DESIGN.md §4)."""
        return {
            "id": self.id,
            "kind": "join" if self.kind == "join" else "post",
            "name": self.name,
            "email": self.email,
            "community": self.community,
            "text": self.text,
            "match": self.match,
            "matched_member_id": self.matched_member_id,
            "suggestion": self.suggestion,
            "signals": [str(s.message()) for s in self.signals],
        }


@dataclass(frozen=True, slots=True)
class Decision:
    id: int
    item_id: int
    action: str
    previous_status: str
    status: str
    reason: str | None
    automatic: bool
    decided_at: str
    decided_by: str
    effects: dict[str, Any] = field(default_factory=dict)
    undone_at: str | None = None


# --- reading ---------------------------------------------------------------------------------


def _item_select() -> sa.Select[Any]:
    return sa.select(moderation_item, community.c.name.label("community_name")).join(
        community, community.c.id == moderation_item.c.community_id, isouter=True
    )


def _to_item(row: Any) -> QueueItem:
    stored = json.loads(row.signals or "{}")
    if isinstance(stored, list):
        stored = {"signals": stored}
    return QueueItem(
        id=row.id,
        kind=row.kind,
        name=row.name,
        email=row.email,
        profile_url=row.profile_url,
        school=row.school,
        promo=row.promo,
        community_id=row.community_id,
        community=row.community_name,
        text=row.text,
        received_at=row.received_at,
        status=row.status,
        snooze_until=row.snooze_until,
        reason=checks.reason_text(row.reason),
        decided_at=row.decided_at,
        automatic=bool(row.automatic),
        match=row.match,
        confidence=float(row.match_confidence or 0.0),
        member_ids=[int(i) for i in stored.get("member_ids", [])],
        signals=[checks.Signal.from_json(s) for s in stored.get("signals", [])],
        score=row.score,
        suggestion=row.suggestion,
    )


def list_items(
    store: Store,
    *,
    statuses: Sequence[str] = OPEN,
    include_sleeping: bool = False,
    now: str | None = None,
) -> list[QueueItem]:
    """The items with these statuses, oldest first. Snoozed items whose time has not come
    are left out unless ``include_sleeping``."""
    now = now or now_iso()
    stmt = _item_select().where(moderation_item.c.status.in_(list(statuses)))
    if not include_sleeping:
        stmt = stmt.where(
            sa.or_(
                moderation_item.c.status != "snoozed",
                moderation_item.c.snooze_until.is_(None),
                moderation_item.c.snooze_until <= now,
            )
        )
    stmt = stmt.order_by(moderation_item.c.received_at, moderation_item.c.id)
    with store.read() as conn:
        items = [_to_item(r) for r in conn.execute(stmt)]
        checks.upgrade_stored(conn, [i.signals for i in items])
        return items


def get_item(store: Store, item_id: int) -> QueueItem:
    with store.read() as conn:
        return _get(conn, item_id)


def _get(conn: sa.Connection, item_id: int) -> QueueItem:
    row = conn.execute(_item_select().where(moderation_item.c.id == item_id)).first()
    if row is None:
        raise NotFoundError(f"moderation item {item_id} does not exist")
    item = _to_item(row)
    checks.upgrade_stored(conn, [item.signals])
    return item


def communities(store: Store) -> list[tuple[int, str]]:
    with store.read() as conn:
        stmt = sa.select(community.c.id, community.c.name).order_by(community.c.name_key)
        return [(i, n) for i, n in conn.execute(stmt)]


def assessment_values(found: checks.Assessment) -> dict[str, Any]:
    """The columns an assessment fills."""
    return {
        "match": found.match,
        "match_confidence": found.confidence if found.match != "unknown" else None,
        "matched_member_id": found.matched_member_id,
        "signals": json.dumps(
            {"signals": [s.as_json() for s in found.signals], "member_ids": found.member_ids},
            ensure_ascii=False,
        ),
        "score": found.score,
        "suggestion": found.suggestion,
    }


def facts_of(item: QueueItem) -> checks.Facts:
    return checks.Facts(
        item.kind,
        item.name,
        item.email,
        item.profile_url,
        item.promo,
        item.community_id,
        item.text,
        item.id,
    )


def reassess(
    conn: sa.Connection,
    item_ids: Iterable[int] | None = None,
    settings: dict[str, Any] | None = None,
    index: NameIndex | None = None,
) -> int:
    """Run the checks again on open items (all, or these); returns how many."""
    settings = settings or mod_settings.read_all(conn)
    stmt = _item_select().where(moderation_item.c.status.in_(OPEN))
    if item_ids is not None:
        ids = sorted(set(item_ids))
        if not ids:
            return 0
        stmt = stmt.where(moderation_item.c.id.in_(ids))
    items = [_to_item(r) for r in conn.execute(stmt)]
    if not items:
        return 0
    found = checks.assess(conn, [facts_of(i) for i in items], settings, index)
    for item, assessment in zip(items, found, strict=True):
        conn.execute(
            moderation_item.update()
            .where(moderation_item.c.id == item.id)
            .values(**assessment_values(assessment))
        )
    return len(items)


def recheck(store: Store) -> int:
    """Re-run the checks on every open item (after the lists or the directory changed)."""
    with store.write() as conn:
        return reassess(conn)


# --- decisions -------------------------------------------------------------------------------


def decide(
    store: Store,
    item_id: int,
    action: str,
    reason: str | None = None,
    *,
    until: str | None = None,
) -> Decision:
    """The CM's decision on one item; one transaction, logged and audited."""
    with store.write() as conn:
        return decide_in(conn, item_id, action, reason, until=until)


def decide_in(
    conn: sa.Connection,
    item_id: int,
    action: str,
    reason: str | None = None,
    *,
    until: str | None = None,
    automatic: bool = False,
) -> Decision:
    if action not in ACTIONS:
        raise ValueError(f"unknown moderation action {action!r}")
    item = _get(conn, item_id)
    if item.status in DECIDED:
        raise AlreadyDecided(
            Message(
                QT_TRANSLATE_NOOP("Messages", "this item was already {0}; undo that first"),
                item.status,
            )
        )
    now = now_iso()
    status = ACTIONS[action]
    effects: dict[str, Any] = {}
    if action == "approve" and item.kind == "join":
        effects = _admit(conn, item, now)
    if action == "snooze":
        until = until or (clock.now() + SNOOZE_DEFAULT).isoformat(timespec="seconds")
    by = "rule" if automatic else audit.actor()
    values: dict[str, Any] = {
        "status": status,
        "reason": reason,
        "automatic": automatic,
        "snooze_until": until if action == "snooze" else None,
    }
    if status in DECIDED:
        values.update(decided_at=now, decided_by=by)
    conn.execute(moderation_item.update().where(moderation_item.c.id == item_id).values(**values))
    effects["before"] = {
        "reason": item.reason,
        "snooze_until": item.snooze_until,
        "automatic": item.automatic,
    }
    result = conn.execute(
        moderation_decision.insert().values(
            item_id=item_id,
            action=action,
            previous_status=item.status,
            status=status,
            reason=reason,
            automatic=automatic,
            decided_at=now,
            decided_by=by,
            effects=json.dumps(effects, ensure_ascii=False),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    audit.record(
        conn,
        f"moderation.{action}",
        "moderation_item",
        item_id,
        {
            "reason": reason,
            "automatic": automatic,
            **{k: v for k, v in effects.items() if k != "before"},
        },
    )
    return Decision(
        int(key[0]), item_id, action, item.status, status, reason, automatic, now, by, effects
    )


def split_name(name: str) -> tuple[str | None, str | None]:
    """(first, last) of a request's name: "DUPONT Jean" and "Jean Dupont" give the same."""
    words = name.split()
    if not words:
        return None, None
    caps = [w for w in words if _CAPS_WORD.match(w)]
    if caps and len(caps) < len(words):
        rest = [w for w in words if not _CAPS_WORD.match(w)]
        return " ".join(rest), " ".join(
            w.capitalize() if "-" not in w else "-".join(p.capitalize() for p in w.split("-"))
            for w in caps
        )
    if len(words) == 1:
        return None, words[0]
    return words[0], " ".join(words[1:])


def _admit(conn: sa.Connection, item: QueueItem, now: str) -> dict[str, Any]:
    """Link the person to the community, creating or completing the member."""
    effects: dict[str, Any] = {}
    member_id = item.matched_member_id if item.match in ("known", "probable") else None
    row = None
    if member_id is not None:
        row = conn.execute(sa.select(member).where(member.c.id == member_id)).mappings().first()
    incoming: dict[str, Any] = {
        "email": (item.email or "").strip() or None,
        "promo": item.promo,
        "school": item.school,
        "linkedin_url": item.profile_url if linkedin_key(item.profile_url) else None,
    }
    if row is None:
        first, last = split_name(item.name)
        values = {k: v for k, v in incoming.items() if v is not None}
        result = conn.execute(
            member.insert().values(
                first_name=first,
                last_name=last,
                sort_name=sort_name(first, last),
                linkedin_key=linkedin_key(values.get("linkedin_url")),
                verification="unverified",
                source="moderation",
                created_at=now,
                updated_at=now,
                **values,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        member_id = int(key[0])
        effects["member_created"] = member_id
        conn.execute(
            moderation_item.update()
            .where(moderation_item.c.id == item.id)
            .values(matched_member_id=member_id)
        )
    else:
        filled = {k: v for k, v in incoming.items() if v is not None and row[k] in (None, "")}
        if filled:
            extra = (
                {"linkedin_key": linkedin_key(filled["linkedin_url"])}
                if "linkedin_url" in filled
                else {}
            )
            conn.execute(
                member.update()
                .where(member.c.id == member_id)
                .values(**filled, **extra, updated_at=now)
            )
            effects["fields_filled"] = sorted(filled)
    effects["member_id"] = member_id
    if item.community_id is not None:
        present = conn.execute(
            sa.select(member_community.c.role).where(
                member_community.c.member_id == member_id,
                member_community.c.community_id == item.community_id,
            )
        ).first()
        if present is None:
            conn.execute(
                member_community.insert().values(
                    member_id=member_id, community_id=item.community_id, role="member"
                )
            )
            effects["membership_added"] = item.community_id
    return effects


def undo(store: Store, decision_id: int) -> Decision:
    """Reverse one decision (the latest one on its item): the item is as it was before."""
    with store.write() as conn:
        return _undo(conn, decision_id)


def undo_last(store: Store) -> Decision | None:
    """Reverse the latest decision not undone yet; None when there is none."""
    with store.write() as conn:
        latest = conn.execute(
            sa.select(moderation_decision.c.id)
            .where(moderation_decision.c.undone_at.is_(None))
            .order_by(moderation_decision.c.id.desc())
            .limit(1)
        ).scalar()
        if latest is None:
            return None
        return _undo(conn, int(latest))


def _decision(row: Any) -> Decision:
    return Decision(
        row.id,
        row.item_id,
        row.action,
        row.previous_status,
        row.status,
        checks.reason_text(row.reason),
        bool(row.automatic),
        row.decided_at,
        row.decided_by,
        json.loads(row.effects or "{}"),
        row.undone_at,
    )


def _undo(conn: sa.Connection, decision_id: int) -> Decision:
    row = conn.execute(
        sa.select(moderation_decision).where(moderation_decision.c.id == decision_id)
    ).first()
    if row is None:
        raise NotFoundError(f"moderation decision {decision_id} does not exist")
    done = _decision(row)
    if done.undone_at is not None:
        raise AmicaleError(f"moderation decision {decision_id} was already undone")
    later = conn.execute(
        sa.select(moderation_decision.c.id).where(
            moderation_decision.c.item_id == done.item_id,
            moderation_decision.c.id > decision_id,
            moderation_decision.c.undone_at.is_(None),
        )
    ).first()
    if later is not None:
        raise AmicaleError("a later decision on this item must be undone first")
    effects = done.effects
    member_id = effects.get("member_id")
    if "membership_added" in effects and member_id is not None:
        conn.execute(
            member_community.delete().where(
                member_community.c.member_id == member_id,
                member_community.c.community_id == effects["membership_added"],
            )
        )
    if "fields_filled" in effects and member_id is not None:
        cleared = {f: None for f in effects["fields_filled"]}
        if "linkedin_url" in cleared:
            cleared["linkedin_key"] = None
        conn.execute(member.update().where(member.c.id == member_id).values(**cleared))
    values: dict[str, Any] = {"status": done.previous_status}
    if "member_created" in effects:
        conn.execute(member.delete().where(member.c.id == effects["member_created"]))
        values["matched_member_id"] = None
    before = effects.get("before", {})
    values.update(
        reason=before.get("reason"),
        snooze_until=before.get("snooze_until"),
        automatic=bool(before.get("automatic", False)),
    )
    if done.status in DECIDED:
        values.update(decided_at=None, decided_by=None)
    conn.execute(
        moderation_item.update().where(moderation_item.c.id == done.item_id).values(**values)
    )
    now = now_iso()
    conn.execute(
        moderation_decision.update()
        .where(moderation_decision.c.id == decision_id)
        .values(undone_at=now)
    )
    audit.record(
        conn,
        "moderation.undo",
        "moderation_item",
        done.item_id,
        {"decision": decision_id, "action": done.action, "automatic": done.automatic},
    )
    return replace(done, undone_at=now)


def decisions(store: Store, limit: int = 200, *, automatic_only: bool = False) -> list[Decision]:
    """The latest decisions first (the log the panel shows)."""
    stmt = sa.select(moderation_decision).order_by(moderation_decision.c.id.desc()).limit(limit)
    if automatic_only:
        stmt = stmt.where(moderation_decision.c.automatic.is_(True))
    with store.read() as conn:
        return [_decision(r) for r in conn.execute(stmt)]


def bulk_approve_known(store: Store, item_ids: Iterable[int] | None = None) -> list[Decision]:
    """Approve every open join request from a known graduate suggested for approval."""
    with store.write() as conn:
        stmt = sa.select(moderation_item.c.id).where(
            moderation_item.c.status.in_(OPEN),
            moderation_item.c.kind == "join",
            moderation_item.c.match == "known",
            moderation_item.c.suggestion == "approve",
        )
        if item_ids is not None:
            stmt = stmt.where(moderation_item.c.id.in_(sorted(set(item_ids))))
        ids = [i for (i,) in conn.execute(stmt.order_by(moderation_item.c.received_at))]
        return [decide_in(conn, i, "approve") for i in ids]


def apply_rules(
    conn: sa.Connection, item_ids: Sequence[int], settings: dict[str, Any]
) -> list[Decision]:
    """The rules the CM turned on, applied to these open items; each decision automatic."""
    auto_approve = bool(settings.get("rules.auto_approve_known"))
    auto_reject = bool(settings.get("rules.auto_reject"))
    if not (auto_approve or auto_reject) or not item_ids:
        return []
    limit = int(settings.get("rules.auto_reject_score", 6))
    made: list[Decision] = []
    rows = conn.execute(
        sa.select(
            moderation_item.c.id,
            moderation_item.c.kind,
            moderation_item.c.match,
            moderation_item.c.suggestion,
            moderation_item.c.score,
        ).where(moderation_item.c.id.in_(sorted(item_ids)), moderation_item.c.status == "pending")
    ).all()
    for item_id, kind, match, suggestion, score in rows:
        if auto_reject and score > limit:
            reason = f"{checks.RULE_SCORE_ABOVE}{limit}"
            made.append(decide_in(conn, item_id, "reject", reason, automatic=True))
        elif auto_approve and kind == "join" and match == "known" and suggestion == "approve":
            made.append(decide_in(conn, item_id, "approve", checks.RULE_KNOWN, automatic=True))
    return made


# --- member verification ---------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ToVerify:
    member_id: int
    name: str
    email: str | None
    promo: int | None
    community: str | None
    approved_at: str


def to_verify(store: Store) -> list[ToVerify]:
    """Members let in through the queue whose degree nobody has checked yet, oldest first."""
    stmt = (
        sa.select(
            member.c.id,
            member.c.first_name,
            member.c.last_name,
            member.c.email,
            member.c.promo,
            community.c.name,
            moderation_item.c.decided_at,
        )
        .select_from(moderation_item)
        .join(member, member.c.id == moderation_item.c.matched_member_id)
        .join(community, community.c.id == moderation_item.c.community_id, isouter=True)
        .where(
            moderation_item.c.kind == "join",
            moderation_item.c.status == "approved",
            member.c.verification == "unverified",
        )
        .order_by(moderation_item.c.decided_at, member.c.id)
    )
    seen: set[int] = set()
    found: list[ToVerify] = []
    with store.read() as conn:
        for member_id, first, last, email, promo, community_name, at in conn.execute(stmt):
            if member_id in seen:
                continue
            seen.add(member_id)
            name = f"{first or ''} {last or ''}".strip() or (email or f"#{member_id}")
            found.append(ToVerify(member_id, name, email, promo, community_name, at or ""))
    return found


def mark_verified(
    store: Store, member_id: int, source: str, on: date | None = None, *, verified: bool = True
) -> None:
    """Mark a member verified (or rejected: not a graduate) with its source and date."""
    if not source.strip():
        raise AmicaleError("say how the degree was checked")
    day = (on or clock.today()).isoformat()
    with store.write() as conn:
        found = conn.execute(sa.select(member.c.id).where(member.c.id == member_id)).first()
        if found is None:
            raise NotFoundError(f"member {member_id} does not exist")
        status = "verified" if verified else "rejected"
        conn.execute(
            member.update()
            .where(member.c.id == member_id)
            .values(
                verification=status,
                verification_source=source.strip(),
                verified_at=day,
                updated_at=now_iso(),
            )
        )
        audit.record(
            conn,
            "verify",
            "member",
            member_id,
            {"verification": status, "source": source, "date": day},
        )


# --- statistics ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Statistics:
    pending: int
    decided: int
    median_hours: float | None  # from receipt to decision
    # (ISO week "2026-W48", community name or None, decisions), newest week first
    per_week: list[tuple[str, str | None, int]]
    automatic: int


def statistics_of(store: Store, now: datetime | None = None) -> Statistics:
    with store.read() as conn:
        pending = conn.execute(
            sa.select(sa.func.count()).where(moderation_item.c.status.in_(OPEN))
        ).scalar_one()
        rows = conn.execute(
            sa.select(
                moderation_item.c.received_at,
                moderation_item.c.decided_at,
                moderation_item.c.automatic,
                community.c.name,
            )
            .join(community, community.c.id == moderation_item.c.community_id, isouter=True)
            .where(moderation_item.c.status.in_(DECIDED), moderation_item.c.decided_at.is_not(None))
        ).all()
    waits: list[float] = []
    weeks: dict[tuple[str, str | None], int] = {}
    automatic = 0
    for received, decided, auto, community_name in rows:
        start, end = datetime.fromisoformat(received), datetime.fromisoformat(decided)
        waits.append(max(0.0, (end - start).total_seconds() / 3600))
        year, week, _ = end.isocalendar()
        key = (f"{year}-W{week:02d}", community_name)
        weeks[key] = weeks.get(key, 0) + 1
        automatic += bool(auto)
    per_week = sorted(
        ((w, c, n) for (w, c), n in weeks.items()), key=lambda r: (r[0], r[1] or ""), reverse=True
    )
    median = statistics.median(waits) if waits else None
    return Statistics(int(pending), len(rows), median, per_week, automatic)


# The signals that choose a post's rejection reply, each with its list of replies.
REPLY_SIGNALS = {
    "spam": "replies.reject.spam",
    "commercial": "replies.reject.commercial",
    "recruiting": "replies.reject.recruiting",
}


def reply_choices(
    kind: str, signals: Sequence[checks.Signal], settings: dict[str, Any]
) -> list[str]:
    """The rejection replies to offer for an item, the most fitting first.

    A join request gets the join replies; a post or comment those of its strongest
    selling, recruiting or spam signal, then the other post replies. The other lists follow,
    so any reply can still be chosen.
    """
    if kind == "join":
        keys = ["replies.reject"]
    else:
        found = sorted((s for s in signals if s.code in REPLY_SIGNALS), key=lambda s: -s.weight)
        keys = [REPLY_SIGNALS[s.code] for s in found] + ["replies.reject.post"]
    keys += [k for k in mod_settings.REPLY_LISTS if k not in keys]
    replies: list[str] = []
    for key in dict.fromkeys(keys):
        for reply in settings.get(key, ()):
            text = str(reply).strip()
            if text and text not in replies:
                replies.append(text)
    return replies


def item_labels(store: Store, item_ids: Iterable[int]) -> dict[int, tuple[str, str]]:
    """Item id → (the name on it, else its email; its kind), for sentences about it."""
    ids = sorted(set(item_ids))
    labels: dict[int, tuple[str, str]] = {}
    with store.read() as conn:
        for start in range(0, len(ids), 500):
            stmt = sa.select(
                moderation_item.c.id,
                moderation_item.c.name,
                moderation_item.c.email,
                moderation_item.c.kind,
            ).where(moderation_item.c.id.in_(ids[start : start + 500]))
            for row in conn.execute(stmt):
                labels[row.id] = ((row.name or "").strip() or row.email or "", row.kind)
    return labels


def describe_members(store: Store, member_ids: Sequence[int]) -> dict[int, str]:
    """Member id → "First Last, class of 2005 · email" for the matched-members list."""
    if not member_ids:
        return {}
    stmt = sa.select(
        member.c.id,
        member.c.first_name,
        member.c.last_name,
        member.c.promo,
        member.c.email,
        member.c.verification,
    ).where(member.c.id.in_(list(member_ids)))
    found: dict[int, str] = {}
    with store.read() as conn:
        for member_id, first, last, promo, email, verification in conn.execute(stmt):
            parts = [f"{first or ''} {last or ''}".strip() or f"#{member_id}"]
            if promo is not None:
                parts.append(str(promo))
            if email:
                parts.append(email)
            if verification == "verified":
                parts.append("✓")
            found[member_id] = " · ".join(parts)
    return found


def member_search_text(store: Store, member_id: int) -> str:
    """What to type in the member search to find this member: the email, else the name."""
    with store.read() as conn:
        row = conn.execute(
            sa.select(member.c.first_name, member.c.last_name, member.c.email).where(
                member.c.id == member_id
            )
        ).first()
    if row is None:
        raise NotFoundError(f"member {member_id} does not exist")
    first, last, email = row
    if email:
        return str(email)
    # Each word is a prefix the free text must match (a quoted phrase would have to sit in one
    # field); characters the search language reads as syntax are dropped.
    words = re.sub(r"[\"():]", " ", f"{first or ''} {last or ''}").split()
    return " ".join(
        w.lstrip("-") for w in words if w.lstrip("-") and w.upper() not in ("OR", "AND", "NOT")
    )


@dataclass
class ModerationState:
    """Everything the Moderation panel shows, read in one call (its worker runs it)."""

    items: list[QueueItem]
    communities: list[tuple[int, str]]
    stats: Statistics
    to_verify: list[ToVerify]
    log: list[Decision]
    settings: dict[str, Any]
    # Item id → (name, kind) of the items in the log, to name them.
    labels: dict[int, tuple[str, str]]


def state(store: Store, include_snoozed: bool = False) -> ModerationState:
    """The queue (with the snoozed items if asked), its communities and statistics, the
    members to verify, the decision log with the names of its items, and the settings."""
    log = decisions(store, 200)
    return ModerationState(
        list_items(store, include_sleeping=include_snoozed),
        communities(store),
        statistics_of(store),
        to_verify(store),
        log,
        mod_settings.load(store),
        item_labels(store, (d.item_id for d in log)),
    )
