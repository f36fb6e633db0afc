"""Manual publishing: the networks without an open publishing API (LinkedIn groups, Viadeo,
Facebook groups, X for an association) get the exact text on the clipboard and their
compose or share page opened; the CM then marks the post published with its URL.

Only http(s) addresses are ever returned, so the window never opens anything else.
"""

from __future__ import annotations

from urllib.parse import quote, urlsplit

from app.posts.channels import Channel

DEFAULT_PAGES = {
    "linkedin": "https://www.linkedin.com/feed/",
    "facebook": "https://www.facebook.com/",
    "viadeo": "https://www.viadeo.com/",
    "x": "https://x.com/compose/post",
    "mastodon": "https://mastodon.social/",
}


def is_web_url(url: str | None) -> bool:
    if not url:
        return False
    parts = urlsplit(url.strip())
    return parts.scheme.lower() in ("http", "https") and bool(parts.netloc)


def post_text(text: str, link: str | None) -> str:
    """The text as it goes out: the link appended unless the text already holds it."""
    if link and link not in text:
        return f"{text.rstrip()}\n{link}"
    return text


def compose_url(chan: Channel, text: str, link: str | None = None) -> str | None:
    """Where "Publish" takes the CM; None for channels Amicale publishes itself."""
    if chan.kind in ("newsletter", "website"):
        return None
    link = link if is_web_url(link) else None
    own = chan.url if is_web_url(chan.url) else None
    full = post_text(text, link)
    url: str | None
    if chan.kind == "x":
        url = "https://x.com/intent/post?text=" + quote(full, safe="")
    elif chan.kind == "mastodon":
        parts = urlsplit(own or DEFAULT_PAGES["mastodon"])
        url = f"https://{parts.netloc}/share?text=" + quote(full, safe="")
    elif chan.kind == "linkedin" and chan.variant in (None, "profile"):
        url = "https://www.linkedin.com/feed/?shareActive=true&text=" + quote(full, safe="")
    elif chan.kind == "facebook" and link and chan.variant != "group":
        url = "https://www.facebook.com/sharer/sharer.php?u=" + quote(link, safe="")
    else:
        # Groups and pages have no prefilled composer: their own page, text on the clipboard.
        url = own or DEFAULT_PAGES[chan.kind]
    return url if is_web_url(url) else None
