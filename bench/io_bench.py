"""The data benchmarks of issue 3 ("Speed"): `import`, `export` and `dedup`.

- ``import``: a member CSV the way a school spreadsheet comes (French headers, ``;``, UTF-8
  with a byte-order mark, a tags column of "Category/Name" labels), made once from the demo
  store and cached in ``bench/.data/``. Amicale's `open_source` + `import_file` into a new,
  empty store, in a process of its own (its peak resident memory is the import's), beside
  two references on the same file: the ``sqlite3`` tool's ``.import`` into a bare table, and
  ``sqlite-utils insert --csv`` (installed in a throwaway virtual environment of its own,
  ``bench/.data/tools-venv``, never in the project's).
- ``export``: `export_members` of the 100,000 members of a demo store of their own (cached),
  to CSV and to XLSX, beside Python's ``csv`` module and openpyxl's write-only mode writing
  the same rows fetched by one raw SQL statement (the floors). It runs on a copy of the
  store: an export is recorded in the audit log, and the cache must not grow with each run.
- ``dedup``: `scan` of the whole store (read-only), in a process of its own, beside the exact
  keys' ``GROUP BY … HAVING count(*) > 1`` run raw through Python's ``sqlite3``.

Run by ``python -m bench``; the measured parts can be run alone, under cProfile, with
``python -m bench.io_bench import|dedup … --profile FILE`` (see `main`).
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import csv
import json
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bench.common import DATA_DIR, REPO, Row, mb, median, peak_rss_bytes, rss_bytes, secs

# --- targets (issue 3, "Speed"; the dedup one from "Duplicates and merge") --------------------
IMPORT_FACTOR = 3.0  # at most this many times the sqlite3 tool's .import of the same file
EXPORT_MEMBERS = 100_000
EXPORT_CSV_TARGET_S = 3.0
EXPORT_XLSX_TARGET_S = 20.0
EXPORT_CSV_RUNS = 3  # the CSV export is short: median of a few runs (XLSX: one)
DEDUP_TARGET_S = 30.0
DEDUP_REFERENCE_RUNS = 3

TOOLS_VENV = DATA_DIR / "tools-venv"
SQLITE_UTILS = TOOLS_VENV / "bin" / "sqlite-utils"

# The columns of the import file, with the headers a French school's spreadsheet would have.
CSV_COLUMNS = (
    "first_name", "last_name", "email", "phone", "city", "region", "country", "company",
    "job_title", "school", "promo", "birthday", "linkedin_url",
)  # fmt: skip
FRENCH_HEADERS = (
    "Prénom", "Nom", "E-mail", "Téléphone", "Ville", "Région", "Pays", "Entreprise", "Poste",
    "École", "Promo", "Date de naissance", "LinkedIn", "Étiquettes",
)  # fmt: skip
# Tag labels in the order the app shows them (and its export writes them).
_TAG_LABELS_SQL = """
SELECT t.id, CASE WHEN c.name IS NULL THEN t.name ELSE c.name || '/' || t.name END
FROM tag AS t LEFT JOIN tag_category AS c ON c.id = t.category_id
ORDER BY c.position, t.name_key
"""


def log(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


def _read_only(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def _count(db: Path, table: str = "member") -> int:
    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])
    finally:
        conn.close()


def _warm(path: Path) -> None:
    """Read a file once, so that every contender starts with it in the page cache."""
    with path.open("rb") as handle:
        while handle.read(1 << 24):
            pass


@dataclass(frozen=True)
class Measured:
    seconds: float  # wall time from spawn to exit
    peak_rss: int  # the child's own peak resident memory (its last VmHWM seen), in bytes


def _hwm(pid: int) -> int | None:
    """VmHWM of a running process, in bytes; None once it has gone (or is a zombie)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return None


