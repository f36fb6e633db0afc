"""The website's Atom feed and the iCalendar file, parsed back with real parsers."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import UTC, datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import icalendar
import pytest

from app import association
from app.cli import main
from app.errors import AmicaleError
from app.posts import feed, ical, publish_files
from app.posts.store import PublishedPost, ScheduledPost
from app.store import Store

pytestmark = pytest.mark.clock  # dates, times and zones throughout

A = "{http://www.w3.org/2005/Atom}"
PARIS = ZoneInfo("Europe/Paris")


def published(id: int, when: datetime, **kw: object) -> PublishedPost:
    values: dict[str, object] = {
        "channel_kind": "website",
        "channel_name": "Site",
        "title": f"Post {id}",
        "text": f"Texte {id}",
        "link": None,
        "url": None,
    }
    values.update(kw)
    return PublishedPost(id=id, published_at=when, **values)  # type: ignore[arg-type]


def scheduled(id: int, local: datetime, tz: str = "Europe/Paris", **kw: object) -> ScheduledPost:
    values: dict[str, object] = {
        "channel_kind": "linkedin",
        "channel_name": "Page LinkedIn",
        "title": f"Post {id}",
        "text": f"Texte {id}",
        "link": None,
        "state": "scheduled",
    }
    values.update(kw)
    at = local.replace(tzinfo=ZoneInfo(tz)).astimezone(UTC)
    return ScheduledPost(id=id, scheduled_at=at, tz=tz, **values)  # type: ignore[arg-type]


# --- Atom -------------------------------------------------------------------------------------


def test_feed_parses_back_escaped_with_stable_tag_ids(tmp_path: Path) -> None:
    paris_summer = datetime(2026, 7, 1, 9, 0, tzinfo=PARIS)
    posts = [
        published(1, datetime(2026, 3, 2, 8, 0, tzinfo=UTC)),
        published(
            2,
            paris_summer,
            title="Gala <2026> & « soirée »",
            text="A < B && C > D\x00\x07 ]]> fin",
            link="https://amicale.example/gala?x=1&y=2",
        ),
        # The same post published on a second channel later: still one entry.
        published(2, paris_summer + timedelta(days=1), channel_kind="linkedin"),
        published(3, datetime(2026, 5, 1, 8, 0, tzinfo=UTC), link="javascript:alert(1)"),
    ]
    report = feed.write_feed(
        posts,
        tmp_path,
        title="Amicale des Chimistes",
        authority="Amicale.Example",
        site="https://amicale.example/",
        author="Amicale des Chimistes",
    )
    assert report.path == tmp_path / "feed.atom" and report.entries == 3
    root = ET.parse(report.path).getroot()
    assert root.tag == f"{A}feed"
    assert root.findtext(f"{A}id") == "tag:amicale.example,2026:amicale/feed"
    assert root.findtext(f"{A}updated") == "2026-07-01T07:00:00Z"  # 09:00 Paris in summer
    entries = root.findall(f"{A}entry")
    assert [e.findtext(f"{A}id") for e in entries] == [
        "tag:amicale.example,2026-07-01:post/2",
        "tag:amicale.example,2026-05-01:post/3",
        "tag:amicale.example,2026-03-02:post/1",
    ]
    gala = entries[0]
    assert gala.findtext(f"{A}title") == "Gala <2026> & « soirée »"
    assert gala.findtext(f"{A}content") == "A < B && C > D ]]> fin"  # control chars dropped
    assert gala.find(f"{A}content").get("type") == "text"  # type: ignore[union-attr]
    assert gala.findtext(f"{A}published") == "2026-07-01T07:00:00Z"
    assert gala.find(f"{A}link").get("href") == "https://amicale.example/gala?x=1&y=2"  # type: ignore[union-attr]
    assert entries[1].find(f"{A}link") is None  # not an http(s) link
    assert entries[2].findtext(f"{A}updated") == "2026-03-02T08:00:00Z"
    # Ids do not change when the feed is written again with more posts.
    again = feed.build_feed(
        [*posts, published(4, datetime(2026, 8, 1, tzinfo=UTC))],
        title="x",
        authority="amicale.example",
    )
    ids = [e.findtext(f"{A}id") for e in ET.fromstring(again).findall(f"{A}entry")]
    assert ids[1:] == [e.findtext(f"{A}id") for e in entries]


def test_empty_feed_and_titles_from_the_text() -> None:
    document = feed.build_feed([], title="T", authority="cm@amicale.example")
    root = ET.fromstring(document)
    assert root.findall(f"{A}entry") == [] and root.findtext(f"{A}updated", "").endswith("Z")
    long = published(5, datetime(2026, 1, 1, tzinfo=UTC), title="", text="\n" + "mot " * 40)
    title = feed.entry_title(long)
    assert title.endswith("…") and len(title) <= feed.TITLE_LENGTH
    with pytest.raises(AmicaleError, match="not a domain name"):
        feed.build_feed([], title="T", authority="not a domain")


# --- iCalendar ------------------------------------------------------------------------------


def test_calendar_keeps_local_time_across_the_clock_changes(tmp_path: Path) -> None:
    posts = [
        # Either side of the March 2027 change (28 March) and the October one (31 October).
        scheduled(1, datetime(2027, 3, 27, 9, 0)),
        scheduled(2, datetime(2027, 3, 29, 9, 0)),
        scheduled(3, datetime(2027, 10, 30, 9, 0), channel_kind="x", channel_name="X"),
        scheduled(4, datetime(2027, 11, 1, 9, 0), state="cancelled"),
        scheduled(5, datetime(2027, 11, 1, 9, 0), tz="America/Montreal", state="draft"),
    ]
    report = ical.write_calendar(posts, tmp_path / "plan.ics", name="Amicale")
    assert report.events == 5
    calendar = icalendar.Calendar.from_ical(report.path.read_bytes())
    events = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    assert len(events) == 5
    starts = {uid.split("-")[1]: e.decoded("DTSTART") for uid, e in events.items()}
    for key in "1234":
        assert (starts[key].hour, starts[key].minute) == (9, 0)
        assert str(starts[key].tzinfo) == "Europe/Paris"
    utc_hours = {k: v.astimezone(UTC).hour for k, v in starts.items()}
    assert utc_hours == {"1": 8, "2": 7, "3": 7, "4": 8, "5": 13}  # Montréal: EDT until 7 Nov
    raw = report.path.read_text()
    assert "DTSTART;TZID=Europe/Paris:20270329T090000" in raw
    assert "DTSTART;TZID=America/Montreal:20271101T090000" in raw
    zones = {str(z["TZID"]) for z in calendar.walk("VTIMEZONE")}
    assert zones == {"Europe/Paris", "America/Montreal"}
    paris = next(z for z in calendar.walk("VTIMEZONE") if str(z["TZID"]) == "Europe/Paris")
    assert {c.name for c in paris.subcomponents} == {"STANDARD", "DAYLIGHT"}
    statuses = {uid.split("-")[1]: str(e["STATUS"]) for uid, e in events.items()}
    assert statuses == {
        "1": "CONFIRMED", "2": "CONFIRMED", "3": "CONFIRMED", "4": "CANCELLED", "5": "TENTATIVE"
    }  # fmt: skip
    first = events["post-1-linkedin@amicale.invalid"]
    assert str(first["SUMMARY"]) == "[Page LinkedIn] Post 1"
    assert first.decoded("DTEND") - first.decoded("DTSTART") == ical.DURATION


def test_calendar_uids_are_stable_and_text_is_escaped() -> None:
    post = scheduled(
        7,
        datetime(2027, 6, 1, 18, 30),
        title="Afterwork ; Lyon, « Bellecour »",
        text="Ligne 1\nLigne 2, avec ; et \\",
        link="https://amicale.example/afterwork",
    )
    one = icalendar.Calendar.from_ical(ical.build_calendar([post], name="A"))
    two = icalendar.Calendar.from_ical(
        ical.build_calendar([post, scheduled(8, datetime(2027, 6, 2, 9, 0))], name="A")
    )
    [event] = one.walk("VEVENT")
    assert str(event["UID"]) in {str(e["UID"]) for e in two.walk("VEVENT")}
    assert str(event["DESCRIPTION"]) == (
        "Ligne 1\nLigne 2, avec ; et \\\n\nhttps://amicale.example/afterwork"
    )
    assert str(event["SUMMARY"]) == "[Page LinkedIn] Afterwork ; Lyon, « Bellecour »"
    assert str(event["URL"]) == "https://amicale.example/afterwork"


# --- the store side and the command line ------------------------------------------------------


def test_feed_ids_keep_their_authority(store: Store) -> None:
    assert publish_files.feed_authority(store) == "amicale.invalid"
    # Setting up a sender address later does not change ids readers have seen.
    with store.write() as conn:
        association.put_setting(conn, "smtp.from_address", "bureau@amicale.example")
    assert publish_files.feed_authority(store) == "amicale.invalid"
    assert publish_files.feed_authority(store, "www.amicale.example") == "www.amicale.example"
    assert publish_files.feed_authority(store) == "www.amicale.example"


def test_cli_feed_and_calendar_of_the_demo_posts(
    capsys: pytest.CaptureFixture[str], store: Store, tmp_path: Path
) -> None:
    from app import demo
    from app.posts.store import published_posts

    demo.build_demo(store, members=50, seed=3)
    association.save(store, association.Association("Amicale des Chimistes", ""))
    published = published_posts(store)
    assert published  # the demo has a publication history
    db = store.address
    out_feed = tmp_path / "site" / "feed.xml"
    out_feed.parent.mkdir()
    assert main(["--db", db, "feed", "-o", str(out_feed), "--domain", "amicale.example"]) == 0
    out = capsys.readouterr().out
    assert out == f"feed: {len(published)} posts written to {out_feed}\n"
    root = ET.parse(out_feed).getroot()
    assert root.findtext(f"{A}title") == "Amicale des Chimistes"
    assert len(root.findall(f"{A}entry")) == len(published)

    out_ics = tmp_path / "plan.ics"
    assert main(["--db", db, "calendar", "-o", str(out_ics)]) == 0
    written = capsys.readouterr().out
    assert written.startswith("calendar: ") and written.endswith(f"posts written to {out_ics}\n")
    parsed = icalendar.Calendar.from_ical(out_ics.read_bytes())
    assert "Amicale des Chimistes" in str(parsed["X-WR-CALNAME"])
    uids = [str(e["UID"]) for e in parsed.walk("VEVENT")]
    assert int(written.split()[1]) == len(uids) > 0
    # Recurring posts (the demo's monthly newsletter) repeat a version id: UIDs stay unique.
    assert len(set(uids)) == len(uids)

    # A folder that does not exist: one line, exit 1. No -o: usage error, exit 2.
    assert main(["--db", db, "feed", "-o", str(tmp_path / "nowhere" / "f.xml")]) == 1
    err = capsys.readouterr().err
    assert err.startswith("amicale: cannot write") and err.count("\n") == 1
    with pytest.raises(SystemExit) as usage:
        main(["--db", db, "calendar"])
    assert usage.value.code == 2
