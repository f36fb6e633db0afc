import time

T0 = time.perf_counter()

# The start-up probe: `python bench/startup_probe.py DB`, run as a subprocess by the `startup`
# benchmark. Its first statement reads the clock, before any import; then it does what
# `amicale` does to open the window (ui.application.run_window: settings, application,
# language, store, first-start check, window, show) and prints one JSON line per event, as
# it happens, with seconds since that first statement:
#
#   {"event": "window", "t": ...}   first Paint or Expose event of the main window
#   {"event": "rows", "t": ..., "painted_at": ..., "rows": N}
#                                    the member table's viewport painted with rows: "t" when
#                                    its first such Paint event arrived, "painted_at" once
#                                    that paint returned to the event loop
#
# then quits. The parent stamps each line as it arrives, which gives the same events "from
# spawn" (interpreter start-up included). On failure: {"event": "error", "message": ...}.
# No docstring on purpose: it would not be the first statement any more.


def _emit(**fields: object) -> None:
    import json
    import sys

    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main() -> int:
    import sys
    from pathlib import Path

    from PySide6.QtCore import QEvent, QObject, QTimer

    from app.members.service import MemberDirectory
    from ui import i18n
    from ui.application import build_window, make_application, open_with_dialogs
    from ui.settings import UiSettings

    db = Path(sys.argv[1])
    timeout_ms = int(sys.argv[2]) if len(sys.argv) > 2 else 60_000
    settings = UiSettings()
    app = make_application()
    i18n.install(app, i18n.choose_language(settings.language))
    store = open_with_dialogs(db)
    if store is None:
        _emit(event="error", message=f"cannot open {db}")
        return 1

    from app import association

    if association.load(store) is None and MemberDirectory(store).total() == 0:
        _emit(event="error", message="an empty store would open the first-start dialog")
        store.close()
        return 1

    window = build_window(store, settings)
    table, model = window.members.table, window.members.model
    seen: dict[str, float] = {}

    def rows_done() -> None:
        _emit(
            event="rows",
            t=seen["rows"],
            painted_at=time.perf_counter() - T0,
            rows=model.rowCount(),
        )
        app.quit()

    class Watch(QObject):
        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            kind = event.type()
            if watched is window and "window" not in seen:
                if kind in (QEvent.Type.Paint, QEvent.Type.Expose):
                    seen["window"] = time.perf_counter() - T0
                    _emit(event="window", t=seen["window"])
            elif (
                watched is table.viewport()
                and kind == QEvent.Type.Paint
                and "rows" not in seen
                and model.rowCount() > 0
            ):
                seen["rows"] = time.perf_counter() - T0
                # Runs once this paint (and the page fetch inside it) has returned.
                QTimer.singleShot(0, rows_done)
            return False

    watch = Watch()
    window.installEventFilter(watch)
    table.viewport().installEventFilter(watch)

    def give_up() -> None:
        _emit(event="error", message=f"no painted rows after {timeout_ms} ms")
        app.exit(1)

    QTimer.singleShot(timeout_ms, give_up)
    window.show()
    try:
        return app.exec()
    finally:
        window.members.searches.wait()
        store.close()


if __name__ == "__main__":
    raise SystemExit(main())
