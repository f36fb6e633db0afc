"""Import members: pick a file, check the preview and the column mapping, try, import.

Reading and importing run in a worker with a progress bar and Cancel; a cancelled or
failed import leaves the store exactly as before (one transaction in app.io.importer).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal, Slot
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QListWidget,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from app.errors import AmicaleError, Cancelled
from app.io import mapping as mapping_rules
from app.io.importer import (
    ImportReport,
    ImportWarning,
    import_file,
    previous_imports,
    write_rejects,
    write_warnings,
)
from app.io.readers import PRESETS, ImportSource, open_source
from app.io.rows import RowError
from app.store import Store
from ui.labels import field_title, message_text
from ui.settings import UiSettings
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import Job

PREVIEW_ROWS = 20


class ImportDialog(QDialog):
    # An import was written to the store (the member list should refresh).
    imported = Signal(object)

    def __init__(self, store: Store, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.settings = settings
        self.source: ImportSource | None = None
        self.job: Job | None = None
        self.report: ImportReport | None = None
        self.combos: list[QComboBox] = []
        self.setWindowTitle(self.tr("Import members"))
        self.resize(900, 640)

        self.path = QLineEdit()
        self.path.setObjectName("importPath")
        self.path.setReadOnly(True)
        self.path.setPlaceholderText(self.tr("CSV, Excel, vCard, LinkedIn or Mailchimp file"))
        choose = QPushButton(self.tr("Choose a file…"))
        choose.clicked.connect(self._on_choose)
        self.preset = QComboBox()
        self.preset.setObjectName("importPreset")
        for preset in PRESETS:
            self.preset.addItem(self._preset_label(preset), preset)
        self.preset.activated.connect(self._on_preset)
        top = QHBoxLayout()
        top.addWidget(self.path, 1)
        top.addWidget(choose)
        top.addWidget(self.preset)

        self.notice = plain_label(wrap=True)
        self.notice.setObjectName("importNotice")
        self.preview = QTableWidget()
        self.preview.setObjectName("importPreview")
        self.preview.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.preview.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)

        self.tags = QLineEdit()
        self.tags.setObjectName("importTags")
        self.tags.setPlaceholderText(
            self.tr("Tags for every imported member, e.g. Source/Gala 2026")
        )

        self.progress = QProgressBar()
        self.progress.hide()
        self.summary = plain_label(wrap=True)
        self.summary.setObjectName("importSummary")
        self.rejects = QListWidget()
        self.rejects.setObjectName("importRejects")
        self.rejects.setMaximumHeight(160)
        self.rejects.hide()
        # The rows imported with a defect: line, field, the file's text, why.
        self.warnings = QTableWidget(0, 4)
        self.warnings.setObjectName("importWarnings")
        self.warnings.setHorizontalHeaderLabels(self._warning_headers())
        self.warnings.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.warnings.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.warnings.verticalHeader().hide()
        self.warnings.horizontalHeader().setStretchLastSection(True)
        self.warnings.setMaximumHeight(200)
        self.warnings.hide()

        self.try_button = QPushButton(self.tr("Check (nothing is written)"))
        self.try_button.setObjectName("importTry")
        self.try_button.clicked.connect(lambda: self._start(dry_run=True))
        self.import_button = QPushButton(self.tr("Import"))
        self.import_button.setObjectName("importRun")
        self.import_button.clicked.connect(lambda: self._start(dry_run=False))
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.clicked.connect(self._on_cancel)
        self.save_rejects = QPushButton(self.tr("Save the rejected rows…"))
        self.save_rejects.clicked.connect(self._on_save_rejects)
        self.save_rejects.hide()
        self.save_warnings = QPushButton(self.tr("Save the warnings…"))
        self.save_warnings.setObjectName("importSaveWarnings")
        self.save_warnings.clicked.connect(self._on_save_warnings)
        self.save_warnings.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_rejects)
        buttons.addWidget(self.save_warnings)
        buttons.addStretch()
        buttons.addWidget(self.try_button)
        buttons.addWidget(self.import_button)
        buttons.addWidget(self.cancel_button)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.notice)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.tags)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addWidget(self.rejects)
        layout.addWidget(self.warnings)
        layout.addLayout(buttons)
        self._update_buttons()

    def _preset_label(self, preset: str) -> str:
        return {
            "auto": self.tr("Recognise the format"),
            "csv": self.tr("CSV (any separator)"),
            "xlsx": self.tr("Excel (.xlsx)"),
            "vcard": self.tr("vCard (phone, Outlook)"),
            "linkedin": self.tr("LinkedIn connections"),
            "mailchimp": self.tr("Mailchimp audience"),
        }.get(preset, preset)

    # --- choosing and previewing ---------------------------------------------------------

    @Slot()
    def _on_choose(self) -> None:
        chosen, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import members"),
            str(Path.home()),
            self.tr("Member lists (*.csv *.tsv *.txt *.xlsx *.vcf *.vcard *.zip);;All files (*)"),
        )
        if chosen:
            self.open_file(Path(chosen))

    @Slot()
    def _on_preset(self, *_: Any) -> None:
        if self.source is not None:
            self.open_file(self.source.path)

    def open_file(self, path: Path) -> None:
        """Read the file's headers and first rows (fast: the file is not read to its end)."""
        self.path.setText(str(path))
        self.summary.setText("")
        self.rejects.hide()
        self.save_rejects.hide()
        self.warnings.hide()
        self.save_warnings.hide()
        try:
            source = open_source(path, self.preset.currentData())
            rows = source.preview(PREVIEW_ROWS)
        except AmicaleError as exc:
            self.source = None
            self.preview.clear()
            self.preview.setRowCount(0)
            self.preview.setColumnCount(0)
            self.notice.setText(message_text(exc.args[0] if exc.args else str(exc)))
            self.notice.setStyleSheet(ERROR_STYLE)
            self._update_buttons()
            return
        self.source = source
        self.notice.setStyleSheet("")
        notes = [self.tr("Format: %1.").replace("%1", self._preset_label(source.preset))]
        earlier = previous_imports(self.store, source.sha256)
        if earlier:
            notes.append(
                self.tr("This file was already imported on %1.").replace(
                    "%1", earlier[0].imported_at[:16].replace("T", " ")
                )
            )
        self.notice.setText(" ".join(notes))
        self._fill_preview(source, rows)
        self._update_buttons()

    def _fill_preview(self, source: ImportSource, rows: list[Any]) -> None:
        headers = source.headers
        remembered = self.settings.import_mapping(mapping_rules.mapping_key(headers))
        guessed = remembered or mapping_rules.guess_mapping(headers, source.preset)
        self.preview.clear()
        self.preview.setColumnCount(len(headers))
        self.preview.setRowCount(len(rows) + 1)
        self.preview.setHorizontalHeaderLabels(headers)
        self.combos = []
        for column, header in enumerate(headers):
            combo = QComboBox()
            combo.addItem(self.tr("(ignore)"), None)
            for name in mapping_rules.FIELDS:
                combo.addItem(field_title(name), name)
            index = combo.findData(guessed.get(header))
            combo.setCurrentIndex(max(0, index))
            combo.setObjectName(f"mapping_{column}")
            self.preview.setCellWidget(0, column, combo)
            self.combos.append(combo)
        # Row labels: the mapping row, then each row's line number in the file.
        self.preview.setVerticalHeaderLabels([self.tr("Field"), *(str(r.line) for r in rows)])
        for r, row in enumerate(rows, start=1):
            if isinstance(row, RowError):
                item = QTableWidgetItem(
                    self.tr("Line %1: %2").replace("%1", str(row.line)).replace("%2", row.reason)
                )
                self.preview.setItem(r, 0, item)
                continue
            for column, header in enumerate(headers):
                self.preview.setItem(r, column, QTableWidgetItem(row.values.get(header, "")))
        self.preview.resizeColumnsToContents()

    def mapping(self) -> dict[str, str | None]:
        if self.source is None:
            return {}
        return {
            header: combo.currentData()
            for header, combo in zip(self.source.headers, self.combos, strict=True)
        }

    def _update_buttons(self) -> None:
        busy = self.job is not None
        ready = self.source is not None and not busy
        self.try_button.setEnabled(ready)
        self.import_button.setEnabled(ready)
        self.cancel_button.setText(self.tr("Stop") if busy else self.tr("Close"))

    # --- running -------------------------------------------------------------------------

    def _start(self, dry_run: bool) -> None:
        if self.source is None:
            return
        mapping = self.mapping()
        if not any(mapping.values()):
            self.summary.setText(self.tr("Choose at least one column to import."))
            return
        self.settings.set_import_mapping(mapping_rules.mapping_key(self.source.headers), mapping)
        tags = [t.strip() for t in self.tags.text().split(",") if t.strip()]
        self.progress.setRange(0, 0)
        self.progress.show()
        self.summary.setText(self.tr("Checking…") if dry_run else self.tr("Importing…"))
        self.job = Job(import_file, self.store, self.source, mapping, tags=tags, dry_run=dry_run)
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(self._on_finished)
        self.job.signals.failed.connect(self._on_failed)
        self.job.start()
        self._update_buttons()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _on_finished(self, report: ImportReport) -> None:
        self.job = None
        self.report = report
        self.progress.hide()
        if report.dry_run:
            text = self.tr(
                "Check: %1 to create, %2 to complete, %3 unchanged, %4 rejected, "
                "%5 probable duplicates. Nothing was written."
            )
        else:
            text = self.tr(
                "Imported: %1 created, %2 completed, %3 unchanged, %4 rejected, "
                "%5 probable duplicates to review."
            )
        for i, value in enumerate(
            (report.created, report.updated, report.unchanged, report.rejected, report.duplicates),
            start=1,
        ):
            text = text.replace(f"%{i}", self.locale().toString(value))
        if report.conflicts:
            text += " " + self.tr(
                "%n value(s) differ from the directory and were kept as they were.",
                "",
                len(report.conflicts),
            )
        if report.differing:
            text += " " + self.tr("Choose, field by field, which to keep in Duplicates.")
        if report.warned:
            text += " " + self.tr(
                "%n warning(s): values not imported as they were are listed below and kept "
                "in the member's notes (“To fix”).",
                "",
                report.warned,
            )
        self.summary.setText(text)
        self._fill_warnings(report)
        self.rejects.clear()
        for reject in report.rejects[:1000]:
            self.rejects.addItem(
                self.tr("Line %1: %2").replace("%1", str(reject.line)).replace("%2", reject.reason)
            )
        for conflict in report.conflicts[:1000]:
            self.rejects.addItem(
                self.tr("Line %1: %2 kept “%3”, the file says “%4”")
                .replace("%1", str(conflict.line))
                .replace("%2", field_title(conflict.field))
                .replace("%3", conflict.kept)
                .replace("%4", conflict.incoming)
            )
        self.rejects.setVisible(self.rejects.count() > 0)
        self.save_rejects.setVisible(bool(report.rejects))
        if not report.dry_run:
            self.imported.emit(report)
        self._update_buttons()

    def _warning_headers(self) -> list[str]:
        return [self.tr("Line"), self.tr("Field"), self.tr("Value in the file"), self.tr("Why")]

    def _describe(self, warning: ImportWarning) -> list[str]:
        """Field, value and reason of a warning, as the table and its CSV show them."""
        where = field_title(warning.field) if warning.field else ""
        return [where, warning.value, message_text(warning.reason)]

    def _fill_warnings(self, report: ImportReport) -> None:
        shown = report.warnings[:1000]
        self.warnings.setRowCount(len(shown))
        for row, warning in enumerate(shown):
            cells = [str(warning.line), *self._describe(warning)]
            for column, text in enumerate(cells):
                self.warnings.setItem(row, column, QTableWidgetItem(text))
        self.warnings.resizeColumnsToContents()
        self.warnings.setVisible(bool(shown))
        self.save_warnings.setVisible(bool(shown))

    def save_warnings_to(self, target: Path) -> None:
        """Every warning of the last import (beyond those listed too) as a CSV."""
        if self.report is None:
            return
        write_warnings(
            self.report,
            target,
            self._warning_headers(),
            self._describe,
            store=self.store.path,
            source=self.source.path if self.source is not None else None,
        )

    @Slot()
    def _on_save_warnings(self) -> None:
        self._save_as(self.tr("Save the warnings"), "-warnings.csv", self.save_warnings_to)

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.job = None
        self.progress.hide()
        if isinstance(error, Cancelled):
            self.summary.setText(self.tr("Stopped: nothing was written."))
        elif isinstance(error, AmicaleError):
            self.summary.setText(message_text(error.args[0] if error.args else str(error)))
        else:
            self.summary.setText(
                self.tr("The import failed and nothing was written: %1").replace("%1", repr(error))
            )
        self._update_buttons()

    @Slot()
    def _on_cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()
        else:
            self.reject()

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return  # closes when the worker has rolled back
        super().reject()

    @Slot()
    def _on_save_rejects(self) -> None:
        self._save_as(self.tr("Save the rejected rows"), "-rejects.csv", self._write_rejects)

    def _write_rejects(self, target: Path) -> None:
        if self.report is not None and self.source is not None:
            write_rejects(
                self.report,
                target,
                self.source.headers,
                store=self.store.path,
                source=self.source.path,
            )

    def _save_as(self, title: str, suffix: str, write: Callable[[Path], None]) -> None:
        """Ask where to save a CSV of the last import (beside the file), then write it."""
        if self.report is None or self.source is None:
            return
        target, _ = QFileDialog.getSaveFileName(
            self,
            title,
            str(self.source.path.with_name(self.source.path.stem + suffix)),
            self.tr("CSV (*.csv)"),
        )
        if not target:
            return
        try:
            write(Path(target))
        except AmicaleError as exc:
            QMessageBox.warning(self, self.tr("Import members"), message_text(exc.args[0]))
