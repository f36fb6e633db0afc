"""The checks of a queued item, each an explained signal, and the suggestion they lead to.

A signal has a weight: positive ones count against the item (spam, selling, recruiting,
suspicious links…), zero ones only inform (a known graduate, already a member). The item's
score is the sum; the suggestion follows from the graduate match and the score:

* join request: previously rejected → review; score ≥ the reject score → reject; a known
  graduate, or a probable one with a confidence ≥ 0.9 → approve; an unknown person with a
  spam, selling or recruiting signal → reject; otherwise review;
* post or comment: score ≥ the reject score → reject; any signal with a weight → review;
  otherwise approve. A known graduate's post counts one point less (alumni share offers
  from their own employer, and that is welcome).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

import sqlalchemy as sa

from app.messages import QT_TRANSLATE_NOOP, Message
from app.moderation import matching
from app.moderation.settings import DEFAULTS
from app.store.schema import member, member_community, moderation_item
from app.text import fold

APPROVE_CONFIDENCE = 0.9
# A text shorter than this is too common ("Merci !") to call the same message spam.
MIN_REPEAT_LENGTH = 30
REPEATS = 3  # the same text this many times (with this one) is a signal

_LINK = re.compile(
    r"(?:https?://|www\.)[^\s<>\"')]+|\b(?:[a-z0-9-]+\.)+[a-z]{2,}/[^\s<>\"')]*", re.IGNORECASE
)
# A run starting "+<digit>" or "0<digit>", of digits and separators; a phone number when it
# holds 9 to 15 digits (a French 06 12 34 56 78, an international +44 20 7946 0958).
_PHONE = re.compile(r"(?<![\w+])(?:\+\d|0\d)[\d\s.()/-]{7,20}\d")
_SPACES = re.compile(r"\s+")

# Signal templates (the window translates them, the command line prints them as they are).
# A matched member is named ("Chloé Puech"), never numbered: the CM knows people, not ids.
T_KNOWN_EMAIL = QT_TRANSLATE_NOOP("Messages", "known graduate: same email as {0}")
T_KNOWN_LINKEDIN = QT_TRANSLATE_NOOP("Messages", "known graduate: same LinkedIn profile as {0}")
# By how the match was found (app.moderation.matching.Match.how).
T_PROBABLE = {
    "name": QT_TRANSLATE_NOOP(
        "Messages", "probable graduate ({0}% sure): near name of {1}, class of {2}"
    ),
    "swapped": QT_TRANSLATE_NOOP(
        "Messages",
        "probable graduate ({0}% sure): first and last names swapped of {1}, class of {2}",
    ),
    "maiden": QT_TRANSLATE_NOOP(
        "Messages", "probable graduate ({0}% sure): maiden name of {1}, class of {2}"
    ),
    "compound": QT_TRANSLATE_NOOP(
        "Messages",
        "probable graduate ({0}% sure): part of the compound name of {1}, class of {2}",
    ),
}
T_PROBABLE_NO_YEAR = QT_TRANSLATE_NOOP(
    "Messages",
    "probable graduate ({0}% sure): same name as {1}, class of {2} (the request gives no year)",
)
T_HOMONYMS = QT_TRANSLATE_NOOP(
    "Messages", "{0} members carry this name; no class year given to tell them apart"
)
T_UNKNOWN = QT_TRANSLATE_NOOP("Messages", "not found in the directory")
T_ALREADY_MEMBER = QT_TRANSLATE_NOOP("Messages", "already a member of this community")
T_PREVIOUSLY_REJECTED = QT_TRANSLATE_NOOP("Messages", "previously rejected on {0}: {1}")
T_MEMBER_REJECTED = QT_TRANSLATE_NOOP(
    "Messages", "{0} is marked as not a graduate (verification rejected)"
)
# The templates stored until the members were named (a member's id where the name is now):
# what is read back from the store is put into the words of today (see upgrade_stored).
_STORED_BY_ID = {
    "known graduate: same email as member #{0}": (T_KNOWN_EMAIL, 0),
    "known graduate: same LinkedIn profile as member #{0}": (T_KNOWN_LINKEDIN, 0),
    "probable graduate ({0}% sure): near name of member #{1}, class of {2}": (
        T_PROBABLE["name"], 1),
    "probable graduate ({0}% sure): first and last names swapped of member #{1}, class of {2}": (
        T_PROBABLE["swapped"], 1),
    "probable graduate ({0}% sure): maiden name of member #{1}, class of {2}": (
        T_PROBABLE["maiden"], 1),
    "probable graduate ({0}% sure): part of the compound name of member #{1}, class of {2}": (
        T_PROBABLE["compound"], 1),
    "probable graduate ({0}% sure): same name as member #{1}, no class year given": (
        T_PROBABLE_NO_YEAR, 1),
    "member #{0} is marked as not a graduate (verification rejected)": (
        T_MEMBER_REJECTED, 0),
}  # fmt: skip
T_RECRUITING = QT_TRANSLATE_NOOP("Messages", "recruiting words: {0}")
T_COMMERCIAL = QT_TRANSLATE_NOOP("Messages", "commercial words: {0}")
T_SPAM = QT_TRANSLATE_NOOP("Messages", "spam words: {0}")
T_LINKS = QT_TRANSLATE_NOOP("Messages", "{0} links")
T_SHORTENER = QT_TRANSLATE_NOOP("Messages", "shortened link: {0}")
T_BLOCKED = QT_TRANSLATE_NOOP("Messages", "blocked domain: {0}")
T_PHONE = QT_TRANSLATE_NOOP("Messages", "phone number in the text")
T_SHOUTING = QT_TRANSLATE_NOOP("Messages", "shouting (capitals or !!!)")
T_SAME_TEXT_COMMUNITIES = QT_TRANSLATE_NOOP("Messages", "same text sent to {0} communities")
T_SAME_TEXT_TIMES = QT_TRANSLATE_NOOP("Messages", "same text submitted {0} times")

_KEYWORD_CODES = {
    "keywords.recruiting": ("recruiting", T_RECRUITING, 2),
    "keywords.commercial": ("commercial", T_COMMERCIAL, 2),
    "keywords.spam": ("spam", T_SPAM, 3),
}


# The reasons the rules give their automatic decisions, stored as codes (migration 0009) and
# put into words when shown: "rule:score-above:6", "rule:known".
T_RULE_REJECT = QT_TRANSLATE_NOOP("Messages", "rule: score above {0}")
T_RULE_APPROVE = QT_TRANSLATE_NOOP("Messages", "rule: known graduate")
RULE_SCORE_ABOVE = "rule:score-above:"
RULE_KNOWN = "rule:known"


def reason_text(reason: str | None) -> str | None:
    """A stored reason as the user reads it: a rule's code as a Message (translated by the
    window), the CM's own words as they are."""
    if reason is None:
        return None
    if reason == RULE_KNOWN:
        return Message(T_RULE_APPROVE)
    if reason.startswith(RULE_SCORE_ABOVE):
        return Message(T_RULE_REJECT, reason[len(RULE_SCORE_ABOVE) :])
    return reason


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    template: str
    args: tuple[Any, ...] = ()
    weight: int = 0

    def message(self) -> Message:
        if self.code == "previously_rejected" and len(self.args) == 2:  # (day, reason)
            return Message(self.template, self.args[0], reason_text(self.args[1]))
        return Message(self.template, *self.args)

    def as_json(self) -> dict[str, Any]:
        return {"code": self.code, "template": self.template, "args": list(self.args),
                "weight": self.weight}  # fmt: skip

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Signal:
        return cls(data["code"], data["template"], tuple(data.get("args", ())), data["weight"])


