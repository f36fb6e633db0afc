"""Content ideas: the items of an RSS 2.0 or Atom feed, to turn into drafts after review.

Nothing read here is ever posted by itself: the caller shows the ideas and the CM picks.
A feed comes from a file or, when online, an http(s) URL (fetched with a timeout and a size
limit). Parsing goes through defusedxml: a feed declaring entities (the "billion laughs")
or fetching external ones is refused. HTML in summaries is reduced to its text.

Ideas are de-duplicated by link (the same article listed twice, or already imported:
``known_links``); items without a link are kept, once per title.

`import_ideas` turns the new ideas into drafts (``post.role`` = ``idea``): undated, on no
channel, never scheduled — the CM reviews each one, picks its channels and its time.
"""

from __future__ import annotations

import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import defusedxml.ElementTree as SafeET
import sqlalchemy as sa
from defusedxml import DefusedXmlException

from app import __version__, files
from app.errors import AmicaleError, Cancelled
from app.messages import QT_TRANSLATE_NOOP, Message
from app.posts.publishing import post_text
from app.posts.store import PostDraft, insert_post
from app.store import Store
from app.store.cancel import CancelToken
from app.store.schema import post

TIMEOUT = 15.0  # seconds
MAX_BYTES = 10 * 1024 * 1024
SUMMARY_LENGTH = 500
ATOM = "{http://www.w3.org/2005/Atom}"
_DATE_TAGS = ("pubDate", "published", "updated", "date", "issued", "modified")


@dataclass(frozen=True)
class Idea:
    title: str
    link: str | None
    summary: str
    published: datetime | None  # aware, UTC; None when the feed does not say


# --- reading ----------------------------------------------------------------------------------


def is_url(source: str) -> bool:
    return bool(re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*://", source.strip()))


def read_source(source: str | Path, *, timeout: float = TIMEOUT) -> bytes:
    """The feed's bytes, from a file or an http(s) URL; AmicaleError with the reason."""
    text = str(source).strip()
    if isinstance(source, str) and is_url(text):
        if urlsplit(text).scheme.lower() not in ("http", "https"):
            raise AmicaleError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "only http and https addresses are read: {0}"),
                    text,
                )
            )
        request = urllib.request.Request(
            text, headers={"User-Agent": f"Amicale/{__version__} (feed reader)"}
        )
        try:
            with urllib.request.urlopen(request, timeout=timeout) as response:
                data: bytes = response.read(MAX_BYTES + 1)
        except urllib.error.HTTPError as exc:
            raise _cannot_read(text, f"HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", None) or exc
            raise _cannot_read(text, str(reason)) from None
    else:
        path = Path(source)
        if path.exists() and not path.is_file():
            files.check_input(path)  # refuses a FIFO or a device, which would be read forever
        try:
            with path.open("rb") as handle:
                data = handle.read(MAX_BYTES + 1)
        except OSError as exc:
            raise _cannot_read(str(path), exc.strerror or str(exc)) from None
    if len(data) > MAX_BYTES:
        raise _cannot_read(text, f"larger than {MAX_BYTES // (1024 * 1024)} MB")
    return data


def _cannot_read(source: str, reason: str) -> AmicaleError:
    return AmicaleError(
        Message(QT_TRANSLATE_NOOP("Messages", "cannot read the feed {0}: {1}"), source, reason)
    )


def load_ideas(
    source: str | Path, *, known_links: Iterable[str] = (), timeout: float = TIMEOUT
) -> list[Idea]:
    """The ideas of the feed at ``source`` (file or URL), minus those already known."""
    return parse_feed(read_source(source, timeout=timeout), known_links=known_links)


# --- parsing ----------------------------------------------------------------------------------


def parse_feed(data: bytes, *, known_links: Iterable[str] = ()) -> list[Idea]:
    """Ideas from an RSS 2.0 (or 1.0) or Atom document, in the feed's order."""
    try:
        root = SafeET.fromstring(data, forbid_dtd=False, forbid_entities=True)
    except DefusedXmlException:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "this feed declares XML entities or external references: refused"
                )
            )
        ) from None
    except ET.ParseError as exc:
        raise AmicaleError(
            Message(QT_TRANSLATE_NOOP("Messages", "not an RSS or Atom feed: {0}"), str(exc))
        ) from None
    if _local(root.tag) == "feed":
        items = root.findall(f"{ATOM}entry") or [e for e in root if _local(e.tag) == "entry"]
        ideas = (_atom_idea(item) for item in items)
    elif _local(root.tag) in ("rss", "RDF"):
        items = [e for e in root.iter() if _local(e.tag) == "item"]
        ideas = (_rss_idea(item) for item in items)
    else:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "not an RSS or Atom feed: its root is <{0}>"),
                _local(root.tag),
            )
        )
    return deduplicate(ideas, known_links)


def deduplicate(ideas: Iterable[Idea], known_links: Iterable[str] = ()) -> list[Idea]:
    seen_links = {link_key(link) for link in known_links}
    seen_titles: set[str] = set()
    out: list[Idea] = []
    for idea in ideas:
        if not idea.title and not idea.summary:
            continue
        if idea.link:
            key = link_key(idea.link)
            if key in seen_links:
                continue
            seen_links.add(key)
        else:
            key = idea.title.casefold()
            if key in seen_titles:
                continue
            seen_titles.add(key)
        out.append(idea)
    return out


