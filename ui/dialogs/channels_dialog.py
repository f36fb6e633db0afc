"""Channels: the CM's own rules per channel — name, kind of page, limit, colour, weekly
slots for "Add to queue", and the cadence advisor's maximum per week and longest silence.

One row per channel in a table the CM edits in place; "Add channel" appends one (a second
LinkedIn group, say). Save writes each row through app.posts.channels.save_channel.
"""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt, Slot
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import AmicaleError
from app.operations import Operation
from app.posts.channels import DEFAULT_LIMITS, KINDS, VARIANTS, Channel, parse_slots
from app.store import Store
from ui.labels import channel_name, message_text
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE, plain_label

(COL_NAME, COL_KIND, COL_VARIANT, COL_LIMIT, COL_COLOR, COL_SLOTS, COL_PER_WEEK, COL_GAP,
 COL_URL, COL_ENABLED) = range(10)  # fmt: skip


def day_names() -> list[str]:
    locale = QLocale()
    return [locale.dayName(d, QLocale.FormatType.ShortFormat) for d in range(1, 8)]


def format_slots(slots: tuple[tuple[int, str], ...]) -> str:
    names = day_names()
    return ", ".join(f"{names[d]} {t}" for d, t in slots)


class ChannelsDialog(QDialog):
    def __init__(self, store: Store, channels: list[Channel], parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("channelsDialog")
        self.setWindowTitle(self.tr("Channels"))
        self.resize(1380, 440)
        self.store = store
        self.ids: list[int | None] = []
        self.kind_named: list[str | None] = []  # per row: the kind name shown, if any
        self.kind_titles = {
            "linkedin": "LinkedIn",
            "facebook": "Facebook",
            "viadeo": "Viadeo",
            "x": "X",
            "mastodon": "Mastodon",
            "newsletter": self.tr("Newsletter"),
            "website": self.tr("Website"),
        }
        self.table = QTableWidget(0, 10)
        self.table.setObjectName("channelTable")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Network"),
                self.tr("Kind of page"),
                self.tr("Limit"),
                self.tr("Colour"),
                self.tr("Weekly slots"),
                self.tr("Max per week"),
                self.tr("Max silence (days)"),
                self.tr("Address"),
                self.tr("On"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(
            COL_SLOTS, QHeaderView.ResizeMode.Stretch
        )
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setSectionResizeMode(
            COL_SLOTS, QHeaderView.ResizeMode.Stretch
        )
        for column, width in ((COL_NAME, 150), (COL_KIND, 110), (COL_VARIANT, 100),
                              (COL_LIMIT, 90), (COL_COLOR, 90), (COL_PER_WEEK, 110),
                              (COL_GAP, 140), (COL_URL, 180), (COL_ENABLED, 40)):  # fmt: skip
            self.table.setColumnWidth(column, width)
        for chan in channels:
            self._add_row(chan)
        add = QPushButton(self.tr("Add channel"))
        add.setObjectName("addChannelButton")
        add.clicked.connect(lambda: self._add_row(None))
        self.error_label = plain_label(wrap=True)
        self.error_label.setObjectName("errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        help_label = plain_label(
            self.tr("Slots: a day and a time, separated by commas, e.g. “%1 09:00, %2 18:30”.")
            .replace("%1", day_names()[1])
            .replace("%2", day_names()[3]),
            wrap=True,
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(help_label)
        layout.addWidget(add, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def _add_row(self, chan: Channel | None) -> None:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.ids.append(chan.id if chan else None)
        shown = channel_name(chan) if chan else ""
        # A channel named after its kind stays so (in either language) unless its name is
        # edited; an empty name on a new row names it after its kind.
        self.kind_named.append(None if chan is None or chan.renamed else shown)
        self.table.setItem(row, COL_NAME, QTableWidgetItem(shown))
        kind = QComboBox()
        for name in KINDS:
            kind.addItem(self.kind_titles.get(name, name), name)
        kind.setCurrentIndex(KINDS.index(chan.kind) if chan else 0)
        kind.setEnabled(chan is None)  # a channel's network never changes; its posts depend on it
        self.table.setCellWidget(row, COL_KIND, kind)
        variant = QComboBox()
        self.table.setCellWidget(row, COL_VARIANT, variant)
        kind.currentIndexChanged.connect(lambda: self._fill_variants(row))
        self._fill_variants(row, chan.variant if chan else None)
        limit = QSpinBox()
        limit.setRange(0, 100000)
        limit.setSpecialValueText(self.tr("none"))
        limit.setValue((chan.char_limit if chan else DEFAULT_LIMITS[KINDS[0]]) or 0)
        self.table.setCellWidget(row, COL_LIMIT, limit)
        color = QLineEdit(chan.color if chan else "#607d8b")
        color.setMaxLength(7)
        self.table.setCellWidget(row, COL_COLOR, color)
        self.table.setItem(
            row, COL_SLOTS, QTableWidgetItem(format_slots(chan.slots) if chan else "")
        )
        for column, value in ((COL_PER_WEEK, chan.max_per_week if chan else None),
                              (COL_GAP, chan.max_gap_days if chan else None)):  # fmt: skip
            spin = QSpinBox()
            spin.setRange(0, 365)
            spin.setSpecialValueText(self.tr("none"))
            spin.setValue(value or 0)
            self.table.setCellWidget(row, column, spin)
        self.table.setItem(row, COL_URL, QTableWidgetItem((chan.url or "") if chan else ""))
        enabled = QCheckBox()
        enabled.setChecked(chan.enabled if chan else True)
        self.table.setCellWidget(row, COL_ENABLED, enabled)

    def _fill_variants(self, row: int, current: str | None = None) -> None:
        kind = self._combo(row, COL_KIND).currentData()
        variant = self._combo(row, COL_VARIANT)
        titles = {"profile": self.tr("profile"), "page": self.tr("page"), "group": self.tr("group")}
        variant.clear()
        choices = VARIANTS.get(str(kind), ())
        if not choices:
            variant.addItem("—", None)
        for value in choices:
            variant.addItem(titles[value], value)
        variant.setCurrentIndex(max(0, variant.findData(current)))

    def _combo(self, row: int, column: int) -> QComboBox:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QComboBox)
        return widget

    def _spin(self, row: int, column: int) -> int | None:
        widget = self.table.cellWidget(row, column)
        assert isinstance(widget, QSpinBox)
        return widget.value() or None

    def _text(self, row: int, column: int) -> str:
        item = self.table.item(row, column)
        return item.text().strip() if item else ""

    @Slot()
    def save(self) -> bool:
        try:
            for row, channel_id in enumerate(self.ids):
                color_edit = self.table.cellWidget(row, COL_COLOR)
                enabled = self.table.cellWidget(row, COL_ENABLED)
                assert isinstance(color_edit, QLineEdit) and isinstance(enabled, QCheckBox)
                color = color_edit.text().strip()
                if not QColor.isValidColorName(color):
                    raise AmicaleError(
                        self.tr("Row %1: not a colour: %2")
                        .replace("%1", str(row + 1))
                        .replace("%2", color)
                    )
                typed = self._text(row, COL_NAME)
                kind_named = self.kind_named[row] == typed or (channel_id is None and not typed)
                new_id = OperationRunner.for_store(self.store).run_now(
                    Operation(
                        "channel.save",
                        dict(
                            channel_id=channel_id,
                            kind=str(self._combo(row, COL_KIND).currentData()),
                            name=None if kind_named else typed,
                            variant=self._combo(row, COL_VARIANT).currentData(),
                            url=self._text(row, COL_URL) or None,
                            char_limit=self._spin(row, COL_LIMIT),
                            color=color,
                            max_per_week=self._spin(row, COL_PER_WEEK),
                            max_gap_days=self._spin(row, COL_GAP),
                            enabled=enabled.isChecked(),
                            slots=parse_slots(self._text(row, COL_SLOTS), day_names()),
                        ),
                    )
                )
                self.ids[row] = new_id
                if kind_named:
                    self.kind_named[row] = typed
        except AmicaleError as exc:
            self.error_label.setText(message_text(exc.args[0] if exc.args else str(exc)))
            return False
        self.accept()
        return True
