"""The `import` benchmark's like-for-like reference (issue 15): the same CSV into the same
empty store, by SQL alone.

`amicale import` is compared with the fastest correct load written in SQL that fills the
real schema, not a bare table: a store created and migrated by Amicale (not timed), then in
one transaction on Python's `sqlite3` with the app's pragmas and functions
(`configure_connection`: the same `amicale_fold` the app's sort names use):

1. the CSV into a temporary table (`csv.reader` rows by `executemany`: the shell's
   `.import` cannot fold accents for the sort names), each row's keys computed in SQL on
   the way in (lower-cased email, LinkedIn key, folded sort name);
2. the rows kept by window functions: the first of each email, of each LinkedIn key, and
   of each name + class year among the rows with neither (the others are probable
   duplicates, queued);
3. the member indexes the load does not read dropped, one `INSERT … SELECT` into `member`;
4. the tags: their categories and tags created by one `INSERT … SELECT DISTINCT` each, the
   links by one `INSERT … SELECT`, the tags' member counters counted once (their trigger
   dropped meanwhile, as the app does for a large import);
5. the indexes built again, the probable duplicates into `duplicate_candidate` (found
   through a (name, class year) index of its own, as the app does), the text index by one FTS5
   `rebuild`, the insert trigger put back; COMMIT.

It does not do what the app does per row beyond that (cleaning and validation of each cell,
warnings, notes to fix, conflicts): those are the app's own work, the margin the target
leaves it. ``python -m bench.import_reference CSV STORE`` runs it (the store must exist and
be empty) and prints its counts as JSON; `reference_rows` times it beside `amicale import`
in the same run.
"""

from __future__ import annotations

import argparse
import csv
import json
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import DATA_DIR, Row, mb, secs

TARGET_FACTOR = 1.5
MEMORY_TARGET = 300 * 1024 * 1024

_COLUMNS = (
    "first_name", "last_name", "email", "phone", "city", "region", "country", "company",
    "job_title", "school", "promo", "birthday", "linkedin_url",
)  # fmt: skip
_DEFERRED = (
    "ix_member_promo",
    "ix_member_created_at",
    "ix_member_birthday_md",
    "ix_member_sort_name",
    "ix_member_board",
)


def _clean(column: str) -> str:
    return f"nullif(trim({column}), '')"


_WIDTH = len(_COLUMNS) + 1  # the member columns, then the tags
_P = {c: f"?{i}" for i, c in enumerate(("line", *_COLUMNS, "tags"), start=1)}
# Each CSV row staged with its keys computed in SQL (numbered parameters, each cell bound
# once): cleaned cells, lower-cased email, LinkedIn key, folded sort name; a row with
# neither a name nor an email is left out (rejected).
_STAGE = (
    "INSERT INTO s SELECT ?1, "
    + ", ".join(
        f"CAST(nullif(trim({_P[c]}), '') AS INTEGER)" if c == "promo" else _clean(_P[c])
        for c in _COLUMNS
    )
    + f", {_clean(_P['tags'])}, lower({_clean(_P['email'])}), "
    f"CASE WHEN {_P['linkedin_url']} LIKE 'https://www.linkedin.com/in/%' "
    f"THEN 'linkedin.com/in/' || lower(rtrim(substr(trim({_P['linkedin_url']}), 29), '/')) "
    f"END, rtrim(ltrim(amicale_fold(trim({_P['last_name']})))) || char(31) || "
    f"rtrim(ltrim(amicale_fold(trim({_P['first_name']})))) "
    f"WHERE coalesce(trim({_P['first_name']}), '') <> '' "
    f"OR coalesce(trim({_P['last_name']}), '') <> '' OR coalesce(trim({_P['email']}), '') <> ''"
)


