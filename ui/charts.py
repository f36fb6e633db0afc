"""Charts drawn with QPainter: horizontal bars, and a line over time beside the previous period.

One drawing function (`draw`) paints on any QPainter: the Dashboard's widgets on screen and
the board report's PDF pages, so both show the same chart. Colours are from the Okabe–Ito
palette, told apart by colour-blind readers; the previous period also differs by its shape
(dashed line, square points), not by colour alone. Values are written on the chart (a
printed page has no hover) and shown again in a tooltip on hover.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass

from PySide6.QtCore import QLocale, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

# Okabe & Ito (2008), "Color Universal Design": blue, orange, bluish green, reddish purple,
# sky blue, vermillion, yellow.
OKABE_ITO = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442")
CURRENT = QColor(OKABE_ITO[0])
PREVIOUS = QColor(OKABE_ITO[1])
GRID = QColor(0, 0, 0, 40)
# Divisions of a line chart's axis: 1, 2 and 5 × 10ⁿ tops give round steps.
TICKS = 5


@dataclass(frozen=True)
class ChartItem:
    label: str
    value: float
    previous: float | None = None
    # Shown on hover (and read by screen readers); the label and value when empty.
    tooltip: str = ""
    clickable: bool = True


@dataclass(frozen=True)
class ChartSpec:
    kind: str  # "bars" or "line"
    items: tuple[ChartItem, ...]
    # The legend of a line chart: (current, previous).
    legend: tuple[str, str] | None = None
    colour: str = OKABE_ITO[0]


def number(value: float) -> str:
    """As the user's language writes it (12 345 in French, 12,345 in English)."""
    locale = QLocale()
    if float(value).is_integer():
        return locale.toString(int(value))
    return locale.toString(float(value), "f", 1)


