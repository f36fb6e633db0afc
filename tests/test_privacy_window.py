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
from ui.widgets import plain_text


@pytest.fixture
def card(qtbot: QtBot, store: Store, people: dict[str, int]) -> MemberCard:
    made = MemberCard(MemberDirectory(store))
    qtbot.addWidget(made)
    made.show()
    made.show_member(people["Martin"])
    return made


def test_the_card_shows_each_purpose(
    card: MemberCard, store: Store, people: dict[str, int]
) -> None:
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
    assert (
        card.consent_summary.text()
        .splitlines()[1]
        .startswith("Directory visible to other alumni: given on")
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


# --- the Privacy panel ---------------------------------------------------------------------


@pytest.fixture
def panel(qtbot: QtBot, store: Store, people: dict[str, int]) -> Any:
    from ui.panels.privacy import PrivacyPanel

    made = PrivacyPanel(store)
    qtbot.addWidget(made)
    made.show()
    qtbot.waitUntil(lambda: made.snapshot is not None, timeout=10000)
    return made


def _reloaded(qtbot: QtBot, panel: Any) -> None:
    before = panel.snapshot
    panel.reload()
    qtbot.waitUntil(lambda: panel.snapshot is not before, timeout=10000)


def test_the_panels_models_are_sound(panel: Any, qtmodeltester: Any) -> None:
    for model in (panel.requests_model, panel.worklist_model, panel.backups_model):
        qtmodeltester.check(model)


def test_open_requests_with_their_deadline(
    qtbot: QtBot, panel: Any, store: Store, people: dict[str, int], today: Any,
    qtmodeltester: Any,
) -> None:  # fmt: skip
    from datetime import timedelta

    late = requests.log_request(store, people["Martin"], "access", today - timedelta(days=40))
    requests.log_request(store, people["Dupont"], "erasure", today - timedelta(days=2))
    _reloaded(qtbot, panel)
    model = panel.requests_model
    qtmodeltester.check(model)
    assert model.rowCount() == 2
    assert model.data(model.index(0, 0)) == "Hélène Martin"
    assert model.data(model.index(0, 4)).startswith("late by")
    assert model.data(model.index(1, 4)).endswith("days left")
    assert panel.requests_summary.text() == "2 open requests — 1 late"
    panel.requests_table.selectRow(0)
    with qtbot.waitSignal(panel.loader.finished, timeout=10000):
        panel.answer_button.click()
    qtbot.waitUntil(lambda: panel.requests_model.rowCount() == 1, timeout=10000)
    assert [r.id for r in requests.list_requests(store, open_only=True)] != [late]


def test_the_worklist_erases_only_on_decision(
    qtbot: QtBot, panel: Any, store: Store, people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    from ui.panels.privacy import PrivacyPanel

    with store.write() as conn:  # Loïc Le Goff, lost touch, no news since 2001
        from app.store.schema import member

        conn.execute(
            member.update()
            .where(member.c.id == people["Le Goff"])
            .values(updated_at="2001-01-01T00:00:00+00:00")
        )
    _reloaded(qtbot, panel)
    assert panel.rule_boxes["lost"].value() == 10
    assert panel.worklist_model.rowCount() == 1
    assert panel.worklist_summary.text() == "1 member proposed for erasure"
    panel.worklist_table.selectRow(0)
    asked: list[list[str]] = []
    monkeypatch.setattr(PrivacyPanel, "confirm_erase", lambda _s, names: asked.append(names))
    panel.erase_button.click()
    assert asked == [["Loïc Le Goff"]] and MemberDirectory(store).total() == 6
    monkeypatch.setattr(PrivacyPanel, "confirm_erase", lambda _s, _names: True)
    panel.erase_button.click()
    qtbot.waitUntil(lambda: MemberDirectory(store).total() == 5, timeout=10000)
    qtbot.waitUntil(lambda: panel.worklist_model.rowCount() == 0, timeout=10000)
    # Kept: a contact today takes someone off the worklist.
    with store.write() as conn:
        conn.execute(
            member.update()
            .where(member.c.id == people["Dupuis"])
            .values(status="lost", updated_at="2001-01-01T00:00:00+00:00")
        )
    _reloaded(qtbot, panel)
    assert panel.worklist_model.rowCount() == 1
    panel.worklist_table.selectRow(0)
    panel.keep_button.click()
    qtbot.waitUntil(lambda: panel.worklist_model.rowCount() == 0, timeout=10000)
    assert MemberDirectory(store).get(people["Dupuis"]).values["last_contacted_at"]
    # A rule changed from the panel.
    panel.rule_boxes["former"].setValue(3)
    panel.save_rules_button.click()
    qtbot.waitUntil(lambda: retention_rules(store) == {"lost": 10, "former": 3}, timeout=10000)


def retention_rules(store: Store) -> dict[str, int]:
    from app.privacy import retention

    return retention.rules(store)


def test_stale_backups_are_replaced_from_the_panel(
    qtbot: QtBot, panel: Any, store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    from app.members import gdpr
    from app.privacy import backups
    from app.store import backup

    copy, _ = backup.backup(store.path, tmp_path / "avant.sqlite3")
    backups.note_backup(store, copy)
    gdpr.erase_member(store, people["Martin"])
    _reloaded(qtbot, panel)
    assert panel.backups_model.rowCount() == 1
    assert b"helene.martin@example.org" in copy.read_bytes()
    panel.backups_table.selectRow(0)
    panel.replace_button.click()
    qtbot.waitUntil(lambda: panel.backups_model.rowCount() == 0, timeout=10000)
    assert b"helene.martin@example.org" not in copy.read_bytes()
    assert "1 backup replaced" in panel.message.text()


def test_the_register_is_edited_saved_and_exported(
    qtbot: QtBot, panel: Any, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.privacy import documents
    from ui.panels.privacy import PrivacyPanel

    text = panel.register_text.toPlainText()
    assert "Sharing with partner schools" in text and "Lost touch: 10 years" in text
    assert not panel.save_register_button.isEnabled()
    panel.register_text.setPlainText("# Registre de l'amicale\nNos traitements.\n")
    panel.save_register_button.click()
    qtbot.waitUntil(lambda: documents.saved_register(store) is not None, timeout=10000)
    assert documents.saved_register(store) == "# Registre de l'amicale\nNos traitements.\n"
    _reloaded(qtbot, panel)
    assert panel.register_state.text().startswith("Your edited version")
    targets = iter([tmp_path / "registre.pdf", tmp_path / "registre.html"])
    monkeypatch.setattr(PrivacyPanel, "register_path", lambda _s, _k: next(targets))
    panel.export_pdf_button.click()
    panel.export_html_button.click()
    assert (tmp_path / "registre.pdf").read_bytes().startswith(b"%PDF")
    assert "<h1>Registre de l&#x27;amicale</h1>" in (tmp_path / "registre.html").read_text(
        encoding="utf-8"
    )
    panel.regenerate_button.click()
    assert "Register of processing" in panel.register_text.toPlainText()
    assert documents.saved_register(store) is not None  # kept until saved


def test_the_register_speaks_french(
    qtbot: QtBot, store: Store, people: dict[str, int], french: object
) -> None:
    from ui.panels.privacy import PrivacyPanel

    panel = PrivacyPanel(store)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.waitUntil(lambda: panel.snapshot is not None, timeout=10000)
    text = plain_text(panel.register_text)  # toPlainText() drops the no-break spaces
    assert text.startswith("# Registre des traitements — ")
    assert "\n- E-mail\n" in text and "\n- Promo\n" in text  # the fields, in French
    assert "Partage avec les écoles partenaires\u00a0: sur le consentement du membre" in text
    assert "Perdus de vue\u00a0: 10 ans sans nouvelles" in text
    assert panel.requests_summary.text() == "0 demande en cours"


def test_the_command_line_writes_the_letter_and_register_as_pdf(
    qapp: object, store: Store, people: dict[str, int], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    from app.cli import main as headless
    from ui.launch import main

    db = ["--db", str(db_path)]
    letter, register = tmp_path / "lettre.pdf", tmp_path / "registre.pdf"
    assert main([*db, "privacy", "access", str(people["Martin"]), "-o", str(letter)]) == 0
    assert main([*db, "privacy", "register", "-o", str(register)]) == 0
    assert letter.read_bytes().startswith(b"%PDF") and register.read_bytes().startswith(b"%PDF")
    capsys.readouterr()
    # Without the window's libraries (python -m app): one line, nothing written.
    assert headless([*db, "privacy", "register", "-o", str(tmp_path / "autre.pdf")]) == 1
    assert capsys.readouterr().err.strip() == (
        "amicale: a PDF needs the window's libraries: run `amicale`"
    )
    assert not (tmp_path / "autre.pdf").exists()


def test_late_requests_are_announced_in_the_sidebar(
    qtbot: QtBot, main_window: Any, store: Store, people: dict[str, int], today: Any
) -> None:
    from datetime import timedelta

    from app.operations import Operation
    from ui.operations import OperationRunner

    item = main_window.sidebar.item(main_window.panels().index(main_window.privacy))
    qtbot.waitUntil(lambda: main_window.privacy.snapshot is not None, timeout=10000)
    assert item.text() == "Privacy"
    received = (today - timedelta(days=45)).isoformat()
    OperationRunner.for_store(store).run(
        Operation(
            "privacy.request",
            {"member_id": people["Martin"], "kind": "access", "received_on": received},
        )
    )
    qtbot.waitUntil(lambda: item.text() == "Privacy (1)", timeout=10000)
    assert "1 request past its one-month deadline" in main_window.statusBar().currentMessage()
