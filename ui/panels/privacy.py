"""The Privacy panel: requests and their deadline, the retention worklist, backups holding
erased members, and the register of processing."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, Signal, Slot
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from app import clock, files
from app.errors import AmicaleError
from app.operations import Changes, Operation
from app.privacy import backups, documents, requests, retention
from app.store import Store
from ui.labels import field_title, message_text, qdate, qdatetime, value_label
from ui.models.privacy_rows import PrivacyRowsModel
from ui.operations import OperationRunner, failure_text
from ui.privacy_pdf import translate, write_html_pdf
from ui.widgets import ERROR_STYLE, plain_label, plain_text
from ui.workers import Job, LatestOnly

WORKLIST_LIMIT = 5000


@dataclass(frozen=True)
class Snapshot:
    """What the panel shows, read in a worker."""

    today: date
    requests: list[requests.Request]
    rules: dict[str, int]
    due: list[retention.Due]
    stale: list[backups.StaleBackup]
    register: str
    register_edited: bool


def load(store: Store, answered: bool) -> Snapshot:
    today = clock.today()
    saved = documents.saved_register(store)
    return Snapshot(
        today,
        requests.list_requests(store, open_only=not answered),
        retention.rules(store),
        retention.worklist(store, today, WORKLIST_LIMIT),
        backups.stale_backups(store),
        saved or documents.generated_register(store, translate, _day(today), field_title),
        saved is not None,
    )


def _day(day: date) -> str:
    return QLocale().toString(qdate(day), QLocale.FormatType.ShortFormat)


def _table(model: PrivacyRowsModel, name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.verticalHeader().hide()
    table.setWordWrap(False)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _selected_keys(table: QTableView, model: PrivacyRowsModel) -> list[Any]:
    rows = sorted({i.row() for i in table.selectionModel().selectedRows()})
    return [model.key(r) for r in rows]


class PrivacyPanel(QWidget):
    # How many open requests are late (the sidebar may say so).
    lateCountChanged = Signal(int)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.snapshot: Snapshot | None = None
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)
        self.loader = LatestOnly(self)
        self.loader.finished.connect(self._on_loaded)
        self.tabs = QTabWidget()
        self.tabs.addTab(self._build_requests(), self.tr("Requests"))
        self.tabs.addTab(self._build_retention(), self.tr("Retention"))
        self.tabs.addTab(self._build_backups(), self.tr("Backups"))
        self.tabs.addTab(self._build_register(), self.tr("Register of processing"))
        self.message = plain_label(wrap=True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)

    # --- building -----------------------------------------------------------------------

    def _build_requests(self) -> QWidget:
        self.requests_model = PrivacyRowsModel(
            [
                self.tr("Member"),
                self.tr("Request"),
                self.tr("Received"),
                self.tr("Answer by"),
                self.tr("State"),
            ],
            self,
        )
        self.requests_table = _table(self.requests_model, "privacyRequests")
        self.requests_summary = plain_label(wrap=True)
        self.show_answered = QCheckBox(self.tr("Show the answered ones"))
        self.show_answered.toggled.connect(self.reload)
        self.answer_button = QPushButton(self.tr("Mark answered today"))
        self.answer_button.setObjectName("answerRequest")
        self.answer_button.clicked.connect(self.answer_selected)
        intro = plain_label(
            self.tr(
                "Access and erasure requests must be answered within one month. Log them from "
                "the member's card (Request received); a copy of the data made from the card "
                "answers an access request."
            ),
            wrap=True,
        )
        row = QHBoxLayout()
        row.addWidget(self.requests_summary, 1)
        row.addWidget(self.show_answered)
        row.addWidget(self.answer_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addWidget(self.requests_table, 1)
        column.addLayout(row)
        return page

    def _build_retention(self) -> QWidget:
        intro = plain_label(
            self.tr(
                "How long a member may stay without news before Amicale proposes to erase "
                "them. Nothing is erased without your decision: select people below and "
                "delete them permanently, or bring their file up to date to keep them."
            ),
            wrap=True,
        )
        form = QFormLayout()
        self.rule_boxes: dict[str, QSpinBox] = {}
        for status in retention.STATUSES:
            box = QSpinBox()
            box.setObjectName(f"retention_{status}")
            box.setRange(0, retention.MAX_YEARS)
            box.setSpecialValueText(self.tr("no rule"))
            box.setSuffix(self.tr(" years without news"))
            box.setMaximumWidth(box.fontMetrics().horizontalAdvance(box.suffix()) * 2)
            form.addRow(value_label("status", status), box)
            self.rule_boxes[status] = box
        self.save_rules_button = QPushButton(self.tr("Save the rules"))
        self.save_rules_button.setObjectName("saveRetention")
        self.save_rules_button.clicked.connect(self.save_rules)
        save_row = QHBoxLayout()
        save_row.addWidget(self.save_rules_button)
        save_row.addStretch()
        form.addRow("", save_row)
        self.worklist_model = PrivacyRowsModel(
            [self.tr("Member"), self.tr("Status"), self.tr("Last news")], self
        )
        self.worklist_table = _table(self.worklist_model, "retentionWorklist")
        self.worklist_summary = plain_label(wrap=True)
        self.erase_button = QPushButton(self.tr("Delete the selected permanently…"))
        self.erase_button.setObjectName("eraseWorklist")
        self.erase_button.clicked.connect(self.erase_selected)
        self.keep_button = QPushButton(self.tr("Keep (in touch today)"))
        self.keep_button.setObjectName("keepWorklist")
        self.keep_button.setToolTip(
            self.tr("Record a contact today: the rule starts counting again from now")
        )
        self.keep_button.clicked.connect(self.keep_selected)
        row = QHBoxLayout()
        row.addWidget(self.worklist_summary, 1)
        row.addWidget(self.keep_button)
        row.addWidget(self.erase_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addLayout(form)
        column.addWidget(self.worklist_table, 1)
        column.addLayout(row)
        return page

    def _build_backups(self) -> QWidget:
        intro = plain_label(
            self.tr(
                "An erasure cannot reach into the copies made before it. These backups still "
                "hold people erased since: replace each with a clean copy of the data file as "
                "it is now (or delete it yourself)."
            ),
            wrap=True,
        )
        self.backups_model = PrivacyRowsModel(
            [self.tr("Backup"), self.tr("Made"), self.tr("Erasures since")], self
        )
        self.backups_table = _table(self.backups_model, "staleBackups")
        self.replace_button = QPushButton(self.tr("Replace with a clean copy"))
        self.replace_button.setObjectName("replaceBackup")
        self.replace_button.clicked.connect(self.replace_selected)
        row = QHBoxLayout()
        row.addStretch()
        row.addWidget(self.replace_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(intro)
        column.addWidget(self.backups_table, 1)
        column.addLayout(row)
        return page

    def _build_register(self) -> QWidget:
        self.register_state = plain_label(wrap=True)
        self.register_text = QPlainTextEdit()
        self.register_text.setObjectName("registerText")
        self.register_text.textChanged.connect(self._on_register_edited)
        self.save_register_button = QPushButton(self.tr("Save"))
        self.save_register_button.setObjectName("saveRegister")
        self.save_register_button.clicked.connect(self.save_register)
        self.regenerate_button = QPushButton(self.tr("Generate again"))
        self.regenerate_button.setObjectName("regenerateRegister")
        self.regenerate_button.clicked.connect(self.regenerate)
        self.export_html_button = QPushButton(self.tr("Export as HTML…"))
        self.export_html_button.clicked.connect(lambda: self.export_register("html"))
        self.export_pdf_button = QPushButton(self.tr("Export as PDF…"))
        self.export_pdf_button.clicked.connect(lambda: self.export_register("pdf"))
        row = QHBoxLayout()
        row.addWidget(self.regenerate_button)
        row.addStretch()
        row.addWidget(self.export_html_button)
        row.addWidget(self.export_pdf_button)
        row.addWidget(self.save_register_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.addWidget(self.register_state)
        column.addWidget(self.register_text, 1)
        column.addLayout(row)
        return page

    # --- loading ------------------------------------------------------------------------

    @Slot()
    def reload(self, *_: Any) -> None:
        self.loader.start(load, self.store, self.show_answered.isChecked())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload()

    @Slot(object, object)
    def _on_changes(self, changes: Changes, _origin: object = None) -> None:
        # Shown, it follows every change to the members; hidden, only the privacy ones (the
        # late requests' count): the worklist reads every member.
        if changes.privacy or (changes.members and self.isVisible()):
            self.reload()

    @Slot(object)
    def _on_loaded(self, snapshot: Snapshot) -> None:
        self.snapshot = snapshot
        today = snapshot.today
        rows, late = [], []
        for i, r in enumerate(snapshot.requests):
            kind = self.tr("Access") if r.kind == "access" else self.tr("Erasure")
            who = r.name or self.tr("member #%1 (erased)").replace("%1", str(r.member_id))
            if r.answered_on is not None:
                state = self.tr("answered on %1").replace("%1", _day(r.answered_on))
            elif r.due_on < today:
                state = self.tr("late by %n day(s)", "", (today - r.due_on).days)
                late.append(i)
            else:
                state = self.tr("%n day(s) left", "", r.days_left(today))
            rows.append((r.id, [who, kind, _day(r.received_on), _day(r.due_on), state]))
        self.requests_model.set_rows(rows, late)
        open_count = sum(1 for r in snapshot.requests if r.answered_on is None)
        self.requests_summary.setText(
            self.tr("%n open request(s)", "", open_count)
            + (" — " + self.tr("%n late", "", len(late)) if late else "")
        )
        self.lateCountChanged.emit(len(late))
        for status, box in self.rule_boxes.items():
            box.setValue(snapshot.rules.get(status, 0))
        self.worklist_model.set_rows(
            [
                (
                    d.member_id,
                    [
                        f"{d.first_name} {d.last_name}".strip(),
                        value_label("status", d.status),
                        _day(date.fromisoformat(d.last_news)),
                    ],
                )
                for d in snapshot.due
            ]
        )
        self.worklist_summary.setText(
            self.tr("%n member(s) proposed for erasure", "", len(snapshot.due))
        )
        self.backups_model.set_rows(
            [
                (
                    b.path,
                    [
                        str(b.path),
                        QLocale().toString(
                            qdatetime(b.made_at.astimezone()), QLocale.FormatType.ShortFormat
                        ),
                        str(b.erased_since),
                    ],
                )
                for b in snapshot.stale
            ]
        )
        if not self._register_dirty:
            self._show_register(snapshot.register, snapshot.register_edited)

    # --- requests -----------------------------------------------------------------------

    @Slot()
    def answer_selected(self) -> None:
        for request_id in _selected_keys(self.requests_table, self.requests_model):
            self.runner.run(
                Operation("privacy.answer", {"request_id": int(request_id)}),
                on_failed=self._failed,
                undoable=False,
            )

    # --- retention ----------------------------------------------------------------------

    @Slot()
    def save_rules(self) -> None:
        assert self.snapshot is not None
        for status, box in self.rule_boxes.items():
            years = box.value() or None
            if years != self.snapshot.rules.get(status):
                self.runner.run(
                    Operation("privacy.retention", {"status": status, "years": years}),
                    on_failed=self._failed,
                )
        self._say(self.tr("Retention rules saved."))

    def confirm_erase(self, names: list[str]) -> bool:
        """Asked before erasing from the worklist, naming the people (the tests answer it)."""
        shown = ", ".join(names[:10]) + ("…" if len(names) > 10 else "")
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Delete permanently"))
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setText(self.tr("Delete %n member(s) permanently?", "", len(names)))
        box.setInformativeText(
            shown
            + "\n\n"
            + self.tr(
                "Everything about them is erased from the data file for good. This cannot "
                "be undone."
            )
        )
        erase = box.addButton(self.tr("Delete permanently"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is erase

    @Slot()
    def erase_selected(self) -> None:
        rows = sorted({i.row() for i in self.worklist_table.selectionModel().selectedRows()})
        if not rows:
            return
        ids = [int(self.worklist_model.key(r)) for r in rows]
        names = [str(self.worklist_model.data(self.worklist_model.index(r, 0))) for r in rows]
        if not self.confirm_erase(names):
            return
        self.erase_button.setEnabled(False)
        self._say(self.tr("Erasing…"))

        def done(erased: list[int]) -> None:
            self.erase_button.setEnabled(True)
            self._say(self.tr("%n member(s) erased.", "", len(erased)))

        def failed(error: BaseException) -> None:
            self.erase_button.setEnabled(True)
            self._failed(error)

        self.runner.run(Operation("members.erase", {"ids": ids}), done, failed, undoable=False)

    @Slot()
    def keep_selected(self) -> None:
        """The CM decided to keep them: a contact recorded today (each an undoable edit)."""
        today = clock.today().isoformat()
        for member_id in _selected_keys(self.worklist_table, self.worklist_model):
            self.runner.run(
                Operation(
                    "member.update",
                    {"member_id": int(member_id), "values": {"last_contacted_at": today}},
                ),
                on_failed=self._failed,
            )

    # --- backups ------------------------------------------------------------------------

    @Slot()
    def replace_selected(self) -> None:
        paths = _selected_keys(self.backups_table, self.backups_model)
        if not paths:
            return
        self.replace_button.setEnabled(False)
        self._say(self.tr("Replacing the backups…"))

        def replace_all(store: Store, chosen: list[Path]) -> int:
            for path in chosen:
                backups.replace(store, path)
            return len(chosen)

        job = Job(replace_all, self.store, [Path(p) for p in paths])

        def done(count: int) -> None:
            self.replace_button.setEnabled(True)
            self._say(self.tr("%n backup(s) replaced with a clean copy.", "", count))
            self.reload()

        def failed(error: BaseException) -> None:
            self.replace_button.setEnabled(True)
            self._failed(error)

        job.signals.finished.connect(done)
        job.signals.failed.connect(failed)
        self._replace_job = job.start()

    # --- the register -------------------------------------------------------------------

    _register_dirty = False

    def _show_register(self, text: str, edited: bool) -> None:
        self.register_text.blockSignals(True)
        self.register_text.setPlainText(text)
        self.register_text.blockSignals(False)
        self._register_dirty = False
        self.save_register_button.setEnabled(False)
        self.register_state.setText(
            self.tr("Your edited version, kept in the data file.")
            if edited
            else self.tr(
                "Generated from what Amicale keeps (fields, purposes, retention rules). Edit "
                "it to describe how the association really works, then save."
            )
        )

    @Slot()
    def _on_register_edited(self) -> None:
        self._register_dirty = True
        self.save_register_button.setEnabled(True)

    @Slot()
    def save_register(self) -> None:
        text = plain_text(self.register_text)
        self._register_dirty = False
        self.save_register_button.setEnabled(False)
        self.runner.run(
            Operation("privacy.register", {"text": text}),
            lambda _v: self._say(self.tr("Register saved.")),
            self._failed,
        )

    @Slot()
    def regenerate(self) -> None:
        """The generated text in the editor (the store keeps the edited one until Save)."""
        text = documents.generated_register(self.store, translate, _day(clock.today()), field_title)
        self.register_text.setPlainText(text)
        self._register_dirty = True
        self.save_register_button.setEnabled(True)

    def register_path(self, kind: str) -> Path | None:
        """Where to export the register (asked; the tests answer it)."""
        pattern = self.tr("PDF document (*.pdf)") if kind == "pdf" else self.tr("Web page (*.html)")
        stem = self.tr("register")  # the suggested file name
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export the register"), f"{stem}.{kind}", pattern
        )
        if not name:
            return None
        path = Path(name)
        return path if path.suffix.lower() == f".{kind}" else path.with_name(path.name + f".{kind}")

    def export_register(self, kind: str) -> None:
        path = self.register_path(kind)
        if path is None:
            return
        page = documents.register_html(plain_text(self.register_text))
        try:
            if kind == "pdf":
                write_html_pdf(page, path, self.store.path)
            else:
                with files.atomic_output(path, store=self.store.path) as tmp:
                    tmp.write_text(page, encoding="utf-8")
        except AmicaleError as exc:
            self._failed(exc)
            return
        self._say(self.tr("Register written to %1.").replace("%1", str(path)))

    # --- messages -----------------------------------------------------------------------

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _failed(self, error: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        text = (
            message_text(error.args[0])
            if isinstance(error, AmicaleError) and error.args
            else failure_text(error)
        )
        self.message.setText(text)
