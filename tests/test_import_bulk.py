"""The import's shortcuts for large files give what the plain path gives.

Settled records skip a second validation, the text index is written by ranges (in a second
thread), probable duplicates are queued per batch and large files look namesakes up through
an index of their own: each is checked here against the straightforward result. (SQLite's
machinery, app/store/bulk.py's FileLoad: the module's store is the SQLite file.)
"""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.io import importer
from app.io.importer import _IMPORT_FIELD_SET, _linkedin_key, import_file
from app.io.mapping import guess_mapping, row_cleaner
from app.io.readers import SourceRow, open_source
from app.members.service import MemberDirectory
from app.members.validation import normalise
from app.store import Store, sqlite
from app.store import bulk as bulk_load
from app.store.schema import duplicate_candidate, member
from app.store.sqlite import integrity_problems
from app.text import linkedin_key

HEADER = "Prénom;Nom;Courriel;Téléphone;Promo;Date de naissance;Ville;LinkedIn;Notes;Étiquettes"

ODD_CELLS = [
    "",
    " ",
    "  spaced  ",
    "'=SUM(A1)",
    "'\t0612345678",
    "'\rnote",
    "06 12 34 56 78 ou 07 11 22 33 44",
    "--03-12",
    "12/03",
    "31/02/2001",
    "2030",
    "2040",
    "P05",
    "Promo 2005",
    "x" * 10_010,
    "y" * 9_999 + " z",
    "mailto:JOE@EX.ORG",
    "a@b.c; d@e.f",
    "linkedin.com/in/Jean-X?trk=1",
    "https://www.linkedin.com/in/jean-x/",
    "https://www.linkedin.com/in/Jean-X",
    "https://www.linkedin.com/in/jean%20x",
    "HTTPS://FR.LINKEDIN.COM/in/ABC/",
    "\u00a0Lyon\u00a0",
    "l1\nl2",
    "a\tb",
    "oui",
    "1957-01-09",
    "2999-01-01",
]


def _row(cells: list[str], line: int = 2) -> SourceRow:
    return SourceRow(line, dict(zip(HEADER.split(";"), cells, strict=True)))


@pytest.mark.parametrize("cell", ODD_CELLS)
def test_a_settled_record_is_what_normalise_returns(cell: str) -> None:
    headers = HEADER.split(";")
    cleaner = row_cleaner(guess_mapping(headers, "csv"), "csv")
    for column in range(len(headers)):
        cells = ["Jean", "Dupont", "jean@example.org", "0612345678", "2005", "1980-02-03"]
        cells += ["Lyon", "https://www.linkedin.com/in/jean", "", "A, B"]
        cells[column] = cell
        for _ in range(2):  # the second time from the cleaner's memory of the column
            values, _tags, _warnings, settled = cleaner.clean(_row(cells))
            values = {k: v for k, v in values.items() if k in _IMPORT_FIELD_SET}
            expected = {
                k: v
                for k, v in normalise(dict(values), cleaner.today).items()
                if v not in (None, "") or k == "consent"
            }
            if settled:
                fast = dict(values)
                if fast.get("birthday", "")[:2] == "--":
                    fast["birthday"] = "0000" + fast["birthday"][1:]
                assert fast == expected, (column, cell)


@pytest.mark.parametrize(
    "url",
    [
        "https://www.linkedin.com/in/jean-dupont",
        "https://www.linkedin.com/in/jean-dupont/",
        "https://www.linkedin.com/in/j.d_1~x",
        "https://www.linkedin.com/in/Jean",
        "https://fr.linkedin.com/in/jean",
        "https://www.linkedin.com/pub/jean/1/2/3",
        "https://www.linkedin.com/in/jean%C3%A9",
    ],
)
def test_linkedin_key_shortcut(url: str) -> None:
    assert _linkedin_key(url) == linkedin_key(url)


def _write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join([HEADER, *rows]) + "\n", encoding="utf-8-sig")
    return path


def _dump(store: Store) -> tuple[Any, ...]:
    with store.read() as conn:
        members = conn.execute(sa.select(member).order_by(member.c.id)).all()
        queue = conn.execute(
            sa.select(
                duplicate_candidate.c.member_id,
                duplicate_candidate.c.incoming,
                duplicate_candidate.c.line,
            ).order_by(duplicate_candidate.c.id)
        ).all()
    skip = {"created_at", "updated_at", "consent_at"}
    keep = [i for i, c in enumerate(member.columns) if c.name not in skip]
    return [tuple(m[i] for i in keep) for m in members], [tuple(q) for q in queue]


def _schema(store: Store) -> list[tuple[str, str]]:
    with store.read() as conn:
        rows = conn.exec_driver_sql("SELECT name, sql FROM sqlite_master ORDER BY name")
        return [tuple(r) for r in rows]


