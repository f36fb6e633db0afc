"""Birthdays: who is due, the message, the wishes recorded, and `amicale birthdays`."""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy import event

from app import association, birthdays
from app.birthdays import Birthday, check_template, due, mark_wished, render, unmark
from app.cli import main
from app.errors import NotFoundError, ValidationError
from app.members.service import MemberDirectory
from app.messages import Message
from app.store import Store
from app.store.schema import birthday_wish

pytestmark = [pytest.mark.clock, pytest.mark.engines]  # both engines; dates throughout

NOV_26 = date(2026, 11, 26)

# The default French template signs with the association's name as typed.
WISH_TAIL = " Belle journée à toi, de la part de toute l’équipe — Amicale Test"


def person(**values: Any) -> Birthday:
    defaults: dict[str, Any] = {
        "member_id": 1,
        "first_name": "Émilie",
        "last_name": "Dupont",
        "promo": 2005,
        "age": 44,
        "birthday": "1982-11-26",
        "day": NOV_26,
    }
    return Birthday(**{**defaults, **values})


def add(store: Store, first: str, last: str, birthday: str, **values: Any) -> int:
    return MemberDirectory(store).create(
        {"first_name": first, "last_name": last, "birthday": birthday, **values}
    )


@pytest.fixture
def named(store: Store) -> Store:
    association.save(store, association.Association("Amicale Test", "La CM"))
    return store


# --- templates -----------------------------------------------------------------------------


def test_default_french_message() -> None:
    text = render(birthdays.DEFAULT_TEMPLATES["fr"], person(), "Amicale Test")
    assert text == "Joyeux anniversaire, Émilie\u00a0!" + WISH_TAIL


def test_placeholders_in_french_and_english_any_case_or_accent() -> None:
    template = "{prénom} {Prenom} {first_name} {nom} {last_name} {âge} {age} {promo} {association}"
    assert render(template, person(), "A") == "Émilie Émilie Émilie Dupont Dupont 44 44 2005 A"


def test_unknown_placeholders_and_stray_braces_stay_as_typed() -> None:
    text = render("Salut {prénom} {surnom} {{promo}} } {", person(), "A")
    assert text == "Salut Émilie {surnom} {promo} } {"


def test_missing_age_is_dropped_cleanly() -> None:
    nobody_knows = person(age=None, birthday="0000-11-26")
    assert render("Joyeux anniversaire {prénom} ({âge}) !", nobody_knows, "A") == (
        "Joyeux anniversaire Émilie !"
    )
    assert render("Joyeux {âge}e anniversaire, {prénom} !", nobody_knows, "A") == (
        "Joyeux anniversaire, Émilie !"
    )
    assert render("Bon anniversaire {prénom}[, pour tes {âge} ans] !", nobody_knows, "A") == (
        "Bon anniversaire Émilie !"
    )
    # With the age, the bracketed part is kept and its brackets go.
    assert render("Bon anniversaire {prénom}[, pour tes {âge} ans] !", person(), "A") == (
        "Bon anniversaire Émilie, pour tes 44 ans !"
    )
    # Brackets without a placeholder are ordinary text.
    assert render("[Amicale] Bravo {prénom} {âge}", nobody_knows, "A") == "[Amicale] Bravo Émilie"


def test_missing_first_name_takes_its_comma_along() -> None:
    anonymous = person(first_name="")
    assert render(birthdays.DEFAULT_TEMPLATES["fr"], anonymous, "Amicale Test") == (
        "Joyeux anniversaire\u00a0!" + WISH_TAIL
    )
    assert render("{prénom}, joyeux anniversaire !", anonymous, "A") == "joyeux anniversaire !"
    assert render("Happy birthday {first_name}!\nThe team", anonymous, "A") == (
        "Happy birthday!\nThe team"
    )


def test_fields_used() -> None:
    assert birthdays.fields_used("{Prénom} [{âge} ans] {x}") == {"first_name", "age"}


def test_check_template_names_the_unknown_fields() -> None:
    assert check_template(birthdays.DEFAULT_TEMPLATES["fr"]) == []
    assert check_template("{{littéral}} et {prénom}") == []
    (problem,) = check_template("Bonjour {prenom} {surnom} {ville} {surnom}")
    assert isinstance(problem, Message)
    assert problem.args[0] == "{surnom}, {ville}"
    assert "{prénom}" in problem.args[1]
    (english,) = check_template("{nickname}", "en")
    assert "{first_name}" in english.args[1]


