"""The sidebar's segment list, driven with qtbot on a real store."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QLocale, QModelIndex, Qt
from PySide6.QtWidgets import QApplication, QDialog, QInputDialog, QMessageBox
from pytestqt.qtbot import QtBot

from app import segments
from app.members.service import MemberDirectory
from app.operations import Operation
from app.store import Store
from ui import i18n
from ui.dialogs.export_dialog import ExportDialog
from ui.models.segment_list import (
    COL_COUNT,
    COL_NAME,
    COUNT_ROLE,
    QUERY_ROLE,
    SEPARATOR_ROLE,
    SegmentListModel,
)
from ui.operations import OperationRunner
from ui.panels import segments as panel_module
from ui.panels.segments import SegmentList, SegmentQueryDialog

READY = [
    "Lost touch",
    "Dues unpaid this year",
    "New this month",
    "Not verified",
    "No consent",
    "Consent never asked",
]


def counted(panel: SegmentList) -> bool:
    return not panel.model.counting and not panel.counter.busy


@pytest.fixture
def panel(qtbot: QtBot, store: Store, people: dict[str, int]) -> Iterator[SegmentList]:
    segments.save(store, "Lyonnais", "city:lyon")
    widget = SegmentList(store)
    qtbot.addWidget(widget)
    widget.resize(260, 400)
    widget.show()
    qtbot.waitUntil(lambda: counted(widget), timeout=5000)
    yield widget
    widget.wait()


def names(panel: SegmentList) -> list[str]:
    model = panel.model
    return [model.index(r, COL_NAME).data() or "" for r in range(model.rowCount())]


def counts(panel: SegmentList) -> list[str]:
    model = panel.model
    return [model.index(r, COL_COUNT).data() or "" for r in range(model.rowCount())]


def row_named(panel: SegmentList, name: str) -> int:
    return names(panel).index(name)


def test_the_list_shows_live_counts(panel: SegmentList, qtbot: QtBot, store: Store) -> None:
    assert names(panel) == [*READY, "", "Lyonnais"]
    assert panel.model.index(6, COL_NAME).data(SEPARATOR_ROLE) is True
    assert not panel.model.flags(panel.model.index(6, COL_NAME))
    assert panel.view.isFirstColumnSpanned(6, QModelIndex())
    lyon = panel.model.index(7, COL_COUNT)
    assert lyon.data() == "2" and lyon.data(COUNT_ROLE) == 2
    assert counts(panel)[0] == "1"  # Lost touch: Loïc Le Goff
    # A change to the members (an operation, as every change is) is counted again unasked.
    anne = {"first_name": "Anne", "last_name": "Roux", "city": "Lyon"}
    with qtbot.waitSignal(panel.countsUpdated, timeout=5000):
        OperationRunner.for_store(store).run(Operation("member.create", {"values": anne}))
    assert lyon.data() == "3"
    assert counts(panel)[0] == "2"  # Anne has neither email nor phone


def test_counts_show_an_ellipsis_while_counting(panel: SegmentList, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.countsUpdated, timeout=5000):
        panel.refresh()
        assert set(counts(panel)) == {"…", ""}
    assert "…" not in counts(panel)


def test_the_model_passes_qtmodeltester(qtmodeltester: Any, panel: SegmentList) -> None:
    qtmodeltester.check(panel.model, force_py=True)
    empty = SegmentListModel()
    empty.set_segments(segments.ready_made())
    empty.set_counts({-1: 4})
    qtmodeltester.check(empty, force_py=True)
    assert empty.index(0, COL_COUNT).data() == "4"
    assert empty.index(1, COL_COUNT).data() == "—"  # not countable


def test_tooltips_show_the_query_as_plain_text(store: Store, qtbot: QtBot) -> None:
    segments.save(store, "Balises", 'company:"<b>gras</b>"')
    widget = SegmentList(store)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: counted(widget), timeout=5000)
    row = row_named(widget, "Balises")
    tip = widget.model.index(row, COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert tip == "<qt>company:&quot;&lt;b&gt;gras&lt;/b&gt;&quot;</qt>"


def test_clicking_emits_the_query(panel: SegmentList, qtbot: QtBot) -> None:
    index = panel.model.index(7, COL_NAME)
    rect = panel.view.visualRect(index)
    with qtbot.waitSignal(panel.segmentActivated, timeout=1000) as blocker:
        qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert blocker.args == ["city:lyon"]
    panel.view.setCurrentIndex(panel.model.index(1, COL_NAME))
    with qtbot.waitSignal(panel.segmentActivated, timeout=1000) as blocker:
        qtbot.keyClick(panel.view, Qt.Key.Key_Return)
    assert blocker.args == ["dues:unpaid"]
    assert panel.model.index(1, COL_NAME).data(QUERY_ROLE) == "dues:unpaid"


def test_rename_and_duplicate(panel: SegmentList, qtbot: QtBot, store: Store) -> None:
    lyon = segments.get(store, "Lyonnais")
    with qtbot.waitSignal(panel.segmentsChanged, timeout=1000):
        renamed = panel.rename(lyon.id, "Lyon et environs")
    assert renamed is not None and renamed.id == lyon.id
    assert names(panel)[-1] == "Lyon et environs"
    assert panel.current_segment() == renamed
    qtbot.waitUntil(lambda: counted(panel), timeout=5000)
    assert counts(panel)[-1] == "2"
    copy = panel.duplicate(lyon.id)
    assert copy is not None and names(panel)[-2:] == [
        "Lyon et environs",
        "Lyon et environs (copie)",
    ]
    # A taken name is refused and said below the list.
    assert panel.rename(copy.id, "lyon ET environs") is None
    assert panel.error.isVisible()
    assert panel.error.text() == "a segment named 'lyon ET environs' already exists"
    assert panel.rename(copy.id, "Not verified") is None
    assert "ready-made" in panel.error.text()
    assert panel.rename(copy.id, "Copie") is not None
    assert not panel.error.isVisible()


def test_save_the_current_search(
    panel: SegmentList, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not panel.save_action.isEnabled() and not panel.save_button.isEnabled()
    panel.set_current_query("  tag:chimie ")
    assert panel.save_action.isEnabled() and panel.save_button.isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Chimistes", True))
    with qtbot.waitSignal(panel.segmentsChanged, timeout=1000):
        panel.save_action.trigger()
    assert names(panel)[-2:] == ["Chimistes", "Lyonnais"]
    qtbot.waitUntil(lambda: counted(panel), timeout=5000)
    assert counts(panel)[row_named(panel, "Chimistes")] == "3"
    # The same name again: asked before its search is replaced.
    asked: list[str] = []

    def no(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return QMessageBox.StandardButton.No

    monkeypatch.setattr(QMessageBox, "question", no)
    panel.set_current_query("city:paris")
    assert panel.ask_and_save() is None
    assert asked == ["A segment named “Chimistes” already exists. Replace its search?"]
    assert panel.save_current("Paris", "city:paris") is not None
    assert names(panel)[-1] == "Paris"
    # A malformed search is refused before a name is asked.
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: pytest.fail("asked a name"))
    assert panel.ask_and_save("promo:abc") is None
    assert panel.error.text() == (
        "Search error at character 7: 'abc' is not a valid value for 'promo:'"
    )


def test_delete_asks_first(
    panel: SegmentList, qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    lyon = segments.get(store, "Lyonnais")
    answers = [QMessageBox.StandardButton.No, QMessageBox.StandardButton.Yes]
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(QMessageBox, "question", question)
    menu = panel.context_menu(lyon)
    delete = next(a for a in menu.actions() if a.objectName() == "deleteSegmentAction")
    delete.trigger()
    assert names(panel)[-1] == "Lyonnais"
    with qtbot.waitSignal(panel.segmentsChanged, timeout=1000):
        delete.trigger()
    assert names(panel) == READY
    assert asked[0].startswith("Delete the segment “Lyonnais”?")
    assert MemberDirectory(store).total() == 6


def test_ready_made_segments_cannot_be_changed(panel: SegmentList) -> None:
    menu = panel.context_menu(panel.model.segment(0))
    enabled = {a.objectName(): a.isEnabled() for a in menu.actions() if a.objectName()}
    assert panel.delete(-2) is None and panel.set_query(-2, "dues:paid") is None
    assert (
        panel.error.text()
        == "“Dues unpaid this year” is a ready-made segment: it cannot be changed."
    )
    assert enabled == {
        "showSegmentAction": True,
        "editSegmentAction": False,
        "renameSegmentAction": False,
        "duplicateSegmentAction": True,
        "exportSegmentAction": True,
        "deleteSegmentAction": False,
        "saveSegmentAction": False,
    }


def test_export_opens_the_dialog_on_the_segment(
    panel: SegmentList, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[tuple[str, str, str]] = []

    def exec_(dialog: ExportDialog) -> int:
        opened.append((dialog.query, dialog.search_choice.text(), dialog.windowTitle()))
        return 0

    monkeypatch.setattr(ExportDialog, "exec", exec_)
    lyon = segments.get(store, "Lyonnais")
    menu = panel.context_menu(lyon)
    export = next(a for a in menu.actions() if a.objectName() == "exportSegmentAction")
    export.trigger()
    assert opened == [("city:lyon", "The current search (2)", "Export the segment “Lyonnais”")]


def test_edit_the_query(
    panel: SegmentList, qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = SegmentQueryDialog("Lyonnais", "city:lyon promo:abc")
    qtbot.addWidget(dialog)
    assert not dialog.valid
    assert dialog.error.text() == (
        "Search error at character 17: 'abc' is not a valid value for 'promo:'"
    )
    dialog.edit.setText("  ")
    assert not dialog.valid and dialog.error.text() == "a segment needs a search"
    dialog.edit.setText("city:paris")
    assert dialog.valid and dialog.error.text() == ""

    def accept_paris(self: SegmentQueryDialog) -> int:
        self.edit.setText("city:paris OR city:brest")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(panel_module.SegmentQueryDialog, "exec", accept_paris)
    lyon = segments.get(store, "Lyonnais")
    edit = next(
        a for a in panel.context_menu(lyon).actions() if a.objectName() == "editSegmentAction"
    )
    with qtbot.waitSignal(panel.segmentsChanged, timeout=1000):
        edit.trigger()
    assert segments.get(store, "Lyonnais").query == "city:paris OR city:brest"
    qtbot.waitUntil(lambda: counted(panel) and counts(panel)[-1] == "2", timeout=5000)


def test_ready_made_names_are_translated(
    qapp: QApplication, qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    default = QLocale()
    assert i18n.install(qapp, "fr")
    try:
        widget = SegmentList(store)
        qtbot.addWidget(widget)
        qtbot.waitUntil(lambda: counted(widget), timeout=5000)
        assert names(widget) == [
            "Perdus de vue",
            "Cotisation non payée cette année",
            "Nouveaux ce mois-ci",
            "Non vérifiés",
            "Sans consentement",
            "Consentement jamais demandé",
        ]
        assert widget.save_action.text() == "Enregistrer la recherche actuelle comme segment…"
        assert widget.rename(-1, "Autre nom") is None
        assert widget.error.text() == (
            "«\u00a0Perdus de vue\u00a0» est un segment prédéfini\u00a0: "
            "il ne peut pas être modifié."
        )
        # A translated ready-made name is refused as well as the English one.
        assert widget.save_current("perdus de vue", "city:lyon") is None
        assert widget.error.text().startswith("«\u00a0Perdus de vue\u00a0» est le nom")
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(default)
