"""The privacy duties from the window: the member card's Privacy box (consent, a copy of the
data, requests) and its "Delete permanently…", which leaves no trace in the file."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.members.service import MemberDirectory
from app.privacy import consent, requests
from app.store import Store
from ui.dialogs.consent_dialog import GIVEN, REFUSED, ConsentDialog
from ui.panels.member_card import MemberCard


@pytest.fixture
def card(qtbot: QtBot, store: Store, people: dict[str, int]) -> MemberCard:
    made = MemberCard(MemberDirectory(store))
    qtbot.addWidget(made)
    made.show()
    made.show_member(people["Martin"])
    return made


def test_the_card_shows_each_purpose(card: MemberCard, store: Store, people: dict[str, int]) -> None:
    assert card.privacy_box.isVisible()
    assert card.consent_summary.text().splitlines() == [
        "Newsletter: never asked",
        "Directory visible to other alumni: never asked",
        "Event invitations: never asked",
        "Sharing with partner schools: never asked",
    ]
    consent.set_answers(store, people["Martin"], {"events": False}, "form")
    card.show_member(people["Martin"])
    assert card.consent_summary.text().splitlines()[2].startswith("Event invitations: refused on")


def test_consent_is_edited_from_the_card_and_undone(
    card: MemberCard, store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    martin = people["Martin"]

    def answer(dialog: ConsentDialog) -> int:
        dialog.choices["directory"].setCurrentIndex(GIVEN)
        dialog.choices["partners"].setCurrentIndex(REFUSED)
        dialog.wordings["directory"].setText("Dans l'annuaire ?")
        dialog.source.setText("formulaire du gala")
        return 1

    monkeypatch.setattr(ConsentDialog, "exec", answer)
    card.edit_consent()
    found = consent.answers(store, martin)
    assert set(found) == {"directory", "partners"}  # the unchanged ones were not recorded
    assert found["directory"].wording == "Dans l'annuaire ?"
    assert found["directory"].source == "formulaire du gala"
    assert card.consent_summary.text().splitlines()[1].startswith(
        "Directory visible to other alumni: given on"
    )
    from ui.operations import OperationRunner

    OperationRunner.for_store(store).undo_now()
    assert consent.answers(store, martin) == {}


def test_a_copy_of_the_data_in_two_clicks(
    card: MemberCard, store: Store, people: dict[str, int], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    martin = people["Martin"]
    requests.log_request(store, martin, "access")
    card.show_member(martin)
    assert "Access request of" in card.requests_label.text()
    targets = iter([tmp_path / "lettre.pdf", tmp_path / "copie.json"])
    monkeypatch.setattr(MemberCard, "access_path", lambda _self, _kind: next(targets))
    card.access_actions["pdf"].trigger()
    assert (tmp_path / "lettre.pdf").read_bytes().startswith(b"%PDF")
    assert "marked answered" in card.message.text()
    assert requests.list_requests(store, open_only=True) == []
    assert not card.requests_label.isVisible()
    card.access_actions["json"].trigger()
    data = json.loads((tmp_path / "copie.json").read_text(encoding="utf-8"))
    assert data["member"]["last_name"] == "Martin"


def test_a_request_is_logged_from_the_card(
    card: MemberCard, store: Store, people: dict[str, int]
) -> None:
    card.request_actions["erasure"].trigger()
    (logged,) = requests.list_requests(store)
    assert (logged.member_id, logged.kind) == (people["Martin"], "erasure")
    assert card.message.text().startswith("Request logged: answer by")
    assert "Erasure request of" in card.requests_label.text()


SECRETS = (b"helene.martin@example.org", b"linkedin.com/in/helene-martin")


def test_delete_permanently_names_the_person_and_leaves_no_trace(
    qtbot: QtBot, main_window: Any, store: Store, people: dict[str, int], db_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    card = main_window.members.card
    card.show_member(people["Martin"])
    asked: list[str] = []

    def confirm(_self: MemberCard, name: str) -> bool:
        asked.append(name)
        return len(asked) > 1  # cancelled the first time

    monkeypatch.setattr(MemberCard, "confirm_erase", confirm)
    card.erase_button.click()
    assert asked == ["Hélène Martin"]
    assert MemberDirectory(store).total() == 6
    with qtbot.waitSignal(card.memberErased, timeout=10000) as erased:
        card.erase_button.click()
    assert erased.args == [people["Martin"]]
    assert MemberDirectory(store).total() == 5
    qtbot.waitUntil(lambda: main_window.members.model.rowCount() == 5, timeout=10000)
    for part in (db_path, db_path.with_name(db_path.name + "-wal")):
        if part.exists():
            data = part.read_bytes().lower()
            assert not [s for s in SECRETS if s in data], part
