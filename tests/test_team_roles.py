"""Roles enforced by the server: every forbidden action tried with a lower role, through
Amicale (one line, exit 1) and through raw SQL as that login (refused by PostgreSQL)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest
import sqlalchemy as sa

from app import cli, team
from app.errors import AmicaleError
from app.members.service import MemberDirectory
from app.store import open_store
from app.store.roles import RoleRefused


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def team_db(pg_url: str, pg_cluster: Any) -> Iterator[dict[str, str]]:
    """A team directory with one member, and a login of each role: name → address."""
    store = open_store(pg_url)
    try:
        MemberDirectory(store).create({"first_name": "Claire", "last_name": "Durand"})
        team.init(store)
        for name, role in (("alice", "animator"), ("marc", "moderator"), ("rita", "reader")):
            team.add_user(store, name, role)
    finally:
        store.close()
    database = pg_url.rsplit("/", 1)[1]
    yield {name: pg_cluster.url(database, user=name) for name in ("alice", "marc", "rita")} | {
        "admin": pg_url
    }
    # Logins are the cluster's, not the database's: remove them for the next test.
    for name in ("alice", "marc", "rita"):
        pg_cluster.admin(f"DROP ROLE IF EXISTS {name}")


def test_users_and_roles(capsys: pytest.CaptureFixture[str], team_db: dict[str, str]) -> None:
    code, out, _ = run(capsys, "--db", team_db["admin"], "team", "users", "--json")
    assert code == 0
    users = json.loads(out)
    assert {u["name"]: u["role"] for u in users}.items() >= {
        "alice": "animator", "marc": "moderator", "rita": "reader",
    }.items()  # fmt: skip
    for name, role in (("alice", "animator"), ("marc", "moderator"), ("rita", "reader")):
        store = open_store(team_db[name])
        try:
            assert team.current_role(store) == role
        finally:
            store.close()


def test_a_reader_can_search_and_read_but_not_write(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, str]
) -> None:
    reader = team_db["rita"]
    assert run(capsys, "--db", reader, "count", "durand")[:2] == (0, "1\n")
    code, out, err = run(capsys, "--db", reader, "member", "set", "1", "city=Lyon")
    assert (code, out) == (1, "")
    assert err == (
        "amicale: your reader role does not allow this change (table member); "
        "ask the team's administrator\n"
    )
    with psycopg.connect(reader) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("UPDATE member SET city = 'Lyon'")
    with psycopg.connect(reader) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute("DELETE FROM audit_event")


def test_a_moderator_verifies_but_does_not_edit_members(team_db: dict[str, str]) -> None:
    store = open_store(team_db["marc"])
    try:
        directory = MemberDirectory(store)
        directory.update(1, {"verification": "verified"})  # allowed: verification only
        assert directory.get(1).values["verification"] == "verified"
        with pytest.raises(RoleRefused) as caught:
            directory.update(1, {"city": "Lyon"})
        # The server refused it (the store only says so in the person's words).
        assert isinstance(caught.value.__cause__, sa.exc.ProgrammingError)
        assert isinstance(caught.value.__cause__.orig, psycopg.errors.InsufficientPrivilege)
        assert caught.value.role == "moderator"
        assert str(caught.value).startswith("your moderator role does not allow this change")
        with pytest.raises(RoleRefused):
            directory.create({"last_name": "Intrus"})
    finally:
        store.close()
    with (
        psycopg.connect(team_db["marc"]) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("INSERT INTO tag (name, name_key) VALUES ('x', 'x')")


def test_an_animator_edits_members_and_tags_but_not_the_queue_or_the_team(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, str]
) -> None:
    animator = team_db["alice"]
    code, out, _ = run(capsys, "--db", animator, "member", "set", "1", "city=Lyon", "tags=Voile")
    assert code == 0 and out.splitlines()[-1] == "2"
    assert run(capsys, "--db", animator, "count", "tag:voile")[:2] == (0, "1\n")
    # Who did it is the server's word, not the client's.
    with psycopg.connect(animator) as conn:
        conn.execute(
            "INSERT INTO audit_event (at, actor, action, entity) VALUES ('x', 'claire', 'a', 'b')"
        )
        actors = [r[0] for r in conn.execute("SELECT actor FROM audit_event ORDER BY id")]
    assert actors[-2:] == ["alice", "alice"]
    with psycopg.connect(animator) as conn, pytest.raises(psycopg.errors.InsufficientPrivilege):
        conn.execute(
            "INSERT INTO moderation_item (kind, status, received_at) VALUES ('join', 'new', 'x')"
        )
    code, out, err = run(capsys, "--db", animator, "team", "add-user", "eve", "--role", "reader")
    assert (code, out) == (1, "") and err.count("\n") == 1 and "Traceback" not in err


def test_refusals_of_team_commands(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, str], tmp_path: Any
) -> None:
    admin = team_db["admin"]
    code, _, err = run(capsys, "--db", admin, "team", "add-user", "Bad-Name", "--role", "reader")
    assert code == 1 and "cannot be a login name" in err
    code, _, err = run(capsys, "--db", admin, "team", "remove-user", "nobody")
    assert code == 1 and err == "amicale: nobody is not in this team\n"
    code, _, err = run(capsys, "--db", str(tmp_path / "solo.sqlite3"), "team", "users")
    assert code == 1 and "not a team directory" in err
    assert run(capsys, "--db", admin, "team", "remove-user", "rita")[0] == 0
    with pytest.raises(AmicaleError):
        store = open_store(admin)
        try:
            team.remove_user(store, "rita")
        finally:
            store.close()


@pytest.mark.parametrize(
    "command",
    [
        ("export", "durand", "-o", "{out}/x.csv"),
        ("export", "-o", "{out}/x.xlsx"),
        ("member", "export-data", "1"),
        ("privacy", "access", "1", "-o", "{out}/lettre.json"),
        ("feed", "-o", "{out}/feed.xml"),
        ("calendar", "-o", "{out}/plan.ics"),
        ("backup", "-o", "{out}/copy.sqlite3"),
    ],
)
def test_a_reader_cannot_export(
    capsys: pytest.CaptureFixture[str],
    team_db: dict[str, str],
    tmp_path: Any,
    command: tuple[str, ...],
) -> None:
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    argv = [part.replace("{out}", str(out_dir)) for part in command]
    code, out, err = run(capsys, "--db", team_db["rita"], *argv)
    assert (code, out) == (1, "")
    assert err == "amicale: your reader role does not allow exporting\n"
    assert list(out_dir.iterdir()) == []  # refused before anything was written
    # An animator may: the same command goes through.
    code, _, err = run(capsys, "--db", team_db["alice"], *argv)
    assert code == 0, err


def test_refused_writes_name_the_role(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, str], tmp_path: Any
) -> None:
    code, out, err = run(capsys, "--db", team_db["marc"], "member", "set", "1", "tags=Voile")
    assert (code, out) == (1, "")
    assert err.startswith("amicale: your moderator role does not allow this change (table ")
    assert err.count("\n") == 1
    requests = tmp_path / "requests.csv"
    requests.write_text("kind,name,email,community\njoin,Paul Martin,paul@example.org,Lyon\n")
    code, out, err = run(capsys, "--db", team_db["alice"], "moderation", "import", str(requests))
    assert (code, out) == (1, "")
    assert err.startswith("amicale: your animator role does not allow this change (table ")
    # The administrator adds it to the queue; the animator may not decide what is in it.
    code, _, err = run(capsys, "--db", team_db["admin"], "moderation", "import", str(requests))
    assert code == 0, err
    store = open_store(team_db["alice"])
    try:
        from app.moderation import queue

        [item] = queue.list_items(store)
        with pytest.raises(RoleRefused) as caught:
            queue.decide(store, item.id, "approve")
        assert str(caught.value).startswith("your animator role does not allow this change")
    finally:
        store.close()
    for who, role in (("alice", "animator"), ("marc", "moderator"), ("rita", "reader")):
        code, out, err = run(
            capsys, "--db", team_db[who], "team", "add-user", "eve", "--role", "reader"
        )
        assert (code, out) == (1, "")
        assert err == f"amicale: your {role} role does not allow managing the team's people\n"
        code, _, err = run(capsys, "--db", team_db[who], "team", "remove-user", "rita")
        assert code == 1 and "managing the team's people" in err


def test_the_allowed_actions_table() -> None:
    from app import permissions

    assert permissions.why_not("administrator", permissions.TEAM) is None
    assert permissions.why_not("animator", permissions.EXPORT) is None
    assert str(permissions.why_not("reader", permissions.EXPORT)) == (
        "your reader role does not allow exporting"
    )
    for role in team.ROLES:
        for action in permissions.ACTIONS:
            refused = permissions.why_not(role, action)
            assert (refused is None) == permissions.allows(role, action)
            if refused is not None:
                assert f"your {role} role" in refused
