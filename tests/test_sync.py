"""Working offline: one team server, two replicas in tmp_path, edits on both sides while a
replica cannot reach its server (its address pointed at a port nobody listens on), then
syncs in both orders; every conflict case; replays; the server's roles on replayed edits."""

from __future__ import annotations

import contextlib
import json
import socket
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app import cli, sync, team
from app.errors import AmicaleError, StoreError
from app.members.service import MemberDirectory
from app.operations import Operation, run
from app.store import Store, open_store
from app.store.schema import applied_operation, change_log, outbox, replica
from app.tags import create as create_tag


def _dead_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture
def server(pg_url: str) -> Iterator[Store]:
    store = open_store(pg_url)
    directory = MemberDirectory(store)
    for first, last, city in (("Claire", "Durand", "Lyon"), ("Jean", "Martin", "Paris"),
                              ("Zoé", "Petit", "Nantes")):  # fmt: skip
        directory.create({"first_name": first, "last_name": last, "city": city})
    create_tag(store, "Bénévoles")
    try:
        yield store
    finally:
        store.close()


def _id(store: Store, first: str) -> int:
    with store.read() as conn:
        return int(
            conn.execute(
                sa.text("SELECT id FROM member WHERE first_name = :f"), {"f": first}
            ).scalar_one()
        )


def _tag_id(store: Store, name: str) -> int:
    with store.read() as conn:
        return int(
            conn.execute(sa.text("SELECT id FROM tag WHERE name = :n"), {"n": name}).scalar_one()
        )


def clone(url: str, path: Path) -> Path:
    sync.clone(url, path)
    return path


@contextlib.contextmanager
def opened(path: Path) -> Iterator[Store]:
    store = open_store(path)
    try:
        yield store
    finally:
        store.close()


@contextlib.contextmanager
def offline(path: Path) -> Iterator[Store]:
    """The replica opened while its server cannot be reached."""
    with opened(path) as store:
        real = store.replica_of
        assert real is not None
        with store.write() as conn:
            conn.execute(replica.update().values(server_url=_with_port(real, _dead_port())))
    try:
        with opened(path) as store:
            yield store
    finally:
        with opened(path) as store, store.write() as conn:
            conn.execute(replica.update().values(server_url=real))


def _with_port(url: str, port: int) -> str:
    return str(sa.make_url(url).set(port=port).render_as_string(hide_password=False))


def edit(store: Store, member_id: int, **values: Any) -> None:
    run(store, Operation("member.update", {"member_id": member_id, "values": values}))


def tagging(store: Store, tag_id: int, ids: list[int], add: bool = True) -> None:
    run(store, Operation("tags.change", {"tag_id": tag_id, "add": add, "ids": ids}))


def do_sync(path: Path) -> sync.SyncReport:
    with opened(path) as store:
        return sync.sync(store)


def snapshot(store: Store) -> dict[str, Any]:
    """What both sides must agree on: every member's fields and version, every link."""
    with store.read() as conn:
        members = {
            r["id"]: {
                k: r[k] for k in ("first_name", "last_name", "city", "company", "email", "version")
            }
            for r in conn.execute(sa.text("SELECT * FROM member ORDER BY id")).mappings()
        }
        links = sorted(
            tuple(r) for r in conn.execute(sa.text("SELECT member_id, tag_id FROM member_tag"))
        )
        counts = dict(tuple(r) for r in conn.execute(sa.text("SELECT id, member_count FROM tag")))
    return {"members": members, "links": links, "counts": counts}


def test_clone_copies_the_directory_and_marks_a_replica(server: Store, tmp_path: Path) -> None:
    path = clone(server.address, tmp_path / "a.sqlite3")
    with opened(path) as local:
        assert local.replica_of is not None and local.replica_of.startswith("postgresql")
        assert snapshot(local) == snapshot(server)
        assert sync.pending(local) == 0
    with server.read() as conn:
        newest = conn.execute(sa.select(sa.func.max(change_log.c.position))).scalar()
    with opened(path) as local, local.read() as conn:
        assert conn.execute(sa.select(replica.c.last_position)).scalar() == newest
    # Nothing changed since: a round pulls nothing, pushes nothing.
    assert do_sync(path) == sync.SyncReport(0, 0, 0)