def run_measured(command: Sequence[str]) -> Measured:
    """Run ``command``; its wall time and its peak resident memory.

    The peak is the child's VmHWM, read every few milliseconds while it runs (the high-water
    mark only grows, so the last reading is the peak but for the last moments). ``wait4``'s
    ``ru_maxrss`` would not do: it counts the memory of this process, which the child
    shares until it executes the command.
    """
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        with subprocess.Popen(
            list(command),
            cwd=REPO,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=errors,
        ) as process:
            peak = 0
            while True:
                pid, status = os.waitpid(process.pid, os.WNOHANG)
                if pid:
                    break
                peak = max(peak, _hwm(process.pid) or 0)
                time.sleep(0.005)
            seconds = time.perf_counter() - started
            process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            detail = errors.read().decode("utf-8", "replace")[-2000:]
            raise subprocess.CalledProcessError(process.returncode, list(command), stderr=detail)
    return Measured(seconds, peak)


def _worker(kind: str, *args: str) -> dict[str, Any]:
    """The JSON result of ``python -m bench.io_bench KIND ARGS`` (a process of its own, so
    that its peak memory is the benchmark's, not the driver's)."""
    with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix=f"{kind}-out-") as tmp:
        out = Path(tmp) / "result.json"
        command = [sys.executable, "-m", "bench.io_bench", kind, *args, "--out", str(out)]
        subprocess.run(command, check=True, cwd=REPO, stdin=subprocess.DEVNULL)
        data: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
        return data


# --- import -----------------------------------------------------------------------------------


def _fingerprint(db: Path, rows: int) -> dict[str, Any]:
    conn = _read_only(db)
    try:
        count, last_id, last_update = conn.execute(
            "SELECT count(*), max(id), max(updated_at) FROM member"
        ).fetchone()
    finally:
        conn.close()
    return {
        "store": db.name,
        "members": count,
        "max_id": last_id,
        "max_updated_at": last_update,
        "rows": rows,
        "headers": list(FRENCH_HEADERS),
    }


def member_csv(db: Path, rows: int) -> tuple[Path, str]:
    """The import file of the first ``rows`` members of ``db``, made once and cached.

    Remade when the store changed (a rebuilt demo store has other dates). Returns the path and
    what was done.
    """
    target = DATA_DIR / f"import-{rows}-from-{db.stem}.csv"
    stamp = target.with_name(target.name + ".json")
    expected = _fingerprint(db, rows)
    if target.exists() and stamp.exists():
        with contextlib.suppress(ValueError):
            if json.loads(stamp.read_text(encoding="utf-8")) == expected:
                return target, "reused"
    log(f"import: writing {target.name} ({rows:,} members of {db.name})")
    started = time.perf_counter()
    part = target.with_name(target.name + ".part")
    conn = _read_only(db)
    try:
        order = {
            tag_id: (rank, label)
            for rank, (tag_id, label) in enumerate(conn.execute(_TAG_LABELS_SQL))
        }
        members = conn.execute(
            f"SELECT id, {', '.join(CSV_COLUMNS)} FROM member ORDER BY id LIMIT ?", (rows,)
        )
        links = conn.cursor().execute("SELECT member_id, tag_id FROM member_tag ORDER BY member_id")
        with part.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=";", lineterminator="\r\n")
            writer.writerow(FRENCH_HEADERS)
            link = next(links, None)
            for member_id, *values in members:
                while link is not None and link[0] < member_id:
                    link = next(links, None)
                labels: list[tuple[int, str]] = []
                while link is not None and link[0] == member_id:
                    labels.append(order[link[1]])
                    link = next(links, None)
                labels.sort()
                writer.writerow([*values, ", ".join(label for _, label in labels)])
    finally:
        conn.close()
    part.replace(target)
    stamp.write_text(json.dumps(expected, ensure_ascii=False), encoding="utf-8")
    return target, f"written in {secs(time.perf_counter() - started)}"


def sqlite_tool() -> str | None:
    found = shutil.which("sqlite3")
    if found is None and Path("/usr/bin/sqlite3").exists():
        found = "/usr/bin/sqlite3"
    return found


