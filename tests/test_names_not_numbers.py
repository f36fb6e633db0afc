"""What the CM reads names people, never numbers them (issue 17, point 10): the moderation
signals say which member a request matches by name, the Duplicates view heads each side with
the person's name and class year."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from app.members.service import MemberDirectory
from app.moderation import intake, queue
from app.moderation.intake import NewItem
from app.store import Store
from app.store.schema import duplicate_candidate, member, moderation_item
from ui.labels import message_text
from ui.panels.duplicates import DuplicatesPanel
from ui.panels.moderation import ModerationPanel

COMMUNITY = "Groupe LinkedIn ENSCV"
# An internal number in a sentence: "member #3", "no. 3", "membre n° 3".
NUMBERED = re.compile(r"#\d|\bno\. ?\d|n°\s?\d")


def join(name: str, email: str | None = None, promo: int | None = None) -> NewItem:
    return NewItem("join", name, email, promo=promo, community=COMMUNITY)


def add(store: Store, *items: NewItem) -> list[queue.QueueItem]:
    report = intake.add_items(store, list(items))
    by_id = {i.id: i for i in queue.list_items(store, include_sleeping=True)}
    return [by_id[i] for i in report.item_ids]


def texts(item: queue.QueueItem) -> list[str]:
    return [str(s.message()) for s in item.signals]


def test_signals_name_the_matched_member(store: Store, people: dict[str, int]) -> None:
    MemberDirectory(store).update(people["Martin"], {"verification": "rejected"})
    known, probable, no_year, rejected = add(
        store,
        join("Someone Else", "EMILIE.DUPONT@example.org", 2005),
        join("Emilie Dupond", promo=2005),
        join("Zoé Ärger"),
        join("Hélène Martin", "helene.martin@example.org"),
    )
    assert texts(known)[0] == "known graduate: same email as Émilie Dupont"
    assert texts(probable)[0].endswith(": near name of Émilie Dupont, class of 2005")
    assert "same name as Zoé Ärger, class of 2012" in texts(no_year)[0]
    assert "Hélène Martin is marked as not a graduate (verification rejected)" in texts(rejected)
    for item in (known, probable, no_year, rejected):
        assert not any(NUMBERED.search(t) for t in texts(item)), texts(item)


def test_signals_stored_with_an_id_are_read_back_with_the_name(
    store: Store, people: dict[str, int]
) -> None:
    (item,) = add(store, join("Someone Else", "emilie.dupont@example.org", 2005))
    dupont = people["Dupont"]
    legacy = {
        "signals": [
            {"code": "known", "template": "known graduate: same email as member #{0}",
             "args": [dupont], "weight": 0},
            {"code": "probable", "template": "probable graduate ({0}% sure): same name as "
             "member #{1}, no class year given", "args": [60, dupont], "weight": 0},
        ],
        "member_ids": [dupont],
    }  # fmt: skip
    with store.write() as conn:
        conn.execute(
            moderation_item.update()
            .where(moderation_item.c.id == item.id)
            .values(signals=json.dumps(legacy))
        )
    again = queue.get_item(store, item.id)
    assert texts(again) == [
        "known graduate: same email as Émilie Dupont",
        "probable graduate (60% sure): same name as Émilie Dupont, class of 2005 "
        "(the request gives no year)",
    ]
    (listed,) = [i for i in queue.list_items(store) if i.id == item.id]
    assert texts(listed) == texts(again)


@pytest.fixture
def french_panel(
    french: QApplication, qtbot: QtBot, store: Store, people: dict[str, int]
) -> Iterator[ModerationPanel]:
    add(store, join("Quelqu'un", "emilie.dupont@example.org", 2005))
    panel = ModerationPanel(store)
    qtbot.addWidget(panel)
    panel.resize(1300, 760)
    qtbot.waitUntil(lambda: panel.state is not None)
    panel.show()
    qtbot.waitUntil(lambda: not panel.loader.busy)
    yield panel
    panel.wait()


def test_the_french_moderation_panel_names_the_member(french_panel: ModerationPanel) -> None:
    signals = french_panel.signal_list
    shown = [signals.item(i).text() for i in range(signals.count())]
    assert "diplômé connu\u00a0: même courriel que le membre Émilie Dupont" in shown, shown
    assert not any(NUMBERED.search(line) for line in shown), shown
    assert message_text(french_panel.current_item().signals[0].message()) in shown  # type: ignore[union-attr]


def add_candidate(store: Store, member_id: int, values: dict[str, Any]) -> int:
    payload = json.dumps({"values": values, "tags": []}, sort_keys=True)
    with store.write() as conn:
        key = conn.execute(
            duplicate_candidate.insert().values(
                member_id=member_id,
                incoming=payload,
                source="anciens.xlsx",
                line=7,
                reason="same name and class year, no email",
                created_at="2026-11-26T10:00:00+00:00",
            )
        ).inserted_primary_key
        assert key is not None
        return int(key[0])


@pytest.fixture
def duplicates(qtbot: QtBot, store: Store) -> Iterator[DuplicatesPanel]:
    panel = DuplicatesPanel(store, MemberDirectory(store))
    qtbot.addWidget(panel)
    panel.resize(1200, 700)
    panel.show()
    yield panel
    if panel.scan_job is not None:
        with qtbot.waitSignal(panel.scan_job.signals.failed, timeout=20000, raising=False):
            panel.cancel_scan()


def test_the_duplicates_view_heads_each_side_with_a_name_and_class_year(
    qtbot: QtBot, duplicates: DuplicatesPanel, store: Store, people: dict[str, int]
) -> None:
    directory = MemberDirectory(store)
    twin = directory.create(
        {"first_name": "Jean", "last_name": "Dupuis", "promo": 2001, "phone": "06 12 34 56 78"}
    )
    with qtbot.waitSignal(duplicates.scanFinished, timeout=20000):
        duplicates.start_scan()
    pair = duplicates.current_pair()
    assert pair is not None and {pair.left_id, pair.right_id} == {people["Dupuis"], twin}
    headers = {duplicates.left_header.text(), duplicates.right_header.text()}
    assert headers == {"Jean Dupuis, class of 1999", "Jean Dupuis, class of 2001"}


def test_a_row_created_as_a_new_member_is_named(
    qtbot: QtBot, duplicates: DuplicatesPanel, store: Store, people: dict[str, int]
) -> None:
    add_candidate(store, people["Dupuis"], {"first_name": "Jeanne", "last_name": "Dupuis"})
    duplicates.reload_queue()
    assert duplicates.left_header.text() == "Jean Dupuis, class of 1999"
    with qtbot.waitSignal(duplicates.membersChanged):
        duplicates.create_button.click()
    assert duplicates.message.text() == "Jeanne Dupuis created as a new member."
    with store.read() as conn:
        assert (
            conn.execute(sa.select(sa.func.count()).where(member.c.first_name == "Jeanne")).scalar()
            == 1
        )
