"""The editorial calendar: channels and their rules, posts with a version per channel,
scheduling in local time, imports, events, manual publishing and the cadence advisor.

The exports (Atom feed, iCalendar, newsletter) read posts through `published_posts` and
`scheduled_posts` (app.posts.store) and report back with `mark_published`/`mark_failed`.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa


def new_id(result: sa.CursorResult[Any]) -> int:
    """The primary key an INSERT gave."""
    key = result.inserted_primary_key
    if key is None:  # only for statements that are not single-row inserts
        raise RuntimeError("no primary key")
    return int(key[0])