def _tag_counts(store: Store) -> list[tuple[str, int, int]]:
    """Each tag's name, its kept member count and its links counted."""
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT name, member_count, (SELECT count(*) FROM member_tag WHERE tag_id = tag.id) "
            "FROM tag ORDER BY name"
        )
        return [tuple(r) for r in rows]


def _mixed_rows() -> list[str]:
    rows = []
    for i in range(120):
        promo = 1990 + i % 7
        rows.append(f"P{i % 40};Nom{i % 30};p{i}@example.org;;{promo};;Lyon;;;Lot/{i % 3}")
        rows.append(f"P{i % 40};Nom{i % 30};;;{promo};;Brest;;;")  # namesakes, no email
        rows.append(f"Q{i};R{i};;;;;;https://www.linkedin.com/in/q{i % 50};note {i};")
        rows.append(f"P{i % 40};Nom{i % 30};P{i % 60}@EXAMPLE.ORG;;;1980-01-0{1 + i % 9};;;;")
    return rows


def _import_twice(store: Store, path: Path) -> list[tuple[int, ...]]:
    counts = []
    for _ in range(2):
        report = import_file(store, open_source(path), today=date(2026, 11, 26))
        counts.append(
            (
                report.created,
                report.updated,
                report.unchanged,
                report.duplicates,
                report.rejected,
                len(report.warnings),
                len(report.conflicts),
            )
        )
    return counts


