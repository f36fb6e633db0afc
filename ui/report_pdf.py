"""The board report as a file: a PDF (Qt's QPdfWriter, QTextDocument for the figures, the
Dashboard's own chart drawing for the charts) or an XLSX (app.report.xlsx) of the same figures.

`export_report` is what `amicale report -o FILE` calls, without a window: it makes the
QGuiApplication the painting needs (offscreen when there is no display) and loads the
chosen language. `ReportWriter` is File → Board report…: computed in a worker, written on
the GUI thread (a few pages: milliseconds).
"""

from __future__ import annotations

import html
import os
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt, Slot
from PySide6.QtGui import (
    QColor,
    QFont,
    QGuiApplication,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMessageBox, QWidget

from app.errors import AmicaleError
from app.report.figures import Dashboard, Period, compute
from app.report.rows import NOTES, rows
from app.report.xlsx import T_CHANGE, T_FIGURE, T_OTHERS, change, write_xlsx
from app.store import Store
from ui.charts import OKABE_ITO, ChartItem, ChartSpec, draw, number
from ui.labels import channel_name
from ui.panels.dashboard import directory_text, period_text, step_label
from ui.workers import Job

DPI = 96


def translate(text: str) -> str:
    return QCoreApplication.translate("BoardReport", text)  # app.report.rows.CONTEXT


def _figures_html(dashboard: Dashboard) -> str:
    now, before = dashboard.current, dashboard.previous
    e = html.escape
    name = dashboard.association or QCoreApplication.translate("BoardReportPdf", "Our association")
    title = QCoreApplication.translate("BoardReportPdf", "Board report")
    compared = QCoreApplication.translate("BoardReportPdf", "compared with %1")
    this_period = QCoreApplication.translate("BoardReportPdf", "This period")
    previous_period = QCoreApplication.translate("BoardReportPdf", "Previous period")
    head = (
        f"<h1>{e(name)}</h1><h2>{e(title)}</h2>"
        f"<p>{e(period_text(now.period))} — "
        f"{e(compared.replace('%1', period_text(before.period)))}</p>"
    )
    lines = [
        "<table width='100%' cellspacing='0' cellpadding='4' border='0'>",
        "<tr style='background:#DCE9F5'>"
        f"<th align='left'>{e(translate(T_FIGURE))}</th>"
        f"<th align='right'>{e(this_period)}</th>"
        f"<th align='right'>{e(previous_period)}</th>"
        f"<th align='right'>{e(translate(T_CHANGE))}</th></tr>",
    ]
    for n, ((_, label, value), (_, _, old)) in enumerate(
        zip(rows(now, translate), rows(before, translate), strict=True)
    ):
        delta = change(value, old)
        shade = " style='background:#F2F2F2'" if n % 2 else ""
        lines.append(
            f"<tr{shade}><td>{e(label)}</td>"
            f"<td align='right'><b>{_cell(value)}</b></td>"
            f"<td align='right'>{_cell(old)}</td>"
            f"<td align='right'>{_signed(delta)}</td></tr>"
        )
    lines.append("</table>")
    today_title = QCoreApplication.translate("BoardReportPdf", "The directory today")
    today = f"<h3>{e(today_title)}</h3><p>" + e(directory_text(dashboard)) + "</p>"
    notes = "".join(f"<p><small>{e(translate(n))}</small></p>" for n in NOTES)
    return head + "".join(lines) + today + notes


def _cell(value: object) -> str:
    if value is None:
        return "—"
    return html.escape(number(float(value)))  # type: ignore[arg-type]


def _signed(value: object) -> str:
    if value is None:
        return ""
    v = float(value)  # type: ignore[arg-type]
    return ("+" if v > 0 else "−" if v < 0 else "") + html.escape(number(abs(v)))


def _chart_specs(dashboard: Dashboard) -> list[tuple[str, ChartSpec]]:
    now, before = dashboard.current, dashboard.previous
    monthly = now.period.days > 92
    new = ChartSpec(
        "line",
        tuple(
            ChartItem(step_label(b, monthly), b.value, b.previous) for b in dashboard.new_by_step
        ),
        legend=(period_text(now.period), period_text(before.period)),
    )

    def bars(items: Sequence[tuple[str, float]], colour: int) -> ChartSpec:
        return ChartSpec("bars", tuple(ChartItem(a, v) for a, v in items), colour=OKABE_ITO[colour])

    others = translate(T_OTHERS)
    return [
        (
            QCoreApplication.translate("BoardReportPdf", "New members by month")
            if monthly
            else QCoreApplication.translate("BoardReportPdf", "New members by week"),
            new,
        ),
        (
            QCoreApplication.translate("BoardReportPdf", "Members by class year"),
            bars([(b.label or others, b.value) for b in dashboard.by_promo], 0),
        ),
        (
            QCoreApplication.translate("BoardReportPdf", "Members by region"),
            bars([(b.label or others, b.value) for b in dashboard.by_region], 2),
        ),
        (
            QCoreApplication.translate("BoardReportPdf", "Members per community"),
            bars([(c.name, c.members) for c in dashboard.communities[:12]], 3),
        ),
        (
            QCoreApplication.translate("BoardReportPdf", "Posts published per channel"),
            bars([(channel_name(a.channel), a.published) for a in dashboard.channels], 5),
        ),
        (
            QCoreApplication.translate("BoardReportPdf", "Moderation requests per community"),
            bars(
                sorted(
                    ((c.name, c.received) for c in dashboard.communities if c.received),
                    key=lambda nc: -nc[1],
                )[:12],
                4,
            ),
        ),
    ]


def write_pdf(dashboard: Dashboard, path: Path) -> Path:
    """The figures on the first page, then three charts a page. Needs a QGuiApplication."""
    path.parent.mkdir(parents=True, exist_ok=True)
    writer = QPdfWriter(str(path))
    writer.setResolution(DPI)
    writer.setTitle(
        QCoreApplication.translate("BoardReportPdf", "Board report")
        + " — "
        + (dashboard.association or "")
    )
    writer.setCreator("Amicale")
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(15, 15, 15, 15),
            QPageLayout.Unit.Millimeter,
        )
    )
    painter = QPainter()
    if not painter.begin(writer):
        raise AmicaleError(f"cannot write {path}")
    try:
        page = QRectF(writer.pageLayout().paintRectPixels(DPI))
        page.moveTo(0, 0)
        font = QFont()
        font.setPointSizeF(10)
        document = QTextDocument()
        document.setDefaultFont(font)
        document.setPageSize(QSizeF(page.width(), page.height()))
        document.setHtml(_figures_html(dashboard))
        document.drawContents(painter, page)
        text = QColor("#000000")
        title = QFont(font)
        title.setBold(True)
        title.setPointSizeF(12)
        height = page.height() / 3
        for n, (name, spec) in enumerate(_chart_specs(dashboard)):
            if n % 3 == 0:
                writer.newPage()
            top = page.top() + (n % 3) * height
            painter.setFont(title)
            painter.setPen(text)
            painter.drawText(QRectF(page.left(), top, page.width(), 24), name)
            area = QRectF(page.left(), top + 28, page.width(), height - 44)
            if spec.items:
                draw(painter, area, spec, font, text)
            else:
                painter.setFont(font)
                painter.drawText(
                    area,
                    int(Qt.AlignmentFlag.AlignLeft),
                    QCoreApplication.translate("BoardReportPdf", "Nothing in this period."),
                )
    finally:
        painter.end()
    return path


