"""Working offline: the first clone of a team directory, a sync round with nothing to do, and
1,000 offline edits pushed, each beside the server's raw COPY / UPDATE of the same rows in
the same run.

    python -m bench.sync [--members N] [--store FILE] [--edits N]

The team directory is a demo file of bench/.data (`python -m bench --members N --keep`, or
`python -m app --db FILE demo --members N`) copied onto a throw-away server (app.store.copy,
COPY). References: the clone beside `COPY member TO STDOUT` of the same server (reading every
member once, nothing written); the push beside the same number of single-row UPDATEs sent
by psycopg, each in its own transaction (what the push must do at the least). Targets
(issue 12): clone of 100,000 members ≤ 30 s, a round with nothing to do ≤ 200 ms, 1,000
offline edits pushed ≤ 5 s.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import DATA_DIR, median, ms

RUNS = 7


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.sync")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--edits", type=int, default=1_000)
    args = parser.parse_args(argv)
    source_path = args.store or DATA_DIR / f"demo-{args.members}-1.sqlite3"
    if not source_path.exists():
        print(f"{source_path} is missing: run `python -m bench --members {args.members} --keep`")
        return 1

    import sqlalchemy as sa

    from app import sync
    from app.operations import Operation, run
    from app.store import open_store
    from app.store.copy import copy_store
    from tests.pg_cluster import Cluster

    cluster = Cluster().start()
    work = Path(tempfile.mkdtemp(prefix="amicale-bench-sync-"))
    try:
        cluster.admin("CREATE DATABASE bench")
        url = cluster.url("bench")
        server = open_store(url)
        source = open_store(source_path)
        copy_store(source, server)
        source.close()
        with server.write() as conn:
            conn.exec_driver_sql("ANALYZE")
        with server.read() as conn:
            members = conn.execute(sa.text("SELECT count(*) FROM member")).scalar_one()
            ids = [
                int(i)
                for i in conn.execute(
                    sa.text("SELECT id FROM member ORDER BY id LIMIT :n"), {"n": args.edits}
                ).scalars()
            ]

        # The clone, beside reading every member with COPY.
        with server.engine.raw_connection() as dbapi:
            t = time.perf_counter()
            with dbapi.cursor() as cursor, cursor.copy("COPY member TO STDOUT") as copy:
                for _block in copy:
                    pass
            raw_copy = time.perf_counter() - t
        replica = work / "replica.sqlite3"
        t = time.perf_counter()
        counts = sync.clone(url, replica)
        cloned = time.perf_counter() - t

        # A round with nothing to do.
        local = open_store(replica)
        idle = []
        for _ in range(RUNS):
            t = time.perf_counter()
            report = sync.sync(local)
            idle.append(time.perf_counter() - t)
            assert report == sync.SyncReport(0, 0, 0), report

        # Offline edits (made while the server is away: queued), then pushed.
        for n, member_id in enumerate(ids):
            op = Operation(
                "member.update", {"member_id": member_id, "values": {"company": f"Bench {n}"}}
            )
            run(local, op)
        assert sync.pending(local) == len(ids)
        t = time.perf_counter()
        report = sync.sync(local)
        pushed = time.perf_counter() - t
        assert report.pushed == len(ids) and report.conflicts == 0, report
        with server.engine.raw_connection() as dbapi:
            t = time.perf_counter()
            for n, member_id in enumerate(ids):
                with dbapi.cursor() as cursor:
                    cursor.execute(
                        "UPDATE member SET job_title = %s WHERE id = %s", (f"Raw {n}", member_id)
                    )
                dbapi.commit()
            raw_updates = time.perf_counter() - t
        local.close()
        server.close()

        load = os.getloadavg()
        print(f"\n{members:,} members on the server ({counts['member']:,} cloned); "
              f"load average {load[0]:.2f}, {load[1]:.2f}, {load[2]:.2f}\n")  # fmt: skip
        print("| step | reference on the same server | Amicale | target | verdict |")
        print("|---|---|---|---|---|")
        rows = [
            ("first clone", f"`COPY member TO STDOUT` {raw_copy:.1f} s", f"{cloned:.1f} s",
             "≤ 30 s", cloned <= 30),
            ("sync round with nothing to do", "—", f"median {ms(median(idle))} of {RUNS}",
             "≤ 200 ms", median(idle) <= 0.2),
            (f"{len(ids):,} offline edits pushed (+ the pull of their rows)",
             f"{len(ids):,} single-row UPDATEs, a commit each: {raw_updates:.2f} s",
             f"{pushed:.2f} s", "≤ 5 s", pushed <= 5),
        ]  # fmt: skip
        for step, reference, amicale, target, ok in rows:
            print(f"| {step} | {reference} | {amicale} | {target} | {'ok' if ok else 'over'} |")
    finally:
        cluster.stop()
        for leftover in sorted(work.glob("*")):
            leftover.unlink()
        work.rmdir()
    return 0


if __name__ == "__main__":
    sys.exit(main())
