"""A team's people and roles, enforced by the PostgreSQL server itself.

A desktop client is not trusted: each animator logs in as their own PostgreSQL login, member
of one of four group roles of the team directory, and what that role may do is what the
server GRANTs it. An animator opening psql with their login can do no more than in Amicale.

- administrator: everything, and the team's people (the login that ran `team init`);
- animator: members, tags, segments, posts, channels, newsletters, imports, exports;
- moderator: the moderation queue (approving a join request admits the person: members of
  the queue's making only), and a member's verification; reads the directory;
- reader: reads (exporting is refused by app.permissions: the server cannot tell a read
  from an export).

A login may be limited to some communities (``add_user(…, communities=…)``): rows of
``team_scope`` that the row-level security policies of migration 0014 read.

The group roles are named after the database (``amicale_lyon_reader``…), so two
directories on one server keep their teams apart.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app import permissions
from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store, roles
from app.store.schema import community, metadata, team_scope
from app.text import fold

ROLES = roles.ROLES
_NAME = re.compile(r"^[a-z][a-z0-9_]{0,40}$")

# What each role may write (all may read every table).
_MODERATION_TABLES = {"moderation_item", "moderation_decision", "moderation_setting"}
_VERIFICATION_COLUMNS = ("verification", "verification_source", "verified_at", "updated_at")
# What a moderator's approval fills in on a member it admits (app.moderation.queue._admit).
_ADMISSION_COLUMNS = ("email", "promo", "school", "linkedin_url", "linkedin_key")

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
T_NO_COMMUNITY = QT_TRANSLATE_NOOP("Messages", "there is no community named '{0}' (known: {1})")


@dataclass(frozen=True)
class TeamUser:
    name: str
    role: str
    communities: tuple[str, ...] = ()  # the communities it is limited to; () for all

    def as_json(self) -> dict[str, Any]:
        return {"name": self.name, "role": self.role, "communities": list(self.communities)}


def _require_team(store: Store) -> None:
    if not store.is_team:
        raise AmicaleError(Message(T_NOT_A_TEAM))


def _prefix(store: Store) -> str:
    assert store.url is not None
    return roles.prefix(store.url)


def _existing_roles(conn: sa.Connection, store: Store) -> set[str]:
    """The directory's group roles the server has (none before `team init`)."""
    assert store.url is not None
    return roles.existing_roles(conn, store.url)


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
    permissions.require(store, permissions.TEAM)
    statements: list[str] = []
    # applied_operation: a replica's sync writes its operation ids as the person who made
    # them (the change log itself is written by its trigger, with its owner's rights).
    tables = [t.name for t in metadata.sorted_tables] + [
        "member_fts", "alembic_version", "applied_operation"
    ]  # fmt: skip
    writable = {
        "administrator": set(tables),
        "animator": set(tables) - _MODERATION_TABLES - {"alembic_version", "team_scope"},
        "moderator": _MODERATION_TABLES | {"audit_event", "applied_operation"},
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
        columns = ", ".join(_VERIFICATION_COLUMNS + _ADMISSION_COLUMNS)
        statements.append(f"GRANT UPDATE ({columns}) ON member TO {moderator}")
        # Approving a join request admits the person: a member created (or completed) by
        # the queue and linked to the community; its undo takes them out again. Only the
        # members the queue created: policies restricting the moderators alone.
        statements.append(f"GRANT INSERT, DELETE ON member, member_community TO {moderator}")
        statements.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {moderator}")
        for name, command, clause in (
            ("member_moderator_add", "INSERT", "WITH CHECK"),
            ("member_moderator_remove", "DELETE", "USING"),
        ):
            statements.append(f"DROP POLICY IF EXISTS {name} ON member")
            statements.append(
                f"CREATE POLICY {name} ON member AS RESTRICTIVE FOR {command} TO {moderator} "
                f"{clause} (source = 'moderation')"
            )
        statements.append(
            f"GRANT {_q(group_role(store, 'administrator'))} TO CURRENT_USER WITH ADMIN OPTION"
        )
        # The triggers that keep the search words and the counts run with their owner's
        # rights, whoever writes: migration 0014 (postgres.SECURITY_DEFINER_FUNCTIONS).
        for statement in statements:
            conn.exec_driver_sql(statement)
    return statements


def add_user(
    store: Store,
    name: str,
    role: str,
    password: str | None = None,
    communities: Sequence[str] = (),
) -> str:
    """A new login in ``role``, limited to ``communities`` when some are named (row-level
    security: migration 0014); returns its password (made up when not given)."""
    _require_team(store)
    permissions.require(store, permissions.TEAM)
    _check_name(name)
    _check_role(role)
    secret = password or secrets.token_urlsafe(12)
    import psycopg.sql as pgsql

    with store.write() as conn:
        ids = _community_ids(conn, communities)
        raw = conn.connection.dbapi_connection
        assert raw is not None
        statement = pgsql.SQL("CREATE ROLE {} LOGIN PASSWORD {} IN ROLE {}").format(
            pgsql.Identifier(name), pgsql.Literal(secret), pgsql.Identifier(group_role(store, role))
        )
        raw.cursor().execute(statement)
        conn.execute(team_scope.delete().where(team_scope.c.login == name))  # an old login's
        if ids:
            conn.execute(team_scope.insert(), [{"login": name, "community_id": i} for i in ids])
    return secret


def _community_ids(conn: sa.Connection, names: Sequence[str]) -> list[int]:
    """The ids of the communities named (as the search's ``community:`` folds them)."""
    ids: list[int] = []
    for given in names:
        found = conn.execute(
            sa.select(community.c.id).where(community.c.name_key == fold(given).strip())
        ).scalar()
        if found is None:
            known = conn.execute(sa.select(community.c.name).order_by(community.c.name_key))
            listed = ", ".join(known.scalars()) or "-"
            raise AmicaleError(Message(T_NO_COMMUNITY, given, listed))
        if found not in ids:
            ids.append(int(found))
    return ids


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
        limits: dict[str, list[str]] = {}
        for login, name in conn.execute(
            sa.select(team_scope.c.login, community.c.name)
            .join(community, community.c.id == team_scope.c.community_id)
            .order_by(team_scope.c.login, community.c.name_key)
        ):
            limits.setdefault(login, []).append(name)
    prefix = _prefix(store)
    return [
        TeamUser(member_name, group[len(prefix) :], tuple(limits.get(member_name, ())))
        for member_name, group in rows
    ]


def remove_user(store: Store, name: str) -> None:
    _require_team(store)
    permissions.require(store, permissions.TEAM)
    _check_name(name)
    team = {u.name: u.role for u in users(store)}
    if name not in team:
        raise AmicaleError(Message(T_NOT_IN_TEAM, name))
    if team[name] == "administrator" and list(team.values()).count("administrator") == 1:
        raise AmicaleError(Message(T_LAST_ADMIN, name))
    with store.write() as conn:
        conn.execute(team_scope.delete().where(team_scope.c.login == name))
        conn.exec_driver_sql(f"DROP ROLE {_q(name)}")


def current_role(store: Store) -> str:
    """The connected person's role: "administrator" on a file (one person, all rights)."""
    return roles.current_role(store)


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
