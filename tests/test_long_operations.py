"""Operations whose work grows with the store never run on the GUI thread (issue 16):
`OperationRunner.run_now` refuses them; the Tags panel merges, deletes, restores and tags
pasted emails through the runner's worker, busy meanwhile."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app import operations, tags
from app.operations import Operation
from app.store import Store
from ui.operations import OperationRunner
from ui.panels.tags import TagsPanel

UI = Path(__file__).resolve().parent.parent / "ui"
# What a large store makes long: a tag's links, many members, many queued items.
LONG = {
    "members.delete", "members.restore", "duplicates.merge-all", "moderation.approve-known",
    "moderation.add-items", "tag-rule.apply", "tag.merge", "tag.delete", "tag.restore",
    "tags.change", "tags.undo-change", "tags.tag-emails",
}  # fmt: skip


def test_the_long_operations_are_marked() -> None:
    assert {n for n in operations.names() if operations.spec(n).long} == LONG


def test_run_now_refuses_a_long_operation(store: Store, people: dict[str, int]) -> None:
    runner = OperationRunner.for_store(store)
    chimie = tags.find_or_create(store, "Métier/Chimie")
    with pytest.raises(RuntimeError, match=r"tag\.delete"):
        runner.run_now(Operation("tag.delete", {"tag_id": chimie}))
    assert tags.get(store, chimie).count == 3  # nothing was written


def test_no_window_code_runs_a_long_operation_now() -> None:
    """Every ``run_now(Operation("name", …))`` of ui/ names a short operation."""
    found: list[str] = []
    for path in sorted(UI.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "run_now"
                and node.args
                and isinstance(node.args[0], ast.Call)
                and node.args[0].args
                and isinstance(node.args[0].args[0], ast.Constant)
            ):
                found.append(str(node.args[0].args[0].value))
    assert found  # the scan sees the calls
    assert not set(found) & LONG, set(found) & LONG


@pytest.fixture
def panel(qtbot: QtBot, store: Store, people: dict[str, int]) -> Iterator[TagsPanel]:
    widget = TagsPanel(store)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitUntil(lambda: widget.model.rowCount() > 0, timeout=10000)
    yield widget
    widget.runner.wait()
    widget.counter.wait()


def yes(monkeypatch: pytest.MonkeyPatch) -> None:
    def answer(*_: Any) -> QMessageBox.StandardButton:
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", answer)


def test_deleting_and_restoring_a_tag_run_in_the_worker(
    qtbot: QtBot, panel: TagsPanel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    yes(monkeypatch)
    chimie = next(t.id for t in panel.model.tags() if t.name == "Chimie")
    assert panel.select_tag(chimie)
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.delete_action.trigger()
        # The call returned before the write: the panel says it is busy meanwhile.
        assert panel.runner.busy and panel.progress.isVisibleTo(panel)
        assert not panel.emails_action.isEnabled()
    assert not panel.progress.isVisibleTo(panel)
    assert panel.status.text() == "Tag “Chimie” deleted."
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.undo_button.click()
        assert panel.runner.busy and panel.progress.isVisibleTo(panel)
    assert tags.get(store, chimie).count == 3


def test_merging_tags_runs_in_the_worker(
    qtbot: QtBot, panel: TagsPanel, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    by_name = {t.name: t for t in panel.model.tags()}
    target = by_name["Pharmacie"]
    monkeypatch.setattr(
        QInputDialog,
        "getItem",
        lambda _p, _t, _l, items, *_: (
            next(i for i in items if i.endswith("Pharmacie")),
            True,
        ),
    )
    assert panel.select_tag(by_name["Chimie"].id)
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.merge_action.trigger()
        assert panel.runner.busy and panel.progress.isVisibleTo(panel)
    assert panel.status.text() == "“Chimie” merged into “Pharmacie”."
    assert tags.get(store, target.id).count == 4
