"""The import engine on real files: matching, filling, conflicts, duplicates, transactions."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest
import sqlalchemy as sa

from app.cli import main
from app.errors import Cancelled
from app.io import importer
from app.io.importer import import_file, previous_imports, write_rejects
from app.io.readers import open_source
from app.members.service import MemberDirectory
from app.store import Store
from app.store.schema import duplicate_candidate, member, member_tag

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL (COPY)

HEADER = "Prénom;Nom;Courriel;Promo;Ville;Entreprise;LinkedIn;Étiquettes"


def write(path: Path, *lines: str, encoding: str = "utf-8-sig") -> Path:
    path.write_text("\n".join([HEADER, *lines]) + "\n", encoding=encoding)
    return path


def dump(store: Store) -> list[tuple[object, ...]]:
    with store.read() as conn:
        members = conn.execute(sa.select(member).order_by(member.c.id)).all()
        tags = conn.execute(sa.select(member_tag).order_by(member_tag.c.member_id)).all()
        queue = conn.execute(
            sa.select(duplicate_candidate.c.member_id, duplicate_candidate.c.incoming)
        ).all()
    return [*map(tuple, members), *map(tuple, tags), *map(tuple, queue)]


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    return write(
        tmp_path / "promo.csv",
        "Émilie;Dupont;emilie@example.org;2005;Lyon;Arkema;;Géographie/Lyon, Chimie",
        "Jean;Dupuis;;1999;Lyon;;https://fr.linkedin.com/in/Jean-Dupuis/;",
        ";;;;Paris;;;",
        "Paul;Durand;;2001;Brest;;;",
        "Paul;Durand;;2001;Rennes;;;",
    )


def test_first_import_creates_and_second_changes_nothing(store: Store, sample: Path) -> None:
    report = import_file(store, open_source(sample))
    assert (report.created, report.updated, report.rejected, report.duplicates) == (3, 0, 1, 1)
    assert report.rejects[0].line == 4
    directory = MemberDirectory(store)
    assert directory.count("tag:lyon tag:chimie") == 1
    assert directory.count("source:import") == 3
    before = dump(store)
    again = import_file(store, open_source(sample))
    assert (again.created, again.updated) == (0, 0)
    assert dump(store) == before
    assert previous_imports(store, open_source(sample).sha256)


def test_existing_members_are_completed_never_overwritten(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    source = write(
        tmp_path / "update.csv",
        # Same email, other case: completes Hélène Martin; her city differs and is kept.
        "Hélène;Martin;HELENE.MARTIN@example.org;2008;Grenoble;Arkema;;Loisirs/Voile",
    )
    report = import_file(store, open_source(source))
    assert (report.created, report.updated) == (0, 1)
    values = MemberDirectory(store).get(people["Martin"]).values
    assert values["city"] == "Lyon"  # kept
    assert values["company"] == "Michelin"  # kept as well (it was not empty)
    assert [(c.field, c.kept, c.incoming) for c in report.conflicts] == [
        ("city", "Lyon", "Grenoble"),
        ("company", "Michelin", "Arkema"),
    ]
    assert "Loisirs/Voile" in MemberDirectory(store).get(people["Martin"]).tags


def test_linkedin_profile_matches_whatever_its_spelling(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    source = write(
        tmp_path / "li.csv",
        "H.;Martin;;;;;linkedin.com/in/HELENE-MARTIN?trk=abc;",
    )
    report = import_file(store, open_source(source))
    assert (report.created, report.updated, report.unchanged) == (0, 0, 1)


def test_empty_fields_are_filled(store: Store, people: dict[str, int], tmp_path: Path) -> None:
    source = write(tmp_path / "fill.csv", "Zoé;Ärger;zoe@example.org;2012;Mulhouse;;;")
    directory = MemberDirectory(store)
    directory.update(people["Ärger"], {"company": ""})
    report = import_file(store, open_source(source))
    assert (report.updated, report.conflicts) == (0, [])
    source = write(tmp_path / "fill2.csv", "Zoé;Ärger;zoe@example.org;2012;Mulhouse;Roquette;;")
    report = import_file(store, open_source(source))
    assert report.updated == 1
    assert directory.get(people["Ärger"]).values["company"] == "Roquette"


def test_probable_duplicate_is_queued_not_merged(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    source = write(tmp_path / "dup.csv", "JEAN;DUPUIS;;1999;Villeurbanne;;;")
    report = import_file(store, open_source(source))
    assert (report.created, report.duplicates) == (0, 1)
    assert MemberDirectory(store).get(people["Dupuis"]).values["city"] == "Lyon"
    with store.read() as conn:
        queued = conn.execute(sa.select(duplicate_candidate)).mappings().one()
    assert queued["member_id"] == people["Dupuis"]
    assert json.loads(queued["incoming"])["values"]["city"] == "Villeurbanne"
    import_file(store, open_source(source))
    with store.read() as conn:
        assert (
            conn.execute(sa.select(sa.func.count()).select_from(duplicate_candidate)).scalar() == 1
        )


def test_dry_run_reports_the_same_and_writes_nothing(store: Store, sample: Path) -> None:
    before = dump(store)
    dry = import_file(store, open_source(sample), dry_run=True)
    assert dump(store) == before
    assert not previous_imports(store, open_source(sample).sha256)
    real = import_file(store, open_source(sample))
    assert (dry.created, dry.rejected, dry.duplicates) == (
        real.created,
        real.rejected,
        real.duplicates,
    )


def test_failure_mid_import_leaves_the_store_as_before(
    store: Store, people: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    rows = [f"P{i};Nom{i};p{i}@example.org;2000;Lyon;;;Import/Lot" for i in range(50)]
    source = write(tmp_path / "many.csv", *rows)
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    calls = {"n": 0}
    original = importer._Importer._insert

    def failing(self: importer._Importer, rows: list) -> None:  # type: ignore[type-arg]
        calls["n"] += 1
        if calls["n"] == 3:
            raise OSError("disk full")
        original(self, rows)

    monkeypatch.setattr(importer._Importer, "_insert", failing)
    before = dump(store)
    with pytest.raises(OSError):
        import_file(store, open_source(source))
    assert dump(store) == before
    assert MemberDirectory(store).count("tag:lot") == 0


def test_cancel_leaves_the_store_as_before(
    store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store.cancel import CancelToken

    rows = [f"P{i};Nom{i};p{i}@example.org;2000;Lyon;;;" for i in range(50)]
    source = write(tmp_path / "many.csv", *rows)
    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    token = CancelToken()

    def progress(done: int, total: int) -> None:
        if done >= 20:
            token.cancel()

    with pytest.raises(Cancelled):
        import_file(store, open_source(source), progress=progress, cancel=token)
    assert MemberDirectory(store).total() == 0


def test_tag_for_every_row_and_rejects_file(store: Store, sample: Path, tmp_path: Path) -> None:
    report = import_file(store, open_source(sample), tags=["Source/Gala 2026"])
    assert MemberDirectory(store).count('tag:"source/gala 2026"') == 3
    target = tmp_path / "rejects.csv"
    write_rejects(report, target, open_source(sample).headers)
    with target.open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0][:3] == ["line", "reason", "Prénom"]
    assert rows[1][0] == "4" and "neither a name nor an email" in rows[1][1]
    assert rows[1][rows[0].index("Ville")] == "Paris"


def test_cli_import_contract(
    capsys: pytest.CaptureFixture[str], store: Store, sample: Path, tmp_path: Path
) -> None:
    code = main(["--db", store.address, "import", str(sample), "--dry-run"])
    out = capsys.readouterr().out.strip().splitlines()
    assert code == 0 and out[-1] == "created: 3, updated: 0, rejected: 1"
    assert main(["--db", store.address, "count"]) == 0
    assert capsys.readouterr().out == "0\n"
    rejects = tmp_path / "r.csv"
    code = main(
        [
            "--db",
            store.address,
            "import",
            str(sample),
            "--json",
            "--tag",
            "Gala",
            "--rejects",
            str(rejects),
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {
        "created": 3,
        "updated": 0,
        "rejected": 1,
        "duplicates": 1,
        "warnings": 0,
    }
    assert rejects.exists()
    main(["--db", store.address, "import", str(sample)])
    out = capsys.readouterr().out.strip().splitlines()
    assert out[-1] == "created: 0, updated: 0, rejected: 1"
    assert any("already imported" in line for line in out)


def test_cli_import_of_a_missing_file_is_one_line(
    capsys: pytest.CaptureFixture[str], store: Store, tmp_path: Path
) -> None:
    assert main(["--db", store.address, "import", str(tmp_path / "nope.csv")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("amicale:")


FIXTURES = Path(__file__).parent / "fixtures" / "import"


def test_mailchimp_export_sets_consent_from_each_list(store: Store) -> None:
    directory = MemberDirectory(store)
    leroy = directory.create(
        {
            "first_name": "Paul",
            "last_name": "Leroy",
            "email": "paul.leroy@example.org",
            "consent": True,
        }
    )
    report = import_file(store, open_source(FIXTURES / "mailchimp_export.zip"))
    assert report.created >= 3
    assert directory.count("emilie.dupont@example.org consent:yes") == 1
    # Unsubscribed: the consent the directory had is withdrawn.
    assert directory.get(leroy).values["consent"] is False
    assert directory.count("claire fontaine consent:no") == 1
    assert directory.count('tag:"géographie/lyon" tag:chimie') == 1


def test_linkedin_connections_match_by_profile(store: Store) -> None:
    directory = MemberDirectory(store)
    known = directory.create(
        {
            "first_name": "J.",
            "last_name": "Martin",
            "linkedin_url": "http://linkedin.com/in/jeanmartin/",
        }
    )
    report = import_file(store, open_source(FIXTURES / "linkedin_connections.csv"))
    assert report.preset == "linkedin"
    assert report.updated == 1
    assert directory.get(known).values["company"] == "Acme, Inc."
    assert directory.count("emilie dupont company:arkema") == 1


def test_vcards_one_bad_card_does_not_lose_the_others(store: Store) -> None:
    report = import_file(store, open_source(FIXTURES / "contacts_v4.vcf"))
    assert report.rejected == 1 and report.created >= 2
    directory = MemberDirectory(store)
    amelie = directory.search_ids("amelie poulain")
    assert len(amelie) == 1
    assert directory.get(amelie[0]).values["birthday"] == "0000-03-12"
    assert directory.count("birthday:03-12") == 1
    assert directory.count("tag:bureau") == 1


def test_members_created_after_an_import_get_ids_of_their_own(store: Store, tmp_path: Path) -> None:
    directory = MemberDirectory(store)
    first = write(tmp_path / "a.csv", *(f"A{i};B{i};a{i}@example.org;2001;;;;" for i in range(30)))
    import_file(store, open_source(first))
    directory.create({"first_name": "Yves", "last_name": "Après"})
    second = write(tmp_path / "b.csv", "Ana;Nouvelle;ana@example.org;2002;;;;")
    assert import_file(store, open_source(second)).created == 1
    with store.read() as conn:
        ids = conn.execute(sa.select(member.c.id)).scalars().all()
    assert len(ids) == len(set(ids)) == 32
    assert directory.count("après") == directory.count("nouvelle") == 1


def test_another_animators_member_during_a_server_import(
    pg_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """On a server the others keep writing while an import runs: the import's ids and
    theirs come from one sequence, so neither clashes with the other."""
    from app.store import open_store

    mine, theirs = open_store(pg_url), open_store(pg_url)
    added: list[int] = []
    rows = (f"A{i};B{i};a{i}@example.org;2001;;;;" for i in range(30))
    source = write(tmp_path / "a.csv", *rows)

    def progress(done: int, total: int) -> None:
        if not added:  # committed by another session while the import is under way
            added.append(MemberDirectory(theirs).create({"first_name": "Zoé", "last_name": "X"}))

    monkeypatch.setattr(importer, "BATCH_SIZE", 10)
    try:
        assert import_file(mine, open_source(source), progress=progress).created == 30
        added.append(MemberDirectory(theirs).create({"first_name": "Yves", "last_name": "Y"}))
        with mine.read() as conn:
            ids = conn.execute(sa.select(member.c.id)).scalars().all()
        assert len(ids) == len(set(ids)) == 32
    finally:
        mine.close()
        theirs.close()


def test_a_server_import_loads_by_copy(
    pg_url: str, sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import open_store, postgres

    copied: list[str] = []
    copy_rows = postgres.copy_rows

    def watched(raw: object, table: str, columns: list[str], rows: object) -> int:
        copied.append(table)
        return copy_rows(raw, table, columns, rows)

    monkeypatch.setattr(postgres, "copy_rows", watched)
    store = open_store(pg_url)
    try:
        report = import_file(store, open_source(sample), tags=["Source/Gala"])
        assert (report.created, report.duplicates) == (3, 1)
        assert "member" in copied and "duplicate_candidate" in copied
        assert MemberDirectory(store).count("tag:gala") == 3
    finally:
        store.close()