@pytest.mark.parametrize(
    ("text", "character"), [("Bonjour {prénom", 9), ("Bonjour } toi", 9), ("a {b{c}", 3)]
)
def test_check_template_finds_the_brace_that_does_not_match(text: str, character: int) -> None:
    (problem,) = check_template(text)
    assert isinstance(problem, Message) and problem.args == (character,)
    assert "{" not in str(problem).replace("“{”", "").replace("“{{”", "")


def test_templates_are_kept_per_language(named: Store) -> None:
    assert birthdays.get_template(named, "fr") == birthdays.DEFAULT_TEMPLATES["fr"]
    assert birthdays.get_template(named, "en") == birthdays.DEFAULT_TEMPLATES["en"]
    birthdays.set_template(named, "fr", "  Bon anniversaire {prénom} !  ")
    assert birthdays.get_template(named, "fr") == "Bon anniversaire {prénom} !"
    assert birthdays.get_template(named, "en") == birthdays.DEFAULT_TEMPLATES["en"]
    with pytest.raises(ValidationError) as raised:
        birthdays.set_template(named, "fr", "Salut {surnom}")
    assert "{surnom}" in str(raised.value.problems["template"])
    assert birthdays.get_template(named, "fr") == "Bon anniversaire {prénom} !"
    assert birthdays.set_template(named, "fr", "") == birthdays.DEFAULT_TEMPLATES["fr"]
    assert birthdays.get_template(named, "fr") == birthdays.DEFAULT_TEMPLATES["fr"]
    with pytest.raises(ValueError):
        birthdays.get_template(named, "de")


# --- who is due ----------------------------------------------------------------------------


def test_due_today_with_age_promo_communities_and_message(
    named: Store, people: dict[str, int]
) -> None:
    (emilie,) = due(named, NOV_26)
    assert (emilie.member_id, emilie.first_name, emilie.last_name) == (
        people["Dupont"],
        "Émilie",
        "Dupont",
    )
    assert (emilie.age, emilie.promo, emilie.day, emilie.wished_at) == (44, 2005, NOV_26, None)
    assert emilie.email == "emilie.dupont@example.org" and emilie.reachable
    assert emilie.message == ("Joyeux anniversaire, Émilie\u00a0!" + WISH_TAIL)
    assert due(named, date(2026, 11, 25)) == []
    english = due(named, NOV_26, language="en")[0].message
    assert english.startswith("Happy birthday, Émilie!")


def test_february_29_is_wished_on_february_28_in_common_years(store: Store) -> None:
    leap = add(store, "Léa", "Bissextile", "2000-02-29")
    feb28 = add(store, "Paul", "Vingthuit", "1990-02-28")
    assert [b.member_id for b in due(store, date(2027, 2, 28))] == [leap, feb28]
    assert due(store, date(2027, 2, 28))[0].age == 27
    assert due(store, date(2027, 3, 1)) == []
    assert [b.member_id for b in due(store, date(2028, 2, 28))] == [feb28]
    assert [b.member_id for b in due(store, date(2028, 2, 29))] == [leap]
    # A week spanning the end of February in a common year: once, on the 28th.
    week = due(store, date(2027, 2, 25), days=7)
    assert [(b.member_id, b.day) for b in week if b.member_id == leap] == [
        (leap, date(2027, 2, 28))
    ]


def test_birthdays_without_a_year_have_no_age(store: Store) -> None:
    member_id = add(store, "Sans", "Année", "--11-26")
    (found,) = due(store, NOV_26)
    assert (found.member_id, found.birthday, found.age) == (member_id, "0000-11-26", None)
    assert "Sans" in found.message


def test_sorted_by_day_then_name_across_new_year(store: Store) -> None:
    zoe = add(store, "Zoé", "Aubert", "1990-01-02")
    adam = add(store, "Adam", "Zola", "1990-12-31")
    anne = add(store, "Anne", "Ébrard", "1980-12-31")
    bruno = add(store, "Bruno", "Dubois", "1985-12-31")
    found = due(store, date(2026, 12, 30), days=4)
    assert [b.member_id for b in found] == [bruno, anne, adam, zoe]  # "Ébrard" sorts as E
    assert [b.day for b in found] == [date(2026, 12, 31)] * 3 + [date(2027, 1, 2)]
    assert found[-1].age == 37  # in 2027


