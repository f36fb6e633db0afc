"""Issue 18, points 1-4: no command and no dialog destroys a file.

Outputs are never the store (or its -wal/-shm) or the input, replace an old file only once
complete and verified, are never devices; inputs are regular files; a read-only store stays
read-only.
"""

from __future__ import annotations

import errno
import hashlib
import os
import stat
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app import association, files
from app.errors import AmicaleError, StoreError
from app.store import Store, open_store
from app.store import sqlite as store_sqlite
from tests.test_cli import run
from ui.main_window import MainWindow
from ui.settings import UiSettings


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("amicale: ") and "Traceback" not in err


@pytest.fixture
def closed_store(store: Store, people: dict[str, int]) -> Path:
    """A store with the six people, closed (as the command line finds it)."""
    store.close()
    return store.path


def members(path: Path) -> int:
    opened = open_store(path)
    try:
        with opened.read() as conn:
            return int(conn.exec_driver_sql("SELECT count(*) FROM member").scalar_one())
    finally:
        opened.close()


# --- 1. the store, its -wal/-shm, the input ---------------------------------------------------


@pytest.mark.parametrize("suffix", ["", "-wal", "-shm"])
def test_backup_and_export_refuse_the_store_and_its_files(
    capsys: pytest.CaptureFixture[str], closed_store: Path, suffix: str
) -> None:
    db = str(closed_store)
    before = digest(closed_store)
    target = f"{db}{suffix}"
    for argv in (("backup", "-o", target), ("export", "--format", "csv", "-o", target)):
        code, _, err = run(capsys, "--db", db, *argv)
        assert code == 1 and one_line(err) and "data file in use" in err, argv
    assert digest(closed_store) == before
    assert members(closed_store) == 6


def test_outputs_are_compared_by_inode(
    capsys: pytest.CaptureFixture[str], closed_store: Path, tmp_path: Path
) -> None:
    hard = tmp_path / "hard-link.sqlite3"
    os.link(closed_store, hard)
    soft = tmp_path / "elsewhere" / "link.csv"
    soft.parent.mkdir()
    soft.symlink_to(closed_store)
    before = digest(closed_store)
    assert run(capsys, "--db", str(closed_store), "backup", "-o", str(hard))[0] == 1
    code, _, err = run(capsys, "--db", str(closed_store), "export", "-o", str(soft))
    assert code == 1 and one_line(err)
    assert digest(closed_store) == before and members(closed_store) == 6


def test_import_rejects_file_is_never_the_store_or_the_input(
    capsys: pytest.CaptureFixture[str], closed_store: Path, tmp_path: Path
) -> None:
    source = tmp_path / "in.csv"
    source.write_text("first_name,last_name,email\n,,bad\nAnne,Neuve,anne@example.org\n")
    kept = source.read_bytes()
    before = digest(closed_store)
    code, out, err = run(
        capsys, "--db", str(closed_store), "import", str(source), "--rejects", str(closed_store)
    )
    assert code == 1 and one_line(err) and "data file in use" in err and out == ""
    code, _, err = run(
        capsys, "--db", str(closed_store), "import", str(source), "--rejects", str(source)
    )
    assert code == 1 and one_line(err) and "file being read" in err
    assert source.read_bytes() == kept
    # Refused before the import: nothing was imported either time.
    assert digest(closed_store) == before and members(closed_store) == 6


def test_restore_refuses_the_store_itself(
    capsys: pytest.CaptureFixture[str], closed_store: Path
) -> None:
    before = digest(closed_store)
    code, _, err = run(capsys, "--db", str(closed_store), "restore", str(closed_store))
    assert code == 1 and one_line(err) and "itself" in err
    assert digest(closed_store) == before


def test_the_window_refuses_to_back_up_onto_the_store(
    qtbot: QtBot, store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    before = store.path.stat().st_size
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (store.address, ""))
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    win._on_backup()
    assert len(warnings) == 1 and "data file in use" in warnings[0]
    assert store.path.stat().st_size == before
    with store.read() as conn:
        assert conn.exec_driver_sql("SELECT count(*) FROM member").scalar_one() == 6


