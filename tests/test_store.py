"""The store: creation, pragmas, migrations, backup before upgrade, refusals, transactions."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.errors import NotAStoreError, StoreTooNewError
from app.members.service import MemberDirectory
from app.store import Store, backup, migrations, open_store
from app.store.schema import SCHEMA_HEAD, member, metadata


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_schema_head_matches_the_migrations() -> None:
    assert migrations.head() == SCHEMA_HEAD


def test_new_store_is_private_wal_and_complete(store: Store, db_path: Path) -> None:
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    assert store.report.created
    with store.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA secure_delete").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 1000
        tables = set(sa.inspect(conn).get_table_names())
    assert set(metadata.tables) <= tables
    assert "member_fts" in tables


def test_migrated_columns_match_the_schema_module(store: Store) -> None:
    with store.read() as conn:
        inspector = sa.inspect(conn)
        for name, table in metadata.tables.items():
            columns = {c["name"] for c in inspector.get_columns(name)}
            assert columns == set(table.columns.keys()), name


def test_write_rolls_back_rows_and_ddl_together(store: Store) -> None:
    with pytest.raises(RuntimeError), store.write() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch (x INTEGER)")
        conn.execute(
            member.insert().values(
                first_name="Ghost",
                created_at="2026-01-01T00:00:00+00:00",
                updated_at="2026-01-01T00:00:00+00:00",
            )
        )
        raise RuntimeError("boom")
    with store.read() as conn:
        assert "scratch" not in sa.inspect(conn).get_table_names()
        assert conn.execute(sa.select(sa.func.count()).select_from(member)).scalar() == 0


def test_upgrade_backs_up_the_old_file_first(db_path: Path) -> None:
    store = open_store(db_path)
    directory = MemberDirectory(store)
    for i in range(25):
        directory.create({"first_name": f"Membre{i}", "email": f"m{i}@example.org"})
    migrations.downgrade(store.engine, "0001")
    store.close()
    before = _digest(db_path)

    upgraded = open_store(db_path)
    try:
        assert upgraded.report.upgraded_from == "0001"
        saved = upgraded.report.backup
        assert saved is not None and saved.exists()
        assert stat.S_IMODE(os.stat(saved).st_mode) == 0o600
        copy = sqlite3.connect(saved)
        assert copy.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert copy.execute("SELECT count(*) FROM member").fetchone() == (25,)
        copy.close()
        assert MemberDirectory(upgraded).total() == 25
        with upgraded.read() as conn:
            assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar() == (
                SCHEMA_HEAD
            )
    finally:
        upgraded.close()
    assert before != _digest(db_path)


def test_file_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    open_store(db_path).close()
    raw = sqlite3.connect(db_path)
    raw.execute("UPDATE alembic_version SET version_num = '9999'")
    raw.commit()
    raw.close()
    before = _digest(db_path)
    with pytest.raises(StoreTooNewError, match="newer version"):
        open_store(db_path)
    assert _digest(db_path) == before


@pytest.mark.parametrize(
    "content",
    [b"hello, this is not a database", b"SQLite format 3\x00" + b"\xff" * 4000],
)
def test_damaged_or_foreign_file_is_explained(db_path: Path, content: bytes) -> None:
    db_path.write_bytes(content)
    with pytest.raises(NotAStoreError):
        open_store(db_path)
    assert db_path.read_bytes() == content


def test_foreign_sqlite_database_is_refused(db_path: Path) -> None:
    raw = sqlite3.connect(db_path)
    raw.execute("CREATE TABLE other (x)")
    raw.commit()
    raw.close()
    with pytest.raises(NotAStoreError, match="not an Amicale data file"):
        open_store(db_path)


def test_backup_and_restore_round_trip(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target, counts = backup.backup(store.path, tmp_path / "copy.sqlite3")
    assert counts["member"] == len(people)
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600
    MemberDirectory(store).delete(list(people.values()))
    store.close()
    kept = backup.restore(target, store.path)
    assert kept is not None and kept.exists()
    reopened = open_store(store.path)
    try:
        assert MemberDirectory(reopened).total() == len(people)
    finally:
        reopened.close()


def test_restore_replaces_a_damaged_file(
    tmp_path: Path, store: Store, people: dict[str, int]
) -> None:
    target, _ = backup.backup(store.path, tmp_path / "good.sqlite3")
    store.close()
    damaged = tmp_path / "damaged.sqlite3"
    damaged.write_bytes(b"garbage" * 100)
    kept = backup.restore(target, damaged)
    assert kept is not None and kept.read_bytes() == b"garbage" * 100
    reopened = open_store(damaged)
    try:
        assert MemberDirectory(reopened).total() == len(people)
    finally:
        reopened.close()


def test_linkedin_key_is_kept_in_step(store: Store) -> None:
    directory = MemberDirectory(store)
    member_id = directory.create(
        {"first_name": "Jean", "linkedin_url": "https://fr.linkedin.com/in/Jean-Dupont/?trk=x"}
    )
    with store.read() as conn:
        key = conn.execute(sa.select(member.c.linkedin_key).where(member.c.id == member_id))
        assert key.scalar() == "linkedin.com/in/jean-dupont"
    directory.update(member_id, {"linkedin_url": "linkedin.com/in/autre"})
    with store.read() as conn:
        key = conn.execute(sa.select(member.c.linkedin_key).where(member.c.id == member_id))
        assert key.scalar() == "linkedin.com/in/autre"
