"""The demo store: deterministic, realistic enough, complete, searchable, all or nothing."""

from __future__ import annotations

import itertools
import re
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any, cast

import pytest
import sqlalchemy as sa

from app import association
from app.demo import DemoReport, build_demo
from app.demo import members as demo
from app.errors import AmicaleError, Cancelled
from app.members.service import MemberDirectory
from app.store import Store, open_store
from app.store.cancel import CancelToken
from app.store.schema import FREE_TEXT_COLUMNS, community, member, member_community, member_tag, tag
from app.store.sqlite import integrity_problems
from app.text import fold, sort_name, words

# Dates, times and zones throughout; the stores on SQLite and on a PostgreSQL server (COPY).
pytestmark = [pytest.mark.clock, pytest.mark.engines]

TODAY = date(2026, 11, 26)
N = 3000
ISO_UTC = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:00\+00:00$")


_databases = itertools.count(1)


def _new_store(engine: str, folder: Path, name: str, request: pytest.FixtureRequest) -> Store:
    """A new store on ``engine``: a file in ``folder``, or a new database of the session's
    PostgreSQL cluster (migrated: a copy of its template), dropped at the end."""
    if engine == "sqlite":
        return open_store(folder / f"{name}.sqlite3")
    cluster = request.getfixturevalue("pg_cluster")
    database = f"demo_{name}_{next(_databases)}"
    cluster.admin(f"CREATE DATABASE {database} TEMPLATE amicale_template")
    request.addfinalizer(lambda: cluster.admin(f"DROP DATABASE {database} WITH (FORCE)"))
    return open_store(cluster.url(database))


@pytest.fixture
def open_new(tmp_path: Path, store_engine: str, request: pytest.FixtureRequest) -> Iterator[Any]:
    """Open fresh stores on the test's engine; all are closed at the end."""
    opened: list[Store] = []

    def _open(name: str = "x") -> Store:
        store = _new_store(store_engine, tmp_path, name, request)
        opened.append(store)
        return store

    yield _open
    for store in opened:
        store.close()


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def built(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[tuple[Store, DemoReport]]:
    """One demo store per engine shared by the read-only tests."""
    store = _new_store(request.param, tmp_path_factory.mktemp("demo"), "built", request)
    report = build_demo(store, members=N, seed=1, today=TODAY)
    yield store, report
    store.close()


def _rows(store: Store, sql: str) -> list[tuple[Any, ...]]:
    with store.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql(sql)]


def _raw(conn: sa.Connection) -> sqlite3.Connection:
    return cast(sqlite3.Connection, conn.connection.dbapi_connection)


def _members(store: Store) -> list[dict[str, Any]]:
    with store.read() as conn:
        return [dict(r._mapping) for r in conn.exec_driver_sql("SELECT * FROM member ORDER BY id")]


def _schema(store: Store) -> list[tuple[Any, ...]]:
    if store.engine_name == "postgresql":
        return _rows(
            store,
            "SELECT 'index', indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "UNION ALL SELECT 'trigger', tgname, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE NOT tgisinternal ORDER BY 2",
        )
    return _rows(
        store,
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('index', 'trigger') "
        "ORDER BY name",
    )


# --- determinism -------------------------------------------------------------------------------


def test_same_seed_same_rows_other_seed_other_rows(open_new: Any) -> None:
    a, b, c = open_new("a"), open_new("b"), open_new("c")
    build_demo(a, members=N, seed=7, today=TODAY)
    build_demo(b, members=N, seed=7, today=TODAY)
    build_demo(c, members=N, seed=8, today=TODAY)
    for table in ("member", "member_tag", "member_community", "tag", "tag_category", "community"):
        sql = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert _rows(a, sql) == _rows(b, sql), table
    assert _rows(a, "SELECT * FROM member") != _rows(c, "SELECT * FROM member")
    assert _rows(a, "SELECT * FROM member_tag") != _rows(c, "SELECT * FROM member_tag")


