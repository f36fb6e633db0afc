"""The Dashboard: what the communities bring, over a period beside the previous one.

The figures (`app.report.compute`) are read in a worker each time the panel is shown or the
period changes; nothing here reads the store. Every figure is a search: clicking a card or a
bar opens the member list on the query that makes it (as a tag or a segment does), or the
calendar or the moderation queue.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import AmicaleError
from app.report.figures import Bar, Dashboard, Period, compute
from app.report.rows import NOTES
from app.report.xlsx import T_OTHERS
from app.store import Store
from ui.charts import OKABE_ITO, ChartItem, ChartSpec, ChartView, number
from ui.labels import channel_name, qdate
from ui.widgets import plain_label
from ui.workers import LatestOnly

# Where a figure leads when it is not a member search.
CALENDAR = "calendar"
MODERATION = "moderation"


def translate(text: str) -> str:
    return QCoreApplication.translate("BoardReport", text)  # app.report.rows.CONTEXT


def pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def directory_text(dashboard: Dashboard) -> str:
    """The directory's state today, in one sentence (the panel and the PDF)."""
    return (
        QCoreApplication.translate(
            "BoardReportPdf",
            "%1 members; %2 verified graduates; %3 with an email address; "
            "%4 with consent to be contacted; %5 lost touch.",
        )
        .replace("%1", number(dashboard.total))
        .replace("%2", number(dashboard.verified))
        .replace("%3", number(dashboard.with_email))
        .replace("%4", number(dashboard.with_consent))
        .replace("%5", number(dashboard.lost))
    )


def period_text(period: Period) -> str:
    locale = QLocale()
    fmt = QLocale.FormatType.ShortFormat
    return (
        QCoreApplication.translate("DashboardPanel", "%1 to %2")
        .replace("%1", locale.toString(qdate(period.start), fmt))
        .replace("%2", locale.toString(qdate(period.end), fmt))
    )


def step_label(bar: Bar, monthly: bool) -> str:
    day = date.fromisoformat(bar.label)
    return QLocale().toString(qdate(day), "MMM yy" if monthly else "d MMM")


def change_text(current: float | None, previous: float | None) -> str:
    if current is None or previous is None:
        return ""
    delta = current - previous
    sign = "+" if delta > 0 else "−" if delta < 0 else "±"
    return f"{sign}{number(abs(delta))}"


