"""The window as a reader, a moderator or an animator of a team directory: what the role
cannot do is greyed out beforehand, its tooltip saying why, in the interface's language."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit

from app import team
from app.members.service import MemberDirectory
from app.moderation import intake
from app.store import Store, open_store
from ui.main_window import MainWindow
from ui.settings import UiSettings
from ui.widgets import is_forbidden


@pytest.fixture
def logins(pg_url: str, pg_cluster: Any) -> Iterator[dict[str, str]]:
    """A team directory with a member and a queued request; a login of each lower role."""
    store = open_store(pg_url)
    try:
        MemberDirectory(store).create({"first_name": "Claire", "last_name": "Durand"})
        intake.add_items(
            store, [intake.NewItem("join", "Paul Martin", "paul@example.org", community="Lyon")]
        )
        team.init(store)
        for name, role in (("alice", "animator"), ("marc", "moderator"), ("rita", "reader")):
            team.add_user(store, name, role, password="secret-" + name)
    finally:
        store.close()
    database = pg_url.rsplit("/", 1)[1]
    yield {name: pg_cluster.url(database, user=name) for name in ("alice", "marc", "rita")}
    for name in ("alice", "marc", "rita"):
        pg_cluster.admin(f"DROP ROLE IF EXISTS {name}")


@pytest.fixture
def open_window(qtbot: Any) -> Iterator[Any]:
    opened: list[tuple[MainWindow, Store]] = []

    def make(url: str) -> MainWindow:
        store = open_store(url)
        window = MainWindow(store, UiSettings(), None)
        qtbot.addWidget(window)
        opened.append((window, store))
        qtbot.waitUntil(lambda: window.members.model.rowCount() == 1, timeout=10000)
        return window

    yield make
    from ui.workers import Job

    Job.cancel_all_and_wait()
    for window, store in opened:
        window.close()
        store.close()


def _decisions(window: MainWindow) -> list[Any]:
    panel = window.moderation
    return [panel.approve_button, panel.reject_button, panel.bulk_button, panel.undo_button]


def test_a_reader_sees_export_editing_and_moderation_greyed_with_the_reason(
    qtbot: Any, open_window: Any, logins: dict[str, str]
) -> None:
    window = open_window(logins["rita"])
    assert window.role == "reader"
    export = window.export_action
    assert not export.isEnabled() and is_forbidden(export)
    assert export.toolTip() == "Your reader role does not allow exporting"
    assert window.findChild(type(export), "exportAction") is export
    # Its own enabling (the search becoming valid again) cannot bring it back.
    window.members.staleChanged.emit(False)
    assert not export.isEnabled()
    assert not window.backup_action.isEnabled()
    assert not window.members.card.access_button.isEnabled()
    for action in (window.new_action, window.import_action, *window.members.tag_actions()):
        assert not action.isEnabled()
        assert action.toolTip() == "Your reader role does not allow changing members"
    card = window.members.card
    assert not card.save_button.isEnabled()
    assert card.save_button.toolTip() == "Your reader role does not allow changing members"
    assert all(e.isReadOnly() for e in card.editors.values() if isinstance(e, QLineEdit))
    for button in _decisions(window):
        assert not button.isEnabled()
        assert button.toolTip() == "Your reader role does not allow moderation decisions"
    assert not window.moderation.verify_button.isEnabled()
    # Selecting an item (which enables the decision buttons) leaves them greyed; A does nothing.
    panel = window.moderation
    window.show_panel(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    assert not panel.approve_button.isEnabled()
    assert panel.decide_current("approve") is None


def test_a_moderator_decides_but_does_not_edit_members(
    qtbot: Any, open_window: Any, logins: dict[str, str]
) -> None:
    window = open_window(logins["marc"])
    assert window.role == "moderator"
    assert window.export_action.isEnabled()
    assert not is_forbidden(window.export_action)
    why = "Your moderator role does not allow changing members, only their verification"
    for action in (window.import_action, *window.members.tag_actions()):
        assert not action.isEnabled() and action.toolTip() == why
    assert not window.members.card.save_button.isEnabled()
    panel = window.moderation
    assert not is_forbidden(panel.approve_button)
    assert panel.bulk_button.isEnabled()
    assert not is_forbidden(panel.verify_button)
    window.show_panel(panel)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 1, timeout=10000)
    panel.table.setCurrentIndex(panel.model.index(0, 0))
    assert panel.approve_button.isEnabled()


def test_an_animator_edits_members_but_not_the_queue(
    qtbot: Any, open_window: Any, logins: dict[str, str]
) -> None:
    window = open_window(logins["alice"])
    assert window.role == "animator"
    assert window.export_action.isEnabled() and window.import_action.isEnabled()
    assert all(not is_forbidden(a) for a in window.members.tag_actions())
    panel = window.moderation
    for button in _decisions(window):
        assert not button.isEnabled()
        assert button.toolTip() == "Your animator role does not allow moderation decisions"
    assert not is_forbidden(panel.verify_button)  # an animator changes members, verification too


def test_the_reason_is_said_in_french(
    open_window: Any, logins: dict[str, str], french: Any
) -> None:
    window = open_window(logins["rita"])
    assert window.export_action.toolTip() == "Votre rôle de lecteur ne permet pas d'exporter"


def test_a_data_file_greys_nothing(qtbot: Any, tmp_path: Any) -> None:
    store = open_store(tmp_path / "solo.sqlite3")
    window = MainWindow(store, UiSettings(), None)
    qtbot.addWidget(window)
    try:
        assert window.role == "administrator"
        assert not any(
            is_forbidden(a)
            for a in (window.export_action, window.import_action, *window.members.tag_actions())
        )
        assert not is_forbidden(window.moderation.approve_button)
    finally:
        from ui.workers import Job

        Job.cancel_all_and_wait()
        window.close()
        store.close()
    assert Qt is not None
