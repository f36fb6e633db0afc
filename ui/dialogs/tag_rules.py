"""The tagging rules editor: a rule is a condition (city list, class years, or a search) and
a tag; each shows how many members it would newly tag, computed in the background.

Counts never block typing: the editor's preview waits for a short pause, then runs in a
`LatestOnly` job (a newer edit cancels the older count). "Apply now" applies every enabled
rule in one transaction, in a job.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from app import tag_rules, tags
from app.errors import AmicaleError
from app.members.search import QuerySyntaxError
from app.operations import Operation
from app.operations.settings import rule_args
from app.store import Store
from app.tag_rules import MAX_YEAR, MIN_YEAR, Rule
from ui.labels import message_text
from ui.operations import OperationRunner
from ui.widgets import ERROR_STYLE, plain_label
from ui.workers import Job, LatestOnly

# A pause in typing before the preview is recounted.
PREVIEW_DELAY_MS = 250
RULE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
KIND_CITY, KIND_PROMO, KIND_QUERY = range(3)
_KINDS = ("city", "promo", "query")


def error_text(error: BaseException) -> str:
    """A search error with its position, another AmicaleError's message, or the text."""
    if isinstance(error, QuerySyntaxError):
        return (
            QCoreApplication.translate("TagRulesDialog", "Search error at character %1: %2")
            .replace("%1", str(error.position + 1))
            .replace("%2", message_text(error.message))
        )
    if isinstance(error, AmicaleError) and error.args:
        return message_text(error.args[0])
    return str(error)


