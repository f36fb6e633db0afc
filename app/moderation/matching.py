"""Graduate match: is the person behind a request one of the association's members?

Strongest first:

``known``     the same email address (case-insensitive; the ``lower(email)`` index) or the
              same LinkedIn profile (the ``linkedin_key`` index);
``probable``  a near name with a class year within one year: accents and case folded,
              first and last names in either order, compound names with or without their
              hyphens and spaces ("Le Goff" = "Legoff", "Jean Pierre" = "Jean-Pierre"), a
              maiden name given as "née X", one or two typos; with a confidence;
``unknown``   none of these.

Speed (1,000 requests against 1,000,000 members in well under a second): the distinct folded
names (``member.sort_name``; some 45,000 for a million demo members) are read once from their
covering index into a token index; each request is compared only with the names sharing one
of its words, in C (rapidfuzz), then the members carrying the near names are fetched by the
same index and filtered by class year in Python.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import sqlalchemy as sa
from rapidfuzz import fuzz, process

from app.store.schema import member
from app.text import fold, linkedin_key

_SEP = "\x1f"
_WORD = re.compile(r"[a-z0-9]+")
_NOT_ALNUM = re.compile(r"[^a-z0-9]+")
# "Marie Dupont née Martin", "Marie Dupont (née Martin)", "Marie Dupont ep. Martin".
_MAIDEN = re.compile(r"\(?\b(?:nee|ne|born|epouse|ep|married)\b\.?\s+([^()]+)\)?")
# Too common to find candidates by (every "de La Fontaine" shares "de"); still compared.
_PARTICLES = frozenset(
    {"de", "du", "des", "la", "le", "les", "d", "l", "van", "von", "den", "der", "da", "dos",
     "el", "ben", "nee", "epouse", "ep", "o", "mc", "st", "saint"}
)  # fmt: skip
# A name at least this alike (0–100, rapidfuzz ratio of the compacted names) is "near".
NEAR = 86.0
# Members listed for one request at most (homonyms in a big class).
MAX_MATCHES = 5
# Without a claimed class year a name alone proves little: exact names carried by at most
# this many members are still proposed, with a low confidence.
MAX_HOMONYMS_WITHOUT_YEAR = 2
_CHUNK = 500


@dataclass(frozen=True, slots=True)
class Request:
    """Who asks: what the request says about the person."""

    name: str
    email: str | None = None
    profile_url: str | None = None
    promo: int | None = None


@dataclass(slots=True)
class Match:
    match: str = "unknown"  # known, probable, unknown
    confidence: float = 0.0
    member_ids: list[int] = field(default_factory=list)
    how: str = ""  # email, linkedin, name, swapped, maiden, near
    promo_gap: int | None = None
    homonyms: int = 0  # members carrying exactly this name (no class year given)
    member_promo: int | None = None  # the class year of the best matched member


def compact(text: str) -> str:
    """Folded letters and digits only: "Le Goff" and "Legoff" agree."""
    return _NOT_ALNUM.sub("", fold(text))


def name_variants(name: str) -> list[list[str]]:
    """The folded word lists a request name may stand for: as given, and with a maiden
    name ("née X") in place of each word of the married name."""
    folded = fold(name)
    maiden = _MAIDEN.search(folded)
    main = _WORD.findall(_MAIDEN.sub(" ", folded) if maiden else folded)
    variants = [main] if main else []
    if maiden:
        born = _WORD.findall(maiden.group(1))
        if born and main:
            # The maiden name replaces the married last name, which may be any of the words.
            for i in range(len(main)):
                variants.append([*main[:i], *main[i + 1 :], *born])
        elif born:
            variants.append(born)
    return variants


class NameIndex:
    """The distinct member names of the store, searchable by word and by near spelling."""

    def __init__(self, sort_names: Iterable[str]) -> None:
        self.names: list[str] = []
        self.orders: list[tuple[str, str]] = []  # compacted "first last", "last first"
        self.words: list[frozenset[str]] = []
        self.by_word: dict[str, list[int]] = {}
        self.exact: dict[str, int] = {}
        for name in sort_names:
            last, _, first = name.partition(_SEP)
            if not (last or first):
                continue
            index = len(self.names)
            self.names.append(name)
            c_first, c_last = _NOT_ALNUM.sub("", first), _NOT_ALNUM.sub("", last)
            self.orders.append((c_first + c_last, c_last + c_first))
            # A maiden name kept in the last name ("Dupont née Martin") is a word too.
            words = set(_WORD.findall(first)) | set(_WORD.findall(last))
            words |= {c_first, c_last}
            words.discard("")
            self.words.append(frozenset(words))
            self.exact.setdefault(c_first + c_last, index)
            for word in words:
                if len(word) >= 3 and word not in _PARTICLES:
                    self.by_word.setdefault(word, []).append(index)
            maiden = _MAIDEN.search(last)
            if maiden:
                born = _NOT_ALNUM.sub("", maiden.group(1))
                self.exact.setdefault(c_first + born, index)

    @classmethod
    def load(cls, conn: sa.Connection) -> NameIndex:
        # DISTINCT over ix_member_sort_name: a covering-index scan (0.1 s at 1M members).
        rows = conn.execute(sa.select(member.c.sort_name).distinct())
        return cls(name for (name,) in rows)

    def near(self, name: str) -> list[tuple[str, float, str]]:
        """(sort_name, similarity 0–100, how) of the names near ``name``, best first."""
        found: dict[int, tuple[float, str]] = {}
        for number, words in enumerate(name_variants(name)):
            how = "maiden" if number else "name"
            joined = "".join(words)
            if not joined:
                continue
            candidates: set[int] = set()
            for word in words:
                candidates.update(self.by_word.get(word, ()))
            for i in range(len(words) + 1):  # every split of the words, both orders
                for key in ("".join(words[:i]) + "".join(words[i:]),
                            "".join(words[i:]) + "".join(words[:i])):  # fmt: skip
                    if key in self.exact:
                        candidates.add(self.exact[key])
            if not candidates and len(words) == 1:
                # One word that no name has: a typo glued first and last names together
                # ("EmilieDupont"); compare it with every name, in C.
                candidates = set(range(len(self.names)))
            ordered = sorted(candidates)
            wanted = set(words)
            for order in (0, 1):
                choices = [self.orders[i][order] for i in ordered]
                for _, score, position in process.extract(
                    joined, choices, scorer=fuzz.ratio, score_cutoff=NEAR - 10, limit=None
                ):
                    index = ordered[position]
                    label = how if order == 0 or how == "maiden" else "swapped"
                    score = float(score)
                    if score < NEAR and len(wanted) >= 2 and wanted <= self.words[index]:
                        # Part of a compound name: "Marie Lacombe" for "Marie Lacombe-Durand".
                        score, label = NEAR + 2, "compound"
                    if score < NEAR:
                        continue
                    if score == 100 and label == "swapped" and self.orders[index][0] == joined:
                        label = how
                    if index not in found or found[index][0] < score:
                        found[index] = (score, label)
        return sorted(((self.names[i], s, h) for i, (s, h) in found.items()), key=lambda f: -f[1])


def match_requests(
    conn: sa.Connection, requests: Sequence[Request], index: NameIndex | None = None
) -> list[Match]:
    """The graduate match of each request, in order. Read-only."""
    results = [Match() for _ in requests]
    emails = {r.email.strip().lower() for r in requests if r.email and r.email.strip()}
    by_email = _ids_by(conn, sa.func.lower(member.c.email), emails)
    keys = {k for r in requests if (k := linkedin_key(r.profile_url))}
    by_linkedin = _ids_by(conn, member.c.linkedin_key, keys)

    pending: list[tuple[int, list[tuple[str, float, str]]]] = []
    for number, request in enumerate(requests):
        email = (request.email or "").strip().lower()
        profile = linkedin_key(request.profile_url)
        if email and email in by_email:
            results[number] = Match("known", 1.0, by_email[email][:MAX_MATCHES], "email")
        elif profile and profile in by_linkedin:
            results[number] = Match("known", 1.0, by_linkedin[profile][:MAX_MATCHES], "linkedin")
        elif request.name.strip():
            if index is None:
                index = NameIndex.load(conn)
            near = index.near(request.name)
            if near:
                pending.append((number, near))
    if not pending:
        return results

    wanted = {name for _, near in pending for name, _, _ in near}
    carriers: dict[str, list[tuple[int, int | None]]] = {}
    for chunk in _chunks(sorted(wanted)):
        stmt = sa.select(member.c.sort_name, member.c.id, member.c.promo).where(
            member.c.sort_name.in_(chunk)
        )
        for name, member_id, promo in conn.execute(stmt):
            carriers.setdefault(name, []).append((member_id, promo))
    for number, near in pending:
        results[number] = _best(requests[number], near, carriers)
    return results


def _best(
    request: Request,
    near: list[tuple[str, float, str]],
    carriers: dict[str, list[tuple[int, int | None]]],
) -> Match:
    # (confidence, id, gap, how, class year)
    scored: list[tuple[float, int, int | None, str, int]] = []
    if request.promo is None:
        exact = [(name, how) for name, score, how in near if score == 100]
        if len(exact) == 1:
            people = carriers.get(exact[0][0], [])
            if 0 < len(people) <= MAX_HOMONYMS_WITHOUT_YEAR:
                ids = sorted(i for i, _ in people)
                return Match("probable", 0.6, ids, exact[0][1], None, len(people))
            return Match("unknown", 0.0, [], "", None, len(people))
        return Match()
    for name, score, how in near:
        for member_id, promo in carriers.get(name, ()):
            if promo is None:
                continue
            gap = abs(promo - request.promo)
            if gap > 1:
                continue
            confidence = score / 100 - 0.06 * gap - (0.02 if how == "compound" else 0.0)
            scored.append((round(confidence, 2), member_id, gap, how, promo))
    if not scored:
        return Match()
    scored.sort(key=lambda s: (-s[0], s[1]))
    top = scored[0]
    ids = [s[1] for s in scored[:MAX_MATCHES]]
    return Match("probable", top[0], ids, top[3], top[2], member_promo=top[4])


def _ids_by(
    conn: sa.Connection, column: sa.ColumnElement[str], values: set[str]
) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for chunk in _chunks(sorted(values)):
        stmt = sa.select(column, member.c.id).where(column.in_(chunk)).order_by(member.c.id)
        for key, member_id in conn.execute(stmt):
            found.setdefault(key, []).append(member_id)
    return found


def _chunks(values: Sequence[str]) -> Iterable[Sequence[str]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]
