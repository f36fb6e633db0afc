"""The Duplicates view's state and logic, without widgets: the pairs (the import's queue and
the last scan), which one is current, what each side shows, the decisions (operations
through the runner), the whole-store scan and "merge all from score N".

The panel (ui.panels.duplicates) lays the pair out and forwards clicks; it follows
``currentMoved`` to select a row and ``pairShown`` to fill the grid.
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QObject, Signal, Slot

from app.clock import to_local
from app.errors import AmicaleError, Cancelled, NotFoundError
from app.members import dedup
from app.members.dedup import Candidate, MergeResult, Pair
from app.members.service import Member, MemberDirectory
from app.operations import Changes, Operation
from app.store import Store
from ui.labels import field_title, message_text, value_label
from ui.models.duplicate_pairs import DuplicatePairsModel, reason_title
from ui.operations import OperationRunner
from ui.workers import Job

# The fields compared side by side, in the member card's order.
GRID_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "linkedin_url",
    "promo",
    "school",
    "company",
    "job_title",
    "city",
    "region",
    "country",
    "birthday",
    "dues_last_year",
    "status",
    "verification",
    "consent",
    "notes",
    "source",
    "tags",
    "communities",
    "created_at",
)
# Fields a merge never fills (the CM's own decisions, or never empty on a member).
NEVER_FILLED = ("status", "verification", "consent", "created_at")
# Differing values of an imported row the CM may take instead of the member's.
CHOOSABLE = tuple(k for k in GRID_FIELDS if k not in (*NEVER_FILLED, "tags", "communities"))

# How a grid row compares: both set and different (a merge keeps the kept member's value),
# one side only or lists a merge unites (the merged member gets it), or nothing to say.
SAME, CONFLICT, FILL = "same", "conflict", "fill"


@dataclass(frozen=True)
class FieldRow:
    """One grid row: the text of each side and how they compare."""

    left: str
    right: str
    kind: str  # SAME, CONFLICT or FILL


@dataclass(frozen=True)
class PairView:
    """What the panel shows of a pair."""

    pair: Pair
    title: str
    left_header: str
    right_header: str
    rows: dict[str, FieldRow]
    queued: bool  # an imported row beside a member (not two members)
    right_name: str  # the right-hand record, as the CM reads it

    def choosable(self) -> list[str]:
        """The fields whose imported value the CM may take instead of the member's."""
        return [k for k in CHOOSABLE if self.queued and self.rows[k].kind == CONFLICT]


