"""Operations: every change a value with an id and JSON arguments, returning what it changed
and the operation that undoes it; the window's runner serialises them and keeps Undo/Redo."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from app import operations, tags
from app.errors import AmicaleError
from app.members.service import MemberDirectory
from app.moderation import intake, queue
from app.moderation.intake import NewItem
from app.operations import Changes, Operation
from app.store import Store
from ui.operations import OperationRunner


def replayed(op: Operation) -> Operation:
    """The operation as the outbox would keep it: through JSON and back."""
    again = Operation.from_json(op.to_json())
    assert (again.name, again.id) == (op.name, op.id)
    return again


def test_changes_combine_and_say_what_they_touch() -> None:
    a = Changes(member_ids=frozenset({1}), tags=True)
    b = Changes(member_ids=frozenset({2}), moderation=True)
    both = a | b
    assert both.member_ids == {1, 2} and both.tags and both.moderation and both.members
    assert not both.posts and operations.NOTHING.empty and not both.empty
    assert json.loads(json.dumps(both.as_json()))["member_ids"] == [1, 2]


def test_unknown_operations_are_refused() -> None:
    with pytest.raises(AmicaleError):
        Operation.from_json('{"name": "member.explode", "args": {}}')
    with pytest.raises(AmicaleError):
        Operation.from_json("[1, 2]")
    assert {"member.update", "members.delete", "tags.change", "moderation.decide"} <= set(
        operations.names()
    )


def test_edit_then_undo_through_json(store: Store, people: dict[str, int]) -> None:
    dupont = people["Dupont"]
    op = replayed(
        Operation(
            "member.update",
            {"member_id": dupont, "values": {"city": "Grenoble"}, "tags": ["Géographie/Alpes"]},
        )
    )
    done = operations.run(store, op)
    assert done.changes.member_ids == {dupont} and done.changes.tags
    member = MemberDirectory(store).get(dupont)
    assert member.values["city"] == "Grenoble" and member.tags == ["Géographie/Alpes"]
    assert done.undo is not None
    undone = operations.run(store, replayed(done.undo))
    member = MemberDirectory(store).get(dupont)
    assert member.values["city"] == "Saint-Étienne"
    assert member.tags == ["Géographie/Saint-Étienne", "Métier/Chimie"]
    assert undone.changes.member_ids == {dupont}
    # Changing nothing is no change, and nothing to undo.
    same = operations.run(store, Operation("member.update", {"member_id": dupont, "values": {}}))
    assert same.changes.empty and same.undo is None


def test_delete_and_restore_keep_ids_tags_and_json(store: Store, people: dict[str, int]) -> None:
    ids = [people["Dupuis"], people["Martin"]]
    done = operations.run(store, Operation("members.delete", {"ids": ids}))
    directory = MemberDirectory(store)
    assert directory.total() == 4 and done.changes.member_ids == set(ids)
    assert done.undo is not None
    operations.run(store, replayed(done.undo))  # the undo carries the rows, as JSON
    assert directory.total() == 6
    assert directory.get(people["Martin"]).tags == ["Géographie/Lyon", "Métier/Chimie"]


def test_bulk_tagging_and_its_undo(store: Store, people: dict[str, int]) -> None:
    tag_id = tags.find_or_create(store, "Loisirs/Voile")
    done = operations.run(store, Operation("tags.change", {"tag_id": tag_id, "query": "city:lyon"}))
    assert done.value.count == 2 and done.changes.tags
    assert done.changes.member_ids == {people["Dupuis"], people["Martin"]}
    assert done.undo is not None
    operations.run(store, replayed(done.undo))
    assert tags.get(store, tag_id).count == 0


def test_moderation_decision_and_its_undo(store: Store, people: dict[str, int]) -> None:
    report = intake.add_items(store, [NewItem("join", "Paul Durand", "paul@example.org")])
    (item_id,) = report.item_ids
    done = operations.run(
        store, Operation("moderation.decide", {"item_id": item_id, "action": "approve"})
    )
    created = done.value.effects["member_created"]
    assert done.changes.moderation and created in done.changes.member_ids
    assert done.undo is not None
    operations.run(store, replayed(done.undo))
    assert queue.get_item(store, item_id).status == "pending"
    assert MemberDirectory(store).total() == 6


def test_runner_serialises_announces_and_undoes(
    qtbot: QtBot, store: Store, people: dict[str, int]
) -> None:
    runner = OperationRunner.for_store(store)
    assert OperationRunner.for_store(store) is runner  # one per store, shared
    heard: list[Changes] = []
    runner.changed.connect(lambda changes, _origin: heard.append(changes))
    martin = people["Martin"]
    jobs = [
        runner.run(Operation("member.update", {"member_id": martin, "values": {"city": c}}))
        for c in ("Lille", "Nantes", "Brest")
    ]
    qtbot.waitUntil(lambda: len(heard) == 3)
    assert all(job.token is not None for job in jobs)
    assert MemberDirectory(store).get(martin).values["city"] == "Brest"  # in the order asked
    assert runner.undo_label() == "Edit member" and runner.redo_label() is None
    runner.undo()
    qtbot.waitUntil(lambda: len(heard) == 4)
    assert MemberDirectory(store).get(martin).values["city"] == "Nantes"
    assert runner.redo_label() == "Edit member"
    runner.redo()
    qtbot.waitUntil(lambda: len(heard) == 5)
    assert MemberDirectory(store).get(martin).values["city"] == "Brest"
    failures: list[BaseException] = []
    runner.failed.connect(lambda error, _op: failures.append(error))
    runner.run(Operation("member.update", {"member_id": 99999, "values": {"city": "X"}}))
    qtbot.waitUntil(lambda: bool(failures))
    assert "99999" in str(failures[0]) and len(heard) == 5  # a failure announces nothing
    runner.wait()


def test_the_window_reads_and_writes_only_through_app() -> None:
    """ui/ never opens a transaction nor polls the store: reads go through app's query
    services, writes through operations, and panels learn of changes from the runner."""
    root = Path(__file__).resolve().parent.parent / "ui"
    offenders = [
        f"{path.relative_to(root.parent)}:{number}"
        for path in sorted(root.rglob("*.py"))
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1)
        if re.search(r"\bstore\.(read|write)\(|\.generation\b", line)
    ]
    assert offenders == []
