"""Characters as each network counts them, and the strictest-limit rule.

- X (twitter-text 3): text normalised to NFC; each URL counts 23; an emoji (a whole sequence:
  skin tone, ZWJ family, flag, keycap) weighs 2; code points in the Latin, Greek, Cyrillic…
  ranges U+0000–U+10FF and the typographic punctuation U+2000–U+200D, U+2010–U+201F,
  U+2032–U+2037 weigh 1 (so "é" is 1); everything else (CJK, most symbols) weighs 2.
- Mastodon: user-perceived characters (grapheme clusters), URLs counting 23.
- LinkedIn, Facebook, Viadeo: their web composers count JavaScript string length (UTF-16
  code units): an emoji outside the BMP is 2, "é" is 1.
- Newsletter and website: no limit; graphemes, for information.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

URL_LENGTH = 23  # t.co and Mastodon both count any link as 23 characters

_TLDS = "com|org|net|fr|eu|io|co|be|ch|ca|lu|info|edu|gov|uk|de|es|it|me|ly|app|dev|asso|tv|biz"
URL_PATTERN = re.compile(
    r"(?:https?://|www\.)[^\s<>\"]+"
    rf"|(?<![@\w.])(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+(?:{_TLDS})\b(?:/[^\s<>\"]*)?",
    re.IGNORECASE,
)
_TRAILING = ".,;:!?)]}'\"»…"

# twitter-text v3 configuration: weight 100 (= 1 character) in these ranges, 200 elsewhere.
_LIGHT_RANGES = ((0x0000, 0x10FF), (0x2000, 0x200D), (0x2010, 0x201F), (0x2032, 0x2037))

_ZWJ = 0x200D
_VS16 = 0xFE0F
_KEYCAP = 0x20E3


def _is_light(cp: int) -> bool:
    return any(low <= cp <= high for low, high in _LIGHT_RANGES)


def _is_emoji_base(cp: int) -> bool:
    return (
        0x1F000 <= cp <= 0x1FAFF
        or 0x2600 <= cp <= 0x27BF
        or 0x2B00 <= cp <= 0x2BFF
        or 0x2300 <= cp <= 0x23FF
        or cp in (0x00A9, 0x00AE, 0x203C, 0x2049, 0x2122, 0x2139, 0x3030, 0x303D)
    )


def _is_regional(cp: int) -> bool:
    return 0x1F1E6 <= cp <= 0x1F1FF


def _is_extender(cp: int) -> bool:
    """Joins the previous code point's cluster: marks, variation selectors, skin tones, tags."""
    return (
        unicodedata.category(chr(cp)) in ("Mn", "Me", "Mc")
        or 0xFE00 <= cp <= 0xFE0F
        or 0x1F3FB <= cp <= 0x1F3FF
        or 0xE0020 <= cp <= 0xE007F
    )


@dataclass(frozen=True, slots=True)
class Cluster:
    text: str
    emoji: bool


def clusters(text: str) -> Iterator[Cluster]:
    """Grapheme clusters, close enough to UAX #29 for counting posts (emoji sequences, flags,
    keycaps and combining marks kept whole)."""
    cps = [ord(c) for c in text]
    i, n = 0, len(cps)
    while i < n:
        start = i
        cp = cps[i]
        emoji = _is_emoji_base(cp)
        i += 1
        if _is_regional(cp):
            emoji = True
            if i < n and _is_regional(cps[i]):
                i += 1
        elif cp == 0x0D and i < n and cps[i] == 0x0A:
            i += 1
        while i < n:
            nxt = cps[i]
            if _is_extender(nxt) or nxt == _KEYCAP:
                if nxt == _KEYCAP or (nxt == _VS16 and not emoji and chr(cp) in "0123456789#*"):
                    emoji = emoji or nxt == _KEYCAP
                i += 1
            elif nxt == _ZWJ and i + 1 < n and (emoji or _is_emoji_base(cps[i + 1])):
                emoji = True
                i += 2
            else:
                break
        yield Cluster(text[start:i], emoji)


def _split_urls(text: str) -> tuple[str, int]:
    """The text with its URLs removed, and how many there were."""
    pieces: list[str] = []
    last = 0
    count = 0
    for match in URL_PATTERN.finditer(text):
        url = match.group(0)
        end = match.end()
        while url and url[-1] in _TRAILING:
            # keep a closing bracket that belongs to the URL (Wikipedia style)
            if url[-1] == ")" and url.count("(") >= url.count(")"):
                break
            url = url[:-1]
            end -= 1
        if not url:
            continue
        pieces.append(text[last : match.start()])
        last = end
        count += 1
    pieces.append(text[last:])
    return "".join(pieces), count


def urls(text: str) -> list[str]:
    found = []
    for match in URL_PATTERN.finditer(text):
        url = match.group(0).rstrip(_TRAILING)
        if url:
            found.append(url)
    return found


def x_length(text: str) -> int:
    """twitter-text's weighted length (the number X compares with 280)."""
    rest, url_count = _split_urls(unicodedata.normalize("NFC", text))
    weight = url_count * URL_LENGTH
    for cluster in clusters(rest):
        if cluster.emoji:
            weight += 2
            continue
        weight += sum(1 if _is_light(ord(c)) else 2 for c in cluster.text)
    return weight


def grapheme_length(text: str) -> int:
    return sum(1 for _ in clusters(unicodedata.normalize("NFC", text)))


def mastodon_length(text: str) -> int:
    rest, url_count = _split_urls(text)
    return grapheme_length(rest) + url_count * URL_LENGTH


def utf16_length(text: str) -> int:
    """JavaScript's String.length, what LinkedIn's, Facebook's and Viadeo's composers show."""
    return len(text.encode("utf-16-le")) // 2


def length_for(kind: str, text: str) -> int:
    if kind == "x":
        return x_length(text)
    if kind == "mastodon":
        return mastodon_length(text)
    if kind in ("linkedin", "facebook", "viadeo"):
        return utf16_length(text)
    return grapheme_length(text)


@dataclass(frozen=True)
class Count:
    channel_id: int
    kind: str
    length: int
    limit: int | None

    @property
    def remaining(self) -> int | None:
        return None if self.limit is None else self.limit - self.length

    @property
    def over(self) -> bool:
        return self.limit is not None and self.length > self.limit


@dataclass(frozen=True)
class CountReport:
    counts: tuple[Count, ...]
    # The channel whose limit binds the text most (least room left), None without limits.
    strictest: int | None

    @property
    def over(self) -> tuple[Count, ...]:
        return tuple(c for c in self.counts if c.over)

    def count_for(self, channel_id: int) -> Count | None:
        return next((c for c in self.counts if c.channel_id == channel_id), None)


def count_versions(versions: Iterable[tuple[int, str, int | None, str]]) -> CountReport:
    """Count each (channel id, kind, limit, text) as its network does and flag the strictest
    limit: the channel with the least room left (ties: the smaller limit), so the CM knows
    which channel a shared text must be cut for."""
    counts = tuple(
        Count(channel_id, kind, length_for(kind, text), limit)
        for channel_id, kind, limit, text in versions
    )
    limited = [c for c in counts if c.limit is not None]
    strictest = None
    if limited:
        binding = min(limited, key=lambda c: (c.remaining, c.limit, c.channel_id))
        strictest = binding.channel_id
    return CountReport(counts, strictest)
