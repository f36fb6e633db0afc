"""The sidebar's segments: the ready-made ones, then the saved searches, each with its count.

Counts are live (STYLE.md §3): they are computed in a background job after each load and
each change, "…" meanwhile, and again whenever an operation changed members or tags (the
runner's `changed`), so a count never outlives the data it counted. Clicking a segment
emits its query for the member search box. Saving, renaming, editing and deleting are
single short operations run in place, as the member card's Save is.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QPoint,
    Qt,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtGui import QAction, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLineEdit,
    QMenu,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import clock, segments
from app.errors import AmicaleError
from app.members.search import QuerySyntaxError
from app.members.service import MemberDirectory
from app.messages import Message
from app.operations import Changes, Operation
from app.segments import Segment
from app.store import Store
from app.text import fold
from ui.dialogs.export_dialog import ExportDialog
from ui.labels import message_text
from ui.models.segment_list import COL_COUNT, COL_NAME, SEPARATOR_ROLE, SegmentListModel
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import LatestOnly


class _SeparatorDelegate(QStyledItemDelegate):
    """Draws the separator row as a thin line."""

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        if index.data(SEPARATOR_ROLE):
            rect = option.rect
            palette = option.palette
            painter.save()
            painter.setPen(palette.color(QPalette.ColorRole.Mid))
            y = rect.center().y()
            painter.drawLine(rect.left() + 6, y, rect.right() - 6, y)
            painter.restore()
            return
        super().paint(painter, option, index)


class SegmentQueryDialog(QDialog):
    """Edit a segment's search; OK only while it is valid (the error gives its position)."""

    def __init__(self, name: str, query: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("segmentQueryDialog")
        self.setWindowTitle(self.tr("Edit the segment’s search"))
        self.setMinimumWidth(420)
        label = plain_label(self.tr("Search of the segment “%1”:").replace("%1", name))
        label.setWordWrap(True)
        self.edit = QLineEdit(query)
        self.edit.setObjectName("segmentQueryEdit")
        self.error = plain_label()
        self.error.setObjectName("segmentQueryError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.edit.textChanged.connect(self._on_text_changed)
        self._on_text_changed(query)

    def query(self) -> str:
        return self.edit.text().strip()

    @property
    def valid(self) -> bool:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        return ok is not None and ok.isEnabled()

    @Slot(str)
    def _on_text_changed(self, text: str) -> None:
        try:
            segments.check_query(text)
        except QuerySyntaxError as exc:
            self.error.setText(
                self.tr("Search error at character %1: %2")
                .replace("%1", str(exc.position + 1))
                .replace("%2", message_text(exc.message))
            )
        except AmicaleError as exc:
            self.error.setText(_reason(exc))
        else:
            self.error.clear()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not self.error.text())


def _reason(error: BaseException) -> str:
    first = error.args[0] if error.args else ""
    return message_text(first) if isinstance(first, Message) else str(error)


class SegmentList(QWidget):
    # The query of the segment the user chose (click or Enter): the member search runs it.
    segmentActivated = Signal(str)
    # A segment was saved, renamed, duplicated, edited or deleted; the list is reloaded.
    segmentsChanged = Signal()
    # Fresh live counts are shown.
    countsUpdated = Signal()

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, autoload: bool = True
    ) -> None:
        """``autoload=False``: the owner calls reload() when it is ready (the window does
        so after the member list's first page, which must not share the CPU)."""
        super().__init__(parent)
        self.setObjectName("segmentList")
        self.store = store
        self.directory = MemberDirectory(store)
        self._current_query = ""
        self._month = ""  # the month "New this month" was built for

        self.title = plain_label(self.tr("Segments"))
        self.title.setObjectName("segmentTitle")
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.save_action = QAction(self.tr("Save the current search as a segment…"), self)
        self.save_action.setObjectName("saveSegmentAction")
        self.save_action.setEnabled(False)
        self.save_action.triggered.connect(self._on_save_requested)
        self.save_button = QToolButton()
        self.save_button.setObjectName("saveSegmentButton")
        self.save_button.setText("+")
        self.save_button.setAutoRaise(True)
        self.save_button.setToolTip(self.tr("Save the current search as a segment"))
        self.save_button.setAccessibleName(self.tr("Save the current search as a segment"))
        self.save_button.setEnabled(False)
        self.save_button.clicked.connect(self.save_action.trigger)
        self.save_action.enabledChanged.connect(self.save_button.setEnabled)

        self.model = SegmentListModel(self)
        self.view = QTreeView()
        self.view.setObjectName("segmentView")
        self.view.setModel(self.model)
        self.view.setHeaderHidden(True)
        self.view.setRootIsDecorated(False)
        self.view.setItemsExpandable(False)
        self.view.setIndentation(0)
        self.view.setAllColumnsShowFocus(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.view.setItemDelegate(_SeparatorDelegate(self.view))
        header = self.view.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(COL_COUNT, QHeaderView.ResizeMode.ResizeToContents)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._on_context_menu)
        self.view.clicked.connect(self._on_clicked)
        self.view.installEventFilter(self)

        self.error = plain_label()
        self.error.setObjectName("segmentError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.hide()

        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.title, 1)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)

        self.counter = LatestOnly(self)
        self.counter.finished.connect(self._on_counted)
        self.counter.failed.connect(self._on_count_failed)
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)
        # "New this month" changes its query on the first of the month, at local midnight.
        self.midnight = QTimer(self)
        self.midnight.setSingleShot(True)
        self.midnight.setTimerType(Qt.TimerType.VeryCoarseTimer)
        self.midnight.timeout.connect(self._on_midnight)
        self.midnight.start(clock.msecs_until_midnight())
        if autoload:
            self.reload()

    # --- loading and counting ------------------------------------------------------------

    @Slot()
    def reload(self) -> None:
        """Read the segments again (a small table), keep the selection, count them."""
        current = self.current_segment()
        try:
            found = segments.list_segments(self.store)
        except AmicaleError as exc:
            self._show_error(self._error_text(exc))
            return
        self._month = clock.today().strftime("%Y-%m")
        self.model.set_segments(found)
        for row in range(self.model.rowCount()):
            if self.model.segment(row) is None:
                self.view.setFirstColumnSpanned(row, QModelIndex(), True)
        if current is not None:
            self.select(current.id)
        self.refresh()

    @Slot()
    def refresh(self) -> None:
        """Count every segment again in the background ("…" meanwhile)."""
        self.model.set_counting()
        self.counter.start(segments.counts, self.store, self.model.segments())

    def wait(self, msecs: int = 5000) -> bool:
        """Wait for the counting job (before closing the store)."""
        return self.counter.wait(msecs)

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.segments:
            self.reload()  # saved, renamed, deleted: the list itself
        elif changes.members or changes.tags:
            self.refresh()  # the same segments, new counts

    @Slot()
    def _on_midnight(self) -> None:
        if clock.today().strftime("%Y-%m") != self._month:
            self.reload()
        self.midnight.start(clock.msecs_until_midnight())

    @Slot(object)
    def _on_counted(self, counts: dict[int, int]) -> None:
        self.model.set_counts(counts)
        self.countsUpdated.emit()

    @Slot(object)
    def _on_count_failed(self, error: BaseException) -> None:
        self.model.stop_counting()
        self._show_error(
            self.tr("The segments could not be counted: %1").replace("%1", self._error_text(error))
        )

    # --- choosing ------------------------------------------------------------------------

    def current_segment(self) -> Segment | None:
        return self.model.segment(self.view.currentIndex().row())

    def select(self, segment_id: int) -> None:
        row = self.model.row_of(segment_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, COL_NAME))

    def _activate_row(self, row: int) -> None:
        item = self.model.segment(row)
        if item is not None:
            self.segmentActivated.emit(item.query)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        self._activate_row(index.row())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            item = self.current_segment()
            key = event.key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and item is not None:
                self._activate_row(self.view.currentIndex().row())
                return True
            if key == Qt.Key.Key_F2 and item is not None and not item.ready_made:
                self._on_rename_requested(item)
                return True
            if key == Qt.Key.Key_Delete and item is not None and not item.ready_made:
                self._on_delete_requested(item)
                return True
        return super().eventFilter(watched, event)

    # --- the current search --------------------------------------------------------------

    @Slot(str)
    def set_current_query(self, query: str) -> None:
        """The member search as it stands: what "Save the current search…" saves."""
        self._current_query = query.strip()
        self.save_action.setEnabled(bool(self._current_query))

    @Slot()
    def _on_save_requested(self) -> None:
        self.ask_and_save()

    def ask_and_save(self, query: str | None = None) -> Segment | None:
        """Ask for a name, then save ``query`` (the current search by default) under it."""
        text = (self._current_query if query is None else query).strip()
        try:
            segments.check_query(text)
        except AmicaleError as exc:
            self._show_error(self._error_text(exc))
            return None
        name, ok = QInputDialog.getText(
            self, self.tr("Save the search as a segment"), self.tr("Name of the segment:")
        )
        if not ok or not name.strip():
            return None
        existing = self._saved_named(name)
        if existing is not None and existing.query != text:
            answer = QMessageBox.question(
                self,
                self.tr("Save the search as a segment"),
                self.tr("A segment named “%1” already exists. Replace its search?").replace(
                    "%1", existing.name
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            if answer != QMessageBox.StandardButton.Yes:
                return None
        return self.save_current(name, text)

    # --- operations (short transactions, run in place) -----------------------------------

    def save_current(self, name: str, query: str) -> Segment | None:
        """Save ``query`` as segment ``name`` (replacing the query of a segment so named)."""
        if self._refuse_ready_made_name(name):
            return None
        return self._run(Operation("segment.save", {"name": name, "query": query}))

    def rename(self, segment_id: int, name: str) -> Segment | None:
        if self._refuse_ready_made(segment_id) or self._refuse_ready_made_name(name):
            return None
        return self._run(Operation("segment.rename", {"segment_id": segment_id, "name": name}))

    def set_query(self, segment_id: int, query: str) -> Segment | None:
        if self._refuse_ready_made(segment_id):
            return None
        return self._run(Operation("segment.set-query", {"segment_id": segment_id, "query": query}))

    def duplicate(self, segment_id: int) -> Segment | None:
        base = self.model.display_name(segment_id) or None
        return self._run(Operation("segment.duplicate", {"segment_id": segment_id, "base": base}))

    def delete(self, segment_id: int) -> Segment | None:
        """Delete a saved segment at once (the context menu asks first)."""
        if self._refuse_ready_made(segment_id):
            return None
        return self._run(Operation("segment.delete", {"segment_id": segment_id}), select=False)

    def export(self, segment_id: int) -> ExportDialog | None:
        """Open Export… on the members of the segment."""
        row = self.model.row_of(segment_id)
        item = self.model.segment(row)
        if item is None:
            return None
        dialog = ExportDialog(
            self.store,
            self.directory,
            item.query,
            [],
            self,
            search_count=self.model.count(segment_id),
        )
        dialog.setWindowTitle(
            self.tr("Export the segment “%1”").replace("%1", self.model.display_name(segment_id))
        )
        dialog.exec()
        dialog.deleteLater()
        return dialog

    def _run(self, op: Operation, select: bool = True) -> Segment | None:
        try:
            result: Segment = self.runner.run_now(op)  # the runner's changes reload the list
        except AmicaleError as exc:
            self._show_error(self._error_text(exc))
            return None
        self._show_error("")
        if select:
            self.select(result.id)
        self.segmentsChanged.emit()
        return result

    def _saved_named(self, name: str) -> Segment | None:
        key = fold(" ".join(name.split()))
        for item in self.model.segments():
            if not item.ready_made and fold(item.name) == key:
                return item
        return None

    def _refuse_ready_made(self, segment_id: int) -> bool:
        """Said here rather than by app/, which can only name the segment in English."""
        item = self.model.segment(self.model.row_of(segment_id))
        if item is None or not item.ready_made:
            return False
        self._show_error(
            self.tr("“%1” is a ready-made segment: it cannot be changed.").replace(
                "%1", self.model.display_name(segment_id)
            )
        )
        return True

    def _refuse_ready_made_name(self, name: str) -> bool:
        """The app knows the English names; here the translated ones are refused too."""
        key = fold(" ".join(name.split()))
        for item in self.model.segments():
            if item.ready_made and fold(self.model.display_name(item.id)) == key:
                self._show_error(
                    self.tr(
                        "“%1” is the name of a ready-made segment: choose another name."
                    ).replace("%1", self.model.display_name(item.id))
                )
                return True
        return False

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setVisible(bool(text))

    def _error_text(self, error: BaseException) -> str:
        if isinstance(error, QuerySyntaxError):
            return (
                self.tr("Search error at character %1: %2")
                .replace("%1", str(error.position + 1))
                .replace("%2", message_text(error.message))
            )
        if isinstance(error, AmicaleError):
            return _reason(error)
        return f"{type(error).__name__}: {error}"  # a bug: one line, never a traceback

    # --- context menu --------------------------------------------------------------------

    def context_menu(self, item: Segment | None) -> QMenu:
        """The menu for ``item`` (None: the empty area), its actions named for tests."""
        menu = QMenu(self)
        if item is not None:
            saved = not item.ready_made
            entries: list[tuple[str, str, Callable[[Segment], Any], bool]] = [
                ("showSegmentAction", self.tr("Show the members"), self._on_show_requested, True),
                ("editSegmentAction", self.tr("Edit the search…"), self._on_edit_requested, saved),
                ("renameSegmentAction", self.tr("Rename…"), self._on_rename_requested, saved),
                (
                    "duplicateSegmentAction",
                    self.tr("Duplicate"),
                    self._on_duplicate_requested,
                    True,
                ),
                ("exportSegmentAction", self.tr("Export…"), self._on_export_requested, True),
                ("deleteSegmentAction", self.tr("Delete…"), self._on_delete_requested, saved),
            ]
            for name, text, handler, enabled in entries:
                if name == "deleteSegmentAction":
                    menu.addSeparator()
                action = menu.addAction(text)
                action.setObjectName(name)
                action.setEnabled(enabled)
                action.triggered.connect(lambda _checked=False, h=handler, s=item: h(s))
            menu.addSeparator()
        menu.addAction(self.save_action)
        return menu

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        item = self.model.segment(index.row()) if index.isValid() else None
        if item is not None:
            self.view.setCurrentIndex(self.model.index(index.row(), COL_NAME))
        menu = self.context_menu(item)
        menu.exec(self.view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    @Slot(object)
    def _on_show_requested(self, item: Segment) -> None:
        self.segmentActivated.emit(item.query)

    @Slot(object)
    def _on_edit_requested(self, item: Segment) -> None:
        dialog = SegmentQueryDialog(self.model.display_name(item.id), item.query, self)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                self.set_query(item.id, dialog.query())
        finally:
            dialog.deleteLater()

    @Slot(object)
    def _on_rename_requested(self, item: Segment) -> None:
        name, ok = QInputDialog.getText(
            self,
            self.tr("Rename the segment"),
            self.tr("New name:"),
            QLineEdit.EchoMode.Normal,
            item.name,
        )
        if ok and name.strip() and name.strip() != item.name:
            self.rename(item.id, name)

    @Slot(object)
    def _on_duplicate_requested(self, item: Segment) -> None:
        self.duplicate(item.id)

    @Slot(object)
    def _on_export_requested(self, item: Segment) -> None:
        self.export(item.id)

    @Slot(object)
    def _on_delete_requested(self, item: Segment) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Delete the segment"),
            self.tr(
                "Delete the segment “%1”? Its members stay; only the saved search goes."
            ).replace("%1", item.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.delete(item.id)