class DuplicatesController(QObject):
    # Members were merged or created: the member list (and counts) should refresh.
    membersChanged = Signal()
    # The number of pairs left to review changed (for a badge in the sidebar).
    countChanged = Signal(int)
    # The current row moved (-1: no pair left); the panel selects it.
    currentMoved = Signal(int)
    # The pair to show (a PairView), or None: nothing to review.
    pairShown = Signal(object)
    # A sentence for the CM about the last decision: text, whether it is an error.
    message = Signal(str, bool)
    # The line above the list changed (pairs to review, scanning, scan finished…).
    statusChanged = Signal(str)
    # A scan started / its progress (done, total) / it ended (finished or not).
    scanStarted = Signal()
    scanProgress = Signal(int, int)
    scanEnded = Signal()
    # A scan finished; how many pairs it found.
    scanFinished = Signal(int)
    # The pairs "merge all from score N" would merge are listed (the preview text, how many).
    bulkPreviewed = Signal(str, int)
    # The preview could not be computed (its job ended without a list).
    bulkFailed = Signal()

    def __init__(
        self, store: Store, directory: MemberDirectory, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.directory = directory
        self.scan_job: Job | None = None
        self._scan_started = 0.0
        self.bulk: list[Pair] = []
        self.current_row = -1
        self.shown: Pair | None = None
        self.shown_view: PairView | None = None
        # Set while the list changes under the view: a view's selection follows rows being
        # removed, and showing each pair it passes through would read the store for nothing.
        self.updating = False
        self.model = DuplicatePairsModel(self._member_names, self._candidate_names, self)
        self.model.modelReset.connect(self._on_count_changed)
        self.model.rowsRemoved.connect(self._on_count_changed)
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)

    # --- the list ------------------------------------------------------------------------

    def current_pair(self) -> Pair | None:
        return self.model.pair(self.current_row)

    def reload_queue(self) -> None:
        """Read the import queue again; scan results already shown stay."""
        current = self.current_pair()
        try:
            queued = dedup.queue(self.store)
        except AmicaleError as exc:
            self._error(str(exc))
            return
        scanned = [p for p in self.model.pairs if p.candidate_id is None]
        self._set_pairs([*queued, *scanned], current)

    def _set_pairs(self, pairs: list[Pair], current: Pair | None) -> None:
        self.updating = True
        try:
            self.model.set_pairs(pairs)
        finally:
            self.updating = False
        row = self.model.row_of(current) if current is not None else -1
        self.shown = None
        self.select(max(row, 0))

    def select(self, row: int) -> None:
        """Make ``row`` current (clamped to the list) and show its pair if it changed."""
        count = self.model.rowCount()
        self.current_row = -1 if count == 0 else min(max(row, 0), count - 1)
        self.updating = True
        try:
            self.currentMoved.emit(self.current_row)
        finally:
            self.updating = False
        pair = self.current_pair()
        if pair is None:
            self.shown = None
            self.pairShown.emit(None)
        elif pair != self.shown:
            self.show(pair)

    def follow(self, row: int) -> None:
        """The view's current row changed (a click, the arrow keys)."""
        if not self.updating:
            self.current_row = row
            pair = self.current_pair()
            if pair is None:
                self.shown = None
                self.pairShown.emit(None)
            else:
                self.show(pair)

    def skip(self) -> None:
        count = self.model.rowCount()
        if self.current_row >= 0 and count:
            self.select((self.current_row + 1) % count)  # after the last, the first again

    def _member_names(self, ids: Sequence[int]) -> dict[int, str]:
        rows = self.directory.fetch_rows(ids, ("first_name", "last_name", "email"))
        return {
            member_id: f"{first or ''} {last or ''}".strip() or email or f"#{member_id}"
            for member_id, (first, last, email) in rows.items()
        }

    def _candidate_names(self, ids: Sequence[int]) -> dict[int, str]:
        return {i: c.display_name for i, c in dedup.candidates(self.store, ids).items()}

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.duplicates and origin is not self:
            self.reload_queue()  # an import queued rows, a member was deleted elsewhere…

    @Slot()
    def _on_count_changed(self, *_: Any) -> None:
        self._update_status()
        self.countChanged.emit(self.model.rowCount())

    def _update_status(self) -> None:
        if self.scan_job is None:
            self.statusChanged.emit(
                fill(self.tr("Pairs to review: %1."), QLocale().toString(self.model.rowCount()))
            )

    # --- the pair side by side -----------------------------------------------------------

    def pair_view(self, pair: Pair) -> PairView:
        """Both records of ``pair`` read from the store (NotFoundError: one is gone)."""
        left = self.directory.get(pair.left_id)
        right: Member | Candidate
        if pair.candidate_id is not None:
            right = dedup.candidate(self.store, pair.candidate_id)
        else:
            assert pair.right_id is not None
            right = self.directory.get(pair.right_id)
        locale = QLocale()
        queued = pair.candidate_id is not None
        template = self.tr("%1 — name likeness %2")
        if pair.conflicts:  # why the score is low: probably two people
            template = self.tr("%1 — score %2, lowered: different %3")
        fields = ", ".join(field_title(f).lower() for f in pair.conflicts)
        score = locale.toString(round(pair.score))
        title = fill(template, reason_title(pair.reason), score, fields)
        left_header = self.member_header(left)
        if isinstance(right, Candidate):
            where = right.source or self.tr("an import")
            right_header = fill(
                self.tr("%1 (from %2, line %3)"),
                right.display_name,
                where,
                locale.toString(right.line or 0),
            )
        else:
            right_header = self.member_header(right)
        left_values = grid_values(left)
        right_values = grid_values(right)
        rows: dict[str, FieldRow] = {}
        for key in GRID_FIELDS:
            mine, theirs = left_values.get(key, ""), right_values.get(key, "")
            kind = SAME
            if key == "email" and mine.lower() == theirs.lower():
                pass  # one address whatever its case: a merge keeps the member's
            elif mine == theirs or (queued and key == "communities"):
                pass  # an imported row has no communities to add
            elif mine and theirs and key not in ("tags", "communities"):
                kind = CONFLICT
            elif key not in NEVER_FILLED:
                kind = FILL
            rows[key] = FieldRow(mine or "—", theirs or "—", kind)
        return PairView(pair, title, left_header, right_header, rows, queued, right.display_name)

    def member_header(self, record: Member) -> str:
        """The member by name, with the class year that tells two namesakes apart."""
        promo = record.values.get("promo")
        if promo in (None, ""):
            return record.display_name
        return fill(self.tr("%1, class of %2"), record.display_name, str(promo))

    def show(self, pair: Pair) -> None:
        self.shown = pair
        self.shown_view = None
        try:
            view = self.pair_view(pair)
        except NotFoundError:
            # Deleted or merged elsewhere since the scan: nothing left to decide.
            self._say(self.tr("That pair no longer exists; it was removed."))
            self._drop_current(pair)
            return
        self.shown_view = view
        self.pairShown.emit(view)

    # --- decisions -----------------------------------------------------------------------

    def _run(self, op: Operation) -> Any:
        """Run one of this view's operations; the view updates its own list itself."""
        return self.runner.run_now(op, origin=self)

    def merge_left(self) -> None:
        pair = self.current_pair()
        if pair is not None and pair.right_id is not None:
            self._merge(pair, pair.left_id, pair.right_id)

    def merge_right(self) -> None:
        pair = self.current_pair()
        if pair is not None and pair.right_id is not None:
            self._merge(pair, pair.right_id, pair.left_id)

    def _merge(self, pair: Pair, keep: int, drop: int) -> None:
        try:
            result = self._run(Operation("members.merge", {"keep_id": keep, "drop_id": drop}))
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self.model.forget_names([keep])
        self._after_merge(drop, keep)
        self._say(self.report(result))
        self.membersChanged.emit()

    def _after_merge(self, drop: int, keep: int) -> None:
        """The dropped member is gone: so are its pairs; its queued rows are the kept one's."""
        doomed = []
        for row in self.model.rows_of_member(drop):
            pair = self.model.pairs[row]
            if pair.candidate_id is None:
                doomed.append(row)
            else:
                moved = Pair(keep, None, pair.reason, pair.score, pair.candidate_id)
                self.updating = True
                try:
                    self.model.replace_row(row, moved)
                finally:
                    self.updating = False
        self._drop_and_advance(doomed)

    def not_same(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.right_id is None:
            return
        try:
            self._run(
                Operation(
                    "duplicates.not-the-same", {"left_id": pair.left_id, "right_id": pair.right_id}
                )
            )
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self._say(self.tr("Noted: they are different people; this pair will not come back."))
        self._drop_current(pair)

    def add_to_member(self, take: list[str]) -> None:
        """The imported row completes its member; ``take``: fields whose imported value wins."""
        pair = self.current_pair()
        if pair is None or pair.candidate_id is None:
            return
        try:
            args: dict[str, Any] = {"candidate_id": pair.candidate_id, "keep_id": pair.left_id}
            if take:
                op = Operation("duplicates.choose-values", {**args, "take": take})
            else:
                op = Operation("duplicates.merge-candidate", args)
            result = self._run(op)
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self.model.forget_names([pair.left_id])
        self._drop_current(pair)
        self._say(self.report(result))
        self.membersChanged.emit()

    def create_new(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.candidate_id is None:
            return
        try:
            args = {"candidate_id": pair.candidate_id}
            self._run(Operation("duplicates.create-candidate", args))
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        name = self.shown_view.right_name if self.shown_view is not None else ""
        self._say(fill(self.tr("%1 created as a new member."), name))
        self._drop_current(pair)
        self.membersChanged.emit()

    def discard(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.candidate_id is None:
            return
        try:
            self._run(
                Operation("duplicates.dismiss-candidate", {"candidate_id": pair.candidate_id})
            )
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self._say(self.tr("The imported row was discarded."))
        self._drop_current(pair)

    def _drop_and_advance(self, rows: list[int] | None = None) -> None:
        """Remove the current pair (or these rows), then show the pair that took its place."""
        current = max(self.current_row, 0)
        if rows is None:
            rows = [current]
        self.updating = True
        try:
            self.model.remove_rows(rows)
        finally:
            self.updating = False
        self.shown = None
        self.select(current - sum(1 for r in set(rows) if r < current))

    def _drop_current(self, pair: Pair) -> None:
        row = self.current_row
        if self.model.pair(row) != pair:
            row = self.model.row_of(pair)
        self._drop_and_advance([row] if row >= 0 else [])

    def _failed(self, pair: Pair, error: AmicaleError) -> None:
        self._error(message_text(error))
        if isinstance(error, NotFoundError | dedup.AlreadyDecided):
            self._drop_current(pair)

    def report(self, result: MergeResult) -> str:
        """What a merge did, in one paragraph."""
        parts = [self.tr("Merged.")]
        if result.filled:
            parts.append(
                fill(self.tr("Filled in: %1."), ", ".join(field_title(k) for k in result.filled))
            )
        if result.replaced:
            parts.append(
                fill(
                    self.tr("Imported values taken: %1."),
                    ", ".join(field_title(k) for k in result.replaced),
                )
            )
        if result.differences:
            parts.append(
                fill(
                    self.tr("Kept as they were: %1 (the other values are in the log)."),
                    ", ".join(field_title(k) for k in result.differences),
                )
            )
        added = len(result.tags_added) + len(result.communities_added)
        if added:
            parts.append(
                fill(self.tr("Tags and communities added: %1."), QLocale().toString(added))
            )
        return " ".join(parts)

    def _say(self, text: str) -> None:
        self.message.emit(text, False)

    def _error(self, text: str) -> None:
        self.message.emit(text, True)

    # --- merge all from a score ----------------------------------------------------------

    def preview_bulk(self, score: int) -> Job:
        """List, in a worker, the scanned pairs from ``score`` with nothing to choose."""
        scanned = [p for p in self.model.pairs if p.candidate_id is None]
        job = Job(dedup.mergeable, self.store, scanned, float(score))
        job.signals.finished.connect(lambda pairs: self._on_bulk_previewed(pairs, score))
        job.signals.failed.connect(self._on_bulk_failed)
        return job.start()

    def _on_bulk_previewed(self, pairs: list[Pair], score: int) -> None:
        self.bulk = pairs
        locale = QLocale()
        lines = [
            self.tr("%n pair(s) from score %1 with no conflicting field:", "", len(pairs)).replace(
                "%1", locale.toString(score)
            )
        ]
        for pair in pairs[:8]:
            left, right = self.model.names(pair)
            lines.append(f"{left} = {right} ({locale.toString(round(pair.score))})")
        if len(pairs) > 8:
            lines.append(self.tr("… and %n more", "", len(pairs) - 8))
        self.bulkPreviewed.emit("\n".join(lines), len(pairs))

    @Slot(object)
    def _on_bulk_failed(self, error: BaseException) -> None:
        self.bulkFailed.emit()
        self._error(message_text(error) if isinstance(error, AmicaleError) else str(error))

    def merge_bulk(self) -> None:
        """Merge the pairs of the last preview."""
        pairs = [[p.left_id, p.right_id] for p in self.bulk if p.right_id is not None]
        self.bulk = []
        self._say(self.tr("Merging…"))
        # In the runner's worker: thousands of pairs at a time is a long write.
        self.runner.run(
            Operation("duplicates.merge-all", {"pairs": pairs}),
            self._on_bulk_merged,
            lambda error: self._error(message_text(error)),
            origin=self,
        )

    def _on_bulk_merged(self, results: list[MergeResult]) -> None:
        for result in results:
            self.model.forget_names([result.kept_id])
            if result.dropped_id is not None:
                self._after_merge(result.dropped_id, result.kept_id)
        self._say(
            self.tr("%n pair(s) merged; the others are left for you to review.", "", len(results))
        )
        self.membersChanged.emit()

    # --- the scan ------------------------------------------------------------------------

    def start_scan(self) -> Job:
        """Scan the whole store in the background (a running scan is returned as it is)."""
        if self.scan_job is not None:
            return self.scan_job
        job = Job(dedup.scan, self.store)
        job.signals.progress.connect(self.scanProgress)
        job.signals.finished.connect(self._on_scan_finished)
        job.signals.failed.connect(self._on_scan_failed)
        self.scan_job = job
        self._scan_started = time.perf_counter()
        self.scanStarted.emit()
        self.statusChanged.emit(self.tr("Scanning the directory…"))
        return job.start()

    def cancel_scan(self) -> None:
        if self.scan_job is not None:
            self.scan_job.cancel()

    @Slot(object)
    def _on_scan_finished(self, pairs: list[Pair]) -> None:
        self._scan_done()
        current = self.current_pair()
        try:
            queued = dedup.queue(self.store)  # an import may have added to it meanwhile
        except AmicaleError:
            queued = [p for p in self.model.pairs if p.candidate_id is not None]
        # The most alike first: a pair with a conflicting birthday or class year sinks.
        pairs = sorted(pairs, key=lambda p: -p.score)
        self._set_pairs([*queued, *pairs], current)
        seconds = time.perf_counter() - self._scan_started
        locale = QLocale()
        self.statusChanged.emit(
            fill(
                self.tr("Scan finished in %1 s. Pairs found: %2."),
                locale.toString(seconds, "f", 1),
                locale.toString(len(pairs)),
            )
        )
        self.scanFinished.emit(len(pairs))

    @Slot(object)
    def _on_scan_failed(self, error: BaseException) -> None:
        self._scan_done()
        if isinstance(error, Cancelled):
            self.statusChanged.emit(self.tr("Scan cancelled."))
        else:
            self.statusChanged.emit(fill(self.tr("The scan failed: %1"), message_text(error)))

    def _scan_done(self) -> None:
        self.scan_job = None
        self.scanEnded.emit()


def fill(template: str, *args: object) -> str:
    """``template`` with %1, %2… replaced in one pass (a name containing "%2" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if 1 <= number <= len(args) else match.group(0)

    return re.sub(r"%(\d)", value, template)


def grid_values(record: Member | Candidate) -> dict[str, str]:
    """The text each grid row shows for a member or a queued import row."""
    values = record.values
    out = {key: _display(key, values.get(key)) for key in GRID_FIELDS if key in values}
    out["tags"] = ", ".join(sorted(record.tags, key=str.casefold))
    if isinstance(record, Member):
        out["communities"] = ", ".join(
            f"{name} ({value_label('role', role)})" if role != "member" else name
            for name, role in record.communities
        )
    return out


def _display(key: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if key in ("status", "verification"):
        return value_label(key, str(value))
    if key == "consent":
        if value:
            return QCoreApplication.translate("DuplicatesPanel", "Yes")
        return QCoreApplication.translate("DuplicatesPanel", "No")
    if key == "birthday":
        if str(value).startswith("0000-"):  # a birthday known without its year
            return f"{str(value)[8:10]}/{str(value)[5:7]}"
        day = QDate.fromString(str(value)[:10], "yyyy-MM-dd")
        return QLocale().toString(day, QLocale.FormatType.ShortFormat) if day.isValid() else ""
    if key == "created_at":
        local = to_local(str(value))
        if local is None:
            return ""
        day = QDate(local.year, local.month, local.day)
        return QLocale().toString(day, QLocale.FormatType.ShortFormat)
    return str(value)
