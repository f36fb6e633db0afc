"""Erasure leaves no trace: after `member erase`, the person's name, email and phone are in
no byte of the data file nor of its WAL (the text index, the audit log, the moderation
queue, the import's queue of probable duplicates included)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.cli import main
from app.io.importer import import_file
from app.io.readers import open_source
from app.members import gdpr
from app.members.service import MemberDirectory
from app.moderation import intake
from app.moderation.intake import NewItem
from app.store import Store

SECRETS = (b"quaxleberry", b"zq@unique.example", b"06 99 88 77 66", b"07 11 22 33 44")


def traces(db_path: Path) -> dict[str, list[bytes]]:
    """What `strings` would find: each identifying text, in the file and in its WAL."""
    found: dict[str, list[bytes]] = {}
    for part in (db_path, db_path.with_name(db_path.name + "-wal")):
        if part.exists():
            data = part.read_bytes().lower()
            found[part.name] = [s for s in SECRETS if s in data]
    return found


@pytest.fixture
def zephyrin(store: Store, people: dict[str, int], tmp_path: Path) -> int:
    """Zéphyrin, imported with a namesake row queued as a probable duplicate, who also
    asked to join a group, and whose name was searched and exported."""
    rows = tmp_path / "m.csv"
    rows.write_text(
        "Prénom;Nom;Courriel;Téléphone;Promo\n"
        "Zephyrin;Quaxleberry;zq@unique.example;06 99 88 77 66;2001\n"
        "Zephyrin;Quaxleberry;;07 11 22 33 44;2001\n",
        encoding="utf-8",
    )
    report = import_file(store, open_source(rows))
    assert report.created == 1 and report.duplicates == 1
    intake.add_items(
        store,
        [NewItem("join", "Zephyrin Quaxleberry", "zq@unique.example", promo=2001,
                 community="Groupe X", text="Bonjour, je suis Zephyrin Quaxleberry")],
    )  # fmt: skip
    (member_id,) = MemberDirectory(store).search_ids("quaxleberry")
    return int(member_id)


def test_erasure_leaves_no_trace_in_the_file_or_the_wal(
    store: Store, zephyrin: int, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--db", str(db_path), "export", "quaxleberry", "-o", str(tmp_path / "z.csv")]) == 0
    store.checkpoint()
    assert any(traces(db_path).values())  # they are there before
    assert main(["--db", str(db_path), "member", "erase", str(zephyrin)]) == 0
    left = traces(db_path)
    assert all(not found for found in left.values()), left
    directory = MemberDirectory(store)
    assert list(directory.search_ids("quaxleberry")) == []
    assert directory.total() == 6  # the others stay
    # The events stay, without the identity; the queue keeps the decision's place.
    assert main(["--db", str(db_path), "check"]) == 0
    capsys.readouterr()


def test_the_others_keep_everything(store: Store, zephyrin: int, people: dict[str, int]) -> None:
    gdpr.erase_member(store, zephyrin)
    directory = MemberDirectory(store)
    assert list(directory.search_ids("dupont")) == [people["Dupont"]]
    assert directory.get(people["Martin"]).tags == ["Géographie/Lyon", "Métier/Chimie"]