def test_lost_touch_members_are_listed_but_marked_unreachable(store: Store) -> None:
    add(store, "Loïc", "Perdu", "1970-11-26", status="lost")
    (found,) = due(store, NOV_26)
    assert found.status == "lost" and not found.reachable and found.profile_url is None


def test_profile_url_only_for_linkedin_profiles() -> None:
    assert person(linkedin_url="https://www.linkedin.com/in/emilie").profile_url == (
        "https://www.linkedin.com/in/emilie"
    )
    assert person(linkedin_url="linkedin.com/in/emilie").profile_url == (
        "https://linkedin.com/in/emilie"
    )
    assert person(linkedin_url="javascript:alert(1)//linkedin.com/in/x").profile_url is None
    assert person(linkedin_url="file:///etc/passwd").profile_url is None
    assert person(linkedin_url="https://evil.example/linkedin.com/in/x").profile_url is None


@pytest.mark.sqlite_only  # a query plan
def test_the_month_day_index_answers(store: Store, people: dict[str, int]) -> None:
    statements: list[tuple[str, Any]] = []

    def seen(_conn: Any, _cursor: Any, statement: str, parameters: Any, *_: Any) -> None:
        if "substr(member.birthday" in statement:
            statements.append((statement, parameters))

    event.listen(store.engine, "before_cursor_execute", seen)
    try:
        due(store, NOV_26, days=7)
    finally:
        event.remove(store.engine, "before_cursor_execute", seen)
    assert statements
    with store.read() as conn:
        for statement, parameters in statements:
            plan = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, parameters).all()
            assert any("ix_member_birthday_md" in row[-1] for row in plan), plan


def test_local_time_decides_today(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TZ", "Europe/Paris")
    time.tzset()
    try:
        late_utc = datetime(2026, 11, 25, 23, 30, tzinfo=UTC)  # 00:30 on the 26th in Paris
        assert birthdays.local_today(late_utc) == NOV_26
        assert birthdays.local_today(datetime(2026, 11, 25, 22, 59, tzinfo=UTC)) == (
            date(2026, 11, 25)
        )
        monkeypatch.setenv("TZ", "America/Montreal")
        time.tzset()
        assert birthdays.local_today(late_utc) == date(2026, 11, 25)
    finally:
        monkeypatch.undo()
        time.tzset()


# --- wishes --------------------------------------------------------------------------------


def test_a_wished_member_is_not_pending_again_that_year(
    store: Store, people: dict[str, int]
) -> None:
    emilie = people["Dupont"]
    at = mark_wished(store, emilie, "linkedin", NOV_26)
    assert due(store, NOV_26) == []
    (done,) = due(store, NOV_26, include_done=True)
    assert (done.member_id, done.wished_at, done.channel) == (emilie, at, "linkedin")
    # The next year she is due again.
    assert [b.member_id for b in due(store, date(2027, 11, 26))] == [emilie]
    # Marking again keeps one record, with the latest channel.
    mark_wished(store, emilie, "email", NOV_26)
    with store.read() as conn:
        rows = conn.execute(sa.select(birthday_wish.c.year, birthday_wish.c.channel)).all()
    assert [tuple(r) for r in rows] == [(2026, "email")]
    assert unmark(store, emilie, NOV_26)
    assert not unmark(store, emilie, NOV_26)
    assert [b.member_id for b in due(store, NOV_26)] == [emilie]


def test_a_wish_counts_for_the_year_of_the_birthday(store: Store) -> None:
    new_year = add(store, "Jean", "Janvier", "1990-01-01")
    (upcoming,) = due(store, date(2026, 12, 31), days=2)
    assert upcoming.day == date(2027, 1, 1)
    mark_wished(store, new_year, "phone", upcoming.day)  # wished a day early
    assert due(store, date(2027, 1, 1)) == []
    assert [b.member_id for b in due(store, date(2028, 1, 1))] == [new_year]


def test_wishes_refuse_unknown_channels_and_members_and_go_with_the_member(
    store: Store, people: dict[str, int]
) -> None:
    with pytest.raises(ValidationError) as raised:
        mark_wished(store, people["Dupont"], "pigeon", NOV_26)
    assert "pigeon" in str(raised.value)
    with pytest.raises(NotFoundError):
        mark_wished(store, 999_999, "email", NOV_26)
    mark_wished(store, people["Dupont"], "email", NOV_26)
    MemberDirectory(store).delete([people["Dupont"]])
    with store.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(birthday_wish)).scalar() == 0


