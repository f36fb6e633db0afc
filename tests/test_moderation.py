"""Moderation backend: intake, graduate match, each signal, suggestions, rules, decisions."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import audit
from app.cli import main
from app.members.service import MemberDirectory
from app.moderation import checks, intake, matching, queue
from app.moderation import settings as mod_settings
from app.moderation.intake import IntakeError, NewItem
from app.store import Store
from app.store.schema import member, member_community, moderation_item

COMMUNITY = "Groupe LinkedIn ENSCV"


def add(store: Store, *items: NewItem) -> list[queue.QueueItem]:
    report = intake.add_items(store, list(items))
    by_id = {i.id: i for i in queue.list_items(store, include_sleeping=True)}
    return [by_id[i] for i in report.item_ids]


def join(name: str, email: str | None = None, promo: int | None = None, **extra: object) -> NewItem:
    return NewItem("join", name, email, promo=promo, community=COMMUNITY, **extra)  # type: ignore[arg-type]


def post(text: str, name: str = "Alex Auteur", community: str = COMMUNITY) -> NewItem:
    return NewItem("post", name, text=text, community=community)


def codes(item: queue.QueueItem) -> set[str]:
    return {s.code for s in item.signals}


# --- graduate match ---------------------------------------------------------------------------


def test_same_email_is_a_known_graduate(store: Store, people: dict[str, int]) -> None:
    (item,) = add(store, join("Someone Else", "EMILIE.DUPONT@example.org", 2005))
    assert item.match == "known"
    assert item.matched_member_id == people["Dupont"]
    assert item.suggestion == "approve"
    assert str(item.signals[0].message()) == "known graduate: same email as Émilie Dupont"


def test_same_linkedin_profile_is_a_known_graduate(store: Store, people: dict[str, int]) -> None:
    (item,) = add(store, join("H. M.", profile_url="https://fr.linkedin.com/in/Helene-Martin/"))
    assert (item.match, item.matched_member_id) == ("known", people["Martin"])


@pytest.mark.parametrize(
    ("name", "promo", "how"),
    [
        ("Emilie Dupont", 2005, "name"),  # accents dropped
        ("DUPONT Émilie", 2005, "swapped"),  # swapped, capitals
        ("dupont emilie", 2006, "swapped"),  # class year one off
        ("Émilie Dupond", 2005, "name"),  # one typo
        ("Émilie Durand née Dupont", 2004, "maiden"),  # maiden name
    ],
)
def test_near_names_within_a_year_are_probable(
    store: Store, people: dict[str, int], name: str, promo: int, how: str
) -> None:
    (item,) = add(store, join(name, promo=promo))
    assert item.match == "probable", item.signals
    assert item.matched_member_id == people["Dupont"]
    assert 0.7 <= item.confidence <= 1.0
    assert item.signals[0].code == "probable"


def test_compound_names_with_or_without_their_spaces(store: Store, people: dict[str, int]) -> None:
    directory = MemberDirectory(store)
    directory.update(people["Le Goff"], {"promo": 2001})
    jp = directory.create({"first_name": "Jean-Pierre", "last_name": "Rossi", "promo": 1990})
    legoff, rossi = add(
        store, join("Loic Legoff", promo=2001), join("Jean Pierre ROSSI", promo=1990)
    )
    assert (legoff.match, legoff.matched_member_id) == ("probable", people["Le Goff"])
    assert (rossi.match, rossi.matched_member_id) == ("probable", jp)


def test_a_class_year_two_off_or_another_name_is_unknown(
    store: Store, people: dict[str, int]
) -> None:
    far, other = add(store, join("Émilie Dupont", promo=2008), join("Kevin Smith", promo=2005))
    assert far.match == other.match == "unknown"
    assert "unknown" in codes(far)
    assert far.suggestion == "review"


def test_without_a_class_year_only_a_rare_exact_name_is_probable(
    store: Store, people: dict[str, int]
) -> None:
    (item,) = add(store, join("Zoé Ärger"))
    assert (item.match, item.confidence) == ("probable", 0.6)
    assert item.suggestion == "review"  # too unsure to suggest approving


def test_name_index_finds_a_typo_that_glues_two_words() -> None:
    index = matching.NameIndex(["dupont\x1femilie", "martin\x1fhelene"])
    assert index.near("EmilieDupont")[0][0] == "dupont\x1femilie"


def test_matching_a_thousand_requests_reads_each_name_once(
    store: Store, people: dict[str, int]
) -> None:
    requests = [matching.Request("Emilie Dupont", None, None, 2005)] * 1000
    with store.read() as conn:
        found = matching.match_requests(conn, requests)
    assert {m.member_ids[0] for m in found} == {people["Dupont"]}


# --- context signals --------------------------------------------------------------------------


def test_already_a_member_of_the_community(store: Store, people: dict[str, int]) -> None:
    (first,) = add(store, join("Émilie Dupont", "emilie.dupont@example.org", 2005))
    queue.decide(store, first.id, "approve")
    (again,) = add(
        store,
        join(
            "Émilie Dupont",
            "emilie.dupont@example.org",
            2005,
            received_at="2030-01-01T00:00:00+00:00",
        ),
    )
    assert "already_member" in codes(again)


def test_previously_rejected_with_the_reason(store: Store) -> None:
    (first,) = add(store, join("Kevin Smith", "kevin@mail.example", 2005))
    queue.decide(store, first.id, "reject", "Pas diplômé de l'école")
    (again,) = add(
        store,
        join("Kevin Smith", "kevin@mail.example", 2005, received_at="2030-01-01T00:00:00+00:00"),
    )
    signal = next(s for s in again.signals if s.code == "previously_rejected")
    assert "Pas diplômé de l'école" in str(signal.message())
    assert again.suggestion == "review"


def test_a_member_marked_rejected_is_flagged(store: Store, people: dict[str, int]) -> None:
    queue.mark_verified(store, people["Dupont"], "school_register", verified=False)
    (item,) = add(store, join("Émilie Dupont", "emilie.dupont@example.org", 2005))
    assert "member_rejected" in codes(item)
    assert item.suggestion == "review"


# --- text signals -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("Nous RECRUTONS un ingénieur", "recruiting"),
        ("We are hiring a chemist", "recruiting"),
        ("Formation CPF financée", "commercial"),
        ("Special offer for you", "commercial"),
        ("Contact me on WhatsApp", "spam"),
        ("Investissez en crypto-monnaie", "spam"),
        ("Voir https://bit.ly/xyz", "shortener"),
        ("Rejoignez https://t.me/groupe", "blocked_domain"),
        ("Appelez le 06 12 34 56 78", "phone"),
        ("Call +44 20 7946 0958 now", "phone"),
        ("CECI EST UN MESSAGE TRES IMPORTANT", "shouting"),
        ("Super soirée !!!", "shouting"),
        ("a https://a.example/1 b https://b.example/2 c https://c.example/3", "links"),
    ],
)
def test_each_text_signal(text: str, code: str) -> None:
    assert code in {s.code for s in checks.text_signals(text)}


def test_ordinary_text_has_no_signal() -> None:
    text = (
        "Retour en images sur le gala annuel : merci à tous ! Les photos sont sur "
        "https://amicale.enscv.example/gala"
    )
    assert (
        checks.text_signals(text, {**mod_settings.DEFAULTS, "domains.allowed": ["enscv.example"]})
        == []
    )


def test_keyword_lists_are_editable(store: Store) -> None:
    mod_settings.save_many(store, {"keywords.spam": ["tupperware"]})
    (item,) = add(store, post("Réunion tupperware chez moi samedi"))
    assert "spam" in codes(item)
    (other,) = add(store, post("Contact me on WhatsApp", name="Autre Personne"))
    assert "spam" not in codes(other)  # the default list was replaced


def test_allowed_domains_do_not_count_as_links(store: Store) -> None:
    mod_settings.save_many(store, {"domains.allowed": ["amicale.example"]})
    text = " ".join(f"https://amicale.example/{n}" for n in range(5))
    (item,) = add(store, post(text))
    assert item.signals == [] and item.suggestion == "approve"


def test_same_text_to_several_communities_and_many_times(store: Store) -> None:
    text = "Découvrez notre nouvelle offre de formation, inscriptions ouvertes à tous"
    items = add(
        store,
        post(text, "A One", "Groupe A"),
        post(text, "B Two", "Groupe B"),
        post(text, "C Three", "Groupe C"),
    )
    for item in items:
        assert {"same_text_communities", "same_text_times"} <= codes(item)
    assert all(i.suggestion == "reject" for i in items)


def test_recruiting_post_is_rejected_ordinary_approved(store: Store) -> None:
    spam, fine = add(
        store,
        post("Nous recrutons en CDI, envoyez votre CV ! Offre d'emploi sur https://bit.ly/x"),
        post("Qui vient au gala le 12 mars ? On se retrouve à l'entrée.", name="Jo Lemaire"),
    )
    assert spam.suggestion == "reject" and spam.score >= 4
    assert fine.suggestion == "approve"


def test_cli_signals_are_short_strings(store: Store, people: dict[str, int]) -> None:
    (item,) = add(store, post("Nous RECRUTONS !!! WhatsApp 06 12 34 56 78"))
    data = item.as_json()
    assert all(isinstance(s, str) and len(s) < 120 for s in data["signals"])


# --- intake -----------------------------------------------------------------------------------


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_with_french_headers_creates_communities(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "q.csv",
        "Type;NOM;Courriel;Promo;Communauté;Texte;Reçu le\n"
        "join;Jean Testeur;jt@example.com;2005;Nouveau groupe;;2026-11-20T10:00:00Z\n"
        "publication;Alice;;;Nouveau groupe;Bonjour à tous;2026-11-21\n",
        "cp1252",
    )
    report = intake.import_file(store, path)
    assert (report.added, report.merged) == (2, 0)
    assert report.communities_created == ["Nouveau groupe"]
    items = queue.list_items(store)
    assert [i.kind for i in items] == ["join", "post"]
    assert items[0].received_at == "2026-11-20T10:00:00+00:00"
    assert items[1].received_at == "2026-11-21T00:00:00+00:00"


def test_json_file_and_duplicates_merged(store: Store, tmp_path: Path) -> None:
    rows = [
        {"kind": "join", "name": "Jean Testeur", "email": "jt@example.com", "community": "G"},
        {"kind": "join", "name": "Jean Testeur", "email": "JT@example.com", "community": "G",
         "promo": "promo 2005"},
        {"kind": "post", "name": "Bo", "community": "G", "text": "Salut   tout le monde"},
        {"kind": "post", "name": "Bo", "community": "G", "text": "salut tout le MONDE"},
    ]  # fmt: skip
    path = write(tmp_path / "q.json", json.dumps({"items": rows}))
    report = intake.import_file(store, path)
    assert (report.added, report.merged) == (2, 2)
    joined = queue.list_items(store)[0]
    assert joined.promo == 2005  # filled from the duplicate
    again = intake.import_file(store, path)
    assert (again.added, again.merged) == (0, 4)


def test_bad_rows_are_all_reported_and_nothing_is_written(store: Store, tmp_path: Path) -> None:
    path = write(
        tmp_path / "bad.csv",
        "kind,name,email,promo,community,text,received_at\n"
        "join,Good Person,good@example.com,2005,G,,\n"
        "visit,Odd Kind,,,G,,\n"
        "join,,,,G,,\n"
        "post,Writer,,,G,,\n"
        "join,Bad Year,,deux mille,G,,\n"
        "join,Bad Date,,,G,,yesterday\n",
    )
    with pytest.raises(IntakeError) as caught:
        intake.import_file(store, path)
    lines = [p.line for p in caught.value.problems]
    assert lines == [3, 4, 5, 6, 7]
    assert "line 3" in str(caught.value)
    with store.read() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(moderation_item)).scalar() == 0


def test_a_file_without_known_columns_is_refused(store: Store, tmp_path: Path) -> None:
    with pytest.raises(IntakeError, match="no known column"):
        intake.import_file(store, write(tmp_path / "x.csv", "foo,bar\n1,2\n"))


def test_paste_parser_reads_lines_in_any_order() -> None:
    parsed = intake.parse_paste(
        "Jeanne Martin — promo 2005 — jeanne@example.org\n"
        "\n"
        "paul@example.org | P2010 | Paul Durand\n"
        "— promo 2001 —\n"
        "DUPONT Émilie - 2004 - https://www.linkedin.com/in/emilie-dupont\n",
        community="G",
    )
    assert [p.line for p in parsed] == [1, 3, 4, 5]
    first, second, bad, third = parsed
    assert first.item is not None and (first.item.name, first.item.promo, first.item.email) == (
        "Jeanne Martin",
        2005,
        "jeanne@example.org",
    )
    assert second.item is not None and (second.item.name, second.item.promo) == (
        "Paul Durand",
        2010,
    )
    assert bad.item is None and bad.problem is not None
    assert third.item is not None and third.item.profile_url is not None
    assert third.item.community == "G"


# --- decisions --------------------------------------------------------------------------------


def test_approving_an_unknown_person_creates_an_unverified_member(store: Store) -> None:
    (item,) = add(store, join("DURAND Paul", "paul@example.org", 2010, school="ENSCV"))
    decision = queue.decide(store, item.id, "approve")
    created = decision.effects["member_created"]
    found = MemberDirectory(store).get(created)
    assert (found.values["first_name"], found.values["last_name"]) == ("Paul", "Durand")
    assert found.values["verification"] == "unverified"
    assert [n for n, _ in found.communities] == [COMMUNITY]
    assert [v.member_id for v in queue.to_verify(store)] == [created]
    queue.mark_verified(store, created, "diploma", date(2026, 11, 20))
    assert queue.to_verify(store) == []
    values = MemberDirectory(store).get(created).values
    assert (values["verification"], values["verification_source"]) == ("verified", "diploma")


def test_approving_a_known_graduate_completes_the_member(
    store: Store, people: dict[str, int]
) -> None:
    (item,) = add(
        store,
        join(
            "Jean Dupuis",
            "jean.dupuis@example.org",
            1999,
            profile_url="https://www.linkedin.com/in/jean-dupuis",
        ),
    )
    assert item.match == "probable" and item.matched_member_id == people["Dupuis"]
    decision = queue.decide(store, item.id, "approve")
    assert decision.effects["fields_filled"] == ["email", "linkedin_url"]
    values = MemberDirectory(store).get(people["Dupuis"]).values
    assert values["email"] == "jean.dupuis@example.org"
    undone = queue.undo_last(store)
    assert undone is not None and undone.id == decision.id
    again = MemberDirectory(store).get(people["Dupuis"])
    assert again.values["email"] is None and again.communities == []
    assert queue.get_item(store, item.id).status == "pending"


def test_undo_removes_the_created_member_and_membership(store: Store) -> None:
    (item,) = add(store, join("Paul Durand", "paul@example.org", 2010))
    created = queue.decide(store, item.id, "approve").effects["member_created"]
    queue.undo_last(store)
    with store.read() as conn:
        assert conn.execute(sa.select(member.c.id).where(member.c.id == created)).first() is None
        assert conn.execute(sa.select(sa.func.count()).select_from(member_community)).scalar() == 0
    restored = queue.get_item(store, item.id)
    assert (restored.status, restored.matched_member_id) == ("pending", None)
    assert queue.undo_last(store) is None


def test_reject_info_escalate_snooze_and_their_log(clock_now: datetime, store: Store) -> None:
    a, b, c, d = add(
        store, join("A Un", "a@x.example"), join("B Deux", "b@x.example"),
        join("C Trois", "c@x.example"), join("D Quatre", "d@x.example"),
    )  # fmt: skip
    queue.decide(store, a.id, "reject", "Pas diplômé")
    queue.decide(store, b.id, "info")
    queue.decide(store, c.id, "escalate")
    queue.decide(store, d.id, "snooze")
    open_ids = [i.id for i in queue.list_items(store)]
    assert open_ids == [b.id, c.id]  # rejected gone, snoozed asleep
    later = (clock_now + timedelta(days=2)).isoformat(timespec="seconds")
    assert d.id in [i.id for i in queue.list_items(store, now=later)]
    assert queue.get_item(store, a.id).reason == "Pas diplômé"
    with pytest.raises(queue.AlreadyDecided):
        queue.decide(store, a.id, "approve")
    log = queue.decisions(store)
    assert [x.action for x in log] == ["snooze", "escalate", "info", "reject"]
    actions = [e.action for e in audit.recent(store) if e.action.startswith("moderation.")]
    assert actions[:4] == [
        "moderation.snooze",
        "moderation.escalate",
        "moderation.info",
        "moderation.reject",
    ]


def test_undo_of_an_older_decision_needs_the_later_ones_undone(store: Store) -> None:
    (item,) = add(store, join("A Un", "a@x.example"))
    first = queue.decide(store, item.id, "info")
    queue.decide(store, item.id, "reject", "non")
    with pytest.raises(Exception, match="later decision"):
        queue.undo(store, first.id)


def test_bulk_approve_only_known_graduates(store: Store, people: dict[str, int]) -> None:
    known, probable, _unknown = add(
        store,
        join("Émilie Dupont", "emilie.dupont@example.org", 2005),
        join("Jean Dupuis", None, 1999),
        join("Kevin Smith", "k@x.example", 2000),
    )
    made = queue.bulk_approve_known(store)
    assert [d.item_id for d in made] == [known.id]
    assert queue.get_item(store, probable.id).status == "pending"


# --- rules ------------------------------------------------------------------------------------


def test_rules_are_off_by_default(store: Store, people: dict[str, int]) -> None:
    report = intake.add_items(store, [join("Émilie Dupont", "emilie.dupont@example.org", 2005)])
    assert report.automatic == []


def test_rules_decide_automatically_and_are_reversible(
    store: Store, people: dict[str, int]
) -> None:
    mod_settings.save_many(
        store,
        {"rules.auto_approve_known": True, "rules.auto_reject": True, "rules.auto_reject_score": 5},
    )
    report = intake.add_items(
        store,
        [
            join("Émilie Dupont", "emilie.dupont@example.org", 2005),
            post("GAGNEZ EN CRYPTO !!! WhatsApp 06 12 34 56 78 https://bit.ly/x bitcoin trading"),
            post("Nous recrutons en CDI", name="Rh Personne"),  # score 3: not above 5
        ],
    )
    decided = {d.item_id: d for d in report.automatic}
    approve_id, spam_id, recruit_id = report.item_ids
    assert decided[approve_id].action == "approve" and decided[approve_id].automatic
    assert decided[spam_id].action == "reject" and decided[spam_id].automatic
    assert recruit_id not in decided
    item = queue.get_item(store, spam_id)
    assert item.automatic and item.reason == "rule: score above 5"
    assert queue.statistics_of(store).automatic == 2
    queue.undo(store, decided[spam_id].id)
    assert queue.get_item(store, spam_id).status == "pending"
    assert not queue.get_item(store, spam_id).automatic


def test_statistics(store: Store) -> None:
    a, b, _ = add(
        store,
        join("A Un", "a@x.example", received_at="2026-11-20T10:00:00+00:00"),
        join("B Deux", "b@x.example", received_at="2026-11-20T12:00:00+00:00"),
        join("C Trois", "c@x.example"),
    )
    queue.decide(store, a.id, "approve")
    queue.decide(store, b.id, "reject", "non")
    stats = queue.statistics_of(store)
    assert (stats.pending, stats.decided, stats.automatic) == (1, 2, 0)
    assert stats.median_hours is not None and stats.median_hours > 24
    ((week, community, count),) = stats.per_week
    assert (community, count) == (COMMUNITY, 2) and "-W" in week


# --- command line -----------------------------------------------------------------------------


def test_cli_import_and_list_json(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(
        tmp_path / "q.csv",
        "kind,name,email,promo,community,text\n"
        "join,Jean Testeur,jt@example.com,2005,G,\n"
        "post,Bob,,,G,Nous recrutons en CDI ! WhatsApp https://bit.ly/x\n",
    )
    assert main(["--db", str(db_path), "moderation", "import", str(path)]) == 0
    assert "added: 2" in capsys.readouterr().out
    assert main(["--db", str(db_path), "moderation", "list", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [set(r) for r in rows] == [
        {"id", "kind", "name", "email", "community", "text", "match", "matched_member_id",
         "suggestion", "signals"}
    ] * 2  # fmt: skip
    assert [(r["kind"], r["match"], r["suggestion"]) for r in rows] == [
        ("join", "unknown", "review"),
        ("post", "unknown", "reject"),
    ]
    assert all(isinstance(s, str) for r in rows for s in r["signals"])
    assert main(["--db", str(db_path), "moderation", "--json"]) == 0
    assert json.loads(capsys.readouterr().out) == rows
    assert main(["--db", str(db_path), "moderation"]) == 0
    assert "2 item(s) to moderate" in capsys.readouterr().out


def test_cli_import_errors_exit_1_on_one_line(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write(tmp_path / "bad.csv", "kind,name\nvisit,X\n")
    assert main(["--db", str(db_path), "moderation", "import", str(path)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "line 2" in err
    assert main(["--db", str(db_path), "moderation", "import", str(tmp_path / "missing.csv")]) == 1
    with pytest.raises(SystemExit) as usage:
        main(["--db", str(db_path), "moderation", "frobnicate"])
    assert usage.value.code == 2


def test_demo_fills_the_queue(store: Store) -> None:
    from app.demo import build_demo

    build_demo(store, members=300, seed=2)
    items = queue.list_items(store, statuses=(*queue.OPEN, *queue.DECIDED), include_sleeping=True)
    assert len(items) >= 30
    assert {i.kind for i in items} == {"join", "post"}
    assert {"known", "probable", "unknown"} <= {i.match for i in items}
    assert {"approve", "review", "reject"} <= {i.suggestion for i in items}
    assert queue.statistics_of(store).decided == 3  # and one asked for more information
    # Its history approves known graduates and posts only: the demo has the members it says.
    assert MemberDirectory(store).count("") == 300
