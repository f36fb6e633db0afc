"""Two animators on the same member card: the second save merges what only one of them
changed, asks field by field for what both changed, and never loses what was typed; tags
merge as sets. On a server the card says who saved last, and when, as a person says it."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog

from app.members.service import MemberDirectory, merge_tags
from app.store import Store, open_store
from ui.dialogs import edit_conflict
from ui.dialogs.edit_conflict import EditConflictDialog, Side
from ui.panels.member_card import MemberCard

pytestmark = [pytest.mark.engines, pytest.mark.usefixtures("_interface_in_english")]


def _card(qtbot: Any, store: Store, member_id: int) -> MemberCard:
    card = MemberCard(MemberDirectory(store))
    qtbot.addWidget(card)
    card.show_member(member_id)
    return card


def _answer(
    monkeypatch: pytest.MonkeyPatch, choices: dict[str, Side] | None, seen: list[Any]
) -> None:
    """The conflict dialog, answered as a CM would: ``choices`` then Save, or Cancel (None)."""

    def exec_(dialog: EditConflictDialog) -> int:
        seen.append([(c.name, c.mine, c.theirs) for c in dialog.conflict.conflicts])
        if choices is None:
            return QDialog.DialogCode.Rejected.value
        for name, side in choices.items():
            dialog.choose(name, side)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(EditConflictDialog, "exec", exec_)


@pytest.fixture
def member_id(store: Store) -> int:
    return MemberDirectory(store).create(
        {"first_name": "Hélène", "last_name": "Martin", "city": "Lyon", "company": "Michelin"},
        ["Chimie", "Lyon"],
    )


def test_fields_only_the_other_changed_are_kept_and_mine_saved(
    qtbot: Any, store: Store, member_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = _card(qtbot, store, member_id)
    card.editors["job_title"].setText("Ingénieure procédés")
    # Someone else saves another field meanwhile.
    MemberDirectory(store).update(member_id, {"company": "Arkema"})
    seen: list[Any] = []
    _answer(monkeypatch, {}, seen)
    assert card.save()
    assert seen == []  # no conflict to ask about
    saved = MemberDirectory(store).get(member_id).values
    assert saved["company"] == "Arkema" and saved["job_title"] == "Ingénieure procédés"
    assert card.editors["company"].text() == "Arkema"  # the card shows the merged member


@pytest.mark.parametrize("side", [Side.MINE, Side.THEIRS])
def test_the_same_field_changed_on_both_sides_is_chosen_in_the_dialog(
    qtbot: Any, store: Store, member_id: int, monkeypatch: pytest.MonkeyPatch, side: Side
) -> None:
    card = _card(qtbot, store, member_id)
    card.editors["city"].setText("Grenoble")
    card.editors["notes"].setPlainText("Rencontrée au salon")
    MemberDirectory(store).update(member_id, {"city": "Villeurbanne"})
    seen: list[Any] = []
    _answer(monkeypatch, {"city": side}, seen)
    assert card.save()
    assert seen == [[("city", "Grenoble", "Villeurbanne")]]
    saved = MemberDirectory(store).get(member_id).values
    assert saved["city"] == ("Grenoble" if side is Side.MINE else "Villeurbanne")
    assert saved["notes"] == "Rencontrée au salon"  # the field not in conflict is saved


def test_cancel_keeps_what_was_typed_and_writes_nothing(
    qtbot: Any, store: Store, member_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = _card(qtbot, store, member_id)
    card.editors["city"].setText("Grenoble")
    MemberDirectory(store).update(member_id, {"city": "Villeurbanne"})
    _answer(monkeypatch, None, [])
    assert not card.save()
    assert card.editors["city"].text() == "Grenoble" and card.dirty
    assert "still on the card" in card.message.text()
    assert MemberDirectory(store).get(member_id).values["city"] == "Villeurbanne"


def test_a_save_arriving_while_the_dialog_is_open_asks_again(
    qtbot: Any, store: Store, member_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = _card(qtbot, store, member_id)
    card.editors["city"].setText("Grenoble")
    MemberDirectory(store).update(member_id, {"city": "Villeurbanne"})
    asked: list[Any] = []

    def exec_(dialog: EditConflictDialog) -> int:
        asked.append([(c.name, c.theirs) for c in dialog.conflict.conflicts])
        if len(asked) == 1:  # a third animator saves while this CM is choosing
            MemberDirectory(store).update(member_id, {"city": "Bron"})
        dialog.choose("city", Side.MINE)
        return QDialog.DialogCode.Accepted.value

    monkeypatch.setattr(EditConflictDialog, "exec", exec_)
    assert card.save()
    assert asked == [[("city", "Villeurbanne")], [("city", "Bron")]]
    assert MemberDirectory(store).get(member_id).values["city"] == "Grenoble"


def test_tags_merge_as_sets(
    qtbot: Any, store: Store, member_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    card = _card(qtbot, store, member_id)
    card.tags.setText("Chimie, Golf")  # takes Lyon off, puts Golf on
    directory = MemberDirectory(store)
    directory.update(member_id, {}, ["Chimie", "Lyon", "Voile"])  # someone adds Voile
    seen: list[Any] = []
    _answer(monkeypatch, {}, seen)
    assert card.save()
    assert seen == []
    assert sorted(directory.get(member_id).tags) == ["Chimie", "Golf", "Voile"]


def test_merge_tags_keeps_both_sides_additions_and_removals() -> None:
    saved = ["Chimie", "Lyon", "Voile"]
    assert merge_tags(saved, ["Chimie", "Lyon"], ["chimie ", "Golf"]) == ["Chimie", "Voile", "Golf"]
    assert merge_tags(["Lyon"], ["Chimie", "Lyon"], ["Chimie", "Lyon"]) == ["Lyon"]
    assert merge_tags([], [], ["Golf", "golf"]) == ["Golf"]


def test_the_dialog_shows_both_values_in_words(qtbot: Any, store: Store, member_id: int) -> None:
    from app.members.service import EditConflict, FieldConflict

    conflict = EditConflict(
        member_id,
        3,
        [
            FieldConflict("status", "member", "lost", "former"),
            FieldConflict("promo", None, 2005, None),
        ],
    )
    dialog = EditConflictDialog(conflict, "Hélène Martin")
    qtbot.addWidget(dialog)
    texts = {b.objectName(): b.text() for b in dialog.findChildren(edit_conflict.QRadioButton)}
    assert texts["conflict_status_mine"] == "Lost touch"
    assert texts["conflict_status_theirs"] == "Former member"
    assert texts["conflict_promo_mine"] == "2005"
    assert texts["conflict_promo_theirs"] == "(empty)"
    assert dialog.kept_mine() == {"status": True, "promo": True}
    dialog.choose("promo", Side.THEIRS)
    assert dialog.kept_mine() == {"status": True, "promo": False}


# --- who saved last, on a server ------------------------------------------------------------


@pytest.fixture
def claire(pg_url: str, pg_cluster: Any) -> Iterator[str]:
    """The address of the team directory as claire, an animator."""
    from app import team

    admin = open_store(pg_url)
    try:
        team.init(admin)
        team.add_user(admin, "claire", "animator")
    finally:
        admin.close()
    yield pg_cluster.url(pg_url.rsplit("/", 1)[1], user="claire")
    pg_cluster.admin("DROP ROLE IF EXISTS claire")


@pytest.mark.sqlite_only  # the store is claire's own on the server, not the fixture's
def test_the_card_says_who_saved_last_and_when(
    qtbot: Any, claire: str, freeze: Any, local_zone: Any
) -> None:
    local_zone("Europe/Paris")  # the zone the suite runs under comes back afterwards
    saved_at = datetime(2026, 12, 2, 17, 5, tzinfo=UTC)  # 18:05 in Paris
    freeze(saved_at)
    store = open_store(claire)
    try:
        directory = MemberDirectory(store)
        member_id = directory.create({"first_name": "Hélène", "last_name": "Martin"})
        directory.update(member_id, {"city": "Lyon"})
        assert directory.get(member_id).values["updated_by"] == "claire"
        freeze(saved_at + timedelta(days=1))
        card = _card(qtbot, store, member_id)
        text = card.history.text()
        assert "updated yesterday at" in text and text.endswith("by claire.")
        freeze(saved_at + timedelta(hours=1))
        card.show_member(member_id)
        assert "updated today at" in card.history.text()
        freeze(saved_at + timedelta(days=5))
        card.show_member(member_id)
        assert "updated on " in card.history.text()
    finally:
        store.close()


@pytest.mark.sqlite_only
def test_a_file_names_nobody(qtbot: Any, store: Store, member_id: int) -> None:
    card = _card(qtbot, store, member_id)
    assert " by " not in card.history.text()