def link_key(link: str) -> str:
    """Links that name the same page compare equal: scheme and host in lower case, no
    fragment, no trailing slash on the path."""
    parts = urlsplit(link.strip())
    path = parts.path.rstrip("/") or ""
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, parts.query, ""))


def _local(tag: object) -> str:
    return str(tag).rpartition("}")[2]


def _child(element: ET.Element, *names: str) -> ET.Element | None:
    for name in names:
        for child in element:
            if _local(child.tag) == name:
                return child
    return None


def _text(element: ET.Element | None) -> str:
    return "" if element is None else "".join(element.itertext()).strip()


def _web_link(text: str | None) -> str | None:
    text = (text or "").strip()
    return text if re.match(r"^https?://\S+$", text, re.I) else None


def _rss_idea(item: ET.Element) -> Idea:
    link = _web_link(_text(_child(item, "link")))
    if link is None:
        guid = _child(item, "guid")
        if guid is not None and guid.get("isPermaLink", "true").lower() != "false":
            link = _web_link(_text(guid))
    summary = _text(_child(item, "description", "encoded", "summary"))
    return Idea(
        title=_plain(_text(_child(item, "title")), 300),
        link=link,
        summary=_plain(summary, SUMMARY_LENGTH),
        published=_date(item),
    )


def _atom_idea(entry: ET.Element) -> Idea:
    link = None
    for candidate in entry:
        if _local(candidate.tag) != "link":
            continue
        if candidate.get("rel", "alternate") == "alternate":
            link = _web_link(candidate.get("href"))
            if link:
                break
    summary_element = _child(entry, "summary", "content")
    summary = _text(summary_element)
    if summary_element is not None and summary_element.get("type", "text") == "text":
        summary = _plain_text(summary, SUMMARY_LENGTH)
    else:
        summary = _plain(summary, SUMMARY_LENGTH)
    return Idea(
        title=_plain(_text(_child(entry, "title")), 300),
        link=link,
        summary=summary,
        published=_date(entry),
    )


def _date(element: ET.Element) -> datetime | None:
    for name in _DATE_TAGS:
        text = _text(_child(element, name))
        if not text:
            continue
        try:
            moment = (
                parsedate_to_datetime(text)
                if name == "pubDate"
                else datetime.fromisoformat(text.replace("z", "Z"))
            )
        except (TypeError, ValueError, IndexError):
            continue
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=UTC)  # no zone given: UTC is the feeds' habit
        return moment.astimezone(UTC)
    return None


# Tags inside a line of text: no space around them ("<em>t</em>rès" stays one word).
_INLINE = frozenset(
    {
        "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "i", "kbd",
        "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
    }
)  # fmt: skip
# Runs of white space, but not the no-break spaces of French typography.
_SPACES = re.compile(r"[ \t\r\n\f\v]+")


class _TextOnly(HTMLParser):
    """The text of an HTML fragment; paragraphs and line breaks become spaces."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style"):
            self._skip += 1
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
        if tag not in _INLINE:
            self.parts.append(" ")

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self.parts.append(data)


def _plain(html: str, limit: int) -> str:
    """Text of an HTML fragment (RSS descriptions are HTML), one line, at most ``limit``."""
    if "<" in html or "&" in html:
        parser = _TextOnly()
        parser.feed(html)
        parser.close()
        html = "".join(parser.parts)  # character references already decoded
    return _plain_text(html, limit)


def _plain_text(text: str, limit: int) -> str:
    text = _SPACES.sub(" ", text).strip()
    if len(text) <= limit:
        return text
    return text[: limit - 1].rsplit(" ", 1)[0] + "…"


# --- ideas into drafts ------------------------------------------------------------------------

IDEA_ROLE = "idea"


@dataclass(frozen=True)
class IdeasReport:
    created: int  # drafts created
    known: int  # ideas whose link (or, without a link, whose title) was already a post


def import_ideas(
    store: Store,
    source: str | Path,
    *,
    timeout: float = TIMEOUT,
    cancel: CancelToken | None = None,
) -> IdeasReport:
    """One draft per new idea of the feed at ``source``; nothing is scheduled or posted.

    An idea is known when a post already has its link (imported before, or written by
    hand), or, for an idea without a link, when an imported idea has its title. Cancelled
    before the write (a slow URL), it leaves the store untouched.
    """
    ideas = load_ideas(source, timeout=timeout)
    if cancel is not None and cancel.cancelled:
        raise Cancelled()
    created = known = 0
    with store.write() as conn:
        links = {
            link_key(link)
            for link in conn.execute(sa.select(post.c.link).where(post.c.link.is_not(None)))
            .scalars()
            .all()
        }
        titles = {
            title.casefold()
            for title in conn.execute(
                sa.select(post.c.title).where(post.c.role == IDEA_ROLE, post.c.link.is_(None))
            )
            .scalars()
            .all()
        }
        for idea in ideas:
            if idea.link is not None and link_key(idea.link) in links:
                known += 1
                continue
            if idea.link is None and idea.title.casefold() in titles:
                known += 1
                continue
            insert_post(
                conn,
                PostDraft(
                    title=idea.title,
                    text=post_text(idea.summary or idea.title, idea.link),
                    link=idea.link,
                    state="draft",
                    role=IDEA_ROLE,
                ),
            )
            created += 1
    return IdeasReport(created=created, known=known)
