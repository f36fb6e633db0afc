"""`tags`: the tag browser's counts, bulk tagging, tagging rules and the birthday list.

Run on a copy of the store (bulk tagging writes), in this process, through the app's own
functions; each figure beside the same SQL run raw through Python's `sqlite3` on its own
connection (same pragmas), or beside the recount the maintained counts replace.

    python -m bench.tags DB [--runs R]      # alone: prints the rows, appends nothing
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import Row, median, ms, p90, secs, spread

COUNT_TARGET_S = 0.050  # tag counts without a search (maintained)
SEARCH_COUNT_TARGET_S = 0.200  # tag counts within a selective search
BULK_TARGET_S = 2.0  # 200,000 members tagged
BULK_MEMBERS = 200_000
BIRTHDAY_TARGET_S = 0.050
# Selective searches the CM types before looking at the counts.
SEARCHES = ("dupont", "promo:2005", "city:lyon", "tag:Île-de-France promo:2000..2010")
# A day with an ordinary number of birthdays (not February 29).
BIRTHDAY_DAY = date(2026, 11, 26)


def _log(message: str) -> None:
    print(f"==> {message}", file=sys.stderr, flush=True)


def _timed(fn: Callable[[], Any], runs: int, warm: int = 1) -> tuple[list[float], Any]:
    result = None
    for _ in range(warm):
        result = fn()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - started)
    return samples, result


def _compiled(statement: Any) -> tuple[str, tuple[Any, ...]]:
    """SQL text and positional parameters of a SQLAlchemy statement, as the app runs it."""
    from sqlalchemy.dialects import sqlite as sqlite_dialect

    compiled = statement.compile(
        dialect=sqlite_dialect.dialect(), compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    return str(compiled), tuple(params[name] for name in compiled.positiontup or ())


def _raw(db: Path) -> sqlite3.Connection:
    from app.store.sqlite import configure_connection

    conn = sqlite3.connect(db, isolation_level=None)
    configure_connection(conn)
    return conn


def _promo_span(raw: sqlite3.Connection, members: int) -> tuple[int, int, int]:
    """The first class years from the oldest that hold at least ``members`` members."""
    rows = raw.execute(
        "SELECT promo, count(*) FROM member WHERE promo IS NOT NULL GROUP BY promo ORDER BY promo"
    ).fetchall()
    total, first = 0, rows[0][0]
    for promo, n in rows:
        total += n
        if total >= members:
            return first, promo, total
    return first, rows[-1][0], total


def tags_rows(db: Path, runs: int = 10) -> tuple[list[Row], list[str]]:
    """Every `tags` row, on a copy of ``db`` (the copy is removed afterwards)."""
    with tempfile.TemporaryDirectory(prefix="amicale-bench-tags-") as tmp:
        copy = Path(tmp) / "tags.sqlite3"
        started = time.perf_counter()
        _log(f"copying {db.name} for the tag benchmarks (bulk tagging writes)")
        shutil.copyfile(db, copy)
        facts = [f"tags: on a copy of the store ({secs(time.perf_counter() - started)} to copy)"]
        rows = _run(copy, runs)
    return rows, facts


def _run(db: Path, runs: int) -> list[Row]:
    from app import birthdays, tag_rules, tags
    from app.members.service import MemberDirectory
    from app.store import open_store

    store = open_store(db)
    raw = _raw(db)
    rows: list[Row] = []
    try:
        links = raw.execute("SELECT count(*) FROM member_tag").fetchone()[0]
        members = raw.execute("SELECT count(*) FROM member").fetchone()[0]

        # 1. Counts without a search: the maintained totals.
        _log("tags: counts without a search")
        samples, tree = _timed(lambda: tags.tag_tree(store), runs)
        recount, _ = _timed(
            lambda: raw.execute(
                "SELECT tag_id, count(*) FROM member_tag GROUP BY tag_id"
            ).fetchall(),
            3,
        )
        shown = sum(len(c.tags) for c in tree)
        rows.append(
            Row(
                f"tags: `tag_tree()` without a search, {shown} tags over {links:,} links "
                "(maintained counts)",
                f"recounting them, `SELECT tag_id, count(*) FROM member_tag GROUP BY tag_id` "
                f"raw: median {ms(median(recount))}",
                spread(samples),
                f"≤ {ms(COUNT_TARGET_S)}",
                median(samples) <= COUNT_TARGET_S,
            )
        )

        # 2. Counts within selective searches.
        directory = MemberDirectory(store)
        for query in SEARCHES:
            _log(f"tags: counts within {query!r}")
            matching = directory.count(query)
            samples, _ = _timed(lambda q=query: tags.tag_tree(store, q), runs)
            sql, params = _compiled(tags.count_statement(query))
            raw_samples, _ = _timed(lambda s=sql, p=params: raw.execute(s, p).fetchall(), runs)
            rows.append(
                Row(
                    f"tags: `tag_tree({query!r})` → counts within {matching:,} members",
                    f"the same counting SQL raw (sqlite3): {spread(raw_samples)}",
                    spread(samples),
                    f"≤ {ms(SEARCH_COUNT_TARGET_S)}",
                    median(samples) <= SEARCH_COUNT_TARGET_S,
                )
            )

        # 3. The birthday list (before the writes below fill the WAL).
        _log("tags: birthday list")
        due_samples, today = _timed(lambda: birthdays.due(store, BIRTHDAY_DAY), runs)
        md = BIRTHDAY_DAY.strftime("%m-%d")
        raw_samples, _ = _timed(
            lambda: raw.execute(
                "SELECT id, first_name, last_name, birthday, promo FROM member "
                "WHERE substr(birthday, 6, 5) = ?",
                (md,),
            ).fetchall(),
            runs,
        )
        rows.append(
            Row(
                f"tags: birthday list `due({BIRTHDAY_DAY})` → {len(today):,} members "
                f"of {members:,}",
                f"`SELECT … WHERE substr(birthday, 6, 5) = ?` raw (its index): "
                f"{spread(raw_samples)}",
                spread(due_samples),
                f"≤ {ms(BIRTHDAY_TARGET_S)}",
                median(due_samples) <= BIRTHDAY_TARGET_S,
            )
        )
        samples, agenda = _timed(lambda: birthdays.agenda(store, BIRTHDAY_DAY), 3)
        rows.append(
            Row(
                f"tags: the Today view's `agenda()` (today and the next 7 days) → "
                f"{len(agenda.today) + len(agenda.upcoming):,} members",
                f"`due()` of one day above: median {ms(median(due_samples))}",
                f"median {ms(median(samples))} · p90 {ms(p90(samples))}",
                "—",
                None,
            )
        )
        # 4. Bulk tagging of about 200,000 members, then its undo; three rounds.
        first, last, expected = _promo_span(raw, BULK_MEMBERS)
        query = f"promo:{first}..{last}"
        tag_id = tags.create(store, "Bench bulk")
        _log(f"tags: bulk tagging {query} ({expected:,} members)")
        tagging: list[float] = []
        undoing: list[float] = []
        tagged = 0
        for _ in range(3):
            started = time.perf_counter()
            change = tags.change_tag(store, tag_id, query=query)
            tagging.append(time.perf_counter() - started)
            tagged = change.count
            started = time.perf_counter()
            tags.undo(store, change)
            undoing.append(time.perf_counter() - started)
        insert = (
            "INSERT OR IGNORE INTO member_tag (member_id, tag_id) "
            "SELECT id, ? FROM member WHERE promo BETWEEN ? AND ?"
        )
        reference: list[float] = []
        for _ in range(3):
            started = time.perf_counter()
            raw.execute("BEGIN IMMEDIATE")
            raw.execute(insert, (tag_id, first, last))
            raw.execute("COMMIT")
            reference.append(time.perf_counter() - started)
            raw.execute("DELETE FROM member_tag WHERE tag_id = ?", (tag_id,))
        rows.append(
            Row(
                f"tags: `change_tag(query={query!r})` tags {tagged:,} members (kept for undo)",
                "one raw `INSERT OR IGNORE … SELECT id, ? FROM member WHERE promo BETWEEN` "
                f"(sqlite3, same triggers): median {ms(median(reference))}",
                f"median {ms(median(tagging))} · max {ms(max(tagging))}",
                f"≤ {secs(BULK_TARGET_S)}",
                median(tagging) <= BULK_TARGET_S,
            )
        )
        rows.append(
            Row(
                f"tags: `undo()` of that change ({tagged:,} members untagged)",
                f"the raw INSERT above: median {ms(median(reference))}",
                f"median {ms(median(undoing))} · max {ms(max(undoing))}",
                "—",
                None,
            )
        )
        maintained = raw.execute("SELECT member_count FROM tag WHERE id = ?", (tag_id,)).fetchone()[
            0
        ]
        assert maintained == 0, "the maintained count drifted"

        # 5. Tagging rules: preview and application at this size.
        rule = tag_rules.save(
            store,
            tag_rules.Rule(None, "city", None, cities=("Lyon", "Villeurbanne", "Grenoble")),
            "Bench/Rhône-Alpes",
        )
        promo_rule = tag_rules.save(
            store,
            tag_rules.Rule(None, "promo", None, year_from=2000, year_to=2009),
            "Bench/Promo 2000s",
        )
        _log("tags: rules preview and apply")
        previews, counted = _timed(lambda: tag_rules.previews(store), 3)
        started = time.perf_counter()
        applied = tag_rules.apply(store)
        apply_s = time.perf_counter() - started
        started = time.perf_counter()
        again = tag_rules.apply(store)
        again_s = time.perf_counter() - started
        rows.append(
            Row(
                f"tags: rules `previews()` + `apply()`: city list (3 cities) → "
                f"{applied[rule.id or 0]:,}, class years 2000–2009 → "
                f"{applied[promo_rule.id or 0]:,} members",
                f"bulk tagging of {tagged:,} above: median {ms(median(tagging))}",
                f"previews {spread(previews)} ({sum(counted.values()):,} to tag); apply "
                f"{ms(apply_s)}; again (nothing to tag, {sum(again.values())}) {ms(again_s)}",
                "—",
                None,
            )
        )

    finally:
        raw.close()
        store.close()
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.tags")
    parser.add_argument("db", type=Path)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    rows, facts = tags_rows(args.db, args.runs)
    for row in rows:
        print(f"{row.benchmark} | {row.reference} | {row.result} | {row.target} | {row.verdict}")
    print("; ".join(facts))
    return 0


if __name__ == "__main__":
    sys.exit(main())