def test_clone_refuses_an_existing_file_and_a_dead_server(server: Store, tmp_path: Path) -> None:
    existing = tmp_path / "there.sqlite3"
    existing.write_bytes(b"")
    with pytest.raises(AmicaleError, match="already exists"):
        sync.clone(server.address, existing)
    dead = _with_port(server.address, _dead_port())
    with pytest.raises(StoreError, match="cannot reach"):
        sync.clone(dead, tmp_path / "new.sqlite3")
    assert not (tmp_path / "new.sqlite3").exists()


def test_a_cancelled_clone_leaves_no_file(server: Store, tmp_path: Path) -> None:
    from app.errors import Cancelled
    from app.store.cancel import CancelToken

    token = CancelToken()
    seen: list[str] = []

    def progress(table: str, rows: int) -> None:
        seen.append(table)
        if table == "member":
            token.cancel()  # the next table's step stops

    target = tmp_path / "a.sqlite3"
    with pytest.raises(Cancelled):
        sync.clone(server.address, target, progress, token)
    assert "member" in seen
    assert not list(tmp_path.glob("a.sqlite3*"))
    clone(server.address, target)  # a new try starts from scratch
    with opened(target) as local:
        assert snapshot(local) == snapshot(server)


def test_offline_edits_queue_and_the_sync_says_the_server_is_unreachable(
    server: Store, tmp_path: Path
) -> None:
    path = clone(server.address, tmp_path / "a.sqlite3")
    claire = _id(server, "Claire")
    with offline(path) as local:
        edit(local, claire, city="Grenoble")
        tagging(local, _tag_id(local, "Bénévoles"), [claire])
        assert MemberDirectory(local).get(claire).values["city"] == "Grenoble"  # applied here
        assert sync.pending(local) == 2
        with pytest.raises(StoreError, match=r"cannot reach the team server .*outbox \(2\)"):
            sync.sync(local)
        assert sync.pending(local) == 2  # kept
    assert MemberDirectory(server).get(claire).values["city"] == "Lyon"
    report = do_sync(path)
    assert (report.pushed, report.conflicts) == (2, 0)
    assert MemberDirectory(server).get(claire).values["city"] == "Grenoble"
    assert MemberDirectory(server).get(claire).tags == ["Bénévoles"]
    with opened(path) as local:
        assert sync.pending(local) == 0
        assert snapshot(local) == snapshot(server)


@pytest.mark.parametrize("first", ["a", "b"])
def test_two_replicas_edit_offline_then_sync_in_either_order(
    server: Store, tmp_path: Path, first: str
) -> None:
    """Different fields merge; the same field changed on both sides is one conflict for the
    replica that syncs second, with nothing lost: its value is kept in the conflicts."""
    paths = {name: clone(server.address, tmp_path / f"{name}.sqlite3") for name in "ab"}
    claire, jean = _id(server, "Claire"), _id(server, "Jean")
    bene = _tag_id(server, "Bénévoles")
    with offline(paths["a"]) as a:
        edit(a, claire, city="Grenoble")  # both change Claire's city
        edit(a, jean, company="Arkema")  # only a
        tagging(a, bene, [claire, jean])
    with offline(paths["b"]) as b:
        edit(b, claire, city="Annecy", company="Sanofi")  # company: only b
        tagging(b, bene, [jean], add=False)  # b untags Jean, whom a tagged: sets merge
    second = "b" if first == "a" else "a"
    one = do_sync(paths[first])
    two = do_sync(paths[second])
    assert (one.conflicts, two.conflicts) == (0, 1)
    winner = {"a": "Grenoble", "b": "Annecy"}[first]
    loser = {"a": "Grenoble", "b": "Annecy"}[second]
    card = MemberDirectory(server).get(claire)
    assert card.values["city"] == winner
    assert card.values["company"] == "Sanofi"
    assert MemberDirectory(server).get(jean).values["company"] == "Arkema"
    with opened(paths[second]) as late:
        [conflict] = sync.conflicts(late)
        assert (conflict.member_id, conflict.kind, conflict.field) == (claire, "field", "city")
        assert (conflict.base, conflict.mine, conflict.theirs) == ("Lyon", loser, winner)
    do_sync(paths[first])  # catches up with the second's changes
    with opened(paths["a"]) as a, opened(paths["b"]) as b:
        assert snapshot(a) == snapshot(server) == snapshot(b)
    # The untagging of b applies to Jean whichever came first (b's untag after a's tag, or
    # a's tag after b's untag of a link that was not there): tags are sets, not states.
    expected_jean = ["Bénévoles"] if first == "b" else []
    assert MemberDirectory(server).get(jean).tags == expected_jean
    assert MemberDirectory(server).get(claire).tags == ["Bénévoles"]


