"""Issue 18, points 9-11: every hostile input and every known failure gets one clear line.

Bounded queries, validated numbers, usage errors; a full disk, a lock, a read-only disk in
one sentence; damage only when SQLite says so; the crash log private, bounded, scrubbed.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import failures
from app.errors import NotAStoreError, StoreError
from app.members import search
from app.members.service import MemberDirectory
from app.paths import log_dir
from app.store import Store, open_store
from app.store import sqlite as store_sqlite
from tests.test_cli import run


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("amicale: ") and "Traceback" not in err


@pytest.fixture
def db(store: Store, people: dict[str, int]) -> str:
    store.close()
    return store.address


@pytest.fixture
def short_busy_timeout(monkeypatch: pytest.MonkeyPatch) -> None:
    """A lock is waited for 50 ms instead of 5 s (the behaviour is the same)."""
    monkeypatch.setattr(store_sqlite, "BUSY_TIMEOUT_MS", 50)


@pytest.fixture
def writer(db: str) -> Iterator[sqlite3.Connection]:
    """Another program holding the write lock, as `sqlite3 s.sqlite3 'BEGIN EXCLUSIVE'`."""
    other = sqlite3.connect(db, isolation_level=None)
    other.execute("BEGIN EXCLUSIVE")
    other.execute("UPDATE member SET notes = 'busy' WHERE id = 1")
    yield other
    other.rollback()
    other.close()


# --- 9. the query parser, numbers, usage errors, JSON -----------------------------------------


@pytest.mark.parametrize(
    ("query", "says"),
    [
        (" OR ".join(f"w{i}" for i in range(1000)), "too many terms"),
        ("(" * 300 + "a" + ")" * 300, "nests too deeply"),
        ("NOT " * 10_000 + "a", "too long"),
        (" ".join(["NOT"] * 2000) + " a", "nests too deeply"),
        ("-(" * 40 + "a" + ")" * 40, "nests too deeply"),
        ("x" * 20_000, "too long"),
    ],
)
def test_hostile_queries_get_one_short_line(
    capsys: pytest.CaptureFixture[str], db: str, query: str, says: str
) -> None:
    code, out, err = run(capsys, "--db", db, "count", "--", query)
    assert code == 1 and out == "" and one_line(err) and says in err
    assert len(err) < 200 and "SQL" not in err


def test_the_parser_refuses_what_is_too_deep_before_python_does() -> None:
    with pytest.raises(search.QuerySyntaxError, match="nests too deeply"):
        search.parse("(" * 1000 + "a" + ")" * 1000)
    with pytest.raises(search.QuerySyntaxError, match="too many terms"):
        search.parse(" ".join(["a"] * (search.MAX_TERMS + 1)))
    assert search.parse(" OR ".join(["a"] * search.MAX_TERMS)) is not None
    deep = "(" * search.MAX_DEPTH + "a" + ")" * search.MAX_DEPTH
    assert search.parse(deep) == search.Text("a", False, search.MAX_DEPTH)


def test_the_largest_accepted_query_runs(store: Store, people: dict[str, int]) -> None:
    query = " OR ".join(f"promo:{1900 + i % 200}" for i in range(search.MAX_TERMS))
    directory = MemberDirectory(store)
    assert directory.count(query) == directory.count("promo:1900..2100") > 0
    words = " OR ".join(f"tag:t{i} OR nom{i} OR dupont" for i in range(search.MAX_TERMS // 3))
    assert directory.count(words) == directory.count("dupont")
    nested = "-(" * (search.MAX_DEPTH // 2) + "nobody" + ")" * (search.MAX_DEPTH // 2)
    assert directory.count(nested) == directory.count("nobody") == 0


def test_huge_numbers_never_overflow(capsys: pytest.CaptureFixture[str], db: str) -> None:
    assert run(capsys, "--db", db, "count", "tag:#99999999999999999999999")[:2] == (0, "0\n")
    assert run(capsys, "--db", db, "count", "tag:#²")[:2] == (0, "0\n")
    code, _, err = run(capsys, "--db", db, "count", "added:99999999..")
    assert code == 1 and one_line(err) and "not a valid value" in err
    code, _, err = run(capsys, "--db", db, "member", "show", "9" * 30)
    assert code == 2 and "between 1 and" in err and "Traceback" not in err


def test_negative_demo_size_is_a_usage_error(
    capsys: pytest.CaptureFixture[str], db_path: Path
) -> None:
    code, _, err = run(capsys, "--db", str(db_path), "demo", "--members", "-5")
    assert code == 2 and "--members" in err and "Traceback" not in err
    assert not db_path.exists()


def test_moderation_json_that_is_not_a_list(
    capsys: pytest.CaptureFixture[str], db: str, tmp_path: Path
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    code, _, err = run(capsys, "--db", db, "moderation", "import", str(deep))
    assert code == 1 and one_line(err) and "nested too deeply" in err
    lone = tmp_path / "one.json"
    lone.write_text(json.dumps({"kind": "join", "name": "Anne Neuve", "email": "a@example.org"}))
    code, out, err = run(capsys, "--db", db, "moderation", "import", str(lone))
    assert code == 1 and one_line(err) and "expected a list" in err and "added" not in out


# --- 9 and 10. known failures in one sentence; damage only when it is ------------------------


def test_a_store_locked_by_another_writer_is_busy_not_damaged(
    capsys: pytest.CaptureFixture[str],
    db: str,
    writer: sqlite3.Connection,
    short_busy_timeout: None,
) -> None:
    code, _, err = run(capsys, "--db", db, "member", "erase", "2")
    assert code == 1 and one_line(err) and "busy" in err and "SQL" not in err
    code, out, err = run(capsys, "--db", db, "check")
    assert code == 1 and one_line(err) and "busy" in err and "search index" not in out + err
    assert run(capsys, "--db", db, "count")[:2] == (0, "6\n")  # reading still works (WAL)


def test_an_exclusive_lock_is_busy_not_damaged(
    db: str, short_busy_timeout: None, capsys: pytest.CaptureFixture[str]
) -> None:
    other = sqlite3.connect(db, isolation_level=None)
    try:
        other.execute("PRAGMA locking_mode = EXCLUSIVE")
        other.execute("BEGIN EXCLUSIVE")
        other.execute("UPDATE member SET notes = 'mine' WHERE id = 1")
        with pytest.raises(StoreError) as caught:
            open_store(Path(db)).close()
        assert not isinstance(caught.value, NotAStoreError)
        assert "busy" in str(caught.value)
        code, _, err = run(capsys, "--db", db, "count")
        assert code == 1 and one_line(err) and "busy" in err and "damaged" not in err
    finally:
        other.rollback()
        other.close()


def test_real_corruption_is_still_called_damage(tmp_path: Path, db: str) -> None:
    broken = tmp_path / "broken.sqlite3"
    data = bytearray(Path(db).read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)  # the schema page
    broken.write_bytes(bytes(data))
    with pytest.raises(NotAStoreError, match="damaged"):
        open_store(broken)


def _raising(exc: BaseException) -> object:
    def count(self: object, query: str = "") -> int:
        raise exc

    return count


def _sql_error(code: int, text: str) -> sa.exc.OperationalError:
    driver = sqlite3.OperationalError(text)
    driver.sqlite_errorcode = code  # type: ignore[attr-defined]
    return sa.exc.OperationalError("BEGIN IMMEDIATE", ("jean@example.org",), driver)


@pytest.mark.parametrize(
    ("exc", "says"),
    [
        (_sql_error(sqlite3.SQLITE_FULL, "database or disk is full"), "disk is full"),
        (_sql_error(sqlite3.SQLITE_BUSY, "database is locked"), "busy"),
        (_sql_error(sqlite3.SQLITE_READONLY, "attempt to write a readonly database"), "read-only"),
        (_sql_error(sqlite3.SQLITE_CANTOPEN, "unable to open database file"), "permission"),
        (OSError(28, "No space left on device"), "disk is full"),
        (OSError(30, "Read-only file system"), "read-only"),
        (PermissionError(13, "Permission denied", "/srv/x.csv"), "permission denied"),
    ],
)
def test_known_failures_are_one_sentence(
    capsys: pytest.CaptureFixture[str],
    db: str,
    monkeypatch: pytest.MonkeyPatch,
    exc: BaseException,
    says: str,
) -> None:
    monkeypatch.setattr(MemberDirectory, "count", _raising(exc))
    code, out, err = run(capsys, "--db", db, "count")
    assert code == 1 and out == "" and one_line(err) and says in err
    assert "SQL" not in err and "jean" not in err and "sqlalche.me" not in err
    assert not (log_dir() / "crash.log").exists()  # not a bug


# --- 11. the crash log ------------------------------------------------------------------------


def test_a_bug_is_one_line_with_the_crash_log_which_is_private_and_scrubbed(
    capsys: pytest.CaptureFixture[str], db: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    bug = sa.exc.StatementError(
        "boom", "SELECT id FROM member WHERE email = ?", ("jean.secret@example.org",), None
    )
    bug.orig = RuntimeError("no match for 'jean.secret@example.org'")  # type: ignore[assignment]
    monkeypatch.setattr(MemberDirectory, "count", _raising(bug))
    code, out, err = run(capsys, "--db", db, "count", "jean.secret")
    log = log_dir() / "crash.log"
    assert code == 1 and out == "" and one_line(err)
    assert "internal error (StatementError)" in err and str(log) in err
    assert "jean" not in err
    text = log.read_text()
    assert "Traceback" in text and "cmd_count" in text
    assert "jean" not in text and "secret" not in text and "parameters" not in text
    assert stat.S_IMODE(os.stat(log).st_mode) == 0o600


def test_the_crash_log_is_rotated_and_an_old_one_made_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "logs"
    folder.mkdir()
    old = folder / "crash.log"
    old.write_text("x" * 1000)
    os.chmod(old, 0o644)
    monkeypatch.setattr(failures, "MAX_LOG_BYTES", 4096)
    name = "Du" + "pont"
    for _ in range(20):
        try:
            raise ValueError(f"value {name!r} refused")
        except ValueError as exc:
            assert failures.log_crash(exc, folder, "test") == old
    assert stat.S_IMODE(os.stat(old).st_mode) == 0o600
    rotated = folder / "crash.log.1"
    assert rotated.exists() and stat.S_IMODE(os.stat(rotated).st_mode) == 0o600
    assert old.stat().st_size <= 2 * 4096 and rotated.stat().st_size <= 2 * 4096
    assert sorted(p.name for p in folder.iterdir()) == ["crash.log", "crash.log.1"]
    assert "Dupont" not in old.read_text() + rotated.read_text()


def test_scrub_keeps_the_kind_of_message_not_the_data() -> None:
    text = failures.scrub(
        "(sqlite3.IntegrityError) UNIQUE constraint failed: member.email\n"
        "[SQL: INSERT INTO member (email) VALUES (?)]\n[parameters: ('anne@example.org',)]"
    )
    assert text == "(sqlite3.IntegrityError) UNIQUE constraint failed: member.email"
    assert failures.scrub("member 123456 'Anne' not found") == "member … '…' not found"
