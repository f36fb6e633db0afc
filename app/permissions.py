"""Who may do what: the role → allowed actions table the command line and the window share.

The server enforces the roles (GRANTs, row-level security: `app.team`); this table says it
beforehand, so that the window greys out what the person's role cannot do, with the reason,
and the command line refuses it in one sentence before trying. Exporting is the one action
the server cannot tell from a read: this table is what refuses it.
"""

from __future__ import annotations

from app.messages import QT_TRANSLATE_NOOP, Message
from app.store import Store
from app.store.roles import RoleRefused, current_role

EXPORT = "export"  # members, a member's data, the feed and calendar, a copy of the store
MEMBERS = "members"  # create, edit, tag, import, delete members
MODERATE = "moderate"  # decide, add and import moderation items
TEAM = "team"  # the team's people: add-user, remove-user, init

ACTIONS = (EXPORT, MEMBERS, MODERATE, TEAM)

ALLOWED: dict[str, frozenset[str]] = {
    "administrator": frozenset(ACTIONS),
    "animator": frozenset({EXPORT, MEMBERS}),
    "moderator": frozenset({EXPORT, MODERATE}),  # and a member's verification
    "reader": frozenset(),
}

# Why not, a sentence per role and action (French inflects the role's name).
T_WHY_NOT = {
    ("reader", EXPORT): QT_TRANSLATE_NOOP("Messages", "your reader role does not allow exporting"),
    ("reader", MEMBERS): QT_TRANSLATE_NOOP(
        "Messages", "your reader role does not allow changing members"
    ),
    ("moderator", MEMBERS): QT_TRANSLATE_NOOP(
        "Messages", "your moderator role does not allow changing members, only their verification"
    ),
    ("reader", MODERATE): QT_TRANSLATE_NOOP(
        "Messages", "your reader role does not allow moderation decisions"
    ),
    ("animator", MODERATE): QT_TRANSLATE_NOOP(
        "Messages", "your animator role does not allow moderation decisions"
    ),
    ("reader", TEAM): QT_TRANSLATE_NOOP(
        "Messages", "your reader role does not allow managing the team's people"
    ),
    ("animator", TEAM): QT_TRANSLATE_NOOP(
        "Messages", "your animator role does not allow managing the team's people"
    ),
    ("moderator", TEAM): QT_TRANSLATE_NOOP(
        "Messages", "your moderator role does not allow managing the team's people"
    ),
}


def allows(role: str, action: str) -> bool:
    return action in ALLOWED.get(role, frozenset())


def why_not(role: str, action: str) -> Message | None:
    """The sentence saying ``role`` may not do ``action``; None when it may."""
    if allows(role, action):
        return None
    return Message(T_WHY_NOT[(role, action)])


def require(store: Store, action: str) -> None:
    """Refuse ``action`` in one sentence, before trying it, when the person's role lacks it
    (a data file: one person, every right)."""
    if not store.is_team:
        return
    role = current_role(store)
    refused = why_not(role, action)
    if refused is not None:
        raise RoleRefused(refused, role)
