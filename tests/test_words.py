"""The words the window uses (issue 17, points 10–14): French dates, names instead of codes,
French typography, English plurals, Qt's own dialogs in French."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date, datetime

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import association, audit, tag_rules
from app.members.service import MemberDirectory
from app.messages import QT_TRANSLATE_NOOP, Message
from app.moderation import intake, queue
from app.moderation.intake import NewItem
from app.store import Store
from ui import i18n
from ui.labels import day_text, message_text, moment_text, week_text
from ui.models.history_table import ENTRY_ROLE
from ui.panels.history import HistoryPanel
from ui.panels.today import TodayPanel

pytestmark = pytest.mark.clock


@pytest.fixture
def english(qapp: QApplication) -> Iterator[QApplication]:
    assert i18n.install(qapp, "en")
    yield qapp
    i18n.install(qapp, "en")


_SILENT = QT_TRANSLATE_NOOP(
    "Messages", "{0}: silent for {1} days since {2}, longer than the {3} chosen"
)


def test_dates_and_weeks_in_french(french: QApplication) -> None:
    assert day_text(date(2026, 11, 29)) == "29/11/2026"
    assert moment_text(datetime(2026, 12, 4, 9, 0), date(2026, 12, 3)) == "4 déc. 09:00"
    assert moment_text(datetime(2025, 12, 4, 9, 0), date(2026, 12, 3)) == "4 déc. 2025 09:00"
    assert week_text("2026-W49") == "semaine 49"
    # A date given to a message from app/ (the calendar's advice) is no ISO text either.
    text = message_text(Message(_SILENT, "LinkedIn", 12, date(2026, 11, 29), 7))
    assert "29/11/2026" in text and "2026-11-29" not in text


def test_escalate_is_transmettre_in_french(french: QApplication) -> None:
    assert QCoreApplication.translate("ModerationPanel", "&Escalate (E)") == "Transm&ettre (E)"
    assert QCoreApplication.translate("ModerationQueueModel", "escalated") == "transmis"


def test_channel_balance_has_the_french_space_before_its_colon(french: QApplication) -> None:
    line = QCoreApplication.translate("PostsController", "%1: %2")
    assert line.replace("%1", "LinkedIn").replace("%2", "0/3") == "LinkedIn\u00a0: 0/3"


def test_qt_file_dialog_speaks_french(french: QApplication) -> None:
    assert i18n.qt_translation_dirs()
    assert QCoreApplication.translate("QFileDialog", "Look in:") != "Look in:"
    assert QCoreApplication.translate("QFileDialog", "Files of type:").startswith("Fichiers")


def test_english_plurals_have_no_parenthesised_s(english: QApplication) -> None:
    deleted = "%n member(s) deleted. Ctrl+Z to undo."
    assert QCoreApplication.translate("MainWindow", deleted, None, 1) == (
        "1 member deleted. Ctrl+Z to undo."
    )
    assert QCoreApplication.translate("MainWindow", deleted, None, 3) == (
        "3 members deleted. Ctrl+Z to undo."
    )


def test_default_french_wish_signs_with_the_name_as_typed(
    qtbot: QtBot, store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    association.save(store, association.Association("Amicale des ingénieurs ENSCV", "CM"))
    MemberDirectory(store).update(people["Martin"], {"birthday": "1990-11-26"})
    panel = TodayPanel(store)
    qtbot.addWidget(panel)
    panel.set_day(date(2026, 11, 26))
    qtbot.waitUntil(lambda: panel.agenda is not None and not panel.loader.busy)
    preview = panel.preview_label.text()
    assert "Avec Amicale" not in preview
    assert preview.endswith("— Amicale des ingénieurs ENSCV")


def test_no_birthday_at_all_is_not_nobody_left(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    panel = TodayPanel(store)
    qtbot.addWidget(panel)
    panel.set_day(date(2026, 2, 3))  # nobody of the sample is born on 3 February
    qtbot.waitUntil(lambda: panel.agenda is not None and not panel.loader.busy)
    assert panel.today_model.rowCount() == 0
    assert panel.today_empty.text() == "No birthday today."


# --- point 10: the History panel speaks in sentences, with names ------------------------------


def _history_rows(qtbot: QtBot, store: Store) -> list[tuple[str, str]]:
    panel = HistoryPanel(store)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loader.finished, timeout=5000):
        panel.reload()
    model = panel.model
    return [(model.index(r, 2).data(), model.index(r, 3).data()) for r in range(model.rowCount())]


def test_history_names_the_people_in_french(
    french: QApplication, qtbot: QtBot, clock_now: datetime, store: Store
) -> None:
    directory = MemberDirectory(store)
    jean = directory.create({"first_name": "Jean", "last_name": "Dupuis"})
    directory.update(jean, {"city": "Lyon"})
    report = intake.add_items(store, [NewItem("join", "Chloé Puech", "chloe@example.org")])
    queue.decide(store, report.item_ids[0], "approve")
    rows = _history_rows(qtbot, store)
    texts = [what for what, _ in rows]
    assert "Demande de Chloé Puech acceptée" in texts
    assert "Fiche de Jean Dupuis modifiée\u00a0: ville" in texts
    assert "Fiche de Jean Dupuis créée" in texts
    shown = " ".join(what + " " + detail for what, detail in rows)
    assert "moderation." not in shown and "no. " not in shown and "n° " not in shown


def _rule_details(qtbot: QtBot, store: Store) -> list[str]:
    """The Details column of the History's tagging-rule rows, newest first."""
    panel = HistoryPanel(store)
    qtbot.addWidget(panel)
    with qtbot.waitSignal(panel.loader.finished, timeout=5000):
        panel.reload()
    model = panel.model
    return [
        model.index(r, 3).data()
        for r in range(model.rowCount())
        if model.index(r, 0).data(ENTRY_ROLE).action.startswith("tag-rule-")
    ]


