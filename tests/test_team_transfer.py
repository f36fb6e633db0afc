"""`amicale team import FILE` and `team export -o FILE`: a solo store onto the team server and
back, without losing a row; the refusals in one line."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app.demo import build_demo
from app.members.service import MemberDirectory
from app.store import Store, open_store
from app.store.copy import table_counts
from app.store.schema import (
    audit_event,
    community,
    member,
    member_community,
    member_tag,
    moderation_decision,
    moderation_item,
    post,
    post_version,
    tag,
    tag_category,
)
from tests.test_cli import run

TODAY = date(2026, 11, 26)
# The contents compared whole, row for row (every table's count is compared too).
COMPARED = (
    member,
    tag,
    tag_category,
    member_tag,
    community,
    member_community,
    post,
    post_version,
    moderation_item,
    moderation_decision,
    audit_event,
)


def _rows(store: Store, table: sa.Table) -> list[tuple[Any, ...]]:
    with store.read() as conn:
        query = sa.select(table).order_by(*(table.primary_key.columns or table.columns))
        return [tuple(r) for r in conn.execute(query)]


@pytest.fixture
def solo(tmp_path: Path) -> Path:
    """A solo store with the demo's members, tags, communities, posts and moderation
    history, plus a few edits of its own (audit events, a new tag, an untagged member)."""
    path = tmp_path / "solo.sqlite3"
    store = open_store(path)
    try:
        build_demo(store, members=400, seed=4, today=TODAY)
        directory = MemberDirectory(store)
        created = directory.create(
            {"first_name": "Anaïs", "last_name": "Œuvray", "email": "anais@example.org"},
            tags=["Bénévoles/Gala 2026"],
        )
        directory.update(created, {"city": "Colmar"})
        directory.update(3, {"notes": "a rappelé le 3 mai"}, tags=[])
    finally:
        store.close()
    return path


def test_a_solo_store_goes_to_the_server_and_back_unchanged(
    capsys: pytest.CaptureFixture[str], solo: Path, pg_url: str, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", pg_url, "team", "import", str(solo))
    assert (code, err) == (0, "") and out == f"team import: {solo} (401 members)\n"
    back = tmp_path / "back.sqlite3"
    code, out, err = run(capsys, "--db", pg_url, "team", "export", "-o", str(back))
    assert (code, err) == (0, "") and out == f"team export: {back} (401 members)\n"
    assert not list(tmp_path.glob(".*.part*"))  # written aside, then renamed
    original, server, returned = open_store(solo), open_store(pg_url), open_store(back)
    try:
        counts = table_counts(original)
        assert counts["member"] == 401 and counts["moderation_decision"] > 0
        assert counts["community_pair"] > 0 and counts["audit_event"] >= 3
        assert table_counts(server) == counts
        assert table_counts(returned) == counts
        for table in COMPARED:
            expected = _rows(original, table)
            assert expected, table.name
            assert _rows(server, table) == expected, table.name
            assert _rows(returned, table) == expected, table.name
        # The server's own bookkeeping follows: the search, the counts, the next ids.
        for query in ("œuvray", "tag:gala", "ville:colmar", "community:lyon", "mar"):
            assert MemberDirectory(server).count(query) == MemberDirectory(original).count(query)
        assert MemberDirectory(server).create({"last_name": "Nouvelle"}) == 402
    finally:
        original.close()
        server.close()
        returned.close()


def test_a_server_that_is_not_empty_is_refused(
    capsys: pytest.CaptureFixture[str], solo: Path, pg_url: str
) -> None:
    server = open_store(pg_url)
    try:
        MemberDirectory(server).create({"first_name": "Claire", "last_name": "Déjà"})
        before = table_counts(server)
    finally:
        server.close()
    code, out, err = run(capsys, "--db", pg_url, "team", "import", str(solo))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and "is not empty (1 members, 0 tags, 0 posts)" in err
    server = open_store(pg_url)
    try:
        assert table_counts(server) == before
    finally:
        server.close()


def test_a_missing_file_or_not_a_store_is_one_line(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path
) -> None:
    code, out, err = run(capsys, "--db", pg_url, "team", "import", str(tmp_path / "nope.sqlite3"))
    assert (code, out) == (1, "") and err.count("\n") == 1 and "nope.sqlite3" in err
    assert not (tmp_path / "nope.sqlite3").exists()  # not created by the attempt
    text = tmp_path / "members.csv"
    text.write_text("Nom;Prénom\nDurand;Claire\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", pg_url, "team", "import", str(text))
    assert (code, out) == (1, "") and err.count("\n") == 1 and err.startswith("amicale: ")
    assert text.read_text(encoding="utf-8") == "Nom;Prénom\nDurand;Claire\n"
    code, _, err = run(capsys, "--db", pg_url, "team", "import", pg_url)
    assert code == 1 and err.count("\n") == 1 and "not a data file" in err
    code, out, _ = run(capsys, "--db", pg_url, "count")
    assert (code, out) == (0, "0\n")


def test_an_export_never_replaces_a_file(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path
) -> None:
    kept = tmp_path / "mine.sqlite3"
    kept.write_bytes(b"precious")
    code, out, err = run(capsys, "--db", pg_url, "team", "export", "-o", str(kept))
    assert (code, out) == (1, "") and err.count("\n") == 1 and "already exists" in err
    assert kept.read_bytes() == b"precious"


def test_team_export_and_import_need_a_team_directory(
    capsys: pytest.CaptureFixture[str], solo: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.sqlite3"
    for args in (("export", "-o", str(tmp_path / "x.sqlite3")), ("import", str(solo))):
        code, out, err = run(capsys, "--db", str(other), "team", *args)
        assert (code, out) == (1, "") and err.count("\n") == 1
        assert "not a team directory" in err
    assert not (tmp_path / "x.sqlite3").exists()
