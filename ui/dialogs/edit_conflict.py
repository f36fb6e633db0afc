"""Someone else saved the member while this card was being edited: both values of each field
changed on both sides, side by side; the CM keeps theirs or the other's, field by field.

Fields only one side changed were merged already (app.members.service); only true conflicts
reach this dialog. Nothing is saved until the CM says so: Cancel keeps the card's edits.
"""

from __future__ import annotations

from enum import Enum
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app.members import fields
from app.members.service import EditConflict
from ui.labels import field_title, plain_tip, value_label
from ui.widgets import plain_label

SHOWN_CHARS = 60


class Side(Enum):
    MINE = "mine"
    THEIRS = "theirs"


class EditConflictDialog(QDialog):
    def __init__(self, conflict: EditConflict, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("editConflictDialog")
        self.setWindowTitle(self.tr("Changed meanwhile"))
        self.conflict = conflict
        self._groups: dict[str, QButtonGroup] = {}
        self._buttons: dict[tuple[str, Side], QRadioButton] = {}

        intro = plain_label(
            self.tr(
                "Someone else saved the card of %1 while you were editing it, and changed "
                "the same fields. Choose, field by field, the value to keep; your other "
                "changes are kept."
            ).replace("%1", name),
            wrap=True,
        )
        grid = QGridLayout()
        for column, title in enumerate(
            (self.tr("Field"), self.tr("Yours"), self.tr("Saved meanwhile"))
        ):
            header = plain_label(title)
            font = header.font()
            font.setBold(True)
            header.setFont(font)
            grid.addWidget(header, 0, column)
        for row, item in enumerate(conflict.conflicts, start=1):
            grid.addWidget(plain_label(field_title(item.name)), row, 0)
            group = QButtonGroup(self)
            for column, side, value in ((1, Side.MINE, item.mine), (2, Side.THEIRS, item.theirs)):
                text = shown_value(item.name, value)
                button = QRadioButton(shortened(text))
                if button.text() != text:  # a long note: its start here, all of it on hover
                    button.setToolTip(plain_tip(text))
                button.setObjectName(f"conflict_{item.name}_{side.value}")
                group.addButton(button)
                grid.addWidget(button, row, column)
                self._buttons[(item.name, side)] = button
            self._buttons[(item.name, Side.MINE)].setChecked(True)
            self._groups[item.name] = group
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(grid)
        layout.addWidget(self.buttons)

    def choose(self, name: str, side: Side) -> None:
        self._buttons[(name, side)].setChecked(True)

    def kept_mine(self) -> dict[str, bool]:
        """For each conflicting field: True to keep this card's value."""
        return {
            item.name: self._buttons[(item.name, Side.MINE)].isChecked()
            for item in self.conflict.conflicts
        }


def shortened(text: str) -> str:
    """The first line of ``text``, cut to SHOWN_CHARS, "…" when something was left out."""
    first = text.splitlines()[0] if text else text
    if len(first) > SHOWN_CHARS:
        first = first[: SHOWN_CHARS - 1]
    return first if first == text else first + "…"


def shown_value(name: str, value: Any) -> str:
    """A field's value as the card shows it, (empty) for nothing."""
    if value is None or value == "":
        return QCoreApplication.translate("EditConflictDialog", "(empty)")
    field = fields.BY_NAME.get(name)
    if field is not None and field.kind == "enum":
        return value_label(name, str(value))
    if field is not None and field.kind == "bool":
        if value:
            return QCoreApplication.translate("EditConflictDialog", "Yes")
        return QCoreApplication.translate("EditConflictDialog", "No")
    return str(value)
