"""Events: an event (title, date, place, link) becomes a series of drafts on the chosen
channels — an announcement three weeks before, a reminder two days before, thanks the day
after — for the CM to review and schedule (never published as they are)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

import sqlalchemy as sa

from app.clock import now_iso
from app.errors import AmicaleError, NotFoundError
from app.posts import new_id
from app.posts.store import PostDraft, insert_post
from app.posts.timing import DEFAULT_TZ, parse_hhmm
from app.store import Store
from app.store.schema import event

ROLES = ("announcement", "reminder", "thanks")
# Days from the event to each draft, and the local time it is planned at.
OFFSETS = {
    "announcement": (-21, time(9, 0)),
    "reminder": (-2, time(9, 0)),
    "thanks": (1, time(10, 0)),
}

TEMPLATES = {
    "fr": {
        "announcement": "📅 {title} — le {day}{at}{place}. Réservez la date\u00a0!",
        "reminder": "⏰ J-2\u00a0: {title}, le {day}{at}{place}. On compte sur vous\u00a0!",
        "thanks": "🙏 Merci à toutes et à tous d’être venus à {title}\u00a0!",
    },
    "en": {
        "announcement": "📅 {title} — on {day}{at}{place}. Save the date!",
        "reminder": "⏰ In two days: {title}, on {day}{at}{place}. See you there!",
        "thanks": "🙏 Thank you all for coming to {title}!",
    },
}


@dataclass(frozen=True)
class Event:
    id: int
    title: str
    day: date
    time: str | None
    place: str | None
    link: str | None


def create_event(
    store: Store,
    title: str,
    day: date,
    *,
    at: str | None = None,
    place: str | None = None,
    link: str | None = None,
) -> int:
    title = title.strip()
    if not title:
        raise AmicaleError("an event needs a title")
    if at:
        at = parse_hhmm(at).strftime("%H:%M")
    if link and not link.lower().startswith(("http://", "https://")):
        raise AmicaleError("an event's link must start with http:// or https://")
    with store.write() as conn:
        return new_id(
            conn.execute(
                event.insert().values(
                    title=title,
                    day=day.isoformat(),
                    time=at or None,
                    place=(place or "").strip() or None,
                    link=link or None,
                    created_at=now_iso(),
                )
            )
        )


def get_event(store: Store, event_id: int) -> Event:
    with store.read() as conn:
        row = conn.execute(sa.select(event).where(event.c.id == event_id)).first()
    if row is None:
        raise NotFoundError(f"no event {event_id}")
    return Event(row.id, row.title, date.fromisoformat(row.day), row.time, row.place, row.link)


def _french_day(day: date) -> str:
    months = (
        "janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août",
        "septembre", "octobre", "novembre", "décembre",
    )  # fmt: skip
    return f"{day.day}{'er' if day.day == 1 else ''} {months[day.month - 1]} {day.year}"


def draft_texts(item: Event, language: str = "fr") -> dict[str, str]:
    templates = TEMPLATES.get(language, TEMPLATES["fr"])
    if language == "en":
        day = item.day.strftime("%B %d, %Y").replace(" 0", " ")
        at = f" at {item.time}" if item.time else ""
        place = f", {item.place}" if item.place else ""
    else:
        day = _french_day(item.day)
        at = f" à {item.time.replace(':', 'h')}" if item.time else ""
        place = f", {item.place}" if item.place else ""
    return {
        role: template.format(title=item.title, day=day, at=at, place=place)
        for role, template in templates.items()
    }


def generate_series(
    store: Store,
    event_id: int,
    channel_ids: Sequence[int],
    *,
    roles: Sequence[str] = ROLES,
    language: str = "fr",
    tz: str = DEFAULT_TZ,
) -> list[int]:
    """Create the drafts (one post per role, a version on each channel); returns their ids."""
    if not channel_ids:
        raise AmicaleError("choose at least one channel")
    item = get_event(store, event_id)
    texts = draft_texts(item, language)
    ids = []
    with store.write() as conn:
        for role in roles:
            if role not in OFFSETS:
                raise AmicaleError(f"unknown role {role}")
            days, moment = OFFSETS[role]
            ids.append(
                insert_post(
                    conn,
                    PostDraft(
                        title=f"{item.title} ({role})",
                        text=texts[role],
                        link=item.link,
                        local_time=datetime.combine(item.day + timedelta(days=days), moment),
                        tz=tz,
                        versions={c: (None, None) for c in channel_ids},
                        state="draft",
                        event_id=item.id,
                        role=role,
                    ),
                )
            )
    return ids
