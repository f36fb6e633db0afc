"""The Calendar panel's controller, without widgets: the period and its filters, the loads,
moving a post, the due list's decisions and the CSV import (QObject signals only)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app.posts.calendar import CalendarData
from app.posts.channels import channels, resolve
from app.posts.store import PostDraft, create_post, get_post, mark_failed
from app.store import Store
from ui.controllers.posts import LIST, MONTH, WEEK, PostsController

MARCH = date(2027, 3, 10)


@pytest.fixture(autouse=True)
def _before_march_2027(fixed_now: datetime) -> None:
    """The posts are planned for March 2027; the clock is frozen before (November 2026)."""


def post(
    store: Store, when: datetime, kind: str, state: str = "scheduled", text: str = "Hi"
) -> int:
    found = resolve(channels(store), kind)
    assert found is not None
    return create_post(
        store,
        PostDraft(title=text, text=text, local_time=when, versions={found.id: (None, None)},
                  state=state),
    )  # fmt: skip


@pytest.fixture
def controller(qapp: object, store: Store) -> Iterator[PostsController]:
    ctl = PostsController(store)
    messages: list[tuple[str, bool]] = []
    ctl.message.connect(lambda text, error: messages.append((text, error)))
    ctl.seen = messages  # type: ignore[attr-defined]
    yield ctl
    ctl.wait()
    ctl.deleteLater()


def load(qtbot: QtBot, ctl: PostsController) -> CalendarData:
    with qtbot.waitSignal(ctl.loaded, timeout=10000) as done:
        ctl.reload()
    data = done.args[0]
    assert isinstance(data, CalendarData) and ctl.data is data
    return data


def test_the_period_follows_the_view_and_the_steps(controller: PostsController) -> None:
    ctl = controller
    ctl.anchor = MARCH
    assert ctl.mode == MONTH
    assert ctl.period() == (date(2027, 3, 1), date(2027, 4, 12))  # six weeks from Monday
    assert ctl.period_title() == "March 2027"
    ctl.mode = WEEK
    assert ctl.period() == (date(2027, 3, 8), date(2027, 3, 15))
    ctl.step(1)
    assert ctl.anchor == date(2027, 3, 17)
    ctl.mode = MONTH
    ctl.step(-1)
    assert ctl.anchor == date(2027, 2, 1)
    ctl.anchor = date(2027, 12, 5)
    ctl.step(1)
    assert ctl.anchor == date(2028, 1, 1)  # across the year


def test_a_load_brings_the_period_filtered(
    qtbot: QtBot, controller: PostsController, store: Store
) -> None:
    ctl = controller
    linkedin = post(store, datetime(2027, 3, 10, 9, 0), "linkedin")
    x = post(store, datetime(2027, 3, 12, 12, 0), "x")
    draft = post(store, datetime(2027, 3, 15, 10, 0), "facebook", state="draft")
    post(store, datetime(2027, 5, 1, 10, 0), "x")  # another month
    ctl.anchor = MARCH
    data = load(qtbot, ctl)
    assert {i.post_id for i in data.items} == {linkedin, x, draft}
    x_channel = resolve(ctl.all_channels(), "x")
    assert x_channel is not None
    with qtbot.waitSignal(ctl.loaded, timeout=10000) as done:
        ctl.set_filters(x_channel.id, None)
    assert [i.post_id for i in done.args[0].items] == [x]
    with qtbot.waitSignal(ctl.loaded, timeout=10000) as done:
        ctl.set_filters(None, "draft")
    assert [i.post_id for i in done.args[0].items] == [draft]
    undated = create_post(store, PostDraft(title="Idée", text="Idée", local_time=None,
                                           versions={}, state="draft"))  # fmt: skip
    ctl.mode = LIST  # the list shows the undated drafts too
    assert undated in {i.post_id for i in load(qtbot, ctl).items}


def test_moving_a_post_keeps_its_local_time(
    qtbot: QtBot, controller: PostsController, store: Store
) -> None:
    ctl = controller
    linkedin = post(store, datetime(2027, 3, 10, 9, 0), "linkedin")
    ctl.anchor = MARCH
    with qtbot.waitSignal(ctl.loaded, timeout=10000):
        ctl.move(linkedin, 0, date(2027, 3, 10), date(2027, 3, 31))
    moved = get_post(store, linkedin)
    assert moved.local_time == datetime(2027, 3, 31, 9, 0)
    assert moved.scheduled_at == datetime(2027, 3, 31, 7, 0, tzinfo=UTC)  # summer time
    text, error = ctl.seen[-1]  # type: ignore[attr-defined]
    assert text.startswith("Moved to ") and "2027" in text and not error


def test_the_due_list_decisions(qtbot: QtBot, controller: PostsController, store: Store) -> None:
    ctl = controller
    overdue = post(store, datetime(2026, 1, 5, 9, 0), "x", text="Bonne année")
    broken = post(store, datetime(2026, 1, 6, 9, 0), "facebook", text="Photos")
    mark_failed(store, get_post(store, broken).versions[0].id, "image refused")
    with qtbot.waitSignal(ctl.dueCountChanged, timeout=10000) as counted:
        data = load(qtbot, ctl)
    assert counted.args == [1]
    assert ctl.due_summary(data) == "1 post to publish now · 1 failed"
    due, failed = data.due
    assert ctl.due_actions(due).publish and ctl.due_actions(due).mark
    assert not ctl.due_actions(due).retry and not ctl.due_actions(due).publish_sends
    assert ctl.due_actions(failed).retry and not ctl.due_actions(failed).publish
    assert not ctl.due_actions(None).mark

    ctl.published_by_hand(due, "https://x.com/intent/post?text=x", opened=False)
    text, _ = ctl.seen[-1]  # type: ignore[attr-defined]
    assert "No web browser opened" in text and text.endswith("https://x.com/intent/post?text=x")
    assert not ctl.mark_published(due, "javascript:alert(1)")
    assert ctl.seen[-1][1]  # type: ignore[attr-defined]  # an error
    assert get_post(store, overdue).state == "scheduled"
    with qtbot.waitSignal(ctl.loaded, timeout=10000):  # the operation's changes reload
        assert ctl.mark_published(due, "https://x.com/amicale/status/1")
    assert get_post(store, overdue).state == "published"
    with qtbot.waitSignal(ctl.loaded, timeout=10000) as done:
        assert ctl.retry(failed)
    assert [d.state for d in done.args[0].due] == ["due"]


def test_a_csv_plan_is_imported_with_its_refusals(
    qtbot: QtBot, controller: PostsController, store: Store, tmp_path: Path
) -> None:
    ctl = controller
    plan = tmp_path / "plan.csv"
    plan.write_text(
        "date,time,channel,text\n2027-03-11,09:00,linkedin,Gala\n2027-13-01,09:00,x,Bad\n",
        encoding="utf-8",
    )
    ctl.anchor = MARCH
    with qtbot.waitSignal(ctl.loaded, timeout=10000) as done:
        ctl.import_file(plan)
    assert [i.local_time for i in done.args[0].items] == [datetime(2027, 3, 11, 9, 0)]
    text, error = ctl.seen[-1]  # type: ignore[attr-defined]
    assert text.splitlines()[0] == "1 post(s) imported, 1 row(s) refused."
    assert text.splitlines()[1].startswith("Line 3: ") and error
