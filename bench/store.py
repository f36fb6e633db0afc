"""The demo store the benchmarks run on, and the `demo` benchmark with its CSV reference.

The store is cached as ``bench/.data/demo-<N>-<seed>.sqlite3`` (git-ignored). The reference
for building it is the physical floor of loading the same members: the ``sqlite3``
command-line tool's ``.import`` of a CSV of the member table, into an empty file.
"""

from __future__ import annotations

import csv
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import DATA_DIR, Row, secs

DEMO_TARGET_S = 60.0


@dataclass(frozen=True)
class Build:
    path: Path
    seconds: float
    members: int


def store_path(members: int, seed: int) -> Path:
    return DATA_DIR / f"demo-{members}-{seed}.sqlite3"


def remove_store(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _progress(done: int, total: int) -> None:
    step = max(1, total // 10)
    if done == total or done % step < 20_000:
        print(f"  demo: {done:,} / {total:,} members", file=sys.stderr, flush=True)


def build(path: Path, members: int, seed: int) -> Build:
    """Build the demo store at ``path`` from scratch; time ``build_demo`` alone."""
    from app.demo import build_demo
    from app.store import open_store

    remove_store(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    store = open_store(path)
    try:
        started = time.perf_counter()
        report = build_demo(store, members=members, seed=seed, progress=_progress)
        seconds = time.perf_counter() - started
    finally:
        store.close()
    return Build(path, seconds, report.members)


def revision(path: Path) -> str | None:
    """The schema revision written in the store file (read-only)."""
    from app.store.sqlite import read_revision

    return read_revision(path)


def upgrade(path: Path) -> str | None:
    """Bring a cached store to the app's current schema, in place; the old revision, or None.

    Opening an older file with `open_store` migrates it in place, as the app does: every
    benchmark opening the cache would do it anyway, the first one inside its own figures. The
    driver does it once, before any benchmark, so that they all run on the same, current
    file. The backup `open_store` leaves beside the file (a copy of it) is removed: the cache
    can always be rebuilt.
    """
    from app.store import open_store
    from app.store.schema import SCHEMA_HEAD

    old = revision(path)
    if old == SCHEMA_HEAD:
        return None
    store = open_store(path)
    store.close()
    if store.report.backup is not None:
        remove_store(store.report.backup)
    return old


def cached_store(members: int, seed: int) -> tuple[Path, str]:
    """The demo store of ``members`` for a benchmark of its own (`export`): built once in
    ``bench/.data/`` when missing, else reused whatever ``--keep`` says (its build is not
    timed), upgraded to the current schema if needed. Returns its path and what was done."""
    path = store_path(members, seed)
    if path.exists() and _count(path) == members:
        started = time.perf_counter()
        old = upgrade(path)
        if old is None:
            return path, "reused"
        return path, f"reused, upgraded from schema {old} in {secs(time.perf_counter() - started)}"
    print(f"  building the demo store {path.name} ({members:,} members)", file=sys.stderr)
    built = build(path, members, seed)
    return path, f"built in {secs(built.seconds)}"


def _count(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def export_csv(db: Path, target: Path) -> int:
    """The member table as CSV (header row, then one line per member); returns the rows."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    count = 0
    try:
        cursor = conn.execute("SELECT * FROM member ORDER BY id")
        with target.open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow([d[0] for d in cursor.description])
            while chunk := cursor.fetchmany(50_000):
                writer.writerows(chunk)
                count += len(chunk)
    finally:
        conn.close()
    return count


def sqlite_import_seconds(csv_path: Path, workdir: Path) -> float | None:
    """Time ``sqlite3 new.db ".mode csv" ".import file.csv member"``; None without the tool."""
    tool = shutil.which("sqlite3") or (
        "/usr/bin/sqlite3" if Path("/usr/bin/sqlite3").exists() else None
    )
    if tool is None:
        return None
    db = workdir / "import.sqlite3"
    db.unlink(missing_ok=True)
    started = time.perf_counter()
    subprocess.run(
        [tool, str(db), ".mode csv", f'.import "{csv_path}" member'],
        check=True,
        stdin=subprocess.DEVNULL,
    )
    seconds = time.perf_counter() - started
    check = sqlite3.connect(db)
    try:
        (imported,) = check.execute("SELECT count(*) FROM member").fetchone()
    finally:
        check.close()
    db.unlink(missing_ok=True)
    print(f"  demo: sqlite3 .import of {imported:,} members: {secs(seconds)}", file=sys.stderr)
    return seconds


def demo_rows(built: Build) -> list[Row]:
    """The `demo` benchmark for a store just built: build time beside the CSV import."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix="csv-") as tmp:
        workdir = Path(tmp)
        csv_path = workdir / "members.csv"
        print("  demo: exporting the member table to CSV for the reference", file=sys.stderr)
        export_csv(built.path, csv_path)
        reference = sqlite_import_seconds(csv_path, workdir)
    if reference is None:
        ref_text = "sqlite3 tool not found"
        result = secs(built.seconds)
    else:
        ref_text = f"sqlite3 `.import` of the member table as CSV: {secs(reference)}"
        result = f"{secs(built.seconds)} ({built.seconds / reference:.1f}× the import)"
    return [
        Row(
            f"demo: `build_demo`, {built.members:,} members (tags, communities, FTS index)",
            ref_text,
            result,
            f"< {DEMO_TARGET_S:.0f} s",
            built.seconds < DEMO_TARGET_S,
        )
    ]


def demo_in_temp_file(members: int, seed: int) -> list[Row]:
    """`--only demo`: build in a temporary file, so the cached store stays as it is."""
    DATA_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix="demo-") as tmp:
        built = build(Path(tmp) / "demo.sqlite3", members, seed)
        return demo_rows(built)
