"""Logins limited to some communities (`team add-user --community`): the server's
row-level security shows them only those communities' moderation queue, through Amicale and
through raw SQL as that login, and they cannot widen their own scope."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import psycopg
import pytest

from app import cli, team
from app.errors import NotFoundError
from app.members.service import MemberDirectory
from app.moderation import intake, queue
from app.store import open_store
from app.store.postgres import SECURITY_DEFINER_FUNCTIONS
from app.store.roles import RoleRefused

LOGINS = ("marc", "paul", "anne", "alice")


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def team_db(
    pg_url: str, pg_cluster: Any, capsys: pytest.CaptureFixture[str]
) -> Iterator[dict[str, Any]]:
    """Three queued requests (Amicale Lyon, Amicale Paris, no community); marc moderates
    Lyon only, paul every community, anne is a second administrator, alice an animator of
    Lyon."""
    store = open_store(pg_url)
    try:
        MemberDirectory(store).create({"first_name": "Claire", "last_name": "Durand"})
        intake.add_items(
            store,
            [
                intake.NewItem("join", "Léa Martin", "lea@example.org", community="Amicale Lyon"),
                intake.NewItem("join", "Hugo Petit", "hugo@example.org", community="Amicale Paris"),
                intake.NewItem("post", "Spam Bot", "bot@example.org", text="Achetez !"),
            ],
        )
        ids = {item.email: item.id for item in queue.list_items(store)}
        team.init(store)
    finally:
        store.close()
    admin = pg_url
    assert run(capsys, "--db", admin, "team", "add-user", "marc", "--role", "moderator",
               "--community", "amicale lyon")[0] == 0  # fmt: skip
    assert run(capsys, "--db", admin, "team", "add-user", "paul", "--role", "moderator")[0] == 0
    assert run(capsys, "--db", admin, "team", "add-user", "anne", "--role", "administrator")[0] == 0
    assert run(capsys, "--db", admin, "team", "add-user", "alice", "--role", "animator",
               "--community", "Amicale Lyon")[0] == 0  # fmt: skip
    database = pg_url.rsplit("/", 1)[1]
    urls = {name: pg_cluster.url(database, user=name) for name in LOGINS}
    yield {"admin": admin, **urls, "lyon": ids["lea@example.org"],
           "paris": ids["hugo@example.org"], "none": ids["bot@example.org"]}  # fmt: skip
    for name in LOGINS:
        pg_cluster.admin(f"DROP ROLE IF EXISTS {name}")


def test_users_show_each_logins_communities(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, Any]
) -> None:
    code, out, _ = run(capsys, "--db", team_db["admin"], "team", "users", "--json")
    assert code == 0
    found = {u["name"]: u for u in json.loads(out)}
    assert found["marc"] == {"name": "marc", "role": "moderator", "communities": ["Amicale Lyon"]}
    assert found["paul"]["communities"] == []
    code, out, _ = run(capsys, "--db", team_db["admin"], "team", "users")
    lines = dict(line.split("\t", 1) for line in out.splitlines())
    assert lines["marc"] == "moderator\tAmicale Lyon"
    assert lines["paul"] == "moderator\tall communities"


def test_an_unknown_community_is_refused_and_no_login_is_made(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, Any]
) -> None:
    code, out, err = run(capsys, "--db", team_db["admin"], "team", "add-user", "eve",
                         "--role", "moderator", "--community", "Nowhere")  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        "amicale: there is no community named 'Nowhere' (known: Amicale Lyon, Amicale Paris)\n"
    )
    code, out, _ = run(capsys, "--db", team_db["admin"], "team", "users", "--json")
    assert "eve" not in {u["name"] for u in json.loads(out)}


def test_a_moderator_of_lyon_sees_and_decides_only_lyon(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, Any]
) -> None:
    code, out, _ = run(capsys, "--db", team_db["marc"], "moderation", "list", "--json")
    assert code == 0
    assert [(i["id"], i["community"]) for i in json.loads(out)] == [
        (team_db["lyon"], "Amicale Lyon")
    ]
    store = open_store(team_db["marc"])
    try:
        with pytest.raises(NotFoundError):
            queue.decide(store, team_db["paris"], "reject", "spam")
        with pytest.raises(NotFoundError):
            queue.decide(store, team_db["none"], "reject")
        decided = queue.decide(store, team_db["lyon"], "info", "votre promo ?")
        assert decided.item_id == team_db["lyon"]
        assert [d.item_id for d in queue.decisions(store)] == [team_db["lyon"]]
        # An item for another community cannot be added to the queue either.
        with pytest.raises(RoleRefused) as caught:
            intake.add_items(
                store, [intake.NewItem("join", "Zoé", "zoe@example.org", community="Amicale Paris")]
            )
        assert str(caught.value) == (
            "your moderator role does not allow this change (table moderation_item); "
            "ask the team's administrator"
        )
    finally:
        store.close()
    # The others still see everything: an unlimited moderator, a second administrator.
    for who in ("paul", "anne"):
        code, out, _ = run(capsys, "--db", team_db[who], "moderation", "list", "--json")
        assert {i["id"] for i in json.loads(out)} == {
            team_db["lyon"], team_db["paris"], team_db["none"]
        }  # fmt: skip
    # An animator limited to Lyon sees Lyon's queue only (and still may not decide it).
    code, out, _ = run(capsys, "--db", team_db["alice"], "moderation", "list", "--json")
    assert [i["id"] for i in json.loads(out)] == [team_db["lyon"]]


def test_raw_sql_as_the_limited_login_cannot_see_decide_or_widen(team_db: dict[str, Any]) -> None:
    lyon, paris = team_db["lyon"], team_db["paris"]
    with psycopg.connect(team_db["marc"], autocommit=True) as conn:
        seen = [r[0] for r in conn.execute("SELECT id FROM moderation_item ORDER BY id")]
        assert seen == [lyon]
        changed = conn.execute(
            "UPDATE moderation_item SET status = 'rejected' WHERE id = %s", (paris,)
        )
        assert changed.rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # moving it out of scope
            conn.execute(
                "UPDATE moderation_item SET community_id = "
                "(SELECT community_id FROM moderation_item WHERE id = %s) WHERE id = %s",
                (paris, lyon),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE moderation_item SET community_id = NULL WHERE id = %s", (lyon,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO moderation_decision (item_id, action, previous_status, status, "
                "decided_at, decided_by) VALUES (%s, 'reject', 'pending', 'rejected', 'x', 'm')",
                (paris,),
            )
        # Its own scope: it reads it, it cannot widen it nor remove it.
        assert conn.execute("SELECT count(*) FROM team_scope WHERE login = 'marc'").fetchone() == (
            1,
        )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO team_scope (login, community_id) SELECT 'marc', id FROM community"
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM team_scope WHERE login = 'marc'")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("ALTER TABLE moderation_item DISABLE ROW LEVEL SECURITY")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DROP POLICY moderation_item_scope ON moderation_item")
        # SET ROLE to another group does not change who the policies see (session_user).
        assert conn.execute("SELECT count(*) FROM moderation_item").fetchone() == (1,)
    # The animator limited to Lyon cannot widen it either (its writes reach most tables).
    with (
        psycopg.connect(team_db["alice"], autocommit=True) as conn,
        pytest.raises(psycopg.errors.InsufficientPrivilege),
    ):
        conn.execute("DELETE FROM team_scope")
    # The administrator sees every item and decision.
    with psycopg.connect(team_db["admin"]) as conn:
        assert conn.execute("SELECT count(*) FROM moderation_item").fetchone() == (3,)


def test_trigger_functions_that_write_run_as_their_owner_with_a_fixed_path(
    team_db: dict[str, Any],
) -> None:
    with psycopg.connect(team_db["admin"]) as conn:
        rows = conn.execute(
            "SELECT p.proname, p.prosecdef, coalesce(array_to_string(p.proconfig, ','), ''), "
            "p.prosrc FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace "
            "WHERE n.nspname = 'public' AND p.prorettype = 'trigger'::regtype"
        ).fetchall()
    definers = {f.removesuffix("()") for f in SECURITY_DEFINER_FUNCTIONS}
    definers.add("amicale_log_change")  # the change log's (0016), created SECURITY DEFINER
    writers = set()
    for name, secdef, config, source in rows:
        text = source.lower()
        if "insert into" in text or "update " in text or "delete from" in text:
            writers.add(name)
            assert secdef, f"{name} writes other tables: it must be SECURITY DEFINER"
            assert "search_path=pg_catalog, public, pg_temp" in config, name
    assert writers == definers
    # A moderator's verification fires the search-words trigger (another table) and is
    # audited under the moderator's login, not the functions' owner.
    with psycopg.connect(team_db["marc"]) as conn:
        conn.execute("UPDATE member SET verification = 'verified' WHERE id = 1")
        conn.execute(
            "INSERT INTO audit_event (at, actor, action, entity) VALUES ('x', 'root', 'a', 'b')"
        )
        conn.commit()
        actor = conn.execute("SELECT actor FROM audit_event ORDER BY id DESC LIMIT 1").fetchone()
    assert actor == ("marc",)


def test_the_directorys_owner_is_not_limited(pg_cluster: Any) -> None:
    """No FORCE ROW LEVEL SECURITY: the owner of the tables (the first administrator, who
    ran the migrations) sees every community even with a scope row of its own."""
    pg_cluster.admin("CREATE ROLE owner_claire LOGIN")
    pg_cluster.admin("CREATE DATABASE owned OWNER owner_claire")
    try:
        pg_cluster.admin("CREATE EXTENSION unaccent; CREATE EXTENSION pg_trgm", database="owned")
        url = pg_cluster.url("owned", user="owner_claire")
        store = open_store(url)
        try:
            intake.add_items(
                store,
                [
                    intake.NewItem("join", "Léa", "lea@example.org", community="Amicale Lyon"),
                    intake.NewItem("join", "Hugo", "hugo@example.org", community="Amicale Paris"),
                ],
            )
        finally:
            store.close()
        with psycopg.connect(url) as conn:
            conn.execute(
                "INSERT INTO team_scope (login, community_id) "
                "SELECT 'owner_claire', id FROM community WHERE name = 'Amicale Lyon'"
            )
            conn.commit()
            assert conn.execute("SELECT count(*) FROM moderation_item").fetchone() == (2,)
            assert conn.execute("SELECT amicale_in_scope(NULL)").fetchone() == (False,)
    finally:
        pg_cluster.admin("DROP DATABASE IF EXISTS owned WITH (FORCE)")
        pg_cluster.admin("DROP ROLE IF EXISTS owner_claire")


def _member_in(store: Any, last_name: str, community_name: str | None) -> int:
    import sqlalchemy as sa

    from app.store.schema import community, member_community

    created = MemberDirectory(store).create({"first_name": "Jo", "last_name": last_name})
    if community_name is not None:
        with store.write() as conn:
            found = conn.execute(
                sa.select(community.c.id).where(community.c.name == community_name)
            ).scalar_one()
            conn.execute(member_community.insert().values(member_id=created, community_id=found))
    return int(created)


def test_an_animator_of_lyon_changes_only_lyons_members(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, Any]
) -> None:
    admin = open_store(team_db["admin"])
    try:
        lyon = _member_in(admin, "Lyonnais", "Amicale Lyon")
        paris = _member_in(admin, "Parisien", "Amicale Paris")
    finally:
        admin.close()
    alice = team_db["alice"]
    # It reads the whole directory.
    assert run(capsys, "--db", alice, "count")[:2] == (0, "3\n")
    for member_id in (lyon, 1):  # one of Lyon, one in no community yet
        code, _, err = run(capsys, "--db", alice, "member", "set", str(member_id), "city=Lyon")
        assert code == 0, err
    code, out, err = run(capsys, "--db", alice, "member", "set", str(paris), "city=Lyon")
    assert (code, out) == (1, "")
    assert err == (
        "amicale: your animator role does not allow this change (table member); "
        "ask the team's administrator\n"
    )
    code, _, err = run(capsys, "--db", alice, "member", "set", str(paris), "tags=Voile")
    assert code == 1 and "your animator role does not allow this change" in err
    with psycopg.connect(alice, autocommit=True) as conn:
        assert conn.execute("DELETE FROM member WHERE id = %s", (paris,)).rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):  # bringing it into Lyon
            conn.execute(
                "INSERT INTO member_community (member_id, community_id) "
                "SELECT %s, community_id FROM member_community WHERE member_id = %s",
                (paris, lyon),
            )
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE member SET notes = 'x' WHERE id = %s", (paris,))
        assert conn.execute("DELETE FROM member_tag WHERE member_id = %s", (paris,)).rowcount == 0
        assert conn.execute("SELECT count(*) FROM member").fetchone() == (3,)
    # An animator not limited (the administrator here) changes anyone.
    assert run(capsys, "--db", team_db["admin"], "member", "set", str(paris), "city=Paris")[0] == 0


def test_a_moderator_admits_and_takes_back_a_request_of_its_community(
    team_db: dict[str, Any],
) -> None:
    store = open_store(team_db["marc"])
    try:
        decided = queue.decide(store, team_db["lyon"], "approve")
        admitted = MemberDirectory(store).get(decided.effects["member_created"])
        assert admitted.display_name.startswith("Léa")
        assert [name for name, _ in admitted.communities] == ["Amicale Lyon"]
        queue.undo(store, decided.id)
        with pytest.raises(NotFoundError):
            MemberDirectory(store).get(admitted.id)
    finally:
        store.close()
    # Through psql: members of its own making only, neither created nor deleted otherwise.
    with psycopg.connect(team_db["marc"], autocommit=True) as conn:
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO member (first_name, last_name, sort_name, source, created_at, "
                "updated_at) VALUES ('In', 'Trus', 'trus', 'import', 'x', 'x')"
            )
        assert conn.execute("DELETE FROM member WHERE id = 1").rowcount == 0
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE member SET city = 'Lyon' WHERE id = 1")


def test_the_migration_goes_down_and_up_on_a_team_directory(
    capsys: pytest.CaptureFixture[str], team_db: dict[str, Any]
) -> None:
    from app.store import migrations

    store = open_store(team_db["admin"])
    try:
        migrations.downgrade(store.engine, "0013")
    finally:
        store.close()
    with psycopg.connect(team_db["admin"]) as conn:
        secured = conn.execute(
            "SELECT relname FROM pg_class WHERE relrowsecurity AND relkind = 'r'"
        ).fetchall()
        assert secured == []
        assert conn.execute("SELECT to_regclass('team_scope')").fetchone() == (None,)
        definer = conn.execute(
            "SELECT prosecdef FROM pg_proc WHERE proname = 'member_community_counts_add'"
        ).fetchone()
        assert definer == (False,)
    # Up again (the directory's team already set up): its roles read the new table at once.
    open_store(team_db["admin"]).close()
    code, out, err = run(capsys, "--db", team_db["paul"], "team", "users", "--json")
    assert code == 0, err
    assert {u["name"]: u["communities"] for u in json.loads(out)}["marc"] == []  # limits gone
    code, out, _ = run(capsys, "--db", team_db["marc"], "moderation", "list", "--json")
    assert len(json.loads(out)) == 3


def test_the_window_of_a_moderator_of_lyon_lists_lyons_queue(
    qtbot: Any, team_db: dict[str, Any]
) -> None:
    from ui.main_window import MainWindow
    from ui.settings import UiSettings
    from ui.workers import Job

    store = open_store(team_db["marc"])
    window = MainWindow(store, UiSettings(), None)
    qtbot.addWidget(window)
    try:
        panel = window.moderation
        window.show_panel(panel)
        qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
        assert panel.model.item_at(0).id == team_db["lyon"]
        assert panel.approve_button.toolTip() == ""  # a moderator decides: nothing greyed
    finally:
        Job.cancel_all_and_wait()
        window.close()
        store.close()
