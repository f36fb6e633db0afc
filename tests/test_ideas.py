"""Content ideas from real RSS and Atom files (tests/fixtures/feeds), and over HTTP."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

import pytest

from app.errors import AmicaleError
from app.posts.ideas import Idea, link_key, load_ideas, parse_feed

FEEDS = Path(__file__).parent / "fixtures" / "feeds"


def test_rss2_items_become_ideas_without_duplicates_or_html() -> None:
    ideas = load_ideas(FEEDS / "rss2_chimie.xml")
    assert [i.title for i in ideas] == [
        "Remise des diplômes 2026 & gala",
        "Nouveau laboratoire de catalyse",
        "Portes ouvertes",
        "Lien piégé",
    ]
    gala, labo, open_day, trap = ideas
    assert gala.link == "https://ecole.example/actualites/remise-2026"
    # HTML reduced to its text; the script's content is dropped; &nbsp; decoded.
    assert (
        gala.summary
        == "La remise des diplômes aura lieu le 12\u00a0décembre. Inscriptions ouvertes."
    )
    assert gala.published == datetime(2026, 11, 24, 8, 30, tzinfo=UTC)
    assert labo.link == "https://ecole.example/actualites/labo-catalyse"  # from the guid
    assert labo.published == datetime(2026, 11, 20, 13, 0, tzinfo=UTC)  # dc:date
    assert (open_day.link, open_day.published) == (None, None)
    assert trap.link is None  # javascript: is not a link


def test_atom_entries_become_ideas() -> None:
    ideas = load_ideas(FEEDS / "atom_blog.xml")
    assert len(ideas) == 2  # the third entry links to the same page as the second
    portrait, internships = ideas
    assert portrait == Idea(
        title="Portrait : Émilie Dupont, promo 2005",
        link="https://anciens.example/portraits/dupont",
        summary="Directrice R&D chez Arkema, elle raconte son parcours.",
        published=datetime(2026, 11, 25, 10, 0, tzinfo=UTC),
    )
    # Plain-text content keeps its angle brackets: it is not HTML.
    assert internships.summary == "Cinq offres de stage, dont trois à Lyon <urgent>."
    assert internships.published == datetime(2026, 11, 20, 7, 0, tzinfo=UTC)


def test_known_links_are_skipped() -> None:
    known = ["https://ANCIENS.example/portraits/dupont/"]
    ideas = load_ideas(FEEDS / "atom_blog.xml", known_links=known)
    assert [i.link for i in ideas] == ["https://anciens.example/stages/decembre"]
    assert link_key("HTTPS://Ecole.example/a/#x") == link_key("https://ecole.example/a")


def test_declared_encoding_is_honoured() -> None:
    [idea] = load_ideas(FEEDS / "rss2_latin1.xml")
    assert idea.title == "Soirée des anciens à Saint-Étienne" and idea.summary == "Café offert."


@pytest.mark.parametrize("name", ["billion_laughs.xml", "external_entity.xml"])
def test_entity_tricks_are_refused(name: str) -> None:
    with pytest.raises(AmicaleError, match="declares XML entities"):
        load_ideas(FEEDS / name)


def test_not_a_feed_and_broken_files_are_explained(tmp_path: Path) -> None:
    with pytest.raises(AmicaleError, match="its root is <html>"):
        load_ideas(FEEDS / "not_a_feed.xml")
    with pytest.raises(AmicaleError, match="not an RSS or Atom feed"):
        load_ideas(FEEDS / "truncated.xml")
    with pytest.raises(AmicaleError, match="cannot read the feed"):
        load_ideas(tmp_path / "missing.xml")
    with pytest.raises(AmicaleError, match="only http and https"):
        load_ideas("file:///etc/passwd")
    assert parse_feed(b"<rss version='2.0'><channel/></rss>") == []


@pytest.fixture
def web() -> Iterator[str]:
    """A local web server over the fixture folder."""
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(FEEDS))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def test_a_feed_is_read_from_a_url(web: str) -> None:
    ideas = load_ideas(f"{web}/atom_blog.xml", timeout=5)
    assert [i.link for i in ideas] == [
        "https://anciens.example/portraits/dupont",
        "https://anciens.example/stages/decembre",
    ]
    with pytest.raises(AmicaleError, match="HTTP 404"):
        load_ideas(f"{web}/missing.xml", timeout=5)
