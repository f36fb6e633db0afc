"""Consent per purpose: one answer per member and purpose, with its source, date and wording.

The newsletter is sent on consent alone; so is sharing with partner schools. Being listed in
the directory other alumni see and being invited to events rest on the association's
legitimate interest: everyone may be included unless they objected. An export or a send "for
a purpose" keeps what that purpose allows and says how many it left out.

The newsletter's answer is mirrored in ``member.consent`` / ``consent_at`` (the board's index,
the newsletter and the import read it there); `record` keeps both in step, and the member
service and the import record an answer whenever they change that flag.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Literal

import sqlalchemy as sa

from app import audit
from app.clock import now_iso
from app.errors import AmicaleError, NotFoundError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.schema import member, member_consent

Basis = Literal["consent", "interest"]


@dataclass(frozen=True)
class Purpose:
    key: str
    # Translated in the "Privacy" context.
    title: str
    basis: Basis
    # What the person is shown when asked (the CM may change it when recording an answer).
    wording: str
    # Search words for consent:/objected: (folded), the key first.
    words: tuple[str, ...]


PURPOSES: tuple[Purpose, ...] = (
    Purpose(
        "newsletter",
        QT_TRANSLATE_NOOP("Privacy", "Newsletter"),
        "consent",
        QT_TRANSLATE_NOOP("Privacy", "I agree to receive the association's newsletter by email."),
        ("newsletter", "lettre", "infolettre"),
    ),
    Purpose(
        "directory",
        QT_TRANSLATE_NOOP("Privacy", "Directory visible to other alumni"),
        "interest",
        QT_TRANSLATE_NOOP(
            "Privacy",
            "My name, class year and professional details appear in the directory other "
            "alumni can consult.",
        ),
        ("directory", "annuaire"),
    ),
    Purpose(
        "events",
        QT_TRANSLATE_NOOP("Privacy", "Event invitations"),
        "interest",
        QT_TRANSLATE_NOOP("Privacy", "I agree to be invited to the association's events."),
        ("events", "evenements", "invitations"),
    ),
    Purpose(
        "partners",
        QT_TRANSLATE_NOOP("Privacy", "Sharing with partner schools"),
        "consent",
        QT_TRANSLATE_NOOP(
            "Privacy",
            "I agree that my contact details be shared with the school and its partner schools.",
        ),
        ("partners", "partenaires", "ecoles"),
    ),
)
BY_KEY: dict[str, Purpose] = {p.key: p for p in PURPOSES}
# Folded search word → purpose key.
WORDS: dict[str, str] = {w: p.key for p in PURPOSES for w in p.words}

# Sources the program writes itself (the window names them); anything else is the CM's words.
SOURCES = {
    "card": QT_TRANSLATE_NOOP("Privacy", "member card"),
    "command-line": QT_TRANSLATE_NOOP("Privacy", "command line"),
    "import": QT_TRANSLATE_NOOP("Privacy", "import"),
    "migration": QT_TRANSLATE_NOOP("Privacy", "recorded before consent per purpose"),
    "edit": QT_TRANSLATE_NOOP("Privacy", "edit of the newsletter consent"),
    "demo": QT_TRANSLATE_NOOP("Privacy", "sample association"),
}
MAX_TEXT = 2000


@dataclass(frozen=True)
class Answer:
    purpose: str
    granted: bool
    source: str
    at: str
    wording: str | None


def purpose(key: str) -> Purpose:
    found = BY_KEY.get(key)
    if found is None:
        known = ", ".join(BY_KEY)
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "unknown purpose '{0}' (one of: {1})"), key, known
            )
        )
    return found


def answers(store: Store, member_id: int) -> dict[str, Answer]:
    """The member's recorded answers by purpose (a purpose missing: never asked)."""
    with store.read() as conn:
        return read_answers(conn, member_id)


def read_answers(conn: sa.Connection, member_id: int) -> dict[str, Answer]:
    rows = conn.execute(
        sa.select(
            member_consent.c.purpose,
            member_consent.c.granted,
            member_consent.c.source,
            member_consent.c.at,
            member_consent.c.wording,
        ).where(member_consent.c.member_id == member_id)
    )
    return {p: Answer(p, bool(g), s, at, w) for p, g, s, at, w in rows}


