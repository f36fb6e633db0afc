"""The calendar's query service: what one load of the Calendar panel shows, in one call."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from app.posts import planning
from app.posts.channels import Channel, channels
from app.posts.store import CalendarItem, DueVersion, calendar_items, due_versions
from app.posts.timing import DEFAULT_TZ, to_utc
from app.store import Store


@dataclass(frozen=True)
class CalendarData:
    """The period's posts, the channels, the due list and the week's cadence."""

    first_day: date
    last_day: date
    items: list[CalendarItem]
    channels: list[Channel]
    due: list[DueVersion]
    cadence: planning.Cadence


def load(
    store: Store,
    first_day: date,
    last_day: date,
    channel_ids: list[int] | None,
    states: list[str] | None,
    week_of: date,
    tz: str = DEFAULT_TZ,
    include_undated: bool = False,
) -> CalendarData:
    """The period's posts (and the undated drafts, for the list view), the due list and the
    week's cadence; run in a worker by the panel."""
    start = to_utc(datetime.combine(first_day, datetime.min.time()), tz)
    end = to_utc(datetime.combine(last_day, datetime.min.time()), tz)
    chans = channels(store)
    return CalendarData(
        first_day=first_day,
        last_day=last_day,
        items=calendar_items(
            store,
            start,
            end,
            channel_ids=channel_ids,
            states=states,
            include_undated=include_undated,
        ),
        channels=chans,
        due=due_versions(store, include_failed=True),
        cadence=planning.cadence(store, week_of, tz=tz),
    )
