"""The Moderation view, driven as a CM would: triage from the keyboard, undo, bulk, verify."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from pytestqt.qtbot import QtBot

from app.moderation import intake, queue
from app.moderation.intake import NewItem
from app.store import Store
from ui.dialogs.moderation_add import AddItemsDialog
from ui.models.moderation_queue import (
    COL_AGE,
    COL_SUGGESTION,
    ITEM_ROLE,
    LATE,
    STALE,
    ModerationQueueModel,
    age_text,
)
from ui.panels.moderation import ModerationPanel

pytestmark = pytest.mark.clock  # dates, times and zones throughout

COMMUNITY = "Groupe LinkedIn ENSCV"


def ago(now: datetime, **delta: float) -> str:
    return (now - timedelta(**delta)).isoformat(timespec="seconds")


@pytest.fixture
def queued(clock_now: datetime, store: Store, people: dict[str, int]) -> list[int]:
    """Four items received over the last four days (the ageing badges count from now)."""
    report = intake.add_items(
        store,
        [
            NewItem("join", "Émilie Dupont", "emilie.dupont@example.org", None, None, 2005,
                    COMMUNITY, "", ago(clock_now, days=4)),
            NewItem("post", "Bob Vendeur", None, None, None, None, "Autre groupe",
                    "Nous recrutons en CDI ! Envoyez votre CV, WhatsApp https://bit.ly/x",
                    ago(clock_now, days=2)),
            NewItem("join", "Kevin Smith", "kevin@mail.example", None, None, 2001, COMMUNITY,
                    "", ago(clock_now, hours=3)),
            NewItem("join", "DUPUIS Jean", None, None, None, 1999, COMMUNITY, "",
                    ago(clock_now, minutes=20)),
        ],
    )  # fmt: skip
    return report.item_ids


@pytest.fixture
def panel(qtbot: QtBot, store: Store, queued: list[int]) -> Iterator[ModerationPanel]:
    widget = ModerationPanel(store)
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    qtbot.waitUntil(lambda: widget.state is not None)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.loader.busy)
    yield widget
    widget.wait()


def names(panel: ModerationPanel) -> list[str]:
    return [i.name for i in panel.model.items]


def press(qtbot: QtBot, panel: ModerationPanel, key: Qt.Key) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.keyClick(panel.table, key)


def test_model_passes_qtmodeltester(qtmodeltester: Any, store: Store, queued: list[int]) -> None:
    model = ModerationQueueModel()
    model.set_items(queue.list_items(store))
    qtmodeltester.check(model, force_py=True)
    model.set_filter(kind="join")
    qtmodeltester.check(model, force_py=True)


def test_model_ageing_badges_and_roles(store: Store, queued: list[int]) -> None:
    model = ModerationQueueModel()
    model.set_items(queue.list_items(store))
    assert [model.data(model.index(r, COL_AGE)) for r in range(4)] == [
        "4 d", "2 d", "3 h", "20 min"
    ]  # fmt: skip
    old = model.data(model.index(0, COL_AGE), Qt.ItemDataRole.BackgroundRole)
    late = model.data(model.index(1, COL_AGE), Qt.ItemDataRole.BackgroundRole)
    fresh = model.data(model.index(3, COL_AGE), Qt.ItemDataRole.BackgroundRole)
    assert old is not None and late is not None and fresh is None
    assert old.color() != late.color()
    assert model.data(model.index(0, 0), ITEM_ROLE).id == queued[0]
    assert model.data(model.index(1, COL_SUGGESTION)) == "Reject"
    assert age_text(LATE - timedelta(minutes=1)) == "23 h" and age_text(STALE) == "3 d"


def test_queue_oldest_first_with_filters(panel: ModerationPanel, qtbot: QtBot) -> None:
    assert names(panel) == ["Émilie Dupont", "Bob Vendeur", "Kevin Smith", "DUPUIS Jean"]
    panel.kind_filter.setCurrentIndex(panel.kind_filter.findData("post"))
    panel.kind_filter.activated.emit(panel.kind_filter.currentIndex())
    assert names(panel) == ["Bob Vendeur"]
    panel.kind_filter.setCurrentIndex(0)
    panel.suggestion_filter.setCurrentIndex(panel.suggestion_filter.findData("approve"))
    panel.suggestion_filter.activated.emit(panel.suggestion_filter.currentIndex())
    # A known graduate, and a probable one with the same name and class year.
    assert names(panel) == ["Émilie Dupont", "DUPUIS Jean"]
    panel.suggestion_filter.setCurrentIndex(0)
    index = panel.community_filter.findText("Autre groupe")
    panel.community_filter.setCurrentIndex(index)
    panel.community_filter.activated.emit(index)
    assert names(panel) == ["Bob Vendeur"]
    assert "4 items to moderate" in panel.stats_label.text()


def test_detail_shows_signals_and_matched_members(
    panel: ModerationPanel, qtbot: QtBot, people: dict[str, int]
) -> None:
    panel._select_row(0)
    signals = [panel.signal_list.item(i).text() for i in range(panel.signal_list.count())]
    assert any("known graduate" in s for s in signals)
    assert panel.member_list.count() == 1
    entry = panel.member_list.item(0)
    assert "Émilie Dupont" in entry.text()
    with qtbot.waitSignal(panel.memberRequested) as requested:
        panel.member_list.itemActivated.emit(entry)
    assert requested.args == [people["Dupont"]]
    assert panel.detail_title.textFormat() == Qt.TextFormat.PlainText


def test_keyboard_triage_and_undo(panel: ModerationPanel, qtbot: QtBot, store: Store) -> None:
    panel.table.setFocus()
    panel._select_row(0)
    qtbot.keyClick(panel.table, Qt.Key.Key_J)
    assert panel.current_item().name == "Bob Vendeur"
    qtbot.keyClick(panel.table, Qt.Key.Key_K)
    assert panel.current_item().name == "Émilie Dupont"
    with qtbot.waitSignal(panel.membersChanged):
        press(qtbot, panel, Qt.Key.Key_A)
    assert names(panel) == ["Bob Vendeur", "Kevin Smith", "DUPUIS Jean"]
    assert panel.current_item().name == "Bob Vendeur"  # the next one moved into place
    panel.reason_combo.setCurrentIndex(1)
    chosen = panel.reason_combo.itemText(1)  # the next item gets its own replies
    press(qtbot, panel, Qt.Key.Key_R)
    assert QGuiApplication.clipboard().text() == chosen
    assert queue.get_item(store, panel.model.items[0].id).name == "Kevin Smith"
    press(qtbot, panel, Qt.Key.Key_I)
    assert "Kevin Smith" in QGuiApplication.clipboard().text()
    press(qtbot, panel, Qt.Key.Key_E)
    assert [i.status for i in panel.model.items] == ["info", "escalated"]
    assert panel.log_list.count() == 4
    press(qtbot, panel, Qt.Key.Key_U)
    assert [i.status for i in panel.model.items] == ["info", "pending"]
    assert "undone" in panel.feedback.text()


def test_bulk_approve_known_graduates(panel: ModerationPanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.loaded):
        panel.bulk_button.click()
    assert "Émilie Dupont" not in names(panel)
    assert "DUPUIS Jean" in names(panel)  # probable only: the CM decides
    assert "1 known graduate approved." in panel.feedback.text()


def test_to_verify_list_and_mark_verified(
    panel: ModerationPanel, qtbot: QtBot, store: Store
) -> None:
    panel._select_row(2)  # Kevin Smith: unknown, becomes a new member when approved
    assert panel.current_item().name == "Kevin Smith"
    with qtbot.waitSignal(panel.loaded):
        panel.approve_button.click()
    assert panel.verify_list.count() == 1
    assert "Kevin Smith" in panel.verify_list.item(0).text()
    panel.verify_list.setCurrentRow(0)
    with qtbot.waitSignal(panel.loaded):
        panel.verify_button.click()
    assert panel.verify_list.count() == 0
    assert queue.to_verify(store) == []


def test_import_file_in_a_job(panel: ModerationPanel, qtbot: QtBot, tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("kind,name,community\njoin,Nouvelle Personne,Groupe neuf\n", encoding="utf-8")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.import_path(path)
    assert "Nouvelle Personne" in names(panel)
    assert panel.community_filter.findText("Groupe neuf") >= 0
    bad = tmp_path / "bad.csv"
    bad.write_text("kind,name\nvisit,X\n", encoding="utf-8")
    panel.hide()  # no message box in the test
    job = panel.import_path(bad)
    qtbot.waitUntil(lambda: "line 2" in panel.feedback.text(), timeout=10000)
    del job


def test_paste_dialog_previews_and_adds(qtbot: QtBot, store: Store, queued: list[int]) -> None:
    dialog = AddItemsDialog(store, [COMMUNITY])
    qtbot.addWidget(dialog)
    dialog.tabs.setCurrentIndex(1)
    dialog.paste.setPlainText("Jeanne Martin — promo 2005 — jeanne@example.org\n— 2001 —\n")
    previews = [dialog.preview.item(i).text() for i in range(dialog.preview.count())]
    assert previews[0].startswith("✓ Jeanne Martin")
    assert previews[1].startswith("line 2")
    with qtbot.waitSignal(dialog.added) as added:
        dialog.submit()
    assert added.args[0].added == 1
    assert any(i.name == "Jeanne Martin" for i in queue.list_items(store))


def test_quick_add_form_needs_a_name_or_email(qtbot: QtBot, store: Store) -> None:
    dialog = AddItemsDialog(store, [])
    qtbot.addWidget(dialog)
    dialog.submit()
    assert dialog.error.text()
    dialog.name.setText("Paul Rapide")
    dialog.promo.setValue(2010)
    dialog.community.setEditText("Nouveau")
    with qtbot.waitSignal(dialog.added):
        dialog.submit()
    (item,) = queue.list_items(store)
    assert (item.name, item.promo, item.community) == ("Paul Rapide", 2010, "Nouveau")


def test_main_window_shows_a_requested_member(
    qtbot: QtBot, store: Store, people: dict[str, int], queued: list[int]
) -> None:
    from app import association
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    window = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.moderation.state is not None, timeout=10000)
    assert window.moderation in window.panels()
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.moderation.memberRequested.emit(people["Dupont"])
    assert window.members.search.text() == "emilie.dupont@example.org"
    assert window.stack.currentWidget() is window.members
    with qtbot.waitSignal(window.members.searchFinished, timeout=10000):
        window.moderation.memberRequested.emit(people["Le Goff"])  # no email: by name
    assert window.members.search.text() == "Loïc Le Goff"
    assert window.members.model.rowCount() == 1
    window.members.searches.wait()
    window.moderation.wait()


def test_snoozed_items_are_hidden_unless_asked(panel: ModerationPanel, qtbot: QtBot) -> None:
    panel._select_row(2)
    press(qtbot, panel, Qt.Key.Key_S)
    assert "Kevin Smith" not in names(panel)
    with qtbot.waitSignal(panel.loaded):
        panel.snoozed_box.setChecked(True)
    assert "Kevin Smith" in names(panel)
    assert panel.model.items[names(panel).index("Kevin Smith")].status == "snoozed"


def test_stats_tooltip_lists_weeks_and_communities(panel: ModerationPanel, qtbot: QtBot) -> None:
    panel._select_row(0)
    press(qtbot, panel, Qt.Key.Key_A)
    assert COMMUNITY in panel.stats_label.toolTip()
    assert "median time to decision" in panel.stats_label.text()


def test_adding_runs_off_the_gui_thread_and_reports_a_failure(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    import threading

    from app.errors import AmicaleError
    from app.moderation import intake

    threads: list[threading.Thread] = []

    def refuse(*_args: object, **_kwargs: object) -> None:
        threads.append(threading.current_thread())
        raise AmicaleError("the store is read-only")

    monkeypatch.setattr(intake, "add_items", refuse)
    dialog = AddItemsDialog(store, [COMMUNITY])
    qtbot.addWidget(dialog)
    dialog.name.setText("Paul Rapide")
    dialog.submit()
    assert not dialog.buttons.isEnabled()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled())
    assert threads and threads[0] is not threading.main_thread()
    assert dialog.error.text() == "the store is read-only"


# --- issue 17, point 11: the reply fits what is rejected; one confidence; names -------------


def test_rejecting_a_commercial_post_copies_a_reply_about_selling(
    qtbot: QtBot, clock_now: datetime, store: Store, people: dict[str, int]
) -> None:
    intake.add_items(
        store,
        [NewItem("post", "Paul Vendeur", None, None, None, None, COMMUNITY,
                 "Offre spéciale : formation CPF, code promo AMI20, achetez vite !",
                 ago(clock_now, hours=1))],
    )  # fmt: skip
    widget = ModerationPanel(store)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: widget.state is not None and not widget.loader.busy)
    widget._select_row(0)
    assert widget.current_item().name == "Paul Vendeur"
    offered = widget.reason_combo.currentText()
    assert "commercial" in offered and "diplôm" not in offered
    with qtbot.waitSignal(widget.loaded, timeout=5000):
        qtbot.mouseClick(widget.reject_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == offered
    assert widget.feedback.text().startswith("Post by Paul Vendeur: rejected")
    widget.wait()


def test_join_request_gets_the_join_reply_and_named_feedback(
    panel: ModerationPanel, qtbot: QtBot
) -> None:
    panel._select_row(2)  # Kevin Smith, unknown
    assert "graduates" in panel.reason_combo.currentText() or "diplômés" in (
        panel.reason_combo.currentText()
    )
    with qtbot.waitSignal(panel.loaded, timeout=5000):
        qtbot.mouseClick(panel.approve_button, Qt.MouseButton.LeftButton)
    assert panel.feedback.text() == "Request from Kevin Smith: approved"
    assert not any("item " in panel.log_list.item(i).text() for i in range(panel.log_list.count()))
    assert "Kevin Smith" in panel.log_list.item(0).text()


def test_one_confidence_no_score_zero_and_signals_wrap(panel: ModerationPanel) -> None:
    panel._select_row(3)  # DUPUIS Jean, a probable graduate: no risk
    lines = [panel.signal_list.item(i).text() for i in range(panel.signal_list.count())]
    assert not any("score" in line for line in lines)
    assert lines[0] == "Suggestion: Approve — no warning sign"
    assert "sure" in lines[1]  # the match's confidence, said once
    panel._select_row(1)  # Bob Vendeur: risk points, said as such
    first = panel.signal_list.item(0).text()
    assert "risk" in first and "score" not in first
    assert panel.signal_list.wordWrap()
    assert panel.signal_list.textElideMode() == Qt.TextElideMode.ElideNone
