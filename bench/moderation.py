"""Moderation benchmark: graduate match of 1,000 requests against a big store, and quality.

    python -m bench.moderation --db /tmp/copy-of-demo-1000000-1.sqlite3 [--no-record]

``--db`` must be a COPY of a demo store (open_store upgrades it in place): never point it at
``bench/.data`` files another benchmark relies on. Timed, each a median of 3 runs after one
warm-up, in one read transaction:

* ``match``: `matching.match_requests` of 1,000 requests (700 real members drawn with the
  ways people type their names: exact, typo, swapped, accents, class year one off, compound,
  maiden name, email; 300 impostors), the name index built from the store included;
* ``assess``: `checks.assess` of the same 1,000 as join requests (match, community
  membership, previous rejections, text signals, suggestion).

Reference, same run, same file: Python's ``sqlite3`` reading what the matcher must read at
least: ``SELECT DISTINCT sort_name FROM member`` (its covering index) plus one
``lower(email)`` index lookup per request.

Quality: the labelled fixture (tests/fixtures/moderation/labelled.json) queued in its own
2,000-member demo store: precision and recall of known/probable graduate and of "reject".
"""

from __future__ import annotations

import argparse
import random
import sqlite3
import statistics
import tempfile
import time
from collections import Counter
from datetime import UTC, datetime
from pathlib import Path

from bench.common import RESULTS, load_average, machine

TARGET_SECONDS = 5.0


def _requests(store: object, count: int, seed: int) -> tuple[list[object], list[bool]]:
    import sqlalchemy as sa

    from app.moderation import matching, samples
    from app.store.schema import member

    rng = random.Random(seed)
    with store.read() as conn:  # type: ignore[attr-defined]
        top = conn.execute(sa.select(sa.func.max(member.c.id))).scalar() or 0
        ids = rng.sample(range(1, top + 1), int(count * 0.7) + 50)
        people = samples.load_people(conn, ids)[: int(count * 0.7)]
    requests: list[object] = []
    truth: list[bool] = []
    for n, person in enumerate(people):
        variant = samples.GRADUATE_VARIANTS[n % len(samples.GRADUATE_VARIANTS)]
        item = samples.graduate_request(rng, person, variant)
        requests.append(matching.Request(item.name, item.email, None, item.promo))
        truth.append(True)
    while len(requests) < count:
        item = samples.impostor_request(rng)
        requests.append(matching.Request(item.name, item.email, None, item.promo))
        truth.append(False)
    return requests, truth


def _timed(fn: object, runs: int = 3) -> tuple[float, object]:
    fn()  # type: ignore[operator]  # warm-up: the page cache, not the code
    times, result = [], None
    for _ in range(runs):
        start = time.perf_counter()
        result = fn()  # type: ignore[operator]
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def bench_match(db: Path, count: int, seed: int) -> dict[str, object]:
    from app.moderation import checks, matching
    from app.store import open_store

    store = open_store(db)
    try:
        requests, truth = _requests(store, count, seed)
        with store.read() as conn:
            members = conn.exec_driver_sql("SELECT count(*) FROM member").scalar()
            match_s, found = _timed(lambda: matching.match_requests(conn, requests))
            facts = [
                checks.Facts("join", r.name, r.email, None, r.promo, None, "")  # type: ignore[attr-defined]
                for r in requests
            ]
            assess_s, _ = _timed(lambda: checks.assess(conn, facts))
    finally:
        store.close()
    kinds = Counter(m.match for m in found)  # type: ignore[attr-defined]
    positive = [m.match != "unknown" for m in found]  # type: ignore[attr-defined]
    tp = sum(p and t for p, t in zip(positive, truth, strict=True))
    raw = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    emails = [r.email.lower() for r in requests if r.email]  # type: ignore[attr-defined]

    def reference() -> None:
        raw.execute("SELECT DISTINCT sort_name FROM member").fetchall()
        for email in emails:
            raw.execute("SELECT id FROM member WHERE lower(email) = ?", (email,)).fetchall()

    ref_s, _ = _timed(reference)
    raw.close()
    return {
        "members": members,
        "requests": len(requests),
        "match_s": match_s,
        "assess_s": assess_s,
        "ref_s": ref_s,
        "kinds": dict(kinds),
        "precision": tp / max(1, sum(positive)),
        "recall": tp / max(1, sum(truth)),
    }


def bench_quality() -> object:
    import json

    from app.demo import moderation as samples
    from app.moderation.intake import NewItem
    from tests.fixtures.moderation.make_fixture import FIXTURE, build_store

    rows = json.loads(FIXTURE.read_text(encoding="utf-8"))
    labelled = [(NewItem(**r["item"]), samples.Label(**r["label"])) for r in rows]
    with tempfile.TemporaryDirectory() as folder:
        store = build_store(Path(folder) / "quality.sqlite3")
        try:
            return len(labelled), samples.evaluate(store, labelled)
        finally:
            store.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, required=True, help="a COPY of a demo store")
    parser.add_argument("--requests", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=6)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args()
    started = datetime.now(UTC)
    load = load_average()
    m = bench_match(args.db, args.requests, args.seed)
    size, quality = bench_quality()
    q = quality  # type: ignore[assignment]
    verdict = "ok" if m["match_s"] <= TARGET_SECONDS else "over"  # type: ignore[operator]
    lines = [
        f"## {started:%Y-%m-%d %H:%M} — moderation — {machine()} — load average {load} at start",
        "",
        f"{m['members']:,} members (a copy of `{args.db.name}`); {m['requests']} requests "
        f"(seed {args.seed}): 70% real members typed as people type them, 30% impostors; "
        "median of 3 runs after a warm-up.",
        "",
        "| benchmark | reference | result | target | verdict |",
        "|---|---|---|---|---|",
        f"| graduate match of {m['requests']} requests (name index built included) "
        f"| raw `sqlite3`: `SELECT DISTINCT sort_name` + one `lower(email)` lookup per request: "
        f"{m['ref_s']:.2f} s | {m['match_s']:.2f} s ({m['kinds']}) | ≤ {TARGET_SECONDS:.0f} s "
        f"| {verdict} |",
        f"| all checks of {m['requests']} join requests (`checks.assess`) | same | "
        f"{m['assess_s']:.2f} s | — | — |",
        f"| match quality on these requests at {m['members']:,} members (homonyms abound) "
        f"| — | precision {m['precision']:.3f}, recall {m['recall']:.3f} | — | — |",
        f"| labelled fixture ({size} items, 2,000-member demo store): known/probable graduate "
        f"| — | precision {q.graduate_precision:.3f}, recall {q.graduate_recall:.3f} "
        "| ≥ 0.97, ≥ 0.90 | "
        + ("ok" if q.graduate_precision >= 0.97 and q.graduate_recall >= 0.9 else "over")
        + " |",
        f'| labelled fixture: "reject" suggestions | — | precision {q.reject_precision:.3f}, '
        f"recall {q.reject_recall:.3f}, ordinary posts rejected: {q.ordinary_rejected} "
        "| no ordinary post rejected | " + ("ok" if q.ordinary_rejected == 0 else "over") + " |",
        "",
    ]
    text = "\n".join(lines)
    print(text)
    if not args.no_record:
        with RESULTS.open("a", encoding="utf-8") as results:
            results.write("\n" + text)


if __name__ == "__main__":
    main()
