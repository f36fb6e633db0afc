"""The Duplicates view, driven as a CM would: queue, side by side, buttons and shortcuts."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot

from app.errors import Cancelled, NotFoundError
from app.members import dedup
from app.members.dedup import Pair
from app.members.service import MemberDirectory
from app.store import Store
from app.store.schema import duplicate_candidate
from ui.models.duplicate_pairs import PAIR_ROLE, DuplicatePairsModel
from ui.panels.duplicates import CONFLICT_STYLE, FILL_STYLE, DuplicatesPanel


def add_candidate(store: Store, member_id: int, values: dict[str, Any], tags: list[str]) -> int:
    payload = json.dumps({"values": values, "tags": tags}, sort_keys=True)
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
def directory(store: Store) -> MemberDirectory:
    return MemberDirectory(store)


@pytest.fixture
def queued(store: Store, people: dict[str, int]) -> int:
    return add_candidate(
        store,
        people["Dupuis"],
        {"first_name": "Jean", "last_name": "Dupuis", "promo": 1999, "city": "Grenoble",
         "job_title": "Ingénieur procédés"},
        ["Promo/1999"],
    )  # fmt: skip


@pytest.fixture
def panel(qtbot: QtBot, store: Store, directory: MemberDirectory) -> Iterator[DuplicatesPanel]:
    widget = DuplicatesPanel(store, directory)
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    # Button shortcuts (Alt+1…) work in the active window only.
    widget.activateWindow()
    qtbot.waitActive(widget)
    yield widget
    if widget.scan_job is not None:
        with qtbot.waitSignal(widget.scan_job.signals.failed, timeout=20000, raising=False):
            widget.cancel_scan()


def press(qtbot: QtBot, panel: DuplicatesPanel, key: Qt.Key, button: QPushButton) -> None:
    """Alt+key in the pair list; a button's shortcut clicks it (animated, so: wait for it)."""
    with qtbot.waitSignal(button.clicked, timeout=2000):
        qtbot.keyClick(panel.table, key, Qt.KeyboardModifier.AltModifier)


def scan(qtbot: QtBot, panel: DuplicatesPanel) -> None:
    with qtbot.waitSignal(panel.scanFinished, timeout=20000):
        panel.start_scan()


def test_the_queue_is_shown_side_by_side(
    panel: DuplicatesPanel, queued: int, people: dict[str, int]
) -> None:
    # The queue was added after the first show: showing the panel again reloads it.
    panel.hide()
    panel.show()
    assert panel.model.rowCount() == 1
    assert panel.current_pair() == Pair(people["Dupuis"], None, "import", 100.0, queued)
    assert "Jean Dupuis ↔ Jean Dupuis" in panel.model.index(0, 1).data()
    assert panel.candidate_buttons.isVisible() and not panel.pair_buttons.isVisible()
    assert panel.left_values["city"].text() == "Lyon"
    assert panel.right_values["city"].text() == "Grenoble"
    assert "anciens.xlsx, line 7" in panel.right_header.text()
    # Differing values are highlighted; a value only one side has will be filled in.
    assert panel.left_values["city"].styleSheet() == CONFLICT_STYLE
    assert panel.right_values["job_title"].styleSheet() == FILL_STYLE
    assert panel.left_values["first_name"].styleSheet() == ""
    # Data is shown as plain text, never interpreted as rich text.
    labels = [*panel.left_values.values(), *panel.right_values.values(), panel.right_header]
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in labels)


def test_add_to_member_by_button(
    qtbot: QtBot,
    panel: DuplicatesPanel,
    queued: int,
    people: dict[str, int],
    directory: MemberDirectory,
) -> None:
    panel.reload_queue()
    with qtbot.waitSignal(panel.membersChanged):
        qtbot.mouseClick(panel.add_button, Qt.MouseButton.LeftButton)
    member = directory.get(people["Dupuis"])
    assert member.values["job_title"] == "Ingénieur procédés"
    assert member.values["city"] == "Lyon"
    assert "Promo/1999" in member.tags
    assert panel.model.rowCount() == 0
    assert panel.stack.currentIndex() == 0  # "nothing to review"
    assert "Filled in: Job title." in panel.message.text()
    assert dedup.queue(panel.store) == []


