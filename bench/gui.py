"""The in-process benchmarks, on the real main window: memory, scroll, select and search.

Run by ``python -m bench`` as ``python -m bench.gui DB --out FILE`` in a process of its own,
so that the resident memory it reports is the window's, not the benchmark driver's (which
may just have built a million members). Writes a JSON list of result rows to FILE.

DB is a file, or a team directory's ``postgresql://user@host:port/db`` address (issue 11):
the window then opens the team store, and the raw references run the same compiled SQL
through psycopg (autocommit) on the same server instead of Python's sqlite3.

Order: the bare QApplication's memory (baseline) → the window shows the whole list → memory
→ scroll benchmark → memory → select benchmark → search benchmark (the raw-SQL references
run last, so their result lists never count in the memory figures).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication

from bench.common import WINDOW_SIZE, Row, mb, median, ms, rss_bytes, spread

if TYPE_CHECKING:
    from ui.main_window import MainWindow
    from ui.panels.members import MembersPanel

WAIT_TIMEOUT_S = 120.0
# Search: median keystroke → repainted table with its count.
SELECTIVE_TARGET_S = 0.120
ONE_LETTER_TARGET_S = 0.400
RAW_FACTOR, RAW_SLACK_S = 1.5, 0.016
# Scroll: median jump → repainted table.
SCROLL_TARGET_S = 0.060
SCROLL_JUMPS = 50
SCROLL_END_RUNS = 10
SCROLL_SEED = 20261126
PAGE = 128  # rows per page fetch: ui.models.member_table.PAGE_SIZE (checked at start)
# Memory: resident set with the whole list loaded, painted and scrolled.
MEMORY_TARGET = 250 * 2**20
TEXT_QUERIES = ("dupont", "dup", "d")
# Select: a search after 1,000 members were selected, as the GUI thread lives it.
SELECTED = 1000
SELECT_TARGET_S = 0.100
SELECT_RUNS = 3


def log(message: str) -> None:
    print(f"  {message}", file=sys.stderr, flush=True)


class SearchWaiter:
    """Waits, in a local event loop, for the newest search to finish (or fail).

    On success the table's viewport is repainted right after ``searchFinished``, so the time
    taken includes the first page fetched and drawn. No sleeps, no polling.
    """

    def __init__(self, panel: MembersPanel) -> None:
        self.panel = panel
        self.loop = QEventLoop()
        self.timer = QTimer()
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.loop.quit)
        self.done = False
        self.failed: BaseException | None = None
        self.at = 0.0
        panel.searchFinished.connect(self._on_finished)
        panel.searches.failed.connect(self._on_failed)

    def arm(self) -> None:
        self.done, self.failed = False, None

    def _on_finished(self) -> None:
        self.panel.table.viewport().repaint()
        self.at = time.perf_counter()
        self.done = True
        self.loop.quit()

    def _on_failed(self, error: BaseException) -> None:
        self.at = time.perf_counter()
        self.done, self.failed = True, error
        self.loop.quit()

    def wait(self) -> None:
        if not self.done:
            self.timer.start(int(WAIT_TIMEOUT_S * 1000))
            self.loop.exec()
            self.timer.stop()
        if not self.done:
            raise TimeoutError(f"no search result within {WAIT_TIMEOUT_S:.0f} s")


class SlotTimer:
    """Times the member panel's slot for a search result, on the GUI thread: the window's
    own slot, wrapped before the window is built (its connection is made at construction)."""

    def __init__(self) -> None:
        from ui.panels.members import MembersPanel

        self.seconds = 0.0
        original = MembersPanel._on_search_finished

        def timed(panel: MembersPanel, result: Any) -> None:
            started = time.perf_counter()
            original(panel, result)
            self.seconds = time.perf_counter() - started

        MembersPanel._on_search_finished = timed  # type: ignore[method-assign]


def is_server(db: Path | str) -> bool:
    """A team server's address rather than a file."""
    return str(db).startswith(("postgresql:", "postgres:", "postgresql+"))