# --- 2. an old backup or export survives a failed one -----------------------------------------


def test_a_failed_backup_keeps_the_previous_one(
    capsys: pytest.CaptureFixture[str],
    closed_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "backups" / "last.sqlite3"
    assert run(capsys, "--db", str(closed_store), "backup", "-o", str(target))[0] == 0
    good = digest(target)

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full_disk)
    code, _, err = run(capsys, "--db", str(closed_store), "backup", "-o", str(target))
    assert code == 1 and one_line(err) and "No space left on device" in err
    assert digest(target) == good
    assert sorted(p.name for p in target.parent.iterdir()) == ["last.sqlite3"]  # no leftovers


def test_a_backup_that_does_not_verify_replaces_nothing(
    closed_store: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "b.sqlite3"
    store_sqlite.backup_file(closed_store, target)
    good = digest(target)
    real = store_sqlite.table_counts
    calls = iter(range(100))

    def lying_counts(conn: object) -> dict[str, int]:
        counts = real(conn)  # type: ignore[arg-type]
        if next(calls) == 1:  # the copy's counts, not the source's
            counts["member"] = -1
        return counts

    monkeypatch.setattr(store_sqlite, "table_counts", lying_counts)
    with pytest.raises(StoreError, match="does not match"):
        store_sqlite.backup_file(closed_store, target)
    assert digest(target) == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".b.sqlite3")] == []


def test_a_failed_export_keeps_the_previous_file(
    capsys: pytest.CaptureFixture[str],
    closed_store: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("the good export\n")

    def full_disk(_fd: int) -> None:
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(files.os, "fsync", full_disk)
    code, _, err = run(capsys, "--db", str(closed_store), "export", "-o", str(target))
    assert code == 1 and one_line(err)
    assert target.read_text() == "the good export\n"
    assert [p.name for p in tmp_path.iterdir() if p.suffix == ".part"] == []


# --- 3. devices and pipes ---------------------------------------------------------------------


def test_outputs_must_be_regular_files(
    capsys: pytest.CaptureFixture[str], closed_store: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for target in (fifo, Path(os.devnull)):
        argv = ("export", "--format", "csv", "-o", str(target))
        code, _, err = run(capsys, "--db", str(closed_store), *argv)
        assert code == 1 and one_line(err) and "not an ordinary file" in err
        assert not stat.S_ISREG(os.stat(target).st_mode)
    with pytest.raises(AmicaleError, match="not an ordinary file"):
        files.check_output(Path(os.devnull))


def test_inputs_must_be_regular_files(
    capsys: pytest.CaptureFixture[str], closed_store: Path, tmp_path: Path
) -> None:
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)  # opening it would wait forever for a writer
    for argv in (
        ("import", str(fifo)),
        ("import", os.devnull),
        ("moderation", "import", str(fifo)),
        ("posts", "import", str(fifo)),
        ("posts", "ideas", str(fifo)),
        ("restore", str(fifo)),
    ):
        code, _, err = run(capsys, "--db", str(closed_store), *argv)
        assert code == 1 and one_line(err) and "not an ordinary file" in err, argv
    code, _, err = run(capsys, "--db", str(fifo), "count")
    assert code == 1 and one_line(err) and "not an ordinary file" in err


# --- 4. a read-only store ---------------------------------------------------------------------


def test_a_read_only_store_is_refused_untouched(
    capsys: pytest.CaptureFixture[str], closed_store: Path
) -> None:
    os.chmod(closed_store, 0o400)
    before = digest(closed_store)
    try:
        code, out, err = run(capsys, "--db", str(closed_store), "count")
        assert code == 1 and out == "" and one_line(err) and "read-only" in err
        assert stat.S_IMODE(os.stat(closed_store).st_mode) == 0o400
        assert digest(closed_store) == before
    finally:
        os.chmod(closed_store, 0o600)


def test_opening_takes_away_only_the_permissions_of_others(closed_store: Path) -> None:
    os.chmod(closed_store, 0o644)
    open_store(closed_store).close()
    assert stat.S_IMODE(os.stat(closed_store).st_mode) == 0o600