def gui_application() -> QCoreApplication:
    """The QGuiApplication painting needs; made offscreen when the command line has none."""
    existing = QCoreApplication.instance()
    if existing is not None:
        return existing
    if not (os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    return QGuiApplication(["amicale"])


def export_report(dashboard: Dashboard, path: Path, language: str = "fr") -> Path:
    """Write the report to ``path`` (.pdf or .xlsx) in ``language``, without a window."""
    from ui import i18n

    app = gui_application()
    i18n.install(app, language)
    return save_report(dashboard, path)


def save_report(dashboard: Dashboard, path: Path) -> Path:
    if path.suffix.lower() == ".xlsx":
        return write_xlsx(dashboard, path, translate, channel_name)
    return write_pdf(dashboard, path)


class ReportWriter(QWidget):
    """File → Board report…: asks where, computes in a worker, writes, says where it went."""

    def __init__(self, store: Store, period: Period, parent: QMainWindow) -> None:
        super().__init__(parent)
        self.hide()
        self.store, self.period, self.window_ = store, period, parent
        self.target: Path | None = None

    def run(self) -> None:
        suggested = f"bilan-{self.period.start.isoformat()}-{self.period.end.isoformat()}.pdf"
        name, _ = QFileDialog.getSaveFileName(
            self.window_,
            self.tr("Board report for %1").replace("%1", period_text(self.period)),
            suggested,
            self.tr("PDF document (*.pdf);;Excel workbook (*.xlsx)"),
        )
        if not name:
            self.deleteLater()
            return
        self.target = Path(name)
        if self.target.suffix.lower() not in (".pdf", ".xlsx"):
            self.target = self.target.with_suffix(".pdf")
        self.window_.statusBar().showMessage(self.tr("Writing the board report…"))
        job = Job(compute, self.store, self.period)
        job.signals.finished.connect(self._on_computed)
        job.signals.failed.connect(self._on_failed)
        job.start()

    @Slot(object)
    def _on_computed(self, dashboard: Dashboard) -> None:
        assert self.target is not None
        try:
            path = save_report(dashboard, self.target)
        except (OSError, AmicaleError) as exc:
            self._on_failed(exc)
            return
        self.window_.statusBar().showMessage(
            self.tr("Board report written to %1").replace("%1", str(path)), 10000
        )
        self.deleteLater()

    @Slot(object)
    def _on_failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self.window_, self.tr("Board report"), str(exc))
        self.deleteLater()
