"""The member directory panel: search box, lazy member table, member card."""

from __future__ import annotations

import time
from array import array
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QItemSelection,
    QItemSelectionModel,
    QModelIndex,
    QObject,
    QStringListModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from app.errors import AmicaleError
from app.members import fields
from app.members.search import QuerySyntaxError
from app.members.service import DeletedMembers, MemberDirectory, Sort
from app.operations import Changes, Operation
from app.tags import TagChange
from ui.column_fit import ColumnFitter
from ui.labels import field_title, message_text
from ui.models.member_table import MemberTableModel, RowIndex, contiguous_ranges
from ui.operations import OperationRunner
from ui.panels.member_card import MemberCard
from ui.settings import UiSettings
from ui.widgets import ERROR_STYLE, forbid, plain_label
from ui.workers import Job, LatestOnly

# The columns shown on first start, in their order: few enough for a laptop's list (the
# others are offered by the header's menu).
DEFAULT_COLUMNS = fields.table_defaults()
# The column always shown: the list is a list of people.
NAME_COLUMN = "last_name"
_KINDS = {f.name: f.kind for f in fields.FIELDS}
# A column's usual width in characters (the list's width is shared out in proportion):
# emails are long; years and dates have their own fixed width (_SAMPLES).
_CHARS = {"email": 26, "last_name": 13, "first_name": 11, "tags": 24, "communities": 24}
_SAMPLES = {"int": "0000", "date": "00/00/0000", "timestamp": "00/00/0000", "bool": "000"}


def column_chars(key: str) -> int:
    kind = _KINDS.get(key, "text")
    if kind in _SAMPLES:
        return 0
    return _CHARS.get(key, 8 if kind == "enum" else 14)


@dataclass(frozen=True)
class SearchResult:
    query: str
    ids: array[int]
    total: int
    seconds: float
    rows: RowIndex | None = None  # id → row, built by the worker when asked (locate)
    # The query's tag: values naming no tag, each with a city: search that finds someone
    # (None when none does): "no member has the tag lyon — did you mean city:lyon?".
    unknown_tags: tuple[tuple[str, str | None], ...] = ()


def run_search(
    directory: MemberDirectory,
    query: str,
    sort: Sort,
    total: int | None,
    cancel: Any = None,
    locate: bool = False,
) -> SearchResult:
    """Worker side of a search: the ordered ids, and the store's total unless known;
    ``locate``: also their id → row map (a selection is to be kept across the search)."""
    started = time.perf_counter()
    ids = directory.search_ids(query, sort, cancel=cancel)
    if not query.strip():
        total = len(ids)
    elif total is None:
        total = directory.total()
    rows = RowIndex(ids).build() if locate and ids else None
    unknown = tuple((v, _city_search(directory, v)) for v in directory.unknown_tags(query))

    return SearchResult(
        query, ids, total, time.perf_counter() - started, rows=rows, unknown_tags=unknown
    )


def _city_search(directory: MemberDirectory, value: str) -> str | None:
    """``city:value`` when it finds members (the usual slip: a city typed as a tag)."""
    if '"' in value or "/" in value:
        return None
    term = f'"{value}"' if " " in value else value
    try:
        return term if directory.count(f"city:{term}") else None
    except AmicaleError:
        return None


class MemberTableView(QTableView):
    """The member table: Home and End (with Ctrl or not) go to the first or last member and
    keep the first column in sight (a row is selected whole: the last column means nothing,
    and scrolling to it hid the names)."""

    def moveCursor(
        self, cursorAction: QAbstractItemView.CursorAction, modifiers: Qt.KeyboardModifier
    ) -> QModelIndex:
        Move = QAbstractItemView.CursorAction
        model = self.model()
        if cursorAction in (Move.MoveHome, Move.MoveEnd) and model is not None:
            rows = model.rowCount()
            header = self.horizontalHeader()
            shown = [
                header.logicalIndex(v)
                for v in range(header.count())
                if not header.isSectionHidden(header.logicalIndex(v))
            ]
            if rows and shown:
                row = 0 if cursorAction == Move.MoveHome else rows - 1
                return model.index(row, shown[0])
        return super().moveCursor(cursorAction, modifiers)