def test_history_writes_tagging_rules_as_sentences(
    qtbot: QtBot, clock_now: datetime, store: Store
) -> None:
    lyon = tag_rules.save(
        store,
        tag_rules.Rule(None, "city", None, cities=("Lyon", "Villeurbanne", "Bron")),
        "Géographie/Lyon",
    )
    tag_rules.save(
        store, tag_rules.Rule(None, "promo", None, year_from=2000, year_to=2009), "Promo/2000s"
    )
    tag_rules.save(store, tag_rules.Rule(None, "promo", None, year_from=2020), "Promo/Récents")
    tag_rules.save(
        store, tag_rules.Rule(None, "query", None, query="company:sanofi"), "Métier/Pharmacie"
    )
    assert lyon.id is not None
    tag_rules.delete(store, lyon.id)
    details = _rule_details(qtbot, store)
    assert details == [
        "Members in Lyon, Villeurbanne or Bron get the tag “Géographie/Lyon”",
        "Members found by the search “company:sanofi” get the tag “Métier/Pharmacie”",
        "Members of the class of 2020 or later get the tag “Promo/Récents”",
        "Members of the classes of 2000 to 2009 get the tag “Promo/2000s”",
        "Members in Lyon, Villeurbanne or Bron get the tag “Géographie/Lyon”",
    ]
    assert not any("city:" in d or "promo:" in d or "→" in d for d in details)


def test_history_of_a_rule_in_french_and_from_an_older_entry(
    french: QApplication, qtbot: QtBot, clock_now: datetime, store: Store
) -> None:
    tag_rules.save(
        store, tag_rules.Rule(None, "promo", None, year_from=2005, year_to=2005), "Promo/2005"
    )
    with store.write() as conn:  # as the History held rules before they kept their parts
        audit.record(conn, "tag-rule-create", "tag_rule", 9, {"rule": "city: Lyon → Lyonnais"})
    details = _rule_details(qtbot, store)
    assert details == [
        "Les membres habitant Lyon reçoivent l’étiquette «\u00a0Lyonnais\u00a0»",
        "Les membres de la promo 2005 reçoivent l’étiquette «\u00a0Promo/2005\u00a0»",
    ]
