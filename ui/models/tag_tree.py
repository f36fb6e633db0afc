"""The tag browser's tree: categories, then their tags as "Name (count)".

A category row carries its name in `CATEGORY_ROLE`; a tag row carries its id in
`TAG_ID_ROLE`, its query (``tag:#ID``) in `QUERY_ROLE` and its `TagInfo` in `TAG_ROLE`.
Items are read-only: renaming goes through the panel, which writes through app.tags.
"""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import (
    QLocale,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QStandardItem, QStandardItemModel

from app.tags import CategoryInfo, TagInfo
from ui.labels import plain_tip
from ui.models.member_table import MEMBER_IDS_MIME, member_ids_from_mime

Index = QModelIndex | QPersistentModelIndex
TAG_ID_ROLE = Qt.ItemDataRole.UserRole + 1  # int, on tag rows
QUERY_ROLE = Qt.ItemDataRole.UserRole + 2  # "tag:#ID", on tag rows
TAG_ROLE = Qt.ItemDataRole.UserRole + 3  # the TagInfo, on tag rows
CATEGORY_ROLE = Qt.ItemDataRole.UserRole + 4  # the category's name ("" for none)

_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
# Members dragged from the member table may be dropped on a tag (not on a category).
_TAG_FLAGS = _FLAGS | Qt.ItemFlag.ItemIsDropEnabled


class TagTreeModel(QStandardItemModel):
    # Members were dropped on a tag: (tag id, member ids). The panel tags them.
    membersDropped = Signal(int, list)
    # set_tree() filled the model anew (views re-expand their categories).
    treeSet = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._no_category = "—"

    def set_no_category_label(self, text: str) -> None:
        """The (translated) title of the tags without a category."""
        self._no_category = text

    def set_tree(self, tree: Iterable[CategoryInfo]) -> None:
        self.clear()
        locale = QLocale()
        root = self.invisibleRootItem()
        for category in tree:
            head = QStandardItem(category.name or self._no_category)
            head.setFlags(_FLAGS)
            head.setData(category.name, CATEGORY_ROLE)
            head.setToolTip(plain_tip(category.name or self._no_category))
            for info in category.tags:
                head.appendRow(self._tag_item(info, locale))
            root.appendRow(head)
        self.treeSet.emit()

    @staticmethod
    def _tag_item(info: TagInfo, locale: QLocale) -> QStandardItem:
        item = QStandardItem(f"{info.name} ({locale.toString(info.count)})")
        item.setFlags(_TAG_FLAGS)
        item.setData(info.id, TAG_ID_ROLE)
        item.setData(info.query, QUERY_ROLE)
        item.setData(info, TAG_ROLE)
        item.setToolTip(plain_tip(f"{info.category}/{info.name}" if info.category else info.name))
        if info.color:
            color = QColor(info.color)
            if color.isValid():
                item.setData(color, Qt.ItemDataRole.DecorationRole)
        return item

    # --- dropping members on a tag ------------------------------------------------------

    def mimeTypes(self) -> list[str]:
        return [MEMBER_IDS_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction  # the members keep their other tags

    def _drop_target(self, row: int, parent: Index) -> TagInfo | None:
        # Dropped *on* an item: row is -1 and parent is that item.
        return self.tag_at(parent) if row == -1 else None

    def canDropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        return (
            action == Qt.DropAction.CopyAction
            and self._drop_target(row, parent) is not None
            and bool(member_ids_from_mime(data))
        )

    def dropMimeData(
        self, data: QMimeData, action: Qt.DropAction, row: int, column: int, parent: Index
    ) -> bool:
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        info = self._drop_target(row, parent)
        assert info is not None
        self.membersDropped.emit(info.id, member_ids_from_mime(data))
        return True

    # --- lookups -------------------------------------------------------------------------

    def tag_index(self, tag_id: int) -> QModelIndex:
        """The index of tag ``tag_id`` (invalid if not shown)."""
        for row in range(self.rowCount()):
            parent = self.index(row, 0)
            for child in range(self.rowCount(parent)):
                index = self.index(child, 0, parent)
                if index.data(TAG_ID_ROLE) == tag_id:
                    return index
        return QModelIndex()

    def category_index(self, name: str) -> QModelIndex:
        for row in range(self.rowCount()):
            index = self.index(row, 0)
            if index.data(CATEGORY_ROLE) == name:
                return index
        return QModelIndex()

    def tags(self) -> list[TagInfo]:
        """Every tag shown, in order."""
        out: list[TagInfo] = []
        for row in range(self.rowCount()):
            parent = self.index(row, 0)
            for child in range(self.rowCount(parent)):
                info = self.index(child, 0, parent).data(TAG_ROLE)
                if isinstance(info, TagInfo):
                    out.append(info)
        return out

    @staticmethod
    def tag_at(index: Index) -> TagInfo | None:
        info = index.data(TAG_ROLE) if index.isValid() else None
        return info if isinstance(info, TagInfo) else None
