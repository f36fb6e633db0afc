"""A team's people and roles, enforced by the PostgreSQL server itself.

A desktop client is not trusted: each animator logs in as their own PostgreSQL login, member
of one of four group roles of the team directory, and what that role may do is what the
server GRANTs it. An animator opening psql with their login can do no more than in Amicale.

- administrator: everything, and the team's people (the login that ran `team init`);
- animator: members, tags, segments, posts, channels, newsletters, imports, exports;
- moderator: the moderation queue, and a member's verification only; reads the directory;
- reader: reads (the window hides exporting; the server cannot tell a read from an export).

The group roles are named after the database (``amicale_lyon_reader``…), so two
directories on one server keep their teams apart.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.schema import metadata

ROLES = ("administrator", "animator", "moderator", "reader")
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")

# What each role may write (all may read every table).
_MODERATION_TABLES = {"moderation_item", "moderation_decision", "moderation_setting"}
_VERIFICATION_COLUMNS = ("verification", "verification_source", "verified_at", "updated_at")

T_NOT_A_TEAM = QT_TRANSLATE_NOOP(
    "Messages", "this is a data file, not a team directory: team commands need postgresql://…"
)
T_BAD_NAME = QT_TRANSLATE_NOOP(
    "Messages",
    "'{0}' cannot be a login name: lower-case letters, digits and _, starting with a letter",
)
T_BAD_ROLE = QT_TRANSLATE_NOOP("Messages", "'{0}' is not a role (known: {1})")
T_NOT_IN_TEAM = QT_TRANSLATE_NOOP("Messages", "{0} is not in this team")
T_LAST_ADMIN = QT_TRANSLATE_NOOP("Messages", "{0} is the team's only administrator")


@dataclass(frozen=True)
class TeamUser:
    name: str
    role: str

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role}


def _require_team(store: Store) -> None:
    if not store.is_team:
        raise AmicaleError(Message(T_NOT_A_TEAM))


def _prefix(store: Store) -> str:
    assert store.url is not None and store.url.database
    return "amicale_" + re.sub(r"[^a-z0-9_]", "_", store.url.database.lower()) + "_"


def _existing_roles(conn: sa.Connection, store: Store) -> set[str]:
    """The directory's group roles the server has (none before `team init`)."""
    found = conn.execute(
        sa.text("SELECT rolname FROM pg_roles WHERE rolname LIKE :p"),
        {"p": _prefix(store) + "%"},
    ).scalars()
    return set(found)


def group_role(store: Store, role: str) -> str:
    return _prefix(store) + role


def _check_name(name: str) -> str:
    if not _NAME.match(name):
        raise AmicaleError(Message(T_BAD_NAME, name))
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise AmicaleError(Message(T_BAD_ROLE, role, ", ".join(ROLES)))
    return role


def _q(name: str) -> str:
    """A role or table name, checked by _NAME or taken from the schema: quoted, not bound
    (DDL takes no parameters)."""
    return '"' + name.replace('"', '""') + '"'


def init(store: Store) -> list[str]:
    """Create the four group roles and their grants; the connecting login becomes
    administrator. Idempotent: running it again brings the grants up to date."""
    _require_team(store)
    statements: list[str] = []
    tables = [t.name for t in metadata.sorted_tables] + ["member_fts", "alembic_version"]
    writable = {
        "administrator": set(tables),
        "animator": set(tables) - _MODERATION_TABLES - {"alembic_version"},
        "moderator": _MODERATION_TABLES | {"audit_event"},
        "reader": set(),
    }
    with store.write() as conn:
        existing = _existing_roles(conn, store)
        for role in ROLES:
            group = group_role(store, role)
            if group not in existing:
                statements.append(f"CREATE ROLE {_q(group)} NOLOGIN")
        statements.append("REVOKE ALL ON ALL TABLES IN SCHEMA public FROM PUBLIC")
        for role in ROLES:
            group = _q(group_role(store, role))
            statements.append(f"GRANT USAGE ON SCHEMA public TO {group}")
            statements.append(f"REVOKE ALL ON ALL TABLES IN SCHEMA public FROM {group}")
            statements.append(f"GRANT SELECT ON ALL TABLES IN SCHEMA public TO {group}")
            for table in sorted(writable[role]):
                statements.append(f"GRANT INSERT, UPDATE, DELETE ON {_q(table)} TO {group}")
            if writable[role]:
                statements.append(
                    f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {group}"
                )
        moderator = _q(group_role(store, "moderator"))
        columns = ", ".join(_VERIFICATION_COLUMNS)
        statements.append(f"GRANT UPDATE ({columns}) ON member TO {moderator}")
        statements.append(
            f"GRANT {_q(group_role(store, 'administrator'))} TO CURRENT_USER WITH ADMIN OPTION"
        )
        # The triggers keep the search words and the tag counts whoever writes a member or
        # a link: they run with their owner's rights, not the writer's.
        for function in ("member_fts_sync()", "member_tag_count_add()",
                         "member_tag_count_remove()", "member_tag_count_move()"):  # fmt: skip
            statements.append(f"ALTER FUNCTION {function} SECURITY DEFINER")
        for statement in statements:
            conn.exec_driver_sql(statement)
    return statements


def add_user(store: Store, name: str, role: str, password: str | None = None) -> str:
    """A new login in ``role``; returns its password (made up when not given)."""
    _require_team(store)
    _check_name(name)
    _check_role(role)
    secret = password or secrets.token_urlsafe(12)
    import psycopg.sql as pgsql

    with store.write() as conn:
        raw = conn.connection.dbapi_connection
        assert raw is not None
        statement = pgsql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            pgsql.Identifier(name), pgsql.Literal(secret), pgsql.Identifier(group_role(store, role))
        )
        raw.cursor().execute(statement)
    return secret


