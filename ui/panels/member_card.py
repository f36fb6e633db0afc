"""The member card beside the table: view and edit one member, or summarise a selection."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, Qt, QTime, Signal, Slot
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from app import association, clock, files
from app.clock import to_local
from app.errors import AmicaleError, NotFoundError, ValidationError
from app.members import fields, gdpr
from app.members.service import EditConflict, Member, MemberDirectory
from app.members.validation import NO_YEAR
from app.operations import Changes, Operation
from app.privacy import consent, documents, requests
from ui.dialogs.consent_dialog import ConsentDialog, purpose_title
from ui.dialogs.edit_conflict import EditConflictDialog
from ui.labels import field_title, message_text, qdate, value_label
from ui.operations import OperationRunner, failure_text
from ui.privacy_pdf import translate, write_html_pdf
from ui.widgets import ERROR_STYLE, forbid, plain_label

# The card's rows in their order (app.members.fields); tags and communities are not columns.
CARD_FIELDS = fields.card_fields()
CARD_VALUES = tuple(k for k in CARD_FIELDS if fields.BY_NAME[k].stored)


class MemberCard(QWidget):
    # A member was created (its id) or saved: the list should refresh.
    memberSaved = Signal(int)
    # The user asked to delete what the card shows (the current selection).
    deleteRequested = Signal()
    # A member was erased for good from the card (their id).
    memberErased = Signal(int)

    def __init__(self, directory: MemberDirectory, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.directory = directory
        self.member_id: int | None = None
        self._editing_forbidden = False  # forbid_editing: the role reads members only
        self._loaded: dict[str, Any] = {}
        self._loaded_tags = ""
        self._stored: dict[str, Any] = {}
        self._stored_tags: list[str] = []
        self._version: int | None = None

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
        self.many = plain_label(wrap=True)  # unwrapped, it widened the card: the list jumped
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
        form.addRow(self._build_privacy())

        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(form_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never narrower than its form: without it, the splitter cut the fields on the right.
        scroll.setMinimumWidth(
            form_box.minimumSizeHint().width() + scroll.verticalScrollBar().sizeHint().width()
        )

        self.save_button = QPushButton(self.tr("Save"))
        self.save_button.setShortcut(QKeySequence.StandardKey.Save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(self.tr("Revert"))
        self.revert_button.clicked.connect(self.revert)
        self.delete_button = QPushButton(self.tr("Delete…"))
        self.delete_button.clicked.connect(self.deleteRequested)
        self.erase_button = QPushButton(self.tr("Delete permanently…"))
        self.erase_button.setObjectName("eraseMember")
        self.erase_button.setToolTip(
            self.tr("Erase the person from the data file for good (GDPR): cannot be undone")
        )
        self.erase_button.clicked.connect(self.erase)
        self.message = plain_label()
        self.message.setWordWrap(True)
        # Two rows: side by side, the four buttons made the card wider than a laptop's list
        # could give up (1366×768).
        buttons = QVBoxLayout()
        saving = QHBoxLayout()
        saving.addStretch()
        saving.addWidget(self.revert_button)
        saving.addWidget(self.save_button)
        removing = QHBoxLayout()
        removing.addWidget(self.delete_button)
        removing.addWidget(self.erase_button)
        removing.addStretch()
        buttons.addLayout(saving)
        buttons.addLayout(removing)
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
        # What a save started from: the conflict check and the merge of tags compare with it.
        self._stored = dict(found.values) if found else {}
        self._stored_tags = list(found.tags) if found else []
        self._version = found.version if found else None
        if found:
            added, updated = to_local(values.get("created_at")), to_local(values.get("updated_at"))
            author = values.get("updated_by")
            history = (
                self.tr("Added %1, updated %2 by %3.").replace("%3", str(author))
                if author
                else self.tr("Added %1, updated %2.")
            )
            self.history.setText(
                history.replace("%1", _local_text(added, with_time=False)).replace(
                    "%2", self._when(updated)
                )
            )
            self.title.setText(found.display_name)
        else:
            self.history.setText("")
            self.title.setText(self.tr("New member"))
        self._loaded = self.values()
        self._clear_errors()
        self.message.setText("")
        self.delete_button.setEnabled(found is not None)
        self.erase_button.setEnabled(found is not None)
        self.privacy_box.setVisible(found is not None)
        if found is not None:
            self._show_privacy(found.id)
        self._update_buttons()
        self.stack.setCurrentIndex(2)

    # --- privacy: consent, access copy, requests, erasure ------------------------------------

    def _build_privacy(self) -> QGroupBox:
        self.privacy_box = QGroupBox(self.tr("Privacy"))
        self.privacy_box.setObjectName("privacyBox")
        self.consent_summary = plain_label(wrap=True)
        self.consent_summary.setObjectName("consentSummary")
        self.requests_label = plain_label(wrap=True)
        self.requests_label.setObjectName("memberRequests")
        self.consent_button = QPushButton(self.tr("Consent…"))
        self.consent_button.setObjectName("editConsent")
        self.consent_button.clicked.connect(self.edit_consent)
        self.access_button = QToolButton()
        self.access_button.setObjectName("accessCopy")
        self.access_button.setText(self.tr("Copy of their data"))
        self.access_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.access_button)
        self.access_actions: dict[str, QAction] = {}
        for kind, text in (
            ("pdf", self.tr("Letter as PDF…")),
            ("html", self.tr("Letter as HTML…")),
            ("json", self.tr("File as JSON…")),
        ):
            action = menu.addAction(text)
            action.triggered.connect(lambda _=False, k=kind: self.save_access_copy(k))
            self.access_actions[kind] = action
        self.access_button.setMenu(menu)
        self.request_button = QToolButton()
        self.request_button.setObjectName("logRequest")
        self.request_button.setText(self.tr("Request received"))
        self.request_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        requests_menu = QMenu(self.request_button)
        self.request_actions: dict[str, QAction] = {}
        for kind, text in (
            ("access", self.tr("Access request, received today")),
            ("erasure", self.tr("Erasure request, received today")),
        ):
            action = requests_menu.addAction(text)
            action.triggered.connect(lambda _=False, k=kind: self.log_request(k))
            self.request_actions[kind] = action
        self.request_button.setMenu(requests_menu)
        # Two rows: the three side by side widened the card past what a 1366×768 list gives.
        row = QHBoxLayout()
        row.addWidget(self.consent_button)
        row.addWidget(self.access_button)
        row.addStretch()
        second = QHBoxLayout()
        second.addWidget(self.request_button)
        second.addStretch()
        column = QVBoxLayout(self.privacy_box)
        column.addWidget(self.consent_summary)
        column.addWidget(self.requests_label)
        column.addLayout(row)
        column.addLayout(second)
        return self.privacy_box

    def _show_privacy(self, member_id: int) -> None:
        store = self.directory.store
        found = consent.answers(store, member_id)
        lines = []
        for p in consent.PURPOSES:
            a = found.get(p.key)
            if a is None:
                said = self.tr("never asked")
            else:
                day = _local_text(to_local(a.at), with_time=False)
                said = (self.tr("given on %1") if a.granted else self.tr("refused on %1")).replace(
                    "%1", day
                )
            lines.append(f"{purpose_title(p.key)}: {said}")
        self.consent_summary.setText("\n".join(lines))
        today = clock.today()
        open_ones = requests.list_requests(store, open_only=True, member_id=member_id)
        self.requests_label.setText(
            "\n".join(
                (
                    self.tr("Access request of %1: answer by %2")
                    if r.kind == "access"
                    else self.tr("Erasure request of %1: answer by %2")
                )
                .replace(
                    "%1", QLocale().toString(qdate(r.received_on), QLocale.FormatType.ShortFormat)
                )
                .replace("%2", QLocale().toString(qdate(r.due_on), QLocale.FormatType.ShortFormat))
                + (self.tr(" (late)") if r.due_on < today else "")
                for r in open_ones
            )
        )
        self.requests_label.setVisible(bool(open_ones))

    @Slot()
    def edit_consent(self) -> None:
        if self.member_id is None:
            return
        member_id = self.member_id
        dialog = ConsentDialog(
            self.title.text(), consent.answers(self.directory.store, member_id), self
        )
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        args = dialog.changes()
        if not args["given"]:
            return
        runner = OperationRunner.for_store(self.directory.store)
        try:
            runner.run_now(Operation("member.consent", {"member_id": member_id, **args}))
        except AmicaleError as exc:
            self.message.setText(message_text(exc.args[0]) if exc.args else str(exc))
            self.message.setStyleSheet(ERROR_STYLE)
            return
        self.show_member(member_id)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Consent recorded."))

    def access_path(self, kind: str) -> Path | None:
        """Where to write the copy (asked); a method so that the tests can answer."""
        patterns = {
            "pdf": self.tr("PDF document (*.pdf)"),
            "html": self.tr("Web page (*.html)"),
            "json": self.tr("JSON file (*.json)"),
        }
        stem = self.tr("personal-data")  # the suggested file name
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Copy of the data of %1").replace("%1", self.title.text()),
            f"{stem}-{self.member_id}.{kind}",
            patterns[kind],
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(path.name + f".{kind}")

    @Slot()
    def save_access_copy(self, kind: str) -> None:
        """The member's file as a letter (PDF, HTML) or as JSON; an open access request is
        then answered."""
        if self.member_id is None:
            return
        member_id = self.member_id
        path = self.access_path(kind)
        if path is None:
            return
        store = self.directory.store
        try:
            data = gdpr.export_member_data(store, member_id)
            if kind == "json":
                with files.atomic_output(path, store=store.path) as tmp:
                    tmp.write_text(documents.dumps(data), encoding="utf-8")
            else:
                found = association.load(store)
                page = documents.access_letter_html(
                    data, found.name if found else "", translate, field_title
                )
                if kind == "pdf":
                    write_html_pdf(page, path, store.path)
                else:
                    with files.atomic_output(path, store=store.path) as tmp:
                        tmp.write_text(page, encoding="utf-8")
            answered = requests.answer_open(store, member_id, "access")
        except AmicaleError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message_text(exc.args[0]) if exc.args else str(exc))
            return
        self.message.setStyleSheet("")
        text = self.tr("Copy written to %1.").replace("%1", str(path))
        if answered:
            text += " " + self.tr("The access request is marked answered today.")
        self.message.setText(text)
        self._show_privacy(member_id)
        OperationRunner.for_store(store).announce(Changes(privacy=True))

    @Slot()
    def log_request(self, kind: str) -> None:
        if self.member_id is None:
            return
        member_id = self.member_id
        runner = OperationRunner.for_store(self.directory.store)
        try:
            runner.run_now(
                Operation("privacy.request", {"member_id": member_id, "kind": kind}),
                undoable=False,
            )
        except AmicaleError as exc:
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(message_text(exc.args[0]) if exc.args else str(exc))
            return
        self._show_privacy(member_id)
        self.message.setStyleSheet("")
        self.message.setText(
            self.tr("Request logged: answer by %1.").replace(
                "%1",
                QLocale().toString(
                    qdate(requests.deadline(clock.today())), QLocale.FormatType.ShortFormat
                ),
            )
        )

    def confirm_erase(self, name: str) -> bool:
        """Asked before an erasure, naming the person (the tests answer it)."""
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete permanently"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Delete %1 permanently?").replace("%1", name))
        box.setInformativeText(
            self.tr(
                "Their name, email, phone and everything else about them are erased from the "
                "data file for good, also from the history and the moderation queue. This "
                "cannot be undone. Backups made before keep them: replace them afterwards "
                "(Privacy panel)."
            )
        )
        erase = box.addButton(self.tr("Delete permanently"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is erase

    @Slot()
    def erase(self) -> None:
        """ "Delete permanently…": the same erasure as `amicale member erase`, off the GUI
        thread (the text index is merged after it)."""
        if self.member_id is None or not self.confirm_erase(self.title.text()):
            return
        member_id = self.member_id
        self.erase_button.setEnabled(False)
        self.message.setStyleSheet("")
        self.message.setText(self.tr("Erasing…"))

        def done(_value: Any) -> None:
            self.show_nothing()
            self.message.setText("")
            self.memberErased.emit(member_id)

        def failed(error: BaseException) -> None:
            self.erase_button.setEnabled(True)
            self.message.setStyleSheet(ERROR_STYLE)
            self.message.setText(failure_text(error))

        runner = OperationRunner.for_store(self.directory.store)
        runner.run(Operation("members.erase", {"ids": [member_id]}), done, failed, undoable=False)

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

    def confirm_leave(self) -> bool:
        """Before the card shows something else (another member, a search, another panel,
        the window closing): with unsaved changes, ask Save / Discard / Cancel. True when the
        card may be left (saved or discarded), False to stay (cancelled, or Save failed)."""
        if not self.dirty:
            return True
        name = self.title.text() if self.member_id is not None else self.tr("the new member")
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved changes"),
            self.tr("The card of %1 has unsaved changes. Save them?").replace("%1", name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.revert()
            return True
        return False

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
    def forbid_editing(self, why: str) -> None:
        """The person's role may read members, not change them: the fields read-only, the
        buttons that change them greyed out with ``why``."""
        self._editing_forbidden = True
        for button in (
            self.save_button,
            self.revert_button,
            self.delete_button,
            self.erase_button,
            self.many_delete,
            self.consent_button,
            self.request_button,
        ):
            forbid(button, why)
        for editor in (*self.editors.values(), self.tags):
            if isinstance(editor, QLineEdit | QPlainTextEdit):
                editor.setReadOnly(True)
            else:
                forbid(editor, why)

    def forbid_export(self, why: str) -> None:
        """The person's role may not export: no copy of a member's data either."""
        forbid(self.access_button, why)

    def save(self) -> bool:
        if self.stack.currentIndex() != 2 or self._editing_forbidden:
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
                if not self._save_changes(runner, member_id, changed, tags, tags_changed):
                    self.message.setStyleSheet(ERROR_STYLE)
                    self.message.setText(self.tr("Not saved: your changes are still on the card."))
                    return False
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

    def _save_changes(
        self,
        runner: OperationRunner,
        member_id: int,
        changed: dict[str, Any],
        tags: list[str],
        tags_changed: bool,
    ) -> bool:
        """Save the card's changes from the version it showed. When someone else saved the
        member meanwhile and changed the same fields, the CM chooses field by field (again
        if yet another save comes in while they choose); False when they cancel."""
        values = dict(changed)
        original: dict[str, Any] = {k: self._stored.get(k) for k in values}
        if tags_changed:
            original["tags"] = self._stored_tags
        version = self._version
        while True:
            args = {
                "member_id": member_id,
                "values": values,
                "tags": tags if tags_changed else None,
                "expected_version": version,
                "original": original,
            }
            try:
                runner.run_now(Operation("member.update", args))
                return True
            except EditConflict as conflict:
                dialog = EditConflictDialog(conflict, self.title.text(), self)
                if dialog.exec() != QDialog.DialogCode.Accepted:
                    return False
                for item in conflict.conflicts:
                    original[item.name] = item.theirs  # what is saved now is the new start
                    if not dialog.kept_mine()[item.name]:
                        values.pop(item.name, None)
                version = conflict.version

    def _when(self, moment: datetime | None) -> str:
        """A moment as a person says it: "today at 14:02", "yesterday at 09:15", or on its
        date; the card's "updated" line."""
        if moment is None:
            return "—"
        days = (clock.today() - moment.date()).days
        at = QLocale().toString(QTime(moment.hour, moment.minute), QLocale.FormatType.ShortFormat)
        if days == 0:
            return self.tr("today at %1").replace("%1", at)
        if days == 1:
            return self.tr("yesterday at %1").replace("%1", at)
        return self.tr("on %1").replace("%1", _local_text(moment, with_time=True))


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
