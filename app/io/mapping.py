"""From a file's columns to member fields: header guessing and cleaning of each cell.

Headers are compared folded (no accents, no case, punctuation as spaces), so "Adresse
e-mail", "E-MAIL" and "email_address" meet. Cleaning is lenient on purpose: a value that
cannot be used is dropped with a warning instead of rejecting the row (DESIGN.md §5: only a
row with neither name nor email is rejected).

Decisions worth knowing:
- promo: the graduation year. "2005", "Promo 2005", "P05", "X98", "'05", "2005.0" give one
  year; a range ("2002-2005", "2002/05") gives its last year (the year of graduation); with
  several years the latest wins. Two-digit years are 20yy up to six years ahead, else 19yy.
- dues_last_year: the latest four-digit year in the cell ("2024", "2024-2025" → 2025,
  "payée le 12/03/2024" → 2024, "cotisation 2026" → 2026); without a year, "payée", "payé",
  "à jour", "réglée", "oui" mean this year and "non", "impayée" not paid (no year); amounts
  give a warning, never a guess.
- consent: yes/oui/1/true/x/subscribed… → True, no/non/0/false/unsubscribed/cleaned/pending…
  → False, empty → not set (so an existing choice is never cleared by a blank cell).
  A Mailchimp ZIP's file (``values["__consent"]``) wins over any column.
- connected_on (LinkedIn "Connected On"): recognised so the column shows as understood, but
  not stored: there is no member field for it, and writing it into notes would turn every
  re-import against edited notes into a conflict.
- birthday: a date without its year (vCard "--0312", Mailchimp "03/12", Apple's 1604) is
  given as "--MM-DD", which validation stores as 0000-MM-DD (wished, no age computed).
- full_name is split only when the row has neither a first nor a last name: "Dupont, Jean",
  "DUPONT Jean" (capitals mark the family name), "Jean de La Fontaine" (particles start it),
  else the last word is the family name; a single word is a first name ("Maman" in a phone).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import date
from functools import lru_cache, partial
from typing import Any
from urllib.parse import unquote, urlsplit

from app import clock
from app.io.rows import SourceRow
from app.members import fields
from app.members.validation import MAX_TEXT
from app.messages import QT_TRANSLATE_NOOP, Message
from app.text import fold, is_linkedin_host

# The member fields an import fills, and the two that only an import knows (full name,
# LinkedIn's "Connected On"), all described in app.members.fields.
_MEMBER_FIELDS = fields.importable()
FIELDS: tuple[str, ...] = (*_MEMBER_FIELDS[:2], "full_name", *_MEMBER_FIELDS[2:], "connected_on")

Record = tuple[dict[str, Any], list[str], list[str]]


def _words(table: dict[str, str]) -> dict[str, str]:
    """{"field": "a|b"} → {"a": "field", "b": "field"}: tables stay readable one line a field."""
    return {phrase: key for key, phrases in table.items() for phrase in phrases.split("|")}


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split("|"))


# Folded header → field (Mailchimp merge tags such as FNAME and camelCase names included).
_EXACT = fields.header_aliases((*fields.FIELDS, *fields.IMPORT_ONLY))
# Columns that name a known field's word but hold something else (Mailchimp's system
# columns: OPTIN_TIME is a date, not a consent).
_IGNORED = _set(
    "optin time|optin ip|confirm time|confirm ip|member rating|last changed|leid|euid|"
    "unsub time|unsub campaign title|unsub campaign id|unsub reason|unsub reason other|"
    "clean time|clean campaign title|clean campaign id|gmtoff|dstoff|timezone|latitude|"
    "longitude|marketing permissions|adresse|address|code postal|postal code|zip"
)
# Per preset, some words mean something else: LinkedIn's URL is the profile; Mailchimp's
# REGION and CC come from IP geolocation and its Status is the subscription.
_PRESET_EXACT: dict[str, dict[str, str | None]] = {
    "linkedin": {"url": "linkedin_url", "position": "job_title"},
    "mailchimp": {
        "region": None, "cc": None, "address": None, "status": "consent",
        "email marketing": "consent", "email marketing status": "consent",
    },
}  # fmt: skip
# When no phrase matches, a word of the header decides, in this order ("Nom de l'entreprise"
# is a company, "Adresse e-mail pro" an email, "Lieu de naissance" nothing).
_WORD_RULES: tuple[tuple[frozenset[str], str], ...] = tuple(
    (_set(words), key)
    for key, words in (
        ("linkedin_url", "linkedin"),
        ("email", "email|mail|courriel|emails"),
        ("phone", "telephone|tel|phone|mobile|portable|gsm"),
        ("birthday", "anniversaire|birthday|birthdate|dob"),
        ("dues_last_year", "cotisation|dues"),
        ("promo", "promo|promotion|graduation"),
        ("first_name", "prenom|prenoms|firstname"),
        ("city", "ville|city|commune"),
        ("country", "pays|country"),
        ("region", "region"),
        ("company", "entreprise|societe|employeur|company|employer|organisation"),
        ("job_title", "poste|fonction|job"),
        ("school", "ecole|school|formation|diplome|cursus"),
        ("consent", "consentement|newsletter|optin|rgpd|consent"),
        ("tags", "tags|etiquettes"),
        ("notes", "notes|commentaire|commentaires|remarque|remarques"),
    )
)
_NON_ALNUM = re.compile(r"[^a-z0-9]+")


def fold_header(header: str) -> str:
    """The comparable form of a header: folded, punctuation and spaces collapsed."""
    return _NON_ALNUM.sub(" ", fold(header.replace("\ufeff", ""))).strip()


def _guess_one(folded: str, preset: str) -> str | None:
    special = _PRESET_EXACT.get(preset, {})
    if folded in special:
        return special[folded]
    if folded in _EXACT:
        return _EXACT[folded]
    if folded in _IGNORED:
        return None
    words = set(folded.split())
    if preset == "linkedin" and "url" in words:
        return "linkedin_url"
    if "date" in words and ("naissance" in words or "birth" in words):
        return "birthday"
    if words & {"annee", "date"} and words & {"diplome", "diplomation", "sortie"}:
        return "promo"
    for keys, field in _WORD_RULES:
        if words & keys:
            return field
    if "nom" in words and words & {"famille", "usage", "naissance"}:
        return "last_name"
    if "name" in words and words & {"last", "family"}:
        return "last_name"
    if "name" in words and words & {"first", "given"}:
        return "first_name"
    return None


def guess_mapping(headers: list[str], preset: str) -> dict[str, str | None]:
    """Each header → the field it most likely holds, or None; a field is used once at most."""
    taken: set[str] = set()
    out: dict[str, str | None] = {}
    for header in headers:
        field = _guess_one(fold_header(header), preset)
        if field is not None and field in taken:
            field = None
        if field is not None:
            taken.add(field)
        out[header] = field
    return out


def mapping_key(headers: list[str]) -> str:
    """A stable key for a set of headers (order, case and accents ignored)."""
    joined = "\x1f".join(sorted(fold_header(h) for h in headers))
    return hashlib.sha256(joined.encode("utf-8")).hexdigest()[:32]


# --- tags ---------------------------------------------------------------------------------

_TAG_SEPARATORS = re.compile(r"[,;|\r\n]")


def split_tags(value: str) -> list[str]:
    """Tags of a cell: separated by , ; | or new lines, quotes protect (Mailchimp's TAGS)."""
    if '"' in value:
        parts: list[str] = []
        buf: list[str] = []
        quoted = False
        for ch in value:
            if ch == '"':
                quoted = not quoted
            elif not quoted and ch in ",;|\r\n":
                parts.append("".join(buf))
                buf = []
            else:
                buf.append(ch)
        parts.append("".join(buf))
    else:
        parts = _TAG_SEPARATORS.split(value)
    tags: list[str] = []
    seen: set[str] = set()
    for part in parts:
        tag = " ".join(part.split())
        key = fold(tag)
        if tag and key not in seen:
            seen.add(key)
            tags.append(tag)
    return tags


# --- LinkedIn -----------------------------------------------------------------------------


_PROFILE_PREFIX = "https://www.linkedin.com/in/"
# The canonical address itself: what urlsplit, unquote and lower() would leave unchanged.
_CANONICAL_PROFILE = re.compile(r"https://www\.linkedin\.com/in/([a-z0-9_.~\-]+)/?")


def normalise_linkedin(url: str) -> str | None:
    """The canonical profile address ``https://www.linkedin.com/in/slug``, or None.

    Scheme, www./country sub-domains, query, fragment, trailing parts ("/en", "/details/…")
    and case do not matter, so the same person always gives the same string.
    """
    text = url.strip()
    if not text:
        return None
    if canonical := _CANONICAL_PROFILE.fullmatch(text):  # most files: nothing to take apart
        return _PROFILE_PREFIX + canonical[1]
    if "://" not in text:
        text = "https://" + text.lstrip("/")
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").lower()
    except ValueError:
        return None
    if not is_linkedin_host(host):
        return None
    segments = [unquote(s).strip().lower() for s in parts.path.split("/") if s.strip()]
    if segments and segments[0] in ("mwlite", "m"):
        segments = segments[1:]
    if len(segments) >= 2 and segments[0] == "in":
        return _PROFILE_PREFIX + segments[1]
    if len(segments) >= 2 and segments[0] == "pub":
        return "https://www.linkedin.com/pub/" + "/".join(segments[1:])
    return None


# --- dates --------------------------------------------------------------------------------

_MONTHS = _words(
    {
        "1": "jan|janv|janvier|january",
        "2": "feb|fev|fevr|fevrier|february",
        "3": "mar|mars|march",
        "4": "apr|avr|avril|april",
        "5": "may|mai",
        "6": "jun|juin|june",
        "7": "jul|juil|juillet|july",
        "8": "aug|aou|aout|august",
        "9": "sep|sept|septembre|september",
        "10": "oct|octobre|october",
        "11": "nov|novembre|november",
        "12": "dec|decembre|december",
    }
)
# Ordinals, articles and weekdays around a written date ("lundi 1er mars", "Tuesday 12th").
_NOISE_WORDS = _set(
    "er|le|the|of|st|nd|rd|th|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|lun|mer|"
    "jeu|ven|sam|dim|mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|"
    "thursday|friday|saturday|sunday"
)
_NO_YEAR = re.compile(r"--(\d\d)-?(\d\d)")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T ].*)?")
_BASIC = re.compile(r"(\d{4})(\d\d)(\d\d)(?:T.*)?")
_DMY = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d\d)(?:[T ].*)?")
_DM = re.compile(r"(\d{1,2})[/.](\d{1,2})")
_TOKENS = re.compile(r"[a-z]+|\d+")


