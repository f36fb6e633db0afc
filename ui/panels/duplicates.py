"""The Duplicates view: the import's probable-duplicate queue and a whole-store scan.

Left, the pairs to review; right, the selected pair side by side, field by field, with the
decisions. A decision removes the pair and selects the next one, so a CM can go through the
list with the keyboard alone (the shortcuts are in each button's tooltip):

    Alt+1  merge into left / add the imported row to this member
    Alt+2  merge into right
    Alt+N  not the same person (remembered) / create the imported row as a new member
    Alt+D  discard the imported row
    Alt+S  skip (Down in the list does the same)

Decisions are single short transactions (`app.members.dedup`), run in place like the member
card's Save; the scan, which reads the whole store, runs in a `Job` with progress and Cancel.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, QLocale, QModelIndex, Qt, Signal, Slot
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.clock import to_local
from app.errors import AmicaleError, Cancelled, NotFoundError
from app.members import dedup
from app.members.dedup import Candidate, MergeResult, Pair
from app.members.service import Member, MemberDirectory
from app.operations import Changes, Operation
from app.store import Store
from ui.labels import field_title, message_text, value_label
from ui.models.duplicate_pairs import (
    COL_NAMES,
    COL_REASON,
    COL_SCORE,
    DuplicatePairsModel,
    reason_title,
)
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import Job

# The fields compared side by side, in the member card's order.
GRID_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "linkedin_url",
    "promo",
    "school",
    "company",
    "job_title",
    "city",
    "region",
    "country",
    "birthday",
    "dues_last_year",
    "status",
    "verification",
    "consent",
    "notes",
    "source",
    "tags",
    "communities",
    "created_at",
)
# Both sides set and different: a merge keeps the kept member's value.
CONFLICT_STYLE = "background-color: #ffe0a3; color: #3a2a00; font-weight: bold;"
# Only one side set (or lists that a merge unites): the merged member gets it.
FILL_STYLE = "background-color: #d8f0d2; color: #0f3a0a;"
# Fields a merge never fills (the CM's own decisions, or never empty on a member).
NEVER_FILLED = ("status", "verification", "consent", "created_at")
# Differing values of an imported row the CM may take instead of the member's.
CHOOSABLE = tuple(k for k in GRID_FIELDS if k not in (*NEVER_FILLED, "tags", "communities"))

MERGE_LEFT_KEY = "Alt+1"
MERGE_RIGHT_KEY = "Alt+2"
NOT_SAME_KEY = "Alt+N"
DISCARD_KEY = "Alt+D"
SKIP_KEY = "Alt+S"


class DuplicatesPanel(QWidget):
    # Members were merged or created: the member list (and counts) should refresh.
    membersChanged = Signal()
    # The number of pairs left to review changed (for a badge in the sidebar).
    countChanged = Signal(int)
    # A scan finished; how many pairs it found.
    scanFinished = Signal(int)
    # The pairs "merge all from score N" would merge are listed (tests wait on it).
    bulkPreviewed = Signal(int)

    def __init__(
        self, store: Store, directory: MemberDirectory, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.store = store
        self.directory = directory
        self.scan_job: Job | None = None
        self._scan_started = 0.0
        self._shown_pair: Pair | None = None
        # Set while the list changes under the view: the selection follows rows being removed,
        # and showing each pair it passes through would read the store for nothing.
        self._updating = False
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)

        # --- left: the scan and the list of pairs ---
        self.scan_button = QPushButton(self.tr("Scan the whole directory"))
        self.scan_button.setObjectName("scanButton")
        self.scan_button.setToolTip(
            self.tr(
                "Look for members who may be the same person: same email, same LinkedIn "
                "profile, same name and class year or phone, or a name one typo apart."
            )
        )
        self.scan_button.clicked.connect(self._on_scan_clicked)
        self.progress = QProgressBar()
        self.progress.setObjectName("scanProgress")
        self.progress.setRange(0, 1000)
        self.progress.setTextVisible(False)
        self.progress.hide()
        self.cancel_button = QPushButton(self.tr("Cancel"))
        self.cancel_button.setObjectName("cancelScanButton")
        self.cancel_button.clicked.connect(self._on_cancel_clicked)
        self.cancel_button.hide()
        self.status = plain_label()
        self.status.setObjectName("duplicatesStatus")
        self.status.setWordWrap(True)

        self.model = DuplicatePairsModel(self._member_names, self._candidate_names, self)
        self.model.modelReset.connect(self._on_count_changed)
        self.model.rowsRemoved.connect(self._on_count_changed)
        self.table = QTableView()
        self.table.setObjectName("pairTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setHighlightSections(False)
        header.setSectionResizeMode(COL_REASON, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAMES, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_SCORE, QHeaderView.ResizeMode.ResizeToContents)
        header.resizeSection(COL_REASON, 210)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)

        scan_row = QHBoxLayout()
        scan_row.addWidget(self.scan_button)
        scan_row.addWidget(self.progress, 1)
        scan_row.addWidget(self.cancel_button)
        scan_row.addStretch()
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(scan_row)
        left_layout.addWidget(self.status)
        left_layout.addWidget(self.table, 1)
        left_layout.addLayout(self._build_bulk(left_layout))

        # --- right: the pair side by side and the decisions ---
        self.title = plain_label()
        self.title.setObjectName("pairTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setWordWrap(True)

        self.grid_box = QWidget()
        self.grid = QGridLayout(self.grid_box)
        self.grid.setHorizontalSpacing(12)
        self.grid.setVerticalSpacing(2)
        self.left_header = self._header_label("leftHeader")
        self.right_header = self._header_label("rightHeader")
        self.grid.addWidget(self.left_header, 0, 1)
        self.grid.addWidget(self.right_header, 0, 2)
        self.field_titles: dict[str, QLabel] = {}
        self.left_values: dict[str, QLabel] = {}
        self.right_values: dict[str, QLabel] = {}
        # Per differing field of an imported row: keep the member's value, or take the file's.
        self.choices: dict[str, tuple[QWidget, QRadioButton, QRadioButton]] = {}
        for row, key in enumerate(GRID_FIELDS, start=1):
            title = plain_label(field_title(key))
            title.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
            title.setContentsMargins(4, 1, 4, 1)
            self.field_titles[key] = title
            self.grid.addWidget(title, row, 0)
            for side, labels, column in (
                ("left", self.left_values, 1),
                ("right", self.right_values, 2),
            ):
                value = plain_label()
                value.setObjectName(f"{side}_{key}")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                value.setContentsMargins(4, 1, 4, 1)
                labels[key] = value
                self.grid.addWidget(value, row, column)
            if key in CHOOSABLE:
                self.choices[key] = self._choice(key)
                self.grid.addWidget(self.choices[key][0], row, 3)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(len(GRID_FIELDS) + 1, 1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.grid_box)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)

        self.legend = plain_label(
            self.tr(
                "Amber: both members have a different value; a merge keeps the one of the "
                "member merged into. Green: a merge fills it in or combines the lists. "
                "Tags, communities and history are always kept."
            )
        )
        self.legend.setObjectName("legend")
        self.legend.setWordWrap(True)

        self.merge_left_button = self._button(
            "mergeLeftButton",
            self.tr("Merge into left"),
            self.tr(
                "Keep the left member, fill its empty fields and add the tags and communities "
                "of the right one, then delete the right one"
            ),
            MERGE_LEFT_KEY,
            self._on_merge_left,
        )
        self.merge_right_button = self._button(
            "mergeRightButton",
            self.tr("Merge into right"),
            self.tr(
                "Keep the right member, fill its empty fields and add the tags and communities "
                "of the left one, then delete the left one"
            ),
            MERGE_RIGHT_KEY,
            self._on_merge_right,
        )
        self.not_same_button = self._button(
            "notSameButton",
            self.tr("Not the same person"),
            self.tr("Keep both members; this pair will not be proposed again"),
            NOT_SAME_KEY,
            self._on_not_same,
        )
        self.add_button = self._button(
            "addToMemberButton",
            self.tr("Add to this member"),
            self.tr(
                "Fill the member's empty fields and add the tags from the imported row; "
                "values the member already has are kept, unless you chose to take the "
                "imported one"
            ),
            MERGE_LEFT_KEY,
            self._on_add_to_member,
        )
        self.create_button = self._button(
            "createButton",
            self.tr("Create as new member"),
            self.tr("The imported row is someone else: create it as a new member"),
            NOT_SAME_KEY,
            self._on_create_new,
        )
        self.discard_button = self._button(
            "discardButton",
            self.tr("Discard"),
            self.tr("Drop the imported row; the member is left as it is"),
            DISCARD_KEY,
            self._on_discard,
        )
        self.skip_button = self._button(
            "skipButton",
            self.tr("Skip"),
            self.tr("Leave this pair for later and show the next one (Down in the list too)"),
            SKIP_KEY,
            self._on_skip,
        )

        self.pair_buttons = QWidget()
        pair_row = QHBoxLayout(self.pair_buttons)
        pair_row.setContentsMargins(0, 0, 0, 0)
        pair_row.addWidget(self.merge_left_button)
        pair_row.addWidget(self.merge_right_button)
        pair_row.addWidget(self.not_same_button)
        self.candidate_buttons = QWidget()
        candidate_row = QHBoxLayout(self.candidate_buttons)
        candidate_row.setContentsMargins(0, 0, 0, 0)
        candidate_row.addWidget(self.add_button)
        candidate_row.addWidget(self.create_button)
        candidate_row.addWidget(self.discard_button)
        buttons = QHBoxLayout()
        buttons.addWidget(self.pair_buttons)
        buttons.addWidget(self.candidate_buttons)
        buttons.addStretch()
        buttons.addWidget(self.skip_button)

        self.message = plain_label()
        self._right_name = ""  # the pair's right-hand record, as the CM reads it
        self.message.setObjectName("decisionMessage")
        self.message.setWordWrap(True)

        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addWidget(self.title)
        detail_layout.addWidget(scroll, 1)
        detail_layout.addWidget(self.legend)
        detail_layout.addLayout(buttons)

        self.empty = plain_label(
            self.tr(
                "No duplicates to review. Imports put the rows they were unsure about here; "
                "scan the whole directory to look for more."
            )
        )
        self.empty.setObjectName("emptyState")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(detail)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.stack, 1)
        right_layout.addWidget(self.message)

        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(right)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([460, 700])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)
        self._show_pair(None)
        self._update_status()

    def _choice(self, key: str) -> tuple[QWidget, QRadioButton, QRadioButton]:
        box = QWidget()
        box.setObjectName(f"choice_{key}")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        keep = QRadioButton(self.tr("Keep"))
        keep.setObjectName(f"keep_{key}")
        keep.setToolTip(self.tr("Keep the member's value"))
        take = QRadioButton(self.tr("Take the imported value"))
        take.setObjectName(f"take_{key}")
        take.setToolTip(self.tr("Replace the member's value by the one in the imported file"))
        group = QButtonGroup(box)
        group.addButton(keep)
        group.addButton(take)
        keep.setChecked(True)
        row.addWidget(keep)
        row.addWidget(take)
        box.hide()
        return box, keep, take

    def chosen_fields(self) -> list[str]:
        """The differing fields of the shown imported row whose imported value is taken."""
        return [
            key
            for key, (box, _, take) in self.choices.items()
            if not box.isHidden() and take.isChecked()
        ]

    def _build_bulk(self, column: QVBoxLayout) -> QHBoxLayout:
        """ "Merge all from score N with no conflicting field": a preview, then a button."""
        self._bulk: list[Pair] = []
        self.bulk_score = QSpinBox()
        self.bulk_score.setObjectName("bulkScore")
        self.bulk_score.setRange(50, 100)
        self.bulk_score.setValue(95)
        self.bulk_preview_button = QPushButton(self.tr("Preview merging all from this score"))
        self.bulk_preview_button.setObjectName("bulkPreviewButton")
        self.bulk_preview_button.setToolTip(
            self.tr(
                "The pairs found by the scan with this score or more, whose records hold no "
                "different values (birthday, class year, city, email…): nothing to choose"
            )
        )
        self.bulk_preview_button.clicked.connect(self._on_bulk_preview)
        self.bulk_preview = plain_label(wrap=True)
        self.bulk_preview.setObjectName("bulkPreview")
        self.bulk_preview.hide()
        self.bulk_merge_button = QPushButton()
        self.bulk_merge_button.setObjectName("bulkMergeButton")
        self.bulk_merge_button.clicked.connect(self._on_bulk_merge)
        self.bulk_merge_button.hide()
        column.addWidget(self.bulk_preview)
        row = QHBoxLayout()
        row.addWidget(plain_label(self.tr("Score from")))
        row.addWidget(self.bulk_score)
        row.addWidget(self.bulk_preview_button)
        row.addWidget(self.bulk_merge_button)
        row.addStretch()
        return row

    @Slot()
    def _on_bulk_preview(self) -> None:
        scanned = [p for p in self.model.pairs if p.candidate_id is None]
        self.bulk_preview_button.setEnabled(False)
        job = Job(dedup.mergeable, self.store, scanned, float(self.bulk_score.value()))
        job.signals.finished.connect(self._on_bulk_previewed)
        job.signals.failed.connect(self._on_bulk_failed)
        job.start()

    @Slot(object)
    def _on_bulk_previewed(self, pairs: list[Pair]) -> None:
        self.bulk_preview_button.setEnabled(True)
        self._bulk = pairs
        lines = [
            self.tr("%n pair(s) from score %1 with no conflicting field:", "", len(pairs)).replace(
                "%1", self.locale().toString(self.bulk_score.value())
            )
        ]
        for pair in pairs[:8]:
            left, right = self.model.names(pair)
            lines.append(f"{left} = {right} ({self.locale().toString(round(pair.score))})")
        if len(pairs) > 8:
            lines.append(self.tr("… and %n more", "", len(pairs) - 8))
        self.bulk_preview.setText("\n".join(lines))
        self.bulk_preview.show()
        self.bulk_merge_button.setText(self.tr("Merge these %n pair(s)", "", len(pairs)))
        self.bulk_merge_button.setVisible(bool(pairs))
        self.bulkPreviewed.emit(len(pairs))

    @Slot(object)
    def _on_bulk_failed(self, error: BaseException) -> None:
        self.bulk_preview_button.setEnabled(True)
        self._error(message_text(error) if isinstance(error, AmicaleError) else str(error))

    @Slot()
    def _on_bulk_merge(self) -> None:
        pairs = [[p.left_id, p.right_id] for p in self._bulk if p.right_id is not None]
        self._bulk = []
        self.bulk_merge_button.hide()
        self.bulk_preview.hide()
        self._say(self.tr("Merging…"))
        # In the runner's worker: thousands of pairs at a time is a long write.
        self.runner.run(
            Operation("duplicates.merge-all", {"pairs": pairs}),
            self._on_bulk_merged,
            lambda error: self._error(message_text(error)),
            origin=self,
        )

    def _on_bulk_merged(self, results: list[MergeResult]) -> None:
        for result in results:
            self.model.forget_names([result.kept_id])
            if result.dropped_id is not None:
                self._after_merge(result.dropped_id, result.kept_id)
        self._say(
            self.tr("%n pair(s) merged; the others are left for you to review.", "", len(results))
        )
        self.membersChanged.emit()

    def _header_label(self, name: str) -> QLabel:
        label = plain_label()
        label.setObjectName(name)
        label.setWordWrap(True)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _button(
        self, name: str, text: str, why: str, key: str, slot: Callable[[], None]
    ) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(name)
        sequence = QKeySequence(key)
        button.setShortcut(sequence)
        shown = sequence.toString(QKeySequence.SequenceFormat.NativeText)
        button.setToolTip(_fill(self.tr("%1 (%2)"), why, shown))
        button.clicked.connect(slot)
        return button

    # --- loading -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_queue()
        self.table.setFocus()

    def reload_queue(self) -> None:
        """Read the import queue again; scan results already shown stay."""
        current = self.current_pair()
        try:
            queued = dedup.queue(self.store)
        except AmicaleError as exc:
            self._error(str(exc))
            return
        scanned = [p for p in self.model.pairs if p.candidate_id is None]
        self._updating = True
        try:
            self.model.set_pairs([*queued, *scanned])
        finally:
            self._updating = False
        row = self.model.row_of(current) if current is not None else -1
        self._shown_pair = None
        self._select_row(max(row, 0))

    def current_pair(self) -> Pair | None:
        index = self.table.currentIndex()
        return self.model.pair(index.row()) if index.isValid() else None

    def _select_row(self, row: int) -> None:
        count = self.model.rowCount()
        if count == 0:
            self.table.setCurrentIndex(QModelIndex())
            self._show_pair(None)
            return
        row = min(max(row, 0), count - 1)
        index = self.model.index(row, 0)
        self._updating = True
        try:
            self.table.setCurrentIndex(index)
            self.table.selectRow(row)
        finally:
            self._updating = False
        self.table.scrollTo(index)
        if self.current_pair() != self._shown_pair:
            self._show_pair(self.current_pair())

    def _member_names(self, ids: Sequence[int]) -> dict[int, str]:
        rows = self.directory.fetch_rows(ids, ("first_name", "last_name", "email"))
        return {
            member_id: f"{first or ''} {last or ''}".strip() or email or f"#{member_id}"
            for member_id, (first, last, email) in rows.items()
        }

    def _candidate_names(self, ids: Sequence[int]) -> dict[int, str]:
        return {i: c.display_name for i, c in dedup.candidates(self.store, ids).items()}

    def _member_header(self, record: Member) -> str:
        """The member by name, with the class year that tells two namesakes apart."""
        year = _class_year(record)
        if not year:
            return record.display_name
        return _fill(self.tr("%1, class of %2"), record.display_name, year)

    # --- the pair side by side -----------------------------------------------------------

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if self._updating:
            return
        self._show_pair(self.model.pair(current.row()) if current.isValid() else None)

    def _show_pair(self, pair: Pair | None) -> None:
        self._shown_pair = pair
        if pair is None:
            self.stack.setCurrentIndex(0)
            self.pair_buttons.hide()
            self.candidate_buttons.hide()
            self.skip_button.setEnabled(False)
            return
        try:
            left = self.directory.get(pair.left_id)
            right: Member | Candidate
            if pair.candidate_id is not None:
                right = dedup.candidate(self.store, pair.candidate_id)
            else:
                assert pair.right_id is not None
                right = self.directory.get(pair.right_id)
        except NotFoundError:
            # Deleted or merged elsewhere since the scan: nothing left to decide.
            self.message.setStyleSheet("")
            self.message.setText(self.tr("That pair no longer exists; it was removed."))
            self._drop_current(pair)
            return
        queued = pair.candidate_id is not None
        self._right_name = right.display_name
        template = self.tr("%1 — name likeness %2")
        if pair.conflicts:  # why the score is low: probably two people
            template = self.tr("%1 — score %2, lowered: different %3")
        fields = ", ".join(field_title(f).lower() for f in pair.conflicts)
        score = self.locale().toString(round(pair.score))
        self.title.setText(_fill(template, reason_title(pair.reason), score, fields))
        self.left_header.setText(self._member_header(left))
        if isinstance(right, Candidate):
            where = right.source or self.tr("an import")
            self.right_header.setText(
                _fill(
                    self.tr("%1 (from %2, line %3)"),
                    right.display_name,
                    where,
                    self.locale().toString(right.line or 0),
                )
            )
        else:
            self.right_header.setText(self._member_header(right))
        left_values = _grid_values(left)
        right_values = _grid_values(right)
        for key in GRID_FIELDS:
            mine, theirs = left_values.get(key, ""), right_values.get(key, "")
            self.left_values[key].setText(mine or "—")
            self.right_values[key].setText(theirs or "—")
            style = ""
            if key == "email" and mine.lower() == theirs.lower():
                pass  # one address whatever its case: a merge keeps the member's
            elif mine == theirs or (queued and key == "communities"):
                pass  # an imported row has no communities to add
            elif mine and theirs and key not in ("tags", "communities"):
                style = CONFLICT_STYLE
            elif key not in NEVER_FILLED:
                style = FILL_STYLE
            self.left_values[key].setStyleSheet(style)
            self.right_values[key].setStyleSheet(style)
            if key in self.choices:
                box, keep, _ = self.choices[key]
                keep.setChecked(True)
                box.setVisible(queued and style == CONFLICT_STYLE)
        self.pair_buttons.setVisible(not queued)
        self.candidate_buttons.setVisible(queued)
        for button in (self.merge_left_button, self.merge_right_button, self.not_same_button):
            button.setEnabled(not queued)
        for button in (self.add_button, self.create_button, self.discard_button):
            button.setEnabled(queued)
        self.skip_button.setEnabled(True)
        self.stack.setCurrentIndex(1)

    # --- decisions -----------------------------------------------------------------------

    @Slot()
    def _on_merge_left(self) -> None:
        pair = self.current_pair()
        if pair is not None and pair.right_id is not None:
            self._merge(pair, pair.left_id, pair.right_id)

    @Slot()
    def _on_merge_right(self) -> None:
        pair = self.current_pair()
        if pair is not None and pair.right_id is not None:
            self._merge(pair, pair.right_id, pair.left_id)

    def _run(self, op: Operation) -> Any:
        """Run one of this panel's operations; the panel updates its own list itself."""
        return self.runner.run_now(op, origin=self)

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.duplicates and origin is not self:
            self.reload_queue()  # an import queued rows, a member was deleted elsewhere…

    def _merge(self, pair: Pair, keep: int, drop: int) -> None:
        try:
            result = self._run(Operation("members.merge", {"keep_id": keep, "drop_id": drop}))
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self.model.forget_names([keep])
        self._after_merge(drop, keep)
        self._report(result)
        self.membersChanged.emit()

    def _after_merge(self, drop: int, keep: int) -> None:
        """The dropped member is gone: so are its pairs; its queued rows are the kept one's."""
        doomed = []
        for row in self.model.rows_of_member(drop):
            pair = self.model.pairs[row]
            if pair.candidate_id is None:
                doomed.append(row)
            else:
                moved = Pair(keep, None, pair.reason, pair.score, pair.candidate_id)
                self._updating = True
                try:
                    self.model.replace_row(row, moved)
                finally:
                    self._updating = False
        self._drop_and_advance(doomed)

    @Slot()
    def _on_not_same(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.right_id is None:
            return
        try:
            self._run(
                Operation(
                    "duplicates.not-the-same", {"left_id": pair.left_id, "right_id": pair.right_id}
                )
            )
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self._say(self.tr("Noted: they are different people; this pair will not come back."))
        self._drop_current(pair)

    @Slot()
    def _on_add_to_member(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.candidate_id is None:
            return
        take = self.chosen_fields()
        try:
            args: dict[str, Any] = {"candidate_id": pair.candidate_id, "keep_id": pair.left_id}
            if take:
                op = Operation("duplicates.choose-values", {**args, "take": take})
            else:
                op = Operation("duplicates.merge-candidate", args)
            result = self._run(op)
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self.model.forget_names([pair.left_id])
        self._drop_current(pair)
        self._report(result)
        self.membersChanged.emit()

    @Slot()
    def _on_create_new(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.candidate_id is None:
            return
        try:
            args = {"candidate_id": pair.candidate_id}
            self._run(Operation("duplicates.create-candidate", args))
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self._say(_fill(self.tr("%1 created as a new member."), self._right_name))
        self._drop_current(pair)
        self.membersChanged.emit()

    @Slot()
    def _on_discard(self) -> None:
        pair = self.current_pair()
        if pair is None or pair.candidate_id is None:
            return
        try:
            self._run(
                Operation("duplicates.dismiss-candidate", {"candidate_id": pair.candidate_id})
            )
        except AmicaleError as exc:
            self._failed(pair, exc)
            return
        self._say(self.tr("The imported row was discarded."))
        self._drop_current(pair)

    @Slot()
    def _on_skip(self) -> None:
        index = self.table.currentIndex()
        count = self.model.rowCount()
        if index.isValid() and count:
            self._select_row((index.row() + 1) % count)  # after the last, the first again
        self.table.setFocus()

    def _drop_and_advance(self, rows: list[int] | None = None) -> None:
        """Remove the current pair (or these rows), then show the pair that took its place."""
        index = self.table.currentIndex()
        current = index.row() if index.isValid() else 0
        if rows is None:
            rows = [current]
        self._updating = True
        try:
            self.model.remove_rows(rows)
        finally:
            self._updating = False
        self._shown_pair = None
        self._select_row(current - sum(1 for r in set(rows) if r < current))
        self.table.setFocus()

    def _drop_current(self, pair: Pair) -> None:
        row = self.table.currentIndex().row()
        if self.model.pair(row) != pair:
            row = self.model.row_of(pair)
        self._drop_and_advance([row] if row >= 0 else [])

    def _failed(self, pair: Pair, error: AmicaleError) -> None:
        self._error(message_text(error))
        if isinstance(error, NotFoundError | dedup.AlreadyDecided):
            self._drop_current(pair)

    def _report(self, result: MergeResult) -> None:
        parts = [self.tr("Merged.")]
        if result.filled:
            parts.append(
                _fill(self.tr("Filled in: %1."), ", ".join(field_title(k) for k in result.filled))
            )
        if result.replaced:
            parts.append(
                _fill(
                    self.tr("Imported values taken: %1."),
                    ", ".join(field_title(k) for k in result.replaced),
                )
            )
        if result.differences:
            parts.append(
                _fill(
                    self.tr("Kept as they were: %1 (the other values are in the log)."),
                    ", ".join(field_title(k) for k in result.differences),
                )
            )
        added = len(result.tags_added) + len(result.communities_added)
        if added:
            parts.append(
                _fill(self.tr("Tags and communities added: %1."), self.locale().toString(added))
            )
        self._say(" ".join(parts))

    def _say(self, text: str) -> None:
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _error(self, text: str) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)

    # --- the scan ------------------------------------------------------------------------

    def start_scan(self) -> Job:
        """Scan the whole store in the background (a running scan is returned as it is)."""
        if self.scan_job is not None:
            return self.scan_job
        job = Job(dedup.scan, self.store)
        job.signals.progress.connect(self._on_scan_progress)
        job.signals.finished.connect(self._on_scan_finished)
        job.signals.failed.connect(self._on_scan_failed)
        self.scan_job = job
        self._scan_started = time.perf_counter()
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.scan_button.setEnabled(False)
        self.status.setText(self.tr("Scanning the directory…"))
        return job.start()

    def cancel_scan(self) -> None:
        if self.scan_job is not None:
            self.scan_job.cancel()

    @Slot()
    def _on_scan_clicked(self) -> None:
        self.start_scan()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.cancel_scan()

    @Slot(int, int)
    def _on_scan_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    @Slot(object)
    def _on_scan_finished(self, pairs: list[Pair]) -> None:
        self._scan_done()
        current = self.current_pair()
        try:
            queued = dedup.queue(self.store)  # an import may have added to it meanwhile
        except AmicaleError:
            queued = [p for p in self.model.pairs if p.candidate_id is not None]
        # The most alike first: a pair with a conflicting birthday or class year sinks.
        pairs = sorted(pairs, key=lambda p: -p.score)
        self._updating = True
        try:
            self.model.set_pairs([*queued, *pairs])
        finally:
            self._updating = False
        row = self.model.row_of(current) if current is not None else -1
        self._shown_pair = None
        self._select_row(max(row, 0))
        seconds = time.perf_counter() - self._scan_started
        self.status.setText(
            _fill(
                self.tr("Scan finished in %1 s. Pairs found: %2."),
                self.locale().toString(seconds, "f", 1),
                self.locale().toString(len(pairs)),
            )
        )
        self.scanFinished.emit(len(pairs))

    @Slot(object)
    def _on_scan_failed(self, error: BaseException) -> None:
        self._scan_done()
        if isinstance(error, Cancelled):
            self.status.setText(self.tr("Scan cancelled."))
        else:
            self.status.setText(_fill(self.tr("The scan failed: %1"), message_text(error)))

    def _scan_done(self) -> None:
        self.scan_job = None
        self.progress.hide()
        self.cancel_button.hide()
        self.scan_button.setEnabled(True)

    @Slot()
    def _on_count_changed(self, *_: Any) -> None:
        self._update_status()
        self.countChanged.emit(self.model.rowCount())

    def _update_status(self) -> None:
        if self.scan_job is None:
            self.status.setText(
                _fill(
                    self.tr("Pairs to review: %1."), self.locale().toString(self.model.rowCount())
                )
            )


def _class_year(record: Member) -> str:
    promo = record.values.get("promo")
    return str(promo) if promo not in (None, "") else ""


def _fill(template: str, *args: object) -> str:
    """``template`` with %1, %2… replaced in one pass (a name containing "%2" stays as it is)."""

    def value(match: re.Match[str]) -> str:
        number = int(match.group(1))
        return str(args[number - 1]) if 1 <= number <= len(args) else match.group(0)

    return re.sub(r"%(\d)", value, template)


def _grid_values(record: Member | Candidate) -> dict[str, str]:
    """The text each grid row shows for a member or a queued import row."""
    values = record.values
    out = {key: _display(key, values.get(key)) for key in GRID_FIELDS if key in values}
    out["tags"] = ", ".join(sorted(record.tags, key=str.casefold))
    if isinstance(record, Member):
        out["communities"] = ", ".join(
            f"{name} ({value_label('role', role)})" if role != "member" else name
            for name, role in record.communities
        )
    return out


def _display(key: str, value: Any) -> str:
    if value is None or value == "":
        return ""
    if key in ("status", "verification"):
        return value_label(key, str(value))
    if key == "consent":
        if value:
            return QCoreApplication.translate("DuplicatesPanel", "Yes")
        return QCoreApplication.translate("DuplicatesPanel", "No")
    if key == "birthday":
        if str(value).startswith("0000-"):  # a birthday known without its year
            return f"{str(value)[8:10]}/{str(value)[5:7]}"
        day = QDate.fromString(str(value)[:10], "yyyy-MM-dd")
        return QLocale().toString(day, QLocale.FormatType.ShortFormat) if day.isValid() else ""
    if key == "created_at":
        local = to_local(str(value))
        if local is None:
            return ""
        day = QDate(local.year, local.month, local.day)
        return QLocale().toString(day, QLocale.FormatType.ShortFormat)
    return str(value)