def _sql(now: str, source: str) -> list[tuple[str, tuple[Any, ...]]]:
    # Which rows become members: the first of each email; without one, the first of each
    # LinkedIn key; without either but with a class year, a row no earlier row has the name
    # and year of (the app looks them up batch by batch, among the members already in).
    keep = (
        "INSERT INTO k SELECT line, CASE "
        "WHEN ekey IS NOT NULL THEN row_number() OVER (PARTITION BY ekey ORDER BY line) = 1 "
        "WHEN lkey IS NOT NULL THEN row_number() OVER (PARTITION BY lkey ORDER BY line) = 1 "
        "WHEN promo IS NULL THEN 1 "
        "ELSE row_number() OVER (PARTITION BY sname, promo ORDER BY line) = 1 END AS kept "
        "FROM s"
    )
    ids = (
        "CREATE TEMP TABLE ids AS SELECT k.line, "
        "(SELECT coalesce(max(id), 0) FROM member) + row_number() OVER (ORDER BY k.line) AS id "
        "FROM k WHERE k.kept ORDER BY k.line"
    )
    member_columns = ", ".join(_COLUMNS)
    insert = (
        f"INSERT INTO member (id, {member_columns}, sort_name, linkedin_key, source, consent, "
        "created_at, updated_at) "
        f"SELECT ids.id, {', '.join(f's.{c}' for c in _COLUMNS)}, s.sname, s.lkey, ?, 0, ?, ? "
        "FROM ids JOIN s ON s.line = ids.line ORDER BY ids.id"
    )
    # Each row's labels, then each distinct label's tag (folded once per label, not per row).
    labels = (
        "CREATE TEMP TABLE labels AS SELECT ids.id AS member_id, trim(j.value) AS label "
        "FROM ids JOIN s ON s.line = ids.line, "
        "json_each('[\"' || replace(replace(s.tags, '\"', ''), ', ', '\",\"') || '\"]') AS j "
        "WHERE s.tags IS NOT NULL"
    )
    distinct = (
        "CREATE TEMP TABLE d AS SELECT label, category, name, amicale_fold(category) AS ckey, "
        "amicale_fold(name) AS nkey, NULL AS tag_id FROM (SELECT label, "
        "CASE WHEN instr(label, '/') THEN substr(label, 1, instr(label, '/') - 1) END "
        "AS category, CASE WHEN instr(label, '/') THEN substr(label, instr(label, '/') + 1) "
        "ELSE label END AS name FROM (SELECT DISTINCT label FROM labels))"
    )
    categories = (
        "INSERT OR IGNORE INTO tag_category (name, name_key, position) "
        "SELECT category, ckey, (SELECT count(*) FROM tag_category) FROM d "
        "WHERE category IS NOT NULL GROUP BY ckey"
    )
    tags = (
        "INSERT INTO tag (category_id, name, name_key) "
        "SELECT c.id, d.name, d.nkey FROM d LEFT JOIN tag_category AS c ON c.name_key = d.ckey "
        "WHERE NOT EXISTS (SELECT 1 FROM tag AS t WHERE t.name_key = d.nkey "
        "AND t.category_id IS c.id) GROUP BY c.id, d.nkey"
    )
    tag_ids = (
        "UPDATE d SET tag_id = (SELECT t.id FROM tag AS t LEFT JOIN tag_category AS c "
        "ON c.id = t.category_id WHERE t.name_key = d.nkey AND c.name_key IS d.ckey)"
    )
    links = (
        "INSERT OR IGNORE INTO member_tag (member_id, tag_id) "
        "SELECT l.member_id, d.tag_id FROM labels AS l JOIN d ON d.label = l.label "
        "ORDER BY l.member_id"
    )
    duplicates = (
        "INSERT INTO duplicate_candidate (member_id, incoming, source, line, reason, created_at) "
        "SELECT (SELECT min(m.id) FROM member AS m WHERE m.sort_name = s.sname "
        "AND m.promo = s.promo), "
        "json_object(" + ", ".join(f"'{c}', s.{c}" for c in _COLUMNS) + "), ?, s.line, "
        "'same name and class year, no email', ? FROM k JOIN s ON s.line = k.line "
        "WHERE NOT k.kept AND s.ekey IS NULL AND s.lkey IS NULL"
    )
    return [
        ("CREATE TEMP TABLE k (line INTEGER PRIMARY KEY, kept INTEGER)", ()),
        (keep, ()),
        (ids, ()),
        (insert, (source, now, now)),
        (labels, ()),
        (distinct, ()),
        ("CREATE UNIQUE INDEX temp.d_label ON d (label)", ()),
        (categories, ()),
        (tags, ()),
        (tag_ids, ()),
        (links, ()),
        (duplicates, (source, now)),
    ]


