"""The calendar's month and week grids, painted by hand.

A month can hold thousands of posts (5,000 in the benchmark): item widgets or a QTableView
of cells would be far too slow, so one widget paints the grid and the few lines each day has
room for ("+N more" below), with the text prepared once when the items change. Posts are
dragged to another day with the mouse (the drag stays inside the widget, so no QDrag event
loop), double-clicked to edit; a double-click on an empty place asks for a new post.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from PySide6.QtCore import QPoint, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from app import clock
from app.posts.store import CalendarItem
from ui.models.posts import STATE_COLORS

MONTH, WEEK = "month", "week"


@dataclass(frozen=True, slots=True)
class _Line:
    item: CalendarItem
    text: str  # "09:00 Title", prepared once
    colors: tuple[QColor, ...]  # one bar per channel
    background: QColor  # the first channel's colour, faint (fainter for a draft)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


class CalendarView(QWidget):
    # A post (id, occurrence) was dropped on another day: (post id, occurrence, from, to).
    moveRequested = Signal(int, int, object, object)
    # A post was double-clicked: its id.
    editRequested = Signal(int)
    # An empty place of a day was double-clicked: the day (a date).
    newRequested = Signal(object)
    # A post was clicked: its id.
    postClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("calendarView")
        # Moves reach the widget even without a button down (the drag checks its own state).
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        self.mode = MONTH
        self.anchor = clock.today()
        self.today = clock.today()
        self.days: dict[date, list[_Line]] = {}
        self.day_names = [str(i) for i in range(7)]
        self.more_text = "+%1"
        self._press: tuple[_Line, QPoint] | None = None
        self._drop_day: date | None = None
        self._selected: int | None = None

    # --- content -------------------------------------------------------------------------------

    def set_period(self, mode: str, anchor: date, today: date | None = None) -> None:
        self.mode = mode
        self.anchor = anchor
        self.today = today or clock.today()
        self.update()

    def set_labels(self, day_names: list[str], more_text: str) -> None:
        """Weekday names from Monday, and "+%1 more" (translated by the panel)."""
        self.day_names = day_names
        self.more_text = more_text
        self.update()

    def set_items(self, items: Iterable[CalendarItem], colors: Mapping[int, str]) -> None:
        palette = {cid: QColor(c) for cid, c in colors.items()}
        grey = QColor("#9e9e9e")
        days: dict[date, list[_Line]] = defaultdict(list)
        for item in items:
            if item.local_time is None:
                continue  # an undated draft has no day: the list view shows it
            bars = tuple(palette.get(c, grey) for c in item.channel_ids) or (grey,)
            text = f"{item.local_time:%H:%M} {item.label}"
            first = bars[0]
            alpha = 18 if item.state == "draft" else 40
            background = QColor(first.red(), first.green(), first.blue(), alpha)
            days[item.local_time.date()].append(_Line(item, text, bars, background))
        self.days = dict(days)
        self.update()

    @property
    def first_day(self) -> date:
        if self.mode == WEEK:
            return monday_of(self.anchor)
        return monday_of(self.anchor.replace(day=1))

    @property
    def rows(self) -> int:
        return 1 if self.mode == WEEK else 6

    @property
    def last_day(self) -> date:
        """The day after the last one shown."""
        return self.first_day + timedelta(days=7 * self.rows)

    # --- geometry ------------------------------------------------------------------------------

    def sizeHint(self) -> QSize:
        return QSize(840, 620)

    def _header_height(self) -> int:
        return self.fontMetrics().height() + 8

    def _line_height(self) -> int:
        """A line per post in the month; two in the week (time, then the text)."""
        height = self.fontMetrics().height()
        return 2 * height + 5 if self.mode == WEEK else height + 3

    def _day_header_height(self) -> int:
        return self.fontMetrics().height() + 3

    def cell_rect(self, day: date) -> QRect:
        offset = (day - self.first_day).days
        row, column = divmod(offset, 7)
        top = self._header_height()
        width = self.width() / 7
        height = (self.height() - top) / self.rows
        x0 = round(column * width)
        y0 = round(top + row * height)
        return QRect(x0, y0, round((column + 1) * width) - x0, round(top + (row + 1) * height) - y0)

    def day_at(self, pos: QPoint) -> date | None:
        top = self._header_height()
        if pos.y() < top or pos.x() < 0 or pos.x() >= self.width() or pos.y() >= self.height():
            return None
        column = min(6, int(pos.x() * 7 / max(1, self.width())))
        row = min(self.rows - 1, int((pos.y() - top) * self.rows / max(1, self.height() - top)))
        return self.first_day + timedelta(days=row * 7 + column)

    def _capacity(self, rect: QRect) -> int:
        return max(0, (rect.height() - self._day_header_height() - 4) // self._line_height())

    def _visible(self, day: date, rect: QRect) -> tuple[list[_Line], int]:
        """The lines drawn in the day's cell, and how many did not fit."""
        lines = self.days.get(day, [])
        room = self._capacity(rect)
        if len(lines) <= room:
            return lines, 0
        shown = max(0, room - 1)  # the last line says "+N more"
        return lines[:shown], len(lines) - shown

    def line_rect(self, day: date, index: int) -> QRect:
        cell = self.cell_rect(day)
        height = self._line_height()
        top = cell.top() + self._day_header_height() + 2 + index * height
        return QRect(cell.left() + 2, top, cell.width() - 4, height - 1)

    def item_at(self, pos: QPoint) -> CalendarItem | None:
        line = self._line_at(pos)
        return line.item if line else None

    def _line_at(self, pos: QPoint) -> _Line | None:
        day = self.day_at(pos)
        if day is None:
            return None
        lines, _ = self._visible(day, self.cell_rect(day))
        for index, line in enumerate(lines):
            if self.line_rect(day, index).contains(pos):
                return line
        return None

    def item_pos(self, post_id: int) -> QPoint | None:
        """The centre of a post's line where it is drawn (tests and keyboard helpers)."""
        for day in self.days:
            if not self.first_day <= day < self.last_day:
                continue
            shown, _ = self._visible(day, self.cell_rect(day))
            for index, line in enumerate(shown):
                if line.item.post_id == post_id:
                    return self.line_rect(day, index).center()
        return None

    # --- painting ------------------------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:
        """Collect every rectangle and text first, then draw them grouped by colour.

        Few QPainter calls per paint, whatever the number of posts: besides speed, each
        PySide call that returns nothing costs a reference to None in the PySide6 build this
        project runs on (see the report), so per-post calls would add up quickly.
        """
        palette = self.palette()
        base = palette.color(QPalette.ColorRole.Base)
        text_color = palette.color(QPalette.ColorRole.Text)
        muted = palette.color(QPalette.ColorRole.PlaceholderText)
        outside = palette.color(QPalette.ColorRole.AlternateBase)
        grid = palette.color(QPalette.ColorRole.Mid)
        highlight = palette.color(QPalette.ColorRole.Highlight)
        metrics = self.fontMetrics()
        left = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter

        fills: dict[int, tuple[QColor, list[QRect]]] = {}
        texts: dict[int, tuple[QColor, list[tuple[QRect, str]]]] = {}
        bold_texts: list[tuple[QRect, str]] = []
        cells: list[QRect] = []
        selected: QRect | None = None

        def fill(color: QColor, rect: QRect) -> None:
            key = color.rgba()
            if key not in fills:
                fills[key] = (color, [])
            fills[key][1].append(rect)

        def write(color: QColor, rect: QRect, text: str) -> None:
            key = color.rgba()
            if key not in texts:
                texts[key] = (color, [])
            texts[key][1].append((rect, text))

        header = self._header_height()
        for column in range(7):
            rect = self.cell_rect(self.first_day + timedelta(days=column))
            write(muted, QRect(rect.left(), 0, rect.width(), header), self.day_names[column])
        clip = event.rect()
        drop = QColor(highlight.red(), highlight.green(), highlight.blue(), 50)
        for offset in range(7 * self.rows):
            day = self.first_day + timedelta(days=offset)
            cell = self.cell_rect(day)
            if not cell.intersects(clip):
                continue
            cells.append(cell.adjusted(0, 0, -1, -1))
            in_period = self.mode == WEEK or day.month == self.anchor.month
            if not in_period:
                fill(outside, cell)
            if day == self._drop_day:
                fill(drop, cell)
            number_rect = QRect(
                cell.left() + 4, cell.top() + 1, cell.width() - 8, self._day_header_height()
            )
            label = str(day.day) if self.mode == MONTH else f"{day.day:02d}/{day.month:02d}"
            if day == self.today:
                bold_texts.append((number_rect, label))
            else:
                write(text_color if in_period else muted, number_rect, label)
            lines, hidden = self._visible(day, cell)
            for index, line in enumerate(lines):
                rect = self.line_rect(day, index)
                body = self._layout_line(rect, line, fill, write, metrics, text_color)
                if line.item.post_id == self._selected:
                    selected = body
            if hidden:
                rect = self.line_rect(day, len(lines)).adjusted(6, 0, 0, 0)
                write(muted, rect, self.more_text.replace("%1", str(hidden)))

        painter = QPainter(self)
        painter.fillRect(self.rect(), base)
        painter.setPen(Qt.PenStyle.NoPen)
        for color, rects in fills.values():
            painter.setBrush(color)
            painter.drawRects(rects)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        painter.setPen(QPen(grid, 1))
        painter.drawRects(cells)
        if selected is not None:
            painter.setPen(QPen(QColor("#ffb300"), 1))
            painter.drawRect(selected.adjusted(0, 0, -1, -1))
        for color, entries in texts.values():
            painter.setPen(color)
            for rect, text in entries:
                painter.drawText(rect, left, text)
        if bold_texts:
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            painter.setPen(highlight)
            for rect, text in bold_texts:
                painter.drawText(rect, left, text)
        painter.end()

    def _layout_line(
        self,
        rect: QRect,
        line: _Line,
        fill: Callable[[QColor, QRect], None],
        write: Callable[[QColor, QRect, str], None],
        metrics: QFontMetrics,
        text: QColor,
    ) -> QRect:
        """Queue one post's bars, background and text; returns its body rectangle."""
        item = line.item
        bar_width = 4
        x = rect.left()
        for color in line.colors[:4]:
            fill(color, QRect(x, rect.top() + 1, bar_width, rect.height() - 1))
            x += bar_width + 1
        body = QRect(x, rect.top() + 1, rect.right() - x, rect.height() - 1)
        fill(line.background, body)
        if item.state in ("due", "failed"):
            pen = QColor(STATE_COLORS[item.state])
        elif item.state in ("draft", "published"):
            pen = QColor("#616161")
        else:
            pen = text
        prefix = {"published": "✓ ", "failed": "! ", "draft": "✎ "}.get(item.state, "")
        width = body.width() - 5
        if self.mode == WEEK:  # the time above, the text below
            half = body.height() // 2
            first = QRect(body.left() + 3, body.top(), width, half)
            second = QRect(body.left() + 3, body.top() + half, width, body.height() - half)
            write(pen, first, prefix + line.text[:5])
            write(
                pen, second, metrics.elidedText(line.text[6:], Qt.TextElideMode.ElideRight, width)
            )
        else:
            shown = metrics.elidedText(prefix + line.text, Qt.TextElideMode.ElideRight, width)
            write(pen, body.adjusted(3, 0, 0, 0), shown)
        return body

    # --- mouse ---------------------------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return super().mousePressEvent(event)
        pos = event.position().toPoint()
        line = self._line_at(pos)
        self._press = (line, pos) if line else None
        if line is not None:
            self._selected = line.item.post_id
            self.postClicked.emit(line.item.post_id)
            self.update()
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is None:
            return
        pos = event.position().toPoint()
        if (pos - self._press[1]).manhattanLength() < QApplication.startDragDistance():
            return
        day = self.day_at(pos)
        if day != self._drop_day:
            self._drop_day = day
            self.setCursor(Qt.CursorShape.DragMoveCursor)
            self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        press, self._press = self._press, None
        self.unsetCursor()
        if press is None:
            return
        self._drop_day = None
        self.update()
        pos = event.position().toPoint()
        if (pos - press[1]).manhattanLength() < QApplication.startDragDistance():
            return
        target = self.day_at(pos)
        item = press[0].item
        if item.local_time is None:
            return
        source = item.local_time.date()
        if target is not None and target != source:
            self.moveRequested.emit(item.post_id, item.occurrence, source, target)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position().toPoint()
        item = self.item_at(pos)
        if item is not None:
            self.editRequested.emit(item.post_id)
            return
        day = self.day_at(pos)
        if day is not None:
            self.newRequested.emit(day)
