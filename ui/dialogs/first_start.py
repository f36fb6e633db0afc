"""First start: name my association, or explore a sample one."""

from __future__ import annotations

from PySide6.QtCore import Qt, Slot
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from app.demo import build_demo
from app.errors import AmicaleError, Cancelled, ValidationError
from app.operations import Operation
from app.store import Store
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE
from ui.workers import Job

SAMPLE_MEMBERS = 3000


class FirstStartDialog(QDialog):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Welcome to Amicale"))
        self.setMinimumWidth(520)

        intro = QLabel(
            self.tr(
                "Amicale keeps your association's graduates on this computer, "
                "even offline. Start with your own association, or look around a "
                "fictional one first."
            )
        )
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setWordWrap(True)

        own = QGroupBox(self.tr("Create my association"))
        form = QFormLayout(own)
        self.name = QLineEdit()
        self.name.setObjectName("associationName")
        self.name.setPlaceholderText(self.tr("e.g. Amicale Chimie Mulhouse"))
        self.signature = QLineEdit()
        self.signature.setObjectName("associationSignature")
        self.signature.setPlaceholderText(self.tr("e.g. Claire, for the Amicale's board"))
        self.create_button = QPushButton(self.tr("Create my association"))
        self.create_button.setObjectName("createAssociation")
        self.create_button.clicked.connect(self._on_create)
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("Signature"), self.signature)
        form.addRow(self.create_button)

        sample = QGroupBox(self.tr("Explore a sample association"))
        sample_layout = QVBoxLayout(sample)
        explain = QLabel(
            self.tr(
                "%1 fictional graduates with tags and communities. Nothing is sent anywhere."
            ).replace("%1", self.locale().toString(SAMPLE_MEMBERS))
        )
        explain.setTextFormat(Qt.TextFormat.PlainText)
        explain.setWordWrap(True)
        self.sample_button = QPushButton(self.tr("Explore a sample association"))
        self.sample_button.setObjectName("exploreSample")
        self.sample_button.clicked.connect(self._on_sample)
        self.progress = QProgressBar()
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.hide()
        self.cancel_button.clicked.connect(self._on_cancel)
        row = QHBoxLayout()
        row.addWidget(self.progress, 1)
        row.addWidget(self.cancel_button)
        sample_layout.addWidget(explain)
        sample_layout.addWidget(self.sample_button)
        sample_layout.addLayout(row)

        self.error = QLabel()
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(own)
        layout.addWidget(sample)
        layout.addWidget(self.error)

    @Slot()
    def _on_create(self) -> None:
        try:
            OperationRunner.for_store(self.store).run_now(
                Operation(
                    "association.save",
                    {"name": self.name.text(), "signature": self.signature.text()},
                ),
                undoable=False,
            )
        except ValidationError:
            self.error.setText(self.tr("Please give your association a name."))
            self.name.setFocus()
            return
        self.accept()

    @Slot()
    def _on_sample(self) -> None:
        self.sample_button.setEnabled(False)
        self.create_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.job = Job(build_demo, self.store, members=SAMPLE_MEMBERS, seed=2011)
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(lambda _: self.accept())
        self.job.signals.failed.connect(self._on_failed)
        self.job.start()

    @Slot(int, int)
    def _on_progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, total)
        self.progress.setValue(done)

    @Slot()
    def _on_cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    @Slot(object)
    def _on_failed(self, error: BaseException) -> None:
        self.job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.sample_button.setEnabled(True)
        self.create_button.setEnabled(True)
        if isinstance(error, Cancelled):
            return
        message = str(error) if isinstance(error, AmicaleError) else repr(error)
        QMessageBox.warning(self, self.tr("Sample association"), message)

    def reject(self) -> None:
        if self.job is not None:
            self.job.cancel()
            return  # closes once the cancelled job reports back
        super().reject()
