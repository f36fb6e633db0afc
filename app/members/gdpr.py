"""A member's rights: a copy of everything we hold on them, and erasure."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from app import __version__, audit, permissions
from app.clock import now_iso, today
from app.errors import NotFoundError
from app.members.service import MemberDirectory
from app.privacy import consent, requests
from app.store import Store
from app.store.schema import (
    audit_event,
    birthday_wish,
    duplicate_candidate,
    member,
    moderation_decision,
    moderation_item,
    newsletter_recipient,
    newsletter_send,
    privacy_request,
)
from app.store.sqlite import fts_purge


def export_member_data(store: Store, member_id: int) -> dict[str, Any]:
    """Everything the store holds about one member, as plain JSON-able data (logged)."""
    permissions.require(store, permissions.EXPORT)
    found = MemberDirectory(store).get(member_id)
    with store.write() as conn:
        events = [
            {
                "at": at,
                "action": action,
                "by": actor,
                "detail": json.loads(detail) if detail else None,
            }
            for at, action, actor, detail in conn.execute(
                sa.select(
                    audit_event.c.at,
                    audit_event.c.action,
                    audit_event.c.actor,
                    audit_event.c.detail,
                )
                .where(audit_event.c.entity == "member", audit_event.c.entity_id == member_id)
                .order_by(audit_event.c.id)
            )
        ]
        wishes = [
            {"year": year, "channel": channel, "wished_at": at}
            for year, channel, at in conn.execute(
                sa.select(birthday_wish.c.year, birthday_wish.c.channel, birthday_wish.c.wished_at)
                .where(birthday_wish.c.member_id == member_id)
                .order_by(birthday_wish.c.year)
            )
        ]
        newsletters = [
            {"subject": subject, "email": email, "state": state, "sent_at": at, "error": error}
            for subject, email, state, at, error in conn.execute(
                sa.select(
                    newsletter_send.c.subject,
                    newsletter_recipient.c.email,
                    newsletter_recipient.c.state,
                    newsletter_recipient.c.sent_at,
                    newsletter_recipient.c.error,
                )
                .join(newsletter_send, newsletter_send.c.id == newsletter_recipient.c.send_id)
                .where(newsletter_recipient.c.member_id == member_id)
                .order_by(newsletter_send.c.id)
            )
        ]
        consents = [
            {
                "purpose": a.purpose,
                "given": a.granted,
                "source": a.source,
                "at": a.at,
                "wording": a.wording,
            }
            for a in consent.read_answers(conn, member_id).values()
        ]
        asked = [
            {"kind": kind, "received_on": received, "answered_on": answered}
            for kind, received, answered in conn.execute(
                sa.select(
                    privacy_request.c.kind,
                    privacy_request.c.received_on,
                    privacy_request.c.answered_on,
                )
                .where(privacy_request.c.member_id == member_id)
                .order_by(privacy_request.c.id)
            )
        ]
        audit.record(conn, "export-data", "member", member_id)
    return {
        "exported_at": now_iso(),
        "exported_by": f"Amicale {__version__}",
        "member": {"id": found.id, **found.values},
        "tags": found.tags,
        "communities": [{"name": n, "role": r} for n, r in found.communities],
        "history": events,
        "birthday_wishes": wishes,
        "newsletters": newsletters,
        "consents": sorted(consents, key=lambda c: str(c["purpose"])),
        "requests": asked,
    }


def erase_member(store: Store, member_id: int) -> None:
    """Delete the member and every trace of who they were, for good.

    Gone with them: their links, wishes and queued import rows (cascades), the newsletter
    log's addresses, the details of audit events about them or naming them (an export's
    search, say: the events stay, without the identity), the moderation items they sent
    (kept as decisions, without name, address or text), and the words of the text index
    (merged away). secure_delete overwrites the freed pages, and the WAL is emptied after.
    """
    with store.write() as conn:
        row = conn.execute(sa.select(member).where(member.c.id == member_id)).mappings().first()
        if row is None:
            raise NotFoundError(f"member {member_id} does not exist")
        traces = identity_traces(row)
        conn.execute(member.delete().where(member.c.id == member_id))
        # The newsletter log keeps addresses without a foreign key: erase them explicitly.
        conn.execute(
            newsletter_recipient.delete().where(newsletter_recipient.c.member_id == member_id)
        )
        conn.execute(
            audit_event.update()
            .where(audit_event.c.entity == "member", audit_event.c.entity_id == member_id)
            .values(detail=None)
        )
        _forget_elsewhere(conn, member_id, row["email"], traces)
        # The request log keeps its dates, by number only; an open erasure request is met.
        conn.execute(
            privacy_request.update()
            .where(privacy_request.c.member_id == member_id)
            .values(note=None)
        )
        requests.mark_answered(
            conn,
            sa.and_(privacy_request.c.member_id == member_id, privacy_request.c.kind == "erasure"),
            today(),
        )
        fts_purge(conn)
        audit.record(conn, "erase", "member", member_id)
    store.checkpoint()


def identity_traces(row: Any) -> list[str]:
    """The texts that identify a member, as they may be found elsewhere in the store."""
    first, last = (row["first_name"] or "").strip(), (row["last_name"] or "").strip()
    found = [f"{first} {last}".strip(), f"{last} {first}".strip(), row["email"], row["phone"]]
    found += [row["linkedin_url"], *(name for name in (first, last) if len(name) >= 4)]
    return sorted({t for t in found if t and len(t.strip()) >= 4}, key=len, reverse=True)


def _mentions(column: sa.ColumnElement[Any], traces: list[str]) -> sa.ColumnElement[bool]:
    folded = sa.func.lower(column)
    return sa.or_(*(folded.contains(t.lower(), autoescape=True) for t in traces))


def _forget_elsewhere(
    conn: sa.Connection, member_id: int, email: str | None, traces: list[str]
) -> None:
    if not traces:
        return
    conn.execute(
        audit_event.update().where(_mentions(audit_event.c.detail, traces)).values(detail=None)
    )
    sent = sa.or_(
        moderation_item.c.matched_member_id == member_id,
        *([sa.func.lower(moderation_item.c.email) == email.lower()] if email else []),
        _mentions(moderation_item.c.name, traces),
    )
    items = [i for (i,) in conn.execute(sa.select(moderation_item.c.id).where(sent))]
    if items:
        conn.execute(
            moderation_item.update()
            .where(moderation_item.c.id.in_(items))
            .values(name="", email=None, profile_url=None, text="", text_key="", signals="[]")
        )
        conn.execute(
            moderation_decision.update()
            .where(moderation_decision.c.item_id.in_(items))
            .values(effects=None)
        )
    # Rows another import queued as maybe this person (under another member).
    conn.execute(
        duplicate_candidate.delete().where(_mentions(duplicate_candidate.c.incoming, traces))
    )