def sqlite_utils() -> Path | None:
    """``sqlite-utils``, installed (once) in a virtual environment of its own; None if it
    cannot be installed (offline)."""
    if SQLITE_UTILS.exists():
        return SQLITE_UTILS
    log(f"import: installing sqlite-utils in {TOOLS_VENV.relative_to(REPO)} (once)")
    try:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(TOOLS_VENV)], check=True)
        pip = [str(TOOLS_VENV / "bin" / "python"), "-m", "pip", "install", "-q", "sqlite-utils"]
        subprocess.run(pip, check=True)
    except (OSError, subprocess.CalledProcessError) as exc:
        log(f"import: sqlite-utils could not be installed: {exc}")
        return None
    return SQLITE_UTILS if SQLITE_UTILS.exists() else None


def _tool_version(command: Sequence[str]) -> str:
    done = subprocess.run(list(command), capture_output=True, text=True, check=False)
    return done.stdout.strip().split(" ")[-1] if done.returncode == 0 else "?"


def _reference_import(name: str, command: Sequence[str], db: Path, rows: int) -> Measured:
    db.unlink(missing_ok=True)
    measured = run_measured(command)
    imported = _count(db)
    db.unlink(missing_ok=True)
    if imported != rows:
        raise RuntimeError(f"{name} imported {imported:,} rows, not {rows:,}")
    log(f"import: {name}: {secs(measured.seconds)}, peak {mb(measured.peak_rss)}")
    return measured


def import_rows(db: Path, rows: int) -> tuple[list[Row], list[str]]:
    """The `import` benchmark on the first ``rows`` members of ``db`` (made into a CSV)."""
    rows = min(rows, _count(db))
    csv_path, made = member_csv(db, rows)
    size = csv_path.stat().st_size
    facts = [f"import file `{csv_path.relative_to(REPO)}` ({mb(size)}) {made}"]
    _warm(csv_path)
    with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix="import-") as tmp:
        workdir = Path(tmp)
        bare: Measured | None = None
        tool = sqlite_tool()
        if tool is not None:
            command = [tool, str(workdir / "bare.db"), ".mode csv", ".separator ;"]
            command.append(f'.import "{csv_path}" member')
            bare = _reference_import("sqlite3 .import", command, workdir / "bare.db", rows)
        utils: Measured | None = None
        utils_version = ""
        utils_bin = sqlite_utils()
        if utils_bin is not None:
            utils_version = _tool_version([str(utils_bin), "--version"])
            command = [str(utils_bin), "insert", str(workdir / "utils.db"), "member"]
            command += [str(csv_path), "--csv", "--delimiter", ";"]
            utils = _reference_import("sqlite-utils insert", command, workdir / "utils.db", rows)
        log("import: Amicale's import_file, into a new store (a process of its own)")
        result = _worker("import", str(csv_path), "--workdir", str(workdir))
    return _import_table(rows, size, bare, utils, utils_version, result), facts


def _import_table(
    rows: int,
    size: int,
    bare: Measured | None,
    utils: Measured | None,
    utils_version: str,
    result: dict[str, Any],
) -> list[Row]:
    seconds = float(result["open_seconds"]) + float(result["import_seconds"])
    counts = result["report"]
    detail = (
        f"{rows / seconds:,.0f} rows/s; `open_source` {secs(result['open_seconds'])} + "
        f"`import_file` {secs(result['import_seconds'])}; peak RSS {mb(result['peak_rss'])} "
        f"({mb(result['rss_before'])} before the import); created {counts['created']:,}, "
        f"updated {counts['updated']:,}, unchanged {counts['unchanged']:,}, probable "
        f"duplicates {counts['duplicates']:,}, rejected {counts['rejected']:,} → "
        f"{result['members']:,} members"
    )
    what = (
        f"import: `open_source` + `import_file`, {rows:,}-row CSV ({mb(size)}; French "
        "headers, `;`, UTF-8 BOM, tags) into a new store"
    )
    table: list[Row] = []
    if bare is None:
        table.append(Row(what, "sqlite3 tool not found", f"{secs(seconds)}; {detail}", "—", None))
    else:
        limit = IMPORT_FACTOR * bare.seconds
        table.append(
            Row(
                what,
                f"sqlite3 `.import` into a bare table: {secs(bare.seconds)} "
                f"(peak RSS {mb(bare.peak_rss)})",
                f"{secs(seconds)} ({seconds / bare.seconds:.1f}× `.import`); {detail}",
                f"≤ {IMPORT_FACTOR:.0f}× `.import` = {secs(limit)}",
                seconds <= limit,
            )
        )
    what = f"import: the same, beside sqlite-utils ({rows:,} rows)"
    if utils is None:
        table.append(Row(what, "sqlite-utils not available", secs(seconds), "—", None))
    else:
        table.append(
            Row(
                what,
                f"`sqlite-utils insert --csv --delimiter ';'` {utils_version}: "
                f"{secs(utils.seconds)} (peak RSS {mb(utils.peak_rss)})",
                f"{secs(seconds)} ({seconds / utils.seconds:.2f}× sqlite-utils)",
                f"< sqlite-utils = {secs(utils.seconds)}",
                seconds < utils.seconds,
            )
        )
    return table


