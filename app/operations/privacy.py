"""Operations of the privacy duties: consent answers, erasure, requests, retention, register.

Erasure cannot be undone (that is its point): it returns no undo, so the window's history
before it is dropped too.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

import sqlalchemy as sa

from app.members import gdpr
from app.messages import QT_TRANSLATE_NOOP
from app.operations.core import Changes, Operation, Outcome, operation
from app.privacy import consent, documents, requests, retention
from app.store import Store
from app.store.schema import member, member_consent


def _rows(store: Store, member_id: int, purposes: Sequence[str]) -> list[dict[str, Any]]:
    with store.read() as conn:
        return [
            dict(r)
            for r in conn.execute(
                sa.select(member_consent).where(
                    member_consent.c.member_id == member_id,
                    member_consent.c.purpose.in_(list(purposes)),
                )
            ).mappings()
        ]


@operation("member.consent", QT_TRANSLATE_NOOP("Operations", "Record consent"))
def record_consent(
    store: Store,
    member_id: int,
    given: Mapping[str, bool | None],
    source: str,
    wording: Mapping[str, str | None] | None = None,
) -> Outcome[dict[str, consent.Answer]]:
    """Record the answers; undone by putting back the answers as they were."""
    before = _rows(store, member_id, list(given))
    with store.read() as conn:
        flag = conn.execute(
            sa.select(member.c.consent, member.c.consent_at).where(member.c.id == member_id)
        ).first()
    answers = consent.set_answers(store, member_id, given, source, wording)
    undo = Operation(
        "member.consent.restore",
        {
            "member_id": member_id,
            "purposes": list(given),
            "rows": before,
            "newsletter": [bool(flag[0]), flag[1]] if flag is not None else None,
        },
    )
    return Outcome(answers, Changes(member_ids=frozenset({member_id}), privacy=True), undo)


@operation("member.consent.restore", QT_TRANSLATE_NOOP("Operations", "Record consent"))
def restore_consent(
    store: Store,
    member_id: int,
    purposes: list[str],
    rows: list[dict[str, Any]],
    newsletter: list[Any] | None = None,
) -> Outcome[None]:
    """Put back the answers of ``purposes`` exactly as they were (the undo of a record)."""
    now = _rows(store, member_id, purposes)
    with store.read() as conn:
        flag = conn.execute(
            sa.select(member.c.consent, member.c.consent_at).where(member.c.id == member_id)
        ).first()
    with store.write() as conn:
        conn.execute(
            member_consent.delete().where(
                member_consent.c.member_id == member_id, member_consent.c.purpose.in_(purposes)
            )
        )
        consent.restore_answers(conn, rows)
        if "newsletter" in purposes and newsletter is not None:
            conn.execute(
                member.update()
                .where(member.c.id == member_id)
                .values(consent=bool(newsletter[0]), consent_at=newsletter[1])
            )
    redo = Operation(
        "member.consent.restore",
        {
            "member_id": member_id,
            "purposes": purposes,
            "rows": now,
            "newsletter": [bool(flag[0]), flag[1]] if flag is not None else None,
        },
    )
    return Outcome(None, Changes(member_ids=frozenset({member_id}), privacy=True), redo)


@operation("members.erase", QT_TRANSLATE_NOOP("Operations", "Delete permanently"))
def erase_members(store: Store, ids: Sequence[int]) -> Outcome[list[int]]:
    """The erasure of `amicale member erase`, for each member; it cannot be undone."""
    erased = []
    for member_id in ids:
        gdpr.erase_member(store, int(member_id))
        erased.append(int(member_id))
    changes = Changes(
        member_ids=frozenset(erased), tags=True, duplicates=True, moderation=True, privacy=True
    )
    return Outcome(erased, changes, None)


@operation("privacy.request", QT_TRANSLATE_NOOP("Operations", "Log a request"))
def log_request(
    store: Store, member_id: int, kind: str, received_on: str | None = None, note: str = ""
) -> Outcome[int]:
    day = date.fromisoformat(received_on) if received_on else None
    request_id = requests.log_request(store, member_id, kind, day, note)
    return Outcome(request_id, Changes(privacy=True), None)


@operation("privacy.answer", QT_TRANSLATE_NOOP("Operations", "Mark a request answered"))
def answer_request(store: Store, request_id: int, answered_on: str | None = None) -> Outcome[None]:
    requests.answer(store, request_id, date.fromisoformat(answered_on) if answered_on else None)
    return Outcome(None, Changes(privacy=True), None)


@operation("privacy.retention", QT_TRANSLATE_NOOP("Operations", "Change a retention rule"))
def set_retention(store: Store, status: str, years: int | None) -> Outcome[None]:
    before = retention.rules(store).get(status)
    retention.set_rule(store, status, years)
    undo = Operation("privacy.retention", {"status": status, "years": before})
    return Outcome(None, Changes(privacy=True), undo)


@operation("privacy.register", QT_TRANSLATE_NOOP("Operations", "Edit the register"))
def save_register(store: Store, text: str | None) -> Outcome[None]:
    before = documents.saved_register(store)
    documents.save_register(store, text)
    return Outcome(None, Changes(privacy=True), Operation("privacy.register", {"text": before}))
