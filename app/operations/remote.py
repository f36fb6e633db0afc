"""The other animators' changes, as the same Changes values the window's own operations give.

A team server announces every write (app/store/postgres.py: one notification a statement,
with the table, the writer's session and, when few, the member ids). ``ChangeFeed`` listens
on its own connection and turns what arrived into one Changes, skipping this process's own
writes (already announced by the operations that made them).
"""

from __future__ import annotations

import json
from typing import Any

from app.operations.core import NOTHING, Changes
from app.store import Store, postgres, server

# What each table's change means for the views.
_TABLE_CHANGES: dict[str, Changes] = {
    **{t: Changes(tags=True) for t in ("member_tag", "tag", "tag_category")},
    "segment": Changes(segments=True),
    **{t: Changes(all_members=True) for t in ("community", "member_community")},
    **{t: Changes(posts=True) for t in ("post", "post_version", "publication_log", "event")},
    **{t: Changes(channels=True) for t in ("channel", "channel_slot")},
    **{
        t: Changes(moderation=True)
        for t in ("moderation_item", "moderation_decision", "moderation_setting")
    },
    "birthday_wish": Changes(birthdays=True),
    **{t: Changes(duplicates=True) for t in ("duplicate_candidate", "not_duplicate")},
    **{t: Changes(settings=True) for t in ("setting", "tag_rule")},
    "newsletter_send": Changes(posts=True),
}


def changes_of(notice: dict[str, Any]) -> Changes:
    """The Changes one notification stands for."""
    table = notice.get("t")
    if table == "member":
        ids = notice.get("ids")
        if ids is None:
            return Changes(all_members=True)
        return Changes(member_ids=frozenset(int(i) for i in ids))
    return _TABLE_CHANGES.get(str(table), NOTHING)


class ChangeFeed:
    """Listens to a team store's announcements (a connection of its own, outside the pool)."""

    def __init__(self, store: Store) -> None:
        import psycopg

        # The engine's own address and arguments (its password already looked up in the
        # keyring when it was made): the same connection, only outside the pool.
        engine = store.engine
        args, params = engine.dialect.create_connect_args(engine.url)
        params.update(
            autocommit=True,
            connect_timeout=server.CONNECT_TIMEOUT_S,
            application_name=server.SESSION + " feed",
        )
        self._conn = psycopg.connect(*args, **params)
        self._conn.execute(f"LISTEN {postgres.CHANGE_CHANNEL}")

    def wait(self, timeout: float) -> Changes:
        """The others' changes that arrive within ``timeout`` seconds (NOTHING if none).

        Raises the driver's OperationalError when the server goes away."""
        changes = NOTHING
        for notify in self._conn.notifies(timeout=timeout):
            try:
                notice = json.loads(notify.payload)
            except ValueError:
                continue
            if notice.get("s") == server.SESSION:
                continue  # this window's own write
            changes = changes | changes_of(notice)
            if changes.all_members and changes.tags:
                break  # nothing more to learn: refresh now
        return changes

    def close(self) -> None:
        self._conn.close()
