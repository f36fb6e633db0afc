"""Retention: how long a member of each status is kept without news, and the worklist.

A rule says "lost touch for 10 years → propose erasure". Nothing is erased by a rule: the
worklist lists who it reaches and the CM erases from it, one person or a selection at a
time, through the same erasure as `amicale member erase`.

"Without news" is measured from the later of the last change to the member's file and the
last contact recorded; both are ISO texts ("2016-03-01…"), compared as text on either engine.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa

from app import audit, clock
from app.errors import AmicaleError
from app.members import fields
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.schema import member, retention_rule

STATUSES = fields.BY_NAME["status"].values
MAX_YEARS = 100


@dataclass(frozen=True)
class Due:
    """A member a rule reaches: who, their status, and since when there has been no news."""

    member_id: int
    first_name: str
    last_name: str
    status: str
    last_news: str  # "YYYY-MM-DD"
    years: int  # the rule's


def rules(store: Store) -> dict[str, int]:
    """Status → years without news; a status without a rule is kept as long as it lasts."""
    with store.read() as conn:
        return {s: int(y) for s, y in conn.execute(sa.select(retention_rule))}


def set_rule(store: Store, status: str, years: int | None) -> None:
    """Set (or, with None, remove) the rule of ``status``."""
    if status not in STATUSES:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "unknown status '{0}' (one of: {1})"),
                status,
                ", ".join(STATUSES),
            )
        )
    if years is not None and not 1 <= years <= MAX_YEARS:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "a retention period is 1 to {0} years, not {1}"),
                MAX_YEARS,
                years,
            )
        )
    with store.write() as conn:
        conn.execute(retention_rule.delete().where(retention_rule.c.status == status))
        if years is not None:
            conn.execute(retention_rule.insert().values(status=status, years=years))
        audit.record(conn, "retention-rule", "setting", None, {"status": status, "years": years})


def cutoff(today: date, years: int) -> str:
    """The day ``years`` years before ``today`` (29 February → 28 February)."""
    try:
        return today.replace(year=today.year - years).isoformat()
    except ValueError:
        return today.replace(year=today.year - years, day=28).isoformat()


def _last_news() -> sa.ColumnElement[str]:
    contacted = member.c.last_contacted_at
    return sa.case(
        (sa.and_(contacted.is_not(None), contacted > member.c.updated_at), contacted),
        else_=member.c.updated_at,
    )


def worklist(store: Store, today: date | None = None, limit: int | None = None) -> list[Due]:
    """The members the rules propose for erasure, the longest without news first."""
    day = today or clock.today()
    found = rules(store)
    if not found:
        return []
    news = _last_news()
    reached = sa.or_(
        *(
            sa.and_(member.c.status == status, news < cutoff(day, years))
            for status, years in found.items()
        )
    )
    stmt = (
        sa.select(
            member.c.id,
            member.c.first_name,
            member.c.last_name,
            member.c.status,
            news.label("news"),
        )
        .where(reached)
        .order_by(news, member.c.id)
        .limit(limit)
    )
    with store.read() as conn:
        return [
            Due(i, first or "", last or "", status, str(at)[:10], found[status])
            for i, first, last, status, at in conn.execute(stmt)
        ]
