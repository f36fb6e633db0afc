"""Export…: the current search or the selection, to CSV, Excel, vCard or Mailchimp.

The file is written by `app.io.export.export_members` in a worker (`ui.workers.Job`), so the
window stays responsive; Cancel stops it and leaves no file behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QLocale, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from app import clock
from app.errors import AmicaleError, Cancelled
from app.io.export import DEFAULT_COLUMNS, EXPORT_COLUMNS, ExportReport, export_members
from app.members.search import QuerySyntaxError
from app.members.service import MemberDirectory, Sort
from app.messages import Message
from app.privacy import consent
from app.store import Store
from ui.dialogs.consent_dialog import purpose_title
from ui.labels import field_title, message_text
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import Job

# Formats whose columns are fixed (the column list does not apply).
FIXED_LAYOUT = ("vcf", "mailchimp")
EXTENSION = {"csv": "csv", "csv-fr": "csv", "xlsx": "xlsx", "vcf": "vcf", "mailchimp": "csv"}


def _plain(text: str = "", name: str = "") -> QLabel:
    label = plain_label(text, wrap=True)
    if name:
        label.setObjectName(name)
    return label


class ExportDialog(QDialog):
    # An export finished: its ExportReport (path, rows, format, seconds).
    exported = Signal(object)

    def __init__(
        self,
        store: Store,
        directory: MemberDirectory,
        query: str,
        selected_ids: list[int],
        parent: QWidget | None = None,
        *,
        sort: Sort | None = None,
        search_count: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("exportDialog")
        self.store = store
        self.directory = directory
        self.query = query.strip()
        self.selected_ids = list(selected_ids)
        self.sort = sort
        self.job: Job | None = None
        self.count_job: Job | None = None
        self.report: ExportReport | None = None
        self._close_requested = False
        self._search_usable = True  # False when the search cannot be counted (bad query)
        self.setWindowTitle(self.tr("Export members"))
        self.setMinimumWidth(520)

        # What: the current search or the selection.
        what = QGroupBox(self.tr("Members to export"))
        what_layout = QVBoxLayout(what)
        self.search_choice = QRadioButton()
        self.search_choice.setObjectName("searchChoice")
        self.selection_choice = QRadioButton()
        self.selection_choice.setObjectName("selectionChoice")
        self.choices = QButtonGroup(self)
        self.choices.addButton(self.search_choice)
        self.choices.addButton(self.selection_choice)
        self.search_choice.setChecked(True)
        self.choices.buttonToggled.connect(self._update_buttons)
        what_layout.addWidget(self.search_choice)
        if self.query:
            self.query_label = _plain(self.query, "queryLabel")
            self.query_label.setIndent(24)
            what_layout.addWidget(self.query_label)
        what_layout.addWidget(self.selection_choice)
        self._show_search_count(search_count)
        count = len(self.selected_ids)
        self.selection_choice.setText(self.tr("The selected members (%Ln)", "", count))
        self.selection_choice.setEnabled(count > 0)

        # How: the format and the columns.
        how = QGroupBox(self.tr("File"))
        form = QFormLayout(how)
        self.format_combo = QComboBox()
        self.format_combo.setObjectName("formatCombo")
        for code, title in (
            ("csv", self.tr("CSV (comma-separated, UTF-8)")),
            ("csv-fr", self.tr("CSV for Excel in French (semicolon-separated)")),
            ("xlsx", self.tr("Excel workbook (.xlsx)")),
            ("vcf", self.tr("vCard contacts (.vcf)")),
            ("mailchimp", self.tr("Mailchimp audience (CSV)")),
        ):
            self.format_combo.addItem(title, code)
        french_excel = QLocale().decimalPoint() == ","
        self.format_combo.setCurrentIndex(1 if french_excel else 0)
        self.format_combo.currentIndexChanged.connect(self._on_format_changed)
        form.addRow(self.tr("Format"), self.format_combo)
        # A use with its own rules (app.privacy.consent): who objected, or was never asked
        # where consent is needed, is left out and counted.
        self.purpose_combo = QComboBox()
        self.purpose_combo.setObjectName("purposeCombo")
        self.purpose_combo.addItem(self.tr("Any (no purpose)"), None)
        for purpose in consent.PURPOSES:
            self.purpose_combo.addItem(purpose_title(purpose.key), purpose.key)
        self.purpose_combo.setToolTip(
            self.tr("Leaves out the members this use does not allow, and says how many")
        )
        form.addRow(self.tr("For"), self.purpose_combo)

        self.columns_list = QListWidget()
        self.columns_list.setObjectName("columnsList")
        self.columns_list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.columns_list.setToolTip(self.tr("Tick the columns to export; drag to reorder."))
        ordered = [*DEFAULT_COLUMNS, *(c for c in EXPORT_COLUMNS if c not in DEFAULT_COLUMNS)]
        for key in ordered:
            item = QListWidgetItem(field_title(key), self.columns_list)
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = key in DEFAULT_COLUMNS
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        self.columns_list.itemChanged.connect(self._update_buttons)
        form.addRow(self.tr("Columns"), self.columns_list)
        self.columns_note = _plain(name="columnsNote")
        form.addRow(self.columns_note)

        # Progress, outcome and buttons.
        self.progress_bar = QProgressBar()
        self.progress_bar.setObjectName("progressBar")
        self.progress_bar.hide()
        self.result_label = _plain(name="resultLabel")
        self.error_label = _plain(name="errorLabel")
        self.error_label.setStyleSheet(ERROR_STYLE)
        self.open_folder_button = QPushButton(self.tr("Open folder"))
        self.open_folder_button.setObjectName("openFolderButton")
        self.open_folder_button.hide()
        self.open_folder_button.clicked.connect(self._on_open_folder)
        self.export_button = QPushButton(self.tr("Export…"))
        self.export_button.setObjectName("exportButton")
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self._on_export)
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelButton")
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._on_cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.setObjectName("closeButton")
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.open_folder_button)
        buttons.addStretch(1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.close_button)

        layout = QVBoxLayout(self)
        layout.addWidget(what)
        layout.addWidget(how, 1)
        layout.addWidget(self.progress_bar)
        layout.addWidget(self.result_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._on_format_changed()

        if search_count is None:
            self.count_job = Job(self.directory.count, self.query)
            self.count_job.signals.finished.connect(self._on_counted)
            self.count_job.signals.failed.connect(self._on_count_failed)
            self.count_job.start()

    # --- state ---------------------------------------------------------------------------

    @property
    def format(self) -> str:
        return str(self.format_combo.currentData())

    def set_format(self, code: str) -> None:
        self.format_combo.setCurrentIndex(self.format_combo.findData(code))

    def columns(self) -> list[str]:
        """The ticked columns, in the list's order."""
        items = (self.columns_list.item(i) for i in range(self.columns_list.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item is not None and item.checkState() == Qt.CheckState.Checked
        ]

    def set_columns(self, keys: list[str]) -> None:
        for i in range(self.columns_list.count()):
            item = self.columns_list.item(i)
            if item is not None:
                key = item.data(Qt.ItemDataRole.UserRole)
                checked = Qt.CheckState.Checked if key in keys else Qt.CheckState.Unchecked
                item.setCheckState(checked)

    def default_path(self) -> Path:
        stem = "amicale-mailchimp" if self.format == "mailchimp" else "amicale-export"
        return Path.home() / f"{stem}-{clock.today().isoformat()}.{EXTENSION[self.format]}"

    def _file_filter(self) -> str:
        extension = EXTENSION[self.format]
        if extension == "xlsx":
            return self.tr("Excel workbooks (*.xlsx)")
        if extension == "vcf":
            return self.tr("vCard files (*.vcf)")
        return self.tr("CSV files (*.csv)")

    def _show_search_count(self, count: int | None) -> None:
        if self.query:
            if count is None:
                text = self.tr("The current search (counting…)")
            else:
                text = self.tr("The current search (%Ln)", "", count)
        elif count is None:
            text = self.tr("All members (counting…)")
        else:
            text = self.tr("All members (%Ln)", "", count)
        self.search_choice.setText(text)

    def _update_buttons(self, *_: Any) -> None:
        running = self.job is not None
        fixed = self.format in FIXED_LAYOUT
        chosen = self.search_choice if self.search_choice.isChecked() else self.selection_choice
        usable = self._search_usable if chosen is self.search_choice else bool(self.selected_ids)
        self.export_button.setEnabled(not running and usable and (fixed or bool(self.columns())))
        self.columns_list.setEnabled(not running and not fixed)
        self.format_combo.setEnabled(not running)
        self.search_choice.setEnabled(not running and self._search_usable)
        self.selection_choice.setEnabled(not running and bool(self.selected_ids))

    def _on_format_changed(self, *_: Any) -> None:
        if self.format == "vcf":
            note = self.tr(
                "A vCard holds the name, email, phone, company, address, birthday, "
                "LinkedIn profile, school, class year and tags."
            )
        elif self.format == "mailchimp":
            note = self.tr(
                "Columns Email Address, First Name, Last Name and TAGS; only members with an "
                "email address who gave their newsletter consent."
            )
        else:
            note = ""
        self.columns_note.setText(note)
        self.columns_note.setVisible(bool(note))
        self._update_buttons()

    # --- counting the search ---------------------------------------------------------------

    @Slot(object)
    def _on_counted(self, count: int) -> None:
        self.count_job = None
        self._show_search_count(int(count))

    @Slot(object)
    def _on_count_failed(self, error: BaseException) -> None:
        self.count_job = None
        if isinstance(error, Cancelled):
            return
        self._search_usable = False
        self.search_choice.setText(self.tr("The current search (cannot be run)"))
        if self.selected_ids:
            self.selection_choice.setChecked(True)
        self.error_label.setText(self._error_text(error))
        self._update_buttons()

    # --- exporting -------------------------------------------------------------------------

    @Slot()
    def _on_export(self) -> None:
        chosen, _ = QFileDialog.getSaveFileName(
            self, self.tr("Export members"), str(self.default_path()), self._file_filter()
        )
        if not chosen:
            return
        path = Path(chosen)
        if not path.suffix:
            path = path.with_name(f"{path.name}.{EXTENSION[self.format]}")
        self.start_export(path)

    def start_export(self, path: Path) -> Job:
        """Write the chosen members to ``path`` in the background (what Export… does)."""
        columns = self.columns() if self.format not in FIXED_LAYOUT else list(DEFAULT_COLUMNS)
        kwargs: dict[str, Any] = {
            "fmt": self.format,
            "columns": columns,
            "headers": [field_title(c) for c in columns],
        }
        if self.purpose_combo.currentData() is not None:
            kwargs["purpose"] = self.purpose_combo.currentData()
        if self.selection_choice.isChecked():
            kwargs["ids"] = self.selected_ids
        else:
            kwargs["query"] = self.query
            kwargs["sort"] = self.sort
        self.result_label.clear()
        self.error_label.clear()
        self.open_folder_button.hide()
        self.progress_bar.setRange(0, 0)
        self.progress_bar.show()
        self.cancel_button.show()
        self.close_button.hide()
        self.job = Job(export_members, self.store, path, **kwargs)
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(self._on_finished)
        self.job.signals.failed.connect(self._on_failed)
        self._update_buttons()
        return self.job.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.progress_bar.setRange(0, total)
            self.progress_bar.setValue(done)

    def _done(self) -> None:
        self.job = None
        self.progress_bar.hide()
        self.cancel_button.hide()
        self.cancel_button.setEnabled(True)
        self.close_button.show()
        self._update_buttons()
        if self._close_requested:
            super().reject()

    @Slot(object)
    def _on_finished(self, report: ExportReport) -> None:
        self.report = report
        text = self.tr("%Ln member(s) exported to %1", "", report.rows).replace(
            "%1", str(report.path)
        )
        if report.purpose is not None:
            text += "\n" + self.tr(
                "Left out for this purpose: %1 who objected, %2 never asked."
            ).replace("%1", QLocale().toString(report.objected)).replace(
                "%2", QLocale().toString(report.never_asked)
            )
        self.result_label.setText(text)
        self.open_folder_button.show()
        self._done()
        self.exported.emit(report)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        if isinstance(error, Cancelled):
            self.result_label.setText(self.tr("Export cancelled: no file was written."))
        else:
            self.error_label.setText(self._error_text(error))
        self._done()

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, QuerySyntaxError):
            return (
                self.tr("Search error at character %1: %2")
                .replace("%1", str(error.position + 1))
                .replace("%2", message_text(error.message))
            )
        if isinstance(error, AmicaleError):
            first = error.args[0] if error.args else ""
            reason = message_text(first) if isinstance(first, Message) else str(error)
        else:  # a bug: one line, never a traceback
            reason = f"{type(error).__name__}: {error}"
        return self.tr("The export failed: %1").replace("%1", reason)

    @Slot()
    def _on_cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
            self.cancel_button.setEnabled(False)
            self.result_label.setText(self.tr("Cancelling…"))

    @Slot()
    def _on_open_folder(self) -> None:
        if self.report is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.report.path.parent)))

    def reject(self) -> None:
        # Escape, Close or the title bar (QDialog.closeEvent calls reject): while writing,
        # cancel first; the dialog closes when the job reports back.
        if self.job is not None:
            self._close_requested = True
            self._on_cancel()
            return
        if self.count_job is not None:
            self.count_job.cancel()
        super().reject()
