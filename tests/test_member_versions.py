"""Two animators editing the same member: versions, merges of different fields, conflicts
on the same field, and `amicale member set` (on both engines)."""

from __future__ import annotations

import json

import pytest
import sqlalchemy as sa

from app import cli, operations
from app.members.service import EditConflict, MemberDirectory
from app.members.validation import EDITABLE_FIELDS
from app.operations import Operation
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


def test_a_card_save_is_one_transaction_and_its_undo_puts_back_what_it_replaced(
    store: Store,
) -> None:
    """On a server every statement is a round trip and ten animators saving at once wait on
    each other's: a save reads what it replaces (for its undo) in its own transaction, and
    does not look up again the tags the member already has."""
    directory = MemberDirectory(store)
    member_id = directory.create(
        {"last_name": "Durand", "city": "Lyon", "notes": "a"},
        ["Géographie/Lyon", "Métier/Chimie", "Bureau"],
    )
    card = directory.get(member_id)
    # Someone else saves the city after the card was opened.
    directory.update(member_id, {"city": "Grenoble"}, expected_version=card.version)
    transactions: list[object] = []
    lookups: list[str] = []

    def begun(conn: sa.Connection) -> None:
        transactions.append(conn)

    def sent(_conn: object, _cursor: object, statement: str, *_: object) -> None:
        if " ".join(statement.split()).startswith(("SELECT tag.id FROM tag ", "SELECT tag_cat")):
            lookups.append(statement)

    sa.event.listen(store.engine, "begin", begun)
    sa.event.listen(store.engine, "before_cursor_execute", sent)
    try:
        done = operations.run(
            store,
            Operation(
                "member.update",
                {
                    "member_id": member_id,
                    "values": {"notes": "a b"},
                    "tags": [*card.tags, "Promo/2005"],
                    "expected_version": card.version,
                    "original": {"notes": "a", "tags": card.tags},
                },
            ),
        )
    finally:
        sa.event.remove(store.engine, "begin", begun)
        sa.event.remove(store.engine, "before_cursor_execute", sent)
    assert len(transactions) == 1
    # The new "Promo/2005" is looked up (its category, then the tag, each again under the
    # lock that makes it: 4) and "Bureau" (no category: any "Bureau" may be the one meant:
    # 1); not the two the member has with their category (2 each before).
    assert len(lookups) == 5
    now = directory.get(member_id)
    assert (now.values["city"], now.values["notes"]) == ("Grenoble", "a b")
    assert sorted(now.tags) == sorted([*card.tags, "Promo/2005"])
    assert done.undo is not None
    assert done.undo.args["values"] == {"notes": "a"}
    assert sorted(done.undo.args["tags"]) == sorted(card.tags)
    operations.run(store, done.undo)
    undone = directory.get(member_id)
    assert (undone.values["city"], undone.values["notes"]) == ("Grenoble", "a")
    assert sorted(undone.tags) == sorted(card.tags)


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