def _full_year(year: int, today: date) -> int:
    if year >= 100:
        return year
    return 2000 + year if year <= today.year % 100 else 1900 + year


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _month_day(month: int, day: int) -> str | None:
    # 2000 is a leap year, so --02-29 is allowed.
    return f"--{month:02d}-{day:02d}" if _iso(2000, month, day) else None


def _day_first(first: int, second: int) -> tuple[int, int]:
    """(day, month) of a numeric date, day first unless only month first is possible."""
    if second > 12 and first <= 12:
        return second, first
    return first, second


def parse_date(value: str, today: date | None = None) -> str | None:
    """A date as people and programs write it → "YYYY-MM-DD", or "--MM-DD" without a year.

    Numeric dates are read day first (French), unless only month first makes sense
    ("03/25/2024"); two-digit years are 20yy up to this year, else 19yy.
    """
    text = value.strip()
    if not text:
        return None
    today = today or clock.today()
    if text[:2] == "--" or text[:5] == "0000-":  # 0000: how the store writes "no year"
        m = _NO_YEAR.fullmatch(text if text[:2] == "--" else "--" + text[5:])
        return _month_day(int(m[1]), int(m[2])) if m else None
    if text[:4].isdigit():
        if m := _ISO.fullmatch(text) or _BASIC.fullmatch(text):
            return _iso(int(m[1]), int(m[2]), int(m[3]))
    elif text[:1].isdigit():
        if m := _DMY.fullmatch(text):
            day, month = _day_first(int(m[1]), int(m[2]))
            return _iso(_full_year(int(m[3]), today), month, day)
        if m := _DM.fullmatch(text):
            day, month = _day_first(int(m[1]), int(m[2]))
            return _month_day(month, day)
    tokens = [t for t in _TOKENS.findall(fold(text)) if t not in _NOISE_WORDS]
    months = [t for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    if len(months) != 1 or months[0] not in _MONTHS or not 1 <= len(numbers) <= 2:
        return None
    month = int(_MONTHS[months[0]])
    if len(numbers) == 1:
        day = int(numbers[0])
        return _month_day(month, day) if len(numbers[0]) <= 2 else None
    a, b = numbers
    if len(a) == 4 or (len(b) <= 2 and int(a) > 31):
        a, b = b, a  # "2024 March 12"
    if len(a) > 2:
        return None
    return _iso(_full_year(int(b), today), month, int(a))


# --- years (promo, dues) ------------------------------------------------------------------

_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)\s*(?:-|/|–|—|à|to|a)\s*((?:19|20)?\d\d)\b")
_YEARS = re.compile(r"(?<!\d)((?:19|20)\d\d)(?!\d)")
_SHORT_PROMO = re.compile(r"(?:p|x|promo|promotion|class of|c)?\s*'?\s*(\d\d)")