def run(csv_path: Path, db: Path) -> dict[str, Any]:
    """The reference load, timed from the CSV's opening to the COMMIT."""
    from app.clock import now_iso
    from app.store.sqlite import FTS_TRIGGERS, configure_connection

    conn = sqlite3.connect(db, isolation_level=None)
    configure_connection(conn)
    conn.execute("PRAGMA cache_size = -131072")  # the app's bulk cache (BULK_CACHE_KIB)
    started = time.perf_counter()
    cpu = time.process_time()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "CREATE TEMP TABLE s (line INTEGER PRIMARY KEY, "
        + ", ".join(_COLUMNS)
        + ", tags, ekey, lkey, sname)"
    )
    with csv_path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, delimiter=";")
        next(reader)  # the header row
        conn.executemany(_STAGE, ((reader.line_num, *row[:_WIDTH]) for row in reader))
    loaded = time.perf_counter()
    deferred = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'member' "
        f"AND name IN ({', '.join('?' * len(_DEFERRED))})",
        _DEFERRED,
    ).fetchall()
    for name, _ in deferred:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("DROP TRIGGER member_fts_ai")
    (counter,) = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'member_tag_count_ai'"
    ).fetchone()
    conn.execute("DROP TRIGGER member_tag_count_ai")  # recounted once, as the app does
    statements = _sql(now_iso(), f"import:{csv_path.name}")
    for sql, params in statements[:-1]:
        conn.execute(sql, params)
    for _, sql in deferred:
        conn.execute(sql)
    # The duplicates' members found through a (name, class year) index, as the app does.
    conn.execute("CREATE INDEX reference_name_promo ON member (sort_name, promo)")
    conn.execute(*statements[-1])
    conn.execute("DROP INDEX reference_name_promo")
    conn.execute(
        "UPDATE tag SET member_count = (SELECT count(*) FROM member_tag WHERE tag_id = tag.id)"
    )
    conn.execute(counter)
    conn.execute("INSERT INTO member_fts (member_fts) VALUES ('rebuild')")
    conn.execute(FTS_TRIGGERS[0])
    conn.execute("COMMIT")
    done = time.perf_counter()
    cpu = time.process_time() - cpu
    counts = {
        "members": conn.execute("SELECT count(*) FROM member").fetchone()[0],
        "duplicates": conn.execute("SELECT count(*) FROM duplicate_candidate").fetchone()[0],
        "links": conn.execute("SELECT count(*) FROM member_tag").fetchone()[0],
    }
    conn.close()
    return {"seconds": done - started, "cpu": cpu, "csv_seconds": loaded - started, **counts}


def reference_rows(rows: int, db: Path) -> list[Row]:
    """The reference and `amicale import` of the first ``rows`` members of ``db``, one
    after the other, each in a process of its own into a new store."""
    from bench.io_bench import _warm, _worker, member_csv, run_measured

    csv_path, made = member_csv(db, rows)
    _warm(csv_path)
    with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix="import-ref-") as tmp:
        target = Path(tmp) / "reference.sqlite3"
        from app.store import open_store

        open_store(target).close()  # created and migrated by Amicale: not timed
        out = Path(tmp) / "reference.json"
        command = [sys.executable, "-m", "bench.import_reference", str(csv_path), str(target)]
        measured = run_measured([*command, "--out", str(out)])
        reference = json.loads(out.read_text(encoding="utf-8"))
        result = _worker("import", str(csv_path), "--workdir", tmp)
    seconds = float(result["open_seconds"]) + float(result["import_seconds"])
    counts = result["report"]
    limit = TARGET_FACTOR * reference["seconds"]
    return [
        Row(
            benchmark=(
                f"import: `open_source` + `import_file` of {rows:,} rows "
                f"(`{csv_path.name}`, {made}) into a new store"
            ),
            reference=(
                f"SQL alone into the same empty store (bench/import_reference.py): "
                f"{secs(reference['seconds'])}, CPU {secs(reference['cpu'])} (CSV into a "
                f"temporary table {secs(reference['csv_seconds'])}), peak RSS "
                f"{mb(measured.peak_rss)}; "
                f"{reference['members']:,} members, {reference['duplicates']:,} queued, "
                f"{reference['links']:,} tag links"
            ),
            result=(
                f"{secs(seconds)} ({seconds / reference['seconds']:.2f}× the reference), CPU "
                f"{secs(result['import_cpu'])} ({result['import_cpu'] / reference['cpu']:.2f}×); "
                f"peak RSS {mb(result['peak_rss'])}; {result['members']:,} members, "
                f"{counts['duplicates']:,} queued"
            ),
            target=f"≤ {TARGET_FACTOR}× = {secs(limit)}, peak ≤ {mb(MEMORY_TARGET)}",
            ok=seconds <= limit and result["peak_rss"] <= MEMORY_TARGET,
        )
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_reference")
    parser.add_argument("csv", type=Path, nargs="?")
    parser.add_argument("db", type=Path, nargs="?")
    parser.add_argument("--out", type=Path)
    parser.add_argument("--rows", type=int, action="append", help="time it beside the app")
    parser.add_argument("--store", type=Path, default=DATA_DIR / "demo-1000000-1.sqlite3")
    args = parser.parse_args(argv)
    if args.rows:
        for rows in args.rows:
            for row in reference_rows(rows, args.store):
                print(
                    f"| {row.benchmark} | {row.reference} | {row.result} | {row.target} "
                    f"| {row.verdict} |",
                    flush=True,
                )
        return 0
    if args.csv is None or args.db is None:
        parser.error("CSV and STORE, or --rows N")
    result = run(args.csv, args.db)
    text = json.dumps(result)
    if args.out is not None:
        args.out.write_text(text, encoding="utf-8")
    else:
        print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