def _import_worker(csv_path: Path, workdir: Path, profile: Path | None) -> dict[str, Any]:
    """In the worker process: a new store, then `open_source` + `import_file`, timed."""
    import sqlalchemy as sa

    from app.io.importer import import_file
    from app.io.readers import open_source
    from app.store import open_store

    store = open_store(workdir / "amicale.sqlite3")  # created and migrated: not timed
    profiler = cProfile.Profile() if profile else None
    try:
        before = rss_bytes()
        if profiler is not None:
            profiler.enable()
        started = time.perf_counter()
        cpu = time.process_time()  # every thread's (the text index is written by a second one)
        source = open_source(csv_path)
        opened = time.perf_counter()
        report = import_file(store, source)
        done = time.perf_counter()
        cpu = time.process_time() - cpu
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
        with store.read() as conn:
            members = int(conn.execute(sa.text("SELECT count(*) FROM member")).scalar_one())
    finally:
        store.close()
    log(f"import: {members:,} members in {secs(done - started)} ({report.summary_line()})")
    return {
        "open_seconds": opened - started,
        "import_seconds": done - opened,
        "import_cpu": cpu,
        "rss_before": before,
        "peak_rss": peak_rss_bytes(),
        "members": members,
        "report": {
            "created": report.created,
            "updated": report.updated,
            "unchanged": report.unchanged,
            "duplicates": report.duplicates,
            "rejected": report.rejected,
            "warnings": len(report.warnings),
            "conflicts": len(report.conflicts),
        },
    }


# --- export -----------------------------------------------------------------------------------

# The same rows as the app's default export, in its order (the default sort), by one statement.
_RAW_EXPORT_SQL = f"""
SELECT {", ".join(f"m.{c}" for c in CSV_COLUMNS)},
  (SELECT group_concat(label, ', ') FROM (
     SELECT CASE WHEN c.name IS NULL THEN t.name ELSE c.name || '/' || t.name END AS label
     FROM member_tag AS mt JOIN tag AS t ON t.id = mt.tag_id
     LEFT JOIN tag_category AS c ON c.id = t.category_id
     WHERE mt.member_id = m.id ORDER BY c.position, t.name_key))
FROM member AS m ORDER BY m.sort_name, m.id
"""


def _raw_rows(db: Path) -> Iterator[list[tuple[Any, ...]]]:
    conn = _read_only(db)
    try:
        cursor = conn.execute(_RAW_EXPORT_SQL)
        while chunk := cursor.fetchmany(2000):
            yield chunk
    finally:
        conn.close()


def _raw_csv(db: Path, target: Path, headers: Sequence[str]) -> int:
    count = 0
    with target.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(headers)
        for chunk in _raw_rows(db):
            writer.writerows(chunk)
            count += len(chunk)
    return count


def _raw_xlsx(db: Path, target: Path, headers: Sequence[str]) -> int:
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Members")
    sheet.append(list(headers))
    count = 0
    for chunk in _raw_rows(db):
        for row in chunk:
            sheet.append(row)
        count += len(chunk)
    workbook.save(target)
    return count