def test_small_ranges_and_own_index_give_the_same_store(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import open_store

    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    monkeypatch.setattr(importer, "BATCH_SIZE", 25)

    plain = open_store(tmp_path / "plain.sqlite3")
    monkeypatch.setattr(bulk_load, "NAME_PROMO_INDEX_FROM", 10**9)
    monkeypatch.setattr(bulk_load, "SEARCH_CHUNK", 10**9)
    plain_counts = _import_twice(plain, path)

    bulk = open_store(tmp_path / "bulk.sqlite3")
    schema = _schema(bulk)
    monkeypatch.setattr(bulk_load, "NAME_PROMO_INDEX_FROM", 0)
    monkeypatch.setattr(bulk_load, "SEARCH_CHUNK", 30)  # indexed by the second thread
    temp_stores: list[int] = []
    run_ddl = sqlite.run_ddl

    def watched(raw: Any, statements: Any) -> None:
        temp_stores.append(raw.execute("PRAGMA temp_store").fetchone()[0])
        run_ddl(raw, statements)

    monkeypatch.setattr(sqlite, "run_ddl", watched)
    bulk_counts = _import_twice(bulk, path)
    assert temp_stores == [1, 1]  # the index builds sort on a file (FILE), not in memory
    try:
        assert bulk_counts == plain_counts
        assert plain_counts[0][3] > 0 and plain_counts[0][1] > 0  # duplicates and updates
        assert _dump(bulk) == _dump(plain)
        directory = MemberDirectory(bulk)
        assert directory.count("nom7") == MemberDirectory(plain).count("nom7") > 0
        assert directory.count("q7") == 1
        assert _schema(bulk) == schema  # the indexes built again, the triggers put back
        # The tags' counters, recounted once by the bulk path, kept link by link by the other.
        assert _tag_counts(bulk) == _tag_counts(plain)
        assert {name: n for name, n, _ in _tag_counts(bulk)} == {"0": 40, "1": 40, "2": 40}
        assert all(n == links for _, n, links in _tag_counts(bulk))
        with bulk.write() as conn:
            raw: Any = conn.connection.dbapi_connection
            assert integrity_problems(raw) == []
            indexes = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
            assert "import_name_promo" not in indexes and "member_fts_ai" in indexes
            assert raw.execute("PRAGMA ignore_check_constraints").fetchone() == (0,)
            assert raw.execute("PRAGMA cache_size").fetchone() == (-16384,)
            assert raw.execute("PRAGMA temp_store").fetchone() == (2,)  # MEMORY again
            assert raw.execute(
                "SELECT count(*) FROM member_fts_config WHERE k = 'hashsize'"
            ).fetchone() == (0,)
    finally:
        plain.close()
        bulk.close()


def test_a_failure_while_indexing_leaves_the_store_as_before(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    monkeypatch.setattr(importer, "BATCH_SIZE", 25)
    monkeypatch.setattr(bulk_load, "SEARCH_CHUNK", 30)
    monkeypatch.setattr(bulk_load, "NAME_PROMO_INDEX_FROM", 0)
    before = _dump(store)
    schema = _schema(store)
    original = importer._Importer._write_queue
    calls = {"n": 0}

    def failing(self: importer._Importer, queued: list[tuple[int, int, str]]) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise sqlite3.OperationalError("disk I/O error")
        original(self, queued)

    monkeypatch.setattr(importer._Importer, "_write_queue", failing)
    with pytest.raises(sqlite3.OperationalError):
        import_file(store, open_source(path))
    assert _dump(store) == before
    with store.read() as conn:
        raw: Any = conn.connection.dbapi_connection
        names = {r[0] for r in raw.execute("SELECT name FROM sqlite_master")}
        assert "import_name_promo" not in names and "member_fts_ai" in names
        assert raw.execute("PRAGMA ignore_check_constraints").fetchone() == (0,)
    assert MemberDirectory(store).total() == 0
    assert _schema(store) == schema


def test_cancel_while_indexing_leaves_the_store_as_before(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.errors import Cancelled
    from app.store.cancel import CancelToken

    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    monkeypatch.setattr(bulk_load, "SEARCH_CHUNK", 20)
    monkeypatch.setattr(bulk_load, "NAME_PROMO_INDEX_FROM", 0)
    schema = _schema(store)
    token = CancelToken()
    seen: list[int] = []

    def progress(done: int, total: int) -> None:
        seen.append(done)
        if done >= 300:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(store, open_source(path), progress=progress, cancel=token)
    assert seen == sorted(seen) and seen[-1] < 480
    assert MemberDirectory(store).total() == 0
    assert _schema(store) == schema


def _server_schema(store: Store) -> list[tuple[Any, ...]]:
    with store.read() as conn:
        rows = conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' "
            "UNION ALL SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger "
            "WHERE NOT tgisinternal ORDER BY 1"
        )
        return [tuple(r) for r in rows]


def _server_words(store: Store) -> list[tuple[Any, ...]]:
    with store.read() as conn:
        return [tuple(r) for r in conn.exec_driver_sql("SELECT * FROM member_fts ORDER BY 1")]


def test_a_large_server_load_gives_what_the_row_by_row_one_gives(
    pg_cluster: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server, a large load into a directory it mostly makes (its owner's login) puts
    the search trigger and some indexes aside and builds them at the end: the same members,
    search words, queue and counts as the plain path, and the schema as it was."""
    from app.store import open_store

    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    monkeypatch.setattr(importer, "BATCH_SIZE", 25)
    stores = []
    for name in ("plain_load", "bulk_load"):
        pg_cluster.admin(f"CREATE DATABASE {name} TEMPLATE amicale_template")
        stores.append(open_store(pg_cluster.url(name)))
    plain, large = stores
    try:
        schema = _server_schema(large)
        monkeypatch.setattr(bulk_load, "NAME_PROMO_INDEX_FROM", 10**9)
        plain_counts = _import_twice(plain, path)
        monkeypatch.setattr(bulk_load, "NAME_PROMO_INDEX_FROM", 0)
        monkeypatch.setattr(bulk_load, "SERVER_SEARCH_CHUNK", 30)  # by the second thread
        dropped: list[str] = []
        execute = bulk_load.ServerLoad.defer_for

        def watched(self: Any, expected: int) -> None:
            execute(self, expected)
            dropped.extend(self._deferred)

        monkeypatch.setattr(bulk_load.ServerLoad, "defer_for", watched)
        assert _import_twice(large, path) == plain_counts
        assert len(dropped) == 2 * 9  # both imports (the second's file is 2× the directory)
        assert sum("member_fts_ai" in d for d in dropped) == 2
        assert _dump(large) == _dump(plain)
        assert _server_words(large) == _server_words(plain)
        assert _tag_counts(large) == _tag_counts(plain)
        assert _server_schema(large) == schema
        for query in ("nom7", "q7", "p3", "brest"):
            assert MemberDirectory(large).count(query) == MemberDirectory(plain).count(query)
    finally:
        for store in stores:
            store.close()
        for name in ("plain_load", "bulk_load"):
            pg_cluster.admin(f"DROP DATABASE {name} WITH (FORCE)")


def test_a_large_server_load_that_fails_leaves_the_schema(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import open_store

    path = _write(tmp_path / "mixed.csv", _mixed_rows())
    monkeypatch.setattr(importer, "BATCH_SIZE", 25)
    monkeypatch.setattr(bulk_load, "NAME_PROMO_INDEX_FROM", 0)
    monkeypatch.setattr(bulk_load, "SERVER_SEARCH_CHUNK", 30)
    original = importer._Importer._write_queue
    calls = {"n": 0}

    def failing(self: importer._Importer, queued: list[tuple[int, int, str]]) -> None:
        calls["n"] += 1
        if calls["n"] == 4:
            raise OSError("disk full")
        original(self, queued)

    monkeypatch.setattr(importer._Importer, "_write_queue", failing)
    store = open_store(pg_url)
    try:
        schema = _server_schema(store)
        with pytest.raises(OSError):
            import_file(store, open_source(path))
        assert _server_schema(store) == schema
        assert MemberDirectory(store).total() == 0 and _server_words(store) == []
    finally:
        store.close()
