"""The website channel: an Atom feed (RFC 4287) of the published posts.

The association's website (or any feed reader) reads the file the CM writes to a folder of
their choice. Rules:
- Only posts really published are in it (the caller passes `PublishedPost`s); a post
  published on several channels is one entry, dated by its first publication.
- Ids are ``tag:`` URIs (RFC 4151) that never change: ``tag:AUTHORITY,DATE:post/ID`` with the
  post's own publication date, so a reader never shows an entry twice.
- Times are UTC (``2026-11-26T08:00:00Z``); the feed's ``updated`` is its newest entry's.
- Text is escaped by the XML writer; characters XML 1.0 forbids (control characters pasted
  from elsewhere) are dropped, so the file always parses.
- Only http(s) links are written as links.
- The file is written beside its final place and moved there when complete.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from app import clock, files
from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.posts.store import PublishedPost

ATOM = "http://www.w3.org/2005/Atom"
DEFAULT_FILE_NAME = "feed.atom"
GENERATOR = "Amicale"
TITLE_LENGTH = 80
# What XML 1.0 does not allow in a document, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_AUTHORITY = re.compile(r"^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$|^[^@\s]+@[^@\s]+$")


@dataclass(frozen=True)
class FeedReport:
    path: Path
    entries: int


def clean(text: str) -> str:
    return _NOT_XML.sub("", text)


def utc_text(moment: datetime) -> str:
    if moment.tzinfo is None:
        raise ValueError("a post's time must be timezone-aware")
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def tag_authority(domain_or_email: str) -> str:
    """A tag-URI authority (a domain name or an email address) from what the CM gave."""
    authority = domain_or_email.strip().lower()
    authority = re.sub(r"^[a-z]+://", "", authority).split("/")[0]
    if not _AUTHORITY.match(authority):
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages", "'{0}' is not a domain name or an email address for the feed ids"
                ),
                domain_or_email,
            )
        )
    return authority


def entry_id(authority: str, post: PublishedPost) -> str:
    day = post.published_at.astimezone(UTC).date().isoformat()
    return f"tag:{authority},{day}:post/{post.id}"


def feed_id(authority: str) -> str:
    return f"tag:{authority},2026:amicale/feed"


def entry_title(post: PublishedPost) -> str:
    """The post's title, else its first line (shortened at a word)."""
    title = " ".join(clean(post.title).split())
    if title:
        return title
    first = next((line for line in clean(post.text).splitlines() if line.strip()), "")
    first = " ".join(first.split())
    if len(first) <= TITLE_LENGTH:
        return first
    cut = first[: TITLE_LENGTH - 1].rsplit(" ", 1)[0]
    return cut + "…"


def _web_link(url: str | None) -> str | None:
    if url and re.match(r"https?://[^\s]+$", url.strip(), re.I):
        return url.strip()
    return None


def first_publications(posts: Iterable[PublishedPost]) -> list[PublishedPost]:
    """One post per id (its first publication), newest first."""
    first: dict[int, PublishedPost] = {}
    for post in posts:
        known = first.get(post.id)
        if known is None or post.published_at < known.published_at:
            first[post.id] = post
    return sorted(first.values(), key=lambda p: (p.published_at, p.id), reverse=True)


def build_feed(
    posts: Sequence[PublishedPost],
    *,
    title: str,
    authority: str,
    site: str | None = None,
    author: str | None = None,
    now: datetime | None = None,
) -> bytes:
    """The Atom document for ``posts`` (UTF-8 bytes with the XML declaration)."""
    authority = tag_authority(authority)
    entries = first_publications(posts)
    ET.register_namespace("", ATOM)

    def sub(parent: ET.Element, name: str, text: str | None = None, **attrs: str) -> ET.Element:
        element = ET.SubElement(parent, f"{{{ATOM}}}{name}", attrs)
        if text is not None:
            element.text = clean(text)
        return element

    root = ET.Element(f"{{{ATOM}}}feed")
    sub(root, "id", feed_id(authority))
    sub(root, "title", title or GENERATOR)
    newest = entries[0].published_at if entries else (now or clock.now())
    sub(root, "updated", utc_text(newest))
    if author:
        sub(sub(root, "author"), "name", author)
    site_link = _web_link(site)
    if site_link:
        sub(root, "link", rel="alternate", href=site_link)
    sub(root, "generator", GENERATOR)
    for post in entries:
        entry = sub(root, "entry")
        sub(entry, "id", entry_id(authority, post))
        sub(entry, "title", entry_title(post))
        stamp = utc_text(post.published_at)
        sub(entry, "published", stamp)
        sub(entry, "updated", stamp)
        if not author:  # RFC 4287: every entry needs an author when the feed has none
            sub(sub(entry, "author"), "name", post.channel_name or title or GENERATOR)
        link = _web_link(post.link) or _web_link(post.url)
        if link:
            sub(entry, "link", rel="alternate", href=link)
        sub(entry, "category", term=post.channel_kind)
        sub(entry, "content", post.text, type="text")
    ET.indent(root)
    document: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=True)
    return document + b"\n"


def target_path(path: Path, default_name: str) -> Path:
    """``path`` itself, or ``default_name`` inside it when it is a folder."""
    path = Path(path)
    return path / default_name if path.is_dir() else path


def write_file(path: Path, content: bytes, *, store: Path | None = None) -> None:
    """Write ``content`` to ``path`` whole or not at all (a reader never sees half a file);
    never over the store ``store`` or a device."""
    # A feed is public: readable by the web server, like any file the CM would save.
    with files.atomic_output(path, store=store, mode=0o644) as tmp:
        tmp.write_bytes(content)


def write_feed(
    posts: Sequence[PublishedPost],
    path: Path,
    *,
    title: str,
    authority: str,
    site: str | None = None,
    author: str | None = None,
    store: Path | None = None,
) -> FeedReport:
    target = target_path(path, DEFAULT_FILE_NAME)
    content = build_feed(posts, title=title, authority=authority, site=site, author=author)
    write_file(target, content, store=store)
    return FeedReport(target, len(first_publications(posts)))
