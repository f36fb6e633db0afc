"""The tagging rules editor (ui/dialogs/tag_rules.py) driven with qtbot on a real store."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from app import tag_rules, tags
from app.members.service import MemberDirectory
from app.store import Store
from app.tag_rules import Rule
from ui.dialogs.tag_rules import KIND_PROMO, KIND_QUERY, TagRulesDialog


@pytest.fixture
def dialog(qtbot: QtBot, store: Store, people: dict[str, int]) -> Iterator[TagRulesDialog]:
    widget = TagRulesDialog(store)
    qtbot.addWidget(widget)
    widget.show()
    yield widget
    settle(qtbot, widget)


def settle(qtbot: QtBot, dialog: TagRulesDialog) -> None:
    """Let the counting jobs end and deliver their results before the dialog goes."""
    qtbot.waitUntil(lambda: not dialog.previewer.busy and not dialog.list_counter.busy)


def test_city_rule_typed_previewed_saved_and_applied(
    qtbot: QtBot, dialog: TagRulesDialog, store: Store
) -> None:
    qtbot.keyClicks(dialog.cities, "LYON")
    qtbot.keyClick(dialog.cities, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.cities, "saint etienne")
    dialog.tag.setEditText("Géographie/Rhône")
    # The preview waits for a pause in typing, then counts in the background.
    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        pass
    assert dialog.preview.text() == "3 members would be newly tagged"
    saved = dialog.save()
    assert saved is not None and saved.cities == ("LYON", "saint etienne")
    assert dialog.list.count() == 1
    qtbot.waitUntil(lambda: "3 members to tag" in dialog.list.item(0).text())
    assert dialog.list.item(0).checkState() == Qt.CheckState.Checked
    with qtbot.waitSignal(dialog.applied, timeout=5000) as applied:
        dialog.apply_button.click()
    assert applied.args == [3]
    assert dialog.result_label.text() == "Rules applied: 3 members newly tagged."
    assert MemberDirectory(store).count("tag:géographie/rhône") == 3
    qtbot.waitUntil(lambda: "0 members to tag" in dialog.list.item(0).text())
    with qtbot.waitSignal(dialog.applied, timeout=5000) as again:
        dialog.apply_button.click()
    assert again.args == [0]  # idempotent


def test_query_rule_shows_search_errors_live(qtbot: QtBot, dialog: TagRulesDialog) -> None:
    dialog.kind.setCurrentIndex(KIND_QUERY)
    assert dialog.condition.currentWidget() is dialog.query
    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        qtbot.keyClicks(dialog.query, "promo:(")
    assert dialog.preview.text().startswith("Search error at character 7")
    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        dialog.query.setText("city:lyon")
    assert dialog.preview.text() == "2 members would be newly tagged"


def test_edit_toggle_and_delete_a_rule(
    qtbot: QtBot, store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    rule = tag_rules.save(store, Rule(None, "promo", None, year_from=2000, year_to=2009), "2000s")
    dialog = TagRulesDialog(store)
    qtbot.addWidget(dialog)
    item = dialog.rule_item(rule.id or 0)
    assert item is not None
    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        dialog.list.setCurrentItem(item)
    assert dialog.kind.currentIndex() == KIND_PROMO
    assert (dialog.year_from.value(), dialog.year_to.value()) == (2000, 2009)
    assert dialog.tag.currentText() == "2000s"
    assert dialog.preview.text() == "2 members would be newly tagged"
    dialog.year_to.setValue(2012)
    saved = dialog.save()
    assert saved is not None and saved.id == rule.id and saved.year_to == 2012
    item = dialog.rule_item(rule.id or 0)
    assert item is not None
    item.setCheckState(Qt.CheckState.Unchecked)
    assert not tag_rules.get(store, rule.id or 0).enabled
    dialog.list.setCurrentItem(item)
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    dialog.delete_button.click()
    assert tag_rules.rules(store) == [] and dialog.list.count() == 0
    assert tags.get(store, rule.tag_id or 0).name == "2000s"  # the tag stays
    settle(qtbot, dialog)


def test_a_bad_rule_is_refused_with_a_message(
    qtbot: QtBot, dialog: TagRulesDialog, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: warnings.append(text))
    dialog.tag.setEditText("Lyon")
    assert dialog.save() is None  # no city
    dialog.kind.setCurrentIndex(KIND_PROMO)
    dialog.tag.setEditText("")
    dialog.year_from.setValue(2001)
    assert dialog.save() is None  # no tag
    assert warnings == ["a city rule needs at least one city", "Choose a tag."]
    assert tag_rules.rules(store) == []


def test_the_tags_panel_opens_the_rules_editor(
    qtbot: QtBot, store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    from ui.panels.tags import TagsPanel

    tag_rules.save(store, Rule(None, "city", None, cities=("Brest",)), "Bretagne")
    opened: list[TagRulesDialog] = []

    def fake_exec(dialog: TagRulesDialog) -> int:
        opened.append(dialog)
        dialog.apply_now()
        qtbot.waitUntil(lambda: dialog._applying is None, timeout=5000)
        settle(qtbot, dialog)
        return 0

    monkeypatch.setattr(TagRulesDialog, "exec", fake_exec)
    panel = TagsPanel(store)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.tagsChanged, timeout=5000):
        panel.rules_action.trigger()
    assert len(opened) == 1
    assert MemberDirectory(store).count("tag:bretagne") == 1
    qtbot.waitUntil(lambda: not panel.counter.busy, timeout=5000)
    qtbot.waitUntil(
        lambda: any(t.name == "Bretagne" and t.count == 1 for t in panel.model.tags()),
        timeout=5000,
    )