def test_create_and_discard_by_keyboard(
    qtbot: QtBot, panel: DuplicatesPanel, store: Store, people: dict[str, int]
) -> None:
    first = add_candidate(
        store, people["Dupuis"], {"first_name": "Jean", "last_name": "Dupuis"}, []
    )
    second = add_candidate(
        store, people["Martin"], {"first_name": "Hélène", "last_name": "Martin"}, []
    )
    panel.reload_queue()
    panel.table.setFocus()
    with qtbot.waitSignal(panel.membersChanged):
        press(qtbot, panel, Qt.Key.Key_N, panel.create_button)
    assert panel.current_pair() is not None and panel.current_pair().candidate_id == second  # type: ignore[union-attr]
    press(qtbot, panel, Qt.Key.Key_D, panel.discard_button)
    assert panel.model.rowCount() == 0
    with store.read() as conn:
        statuses = dict(
            conn.execute(sa.select(duplicate_candidate.c.id, duplicate_candidate.c.status)).all()
        )
    assert statuses == {first: "created", second: "dismissed"}


def test_scan_by_button_then_merge_into_left_by_button(
    qtbot: QtBot, panel: DuplicatesPanel, people: dict[str, int], directory: MemberDirectory
) -> None:
    twin = directory.create(
        {"first_name": "Jean", "last_name": "Dupuis", "promo": 1999, "email": "jd@example.org"},
        ["Bénévoles"],
    )
    with qtbot.waitSignal(panel.scanFinished, timeout=20000) as found:
        qtbot.mouseClick(panel.scan_button, Qt.MouseButton.LeftButton)
        assert panel.scan_job is not None
        assert panel.progress.isVisible() and panel.cancel_button.isVisible()
        assert not panel.scan_button.isEnabled()
    assert found.args == [1]
    assert panel.status.text().endswith("Pairs found: 1.")
    assert not panel.progress.isVisible() and panel.scan_button.isEnabled()
    assert panel.current_pair() == Pair(people["Dupuis"], twin, "name_promo", 100.0)
    assert panel.pair_buttons.isVisible() and not panel.candidate_buttons.isVisible()
    assert panel.right_values["email"].styleSheet() == FILL_STYLE

    with qtbot.waitSignal(panel.membersChanged):
        qtbot.mouseClick(panel.merge_left_button, Qt.MouseButton.LeftButton)
    kept = directory.get(people["Dupuis"])
    assert kept.values["email"] == "jd@example.org"
    assert "Bénévoles" in kept.tags
    with pytest.raises(NotFoundError):
        directory.get(twin)
    assert panel.model.rowCount() == 0


def test_merge_into_right_by_shortcut_moves_to_the_next_pair(
    qtbot: QtBot, panel: DuplicatesPanel, people: dict[str, int], directory: MemberDirectory
) -> None:
    a = directory.create({"first_name": "Jean", "last_name": "Dupuis", "promo": 1999})
    b = directory.create(
        {"first_name": "Hélène", "last_name": "Martin", "email": "HELENE.martin@example.org"}
    )
    scan(qtbot, panel)
    pairs = panel.model.pairs
    assert pairs[0] == Pair(people["Martin"], b, "email", pairs[0].score)
    assert len(pairs) == 2  # and (Dupuis, a): same name and class year
    assert panel.current_pair() == pairs[0]
    panel.table.setFocus()
    with qtbot.waitSignal(panel.membersChanged):
        press(qtbot, panel, Qt.Key.Key_2, panel.merge_right_button)
    with pytest.raises(NotFoundError):
        directory.get(people["Martin"])  # merged into the right one, b
    assert directory.get(b).values["city"] == "Lyon"
    # The next pair is selected and shown.
    assert panel.current_pair() == panel.model.pairs[0]
    assert panel.current_pair() is not None and a in (
        panel.current_pair().left_id,  # type: ignore[union-attr]
        panel.current_pair().right_id,  # type: ignore[union-attr]
    )


def test_not_the_same_and_skip_by_keyboard(
    qtbot: QtBot,
    panel: DuplicatesPanel,
    store: Store,
    people: dict[str, int],
    directory: MemberDirectory,
) -> None:
    a = directory.create({"first_name": "Jean", "last_name": "Dupuis", "promo": 1999})
    directory.create({"first_name": "Emilie", "last_name": "Dupond", "promo": 2005})
    scan(qtbot, panel)
    assert [p.reason for p in panel.model.pairs] == ["name_promo", "similar_name"]
    panel.table.setFocus()
    first, second = panel.model.pairs
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # Down in the list: the next pair
    assert panel.current_pair() == second
    assert panel.left_header.text().startswith("Émilie Dupont")
    qtbot.keyClick(panel.table, Qt.Key.Key_Up)
    assert panel.current_pair() == first
    press(qtbot, panel, Qt.Key.Key_S, panel.skip_button)
    assert panel.current_pair() == second
    press(qtbot, panel, Qt.Key.Key_S, panel.skip_button)
    assert panel.current_pair() == first  # after the last, the first again
    press(qtbot, panel, Qt.Key.Key_N, panel.not_same_button)
    assert [p.reason for p in panel.model.pairs] == ["similar_name"]
    assert "different people" in panel.message.text()
    assert pair_absent(dedup.scan(store), people["Dupuis"], a)