@pytest.mark.sqlite_only  # FTS5's chunks and the second thread
def test_chunked_text_indexing_changes_nothing(
    open_new: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Small batches and chunks run the two-thread path; the result is the same store."""
    plain = open_new("plain")
    build_demo(plain, members=N, seed=3, today=TODAY)
    monkeypatch.setattr(demo, "BATCH", 250)
    monkeypatch.setattr(demo, "_FTS_CHUNK", 700)
    monkeypatch.setattr(demo, "_LOOKAHEAD", 3)
    chunked = open_new("chunked")
    calls: list[tuple[int, int]] = []
    build_demo(chunked, members=N, seed=3, today=TODAY, progress=lambda d, t: calls.append((d, t)))
    assert calls == [(d, N) for d in range(250, N + 1, 250)]
    for table in ("member", "member_tag", "member_community"):
        sql = f"SELECT * FROM {table} ORDER BY 1, 2"
        assert _rows(plain, sql) == _rows(chunked, sql), table
    directory, other = MemberDirectory(plain), MemberDirectory(chunked)
    for query in ("mar", "lef", "ingenieure", "strasbourg", "example", "ville:lyon"):
        assert directory.count(query) == other.count(query) > 0, query
    with chunked.read() as conn:
        assert integrity_problems(_raw(conn)) == []


# --- contents ----------------------------------------------------------------------------------


def test_counts_tags_and_categories(built: tuple[Store, DemoReport]) -> None:
    store, report = built
    assert report.members == N and report.tags == 44 and 5 <= report.communities <= 7
    assert _rows(store, "SELECT count(*) FROM member") == [(N,)]
    assert _rows(store, "SELECT name, position FROM tag_category ORDER BY position") == [
        ("Géographie", 0),
        ("Métier", 1),
        ("Loisirs", 2),
        ("Promo", 3),
    ]
    for name, key in _rows(store, "SELECT name, name_key FROM tag"):
        assert key == fold(name)
    for name, key in _rows(store, "SELECT name, name_key FROM community"):
        assert key == fold(name)
    networks = {n for (n,) in _rows(store, "SELECT network FROM community")}
    assert networks <= {
        "linkedin",
        "facebook",
        "viadeo",
        "x",
        "mastodon",
        "mailing-list",
        "website",
    }
    # Tags per member and category: one Promo tag each, matching the class year's decade.
    per_member = _rows(
        store,
        "SELECT c.name, count(*) FROM member_tag mt JOIN tag t ON t.id = mt.tag_id "
        "JOIN tag_category c ON c.id = t.category_id GROUP BY mt.member_id, c.name",
    )
    assert all(count <= (2 if category == "Loisirs" else 1) for category, count in per_member)
    mismatched = _rows(
        store,
        "SELECT count(*) FROM member m LEFT JOIN member_tag mt ON mt.member_id = m.id "
        "AND mt.tag_id IN (SELECT t.id FROM tag t JOIN tag_category c ON c.id = t.category_id "
        "WHERE c.name = 'Promo' AND t.name = 'Années ' || (m.promo / 10 * 10)) "
        "WHERE mt.tag_id IS NULL",
    )
    assert mismatched == [(0,)]
    shares = dict(
        _rows(
            store,
            "SELECT c.name, count(DISTINCT mt.member_id) * 1.0 / (SELECT count(*) FROM member) "
            "FROM member_tag mt JOIN tag t ON t.id = mt.tag_id "
            "JOIN tag_category c ON c.id = t.category_id GROUP BY c.name",
        )
    )
    assert shares["Promo"] == 1.0
    assert 0.63 < shares["Géographie"] < 0.77
    assert 0.53 < shares["Métier"] < 0.67
    assert 0.48 < shares["Loisirs"] < 0.62
    in_community = _rows(
        store, "SELECT count(DISTINCT member_id) * 1.0 / (SELECT count(*) FROM member) "
        "FROM member_community"
    )[0][0]  # fmt: skip
    assert 0.45 < in_community < 0.55
    roles = {r for (r,) in _rows(store, "SELECT DISTINCT role FROM member_community")}
    assert roles == {"member", "moderator", "animator"}


def test_members_look_real(built: tuple[Store, DemoReport]) -> None:
    store, _ = built
    rows = _members(store)

    def share(pred: Any) -> float:
        return sum(1 for r in rows if pred(r)) / len(rows)

    firsts = {r["first_name"] for r in rows}
    assert {"Émilie", "Hélène", "François", "Chloé", "Zoé"} & firsts
    assert share(lambda r: not r["first_name"].isascii()) > 0.2
    assert any(" " in r["last_name"] or "'" in r["last_name"] for r in rows)
    for r in rows:
        assert r["sort_name"] == sort_name(r["first_name"], r["last_name"])
        assert r["source"] == "demo"
        assert 1960 <= r["promo"] <= 2025
        if r["birthday"]:
            assert r["promo"] - int(r["birthday"][:4]) in (22, 23, 24, 25)
            date.fromisoformat(r["birthday"])
        assert ISO_UTC.match(r["created_at"]) and ISO_UTC.match(r["updated_at"])
        assert TODAY - timedelta(days=8 * 366) <= date.fromisoformat(r["created_at"][:10])
        assert r["created_at"] <= r["updated_at"] < TODAY.isoformat()
        assert r["created_at"][:4] >= str(r["promo"] - 1)
        assert bool(r["consent_at"]) == bool(r["consent"])
        assert (r["verified_at"] is None) == (r["verification"] == "unverified")
        if r["phone"]:
            assert re.fullmatch(r"0[67]( \d\d){4}", r["phone"])
        if r["linkedin_url"]:
            assert re.fullmatch(r"https://www\.linkedin\.com/in/[a-z0-9-]+-[0-9a-f]{8}", r[
                "linkedin_url"])  # fmt: skip
        if r["email"]:
            assert r["email"].isascii() and r["email"] == r["email"].lower()
            assert r["email"].split("@")[1].endswith(("example", ".example", "example.com",
                                                      "example.org", "example.net"))  # fmt: skip
    assert 0.86 < share(lambda r: r["email"]) < 0.94
    assert 0.55 < share(lambda r: r["phone"]) < 0.65
    assert 0.44 < share(lambda r: r["linkedin_url"]) < 0.56
    assert 0.03 < share(lambda r: r["status"] == "lost") < 0.07
    assert 0.08 < share(lambda r: r["status"] == "former") < 0.16
    assert 0.64 < share(lambda r: r["consent"]) < 0.76
    assert 0.36 < share(lambda r: r["dues_last_year"] == TODAY.year) < 0.44
    assert 0.20 < share(lambda r: r["dues_last_year"] is None) < 0.30
    assert 0 < share(lambda r: r["notes"]) < 0.05
    assert 0 < share(lambda r: r["verification"] == "rejected") < 0.05
    # More recent classes are bigger; the lost ones mostly lack an address.
    promos = Counter(r["promo"] // 10 * 10 for r in rows)
    assert promos[2010] > promos[1990] > promos[1960]
    lost = [r for r in rows if r["status"] == "lost"]
    assert sum(1 for r in lost if r["email"]) < len(lost) / 2


def test_emails_are_unique(built: tuple[Store, DemoReport]) -> None:
    store, _ = built
    emails = [e for (e,) in _rows(store, "SELECT email FROM member WHERE email IS NOT NULL")]
    assert len(emails) == len(set(emails))
    assert any(re.search(r"\d@", e) for e in emails)  # collisions got a number


def test_constraints_and_integrity_hold(built: tuple[Store, DemoReport]) -> None:
    """The load skips CHECK constraints for speed; the rows must satisfy them anyway."""
    store, _ = built
    assert _rows(
        store,
        "SELECT count(*) FROM member WHERE status NOT IN ('member', 'former', 'lost') "
        "OR verification NOT IN ('unverified', 'verified', 'rejected')",
    ) == [(0,)]
    assert _rows(
        store,
        "SELECT count(*) FROM member_community "
        "WHERE role NOT IN ('member', 'moderator', 'animator')",
    ) == [(0,)]
    if store.engine_name == "postgresql":
        return  # the server checked every row (nothing is skipped there)
    with store.read() as conn:
        assert integrity_problems(_raw(conn)) == []
        assert conn.exec_driver_sql("PRAGMA ignore_check_constraints").scalar() == 0
    # hashsize was only raised for the load.
    assert _rows(store, "SELECT k FROM member_fts_config WHERE k = 'hashsize'") == []


def test_association_settings(built: tuple[Store, DemoReport], open_new: Any) -> None:
    store, _ = built
    named = association.load(store)
    assert named is not None and "Vallon-sur-Ill" in named.name and named.signature
    # An association already named keeps its name.
    other = open_new()
    association.save(other, association.Association("Les Anciens", "Bises"))
    build_demo(other, members=10, today=TODAY)
    assert association.load(other) == association.Association("Les Anciens", "Bises")


# --- search ------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["lef", "Mül", "hél", "n'di", "ingénieure", "vallon"])
def test_full_text_search_matches_a_python_count(
    built: tuple[Store, DemoReport], prefix: str
) -> None:
    store, _ = built
    tokens = words(prefix)

    def matches(value: str | None) -> bool:
        # A phrase prefix within one column: consecutive words, the last one as a prefix.
        found = words(value or "")
        for i in range(len(found) - len(tokens) + 1):
            here = found[i : i + len(tokens)]
            if here[:-1] == tokens[:-1] and here[-1].startswith(tokens[-1]):
                return True
        return False

    rows = _rows(store, f"SELECT {', '.join(FREE_TEXT_COLUMNS)} FROM member")
    expected = sum(1 for row in rows if any(matches(value) for value in row))
    assert expected > 0
    assert MemberDirectory(store).count(prefix) == expected


def test_triggers_and_indexes_are_back(open_new: Any) -> None:
    store = open_new()
    before = _schema(store)
    build_demo(store, members=500, today=TODAY)
    assert _schema(store) == before
    directory = MemberDirectory(store)
    new_id = directory.create({"first_name": "Zébulon", "last_name": "Quenouille"})
    assert new_id == 501
    assert directory.count("zebulon quenouille") == 1


# --- all or nothing ----------------------------------------------------------------------------


def test_refuses_a_store_with_members(open_new: Any) -> None:
    store = open_new()
    MemberDirectory(store).create({"first_name": "Émilie", "last_name": "Dupont"})
    with pytest.raises(AmicaleError, match="already has members"):
        build_demo(store, members=10, today=TODAY)
    assert _rows(store, "SELECT count(*) FROM member") == [(1,)]
    assert _rows(store, "SELECT count(*) FROM tag") == [(0,)]


@pytest.mark.parametrize("cancel_at", [1, 3, 99])
def test_cancel_leaves_the_store_as_it_was(
    open_new: Any, monkeypatch: pytest.MonkeyPatch, cancel_at: int
) -> None:
    """Cancelled from the progress callback: after a batch, mid-chunk, or after the last one."""
    monkeypatch.setattr(demo, "BATCH", 500)
    monkeypatch.setattr(demo, "_FTS_CHUNK", 1000)
    monkeypatch.setattr(demo, "_LOOKAHEAD", 2)
    store = open_new()
    schema = _schema(store)
    token = CancelToken()
    calls = 0

    def progress(done: int, total: int) -> None:
        nonlocal calls
        calls += 1
        if calls == min(cancel_at, total // 500):
            token.cancel()

    with pytest.raises(Cancelled):
        build_demo(store, members=5000, today=TODAY, progress=progress, cancel=token)
    for table in ("member", "member_tag", "member_community", "tag", "tag_category", "community"):
        assert _rows(store, f"SELECT count(*) FROM {table}") == [(0,)], table
    assert _rows(store, "SELECT count(*) FROM setting") == [(0,)]
    if store.engine_name == "sqlite":
        hashsize = "SELECT count(*) FROM member_fts_config WHERE k = 'hashsize'"
        assert _rows(store, hashsize) == [(0,)]
    assert _schema(store) == schema
    # The store is still usable, and a demo can be built in it afterwards.
    assert build_demo(store, members=100, today=TODAY).members == 100
    assert MemberDirectory(store).total() == 100


def test_an_already_cancelled_token_writes_nothing(open_new: Any) -> None:
    store = open_new()
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        build_demo(store, members=100, today=TODAY, cancel=token)
    assert _rows(store, "SELECT count(*) FROM member") == [(0,)]


@pytest.mark.sqlite_only  # SQLite's settings
def test_pragmas_are_restored(open_new: Any) -> None:
    store = open_new()
    build_demo(store, members=100, today=TODAY)
    # Check out every pooled connection at once, so the one the demo used is among them.
    pooled = [store.engine.connect() for _ in range(store.engine.pool.checkedin())]
    try:
        for conn in pooled:
            raw = _raw(conn)
            assert raw.execute("PRAGMA ignore_check_constraints").fetchone() == (0,)
            assert raw.execute("PRAGMA cache_size").fetchone() == (-16384,)
            assert raw.execute("PRAGMA analysis_limit").fetchone() == (0,)
            with pytest.raises(sqlite3.IntegrityError):
                raw.execute("UPDATE member SET status = 'gone' WHERE id = 1")
    finally:
        for conn in pooled:
            conn.close()


def test_zero_members(open_new: Any) -> None:
    store = open_new()
    assert build_demo(store, members=0, today=TODAY).members == 0
    assert _rows(store, "SELECT count(*) FROM tag") == [(44,)]


@pytest.mark.parametrize("large", [False, True])
def test_a_server_gets_the_rows_a_file_gets(
    tmp_path: Path, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch, large: bool
) -> None:
    """`demo` on a team server: the same members, tags and communities as in a data file,
    searched the same, and the server's sequences go on after them; a large sample (its
    search words and indexes built at the end) as a small one (row by row)."""
    from app.store import bulk

    monkeypatch.setattr(bulk, "NAME_PROMO_INDEX_FROM", 0 if large else 10**9)
    rebuilt: list[int] = []
    finish = bulk.ServerLoad.finish

    def watched(self: bulk.ServerLoad) -> None:
        rebuilt.append(len(self._deferred))
        finish(self)

    monkeypatch.setattr(bulk.ServerLoad, "finish", watched)
    file = _new_store("sqlite", tmp_path, "file", request)
    server = _new_store("postgresql", tmp_path, "server", request)
    try:
        for store in (file, server):
            build_demo(store, members=1200, seed=5, today=TODAY)
        for table in (member, member_tag, member_community, tag, community):
            query = sa.select(table).order_by(*table.primary_key.columns)
            with file.read() as a, server.read() as b:
                assert a.execute(query).all() == b.execute(query).all(), table.name
        for query in ("mar", "lef", "ville:lyon", "tag:lyon", "community:lyon", "ingenieure"):
            assert MemberDirectory(file).count(query) == MemberDirectory(server).count(query)
        assert rebuilt == [9 if large else 0]
        schema = _schema(server)
        assert any("member_fts_ai" in name for _, name, _ in schema)
        assert any("ix_member_fts_free" in name for _, name, _ in schema)
        new_id = MemberDirectory(server).create({"first_name": "Zébulon", "last_name": "Q"})
        assert new_id == 1201
    finally:
        file.close()
        server.close()


def test_cli_demo_then_a_second_one_refused(
    open_new: Any, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.cli import main

    store = open_new()
    assert main(["--db", store.address, "demo", "--members", "300", "--seed", "2"]) == 0
    assert capsys.readouterr().out.startswith("demo: 300 members, 44 tags")
    assert main(["--db", store.address, "count", "ville:strasbourg"]) == 0
    assert int(capsys.readouterr().out) > 0
    assert main(["--db", store.address, "demo", "--members", "10"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "already has members" in err
