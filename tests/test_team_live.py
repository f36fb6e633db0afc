"""The others' changes without a restart: announcements from the server, per statement,
turned into Changes; this window's own writes skipped; a window refreshed by them."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt  # noqa: F401  (a Qt test: the widget fixtures below)

from app.members.service import MemberDirectory
from app.operations.core import Changes
from app.operations.remote import ChangeFeed, changes_of
from app.store import open_store
from app.store.schema import member
from app.store.server import SESSION


def test_notices_become_changes() -> None:
    assert changes_of({"t": "member", "ids": [3, 5]}) == Changes(member_ids=frozenset({3, 5}))
    assert changes_of({"t": "member", "ids": None}) == Changes(all_members=True)
    assert changes_of({"t": "member_tag"}) == Changes(tags=True)
    assert changes_of({"t": "moderation_decision"}) == Changes(moderation=True)
    assert changes_of({"t": "alembic_version"}).empty


def test_the_feed_hears_the_others_and_not_itself(pg_url: str, pg_cluster: Any) -> None:
    mine = open_store(pg_url)
    feed = ChangeFeed(mine)
    try:
        MemberDirectory(mine).create({"last_name": "Moi"})  # this process: skipped
        assert feed.wait(0.3).empty
        # Another animator (another session on the server) adds, edits and tags.
        import psycopg

        with psycopg.connect(pg_url, application_name="Amicale other") as other:
            other.execute(
                "INSERT INTO member (last_name, sort_name, created_at, updated_at) "
                "VALUES ('Autre', 'autre', 'x', 'x')"
            )
            other.commit()
            other.execute("UPDATE member SET city = 'Lyon' WHERE last_name = 'Moi'")
            other.commit()
        changes = feed.wait(1.0)
        with mine.read() as conn:
            ids = set(conn.execute(member.select().with_only_columns(member.c.id)).scalars())
        assert changes.member_ids == frozenset(ids)
        with psycopg.connect(pg_url, application_name="Amicale other") as other:
            other.execute("UPDATE member SET notes = 'x'")  # every member: more than a few?
            other.execute("INSERT INTO tag (name, name_key) VALUES ('Voile', 'voile')")
            other.commit()
        later = feed.wait(1.0)
        assert later.tags and later.member_ids <= frozenset(ids)
        assert SESSION.startswith("Amicale ")
    finally:
        feed.close()
        mine.close()


def test_the_window_shows_another_animators_new_member(qtbot: Any, pg_url: str) -> None:
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    store = open_store(pg_url)
    MemberDirectory(store).create({"first_name": "Claire", "last_name": "Durand"})
    window = MainWindow(store, UiSettings(), None)
    qtbot.addWidget(window)
    try:
        qtbot.waitUntil(lambda: window.members.model.rowCount() == 1, timeout=10000)
        assert window.team_watch is not None
        watch = window.team_watch
        qtbot.waitUntil(lambda: watch.connected is True, timeout=10000)
        import psycopg

        with psycopg.connect(pg_url, application_name="Amicale laptop 2") as other:
            other.execute(
                "INSERT INTO member (first_name, last_name, sort_name, created_at, updated_at) "
                "VALUES ('Marc', 'Petit', 'petit\x1fmarc', 'x', 'x')"
            )
            other.commit()
        qtbot.waitUntil(lambda: window.members.model.rowCount() == 2, timeout=10000)
    finally:
        window.close()
        store.close()


def test_the_server_going_away_is_said_and_the_window_reconnects(qtbot: Any) -> None:
    from tests.pg_cluster import running_cluster
    from ui import team_watch
    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    with running_cluster() as cluster:
        cluster.admin("CREATE DATABASE alone")
        store = open_store(cluster.url("alone"))
        MemberDirectory(store).create({"last_name": "Durand"})
        team_watch.RETRY_S = 0.5  # the test need not wait five seconds a try
        window = MainWindow(store, UiSettings(), None)
        qtbot.addWidget(window)
        try:
            watch = window.team_watch
            assert watch is not None
            qtbot.waitUntil(lambda: watch.connected is True, timeout=10000)
            cluster.pause()
            qtbot.waitUntil(
                lambda: "cannot be reached" in window.statusBar().currentMessage(), timeout=10000
            )
            cluster.resume()
            qtbot.waitUntil(lambda: watch.connected is True, timeout=15000)
            assert MemberDirectory(store).total() == 1  # the pool reconnects too
        finally:
            team_watch.RETRY_S = 5.0
            window.close()
            store.close()