class TagRulesDialog(QDialog):
    # Rules were applied: the number of members newly tagged.
    applied = Signal(int)
    # The editor's preview shows a fresh count or error (tests wait for it).
    previewUpdated = Signal()
    # The list's counts are fresh.
    listUpdated = Signal()

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setObjectName("tagRulesDialog")
        self.setWindowTitle(self.tr("Tagging rules"))
        self.resize(820, 480)
        self._editing: int | None = None  # the rule shown in the editor (None: a new one)
        self._applying: Job | None = None
        self._loading = False

        intro = plain_label(
            self.tr(
                "Members matching a rule get its tag when you apply the rules, and after "
                "each import. Rules only add tags; they never remove one."
            ),
            wrap=True,
        )

        self.list = QListWidget()
        self.list.setObjectName("rulesList")
        self.list.currentItemChanged.connect(self._on_current_changed)
        self.list.itemChanged.connect(self._on_item_changed)
        self.new_button = QPushButton(self.tr("New rule"))
        self.new_button.setObjectName("rulesNew")
        self.new_button.clicked.connect(self.start_new)
        self.delete_button = QPushButton(self.tr("Delete"))
        self.delete_button.setObjectName("rulesDelete")
        self.delete_button.clicked.connect(self._on_delete)
        list_buttons = QHBoxLayout()
        list_buttons.addWidget(self.new_button)
        list_buttons.addWidget(self.delete_button)
        list_buttons.addStretch(1)
        left = QVBoxLayout()
        left.addWidget(self.list, 1)
        left.addLayout(list_buttons)

        # --- the editor ---
        self.kind = QComboBox()
        self.kind.setObjectName("ruleKind")
        self.kind.addItems(
            [
                self.tr("The city is in a list"),
                self.tr("The class year is between"),
                self.tr("The member matches a search"),
            ]
        )
        self.cities = QPlainTextEdit()
        self.cities.setObjectName("ruleCities")
        self.cities.setPlaceholderText(
            self.tr("One city per line (accents and capitals do not matter)")
        )
        self.year_from = self._year_box("ruleYearFrom")
        self.year_to = self._year_box("ruleYearTo")
        years = QWidget()
        years_layout = QHBoxLayout(years)
        years_layout.setContentsMargins(0, 0, 0, 0)
        years_layout.addWidget(plain_label(self.tr("from")))
        years_layout.addWidget(self.year_from)
        years_layout.addWidget(plain_label(self.tr("to")))
        years_layout.addWidget(self.year_to)
        years_layout.addStretch(1)
        self.query = QLineEdit()
        self.query.setObjectName("ruleQuery")
        self.query.setPlaceholderText(self.tr("A search, e.g. company:sanofi title:pharmacien"))
        self.condition = QStackedWidget()
        for page in (self.cities, years, self.query):
            self.condition.addWidget(page)
        self.condition.setCurrentIndex(0)
        self.kind.currentIndexChanged.connect(self.condition.setCurrentIndex)

        self.tag = QComboBox()
        self.tag.setObjectName("ruleTag")
        self.tag.setEditable(True)
        self.tag.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        line = self.tag.lineEdit()
        if line is not None:
            line.setPlaceholderText(self.tr("Category/Tag (created if new)"))
        self.enabled = QCheckBox(self.tr("Apply automatically after each import"))
        self.enabled.setObjectName("ruleEnabled")
        self.enabled.setChecked(True)
        self.preview = plain_label(wrap=True)
        self.preview.setObjectName("rulePreview")
        self.save_button = QPushButton(self.tr("Save the rule"))
        self.save_button.setObjectName("ruleSave")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.addRow(self.tr("Condition:"), self.kind)
        form.addRow("", self.condition)
        form.addRow(self.tr("Tag:"), self.tag)
        form.addRow("", self.enabled)
        form.addRow(self.tr("Preview:"), self.preview)
        editor_buttons = QHBoxLayout()
        editor_buttons.addStretch(1)
        editor_buttons.addWidget(self.save_button)
        right = QVBoxLayout()
        right.addLayout(form, 1)
        right.addLayout(editor_buttons)

        body = QHBoxLayout()
        body.addLayout(left, 2)
        body.addLayout(right, 3)

        self.result_label = plain_label(wrap=True)
        self.result_label.setObjectName("rulesResult")
        self.apply_button = QPushButton(self.tr("Apply now"))
        self.apply_button.setObjectName("rulesApply")
        self.apply_button.clicked.connect(self.apply_now)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.apply_button)
        bottom.addWidget(self.result_label, 1)
        bottom.addWidget(buttons)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(body, 1)
        layout.addLayout(bottom)

        self.previewer = LatestOnly(self)
        self.previewer.finished.connect(self._on_previewed)
        self.previewer.failed.connect(self._on_preview_failed)
        self.list_counter = LatestOnly(self)
        self.list_counter.finished.connect(self._on_list_counted)
        self.preview_timer = QTimer(self)
        self.preview_timer.setSingleShot(True)
        self.preview_timer.setInterval(PREVIEW_DELAY_MS)
        self.preview_timer.timeout.connect(self.update_preview)
        for signal in (
            self.kind.currentIndexChanged,
            self.cities.textChanged,
            self.year_from.valueChanged,
            self.year_to.valueChanged,
            self.query.textChanged,
            self.tag.currentTextChanged,
        ):
            signal.connect(self._on_edited)

        self._tag_ids: dict[str, int] = {}
        self._load_tags()
        self.reload()
        self.start_new()

    def _year_box(self, name: str) -> QSpinBox:
        box = QSpinBox()
        box.setObjectName(name)
        # One below the first year means "no bound": shown as "any".
        box.setRange(MIN_YEAR - 1, MAX_YEAR)
        box.setSpecialValueText(self.tr("any"))
        box.setValue(MIN_YEAR - 1)
        return box

    # --- the list ------------------------------------------------------------------------

    def _load_tags(self) -> None:
        infos = [t for c in tags.tag_tree(self.store) for t in c.tags]
        self._tag_ids = {tags.label(t): t.id for t in infos}
        text = self.tag.currentText()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItems(list(self._tag_ids))
        self.tag.setEditText(text)
        self.tag.blockSignals(False)

    @Slot()
    def reload(self) -> None:
        """The rules again (their counts follow in the background)."""
        self._loading = True
        current = self._editing
        self.list.clear()
        for rule in tag_rules.rules(self.store):
            item = QListWidgetItem(tag_rules.describe(rule))
            item.setData(RULE_ID_ROLE, rule.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if rule.enabled else Qt.CheckState.Unchecked)
            item.setToolTip(self.tr("Checked: applied automatically after each import"))
            self.list.addItem(item)
            if rule.id == current:
                self.list.setCurrentItem(item)
        self._loading = False
        self.delete_button.setEnabled(self.list.currentItem() is not None)
        self.list_counter.start(tag_rules.previews, self.store)

    @Slot(object)
    def _on_list_counted(self, counts: dict[int, int]) -> None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            rule_id = item.data(RULE_ID_ROLE)
            described = item.text().split("  —  ")[0]
            if rule_id in counts:
                item.setText(
                    described + "  —  " + self.tr("%n member(s) to tag", "", counts[rule_id])
                )
        self.listUpdated.emit()

    def rule_item(self, rule_id: int) -> QListWidgetItem | None:
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.data(RULE_ID_ROLE) == rule_id:
                return item
        return None

    @Slot(QListWidgetItem, QListWidgetItem)
    def _on_current_changed(self, current: QListWidgetItem | None, *_: Any) -> None:
        self.delete_button.setEnabled(current is not None)
        if self._loading or current is None:
            return
        try:
            rule = tag_rules.get(self.store, int(current.data(RULE_ID_ROLE)))
        except AmicaleError as exc:
            self.preview.setText(error_text(exc))
            return
        self.show_rule(rule)

    @Slot(QListWidgetItem)
    def _on_item_changed(self, item: QListWidgetItem) -> None:
        if self._loading:
            return
        enabled = item.checkState() == Qt.CheckState.Checked
        args = {"rule_id": int(item.data(RULE_ID_ROLE)), "enabled": enabled}
        rule = OperationRunner.for_store(self.store).run_now(Operation("tag-rule.enable", args))
        if rule.id == self._editing:
            self.enabled.setChecked(rule.enabled)

    # --- the editor ----------------------------------------------------------------------

    def show_rule(self, rule: Rule) -> None:
        self._editing = rule.id
        self.kind.setCurrentIndex(_KINDS.index(rule.kind))
        self.cities.setPlainText("\n".join(rule.cities))
        self.year_from.setValue(rule.year_from if rule.year_from is not None else MIN_YEAR - 1)
        self.year_to.setValue(rule.year_to if rule.year_to is not None else MIN_YEAR - 1)
        self.query.setText(rule.query)
        self.tag.setEditText(rule.tag_label)
        self.enabled.setChecked(rule.enabled)
        self.update_preview()

    @Slot()
    def start_new(self) -> None:
        """An empty editor for a new rule."""
        self._editing = None
        self.list.setCurrentRow(-1)
        self.list.clearSelection()
        self.cities.clear()
        self.query.clear()
        self.year_from.setValue(MIN_YEAR - 1)
        self.year_to.setValue(MIN_YEAR - 1)
        self.tag.setEditText("")
        self.enabled.setChecked(True)
        self.preview.clear()
        self.cities.setFocus()

    def _year(self, box: QSpinBox) -> int | None:
        return None if box.value() < MIN_YEAR else box.value()

    def edited_rule(self) -> Rule:
        """The rule as the editor shows it (its tag id when the tag already exists)."""
        label = self.tag.currentText().strip()
        return Rule(
            self._editing,
            _KINDS[self.kind.currentIndex()],
            self._tag_ids.get(label),
            cities=tag_rules.split_cities(self.cities.toPlainText()),
            year_from=self._year(self.year_from),
            year_to=self._year(self.year_to),
            query=self.query.text(),
            enabled=self.enabled.isChecked(),
            tag_label=label,
        )

    @Slot()
    def _on_edited(self, *_: Any) -> None:
        self.preview_timer.start()

    @Slot()
    def update_preview(self) -> None:
        """Recount the editor's rule now, in the background."""
        self.preview_timer.stop()
        rule = self.edited_rule()
        self.previewer.start(tag_rules.preview, self.store, rule)

    @Slot(object)
    def _on_previewed(self, count: int) -> None:
        self.preview.setStyleSheet("")
        self.preview.setText(self.tr("%n member(s) would be newly tagged", "", count))
        self.previewUpdated.emit()

    @Slot(object)
    def _on_preview_failed(self, error: BaseException) -> None:
        self.preview.setStyleSheet(ERROR_STYLE)
        self.preview.setText(error_text(error))
        self.previewUpdated.emit()

    @Slot()
    def save(self) -> Rule | None:
        """Save the editor's rule (its tag created if new); None when refused."""
        rule = self.edited_rule()
        label = rule.tag_label
        if not label:
            QMessageBox.warning(self, self.tr("Tagging rules"), self.tr("Choose a tag."))
            return None
        try:
            op = Operation("tag-rule.save", {"rule": rule_args(rule), "tag_label": label})
            saved: Rule = OperationRunner.for_store(self.store).run_now(op)
        except AmicaleError as exc:
            QMessageBox.warning(self, self.tr("Tagging rules"), error_text(exc))
            return None
        self._editing = saved.id
        self._load_tags()
        self.reload()
        self.update_preview()
        return saved

    @Slot()
    def _on_delete(self) -> None:
        item = self.list.currentItem()
        if item is None:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Delete rule"),
            self.tr("Delete this rule? The tags it gave stay."),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        OperationRunner.for_store(self.store).run_now(
            Operation("tag-rule.delete", {"rule_id": int(item.data(RULE_ID_ROLE))})
        )
        self.start_new()
        self.reload()

    # --- applying ------------------------------------------------------------------------

    @Slot()
    def apply_now(self) -> Job | None:
        """Apply every enabled rule, in a job; the result is shown when it ends."""
        if self._applying is not None:
            return None
        self.apply_button.setEnabled(False)
        self.result_label.setText(self.tr("Applying the rules…"))
        self._applying = OperationRunner.for_store(self.store).run(
            Operation("tag-rule.apply"), self._on_applied, self._on_apply_failed
        )
        return self._applying

    @Slot(object)
    def _on_applied(self, added: dict[int, int]) -> None:
        self._applying = None
        self.apply_button.setEnabled(True)
        total = sum(added.values())
        if not added:
            self.result_label.setText(self.tr("No rule is enabled: nothing was applied."))
        else:
            self.result_label.setText(
                self.tr("Rules applied: %n member(s) newly tagged.", "", total)
            )
        self.reload()
        self.update_preview()
        self.applied.emit(total)

    @Slot(object)
    def _on_apply_failed(self, error: BaseException) -> None:
        self._applying = None
        self.apply_button.setEnabled(True)
        self.result_label.setText(error_text(error))

    def done(self, result: int) -> None:
        # Counting jobs must end before the dialog (and maybe the store) goes away.
        self.preview_timer.stop()
        self.previewer.wait()
        self.list_counter.wait()
        super().done(result)