@dataclass(frozen=True, slots=True)
class Facts:
    """What an item says, as the checks read it."""

    kind: str
    name: str
    email: str | None = None
    profile_url: str | None = None
    promo: int | None = None
    community_id: int | None = None
    text: str = ""
    item_id: int | None = None

    @property
    def text_key(self) -> str:
        return text_key(self.text)


@dataclass(slots=True)
class Assessment:
    match: str = "unknown"
    confidence: float = 0.0
    member_ids: list[int] = field(default_factory=list)
    signals: list[Signal] = field(default_factory=list)
    score: int = 0
    suggestion: str = "review"

    @property
    def matched_member_id(self) -> int | None:
        return self.member_ids[0] if self.member_ids else None


def text_key(text: str) -> str:
    """The text as "the same text" compares it: folded, spaces collapsed."""
    return _SPACES.sub(" ", fold(text)).strip()


@lru_cache(maxsize=32)
def _keyword_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    parts = []
    for word in words:
        folded = _SPACES.sub(" ", fold(word)).strip()
        if not folded or folded == "*":
            continue
        if folded.endswith("*"):
            parts.append(re.escape(folded[:-1]) + r"[\w'-]*")
        else:
            parts.append(re.escape(folded))
    if not parts:
        return None
    parts.sort(key=len, reverse=True)  # "offre d'emploi" before "offre"
    return re.compile(r"(?<![\w])(?:" + "|".join(parts) + r")(?![\w])")


