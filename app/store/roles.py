"""The connected person's team role, and the server's refusals said in their words.

A team directory's four group roles are named after its database
(``amicale_lyon_reader``…); `app.team` creates them, this module only reads them, so that
the store itself can turn the server's "permission denied" (SQLSTATE 42501, which
PostgreSQL also gives a row that row-level security refuses) into one sentence naming the
role, wherever the write came from.
"""

from __future__ import annotations

import re
from typing import Protocol

import sqlalchemy as sa

from app.errors import StoreError
from app.messages import QT_TRANSLATE_NOOP, Message


class Store(Protocol):
    """What is read here of an app.store.Store (which catches the refusals: no import of
    it here, no circle)."""

    engine: sa.Engine
    url: sa.URL | None
    role_cache: str | None

    @property
    def is_team(self) -> bool: ...


ROLES = ("administrator", "animator", "moderator", "reader")
INSUFFICIENT_PRIVILEGE = "42501"

# One sentence a role (the role's name is inflected differently in French).
T_REFUSED = {
    "administrator": QT_TRANSLATE_NOOP(
        "Messages",
        "your administrator role does not allow this change ({0}); check the team's set-up",
    ),
    "animator": QT_TRANSLATE_NOOP(
        "Messages",
        "your animator role does not allow this change ({0}); ask the team's administrator",
    ),
    "moderator": QT_TRANSLATE_NOOP(
        "Messages",
        "your moderator role does not allow this change ({0}); ask the team's administrator",
    ),
    "reader": QT_TRANSLATE_NOOP(
        "Messages",
        "your reader role does not allow this change ({0}); ask the team's administrator",
    ),
}


class RoleRefused(StoreError):
    """The person's role does not allow what was asked (nothing was changed)."""

    def __init__(self, message: str, role: str) -> None:
        super().__init__(message)
        self.role = role


def prefix(url: sa.URL) -> str:
    assert url.database
    return "amicale_" + re.sub(r"[^a-z0-9_]", "_", url.database.lower()) + "_"


def group_role(url: sa.URL, role: str) -> str:
    return prefix(url) + role


def existing_roles(conn: sa.Connection, url: sa.URL) -> set[str]:
    """The directory's group roles the server has (none before `team init`)."""
    found = conn.execute(
        sa.text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"), {"p": prefix(url) + "%"}
    ).scalars()
    return set(found)


def role_of(conn: sa.Connection, url: sa.URL) -> str:
    """The role of the login ``conn`` runs as (session_user: a SECURITY DEFINER function
    would otherwise answer for its owner)."""
    existing = existing_roles(conn, url)
    for role in ROLES:
        if group_role(url, role) not in existing:
            continue  # `team init` not run yet: no roles, the owner does everything
        has = conn.execute(
            sa.text("SELECT pg_has_role(session_user, :r, 'MEMBER')"),
            {"r": group_role(url, role)},
        ).scalar()
        if has:
            return role
    owner = conn.execute(
        sa.text("SELECT pg_get_userbyid(datdba) = session_user FROM pg_database "
                "WHERE datname = current_database()")
    ).scalar()  # fmt: skip
    return "administrator" if owner else "reader"


def current_role(store: Store) -> str:
    """The connected person's role: "administrator" on a file (one person, all rights).
    Asked of the server once per open store."""
    if not store.is_team:
        return "administrator"
    if store.role_cache is None:
        assert store.url is not None
        # Not store.read(): a refusal met here must not be turned into a sentence that asks
        # for the role again.
        with store.engine.connect() as conn:
            store.role_cache = role_of(conn, store.url)
    return store.role_cache


def is_refusal(exc: BaseException) -> bool:
    """The server refused for lack of rights (a GRANT or a row-level security policy)."""
    orig = getattr(exc, "orig", exc)
    return getattr(orig, "sqlstate", None) == INSUFFICIENT_PRIVILEGE


def refused_object(exc: BaseException) -> str:
    """What the server refused ("table member"), from its message."""
    text = str(getattr(exc, "orig", exc))
    match = re.search(r"permission denied for (\w+ [\w.]+)", text)
    if match:
        return match.group(1)
    match = re.search(r'row-level security policy for table "?([\w.]+)', text)
    if match:
        return "table " + match.group(1)
    match = re.search(r"permission denied to (\w+ \w+)", text)  # "to create role"
    return match.group(1) if match else "permission denied"


def refusal(store: Store, exc: BaseException) -> RoleRefused:
    """The server's refusal ``exc`` as one sentence naming the person's role."""
    try:
        role = current_role(store)
    except Exception:  # the server is gone meanwhile: the sentence without the role
        from app.failures import T_NOT_ALLOWED

        return RoleRefused(Message(T_NOT_ALLOWED, refused_object(exc)), "")
    return RoleRefused(Message(T_REFUSED[role], refused_object(exc)), role)