def test_member_erased_on_the_server_while_edited_offline(server: Store, tmp_path: Path) -> None:
    path = clone(server.address, tmp_path / "a.sqlite3")
    zoe = _id(server, "Zoé")
    with offline(path) as local:
        edit(local, zoe, city="Brest")
    MemberDirectory(server).delete([zoe])
    report = do_sync(path)
    assert (report.pushed, report.conflicts) == (1, 1)
    with opened(path) as local:
        [conflict] = sync.conflicts(local)
        assert (conflict.member_id, conflict.kind) == (zoe, "erased")
        assert MemberDirectory(local).total() == 2  # the erasure won here too
        assert snapshot(local) == snapshot(server)


def test_a_replayed_outbox_changes_nothing(server: Store, tmp_path: Path) -> None:
    """The sync killed after the server's commit, before the replica heard: the same
    operations are pushed again, and skipped, their conflicts told again once."""
    path = clone(server.address, tmp_path / "a.sqlite3")
    claire = _id(server, "Claire")
    with offline(path) as local:
        edit(local, claire, city="Grenoble")
        tagging(local, _tag_id(local, "Bénévoles"), [claire])
        with local.read() as conn:
            saved = [dict(r) for r in conn.execute(sa.select(outbox)).mappings()]
    MemberDirectory(server).update(claire, {"city": "Vienne"})  # a conflict to be told
    first = do_sync(path)
    assert (first.pushed, first.conflicts) == (2, 1)
    before = snapshot(server)
    with server.read() as conn:
        log_size = conn.execute(sa.select(sa.func.count()).select_from(change_log)).scalar()
    with opened(path) as local, local.write() as conn:
        conn.execute(outbox.insert(), saved)  # as if never heard of
    again = do_sync(path)
    assert (again.pushed, again.conflicts) == (2, 0)  # the conflict was already kept
    assert snapshot(server) == before
    with server.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(change_log)).scalar() == log_size
        assert conn.execute(sa.select(sa.func.count()).select_from(applied_operation)).scalar() == 2
    with opened(path) as local:
        assert len(sync.conflicts(local)) == 1
        assert snapshot(local) == before
    assert do_sync(path) == sync.SyncReport(0, 0, 0)


def test_tagging_offline_with_a_tag_deleted_on_the_server_is_kept_refused(
    server: Store, tmp_path: Path
) -> None:
    from app.tags import delete as delete_tag

    path = clone(server.address, tmp_path / "a.sqlite3")
    bene = _tag_id(server, "Bénévoles")
    with offline(path) as local:
        tagging(local, bene, [_id(local, "Jean")])
    delete_tag(server, bene)
    report = do_sync(path)
    assert (report.pushed, report.refused) == (0, 1)
    with opened(path) as local:
        [(_op, name, why)] = sync.refused(local)
        assert name == "tags.change" and "was deleted on the server" in why
        assert snapshot(local) == snapshot(server)  # the tag is gone here too
    assert do_sync(path).pushed == 0  # not pushed again


def test_the_same_value_on_both_sides_is_no_conflict(server: Store, tmp_path: Path) -> None:
    path = clone(server.address, tmp_path / "a.sqlite3")
    jean = _id(server, "Jean")
    with offline(path) as local:
        edit(local, jean, city="Lille")
    MemberDirectory(server).update(jean, {"city": "Lille"})
    assert do_sync(path).conflicts == 0


@pytest.fixture
def logins(server: Store, pg_cluster: Any) -> Iterator[dict[str, str]]:
    team.init(server)
    for name, role in (("alice", "animator"), ("rita", "reader")):
        team.add_user(server, name, role)
    database = server.address.rsplit("/", 1)[1]
    yield {name: pg_cluster.url(database, user=name) for name in ("alice", "rita")}
    for name in ("alice", "rita"):
        pg_cluster.admin(f"DROP ROLE IF EXISTS {name}")