def _host(link: str) -> str:
    url = link if "://" in link else "http://" + link
    try:
        host = (urlsplit(url).hostname or "").lower()
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def _in(host: str, domains: Sequence[str]) -> str | None:
    for domain in domains:
        d = domain.strip().lower().removeprefix("www.")
        if d and (host == d or host.endswith("." + d)):
            return d
    return None


def text_signals(text: str, settings: dict[str, Any] | None = None) -> list[Signal]:
    """Spam, selling and recruiting signals of a text alone."""
    settings = settings or DEFAULTS
    signals: list[Signal] = []
    if not text.strip():
        return signals
    folded = fold(text)
    for key, (code, template, weight) in _KEYWORD_CODES.items():
        pattern = _keyword_pattern(tuple(settings.get(key, ())))
        if pattern is None:
            continue
        found = list(dict.fromkeys(m.group(0) for m in pattern.finditer(folded)))
        if found:
            extra = min(2, len(found) - 1)
            signals.append(Signal(code, template, (", ".join(found[:5]),), weight + extra))

    links = [m.group(0) for m in _LINK.finditer(text)]
    allowed = settings.get("domains.allowed", ())
    counted = 0
    for link in links:
        host = _host(link)
        if not host or _in(host, allowed):
            continue
        counted += 1
        if shortener := _in(host, settings.get("domains.shorteners", ())):
            signals.append(Signal("shortener", T_SHORTENER, (shortener,), 2))
        elif blocked := _in(host, settings.get("domains.blocked", ())):
            signals.append(Signal("blocked_domain", T_BLOCKED, (blocked,), 3))
    if counted >= 3:
        signals.append(Signal("links", T_LINKS, (counted,), 1))
    if any(9 <= sum(c.isdigit() for c in m.group(0)) <= 15 for m in _PHONE.finditer(text)):
        signals.append(Signal("phone", T_PHONE, (), 1))
    letters = [c for c in text if c.isalpha()]
    capitals = sum(1 for c in letters if c.isupper())
    if (len(letters) >= 20 and capitals >= 0.6 * len(letters)) or "!!!" in text:
        signals.append(Signal("shouting", T_SHOUTING, (), 1))
    return signals


def assess(
    conn: sa.Connection,
    items: Sequence[Facts],
    settings: dict[str, Any] | None = None,
    index: matching.NameIndex | None = None,
) -> list[Assessment]:
    """Every item's graduate match, signals, score and suggestion. Read-only."""
    settings = settings or DEFAULTS
    requests = [matching.Request(f.name, f.email, f.profile_url, f.promo) for f in items]
    matches = matching.match_requests(conn, requests, index)
    top_ids = {m.member_ids[0] for m in matches if m.member_ids}
    memberships = _memberships(conn, top_ids)
    people = _members(conn, top_ids)
    rejected_members = _rejected_members(conn, top_ids)
    previous = _previous_rejections(conn, items, top_ids)
    repeats = _repeats(conn, items)
    results = []
    for facts, found in zip(items, matches, strict=True):
        top = found.member_ids[0] if found.member_ids else None
        name, year = people.get(top, ("?", None)) if top is not None else ("?", None)
        signals = _match_signals(facts, found, name, year)
        if (
            top is not None
            and facts.community_id is not None
            and ((top, facts.community_id) in memberships)
        ):
            signals.append(Signal("already_member", T_ALREADY_MEMBER))
        if top is not None and top in rejected_members:
            signals.append(Signal("member_rejected", T_MEMBER_REJECTED, (name,), 2))
        earlier = previous.get(_person_key(facts, top))
        if earlier is not None:
            day, reason = earlier
            signals.append(
                Signal("previously_rejected", T_PREVIOUSLY_REJECTED, (day, reason or "—"), 1)
            )
        signals.extend(text_signals(facts.text, settings))
        key = facts.text_key
        if len(key) >= MIN_REPEAT_LENGTH and key in repeats:
            communities, times = repeats[key]
            others = communities - {facts.community_id}
            if others:
                signals.append(
                    Signal("same_text_communities", T_SAME_TEXT_COMMUNITIES, (len(others) + 1,), 2)
                )
            if times >= REPEATS:
                signals.append(Signal("same_text_times", T_SAME_TEXT_TIMES, (times,), 2))
        results.append(_suggest(facts, found, signals, settings))
    return results


