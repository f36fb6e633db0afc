"""Channels: where posts go, each with its rules (limit, colour, cadence, weekly slots)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa

from app.errors import AmicaleError, NotFoundError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.posts import new_id
from app.store import Store
from app.store.schema import channel, channel_slot
from app.text import fold

KINDS = ("linkedin", "facebook", "viadeo", "x", "mastodon", "newsletter", "website")
# Channels the CM publishes by hand (no open protocol): Amicale prepares the text and opens
# the network's page. Newsletter (SMTP) and website (Atom feed) publish for real.
MANUAL_KINDS = ("linkedin", "facebook", "viadeo", "x", "mastodon")
VARIANTS: dict[str, tuple[str, ...]] = {
    "linkedin": ("profile", "page", "group"),
    "facebook": ("page", "group"),
    "viadeo": ("group",),
}
# Each network's own limit (characters as that network counts them; see app.posts.counting).
DEFAULT_LIMITS: dict[str, int | None] = {
    "linkedin": 3000,
    "facebook": 63206,
    "viadeo": 2000,
    "x": 280,
    "mastodon": 500,
    "newsletter": None,
    "website": None,
}


# The name a channel has until the CM renames it, in the user's language (the window
# translates it); the English one is what the store keeps in ``name``.
KIND_TITLES: dict[str, str] = {
    "linkedin": QT_TRANSLATE_NOOP("Messages", "LinkedIn"),
    "facebook": QT_TRANSLATE_NOOP("Messages", "Facebook"),
    "viadeo": QT_TRANSLATE_NOOP("Messages", "Viadeo"),
    "x": QT_TRANSLATE_NOOP("Messages", "X"),
    "mastodon": QT_TRANSLATE_NOOP("Messages", "Mastodon"),
    "newsletter": QT_TRANSLATE_NOOP("Messages", "Newsletter"),
    "website": QT_TRANSLATE_NOOP("Messages", "Website"),
}
# Other words for a kind a CM may write in a plan (CSV "canal" column), folded.
KIND_WORDS: dict[str, str] = {
    "lettre d'information": "newsletter",
    "lettre d’information": "newsletter",
    "infolettre": "newsletter",
    "site web": "website",
    "site": "website",
    "twitter": "x",
}


@dataclass(frozen=True)
class Channel:
    id: int
    kind: str
    name: str
    variant: str | None
    url: str | None
    char_limit: int | None
    color: str
    max_per_week: int | None
    max_gap_days: int | None
    enabled: bool
    position: int
    # Weekly slots: (weekday 0 = Monday, local "HH:MM"), sorted.
    slots: tuple[tuple[int, str], ...] = field(default=())
    # False: named after its kind, in the user's language (see ``title``).
    renamed: bool = True

    @property
    def title(self) -> str:
        """The name to show: the CM's own, or the kind's as a Message the window translates."""
        return self.name if self.renamed else Message(KIND_TITLES[self.kind])


def list_channels(conn: sa.Connection, *, enabled_only: bool = False) -> list[Channel]:
    slots: dict[int, list[tuple[int, str]]] = {}
    for row in conn.execute(
        sa.select(channel_slot).order_by(channel_slot.c.weekday, channel_slot.c.time)
    ):
        slots.setdefault(row.channel_id, []).append((row.weekday, row.time))
    query = sa.select(channel).order_by(channel.c.position, channel.c.id)
    if enabled_only:
        query = query.where(channel.c.enabled.is_(True))
    return [
        Channel(
            id=row.id,
            kind=row.kind,
            name=row.name,
            variant=row.variant,
            url=row.url,
            char_limit=row.char_limit,
            color=row.color,
            max_per_week=row.max_per_week,
            max_gap_days=row.max_gap_days,
            enabled=bool(row.enabled),
            position=row.position,
            slots=tuple(slots.get(row.id, ())),
            renamed=bool(row.renamed),
        )
        for row in conn.execute(query)
    ]


def channels(store: Store, *, enabled_only: bool = False) -> list[Channel]:
    with store.read() as conn:
        return list_channels(conn, enabled_only=enabled_only)


def resolve(all_channels: Sequence[Channel], ref: str) -> Channel | None:
    """The channel ``ref`` names: a configured channel's name first (case- and
    accent-insensitive), else a kind, by its code or another word for it ("site web"): the
    first enabled channel of that kind."""
    key = fold(ref.strip())
    for item in all_channels:
        if fold(item.name) == key:
            return item
    key = KIND_WORDS.get(key, key)
    if key in KINDS:
        of_kind = [c for c in all_channels if c.kind == key]
        enabled = [c for c in of_kind if c.enabled]
        return (enabled or of_kind)[0] if of_kind else None
    return None


def save_channel(
    store: Store,
    *,
    kind: str,
    name: str | None,
    variant: str | None = None,
    url: str | None = None,
    char_limit: int | None = None,
    color: str = "#607d8b",
    max_per_week: int | None = None,
    max_gap_days: int | None = None,
    enabled: bool = True,
    slots: Sequence[tuple[int, str]] = (),
    channel_id: int | None = None,
) -> int:
    """Create (``channel_id`` None) or update a channel; returns its id. ``name`` None: the
    channel is named after its kind, in the user's language."""
    if kind not in KINDS:
        raise AmicaleError(f"unknown channel kind: {kind}")
    if variant is not None and variant not in VARIANTS.get(kind, ()):
        raise AmicaleError(f"a {kind} channel cannot be a {variant}")
    if url and not url.lower().startswith(("http://", "https://")):
        raise AmicaleError("a channel's address must start with http:// or https://")
    renamed = name is not None
    name = name.strip() if name is not None else KIND_TITLES.get(kind, kind)
    if not name:
        raise AmicaleError("a channel needs a name")
    from app.posts.timing import parse_hhmm

    clean_slots = sorted({(int(d), parse_hhmm(t).strftime("%H:%M")) for d, t in slots})
    if any(not 0 <= d <= 6 for d, _ in clean_slots):
        raise AmicaleError("a slot's weekday is 0 (Monday) to 6 (Sunday)")
    values = {
        "kind": kind,
        "name": name,
        "name_key": fold(name),
        "renamed": renamed,
        "variant": variant,
        "url": url or None,
        "char_limit": char_limit,
        "color": color,
        "max_per_week": max_per_week,
        "max_gap_days": max_gap_days,
        "enabled": enabled,
    }
    with store.write() as conn:
        clash = conn.execute(
            sa.select(channel.c.id).where(channel.c.name_key == values["name_key"])
        ).scalar()
        if clash is not None and clash != channel_id:
            raise AmicaleError(f"a channel is already named {name}")
        if channel_id is None:
            position = conn.execute(sa.select(sa.func.max(channel.c.position))).scalar() or 0
            channel_id = new_id(
                conn.execute(channel.insert().values(position=position + 1, **values))
            )
        elif (
            conn.execute(
                channel.update().where(channel.c.id == channel_id).values(**values)
            ).rowcount
            == 0
        ):
            raise NotFoundError(f"no channel {channel_id}")
        conn.execute(channel_slot.delete().where(channel_slot.c.channel_id == channel_id))
        if clean_slots:
            conn.execute(
                channel_slot.insert(),
                [{"channel_id": channel_id, "weekday": d, "time": t} for d, t in clean_slots],
            )
    return channel_id


