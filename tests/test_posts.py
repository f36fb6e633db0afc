"""The editorial calendar's core: counting, limits, local-time scheduling across the Paris
clock changes, queue slots, recurrence, states, CSV import, events, attachments, publishing
links, the cadence advisor and the interface the exports read."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import cli
from app.errors import AmicaleError
from app.posts import counting, planning, publishing
from app.posts.attachments import add_attachment, files_dir, remove_attachment, resolve_path
from app.posts.channels import KINDS, channels, resolve, save_channel
from app.posts.csv_import import import_posts_csv
from app.posts.events import create_event, generate_series
from app.posts.store import (
    PostDraft,
    calendar_items,
    create_post,
    due_versions,
    get_post,
    list_posts,
    mark_failed,
    mark_published,
    post_state,
    published_posts,
    reschedule,
    retry,
    scheduled_posts,
    set_state,
    update_post,
)
from app.posts.timing import add_months, occurrences, to_local, to_utc
from app.store import Store
from app.store.schema import post_version

pytestmark = [pytest.mark.clock, pytest.mark.engines]  # both engines; dates throughout

PARIS = "Europe/Paris"


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


def chan(store: Store, kind: str) -> int:
    found = resolve(channels(store), kind)
    assert found is not None
    return found.id


# --- counting --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hello", 5),
        ("Émilie à l’été", 14),  # accented Latin and the typographic apostrophe weigh 1
        ("e\u0301", 1),  # a decomposed é is normalised (NFC) first
        ("😀", 2),
        ("👍🏽", 2),  # skin tone: one emoji
        ("👨\u200d👩\u200d👧\u200d👦", 2),  # ZWJ family: one emoji
        ("🇫🇷", 2),  # flag: one emoji
        ("1\ufe0f\u20e3", 2),  # keycap
        ("日本語", 6),  # CJK weighs 2
        ("https://example.com/a/very/long/path/that/goes/on?x=1", 23),
        ("Voir https://a.fr !", 5 + 23 + 2),
        ("amicale.fr", 23),  # a bare domain is a link too
        ("(see https://en.wikipedia.org/wiki/Foo_(bar))", 5 + 23 + 1),
    ],
)
def test_x_weighted_length(text: str, expected: int) -> None:
    assert counting.x_length(text) == expected


def test_x_limit_is_280_weighted_not_280_code_points() -> None:
    assert counting.x_length("é" * 280) == 280
    assert counting.x_length("日" * 141) == 282  # over
    assert counting.x_length("a" * 250 + " https://example.org/" + "x" * 100) == 250 + 1 + 23


def test_other_networks_count_as_they_do() -> None:
    text = "Bravo 👍🏽 https://amicale-exemple.fr/une/longue/adresse"
    # Mastodon: graphemes, URL 23
    assert counting.mastodon_length(text) == 6 + 1 + 1 + 23
    # LinkedIn, Facebook, Viadeo: JavaScript length (UTF-16 units), URL as typed
    assert counting.length_for("linkedin", "👍🏽") == 4
    assert counting.length_for("facebook", "été") == 3
    assert counting.length_for("website", "👍🏽é") == 2


def test_strictest_limit_is_the_one_with_least_room() -> None:
    text = "x" * 300
    report = counting.count_versions(
        [(1, "linkedin", 3000, text), (2, "x", 280, text), (3, "mastodon", 500, text)]
    )
    assert report.strictest == 2
    assert [c.channel_id for c in report.over] == [2]
    assert report.count_for(2).remaining == -20  # type: ignore[union-attr]
    # A channel without a limit is never the strictest; alone, there is none.
    assert counting.count_versions([(4, "newsletter", None, text)]).strictest is None
    # Per-channel texts: the binding one wins even if its limit is larger.
    report = counting.count_versions([(1, "mastodon", 500, "a" * 499), (2, "x", 280, "short")])
    assert report.strictest == 1


# --- time --------------------------------------------------------------------------------------


def test_nine_in_paris_stays_nine_across_both_clock_changes() -> None:
    winter = to_utc(datetime(2027, 3, 27, 9, 0), PARIS)  # Saturday before the March change
    summer = to_utc(datetime(2027, 3, 28, 9, 0), PARIS)  # the change's Sunday
    assert winter.hour == 8 and summer.hour == 7
    weekly = list(occurrences(winter, PARIS, "weekly", utc(2027, 3, 1), utc(2027, 4, 11)))
    assert [to_local(i, PARIS).hour for _, i in weekly] == [9, 9, 9]
    assert [i.hour for _, i in weekly] == [8, 7, 7]
    october = to_utc(datetime(2027, 10, 23, 9, 0), PARIS)
    weekly = list(occurrences(october, PARIS, "weekly", october, utc(2027, 11, 7)))
    assert [(to_local(i, PARIS).hour, i.hour) for _, i in weekly] == [
        (9, 7),
        (9, 7),
        (9, 8),
    ]  # change on Oct 31


def test_monthly_recurrence_clamps_the_31st_and_keeps_local_time() -> None:
    first = to_utc(datetime(2027, 1, 31, 9, 0), PARIS)
    days = [
        to_local(i, PARIS)
        for _, i in occurrences(first, PARIS, "monthly", utc(2027, 1, 1), utc(2027, 6, 1))
    ]
    assert [d.date() for d in days] == [
        date(2027, 1, 31), date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30),
        date(2027, 5, 31),
    ]  # fmt: skip
    assert {d.hour for d in days} == {9}
    assert add_months(date(2028, 2, 29), 12) == date(2029, 2, 28)


def test_yearly_recurrence_and_window_skipping() -> None:
    first = to_utc(datetime(2024, 2, 29, 18, 30), PARIS)
    found = list(occurrences(first, PARIS, "yearly", utc(2026, 1, 1), utc(2029, 1, 1)))
    assert [(n, to_local(i, PARIS)) for n, i in found] == [
        (2, datetime(2026, 2, 28, 18, 30)),
        (3, datetime(2027, 2, 28, 18, 30)),
        (4, datetime(2028, 2, 29, 18, 30)),
    ]


def test_a_wall_time_skipped_by_the_spring_change_lands_an_hour_later() -> None:
    instant = to_utc(datetime(2027, 3, 28, 2, 30), PARIS)
    assert to_local(instant, PARIS) == datetime(2027, 3, 28, 3, 30)


def test_queue_takes_the_next_free_slot_in_local_time(store: Store) -> None:
    linkedin = chan(store, "linkedin")  # slots: Tuesday and Thursday 09:00
    # Friday 26 March 2027, before the clock change on Sunday 28.
    after = to_utc(datetime(2027, 3, 26, 12, 0), PARIS)
    first = planning.next_free_slot(store, [linkedin], after=after)
    assert to_local(first, PARIS) == datetime(2027, 3, 30, 9, 0)  # Tuesday, summer time
    assert first == utc(2027, 3, 30, 7, 0)
    create_post(
        store,
        PostDraft(
            text="a", local_time=datetime(2027, 3, 30, 9), versions={linkedin: (None, None)},
            state="scheduled",
        ),
    )  # fmt: skip
    second = planning.next_free_slot(store, [linkedin], after=after)
    assert to_local(second, PARIS) == datetime(2027, 4, 1, 9, 0)
    # October: the slot after the change is still 09:00 local.
    after = to_utc(datetime(2027, 10, 29, 12, 0), PARIS)
    slot = planning.next_free_slot(store, [linkedin], after=after)
    assert (to_local(slot, PARIS), slot.hour) == (datetime(2027, 11, 2, 9, 0), 8)


def test_queue_sees_recurring_posts_and_refuses_channels_without_slots(store: Store) -> None:
    x = chan(store, "x")  # Monday, Wednesday, Friday 12:00
    create_post(
        store,
        PostDraft(
            text="weekly", local_time=datetime(2027, 3, 1, 12), recurrence="weekly",
            versions={x: (None, None)}, state="scheduled",
        ),
    )  # fmt: skip
    after = to_utc(datetime(2027, 3, 28, 13, 0), PARIS)  # Sunday
    slot = planning.next_free_slot(store, [x], after=after)
    assert to_local(slot, PARIS) == datetime(2027, 3, 31, 12, 0)  # Monday is taken
    bare = save_channel(store, kind="x", name="X bis")
    with pytest.raises(AmicaleError):
        planning.next_free_slot(store, [bare], after=after)


# --- states --------------------------------------------------------------------------------------


def scheduled_post(store: Store, when: datetime, *kinds: str, **extra: object) -> int:
    return create_post(
        store,
        PostDraft(
            text="Bonjour",
            local_time=when,
            versions={chan(store, k): (None, None) for k in kinds},
            state="scheduled",
            **extra,  # type: ignore[arg-type]
        ),
    )


def test_due_is_computed_from_the_time(store: Store) -> None:
    post_id = scheduled_post(store, datetime(2027, 5, 4, 9), "linkedin")
    item = get_post(store, post_id)
    assert post_state(item, utc(2027, 5, 4, 6, 59)) == "scheduled"
    assert post_state(item, utc(2027, 5, 4, 7, 0)) == "due"
    assert item.state == "scheduled"  # never stored as due
    assert [d.post_id for d in due_versions(store, utc(2027, 5, 4, 7))] == [post_id]
    assert due_versions(store, utc(2027, 5, 4, 6)) == []


def test_published_only_when_every_version_was(store: Store) -> None:
    post_id = scheduled_post(store, datetime(2026, 1, 5, 9), "linkedin", "x")
    first, second = get_post(store, post_id).versions
    mark_published(store, first.id, url="https://www.linkedin.com/feed/update/1")
    item = get_post(store, post_id)
    assert item.state == "scheduled" and post_state(item) == "due"
    assert [p.id for p in published_posts(store)] == [first.id]
    mark_published(store, second.id, url="https://x.com/a/status/2")
    assert get_post(store, post_id).state == "published"
    with pytest.raises(AmicaleError):
        mark_published(store, second.id)
    with pytest.raises(AmicaleError):
        update_post(store, post_id, PostDraft(text="changed"))


def test_failed_keeps_its_reason_and_retry_makes_it_due_again(store: Store) -> None:
    post_id = scheduled_post(store, datetime(2026, 1, 5, 9), "x", "mastodon")
    x_version, masto = get_post(store, post_id).versions
    mark_failed(store, x_version.id, "rate limited")
    item = get_post(store, post_id)
    assert item.state == "failed"
    assert item.versions[0].failure_reason == "rate limited"
    # the other channel is still due
    assert [d.version_id for d in due_versions(store)] == [masto.id]
    retry(store, x_version.id)
    item = get_post(store, post_id)
    assert item.state == "scheduled" and post_state(item) == "due"
    assert item.versions[0].failure_reason is None
    with pytest.raises(AmicaleError):
        retry(store, x_version.id)


def test_transitions_the_cm_makes(store: Store) -> None:
    draft = create_post(store, PostDraft(text="idée"))
    with pytest.raises(AmicaleError):  # no date, no channel
        set_state(store, draft, "scheduled")
    post_id = scheduled_post(store, datetime(2027, 6, 1, 9), "linkedin")
    set_state(store, post_id, "cancelled")
    with pytest.raises(AmicaleError):
        mark_published(store, get_post(store, post_id).versions[0].id)
    with pytest.raises(AmicaleError):
        set_state(store, post_id, "scheduled")
    set_state(store, post_id, "draft")
    set_state(store, post_id, "scheduled")
    with pytest.raises(AmicaleError):
        set_state(store, post_id, "published")


def test_reschedule_keeps_the_local_time_across_the_change(store: Store) -> None:
    post_id = scheduled_post(store, datetime(2027, 3, 26, 9, 15), "linkedin")
    instant = reschedule(store, post_id, datetime(2027, 4, 2))
    assert instant == utc(2027, 4, 2, 7, 15)
    assert get_post(store, post_id).local_time == datetime(2027, 4, 2, 9, 15)


def test_publishing_an_occurrence_moves_the_series_on(store: Store) -> None:
    series = scheduled_post(store, datetime(2027, 3, 25, 9), "linkedin", "x", recurrence="weekly")
    linkedin, _x = get_post(store, series).versions
    occurrence = mark_published(store, linkedin.id, url="https://www.linkedin.com/feed/update/9")
    assert occurrence != series
    done = get_post(store, occurrence)
    assert done.series_id == series and done.recurrence == "none"
    assert done.local_time == datetime(2027, 3, 25, 9)
    # X has not gone out yet: the occurrence is not published, and X is due there only.
    assert done.state == "scheduled"
    assert get_post(store, series).local_time == datetime(2027, 4, 1, 9)  # summer, still 09:00
    due = due_versions(store, utc(2027, 3, 25, 9))
    assert [(d.post_id, d.channel.kind) for d in due] == [(occurrence, "x")]
    mark_published(store, due[0].version_id, url="https://x.com/a/status/9")
    assert get_post(store, occurrence).state == "published"
    assert get_post(store, series).local_time == datetime(2027, 4, 1, 9)  # moved on once
    assert due_versions(store, utc(2027, 3, 25, 9)) == []


def test_a_failed_occurrence_does_not_fail_the_series(store: Store) -> None:
    series = scheduled_post(store, datetime(2027, 1, 31, 9), "mastodon", recurrence="monthly")
    [version] = get_post(store, series).versions
    mark_failed(store, version.id, "instance down")
    assert get_post(store, series).state == "scheduled"
    assert get_post(store, series).local_time == datetime(2027, 2, 28, 9)  # clamped
    [failed] = due_versions(store, utc(2027, 2, 1), include_failed=True)
    assert failed.state == "failed" and failed.failure_reason == "instance down"
    assert failed.post_id != series


# --- the interface the exports read ------------------------------------------------------------


def test_scheduled_posts_expand_recurrences_with_aware_utc_times(store: Store) -> None:
    scheduled_post(store, datetime(2027, 3, 25, 9), "linkedin", "x", recurrence="weekly")
    found = scheduled_posts(store, utc(2027, 3, 20), utc(2027, 4, 5))
    assert [(s.channel_kind, s.scheduled_at) for s in found] == [
        ("linkedin", utc(2027, 3, 25, 8)),
        ("x", utc(2027, 3, 25, 8)),
        ("linkedin", utc(2027, 4, 1, 7)),
        ("x", utc(2027, 4, 1, 7)),
    ]
    assert {s.tz for s in found} == {PARIS}
    assert all(s.scheduled_at.tzinfo is not None for s in found)
    assert {s.state for s in found} <= {"scheduled", "due"}


def test_published_posts_since(store: Store) -> None:
    post_id = scheduled_post(store, datetime(2026, 1, 5, 9), "website")
    version = get_post(store, post_id).versions[0]
    mark_published(store, version.id, url="https://amicale.fr/news/1", at=utc(2026, 1, 5, 8))
    [found] = published_posts(store)
    assert (found.channel_kind, found.url, found.published_at) == (
        "website",
        "https://amicale.fr/news/1",
        utc(2026, 1, 5, 8),
    )
    assert published_posts(store, since=utc(2026, 1, 6)) == []


# --- CSV import --------------------------------------------------------------------------------


def test_csv_import_french_headers_any_order_bad_rows_with_lines(
    store: Store, tmp_path: Path
) -> None:
    save_channel(store, kind="linkedin", name="Groupe des anciens", variant="group")
    path = tmp_path / "posts.csv"
    path.write_text(
        "Texte;CANAL;Heure;Date;Lien\n"
        "Bonjour à tous;linkedin;09:00;2027-01-12;https://amicale.fr\n"
        "Hello;groupe des anciens;18:30;2027-01-12;\n"
        "Oops;myspace;09:00;2027-01-13;\n"
        "Oops;x;25:00;2027-01-13;\n"
        "Oops;x;09:00;13/01/2027;\n"
        ";x;09:00;2027-01-13;\n"
        "Link;x;09:00;2027-01-13;javascript:alert(1)\n",
        encoding="utf-8-sig",
    )
    report = import_posts_csv(store, path)
    assert report.created == 2
    assert [(b.line, b.reason) for b in report.rejected] == [
        (4, "unknown channel “myspace”"),
        (5, "time “25:00” is not HH:MM"),
        (6, "date “13/01/2027” is not YYYY-MM-DD"),
        (7, "no text"),
        (8, "link “javascript:alert(1)” is not an http(s) address"),
    ]
    first, second = (get_post(store, i) for i in report.post_ids)
    assert first.local_time == datetime(2027, 1, 12, 9) and first.link == "https://amicale.fr"
    assert [v.channel_id for v in second.versions] == [
        next(c.id for c in channels(store) if c.name == "Groupe des anciens")
    ]


def test_csv_import_english_headers_and_missing_columns(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("date,time,channel,text\n2027-02-01,08:00,Mastodon,Salut\n")
    assert import_posts_csv(store, path).created == 1
    path.write_text("date,channel,text\n2027-02-01,x,Salut\n")
    with pytest.raises(AmicaleError, match="time"):
        import_posts_csv(store, path)


def test_csv_import_is_one_transaction(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "posts.csv"
    path.write_text("date,time,channel,text\n2027-02-01,08:00,x,a\n2027-02-02,08:00,x,b\n")
    from app.posts import csv_import

    calls = []
    real = csv_import.insert_post

    def failing(conn: sa.Connection, draft: PostDraft) -> int:
        calls.append(draft)
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return real(conn, draft)

    monkeypatch.setattr(csv_import, "insert_post", failing)
    with pytest.raises(RuntimeError):
        import_posts_csv(store, path)
    assert list_posts(store) == []


# --- CLI -----------------------------------------------------------------------------------------


def test_cli_posts_json_and_import(
    fixed_now: datetime,
    store: Store,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    path = tmp_path / "p.csv"
    path.write_text("date;heure;canal;texte\n2027-07-01;09:00;x;Été 😀\n2027-07-01;9;x;bad\n")
    assert cli.main(["--db", str(db_path), "posts", "import", str(path)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == ["line 3: time “9” is not HH:MM", "created: 1, rejected: 1"]
    assert cli.main(["--db", str(db_path), "posts", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert listed == [
        {
            "id": listed[0]["id"],
            "channel": "x",
            "state": "scheduled",
            "scheduled_at": "2027-07-01T09:00:00+02:00",
            "text": "Été 😀",
        }
    ]
    assert datetime.fromisoformat(listed[0]["scheduled_at"]).utcoffset() == timedelta(hours=2)
    assert cli.main(["--db", str(db_path), "posts", "--due", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == []
    assert cli.main(["--db", str(db_path), "posts", "import", str(tmp_path / "none.csv")]) == 1
    assert "cannot read" in capsys.readouterr().err


# --- events, attachments, publishing, cadence ---------------------------------------------------


def test_event_generates_announcement_reminder_and_thanks_drafts(store: Store) -> None:
    event_id = create_event(
        store, "Gala", date(2027, 4, 10), at="19:30", place="Lyon", link="https://a.fr/gala"
    )
    ids = generate_series(store, event_id, [chan(store, "linkedin"), chan(store, "facebook")])
    posts = [get_post(store, i) for i in ids]
    assert [p.role for p in posts] == ["announcement", "reminder", "thanks"]
    assert {p.state for p in posts} == {"draft"}
    assert [p.local_time for p in posts] == [
        datetime(2027, 3, 20, 9), datetime(2027, 4, 8, 9), datetime(2027, 4, 11, 10),
    ]  # fmt: skip
    assert "10 avril 2027 à 19h30, Lyon" in posts[0].text
    assert all(len(p.versions) == 2 for p in posts)
    with pytest.raises(AmicaleError):
        generate_series(store, event_id, [])


def test_attachments_are_copied_into_the_store_folder(store: Store, tmp_path: Path) -> None:
    post_id = create_post(store, PostDraft(text="photo"))
    image = tmp_path / "gala photo.png"
    image.write_bytes(b"\x89PNG fake")
    attachment_id = add_attachment(store, post_id, image)
    [attached] = get_post(store, post_id).attachments
    copy = resolve_path(store, attached.path)
    assert copy.read_bytes() == b"\x89PNG fake"
    assert copy.is_relative_to(files_dir(store)) and files_dir(store).parent == store.path.parent
    image.unlink()
    assert copy.exists()
    remove_attachment(store, attachment_id)
    assert not copy.exists()
    with pytest.raises(AmicaleError):
        resolve_path(store, "../../etc/passwd")


def test_compose_urls_are_http_only(store: Store) -> None:
    by_kind = {c.kind: c for c in channels(store)}
    url = publishing.compose_url(by_kind["x"], "Été 😀 & co", "https://a.fr/x?y=1")
    assert url is not None and url.startswith("https://x.com/intent/post?text=")
    assert "%C3%89t%C3%A9" in url and "https%3A%2F%2Fa.fr" in url
    assert publishing.compose_url(by_kind["newsletter"], "t") is None
    assert publishing.compose_url(by_kind["viadeo"], "t") == "https://www.viadeo.com/"
    fb = publishing.compose_url(by_kind["facebook"], "t", "javascript:alert(1)")
    assert fb is not None and publishing.is_web_url(fb) and "javascript" not in fb
    with pytest.raises(AmicaleError):
        save_channel(store, kind="viadeo", name="V", variant="group", url="file:///etc/passwd")
    assert not publishing.is_web_url("ftp://x.org")


def test_cadence_advisor_warns_too_many_and_silence(store: Store) -> None:
    x = chan(store, "x")
    linkedin = chan(store, "linkedin")
    for day in range(1, 9):  # 8 posts on X in the week of Monday 2027-05-03 (max 7)
        d = min(day, 7)
        create_post(
            store,
            PostDraft(
                text=str(day), local_time=datetime(2027, 5, 2 + d, 12, day),
                versions={x: (None, None)}, state="scheduled",
            ),
        )  # fmt: skip
    create_post(
        store,
        PostDraft(
            text="old", local_time=datetime(2027, 4, 1, 9), versions={linkedin: (None, None)},
            state="scheduled",
        ),
    )  # fmt: skip
    report = planning.cadence(store, date(2027, 5, 5))
    assert report.week_start == date(2027, 5, 3)
    assert report.balance[x] == 8 and report.balance[linkedin] == 0
    kinds = {(a.channel_id, a.kind) for a in report.advice}
    assert (x, "too-many") in kinds
    assert (linkedin, "silent") in kinds  # 38 days > 14
    assert (x, "silent") not in kinds
    # Channels never used are not nagged about.
    assert all(a.channel_id in (x, linkedin) for a in report.advice)


def test_new_store_has_one_channel_of_each_kind(store: Store) -> None:
    assert sorted(c.kind for c in channels(store)) == sorted(KINDS)
    assert {c.kind: c.char_limit for c in channels(store)}["x"] == 280


def test_calendar_items_filters(store: Store) -> None:
    a = scheduled_post(store, datetime(2027, 5, 4, 9), "linkedin")
    b = scheduled_post(store, datetime(2027, 5, 5, 9), "x")
    c = create_post(store, PostDraft(text="d", local_time=datetime(2027, 5, 6, 9)))
    window = (utc(2027, 5, 1), utc(2027, 6, 1))
    assert [i.post_id for i in calendar_items(store, *window)] == [a, b, c]
    assert [i.post_id for i in calendar_items(store, *window, channel_ids=[chan(store, "x")])] == [
        b
    ]
    assert [i.post_id for i in calendar_items(store, *window, states=["draft"])] == [c]
    with store.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(post_version)).scalar() == 2


@pytest.mark.sqlite_only  # import / demo on a server: refused for now (issue 11)
def test_demo_plans_weeks_of_posts_on_several_channels(store: Store) -> None:
    from app.demo import build_demo

    build_demo(store, members=50, seed=3, today=date(2026, 11, 26))
    listed = list_posts(store, now=utc(2026, 11, 26, 12))
    assert len({p.channel for p in listed}) >= 4
    states = {p.state for p in listed}
    assert {"published", "scheduled", "draft", "due"} <= states
    published = published_posts(store)
    assert published and all(p.url and p.url.startswith("https://") for p in published)
    days = {p.scheduled_at.date() for p in listed if p.scheduled_at}
    assert max(days) - min(days) >= timedelta(days=35)
