"""The `dashboard` benchmark: every figure of the Dashboard panel at a million members.

Timed: `app.report.compute(store, period)` for "this year" (1 January to today, beside the
same days of the year before), as the panel's worker runs it: median and p90 of ``runs`` runs
after a warm-up. Reference, in the same run on the same file: the very SQL statements that
computation sends, captured from the engine once and replayed raw through Python's `sqlite3`
on a connection of its own with the app's pragmas (all rows fetched): the floor of these
aggregates, without SQLAlchemy, the Python around them or the dataclasses.

`python -m bench.dashboard DB [--runs R]` prints the rows alone.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.common import Row, median, ms, p90

TARGET_S = 1.0


def _timed(fn: Callable[[], Any], runs: int) -> list[float]:
    fn()  # warm-up: the page cache as a CM's second look at the panel finds it
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append(time.perf_counter() - started)
    return samples


def dashboard_rows(db: Path, runs: int = 5) -> list[Row]:
    import sqlalchemy as sa

    from app import clock
    from app.report.figures import Period, compute
    from app.store import open_store
    from app.store.sqlite import configure_connection

    today = clock.today()
    period = Period(today.replace(month=1, day=1), today)
    store = open_store(db)
    statements: list[tuple[str, Any]] = []

    def capture(conn: Any, cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
            statements.append((statement, parameters))  # the replay has its own transaction

    try:
        sa.event.listen(store.engine, "before_cursor_execute", capture)
        board = compute(store, period)
        sa.event.remove(store.engine, "before_cursor_execute", capture)
        app_samples = _timed(lambda: compute(store, period), runs)
    finally:
        store.close()
    raw = sqlite3.connect(db, isolation_level=None)
    configure_connection(raw)
    try:

        def replay() -> None:
            raw.execute("BEGIN")
            for statement, parameters in statements:
                raw.execute(statement, parameters).fetchall()
            raw.execute("COMMIT")

        raw_samples = _timed(replay, runs)
    finally:
        raw.close()
    result = median(app_samples)
    return [
        Row(
            benchmark=(
                f"dashboard: `compute()` of {period.start}..{period.end} beside the year before "
                f"({board.total:,} members; {len(statements)} statements)"
            ),
            reference=(
                f"the same {len(statements)} statements raw through `sqlite3`: median "
                f"{ms(median(raw_samples))}, p90 {ms(p90(raw_samples))}"
            ),
            result=f"median {ms(result)}, p90 {ms(p90(app_samples))} ({runs} runs)",
            target=f"≤ {ms(TARGET_S)}",
            ok=result <= TARGET_S,
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.dashboard")
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    for row in dashboard_rows(args.db, args.runs):
        print(
            f"| {row.benchmark} | {row.reference} | {row.result} | {row.target} | {row.verdict} |"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
