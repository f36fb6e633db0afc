"""The Calendar panel driven as a CM would: months and weeks, drag to reschedule, double-click
to edit, filters, the editor's counters and queue, Due now with Publish and Mark as
published, and the models checked by qtmodeltester."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from pytestqt.qtbot import QtBot

from app.posts.channels import channels, resolve
from app.posts.store import PostDraft, create_post, get_post, mark_failed
from app.posts.timing import DEFAULT_TZ
from app.store import Store
from ui.dialogs.post_editor import PostEditor
from ui.models.posts import DueListModel, PostTableModel
from ui.panels.posts import PostsPanel

MARCH = date(2027, 3, 10)


@pytest.fixture(autouse=True)
def _before_march_2027(fixed_now: datetime) -> None:
    """The posts below are planned for March 2027: the tests run before it (November 2026),
    unless a test freezes the clock elsewhere (``clock_now``)."""


def cid(store: Store, kind: str) -> int:
    found = resolve(channels(store), kind)
    assert found is not None
    return found.id


def post(
    store: Store, when: datetime, *kinds: str, state: str = "scheduled", text: str = "Hi"
) -> int:
    return create_post(
        store,
        PostDraft(
            title=text,
            text=text,
            local_time=when,
            versions={cid(store, k): (None, None) for k in kinds},
            state=state,
        ),
    )


@pytest.fixture
def posts(store: Store) -> dict[str, int]:
    return {
        "linkedin": post(store, datetime(2027, 3, 10, 9, 0), "linkedin", text="Assemblée"),
        "x": post(store, datetime(2027, 3, 12, 12, 0), "x", text="Tweet"),
        "draft": post(store, datetime(2027, 3, 15, 10, 0), "facebook", state="draft", text="Idée"),
    }


@pytest.fixture
def panel(qtbot: QtBot, store: Store, posts: dict[str, int]) -> Iterator[PostsPanel]:
    widget = PostsPanel(store, autoload=False)
    qtbot.addWidget(widget)
    widget.resize(1200, 760)
    widget.show()
    qtbot.waitExposed(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.set_anchor(MARCH)
    yield widget
    widget.wait()


def reload(qtbot: QtBot, panel: PostsPanel) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.reload()


def test_month_shows_the_posts_on_their_local_days(
    panel: PostsPanel, posts: dict[str, int]
) -> None:
    view = panel.calendar
    assert view.first_day == date(2027, 3, 1)
    shown = {d: [line.item.post_id for line in lines] for d, lines in view.days.items()}
    assert shown[date(2027, 3, 10)] == [posts["linkedin"]]
    assert shown[date(2027, 3, 15)] == [posts["draft"]]
    assert view.item_at(view.item_pos(posts["x"])).post_id == posts["x"]  # type: ignore[arg-type,union-attr]


def test_drag_to_another_day_keeps_the_local_time_across_the_clock_change(
    qtbot: QtBot, panel: PostsPanel, store: Store, posts: dict[str, int]
) -> None:
    view = panel.calendar
    start = view.item_pos(posts["linkedin"])
    assert start is not None
    target = view.cell_rect(date(2027, 3, 31)).center()  # after the change of March 28
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, pos=start + QPoint(20, 20))
    qtbot.mouseMove(view, pos=target)
    assert view._drop_day == date(2027, 3, 31)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=target)
    moved = get_post(store, posts["linkedin"])
    assert moved.local_time == datetime(2027, 3, 31, 9, 0)
    assert moved.scheduled_at == datetime(2027, 3, 31, 7, 0, tzinfo=UTC)
    assert [line.item.post_id for line in view.days[date(2027, 3, 31)]] == [posts["linkedin"]]


def test_a_click_without_moving_does_not_reschedule(
    qtbot: QtBot, panel: PostsPanel, store: Store, posts: dict[str, int]
) -> None:
    view = panel.calendar
    start = view.item_pos(posts["x"])
    assert start is not None
    with qtbot.assertNotEmitted(view.moveRequested):
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=start)
    assert get_post(store, posts["x"]).local_time == datetime(2027, 3, 12, 12, 0)


def test_published_post_cannot_be_dragged(
    qtbot: QtBot, panel: PostsPanel, store: Store, posts: dict[str, int]
) -> None:
    from app.posts.store import mark_published

    mark_published(store, get_post(store, posts["x"]).versions[0].id, url="https://x.com/s/1")
    reload(qtbot, panel)
    view = panel.calendar
    start = view.item_pos(posts["x"])
    assert start is not None
    target = view.cell_rect(date(2027, 3, 19)).center()
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(view, pos=target)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=target)
    assert get_post(store, posts["x"]).local_time == datetime(2027, 3, 12, 12, 0)
    assert "published" in panel.status_label.text()


def test_double_click_opens_the_editor_and_saves(
    qtbot: QtBot, panel: PostsPanel, store: Store, posts: dict[str, int]
) -> None:
    view = panel.calendar
    pos = view.item_pos(posts["linkedin"])
    assert pos is not None
    qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=pos)
    editor = panel.editor
    assert isinstance(editor, PostEditor) and editor.isVisible()
    assert editor.post is not None and editor.post.id == posts["linkedin"]
    assert editor.text_edit.toPlainText() == "Assemblée"
    editor.text_edit.setPlainText("Assemblée générale samedi")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        qtbot.mouseClick(editor.schedule_button, Qt.MouseButton.LeftButton)
    assert get_post(store, posts["linkedin"]).versions[0].text == "Assemblée générale samedi"


def test_double_click_on_an_empty_day_starts_a_post_that_day(
    qtbot: QtBot, panel: PostsPanel
) -> None:
    view = panel.calendar
    qtbot.mouseDClick(
        view,
        Qt.MouseButton.LeftButton,
        pos=view.cell_rect(date(2027, 3, 23)).bottomRight() - QPoint(5, 5),
    )
    editor = panel.editor
    assert editor is not None and editor.post is None
    assert editor.when_edit.date().toPython() == date(2027, 3, 23)
    editor.reject()


def test_filters_by_channel_and_state(
    qtbot: QtBot, panel: PostsPanel, store: Store, posts: dict[str, int]
) -> None:
    x = cid(store, "x")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.channel_filter.setCurrentIndex(panel.channel_filter.findData(x))
    assert [i.post_id for i in panel.posts_shown()] == [posts["x"]]
    assert [line.item.post_id for lines in panel.calendar.days.values() for line in lines] == [
        posts["x"]
    ]
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.channel_filter.setCurrentIndex(0)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.state_filter.setCurrentIndex(panel.state_filter.findData("draft"))
    assert [i.post_id for i in panel.posts_shown()] == [posts["draft"]]


def test_week_and_list_views(qtbot: QtBot, panel: PostsPanel, posts: dict[str, int]) -> None:
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.view_box.setCurrentIndex(panel.view_box.findData("week"))
    assert panel.calendar.first_day == date(2027, 3, 8) and panel.calendar.rows == 1
    assert {i.post_id for i in panel.posts_shown()} == {posts["linkedin"], posts["x"]}
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        qtbot.mouseClick(panel.next_button, Qt.MouseButton.LeftButton)
    assert [i.post_id for i in panel.posts_shown()] == [posts["draft"]]
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.view_box.setCurrentIndex(panel.view_box.findData("list"))
    assert panel.views.currentWidget() is panel.table
    assert panel.table_proxy.rowCount() == 3
    index = panel.table_proxy.index(0, 0)
    panel.table.setCurrentIndex(index)
    panel._on_table_double_clicked()
    assert panel.editor is not None and panel.editor.post is not None
    assert panel.editor.post.id == posts["linkedin"]
    panel.editor.reject()


def test_editor_counts_per_channel_and_flags_the_strictest(
    qtbot: QtBot, panel: PostsPanel, store: Store
) -> None:
    editor = panel.open_editor(None)
    x, linkedin = cid(store, "x"), cid(store, "linkedin")
    editor.channel_boxes[linkedin].setChecked(True)
    editor.channel_boxes[x].setChecked(True)
    qtbot.keyClicks(editor.text_edit, "Hello ")  # (keyClicks types ASCII only)
    editor.text_edit.insertPlainText("é" * 290)
    x_counter = editor.channel_tabs[x].counter.text()
    assert (
        x_counter.startswith("296 / 280")
        and "strictest" in x_counter
        and "too long by 16" in x_counter
    )
    assert "strictest" not in editor.channel_tabs[linkedin].counter.text()
    assert not editor.save("scheduled")  # over the limit for X
    assert "X" in editor.error_label.text()
    tab = editor.channel_tabs[x]
    tab.own.setChecked(True)
    tab.edit.setPlainText("Court 😀 https://amicale-exemple.fr/une/adresse/tres/longue")
    assert tab.counter.text().startswith("32 / 280")
    assert "https://amicale" in tab.preview.text()
    assert "strictest" in tab.counter.text()  # still least room left
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        assert editor.save("scheduled")


def test_editor_add_to_queue_picks_the_next_free_slot(
    clock_now: datetime, panel: PostsPanel, store: Store
) -> None:
    editor = panel.open_editor(None)
    editor.channel_boxes[cid(store, "linkedin")].setChecked(True)
    editor._on_queue()
    chosen = editor.local_time()
    paris_now = clock_now.astimezone(ZoneInfo(DEFAULT_TZ)).replace(tzinfo=None)
    assert chosen is not None and chosen > paris_now  # wall times in the posts' zone
    assert chosen.weekday() in (1, 3) and (chosen.hour, chosen.minute) == (9, 0)
    editor.discard()  # changed: reject() would ask first


def test_due_now_publish_and_mark_as_published(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    overdue = post(store, datetime(2026, 1, 5, 9, 0), "x", text="Bonne année https://a.fr")
    broken = post(store, datetime(2026, 1, 6, 9, 0), "facebook", text="Photos")
    mark_failed(store, get_post(store, broken).versions[0].id, "image refused")
    opened: list[QUrl] = []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url) or True)
    widget = PostsPanel(store, autoload=False)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.dueCountChanged, timeout=10000) as blocker:
        widget.reload()
    assert blocker.args == [1]  # the due count, for the sidebar badge at start-up
    assert [d.post_id for d in widget.due_model.rows] == [overdue, broken]
    assert "Failed: image refused" in widget.due_model.data(widget.due_model.index(1))
    widget.due_list.setCurrentIndex(widget.due_model.index(0))
    qtbot.mouseClick(widget.publish_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Bonne année https://a.fr"
    assert len(opened) == 1 and opened[0].scheme() == "https"
    assert opened[0].toString().startswith("https://x.com/intent/post?text=")
    monkeypatch.setattr(widget, "ask_url", lambda due: "javascript:alert(1)")
    qtbot.mouseClick(widget.mark_button, Qt.MouseButton.LeftButton)
    assert get_post(store, overdue).state == "scheduled"  # refused
    monkeypatch.setattr(widget, "ask_url", lambda due: "https://x.com/amicale/status/1")
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        qtbot.mouseClick(widget.mark_button, Qt.MouseButton.LeftButton)
    done = get_post(store, overdue)
    assert done.state == "published"
    assert done.versions[0].published_url == "https://x.com/amicale/status/1"
    assert [d.post_id for d in widget.due_model.rows] == [broken]
    widget.due_list.setCurrentIndex(widget.due_model.index(0))
    assert widget.retry_button.isEnabled() and not widget.publish_button.isEnabled()
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        qtbot.mouseClick(widget.retry_button, Qt.MouseButton.LeftButton)
    assert widget.due_model.rows[0].state == "due"
    widget.wait()


def test_cadence_advisor_is_shown(qtbot: QtBot, today: date, store: Store) -> None:
    x = cid(store, "x")
    for n in range(8):
        create_post(
            store,
            PostDraft(
                text=str(n), local_time=datetime(today.year, today.month, today.day, 8, n),
                versions={x: (None, None)}, state="scheduled",
            ),
        )  # fmt: skip
    widget = PostsPanel(store, autoload=False)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.loaded, timeout=10000):
        widget.reload()
    assert "X: 8/7" in widget.balance_label.text()
    assert "X: 8 posts this week, more than the 7 chosen" in widget.advice_label.text()
    widget.wait()


def test_models_pass_qtmodeltester(qtmodeltester: Any, panel: PostsPanel, store: Store) -> None:
    post(store, datetime(2026, 1, 5, 9, 0), "x", text="due")
    table = PostTableModel()
    data = panel.data
    assert data is not None
    table.set_rows(data.items, {c.id: c for c in data.channels})
    assert table.rowCount() == 3
    qtmodeltester.check(table, force_py=True)
    due = DueListModel()
    from app.posts.store import due_versions

    due.set_rows(due_versions(store, include_failed=True))
    assert due.rowCount() == 1
    qtmodeltester.check(due, force_py=True)
    qtmodeltester.check(PostTableModel(), force_py=True)


def test_event_dialog_prepares_the_drafts(qtbot: QtBot, panel: PostsPanel, store: Store) -> None:
    dialog = panel.open_event_dialog()
    dialog.title_edit.setText("Gala")
    dialog.day_edit.setDate(date(2027, 4, 10))
    dialog.link_edit.setText("ftp://nope")
    assert not dialog.save()
    dialog.link_edit.setText("https://amicale.fr/gala")
    dialog.role_boxes["thanks"].setChecked(False)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        assert dialog.save()
    drafts = [get_post(store, i) for i in dialog.created]
    assert [(p.role, p.state, p.local_time) for p in drafts] == [
        ("announcement", "draft", datetime(2027, 3, 20, 9)),
        ("reminder", "draft", datetime(2027, 4, 8, 9)),
    ]
    assert {v.channel_id for v in drafts[0].versions} == {
        cid(store, "linkedin"),
        cid(store, "facebook"),
    }
    assert "2 drafts" in panel.status_label.text()
    assert drafts[0].id in {i.post_id for i in panel.posts_shown()}


def test_channels_dialog_edits_rules_and_slots(
    qtbot: QtBot, panel: PostsPanel, store: Store
) -> None:
    from PySide6.QtWidgets import QSpinBox, QTableWidgetItem

    from ui.dialogs.channels_dialog import COL_NAME, COL_PER_WEEK, COL_SLOTS

    dialog = panel.open_channels_dialog()
    x_row = [c.kind for c in channels(store)].index("x")
    dialog.table.item(x_row, COL_SLOTS).setText("Mon 08:15, jeudi 18:30")
    spin = dialog.table.cellWidget(x_row, COL_PER_WEEK)
    assert isinstance(spin, QSpinBox)
    spin.setValue(3)
    dialog._add_row(None)
    new_row = dialog.table.rowCount() - 1
    dialog.table.setItem(new_row, COL_NAME, QTableWidgetItem("Groupe Lyon"))
    dialog.table.item(new_row, COL_SLOTS).setText("Fri 25:00")
    assert not dialog.save()
    assert "Fri 25:00" in dialog.error_label.text()
    dialog.table.item(new_row, COL_SLOTS).setText("")
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        assert dialog.save()
    x = next(c for c in channels(store) if c.kind == "x")
    assert x.slots == ((0, "08:15"), (3, "18:30")) and x.max_per_week == 3
    added = next(c for c in channels(store) if c.name == "Groupe Lyon")
    assert added.kind == "linkedin" and added.variant == "profile"
    assert panel.channel_filter.findData(added.id) > 0


def test_import_csv_from_the_panel(qtbot: QtBot, panel: PostsPanel, tmp_path: Any) -> None:
    path = tmp_path / "p.csv"
    path.write_text(
        "date;heure;canal;texte\n2027-03-20;10:00;mastodon;Toot\n2027-03-21;10:00;nope;x\n"
    )
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        panel.import_file(path)
    assert "1 post(s) imported, 1 row(s) refused." in panel.status_label.text()
    assert "Line 3: unknown channel “nope”" in panel.status_label.text()
    assert [line.item.text for line in panel.calendar.days[date(2027, 3, 20)]] == ["Toot"]


def test_cancel_a_post_from_the_editor_and_attach_a_file(
    qtbot: QtBot, panel: PostsPanel, store: Store, posts: dict[str, int], tmp_path: Any
) -> None:
    editor = panel.open_editor(posts["x"])
    image = tmp_path / "photo.png"
    image.write_bytes(b"png")
    editor.attach_file(image)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        assert editor.save("scheduled")
    [attached] = get_post(store, posts["x"]).attachments
    assert attached.original_name == "photo.png"
    editor = panel.open_editor(posts["x"])
    assert editor.attachments.count() == 1 and editor.cancel_post_button.isVisibleTo(editor)
    with qtbot.waitSignal(panel.loaded, timeout=10000):
        assert editor.cancel_post()
    assert get_post(store, posts["x"]).state == "cancelled"
    assert posts["x"] not in {i.post_id for i in panel.posts_shown()}


def test_main_window_announces_overdue_posts_at_start_up(qtbot: QtBot, store: Store) -> None:
    from app import association
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    post(store, datetime(2026, 1, 5, 9, 0), "linkedin", text="En retard")
    post(store, datetime(2026, 1, 6, 9, 0), "x", text="Aussi")
    win = MainWindow(store, UiSettings(), association.Association("Amicale Test", "CM"))
    qtbot.addWidget(win)
    with qtbot.waitSignal(win.posts.dueCountChanged, timeout=10000):
        win.show()
    row = win.panels().index(win.posts)
    assert win.sidebar.item(row).text() == "Calendar (2)"
    assert win.statusBar().currentMessage().endswith("2 posts due now")
    win.sidebar.setCurrentRow(row)
    assert win.stack.currentWidget() is win.posts
    win.posts.wait()
    win.members.searches.wait()


def test_month_paint_costs_the_same_few_painter_calls_for_many_posts(
    qtbot: QtBot, store: Store
) -> None:
    """Grouped drawing: the calls into QPainter do not grow with the posts shown. Measured
    through the references to None that each PySide call returning nothing loses in this
    PySide6 build (0 everywhere on a fixed build, which passes too)."""
    import sys

    from app.posts.store import CalendarItem
    from ui.panels.calendar_view import CalendarView

    view = CalendarView()
    qtbot.addWidget(view)
    view.resize(1000, 760)
    view.set_period("month", MARCH, MARCH)
    view.show()
    qtbot.waitExposed(view)

    def lost(count: int) -> int:
        items = [
            CalendarItem(
                n, 0, f"t{n}", "x", datetime(2027, 3, 1 + n % 31, 9),
                datetime(2027, 3, 1, tzinfo=UTC), "Europe/Paris",
                ("draft", "scheduled", "due")[n % 3], "none", (1 + n % 7,),
            )
            for n in range(count)
        ]  # fmt: skip
        view.set_items(items, {i: "#336699" for i in range(1, 8)})
        view.repaint()
        before = sys.getrefcount(None)
        view.repaint()
        return before - sys.getrefcount(None)

    few, many = lost(10), lost(3000)
    assert many - few <= 25


def test_publish_says_so_when_no_browser_opens(
    qtbot: QtBot, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Issue 17, point 12: openUrl returns False (no browser): the window says it."""
    post(store, datetime(2026, 1, 5, 9, 0), "x", text="Bonne année https://a.fr")
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: False)
    widget = PostsPanel(store, autoload=False)
    qtbot.addWidget(widget)
    with qtbot.waitSignal(widget.dueCountChanged, timeout=10000):
        widget.reload()
    widget.due_list.setCurrentIndex(widget.due_model.index(0))
    qtbot.mouseClick(widget.publish_button, Qt.MouseButton.LeftButton)
    assert QGuiApplication.clipboard().text() == "Bonne année https://a.fr"
    shown = widget.status_label.text()
    assert shown.startswith("No web browser opened.")
    assert "https://x.com/intent/post?text=" in shown.splitlines()[-1]
    flags = widget.status_label.textInteractionFlags()
    assert flags & Qt.TextInteractionFlag.TextSelectableByMouse
