"""Running store work off the GUI thread, with progress, result, error and cancel.

A `Job` wraps a plain function from `app/`. Its signals arrive on the GUI thread (queued).
`LatestOnly` keeps one job of a kind alive: starting a new one cancels the older, whose
result is then dropped even if it finished anyway — the search box uses it per keystroke.
"""

from __future__ import annotations

import gc
import inspect
import logging
import time
from collections import deque
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, QRunnable, QThreadPool, QTimer, Signal

from app import failures
from app.errors import Cancelled
from app.store.cancel import CancelToken

log = logging.getLogger(__name__)


class GuiThreadCollector(QObject):
    """Python's cycle collector, run on the GUI thread only.

    Left automatic, the collector runs in whichever thread happens to allocate — often a
    worker — and there it walks Qt wrappers that the GUI thread is destroying at that very
    moment (shiboken releases the GIL inside the destructor): a segmentation fault, seen
    about one test run in two. So automatic collection is off, and a timer on the GUI
    thread collects whenever the allocation counts pass the usual thresholds (as Anki and
    the PyQt mailing list's GarbageCollector do).
    """

    INTERVAL_MS = 500

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.thresholds = gc.get_threshold()
        gc.disable()
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.collect_if_due)
        self.timer.start(self.INTERVAL_MS)

    def collect_if_due(self) -> None:
        counts = gc.get_count()
        for generation in (2, 1, 0):
            if counts[generation] > self.thresholds[generation]:
                gc.collect(generation)
                return

    @staticmethod
    def install() -> GuiThreadCollector:
        """Once per application; the QCoreApplication must exist."""
        app = QCoreApplication.instance()
        assert app is not None, "create the QApplication first"
        existing = app.findChild(GuiThreadCollector)
        return existing if existing is not None else GuiThreadCollector(app)


class JobSignals(QObject):
    # The function's return value.
    finished = Signal(object)
    # The exception it raised (Cancelled included).
    failed = Signal(object)
    # (done, total) as reported by the function.
    progress = Signal(int, int)


class Job(QRunnable):
    """Run ``fn(*args, **kwargs)`` in the pool. ``fn`` may accept ``cancel`` and ``progress``."""

    _alive: set[Job] = set()  # the pool does not keep Python wrappers alive
    # Finished jobs are kept a while longer: dropping the last reference inside run() would
    # free the wrapper while QThreadPool still handles the runnable after run() returns, and
    # in the worker thread (its signals object belongs to the GUI thread). They are let go
    # by start(), which runs on the GUI thread.
    _finished: deque[Job] = deque()
    KEEP_FINISHED = 64

    def __init__(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.fn, self.args, self.kwargs = fn, args, kwargs
        self.token = CancelToken()
        self.signals = JobSignals()
        params = inspect.signature(fn).parameters
        if "cancel" in params:
            self.kwargs["cancel"] = self.token
        if "progress" in params:
            self.kwargs["progress"] = self.signals.progress.emit

    @classmethod
    def wait_all(cls, seconds: float = 10.0) -> bool:
        """Wait for every running job to return (before the store they use is closed)."""
        deadline = time.monotonic() + seconds
        while cls._alive and time.monotonic() < deadline:
            time.sleep(0.005)
        return not cls._alive

    @classmethod
    def cancel_all_and_wait(cls, seconds: float = 10.0) -> bool:
        """Cancel every running job and wait for them to return (before a store closes)."""
        for job in list(cls._alive):
            job.cancel()
        return cls.wait_all(seconds)

    @classmethod
    def running(cls) -> int:
        """How many jobs have started and not yet returned."""
        return len(cls._alive)

    def start(self, pool: QThreadPool | None = None) -> Job:
        while len(Job._finished) > Job.KEEP_FINISHED:
            Job._finished.popleft()
        Job._alive.add(self)
        (pool or QThreadPool.globalInstance()).start(self)
        return self

    def cancel(self) -> None:
        self.token.cancel()

    def run(self) -> None:
        try:
            if self.token.cancelled:
                raise Cancelled()
            result = self.fn(*self.args, **self.kwargs)
        except Exception as exc:  # delivered to the GUI thread, which decides what to show
            if not isinstance(exc, Cancelled):
                log.debug("job %s failed", getattr(self.fn, "__name__", self.fn), exc_info=True)
            # A full disk, a lock held by another program…: the sentence that says so.
            self.signals.failed.emit(failures.explain(exc) or exc)
        else:
            self.signals.finished.emit(result)
        finally:
            Job._finished.append(self)
            Job._alive.discard(self)


class LatestOnly(QObject):
    """At most one live job; a newer one cancels and silences the older."""

    # Result of the newest job.
    finished = Signal(object)
    # Error of the newest job (never Cancelled).
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._current: Job | None = None
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(2)

    @property
    def busy(self) -> bool:
        return self._current is not None

    def start(self, fn: Callable[..., Any], *args: Any, **kwargs: Any) -> Job:
        if self._current is not None:
            self._current.cancel()
        job = Job(fn, *args, **kwargs)
        self._current = job
        job.signals.finished.connect(lambda result, job=job: self._done(job, result, None))
        job.signals.failed.connect(lambda exc, job=job: self._done(job, None, exc))
        return job.start(self.pool)

    def _done(self, job: Job, result: Any, error: BaseException | None) -> None:
        if not shiboken6.isValid(self):
            return  # its widget is gone: the job's queued answer has nobody to reach
        if job is not self._current:
            return  # superseded: a newer keystroke owns the table now
        self._current = None
        if error is None:
            self.finished.emit(result)
        elif not isinstance(error, Cancelled):
            self.failed.emit(error)

    def wait(self, msecs: int = 5000) -> bool:
        return self.pool.waitForDone(msecs)
