"""Operations on what the CM configures: channels, events, tagging rules, moderation
settings, the association."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from datetime import date
from typing import Any

from app import association, tag_rules
from app.messages import QT_TRANSLATE_NOOP
from app.moderation import settings as mod_settings
from app.operations.core import Changes, Operation, Outcome, operation
from app.posts import events
from app.posts.channels import save_channel as store_channel
from app.store import Store
from app.store.sqlite import CancelToken

RULES = Changes(settings=True)


@operation("channel.save", QT_TRANSLATE_NOOP("Operations", "Channel settings"))
def save_channel(store: Store, **channel: Any) -> Outcome[int]:
    """Create or update a channel (the arguments of `app.posts.channels.save_channel`)."""
    slots = [tuple(slot) for slot in channel.pop("slots", ())]
    channel_id = store_channel(store, slots=slots, **channel)
    return Outcome(channel_id, Changes(channels=True, posts=True))


@operation("event.create", QT_TRANSLATE_NOOP("Operations", "New event"))
def create_event(
    store: Store,
    title: str,
    day: str,
    channel_ids: Sequence[int],
    roles: Sequence[str],
    language: str,
    at: str | None = None,
    place: str | None = None,
    link: str | None = None,
) -> Outcome[list[int]]:
    """An event and its series of draft posts, in the order the calendar shows them."""
    event_id = events.create_event(
        store, title, date.fromisoformat(day), at=at, place=place, link=link
    )
    created = events.generate_series(
        store, event_id, list(channel_ids), roles=list(roles), language=language
    )
    return Outcome(list(created), Changes(posts=True))


def rule_args(rule: tag_rules.Rule) -> dict[str, Any]:
    return asdict(rule)


@operation("tag-rule.save", QT_TRANSLATE_NOOP("Operations", "Tagging rule"))
def save_rule(store: Store, rule: dict[str, Any], tag_label: str | None = None) -> Outcome[Any]:
    values = {**rule, "cities": tuple(rule.get("cities") or ())}
    saved = tag_rules.save(store, tag_rules.Rule(**values), tag_label)
    return Outcome(saved, RULES | Changes(tags=True))


@operation("tag-rule.enable", QT_TRANSLATE_NOOP("Operations", "Tagging rule"))
def enable_rule(store: Store, rule_id: int, enabled: bool) -> Outcome[Any]:
    rule = tag_rules.set_enabled(store, rule_id, enabled)
    undo = Operation("tag-rule.enable", {"rule_id": rule_id, "enabled": not enabled})
    return Outcome(rule, RULES, undo)


@operation("tag-rule.delete", QT_TRANSLATE_NOOP("Operations", "Delete tagging rule"))
def delete_rule(store: Store, rule_id: int) -> Outcome[None]:
    gone = tag_rules.get(store, rule_id)
    tag_rules.delete(store, rule_id)
    again = Operation(
        "tag-rule.save", {"rule": rule_args(replace(gone, id=None)), "tag_label": gone.tag_label}
    )
    return Outcome(None, RULES, again)


@operation("tag-rule.apply", QT_TRANSLATE_NOOP("Operations", "Apply tagging rules"), long=True)
def apply_rules(
    store: Store, rule_ids: Sequence[int] | None = None, cancel: CancelToken | None = None
) -> Outcome[dict[int, int]]:
    added = tag_rules.apply(store, list(rule_ids) if rule_ids is not None else None, cancel)
    return Outcome(added, Changes(all_members=any(added.values()), tags=True))


@operation("moderation.settings", QT_TRANSLATE_NOOP("Operations", "Moderation settings"))
def save_moderation_settings(store: Store, values: dict[str, Any]) -> Outcome[None]:
    before = mod_settings.load(store)
    mod_settings.save_many(store, values)
    undo = Operation("moderation.settings", {"values": {k: before.get(k) for k in values}})
    return Outcome(None, Changes(settings=True, moderation=True), undo)


@operation("association.save", QT_TRANSLATE_NOOP("Operations", "The association"))
def save_association(store: Store, name: str, signature: str) -> Outcome[None]:
    association.save(store, association.Association(name, signature))
    return Outcome(None, Changes(settings=True, birthdays=True))
