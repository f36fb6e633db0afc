"""The Today view, driven as a CM would: who to wish, copy, open, done, the template."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, datetime, timedelta, timezone

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app import association, birthdays
from app.birthdays import Birthday
from app.clock import msecs_until_midnight
from app.members.service import MemberDirectory
from app.store import Store
from ui.panels import today
from ui.panels.today import BIRTHDAY_ROLE, BirthdayListModel, TodayPanel
from ui.widgets import plain_text

pytestmark = pytest.mark.clock  # dates, times and zones throughout

NOV_26 = date(2026, 11, 26)

# The default French template signs with the association's name as typed.
WISH_TAIL = " Belle journée à toi, de la part de toute l’équipe — Amicale Test"


@pytest.fixture
def members(store: Store, people: dict[str, int]) -> dict[str, int]:
    association.save(store, association.Association("Amicale Test", "La CM"))
    directory = MemberDirectory(store)
    directory.update(
        people["Martin"], {"birthday": "1990-11-26"}
    )  # Hélène, with a LinkedIn profile
    people["Bientôt"] = directory.create(
        {"first_name": "Sam", "last_name": "Bientôt", "birthday": "1995-11-28"}
    )
    return people


def rows(model: BirthdayListModel) -> list[str]:
    return [b.display_name for b in model.rows]


@pytest.fixture
def panel(qtbot: QtBot, store: Store, members: dict[str, int]) -> Iterator[TodayPanel]:
    widget = TodayPanel(store)
    qtbot.addWidget(widget)
    widget.resize(1100, 750)
    widget.set_day(NOV_26)
    qtbot.waitUntil(lambda: widget.agenda is not None and widget.agenda.day == NOV_26)
    widget.show()
    qtbot.waitExposed(widget)
    qtbot.waitUntil(lambda: not widget.loader.busy)
    yield widget
    widget.loader.wait()


def test_lists_today_and_the_coming_week(panel: TodayPanel) -> None:
    assert rows(panel.today_model) == ["Émilie Dupont", "Hélène Martin"]
    assert rows(panel.upcoming_model) == ["Sam Bientôt"]
    assert rows(panel.done_model) == []
    assert panel.pending_today == 2
    assert panel.today_title.text() == "Today (2)"
    assert "Thursday 26 November" in panel.day_label.text()
    first = panel.today_model.index(0, 0)
    shown = first.data(Qt.ItemDataRole.DisplayRole)
    assert shown.splitlines() == ["Émilie Dupont", "age 44 · class of 2005"]
    assert first.data(Qt.ItemDataRole.ToolTipRole).endswith("Test</qt>")  # plain text
    upcoming = panel.upcoming_model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)
    assert upcoming.startswith("Saturday 28 November — Sam Bientôt\nage 31")
    # The first person is selected, their message ready to copy.
    assert panel.name_label.text() == "Émilie Dupont"
    assert plain_text(panel.message_edit) == ("Joyeux anniversaire, Émilie\u00a0!" + WISH_TAIL)
    assert panel.name_label.textFormat() == Qt.TextFormat.PlainText


def test_count_is_announced_at_start_up(
    qtbot: QtBot, store: Store, members: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(birthdays, "local_today", lambda now=None: NOV_26)
    counts: list[int] = []
    widget = TodayPanel(store)  # never shown: the count still arrives
    qtbot.addWidget(widget)
    widget.countChanged.connect(counts.append)
    qtbot.waitUntil(lambda: counts == [2])
    widget.reload()
    qtbot.waitUntil(lambda: not widget.loader.busy)
    assert counts == [2]  # a reload with the same count says nothing


def test_copy_puts_the_message_on_the_clipboard(qtbot: QtBot, panel: TodayPanel) -> None:
    panel.message_edit.appendPlainText("Bises")  # a personal touch, this time only
    qtbot.mouseClick(panel.copy_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == (
        "Joyeux anniversaire, Émilie\u00a0!" + WISH_TAIL + "\nBises"
    )
    assert "copied" in panel.status.text()


def test_open_profile_only_for_a_linkedin_address(
    qtbot: QtBot, panel: TodayPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    opened: list[str] = []

    class Desktop:  # QDesktopServices.setUrlHandler is unusable from PySide6
        @staticmethod
        def openUrl(url: QUrl) -> bool:
            opened.append(url.toString())
            return True

    monkeypatch.setattr(today, "QDesktopServices", Desktop)
    assert not panel.profile_button.isEnabled()  # Émilie has no LinkedIn
    panel.today_list.setCurrentIndex(panel.today_model.index(1, 0))
    assert panel.name_label.text() == "Hélène Martin"
    assert panel.profile_button.isEnabled()
    qtbot.mouseClick(panel.profile_button, Qt.MouseButton.LeftButton)
    assert opened == ["https://www.linkedin.com/in/helene-martin"]


def test_done_records_the_wish_and_removes_the_person_from_pending(
    qtbot: QtBot, panel: TodayPanel, store: Store, members: dict[str, int]
) -> None:
    panel.channel_combo.setCurrentIndex(panel.channel_combo.findData("email"))
    with qtbot.waitSignal(panel.countChanged, timeout=2000) as counted:
        qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert counted.args == [1]
    assert rows(panel.today_model) == ["Hélène Martin"]
    assert rows(panel.done_model) == ["Émilie Dupont"]
    assert panel.name_label.text() == "Hélène Martin"  # the next one, ready
    assert panel.today_title.text() == "Today (1)" and panel.done_title.text() == "Done (1)"
    (wished,) = [b for b in birthdays.due(store, NOV_26, include_done=True) if b.wished_at]
    assert (wished.member_id, wished.channel) == (members["Dupont"], "email")
    assert "wished via Email at" in panel.done_model.index(0, 0).data(Qt.ItemDataRole.DisplayRole)

    # Still done after a reload, and undone on request.
    panel.reload()
    qtbot.waitUntil(lambda: not panel.loader.busy)
    assert rows(panel.today_model) == ["Hélène Martin"]
    panel.done_list.setCurrentIndex(panel.done_model.index(0, 0))
    assert panel.undo_button.isVisibleTo(panel) and not panel.done_button.isVisibleTo(panel)
    with qtbot.waitSignal(panel.countChanged, timeout=5000) as counted:
        qtbot.mouseClick(panel.undo_button, Qt.MouseButton.LeftButton)
    assert counted.args == [2]
    assert rows(panel.today_model) == ["Émilie Dupont", "Hélène Martin"]


def test_done_from_the_coming_week(qtbot: QtBot, panel: TodayPanel, store: Store) -> None:
    panel.upcoming_list.setCurrentIndex(panel.upcoming_model.index(0, 0))
    assert panel.name_label.text() == "Sam Bientôt"
    qtbot.mouseClick(panel.done_button, Qt.MouseButton.LeftButton)
    assert rows(panel.upcoming_model) == [] and rows(panel.done_model) == ["Sam Bientôt"]
    assert panel.pending_today == 2
    assert [b.first_name for b in birthdays.due(store, date(2026, 11, 28))] == []


def test_template_edit_preview_and_save(qtbot: QtBot, panel: TodayPanel, store: Store) -> None:
    assert plain_text(panel.template_edit) == birthdays.DEFAULT_TEMPLATES["fr"]
    assert not panel.save_template_button.isEnabled()
    panel.template_edit.setPlainText("Joyeux anniversaire {prénom}[, pour tes {âge} ans] !")
    assert panel.preview_title.text() == "Preview for Émilie Dupont:"
    assert panel.preview_label.text() == "Joyeux anniversaire Émilie, pour tes 44 ans !"
    assert panel.preview_missing.text().endswith(": Joyeux anniversaire Émilie !")
    assert panel.template_error.text() == ""
    assert panel.save_template_button.isEnabled()

    panel.template_edit.setPlainText("Salut {surnom} !")
    assert "{surnom}" in panel.template_error.text()
    assert not panel.save_template_button.isEnabled()
    panel.template_edit.setPlainText("Bon anniversaire {prénom}, de la part de {association} !")
    assert panel.preview_label.text() == "Bon anniversaire Émilie, de la part de Amicale Test !"
    assert not panel.preview_missing.isVisibleTo(panel)
    qtbot.mouseClick(panel.save_template_button, Qt.MouseButton.LeftButton)
    assert birthdays.get_template(store, "fr") == (
        "Bon anniversaire {prénom}, de la part de {association} !"
    )
    qtbot.waitUntil(lambda: not panel.loader.busy)
    assert plain_text(panel.message_edit) == (
        "Bon anniversaire Émilie, de la part de Amicale Test !"
    )
    assert not panel.save_template_button.isEnabled()

    panel.default_template_button.click()
    assert plain_text(panel.template_edit) == birthdays.DEFAULT_TEMPLATES["fr"]
    assert panel.save_template_button.isEnabled()


def test_english_messages_and_template(qtbot: QtBot, panel: TodayPanel) -> None:
    panel.template_edit.setPlainText("Brouillon {prénom}")  # a draft survives the switch
    panel.set_language("en")
    assert plain_text(panel.template_edit) == birthdays.DEFAULT_TEMPLATES["en"]
    assert "{first_name}" in panel.template_help.text()
    qtbot.waitUntil(lambda: panel.agenda is not None and panel.agenda.language == "en")
    assert plain_text(panel.message_edit).startswith("Happy birthday, Émilie!")
    panel.set_language("fr")
    assert plain_text(panel.template_edit) == "Brouillon {prénom}"


def test_nobody_today_and_the_sample_preview(qtbot: QtBot, panel: TodayPanel) -> None:
    panel.set_day(date(2026, 6, 1))
    qtbot.waitUntil(lambda: panel.agenda is not None and panel.agenda.day == date(2026, 6, 1))
    assert rows(panel.today_model) == [] and panel.today_empty.isVisibleTo(panel)
    assert not panel.done_button.isEnabled() and not panel.copy_button.isEnabled()
    assert panel.preview_title.text() == "Preview for Camille Martin:"


def test_midnight_reload_is_armed(qtbot: QtBot, panel: TodayPanel) -> None:
    assert panel.midnight.isActive()
    assert 1000 <= panel.midnight.remainingTime() <= 25 * 3600 * 1000
    panel._on_midnight()  # the day is fixed: no reload, but the timer is armed again
    assert panel.midnight.isActive() and not panel.loader.busy


@pytest.mark.clock
def test_msecs_until_midnight(local_zone: Callable[[str], None]) -> None:
    paris = timezone(timedelta(hours=1))
    assert msecs_until_midnight(datetime(2026, 11, 26, 23, 59, 0, tzinfo=paris)) >= 1000
    local_zone("Europe/Paris")
    noon = msecs_until_midnight(datetime(2026, 11, 26, 12, 0).astimezone())
    assert noon == 12 * 3600_000 + 1000
    # The nights of the clock changes last 23 and 25 hours (local midnight to midnight).
    spring = msecs_until_midnight(datetime(2027, 3, 28, 0, 0).astimezone())
    assert spring == 23 * 3600_000 + 1000
    autumn = msecs_until_midnight(datetime(2027, 10, 31, 0, 0).astimezone())
    assert autumn == 25 * 3600_000 + 1000


def test_double_click_asks_for_the_member_file(
    qtbot: QtBot, panel: TodayPanel, members: dict[str, int]
) -> None:
    index = panel.today_model.index(0, 0)
    with qtbot.waitSignal(panel.memberRequested) as requested:
        panel.today_list.doubleClicked.emit(index)
    assert requested.args == [members["Dupont"]]


def test_the_list_model(qtmodeltester, qapp: QApplication) -> None:  # type: ignore[no-untyped-def]
    model = BirthdayListModel(show_day=True)
    people = [
        Birthday(i, f"Prénom{i}", "Nom", 2000, 30, "1996-11-26", day=NOV_26) for i in range(5)
    ]
    model.set_rows(people)
    qtmodeltester.check(model)
    assert model.index(2, 0).data(BIRTHDAY_ROLE) is people[2]
    model.take(2)
    assert model.row_of(2) == -1 and model.rowCount() == 4
    model.add(Birthday(9, "Zoé", "Z", None, None, "0000-11-27", day=NOV_26 + timedelta(days=1)))
    model.add(Birthday(8, "Adam", "A", None, None, "0000-11-26", day=NOV_26))
    assert [b.member_id for b in model.rows] == [0, 1, 3, 4, 8, 9]
    qtmodeltester.check(model)


def test_the_panel_speaks_french(
    qtbot: QtBot, qapp: QApplication, store: Store, members: dict[str, int]
) -> None:
    from PySide6.QtCore import QLocale

    from ui import i18n

    default = QLocale()
    assert i18n.install(qapp, "fr")
    try:
        widget = TodayPanel(store)
        qtbot.addWidget(widget)
        widget.set_day(NOV_26)
        qtbot.waitUntil(lambda: widget.agenda is not None and widget.agenda.day == NOV_26)
        widget.loader.wait()
        assert widget.today_title.text() == "Aujourd’hui (2)"
        assert widget.day_label.text() == "Anniversaires du jeudi 26 novembre"
        assert widget.details_label.text() == "44 ans · promo 2005"
        assert widget.done_button.text() == "Fait"
        widget.template_edit.setPlainText("Salut {surnom}")
        assert widget.template_error.text().startswith("champ inconnu\u00a0: {surnom}.")
    finally:
        i18n.install(qapp, "en")
        QLocale.setDefault(default)


# --- issue 17, point 15: a busy day, wished all at once ---------------------------------------


def test_copy_all_and_mark_all_as_done(qtbot: QtBot, panel: TodayPanel, store: Store) -> None:
    assert panel.copy_all_button.text() == "Copy 2 messages"
    qtbot.mouseClick(panel.copy_all_button, Qt.MouseButton.LeftButton)
    copied = QGuiApplication.clipboard().text()
    assert copied.startswith("Émilie Dupont\nJoyeux anniversaire, Émilie")
    assert "\n\nHélène Martin\nJoyeux anniversaire, Hélène" in copied
    # Several selected: the buttons act on them only.
    panel.today_list.selectAll()
    assert panel.done_all_button.text() == "Mark 2 as done"
    panel.channel_combo.setCurrentIndex(panel.channel_combo.findData("email"))
    with qtbot.waitSignal(panel.loader.finished, timeout=5000):
        qtbot.mouseClick(panel.done_all_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not panel.loader.busy)
    assert panel.pending_today == 0
    assert sorted(rows(panel.done_model)) == ["Hélène Martin", "Émilie Dupont"]
    assert {b.channel for b in panel.done_model.rows} == {"email"}
    assert panel.today_empty.text() == "Nobody left to wish today."
    assert not panel.done_all_button.isEnabled()