def record(
    conn: sa.Connection,
    member_ids: Iterable[int],
    given: Mapping[str, bool | None],
    source: str,
    wording: Mapping[str, str | None] | None = None,
    at: str | None = None,
    *,
    mirror: bool = True,
    log: bool = True,
) -> None:
    """Record each purpose's answer (True given, False refused, None: forget the answer,
    back to never asked) for ``member_ids``, in the caller's transaction.

    ``mirror`` False: the caller writes ``member.consent`` itself (the member service, the
    import), so the newsletter's flag is not written twice; ``log`` False: the caller's own
    audit event covers it (an import).
    """
    ids = list(member_ids)
    source = " ".join(source.split())[:MAX_TEXT]
    if not ids or not given:
        return
    if not source:
        raise AmicaleError(
            Message(QT_TRANSLATE_NOOP("Messages", "say where the answer comes from (its source)"))
        )
    stamp = at or now_iso()
    for key, granted in given.items():
        purpose(key)
        text = ((wording or {}).get(key) or "").strip()[:MAX_TEXT] or None
        for chunk in _chunks(ids):
            # Delete then insert: one portable upsert for SQLite and PostgreSQL.
            conn.execute(
                member_consent.delete().where(
                    member_consent.c.member_id.in_(chunk), member_consent.c.purpose == key
                )
            )
            if granted is not None:
                conn.execute(
                    member_consent.insert(),
                    [
                        {
                            "member_id": m,
                            "purpose": key,
                            "granted": granted,
                            "source": source,
                            "at": stamp,
                            "wording": text,
                        }
                        for m in chunk
                    ],
                )
            if key == "newsletter" and mirror:
                conn.execute(
                    member.update()
                    .where(member.c.id.in_(chunk))
                    .values(
                        consent=bool(granted),
                        consent_at=stamp if granted else None,
                        updated_at=now_iso(),
                    )
                )
    if not log:
        return
    detail: dict[str, Any] = {
        "purposes": {k: v for k, v in given.items()},
        "source": source,
    }
    if len(ids) == 1:
        audit.record(conn, "consent", "member", ids[0], detail)
    else:
        audit.record(conn, "consent", "member", None, {**detail, "ids": ids})


def set_answers(
    store: Store,
    member_id: int,
    given: Mapping[str, bool | None],
    source: str,
    wording: Mapping[str, str | None] | None = None,
) -> dict[str, Answer]:
    """Record answers for one member (the card, `amicale privacy consent`); the new answers."""
    with store.write() as conn:
        exists = conn.execute(sa.select(member.c.id).where(member.c.id == member_id)).first()
        if exists is None:
            raise NotFoundError(f"member {member_id} does not exist")
        record(conn, [member_id], given, source, wording)
        return read_answers(conn, member_id)


def restore_answers(conn: sa.Connection, rows: list[dict[str, Any]]) -> None:
    """Put back answers as they were (the undo of a deletion)."""
    if rows:
        conn.execute(member_consent.insert(), rows)


def granted(key: str) -> sa.ColumnElement[bool]:
    """Members who gave their consent for ``key`` (a condition on ``member``)."""
    if key == "newsletter":
        return member.c.consent.is_(True)
    return member.c.id.in_(_with(key, True))


def objected(key: str) -> sa.ColumnElement[bool]:
    """Members who refused or withdrew it."""
    return member.c.id.in_(_with(key, False))


def never_asked(key: str | None = None) -> sa.ColumnElement[bool]:
    """Members with no answer for ``key`` (for no purpose at all when None).

    NOT EXISTS probes the answers' primary key (member first) once per member: at a
    million members a third of the time of NOT IN, which builds the whole set first.
    """
    answered = sa.exists().where(member_consent.c.member_id == member.c.id)
    if key is not None:
        answered = answered.where(member_consent.c.purpose == key)
    condition: sa.ColumnElement[bool] = ~answered
    if key in (None, "newsletter"):
        # A newsletter consent the mirror holds without a row (older data) is an answer.
        condition = sa.and_(member.c.consent.is_(False), condition)
    return condition


def allowed(key: str) -> sa.ColumnElement[bool]:
    """Who a use for ``key`` may include: consent purposes, those who gave it; interest
    purposes, everyone but those who objected."""
    if BY_KEY[key].basis == "consent":
        return granted(key)
    return sa.not_(objected(key))


def _with(key: str, value: bool) -> sa.Select[Any]:
    return sa.select(member_consent.c.member_id).where(
        member_consent.c.purpose == key, member_consent.c.granted.is_(value)
    )


def _chunks(items: list[int], size: int = 500) -> Iterable[list[int]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


@dataclass(frozen=True)
class Excluded:
    """Who a use for a purpose left out of a search's members."""

    objected: int
    never_asked: int

    @property
    def total(self) -> int:
        return self.objected + self.never_asked


def excluded(conn: sa.Connection, key: str, among: sa.ColumnElement[bool]) -> Excluded:
    """How many of the members matching ``among`` a use for ``key`` leaves out, and why."""

    def count(condition: sa.ColumnElement[bool]) -> int:
        stmt = sa.select(sa.func.count()).select_from(member).where(among, condition)
        return int(conn.execute(stmt).scalar_one())

    refused = count(objected(key))
    unasked = count(never_asked(key)) if BY_KEY[key].basis == "consent" else 0
    return Excluded(refused, unasked)


def merge_answers(conn: sa.Connection, keep_id: int, drop_id: int) -> list[str]:
    """Before ``drop_id`` is merged into ``keep_id``: its answers the kept member lacks, or
    gave later, become the kept member's, so an objection is never lost in a merge. The
    newsletter follows the merge's own rule (it never turns consent on): only a later
    refusal moves. Returns the purposes taken."""
    keep, drop = read_answers(conn, keep_id), read_answers(conn, drop_id)
    taken = []
    for key, answer in drop.items():
        mine = keep.get(key)
        if mine is not None and mine.at >= answer.at:
            continue
        if key == "newsletter" and answer.granted:
            continue
        record(
            conn,
            [keep_id],
            {key: answer.granted},
            answer.source,
            {key: answer.wording},
            answer.at,
            log=False,  # the merge's event lists them
        )
        taken.append(key)
    return taken
