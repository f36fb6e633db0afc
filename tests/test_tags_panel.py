"""The tag browser (ui/panels/tags.py) driven with qtbot on a real store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app import tags
from app.store import Store
from ui.models.tag_tree import QUERY_ROLE, TAG_ID_ROLE, TagTreeModel
from ui.panels.tags import TagsPanel


def texts(panel: TagsPanel) -> dict[str, list[str]]:
    model = panel.model
    out: dict[str, list[str]] = {}
    for row in range(model.rowCount()):
        parent = model.index(row, 0)
        out[parent.data()] = [
            model.index(child, 0, parent).data() for child in range(model.rowCount(parent))
        ]
    return out


def wait_counted(qtbot: QtBot, panel: TagsPanel) -> None:
    qtbot.waitUntil(lambda: not panel.counter.busy)


@pytest.fixture
def panel(qtbot: QtBot, store: Store, people: dict[str, int]) -> Iterator[TagsPanel]:
    widget = TagsPanel(store)
    qtbot.addWidget(widget)
    widget.show()
    wait_counted(qtbot, widget)
    yield widget
    widget.counter.wait()


def click_tag(qtbot: QtBot, panel: TagsPanel, tag_id: int, ctrl: bool = False) -> None:
    index = panel.model.tag_index(tag_id)
    assert index.isValid()
    panel.tree.scrollTo(index)
    rect = panel.tree.visualRect(index)
    modifier = Qt.KeyboardModifier.ControlModifier if ctrl else Qt.KeyboardModifier.NoModifier
    qtbot.mouseClick(panel.tree.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def test_tree_shows_counts(panel: TagsPanel) -> None:
    assert texts(panel) == {
        "Géographie": ["Alsace (1)", "Lyon (2)", "Saint-Étienne (1)"],
        "Métier": ["Chimie (3)", "Pharmacie (1)"],
    }
    assert panel.tree.isExpanded(panel.model.index(0, 0))


def test_counts_follow_the_search(qtbot: QtBot, panel: TagsPanel) -> None:
    with qtbot.waitSignal(panel.countsUpdated):
        panel.set_query("promo:2000..2010")
    assert texts(panel)["Métier"] == ["Chimie (2)", "Pharmacie (0)"]
    panel.set_query("promo:(")  # being typed: the last counts stay
    wait_counted(qtbot, panel)
    assert texts(panel)["Métier"] == ["Chimie (2)", "Pharmacie (0)"]
    assert panel.status.text() == ""


def test_click_filters_second_click_excludes_ctrl_combines(
    qtbot: QtBot, panel: TagsPanel, store: Store
) -> None:
    lyon = panel.model.tag_index(next(t.id for t in panel.model.tags() if t.name == "Lyon")).data(
        TAG_ID_ROLE
    )
    with qtbot.waitSignal(panel.queryRequested) as first:
        click_tag(qtbot, panel, lyon)
    assert first.args == [f"tag:#{lyon}"]
    with qtbot.waitSignal(panel.queryRequested) as second:
        click_tag(qtbot, panel, lyon)
    assert second.args == [f"-tag:#{lyon}"]
    with qtbot.waitSignal(panel.combineRequested) as combined:
        click_tag(qtbot, panel, lyon, ctrl=True)
    assert combined.args == [f"tag:#{lyon}"]
    assert panel.model.tag_index(lyon).data(QUERY_ROLE) == f"tag:#{lyon}"


def test_delete_and_undo(
    qtbot: QtBot, panel: TagsPanel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    chimie = next(t.id for t in panel.model.tags() if t.name == "Chimie")
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert panel.select_tag(chimie)
    with qtbot.waitSignal(panel.tagsChanged):
        panel.delete_action.trigger()
    assert "3 members" in asked[0] and "Métier/Chimie" in asked[0]
    qtbot.waitUntil(lambda: "Chimie (3)" not in texts(panel).get("Métier", []))
    assert panel.undo_button.isVisible()
    with qtbot.waitSignal(panel.tagsChanged):
        qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: "Chimie (3)" in texts(panel).get("Métier", []))
    assert not panel.undo_button.isVisible()
    assert tags.get(store, chimie).count == 3


def test_rename_through_the_panel(
    qtbot: QtBot, panel: TagsPanel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    lyon = next(t.id for t in panel.model.tags() if t.name == "Lyon")
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Lyon Métropole", True))
    panel.select_tag(lyon)
    with qtbot.waitSignal(panel.countsUpdated):
        panel.rename_action.trigger()
    assert "Lyon Métropole (2)" in texts(panel)["Géographie"]
    assert tags.get(store, lyon).name == "Lyon Métropole"


def test_bulk_tag_the_current_search(
    qtbot: QtBot, panel: TagsPanel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a: QMessageBox.StandardButton.Yes)
    pharmacie = next(t.id for t in panel.model.tags() if t.name == "Pharmacie")
    panel.set_query("city:lyon")
    wait_counted(qtbot, panel)
    panel.select_tag(pharmacie)
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.tag_search_action.trigger()
    assert "2 members newly tagged" in panel.status.text()
    assert not panel.progress.isVisible()
    assert tags.get(store, pharmacie).count == 3
    qtbot.waitUntil(lambda: texts(panel)["Métier"][1] == "Pharmacie (2)")
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.untag_search_action.trigger()
    assert tags.get(store, pharmacie).count == 1


def test_tag_pasted_emails(
    qtbot: QtBot, panel: TagsPanel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    alsace = next(t.id for t in panel.model.tags() if t.name == "Alsace")
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):  # tagged in the runner's worker
        assert panel.tag_email_text(alsace, "HELENE.MARTIN@example.org\nx@y.fr") is not None
    assert panel.status.text() == "1 member tagged."
    assert "x@y.fr" in shown[0]
    assert tags.get(store, alsace).count == 2


def test_model_passes_qtmodeltester(
    qtmodeltester: Any, store: Store, people: dict[str, int]
) -> None:
    model = TagTreeModel()
    model.set_tree(tags.tag_tree(store))
    qtmodeltester.check(model, force_py=True)
    assert not model.tag_index(424242).isValid()
    assert model.tag_at(QModelIndex()) is None
