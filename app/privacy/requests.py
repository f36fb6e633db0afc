"""Requests from the people themselves: access to their file, erasure; a month to answer.

The GDPR (art. 12.3) gives one month from the day a request is received; the deadline is
that day of the next month (or its last day: a request of 31 January is due 28 February).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from app import audit, clock
from app.errors import AmicaleError, NotFoundError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.schema import member, privacy_request

KINDS = ("access", "erasure")


@dataclass(frozen=True)
class Request:
    id: int
    member_id: int
    kind: str
    received_on: date
    answered_on: date | None
    note: str | None
    # The member's name while they are in the directory (None once erased).
    name: str | None

    @property
    def due_on(self) -> date:
        return deadline(self.received_on)

    def days_left(self, today: date) -> int:
        return (self.due_on - today).days

    def as_json(self, today: date) -> dict[str, object]:
        return {
            "id": self.id,
            "member_id": self.member_id,
            "kind": self.kind,
            "received_on": self.received_on.isoformat(),
            "due_on": self.due_on.isoformat(),
            "answered_on": self.answered_on.isoformat() if self.answered_on else None,
            "days_left": None if self.answered_on else self.days_left(today),
        }


def deadline(received: date) -> date:
    year, month = (
        (received.year + 1, 1) if received.month == 12 else (received.year, received.month + 1)
    )
    return date(year, month, min(received.day, calendar.monthrange(year, month)[1]))


def log_request(
    store: Store, member_id: int, kind: str, received_on: date | None = None, note: str = ""
) -> int:
    """Record a request received (today unless said); its id."""
    if kind not in KINDS:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "unknown request '{0}' (one of: {1})"),
                kind,
                ", ".join(KINDS),
            )
        )
    day = received_on or clock.today()
    if day > clock.today():
        raise AmicaleError(
            Message(QT_TRANSLATE_NOOP("Messages", "a request cannot be received in the future"))
        )
    with store.write() as conn:
        if conn.execute(sa.select(member.c.id).where(member.c.id == member_id)).first() is None:
            raise NotFoundError(f"member {member_id} does not exist")
        result = conn.execute(
            privacy_request.insert().values(
                member_id=member_id,
                kind=kind,
                received_on=day.isoformat(),
                note=" ".join(note.split())[:2000] or None,
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        request_id = int(key[0])
        audit.record(conn, f"{kind}-request", "member", member_id, {"request": request_id})
    return request_id


def answer(store: Store, request_id: int, answered_on: date | None = None) -> None:
    """Mark a request answered (today unless said)."""
    day = answered_on or clock.today()
    with store.write() as conn:
        row = conn.execute(
            sa.select(privacy_request.c.member_id, privacy_request.c.received_on).where(
                privacy_request.c.id == request_id
            )
        ).first()
        if row is None:
            raise NotFoundError(f"request {request_id} does not exist")
        if day < date.fromisoformat(row[1]):
            raise AmicaleError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "an answer cannot come before the request ({0})"),
                    row[1],
                )
            )
        mark_answered(conn, privacy_request.c.id == request_id, day)
        audit.record(conn, "request-answered", "member", row[0], {"request": request_id})


def mark_answered(conn: sa.Connection, which: sa.ColumnElement[bool], day: date) -> None:
    conn.execute(
        privacy_request.update()
        .where(which, privacy_request.c.answered_on.is_(None))
        .values(answered_on=day.isoformat())
    )


def list_requests(
    store: Store, *, open_only: bool = False, member_id: int | None = None
) -> list[Request]:
    """The requests, the closest deadline first (the open ones before the answered ones)."""
    name = sa.func.trim(
        sa.func.coalesce(member.c.first_name, "") + " " + sa.func.coalesce(member.c.last_name, "")
    )
    stmt = sa.select(privacy_request, name.label("name")).join(
        member, member.c.id == privacy_request.c.member_id, isouter=True
    )
    if open_only:
        stmt = stmt.where(privacy_request.c.answered_on.is_(None))
    if member_id is not None:
        stmt = stmt.where(privacy_request.c.member_id == member_id)
    stmt = stmt.order_by(
        privacy_request.c.answered_on.is_not(None),
        privacy_request.c.received_on,
        privacy_request.c.id,
    )
    with store.read() as conn:
        rows = conn.execute(stmt).mappings().all()
    return [
        Request(
            r["id"],
            r["member_id"],
            r["kind"],
            date.fromisoformat(r["received_on"]),
            date.fromisoformat(r["answered_on"]) if r["answered_on"] else None,
            r["note"],
            r["name"] or None,
        )
        for r in rows
    ]


def answer_open(store: Store, member_id: int, kind: str) -> int:
    """Mark the member's open requests of ``kind`` answered today (a copy of their data was
    just made, say); how many were."""
    with store.write() as conn:
        result = conn.execute(
            privacy_request.update()
            .where(
                privacy_request.c.member_id == member_id,
                privacy_request.c.kind == kind,
                privacy_request.c.answered_on.is_(None),
            )
            .values(answered_on=clock.today().isoformat())
        )
        count = int(result.rowcount or 0)
        if count:
            audit.record(conn, "request-answered", "member", member_id, {"kind": kind})
    return count
