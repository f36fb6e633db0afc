"""The board's figures (app.report) on a small store whose expected values are counted by hand.

The store (local zone Europe/Paris; the year looked at is 2026, the previous one 2025):

| member | added (Paris time)   | promo | region    | other                                        |
|--------|----------------------|-------|-----------|----------------------------------------------|
| Anne   | 2025-06-10 10:00     | 2005  | Bretagne  | lost, found again (→ member) on 2026-03-01  |
| Bruno  | 2025-06-10 10:00     | 2010  | Bretagne  | newsletter 2026-02-15, dues 2026 on 03-01 |
| Chloé  | 2026-02-03 12:00     | 2005  | Alsace    | email, consent, verified, born 1980-02-29   |
| Denis  | 2026-02-03 12:00     | 2012  | —         | dues 2026 when added, born 1985-07-14       |
| Emma   | 2026-12-31 23:30     | 2005  | Alsace    | (UTC: still 2026-12-31)                     |
| Félix  | 2027-01-01 00:30     | 2018  | Alsace    | (UTC: 2026-12-31 23:30, yet 2027 in Paris)  |

So for 2026: members at the end 5 (not Félix), new 3 (Chloé, Denis, Emma), found again 1,
dues paid for 2026: 2 (Bruno, Denis), of which 1 paid after a newsletter (Bruno).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from app.association import Association, save
from app.members.service import MemberDirectory
from app.posts.channels import channels
from app.report.figures import Period, compute, period_figures
from app.store import Store, open_store
from app.store.schema import (
    birthday_wish,
    community,
    member_community,
    moderation_item,
    newsletter_recipient,
    newsletter_send,
    post,
    post_version,
)
from ui.launch import main as program


def _cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """The program as installed (ui.launch hands the report's painter to the CLI)."""
    try:
        code = program(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


PARIS = ZoneInfo("Europe/Paris")
YEAR = Period(date(2026, 1, 1), date(2026, 12, 31))


def paris(*args: int) -> datetime:
    return datetime(*args, tzinfo=PARIS)  # type: ignore[misc]


def utc(moment: datetime) -> str:
    return moment.astimezone(ZoneInfo("UTC")).isoformat(timespec="seconds")


def _publish(conn: sa.Connection, channel_id: int, at: datetime) -> None:
    stamp = utc(at)
    post_id = conn.execute(
        post.insert().values(text="x", state="published", created_at=stamp, updated_at=stamp)
    ).inserted_primary_key[0]
    conn.execute(
        post_version.insert().values(
            post_id=post_id, channel_id=channel_id, state="published", published_at=stamp
        )
    )


def _moderation(
    conn: sa.Connection,
    received: datetime,
    status: str = "pending",
    decided: datetime | None = None,
    signals: list[dict[str, object]] | None = None,
    community_id: int | None = None,
    kind: str = "join",
    member_id: int | None = None,
) -> None:
    conn.execute(
        moderation_item.insert().values(
            kind=kind,
            name="x",
            received_at=utc(received),
            created_at=utc(received),
            status=status,
            decided_at=utc(decided) if decided else None,
            signals=json.dumps(signals or []),
            community_id=community_id,
            matched_member_id=member_id,
        )
    )


def build(store: Store, freeze: Callable[[datetime], None]) -> dict[str, int]:
    directory = MemberDirectory(store)
    ids: dict[str, int] = {}

    def add(name: str, at: datetime, **values: object) -> None:
        freeze(at)
        ids[name] = directory.create({"first_name": name, "last_name": "Test", **values})

    add("Anne", paris(2025, 6, 10, 10), promo=2005, region="Bretagne", status="lost")
    add("Bruno", paris(2025, 6, 10, 10), promo=2010, region="Bretagne")
    add(
        "Chloé",
        paris(2026, 2, 3, 12),
        promo=2005,
        region="Alsace",
        email="chloe@example.org",
        consent=True,
        verification="verified",
        birthday="1980-02-29",
    )
    add("Denis", paris(2026, 2, 3, 12), promo=2012, dues_last_year=2026, birthday="1985-07-14")
    add("Emma", paris(2026, 12, 31, 23, 30), promo=2005, region="Alsace")
    add("Félix", paris(2027, 1, 1, 0, 30), promo=2018, region="Alsace")
    freeze(paris(2026, 3, 1, 9))
    directory.update(ids["Anne"], {"status": "member"})
    directory.update(ids["Bruno"], {"dues_last_year": 2026})
    freeze(paris(2027, 1, 2, 9))
    save(store, Association(name="Amicale des anciens de Vallon", signature=""))

    linkedin = next(c for c in channels(store) if c.kind == "linkedin")
    with store.write() as conn:
        _publish(conn, linkedin.id, paris(2026, 1, 5, 9))  # Monday of week 2
        _publish(conn, linkedin.id, paris(2026, 1, 7, 9))
        _publish(conn, linkedin.id, paris(2025, 11, 3, 9))  # the previous year
        lyon = conn.execute(
            community.insert().values(name="Lyon", name_key="lyon", network="linkedin")
        ).inserted_primary_key[0]
        chimie = conn.execute(
            community.insert().values(name="Chimie", name_key="chimie", network="facebook")
        ).inserted_primary_key[0]
        conn.execute(
            member_community.insert(),
            [
                {"member_id": ids["Anne"], "community_id": lyon},
                {"member_id": ids["Bruno"], "community_id": lyon},
                {"member_id": ids["Bruno"], "community_id": chimie},
                {"member_id": ids["Chloé"], "community_id": chimie},
            ],
        )
        # Received 08:00, approved 20:00 the same day: 12 hours; received on the 2nd,
        # rejected on the 5th at the same time: 72 hours; one pending, with a spam signal.
        _moderation(
            conn,
            paris(2026, 4, 1, 8),
            "approved",
            paris(2026, 4, 1, 20),
            community_id=lyon,
            member_id=ids["Anne"],
        )
        _moderation(conn, paris(2026, 4, 2, 8), "rejected", paris(2026, 4, 5, 8), community_id=lyon)
        _moderation(conn, paris(2026, 5, 1, 8), signals=[{"code": "spam", "weight": 3}])
        _moderation(conn, paris(2025, 5, 1, 8), "approved", paris(2025, 5, 3, 8))
        conn.execute(
            birthday_wish.insert().values(
                member_id=ids["Chloé"],
                year=2026,
                channel="email",
                wished_at=utc(paris(2026, 2, 28)),
            )
        )
        send_id = conn.execute(
            newsletter_send.insert().values(
                subject="Lettre", body="…", query="", started_at=utc(paris(2026, 2, 15, 10))
            )
        ).inserted_primary_key[0]
        conn.execute(
            newsletter_recipient.insert(),
            [
                {
                    "send_id": send_id,
                    "member_id": ids["Bruno"],
                    "email": "b@example.org",
                    "state": "sent",
                    "sent_at": utc(paris(2026, 2, 15, 10, 1)),
                },
                {
                    "send_id": send_id,
                    "member_id": ids["Chloé"],
                    "email": "c@example.org",
                    "state": "failed",
                    "sent_at": None,
                },
            ],
        )
    ids["lyon"], ids["chimie"] = lyon, chimie
    return ids


@pytest.fixture
def report_store(
    tmp_path: Path, freeze: Callable[[datetime], None], local_zone: Callable[[str], None]
) -> tuple[Store, dict[str, int]]:
    local_zone("Europe/Paris")
    store = open_store(tmp_path / "report.sqlite3")
    ids = build(store, freeze)
    yield store, ids
    store.close()


def test_the_period_counts_by_hand(report_store: tuple[Store, dict[str, int]]) -> None:
    store, _ = report_store
    assert period_figures(store, YEAR).as_json() == {
        "members": 5,
        "new_members": 3,
        "lost_found_again": 1,
        "dues_paid": 2,
        "posts_published": 2,
        "moderation_received": 3,
        "moderation_decided": 2,
        "median_decision_hours": 42.0,
        "birthdays_wished": 1,
        "newsletters_sent": 1,
    }


def test_the_dashboard_beside_the_previous_year(
    report_store: tuple[Store, dict[str, int]],
) -> None:
    store, _ids = report_store
    board = compute(store, YEAR)
    now, before = board.current, board.previous
    assert board.association == "Amicale des anciens de Vallon"
    assert before.period == Period(date(2025, 1, 1), date(2025, 12, 31))
    assert (before.members, before.new_members, before.posts_published) == (2, 2, 1)
    assert (before.moderation_received, before.moderation_decided) == (1, 1)
    assert before.median_decision_hours == 48.0
    assert before.lost_found_again == 0
    # Dues: 2 paid for 2026, and for 2025 "2025 or later" is the same two members.
    assert (now.dues_year, now.dues_paid, before.dues_year, before.dues_paid) == (
        2026,
        2,
        2025,
        2,
    )
    assert (now.payments_recorded, now.paid_after_newsletter, now.paid_after_community) == (
        1,
        1,
        0,
    )
    assert (now.moderation_approved, now.moderation_rejected, now.moderation_spam) == (1, 1, 1)
    assert now.spam_share == pytest.approx(1 / 3)
    # Chloé's 29 February falls on the 28th in 2026; Denis on 14 July: two due, one wished.
    assert (now.birthdays_due, now.birthdays_wished) == (2, 1)
    assert (now.newsletter_recipients, now.newsletter_failures) == (1, 1)
    # Today's state: six members, one verified, one email, one consent, none lost any more.
    assert (board.total, board.verified, board.with_email, board.with_consent) == (6, 1, 1, 1)
    assert (board.lost, board.former) == (0, 0)
    # Months of 2026: Chloé and Denis in February, Emma in December.
    assert [b.value for b in board.new_by_step] == [0, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    assert board.new_by_step[1].query == "added:2026-02"
    assert [b.previous for b in board.new_by_step][5] == 2  # June 2025: Anne and Bruno
    assert [(b.label, b.value, b.query) for b in board.by_promo] == [
        ("2000–2009", 3, "promo:2000..2009"),
        ("2010–2019", 3, "promo:2010..2019"),
    ]
    assert [(b.label, b.value, b.query) for b in board.by_region] == [
        ("Alsace", 3, 'region:"Alsace"'),
        ("Bretagne", 2, 'region:"Bretagne"'),
        ("", 1, None),  # Denis, without a region
    ]
    linkedin = next(a for a in board.channels if a.channel.kind == "linkedin")
    assert len(board.weeks) == 53  # 2025-12-29 … 2026-12-28
    assert board.weeks[0] == date(2025, 12, 29)
    assert linkedin.weeks[1] == 2 and linkedin.published == 2
    assert linkedin.silent_weeks == 52
    lyon = next(c for c in board.communities if c.name == "Lyon")
    assert (lyon.members, lyon.received, lyon.approved, lyon.rejected, lyon.joined) == (
        2,
        2,
        1,
        1,
        1,
    )
    assert lyon.query == 'community:"Lyon"'
    # Denis, Emma, Félix in none; Anne and Chloé in one; Bruno in two.
    assert board.community_spread == (3, 2, 1, 0)
    assert board.overlaps == (("Chimie", "Lyon", 1),) or board.overlaps == (("Lyon", "Chimie", 1),)


def test_the_bar_searches_find_the_same_members(
    report_store: tuple[Store, dict[str, int]],
) -> None:
    store, _ = report_store
    board = compute(store, YEAR)
    directory = MemberDirectory(store)
    for bar in (*board.by_promo, *board.by_region, *board.new_by_step):
        if bar.query is not None:
            assert directory.count(bar.query) == bar.value, bar
    for figures in board.communities:
        assert directory.count(figures.query) == figures.members


def test_periods() -> None:
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).previous() == Period(
        date(2026, 2, 1), date(2026, 2, 28)
    )
    assert Period(date(2026, 3, 10), date(2026, 3, 19)).previous() == Period(
        date(2026, 2, 28), date(2026, 3, 9)
    )
    assert Period(date(2025, 1, 1), date(2026, 12, 31)).previous() == Period(
        date(2023, 1, 1), date(2024, 12, 31)
    )
    # The year or the month so far: the same days a year or a month before.
    assert Period(date(2026, 1, 1), date(2026, 12, 3)).previous() == Period(
        date(2025, 1, 1), date(2025, 12, 3)
    )
    assert Period(date(2028, 1, 1), date(2028, 2, 29)).previous() == Period(
        date(2027, 1, 1), date(2027, 2, 28)
    )
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).previous().end == date(2026, 2, 28)
    assert Period(date(2026, 3, 1), date(2026, 3, 30)).previous() == Period(
        date(2026, 2, 1), date(2026, 2, 28)
    )
    assert Period(date(2026, 5, 1), date(2026, 5, 10)).previous() == Period(
        date(2026, 4, 1), date(2026, 4, 10)
    )
    assert YEAR.search() == "2026"
    assert Period(date(2026, 3, 1), date(2026, 3, 31)).search() == "2026-03"
    assert Period(date(2026, 3, 2), date(2026, 3, 8)).search() == "2026-03-02..2026-03-08"
    weeks = Period(date(2026, 3, 4), date(2026, 3, 20)).buckets()
    assert weeks[0] == Period(date(2026, 3, 4), date(2026, 3, 8))  # clipped to the period
    assert weeks[-1] == Period(date(2026, 3, 16), date(2026, 3, 20))
    assert len(YEAR.buckets()) == 12
    with pytest.raises(Exception, match="before it starts"):
        Period(date(2026, 3, 2), date(2026, 3, 1))


def test_an_empty_store(tmp_path: Path) -> None:
    store = open_store(tmp_path / "empty.sqlite3")
    try:
        board = compute(store, YEAR)
    finally:
        store.close()
    assert board.current.as_json()["median_decision_hours"] is None
    assert board.total == 0 and board.by_promo == () and board.community_spread == (0, 0, 0, 0)


# --- the command line: --json, -o bilan.pdf, -o bilan.xlsx ---------------------------------


def test_cli_report(
    report_store: tuple[Store, dict[str, int]],
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
) -> None:
    store, _ = report_store
    db = str(store.path)
    span = ("--from", "2026-01-01", "--to", "2026-12-31")
    code, out, _ = _cli(capsys, "--db", db, "report", *span, "--json")
    assert code == 0
    figures = json.loads(out)
    assert list(figures) == [
        "members",
        "new_members",
        "lost_found_again",
        "dues_paid",
        "posts_published",
        "moderation_received",
        "moderation_decided",
        "median_decision_hours",
        "birthdays_wished",
        "newsletters_sent",
    ]
    assert figures["members"] == 5 and figures["median_decision_hours"] == 42.0

    code, out, _ = _cli(capsys, "--db", db, "report", *span, "-o", str(tmp_path / "bilan.xlsx"))
    assert code == 0 and "bilan.xlsx" in out
    from openpyxl import load_workbook

    book = load_workbook(tmp_path / "bilan.xlsx")
    sheet = book.worksheets[0]
    assert sheet["A1"].value == "Amicale des anciens de Vallon"
    values = {row[0]: row[1:4] for row in sheet.iter_rows(min_row=4, values_only=True) if row[0]}
    # French by default: the labels are the translation's.
    assert values["Membres à la fin de la période"] == (5, 2, 3)
    assert values["Nouveaux membres"] == (3, 2, 1)
    assert values["Anciens perdus de vue retrouvés"] == (1, 0, 1)
    assert values["Délai médian de décision (heures)"] == (42.0, 48.0, -6.0)
    communities = book["Communautés"].iter_rows(min_row=2, values_only=True)
    assert {row[:2] for row in communities} == {("Lyon", 2), ("Chimie", 2)}

    pdf = tmp_path / "bilan.pdf"
    code, _, err = _cli(capsys, "--db", db, "report", *span, "-o", str(pdf), "--language", "en")
    assert code == 0, err
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF") and b"/Type /Page" in data
    import shutil
    import subprocess

    if shutil.which("pdftotext"):
        text = subprocess.run(
            ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True
        ).stdout
        assert "Amicale des anciens de Vallon" in text
        assert "Board report" in text and "Members by region" in text
        assert text.count("\f") == 3  # the figures, then two pages of three charts


def test_cli_report_usage(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    db = str(tmp_path / "x.sqlite3")
    code, _, err = _cli(capsys, "--db", db, "report", "--from", "2026-02-01", "--to", "2026-01-01")
    assert code == 1 and "before it starts" in err
    code, _, err = _cli(
        capsys, "--db", db, "report", "--from", "2026-01-01", "--to", "2026-12-31", "-o", "x.doc"
    )
    assert code == 1 and err.count("\n") == 1
    code, _, _ = _cli(capsys, "--db", db, "report", "--to", "2026-12-31", "--json")
    assert code == 2


# --- the panel -------------------------------------------------------------------------------


def test_the_panel_runs_the_search_of_a_bar(
    qtbot: object, report_store: tuple[Store, dict[str, int]]
) -> None:
    from PySide6.QtCore import Qt
    from pytestqt.qtbot import QtBot

    from ui.panels.dashboard import DashboardPanel

    assert isinstance(qtbot, QtBot)
    store, _ = report_store
    panel = DashboardPanel(store, autoload=False)
    qtbot.addWidget(panel)
    panel.resize(1366, 768)
    with qtbot.waitSignal(panel.loaded, timeout=10000) as loaded:
        panel.set_period(YEAR)
    assert loaded.args[0].current.members == 5
    assert panel.cards["new_members"].text().startswith("3\n")
    # The directory today and the moderation's split are on the panel too, not only in the PDF.
    assert panel.directory.text() == (
        "6 members; 1 verified graduates; 1 with an email address; "
        "1 with consent to be contacted; 0 lost touch."
    )
    assert panel.directory.textFormat() == Qt.TextFormat.PlainText
    assert (
        panel.cards["moderation"]
        .toolTip()
        .endswith("1 approved, 1 rejected; 1 received with spam or selling signals")
    )
    panel.show()
    qtbot.waitExposed(panel)
    qtbot.waitUntil(lambda: not panel.loader.busy, timeout=10000)
    view = panel.charts["promo"]
    view.repaint()
    assert len(view.hits) == 2
    centre = view.hits[1].center().toPoint()
    with qtbot.waitSignal(panel.queryRequested) as asked:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert asked.args == ["promo:2010..2019"]
    # A figure from another panel: the calendar.
    with qtbot.waitSignal(panel.panelRequested) as asked:
        panel.cards["posts_published"].click()
    assert asked.args == ["calendar"]
    # Keyboard: the first bar, then Enter.
    view.setFocus()
    with qtbot.waitSignal(panel.queryRequested) as asked:
        qtbot.keyClick(view, Qt.Key.Key_Right)
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert asked.args == ["promo:2000..2009"]


def test_the_window_opens_the_members_of_a_bar(
    qtbot: object, report_store: tuple[Store, dict[str, int]]
) -> None:
    from pytestqt.qtbot import QtBot

    from ui.main_window import MainWindow
    from ui.settings import UiSettings

    assert isinstance(qtbot, QtBot)
    store, _ = report_store
    window = MainWindow(store, UiSettings())
    qtbot.addWidget(window)
    window.show()
    with qtbot.waitSignal(window.dashboard.loaded, timeout=10000):
        window.show_panel(window.dashboard)
    window.dashboard.queryRequested.emit("promo:2000..2009")
    assert window.stack.currentWidget() is window.members
    assert window.members.search.text() == "promo:2000..2009"
    qtbot.waitUntil(lambda: window.members.last_result is not None, timeout=10000)
    qtbot.waitUntil(lambda: len(window.members.last_result.ids) == 3, timeout=10000)
    window.dashboard.panelRequested.emit("moderation")
    assert window.stack.currentWidget() is window.moderation
    window.close()


def test_an_empty_address_is_no_email(report_store: tuple[Store, dict[str, int]]) -> None:
    """ "With email" is counted as all but those without one (NULL or ""), and "members at
    the end" as all but those added after it: both stay what counting them directly gives."""
    store, ids = report_store
    with store.write() as conn:
        conn.exec_driver_sql("UPDATE member SET email = '' WHERE id = ?", (ids["Denis"],))
        conn.exec_driver_sql(
            "UPDATE member SET email = 'Emma@Example.org' WHERE id = ?", (ids["Emma"],)
        )
    board = compute(store, YEAR)
    assert board.with_email == 2  # Chloé and Emma; not Denis's ""
    assert (board.current.members, board.previous.members) == (5, 2)
    assert period_figures(store, Period(date(2027, 1, 1), date(2027, 1, 1))).members == 6
