"""The Duplicates view: the import's probable-duplicate queue and a whole-store scan.

Left, the pairs to review; right, the selected pair side by side, field by field, with the
decisions. A decision removes the pair and selects the next one, so a CM can go through the
list with the keyboard alone (the shortcuts are in each button's tooltip):

    Alt+1  merge into left / add the imported row to this member
    Alt+2  merge into right
    Alt+N  not the same person (remembered) / create the imported row as a new member
    Alt+D  discard the imported row
    Alt+S  skip (Down in the list does the same)

The state and the logic (the pairs, the current one, the decisions as operations, the scan
in a `Job` with progress and Cancel) are `ui.controllers.duplicates.DuplicatesController`'s;
this widget lays the pair out and forwards. Each field's "Keep / Take the imported value"
choice sits under its row, so the panel fits beside the window's left column at 1280×800.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QModelIndex, Qt, Signal, Slot
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

from app.members.dedup import Pair
from app.members.service import MemberDirectory
from app.store import Store
from ui.controllers.duplicates import (
    CHOOSABLE,
    CONFLICT,
    FILL,
    GRID_FIELDS,
    DuplicatesController,
    PairView,
    fill,
)
from ui.labels import field_title
from ui.models.duplicate_pairs import COL_NAMES, COL_REASON, COL_SCORE
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import Job

# Both sides set and different: a merge keeps the kept member's value.
CONFLICT_STYLE = "background-color: #ffe0a3; color: #3a2a00; font-weight: bold;"
# Only one side set (or lists that a merge unites): the merged member gets it.
FILL_STYLE = "background-color: #d8f0d2; color: #0f3a0a;"
_STYLES = {CONFLICT: CONFLICT_STYLE, FILL: FILL_STYLE}

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
        self.controller = DuplicatesController(store, directory, self)
        self._syncing = False  # set while the table follows the controller's current row

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

        self.model = self.controller.model
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
        row = 0
        for key in GRID_FIELDS:
            row += 1
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
                # Under the row, on the imported side: beside it, the two radio buttons
                # widened the panel past a 1280-pixel screen's room.
                row += 1
                self.choices[key] = self._choice(key)
                self.grid.addWidget(self.choices[key][0], row, 2)
        self.grid.setColumnStretch(1, 1)
        self.grid.setColumnStretch(2, 1)
        self.grid.setRowStretch(row + 1, 1)
        scroll = QScrollArea()
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
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

        self._connect()
        self._on_pair_shown(None)
        self.controller._update_status()

    def _connect(self) -> None:
        c = self.controller
        c.membersChanged.connect(self.membersChanged)
        c.countChanged.connect(self.countChanged)
        c.scanFinished.connect(self.scanFinished)
        c.currentMoved.connect(self._on_current_moved)
        c.pairShown.connect(self._on_pair_shown)
        c.message.connect(self._on_message)
        c.statusChanged.connect(self.status.setText)
        c.scanStarted.connect(self._on_scan_started)
        c.scanProgress.connect(self._on_scan_progress)
        c.scanEnded.connect(self._on_scan_ended)
        c.bulkPreviewed.connect(self._on_bulk_previewed)
        c.bulkFailed.connect(lambda: self.bulk_preview_button.setEnabled(True))

    @property
    def scan_job(self) -> Job | None:
        return self.controller.scan_job

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
        self.bulk_preview_button.setEnabled(False)
        self.controller.preview_bulk(self.bulk_score.value())

    @Slot(str, int)
    def _on_bulk_previewed(self, text: str, count: int) -> None:
        self.bulk_preview_button.setEnabled(True)
        self.bulk_preview.setText(text)
        self.bulk_preview.show()
        self.bulk_merge_button.setText(self.tr("Merge these %n pair(s)", "", count))
        self.bulk_merge_button.setVisible(bool(count))
        self.bulkPreviewed.emit(count)

    @Slot()
    def _on_bulk_merge(self) -> None:
        self.bulk_merge_button.hide()
        self.bulk_preview.hide()
        self.controller.merge_bulk()

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
        button.setToolTip(fill(self.tr("%1 (%2)"), why, shown))
        button.clicked.connect(slot)
        return button

    # --- the list -------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.reload_queue()
        self.table.setFocus()

    def reload_queue(self) -> None:
        """Read the import queue again; scan results already shown stay."""
        self.controller.reload_queue()

    def current_pair(self) -> Pair | None:
        return self.controller.current_pair()

    def _select_row(self, row: int) -> None:
        self.controller.select(row)

    @Slot(int)
    def _on_current_moved(self, row: int) -> None:
        self._syncing = True
        try:
            if row < 0:
                self.table.setCurrentIndex(QModelIndex())
            else:
                index = self.model.index(row, 0)
                self.table.setCurrentIndex(index)
                self.table.selectRow(row)
                self.table.scrollTo(index)
        finally:
            self._syncing = False

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if not self._syncing:
            self.controller.follow(current.row() if current.isValid() else -1)

    # --- the pair side by side -----------------------------------------------------------

    @Slot(object)
    def _on_pair_shown(self, view: PairView | None) -> None:
        if view is None:
            self.stack.setCurrentIndex(0)
            self.pair_buttons.hide()
            self.candidate_buttons.hide()
            self.skip_button.setEnabled(False)
            return
        self.title.setText(view.title)
        self.left_header.setText(view.left_header)
        self.right_header.setText(view.right_header)
        choosable = view.choosable()
        for key, row in view.rows.items():
            style = _STYLES.get(row.kind, "")
            self.left_values[key].setText(row.left)
            self.right_values[key].setText(row.right)
            self.left_values[key].setStyleSheet(style)
            self.right_values[key].setStyleSheet(style)
            if key in self.choices:
                box, keep, _ = self.choices[key]
                keep.setChecked(True)
                box.setVisible(key in choosable)
        queued = view.queued
        self.pair_buttons.setVisible(not queued)
        self.candidate_buttons.setVisible(queued)
        for button in (self.merge_left_button, self.merge_right_button, self.not_same_button):
            button.setEnabled(not queued)
        for button in (self.add_button, self.create_button, self.discard_button):
            button.setEnabled(queued)
        self.skip_button.setEnabled(True)
        self.stack.setCurrentIndex(1)

    @Slot(str, bool)
    def _on_message(self, text: str, error: bool) -> None:
        self.message.setStyleSheet(ERROR_STYLE if error else "")
        self.message.setText(text)

    # --- decisions (the controller runs them) --------------------------------------------

    @Slot()
    def _on_merge_left(self) -> None:
        self.controller.merge_left()
        self.table.setFocus()

    @Slot()
    def _on_merge_right(self) -> None:
        self.controller.merge_right()
        self.table.setFocus()

    @Slot()
    def _on_not_same(self) -> None:
        self.controller.not_same()
        self.table.setFocus()

    @Slot()
    def _on_add_to_member(self) -> None:
        self.controller.add_to_member(self.chosen_fields())
        self.table.setFocus()

    @Slot()
    def _on_create_new(self) -> None:
        self.controller.create_new()
        self.table.setFocus()

    @Slot()
    def _on_discard(self) -> None:
        self.controller.discard()
        self.table.setFocus()

    @Slot()
    def _on_skip(self) -> None:
        self.controller.skip()
        self.table.setFocus()

    # --- the scan ------------------------------------------------------------------------

    def start_scan(self) -> Job:
        """Scan the whole store in the background (a running scan is returned as it is)."""
        return self.controller.start_scan()

    def cancel_scan(self) -> None:
        self.controller.cancel_scan()

    @Slot()
    def _on_scan_clicked(self) -> None:
        self.start_scan()

    @Slot()
    def _on_cancel_clicked(self) -> None:
        self.cancel_scan()

    @Slot()
    def _on_scan_started(self) -> None:
        self.progress.setValue(0)
        self.progress.show()
        self.cancel_button.show()
        self.scan_button.setEnabled(False)

    @Slot(int, int)
    def _on_scan_progress(self, done: int, total: int) -> None:
        self.progress.setMaximum(max(total, 1))
        self.progress.setValue(done)

    @Slot()
    def _on_scan_ended(self) -> None:
        self.progress.hide()
        self.cancel_button.hide()
        self.scan_button.setEnabled(True)
