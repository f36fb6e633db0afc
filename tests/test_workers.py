"""Work off the GUI thread: cancellation reaches SQLite, newer searches supersede older."""

from __future__ import annotations

import threading

import pytest
import shiboken6
from PySide6.QtCore import QCoreApplication
from pytestqt.qtbot import QtBot

from app.errors import Cancelled
from app.store import Store
from app.store.cancel import CancelToken, interruptible
from ui.workers import Job, LatestOnly

ENDLESS = (
    "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c LIMIT 10000000000) "
    "SELECT count(*) FROM c"
)


def test_cancel_interrupts_a_running_query(store: Store) -> None:
    token = CancelToken()
    timer = threading.Timer(0.2, token.cancel)
    with store.read() as conn:
        raw = conn.connection.dbapi_connection
        timer.start()
        with pytest.raises(Cancelled), interruptible(raw, token):  # type: ignore[arg-type]
            raw.execute(ENDLESS).fetchone()  # type: ignore[union-attr]
        # The connection is usable afterwards.
        assert raw.execute("SELECT 1").fetchone() == (1,)  # type: ignore[union-attr]


def _wait_until_cancelled(label: str, cancel: CancelToken) -> str:
    for _ in range(500):
        if cancel.cancelled:
            raise Cancelled()
        threading.Event().wait(0.01)
    return label


def _quick(label: str) -> str:
    return label


def test_newer_job_supersedes_the_older(qtbot: QtBot) -> None:
    latest = LatestOnly()
    results: list[str] = []
    errors: list[BaseException] = []
    latest.finished.connect(results.append)
    latest.failed.connect(errors.append)
    old = latest.start(_wait_until_cancelled, "old")
    old_answers: list[BaseException] = []  # queued: connected before any can be delivered
    old.signals.failed.connect(old_answers.append)
    with qtbot.waitSignal(latest.finished, timeout=5000):
        latest.start(_quick, "new")
    assert latest.wait(5000)
    # The old job's answer has reached LatestOnly (connected first) and been dropped there.
    qtbot.waitUntil(lambda: bool(old_answers), timeout=5000)
    assert isinstance(old_answers[0], Cancelled)
    assert results == ["new"]
    assert errors == []  # a cancelled job is silent
    assert old.token.cancelled


def test_job_reports_progress_and_errors(qtbot: QtBot) -> None:
    def work(progress) -> int:  # type: ignore[no-untyped-def]
        for i in range(3):
            progress(i + 1, 3)
        raise ValueError("boom")

    job = Job(work)
    seen: list[tuple[int, int]] = []
    job.signals.progress.connect(lambda done, total: seen.append((done, total)))
    with qtbot.waitSignal(job.signals.failed, timeout=5000) as blocker:
        job.start()
    assert isinstance(blocker.args[0], ValueError)
    qtbot.waitUntil(lambda: len(seen) == 3)
    assert seen[-1] == (3, 3)


def test_cycles_are_collected_on_the_gui_thread_only(qapp: object) -> None:
    import gc
    import weakref

    from ui.workers import GuiThreadCollector

    collector = GuiThreadCollector.install()
    assert GuiThreadCollector.install() is collector
    assert not gc.isenabled()  # never in whichever worker thread allocates

    class Node:
        other: object = None

    gc.collect()  # start from clean counts, then build a cycle and pass the threshold
    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    saved = collector.thresholds
    try:
        collector.thresholds = (0, 10**9, 10**9)
        assert gone() is not None
        collector.collect_if_due()
        assert gone() is None
    finally:
        collector.thresholds = saved


def test_an_answer_for_a_deleted_owner_is_dropped(qtbot: QtBot) -> None:
    """A panel closed while its job runs: the job's queued answer arrives after the panel
    (and its LatestOnly) are gone, and must reach nobody, not raise in the event loop."""
    owner = LatestOnly()
    job = owner.start(lambda: "late")
    assert owner.wait()  # done, its answer queued for the GUI thread and not delivered yet
    assert job not in Job._alive
    shiboken6.delete(owner)  # as when the panel holding it is destroyed
    for _ in range(3):  # deliver the queued finished signal
        QCoreApplication.processEvents()
