"""The tag browser: categories and tags with their member counts, management, bulk tagging.

A tag item *is* a query (``tag:#ID``): clicking it asks for that search, clicking it again
asks for its exclusion (``-tag:#ID``), Ctrl-click asks to add it to the current search. The
counts are those within the search last given to `set_query`, computed in a background job
(a newer search cancels the older count), so typing is never blocked; they are recomputed
whenever the store was written to. Management actions are short transactions run in place;
tagging a whole search runs in a job.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, QPoint, Qt, Signal, Slot
from PySide6.QtGui import QAction, QColor, QKeySequence, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QColorDialog,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QInputDialog,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QToolButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from app import tags
from app.errors import AmicaleError
from app.members.search import QuerySyntaxError
from app.operations import Changes, Operation
from app.store import Store
from app.tags import CategoryInfo, DeletedTag, TagChange, TagInfo
from ui.labels import message_text, plain_tip
from ui.models.tag_tree import TagTreeModel
from ui.operations import OperationRunner
from ui.widgets import empty_hint, plain_label
from ui.workers import Job, LatestOnly


def _error_text(error: BaseException) -> str:
    if isinstance(error, AmicaleError) and error.args:
        return message_text(error.args[0])
    return str(error)


class EmailsDialog(QDialog):
    """A pasted list of emails to tag (one per line, or separated by commas or semicolons)."""

    def __init__(self, tag_label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Tag a list of emails"))
        intro = plain_label(
            self.tr("Paste the emails of the members to tag with “%1”:").replace("%1", tag_label)
        )
        intro.setWordWrap(True)
        self.edit = QPlainTextEdit()
        self.edit.setObjectName("tagsEmailsEdit")
        self.edit.setPlaceholderText(self.tr("one email per line, or separated by , or ;"))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Tag"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.edit, 1)
        layout.addWidget(buttons)

    def text(self) -> str:
        return self.edit.toPlainText()


class TagsPanel(QWidget):
    # A search for the search box: "tag:#ID", or "-tag:#ID" on a second click.
    queryRequested = Signal(str)
    # A term to add to the current search (Ctrl-click): "tag:#ID".
    combineRequested = Signal(str)
    # Tags or member tags changed: the member list should refresh.
    tagsChanged = Signal()
    # Fresh counts are shown (tests and the status bar may wait for it).
    countsUpdated = Signal()

    def __init__(
        self, store: Store, parent: QWidget | None = None, *, autoload: bool = True
    ) -> None:
        """``autoload=False``: the owner calls reload() when it is ready (the window does
        so after the member list's first page, which must not share the CPU)."""
        super().__init__(parent)
        self.store = store
        self._query = ""
        self._last_click: tuple[int, bool] | None = None  # (tag id, excluded)
        self._modifiers = Qt.KeyboardModifier.NoModifier
        self._deleted: DeletedTag | None = None
        self._change: TagChange | None = None  # the last bulk change, while undoable
        # The operation the Undo button reverses: Edit → Undo's last step, or no button.
        self._undo_op: Operation | None = None
        # False when the owner tags dropped members itself (the window: its member list
        # offers the undo and the status bar shows the result).
        self.handles_drops = True
        self._bulk: Job | None = None
        self._bulk_op: Operation | None = None
        self._collapsed: set[str] = set()

        self.model = TagTreeModel(self)
        self.model.set_no_category_label(self.tr("No category"))
        self.tree = QTreeView()
        self.tree.setObjectName("tagTree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.tree.customContextMenuRequested.connect(self._on_context_menu)
        self.tree.clicked.connect(self._on_clicked)
        self.tree.collapsed.connect(self._on_collapsed)
        self.tree.expanded.connect(self._on_expanded)
        self.tree.viewport().installEventFilter(self)
        self.tree.selectionModel().currentChanged.connect(self._on_current_changed)
        # Members dragged from the member table are dropped on a tag to tag them.
        self.tree.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.tree.setAcceptDrops(True)
        self.tree.setDropIndicatorShown(True)
        self.model.membersDropped.connect(self._on_members_dropped)

        self.new_action = self._action(self.tr("New tag…"), "tagsNew", self._on_new_requested)
        self.rename_action = self._action(self.tr("Rename…"), "tagsRename", self._on_rename)
        self.rename_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.color_action = self._action(self.tr("Colour…"), "tagsColor", self._on_color)
        self.move_action = self._action(
            self.tr("Move to category…"), "tagsMove", self._on_move_requested
        )
        self.merge_action = self._action(
            self.tr("Merge into…"), "tagsMerge", self._on_merge_requested
        )
        self.delete_action = self._action(
            self.tr("Delete…"), "tagsDelete", self._on_delete_requested
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.tag_search_action = self._action(
            self.tr("Tag the current search…"), "tagsTagSearch", self._on_tag_search
        )
        self.untag_search_action = self._action(
            self.tr("Untag the current search…"), "tagsUntagSearch", self._on_untag_search
        )
        self.emails_action = self._action(
            self.tr("Tag a pasted list of emails…"), "tagsEmails", self._on_emails_requested
        )
        self.rules_action = self._action(
            self.tr("Tagging rules…"), "tagsRules", self._on_rules_requested
        )
        for action in self._tag_actions():
            self.tree.addAction(action)
        self.tree.addAction(self.new_action)

        new_button = QToolButton()
        new_button.setObjectName("tagsNewButton")
        new_button.setDefaultAction(self.new_action)
        more = QToolButton()
        more.setObjectName("tagsMoreButton")
        more.setText(self.tr("Tag actions"))
        more.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        more.setMenu(self._menu())
        buttons = QHBoxLayout()
        buttons.addWidget(new_button)
        buttons.addWidget(more)
        rules = QToolButton()
        rules.setObjectName("tagsRulesButton")
        rules.setDefaultAction(self.rules_action)
        buttons.addWidget(rules)
        buttons.addStretch(1)

        self.status = plain_label()
        self.status.setObjectName("tagsStatus")
        self.status.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("Undo"))
        self.undo_button.setObjectName("tagsUndo")
        self.undo_button.hide()
        self.undo_button.clicked.connect(self._on_undo)
        self.progress = QProgressBar()
        self.progress.setObjectName("tagsProgress")
        self.progress.setRange(0, 0)  # one statement: its progress is not known
        self.progress.setTextVisible(False)
        self.progress.hide()
        status_line = QHBoxLayout()
        status_line.addWidget(self.status, 1)
        status_line.addWidget(self.undo_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.tree, 1)
        self.empty_hint = empty_hint(
            self.tr(
                "No tags yet: select members and use Edit → Tag the selection, or import a "
                "file with a Tags column."
            )
        )
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.progress)
        layout.addLayout(status_line)

        self.counter = LatestOnly(self)
        self.counter.finished.connect(self._on_counted)
        self.counter.failed.connect(self._on_count_failed)
        self.runner = OperationRunner.for_store(store)
        self.runner.changed.connect(self._on_changes)
        self.runner.historyChanged.connect(self._on_history_changed)
        self._update_actions()
        if autoload:
            self.reload()

    def _action(self, text: str, name: str, slot: Any) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        return action

    def _tag_actions(self) -> list[QAction]:
        return [
            self.rename_action,
            self.color_action,
            self.move_action,
            self.merge_action,
            self.delete_action,
        ]

    def _menu(self) -> QMenu:
        menu = QMenu(self)
        menu.addAction(self.new_action)
        menu.addSeparator()
        for action in self._tag_actions():
            menu.addAction(action)
        menu.addSeparator()
        menu.addAction(self.tag_search_action)
        menu.addAction(self.untag_search_action)
        menu.addAction(self.emails_action)
        menu.addSeparator()
        menu.addAction(self.rules_action)
        return menu

    # --- public --------------------------------------------------------------------------

    @property
    def query(self) -> str:
        return self._query

    @Slot(str)
    def set_query(self, query: str) -> None:
        """Count within ``query`` from now on (the member search box's text)."""
        if query == self._query:
            return
        self._query = query
        self.reload()

    @Slot()
    def reload(self) -> None:
        """Recount in the background; the tree keeps the old counts meanwhile."""
        self.counter.start(tags.tag_tree, self.store, self._query)

    def current_tag(self) -> TagInfo | None:
        return self.model.tag_at(self.tree.currentIndex())

    def select_tag(self, tag_id: int) -> bool:
        index = self.model.tag_index(tag_id)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        return index.isValid()

    def activate_tag(self, tag_id: int, combine: bool = False) -> None:
        """What a click on a tag does (Ctrl-click when ``combine``)."""
        term = tags.query_for(tag_id)
        if combine:
            self._last_click = None
            self.combineRequested.emit(term)
            return
        exclude = self._last_click == (tag_id, False)
        self._last_click = (tag_id, exclude)
        self.queryRequested.emit(f"-{term}" if exclude else term)

    def side_view(self) -> QTreeView:
        """A second view of the same tags (no counting of its own), to sit beside the
        member table: a click filters as here, members dropped on a tag are tagged."""
        view = QTreeView()
        # A narrow dock cuts the middle of a long name, never its count: "Provence-Alp…(166)".
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.setObjectName("tagSideTree")
        view.setModel(self.model)
        view.setHeaderHidden(True)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        view.setAcceptDrops(True)
        view.setDropIndicatorShown(True)

        def on_clicked(index: QModelIndex) -> None:
            info = self.model.tag_at(index)
            if info is not None:
                modifiers = QApplication.keyboardModifiers()
                self.activate_tag(info.id, bool(modifiers & Qt.KeyboardModifier.ControlModifier))

        view.clicked.connect(on_clicked)
        self.model.treeSet.connect(view.expandAll)
        view.expandAll()
        return view

    # --- counts --------------------------------------------------------------------------

    @Slot(object)
    def _on_counted(self, tree: list[CategoryInfo]) -> None:
        current = self.current_tag()
        self.model.set_tree(tree)
        for row in range(self.model.rowCount()):
            index = self.model.index(row, 0)
            self.tree.setExpanded(
                index, index.data(Qt.ItemDataRole.DisplayRole) not in self._collapsed
            )
        if current is not None:
            self.select_tag(current.id)
        self.empty_hint.setVisible(not any(category.tags for category in tree))
        self._update_actions()
        self.countsUpdated.emit()

    @Slot(object)
    def _on_count_failed(self, error: BaseException) -> None:
        if isinstance(error, QuerySyntaxError):
            return  # a search being typed: the last counts stay until it parses
        self.status.setText(
            self.tr("The counts could not be computed: %1").replace("%1", str(error))
        )

    @Slot(object, object)
    def _on_changes(self, changes: Changes, origin: object = None) -> None:
        if changes.tags or changes.members:  # the tree or its counts
            self.reload()

    @Slot(QModelIndex)
    def _on_collapsed(self, index: QModelIndex) -> None:
        self._collapsed.add(str(index.data(Qt.ItemDataRole.DisplayRole)))

    @Slot(QModelIndex)
    def _on_expanded(self, index: QModelIndex) -> None:
        self._collapsed.discard(str(index.data(Qt.ItemDataRole.DisplayRole)))

    # --- clicks --------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tree.viewport() and event.type() in (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
        ):
            assert isinstance(event, QMouseEvent)
            self._modifiers = event.modifiers()
        return super().eventFilter(watched, event)

    @Slot(QModelIndex)
    def _on_clicked(self, index: QModelIndex) -> None:
        info = self.model.tag_at(index)
        if info is None:
            return
        combine = bool(self._modifiers & Qt.KeyboardModifier.ControlModifier)
        self.activate_tag(info.id, combine)

    @Slot(QModelIndex, QModelIndex)
    def _on_current_changed(self, *_: Any) -> None:
        self._update_actions()

    def _update_actions(self) -> None:
        has_tag = self.current_tag() is not None
        for action in self._tag_actions():
            action.setEnabled(has_tag)
        idle = self._bulk is None
        self.tag_search_action.setEnabled(has_tag and idle)
        self.untag_search_action.setEnabled(has_tag and idle)
        self.emails_action.setEnabled(has_tag and idle)

    @Slot(QPoint)
    def _on_context_menu(self, pos: QPoint) -> None:
        index = self.tree.indexAt(pos)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        self._menu().exec(self.tree.viewport().mapToGlobal(pos))

    # --- management ----------------------------------------------------------------------

    def _label(self, info: TagInfo) -> str:
        return f"{info.category}/{info.name}" if info.category else info.name

    def _changed(self, text: str = "") -> None:
        """After a change of this panel's (the runner's changes reload the counts)."""
        self.status.setText(text)
        self.tagsChanged.emit()

    def _warn(self, error: BaseException) -> None:
        QMessageBox.warning(self, self.tr("Tags"), _error_text(error))

    def _category_choice(self, title: str, label: str, current: str) -> str | None:
        names = tags.categories(self.store)
        position = names.index(current) if current in names else 0
        text, ok = QInputDialog.getItem(self, title, label, names, position, True)
        return " ".join(text.split()) if ok else None

    @Slot()
    def _on_new_requested(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("New tag"), self.tr("Name of the new tag:"))
        if not ok or not name.strip():
            return
        current = self.current_tag()
        category = self._category_choice(
            self.tr("New tag"), self.tr("Category:"), current.category if current else ""
        )
        if category is None:
            return
        try:
            tag_id = int(
                self.runner.run_now(Operation("tag.create", {"name": name, "category": category}))
            )
        except AmicaleError as exc:
            self._warn(exc)
            return
        self._select_after_reload(tag_id)
        self._changed(self.tr("Tag “%1” created.").replace("%1", " ".join(name.split())))

    def _select_after_reload(self, tag_id: int) -> None:
        def select() -> None:
            self.counter.finished.disconnect(select)
            self.select_tag(tag_id)

        self.counter.finished.connect(select)

    @Slot()
    def _on_rename(self) -> None:
        info = self.current_tag()
        if info is None:
            return
        name, ok = QInputDialog.getText(
            self, self.tr("Rename tag"), self.tr("New name:"), text=info.name
        )
        if not ok or name == info.name:
            return
        try:
            self.runner.run_now(Operation("tag.rename", {"tag_id": info.id, "name": name}))
        except AmicaleError as exc:
            self._warn(exc)
            return
        self._changed(self.tr("Tag renamed."))

    @Slot()
    def _on_color(self) -> None:
        info = self.current_tag()
        if info is None:
            return
        initial = QColor(info.color) if info.color else QColor(Qt.GlobalColor.white)
        color = QColorDialog.getColor(
            initial, self, self.tr("Colour of “%1”").replace("%1", info.name)
        )
        if not color.isValid():
            return
        try:
            self.runner.run_now(Operation("tag.color", {"tag_id": info.id, "color": color.name()}))
        except AmicaleError as exc:
            self._warn(exc)
            return
        self._changed()

    @Slot()
    def _on_move_requested(self) -> None:
        info = self.current_tag()
        if info is None:
            return
        category = self._category_choice(
            self.tr("Move tag"),
            self.tr("Move “%1” to the category:").replace("%1", info.name),
            info.category,
        )
        if category is None:
            return
        try:
            self.runner.run_now(Operation("tag.move", {"tag_id": info.id, "category": category}))
        except AmicaleError as exc:
            self._warn(exc)
            return
        self._changed(self.tr("Tag moved."))

    @Slot()
    def _on_merge_requested(self) -> None:
        info = self.current_tag()
        if info is None:
            return
        others = [t for t in self.model.tags() if t.id != info.id]
        if not others:
            return
        labels = [self._label(t) for t in others]
        choice, ok = QInputDialog.getItem(
            self,
            self.tr("Merge tags"),
            self.tr("Merge “%1” into:").replace("%1", self._label(info)),
            labels,
            0,
            False,
        )
        if not ok or choice not in labels:
            return
        target = others[labels.index(choice)]

        def merged(_moved: int) -> None:
            self._end_bulk()
            self._select_after_reload(target.id)
            self._changed(
                self.tr("“%1” merged into “%2”.")
                .replace("%1", info.name)
                .replace("%2", target.name)
            )

        op = Operation("tag.merge", {"source_id": info.id, "target_id": target.id})
        self._run_long(op, merged, self.tr("Merging the tags…"))

    @Slot()
    def _on_delete_requested(self) -> None:
        info = self.current_tag()
        if info is None:
            return
        try:
            total = tags.get(self.store, info.id).count
        except AmicaleError as exc:
            self._warn(exc)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete tag"),
            plain_tip(
                self.tr(
                    "Delete the tag “%1”? It will be removed from %n member(s); the members stay.",
                    "",
                    total,
                ).replace("%1", self._label(info))
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        op = Operation("tag.delete", {"tag_id": info.id})

        def deleted(gone: DeletedTag) -> None:
            self._end_bulk()
            self._offer_undo(op, deleted=gone)
            self._changed(self.tr("Tag “%1” deleted.").replace("%1", info.name))

        self._run_long(op, deleted, self.tr("Deleting the tag…"))

    def _run_long(self, op: Operation, done: Callable[[Any], None], doing: str) -> Job | None:
        """Run ``op`` in the runner's worker (its work grows with the store: a tag's
        links), the panel busy meanwhile; ``done(value)`` after, the error in the status
        line otherwise."""
        if self._bulk is not None:
            self.status.setText(self.tr("Another change is running; try again when it ends."))
            return None
        job = self.runner.run(op, done, self._on_bulk_failed, origin=self)
        self._bulk = job
        self.progress.show()
        self.status.setText(doing)
        self._update_actions()
        return job

    def _undoable(self) -> bool:
        """The button's operation is still Edit → Undo's last step (nothing done since)."""
        last = self.runner.last_done()
        return (
            (self._change is not None or self._deleted is not None)
            and self._undo_op is not None
            and last is not None
            and last.id == self._undo_op.id
        )

    @Slot()
    def _on_history_changed(self) -> None:
        self.undo_button.setVisible(self._undoable())

    @Slot()
    def _on_undo(self) -> None:
        """The button undoes through the runner, as Edit → Undo (Ctrl+Z) does."""
        if self._bulk is not None:
            return  # a change is running: the button stays for when it ends
        if not self._undoable():
            self.undo_button.hide()
            return
        deleted, self._deleted = self._deleted, None
        change, self._change = self._change, None
        self._undo_op = None
        self.undo_button.hide()
        if change is not None:

            def undone(reverse: TagChange) -> None:
                self._changed(self.tr("Undone: %1").replace("%1", self.change_text(reverse)))

            self.runner.undo(undone, self._on_bulk_failed)
            return
        if deleted is None:
            return

        def restored(_value: object) -> None:
            self._end_bulk()
            self._select_after_reload(deleted.id)
            self._changed(self.tr("Tag “%1” restored.").replace("%1", deleted.name))

        self._bulk = self.runner.undo(restored, self._on_bulk_failed)
        self.progress.show()
        self.status.setText(self.tr("Restoring the tag…"))
        self._update_actions()

    @Slot()
    def _on_rules_requested(self) -> None:
        from ui.dialogs.tag_rules import TagRulesDialog

        dialog = TagRulesDialog(self.store, self)
        dialog.applied.connect(lambda _count: self._changed())
        dialog.exec()
        dialog.deleteLater()  # after the results its jobs already posted
        self.reload()  # rules may have created tags

    # --- bulk tagging --------------------------------------------------------------------

    def _confirm_bulk(self, info: TagInfo, untag: bool) -> bool:
        if untag:
            text = (
                self.tr("Remove the tag “%1” from every member of the current search?")
                if self._query.strip()
                else self.tr("Remove the tag “%1” from every member?")
            )
        else:
            text = (
                self.tr("Tag every member of the current search with “%1”?")
                if self._query.strip()
                else self.tr("Tag every member with “%1”? There is no search.")
            )
        answer = QMessageBox.question(
            self,
            self.tr("Tag the current search") if not untag else self.tr("Untag the current search"),
            text.replace("%1", self._label(info)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    @Slot()
    def _on_tag_search(self) -> None:
        self._start_bulk(untag=False)

    @Slot()
    def _on_untag_search(self) -> None:
        self._start_bulk(untag=True)

    def _start_bulk(self, untag: bool) -> None:
        info = self.current_tag()
        if info is None or self._bulk is not None or not self._confirm_bulk(info, untag):
            return
        self.start_change(info.id, add=not untag, query=self._query)

    def start_change(
        self,
        tag_id: int,
        *,
        add: bool = True,
        ids: list[int] | None = None,
        query: str | None = None,
    ) -> Job | None:
        """Tag or untag members (listed, or a search) in a job; undo offered when done."""
        if self._bulk is not None:
            self.status.setText(self.tr("Another tagging is running; try again when it ends."))
            return None
        op = Operation("tags.change", {"tag_id": tag_id, "add": add, "ids": ids, "query": query})
        self._bulk_op = op
        job = self.runner.run(op, self._on_change_done, self._on_bulk_failed, origin=self)
        self._bulk = job
        self.progress.show()
        self.status.setText(self.tr("Tagging…") if add else self.tr("Untagging…"))
        self._update_actions()
        return job

    @Slot(int, list)
    def _on_members_dropped(self, tag_id: int, ids: list[int]) -> None:
        if self.handles_drops:
            self.start_change(tag_id, ids=ids)

    def _end_bulk(self) -> None:
        self._bulk = None
        self.progress.hide()
        self._update_actions()

    @Slot(object)
    def _on_change_done(self, change: TagChange) -> None:
        self._end_bulk()
        self._offer_undo(self._bulk_op, change=change)
        self._changed(self.change_text(change))  # the runner told every view already

    def change_text(self, change: TagChange) -> str:
        text = (
            self.tr("%n member(s) newly tagged with “%1”.", "", change.count)
            if change.added
            else self.tr("%n member(s) untagged from “%1”.", "", change.count)
        )
        return text.replace("%1", change.tag_name)

    def _offer_undo(
        self,
        op: Operation | None,
        *,
        change: TagChange | None = None,
        deleted: DeletedTag | None = None,
    ) -> None:
        self._undo_op = op
        self._deleted = deleted
        self._change = change if change is not None and change.count else None
        self.undo_button.setVisible(self._undoable())

    @Slot(object)
    def _on_bulk_failed(self, error: BaseException) -> None:
        self._end_bulk()
        if isinstance(error, QuerySyntaxError):
            self.status.setText(self.tr("The current search is not valid; nothing was tagged."))
            return
        self.status.setText(_error_text(error))

    @Slot()
    def _on_emails_requested(self) -> None:
        info = self.current_tag()
        if info is None:
            return
        dialog = EmailsDialog(self._label(info), self)
        dialog.setObjectName("tagsEmailsDialog")
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.tag_email_text(info.id, dialog.text())

    def tag_email_text(self, tag_id: int, text: str) -> Job | None:
        """Tag the members whose emails are in ``text`` (in the worker: a pasted list may
        hold thousands); reports those not found."""
        op = Operation("tags.tag-emails", {"tag_id": tag_id, "text": text})

        def tagged(value: tuple[TagChange, int, list[str]]) -> None:
            change, count, missing = value
            self._end_bulk()
            self._offer_undo(op, change=change)
            self._changed(self.tr("%n member(s) tagged.", "", count))
            if missing:
                QMessageBox.information(
                    self,
                    self.tr("Emails not found"),
                    self.tr("%n email(s) match no member:", "", len(missing))
                    + "\n"
                    + "\n".join(missing),
                )

        return self._run_long(op, tagged, self.tr("Tagging…"))