def _latest_year(text: str) -> int | None:
    years = [int(y) for y in _YEARS.findall(text)]
    for start, end in _YEAR_RANGE.findall(text):
        years.append(int(end) if len(end) == 4 else int(start[:2] + end))
    return max(years) if years else None


def parse_promo(value: str, today: date | None = None) -> int | None:
    """The graduation year in a promo cell (see the module docstring), or None."""
    text = value.strip()
    if len(text) == 4 and text.isdigit():
        return int(text)
    text = fold(text)
    if not text:
        return None
    if text.endswith(".0") and text[:-2].isdigit():
        text = text[:-2]
    year = _latest_year(text)
    if year is not None:
        return year
    if m := _SHORT_PROMO.fullmatch(text):
        # A class year may lie a few years ahead (students), unlike a birth year.
        pivot = ((today or clock.today()).year + 6) % 100
        short = int(m[1])
        return 2000 + short if short <= pivot else 1900 + short
    return None


# --- cleaning a row -----------------------------------------------------------------------

_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
# validation's rule in one pass: 6 to 30 of digits and separators, at least six digits.
_PHONE = re.compile(r"\+?(?=(?:[^\d]*\d){6})[\d\s().\-/]{6,30}")
_PHONE_SPLIT = re.compile(r"\s*(?:[;,|]|\s/\s|\bou\b|\bor\b)\s*")
_MULTI_EMAIL = re.compile(r"[\s;,]+")

