"""Bulk tagging from the member list, drag and drop onto a tag, the birthday notification
and the History labels of tag events — driven with qtbot in the real window."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QModelIndex, Qt
from PySide6.QtWidgets import QAbstractItemView, QDialog, QMessageBox, QSystemTrayIcon
from pytestqt.qtbot import QtBot

from app import association, audit, tags
from app.members.service import MemberDirectory
from app.operations import Operation
from app.store import Store
from ui.dialogs.tag_choice import TagChoiceDialog
from ui.main_window import MainWindow
from ui.models.history_table import ACTIONS, HistoryTableModel, describe
from ui.models.member_table import MEMBER_IDS_MIME, member_ids_from_mime, member_ids_mime
from ui.models.tag_tree import TagTreeModel
from ui.panels.tags import TagsPanel
from ui.settings import UiSettings


@pytest.fixture
def window(qtbot: QtBot, store: Store, people: dict[str, int]) -> Iterator[MainWindow]:
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.members.last_result is not None, timeout=10000)
    qtbot.waitUntil(lambda: win.tags.model.rowCount() > 0, timeout=10000)
    yield win
    win.members.searches.wait()
    qtbot.waitUntil(lambda: not win.tags.counter.busy, timeout=10000)


def count(store: Store, query: str) -> int:
    return MemberDirectory(store).count(query)


def search(qtbot: QtBot, win: MainWindow, text: str) -> None:
    with qtbot.waitSignal(win.members.searchFinished, timeout=10000):
        win.members.search.setText(text)


def choose(monkeypatch: pytest.MonkeyPatch, label: str, emails: str = "") -> list[str]:
    """Answer the tag choice dialog with ``label`` (and pasted ``emails``); its intros."""
    intros: list[str] = []

    def fake_exec(dialog: TagChoiceDialog) -> int:
        intros.append(dialog.intro.text())
        if dialog.combo.isEditable():
            dialog.combo.setEditText(label)
        else:
            dialog.combo.setCurrentText(label)
        if dialog.emails is not None:
            dialog.emails.setPlainText(emails)
        dialog._on_accept()
        return int(dialog.result())

    monkeypatch.setattr(TagChoiceDialog, "exec", fake_exec)
    return intros


def select_rows(win: MainWindow, rows: list[int]) -> None:
    table = win.members.table
    flags = table.selectionModel().SelectionFlag
    table.clearSelection()
    for row in rows:
        table.selectionModel().select(win.members.model.index(row, 0), flags.Select | flags.Rows)


def test_tag_the_selection_then_undo(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    intros = choose(monkeypatch, "Loisirs/Voile")  # a new tag, created on OK
    select_rows(window, [0, 1, 2])
    members = window.members
    assert members.tag_selection_action.isEnabled()
    with qtbot.waitSignal(members.tagsChanged, timeout=10000):
        members.tag_selection_action.trigger()
    assert intros == ["Tag 3 selected members with:"]
    assert count(store, "tag:voile") == 3
    assert window.statusBar().currentMessage() == "3 members newly tagged with “Voile”."
    assert members.undo_tag_action.isEnabled()
    # The tag browser recounts and shows the new tag.
    qtbot.waitUntil(
        lambda: any(t.name == "Voile" and t.count == 3 for t in window.tags.model.tags()),
        timeout=10000,
    )
    with qtbot.waitSignal(members.tagsChanged, timeout=10000):
        members.undo_tag_action.trigger()
    assert count(store, "tag:voile") == 0
    assert not members.undo_tag_action.isEnabled()
    assert window.statusBar().currentMessage().startswith("Undone: 3 members untagged")


def test_untag_the_selection_offers_existing_tags_only(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = TagChoiceDialog(store, "t", "i", allow_new=False)
    qtbot.addWidget(dialog)
    assert not dialog.combo.isEditable()
    assert "Métier/Chimie" in [dialog.combo.itemText(i) for i in range(dialog.combo.count())]
    choose(monkeypatch, "Métier/Chimie")
    search(qtbot, window, "city:lyon")
    select_rows(window, [0, 1])
    with qtbot.waitSignal(window.members.tagsChanged, timeout=10000):
        window.members.untag_selection_action.trigger()
    assert count(store, "tag:chimie") == 1


def test_tag_the_whole_search_keeps_the_window_responsive(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    intros = choose(monkeypatch, "Géographie/Lyon")
    search(qtbot, window, "promo:1990..2010")
    job = None
    with qtbot.waitSignal(window.members.tagsChanged, timeout=10000):
        job = window.members.tag_search()
        assert job is not None
        # While the job runs, the actions wait (no second bulk change at the same time).
        assert not window.members.tag_search_action.isEnabled()
        assert window.members.start_tagging(1, ids=[1]) is None
        assert window.statusBar().currentMessage().startswith("Another tagging is running")
    assert intros == ["Tag the 3 members of the current search with:"]
    # Dupuis (1999) and Martin (2008) already had it; Dupont (2005) is new.
    assert window.statusBar().currentMessage() == "1 member newly tagged with “Lyon”."
    assert count(store, "tag:lyon") == 3
    assert window.members.tag_search_action.isEnabled()


def test_a_bad_new_tag_name_keeps_the_dialog_open(qtbot: QtBot, store: Store) -> None:
    dialog = TagChoiceDialog(store, "t", "i")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert not ok.isEnabled()  # nothing typed
    dialog.combo.setEditText('Bad "name"')
    assert ok.isEnabled()
    dialog._on_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog) and "cannot contain" in dialog.error.text()


def test_tag_a_pasted_list_of_emails_reports_the_unknown(
    qtbot: QtBot, window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda _p, _t, text: shown.append(text))
    choose(monkeypatch, "Newsletter", "zoe@example.org; Francois@Example.org\nnobody@x.fr")
    with qtbot.waitSignal(window.members.tagsChanged, timeout=10000):
        window.members.tag_emails_action.trigger()
    assert count(store, "tag:newsletter") == 2
    assert shown == ["1 email matches no member:\nnobody@x.fr"]
    with qtbot.waitSignal(window.members.tagsChanged, timeout=10000):
        window.members.undo_tagging()
    assert count(store, "tag:newsletter") == 0


def test_menus_offer_the_bulk_actions(window: MainWindow) -> None:
    edit = next(a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Edit")
    names = [a.objectName() for a in edit.actions()]
    for name in ("tagSelection", "untagSelection", "tagSearch", "tagEmails", "undoTagging"):
        assert name in names
    assert window.members.table.contextMenuPolicy() == Qt.ContextMenuPolicy.CustomContextMenu


# --- drag and drop -------------------------------------------------------------------------


def test_member_table_drags_member_ids(window: MainWindow, people: dict[str, int]) -> None:
    table = window.members.table
    assert table.dragEnabled()
    assert table.dragDropMode() == QAbstractItemView.DragDropMode.DragOnly
    model = window.members.model
    indexes = [model.index(0, 0), model.index(0, 1), model.index(2, 0)]
    data = model.mimeData(indexes)
    assert data.hasFormat(MEMBER_IDS_MIME)
    assert member_ids_from_mime(data) == [model.member_id(0), model.member_id(2)]
    assert model.flags(model.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled


def test_malformed_drops_carry_nothing() -> None:
    bad = QMimeData()
    bad.setData(MEMBER_IDS_MIME, b"{not json")
    assert member_ids_from_mime(bad) == []
    odd = QMimeData()
    odd.setData(MEMBER_IDS_MIME, json.dumps({"a": 1}).encode())
    assert member_ids_from_mime(odd) == []
    assert member_ids_from_mime(QMimeData()) == []
    assert member_ids_from_mime(member_ids_mime([3, 4])) == [3, 4]


def test_drop_on_a_tag_tags_the_members_and_can_be_undone(
    qtbot: QtBot, window: MainWindow, store: Store, people: dict[str, int]
) -> None:
    panel = window.tags
    assert panel.tree.acceptDrops()
    side = window.tag_dock.widget()
    assert side.acceptDrops() and side.model() is panel.model
    pharmacie = next(t for t in panel.model.tags() if t.name == "Pharmacie")
    target = panel.model.tag_index(pharmacie.id)
    data = member_ids_mime([people["Dupont"], people["Martin"], people["Dupont"]])
    model = panel.model
    copy = Qt.DropAction.CopyAction
    # Only on a tag (not a category, not between rows), only member ids.
    assert not model.canDropMimeData(data, copy, -1, 0, target.parent())
    assert not model.canDropMimeData(data, copy, 0, 0, target)
    assert not model.canDropMimeData(QMimeData(), copy, -1, 0, target)
    assert model.canDropMimeData(data, copy, -1, 0, target)
    # In the window, the member list tags them: the status bar and Edit > Undo follow.
    with qtbot.waitSignal(window.members.tagsChanged, timeout=10000):
        assert model.dropMimeData(data, copy, -1, 0, target)
    assert count(store, "tag:pharmacie") == 3
    assert window.statusBar().currentMessage() == "2 members newly tagged with “Pharmacie”."
    with qtbot.waitSignal(window.members.tagsChanged, timeout=10000):
        window.members.undo_tag_action.trigger()
    assert count(store, "tag:pharmacie") == 1


def loaded_tags_panel(qtbot: QtBot, store: Store) -> TagsPanel:
    panel = TagsPanel(store)
    qtbot.addWidget(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() > 0, timeout=5000)
    return panel


def test_a_tags_panel_alone_tags_dropped_members_itself(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    panel = loaded_tags_panel(qtbot, store)
    alsace = next(t for t in panel.model.tags() if t.name == "Alsace")
    target = panel.model.tag_index(alsace.id)
    data = member_ids_mime([people["Martin"], people["Ärger"]])
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.model.dropMimeData(data, Qt.DropAction.CopyAction, -1, 0, target)
    assert count(store, "tag:alsace") == 2
    assert "1 member newly tagged with “Alsace”." in panel.status.text()
    assert panel.undo_button.isVisibleTo(panel)
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.undo_button.click()
    assert count(store, "tag:alsace") == 1
    qtbot.waitUntil(lambda: not panel.counter.busy, timeout=5000)


def test_tag_tree_model_with_drops_passes_qtmodeltester(
    qtmodeltester: Any, store: Store, people: dict[str, int]
) -> None:
    model = TagTreeModel()
    model.set_tree(tags.tag_tree(store))
    qtmodeltester.check(model, force_py=True)
    category = model.index(0, 0)
    assert not model.flags(category) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.flags(model.index(0, 0, category)) & Qt.ItemFlag.ItemIsDropEnabled
    assert model.mimeTypes() == [MEMBER_IDS_MIME]
    assert not model.dropMimeData(QMimeData(), Qt.DropAction.CopyAction, -1, 0, QModelIndex())


def test_side_view_click_filters_the_member_list(qtbot: QtBot, window: MainWindow) -> None:
    side = window.tag_dock.widget()
    assert window.tag_dock.isVisibleTo(window)
    lyon = next(t for t in window.tags.model.tags() if t.name == "Lyon")
    index = window.tags.model.tag_index(lyon.id)
    side.scrollTo(index)
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        qtbot.mouseClick(
            side.viewport(), Qt.MouseButton.LeftButton, pos=side.visualRect(index).center()
        )
    assert window.members.search.text() == f"tag:#{lyon.id}"
    window.sidebar.setCurrentRow(window.panels().index(window.tags))
    assert not window.tag_dock.isVisibleTo(window)


# --- birthday notification -----------------------------------------------------------------


def test_birthdays_notify_through_the_tray_when_there_is_one(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[tuple[str, str]] = []
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: False))
    assert not window.notify_birthdays(5)  # offscreen: no tray, status bar and badge only
    assert window.tray is None
    monkeypatch.setattr(QSystemTrayIcon, "isSystemTrayAvailable", staticmethod(lambda: True))
    # The offscreen platform has no real tray to show the icon in.
    monkeypatch.setattr(QSystemTrayIcon, "show", lambda _self: None)
    monkeypatch.setattr(
        QSystemTrayIcon, "showMessage", lambda _self, title, text, *a: shown.append((title, text))
    )
    window._birthdays_notified = False
    window._on_birthdays_today(5)
    assert shown == [("Amicale", "5 birthdays today")]
    assert window.tray is not None
    assert window.statusBar().currentMessage() == "5 birthdays today"
    window._on_birthdays_today(5)  # a later recount: no second notification
    assert len(shown) == 1
    window._on_tray_message_clicked()
    assert window.stack.currentWidget() is window.today


# --- History -------------------------------------------------------------------------------


def test_history_names_tag_rule_and_segment_events(store: Store, people: dict[str, int]) -> None:
    from app import segments, tag_rules
    from app.tag_rules import Rule

    voile = tags.create(store, "Voile", "Loisirs")
    tags.rename(store, voile, "Voile légère")
    tags.change_tag(store, voile, query="city:lyon")
    tag_rules.save(store, Rule(None, "promo", voile, year_from=2000))
    tag_rules.apply(store)
    segments.save(store, "Lyonnais", "city:lyon")
    entries = audit.recent(store)
    model = HistoryTableModel()
    model.set_entries(entries)
    whats = [model.index(r, 2).data() for r in range(6)]
    assert whats == [
        "Segment saved",
        "Tagging rules applied",
        "Tagging rule created",
        "Members tagged",
        "Tag renamed",
        "Tag created",
    ]
    assert describe(entries[3]) == "search: city:lyon — members tagged: 2"
    assert describe(entries[4]) == "Voile → Voile légère"
    recorded = {e.action for e in entries}
    assert all(a in ACTIONS for a in recorded)


def test_history_filter_shows_tags_and_segments(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    from ui.panels.history import HistoryPanel

    tags.create(store, "Voile")
    panel = HistoryPanel(store)
    qtbot.addWidget(panel)
    panel.filter.setCurrentIndex(panel.filter.count() - 1)
    assert panel.filter.currentText() == "Tags and segments"
    with qtbot.waitSignal(panel.loader.finished, timeout=5000):
        panel.reload()
    assert panel.model.rowCount() == 1
    assert panel.model.index(0, 2).data() == "Tag created"


# --- one undo for everything (issue 17, point 3) ---------------------------------------------


def test_ctrl_z_undoes_the_last_of_several_kinds_of_action_in_order(
    qtbot: QtBot,
    window: MainWindow,
    store: Store,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    directory = MemberDirectory(store)
    members = window.members
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    # 1. An edit in the card.
    members.table.selectRow(members.model.row_of(people["Martin"]))
    qtbot.waitUntil(lambda: members.card.member_id == people["Martin"])
    city = members.card.editors["city"]
    city.setText("Grenoble")  # type: ignore[attr-defined]
    with qtbot.waitSignal(members.searchFinished, timeout=10000):
        assert members.card.save()
    # 2. Bulk tagging from the member list (through the runner now).
    choose(monkeypatch, "Loisirs/Voile")
    select_rows(window, [0, 1])
    with qtbot.waitSignal(members.tagsChanged, timeout=10000):
        members.tag_selection_action.trigger()
    assert count(store, "tag:voile") == 2
    assert window.undo_action.text() == "&Undo Tagging"
    # 3. A deletion.
    members.delete_ids([people["Dupont"]])
    qtbot.waitUntil(lambda: directory.total() == 5, timeout=10000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    # 4. In the Tags panel, a tag deleted; Ctrl+Z there is the same Edit → Undo.
    window.show_panel(window.tags)
    qtbot.waitUntil(lambda: window.tags.model.rowCount() > 0, timeout=10000)
    pharmacie = next(t for t in window.tags.model.tags() if t.name == "Pharmacie")
    window.tags.select_tag(pharmacie.id)
    window.tags._on_delete_requested()  # in the runner's worker
    qtbot.waitUntil(lambda: count(store, "tag:pharmacie") == 0, timeout=10000)
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    window.tags.tree.setFocus()

    def undo() -> None:
        qtbot.keyClick(window.tags.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)

    undo()
    qtbot.waitUntil(lambda: count(store, "tag:pharmacie") == 1, timeout=10000)
    assert directory.total() == 5  # only the last one
    window.show_panel(window.members)
    members.table.setFocus()
    qtbot.keyClick(members.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: directory.total() == 6, timeout=10000)
    assert count(store, "tag:voile") == 2
    qtbot.keyClick(members.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: count(store, "tag:voile") == 0, timeout=10000)
    assert directory.get(people["Martin"]).values["city"] == "Grenoble"
    assert not members.undo_tag_action.isEnabled()  # its step is gone: no second undo
    qtbot.keyClick(members.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(
        lambda: directory.get(people["Martin"]).values["city"] != "Grenoble", timeout=10000
    )
    # Redo brings the edit back.
    qtbot.waitUntil(lambda: not window.runner.busy, timeout=10000)
    assert window.redo_action.text() == "&Redo Edit member"
    window.redo_action.trigger()
    qtbot.waitUntil(
        lambda: directory.get(people["Martin"]).values["city"] == "Grenoble", timeout=10000
    )


def test_a_panels_undo_button_is_the_runners_undo(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    from ui.operations import OperationRunner

    panel = loaded_tags_panel(qtbot, store)
    runner = OperationRunner.for_store(store)
    alsace = next(t for t in panel.model.tags() if t.name == "Alsace")
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.start_change(alsace.id, ids=[people["Martin"]])
    assert runner.undo_label() == "Tagging"
    assert panel.undo_button.isVisibleTo(panel)
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.undo_button.click()
    assert count(store, "tag:alsace") == 1
    assert runner.undo_label() is None and runner.redo_label() == "Tagging"
    # Something else done since: the button no longer offers an older undo.
    with qtbot.waitSignal(panel.tagsChanged, timeout=10000):
        panel.start_change(alsace.id, ids=[people["Martin"]])
    runner.run_now(Operation("tag.rename", {"tag_id": alsace.id, "name": "Alsace-Moselle"}))
    assert not panel.undo_button.isVisibleTo(panel)
    qtbot.waitUntil(lambda: not panel.counter.busy, timeout=5000)