def raw_connection(store: Any) -> Any:
    """The physical reference's own connection, without SQLAlchemy or Qt: Python's sqlite3
    on the same file, set up like the app's own connections (same pragmas and functions), or
    psycopg in autocommit on the same server, as the same login. Both answer
    ``execute(sql, params)`` with a cursor."""
    if store.is_team:
        import psycopg

        from app.store.server import with_stored_password

        url = with_stored_password(store.url).set(drivername="postgresql")
        return psycopg.connect(url.render_as_string(hide_password=False), autocommit=True)
    from app.store.sqlite import configure_connection

    raw = sqlite3.connect(store.path)
    configure_connection(raw)
    return raw


class WindowBench:
    def __init__(self, app: QApplication, db: Path | str, runs: int) -> None:
        from app.store import open_store
        from ui import i18n
        from ui.application import build_window, make_application
        from ui.models.member_table import PAGE_SIZE
        from ui.settings import UiSettings

        self.slot = SlotTimer()

        self.app = app
        self.runs = runs
        make_application()
        settings = UiSettings()
        i18n.install(app, i18n.choose_language(settings.language))
        self.store = open_store(db)
        self.window: MainWindow = build_window(self.store, settings)
        self.panel = self.window.members
        self.waiter = SearchWaiter(self.panel)
        if PAGE_SIZE != PAGE:
            raise RuntimeError(f"the table now fetches {PAGE_SIZE} rows a page, not {PAGE}")
        self.raw = raw_connection(self.store)
        self.engine_label = "psycopg" if self.store.is_team else "sqlite3"

    def close(self) -> None:
        self.window.close()
        self.app.processEvents()
        self.raw.close()
        self.store.close()

    def settle(self) -> None:
        """Let stragglers finish: cancelled searches, pending paints."""
        self.panel.searches.wait()
        self.app.processEvents()

    # --- the whole list ------------------------------------------------------------------

    def show(self) -> float:
        """Show the window at its benchmark size; seconds until the list is painted."""
        started = time.perf_counter()
        self.waiter.arm()
        self.window.resize(*WINDOW_SIZE)
        self.window.show()
        self.window.activateWindow()
        self.panel.search.setFocus()
        if self.panel.last_result is None:
            self.waiter.wait()
        else:
            self.panel.table.viewport().repaint()
            self.waiter.at = time.perf_counter()
        seconds = self.waiter.at - started
        self.settle()
        rows = self.panel.model.rowCount()
        log(f"window: {rows:,} members listed and painted {ms(seconds)} after show()")
        return seconds

    # --- scroll ----------------------------------------------------------------------------

    def scroll(self) -> tuple[list[Row], int]:
        """Rows for the scroll benchmark, and the resident memory right after the jumps."""
        table, model = self.panel.table, self.panel.model
        viewport = table.viewport()
        rows = model.rowCount()
        column = next(c for c in range(model.columnCount()) if not table.isColumnHidden(c))
        # Scroll to the end, from the top, with the rows' cache emptied each time (so every
        # run fetches the last page, as the first would).
        ends: list[float] = []
        for _ in range(SCROLL_END_RUNS):
            table.scrollToTop()
            viewport.repaint()
            model.refresh_rows()
            self.app.processEvents()
            started = time.perf_counter()
            table.scrollToBottom()
            viewport.repaint()
            ends.append(time.perf_counter() - started)
            self.app.processEvents()

        rng = random.Random(SCROLL_SEED)
        jumps: list[float] = []
        targets: list[int] = []
        fetches = 0
        for _ in range(SCROLL_JUMPS):
            row = rng.randrange(rows)
            targets.append(row)
            before = model.page_fetches
            started = time.perf_counter()
            table.scrollTo(model.index(row, column))
            viewport.repaint()
            jumps.append(time.perf_counter() - started)
            fetches += model.page_fetches - before
            self.app.processEvents()
        scrolled = rss_bytes()  # before the reference's own connection adds its page cache
        log(f"scroll: to the end {spread(ends)}, jumps {spread(jumps)}, {fetches} page fetches")

        reference = self._page_reference(targets)
        log(f"scroll reference: one page of {PAGE} rows by id, {spread(reference)}")
        ref_text = (
            f"raw SQL ({self.engine_label}), one page of {PAGE} rows by id (+ tags, communities): "
            + spread(reference)
        )
        return [
            Row(
                f"scroll: `scrollToBottom()` + repaint from the top, rows' cache emptied, "
                f"{SCROLL_END_RUNS} runs, {rows:,} rows",
                ref_text,
                spread(ends),
                f"median ≤ {ms(SCROLL_TARGET_S)}",
                median(ends) <= SCROLL_TARGET_S,
            ),
            Row(
                f"scroll: {SCROLL_JUMPS} random jumps (`scrollTo` + repaint), "
                f"{fetches / SCROLL_JUMPS:.1f} page fetches per jump",
                ref_text,
                spread(jumps),
                f"median ≤ {ms(SCROLL_TARGET_S)}",
                median(jumps) <= SCROLL_TARGET_S,
            ),
        ], scrolled

    def _captured_page_sql(self, ids: Sequence[int]) -> list[tuple[str, list[str] | None]]:
        """The statements ``fetch_rows`` runs for one page, as the driver receives them, each
        with its parameters' names (psycopg's are named, sqlite3's positional: None)."""
        from sqlalchemy import event

        seen: list[tuple[str, Any]] = []

        def capture(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
            seen.append((statement, parameters))

        engine = self.store.engine
        event.listen(engine, "before_cursor_execute", capture)
        try:
            self.panel.directory.fetch_rows(ids, self.panel.model.columns)
        finally:
            event.remove(engine, "before_cursor_execute", capture)
        statements = []
        for statement, parameters in seen:
            if statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK")):
                continue
            names = list(parameters) if isinstance(parameters, dict) else None
            values = list(parameters.values()) if isinstance(parameters, dict) else parameters
            if list(values) != list(ids):
                raise RuntimeError(f"unexpected parameters for {statement!r}")
            statements.append((statement, names))
        return statements

    def _page_reference(self, rows: Sequence[int]) -> list[float]:
        """Raw time to fetch the page holding each of ``rows``, with the app's own SQL."""
        ids = self.panel.model.ids
        statements = self._captured_page_sql(list(ids[:PAGE]))
        timings: list[float] = []
        for row in rows:
            start = min(row // PAGE * PAGE, len(ids) - PAGE)
            page = tuple(ids[start : start + PAGE])
            started = time.perf_counter()
            for statement, names in statements:
                params = page if names is None else dict(zip(names, page, strict=True))
                self.raw.execute(statement, params).fetchall()
            timings.append(time.perf_counter() - started)
        return timings

    # --- a search with members selected ---------------------------------------------------

    def _select_spread(self, count: int) -> list[int]:
        """Select ``count`` rows spread over the whole list; their member ids."""
        from PySide6.QtCore import QItemSelection, QItemSelectionModel

        model = self.panel.model
        rows = model.rowCount()
        step = max(1, rows // count)
        picked = list(range(step // 2, rows, step))[:count]
        selection = QItemSelection()
        last = model.columnCount() - 1
        for row in picked:
            selection.select(model.index(row, 0), model.index(row, last))
        self.panel.table.selectionModel().select(
            selection, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )
        return model.visible_ids(picked)

    def _timed_search(self, start: Callable[[], None]) -> tuple[float, float]:
        """(GUI thread in the result's slot, action → repainted table with its count)."""
        self.waiter.arm()
        started = time.perf_counter()
        start()
        self.waiter.wait()
        if self.waiter.failed is not None:
            raise RuntimeError(f"the search failed: {self.waiter.failed}")
        return self.slot.seconds, self.waiter.at - started

    def select(self) -> list[Row]:
        """A search of the whole list again (as after an edit), and the first letter typed,
        with 1,000 members selected across the list (their selection is kept); beside it,
        the same searches with nothing selected and what 1,000 scans of the ids cost (the
        former ``row_of``, same run)."""
        from PySide6.QtTest import QTest

        panel, rows = self.panel, self.panel.model.rowCount()
        search = panel.search
        if search.text():
            self._timed_search(search.clear)
        self.settle()
        out: list[Row] = []
        for label, letter in (
            (f"`refresh()` of the whole list ({rows:,} rows)", ""),
            ("`d` typed", "d"),
        ):

            def act(letter: str = letter) -> None:
                if letter:
                    QTest.keyClicks(search, letter)
                else:
                    panel.refresh()

            def back(letter: str = letter) -> None:
                if letter:
                    self._timed_search(search.clear)
                    self.settle()

            plain: list[float] = []
            for _ in range(SELECT_RUNS + 1):
                panel.table.clearSelection()
                plain.append(self._timed_search(act)[0])
                self.settle()
                back()
            gui: list[float] = []
            total: list[float] = []
            kept = 0
            scans: list[float] = []
            for _ in range(SELECT_RUNS + 1):
                selected = self._select_spread(SELECTED)
                slot, whole = self._timed_search(act)
                gui.append(slot)
                total.append(whole)
                kept = len(panel.selected_ids())
                ids = panel.model.ids
                started = time.perf_counter()
                for member_id in selected:
                    with contextlib.suppress(ValueError):
                        ids.index(member_id)
                scans.append(time.perf_counter() - started)
                self.settle()
                back()
            gui, total, plain, scans = gui[1:], total[1:], plain[1:], scans[1:]  # warm-ups
            log(f"select: {label}: GUI thread {spread(gui)}, end to end {spread(total)}")
            log(f"select: {label}: nothing selected {spread(plain)}; 1,000 scans {spread(scans)}")
            out.append(
                Row(
                    f"search after selecting {SELECTED:,} members: {label}, {kept:,} kept "
                    f"selected; GUI thread in the result's slot ({SELECT_RUNS} runs; end to "
                    f"end {spread(total)})",
                    f"nothing selected: {spread(plain)}; {SELECTED:,} scans of the ids "
                    f"(`row_of` before): {spread(scans)}",
                    spread(gui),
                    f"median ≤ {ms(SELECT_TARGET_S)}",
                    median(gui) <= SELECT_TARGET_S,
                )
            )
        panel.table.clearSelection()
        return out

    # --- search ----------------------------------------------------------------------------

    def geography_query(self) -> str:
        """`tag:<the most used Géographie tag> promo:2000..2010`."""
        found = self.raw.execute(
            "SELECT t.name FROM tag AS t JOIN tag_category AS c ON c.id = t.category_id "
            "WHERE c.name_key = 'geographie' "
            "ORDER BY (SELECT count(*) FROM member_tag AS mt WHERE mt.tag_id = t.id) DESC, "
            "t.name LIMIT 1"
        ).fetchone()
        if found is None:
            raise RuntimeError("the store has no Géographie tag")
        name = str(found[0])
        if any(c in name for c in ' \t()"'):
            name = f'"{name}"'
        return f"tag:{name} promo:2000..2010"

    def _type(self, text: str) -> None:
        from PySide6.QtTest import QTest

        self.waiter.arm()
        QTest.keyClicks(self.panel.search, text)
        self.waiter.wait()

    def keystroke(self, query: str) -> float:
        """Seconds from the last keystroke of ``query`` to its table repainted with its count."""
        from PySide6.QtTest import QTest

        search = self.panel.search
        if search.text():
            self.waiter.arm()
            search.clear()
            self.waiter.wait()
            self.settle()
        if len(query) > 1:
            # The query minus its last letter; it may be a syntax error (…promo:2000..201),
            # in which case the list of everyone stays on screen, as it would for the user.
            self._type(query[:-1])
            self.settle()
        self.waiter.arm()
        started = time.perf_counter()
        QTest.keyClicks(search, query[-1])
        self.waiter.wait()
        if self.waiter.failed is not None:
            raise RuntimeError(f"the search {query!r} failed: {self.waiter.failed}")
        return self.waiter.at - started

    def raw_search(self, query: str) -> tuple[Callable[[], int], str]:
        """The app's search SQL, compiled once for the store's engine, run through the raw
        connection (sqlite3 or psycopg): the ids, then the total."""
        import sqlalchemy as sa

        from app.members.query import compile_query
        from app.members.search import parse
        from app.members.service import Sort
        from app.store.schema import member

        stmt = (
            sa.select(member.c.id).where(compile_query(parse(query))).order_by(*Sort().order_by())
        )
        compiled = stmt.compile(
            dialect=self.store.engine.dialect, compile_kwargs={"render_postcompile": True}
        )
        params = compiled.construct_params()
        bound: Any = (
            dict(params)
            if self.store.is_team
            else tuple(params[name] for name in compiled.positiontup or ())
        )
        sql = str(compiled)

        def run() -> int:
            rows = self.raw.execute(sql, bound).fetchall()
            self.raw.execute("SELECT count(*) FROM member").fetchone()
            return len(rows)

        return run, sql

    def search(self) -> tuple[list[Row], list[str]]:
        queries = [*TEXT_QUERIES, self.geography_query()]
        rows: list[Row] = []
        notes: list[str] = []
        for query in queries:
            raw_run, sql = self.raw_search(query)
            # One warm-up of each, then app and raw alternately so both see the same caches.
            self.keystroke(query)
            raw_run()
            app_times: list[float] = []
            raw_times: list[float] = []
            for _ in range(self.runs):
                app_times.append(self.keystroke(query))
                started = time.perf_counter()
                found = raw_run()
                raw_times.append(time.perf_counter() - started)
            assert self.panel.last_result is not None
            listed = len(self.panel.last_result.ids)
            if listed != found:
                raise RuntimeError(f"{query!r}: the window lists {listed}, raw SQL finds {found}")
            limit = ONE_LETTER_TARGET_S if len(query) == 1 else SELECTIVE_TARGET_S
            bound = RAW_FACTOR * median(raw_times) + RAW_SLACK_S
            result = median(app_times)
            log(f"search {query!r}: {listed:,} rows, app {spread(app_times)}")
            log(f"search {query!r}: raw SQL {spread(raw_times)}")
            rows.append(
                Row(
                    f"search: `{query}` → {listed:,} rows",
                    f"raw SQL ({self.engine_label}) + `count(*)`: {spread(raw_times)}",
                    spread(app_times),
                    f"median ≤ {ms(limit)} and ≤ 1.5×raw+16 ms = {ms(bound)}",
                    result <= limit and result <= bound,
                )
            )
            notes.append(f"`{query}`: `{' '.join(sql.split())}`")
        return rows, notes


def run(db: Path | str, only: set[str], runs: int) -> dict[str, Any]:
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.processEvents()
    baseline = rss_bytes()
    log(f"memory: bare QApplication {mb(baseline)}")

    bench = WindowBench(app, db, runs)
    rows: list[Row] = []
    notes: list[str] = []
    try:
        bench.show()
        loaded = rss_bytes()
        scrolled = loaded
        if "scroll" in only:
            scroll_rows, scrolled = bench.scroll()
            rows += scroll_rows
        if "memory" in only:
            reference = f"bare QApplication (after `import PySide6.QtWidgets`): {mb(baseline)}"
            total = bench.panel.model.rowCount()
            rows.append(
                Row(
                    f"memory: {total:,} members listed and painted",
                    reference,
                    f"{mb(loaded)} (+{mb(loaded - baseline)})",
                    f"≤ {mb(MEMORY_TARGET)}",
                    loaded <= MEMORY_TARGET,
                )
            )
            if "scroll" in only:
                rows.append(
                    Row(
                        "memory: after the scroll benchmark",
                        reference,
                        f"{mb(scrolled)} (+{mb(scrolled - baseline)})",
                        f"≤ {mb(MEMORY_TARGET)}",
                        scrolled <= MEMORY_TARGET,
                    )
                )
            log(f"memory: listed {mb(loaded)}, after scrolling {mb(scrolled)}")
        if "select" in only:
            rows += bench.select()
        if "search" in only:
            search_rows, search_notes = bench.search()
            rows = search_rows + rows
            notes += search_notes
    finally:
        bench.close()
    return {"rows": [r.to_json() for r in rows], "notes": notes}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.gui")
    parser.add_argument("db", help="a store file, or a team server's postgresql://… address")
    parser.add_argument("--out", type=Path, required=True)
    parser.add_argument("--only", default="search,scroll,memory")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    db: Path | str = args.db if is_server(args.db) else Path(args.db)
    result = run(db, set(args.only.split(",")), args.runs)
    args.out.write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