# Weekday words accepted in a slot list, English and French, folded, without dots.
_WEEKDAYS = {
    **{w: i for i, w in enumerate(("mon", "tue", "wed", "thu", "fri", "sat", "sun"))},
    **{w: i for i, w in enumerate(("monday", "tuesday", "wednesday", "thursday", "friday",
                                   "saturday", "sunday"))},
    **{w: i for i, w in enumerate(("lun", "mar", "mer", "jeu", "ven", "sam", "dim"))},
    **{w: i for i, w in enumerate(("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi",
                                   "dimanche"))},
}  # fmt: skip


def parse_slots(text: str, extra_names: Sequence[str] = ()) -> list[tuple[int, str]]:
    """ "Tue 09:00, Thu 18:30" (or "mardi 9:00; jeu. 18:30") → [(1, "09:00"), (3, "18:30")].

    ``extra_names``: the seven weekday names of the interface's locale, Monday first.
    Raises AmicaleError naming the part it cannot read.
    """
    from app.posts.timing import parse_hhmm

    names = dict(_WEEKDAYS)
    names.update({fold(n).rstrip("."): i for i, n in enumerate(extra_names)})
    slots = []
    for part in (p.strip() for p in text.replace(";", ",").split(",")):
        if not part:
            continue
        word, _, moment = part.rpartition(" ")
        day = names.get(fold(word.strip()).rstrip("."))
        try:
            hhmm = parse_hhmm(moment).strftime("%H:%M")
        except ValueError:
            day = None
        if day is None:
            raise AmicaleError(f"not a weekly slot (day and HH:MM): {part}")
        slots.append((day, hhmm))
    return sorted(set(slots))