def _copy_store(source: Path, target: Path) -> None:
    """A consistent copy through SQLite's backup API (a -wal file is taken into account)."""
    src, dst = _read_only(source), sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def _timed(action: Any, *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = action(*args)
    return time.perf_counter() - started, value


def export_rows(db: Path, members: int) -> list[Row]:
    """The `export` benchmark on the store ``db`` (all its ``members``), CSV then XLSX."""
    from app.io.export import DEFAULT_COLUMNS, EXPORT_HEADERS, export_members
    from app.store import open_store

    headers = [EXPORT_HEADERS[c] for c in DEFAULT_COLUMNS]
    if list(DEFAULT_COLUMNS) != [*CSV_COLUMNS, "tags"]:
        raise RuntimeError(f"the export's default columns changed: {DEFAULT_COLUMNS}")
    with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix="export-") as tmp:
        workdir = Path(tmp)
        copy = workdir / "store.sqlite3"
        _copy_store(db, copy)
        store = open_store(copy)
        try:
            raw_csv: list[float] = []
            app_csv: list[float] = []
            sizes: dict[str, int] = {}
            for run in range(EXPORT_CSV_RUNS):
                seconds, count = _timed(_raw_csv, copy, workdir / "raw.csv", headers)
                raw_csv.append(seconds)
                report = export_members(store, workdir / "members.csv", fmt="csv")
                app_csv.append(report.seconds)
                if count != members or report.rows != members:
                    raise RuntimeError(f"exported {report.rows:,} / raw {count:,} rows")
                log(f"export: CSV {run + 1}: raw {secs(seconds)}, Amicale {secs(report.seconds)}")
            sizes["raw.csv"] = (workdir / "raw.csv").stat().st_size
            sizes["members.csv"] = (workdir / "members.csv").stat().st_size
            raw_xlsx, _ = _timed(_raw_xlsx, copy, workdir / "raw.xlsx", headers)
            log(f"export: XLSX raw (openpyxl write-only): {secs(raw_xlsx)}")
            xlsx = export_members(store, workdir / "members.xlsx", fmt="xlsx")
            log(f"export: XLSX Amicale: {secs(xlsx.seconds)}")
            sizes["raw.xlsx"] = (workdir / "raw.xlsx").stat().st_size
            sizes["members.xlsx"] = (workdir / "members.xlsx").stat().st_size
        finally:
            store.close()
    app, raw = median(app_csv), median(raw_csv)
    return [
        Row(
            f"export: `export_members` to CSV, {members:,} members, 14 columns with tags "
            f"(median of {EXPORT_CSV_RUNS})",
            f"raw SQL (sqlite3) + `csv.writer`, the same rows: median {secs(raw)} "
            f"({mb(sizes['raw.csv'])})",
            f"median {secs(app)} ({app / raw:.1f}× raw; {mb(sizes['members.csv'])})",
            f"≤ {EXPORT_CSV_TARGET_S:.0f} s",
            app <= EXPORT_CSV_TARGET_S,
        ),
        Row(
            f"export: `export_members` to XLSX, {members:,} members (one run)",
            f"raw SQL (sqlite3) + openpyxl write-only `append`, the same rows: {secs(raw_xlsx)} "
            f"({mb(sizes['raw.xlsx'])})",
            f"{secs(xlsx.seconds)} ({xlsx.seconds / raw_xlsx:.1f}× raw; "
            f"{mb(sizes['members.xlsx'])})",
            f"≤ {EXPORT_XLSX_TARGET_S:.0f} s",
            xlsx.seconds <= EXPORT_XLSX_TARGET_S,
        ),
    ]


# --- dedup ------------------------------------------------------------------------------------

# The exact keys alone, raw: the groups of ids sharing a key (a pair needs the ids), each in
# its cheapest form (the email and LinkedIn ones read only their index; selecting
# lower(email) itself would cost a table lookup per member).
DEDUP_REFERENCE_SQL = (
    "SELECT group_concat(id) FROM member WHERE lower(email) IS NOT NULL "
    "GROUP BY lower(email) HAVING count(*) > 1",
    "SELECT group_concat(id) FROM member WHERE linkedin_key IS NOT NULL "
    "GROUP BY linkedin_key HAVING count(*) > 1",
    "SELECT group_concat(id) FROM member GROUP BY promo, sort_name HAVING count(*) > 1",
)


