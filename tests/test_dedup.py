"""Duplicates on a real store: each rule finds its pair, decisions stick, merges lose nothing."""

from __future__ import annotations

import json
from typing import Any

import pytest
import sqlalchemy as sa

from app.errors import Cancelled, NotFoundError
from app.members import dedup
from app.members.dedup import Pair
from app.members.service import MemberDirectory
from app.store import Store
from app.store.cancel import CancelToken
from app.store.schema import (
    audit_event,
    community,
    duplicate_candidate,
    member,
    member_community,
    not_duplicate,
)

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL


@pytest.fixture
def directory(store: Store) -> MemberDirectory:
    return MemberDirectory(store)


def pair_of(pairs: list[Pair], a: int, b: int) -> Pair | None:
    low, high = min(a, b), max(a, b)
    found = [p for p in pairs if (p.left_id, p.right_id) == (low, high)]
    assert len(found) <= 1
    return found[0] if found else None


def audit_rows(store: Store, action: str) -> list[dict[str, Any]]:
    with store.read() as conn:
        rows = conn.execute(
            sa.select(audit_event).where(audit_event.c.action == action).order_by(audit_event.c.id)
        ).mappings()
        return [
            {**row, "detail": json.loads(row["detail"]) if row["detail"] else None} for row in rows
        ]


def add_candidate(
    store: Store, member_id: int, values: dict[str, Any], tags: list[str] | None = None
) -> int:
    payload = json.dumps({"values": values, "tags": tags or []}, sort_keys=True)
    with store.write() as conn:
        result = conn.execute(
            duplicate_candidate.insert().values(
                member_id=member_id,
                incoming=payload,
                source="school.csv",
                line=12,
                reason="same name and class year, no email",
                created_at="2026-11-26T10:00:00+00:00",
            )
        )
        key = result.inserted_primary_key
        assert key is not None
        return int(key[0])


def add_community(store: Store, name: str, members: dict[int, str]) -> int:
    with store.write() as conn:
        key = conn.execute(
            community.insert().values(name=name, name_key=name.lower(), network="linkedin")
        ).inserted_primary_key
        assert key is not None
        for member_id, role in members.items():
            conn.execute(
                member_community.insert().values(
                    member_id=member_id, community_id=key[0], role=role
                )
            )
        return int(key[0])


def candidate_status(store: Store, candidate_id: int) -> str:
    with store.read() as conn:
        stmt = sa.select(duplicate_candidate.c.status).where(
            duplicate_candidate.c.id == candidate_id
        )
        return str(conn.execute(stmt).scalar_one())


# --- the scan -------------------------------------------------------------------------------


def test_no_pairs_among_different_people(store: Store, people: dict[str, int]) -> None:
    assert dedup.scan(store) == []