_TRUE = _set(
    "yes|oui|y|o|1|true|vrai|x|subscribed|abonne|abonnee|inscrit|inscrite|opt in|optin|"
    "opted in|ok|d accord|accepte|consent|consentement"
)
_FALSE = _set(
    "no|non|n|0|false|faux|unsubscribed|cleaned|non subscribed|nonsubscribed|desabonne|"
    "desabonnee|desinscrit|desinscrite|opt out|optout|opted out|refus|refuse|pending|"
    "transactional|archived"
)
_STATUS_WORDS = _words(
    {
        "member": "member|membre|adherent|adherente|actif|active|cotisant",
        "former": "former|former member|ancien|ancienne|ancien membre|ex membre|inactif|inactive",
        "lost": "lost|lost touch|lost contact|perdu|perdue|perdu de vue|perdue de vue|"
        "injoignable|npai",
    }
)
_VERIFICATION_WORDS = _words(
    {
        "verified": "verified|verifie|verifiee|oui|yes|true|1|vrai",
        "unverified": "unverified|non verifie|non verifiee|a verifier|no|non|false|0|faux",
        "rejected": "rejected|rejete|rejetee|refuse|refusee",
    }
)
_TITLES = _set("m|mr|mme|mlle|mrs|ms|miss|dr|pr|me|monsieur|madame|mademoiselle")
# Words that start a family name: "Jean de La Fontaine", "Anne Van Damme".
_PARTICLES = _set("de|du|des|le|la|van|von|der|den|da|di|del|della|dos|das|ben|bin|el|al|ter|ten")


