"""`python -m bench` (what `./dev bench` runs): the member directory at a million members.

Builds the demo store (or reuses it with --keep), runs the benchmarks, prints the table and
appends it, dated, to bench/RESULTS.md. See bench/README.md for what each one measures.
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from bench.common import (
    BENCHMARKS,
    REPO,
    RESULTS,
    WINDOW_SIZE,
    Row,
    load_average,
    machine,
    secs,
)
from bench.store import Build, build, demo_in_temp_file, demo_rows, store_path, upgrade

GUI_BENCHMARKS = ("search", "scroll", "memory", "select")
# The benchmarks that run on the store of --members (export has a 100,000-member one).
STORE_BENCHMARKS = frozenset({*GUI_BENCHMARKS, "startup", "import", "dedup", "tags", "dashboard"})

RESULTS_HEADER = """\
# Benchmark results

Appended by `./dev bench` (`python -m bench`, see `bench/README.md`); previous sections are
never rewritten. Each section is one run: `## date time — cores, CPU, Python, SQLite`, then a
line per benchmark:

- **benchmark**: what is timed, and on how many rows;
- **reference**: the physical floor, measured in the same run on the same file — the app's
  own SQL run raw through Python's `sqlite3`, the `sqlite3` tool's `.import` of the same
  members as CSV, the bare interpreter (`python -c pass`), a bare `QApplication`;
- **result**: what Amicale does — median and p90 over the runs (times) or the resident
  memory (VmRSS);
