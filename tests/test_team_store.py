"""Team mode: opening a store on a PostgreSQL server, refusing bad addresses, the portable
backup. The services' own tests run on both engines (modules marked ``engines``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from app import cli
from app.errors import StoreError
from app.members.service import MemberDirectory
from app.store import Store, address, open_store
from app.store.schema import member_tag, tag

pytestmark = pytest.mark.engines


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = cli.main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("mysql://claire@serveur/amicale", "'mysql:' is not a kind of store"),
        ("mongodb://x/y", "'mongodb:' is not a kind of store"),
        ("postgresql://", "not a valid team server address"),
        ("postgresql://claire:secret@/amicale", "not a valid team server address"),
    ],
)
def test_an_unknown_or_incomplete_address_is_refused_in_one_sentence(text: str, words: str) -> None:
    with pytest.raises(StoreError) as caught:
        address.locate(text)
    assert words in str(caught.value)
    assert "secret" not in str(caught.value)


def test_paths_and_sqlite_urls_stay_files(tmp_path: Path) -> None:
    assert address.locate(str(tmp_path / "a.sqlite3")) == tmp_path / "a.sqlite3"
    assert address.locate(f"sqlite:///{tmp_path}/b.sqlite3") == tmp_path / "b.sqlite3"
    assert address.locate("C:/Users/claire/amicale.sqlite3") == Path(
        "C:/Users/claire/amicale.sqlite3"
    )
    url = address.locate("postgres://claire@db.example.org:5433/amicale")
    assert isinstance(url, sa.URL)
    assert (url.drivername, url.host, url.port, url.database) == (
        "postgresql+psycopg",
        "db.example.org",
        5433,
        "amicale",
    )


def test_cli_refuses_an_unknown_scheme_without_making_a_folder(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = run(capsys, "--db", "mysql://claire@serveur/amicale", "count")
    assert code == 1 and out == ""
    assert err.startswith("amicale: 'mysql:' is not a kind of store") and err.count("\n") == 1
    assert list(tmp_path.iterdir()) == []  # no folder named "mysql:"


@pytest.mark.sqlite_only
def test_an_unreachable_server_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    import socket

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, out, err = run(capsys, "--db", f"postgresql://claire@127.0.0.1:{port}/amicale", "count")
    assert code == 1 and out == ""
    assert err.startswith(f"amicale: cannot reach the team server claire@127.0.0.1:{port}/amicale")
    assert err.count("\n") == 1 and "Traceback" not in err


def test_the_cli_works_on_the_store(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int]
) -> None:
    code, out, _ = run(capsys, "--db", store.address, "count", "city:lyon")
    assert (code, out) == (0, "2\n")
    code, out, _ = run(capsys, "--db", store.address, "count", "dup")
    assert (code, out) == (0, "2\n")


def test_backup_is_a_portable_sqlite_file_with_the_same_rows(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "copy.sqlite3"
    code, out, err = run(capsys, "--db", store.address, "backup", "-o", str(target))
    assert (code, err) == (0, "")
    assert out == f"backup: {target} (6 members)\n"
    copy = open_store(target)
    try:
        assert copy.engine_name == "sqlite"
        assert _content(copy) == _content(store)
        assert (
            MemberDirectory(copy).search_ids("city:lyon").tolist()
            == MemberDirectory(store).search_ids("city:lyon").tolist()
        )
    finally:
        copy.close()


def _content(store: Store) -> dict[str, Any]:
    with store.read() as conn:
        members = conn.execute(sa.text("SELECT id, last_name, email FROM member ORDER BY id"))
        links = conn.execute(sa.select(member_tag).order_by(*member_tag.primary_key.columns))
        counts = conn.execute(sa.select(tag.c.id, tag.c.member_count).order_by(tag.c.id))
        return {"members": members.all(), "links": links.all(), "counts": counts.all()}


def test_a_server_store_round_trips_to_and_from_a_file(
    store: Store, people: dict[str, int], tmp_path: Path, request: pytest.FixtureRequest
) -> None:
    """Solo → team → solo: the same rows, and new members get new ids on the server."""
    from app.store.copy import copy_store

    server = open_store(request.getfixturevalue("pg_url"))
    try:
        copy_store(store, server)
        assert _content(server) == _content(store)
        new_id = MemberDirectory(server).create({"last_name": "Nouvelle"})
        assert new_id > max(people.values())
    finally:
        server.close()


@pytest.mark.sqlite_only
def test_an_import_and_the_demo_go_to_a_team_store(
    capsys: pytest.CaptureFixture[str], pg_url: str, tmp_path: Path
) -> None:
    source = tmp_path / "m.csv"
    source.write_text("Nom;Prénom\nDurand;Claire\n", encoding="utf-8")
    code, out, err = run(capsys, "--db", pg_url, "demo", "--members", "10")
    assert (code, err) == (0, "") and out.startswith("demo: 10 members")
    code, out, err = run(capsys, "--db", pg_url, "import", str(source))
    assert (code, err) == (0, "") and out.endswith("created: 1, updated: 0, rejected: 0\n")
    code, out, _ = run(capsys, "--db", pg_url, "count", "durand claire")
    assert (code, out) == (0, "1\n")