def pair_absent(pairs: list[Pair], a: int, b: int) -> bool:
    return all((p.left_id, p.right_id) != (min(a, b), max(a, b)) for p in pairs)


def test_a_pair_deleted_meanwhile_is_dropped(
    qtbot: QtBot, panel: DuplicatesPanel, people: dict[str, int], directory: MemberDirectory
) -> None:
    a = directory.create({"first_name": "Jean", "last_name": "Dupuis", "promo": 1999})
    directory.create({"first_name": "Emilie", "last_name": "Dupond", "promo": 2005})
    scan(qtbot, panel)
    directory.delete([a])
    panel._on_merge_left()  # the shown pair's right member is gone
    assert [p.reason for p in panel.model.pairs] == ["similar_name"]
    assert panel.current_pair() == panel.model.pairs[0]


def test_cancel_a_scan(
    qtbot: QtBot, panel: DuplicatesPanel, monkeypatch: pytest.MonkeyPatch
) -> None:
    started = threading.Event()

    def slow_scan(store: Store, progress: Any = None, cancel: Any = None) -> list[Pair]:
        started.set()
        while not cancel.cancelled:
            threading.Event().wait(0.01)
        raise Cancelled()

    monkeypatch.setattr(dedup, "scan", slow_scan)
    job = panel.start_scan()
    qtbot.waitUntil(started.is_set)
    with qtbot.waitSignal(job.signals.failed, timeout=10000):
        qtbot.mouseClick(panel.cancel_button, Qt.MouseButton.LeftButton)
    assert panel.status.text() == "Scan cancelled."
    assert panel.scan_job is None and panel.scan_button.isEnabled()


def test_empty_state(panel: DuplicatesPanel) -> None:
    assert panel.model.rowCount() == 0
    assert panel.stack.currentIndex() == 0
    assert panel.status.text() == "Pairs to review: 0."
    assert not panel.skip_button.isEnabled()


def test_screenshot_is_not_blank(qtbot: QtBot, panel: DuplicatesPanel, queued: int) -> None:
    panel.reload_queue()
    image = panel.grab().toImage()
    assert not image.isNull() and image.width() > 600
    colours = {
        QColor(image.pixel(x, y)).rgb()
        for x in range(0, image.width(), 7)
        for y in range(0, image.height(), 7)
    }
    assert len(colours) > 10  # text, highlighted rows, buttons: not one flat colour
    labels = panel.findChildren(QLabel)
    assert any(label.text() == "Grenoble" and label.isVisible() for label in labels)


def test_pairs_model_passes_qtmodeltester(
    qtmodeltester: Any,
    store: Store,
    people: dict[str, int],
    directory: MemberDirectory,
    queued: int,
) -> None:
    twin = directory.create({"first_name": "Jean", "last_name": "Dupuis", "promo": 1999})
    model = DuplicatePairsModel(
        lambda ids: {
            i: f"{first} {last}"
            for i, (first, last) in directory.fetch_rows(ids, ("first_name", "last_name")).items()
        },
        lambda ids: {i: c.display_name for i, c in dedup.candidates(store, ids).items()},
    )
    model.set_pairs([*dedup.queue(store), *dedup.scan(store)])
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 2
    assert model.index(1, 0).data() == "Same name and class year"
    assert model.index(1, 1).data() == "Jean Dupuis ↔ Jean Dupuis"
    assert model.index(1, 0).data(PAIR_ROLE).right_id == twin
    assert model.rows_of_member(people["Dupuis"]) == [0, 1]
    assert model.rows_of_member(twin) == [1]
    model.remove_rows([0])
    assert model.rows_of_member(twin) == [0]
    qtmodeltester.check(model, force_py=True)


def test_alt_1_acts_on_the_kind_of_pair_shown(
    qtbot: QtBot,
    panel: DuplicatesPanel,
    queued: int,
    people: dict[str, int],
    directory: MemberDirectory,
) -> None:
    twin = directory.create({"first_name": "Hélène", "last_name": "Martin", "promo": 2008})
    scan(qtbot, panel)
    assert [p.candidate_id for p in panel.model.pairs] == [queued, None]
    panel.table.setFocus()
    with qtbot.waitSignal(panel.membersChanged):
        press(qtbot, panel, Qt.Key.Key_1, panel.add_button)  # the queued row first
    assert panel.current_pair() == Pair(people["Martin"], twin, "name_promo", 100.0)
    with qtbot.waitSignal(panel.membersChanged):
        press(qtbot, panel, Qt.Key.Key_1, panel.merge_left_button)
    assert panel.model.rowCount() == 0
    assert directory.get(people["Dupuis"]).values["city"] == "Lyon"
    with pytest.raises(NotFoundError):
        directory.get(twin)


