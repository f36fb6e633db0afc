"""Save a screenshot of the main window on a store: `python tools/screenshot.py DB OUT.png [QUERY]`.

With `--all` instead of a query, one screenshot per panel: OUT-1.png, OUT-2.png…
`--size=1366x768` sets the window's size (default 1400x850), as a laptop's screen would.

Used to look at what we build (offscreen, no display needed).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QEventLoop, QTimer

from app.store import open_store
from ui import i18n
from ui.application import build_window, make_application
from ui.settings import UiSettings


def main() -> int:
    args = [a for a in sys.argv[1:] if not a.startswith("--size=")]
    sizes = [a.removeprefix("--size=") for a in sys.argv[1:] if a.startswith("--size=")]
    width, height = (int(n) for n in (sizes[-1] if sizes else "1400x850").split("x"))
    db, out = Path(args[0]), Path(args[1])
    every_panel = args[2:3] == ["--all"]
    query = args[2] if len(args) > 2 and not every_panel else ""
    app = make_application()
    i18n.install(app, os.environ.get("AMICALE_LANG", "en"))
    store = open_store(db)
    window = build_window(store, UiSettings())
    window.resize(width, height)
    window.show()

    def wait_search() -> None:
        loop = QEventLoop()
        window.members.searchFinished.connect(loop.quit)
        QTimer.singleShot(10000, loop.quit)
        loop.exec()

    wait_search()
    if query:
        window.members.search.setText(query)
        wait_search()
    if window.members.model.rowCount():
        window.members.table.selectRow(min(2, window.members.model.rowCount() - 1))
    app.processEvents()
    if every_panel:
        for row in range(window.sidebar.count()):
            window.sidebar.setCurrentRow(row)
            for _ in range(20):  # let the panel's background loads land
                QTimer.singleShot(50, lambda: None)
                app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            shot = out.with_name(f"{out.stem}-{row + 1}{out.suffix}")
            window.grab().save(str(shot))
            print(shot)
    else:
        window.grab().save(str(out))
        print(out)
    window.close()
    store.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
