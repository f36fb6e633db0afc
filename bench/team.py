"""Team mode on PostgreSQL: a directory copied onto a throw-away server, then the search box's
queries timed beside the raw SQL of the same statements on the same server, in one run.

    python -m bench.team [--members N] [--store FILE] [--runs R] [--gui]

The store is a demo file of bench/.data (made if missing: `python -m bench --members N
--keep` does) copied row for row (app.store.copy); the reference for each query is its own
compiled SQL sent by psycopg straight to the server, the rows fetched — what Amicale adds
is the query building, the id array and the ordering. Target (issue 11): search ≤ 1.5× raw
+ 16 ms.

``--gui``: then, on the same server, the search part of bench/gui.py in a process of its own
(offscreen, as `python -m bench` runs it on a file): the real main window opened on the team
store, from the last keystroke to the table repainted with its count, beside the same
compiled SQL sent raw through psycopg (autocommit) in the same run. ``--runs``: timed runs
per query (both parts; 7 by default).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.common import DATA_DIR, REPO, Row, median, ms, p90

QUERIES = ("dup", "jean", "city:lyon", "lyon chimie", "promo:2000..2005 mar", "-has:email", "")
RUNS = 7


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.team")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--runs", type=int, default=RUNS, help="timed runs per query")
    parser.add_argument(
        "--gui", action="store_true", help="then the window's keystroke → repaint search"
    )
    args = parser.parse_args(argv)
    source_path = args.store or DATA_DIR / f"demo-{args.members}-1.sqlite3"
    if not source_path.exists():
        print(f"{source_path} is missing: run `python -m bench --members {args.members} --keep`")
        return 1

    from app.members.query import QueryContext, unordered_ids  # noqa: F401
    from app.members.service import MemberDirectory, Sort
    from app.store import open_store
    from app.store.copy import copy_store
    from tests.pg_cluster import Cluster

    cluster = Cluster().start()
    try:
        cluster.admin("CREATE DATABASE bench")
        server = open_store(cluster.url("bench"))
        source = open_store(source_path)
        started = time.perf_counter()
        counts = copy_store(source, server)
        copied = time.perf_counter() - started
        source.close()
        with server.write() as conn:
            conn.exec_driver_sql("ANALYZE")
        print(f"copy of {counts['member']:,} members onto the server: {copied:.1f} s")
        directory = MemberDirectory(server)
        rows = []
        for query in QUERIES:
            amicale, raw = [], []
            for _ in range(args.runs):
                t = time.perf_counter()
                found = directory.search_ids(query, Sort())
                amicale.append(time.perf_counter() - t)
                sql, params = _compiled(directory, query, server)
                with server.engine.raw_connection() as dbapi:
                    t = time.perf_counter()
                    with dbapi.cursor() as cursor:
                        cursor.execute(sql, params)
                        cursor.fetchall()
                    raw.append(time.perf_counter() - t)
            target = 1.5 * median(raw) + 0.016
            verdict = "ok" if median(amicale) <= target else "over"
            rows.append((query or "(everyone)", len(found), raw, amicale, target, verdict))
        load = os.getloadavg()
        print(
            f"\nload average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}; {args.runs} runs each\n"
        )
        print(
            "| query | found | raw SQL (same statement, psycopg) | Amicale `search_ids` | "
            "target 1.5× raw + 16 ms | verdict |"
        )
        print("|---|---|---|---|---|---|")
        for query, found_n, raw, amicale, target, verdict in rows:
            print(
                f"| `{query}` | {found_n:,} | median {ms(median(raw))} · p90 {ms(p90(raw))} | "
                f"median {ms(median(amicale))} · p90 {ms(p90(amicale))} | {ms(target)} | "
                f"{verdict} |"
            )
        server.close()
        if args.gui:
            print(f"\nthe main window on the server (bench.gui, offscreen, {args.runs} runs):\n")
            _print_rows(gui_search(cluster.url("bench"), args.runs))
    finally:
        cluster.stop()
    return 0


def gui_search(url: str, runs: int) -> list[Row]:
    """bench/gui.py's search rows for the team store at ``url``, from a process of its own."""
    with tempfile.TemporaryDirectory(prefix="amicale-bench-") as tmp:
        out = Path(tmp) / "gui.json"
        env = dict(os.environ)
        env["AMICALE_CONFIG_DIR"] = str(Path(tmp) / "config")
        env.setdefault("QT_QPA_PLATFORM", "offscreen")
        command = [sys.executable, "-m", "bench.gui", url, "--out", str(out)]
        command += ["--only", "search", "--runs", str(runs)]
        subprocess.run(command, check=True, cwd=REPO, env=env)
        data = json.loads(out.read_text(encoding="utf-8"))
    for note in data["notes"]:
        print(f"  SQL {note}", file=sys.stderr)
    return [Row.from_json(r) for r in data["rows"]]


def _print_rows(rows: list[Row]) -> None:
    print("| benchmark | reference | result | target | verdict |")
    print("|---|---|---|---|---|")
    for row in rows:
        cells = (row.benchmark, row.reference, row.result, row.target, row.verdict)
        print("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")


def _compiled(directory: object, query: str, store: object) -> tuple[str, dict[str, object]]:
    """The statement `search_ids` runs, as SQL text and parameters for psycopg."""
    import sqlalchemy as sa

    from app.members.query import condition_for
    from app.members.service import Sort
    from app.store.schema import member

    stmt = sa.select(member.c.id).where(condition_for(query)).order_by(*Sort().order_by())
    compiled = stmt.compile(
        dialect=store.engine.dialect,  # type: ignore[attr-defined]
        compile_kwargs={"render_postcompile": True},
    )
    return str(compiled), dict(compiled.construct_params())


if __name__ == "__main__":
    sys.exit(main())
