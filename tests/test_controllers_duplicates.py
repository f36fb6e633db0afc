"""The Duplicates view's controller, without widgets: the pairs, the current one, what each
side shows, the decisions and the scan (QObject signals only)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from app.errors import NotFoundError
from app.io.importer import import_file
from app.io.readers import open_source
from app.members import dedup
from app.members.dedup import Pair
from app.members.service import MemberDirectory
from app.store import Store
from ui.controllers.duplicates import CONFLICT, FILL, SAME, DuplicatesController, PairView


@pytest.fixture
def directory(store: Store) -> MemberDirectory:
    return MemberDirectory(store)


@pytest.fixture
def controller(qapp: object, store: Store, directory: MemberDirectory) -> Iterator[Any]:
    ctl = DuplicatesController(store, directory)
    shown: list[PairView | None] = []
    messages: list[tuple[str, bool]] = []
    moved: list[int] = []
    ctl.pairShown.connect(shown.append)
    ctl.message.connect(lambda text, error: messages.append((text, error)))
    ctl.currentMoved.connect(moved.append)
    ctl.seen = (shown, messages, moved)  # type: ignore[attr-defined]
    yield ctl
    ctl.deleteLater()


def scan(qtbot: QtBot, ctl: DuplicatesController) -> int:
    with qtbot.waitSignal(ctl.scanFinished, timeout=20000) as found:
        ctl.start_scan()
    return int(found.args[0])


def test_an_imported_row_with_other_values_offers_a_choice_per_field(
    controller: DuplicatesController, store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    ctl = controller
    shown, messages, moved = ctl.seen  # type: ignore[attr-defined]
    path = tmp_path / "maj.csv"
    path.write_text(
        "Prénom;Nom;Email;Ville;Entreprise\n"
        "Hélène;Martin;HELENE.MARTIN@example.org;Grenoble;Arkema\n",
        encoding="utf-8",
    )
    import_file(store, open_source(path))
    ctl.reload_queue()
    assert ctl.model.rowCount() == 1 and moved[-1] == 0
    view = shown[-1]
    assert isinstance(view, PairView) and view.queued
    assert view.choosable() == ["company", "city"]
    assert (view.rows["city"].left, view.rows["city"].right) == ("Lyon", "Grenoble")
    assert view.rows["city"].kind == CONFLICT
    assert view.rows["email"].kind == SAME  # the same address in another case
    assert view.rows["phone"].kind == SAME and view.rows["phone"].left == "—"
    assert "line 2" in view.right_header
    assert view.left_header == "Hélène Martin, class of 2008"

    ctl.add_to_member(["city"])
    values = MemberDirectory(store).get(people["Martin"]).values
    assert (values["city"], values["company"]) == ("Grenoble", "Michelin")
    assert ctl.model.rowCount() == 0 and dedup.queue(store) == []
    assert shown[-1] is None and moved[-1] == -1
    text, error = messages[-1]
    assert "Imported values taken: City" in text and not error


def test_a_scan_then_a_merge_moves_to_the_next_pair(
    qtbot: QtBot,
    controller: DuplicatesController,
    directory: MemberDirectory,
) -> None:
    ctl = controller
    shown, messages, moved = ctl.seen  # type: ignore[attr-defined]
    a = directory.create({"first_name": "Paul", "last_name": "Morel", "promo": 1990})
    b = directory.create({"first_name": "Paul", "last_name": "Morel", "promo": 1990,
                          "email": "paul@example.org"})  # fmt: skip
    c = directory.create({"first_name": "Léa", "last_name": "Roux", "promo": 2001})
    d = directory.create({"first_name": "Léa", "last_name": "Roux", "promo": 2001})
    statuses: list[str] = []
    ctl.statusChanged.connect(statuses.append)
    assert scan(qtbot, ctl) == 2
    assert statuses[0] == "Scanning the directory…"
    assert statuses[-1].endswith("Pairs found: 2.")
    assert ctl.scan_job is None
    assert ctl.current_pair() == Pair(a, b, "name_promo", 100.0)
    view = shown[-1]
    assert isinstance(view, PairView) and not view.queued and view.choosable() == []
    assert view.rows["email"].kind == FILL

    with qtbot.waitSignal(ctl.membersChanged):
        ctl.merge_left()
    assert directory.get(a).values["email"] == "paul@example.org"
    with pytest.raises(NotFoundError):
        directory.get(b)
    assert messages[-1][0].startswith("Merged.")
    assert ctl.current_pair() == Pair(c, d, "name_promo", 100.0) and moved[-1] == 0
    ctl.not_same()
    assert ctl.model.rowCount() == 0 and shown[-1] is None
    assert messages[-1] == (
        "Noted: they are different people; this pair will not come back.",
        False,
    )
    assert scan(qtbot, ctl) == 0  # remembered


def test_skip_wraps_and_a_pair_gone_elsewhere_is_dropped(
    qtbot: QtBot, controller: DuplicatesController, directory: MemberDirectory
) -> None:
    ctl = controller
    shown, messages, _ = ctl.seen  # type: ignore[attr-defined]
    a = directory.create({"first_name": "Paul", "last_name": "Morel", "promo": 1990})
    b = directory.create({"first_name": "Paul", "last_name": "Morel", "promo": 1990})
    c = directory.create({"first_name": "Léa", "last_name": "Roux", "promo": 2001})
    directory.create({"first_name": "Léa", "last_name": "Roux", "promo": 2001})
    scan(qtbot, ctl)
    assert ctl.current_row == 0
    ctl.skip()
    assert ctl.current_row == 1
    ctl.skip()
    assert ctl.current_row == 0  # after the last, the first again
    directory.delete([c])  # elsewhere, after the scan
    ctl.follow(1)
    assert messages[-1] == ("That pair no longer exists; it was removed.", False)
    assert ctl.model.rowCount() == 1 and ctl.current_pair() == Pair(a, b, "name_promo", 100.0)
    assert isinstance(shown[-1], PairView) and shown[-1].pair == Pair(a, b, "name_promo", 100.0)


def test_merge_all_from_a_score_previews_then_merges(
    qtbot: QtBot, controller: DuplicatesController, directory: MemberDirectory
) -> None:
    ctl = controller
    same = {"first_name": "Jean", "last_name": "Lemaire", "promo": 1960}
    a = directory.create({**same, "birthday": "1935-03-14"})
    b = directory.create({**same, "birthday": "1936-05-25"})
    c = directory.create({"first_name": "Anne", "last_name": "Vidal", "promo": 1990})
    d = directory.create({"first_name": "Anne", "last_name": "Vidal", "promo": 1990,
                          "email": "anne.vidal@example.org"})  # fmt: skip
    scan(qtbot, ctl)
    with qtbot.waitSignal(ctl.bulkPreviewed, timeout=10000) as previewed:
        ctl.preview_bulk(90)
    text, count = previewed.args
    lines = text.splitlines()
    assert count == 1 and len(lines) == 2 and "90" in lines[0]
    assert lines[1] == "Anne Vidal = Anne Vidal (100)"  # not Lemaire: different birthdays
    with qtbot.waitSignal(ctl.membersChanged):
        ctl.merge_bulk()
    with pytest.raises(NotFoundError):
        directory.get(d)
    assert directory.get(c).values["email"] == "anne.vidal@example.org"
    assert directory.get(a) and directory.get(b)
    assert [(p.left_id, p.right_id) for p in ctl.model.pairs] == [(a, b)]
