"""Team mode's import on PostgreSQL: `amicale import` of a member CSV into an empty team
directory, beside a bare COPY of the same file on the same server, in one run.

    python -m bench.team_import [--rows N] [--members M]

The CSV is bench's own (bench/io_bench.py ``member_csv``: the first N members of the demo
store of M members, French headers, tags); the demo store is built when missing. A
throw-away cluster (tests/pg_cluster.py, fsync off) gets two new migrated databases:

- reference: the file by one ``COPY … (FORMAT csv)`` into a table of the same 14 text
  columns, then the indexes the member table has (lower-cased email, LinkedIn profile, class
  year, birthday's month-day, name order) and the search index (each row's folded words in a
  table, the server's own ``amicale_words``, and its trigram GIN index), in one transaction;
- Amicale: ``import_file`` into the empty directory (COPY a batch, ids from the sequence, the
  search words kept by the server's trigger), one transaction.

Target (issue 11): Amicale ≤ 1.5× the reference.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from bench.common import load_average, secs

TARGET_FACTOR = 1.5

_BARE_COLUMNS = (
    "first_name", "last_name", "email", "phone", "city", "region", "country", "company",
    "job_title", "school", "promo", "birthday", "linkedin_url", "tags",
)  # fmt: skip


def _reference_sql() -> list[str]:
    from app.store.schema import FREE_TEXT_COLUMNS, FTS_COLUMNS

    words = ", ".join(f"amicale_words({c}) AS {c}" for c in FTS_COLUMNS)
    free = " || ' | ' || ".join(f"amicale_words({c})" for c in FREE_TEXT_COLUMNS)
    return [
        "CREATE INDEX ON bare (lower(email))",
        "CREATE INDEX ON bare (linkedin_url)",
        "CREATE INDEX ON bare (promo)",
        "CREATE INDEX ON bare (substr(birthday, 6, 5))",
        "CREATE INDEX ON bare (last_name, first_name)",
        f"CREATE TABLE bare_fts AS SELECT ctid::text AS row, {words}, {free} AS free FROM bare",
        "CREATE INDEX ON bare_fts USING gin (free gin_trgm_ops)",
    ]


def reference(url: str, csv_path: Path) -> tuple[float, int]:
    """The bare COPY and the index builds, in one transaction: seconds, rows."""
    import psycopg

    columns = ", ".join(_BARE_COLUMNS)
    with psycopg.connect(url) as conn:
        started = time.perf_counter()
        with conn.transaction(), conn.cursor() as cursor:
            cursor.execute(f"CREATE TABLE bare ({', '.join(f'{c} text' for c in _BARE_COLUMNS)})")
            with (
                cursor.copy(
                    f"COPY bare ({columns}) FROM STDIN "
                    "(FORMAT csv, DELIMITER ';', HEADER true, ENCODING 'UTF8')"
                ) as copy,
                csv_path.open("rb") as handle,
            ):
                handle.read(3)  # the byte order mark (the header line is skipped anyway)
                while block := handle.read(1 << 20):
                    copy.write(block)
            for statement in _reference_sql():
                cursor.execute(statement)
            cursor.execute("SELECT count(*) FROM bare")
            row = cursor.fetchone()
        seconds = time.perf_counter() - started
    return seconds, int(row[0]) if row else 0


def amicale(url: str, csv_path: Path) -> tuple[float, object]:
    from app.io.importer import import_file
    from app.io.readers import open_source
    from app.store import open_store

    store = open_store(url)
    try:
        started = time.perf_counter()
        report = import_file(store, open_source(csv_path))
        return time.perf_counter() - started, report
    finally:
        store.close()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.team_import")
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--members", type=int, default=1_000_000, help="of the demo store")
    args = parser.parse_args(argv)

    from bench.io_bench import member_csv
    from bench.store import build, store_path
    from tests.pg_cluster import Cluster

    demo = store_path(args.members, 1)
    if not demo.exists():
        print(f"  building {demo.name}", file=sys.stderr, flush=True)
        build(demo, args.members, 1)
    csv_path, made = member_csv(demo, args.rows)
    size = csv_path.stat().st_size / 2**20
    print(f"import file {csv_path.name} ({size:.0f} MB, {made}); load {load_average()}")

    from app.store import open_store

    cluster = Cluster().start()
    try:
        for name in ("reference", "amicale"):
            cluster.admin(f"CREATE DATABASE {name}")
            open_store(cluster.url(name)).close()  # migrated, empty (not timed)
        ref_seconds, ref_rows = reference(cluster.url("reference"), csv_path)
        print(f"reference: {ref_rows:,} rows, COPY + indexes + search index in {secs(ref_seconds)}")
        app_seconds, report = amicale(cluster.url("amicale"), csv_path)
        print(f"amicale: {report.summary_line()} in {secs(app_seconds)}")  # type: ignore[attr-defined]
    finally:
        cluster.stop()
    ratio = app_seconds / ref_seconds
    verdict = "ok" if ratio <= TARGET_FACTOR else "over"
    print(
        f"| import of {args.rows:,} rows into an empty team directory | bare COPY of the file + "
        f"the same indexes + search index: {secs(ref_seconds)} | {secs(app_seconds)} "
        f"({ratio:.1f}× the reference) | ≤ {TARGET_FACTOR}× | {verdict} |"
    )
    print(f"load average at the end {load_average()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