# How a dues cell says "paid this year" (True) or "not paid" (False), folded.
_DUES_WORDS = {
    **dict.fromkeys(
        _set(
            "paye|payee|payes|payees|paid|a jour|up to date|regle|reglee|acquitte|acquittee|"
            "oui|yes|ok|x|vrai|true|cotisant|cotisante|adherent|adherente"
        ),
        True,
    ),
    **dict.fromkeys(
        _set(
            "non|no|non paye|non payee|impaye|impayee|unpaid|pas a jour|non a jour|en retard|"
            "a relancer|faux|false|aucune|none"
        ),
        False,
    ),
}


class CellWarning(Message):
    """A warning about one cell: the field it was for and the text the file had (what a
    "to fix" note keeps of a value not imported as it was)."""

    field: str
    value: str

    def __new__(cls, field: str, value: str, template: str, *args: Any) -> CellWarning:
        text = super().__new__(cls, template, *args)
        assert isinstance(text, CellWarning)
        text.field = field
        text.value = value
        return text


def _w(template: str, *args: Any) -> str:
    return Message(template, *args)


def _cell(field: str, value: str, template: str, *args: Any) -> str:
    return CellWarning(field, value, template, *args)


def _short(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "…"


@lru_cache(maxsize=256)
def parse_consent(value: str) -> bool | None:
    """True/False for the usual ways of saying yes and no (subscriptions included), or None."""
    text = value.strip()
    if text in ("✓", "✔", "☑", "☒"):
        return text != "☒"
    key = fold_header(text)
    if key in _TRUE:
        return True
    if key in _FALSE:
        return False
    return None


def split_full_name(full: str) -> tuple[str, str]:
    """(first name, last name) of a name written in one cell (see the module docstring)."""
    if "," in full:
        family, _, given = full.partition(",")
        return " ".join(given.split()), " ".join(family.split())
    words = full.split()
    while len(words) > 1 and fold(words[0]).rstrip(".") in _TITLES:
        words = words[1:]
    if not words:
        return "", ""
    if len(words) == 1:
        word = words[0]
        letters = [c for c in word if c.isalpha()]
        if len(letters) >= 2 and word.isupper():
            return "", word
        return word, ""
    capitals = [len([c for c in w if c.isalpha()]) >= 2 and w.isupper() for w in words]
    if any(capitals) and not all(capitals):
        last = [w for w, cap in zip(words, capitals, strict=True) if cap]
        first = [w for w, cap in zip(words, capitals, strict=True) if not cap]
        return " ".join(first), " ".join(last)
    for i in range(1, len(words)):
        word = fold(words[i])
        elided = word.startswith(("d'", "d’"))  # "Charles d'Artagnan"
        if elided or (word in _PARTICLES and i < len(words) - 1):
            return " ".join(words[:i]), " ".join(words[i:])
    return " ".join(words[:-1]), words[-1]


_PLAIN, _MULTILINE, _TAGS, _FULL_NAME, _HANDLED = range(5)
# (header, field, kind, handler, the values already cleaned by text or None)
_Step = tuple[str, str, int, Callable[[str, list[str]], Any], dict[str, Any] | None]
_MOSTLY_UNIQUE = frozenset({"email", "phone", "linkedin_url"})
_MEMO_SIZE = 100_000  # distinct texts remembered per column
_UNSEEN = object()


class _Cleaner:
    """One mapping, compiled: to_record runs once per row, so the per-row work stays small."""

    def __init__(self, mapping: tuple[tuple[str, str | None], ...], preset: str) -> None:
        self.preset = preset
        self.today = clock.today()
        self.today_iso = self.today.isoformat()
        self.steps: list[_Step] = []
        for header, field in mapping:
            if field is None or field not in _HANDLERS:
                continue
            method = _HANDLERS[field]
            kind = _PLAIN if method is None else _HANDLED
            if field in ("notes", "tags", "full_name"):
                kind = {"notes": _MULTILINE, "tags": _TAGS, "full_name": _FULL_NAME}[field]
            bound = self.ignore if method is None else partial(method, self)
            # A cell's value depends on its text alone: columns that repeat their values
            # (names, cities, years, dates) are cleaned once per distinct text.
            memo: dict[str, Any] | None = None
            if kind in (_PLAIN, _HANDLED) and field not in _MOSTLY_UNIQUE:
                memo = {}
            self.steps.append((header, field, kind, bound, memo))

    def __call__(self, row: SourceRow) -> Record:
        record, tags, warnings, _ = self.clean(row)
        return record, tags, warnings

    def clean(self, row: SourceRow) -> tuple[dict[str, Any], list[str], list[str], bool]:
        """The record, its tags and warnings, and whether it is *settled*: each value is
        already what validation.normalise (with this cleaner's day) returns for it, but for
        a birthday without its year, written "--MM-DD" here and "0000-MM-DD" there.

        Every value a handler keeps passes validation by construction, and every text is
        stripped, except after the two rare rewrites that may leave a space at one end (a
        neutralising quote removed, a text cut): those rows are not settled.
        """
        values = row.values
        record: dict[str, Any] = {}
        tags: list[str] = []
        warnings: list[str] = []
        full = ""
        limit = MAX_TEXT
        settled = True
        for header, field, kind, handler, memo in self.steps:
            text = values.get(header)
            if not text:
                continue
            if memo is not None:
                value = memo.get(text, _UNSEEN)
                if value is not _UNSEEN:
                    if value is not None:
                        record[field] = value
                    continue
                raw = text
                warned = len(warnings)
            text = text.strip()
            if not text:
                continue
            if text[0] == "'" and len(text) > 1 and text[1] in "=+-@\t\r":
                text = text[1:]  # neutralised by an export (ours or a spreadsheet's)
                settled = False
                memo = None
            if len(text) > limit:
                text = self.cut(field, text, warnings)
                settled = False
                memo = None
            if kind == 0:  # _PLAIN
                if "\n" in text or "\r" in text or "\t" in text:
                    text = " ".join(text.split())
                record[field] = text
                if memo is not None and len(memo) < _MEMO_SIZE:
                    memo[raw] = text
            elif kind == 4:  # _HANDLED
                value = handler(text, warnings)
                if value is not None:
                    record[field] = value
                if memo is not None and len(warnings) == warned and len(memo) < _MEMO_SIZE:
                    memo[raw] = value  # without a warning only: warnings are per row
            elif kind == 2:  # _TAGS (split_tags leaves no two alike)
                split = _split_tags_cached(text)
                if tags:
                    tags.extend(t for t in split if t not in tags)
                else:
                    tags = list(split)
            elif kind == 3:  # _FULL_NAME
                full = text
            else:  # _MULTILINE (notes): one kind of line break
                if "\r" in text:
                    text = text.replace("\r\n", "\n").replace("\r", "\n")
                record[field] = text
        if full and not record.get("first_name") and not record.get("last_name"):
            first, last = split_full_name(" ".join(full.split()))
            if first:
                record["first_name"] = first
            if last:
                record["last_name"] = last
        consent = values.get("__consent")
        if consent:
            flag = parse_consent(consent)
            if flag is not None:
                record["consent"] = flag
        extra = values.get("__extra")
        if extra:
            warnings.append(
                _w(
                    QT_TRANSLATE_NOOP("Messages", "{0} cell(s) beyond the last column ignored"),
                    extra,
                )
            )
        return record, tags, warnings, settled

    @staticmethod
    def cut(field: str, text: str, warnings: list[str]) -> str:
        warnings.append(
            _w(QT_TRANSLATE_NOOP("Messages", "{0}: over {1} characters, cut"), field, MAX_TEXT)
        )
        return text[:MAX_TEXT]

    def email(self, text: str, warnings: list[str]) -> str | None:
        if text[0] in "mM<":  # "mailto:x@y.fr", "<x@y.fr>"
            if text[:7].lower() == "mailto:":
                text = text[7:]
            text = text.strip("<> ")
        if _EMAIL.fullmatch(text):
            return text
        found = [p.strip("<>") for p in _MULTI_EMAIL.split(text) if _EMAIL.fullmatch(p.strip("<>"))]
        if found:
            warnings.append(
                _cell(
                    "email",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "email: kept {0} from '{1}'"),
                    found[0],
                    _short(text),
                )
            )
            return found[0]
        warnings.append(
            _cell(
                "email",
                text,
                QT_TRANSLATE_NOOP("Messages", "email: '{0}' is not an email address; ignored"),
                _short(text),
            )
        )
        return None

    def phone(self, text: str, warnings: list[str]) -> str | None:
        if _phone_ok(text):
            return text
        for part in _PHONE_SPLIT.split(text):
            if _phone_ok(part):
                warnings.append(
                    _cell(
                        "phone",
                        text,
                        QT_TRANSLATE_NOOP("Messages", "phone: several numbers, kept {0}"),
                        part,
                    )
                )
                return part
        warnings.append(
            _cell(
                "phone",
                text,
                QT_TRANSLATE_NOOP("Messages", "phone: '{0}' is not a phone number; ignored"),
                _short(text),
            )
        )
        return None

    def promo(self, text: str, warnings: list[str]) -> int | None:
        year = _parse_promo_cached(text, self.today)
        if year is None or not 1900 <= year <= self.today.year + 6:
            warnings.append(
                _cell(
                    "promo",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "promo: '{0}' is not a class year; ignored"),
                    _short(text),
                )
            )
            return None
        return year

    def dues(self, text: str, warnings: list[str]) -> int | None:
        year = int(text) if len(text) == 4 and text.isdigit() else _latest_year(text)
        if year is None:
            said = _DUES_WORDS.get(_folded_value(text))
            if said is not None:  # "payée", "à jour": this year; "non": not paid (no year)
                return self.today.year if said else None
        if year is None or not 1900 <= year <= self.today.year + 1:
            warnings.append(
                _cell(
                    "dues_last_year",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "dues: '{0}' names no year; ignored"),
                    _short(text),
                )
            )
            return None
        return year

    def birthday(self, text: str, warnings: list[str]) -> str | None:
        if self.preset == "mailchimp" and (m := _DM.fullmatch(text)):
            text = f"--{int(m[1]):02d}-{int(m[2]):02d}"  # Mailchimp writes MM/DD
        day = _parse_date_cached(text, self.today)
        if day is None:
            warnings.append(
                _cell(
                    "birthday",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "birthday: '{0}' is not a date; ignored"),
                    _short(text),
                )
            )
            return None
        if day.startswith("--"):
            return day  # validation keeps it as 0000-MM-DD: wished, but no age
        if not "1900-01-01" <= day <= self.today_iso:
            warnings.append(
                _cell(
                    "birthday",
                    text,
                    QT_TRANSLATE_NOOP(
                        "Messages", "birthday: {0} is not a possible birthday; ignored"
                    ),
                    day,
                )
            )
            return None
        return day

    def linkedin(self, text: str, warnings: list[str]) -> str | None:
        url = normalise_linkedin(text)
        if url is None:
            warnings.append(
                _cell(
                    "linkedin_url",
                    text,
                    QT_TRANSLATE_NOOP(
                        "Messages", "LinkedIn: '{0}' is not a profile address; ignored"
                    ),
                    _short(text),
                )
            )
        return url

    def consent(self, text: str, warnings: list[str]) -> bool | None:
        flag = parse_consent(text)
        if flag is None:
            warnings.append(
                _cell(
                    "consent",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "consent: '{0}' is neither yes nor no; ignored"),
                    _short(text),
                )
            )
        return flag

    def status(self, text: str, warnings: list[str]) -> str | None:
        status = _STATUS_WORDS.get(_folded_value(text))
        if status is None:
            warnings.append(
                _cell(
                    "status",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "status: '{0}' is not a known status; ignored"),
                    _short(text),
                )
            )
        return status

    def verification(self, text: str, warnings: list[str]) -> str | None:
        state = _VERIFICATION_WORDS.get(_folded_value(text))
        if state is None:
            warnings.append(
                _cell(
                    "verification",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "verification: '{0}' is not understood; ignored"),
                    _short(text),
                )
            )
        return state

    def contacted(self, text: str, warnings: list[str]) -> str | None:
        day = parse_date(text, self.today)
        if day is None or day.startswith("--"):
            warnings.append(
                _cell(
                    "last_contacted_at",
                    text,
                    QT_TRANSLATE_NOOP("Messages", "last contact: '{0}' is not a date; ignored"),
                    _short(text),
                )
            )
            return None
        return day

    def ignore(self, text: str, warnings: list[str]) -> None:
        return None


