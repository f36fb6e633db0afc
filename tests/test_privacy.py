"""Privacy duties (issue 14): consent per purpose, retention, requests, the access letter,
the register of processing, backups made before an erasure."""

from __future__ import annotations

import json
import os
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.cli import main
from app.io.export import export_members
from app.io.importer import import_file
from app.io.readers import open_source
from app.members import gdpr
from app.members.service import MemberDirectory
from app.operations import Operation, run
from app.posts import newsletter
from app.privacy import backups, consent, documents, requests, retention
from app.store import Store, backup, migrations, open_store
from app.store.schema import member, member_consent


def ids(store: Store, query: str) -> set[int]:
    return set(MemberDirectory(store).search_ids(query))


# --- consent per purpose -------------------------------------------------------------------


def test_migration_keeps_given_consents_and_calls_the_others_never_asked(
    store: Store, people: dict[str, int]
) -> None:
    migrations.downgrade(store.engine, "0010")
    with store.write() as conn:  # what 0010 knew: a flag, and its date
        conn.execute(member.update().values(consent_at="2020-05-01T10:00:00+00:00").where(
            member.c.consent.is_(True)))  # fmt: skip
    migrations.upgrade(store.engine)
    with store.read() as conn:
        rows = conn.execute(
            sa.select(member_consent.c.member_id, member_consent.c.purpose,
                      member_consent.c.granted, member_consent.c.source, member_consent.c.at)
        ).all()  # fmt: skip
    assert sorted(rows) == sorted(
        (people[n], "newsletter", True, "migration", "2020-05-01T10:00:00+00:00")
        for n in ("Dupont", "Lefèvre")
    )
    assert ids(store, "consent:never") == set(people.values()) - {
        people["Dupont"],
        people["Lefèvre"],
    }


def test_answers_per_purpose_are_searchable_and_dated(
    store: Store, people: dict[str, int], fixed_now: datetime
) -> None:
    martin, dupuis = people["Martin"], people["Dupuis"]
    consent.set_answers(
        store, martin, {"directory": True, "partners": False, "newsletter": True},
        "paper form, gala 2026", {"directory": "Listed in the directory?"},
    )  # fmt: skip
    consent.set_answers(store, dupuis, {"directory": False}, "phone call")
    found = consent.answers(store, martin)
    assert found["directory"].wording == "Listed in the directory?"
    assert found["directory"].source == "paper form, gala 2026"
    assert datetime.fromisoformat(found["directory"].at) == fixed_now
    assert found["partners"].granted is False and "events" not in found
    assert ids(store, "consent:directory") == {martin}
    assert ids(store, "consent:annuaire-non") == {dupuis}
    assert ids(store, "consent:partners-no") == {martin}
    assert ids(store, "-consent:partenaires") == set(people.values())
    # The newsletter's answer is also its flag (the newsletter and the board read it).
    assert (
        ids(store, "consent:newsletter")
        == ids(store, "consent:yes")
        == {martin, people["Dupont"], people["Lefèvre"]}
    )
    assert martin not in ids(store, "consent:never")
    # Back to "never asked".
    consent.set_answers(store, dupuis, {"directory": None}, "phone call")
    assert dupuis in ids(store, "consent:never")
    with store.read() as conn:  # each change is in the log, without the person's name
        logged = conn.execute(
            sa.text("SELECT entity_id, detail FROM audit_event WHERE action = 'consent'")
        ).all()
    assert [(i, json.loads(d)["purposes"]) for i, d in logged][-3:] == [
        (martin, {"directory": True, "partners": False, "newsletter": True}),
        (dupuis, {"directory": False}),
        (dupuis, {"directory": None}),
    ]


def test_unknown_purpose_and_missing_source_are_refused(
    store: Store, people: dict[str, int]
) -> None:
    with pytest.raises(Exception, match="unknown purpose 'sms'"):
        consent.set_answers(store, people["Martin"], {"sms": True}, "form")
    with pytest.raises(Exception, match="source"):
        consent.set_answers(store, people["Martin"], {"events": True}, "  ")
    assert consent.answers(store, people["Martin"]) == {}


def test_a_withdrawal_leaves_the_newsletter(store: Store, people: dict[str, int]) -> None:
    before = {r.member_id for r in newsletter.recipients(store, "")}
    assert before == {people["Dupont"], people["Lefèvre"]}
    consent.set_answers(store, people["Dupont"], {"newsletter": False}, "unsubscribe email")
    assert {r.member_id for r in newsletter.recipients(store, "")} == {people["Lefèvre"]}
    assert ids(store, "consent:newsletter-no") == {people["Dupont"]}


