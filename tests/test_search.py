"""The search language: parsing, errors with positions, meaning on a real store."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time, timedelta

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.members.query import QueryContext, compile_query
from app.members.search import And, Field, Not, Or, QuerySyntaxError, Text, parse
from app.members.service import MemberDirectory, Sort
from app.store import Store
from app.store.schema import member

# The search language means the same on both engines.
pytestmark = pytest.mark.engines


def test_parse_examples_from_the_design() -> None:
    assert parse("tag:lyon promo:2005..2010 -dues:paid") == And(
        (
            Field("tag", "lyon", 0, 4),
            Field("promo", "2005..2010", 9, 15),
            Not(Field("dues", "paid", 27, 32)),
        )
    )
    tree = parse("(tag:chimie OR tag:pharma) has:email")
    assert isinstance(tree, And) and isinstance(tree.children[0], Or)
    assert parse('"saint étienne"') == Text("saint étienne", True, 0)
    assert parse('city:"saint étienne"') == Field("city", "saint étienne", 0, 5)
    assert parse("") is None and parse("   ") is None
    assert parse("NOT a") == Not(Text("a", False, 4))
    assert parse("a AND b") == And((Text("a", False, 0), Text("b", False, 6)))
    assert parse("jean-pierre") == Text("jean-pierre", False, 0)


@pytest.mark.parametrize(
    ("query", "position", "words"),
    [
        ('"abc', 0, "unclosed quote"),
        ("(a", 0, "without a matching ')'"),
        ("a)", 1, "without a matching '('"),
        ("a OR", 2, "OR needs"),
        ("OR a", 0, "OR needs"),
        ("city:", 5, "needs a value"),
        ("x -", 2, "must be followed"),
        ("()", 0, "empty parentheses"),
        ("a AND", 2, "AND needs"),
    ],
)
def test_syntax_errors_say_where(query: str, position: int, words: str) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        parse(query)
    assert caught.value.position == position
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ("dup foo:bar", 4),
        ("promo:abc", 6),
        ("dues:maybe", 5),
        ("birthday:13-45", 9),
        ("has:fax", 4),
        ("added:yesterweek", 6),
    ],
)
def test_bad_fields_and_values_say_where(query: str, position: int) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        compile_query(parse(query))
    assert caught.value.position == position


TODAY = date(2026, 11, 26)


@pytest.fixture
def on_nov_26(freeze: Callable[[datetime], None]) -> None:
    """The members are added, and searched, at noon on TODAY (local time): "added:today" and
    "birthday:today" are about that day, whatever day the suite runs on."""
    freeze(datetime.combine(TODAY, time(12, 0)).astimezone())


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("", {"Dupont", "Dupuis", "Ärger", "Martin", "Le Goff", "Lefèvre"}),
        ("dup", {"Dupont", "Dupuis"}),
        ("DUP", {"Dupont", "Dupuis"}),
        ("emilie", {"Dupont"}),
        ("hélène", {"Martin"}),
        ("helene", {"Martin"}),
        ("arger", {"Ärger"}),
        ('"saint étienne"', {"Dupont"}),
        ("saint-etienne", {"Dupont"}),
        ("arkema", {"Dupont"}),
        ("emilie.dupont@example.org", {"Dupont"}),
        ("city:lyon", {"Dupuis", "Martin"}),
        ("ville:lyon", {"Dupuis", "Martin"}),
        ('city:"saint étienne"', {"Dupont"}),
        ("company:air", {"Ärger"}),
        ("tag:lyon", {"Dupuis", "Martin"}),
        ("tag:Géographie/Lyon", {"Dupuis", "Martin"}),
        ("tag:metier/chimie", {"Dupuis", "Martin", "Dupont"}),
        ("tag:nothing/lyon", set()),
        ("(tag:chimie OR tag:pharmacie) has:email", {"Dupont", "Martin", "Ärger"}),
        ("promo:2005", {"Dupont"}),
        ("promo:2000..2010", {"Dupont", "Martin"}),
        ("promo:>=2008", {"Martin", "Ärger"}),
        ("promo:<1999", {"Lefèvre"}),
        ("promo:..1999", {"Lefèvre", "Dupuis"}),
        ("-promo:2005", {"Dupuis", "Ärger", "Martin", "Le Goff", "Lefèvre"}),
        ("dues:paid", {"Dupont"}),
        ("dues:lapsed", {"Ärger"}),
        ("-dues:paid", {"Dupuis", "Ärger", "Martin", "Le Goff", "Lefèvre"}),
        ("dues:unpaid", {"Dupuis", "Ärger", "Martin", "Le Goff", "Lefèvre"}),
        ("status:former", {"Ärger"}),
        ("status:lost", {"Le Goff"}),
        ("verified:yes", {"Lefèvre"}),
        ("consent:yes", {"Dupont", "Lefèvre"}),
        ("has:phone", {"Dupuis"}),
        ("has:linkedin", {"Martin"}),
        ("-has:email", {"Dupuis", "Le Goff"}),
        ("birthday:today", {"Dupont"}),
        ("birthday:11-26", {"Dupont"}),
        ("birthday:this-week", {"Dupont"}),
        ("added:today", {"Dupont", "Dupuis", "Ärger", "Martin", "Le Goff", "Lefèvre"}),
        ("added:2001..2002", set()),
        ("jean OR zoe", {"Dupuis", "Ärger"}),
        ("NOT city:lyon", {"Dupont", "Ärger", "Le Goff", "Lefèvre"}),
        ("dup -emilie", {"Dupuis"}),
        ("lyon chimie", set()),
        ("source:nothing", set()),
        ("@", {"Dupont", "Dupuis", "Ärger", "Martin", "Le Goff", "Lefèvre"}),
    ],
)
def test_queries_find_the_right_members(
    on_nov_26: None, store: Store, people: dict[str, int], query: str, expected: set[str]
) -> None:
    directory = MemberDirectory(store)
    context = QueryContext(today=TODAY)
    by_id = {v: k for k, v in people.items()}
    found = {by_id[i] for i in directory.search_ids(query, context=context)}
    assert found == expected
    assert directory.count(query, context=context) == len(expected)


def _born(directory: MemberDirectory, day: date, name: str) -> int:
    year = 1980 if (day.month, day.day) != (2, 29) else 1984
    return directory.create(
        {"first_name": name, "last_name": name, "birthday": f"{year}-{day:%m-%d}"}
    )


def test_today_and_this_week_on_the_suite_day(
    clock_now: datetime, today: date, store: Store
) -> None:
    """On whatever day the suite is frozen at (CI: edge days), the search's "today" is the
    local date, "this week" its ISO week (Monday to Sunday) and "added:today" the members
    added at that instant."""
    directory = MemberDirectory(store)
    monday = today - timedelta(days=today.weekday())
    born_today = _born(directory, today, "Today")
    born_monday = _born(directory, monday, "Monday")
    born_sunday = _born(directory, monday + timedelta(days=6), "Sunday")
    born_before = _born(directory, monday - timedelta(days=1), "Before")
    born_after = _born(directory, monday + timedelta(days=7), "After")
    ids = lambda query: set(directory.search_ids(query))  # noqa: E731 (the default context)
    assert born_today in ids("birthday:today")
    assert ids("birthday:today") <= {born_today, born_monday, born_sunday}
    assert ids("birthday:this-week") >= {born_today, born_monday, born_sunday}
    assert not ids("birthday:this-week") & {born_before, born_after}
    everyone = {born_today, born_monday, born_sunday, born_before, born_after}
    assert ids("added:today") == everyone == ids("added:this-week")
    assert ids("added:yesterday") == set()
    assert ids(f"added:{today.isoformat()}") == everyone


@pytest.mark.parametrize(
    ("today", "inside", "outside"),
    [
        # Thursday 31 December: the ISO week runs from Monday 28 to Sunday 3 January.
        (date(2026, 12, 31), ["12-28", "01-03"], ["12-27", "01-04"]),
        # Sunday 28 February 2027 (common year): 29 February birthdays are wished that day.
        (date(2027, 2, 28), ["02-22", "02-28", "02-29"], ["02-21", "03-01"]),
        # Tuesday 29 February 2028 (leap year): the week is 28 February to 5 March.
        (date(2028, 2, 29), ["02-28", "02-29", "03-05"], ["02-27", "03-06"]),
    ],
)
def test_this_week_is_the_iso_week(
    store: Store, today: date, inside: list[str], outside: list[str]
) -> None:
    directory = MemberDirectory(store)
    made = {}
    for md in inside + outside:
        made[md] = _born(directory, date(2028, int(md[:2]), int(md[3:])), md)
    found = set(directory.search_ids("birthday:this-week", context=QueryContext(today)))
    assert found == {made[md] for md in inside}


@pytest.mark.parametrize(
    ("zone", "wall_time", "utc_date"),
    [
        # 08:00 on New Year's Day at UTC+14 is still 31 December in UTC.
        ("Pacific/Kiritimati", datetime(2027, 1, 1, 8, 0), date(2026, 12, 31)),
        # 20:00 on 31 December in Los Angeles is already 1 January in UTC.
        ("America/Los_Angeles", datetime(2026, 12, 31, 20, 0), date(2027, 1, 1)),
        # 00:30 on the night of the autumn change in Paris (the hour 02:00-03:00 happens twice).
        ("Europe/Paris", datetime(2027, 10, 31, 2, 30), date(2027, 10, 31)),
    ],
)
def test_added_today_is_the_local_date(
    store: Store,
    freeze: Callable[[datetime], None],
    local_zone: Callable[[str], None],
    zone: str,
    wall_time: datetime,
    utc_date: date,
) -> None:
    local_zone(zone)
    moment = wall_time.astimezone()  # naive: the wall time in that zone
    freeze(moment)
    assert moment.astimezone(UTC).date() == utc_date
    directory = MemberDirectory(store)
    born = _born(directory, wall_time.date(), "Local")
    assert list(directory.search_ids("added:today")) == [born]
    assert list(directory.search_ids("birthday:today")) == [born]
    assert list(directory.search_ids(f"added:{wall_time.date().isoformat()}")) == [born]
    assert list(directory.search_ids("added:yesterday")) == []
    freeze(moment + timedelta(days=1))  # the next day, the same member was added yesterday
    assert list(directory.search_ids("added:yesterday")) == [born]
    assert list(directory.search_ids("added:today")) == []


def test_order_is_french_and_reversible(store: Store, people: dict[str, int]) -> None:
    directory = MemberDirectory(store)
    by_id = {v: k for k, v in people.items()}
    names = [by_id[i] for i in directory.search_ids("")]
    assert names == ["Ärger", "Dupont", "Dupuis", "Le Goff", "Lefèvre", "Martin"]
    firsts = [by_id[i] for i in directory.search_ids("", Sort("first_name"))]
    assert firsts[:3] == ["Dupont", "Lefèvre", "Martin"]  # Émilie, François, Hélène
    years = [by_id[i] for i in directory.search_ids("", Sort("promo", descending=True))]
    assert years[0] == "Ärger" and years[-1] == "Le Goff"  # no class year goes last


def test_february_29_birthdays_on_the_28th_in_common_years(store: Store) -> None:
    directory = MemberDirectory(store)
    leapling = directory.create({"first_name": "Bissextile", "birthday": "2000-02-29"})
    assert list(
        directory.search_ids("birthday:today", context=QueryContext(date(2027, 2, 28)))
    ) == [leapling]
    assert (
        list(directory.search_ids("birthday:today", context=QueryContext(date(2028, 2, 28)))) == []
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(max_size=60))
def test_arbitrary_text_never_crashes(query: str) -> None:
    try:
        tree = parse(query)
        compile_query(tree, QueryContext(TODAY))
    except QuerySyntaxError as exc:
        assert 0 <= exc.position <= len(query)


_ALPHABET = st.sampled_from(list("abcdeé'\";:-()*% _\\OR AND NOT tag:promo:2005..city:\u0000"))


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.text(_ALPHABET, max_size=40))
def test_user_text_never_reaches_sql_unparameterised(store: Store, query: str) -> None:
    try:
        condition = compile_query(parse(query), QueryContext(TODAY))
    except QuerySyntaxError:
        return
    statement = sa.select(member.c.id).where(condition)
    sql = str(statement.compile(dialect=store.engine.dialect))
    for fragment in ("'", '"', ";", "\u0000", "\\"):
        if fragment in query:
            assert fragment not in sql.replace('"member_fts"', "")
    with store.read() as conn:
        conn.execute(statement).fetchall()  # runs without a syntax error


def test_cached_name_order_gives_the_same_answers_as_sql(store: Store) -> None:
    directory = MemberDirectory(store)
    for i in range(300):
        directory.create(
            {
                "first_name": f"Prénom{i % 7}",
                "last_name": ["Durand", "Dupré", "Éluard", "Morel"][i % 4],
                "promo": 1990 + i % 30,
                "city": ["Lyon", "Dijon"][i % 2],
            }
        )
    warm = MemberDirectory(store)
    assert list(warm.search_ids("")) == list(MemberDirectory(store).search_ids(""))
    for query in ("d", "dur", "promo:2000..2005", "-city:lyon", "eluard prenom3", "zzz"):
        for descending in (False, True):
            sort = Sort("last_name", descending)
            assert list(warm.search_ids(query, sort)) == list(
                MemberDirectory(store).search_ids(query, sort)
            ), (query, descending)
    # A write makes the cached order stale: new members are placed where they belong.
    newcomer = warm.create({"first_name": "Aaron", "last_name": "Aaa", "city": "Dijon"})
    assert warm.search_ids("dijon")[0] == newcomer
    renamed = warm.search_ids("morel")[0]
    warm.update(renamed, {"last_name": "Zola"})
    assert warm.search_ids("prenom")[-1] == renamed


def test_ligatures_match_either_spelling(store: Store) -> None:
    directory = MemberDirectory(store)
    heart = directory.create({"first_name": "Anne", "last_name": "Lecœur", "city": "Œuilly"})
    for query in ("lecoeur", "lecœur", "LECŒUR", "city:oeuilly", "ville:œuilly", "anne lecoeur"):
        assert list(directory.search_ids(query)) == [heart], query


@pytest.mark.sqlite_only
def test_birthday_search_uses_the_month_day_index(store: Store) -> None:
    statement = sa.select(member.c.id).where(
        compile_query(parse("birthday:11-26"), QueryContext(TODAY))
    )
    compiled = statement.compile(
        dialect=store.engine.dialect, compile_kwargs={"render_postcompile": True}
    )
    params = compiled.construct_params()
    with store.read() as conn:
        plan = conn.exec_driver_sql(
            "EXPLAIN QUERY PLAN " + str(compiled),
            tuple(params[name] for name in compiled.positiontup or ()),
        ).all()
    assert any("ix_member_birthday_md" in str(row) for row in plan), plan
