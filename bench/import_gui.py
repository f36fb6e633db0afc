"""The import as the CM lives it (issue 15): from the dialog's Import button to the list
shown, in the real main window (offscreen), on a new store.

``python -m bench.import_gui [--rows 100000]`` (in a process of its own, preferences in a
temporary folder): the main window shows the empty list at its benchmark size; the Import
dialog opens the bench's CSV of the first ``rows`` members of the 1M demo store (its
preview and mapping, not timed); then, timed, ``import_button.click()`` → the import in its
worker → ``imported`` → the window's change announced → the member list's search finished
with every imported member and its viewport repainted. Meanwhile a 20 ms timer on the GUI
thread records the longest gap between its ticks (the window's responsiveness). Reference,
in the same run: `import_file` of the same file into another new store, without the window.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from bench.common import DATA_DIR, WINDOW_SIZE, Row, mb, ms, peak_rss_bytes, secs

TARGET_S = 5.0
TICK_MS = 20


def run(csv_path: Path, workdir: Path) -> Row:
    from PySide6.QtCore import QEventLoop, QTimer

    from app.io.importer import import_file
    from app.io.readers import open_source
    from app.store import open_store
    from ui import i18n
    from ui.application import build_window, make_application
    from ui.dialogs.import_dialog import ImportDialog
    from ui.main_window import IMPORTED
    from ui.settings import UiSettings

    app = make_application()
    settings = UiSettings()
    i18n.install(app, i18n.choose_language(settings.language))

    # The reference first: the same import without the window, into a store of its own.
    plain = open_store(workdir / "plain.sqlite3")
    started = time.perf_counter()
    plain_report = import_file(plain, open_source(csv_path))
    bare = time.perf_counter() - started
    plain.close()

    store = open_store(workdir / "window.sqlite3")
    window = build_window(store, settings)
    panel = window.members
    loop = QEventLoop()
    state = {"at": 0.0, "rows": 0}

    def on_search() -> None:
        panel.table.viewport().repaint()
        state["rows"] = panel.model.rowCount()
        state["at"] = time.perf_counter()
        loop.quit()

    panel.searchFinished.connect(on_search)
    window.resize(*WINDOW_SIZE)
    window.show()
    if panel.last_result is None:
        loop.exec()  # the empty list, shown
    dialog = ImportDialog(store, settings, window)
    finished = {"at": 0.0}

    def on_imported(_report: object) -> None:
        finished["at"] = time.perf_counter()
        window.runner.announce(IMPORTED)  # as File → Import does

    dialog.imported.connect(on_imported)
    dialog.open_file(csv_path)
    dialog.show()
    app.processEvents()

    gaps = {"last": 0.0, "worst": 0.0}

    def tick() -> None:
        now = time.perf_counter()
        if gaps["last"]:
            gaps["worst"] = max(gaps["worst"], now - gaps["last"])
        gaps["last"] = now

    ticker = QTimer()
    ticker.setInterval(TICK_MS)
    ticker.timeout.connect(tick)
    expected = plain_report.created
    state["rows"] = -1
    started = time.perf_counter()
    ticker.start()
    dialog.import_button.click()
    give_up = time.perf_counter() + 300
    while state["rows"] != expected:
        QTimer.singleShot(1000, loop.quit)  # look at the clock at least every second
        loop.exec()
        if time.perf_counter() > give_up:
            raise TimeoutError(f"the list never showed the {expected:,} members imported")
    ticker.stop()
    seconds = state["at"] - started
    report = dialog.report
    dialog.close()
    window.close()
    app.processEvents()
    store.close()
    created = report.created if report is not None else 0
    return Row(
        benchmark=(
            f"import in the window: Import clicked → {created:,} members listed and painted "
            f"(`{csv_path.name}`, new store, {WINDOW_SIZE[0]}×{WINDOW_SIZE[1]} offscreen)"
        ),
        reference=f"`import_file` of the same file without the window: {secs(bare)}",
        result=(
            f"{secs(seconds)} (the import's worker done at {secs(finished['at'] - started)}, "
            f"the list {secs(state['at'] - finished['at'])} after); longest pause of the GUI "
            f"thread {ms(gaps['worst'])} "
            f"(a {TICK_MS} ms timer); peak RSS {mb(peak_rss_bytes())}"
        ),
        target=f"≤ {secs(TARGET_S)}",
        ok=seconds <= TARGET_S,
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.import_gui")
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--store", type=Path, default=DATA_DIR / "demo-1000000-1.sqlite3")
    args = parser.parse_args(argv)
    from bench.io_bench import _warm, member_csv

    csv_path, _ = member_csv(args.store, args.rows)
    _warm(csv_path)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(dir=DATA_DIR, prefix="import-gui-") as tmp:
        os.environ["AMICALE_CONFIG_DIR"] = str(Path(tmp) / "config")  # fresh preferences
        row = run(csv_path, Path(tmp))
    print(f"| {row.benchmark} | {row.reference} | {row.result} | {row.target} | {row.verdict} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
