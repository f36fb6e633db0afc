"""The member card beside the table: view and edit one member, or summarise a selection."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal, Slot
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app.clock import to_local
from app.errors import AmicaleError, NotFoundError, ValidationError
from app.members import fields
from app.members.service import Member, MemberDirectory
from app.members.validation import NO_YEAR
from app.operations import Operation
from ui.labels import field_title, message_text, value_label
from ui.operations import OperationRunner

# The card's rows in their order (app.members.fields); tags and communities are not columns.
CARD_FIELDS = fields.card_fields()
CARD_VALUES = tuple(k for k in CARD_FIELDS if fields.BY_NAME[k].stored)
ERROR_STYLE = "color: #b00020;"


def plain_label(text: str = "", *, wrap: bool = False) -> QLabel:
    """A label for data: never read as rich text."""
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(wrap)
    return label


def empty_hint(text: str) -> QLabel:
    """The one line an empty panel shows, saying what to do (hidden until it is empty)."""
    label = plain_label(text, wrap=True)
    label.setObjectName("emptyHint")
    label.setStyleSheet("color: palette(placeholder-text); font-style: italic; padding: 6px;")
    label.hide()
    return label


class MemberCard(QWidget):
    # A member was created (its id) or saved: the list should refresh.
    memberSaved = Signal(int)
    # The user asked to delete what the card shows (the current selection).
    deleteRequested = Signal()

    def __init__(self, directory: MemberDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self.member_id: int | None = None
        self._loaded: dict[str, Any] = {}
        self._loaded_tags = ""

        self.title = plain_label()
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)

        self.stack = QStackedWidget()
        self.empty = plain_label(self.tr("Select a member to see their file, or press Ctrl+N."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.many = plain_label()
        self.many.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.many_delete = QPushButton(self.tr("Delete the selected members…"))
        self.many_delete.clicked.connect(self.deleteRequested)
        many_box = QWidget()
        many_layout = QVBoxLayout(many_box)
        many_layout.addStretch()
        many_layout.addWidget(self.many)
        many_layout.addWidget(self.many_delete, 0, Qt.AlignmentFlag.AlignCenter)
        many_layout.addStretch()

        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        form_box = QWidget()
        form = QFormLayout(form_box)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.tags = QLineEdit()
        self.communities = plain_label()
        for key in CARD_FIELDS:
            kind = fields.BY_NAME[key].kind
            if key == "tags":
                self.tags.setObjectName("edit_tags")
                self.tags.setPlaceholderText(self.tr("Category/Tag, Tag, …"))
                self.tags.textEdited.connect(self._on_edited)
                self._add_row(form, "tags", self.tags)
            elif key == "communities":
                self.communities.setWordWrap(True)
                form.addRow(field_title("communities"), self.communities)
            elif kind == "enum":
                combo = QComboBox()
                for value in fields.BY_NAME[key].values:
                    combo.addItem(value_label(key, value), value)
                combo.activated.connect(self._on_edited)
                self._add_row(form, key, combo)
            elif kind == "bool":
                check = QCheckBox(self.tr("Agrees"))
                check.toggled.connect(self._on_edited)
                self._add_row(form, key, check)
            elif kind == "multiline":
                text = QPlainTextEdit()
                text.setObjectName(f"edit_{key}")
                text.setTabChangesFocus(True)
                text.setFixedHeight(80)
                text.textChanged.connect(self._on_edited)
                self._add_row(form, key, text)
            else:
                editor = QLineEdit()
                editor.setMinimumWidth(80)
                editor.setObjectName(f"edit_{key}")
                editor.textEdited.connect(self._on_edited)
                self._add_row(form, key, editor)
        self.editors["birthday"].setPlaceholderText(self.tr("DD/MM/YYYY"))  # type: ignore[attr-defined]
        self.editors["promo"].setPlaceholderText(self.tr("e.g. 2005"))  # type: ignore[attr-defined]
        self.history = plain_label()
        self.history.setWordWrap(True)
        form.addRow(self.history)

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.revert)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.deleteRequested)
        self.message = plain_label()
        self.message.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.delete_button)
        buttons.addStretch()
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        editor_box = QWidget()
        editor_layout = QVBoxLayout(editor_box)
        editor_layout.setContentsMargins(0, 0, 0, 0)
        editor_layout.addWidget(scroll, 1)
        editor_layout.addWidget(self.message)
        editor_layout.addLayout(buttons)

        self.stack.addWidget(self.empty)
        self.stack.addWidget(many_box)
        self.stack.addWidget(editor_box)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.stack, 1)
        self.show_nothing()

    def _add_row(self, form: QFormLayout, key: str, editor: QWidget) -> None:
        self.editors[key] = editor
        error = plain_label()
        error.setStyleSheet(ERROR_STYLE)
        error.setWordWrap(True)
        error.hide()
        self.errors[key] = error
        box = QWidget()
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(1)
        column.addWidget(editor)
        column.addWidget(error)
        form.addRow(field_title(key), box)

    # --- what the card shows -------------------------------------------------------------

    def show_nothing(self) -> None:
        self.member_id = None
        self.title.setText(self.tr("Member"))
        self.stack.setCurrentIndex(0)

    def show_many(self, count: int) -> None:
        self.member_id = None
        self.title.setText(self.tr("%n members selected", "", count))
        self.many.setText(self.tr("Tags and exports apply to the whole selection."))
        self.stack.setCurrentIndex(1)

    def show_member(self, member_id: int) -> None:
        try:
            found = self.directory.get(member_id)
        except NotFoundError:
            self.show_nothing()
            return
        self._fill(found)

    def start_new(self) -> None:
        """An empty card; Save creates the member."""
        self._fill(None)
        self.editors["first_name"].setFocus()

    def _fill(self, found: Member | None) -> None:
        self.member_id = found.id if found else None
        values: dict[str, Any] = dict(found.values) if found else {}
        for key in CARD_VALUES:
            editor = self.editors[key]
            if isinstance(editor, QLineEdit):
                editor.setText(_display(key, values.get(key)))
                editor.setCursorPosition(0)  # show the start of long values
            elif isinstance(editor, QComboBox):
                default = fields.BY_NAME[key].values[0]
                editor.setCurrentIndex(max(0, editor.findData(values.get(key, default))))
            elif isinstance(editor, QCheckBox):
                editor.blockSignals(True)
                editor.setChecked(bool(values.get(key)))
                editor.blockSignals(False)
            elif isinstance(editor, QPlainTextEdit):
                editor.blockSignals(True)
                editor.setPlainText(values.get(key) or "")
                editor.blockSignals(False)
        tags = ", ".join(found.tags) if found else ""
        self.tags.setText(tags)
        self.tags.setCursorPosition(0)
        self._loaded_tags = tags
        self.communities.setText(
            ", ".join(
                f"{n} ({value_label('role', r)})" if r != "member" else n
                for n, r in found.communities
            )
            if found and found.communities
            else "—"
        )
        if found:
            added, updated = to_local(values.get("created_at")), to_local(values.get("updated_at"))
            self.history.setText(
                self.tr("Added %1, updated %2.")
                .replace("%1", _local_text(added, with_time=False))
                .replace("%2", _local_text(updated, with_time=True))
            )
            self.title.setText(found.display_name)
        else:
            self.history.setText("")
            self.title.setText(self.tr("New member"))
        self._loaded = self.values()
        self._clear_errors()
        self.message.setText("")
        self.delete_button.setEnabled(found is not None)
        self._update_buttons()
        self.stack.setCurrentIndex(2)

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for key in CARD_VALUES:
            editor = self.editors[key]
            if isinstance(editor, QLineEdit):
                out[key] = editor.text()
            elif isinstance(editor, QComboBox):
                out[key] = editor.currentData()
            elif isinstance(editor, QCheckBox):
                out[key] = editor.isChecked()
            elif isinstance(editor, QPlainTextEdit):
                out[key] = editor.toPlainText()
        return out

    @property
    def dirty(self) -> bool:
        return self.stack.currentIndex() == 2 and (
            self.values() != self._loaded or self.tags.text() != self._loaded_tags
        )

    def _update_buttons(self) -> None:
        dirty = self.dirty
        self.save_button.setEnabled(dirty or self.member_id is None)
        self.revert_button.setEnabled(dirty)

    @Slot()
    def _on_edited(self, *_: Any) -> None:
        self._update_buttons()

    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()

    @Slot()
    def revert(self) -> None:
        if self.member_id is not None:
            self.show_member(self.member_id)
        else:
            self.start_new()

    @Slot()
    def save(self) -> bool:
        if self.stack.currentIndex() != 2:
            return False
        self._clear_errors()
        changed = {k: v for k, v in self.values().items() if v != self._loaded.get(k)}
        tags = [t for t in self.tags.text().split(",") if t.strip()]
        tags_changed = self.tags.text() != self._loaded_tags
        runner = OperationRunner.for_store(self.directory.store)
        try:
            if self.member_id is None:
                op = Operation("member.create", {"values": self.values(), "tags": tags})
                member_id = int(runner.run_now(op))
            else:
                member_id = self.member_id
                args = {"member_id": member_id, "values": changed}
                runner.run_now(
                    Operation("member.update", {**args, "tags": tags if tags_changed else None})
                )
        except ValidationError as exc:
            for key, why in exc.problems.items():
                label = self.errors.get(key)
                if label is not None:
                    label.setText(message_text(why))
                    label.show()
            self.message.setText(self.tr("Please correct the fields in red."))
            self.message.setStyleSheet(ERROR_STYLE)
            return False
        except AmicaleError as exc:
            self.message.setText(str(exc))
            self.message.setStyleSheet(ERROR_STYLE)
            return False
        self.show_member(member_id)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Saved."))
        self.memberSaved.emit(member_id)
        return True


def _local_text(moment: datetime | None, with_time: bool) -> str:
    if moment is None:
        return "—"
    stamp = QDateTime(
        QDate(moment.year, moment.month, moment.day),
        QTime(moment.hour, moment.minute),
    )
    fmt = QLocale.FormatType.ShortFormat
    return QLocale().toString(stamp, fmt) if with_time else QLocale().toString(stamp.date(), fmt)


def _display(key: str, value: Any) -> str:
    if value is None:
        return ""
    if key == "birthday" and isinstance(value, str) and len(value) == 10:
        if value.startswith(NO_YEAR):
            return f"{value[8:10]}/{value[5:7]}"
        return f"{value[8:10]}/{value[5:7]}/{value[0:4]}"
    return str(value)
