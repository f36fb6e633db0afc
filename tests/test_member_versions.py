"""Two animators editing the same member: versions, merges of different fields, conflicts
on the same field, and `amicale member set` (on both engines)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app import cli
from app.members.service import EditConflict, MemberDirectory
from app.members.validation import EDITABLE_FIELDS
from app.store import Store

pytestmark = pytest.mark.engines


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_every_update_bumps_the_version_whoever_writes(store: Store) -> None:
    directory = MemberDirectory(store)
    member_id = directory.create({"last_name": "Durand", "city": "Lyon"})
    assert directory.get(member_id).version == 1
    directory.update(member_id, {"city": "Grenoble"})
    assert directory.get(member_id).version == 2
    with store.write() as conn:  # an update that is not the service's: the trigger counts it
        conn.execute(sa.text("UPDATE member SET phone = '0102' WHERE id = :id"), {"id": member_id})
    assert directory.get(member_id).version == 3
    directory.update(member_id, {"city": "Grenoble"})  # nothing changed: no new version
    assert directory.get(member_id).version == 3


def test_different_fields_merge_and_the_same_field_is_a_conflict(store: Store) -> None:
    directory = MemberDirectory(store)
    member_id = directory.create({"last_name": "Durand", "city": "Lyon", "company": "Arkema"})
    start = directory.get(member_id)  # both animators open the card at version 1
    original = {k: v for k, v in start.values.items() if k in EDITABLE_FIELDS}

    # Claire saves the city first.
    directory.update(member_id, {**original, "city": "Grenoble"}, expected_version=start.version)
    # Marc, from version 1, changed the company only: merged, Claire's city stays.
    directory.update(
        member_id, {**original, "company": "Sanofi"}, expected_version=start.version,
        original=original,
    )  # fmt: skip
    now = directory.get(member_id)
    assert (now.values["city"], now.values["company"], now.version) == ("Grenoble", "Sanofi", 3)

    # Léa, still from version 1, changed the city too: a conflict, nothing written.
    with pytest.raises(EditConflict) as caught:
        directory.update(
            member_id, {**original, "city": "Paris"}, expected_version=start.version,
            original=original,
        )  # fmt: skip
    [conflict] = caught.value.conflicts
    assert (conflict.name, conflict.original, conflict.mine, conflict.theirs) == (
        "city", "Lyon", "Paris", "Grenoble",
    )  # fmt: skip
    assert caught.value.version == 3
    assert directory.get(member_id).values["city"] == "Grenoble"
    # She chooses hers, from the version she was shown: saved.
    directory.update(member_id, {"city": "Paris"}, expected_version=3)
    assert directory.get(member_id).values["city"] == "Paris"


def test_member_set_prints_the_new_version_and_refuses_stale_ones(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int]
) -> None:
    member_id = people["Dupuis"]
    code, out, err = run(
        capsys, "--db", store.address, "member", "set", str(member_id), "city=Grenoble",
        "consent=oui", "phone=", "tags=Métier/Chimie, Loisirs/Voile",
    )  # fmt: skip
    assert (code, err) == (0, "")
    first, version = out.splitlines()
    assert first == f"member set: #{member_id} Jean Dupuis: city, consent, phone, tags"
    assert int(version) == 2
    code, out, _ = run(capsys, "--db", store.address, "member", "show", str(member_id), "--json")
    shown = json.loads(out)
    assert (shown["version"], shown["city"], shown["consent"], shown["phone"]) == (
        2, "Grenoble", True, None,
    )  # fmt: skip
    assert shown["tags"] == ["Loisirs/Voile", "Métier/Chimie"] or set(shown["tags"]) == {
        "Loisirs/Voile", "Métier/Chimie",
    }  # fmt: skip

    code, out, err = run(
        capsys, "--db", store.address, "member", "set", str(member_id), "city=Paris",
        "--if-version", "1",
    )  # fmt: skip
    assert (code, out) == (1, "")
    assert err == (
        f"amicale: member {member_id} was saved by someone else (now version 2): "
        "city is 'Grenoble' there\n"
    )


@pytest.mark.parametrize(
    ("argv", "words"),
    [
        (("colour=red",), "'colour' is not a field a member set can change"),
        (("city",), "'city' is not FIELD=VALUE"),
        (("consent=peut-être",), "consent: 'peut-être' is not yes or no"),
        (("promo=19x5",), "promo"),
        ((), "member set needs FIELD=VALUE"),
    ],
)
def test_member_set_refuses_bad_input_in_one_line(
    capsys: pytest.CaptureFixture[str],
    store: Store,
    people: dict[str, int],
    argv: tuple[str, ...],
    words: str,
) -> None:
    member_id = str(people["Dupuis"])
    code, out, err = run(capsys, "--db", store.address, "member", "set", member_id, *argv)
    assert (code, out) == (1, "")
    assert words in err and err.count("\n") == 1
    assert MemberDirectory(store).get(int(member_id)).version == 1