class MembersPanel(QWidget):
    # "12,345 of 1,000,000 members" for the status bar.
    countChanged = Signal(str)
    # The newest search finished and its rows are in the model (for tests and benchmarks).
    searchFinished = Signal()
    # A deletion happened and can be undone (its size), or undo is no longer possible (0).
    undoAvailable = Signal(int)
    # Members were tagged or untagged from here: the tag browser should recount.
    tagsChanged = Signal()
    # The last bulk tagging can be undone (True) or not any more (False).
    tagUndoAvailable = Signal(bool)
    # A line for the status bar (bulk tagging's progress and result).
    statusMessage = Signal(str)
    # The list shows an older search than the text typed (True: it has an error) or not.
    staleChanged = Signal(bool)
    # The first-run button of an empty directory was clicked (the window opens File → Import).
    importRequested = Signal()

    def __init__(
        self, directory: MemberDirectory, settings: UiSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.directory = directory
        self.settings = settings
        self.last_result: SearchResult | None = None
        self._pending_select: list[int] = []
        self._restoring = False  # putting the selection back after a Cancel
        self._query_text = ""  # the search text the list follows (put back after a Cancel)
        self._tagging: Job | None = None
        self._last_change: TagChange | None = None
        self._tag_op: Operation | None = None  # the last tagging run (its undo is the runner's)
        # The store's member count, valid until the members change (the runner says when).
        self._total: int | None = None
        self._member_changes = 0  # members changed this many times
        self._search_started_at = 0  # ... when the newest search started
        self.runner = OperationRunner.for_store(directory.store)
        self.runner.changed.connect(self._on_changes)
        self.runner.historyChanged.connect(self._on_history_changed)
        self.searches = LatestOnly(self)
        self.searches.finished.connect(self._on_search_finished)
        self.searches.failed.connect(self._on_search_failed)

        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        # Examples that find members in the sample association (app/demo.py).
        self.search.setPlaceholderText(
            self.tr(
                'Search: martin, city:lyon tag:voile promo:2005..2010 -dues:paid, "saint étienne"…'
            )
        )
        self.search.installEventFilter(self)
        self.history = QStringListModel(settings.search_history, self)
        completer = QCompleter(self.history, self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.search.setCompleter(completer)
        self.search.textChanged.connect(self._on_query_changed)
        self.search.returnPressed.connect(self._on_query_committed)
        self.error = plain_label()
        self.error.setObjectName("searchError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()
        self.hint = plain_label(wrap=True)
        self.hint.setObjectName("searchHint")
        self.hint.hide()
        self.stale = False
        self._count_text = ""

        self.model = MemberTableModel(directory, self)
        self.model.sortRequested.connect(self._on_sort_requested)
        self.table = MemberTableView()
        self.table.setObjectName("memberTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.table.fontMetrics().height() + 8)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSectionsMovable(True)
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        header.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        header.customContextMenuRequested.connect(self._on_header_menu)
        header.sortIndicatorChanged.connect(self._on_sort_indicator)
        self._restore_header()
        columns = self.model.columns
        self.fitter = ColumnFitter(
            self.table,
            lambda section: column_chars(columns[section]),
            lambda section: _SAMPLES.get(_KINDS.get(columns[section], "text"), ""),
            fitting=settings.fit_columns,
        )
        self.fitter.fittingChanged.connect(self._on_fitting_changed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)

        self.card = MemberCard(directory)
        self.card.memberSaved.connect(self._on_member_saved)
        self.card.deleteRequested.connect(self.delete_selected)

        delete = QAction(self.tr("Delete"), self.table)
        delete.setShortcut(QKeySequence.StandardKey.Delete)
        delete.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        delete.triggered.connect(self.delete_selected)
        self.table.addAction(delete)
        self.delete_action = delete
        self._build_tag_actions()
        # Members are dragged onto a tag of the tag browser to tag them.
        self.table.setDragEnabled(True)
        self.table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._on_table_menu)

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(top)
        left_layout.addWidget(self.error)
        left_layout.addWidget(self.hint)
        # An association without members yet: its first step instead of an empty table.
        self.list_stack = QStackedWidget()
        self.list_stack.addWidget(self.table)
        self.first_run = self._build_first_run()
        self.list_stack.addWidget(self.first_run)
        left_layout.addWidget(self.list_stack, 1)
        self.splitter = QSplitter()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.card)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 1)
        state = settings.state("members/splitter")
        if state is not None:
            self.splitter.restoreState(state)
        else:
            self.splitter.setSizes([600, 340])
        layout = QVBoxLayout(self)
        layout.addWidget(self.splitter)

    def _build_first_run(self) -> QWidget:
        page = QWidget()
        page.setObjectName("firstRun")
        title = plain_label(self.tr("No members yet"), wrap=True)
        font = title.font()
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        title.setFont(font)
        self.first_run_button = QPushButton(self.tr("Import your members (Excel, CSV, LinkedIn…)"))
        self.first_run_button.setObjectName("firstRunImport")
        font = self.first_run_button.font()
        font.setPointSizeF(font.pointSizeF() * 1.25)
        self.first_run_button.setFont(font)
        self.first_run_button.setMinimumHeight(self.first_run_button.sizeHint().height() * 2)
        self.first_run_button.setDefault(True)
        self.first_run_button.clicked.connect(self.importRequested)
        more = plain_label(
            self.tr("Or add them one by one with File → New member (Ctrl+N)."), wrap=True
        )
        for label in (title, more):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(page)
        layout.addStretch(1)
        layout.addWidget(title)
        layout.addWidget(self.first_run_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(more)
        layout.addStretch(2)
        return page

    # --- layout memory -------------------------------------------------------------------

    def _restore_header(self) -> None:
        header = self.table.horizontalHeader()
        self.model.blockSignals(True)  # the window runs the first search itself
        self.table.setSortingEnabled(True)
        state = self.settings.state("members/header")
        if state is None or not header.restoreState(state):
            for section, key in enumerate(self.model.columns):
                header.setSectionHidden(section, key not in DEFAULT_COLUMNS)
            for position, key in enumerate(DEFAULT_COLUMNS):
                header.moveSection(header.visualIndex(self.model.columns.index(key)), position)
            header.setSortIndicator(
                self.model.columns.index("last_name"), Qt.SortOrder.AscendingOrder
            )
        self.model.blockSignals(False)
        header.setSectionHidden(self.model.columns.index(NAME_COLUMN), False)
        header.sectionCountChanged.connect(self._on_columns_shown)
        self._on_columns_shown()
        section = header.sortIndicatorSection()
        if 0 <= section < len(self.model.columns):
            self.model.sort_column = self.model.columns[section]
            self.model.sort_descending = header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder

    def save_layout(self) -> None:
        self.settings.set_state("members/header", self.table.horizontalHeader().saveState())
        self.settings.set_state("members/splitter", self.splitter.saveState())

    @Slot("QPoint")
    def _on_header_menu(self, pos: Any) -> None:
        header = self.table.horizontalHeader()
        menu = QMenu(self)
        menu.setTitle(self.tr("Columns"))
        for section, key in enumerate(self.model.columns):
            action = menu.addAction(field_title(key))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(section))
            action.setEnabled(key != NAME_COLUMN)
            action.toggled.connect(lambda checked, s=section: self._show_column(s, checked))
        menu.addSeparator()
        fit = menu.addAction(self.tr("Fit the columns to the list's width"))
        fit.setCheckable(True)
        fit.setChecked(self.fitter.fitting)
        fit.toggled.connect(self.fitter.set_fitting)
        menu.exec(header.mapToGlobal(pos))

    def _show_column(self, section: int, shown: bool) -> None:
        if self.model.columns[section] == NAME_COLUMN:
            shown = True
        self.table.horizontalHeader().setSectionHidden(section, not shown)
        self._on_columns_shown()
        self.fitter.fit()

    @Slot(bool)
    def _on_fitting_changed(self, fitting: bool) -> None:
        self.settings.fit_columns = fitting

    @Slot()
    def _on_columns_shown(self, *_: Any) -> None:
        header = self.table.horizontalHeader()
        self.model.set_shown_columns(
            [k for i, k in enumerate(self.model.columns) if not header.isSectionHidden(i)]
        )

    # --- searching -----------------------------------------------------------------------

    @property
    def sort(self) -> Sort:
        return Sort(self.model.sort_column, self.model.sort_descending)

    def refresh(self) -> None:
        """Run the current query again (after an edit, a deletion, an import…)."""
        self._start_search(self.search.text())

    def _start_search(self, query: str) -> None:
        self._search_started_at = self._member_changes
        locate = bool(self._pending_select) or self.table.selectionModel().hasSelection()
        self.searches.start(
            run_search, self.directory, query, self.sort, self._total, locate=locate
        )

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if not (changes.members or changes.tags):
            return
        if changes.all_members or changes.member_ids:
            self._member_changes += 1
            self._total = None
        # Only the rows of the change; every row when it does not list them (a tag renamed).
        listed = changes.member_ids and not changes.all_members
        self.model.refresh_rows(changes.member_ids if listed else None)
        self.refresh()

    @Slot(str)
    def _on_query_changed(self, text: str) -> None:
        if self._restoring:
            return
        if not self.card.confirm_leave():
            # Cancel: the search box goes back to the search the card was found with.
            self._restoring = True
            self.search.setText(self._query_text)
            self._restoring = False
            return
        self._query_text = text
        self._start_search(text)

    @Slot()
    def _on_query_committed(self) -> None:
        self.history.setStringList(self.settings.remember_search(self.search.text()))
        self._start_search(self.search.text())

    @Slot(str, bool)
    def _on_sort_requested(self, _column: str, _descending: bool) -> None:
        self.refresh()

    @Slot(int, Qt.SortOrder)
    def _on_sort_indicator(self, section: int, _order: Qt.SortOrder) -> None:
        if not self.model.sortable(section):
            # Tags cannot be ordered: put the indicator back where the order really is.
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.columns.index(self.model.sort_column),
                Qt.SortOrder.DescendingOrder
                if self.model.sort_descending
                else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _selected_rows(self) -> list[int]:
        """The selected rows, from the selection's ranges: selectedRows() would make an
        index and ask flags() for every cell of every row (a third of a second for a
        thousand rows spread over the list)."""
        rows: set[int] = set()
        for span in self.table.selectionModel().selection():
            rows.update(range(span.top(), span.bottom() + 1))
        return sorted(rows)

    def selected_ids(self) -> list[int]:
        return self.model.visible_ids(self._selected_rows())

    @Slot(object)
    def _on_search_finished(self, result: SearchResult) -> None:
        pending = self._pending_select
        keep = pending or self.selected_ids()[:1000]
        current = self.table.currentIndex()
        current_id = self.model.member_id(current.row()) if current.isValid() else None
        self._pending_select = []
        self.error.hide()
        self._set_stale(False)
        self._show_hint(result)
        self.last_result = result
        if self._search_started_at == self._member_changes:  # no change since it started
            self._total = result.total
        same_rows = not self.model.set_ids(result.ids, result.rows)
        self.list_stack.setCurrentWidget(self.first_run if result.total == 0 else self.table)
        if not result.query.strip():
            # Ready the name order now, so the first keystroke does not pay for it.
            Job(self.directory.prepare_order).start()
        if same_rows and not pending:
            # The same rows (searched again after an edit): the selection is still in place;
            # the card shows its member afresh.
            self._on_selection_changed()
        else:
            self._select_ids(keep, current_id)
        shown, total = len(result.ids), result.total
        if result.query.strip():
            # %Ln: the total, with the locale's digit grouping and plural form.
            text = self.tr("%1 of %Ln members", "", total).replace(
                "%1", self.locale().toString(shown)
            )
        else:
            text = self.tr("%Ln members", "", total)
        self._count_text = text
        self.countChanged.emit(text)
        self.searchFinished.emit()

    def _show_hint(self, result: SearchResult) -> None:
        """Why a tag: term finds no one (the tag does not exist; perhaps the city)."""
        lines = []
        for value, city in result.unknown_tags:
            if city is not None:
                line = self.tr("No member has the tag “%1” — did you mean city:%2?")
                lines.append(line.replace("%1", value).replace("%2", city))
            else:
                lines.append(self.tr("No member has the tag “%1”: no tag has this name.")
                             .replace("%1", value))  # fmt: skip
        self.hint.setText("\n".join(lines))
        self.hint.setVisible(bool(lines))

    def _set_stale(self, stale: bool) -> None:
        """While the query has an error, the list is greyed and said not updated."""
        if stale == self.stale:
            return
        self.stale = stale
        self.table.setEnabled(not stale)
        if stale:  # the hint line says it (the unknown tags were the older search's)
            self.hint.setText(self.tr("The list below is not updated."))
            self.hint.show()
            if self._count_text:
                self.countChanged.emit(self.tr("%1 (not updated)").replace("%1", self._count_text))
        self.staleChanged.emit(stale)

    def _select_ids(self, ids: list[int], current_id: int | None) -> None:
        selection = QItemSelection()
        last_column = self.model.columnCount() - 1
        found = self.model.rows_of(ids)
        # Neighbouring rows as one range: fewer ranges to build, select and paint.
        for first, last in contiguous_ranges(found.values()):
            selection.select(self.model.index(first, 0), self.model.index(last, last_column))
        model = self.table.selectionModel()
        if not selection.isEmpty():
            model.select(selection, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            row = self.model.row_of(current_id) if current_id is not None else -1
            if row < 0:
                row = next(iter(found.values()))
            model.setCurrentIndex(
                self.model.index(row, 0), QItemSelectionModel.SelectionFlag.NoUpdate
            )
            self.table.scrollTo(self.model.index(row, 0))
        else:
            self._on_selection_changed()

    @Slot(object)
    def _on_search_failed(self, error: BaseException) -> None:
        # The previous results stay in place; the error says what and where.
        if isinstance(error, QuerySyntaxError):
            message = (
                self.tr("Search error at character %1: %2")
                .replace("%1", str(error.position + 1))
                .replace("%2", message_text(error.message))
            )
        else:
            message = self.tr("The search failed: %1").replace("%1", str(error))
        self.error.setText(message)
        self.error.show()
        self._set_stale(True)

    def _history_shown(self) -> bool:
        completer = self.search.completer()
        popup = completer.popup() if completer is not None else None
        return popup is not None and popup.isVisible()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Down from the search box goes into the results (unless the history is offered).
        if (
            watched is self.search
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Down
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
            and not self._history_shown()
            and self.model.rowCount() > 0
            and self.table.isEnabled()
        ):
            self.table.setFocus(Qt.FocusReason.TabFocusReason)
            current = self.table.currentIndex()
            if not current.isValid() or not self.table.selectionModel().isRowSelected(
                current.row()
            ):
                self.table.selectRow(current.row() if current.isValid() else 0)
            return True
        return super().eventFilter(watched, event)

    # --- selection, card, deletion -------------------------------------------------------

    @Slot()
    def _on_selection_changed(self, *_: Any) -> None:
        if self._restoring:
            return
        rows = self._selected_rows()
        card = self.card
        if card.dirty:
            shown = self.model.member_id(rows[0]) if len(rows) == 1 else None
            if shown == card.member_id and len(rows) <= 1:
                return  # the same member (or the new one) after a refresh: keep the edit
            if not card.confirm_leave():
                self._put_back_selection(card.member_id)
                return
            self._pending_select = []  # after a Save, the list follows the new selection
        if len(rows) == 1:
            self.card.show_member(self.model.member_id(rows[0]))
        elif rows:
            self.card.show_many(len(rows))
        else:
            self.card.show_nothing()

    def _put_back_selection(self, member_id: int | None) -> None:
        """Select again the member the card shows (none for a new member), quietly."""
        model = self.table.selectionModel()
        row = self.model.row_of(member_id) if member_id is not None else -1
        self._restoring = True
        try:
            if row < 0:
                model.clearSelection()
            else:
                index = self.model.index(row, 0)
                flags = QItemSelectionModel.SelectionFlag
                model.setCurrentIndex(index, flags.ClearAndSelect | flags.Rows)
        finally:
            self._restoring = False

    def new_member(self) -> None:
        if not self.card.confirm_leave():
            return
        self.table.clearSelection()
        self.card.start_new()

    @Slot(int)
    def _on_member_saved(self, member_id: int) -> None:
        self._pending_select = [member_id]  # the runner's changes reload the list

    @Slot()
    def delete_selected(self) -> None:
        ids = self.selected_ids()
        if not ids:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete members"),
            self.tr("Delete %n member(s)? You can undo the last deletion (Ctrl+Z).", "", len(ids)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self.delete_ids(ids)

    def delete_ids(self, ids: list[int]) -> Job:
        """Delete in the runner; Edit → Undo brings them back (same ids, tags, communities)."""
        return self.runner.run(
            Operation("members.delete", {"ids": ids}),
            self._on_deleted,
            self._on_operation_failed,
        )

    def _on_deleted(self, deleted: DeletedMembers) -> None:
        self.undoAvailable.emit(len(deleted.rows))

    @Slot(object)
    def _on_operation_failed(self, error: BaseException) -> None:
        text = str(error) if isinstance(error, AmicaleError) else repr(error)
        QMessageBox.warning(self, self.tr("Amicale"), text)
        self.refresh()

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    # --- bulk tagging --------------------------------------------------------------------

    def _build_tag_actions(self) -> None:
        def action(text: str, name: str, slot: Any) -> QAction:
            made = QAction(text, self)
            made.setObjectName(name)
            made.triggered.connect(slot)
            return made

        self.tag_selection_action = action(
            self.tr("Tag the selection…"), "tagSelection", self.tag_selection
        )
        self.untag_selection_action = action(
            self.tr("Untag the selection…"), "untagSelection", self.untag_selection
        )
        self.tag_search_action = action(
            self.tr("Tag the whole search…"), "tagSearch", self.tag_search
        )
        self.tag_emails_action = action(
            self.tr("Tag a pasted list of emails…"), "tagEmails", self.tag_emails
        )
        self.undo_tag_action = action(
            self.tr("Undo the last tagging"), "undoTagging", self.undo_tagging
        )
        self.undo_tag_action.setEnabled(False)

    def forbid_editing(self, why: str) -> None:
        """The person's role may read members, not change them (app.permissions): the card
        read-only, deleting, tagging and the first import greyed out with ``why``."""
        self.card.forbid_editing(why)
        for action in (self.delete_action, *self.tag_actions()):
            forbid(action, why)
        forbid(self.first_run_button, why)
        self.table.setDragEnabled(False)  # no tagging by dropping members on a tag

    def tag_actions(self) -> list[QAction]:
        return [
            self.tag_selection_action,
            self.untag_selection_action,
            self.tag_search_action,
            self.tag_emails_action,
            self.undo_tag_action,
        ]

    @Slot("QPoint")
    def _on_table_menu(self, pos: Any) -> None:
        menu = QMenu(self)
        for action in self.tag_actions():
            menu.addAction(action)
        menu.exec(self.table.viewport().mapToGlobal(pos))

    def _choose_tag(self, title: str, intro: str, allow_new: bool = True) -> int | None:
        from ui.dialogs.tag_choice import TagChoiceDialog

        dialog = TagChoiceDialog(self.directory.store, title, intro, self, allow_new=allow_new)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        return dialog.tag_id if accepted else None

    @Slot()
    def tag_selection(self) -> Job | None:
        ids = self.selected_ids()
        if not ids:
            return None
        tag_id = self._choose_tag(
            self.tr("Tag the selection"),
            self.tr("Tag %n selected member(s) with:", "", len(ids)),
        )
        return None if tag_id is None else self.start_tagging(tag_id, ids=ids)

    @Slot()
    def untag_selection(self) -> Job | None:
        ids = self.selected_ids()
        if not ids:
            return None
        tag_id = self._choose_tag(
            self.tr("Untag the selection"),
            self.tr("Remove from %n selected member(s) the tag:", "", len(ids)),
            allow_new=False,
        )
        return None if tag_id is None else self.start_tagging(tag_id, add=False, ids=ids)

    @Slot()
    def tag_search(self) -> Job | None:
        result = self.last_result
        query = self.search.text()
        shown = len(result.ids) if result is not None and result.query == query else None
        if shown is None:
            intro = self.tr("Tag every member of the current search with:")
        else:
            intro = self.tr("Tag the %n member(s) of the current search with:", "", shown)
        tag_id = self._choose_tag(self.tr("Tag the whole search"), intro)
        return None if tag_id is None else self.start_tagging(tag_id, query=query)

    def start_tagging(
        self,
        tag_id: int,
        *,
        add: bool = True,
        ids: list[int] | None = None,
        query: str | None = None,
    ) -> Job | None:
        """Tag or untag members (listed, or a search) in a job; the window stays usable."""
        if self._tagging is not None:
            self.statusMessage.emit(self.tr("Another tagging is running; try again when it ends."))
            return None
        op = Operation("tags.change", {"tag_id": tag_id, "add": add, "ids": ids, "query": query})
        return self._run_tagging(op, self.tr("Tagging…") if add else self.tr("Untagging…"))

    def _run_tagging(self, op: Operation, text: str) -> Job:
        """Run a tagging operation in the runner: Edit → Undo (Ctrl+Z) reverses it."""
        self._tag_op = op
        job = self.runner.run(op, self._on_tag_outcome, self._on_tagging_failed, origin=self)
        return self._start_tag_job(job, text)

    def _on_tag_outcome(self, value: Any) -> None:
        if isinstance(value, tuple):
            self._on_emails_tagged(value)
        else:
            self._on_tagged(value)

    def _start_tag_job(self, job: Job, text: str) -> Job:
        self._tagging = job
        for action in self.tag_actions():
            action.setEnabled(False)
        self.statusMessage.emit(text)
        return job

    def _end_tag_job(self) -> None:
        self._tagging = None
        for action in self.tag_actions():
            action.setEnabled(action is not self.undo_tag_action or self._tag_undoable())

    def _tag_undoable(self) -> bool:
        """The last tagging is still Edit → Undo's last step (nothing was done since)."""
        last = self.runner.last_done()
        return (
            self._last_change is not None
            and self._tag_op is not None
            and last is not None
            and last.id == self._tag_op.id
        )

    @Slot()
    def _on_history_changed(self) -> None:
        if self._tagging is None:
            self.undo_tag_action.setEnabled(self._tag_undoable())

    def _change_text(self, change: TagChange) -> str:
        text = (
            self.tr("%n member(s) newly tagged with “%1”.", "", change.count)
            if change.added
            else self.tr("%n member(s) untagged from “%1”.", "", change.count)
        )
        return text.replace("%1", change.tag_name)

    @Slot(object)
    def _on_tagged(self, change: TagChange) -> None:
        self._last_change = change if change.count else None
        self._end_tag_job()
        self.tagUndoAvailable.emit(self._last_change is not None)
        self.statusMessage.emit(self._change_text(change))
        self.tagsChanged.emit()  # the runner told the list, the tag counts, segments

    @Slot(object)
    def _on_tagging_failed(self, error: BaseException) -> None:
        self._end_tag_job()
        if isinstance(error, QuerySyntaxError):
            self.statusMessage.emit(self.tr("The current search is not valid; nothing was tagged."))
            return
        self.statusMessage.emit(str(error) if isinstance(error, AmicaleError) else repr(error))

    @Slot()
    def undo_tagging(self) -> Job | None:
        """Undo the last tagging: Edit → Undo's step, when it is still the last one."""
        if self._tagging is not None or not self._tag_undoable():
            return None
        self._last_change = None
        self.tagUndoAvailable.emit(False)
        job = self.runner.undo(self._on_tagging_undone, self._on_tagging_failed)
        if job is None:
            return None
        return self._start_tag_job(job, self.tr("Undoing…"))

    def _on_tagging_undone(self, reverse: TagChange) -> None:
        self._end_tag_job()
        self.statusMessage.emit(self.tr("Undone: %1").replace("%1", self._change_text(reverse)))
        self.tagsChanged.emit()

    @Slot()
    def tag_emails(self) -> Job | None:
        """Tag the members whose emails are pasted; the emails of nobody are listed."""
        from ui.dialogs.tag_choice import TagChoiceDialog

        dialog = TagChoiceDialog(
            self.directory.store,
            self.tr("Tag a pasted list of emails"),
            self.tr("Tag the members whose emails are pasted below with:"),
            self,
            with_emails=True,
        )
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        dialog.deleteLater()
        if not accepted or dialog.tag_id is None:
            return None
        return self.start_email_tagging(dialog.tag_id, dialog.email_text())

    def start_email_tagging(self, tag_id: int, text: str) -> Job | None:
        if self._tagging is not None:
            return None
        op = Operation("tags.tag-emails", {"tag_id": tag_id, "text": text})
        return self._run_tagging(op, self.tr("Tagging…"))

    @Slot(object)
    def _on_emails_tagged(self, outcome: tuple[TagChange, int, list[str]]) -> None:
        change, _matched, missing = outcome
        self._on_tagged(change)
        if missing:
            QMessageBox.information(
                self,
                self.tr("Emails not found"),
                self.tr("%n email(s) match no member:", "", len(missing))
                + "\n"
                + "\n".join(missing),
            )
