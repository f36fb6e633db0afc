"""A member's rights: a copy of everything we hold on them, and erasure."""

from __future__ import annotations

import json
from typing import Any

import sqlalchemy as sa

from app import __version__, audit
from app.clock import now_iso
from app.errors import NotFoundError
from app.members.service import MemberDirectory
from app.store import Store
from app.store.schema import (
    audit_event,
    birthday_wish,
    member,
    newsletter_recipient,
    newsletter_send,
)


def export_member_data(store: Store, member_id: int) -> dict[str, Any]:
    """Everything the store holds about one member, as plain JSON-able data (logged)."""
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
    }


def erase_member(store: Store, member_id: int) -> None:
    """Delete the member and their links for good (secure_delete overwrites the pages).

    The audit log keeps that an erasure happened, never what was erased.
    """
    with store.write() as conn:
        deleted = conn.execute(member.delete().where(member.c.id == member_id)).rowcount
        if not deleted:
            raise NotFoundError(f"member {member_id} does not exist")
        # The newsletter log keeps addresses without a foreign key: erase them explicitly.
        conn.execute(
            newsletter_recipient.delete().where(newsletter_recipient.c.member_id == member_id)
        )
        conn.execute(
            audit_event.update()
            .where(audit_event.c.entity == "member", audit_event.c.entity_id == member_id)
            .values(detail=None)
        )
        audit.record(conn, "erase", "member", member_id)