def test_same_email_case_insensitive(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    twin = directory.create({"last_name": "Durand", "email": "Emilie.DUPONT@example.org"})
    pair = pair_of(dedup.scan(store), people["Dupont"], twin)
    assert pair is not None
    assert pair.reason == "email"
    assert pair.candidate_id is None
    assert 0 <= pair.score < 100  # the names differ


def test_same_linkedin_profile(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    twin = directory.create(
        {"first_name": "H.", "linkedin_url": "https://fr.linkedin.com/in/Helene-Martin/?trk=x"}
    )
    pair = pair_of(dedup.scan(store), people["Martin"], twin)
    assert pair is not None and pair.reason == "linkedin"


def test_same_name_and_class_year(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    twin = directory.create({"first_name": "JEAN", "last_name": "dupuis", "promo": 1999})
    pair = pair_of(dedup.scan(store), people["Dupuis"], twin)
    assert pair == Pair(people["Dupuis"], twin, "name_promo", 100.0)


def test_same_name_and_phone_whatever_the_year(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    # Dupuis has "06 12 34 56 78"; the international form is the same line.
    twin = directory.create(
        {"first_name": "Jean", "last_name": "Dupuis", "phone": "+33 6.12.34.56.78"}
    )
    other = directory.create(
        {"first_name": "Jean", "last_name": "Dupuis", "phone": "06 99 99 99 99"}
    )
    pairs = dedup.scan(store)
    found = pair_of(pairs, people["Dupuis"], twin)
    assert found is not None and found.reason == "name_phone"
    assert pair_of(pairs, people["Dupuis"], other) is None  # no class year, another phone


def test_near_spelling_in_the_same_class_year(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    near = directory.create({"first_name": "Emilie", "last_name": "Dupond", "promo": 2005})
    elsewhere = directory.create({"first_name": "Emilie", "last_name": "Dupond", "promo": 2006})
    pairs = dedup.scan(store)
    pair = pair_of(pairs, people["Dupont"], near)
    assert pair is not None
    assert pair.reason == "similar_name"
    assert 85 < pair.score < 100
    assert pair_of(pairs, people["Dupont"], elsewhere) is None


def test_first_and_last_name_swapped(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    swapped = directory.create({"first_name": "Lefèvre", "last_name": "François", "promo": 1975})
    pair = pair_of(dedup.scan(store), people["Lefèvre"], swapped)
    assert pair is not None and pair.reason == "swapped_name" and pair.score == 100.0


def test_pairs_come_strongest_first_and_once(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    near = directory.create({"first_name": "Emilie", "last_name": "Dupond", "promo": 2005})
    # Same email *and* same name and year: reported once, under the stronger rule.
    both = directory.create(
        {"first_name": "Jean", "last_name": "Dupuis", "promo": 1999, "email": "jd@example.org"}
    )
    directory.create({"first_name": "J", "last_name": "D", "email": "JD@example.org"})
    pairs = dedup.scan(store)
    reasons = [p.reason for p in pairs]
    assert reasons == sorted(reasons, key=dedup.SCAN_REASONS.index)
    assert reasons[0] == "email"
    assert pair_of(pairs, people["Dupuis"], both) is not None
    assert len({(p.left_id, p.right_id) for p in pairs}) == len(pairs)
    assert all(p.right_id is not None and p.left_id < p.right_id for p in pairs)
    assert pair_of(pairs, people["Dupont"], near) is not None


def test_not_the_same_is_remembered_and_logged(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    twin = directory.create({"first_name": "Jean", "last_name": "Dupuis", "promo": 1999})
    dedup.not_the_same(store, twin, people["Dupuis"])  # any order
    dedup.not_the_same(store, people["Dupuis"], twin)  # twice is harmless
    assert pair_of(dedup.scan(store), people["Dupuis"], twin) is None
    with store.read() as conn:
        assert conn.execute(
            sa.select(not_duplicate.c.member_a, not_duplicate.c.member_b)
        ).all() == [(people["Dupuis"], twin)]
    logged = audit_rows(store, "not_duplicate")
    assert logged[-1]["detail"] == {"members": [people["Dupuis"], twin]}
    with pytest.raises(ValueError):
        dedup.not_the_same(store, twin, twin)
    with pytest.raises(NotFoundError):
        dedup.not_the_same(store, twin, 999_999)


def test_deleted_members_leave_the_scan(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    twin = directory.create({"first_name": "Jean", "last_name": "Dupuis", "promo": 1999})
    assert dedup.scan(store)
    directory.delete([twin])
    assert dedup.scan(store) == []


def test_nameless_members_match_only_by_email(store: Store, directory: MemberDirectory) -> None:
    a = directory.create({"email": "a@example.org", "promo": 2000})
    b = directory.create({"email": "b@example.org", "promo": 2000})
    assert pair_of(dedup.scan(store), a, b) is None


def test_a_large_group_is_a_chain_not_every_pair(
    store: Store, directory: MemberDirectory, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dedup, "MAX_GROUP", 3)
    ids = [directory.create({"last_name": "Inconnu", "promo": 2001}) for _ in range(5)]
    pairs = dedup.scan(store)
    assert [(p.left_id, p.right_id) for p in pairs] == [(ids[0], i) for i in ids[1:]]


def test_progress_reaches_the_end(store: Store, people: dict[str, int]) -> None:
    seen: list[tuple[int, int]] = []
    dedup.scan(store, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 1000) and seen[-1] == (1000, 1000)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_stops_a_scan(store: Store, people: dict[str, int]) -> None:
    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        dedup.scan(store, cancel=token)

    token = CancelToken()

    def cancel_midway(done: int, total: int) -> None:
        if done >= 300:
            token.cancel()

    with pytest.raises(Cancelled):
        dedup.scan(store, progress=cancel_midway, cancel=token)


# --- near spellings -------------------------------------------------------------------------


def test_similar_names_one_typo() -> None:
    names = [
        "dupont\x1fjean",
        "dupond\x1fjean",  # a letter wrong
        "le goff\x1floic",
        "legoff\x1floic",  # spacing only
        "martin\x1flouis",
        "martin\x1flouise",  # a letter more
        "martni\x1fpaul",
        "martin\x1fpaul",  # neighbours swapped
        "rey\x1fdamien",
        "roy\x1fdamien",  # a short part: other people
        "bernard\x1fanne",
        "vernard\x1fanne",  # the first letter: not compared (blocking)
        "durand\x1fmarc",
        "dorand\x1fmerc",  # two typos
    ]
    assert sorted(dedup.similar_names(names)) == [
        ("dupond\x1fjean", "dupont\x1fjean"),
        ("le goff\x1floic", "legoff\x1floic"),
        ("martin\x1flouis", "martin\x1flouise"),
        ("martin\x1fpaul", "martni\x1fpaul"),
    ]


def test_big_blocks_are_split(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(dedup, "MAX_BLOCK", 2)
    names = ["dupont\x1fjean", "dupond\x1fjean", "durand\x1fmarc", "durant\x1fmarc", "dumas\x1fa"]
    assert sorted(dedup.similar_names(names)) == [
        ("dupond\x1fjean", "dupont\x1fjean"),
        ("durand\x1fmarc", "durant\x1fmarc"),
    ]


# --- merging --------------------------------------------------------------------------------


def test_merge_fills_unites_logs_and_deletes(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    keep = people["Dupuis"]  # Jean Dupuis, Lyon, Sanofi, 1999, phone; Lyon + Chimie tags
    drop = directory.create(
        {
            "first_name": "Jean",
            "last_name": "Dupuis",
            "promo": 1999,
            "email": "jean.dupuis@example.org",
            "city": "Villeurbanne",
            "linkedin_url": "linkedin.com/in/jean-dupuis",
        },
        ["Métier/Chimie", "Bénévoles"],
    )
    club = add_community(store, "Club Lyon", {keep: "member", drop: "animator"})
    other = add_community(store, "Réseau Chimie", {drop: "moderator"})
    queued = add_candidate(store, drop, {"first_name": "Jean", "last_name": "Dupuis"})
    third = directory.create({"first_name": "Jeanne", "last_name": "Dupuis", "promo": 1999})
    dedup.not_the_same(store, drop, third)

    result = dedup.merge(store, keep, drop)

    assert result.kept_id == keep and result.dropped_id == drop
    assert result.filled == {
        "email": "jean.dupuis@example.org",
        "linkedin_url": "https://linkedin.com/in/jean-dupuis",
    }
    assert result.differences == {"city": ("Lyon", "Villeurbanne")}
    assert result.tags_added == ["Bénévoles"]
    assert result.communities_added == ["Réseau Chimie"]
    assert result.roles_raised == {"Club Lyon": "animator"}

    kept = directory.get(keep)
    assert kept.values["city"] == "Lyon"  # never overwritten
    assert kept.values["email"] == "jean.dupuis@example.org"
    assert kept.values["phone"] == "06 12 34 56 78"
    assert sorted(kept.tags) == ["Bénévoles", "Géographie/Lyon", "Métier/Chimie"]
    assert sorted(kept.communities) == [("Club Lyon", "animator"), ("Réseau Chimie", "moderator")]
    with pytest.raises(NotFoundError):
        directory.get(drop)
    with store.read() as conn:
        # The new LinkedIn key makes the member findable by the import's matching.
        key = conn.execute(sa.select(member.c.linkedin_key).where(member.c.id == keep))
        assert key.scalar_one() == "linkedin.com/in/jean-dupuis"
        moved = conn.execute(
            sa.select(duplicate_candidate.c.member_id).where(duplicate_candidate.c.id == queued)
        )
        assert moved.scalar_one() == keep
        rejections = conn.execute(sa.select(not_duplicate.c.member_a, not_duplicate.c.member_b))
        assert rejections.all() == [(keep, third)]
        ids = {r[0] for r in conn.execute(sa.select(member_community.c.community_id))}
        assert ids == {club, other}
    logged = audit_rows(store, "merge")[-1]
    assert logged["entity_id"] == keep
    assert logged["detail"]["kept"] == keep and logged["detail"]["dropped"] == drop
    assert logged["detail"]["differences"] == {"city": ["Lyon", "Villeurbanne"]}
    assert logged["detail"]["filled"]["email"] == "jean.dupuis@example.org"
    # The history of both members stays: their "create" events are still there.
    created = {row["entity_id"] for row in audit_rows(store, "create")}
    assert {keep, drop} <= created


def test_merge_refills_the_sort_name(store: Store, directory: MemberDirectory) -> None:
    keep = directory.create({"email": "x@example.org"})
    drop = directory.create({"first_name": "Éva", "last_name": "Öz", "email": "X@example.org"})
    result = dedup.merge(store, keep, drop)
    assert set(result.filled) == {"first_name", "last_name"}
    assert result.differences == {"email": ("x@example.org", "X@example.org")}
    with store.read() as conn:
        name = conn.execute(sa.select(member.c.sort_name).where(member.c.id == keep))
        assert name.scalar_one() == "oz\x1feva"


def test_a_failed_merge_changes_nothing(store: Store, people: dict[str, int]) -> None:
    with store.read() as conn:
        before = conn.execute(sa.select(member).order_by(member.c.id)).all()
    with pytest.raises(NotFoundError):
        dedup.merge(store, people["Dupont"], 999_999)
    with pytest.raises(ValueError):
        dedup.merge(store, people["Dupont"], people["Dupont"])
    with store.read() as conn:
        assert conn.execute(sa.select(member).order_by(member.c.id)).all() == before
    assert audit_rows(store, "merge") == []


# --- the import queue -----------------------------------------------------------------------


def test_queue_lists_pending_rows(store: Store, people: dict[str, int]) -> None:
    first = add_candidate(store, people["Dupuis"], {"first_name": "Jean", "last_name": "Dupuis"})
    second = add_candidate(store, people["Martin"], {"first_name": "Hélène", "last_name": "Martin"})
    dedup.dismiss_candidate(store, second)
    assert dedup.queue(store) == [Pair(people["Dupuis"], None, "import", 100.0, first)]
    found = dedup.candidate(store, first)
    assert found.display_name == "Jean Dupuis"
    assert (found.source, found.line, found.status) == ("school.csv", 12, "pending")
    with pytest.raises(NotFoundError):
        dedup.candidate(store, 999)


def test_merge_candidate_fills_and_tags(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    keep = people["Dupuis"]
    queued = add_candidate(
        store,
        keep,
        {"first_name": "Jean", "last_name": "Dupuis", "promo": 1999, "city": "Paris",
         "job_title": "Chimiste"},
        ["Promo/1999", "Métier/Chimie"],
    )  # fmt: skip
    result = dedup.merge_candidate(store, queued)
    assert result.kept_id == keep and result.candidate_id == queued
    assert result.filled == {"job_title": "Chimiste"}
    assert result.differences == {"city": ("Lyon", "Paris")}
    assert result.tags_added == ["Promo/1999"]
    found = directory.get(keep)
    assert found.values["job_title"] == "Chimiste" and found.values["city"] == "Lyon"
    assert candidate_status(store, queued) == "merged"
    assert dedup.queue(store) == []
    assert audit_rows(store, "merge")[-1]["detail"]["candidate"] == queued
    with pytest.raises(dedup.AlreadyDecided):
        dedup.merge_candidate(store, queued)


def test_create_from_candidate(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    queued = add_candidate(
        store,
        people["Dupuis"],
        {"first_name": "Jean", "last_name": "Dupuis", "promo": 1999, "city": "Nantes"},
        ["Nantes"],
    )
    before = directory.total()
    new_id = dedup.create_from_candidate(store, queued)
    assert directory.total() == before + 1
    created = directory.get(new_id)
    assert created.values["city"] == "Nantes" and created.tags == ["Nantes"]
    assert candidate_status(store, queued) == "created"
    assert audit_rows(store, "create")[-1]["detail"]["candidate"] == queued
    with pytest.raises(dedup.AlreadyDecided):
        dedup.dismiss_candidate(store, queued)


def test_dismiss_candidate(
    store: Store, people: dict[str, int], directory: MemberDirectory
) -> None:
    queued = add_candidate(store, people["Dupuis"], {"first_name": "Jean", "last_name": "Dupuis"})
    before = directory.get(people["Dupuis"])
    dedup.dismiss_candidate(store, queued)
    assert candidate_status(store, queued) == "dismissed"
    assert directory.get(people["Dupuis"]) == before
    assert audit_rows(store, "dismiss")[-1]["entity_id"] == queued


def test_merge_keeps_the_later_dues_year(store: Store) -> None:
    from app.members.dedup import merge

    directory = MemberDirectory(store)
    kept = directory.create({"first_name": "Ana", "last_name": "Lopes", "dues_last_year": 2024})
    other = directory.create({"first_name": "Ana", "last_name": "Lopes", "dues_last_year": 2026})
    merge(store, kept, other)
    assert directory.get(kept).values["dues_last_year"] == 2026
