"""Columns that fit their table's width: each shown column gets at least its header's width,
and what is left is shared out by weight, so a laptop's list needs no sideways scrolling.

The table keeps fitting while the window is resized, until the user drags a column's edge
(from then on the widths are theirs, kept with the header's state).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtWidgets import QHeaderView, QStyle, QTableView


def fit_widths(minimums: Sequence[int], preferred: Sequence[int], available: int) -> list[int]:
    """Widths filling ``available`` exactly, each at least its minimum: with room to spare,
    the preferred widths grown in proportion (a preferred width of 0 keeps its minimum);
    short of room, each shrunk from its preferred width toward its minimum in proportion
    to what it can give; with too little room for the minimums, the minimums."""
    lows = [max(0, m) for m in minimums]
    highs = [max(low, p) for low, p in zip(lows, preferred, strict=True)]
    growing = [p if p > 0 else 0 for p in preferred]
    if not lows or available <= sum(lows):
        return lows
    if available >= sum(highs):
        if not any(growing):
            return highs
        spare = available - sum(highs)
        widths = [h + int(spare * g / sum(growing)) for h, g in zip(highs, growing, strict=True)]
        last = max(i for i, g in enumerate(growing) if g > 0)
    else:
        room, give = available - sum(lows), sum(highs) - sum(lows)
        widths = [low + int((h - low) * room / give) for low, h in zip(lows, highs, strict=True)]
        last = max(i for i, (low, h) in enumerate(zip(lows, highs, strict=True)) if h > low)
    # The pixels lost to rounding go to the last column that can take them.
    widths[last] += available - sum(widths)
    return widths


class ColumnFitter(QObject):
    """Keeps a table's shown columns fitted to its viewport while ``fitting`` is on.

    ``chars(section)``: the column's usual width in characters (0: its minimum is enough);
    ``minimum_text(section)``: a text the column must show whole besides its title."""

    # The user resized a column by hand: fitting stopped (the window remembers it).
    fittingChanged = Signal(bool)

    def __init__(
        self,
        table: QTableView,
        chars: Callable[[int], int],
        minimum_text: Callable[[int], str] = lambda _section: "",
        fitting: bool = True,
    ) -> None:
        super().__init__(table)
        self.table = table
        self._chars = chars
        self._minimum_text = minimum_text
        self._fitting = fitting
        self._applying = False
        self._pressed = False  # a mouse button is down on the header
        header = table.horizontalHeader()
        header.setStretchLastSection(not fitting)
        header.sectionResized.connect(self._on_section_resized)
        header.sectionCountChanged.connect(self.fit)
        # Held here: the filter still sees events while the table is being destroyed.
        self._viewport = table.viewport()
        self._header_viewport = header.viewport()
        self._viewport.installEventFilter(self)
        self._header_viewport.installEventFilter(self)

    @property
    def fitting(self) -> bool:
        return self._fitting

    def set_fitting(self, fitting: bool) -> None:
        if fitting == self._fitting:
            return
        self._fitting = fitting
        self.table.horizontalHeader().setStretchLastSection(not fitting)
        self.fit()
        self.fittingChanged.emit(fitting)

    def minimum(self, section: int) -> int:
        """The width that shows the header's title whole (with the sort arrow), or the
        column's own sample text when wider (a class year's four digits)."""
        header = self.table.horizontalHeader()
        model = self.table.model()
        title = str(model.headerData(section, header.orientation()) or "") if model else ""
        style = header.style()
        margin = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMargin, None, header)
        arrow = style.pixelMetric(QStyle.PixelMetric.PM_HeaderMarkSize, None, header)
        metrics = header.fontMetrics()
        text = max(metrics.horizontalAdvance(title), metrics.horizontalAdvance(
            self._minimum_text(section)))  # fmt: skip
        return max(header.minimumSectionSize(), text + 4 * margin + arrow)

    def shown_sections(self) -> list[int]:
        header = self.table.horizontalHeader()
        logical = (header.logicalIndex(v) for v in range(header.count()))
        return [s for s in logical if not header.isSectionHidden(s)]

    def fit(self, *_: object) -> None:
        if not self._fitting:
            return
        sections = self.shown_sections()
        if not sections:
            return
        header = self.table.horizontalHeader()
        average = header.fontMetrics().averageCharWidth()
        widths = fit_widths(
            [self.minimum(s) for s in sections],
            [self._chars(s) * average for s in sections],
            self.table.viewport().width(),
        )
        self._applying = True
        try:
            for section, width in zip(sections, widths, strict=True):
                if header.sectionSize(section) != width:
                    header.resizeSection(section, width)
        finally:
            self._applying = False

    def _on_section_resized(self, _section: int, _old: int, _new: int) -> None:
        header = self.table.horizontalHeader()
        # Only a drag on a section's edge (not our resizing, nor Qt's stretching of the
        # last section) means the user wants other widths.
        if self._applying or not self._fitting or not self._pressed:
            return
        if header.sectionResizeMode(_section) != QHeaderView.ResizeMode.Interactive:
            return
        self._fitting = False
        header.setStretchLastSection(True)
        self.fittingChanged.emit(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind == QEvent.Type.Resize and watched is self._viewport:
            self.fit()
        elif watched is self._header_viewport:
            if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick):
                self._pressed = True
            elif kind == QEvent.Type.MouseButtonRelease:
                self._pressed = False
        return super().eventFilter(watched, event)