def test_editing_the_newsletter_flag_records_the_answer(
    store: Store, people: dict[str, int]
) -> None:
    MemberDirectory(store).update(people["Martin"], {"consent": True})
    assert consent.answers(store, people["Martin"])["newsletter"].source == "edit"
    MemberDirectory(store).update(people["Martin"], {"consent": False})
    assert consent.answers(store, people["Martin"])["newsletter"].granted is False


def test_export_for_a_purpose_leaves_out_and_counts(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    consent.set_answers(store, people["Martin"], {"events": False, "partners": True}, "form")
    consent.set_answers(store, people["Dupont"], {"partners": False}, "form")
    out = tmp_path / "events.csv"
    report = export_members(store, out, query="", purpose="events")
    # Invitations rest on legitimate interest: everyone but the one who objected.
    assert (report.rows, report.objected, report.never_asked) == (5, 1, 0)
    assert "Martin" not in out.read_text(encoding="utf-8-sig")
    report = export_members(store, tmp_path / "p.csv", query="", purpose="partners")
    # Sharing rests on consent: only Martin; Dupont refused, four were never asked.
    assert (report.rows, report.objected, report.never_asked) == (1, 1, 4)
    report = export_members(store, tmp_path / "l.csv", query="city:lyon", purpose="partners")
    assert (report.rows, report.objected, report.never_asked) == (1, 0, 1)
    with store.read() as conn:
        detail = conn.execute(
            sa.text(
                "SELECT detail FROM audit_event WHERE action = 'export' ORDER BY id DESC LIMIT 1"
            )
        ).scalar_one()
    assert json.loads(detail)["purpose"] == "partners"
    assert json.loads(detail)["never_asked"] == 1


def test_cli_export_for_a_purpose_says_how_many(
    store: Store, people: dict[str, int], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    consent.set_answers(store, people["Martin"], {"directory": False}, "form")
    out = tmp_path / "annuaire.csv"
    code = main(["--db", str(db_path), "export", "-o", str(out), "--purpose", "directory"])
    lines = capsys.readouterr().out.splitlines()
    assert code == 0
    assert lines[0] == "left out for directory: 1 objected, 0 never asked"
    assert lines[-1] == "5"


def test_import_records_the_consent_column_with_the_file_as_source(
    store: Store, tmp_path: Path
) -> None:
    rows = tmp_path / "gala.csv"
    rows.write_text(
        "Prénom;Nom;Courriel;Newsletter\nAda;Oui;ada@example.org;oui\n"
        "Bob;Non;bob@example.org;non\nCyd;Vide;cyd@example.org;\n",
        encoding="utf-8",
    )
    import_file(store, open_source(rows))
    with store.read() as conn:
        by_email = {e: i for i, e in conn.execute(sa.select(member.c.id, member.c.email))}
    ada, bob, cyd = (by_email[f"{n}@example.org"] for n in ("ada", "bob", "cyd"))
    assert consent.answers(store, ada)["newsletter"].granted is True
    assert consent.answers(store, ada)["newsletter"].source == "import:gala.csv"
    assert consent.answers(store, bob)["newsletter"].granted is False
    assert consent.answers(store, cyd) == {}
    # A later file withdrawing it is recorded too.
    again = tmp_path / "desinscrits.csv"
    again.write_text("Courriel;Newsletter\nada@example.org;non\n", encoding="utf-8")
    import_file(store, open_source(again))
    assert consent.answers(store, ada)["newsletter"].source == "import:desinscrits.csv"
    assert ids(store, "consent:newsletter-no") == {ada, bob}


def test_undoing_a_deletion_brings_the_answers_back(store: Store, people: dict[str, int]) -> None:
    martin = people["Martin"]
    consent.set_answers(store, martin, {"directory": True}, "form")
    outcome = run(store, Operation("members.delete", {"ids": [martin]}))
    assert outcome.undo is not None
    run(store, outcome.undo)
    assert consent.answers(store, martin)["directory"].source == "form"


def test_cli_consent_shows_and_sets(
    store: Store, people: dict[str, int], db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(db_path)]
    martin = str(people["Martin"])
    assert main([*db, "privacy", "consent", martin, "events=yes", "partners=no",
                 "--source", "form"]) == 0  # fmt: skip
    assert capsys.readouterr().out.splitlines()[2].startswith("events: yes (")
    assert main([*db, "privacy", "consent", martin, "--json"]) == 0
    rows = {r["purpose"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["events"]["answer"] is True and rows["partners"]["answer"] is False
    assert rows["directory"]["answer"] is None
    assert rows["events"]["wording"] == consent.BY_KEY["events"].wording
    assert main([*db, "privacy", "consent", martin, "events"]) == 1
    assert "PURPOSE=yes|no|unset" in capsys.readouterr().err
    assert main([*db, "privacy", "consent", "999"]) == 1
    assert "does not exist" in capsys.readouterr().err


# --- retention -----------------------------------------------------------------------------


def _age(store: Store, member_id: int, last_news: str, contacted: str | None = None) -> None:
    with store.write() as conn:
        conn.execute(
            member.update()
            .where(member.c.id == member_id)
            .values(updated_at=f"{last_news}T09:00:00+00:00", last_contacted_at=contacted)
        )


def test_the_worklist_proposes_and_never_erases(
    store: Store, people: dict[str, int], today: date
) -> None:
    legoff, arger = people["Le Goff"], people["Ärger"]
    old = (today - timedelta(days=365 * 11)).isoformat()
    _age(store, legoff, old)
    _age(store, arger, old)  # former: no rule by default
    due = retention.worklist(store, today)
    assert [(d.member_id, d.status, d.last_news, d.years) for d in due] == [
        (legoff, "lost", old, 10)
    ]
    # A recent contact is news.
    _age(store, legoff, old, contacted=(today - timedelta(days=30)).isoformat())
    assert retention.worklist(store, today) == []
    retention.set_rule(store, "former", 5)
    assert [d.member_id for d in retention.worklist(store, today)] == [arger]
    assert MemberDirectory(store).total() == 6  # nothing erased by a rule
    gdpr.erase_member(store, arger)  # the CM's decision, from the worklist
    assert retention.worklist(store, today) == []
    with pytest.raises(Exception, match="1 to 100"):
        retention.set_rule(store, "lost", 0)
    retention.set_rule(store, "lost", None)
    assert retention.rules(store) == {"former": 5}


def test_cutoff_of_a_29_february() -> None:
    assert retention.cutoff(date(2028, 2, 29), 10) == "2018-02-28"


def test_cli_retention(
    store: Store, people: dict[str, int], db_path: Path, today: date,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    _age(store, people["Le Goff"], (today - timedelta(days=365 * 12)).isoformat())
    db = ["--db", str(db_path)]
    assert main([*db, "privacy", "retention", "--json"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert found["rules"] == {"lost": 10}
    assert [d["member_id"] for d in found["due"]] == [people["Le Goff"]]
    assert main([*db, "privacy", "retention", "lost", "none"]) == 0
    assert capsys.readouterr().out.splitlines() == ["proposed for erasure: 0"]
    assert main([*db, "privacy", "retention", "lost"]) == 1
    assert "say the years" in capsys.readouterr().err


# --- requests --------------------------------------------------------------------------------


def test_the_deadline_is_one_month() -> None:
    assert requests.deadline(date(2026, 1, 31)) == date(2026, 2, 28)
    assert requests.deadline(date(2026, 12, 15)) == date(2027, 1, 15)
    assert requests.deadline(date(2028, 1, 29)) == date(2028, 2, 29)


def test_requests_are_logged_answered_and_met_by_an_erasure(
    store: Store, people: dict[str, int], today: date
) -> None:
    martin, dupuis = people["Martin"], people["Dupuis"]
    received = today - timedelta(days=10)
    access = requests.log_request(store, martin, "access", received, "letter of 3 May")
    erasure = requests.log_request(store, dupuis, "erasure")
    listed = requests.list_requests(store, open_only=True)
    assert [(r.id, r.name) for r in listed] == [(access, "Hélène Martin"), (erasure, "Jean Dupuis")]
    assert listed[0].due_on == requests.deadline(received)
    assert listed[0].days_left(today) == (requests.deadline(received) - today).days
    with pytest.raises(Exception, match="before the request"):
        requests.answer(store, access, received - timedelta(days=1))
    requests.answer(store, access)
    gdpr.erase_member(store, dupuis)
    assert requests.list_requests(store, open_only=True) == []
    done = {r.id: r for r in requests.list_requests(store)}
    assert done[erasure].answered_on == today and done[erasure].name is None
    with pytest.raises(Exception, match="future"):
        requests.log_request(store, martin, "access", today + timedelta(days=1))


def test_cli_requests(
    store: Store, people: dict[str, int], db_path: Path, today: date,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db = ["--db", str(db_path)]
    start = (today - timedelta(days=3)).isoformat()
    martin = str(people["Martin"])
    assert main([*db, "privacy", "request", martin, "access", "--received", start]) == 0
    assert "answer by" in capsys.readouterr().out
    assert main([*db, "privacy", "requests", "--json"]) == 0
    (listed,) = json.loads(capsys.readouterr().out)
    assert listed["kind"] == "access" and listed["received_on"] == start
    assert listed["days_left"] == (requests.deadline(date.fromisoformat(start)) - today).days
    assert main([*db, "privacy", "answer", str(listed["id"])]) == 0
    assert main([*db, "privacy", "requests"]) == 0
    assert capsys.readouterr().out.splitlines()[-1] == "open requests: 0"


# --- access letter, register ---------------------------------------------------------------


def test_the_access_letter_holds_the_file_and_escapes_it(
    store: Store, people: dict[str, int], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    martin = people["Martin"]
    MemberDirectory(store).update(martin, {"notes": "<b>VIP</b> & friends"})
    consent.set_answers(store, martin, {"directory": True}, "form", {"directory": "Annuaire ?"})
    page = documents.access_letter_html(gdpr.export_member_data(store, martin), "AAE Chimie")
    assert "helene.martin@example.org" in page and "Michelin" in page
    assert "&lt;b&gt;VIP&lt;/b&gt; &amp; friends" in page and "<b>VIP" not in page
    assert "Directory visible to other alumni: given on" in page and "Annuaire ?" in page
    assert "Event invitations: never asked" in page
    db = ["--db", str(db_path)]
    asked = requests.log_request(store, martin, "access")
    assert main([*db, "privacy", "access", str(martin), "-o", str(tmp_path / "a.json")]) == 0
    assert "marked answered" in capsys.readouterr().out
    assert requests.list_requests(store)[0].answered_on is not None
    assert requests.list_requests(store)[0].id == asked
    data = json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))
    assert data["member"]["email"] == "helene.martin@example.org"
    assert data["consents"][0]["purpose"] == "directory"
    assert main([*db, "privacy", "access", str(martin), "-o", str(tmp_path / "a.html")]) == 0
    assert "helene.martin@example.org" in (tmp_path / "a.html").read_text(encoding="utf-8")
    assert main([*db, "privacy", "access", str(martin), "-o", str(tmp_path / "a.doc")]) == 1
    assert "cannot write .doc" in capsys.readouterr().err


def test_the_register_is_generated_then_kept_as_edited(
    store: Store, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    retention.set_rule(store, "former", 15)
    text = documents.generated_register(store, day="2026-11-26")
    assert "- Email" in text and "- Class year" in text
    assert "Sharing with partner schools: on the member's consent" in text
    assert "Event invitations: on the association's legitimate interest" in text
    assert "Former members: 15 years without news" in text
    assert "Lost touch: 10 years" in text
    page = documents.register_html("# Title\nintro\n\n## Part\n- one\n- <two>\nafter\n")
    assert "<h1>Title</h1>" in page and "<h2>Part</h2>" in page
    assert "<ul><li>one</li>" in page.replace("\n", "") and "&lt;two&gt;" in page
    assert "<p>after</p>" in page
    edited = tmp_path / "registre.txt"
    edited.write_text("# Registre\nNotre texte.\n", encoding="utf-8")
    db = ["--db", str(db_path)]
    assert main([*db, "privacy", "register", "--edit", str(edited)]) == 0
    assert capsys.readouterr().out == "# Registre\nNotre texte.\n"
    assert main([*db, "privacy", "register", "-o", str(tmp_path / "r.html")]) == 0
    assert "<h1>Registre</h1>" in (tmp_path / "r.html").read_text(encoding="utf-8")
    assert main([*db, "privacy", "register", "--reset"]) == 0
    assert "Register of processing" in capsys.readouterr().out


# --- backups made before an erasure --------------------------------------------------------

SECRET = b"helene.martin@example.org"


def test_backups_before_an_erasure_are_listed_and_replaced_clean(
    store: Store, people: dict[str, int], db_path: Path, tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    db = ["--db", str(db_path)]
    elsewhere = tmp_path / "usb" / "copie.sqlite3"
    assert main([*db, "backup", "-o", str(elsewhere)]) == 0
    folder_copy, _ = backup.backup(db_path)  # in the backup folder, not logged
    # Not logged: its time is the file's, here long before the erasure below.
    long_ago = datetime(2020, 1, 1, tzinfo=UTC).timestamp()
    os.utime(folder_copy, (long_ago, long_ago))
    assert backups.stale_backups(store) == []  # no erasure yet
    assert SECRET in elsewhere.read_bytes()
    gdpr.erase_member(store, people["Martin"])
    stale = backups.stale_backups(store)
    assert {b.path for b in stale} == {elsewhere.resolve(), folder_copy.resolve()}
    assert all(b.erased_since == 1 for b in stale)
    assert main([*db, "privacy", "backups", "--replace", str(elsewhere)]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[-1] == "backups holding erased members: 1"
    assert SECRET not in elsewhere.read_bytes()  # the replacement is clean
    with open_store(elsewhere).engine.connect() as conn:  # a store that opens, without her
        assert conn.execute(sa.select(sa.func.count()).select_from(member)).scalar_one() == 5
    # The next backup too.
    fresh, _ = backup.backup(db_path, tmp_path / "next.sqlite3")
    assert SECRET not in fresh.read_bytes().lower()


# --- the operations (the window's way, and the outbox's) -----------------------------------


def _replayed(op: Operation) -> Operation:
    again = Operation.from_json(op.to_json())
    assert (again.name, again.args) == (op.name, json.loads(json.dumps(op.args)))
    return again


def test_recording_consent_is_undone_and_redone_exactly(
    store: Store, people: dict[str, int]
) -> None:
    dupont = people["Dupont"]  # gave the newsletter consent at creation
    before = consent.answers(store, dupont)
    op = _replayed(
        Operation(
            "member.consent",
            {
                "member_id": dupont,
                "given": {"newsletter": False, "events": True},
                "source": "email",
                "wording": {"events": "Invitations ?"},
            },
        )
    )
    done = run(store, op)
    assert done.changes.member_ids == {dupont} and done.changes.privacy
    assert dupont not in ids(store, "consent:yes")
    assert done.undo is not None
    undone = run(store, _replayed(done.undo))
    assert consent.answers(store, dupont) == before
    assert dupont in ids(store, "consent:yes")
    assert undone.undo is not None
    run(store, _replayed(undone.undo))
    assert consent.answers(store, dupont)["events"].wording == "Invitations ?"
    assert dupont not in ids(store, "consent:yes")


def test_the_erasure_operation_cannot_be_undone(store: Store, people: dict[str, int]) -> None:
    done = run(store, _replayed(Operation("members.erase", {"ids": [people["Martin"]]})))
    assert done.undo is None and done.value == [people["Martin"]]
    assert done.changes.moderation and done.changes.duplicates and done.changes.tags
    assert MemberDirectory(store).total() == 5


def test_rules_and_register_through_operations(store: Store) -> None:
    done = run(store, Operation("privacy.retention", {"status": "former", "years": 20}))
    assert retention.rules(store) == {"lost": 10, "former": 20}
    assert done.undo is not None
    run(store, done.undo)
    assert retention.rules(store) == {"lost": 10}
    done = run(store, Operation("privacy.register", {"text": "# Mon registre\n"}))
    assert documents.register_text(store) == "# Mon registre\n"
    assert done.undo is not None
    run(store, done.undo)
    assert documents.saved_register(store) is None


def test_a_merge_keeps_the_latest_answers_and_never_loses_an_objection(
    store: Store, freeze: Any
) -> None:
    from app.members import dedup

    directory = MemberDirectory(store)
    keep = directory.create({"first_name": "Ana", "last_name": "Ruiz", "email": "a@x.org"})
    drop = directory.create({"first_name": "Ana", "last_name": "Ruiz", "promo": 2001})
    freeze(datetime(2026, 1, 5, 9, tzinfo=UTC))
    consent.set_answers(store, keep, {"events": True, "newsletter": True}, "form")
    freeze(datetime(2026, 2, 5, 9, tzinfo=UTC))
    consent.set_answers(store, drop, {"events": False, "directory": False}, "email")
    consent.set_answers(store, drop, {"newsletter": True}, "email")
    dedup.merge(store, keep, drop)
    found = consent.answers(store, keep)
    assert found["events"].granted is False and found["events"].source == "email"
    assert found["directory"].granted is False
    # The newsletter was the kept member's already: a merge never turns it on by itself.
    assert found["newsletter"].source == "form"
    assert keep in ids(store, "consent:yes")
