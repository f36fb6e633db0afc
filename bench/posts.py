"""The calendar's month view with 5,000 posts: paint time (issue 5, target ≤ 100 ms).

``QT_QPA_PLATFORM=offscreen python -m bench.posts [--posts N] [--runs R] [--no-record]``

A temporary store gets N posts in one month (random days, times and 1–3 channels, mixed
states); the month is loaded as the panel loads it (`calendar_items`), handed to the painted
view (`CalendarView.set_items`), then the view (1400×850 less the panel's side column, as in
the window) is repainted R times (`repaint()`, synchronous): median and p90. Reference, same
run, same widget: the same month with no posts. The load and the hand-over are reported too
(they run in the worker and once per load, not per paint). Appends a dated section to
bench/RESULTS.md unless --no-record.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from collections.abc import Sequence
from datetime import UTC, date, datetime
from datetime import time as dtime
from pathlib import Path

from bench.common import RESULTS, load_average, machine, median, ms, p90, spread

TARGET_S = 0.100
VIEW_SIZE = (1060, 800)
MONTH = date(2027, 3, 1)  # holds the spring clock change


def _fill(store: object, posts: int, seed: int) -> None:
    from app.posts.channels import list_channels
    from app.posts.store import PostDraft, insert_post
    from app.store import Store

    assert isinstance(store, Store)
    rng = random.Random(seed)
    with store.write() as conn:
        chans = [c.id for c in list_channels(conn)]
        for n in range(posts):
            day = MONTH.replace(day=rng.randint(1, 31))
            picked = rng.sample(chans, rng.randint(1, 3))
            insert_post(
                conn,
                PostDraft(
                    title=f"Post {n}",
                    text=f"Post number {n} about the association's news " * 2,
                    local_time=datetime.combine(
                        day, dtime(rng.randint(7, 21), rng.choice((0, 30)))
                    ),
                    versions={c: (None, None) for c in picked},
                    state=rng.choice(("draft", "scheduled", "scheduled")),
                ),
            )


def run(
    posts: int, runs: int, screenshot: Path | None = None
) -> tuple[dict[str, list[float]], int]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from app.posts.store import calendar_items
    from app.posts.timing import DEFAULT_TZ, to_utc
    from app.store import open_store
    from ui.panels.calendar_view import MONTH as MONTH_MODE
    from ui.panels.calendar_view import CalendarView

    app = QApplication.instance() or QApplication([])
    samples: dict[str, list[float]] = {
        "empty": [], "full": [], "load": [], "set": [], "none_refs": [],
    }  # fmt: skip
    with tempfile.TemporaryDirectory() as tmp:
        store = open_store(Path(tmp) / "bench.sqlite3")
        try:
            started = time.perf_counter()
            _fill(store, posts, seed=20261126)
            print(
                f"  {posts} posts written in {time.perf_counter() - started:.1f} s", file=sys.stderr
            )
            view = CalendarView()
            view.resize(*VIEW_SIZE)
            view.set_period(MONTH_MODE, MONTH, date(2027, 3, 10))
            view.set_labels(["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"], "+%1 more")
            view.show()
            app.processEvents()
            start = to_utc(datetime.combine(view.first_day, dtime()), DEFAULT_TZ)
            end = to_utc(datetime.combine(view.last_day, dtime()), DEFAULT_TZ)
            colors = {i: "#0a66c2" for i in range(1, 8)}
            for _ in range(3):
                t0 = time.perf_counter()
                items = calendar_items(store, start, end, now=datetime(2027, 3, 10, tzinfo=UTC))
                samples["load"].append(time.perf_counter() - t0)
            shown = len(items)
            for label, content in (("empty", []), ("full", items)):
                t0 = time.perf_counter()
                view.set_items(content, colors)
                if label == "full":
                    samples["set"].append(time.perf_counter() - t0)
                view.repaint()  # warm-up (glyph caches)
                refs = sys.getrefcount(None)
                for _ in range(runs):
                    t0 = time.perf_counter()
                    view.repaint()
                    samples[label].append(time.perf_counter() - t0)
                if label == "full":  # see the report: PySide's void calls lose None refs
                    samples["none_refs"].append((refs - sys.getrefcount(None)) / runs)
            if screenshot is not None:
                view.grab().save(str(screenshot))
            view.close()
        finally:
            store.close()
    return samples, shown


def section(samples: dict[str, list[float]], posts: int, shown: int, runs: int) -> str:
    verdict = "ok" if median(samples["full"]) <= TARGET_S else "over"
    stamp = datetime.now().strftime("%Y-%m-%d %H:%M")
    return (
        f"## {stamp} — calendar month view (bench/posts.py) — {machine()} — "
        f"load average {load_average()} at start\n\n"
        f"{posts:,} posts in March 2027 ({shown:,} occurrences in the 6-week grid); view "
        f"{VIEW_SIZE[0]}×{VIEW_SIZE[1]}, offscreen; {runs} timed `repaint()` after one warm-up.\n\n"
        "| benchmark | reference | result | target | verdict |\n"
        "|---|---|---|---|---|\n"
        f"| month view paint, {posts:,} posts | same view, same month, no posts: "
        f"{spread(samples['empty'])} | {spread(samples['full'])} | median ≤ 100 ms | {verdict} |\n"
        f"| month load (`calendar_items`, worker) | — | "
        f"median {ms(median(samples['load']))} | — | info |\n"
        f"| hand-over (`CalendarView.set_items`) | — | {ms(samples['set'][0])} | — | info |\n"
        f"| references to None lost per full paint (PySide6 void-call bug) | — | "
        f"{samples['none_refs'][0]:.0f} | — | info |\n"
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.posts")
    parser.add_argument("--posts", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=30)
    parser.add_argument("--no-record", action="store_true")
    parser.add_argument("--screenshot", type=Path, help="save the full month's paint (PNG)")
    args = parser.parse_args(argv)
    samples, shown = run(args.posts, args.runs, args.screenshot)
    text = section(samples, args.posts, shown, args.runs)
    print(text)
    print(f"p90 full {ms(p90(samples['full']))}", file=sys.stderr)
    if not args.no_record:
        existing = RESULTS.read_text(encoding="utf-8")
        RESULTS.write_text(existing.rstrip("\n") + "\n\n" + text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