def _match_signals(
    facts: Facts, found: matching.Match, name: str, year: int | None
) -> list[Signal]:
    """The match as a signal; ``name`` and ``year``: the matched member's."""
    if found.match == "known":
        template = T_KNOWN_EMAIL if found.how == "email" else T_KNOWN_LINKEDIN
        return [Signal("known", template, (name,))]
    if found.match == "probable":
        percent = round(found.confidence * 100)
        if facts.promo is None:
            known = str(year) if year is not None else "?"
            return [Signal("probable", T_PROBABLE_NO_YEAR, (percent, name, known))]
        template = T_PROBABLE.get(found.how, T_PROBABLE["name"])
        return [Signal("probable", template, (percent, name, _member_year(facts, found)))]
    signals = [Signal("unknown", T_UNKNOWN)] if facts.kind == "join" else []
    if found.homonyms > matching.MAX_HOMONYMS_WITHOUT_YEAR:
        signals.append(Signal("homonyms", T_HOMONYMS, (found.homonyms,)))
    return signals


def _member_year(facts: Facts, found: matching.Match) -> str:
    return str(found.member_promo) if found.member_promo is not None else "?"


def _suggest(
    facts: Facts, found: matching.Match, signals: list[Signal], settings: dict[str, Any]
) -> Assessment:
    score = sum(s.weight for s in signals)
    content = sum(s.weight for s in signals if s.code in _CONTENT_CODES)
    threshold = int(settings.get("reject_score", DEFAULTS["reject_score"]))
    codes = {s.code for s in signals}
    if facts.kind == "join":
        if "previously_rejected" in codes or "member_rejected" in codes:
            suggestion = "review"
        elif score >= threshold:
            suggestion = "reject"
        elif found.match == "known" or (
            found.match == "probable" and found.confidence >= APPROVE_CONFIDENCE
        ):
            suggestion = "approve" if content == 0 else "review"
        elif found.match == "unknown" and content >= 2:
            suggestion = "reject"
        else:
            suggestion = "review"
    else:
        if found.match == "known" and score > 0:
            score -= 1
        suggestion = "reject" if score >= threshold else "review" if score > 0 else "approve"
    return Assessment(
        found.match, found.confidence, list(found.member_ids), signals, score, suggestion
    )


_CONTENT_CODES = frozenset(
    {"recruiting", "commercial", "spam", "shortener", "blocked_domain", "links", "phone",
     "shouting", "same_text_communities", "same_text_times"}
)  # fmt: skip


def _memberships(conn: sa.Connection, member_ids: set[int]) -> set[tuple[int, int]]:
    found: set[tuple[int, int]] = set()
    ids = sorted(member_ids)
    for start in range(0, len(ids), 500):
        stmt = sa.select(member_community.c.member_id, member_community.c.community_id).where(
            member_community.c.member_id.in_(ids[start : start + 500])
        )
        found.update((m, c) for m, c in conn.execute(stmt))
    return found


def upgrade_stored(conn: sa.Connection, signal_lists: Sequence[list[Signal]]) -> None:
    """Signals stored with a member's id put into today's words, with the member's name (in
    place; one read for all the lists)."""
    ids: set[int] = set()
    for signals in signal_lists:
        for s in signals:
            if s.template in _STORED_BY_ID:
                position = _STORED_BY_ID[s.template][1]
                if position < len(s.args) and isinstance(s.args[position], int):
                    ids.add(s.args[position])
    if not ids:
        return
    found = _members(conn, ids)
    for signals in signal_lists:
        for i, s in enumerate(signals):
            template, position = _STORED_BY_ID.get(s.template, (None, 0))
            if template is None or position >= len(s.args):
                continue
            member_id = s.args[position]
            args = list(s.args)
            name, year = found.get(member_id, ("?", None))
            args[position] = name
            if template == T_PROBABLE_NO_YEAR:
                args.append(str(year) if year is not None else "?")
            signals[i] = Signal(s.code, template, tuple(args), s.weight)