def draw(
    painter: QPainter,
    rect: QRectF,
    spec: ChartSpec,
    font: QFont,
    text: QColor,
    hovered: int = -1,
) -> list[QRectF]:
    """Paint ``spec`` in ``rect``; returns the area of each item (for hover and clicks)."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setFont(font)
    try:
        if not spec.items:
            return []
        if spec.kind == "line":
            return _draw_line(painter, rect, spec, text, hovered)
        return _draw_bars(painter, rect, spec, text, hovered)
    finally:
        painter.restore()


def _draw_bars(
    painter: QPainter, rect: QRectF, spec: ChartSpec, text: QColor, hovered: int
) -> list[QRectF]:
    metrics = QFontMetricsF(painter.font())
    items = spec.items
    label_width = min(rect.width() * 0.42, max(metrics.horizontalAdvance(i.label) for i in items))
    value_width = max(metrics.horizontalAdvance(number(i.value)) for i in items) + 8
    row = min(metrics.height() * 1.9, rect.height() / len(items))
    top = max(i.value for i in items) or 1
    x0 = rect.left() + label_width + 8
    span = max(10.0, rect.right() - value_width - x0)
    colour = QColor(spec.colour)
    hits = []
    for n, item in enumerate(items):
        y = rect.top() + n * row
        area = QRectF(rect.left(), y, rect.width(), row)
        hits.append(area)
        if n == hovered and item.clickable:
            painter.fillRect(area, QColor(0, 0, 0, 18))
        painter.setPen(text)
        label = metrics.elidedText(item.label, Qt.TextElideMode.ElideRight, label_width)
        painter.drawText(
            QRectF(rect.left(), y, label_width, row),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            label,
        )
        length = span * item.value / top
        bar = QRectF(x0, y + row * 0.18, max(length, 1.0), row * 0.64)
        painter.fillRect(bar, colour.darker(125) if n == hovered else colour)
        painter.drawText(
            QRectF(bar.right() + 4, y, value_width, row),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            number(item.value),
        )
    return hits


def _draw_line(
    painter: QPainter, rect: QRectF, spec: ChartSpec, text: QColor, hovered: int
) -> list[QRectF]:
    metrics = QFontMetricsF(painter.font())
    items = spec.items
    line_height = metrics.height()
    area = QRectF(rect)
    if spec.legend:
        _legend(painter, QRectF(rect.left(), rect.top(), rect.width(), line_height), spec, text)
        area.setTop(rect.top() + line_height * 1.6)
    values = [i.value for i in items] + [i.previous for i in items if i.previous is not None]
    top = _nice_top(max(values) if values else 0)
    ticks = [top * k / TICKS for k in range(TICKS + 1)]
    axis_width = max(metrics.horizontalAdvance(number(v)) for v in ticks) + 8
    plot = QRectF(
        area.left() + axis_width,
        area.top() + line_height * 0.5,
        area.width() - axis_width - 8,
        area.height() - line_height * 2.2,
    )
    # Grid and the values on the vertical axis.
    for k, value in enumerate(ticks):
        y = plot.bottom() - plot.height() * k / TICKS
        painter.setPen(QPen(GRID, 1))
        painter.drawLine(QPointF(plot.left(), y), QPointF(plot.right(), y))
        painter.setPen(text)
        painter.drawText(
            QRectF(area.left(), y - line_height / 2, axis_width - 6, line_height),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            number(value),
        )
    step = plot.width() / max(1, len(items) - 1) if len(items) > 1 else 0.0

    def point(n: int, value: float) -> QPointF:
        x = plot.left() + step * n if len(items) > 1 else plot.center().x()
        return QPointF(x, plot.bottom() - plot.height() * value / top)

    previous = [(n, i.previous) for n, i in enumerate(items) if i.previous is not None]
    if previous:
        pen = QPen(PREVIOUS, 2, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        points = [point(n, v) for n, v in previous]
        for a, b in itertools.pairwise(points):
            painter.drawLine(a, b)
        painter.setBrush(PREVIOUS)
        for p in points:
            painter.drawRect(QRectF(p.x() - 3, p.y() - 3, 6, 6))
    painter.setPen(QPen(CURRENT, 2.5))
    points = [point(n, i.value) for n, i in enumerate(items)]
    for a, b in itertools.pairwise(points):
        painter.drawLine(a, b)
    painter.setBrush(CURRENT)
    for n, p in enumerate(points):
        radius = 6.0 if n == hovered else 4.0
        painter.drawEllipse(p, radius, radius)
    # Labels under the axis: as many as fit.
    painter.setPen(text)
    widest = max(metrics.horizontalAdvance(i.label) for i in items) + 10
    every = max(1, int(widest / step) + 1) if step else 1
    hits = []
    for n, item in enumerate(items):
        x = points[n].x()
        hits.append(QRectF(x - max(step, 12) / 2, plot.top(), max(step, 12), plot.height()))
        if n % every == 0:
            painter.drawText(
                QRectF(x - widest / 2, plot.bottom() + 4, widest, line_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop),
                item.label,
            )
        if n == hovered or len(items) <= 14:
            painter.drawText(
                QRectF(x - 40, points[n].y() - line_height - 4, 80, line_height),
                int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignBottom),
                number(item.value),
            )
    return hits


def _legend(painter: QPainter, rect: QRectF, spec: ChartSpec, text: QColor) -> None:
    assert spec.legend is not None
    metrics = QFontMetricsF(painter.font())
    x = rect.left()
    y = rect.center().y()
    for label, colour, style in (
        (spec.legend[0], CURRENT, Qt.PenStyle.SolidLine),
        (spec.legend[1], PREVIOUS, Qt.PenStyle.DashLine),
    ):
        painter.setPen(QPen(colour, 2.5, style))
        painter.drawLine(QPointF(x, y), QPointF(x + 24, y))
        painter.setPen(text)
        painter.drawText(QPointF(x + 30, y + metrics.ascent() / 2 - 1), label)
        x += 30 + metrics.horizontalAdvance(label) + 24


def _nice_top(value: float) -> float:
    """A round maximum for the axis (1, 2, 5 × a power of ten) at or above ``value``."""
    if value <= 0:
        return 1.0
    power = 1.0
    while power * 10 <= value:
        power *= 10
    for factor in (1, 2, 5, 10):
        if factor * power >= value:
            return factor * power
    return 10 * power


def tooltip(item: ChartItem) -> str:
    return item.tooltip or f"{item.label}: {number(item.value)}"


class ChartView(QWidget):
    """A chart on screen: a tooltip on hover, a click (or Enter) activates an item."""

    # The index of the item clicked or activated with the keyboard.
    activated = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.spec = ChartSpec("bars", ())
        self.hits: list[QRectF] = []
        self.hovered = -1
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.setMinimumHeight(120)

    def set_spec(self, spec: ChartSpec) -> None:
        self.spec = spec
        self.hovered = -1
        rows = len(spec.items) if spec.kind == "bars" else 8
        self.setMinimumHeight(max(120, int(rows * self.fontMetrics().height() * 1.9) + 8))
        self.setAccessibleDescription("; ".join(tooltip(i) for i in spec.items))
        self.updateGeometry()
        self.update()

    def item_at(self, pos: QPointF) -> int:
        for n, area in enumerate(self.hits):
            if area.contains(pos):
                return n
        return -1

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        rect = QRectF(self.rect()).adjusted(4, 4, -4, -4)
        self.hits = draw(
            painter, rect, self.spec, self.font(), self.palette().text().color(), self.hovered
        )
        if self.hasFocus() and 0 <= self.hovered < len(self.hits):
            painter.setPen(QPen(self.palette().highlight().color(), 1, Qt.PenStyle.DotLine))
            painter.drawRect(self.hits[self.hovered].adjusted(0, 0, -1, -1))
        painter.end()

    def _hover(self, index: int, global_pos: QPointF | None = None) -> None:
        if index != self.hovered:
            self.hovered = index
            self.update()
        clickable = 0 <= index < len(self.spec.items) and self.spec.items[index].clickable
        self.setCursor(
            Qt.CursorShape.PointingHandCursor if clickable else Qt.CursorShape.ArrowCursor
        )
        if global_pos is not None and 0 <= index < len(self.spec.items):
            QToolTip.showText(global_pos.toPoint(), tooltip(self.spec.items[index]), self)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        self._hover(self.item_at(event.position()), event.globalPosition())

    def leaveEvent(self, event: object) -> None:
        self._hover(-1)

    def mousePressEvent(self, event: QMouseEvent) -> None:
        index = self.item_at(event.position())
        if event.button() == Qt.MouseButton.LeftButton and index >= 0:
            self._activate(index)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        count = len(self.spec.items)
        key = event.key()
        forward = (Qt.Key.Key_Right, Qt.Key.Key_Down)
        backward = (Qt.Key.Key_Left, Qt.Key.Key_Up)
        if count and key in forward + backward:
            step = 1 if key in forward else -1
            self._hover((self.hovered + step) % count if self.hovered >= 0 else 0)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.hovered >= 0:
            self._activate(self.hovered)
        else:
            super().keyPressEvent(event)

    def _activate(self, index: int) -> None:
        if self.spec.items[index].clickable:
            self.activated.emit(index)