def test_merging_drops_the_other_pairs_of_the_merged_member(
    qtbot: QtBot, panel: DuplicatesPanel, store: Store, directory: MemberDirectory
) -> None:
    a = directory.create({"first_name": "Paul", "last_name": "Morel", "promo": 1990})
    b = directory.create({"first_name": "Paul", "last_name": "Morel", "promo": 1990})
    c = directory.create({"first_name": "Paul", "last_name": "Morel", "promo": 1990})
    queued = add_candidate(store, b, {"first_name": "Paul", "last_name": "Morel"}, [])
    scan(qtbot, panel)
    assert [(p.left_id, p.right_id) for p in panel.model.pairs] == [
        (b, None),
        (a, b),
        (a, c),
        (b, c),
    ]
    panel._select_row(1)
    with qtbot.waitSignal(panel.membersChanged):
        qtbot.mouseClick(panel.merge_left_button, Qt.MouseButton.LeftButton)  # b into a
    # (b, c) went with b; the queued row about b is now about a; (a, c) is next.
    assert panel.model.pairs == [
        Pair(a, None, "import", 100.0, queued),
        Pair(a, c, "name_promo", 100.0),
    ]
    assert panel.current_pair() == Pair(a, c, "name_promo", 100.0)
    assert dedup.queue(store) == [Pair(a, None, "import", 100.0, queued)]


# --- issue 17, point 17: conflicting birthdays sink; merge all above a score, previewed -----


def test_conflicting_birthdays_lower_the_score_sharply(
    store: Store, directory: MemberDirectory
) -> None:
    same = {"first_name": "Jean", "last_name": "Lemaire", "promo": 1960}
    a = directory.create({**same, "birthday": "1935-03-14", "city": "Lyon"})
    b = directory.create({**same, "birthday": "1936-05-25", "city": "Brest"})
    c = directory.create({"first_name": "Anne", "last_name": "Vidal", "promo": 1990})
    d = directory.create({"first_name": "Anne", "last_name": "Vidal", "promo": 1990,
                          "email": "anne.vidal@example.org"})  # fmt: skip
    by_ids = {(p.left_id, p.right_id): p for p in dedup.scan(store)}
    conflicting, clean = by_ids[(a, b)], by_ids[(c, d)]
    assert conflicting.conflicts == ("birthday", "city")
    assert conflicting.score < 50
    assert clean.conflicts == () and clean.score == 100
    # Only the year-less birthday agrees with any year.
    assert dedup.conflicts_of(("0000-03-14", None, ""), ("1935-03-14", None, "")) == ()


def test_merge_all_above_a_score_with_a_preview(
    qtbot: QtBot, panel: DuplicatesPanel, store: Store, directory: MemberDirectory
) -> None:
    same = {"first_name": "Jean", "last_name": "Lemaire", "promo": 1960}
    a = directory.create({**same, "birthday": "1935-03-14"})
    b = directory.create({**same, "birthday": "1936-05-25"})
    c = directory.create({"first_name": "Anne", "last_name": "Vidal", "promo": 1990})
    d = directory.create({"first_name": "Anne", "last_name": "Vidal", "promo": 1990,
                          "email": "anne.vidal@example.org"})  # fmt: skip
    with qtbot.waitSignal(panel.scanFinished, timeout=10000):
        panel.start_scan()
    scores = [p.score for p in panel.model.pairs if p.candidate_id is None]
    assert scores == sorted(scores, reverse=True)  # the most alike first
    panel.bulk_score.setValue(90)
    with qtbot.waitSignal(panel.bulkPreviewed, timeout=10000) as previewed:
        qtbot.mouseClick(panel.bulk_preview_button, Qt.MouseButton.LeftButton)
    found = previewed.args[0]
    assert found >= 1
    assert "Anne Vidal = Anne Vidal" in panel.bulk_preview.text()
    assert "Lemaire" not in panel.bulk_preview.text()  # different birthdays: for the CM
    assert panel.bulk_merge_button.isVisible()
    with qtbot.waitSignal(panel.membersChanged, timeout=10000):  # merged in the worker
        qtbot.mouseClick(panel.bulk_merge_button, Qt.MouseButton.LeftButton)
    with pytest.raises(NotFoundError):
        directory.get(d)
    assert directory.get(c).values["email"] == "anne.vidal@example.org"
    assert directory.get(a) and directory.get(b)  # left for the CM
    assert not any(d in (p.left_id, p.right_id) for p in panel.model.pairs)