def users(store: Store) -> list[TeamUser]:
    _require_team(store)
    with store.read() as conn:
        rows = conn.execute(
            sa.text(
                "SELECT m.rolname, g.rolname FROM pg_auth_members a "
                "JOIN pg_roles g ON g.oid = a.roleid JOIN pg_roles m ON m.oid = a.member "
                "WHERE g.rolname LIKE :p AND m.rolcanlogin ORDER BY m.rolname"
            ),
            {"p": _prefix(store) + "%"},
        ).all()
    prefix = _prefix(store)
    return [TeamUser(member_name, group[len(prefix) :]) for member_name, group in rows]


def remove_user(store: Store, name: str) -> None:
    _require_team(store)
    _check_name(name)
    team = {u.name: u.role for u in users(store)}
    if name not in team:
        raise AmicaleError(Message(T_NOT_IN_TEAM, name))
    if team[name] == "administrator" and list(team.values()).count("administrator") == 1:
        raise AmicaleError(Message(T_LAST_ADMIN, name))
    with store.write() as conn:
        conn.exec_driver_sql(f"DROP ROLE {_q(name)}")


def current_role(store: Store) -> str:
    """The connected person's role: "administrator" on a file (one person, all rights)."""
    if not store.is_team:
        return "administrator"
    with store.read() as conn:
        existing = _existing_roles(conn, store)
        for role in ROLES:
            if group_role(store, role) not in existing:
                continue  # `team init` not run yet: no roles, the owner does everything
            has = conn.execute(
                sa.text("SELECT pg_has_role(current_user, :r, 'MEMBER')"),
                {"r": group_role(store, role)},
            ).scalar()
            if has:
                return role
        owner = conn.execute(
            sa.text("SELECT pg_get_userbyid(datdba) = current_user FROM pg_database "
                    "WHERE datname = current_database()")
        ).scalar()  # fmt: skip
    return "administrator" if owner else "reader"


def try_connection(text: str, password: str = "") -> tuple[str, str]:
    """Open the team directory at ``text`` once (creating its tables if it is new): where it
    is and the person's role there. For the window's "Connect to a team directory…"."""
    from app.errors import StoreError
    from app.store import address, open_store

    where = address.locate(text)
    if not isinstance(where, sa.URL):
        raise StoreError(Message(address.T_UNKNOWN_SCHEME, text.split(":", 1)[0] + ":"))
    store = open_store(where.set(password=password) if password else where)
    try:
        return store.describe(), current_role(store)
    finally:
        store.close()


# --- moving a directory: a team store as a solo file, and a solo file onto the server --------

T_EXPORT_EXISTS = QT_TRANSLATE_NOOP(
    "Messages", "{0} already exists: give the team export the name of a new file"
)
T_NOT_EMPTY = QT_TRANSLATE_NOOP(
    "Messages",
    "the team directory {0} is not empty ({1} members, {2} tags, {3} posts): a data file is "
    "copied onto an empty directory only",
)
T_SOLO_ONLY = QT_TRANSLATE_NOOP(
    "Messages", "{0} is a team directory, not a data file: team import copies a data file"
)


def export_to_file(store: Store, target: Path) -> dict[str, int]:
    """The team directory as a new solo store at ``target`` (the same rows, verified): a
    team can leave its server and go back to one person's file. Returns rows per table."""
    from app import files
    from app.store.copy import backup_to_file, verify_copy

    _require_team(store)
    if target.exists() or target.is_symlink():
        raise AmicaleError(Message(T_EXPORT_EXISTS, str(target)))
    files.check_output(target)
    # Written beside it under another name, then renamed: no half file under ``target``.
    partial = target.with_name(f".{target.name}.part")
    for extra in ("", "-wal", "-shm"):
        Path(f"{partial}{extra}").unlink(missing_ok=True)
    try:
        counts = backup_to_file(store, partial)
        from app.store import open_store

        copy = open_store(partial)
        try:
            verify_copy(counts, copy)
        finally:
            copy.close()
        partial.replace(target)
    finally:
        for extra in ("", "-wal", "-shm"):
            Path(f"{partial}{extra}").unlink(missing_ok=True)
    return counts


def import_from_file(
    store: Store, source: Path | str, passphrase: str | None = None
) -> dict[str, int]:
    """Copy the solo store ``source`` onto the empty team directory ``store``, in one
    transaction, then verify every table's rows. Returns rows per table."""
    from app import files
    from app.store import address, open_store
    from app.store.copy import copy_store, verify_copy
    from app.store.schema import member, post, tag

    _require_team(store)
    where = address.locate(source)
    if isinstance(where, sa.URL):
        raise AmicaleError(Message(T_SOLO_ONLY, address.display(where)))
    source = where
    files.check_input(source)
    with store.read() as conn:
        found = [
            int(conn.execute(sa.select(sa.func.count()).select_from(t)).scalar() or 0)
            for t in (member, tag, post)
        ]
    if any(found):
        raise AmicaleError(Message(T_NOT_EMPTY, store.describe(), *map(str, found)))
    solo = open_store(source, passphrase=passphrase)  # an older file is upgraded (backed up)
    try:
        counts = copy_store(solo, store)
    finally:
        solo.close()
    verify_copy(counts, store)
    return counts