RowCleaner = _Cleaner


# Columns repeat the same few values (dates, class years, tags): parse each once.
@lru_cache(maxsize=256)
def _folded_value(text: str) -> str:
    return fold_header(text)


@lru_cache(maxsize=65536)
def _parse_date_cached(text: str, today: date) -> str | None:
    return parse_date(text, today)


@lru_cache(maxsize=4096)
def _parse_promo_cached(text: str, today: date) -> int | None:
    return parse_promo(text, today)


@lru_cache(maxsize=65536)
def _split_tags_cached(text: str) -> tuple[str, ...]:
    return tuple(split_tags(text))


def _phone_ok(text: str) -> bool:
    return _PHONE.fullmatch(text) is not None


_Handler = Callable[[_Cleaner, str, list[str]], Any]
# How each field's cells are cleaned (None: kept as text, without line breaks but in notes).
_HANDLERS: dict[str, _Handler | None] = {
    **dict.fromkeys(FIELDS),
    "email": _Cleaner.email,
    "phone": _Cleaner.phone,
    "promo": _Cleaner.promo,
    "dues_last_year": _Cleaner.dues,
    "birthday": _Cleaner.birthday,
    "linkedin_url": _Cleaner.linkedin,
    "consent": _Cleaner.consent,
    "status": _Cleaner.status,
    "verification": _Cleaner.verification,
    "last_contacted_at": _Cleaner.contacted,
    "connected_on": _Cleaner.ignore,
}


@lru_cache(maxsize=16)
def _cleaner(pairs: tuple[tuple[str, str | None], ...], preset: str, today: date) -> _Cleaner:
    return _Cleaner(pairs, preset)


def record_converter(mapping: dict[str, str | None], preset: str) -> Callable[[SourceRow], Record]:
    """to_record with the mapping compiled once: what an import loop should call per row."""
    return _Cleaner(tuple(mapping.items()), preset)


def row_cleaner(mapping: dict[str, str | None], preset: str) -> _Cleaner:
    """record_converter's object itself: its ``clean`` also tells a settled record (see
    there) and its ``today`` is the day its checks used."""
    return _Cleaner(tuple(mapping.items()), preset)


def to_record(row: SourceRow, mapping: dict[str, str | None], preset: str) -> Record:
    """(member fields ready for validation.normalise, tags, warnings) of one row."""
    return _cleaner(tuple(mapping.items()), preset, clock.today())(row)
