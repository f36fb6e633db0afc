"""Segments: saved live searches and the ready-made ones, in the store and on the command line."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
import sqlalchemy as sa

from app import audit, segments
from app.cli import main
from app.errors import AmicaleError, Cancelled, NotFoundError
from app.members.query import QueryContext
from app.members.search import QuerySyntaxError
from app.members.service import MemberDirectory
from app.privacy import consent
from app.segments import Segment
from app.store import Store
from app.store.cancel import CancelToken
from app.store.schema import segment, tag

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL

READY = [
    "Lost touch",
    "Dues unpaid this year",
    "New this month",
    "Not verified",
    "No consent",
    "Consent never asked",
]
# A day of 2026, when Émilie Dupont's dues (paid for 2026) are up to date.
IN_2026 = QueryContext(today=date(2026, 11, 26))


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def saved_rows(store: Store) -> list[tuple[str, str, str]]:
    with store.read() as conn:
        stmt = sa.select(segment.c.name, segment.c.name_key, segment.c.query)
        return [(r[0], r[1], r[2]) for r in conn.execute(stmt.order_by(segment.c.id))]


# --- saving, renaming, duplicating, deleting ----------------------------------------------


def test_save_lists_after_the_ready_made_ones(store: Store, people: dict[str, int]) -> None:
    chimie = segments.save(store, "  Chimistes   lyonnais ", "tag:lyon tag:chimie")
    alsace = segments.save(store, "Alsace", "tag:alsace")
    # Tags are kept by id and shown under their current names.
    assert chimie.name == "Chimistes lyonnais" and chimie.query == "tag:Lyon tag:Chimie"
    assert chimie.id > 0 and not chimie.ready_made and chimie.created_at
    listed = segments.list_segments(store)
    assert [s.name for s in listed] == [*READY, "Alsace", "Chimistes lyonnais"]
    assert [s.ready_made for s in listed] == [True] * 6 + [False] * 2
    assert segments.get(store, "CHIMISTES LYONNAIS") == chimie
    assert segments.get(store, alsace.id) == alsace
    assert segments.get(store, "lost-touch").name == "Lost touch"
    assert segments.get(store, "lost TOUCH").key == "lost-touch"
    with pytest.raises(NotFoundError, match="no segment 'Bretagne'"):
        segments.get(store, "Bretagne")


def test_saving_an_existing_name_replaces_its_query(store: Store, people: dict[str, int]) -> None:
    first = segments.save(store, "Élus", "city:lyon")
    again = segments.save(store, "ELUS", "city:paris")
    assert again.id == first.id and again.name == "Élus" and again.query == "city:paris"
    assert saved_rows(store) == [("Élus", "elus", "city:paris")]
    actions = [(e.action, e.entity, e.entity_id) for e in audit.recent(store, limit=2)]
    assert actions == [
        ("segment-update", "segment", first.id),
        ("segment-create", "segment", first.id),
    ]


def test_rename(store: Store, people: dict[str, int]) -> None:
    lyon = segments.save(store, "Lyon", "city:lyon")
    segments.save(store, "Paris", "city:paris")
    renamed = segments.rename(store, lyon.id, "Lyonnais")
    assert (renamed.id, renamed.name, renamed.query) == (lyon.id, "Lyonnais", "city:lyon")
    assert segments.rename(store, lyon.id, "LYONNAIS").name == "LYONNAIS"  # its own name
    with pytest.raises(AmicaleError, match="a segment named 'paris' already exists"):
        segments.rename(store, lyon.id, "paris")
    with pytest.raises(AmicaleError, match="ready-made"):
        segments.rename(store, lyon.id, "No consent")
    with pytest.raises(AmicaleError, match="cannot be changed"):
        segments.rename(store, segments.get(store, "no-consent").id, "Sans consentement")
    with pytest.raises(AmicaleError, match="needs a name"):
        segments.rename(store, lyon.id, "   ")
    entry = audit.recent(store, limit=1, actions=("segment-rename",))[0]
    assert entry.detail == {"from": "Lyonnais", "to": "LYONNAIS"}


def test_duplicate(store: Store, people: dict[str, int]) -> None:
    lyon = segments.save(store, "Lyon", "city:lyon")
    copy = segments.duplicate(store, lyon.id)
    second = segments.duplicate(store, lyon.id)
    assert (copy.name, copy.query) == ("Lyon (copie)", "city:lyon")
    assert second.name == "Lyon (copie 2)"
    assert len({lyon.id, copy.id, second.id}) == 3
    made = segments.duplicate(store, segments.get(store, "lost-touch").id, base="Perdus de vue")
    assert made.name == "Perdus de vue (copie)" and not made.ready_made
    assert made.query == "status:lost OR (-has:email -has:phone)"
    assert segments.duplicate(store, -1).name == "Lost touch (copie)"


def test_delete_keeps_the_members(store: Store, people: dict[str, int]) -> None:
    lyon = segments.save(store, "Lyon", "city:lyon")
    gone = segments.delete(store, lyon.id)
    assert gone == lyon
    assert saved_rows(store) == []
    assert MemberDirectory(store).total() == len(people)
    with pytest.raises(NotFoundError):
        segments.delete(store, lyon.id)
    with pytest.raises(AmicaleError, match="ready-made"):
        segments.delete(store, -1)
    entry = audit.recent(store, limit=1)[0]
    assert (entry.action, entry.entity_id) == ("segment-delete", lyon.id)
    assert entry.detail == {"name": "Lyon", "query": "city:lyon"}


@pytest.mark.parametrize(
    ("query", "position"),
    [
        ("promo:2000 (city:lyon", 11),  # '(' without ')'
        ('city:"saint', 5),  # unclosed quote
        ("promo:abc", 6),  # not a year
        ("tag:lyon couleur:bleu", 9),  # unknown field
        ("tag:lyon OR", 9),
    ],
)
def test_a_malformed_query_is_refused_with_its_position(
    store: Store, query: str, position: int
) -> None:
    with pytest.raises(QuerySyntaxError) as caught:
        segments.save(store, "Cassé", query)
    assert caught.value.position == position
    assert f"at character {position + 1}" in str(caught.value)
    assert saved_rows(store) == []


def test_empty_queries_and_reserved_names_are_refused(store: Store) -> None:
    with pytest.raises(AmicaleError, match="needs a search"):
        segments.save(store, "Tous", "   ")
    with pytest.raises(AmicaleError, match="ready-made"):
        segments.save(store, "lost touch", "city:lyon")
    with pytest.raises(AmicaleError, match="ready-made"):
        segments.save(store, "New-This-Month", "city:lyon")
    lyon = segments.save(store, "Lyon", "city:lyon")
    with pytest.raises(QuerySyntaxError):
        segments.set_query(store, lyon.id, "promo:abc")
    assert segments.set_query(store, lyon.id, "city:paris").query == "city:paris"
    with pytest.raises(AmicaleError, match="ready-made"):
        segments.set_query(store, -2, "dues:paid")
    assert saved_rows(store) == [("Lyon", "lyon", "city:paris")]


# --- live counts ----------------------------------------------------------------------------


def test_counts_are_live(store: Store, people: dict[str, int]) -> None:
    lyon = segments.save(store, "Lyon", "city:lyon")
    chimie = segments.save(store, "Chimie", "tag:chimie")
    assert segments.counts(store, [lyon, chimie]) == {lyon.id: 2, chimie.id: 3}
    directory = MemberDirectory(store)
    new = directory.create({"first_name": "Anne", "last_name": "Roux", "city": "Lyon"})
    assert segments.counts(store, [lyon, chimie]) == {lyon.id: 3, chimie.id: 3}
    directory.update(people["Dupuis"], {"city": "Paris"}, tags=[])
    assert segments.counts(store, [lyon, chimie]) == {lyon.id: 2, chimie.id: 2}
    directory.delete([new])
    assert segments.counts(store, [lyon, chimie]) == {lyon.id: 1, chimie.id: 2}
    # Nothing was stored beside the query.
    assert [c.name for c in segment.columns] == [
        "id", "name", "name_key", "query", "created_at", "updated_at"
    ]  # fmt: skip


def test_ready_made_counts(store: Store, people: dict[str, int]) -> None:
    made = segments.ready_made()
    assert [s.name for s in made] == READY
    assert [s.key for s in made] == [
        "lost-touch", "dues-unpaid", "new-this-month", "not-verified", "no-consent",
        "never-asked",
    ]  # fmt: skip
    assert [s.id for s in made] == [-1, -2, -3, -4, -5, -6]
    counted = segments.counts(store, made, context=IN_2026)
    by_name = {s.name: counted[s.id] for s in made}
    assert by_name == {
        "Lost touch": 1,  # Loïc Le Goff (Jean Dupuis has a phone)
        "Dues unpaid this year": 5,  # all but Émilie Dupont
        "New this month": 6,  # the fixture was created just now
        "Not verified": 5,  # all but François Lefèvre
        "No consent": 4,
        "Consent never asked": 4,  # the four without the newsletter consent
    }
    # A refusal is an answer: the member is still without consent, no longer never asked.
    consent.set_answers(store, people["Dupuis"], {"events": False}, "phone call")
    counted = segments.counts(store, made[4:], context=IN_2026)
    assert (counted[-5], counted[-6]) == (4, 3)
    MemberDirectory(store).create({"first_name": "Nina", "last_name": "Sans-Nouvelles"})
    assert segments.counts(store, made[:1]) == {-1: 2}  # no email, no phone


def test_new_this_month_is_built_from_the_date(store: Store, people: dict[str, int]) -> None:
    made = {s.key: s for s in segments.ready_made(date(2020, 1, 5))}
    assert made["new-this-month"].query == "added:2020-01"
    assert segments.counts(store, [made["new-this-month"]]) == {-3: 0}
    listed = segments.list_segments(store, today=date(2031, 12, 31))
    assert listed[2].query == "added:2031-12"


def test_counting_can_be_cancelled_and_skips_a_broken_segment(
    store: Store, people: dict[str, int]
) -> None:
    with store.write() as conn:  # e.g. a field a newer version no longer knows
        conn.execute(
            segment.insert().values(
                name="Ancien", name_key="ancien", query="couleur:bleu", created_at="", updated_at=""
            )
        )
    listed = segments.list_segments(store)
    counted = segments.counts(store, listed)
    assert set(counted) == {s.id for s in listed if s.name != "Ancien"}
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        segments.counts(store, listed, cancel=token)


# --- tag references by id -------------------------------------------------------------------


def tag_id(store: Store, name_key: str) -> int:
    with store.read() as conn:
        return int(conn.execute(sa.select(tag.c.id).where(tag.c.name_key == name_key)).scalar_one())


def rename_tag(store: Store, old_key: str, new_name: str) -> None:
    with store.write() as conn:  # the tag browser's job; a plain UPDATE is enough here
        conn.execute(
            tag.update()
            .where(tag.c.name_key == old_key)
            .values(name=new_name, name_key=new_name.lower())
        )


def test_queries_are_kept_as_typed_while_tag_ids_are_off(
    store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segments, "TAG_IDS", False)
    segments.save(store, "Lyon", 'etiquette:lyon -tag:"Saint-Étienne"')
    assert saved_rows(store) == [("Lyon", "lyon", 'etiquette:lyon -tag:"Saint-Étienne"')]


def test_tag_references_by_id_show_the_current_names(
    store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(segments, "TAG_IDS", True)
    lyon, chimie, alsace = (tag_id(store, k) for k in ("lyon", "chimie", "alsace"))
    with store.write() as conn:  # a second "Chimie", without a category
        result = conn.execute(tag.insert().values(name="Chimie", name_key="chimie"))
        assert result.inserted_primary_key is not None
    chimie_ids = sorted([chimie, int(result.inserted_primary_key[0])])
    saved = segments.save(
        store, "Cible", 'etiquette:LYON (tag:chimie OR -tag:"Alsace") tag:inconnu "saint"'
    )
    stored = saved_rows(store)[0][2]
    assert stored == (
        f"tag:#{lyon} ((tag:#{chimie_ids[0]} OR tag:#{chimie_ids[1]}) OR -tag:#{alsace}) "
        'tag:inconnu "saint"'
    )
    # Shown by name; the category is added where the name alone matches two tags; the
    # uncategorised namesake cannot be named alone, so it stays an id.
    assert saved.query == (
        f'tag:Lyon ((tag:Métier/Chimie OR tag:#{chimie_ids[1]}) OR -tag:Alsace) tag:inconnu "saint"'
    )
    rename_tag(store, "lyon", "Lyon et environs")
    shown = segments.get(store, "cible").query
    assert shown.startswith('tag:"Lyon et environs" (')
    assert segments.save(store, "Cible", shown).query == shown  # stable round trip
    assert saved_rows(store)[0][2] == stored


def test_a_segment_survives_a_tag_rename(
    store: Store, people: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    lyon = tag_id(store, "lyon")
    if MemberDirectory(store).count(f"tag:#{lyon}") == 0:
        pytest.skip("the search language does not read tag:#ID yet (app.members.query)")
    monkeypatch.setattr(segments, "TAG_IDS", True)
    saved = segments.save(store, "Lyonnais", "tag:lyon")
    assert segments.counts(store, [saved]) == {saved.id: 2}
    rename_tag(store, "lyon", "Lugdunum")
    again = segments.get(store, "lyonnais")
    assert again.query == "tag:Lugdunum"
    assert segments.counts(store, [again]) == {saved.id: 2}


# --- command line ---------------------------------------------------------------------------


def test_cli_lists_segments_with_live_counts(
    capsys: pytest.CaptureFixture[str], db_path: Path, store: Store, people: dict[str, int]
) -> None:
    segments.save(store, "Lyonnais", "city:lyon")
    code, out, err = run(capsys, "--db", store.address, "segments")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 8
    assert lines[0].startswith("* Lost touch ") and lines[0].endswith(
        "  1  status:lost OR (-has:email -has:phone)"
    )
    assert lines[3].startswith("* Not verified ") and lines[3].endswith("  5  verified:no")
    assert lines[6].startswith("  Lyonnais ") and lines[6].endswith("  2  city:lyon")
    assert lines[7].startswith("* ready-made")


def test_cli_json_contract(
    capsys: pytest.CaptureFixture[str],
    today: date,
    db_path: Path,
    store: Store,
    people: dict[str, int],
) -> None:
    segments.save(store, "Lyonnais", "city:lyon")
    code, out, _ = run(capsys, "--db", store.address, "segments", "--json")
    assert code == 0
    listed = json.loads(out)
    assert all(set(item) == {"name", "query", "count"} for item in listed)
    assert [item["name"] for item in listed] == [*READY, "Lyonnais"]
    assert listed[0] == {
        "name": "Lost touch",
        "query": "status:lost OR (-has:email -has:phone)",
        "count": 1,
    }
    assert listed[2]["query"] == f"added:{today:%Y-%m}" and listed[2]["count"] == 6
    assert listed[-1] == {"name": "Lyonnais", "query": "city:lyon", "count": 2}


def test_cli_save(
    capsys: pytest.CaptureFixture[str], db_path: Path, store: Store, people: dict[str, int]
) -> None:
    db = ("--db", store.address)
    code, out, _ = run(capsys, *db, "segments", "save", "Chimistes", "tag:chimie", "city:lyon")
    assert (code, out) == (0, "saved: Chimistes (2 members)\n")
    code, out, _ = run(capsys, *db, "segments", "save", "Pas à jour", "--", "-dues:paid")
    assert code == 0 and out.startswith("saved: Pas à jour (")
    code, out, _ = run(capsys, *db, "segments", "save", "chimistes", "tag:chimie")
    assert (code, out) == (0, "saved: Chimistes (3 members)\n")
    assert segments.get(store, "pas a jour").query == "-dues:paid"
    assert [s.name for s in segments.list_segments(store)][6:] == ["Chimistes", "Pas à jour"]


def test_cli_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], db_path: Path, store: Store
) -> None:
    db = ("--db", store.address)
    code, out, err = run(capsys, *db, "segments", "save", "Cassé", "promo:2000", "(city:lyon")
    assert (code, out) == (1, "")
    assert err == "amicale: '(' without a matching ')' (at character 12)\n"
    code, _, err = run(capsys, *db, "segments", "save", "No consent", "city:lyon")
    assert code == 1 and err == "amicale: 'No consent' is the name of a ready-made segment\n"
    code, _, err = run(capsys, *db, "segments", "save", "Vide")
    assert code == 2 and err.splitlines()[-1].startswith("amicale: ")
    assert saved_rows(store) == []


def test_segment_dataclass_is_plain() -> None:
    made = Segment(3, "Lyon", "city:lyon")
    assert not made.ready_made and made.key is None and made.created_at is None