class FigureCard(QToolButton):
    """One figure: its value, what it is, and the change since the previous period."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        self.setAutoRaise(False)
        self.setMinimumWidth(150)
        self.target: str | None = None

    def show_figure(
        self, value: str, title: str, change: str, target: str | None, tip: str = ""
    ) -> None:
        self.setText(f"{value}\n{title}\n{change}" if change else f"{value}\n{title}")
        self.target = target
        self.setEnabled(target is not None)
        self.setToolTip(tip or title)
        self.setAccessibleName(f"{title}: {value} {change}".strip())


class DashboardPanel(QWidget):
    # A figure was clicked: show the members of this search.
    queryRequested = Signal(str)
    # A figure was clicked that lives in another panel: CALENDAR or MODERATION.
    panelRequested = Signal(str)
    # The board report was asked for (File → Board report… does the same).
    reportRequested = Signal()
    # The figures of the period on screen were computed.
    loaded = Signal(object)

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, autoload: bool = True
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.dashboard: Dashboard | None = None
        self.loader = LatestOnly(self)
        self.loader.finished.connect(self._on_loaded)
        self.loader.failed.connect(self._on_failed)

        self.choice = QComboBox()
        self.choice.setObjectName("dashboardPeriod")
        for key, text in (
            ("year", self.tr("This year")),
            ("last-year", self.tr("Last year")),
            ("12-months", self.tr("The last 12 months")),
            ("quarter", self.tr("The last 3 months")),
            ("month", self.tr("This month")),
            ("custom", self.tr("Dates of my choice")),
        ):
            self.choice.addItem(text, key)
        self.choice.activated.connect(self._on_choice)
        self.start = QDateEdit()
        self.end = QDateEdit()
        for edit in (self.start, self.end):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(QLocale().dateFormat(QLocale.FormatType.ShortFormat))
            edit.dateChanged.connect(self._on_dates)
        self.report_button = QPushButton(self.tr("Board report…"))
        self.report_button.setObjectName("boardReportButton")
        self.report_button.clicked.connect(self.reportRequested)
        self.status = plain_label()
        self.status.setObjectName("dashboardStatus")
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Period:")))
        top.addWidget(self.choice)
        top.addWidget(self.start)
        top.addWidget(QLabel(self.tr("to")))
        top.addWidget(self.end)
        top.addWidget(self.status, 1)
        top.addWidget(self.report_button)

        self.cards: dict[str, FigureCard] = {}
        cards = QGridLayout()
        for n, key in enumerate(
            (
                "members",
                "new_members",
                "lost_found_again",
                "dues_paid",
                "posts_published",
                "moderation",
                "birthdays",
                "newsletters",
            )
        ):
            card = FigureCard(f"card_{key}")
            card.clicked.connect(lambda _=False, c=card: self._on_target(c.target))
            self.cards[key] = card
            cards.addWidget(card, n // 4, n % 4)

        self.charts: dict[str, ChartView] = {}
        self.chart_boxes: dict[str, QGroupBox] = {}
        self._chart_targets: dict[str, list[str | None]] = {}
        grid = QGridLayout()
        for n, key in enumerate(
            ("new", "promo", "region", "communities", "channels", "moderation")
        ):
            box = QGroupBox()
            view = ChartView()
            view.setObjectName(f"chart_{key}")
            view.activated.connect(lambda index, k=key: self._on_chart(k, index))
            inner = QVBoxLayout(box)
            inner.addWidget(view)
            self.charts[key] = view
            self.chart_boxes[key] = box
            grid.addWidget(box, n // 2, n % 2)
        self.directory = plain_label(wrap=True)
        self.directory.setObjectName("directoryToday")
        self.spread = plain_label(wrap=True)
        self.spread.setObjectName("communitySpread")
        self.notes = plain_label(wrap=True)
        self.notes.setObjectName("dashboardNotes")
        self.notes.setText("\n".join(translate(n) for n in NOTES))

        body = QWidget()
        column = QVBoxLayout(body)
        column.addLayout(cards)
        column.addLayout(grid)
        column.addWidget(self.directory)
        column.addWidget(self.spread)
        column.addWidget(self.notes)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

        self._set_dates(self._preset("year"))
        if autoload:
            self.reload()

    # --- the period -------------------------------------------------------------------------

    def _preset(self, key: str) -> Period:
        today = clock.today()
        if key == "last-year":
            return Period.year(today.year - 1)
        if key == "12-months":
            return Period(date(today.year - 1, today.month, 1), today)
        if key == "quarter":
            return Period(today - timedelta(days=91), today)
        if key == "month":
            return Period(today.replace(day=1), today)
        return Period(date(today.year, 1, 1), today)

    def period(self) -> Period:
        return Period(pydate(self.start.date()), pydate(self.end.date()))

    def set_period(self, period: Period) -> None:
        self.choice.setCurrentIndex(self.choice.findData("custom"))
        self._set_dates(period)
        self.reload()

    def _set_dates(self, period: Period) -> None:
        for edit, day in ((self.start, period.start), (self.end, period.end)):
            edit.blockSignals(True)
            edit.setDate(qdate(day))
            edit.blockSignals(False)

    @Slot(int)
    def _on_choice(self, _index: int) -> None:
        key = self.choice.currentData()
        if key != "custom":
            self._set_dates(self._preset(key))
            self.reload()

    @Slot()
    def _on_dates(self, *_: Any) -> None:
        self.choice.setCurrentIndex(self.choice.findData("custom"))
        if self.start.date() <= self.end.date():
            self.reload()

    # --- loading ----------------------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        try:
            period = self.period()
        except AmicaleError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText(self.tr("Counting…"))
        self.loader.start(compute, self.store, period)

    def wait(self, msecs: int = 5000) -> bool:
        return self.loader.wait(msecs)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        self.status.setText(self.tr("The figures could not be read: %1").replace("%1", str(exc)))

    @Slot(object)
    def _on_loaded(self, dashboard: Dashboard) -> None:
        self.dashboard = dashboard
        now, before = dashboard.current, dashboard.previous
        self.status.setText(self.tr("Compared with %1").replace("%1", period_text(before.period)))
        added = f"added:{now.period.search()}"
        self._card(
            "members",
            now.members,
            before.members,
            self.tr("members at the end"),
            f"added:..{now.period.end.isoformat()}",
        )
        self._card("new_members", now.new_members, before.new_members, self.tr("new"), added)
        self._card(
            "lost_found_again",
            now.lost_found_again,
            before.lost_found_again,
            self.tr("lost touch, found again"),
            None,
            self.tr("Members whose status went from lost touch to member in the period"),
        )
        self._card(
            "dues_paid",
            now.dues_paid,
            before.dues_paid,
            self.tr("dues paid for %1").replace("%1", str(now.dues_year)),
            "dues:paid" if now.dues_year == clock.today().year else None,
            self.tr(
                "%1 payments recorded in the period: %2 after a newsletter, %3 after joining "
                "a community (associated, not a proof of cause)"
            )
            .replace("%1", number(now.payments_recorded))
            .replace("%2", number(now.paid_after_newsletter))
            .replace("%3", number(now.paid_after_community)),
        )
        self._card(
            "posts_published",
            now.posts_published,
            before.posts_published,
            self.tr("posts published"),
            CALENDAR,
        )
        hours = now.median_decision_hours
        self._card(
            "moderation",
            now.moderation_decided,
            before.moderation_decided,
            self.tr("requests decided (of %1)").replace("%1", number(now.moderation_received)),
            MODERATION,
            self.tr("Median time to a decision: %1 hours").replace(
                "%1", number(hours) if hours is not None else "—"
            )
            + "\n"
            + self.tr("%1 approved, %2 rejected; %3 received with spam or selling signals")
            .replace("%1", number(now.moderation_approved))
            .replace("%2", number(now.moderation_rejected))
            .replace("%3", number(now.moderation_spam)),
        )
        self._card(
            "birthdays",
            now.birthdays_wished,
            before.birthdays_wished,
            self.tr("birthdays wished (of %1)").replace("%1", number(now.birthdays_due)),
            "has:birthday",
        )
        self._card(
            "newsletters",
            now.newsletters_sent,
            before.newsletters_sent,
            self.tr("newsletters sent"),
            None,
            self.tr("%1 recipients reached, %2 addresses refused")
            .replace("%1", number(now.newsletter_recipients))
            .replace("%2", number(now.newsletter_failures)),
        )
        self._charts(dashboard)
        none, one, two, more = dashboard.community_spread
        text = self.tr("In no community: %1 · in one: %2 · in two: %3 · in three or more: %4.")
        for n, value in enumerate((none, one, two, more), start=1):
            text = text.replace(f"%{n}", number(value))
        if dashboard.overlaps:
            a, b, shared = dashboard.overlaps[0]
            text += " " + self.tr("Most shared: %1 and %2 (%3 members in both).").replace(
                "%1", a
            ).replace("%2", b).replace("%3", number(shared))
        self.spread.setText(text)
        self.directory.setText(directory_text(dashboard))
        self.loaded.emit(dashboard)

    def _card(
        self,
        key: str,
        value: float | None,
        previous: float | None,
        title: str,
        target: str | None,
        tip: str = "",
    ) -> None:
        shown = number(value) if value is not None else "—"
        change = change_text(value, previous)
        if change:
            change = self.tr("%1 vs previous period").replace("%1", change)
        self.cards[key].show_figure(shown, title, change, target, tip)

    def _charts(self, dashboard: Dashboard) -> None:
        now, before = dashboard.current, dashboard.previous
        monthly = now.period.days > 92
        steps = dashboard.new_by_step
        self._chart(
            "new",
            self.tr("New members by month") if monthly else self.tr("New members by week"),
            ChartSpec(
                "line",
                tuple(
                    ChartItem(
                        step_label(b, monthly),
                        b.value,
                        b.previous,
                        self.tr("%1: %2 new (previous period: %3)")
                        .replace("%1", step_label(b, monthly))
                        .replace("%2", number(b.value))
                        .replace("%3", number(b.previous) if b.previous is not None else "—"),
                    )
                    for b in steps
                ),
                legend=(period_text(now.period), period_text(before.period)),
            ),
            [b.query for b in steps],
        )
        self._bars("promo", self.tr("Members by class year"), dashboard.by_promo, 0)
        self._bars("region", self.tr("Members by region"), dashboard.by_region, 2)
        communities = dashboard.communities[:12]
        self._chart(
            "communities",
            self.tr("Members per community"),
            ChartSpec(
                "bars",
                tuple(
                    ChartItem(
                        c.name,
                        c.members,
                        tooltip=self.tr("%1: %2 members, %3 joins approved in the period")
                        .replace("%1", c.name)
                        .replace("%2", number(c.members))
                        .replace("%3", number(c.joined)),
                    )
                    for c in communities
                ),
                colour=OKABE_ITO[3],
            ),
            [c.query for c in communities],
        )
        channels = dashboard.channels
        self._chart(
            "channels",
            self.tr("Posts published per channel"),
            ChartSpec(
                "bars",
                tuple(
                    ChartItem(
                        channel_name(a.channel),
                        a.published,
                        tooltip=self.tr(
                            "%1: %2 posts; %3 weeks without a post, %4 above the cadence set"
                        )
                        .replace("%1", channel_name(a.channel))
                        .replace("%2", number(a.published))
                        .replace("%3", number(a.silent_weeks))
                        .replace("%4", number(a.weeks_over)),
                    )
                    for a in channels
                ),
                colour=OKABE_ITO[5],
            ),
            [CALENDAR for _ in channels],
        )
        moderated = sorted(
            (c for c in dashboard.communities if c.received), key=lambda c: -c.received
        )[:12]
        self._chart(
            "moderation",
            self.tr("Moderation requests per community"),
            ChartSpec(
                "bars",
                tuple(
                    ChartItem(
                        c.name,
                        c.received,
                        tooltip=self.tr("%1: %2 received, %3 approved, %4 rejected")
                        .replace("%1", c.name)
                        .replace("%2", number(c.received))
                        .replace("%3", number(c.approved))
                        .replace("%4", number(c.rejected)),
                    )
                    for c in moderated
                ),
                colour=OKABE_ITO[4],
            ),
            [MODERATION for _ in moderated],
        )

    def _bars(self, key: str, title: str, bars: tuple[Bar, ...], colour: int) -> None:
        items = tuple(
            ChartItem(b.label or translate(T_OTHERS), b.value, clickable=b.query is not None)
            for b in bars
        )
        self._chart(
            key, title, ChartSpec("bars", items, colour=OKABE_ITO[colour]), [b.query for b in bars]
        )

    def _chart(self, key: str, title: str, spec: ChartSpec, targets: list[str | None]) -> None:
        self.chart_boxes[key].setTitle(title)
        self.charts[key].setAccessibleName(title)
        self.charts[key].set_spec(spec)
        self._chart_targets[key] = targets

    @Slot(str, int)
    def _on_chart(self, key: str, index: int) -> None:
        targets = self._chart_targets.get(key, [])
        if 0 <= index < len(targets):
            self._on_target(targets[index])

    def _on_target(self, target: str | None) -> None:
        if target in (CALENDAR, MODERATION):
            self.panelRequested.emit(target)
        elif target is not None:
            self.queryRequested.emit(target)
