"""The one way the window changes the store: operations run one at a time off the GUI thread.

`OperationRunner.run(op)` executes an `app.operations.Operation` on a single-thread pool (so
writes are serialised, in the order asked), then on the GUI thread announces
`changed(Changes)` to every panel, which reloads only what concerns it, and keeps the undo
history: Edit → Undo names the last operation ("Undo Edit member") and runs the operation it
returned to reverse it; Redo runs the original again. As Anki's `CollectionOp` does.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QObject, QThreadPool, Signal

from app import failures, operations
from app.errors import AmicaleError
from app.operations import Changes, Operation, Outcome
from app.store import Store
from app.store.sqlite import CancelToken
from ui.labels import message_text
from ui.workers import Job

# How many operations Edit → Undo can go back.
UNDO_DEPTH = 30


@dataclass(frozen=True)
class Step:
    """One undoable step: what was done, and the operation that reverses it."""

    done: Operation
    undo: Operation

    @property
    def label(self) -> str:
        return QCoreApplication.translate("Operations", self.done.label.template)


class OperationRunner(QObject):
    # What an operation changed (Changes), after it committed, and who asked for it (the
    # panel that ran it, which updated itself already, or None); every panel listens.
    changed = Signal(object, object)
    # An operation failed (the error, the operation): nothing was written.
    failed = Signal(object, object)
    # The undo or redo history changed (labels to show, actions to enable).
    historyChanged = Signal()

    # One runner per open store, shared by every panel and dialog showing it.
    _by_store: ClassVar[weakref.WeakKeyDictionary[Store, OperationRunner]] = (
        weakref.WeakKeyDictionary()
    )

    @classmethod
    def for_store(cls, store: Store) -> OperationRunner:
        """The runner of ``store`` (created on first use, on the GUI thread)."""
        runner = cls._by_store.get(store)
        if runner is None:
            runner = cls(store)
            cls._by_store[store] = runner
        return runner

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)  # one writer, in the order asked
        self.undo_steps: list[Step] = []
        self.redo_steps: list[Step] = []
        self._running: set[Job] = set()

    # --- running -------------------------------------------------------------------------

    def run(
        self,
        op: Operation,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
        *,
        undoable: bool = True,
        origin: object = None,
    ) -> Job:
        """Run ``op``; ``on_done(value)`` or ``on_failed(error)`` on the GUI thread, after
        the panels heard of the changes. A failure without ``on_failed`` goes to `failed`."""
        record = self._record if undoable else None
        return self._start(op, on_done, on_failed, record, origin)

    def _start(
        self,
        op: Operation,
        on_done: Callable[[Any], None] | None,
        on_failed: Callable[[BaseException], None] | None,
        record: Callable[[Operation, Outcome[Any]], None] | None,
        origin: object = None,
    ) -> Job:
        job = Job(_execute, self.store, op)
        self._running.add(job)

        def finished(outcome: Outcome[Any]) -> None:
            self._running.discard(job)
            if record is not None:
                record(op, outcome)
            self.announce(outcome.changes, origin)
            if on_done is not None:
                on_done(outcome.value)

        def failed(error: BaseException) -> None:
            self._running.discard(job)
            if on_failed is not None:
                on_failed(error)
            else:
                self.failed.emit(error, op)

        job.signals.finished.connect(finished)
        job.signals.failed.connect(failed)
        return job.start(self.pool)

    def run_now(self, op: Operation, *, undoable: bool = True, origin: object = None) -> Any:
        """Run a one-row ``op`` on the GUI thread and return its value (raising its error):
        for the few writes whose answer the next keystroke needs at once (a moderation
        decision in keyboard triage). Waits for queued operations first, so order holds.
        An operation whose work grows with the store (``long``: a tag's merge, a bulk
        tagging, a deletion of many) is refused: it goes through `run`, off the GUI thread."""
        if operations.spec(op.name).long:
            raise RuntimeError(f"{op.name} may take long on a large store: run() it")
        self.wait()
        try:
            outcome = operations.run(self.store, op)
        except AmicaleError:
            raise
        except Exception as exc:  # a known failure (disk full, locked…) in one sentence
            known = failures.explain(exc)
            if known is None:
                raise
            raise known from exc
        if undoable:
            self._record(op, outcome)
        self.announce(outcome.changes, origin)
        return outcome.value

    def announce(self, changes: Changes, origin: object = None) -> None:
        """Tell the panels about changes made outside the runner (an import job, say)."""
        if not changes.empty:
            self.changed.emit(changes, origin)

    @property
    def busy(self) -> bool:
        return bool(self._running)

    def wait(self, msecs: int = 10000) -> bool:
        return self.pool.waitForDone(msecs)

    # --- undo and redo ---------------------------------------------------------------------

    def _record(self, op: Operation, outcome: Outcome[Any]) -> None:
        if outcome.changes.empty:
            return  # nothing happened: nothing to undo
        if outcome.undo is None:
            # What came before may depend on what this changed: it cannot be undone any more.
            self.undo_steps.clear()
        else:
            self.undo_steps.append(Step(op, outcome.undo))
            del self.undo_steps[:-UNDO_DEPTH]
        self.redo_steps.clear()
        self.historyChanged.emit()

    def undo_label(self) -> str | None:
        return self.undo_steps[-1].label if self.undo_steps else None

    def redo_label(self) -> str | None:
        return self.redo_steps[-1].label if self.redo_steps else None

    def undo(
        self,
        on_done: Callable[[Any], None] | None = None,
        on_failed: Callable[[BaseException], None] | None = None,
    ) -> Job | None:
        if not self.undo_steps:
            return None
        step = self.undo_steps.pop()
        self.historyChanged.emit()

        def redo_later(_op: Operation, _outcome: Outcome[Any]) -> None:
            self._offer_redo(step)

        return self._start(step.undo, on_done, on_failed, redo_later)

    def last_done(self) -> Operation | None:
        """The operation Edit → Undo would reverse (a panel's own Undo button checks that
        it is its own before offering it)."""
        return self.undo_steps[-1].done if self.undo_steps else None

    def undo_now(self) -> Any:
        """Undo the last step on the GUI thread and return its value (keyboard triage's
        U); as `undo`, Redo can run it again."""
        if not self.undo_steps:
            return None
        step = self.undo_steps[-1]
        value = self.run_now(step.undo, undoable=False)
        self.undo_steps.remove(step)
        self._offer_redo(step)
        return value

    def _offer_redo(self, step: Step) -> None:
        """After ``step`` was undone: Redo runs the original again (with a new id: it is a
        new change)."""
        self.redo_steps.append(Step(Operation(step.done.name, step.done.args), step.undo))
        self.historyChanged.emit()

    def redo(self, on_done: Callable[[Any], None] | None = None) -> Job | None:
        if not self.redo_steps:
            return None
        step = self.redo_steps.pop()
        self.historyChanged.emit()

        def undo_again(op: Operation, outcome: Outcome[Any]) -> None:
            if outcome.undo is not None:
                self.undo_steps.append(Step(op, outcome.undo))
                self.historyChanged.emit()

        return self._start(step.done, on_done, None, undo_again)


def _execute(store: Store, op: Operation, cancel: CancelToken | None = None) -> Outcome[Any]:
    return operations.run(store, op, cancel)


def failure_text(error: BaseException) -> str:
    """One line for a failed operation, in the user's language."""
    return message_text(error.args[0]) if error.args else message_text(str(error))