def _dedup_reference(db: Path) -> list[float]:
    """Seconds of each exact-key query, all rows fetched, on a connection set up like the app's."""
    from app.store.sqlite import configure_connection

    conn = _read_only(db)
    try:
        configure_connection(conn)
        times = []
        for sql in DEDUP_REFERENCE_SQL:
            started = time.perf_counter()
            conn.execute(sql).fetchall()
            times.append(time.perf_counter() - started)
        return times
    finally:
        conn.close()


def dedup_rows(db: Path) -> list[Row]:
    """The `dedup` benchmark: `scan` of the whole store ``db``, beside the exact keys raw."""
    log("dedup: warm-up of the file (the exact-key queries once)")
    _dedup_reference(db)
    log("dedup: Amicale's scan (a process of its own)")
    result = _worker("dedup", str(db))
    runs = [_dedup_reference(db) for _ in range(DEDUP_REFERENCE_RUNS)]
    totals = [sum(run) for run in runs]
    parts = [median([run[i] for run in runs]) for i in range(len(DEDUP_REFERENCE_SQL))]
    reference = median(totals)
    seconds = float(result["seconds"])
    reasons = ", ".join(f"{reason} {n:,}" for reason, n in result["reasons"].items())
    return [
        Row(
            f"dedup: `scan()` of {result['members']:,} members (exact keys in SQL, near "
            "spellings with rapidfuzz)",
            f"the exact keys' `GROUP BY … HAVING count(*) > 1` raw (email {secs(parts[0])}, "
            f"LinkedIn {secs(parts[1])}, promo + name {secs(parts[2])}): median {secs(reference)}",
            f"{secs(seconds)} ({seconds / reference:.1f}× raw); {result['pairs']:,} pairs "
            f"({reasons}); peak RSS {mb(result['peak_rss'])}",
            f"≤ {DEDUP_TARGET_S:.0f} s",
            seconds <= DEDUP_TARGET_S,
        )
    ]


def _dedup_worker(db: Path, profile: Path | None) -> dict[str, Any]:
    from app.members.dedup import scan
    from app.store import open_store
    from app.store.schema import SCHEMA_HEAD
    from app.store.sqlite import read_revision

    if read_revision(db) != SCHEMA_HEAD:
        raise RuntimeError(f"{db} is not at schema {SCHEMA_HEAD}: opening it would change it")
    store = open_store(db)
    profiler = cProfile.Profile() if profile else None
    ticks: list[int] = []
    try:
        members = _count(db)
        if profiler is not None:
            profiler.enable()
        started = time.perf_counter()
        pairs = scan(store, lambda done, total: ticks.append(done))
        seconds = time.perf_counter() - started
        if profiler is not None:
            profiler.disable()
            profiler.dump_stats(str(profile))
    finally:
        store.close()
    reasons = Counter(pair.reason for pair in pairs)
    log(f"dedup: {len(pairs):,} pairs in {secs(seconds)} ({len(ticks)} progress calls)")
    return {
        "seconds": seconds,
        "members": members,
        "pairs": len(pairs),
        "reasons": dict(reasons),
        "peak_rss": peak_rss_bytes(),
    }


# --- the worker -------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    """``python -m bench.io_bench import CSV --workdir DIR --out FILE [--profile FILE]``
    or ``python -m bench.io_bench dedup DB --out FILE [--profile FILE]``."""
    parser = argparse.ArgumentParser(prog="python -m bench.io_bench")
    parser.add_argument("kind", choices=("import", "dedup"))
    parser.add_argument("path", type=Path, help="the CSV to import, or the store to scan")
    parser.add_argument("--workdir", type=Path, help="import: where the new store goes")
    parser.add_argument("--out", type=Path, required=True, help="the JSON result")
    parser.add_argument("--profile", type=Path, help="cProfile statistics of the timed part")
    args = parser.parse_args(argv)
    if args.kind == "dedup":
        result = _dedup_worker(args.path, args.profile)
    elif args.workdir is not None:
        result = _import_worker(args.path, args.workdir, args.profile)
    else:
        with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix="import-") as tmp:
            result = _import_worker(args.path, Path(tmp), args.profile)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
