"""Text folding shared by search, sorting and matching.

One definition of "the same letters" for the whole program: accents and case never matter
("Émilie" sorts and matches with "emilie"), ligatures are spelled out ("Œnologie" → "oenologie").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

_LIGATURES = str.maketrans({"œ": "oe", "Œ": "oe", "æ": "ae", "Æ": "ae", "ß": "ss"})
_WORD = re.compile(r"[^\W_]+")


@lru_cache(maxsize=65536)
def _fold_cached(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def fold(text: str | None) -> str:
    """Lower-case, accent-free form of ``text`` ('' for None)."""
    if not text:
        return ""
    if text.isascii():
        return text.lower()
    return _fold_cached(text)


def words(text: str) -> list[str]:
    """The folded words of ``text``, split as SQLite's unicode61 tokenizer splits them."""
    return _WORD.findall(fold(text))


def sort_name(first_name: str | None, last_name: str | None) -> str:
    """The key the member list sorts names by: last name, then first name, folded."""
    return f"{fold(last_name).strip()}\x1f{fold(first_name).strip()}"


def like_prefix(value: str) -> str:
    """A LIKE pattern matching values that start with ``value`` (escape character '\\')."""
    escaped = value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return escaped + "%"


_LINKEDIN = re.compile(
    r"^(?:https?://)?(?:[a-z]{2,3}\.)?(?:www\.)?linkedin\.com/(?:in|pub)/([^/?#\s]+)", re.I
)


def linkedin_key(url: str | None) -> str | None:
    """The canonical form of a LinkedIn profile address, for matching; None if it is not one.

    "https://fr.linkedin.com/in/Jean-Dupont/?trk=x" and "linkedin.com/in/jean-dupont" are
    the same person.
    """
    if not url:
        return None
    match = _LINKEDIN.match(url.strip())
    if match is None:
        return None
    from urllib.parse import unquote

    return "linkedin.com/in/" + unquote(match.group(1)).strip().lower()


def is_linkedin_host(host: str | None) -> bool:
    """``linkedin.com`` itself or one of its subdomains; never ``evillinkedin.com``."""
    host = (host or "").lower().rstrip(".")
    return host == "linkedin.com" or host.endswith(".linkedin.com")
