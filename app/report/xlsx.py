"""The board report as a workbook: the figures beside the previous period, then one sheet per
breakdown (class years, regions, communities, channels by week).

Labels come translated from the caller (``translate``, as the export's column titles do);
names typed by users (regions, communities, channels) are neutralised like an export's cells,
so none of them is read as a formula.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from app.io.export import neutralise
from app.messages import QT_TRANSLATE_NOOP
from app.report.figures import Bar, Dashboard
from app.report.rows import NOTES, rows

T_FIGURES = QT_TRANSLATE_NOOP("BoardReport", "Figures")
T_FIGURE = QT_TRANSLATE_NOOP("BoardReport", "Figure")
T_CHANGE = QT_TRANSLATE_NOOP("BoardReport", "Change")
T_PERIOD = QT_TRANSLATE_NOOP("BoardReport", "{0} to {1}")
T_PROMOS = QT_TRANSLATE_NOOP("BoardReport", "Class years")
T_PROMO = QT_TRANSLATE_NOOP("BoardReport", "Class year")
T_REGIONS = QT_TRANSLATE_NOOP("BoardReport", "Regions")
T_REGION = QT_TRANSLATE_NOOP("BoardReport", "Region")
T_OTHERS = QT_TRANSLATE_NOOP("BoardReport", "Others or not given")
T_MEMBERS = QT_TRANSLATE_NOOP("BoardReport", "Members")
T_COMMUNITIES = QT_TRANSLATE_NOOP("BoardReport", "Communities")
T_COMMUNITY = QT_TRANSLATE_NOOP("BoardReport", "Community")
T_JOINED = QT_TRANSLATE_NOOP("BoardReport", "Joins approved")
T_RECEIVED = QT_TRANSLATE_NOOP("BoardReport", "Requests received")
T_APPROVED = QT_TRANSLATE_NOOP("BoardReport", "Approved")
T_REJECTED = QT_TRANSLATE_NOOP("BoardReport", "Rejected")
T_CHANNELS = QT_TRANSLATE_NOOP("BoardReport", "Posts by week")
T_CHANNEL = QT_TRANSLATE_NOOP("BoardReport", "Channel")
T_WEEK = QT_TRANSLATE_NOOP("BoardReport", "Week of")
T_TODAY = QT_TRANSLATE_NOOP("BoardReport", "The directory today")
T_TOTAL = QT_TRANSLATE_NOOP("BoardReport", "Members in the directory")
T_VERIFIED = QT_TRANSLATE_NOOP("BoardReport", "Verified graduates")
T_EMAIL = QT_TRANSLATE_NOOP("BoardReport", "With an email address")
T_CONSENT = QT_TRANSLATE_NOOP("BoardReport", "With consent to be contacted")
T_LOST = QT_TRANSLATE_NOOP("BoardReport", "Lost touch")


def change(current: Any, previous: Any) -> Any:
    """current − previous, or None when either is missing."""
    if current is None or previous is None:
        return None
    return round(current - previous, 1) if isinstance(current, float) else current - previous


def bar_label(bar: Bar, translate: Callable[[str], str]) -> str:
    return bar.label or translate(T_OTHERS)


def write_xlsx(
    dashboard: Dashboard,
    path: Path,
    translate: Callable[[str], str] = str,
    channel_name: Callable[[Any], str] = lambda c: str(c.title),
) -> Path:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    bold = Font(bold=True)
    t = translate
    now, before = dashboard.current, dashboard.previous
    workbook = Workbook()
    sheet = workbook.active
    assert sheet is not None
    sheet.title = t(T_FIGURES)[:31]
    sheet.append([neutralise(dashboard.association)])
    sheet["A1"].font = Font(bold=True, size=14)
    span = t(T_PERIOD).format(now.period.start.isoformat(), now.period.end.isoformat())
    span_before = t(T_PERIOD).format(before.period.start.isoformat(), before.period.end.isoformat())
    sheet.append([])
    sheet.append([t(T_FIGURE), span, span_before, t(T_CHANGE)])
    for cell in sheet[3]:
        cell.font = bold
    for (_, label, value), (_, _, old) in zip(rows(now, t), rows(before, t), strict=True):
        sheet.append([label, value, old, change(value, old)])
    sheet.append([])
    sheet.append([t(T_TODAY)])
    sheet.cell(sheet.max_row, 1).font = bold
    for label, value in (
        (T_TOTAL, dashboard.total),
        (T_VERIFIED, dashboard.verified),
        (T_EMAIL, dashboard.with_email),
        (T_CONSENT, dashboard.with_consent),
        (T_LOST, dashboard.lost),
    ):
        sheet.append([t(label), value])
    sheet.append([])
    for note in NOTES:
        sheet.append([t(note)])
    sheet.column_dimensions["A"].width = 58
    for column in "BCD":
        sheet.column_dimensions[column].width = 24

    def table(title: str, headers: list[str], lines: list[list[Any]]) -> None:
        page = workbook.create_sheet(t(title)[:31])
        page.append(headers)
        for cell in page[1]:
            cell.font = bold
        for line in lines:
            page.append([neutralise(v) if isinstance(v, str) else v for v in line])
        page.column_dimensions["A"].width = 32

    table(
        T_PROMOS,
        [t(T_PROMO), t(T_MEMBERS)],
        [[bar_label(b, t), b.value] for b in dashboard.by_promo],
    )
    table(
        T_REGIONS,
        [t(T_REGION), t(T_MEMBERS)],
        [[bar_label(b, t), b.value] for b in dashboard.by_region],
    )
    table(
        T_COMMUNITIES,
        [t(T_COMMUNITY), t(T_MEMBERS), t(T_JOINED), t(T_RECEIVED), t(T_APPROVED), t(T_REJECTED)],
        [
            [c.name, c.members, c.joined, c.received, c.approved, c.rejected]
            for c in dashboard.communities
        ],
    )
    table(
        T_CHANNELS,
        [t(T_WEEK), *(channel_name(a.channel) for a in dashboard.channels)],
        [
            [monday.isoformat(), *(a.weeks[i] for a in dashboard.channels)]
            for i, monday in enumerate(dashboard.weeks)
        ],
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    workbook.save(path)
    return path
