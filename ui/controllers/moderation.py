"""The Moderation view's state and logic, without widgets: the queue and what goes with it
(loaded in a worker, `app.moderation.queue.state`), where the cursor goes after a decision,
the texts the panel shows (statistics, log, the selected item), the decisions and their undo
(operations through the runner), the members to verify and the file imports.

The panel (ui.panels.moderation) lays it out, copies the replies to the clipboard, and
forwards keys and clicks; it shows ``loaded``'s state and ``feedback`` under the buttons.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QLocale, QObject, Signal, Slot

from app import clock
from app.errors import AmicaleError
from app.moderation import intake, queue
from app.moderation import settings as mod_settings
from app.moderation.queue import Decision, ModerationState, QueueItem, Statistics, ToVerify
from app.operations import Changes, Operation
from app.operations.moderation import decision_changes
from app.store import Store
from ui.labels import message_text, moment_text, week_text
from ui.models.moderation_queue import (
    KIND_TITLES,
    STATUS_TITLES,
    SUGGESTION_TITLES,
    ModerationQueueModel,
    title,
)
from ui.operations import OperationRunner
from ui.workers import Job, LatestOnly

# The outcome of a decision, about whom (%1): a join request, or a post or comment.
OUTCOMES = {
    ("join", "approved"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: approved"),
    ("join", "rejected"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: rejected"),
    ("join", "info"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: information asked"),
    ("join", "escalated"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: passed on"),
    ("join", "snoozed"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: snoozed"),
    ("join", "pending"): QT_TRANSLATE_NOOP("ModerationPanel", "Request from %1: pending"),
    ("post", "approved"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: approved"),
    ("post", "rejected"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: rejected"),
    ("post", "info"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: information asked"),
    ("post", "escalated"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: passed on"),
    ("post", "snoozed"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: snoozed"),
    ("post", "pending"): QT_TRANSLATE_NOOP("ModerationPanel", "Post by %1: pending"),
}
UNDONE = {
    "join": QT_TRANSLATE_NOOP("ModerationPanel", "Decision on the request from %1 undone."),
    "post": QT_TRANSLATE_NOOP("ModerationPanel", "Decision on the post by %1 undone."),
}


@dataclass(frozen=True)
class LogLine:
    """One line of the decision log."""

    decision_id: int
    text: str
    undone: bool


@dataclass(frozen=True)
class ItemView:
    """What the panel shows of the selected item."""

    title: str
    info: str
    text: str
    replies: list[str]  # the rejection replies offered, the likeliest first
    signals: list[str]  # the suggestion and its reason, then each signal
    members: list[tuple[int, str]]  # the matching members: id, description


@dataclass(frozen=True)
class Decided:
    """A decision made: the decision, the sentence to show, the text to copy (if any)."""

    decision: Decision
    feedback: str
    clipboard: str | None


class ModerationController(QObject):
    # A load finished (its ModerationState); the panel fills its lists.
    loaded = Signal(object)
    # The number of open items changed (a sidebar badge).
    countChanged = Signal(int)
    # A decision created or completed members: the member list should refresh.
    membersChanged = Signal()
    # A sentence for the CM under the decisions.
    feedback = Signal(str)
    # An import's progress (done, total), and its end: the report's sentence, or the error's
    # text and whether it failed.
    importProgress = Signal(int, int)
    importEnded = Signal(str, bool)
    # "Approve known graduates" ended: the decisions it made.
    approved = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.state: ModerationState | None = None
        self.include_snoozed = False
        self.keep_id: int | None = None
        self.keep_row = 0
        self.loaded_once = False
        self.model = ModerationQueueModel(self)
        self.loader = LatestOnly(self)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)

    # --- loading -------------------------------------------------------------------------

    def reload(self) -> Job:
        return self.loader.start(queue.state, self.store, self.include_snoozed)

    def wait(self) -> bool:
        return self.loader.wait()

    @Slot(object)
    def _on_loaded(self, state: ModerationState) -> None:
        self.loaded_once = True
        self.state = state
        self.model.set_items(state.items, clock.now())
        self.loaded.emit(state)
        self.countChanged.emit(state.stats.pending)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, AmicaleError):
            self.feedback.emit(message_text(error))
        else:
            self.feedback.emit(self.tr("The queue could not be read: %1").replace("%1", str(error)))

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.moderation or changes.members:  # matches depend on the members
            self.reload()

    def row_to_select(self, current_id: int | None) -> int:
        """After a load: the item kept after a decision, else the one selected, else the
        same row (clamped); -1 when the queue is empty."""
        keep = self.keep_id if self.keep_id is not None else current_id
        self.keep_id = None
        row = self.model.row_of(keep) if keep is not None else -1
        if row < 0:
            row = min(self.keep_row, self.model.rowCount() - 1)
        return row

    def set_filter(self, community: int | None, kind: str | None, suggestion: str | None) -> None:
        self.model.set_filter(community, kind, suggestion)

    @property
    def settings(self) -> dict[str, object]:
        return self.state.settings if self.state else mod_settings.DEFAULTS

    # --- texts ---------------------------------------------------------------------------

    def stats_text(self, stats: Statistics) -> tuple[str, str]:
        """The statistics line (the latest week) and its tooltip (every week, community)."""
        parts = [self.tr("%n item(s) to moderate", "", stats.pending)]
        if stats.median_hours is not None:
            hours = stats.median_hours
            wait = (
                self.tr("%1 h").replace("%1", f"{hours:.0f}")
                if hours < 48
                else self.tr("%1 days").replace("%1", QLocale().toString(hours / 24, "f", 1))
            )
            parts.append(self.tr("median time to decision: %1").replace("%1", wait))
        if stats.per_week:
            week = stats.per_week[0][0]
            count = sum(n for w, _, n in stats.per_week if w == week)
            by_community = ", ".join(f"{c or '—'} {n}" for w, c, n in stats.per_week if w == week)
            parts.append(
                self.tr("%1: %n decision(s) (%3)", "", count)
                .replace("%1", week_text(week))
                .replace("%3", by_community)
            )
        if stats.automatic:
            parts.append(self.tr("%n automatic", "", stats.automatic))
        tip = "\n".join(
            self.tr("%1 · %2: %3")
            .replace("%1", week_text(week))
            .replace("%2", name or "—")
            .replace("%3", str(count))
            for week, name, count in stats.per_week[:60]
        )
        return " · ".join(parts), tip

    def to_verify_lines(self, rows: list[ToVerify]) -> list[tuple[int, str]]:
        lines = []
        for row in rows:
            text = row.name
            if row.promo is not None:
                text += " · " + self.tr("class of %1").replace("%1", str(row.promo))
            if row.community:
                text += " · " + row.community
            lines.append((row.member_id, text))
        return lines

    def to_verify_title(self, count: int) -> str:
        return (
            self.tr("To verify (%1)").replace("%1", str(count)) if count else self.tr("To verify")
        )

    def log_lines(self, log: list[Decision]) -> list[LogLine]:
        lines = []
        for decision in log:
            when = datetime.fromisoformat(decision.decided_at).astimezone()
            name, kind = self.label(decision.item_id)
            text = self.tr("%1 · %2").replace("%2", self.outcome(kind, name, decision.status))
            text = text.replace("%1", moment_text(when, clock.today()), 1)
            if decision.automatic:
                text += " · " + self.tr("automatic")
            if decision.reason:
                text += " · " + message_text(decision.reason)
            if decision.undone_at:
                text += " · " + self.tr("undone")
            lines.append(LogLine(decision.id, text, bool(decision.undone_at)))
        return lines

    def item_view(self, item: QueueItem) -> ItemView:
        info = []
        if item.email:
            info.append(item.email)
        if item.promo is not None:
            info.append(self.tr("class of %1").replace("%1", str(item.promo)))
        if item.school:
            info.append(item.school)
        if item.profile_url:
            info.append(item.profile_url)
        if item.community:
            info.append(self.tr("to %1").replace("%1", item.community))
        received = datetime.fromisoformat(item.received_at).astimezone()
        info.append(self.tr("received %1").replace("%1", moment_text(received, clock.today())))
        info.append(title(STATUS_TITLES, item.status))
        signals = [
            self.tr("Suggestion: %1 — %2")
            .replace("%2", self.why(item))
            .replace("%1", title(SUGGESTION_TITLES, item.suggestion), 1)
        ]
        signals += [message_text(signal.message()) for signal in item.signals]
        members: list[tuple[int, str]] = []
        if item.member_ids:
            try:
                names = queue.describe_members(self.store, item.member_ids)
            except AmicaleError:
                names = {}
            members = [(m, names.get(m, f"#{m}")) for m in item.member_ids]
        return ItemView(
            title=f"{title(KIND_TITLES, item.kind)} — {item.name or item.email or ''}",
            info=" · ".join(info),
            text=item.text,
            replies=queue.reply_choices(item.kind, item.signals, self.settings),
            signals=signals,
            members=members,
        )

    def label(self, item_id: int) -> tuple[str, str]:
        """The name on an item and its kind, from the queue or the log's labels."""
        row = self.model.row_of(item_id)
        item = self.model.item_at(row) if row >= 0 else None
        if item is not None:
            return item.name or item.email or "", item.kind
        labels = self.state.labels if self.state else {}
        if item_id not in labels:
            labels = queue.item_labels(self.store, [item_id])
        return labels.get(item_id, ("", "join"))

    def outcome(self, kind: str, name: str, status: str) -> str:
        """ "Request from Chloé Puech: approved": a sentence, in the kind's grammar."""
        group = "join" if kind == "join" else "post"
        source = OUTCOMES.get((group, status))
        who = name or self.tr("(no name)")
        if source is None:
            return who + " · " + title(STATUS_TITLES, status)
        return QCoreApplication.translate("ModerationPanel", str(source)).replace("%1", who)

    def undone_text(self, item_id: int) -> str:
        name, kind = self.label(item_id)
        source = UNDONE["join" if kind == "join" else "post"]
        text = QCoreApplication.translate("ModerationPanel", str(source))
        return text.replace("%1", name or self.tr("(no name)"))

    def why(self, item: QueueItem) -> str:
        """One reason for the suggestion: its risk points, else that there is none."""
        if item.score > 0:
            return (
                self.tr("risk %1 (a rejection is suggested from %2)")
                .replace("%2", str(self.settings["reject_score"]))
                .replace("%1", str(item.score), 1)
            )
        # The match and its confidence are the signal line below: said once.
        return self.tr("no warning sign")

    # --- decisions -----------------------------------------------------------------------

    def keep_place(self, item_id: int, row: int) -> None:
        """At the next reload, keep the cursor where it was (the next item moves up)."""
        self.keep_row = max(0, row)
        at = self.model.row_of(item_id)
        following = self.model.item_at(at + 1) if at >= 0 else None
        self.keep_id = following.id if following is not None else None

    def decide(self, item: QueueItem, action: str, reply: str, row: int) -> Decided | None:
        """Decide on ``item`` (at ``row``): ``reply`` goes with a rejection; the text to
        copy is the reply, or the template asking for information."""
        reason: str | None = None
        clipboard: str | None = None
        if action == "reject":
            reason = reply.strip() or None
            clipboard = reason
        elif action == "info":
            clipboard = str(self.settings["template.info"]).replace("{name}", item.name or "")
        self.keep_place(item.id, row)  # the runner's changes reload the queue
        op = Operation(
            "moderation.decide", {"item_id": item.id, "action": action, "reason": reason}
        )
        try:
            decision: Decision = self.runner.run_now(op)
        except AmicaleError as exc:
            self.feedback.emit(message_text(exc))
            return None
        text = self.outcome(item.kind, item.name or item.email or "", decision.status)
        if clipboard is not None:
            text += " — " + self.tr("reply copied to the clipboard")
        self.feedback.emit(text)
        if "member_id" in decision.effects:  # a member created, completed or linked
            self.membersChanged.emit()
        return Decided(decision, text, clipboard)

    def undo_last(self) -> Decision | None:
        try:
            last = self.runner.last_done()
            undone: Decision | None
            if last is not None and last.name == "moderation.decide":
                # The decision is Edit → Undo's last step: undo it there, so both agree.
                undone = self.runner.undo_now()[0]
            else:
                undone = self.runner.run_now(Operation("moderation.undo-last"), undoable=False)
        except AmicaleError as exc:
            self.feedback.emit(message_text(exc))
            return None
        if undone is None:
            self.feedback.emit(self.tr("No decision to undo."))
            return None
        self.feedback.emit(self.undone_text(undone.item_id))
        self.membersChanged.emit()
        self.keep_id = undone.item_id
        self.reload()  # again, now that the item to keep is known
        return undone

    def undo(self, decision_id: int) -> Decision | None:
        op = Operation("moderation.undo", {"decision_ids": [decision_id]})
        try:
            (undone,) = self.runner.run_now(op, undoable=False)
        except AmicaleError as exc:
            self.feedback.emit(message_text(exc))
            return None
        self.feedback.emit(self.undone_text(undone.item_id))
        self.membersChanged.emit()
        return undone

    def approve_known(self) -> Job:
        """Approve the listed join requests whose email or profile is in the directory."""
        ids = [item.id for item in self.model.items]
        self.feedback.emit(self.tr("Approving…"))
        # In the runner's worker: each approval completes or creates a member.
        return self.runner.run(
            Operation("moderation.approve-known", {"item_ids": ids}),
            self._on_bulk_approved,
            lambda error: self.feedback.emit(message_text(error)),
        )

    def _on_bulk_approved(self, made: list[Decision]) -> None:
        self.approved.emit(list(made))
        self.feedback.emit(self.tr("%n known graduate(s) approved.", "", len(made)))
        if made:
            self.membersChanged.emit()

    def verify(self, member_id: int, source: str, on: date) -> bool:
        args = {"member_id": member_id, "source": source, "on": on.isoformat()}
        try:
            self.runner.run_now(Operation("moderation.verify", args))
        except AmicaleError as exc:
            self.feedback.emit(message_text(exc))
            return False
        self.membersChanged.emit()
        return True

    # --- intake --------------------------------------------------------------------------

    def import_path(self, path: Path) -> Job:
        """Import a CSV or JSON file of requests and posts, in a worker."""
        job = Job(intake.import_file, self.store, path)
        job.signals.progress.connect(self.importProgress)
        job.signals.finished.connect(self._on_imported)
        job.signals.failed.connect(self._on_import_failed)
        return job.start()

    @Slot(object)
    def _on_imported(self, report: intake.IntakeReport) -> None:
        self.importEnded.emit(
            self.tr("Imported: %1 added, %2 merged, %3 decided by the rules.")
            .replace("%1", str(report.added))
            .replace("%2", str(report.merged))
            .replace("%3", str(len(report.automatic))),
            False,
        )
        self.queued(report)

    @Slot(object)
    def _on_import_failed(self, error: BaseException) -> None:
        if isinstance(error, intake.IntakeError) and error.problems:
            lines = [
                self.tr("line %1: %2")
                .replace("%1", str(problem.line))
                .replace("%2", message_text(problem.reason))
                for problem in error.problems[:20]
            ]
            text = self.tr("%n bad row(s), nothing imported:", "", len(error.problems))
            text += "\n" + "\n".join(lines)
        elif isinstance(error, AmicaleError):
            text = message_text(error.args[0] if error.args else error)
        else:
            text = repr(error)
        self.importEnded.emit(text, True)

    def queued(self, report: intake.IntakeReport) -> None:
        """Items were added (a file, the Add dialog): every view hears what changed."""
        self.runner.announce(decision_changes(report.automatic) | Changes(moderation=True))

    def communities(self) -> list[str]:
        return [name for _, name in (self.state.communities if self.state else [])]

    def settings_saved(self) -> Job:
        """The lists or rules changed: the queue's signals are computed again."""
        job = Job(queue.recheck, self.store)
        job.signals.finished.connect(lambda _n: self.reload())
        return job.start()
