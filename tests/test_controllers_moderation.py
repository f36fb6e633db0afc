"""The Moderation view's controller, without widgets: the load, what the selected item
shows, the decisions with their sentences and replies, undo, and the cursor kept in place
(QObject signals only)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.members.service import MemberDirectory
from app.moderation import intake, queue
from app.moderation.intake import NewItem
from app.moderation.queue import ModerationState
from app.store import Store
from ui.controllers.moderation import ModerationController

pytestmark = pytest.mark.clock

COMMUNITY = "Groupe LinkedIn ENSCV"


def ago(now: datetime, **delta: float) -> str:
    return (now - timedelta(**delta)).isoformat(timespec="seconds")


@pytest.fixture
def queued(clock_now: datetime, store: Store, people: dict[str, int]) -> list[int]:
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
        ],
    )  # fmt: skip
    return report.item_ids


@pytest.fixture
def controller(qapp: object, store: Store) -> Iterator[ModerationController]:
    ctl = ModerationController(store)
    feedback: list[str] = []
    ctl.feedback.connect(feedback.append)
    ctl.seen = feedback  # type: ignore[attr-defined]
    yield ctl
    ctl.wait()
    ctl.deleteLater()


def load(qtbot: QtBot, ctl: ModerationController) -> ModerationState:
    with qtbot.waitSignal(ctl.loaded, timeout=10000) as done:
        ctl.reload()
    state = done.args[0]
    assert isinstance(state, ModerationState) and ctl.state is state
    return state


def test_one_load_brings_the_queue_and_what_goes_with_it(
    qtbot: QtBot, controller: ModerationController, queued: list[int]
) -> None:
    ctl = controller
    with qtbot.waitSignal(ctl.countChanged, timeout=10000) as counted:
        state = load(qtbot, ctl)
    assert counted.args == [3]
    assert [i.name for i in state.items] == ["Émilie Dupont", "Bob Vendeur", "Kevin Smith"]
    assert [i.name for i in ctl.model.items] == [i.name for i in state.items]
    assert {name for _, name in state.communities} == {COMMUNITY, "Autre groupe"}
    assert ctl.communities() == [name for _, name in state.communities]
    text, _tip = ctl.stats_text(state.stats)
    assert text.startswith("3 items to moderate")
    assert ctl.row_to_select(None) == 0


def test_the_selected_item_explains_its_suggestion(
    qtbot: QtBot, controller: ModerationController, queued: list[int], people: dict[str, int]
) -> None:
    ctl = controller
    state = load(qtbot, ctl)
    emilie, bob, _kevin = state.items
    view = ctl.item_view(emilie)
    assert view.title == "Join request — Émilie Dupont"
    assert "emilie.dupont@example.org" in view.info and "class of 2005" in view.info
    assert view.signals[0] == "Suggestion: Approve — no warning sign"
    assert [m for m, _ in view.members] == [people["Dupont"]]
    spam = ctl.item_view(bob)
    assert spam.signals[0].startswith("Suggestion: Reject — risk ")
    assert spam.replies and spam.replies != view.replies  # a post's reply, not a request's


def test_a_decision_says_whom_keeps_the_place_and_can_be_undone(
    qtbot: QtBot, controller: ModerationController, store: Store, queued: list[int]
) -> None:
    ctl = controller
    state = load(qtbot, ctl)
    emilie, bob, kevin = state.items
    with qtbot.waitSignal(ctl.loaded, timeout=10000):  # the decision's changes reload
        done = ctl.decide(bob, "reject", "  Pas d'annonces ici.  ", row=1)
    assert done is not None and done.decision.status == "rejected"
    assert done.clipboard == "Pas d'annonces ici."
    assert done.feedback == "Post by Bob Vendeur: rejected — reply copied to the clipboard"
    assert ctl.seen[-1] == done.feedback  # type: ignore[attr-defined]
    assert queue.get_item(store, bob.id).status == "rejected"
    # The cursor stays on the row: the next item (Kevin) moved up into it.
    assert ctl.row_to_select(bob.id) == ctl.model.row_of(kevin.id) == 1
    log = ctl.log_lines(ctl.state.log if ctl.state else [])
    assert "Post by Bob Vendeur: rejected" in log[0].text and not log[0].undone

    info = ctl.decide(emilie, "info", "", row=0)
    assert info is not None and info.clipboard is not None and "Émilie Dupont" in info.clipboard
    with qtbot.waitSignal(ctl.membersChanged):
        undone = ctl.undo_last()
    assert undone is not None and undone.item_id == emilie.id
    assert ctl.seen[-1] == "Decision on the request from Émilie Dupont undone."  # type: ignore[attr-defined]
    qtbot.waitUntil(lambda: not ctl.loader.busy)
    assert queue.get_item(store, emilie.id).status == "pending"


def test_known_graduates_approved_in_bulk_and_verified(
    qtbot: QtBot,
    controller: ModerationController,
    store: Store,
    queued: list[int],
    people: dict[str, int],
) -> None:
    ctl = controller
    load(qtbot, ctl)
    with qtbot.waitSignal(ctl.approved, timeout=10000) as approved:  # in the worker
        ctl.approve_known()
    assert ctl.seen[-2] == "Approving…"  # type: ignore[attr-defined]
    made = approved.args[0]
    assert [d.item_id for d in made] == [queued[0]]  # Émilie's email is in the directory
    assert ctl.seen[-1] == "1 known graduate approved."  # type: ignore[attr-defined]
    state = load(qtbot, ctl)
    assert [m for m, _ in ctl.to_verify_lines(state.to_verify)] == [people["Dupont"]]
    assert ctl.to_verify_title(1) == "To verify (1)"
    assert ctl.verify(people["Dupont"], "diploma", datetime(2026, 11, 20).date())
    member = MemberDirectory(store).get(people["Dupont"])
    assert member.values["verification"] == "verified"


def test_an_import_with_bad_rows_says_which(
    qtbot: QtBot, controller: ModerationController, tmp_path: Path
) -> None:
    ctl = controller
    path = tmp_path / "demandes.csv"
    path.write_text("kind,name,email,promo\njoin,Anne Vidal,anne@example.org,abc\n", "utf-8")
    with qtbot.waitSignal(ctl.importEnded, timeout=10000) as ended:
        ctl.import_path(path)
    text, failed = ended.args
    assert failed and text.splitlines()[1].startswith("line 2: ")
    path.write_text("kind,name,email,promo\njoin,Anne Vidal,anne@example.org,2004\n", "utf-8")
    reloaded = qtbot.waitSignal(ctl.loaded, timeout=10000)  # the announced changes reload
    with reloaded, qtbot.waitSignal(ctl.importEnded, timeout=10000) as ended:
        ctl.import_path(path)
    assert ended.args == ["Imported: 1 added, 0 merged, 0 decided by the rules.", False]