def _members(conn: sa.Connection, member_ids: set[int]) -> dict[int, tuple[str, int | None]]:
    """Member id → ("First Last", class year); the email for a member without a name, "?"
    without either."""
    ids = sorted(member_ids)
    found: dict[int, tuple[str, int | None]] = {}
    for start in range(0, len(ids), 500):
        stmt = sa.select(
            member.c.id, member.c.first_name, member.c.last_name, member.c.email, member.c.promo
        ).where(member.c.id.in_(ids[start : start + 500]))
        for member_id, first, last, email, promo in conn.execute(stmt):
            found[member_id] = (f"{first or ''} {last or ''}".strip() or email or "?", promo)
    return found


def _rejected_members(conn: sa.Connection, member_ids: set[int]) -> set[int]:
    ids = sorted(member_ids)
    found: set[int] = set()
    for start in range(0, len(ids), 500):
        stmt = sa.select(member.c.id).where(
            member.c.id.in_(ids[start : start + 500]), member.c.verification == "rejected"
        )
        found.update(i for (i,) in conn.execute(stmt))
    return found


def _person_key(facts: Facts, member_id: int | None) -> str:
    if facts.email and facts.email.strip():
        return "e:" + facts.email.strip().lower()
    if member_id is not None:
        return f"m:{member_id}"
    return "n:" + matching.compact(facts.name)


def _previous_rejections(
    conn: sa.Connection, items: Sequence[Facts], member_ids: set[int]
) -> dict[str, tuple[str, str | None]]:
    """Person key → (day, reason) of their latest rejected join request."""
    own = {f.item_id for f in items if f.item_id is not None}
    stmt = (
        sa.select(
            moderation_item.c.id,
            moderation_item.c.email,
            moderation_item.c.matched_member_id,
            moderation_item.c.name,
            moderation_item.c.decided_at,
            moderation_item.c.reason,
        )
        .where(moderation_item.c.status == "rejected", moderation_item.c.kind == "join")
        .order_by(moderation_item.c.decided_at)
    )
    found: dict[str, tuple[str, str | None]] = {}
    for item_id, email, matched, name, decided_at, reason in conn.execute(stmt):
        if item_id in own:
            continue
        day = (decided_at or "")[:10]
        keys = []
        if email:
            keys.append("e:" + email.strip().lower())
        if matched is not None and matched in member_ids:
            keys.append(f"m:{matched}")
        if not email:
            keys.append("n:" + matching.compact(name))
        for key in keys:
            found[key] = (day, reason)
    return found


def _repeats(conn: sa.Connection, items: Sequence[Facts]) -> dict[str, tuple[set[int | None], int]]:
    """Text key → (communities it was sent to, times it was received), over the queue."""
    keys = sorted({f.text_key for f in items if len(f.text_key) >= MIN_REPEAT_LENGTH})
    found: dict[str, tuple[set[int | None], int]] = {}
    for start in range(0, len(keys), 500):
        stmt = sa.select(moderation_item.c.text_key, moderation_item.c.community_id).where(
            moderation_item.c.text_key.in_(keys[start : start + 500])
        )
        for key, community_id in conn.execute(stmt):
            communities, times = found.get(key, (set(), 0))
            communities.add(community_id)
            found[key] = (communities, times + 1)
    # Items being added count too (a file sending one text to five groups).
    fresh = [f for f in items if f.item_id is None and len(f.text_key) >= MIN_REPEAT_LENGTH]
    for facts in fresh:
        communities, times = found.get(facts.text_key, (set(), 0))
        communities.add(facts.community_id)
        found[facts.text_key] = (communities, times)
    for facts in fresh:
        communities, times = found[facts.text_key]
        found[facts.text_key] = (communities, times + 1)
    return found