def test_agenda_splits_today_upcoming_and_done(named: Store, people: dict[str, int]) -> None:
    soon = add(named, "Sam", "Bientôt", "1995-11-28")
    later = add(named, "Tom", "Tard", "1995-12-04")  # beyond the week
    early = add(named, "Eva", "Avance", "1995-11-30")
    mark_wished(named, early, "facebook", date(2026, 11, 30))
    agenda = birthdays.agenda(named, NOV_26, language="en")
    assert [b.member_id for b in agenda.today] == [people["Dupont"]]
    assert [b.member_id for b in agenda.upcoming] == [soon]
    assert [b.member_id for b in agenda.done] == [early]
    assert later not in [b.member_id for b in agenda.upcoming]
    assert agenda.template == birthdays.DEFAULT_TEMPLATES["en"]
    assert set(agenda.templates) == {"fr", "en"} and agenda.association == "Amicale Test"


# --- the command line ----------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def cli_store(named: Store, people: dict[str, int]) -> Iterator[str]:
    add(named, "Sans", "Année", "--11-26")
    add(named, "Sam", "Bientôt", "1995-11-27", linkedin_url="https://www.linkedin.com/in/sam")
    yield named.address


def test_cli_text(capsys: pytest.CaptureFixture[str], cli_store: str) -> None:
    code, out, _ = run(capsys, "--db", cli_store, "birthdays", "--date", "2026-11-26")
    assert code == 0
    assert out.splitlines() == [
        "Sans Année — Joyeux anniversaire, Sans\u00a0!" + WISH_TAIL,
        "Émilie Dupont (promo 2005, 44 ans) — Joyeux anniversaire, Émilie\u00a0!" + WISH_TAIL,
    ]
    code, out, _ = run(
        capsys, "--db", cli_store, "birthdays", "--date", "2026-11-26", "--days", "2",
        "--language", "en",
    )  # fmt: skip
    lines = out.splitlines()
    assert code == 0 and len(lines) == 3
    assert lines[1].startswith("2026-11-26 Émilie Dupont (class of 2005, 44 years old) — Happy")
    assert lines[2].startswith("2026-11-27 Sam Bientôt (31 years old) — Happy birthday, Sam!")
    code, out, _ = run(capsys, "--db", cli_store, "birthdays", "--date", "2026-11-25")
    assert (code, out) == (0, "aucun anniversaire\n")


def test_cli_json_contract(capsys: pytest.CaptureFixture[str], cli_store: str) -> None:
    code, out, _ = run(capsys, "--db", cli_store, "birthdays", "--date", "2026-11-26", "--json")
    assert code == 0
    found = json.loads(out)
    assert [set(item) for item in found] == [
        {"member_id", "first_name", "last_name", "age", "message"}
    ] * 2
    assert [(i["first_name"], i["last_name"], i["age"]) for i in found] == [
        ("Sans", "Année", None),
        ("Émilie", "Dupont", 44),
    ]
    assert found[1]["message"].endswith(WISH_TAIL)
    assert isinstance(found[1]["member_id"], int)


def test_cli_skips_those_already_wished(
    capsys: pytest.CaptureFixture[str], named: Store, people: dict[str, int]
) -> None:
    mark_wished(named, people["Dupont"], "linkedin", NOV_26)
    code, out, _ = run(capsys, "--db", named.address, "birthdays", "--date", "2026-11-26", "--json")
    assert (code, json.loads(out)) == (0, [])


@pytest.mark.parametrize(
    "argv", [("--date", "2026-02-30"), ("--date", "26/11/2026"), ("--days", "0")]
)
def test_cli_bad_arguments_are_one_line_exit_1(
    capsys: pytest.CaptureFixture[str], db_path: Path, argv: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "birthdays", *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err


def test_cli_default_date_is_today(
    capsys: pytest.CaptureFixture[str], store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(birthdays, "local_today", lambda now=None: date(2027, 2, 28))
    add(store, "Léa", "Bissextile", "2000-02-29")
    code, out, _ = run(capsys, "--db", store.address, "birthdays", "--json")
    assert code == 0 and [i["first_name"] for i in json.loads(out)] == ["Léa"]