- **target**: the contract (DESIGN.md §6 and the issues);
- **verdict**: `ok`, or `over` when the target is missed.
"""


def _parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(
        prog="python -m bench",
        description="Benchmarks of the member directory; results appended to bench/RESULTS.md.",
    )
    parser.add_argument("--members", type=int, default=1_000_000, metavar="N")
    parser.add_argument("--seed", type=int, default=1, metavar="S")
    parser.add_argument(
        "--only",
        action="append",
        choices=BENCHMARKS,
        metavar="NAME",
        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}",
    )
    parser.add_argument(
        "--keep",
        action="store_true",
        help="reuse the cached demo store in bench/.data/ (built when missing)",
    )
    parser.add_argument(
        "--runs", type=int, default=10, metavar="R", help="timed runs per search query"
    )
    parser.add_argument(
        "--no-record", action="store_true", help="print the table without appending it"
    )
    parser.add_argument(
        "--import-rows",
        type=int,
        metavar="N",
        help="import: the CSV holds the first N members of the store (default: all of them)",
    )
    parser.add_argument(
        "--export-members",
        type=int,
        default=100_000,
        metavar="N",
        help="export: the members of a demo store of their own (default 100,000)",
    )
    return parser.parse_args(argv)


def _log(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def _member_count(path: Path) -> int | None:
    try:
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            return int(conn.execute("SELECT count(*) FROM member").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return None


def _store(path: Path, members: int, seed: int, keep: bool) -> Build | None:
    """The cached store, reused (None) or built now (its build)."""
    if keep and path.exists() and _member_count(path) == members:
        _log(f"reusing {path.relative_to(REPO)}")
        return None
    _log(f"building the demo store {path.relative_to(REPO)} ({members:,} members)")
    built = build(path, members, seed)
    _log(f"demo store built in {secs(built.seconds)}")
    return built


def _gui_rows(db: Path, only: list[str], runs: int) -> tuple[list[Row], list[str]]:
    """search / scroll / memory, in a process of their own (clean memory figures)."""
    with tempfile.TemporaryDirectory(prefix="amicale-bench-") as tmp:
        out = Path(tmp) / "gui.json"
        env = dict(os.environ)
        env["AMICALE_CONFIG_DIR"] = str(Path(tmp) / "config")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = [sys.executable, "-m", "bench.gui", str(db), "--out", str(out)]
        command += ["--only", ",".join(only), "--runs", str(runs)]
        subprocess.run(command, check=True, cwd=REPO, env=env)
        data = json.loads(out.read_text(encoding="utf-8"))
    return [Row.from_json(r) for r in data["rows"]], list(data["notes"])


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def render(
    rows: Sequence[Row],
    notes: Sequence[str],
    context: str,
    when: datetime | None = None,
    load: str | None = None,
) -> str:
    stamp = (when or datetime.now()).strftime("%Y-%m-%d %H:%M")
    header = f"## {stamp} — {machine()}"
    if load is not None:
        header += f" — load average {load} at start"
    lines = [header, "", context, ""]
    lines += ["| benchmark | reference | result | target | verdict |", "|---|---|---|---|---|"]
    for row in rows:
        cells = (row.benchmark, row.reference, row.result, row.target, row.verdict)
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if notes:
        lines += ["", "Search SQL (default sort), as run by the app and by the reference:", ""]
        lines += [f"- {note}" for note in notes]
    return "\n".join(lines) + "\n"


def append_results(section: str, results: Path = RESULTS) -> None:
    existing = results.read_text(encoding="utf-8") if results.exists() else ""
    if not existing.strip():
        existing = RESULTS_HEADER
    if not existing.endswith("\n"):
        existing += "\n"
    results.write_text(existing + "\n" + section, encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    args = _parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    selected = list(dict.fromkeys(args.only or BENCHMARKS))
    started, begun, load = time.perf_counter(), datetime.now(), load_average()
    rows: list[Row] = []
    notes: list[str] = []
    facts: list[str] = []

    path = store_path(args.members, args.seed)
    built: Build | None = None
    if STORE_BENCHMARKS.intersection(selected):
        built = _store(path, args.members, args.seed, args.keep)
        state = f"built for this run in {secs(built.seconds)}" if built else "reused (`--keep`)"
        if built is None:
            upgrading = time.perf_counter()
            old = upgrade(path)
            if old is not None:
                state += f", upgraded in place from schema {old} in "
                state += secs(time.perf_counter() - upgrading)
                _log(f"cached store upgraded from schema {old}")
        facts.append(f"store `{path.relative_to(REPO)}` {state}")
    if "demo" in selected:
        if built is not None:
            _log("demo: the reference (sqlite3 .import of the same members)")
            rows += demo_rows(built)
        elif args.only:
            _log("demo, in a temporary file")
            rows += demo_in_temp_file(args.members, args.seed)
            facts.append("demo built in a temporary file")
        else:
            facts.append("demo not timed (cached store reused)")

    gui = [name for name in GUI_BENCHMARKS if name in selected]
    if gui:
        _log(f"{', '.join(gui)} (main window, in-process)")
        gui_rows, notes = _gui_rows(path, gui, args.runs)
        rows += gui_rows
        facts.append(f"main window {WINDOW_SIZE[0]}×{WINDOW_SIZE[1]}, offscreen")
        if "search" in gui:
            facts.append(f"search: {args.runs} timed runs per query after one warm-up")
    if "startup" in selected:
        from bench.startup import RUNS, startup_rows

        _log("startup (subprocess)")
        rows += startup_rows(path)
        facts.append(f"startup: {RUNS} runs after one warm-up")

    if "import" in selected:
        from bench.io_bench import import_rows

        _log("import (CSV into a new store; sqlite3 .import and sqlite-utils beside it)")
        import_table, import_facts = import_rows(path, args.import_rows or args.members)
        rows += import_table
        facts += import_facts
    if "export" in selected:
        from bench.io_bench import export_rows
        from bench.store import cached_store

        _log(f"export ({args.export_members:,} members: CSV, XLSX)")
        export_db, export_state = cached_store(args.export_members, args.seed)
        rows += export_rows(export_db, args.export_members)
        facts.append(f"export store `{export_db.relative_to(REPO)}` {export_state}, run on a copy")
    if "dedup" in selected:
        from bench.io_bench import dedup_rows

        _log("dedup (scan of the whole store)")
        rows += dedup_rows(path)

    if "tags" in selected:
        from bench.tags import tags_rows

        _log("tags (counts, bulk tagging, rules, birthdays; on a copy of the store)")
        tag_rows, tag_facts = tags_rows(path, args.runs)
        rows += tag_rows
        facts += tag_facts

    if "dashboard" in selected:
        from bench.dashboard import dashboard_rows

        _log("dashboard (every figure of the panel, beside its SQL raw)")
        rows += dashboard_rows(path, min(args.runs, 5))

    order = {name: i for i, name in enumerate(BENCHMARKS)}
    rows.sort(key=lambda r: order.get(r.benchmark.split(":")[0], len(order)))
    facts.append(f"whole run {secs(time.perf_counter() - started)}")
    context = f"{args.members:,} members (seed {args.seed}); " + "; ".join(facts) + "."
    section = render(rows, notes, context, begun, load)
    print(section)
    if not args.no_record:
        append_results(section)
        _log(f"appended to {RESULTS.relative_to(REPO)}")
    return 0  # a missed target is a finding, not a failure: the verdicts say it


if __name__ == "__main__":
    sys.exit(main())