def test_the_server_roles_apply_to_replayed_operations(
    server: Store, tmp_path: Path, logins: dict[str, str], capsys: pytest.CaptureFixture[str]
) -> None:
    """A reader's replica: its edit is refused by the server, kept in the outbox marked
    refused with the reason; an animator's goes through and is logged as hers."""
    claire = _id(server, "Claire")
    reader = clone(logins["rita"], tmp_path / "rita.sqlite3")
    animator = clone(logins["alice"], tmp_path / "alice.sqlite3")
    with offline(reader) as local:
        edit(local, claire, city="Grenoble")
    with offline(animator) as local:
        edit(local, claire, company="Arkema")
    assert cli.main(["--db", str(reader), "sync"]) == 0
    out = capsys.readouterr().out
    assert "refused by the server: member.update: your reader role does not allow" in out
    with opened(reader) as local:
        assert sync.pending(local) == 1
        assert sync.refused(local)[0][1] == "member.update"
    assert MemberDirectory(server).get(claire).values["city"] == "Lyon"
    assert do_sync(animator).pushed == 1
    assert MemberDirectory(server).get(claire).values["company"] == "Arkema"
    with server.read() as conn:
        assert conn.execute(sa.select(applied_operation.c.applied_by)).scalars().all() == ["alice"]
        # Her write reached the change log through the trigger, though she cannot write it.
        assert conn.execute(
            sa.text("SELECT count(*) FROM change_log WHERE table_name = 'member'")
        ).scalar()
    # The reader's pull still brings the animator's change (it reads the log).
    do_sync(reader)
    with opened(reader) as local:
        assert MemberDirectory(local).get(claire).values["company"] == "Arkema"


