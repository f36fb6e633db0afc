"""The Calendar panel's state and logic, without widgets: the period shown and its filters,
the loads (in a worker, the latest only), moving posts, the "Due now" decisions (operations
through the runner), the CSV import, and the jobs with Cancel (content ideas, the Atom feed,
the iCalendar file).

The panel (ui.panels.posts) lays the views out, asks the CM (files, addresses, reasons) and
forwards; it shows ``loaded``'s data, ``message`` in its status line and ``jobStarted`` /
``jobEnded`` as its busy bar.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QObject, Qt, QTimer, Signal, Slot

from app import clock
from app.errors import AmicaleError, Cancelled
from app.operations import Changes, Operation
from app.posts import calendar
from app.posts.calendar import CalendarData
from app.posts.channels import Channel, channels
from app.posts.publishing import compose_url, is_web_url
from app.posts.store import DueVersion, get_post, reschedule
from app.posts.timing import DEFAULT_TZ
from app.store import Store
from ui.labels import channel_name, message_text, qdate
from ui.operations import OperationRunner
from ui.workers import Job, LatestOnly

if TYPE_CHECKING:
    from app.posts.ideas import IdeasReport

# The views (the calendar view paints MONTH and WEEK; LIST is a table).
MONTH, WEEK, LIST = "month", "week", "list"
monday_of = clock.week_start


@dataclass(frozen=True)
class DueActions:
    """What can be done with the selected due version."""

    publish: bool
    publish_sends: bool  # a newsletter: Publish opens the send, not a network's page
    mark: bool
    fail: bool
    retry: bool


class PostsController(QObject):
    # A load finished (its CalendarData): the views show it.
    loaded = Signal(object)
    # How many channel versions are due now (the sidebar badge and the start-up notice).
    dueCountChanged = Signal(int)
    # A sentence for the status line: text, whether it is an error.
    message = Signal(str, bool)
    # A job (ideas, feed, calendar file) started (what it does) / ended (done or not).
    jobStarted = Signal(str)
    jobEnded = Signal()
    # After content ideas were imported: show the undated drafts (the list, state "draft").
    showDrafts = Signal()

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.tz = DEFAULT_TZ
        self.anchor = clock.today()
        self.mode = MONTH
        self.channel_id: int | None = None
        self.state: str | None = None
        self.channels: list[Channel] = []
        self.data: CalendarData | None = None
        self.job: Job | None = None  # an ideas import or an export running
        self.loaded_once = False
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)
        self.loader = LatestOnly(self)
        self.loader.pool.setMaxThreadCount(1)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_load_failed)
        # Posts fall due while the window is open: look again every minute.
        self.clock = QTimer(self)
        self.clock.setInterval(60_000)
        self.clock.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.clock.timeout.connect(self._on_clock)
        self.clock.start()

    # --- period and filters --------------------------------------------------------------

    def period(self) -> tuple[date, date]:
        """The days loaded: the week shown, or the whole month grid (month and list)."""
        if self.mode == WEEK:
            first = monday_of(self.anchor)
            return first, first + timedelta(days=7)
        first = monday_of(self.anchor.replace(day=1))
        return first, first + timedelta(days=42)

    def period_title(self) -> str:
        """The period as the toolbar says it: "4/12/2026 – 10/12/2026", "December 2026"."""
        locale = QLocale()
        if self.mode == WEEK:
            first, last = self.period()
            end = last - timedelta(days=1)
            return (
                self.tr("%1 – %2")
                .replace("%1", locale.toString(qdate(first), QLocale.FormatType.ShortFormat))
                .replace("%2", locale.toString(qdate(end), QLocale.FormatType.ShortFormat))
            )
        return locale.toString(qdate(self.anchor), "MMMM yyyy")

    def set_anchor(self, day: date) -> None:
        self.anchor = day
        self.reload()

    def step(self, direction: int) -> None:
        """The next (1) or previous (-1) week or month."""
        if self.mode == WEEK:
            self.set_anchor(self.anchor + timedelta(days=7 * direction))
        else:
            month = self.anchor.year * 12 + self.anchor.month - 1 + direction
            self.set_anchor(date(month // 12, month % 12 + 1, 1))

    def set_mode(self, mode: str) -> None:
        self.mode = mode
        self.reload()

    def set_filters(self, channel_id: int | None, state: str | None) -> None:
        self.channel_id, self.state = channel_id, state
        self.reload()

    def channel_ids(self) -> list[int] | None:
        return None if self.channel_id is None else [self.channel_id]

    def states(self) -> list[str] | None:
        return None if self.state is None else [self.state]

    # --- loading -------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        first, last = self.period()
        week_of = (
            self.anchor
            if self.mode == WEEK
            else max(first, min(clock.today(), last - timedelta(days=1)))
        )
        self.loader.start(
            calendar.load, self.store, first, last, self.channel_ids(), self.states(), week_of,
            self.tz, self.mode == LIST,
        )  # fmt: skip

    def wait(self, msecs: int = 5000) -> bool:
        return self.loader.wait(msecs)

    @Slot(object)
    def _on_loaded(self, data: CalendarData) -> None:
        self.data = data
        self.loaded_once = True
        self.channels = data.channels
        self.loaded.emit(data)
        self.dueCountChanged.emit(sum(1 for d in data.due if d.state == "due"))

    @Slot(object)
    def _on_load_failed(self, error: BaseException) -> None:
        self._error(error)

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.posts or changes.channels:
            self.reload()

    @Slot()
    def _on_clock(self) -> None:
        if not self.loader.busy:
            self.reload()

    def all_channels(self) -> list[Channel]:
        """The channels as last loaded (read now if the first load has not come back)."""
        if self.channels:
            return self.channels
        return channels(self.store)

    def due_summary(self, data: CalendarData) -> str:
        count = sum(1 for d in data.due if d.state == "due")
        failed = len(data.due) - count
        return self.tr("%n post(s) to publish now", "", count) + (
            "" if not failed else " · " + self.tr("%n failed", "", failed)
        )

    def cadence_lines(self, data: CalendarData) -> tuple[str, str]:
        """The week's balance across channels, and the advisor's warnings."""
        cadence = data.cadence
        names = {c.id: c for c in data.channels}
        week = QLocale().toString(qdate(cadence.week_start), QLocale.FormatType.ShortFormat)
        lines = [self.tr("Week of %1: %n post(s)", "", cadence.total).replace("%1", week)]
        for channel_id, count in cadence.balance.items():
            chan = names.get(channel_id)
            if chan is None:
                continue
            bar = "■" * min(count, 12)
            limit = f"/{chan.max_per_week}" if chan.max_per_week is not None else ""
            # "%1: %2" in the translation: French puts a no-break space before the colon.
            line = self.tr("%1: %2").replace("%2", f"{count}{limit} {bar}")
            lines.append(line.replace("%1", channel_name(chan), 1))
        advice = "\n".join("⚠ " + message_text(a.message) for a in cadence.advice)
        return "\n".join(lines), advice

    def _error(self, error: BaseException | str) -> None:
        text = (
            error
            if isinstance(error, str)
            else message_text(error.args[0] if error.args else error)
        )
        self.message.emit(str(text), True)

    def _info(self, text: str) -> None:
        self.message.emit(text, False)

    # --- moving and importing ------------------------------------------------------------

    def move(self, post_id: int, occurrence: int, source: date, target: date) -> None:
        """Move a post to ``target`` keeping its local time; dragging a repetition of a
        recurring post moves the whole series by the same number of days."""
        try:
            if occurrence == 0:
                reschedule(self.store, post_id, datetime.combine(target, datetime.min.time()))
            else:
                first = get_post(self.store, post_id).local_time
                assert first is not None
                reschedule(self.store, post_id, first + (target - source))
        except AmicaleError as exc:
            self._error(exc)
        else:
            self._info(
                self.tr("Moved to %1.").replace(
                    "%1", QLocale().toString(qdate(target), QLocale.FormatType.LongFormat)
                )
            )
        self.reload()

    def import_file(self, path: Path) -> None:
        """Import a plan of posts (CSV); says how many and why rows were refused."""
        from app.posts.csv_import import import_posts_csv

        try:
            report = import_posts_csv(self.store, path, tz=self.tz)
        except AmicaleError as exc:
            self._error(exc)
            return
        lines = [
            self.tr("%1 post(s) imported, %2 row(s) refused.")
            .replace("%1", str(report.created))
            .replace("%2", str(len(report.rejected)))
        ]
        lines += [
            self.tr("Line %1: %2")
            .replace("%1", str(bad.line))
            .replace("%2", message_text(bad.reason))
            for bad in report.rejected[:10]
        ]
        (self._error if report.rejected else self._info)("\n".join(lines))
        self.reload()

    def event_created(self, count: int) -> None:
        # The event's operation told the runner: the calendar reloads from its changes.
        self._info(self.tr("%n draft(s) prepared for the event.", "", count))

    # --- content ideas and the website files (in a worker, with Cancel) ------------------

    def _start_job(self, text: str, fn: Any, *args: Any, on_done: Any, **kwargs: Any) -> Job:
        self.job = Job(fn, *args, **kwargs)
        self.job.signals.finished.connect(lambda result: self._on_job_done(result, on_done))
        self.job.signals.failed.connect(self._on_job_failed)
        self.jobStarted.emit(text)
        return self.job.start()

    def _job_ended(self) -> None:
        self.job = None
        self.jobEnded.emit()

    def _on_job_done(self, result: object, on_done: Any) -> None:
        self._job_ended()
        on_done(result)

    @Slot(object)
    def _on_job_failed(self, error: BaseException) -> None:
        self._job_ended()
        if isinstance(error, Cancelled):
            self._info(self.tr("Cancelled: nothing was changed."))
        else:
            self._error(error)

    def cancel_job(self) -> bool:
        """Ask the running job to stop; False when none runs."""
        if self.job is None:
            return False
        self.job.cancel()
        return True

    def import_ideas(self, source: str) -> Job:
        """Read the feed (file or http(s) address) and add its new ideas as drafts."""
        from app.posts.ideas import import_ideas

        return self._start_job(
            self.tr("Reading %1…").replace("%1", source),
            import_ideas,
            self.store,
            source,
            on_done=self._on_ideas_imported,
        )

    def _on_ideas_imported(self, report: IdeasReport) -> None:
        self._info(
            self.tr("%1 draft(s) created from the feed, %2 already known.")
            .replace("%1", str(report.created))
            .replace("%2", str(report.known))
        )
        if report.created:  # show them: the list view with the drafts
            self.showDrafts.emit()
        else:
            self.reload()

    def proposed_target(self, key: str, default_name: str) -> Path:
        """Where to write a website file: where the CM chose last time, else home."""
        from app.posts import publish_files

        last = publish_files.remembered_path(self.store, key)
        return last if last is not None else Path.home() / default_name

    def export_feed(self, target: Path) -> Job:
        from app.posts import publish_files

        return self._start_job(
            self.tr("Writing the feed…"),
            publish_files.export_feed,
            self.store,
            target,
            remember=True,
            on_done=lambda report: self._info(
                self.tr("Feed written: %1 published post(s) in %2.")
                .replace("%1", str(report.entries))
                .replace("%2", str(report.path))
            ),
        )

    def export_calendar(self, target: Path) -> Job:
        from app.posts import publish_files

        return self._start_job(
            self.tr("Writing the calendar…"),
            publish_files.export_calendar,
            self.store,
            target,
            remember=True,
            on_done=lambda report: self._info(
                self.tr("Calendar written: %1 post(s) in %2.")
                .replace("%1", str(report.events))
                .replace("%2", str(report.path))
            ),
        )

    # --- Due now -------------------------------------------------------------------------

    @staticmethod
    def due_actions(due: DueVersion | None) -> DueActions:
        manual = due is not None and compose_url(due.channel, due.text, due.link) is not None
        sendable = due is not None and due.channel.kind == "newsletter"
        is_due = due is not None and due.state == "due"
        return DueActions(
            publish=is_due and (manual or sendable),
            publish_sends=sendable,
            mark=is_due,
            fail=is_due,
            retry=due is not None and due.state == "failed",
        )

    def published_by_hand(self, due: DueVersion, url: str | None, opened: bool) -> None:
        """The text is on the clipboard and ``url`` (the network's page) opened or not."""
        if url is not None and not opened:
            self._info(
                self.tr(
                    "No web browser opened. The text for %1 is on the clipboard: open "
                    "this address in your browser, paste it, post it, then “Mark as "
                    "published”:\n%2"
                )
                .replace("%2", url)
                .replace("%1", channel_name(due.channel), 1)
            )
            return
        self._info(
            self.tr(
                "The text for %1 is on the clipboard. Paste it, post it, then “Mark as published”."
            ).replace("%1", channel_name(due.channel))
        )

    def mark_published(self, due: DueVersion, url: str) -> bool:
        """Record the version published at ``url`` (may be empty); False if refused."""
        if url and not is_web_url(url):
            self._error(self.tr("The address must start with http:// or https://."))
            return False
        args = {"version_id": due.version_id, "url": url or None, "at": clock.now().isoformat()}
        try:
            self.runner.run_now(Operation("post.published", args))  # its changes reload
        except AmicaleError as exc:
            self._error(exc)
            return False
        self._info(self.tr("Marked as published on %1.").replace("%1", channel_name(due.channel)))
        return True

    def mark_failed(self, due: DueVersion, reason: str) -> bool:
        args = {"version_id": due.version_id, "reason": reason or self.tr("failed")}
        try:
            self.runner.run_now(Operation("post.failed", args))
        except AmicaleError as exc:
            self._error(exc)
            return False
        return True

    def retry(self, due: DueVersion) -> bool:
        try:
            self.runner.run_now(Operation("post.retry", {"version_id": due.version_id}))
        except AmicaleError as exc:
            self._error(exc)
            return False
        return True