def test_cli_clone_and_sync(
    server: Store, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "local.sqlite3"
    assert cli.main(["--db", str(path), "team", "clone", server.address]) == 0
    assert "3 members copied" in capsys.readouterr().out
    claire = _id(server, "Claire")
    with offline(path):
        assert cli.main(["--db", str(path), "member", "set", str(claire), "city=Grenoble"]) == 0
        capsys.readouterr()
    with offline(path) as local:
        assert cli.main(["--db", str(path), "sync", "--json"]) == 1
        captured = capsys.readouterr()
        assert captured.out == ""
        assert captured.err.count("\n") == 1 and "wait in the outbox (1)" in captured.err
        assert sync.pending(local) == 1
    MemberDirectory(server).update(claire, {"city": "Vienne"})
    assert cli.main(["--db", str(path), "sync", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"pulled": 1, "pushed": 1, "conflicts": 1}
    assert cli.main(["--db", str(path), "sync"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("sync: pulled 0, pushed 0, conflicts 0")
    assert f"conflict: member {claire} city: here 'Grenoble', on the server 'Vienne'" in out
    # Not a replica: one sentence.
    solo = tmp_path / "solo.sqlite3"
    open_store(solo).close()
    assert cli.main(["--db", str(solo), "sync"]) == 1
    assert "is not a replica" in capsys.readouterr().err


def test_operations_that_cannot_be_replayed_are_refused_on_a_replica(
    server: Store, tmp_path: Path
) -> None:
    path = clone(server.address, tmp_path / "a.sqlite3")
    with opened(path) as local:
        with pytest.raises(AmicaleError, match="cannot be done in a replica"):
            run(local, Operation("tag.create", {"name": "Nouveau"}))
        assert sync.pending(local) == 0


def test_the_change_log_keeps_commit_order(server: Store) -> None:
    """Positions are taken at commit under one lock: a transaction that wrote first but
    commits last still gets the larger position, so a puller never skips it."""
    claire, jean = _id(server, "Claire"), _id(server, "Jean")
    early = server.engine.connect()
    early.begin()
    early.execute(sa.text("UPDATE member SET city = 'Rouen' WHERE id = :i"), {"i": claire})
    MemberDirectory(server).update(jean, {"city": "Caen"})  # commits while early is open
    early.commit()
    early.close()
    with server.read() as conn:
        rows = (
            conn.execute(
                sa.text(
                    "SELECT row_key FROM change_log WHERE table_name = 'member' "
                    "ORDER BY position DESC LIMIT 2"
                )
            )
            .scalars()
            .all()
        )
    assert [json.loads(r)["id"] for r in rows] == [claire, jean]


@pytest.mark.slow
def _position(store: Store) -> int:
    with store.read() as conn:
        return int(conn.execute(sa.select(replica.c.last_position)).scalar_one())


def test_sync_killed_at_random_moments_loses_nothing_and_applies_nothing_twice(
    server: Store, tmp_path: Path
) -> None:
    """A campaign of kill -9: `python -m app sync` killed at random moments while it pushes
    the replica's edits and pulls the server's, 32 times; then a whole round. Server and
    replica agree (same members, fields, versions, links, tag counts), every edit made on
    either side is there, and no operation was applied twice (the outbox's ids)."""
    import os
    import random
    import signal
    import subprocess
    import sys
    import time

    directory = MemberDirectory(server)
    for n in range(150):
        directory.create({"first_name": f"Membre{n}", "last_name": "Test", "city": "Lyon"})
    bene = _tag_id(server, "Bénévoles")
    path = clone(server.address, tmp_path / "a.sqlite3")
    with server.read() as conn:
        ids = [int(i) for i in conn.execute(sa.text("SELECT id FROM member ORDER BY id")).scalars()]
    rng = random.Random(12)
    root = Path(__file__).resolve().parent.parent
    command = [sys.executable, "-m", "app", "--db", str(path), "sync"]
    companies: dict[int, str] = {}  # the replica's edits: company
    cities: dict[int, str] = {}  # the server's: city
    tagged: set[int] = set()
    queued = 0
    kills = 0
    reached_pull = 0
    whole = 0.0  # how long the last uninterrupted round took: the kills fall within it
    round_ = 0
    while kills < 32 and round_ < 90:  # a sync that ended before its kill does not count
        round_ += 1
        with opened(path) as local:
            for member_id in rng.sample(ids, 12):
                companies[member_id] = f"Société {round_}-{member_id}"
                edit(local, member_id, company=companies[member_id])
                queued += 1
            chosen = rng.sample(ids, 5)
            tagging(local, bene, chosen)
            tagged |= set(chosen)
            queued += 1
            before = _position(local)
        for member_id in rng.sample(ids, 15):
            cities[member_id] = f"Ville {round_}-{member_id}"
            directory.update(member_id, {"city": cities[member_id]})
        started = time.monotonic()
        process = subprocess.Popen(
            command, cwd=root, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        if round_ % 4 == 1:  # one round in four runs to its end (the outbox stays short)
            assert process.wait() == 0
            whole = time.monotonic() - started
            continue
        time.sleep(rng.uniform(0.25, 0.9) * whole)
        if process.poll() is None:
            os.kill(process.pid, signal.SIGKILL)
            kills += 1
        process.wait()
        with opened(path) as local:
            reached_pull += _position(local) > before
    assert kills >= 30, f"only {kills} of the syncs were still running when killed"
    print(f"kill campaign: {kills} kills, {reached_pull} after a pull was written")
    done = subprocess.run([*command, "--json"], cwd=root, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["conflicts"] == 0
    assert do_sync(path) == sync.SyncReport(0, 0, 0)
    with opened(path) as local:
        assert sync.pending(local) == 0
        assert sync.conflicts(local) == []
        assert snapshot(local) == snapshot(server)
    with server.read() as conn:
        rows = {
            r["id"]: (r["company"], r["city"])
            for r in conn.execute(sa.text("SELECT id, company, city FROM member")).mappings()
        }
        linked = set(
            conn.execute(
                sa.text("SELECT member_id FROM member_tag WHERE tag_id = :t"), {"t": bene}
            ).scalars()
        )
        applied = conn.execute(sa.select(sa.func.count()).select_from(applied_operation)).scalar()
    for member_id, company in companies.items():
        assert rows[member_id][0] == company
    for member_id, city in cities.items():
        assert rows[member_id][1] == city
    assert linked == tagged
    assert applied == queued  # each operation once (some changed nothing and still count)
