"""Encrypted stores (SQLCipher): the whole command line on one, a missing or wrong
passphrase refused in one line with the file untouched, encrypt and decrypt in place."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from app.cli import main
from app.store import cipher, open_store

pytest.importorskip("sqlcipher3")

SECRET = "correct horse 'battery' staple"
NAME = b"Quaxleberry"


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def encrypted(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> Path:
    """A demo store with one known member, encrypted with `amicale encrypt`."""
    db = tmp_path / "amicale.sqlite3"
    assert run(capsys, "--db", str(db), "demo", "--members", "60")[0] == 0
    rows = tmp_path / "m.csv"
    rows.write_text("Prénom;Nom;Courriel\nZephyrin;Quaxleberry;zq@example.org\n", encoding="utf-8")
    assert run(capsys, "--db", str(db), "import", str(rows))[0] == 0
    monkeypatch.setenv(cipher.PASSPHRASE_VARIABLE, SECRET)
    code, out, err = run(capsys, "--db", str(db), "encrypt")
    assert (code, err) == (0, ""), err
    assert out.splitlines()[0] == f"encrypt: {db} is encrypted (61 members)"
    return db


def test_encrypt_leaves_nothing_readable(encrypted: Path) -> None:
    assert cipher.is_encrypted(encrypted)
    data = encrypted.read_bytes()
    assert NAME not in data and b"zq@example.org" not in data
    assert (
        not Path(f"{encrypted}-wal").exists() or NAME not in Path(f"{encrypted}-wal").read_bytes()
    )
    assert oct(encrypted.stat().st_mode & 0o777) == "0o600"


def test_the_whole_command_line_on_an_encrypted_store(
    encrypted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", str(encrypted)]
    assert run(capsys, *db, "count")[1] == "61\n"
    assert run(capsys, *db, "count", "quaxleberry")[1] == "1\n"  # the text index works
    code, out, _ = run(capsys, *db, "export", "quaxleberry", "-o", str(tmp_path / "z.csv"))
    assert code == 0 and out.splitlines()[-1] == "1"
    code, out, _ = run(capsys, *db, "segments", "--json")
    assert code == 0 and json.loads(out)[0]["name"] == "Lost touch"
    more = tmp_path / "more.csv"
    more.write_text("Prénom;Nom;Courriel\nAda;Lovelace;ada@example.org\n", encoding="utf-8")
    code, out, _ = run(capsys, *db, "import", str(more), "--json")
    assert code == 0 and json.loads(out)["created"] == 1
    member_id = 62  # after the 60 of the demo and Zéphyrin
    code, out, _ = run(capsys, *db, "member", "show", str(member_id), "--json")
    assert code == 0 and json.loads(out)["last_name"] == "Lovelace"
    code, out, _ = run(capsys, *db, "member", "export-data", str(member_id))
    assert code == 0 and json.loads(out)["member"]["last_name"] == "Lovelace"
    assert run(capsys, *db, "privacy", "consent", str(member_id), "events=no")[0] == 0
    assert run(capsys, *db, "count", "consent:events-no")[1] == "1\n"
    for command in (["birthdays", "--json"], ["posts", "--json"], ["moderation", "list", "--json"],
                    ["tags", "--json"], ["report", "--from", "2026-01-01", "--to", "2026-12-31",
                                         "--json"]):  # fmt: skip
        code, out, err = run(capsys, *db, *command)
        assert code == 0 and err == "" and json.loads(out) is not None, command
    assert run(capsys, *db, "check")[1] == "ok\n"
    # A backup of an encrypted store is encrypted too, and restores.
    copy = tmp_path / "copie.sqlite3"
    code, out, _ = run(capsys, *db, "backup", "-o", str(copy))
    assert code == 0 and cipher.is_encrypted(copy) and b"Lovelace" not in copy.read_bytes()
    assert run(capsys, *db, "member", "erase", str(member_id))[0] == 0
    assert run(capsys, *db, "count")[1] == "61\n"
    assert run(capsys, *db, "restore", str(copy))[0] == 0
    assert run(capsys, *db, "count")[1] == "62\n"
    assert cipher.is_encrypted(encrypted)


@pytest.mark.parametrize("passphrase", [None, "wrong"])
def test_a_missing_or_wrong_passphrase_is_one_line_and_changes_nothing(
    encrypted: Path, passphrase: str | None, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    if passphrase is None:
        monkeypatch.delenv(cipher.PASSPHRASE_VARIABLE)
    else:
        monkeypatch.setenv(cipher.PASSPHRASE_VARIABLE, passphrase)
    before = digest(encrypted)
    rows = encrypted.parent / "m.csv"  # the fixture's file: the store is what is refused
    for command in (["count"], ["member", "show", "1"], ["backup"], ["check"], ["decrypt"],
                    ["import", str(rows)], ["privacy", "requests"]):  # fmt: skip
        code, out, err = run(capsys, "--db", str(encrypted), *command)
        assert code == 1, command
        assert len(err.strip().splitlines()) == 1, (command, err)
        assert out == ""
        assert "passphrase" in err and "the file was not changed" in err, err
    assert digest(encrypted) == before
    assert not (encrypted.parent / "backups").exists() or not any(
        p.name.startswith("amicale-") and p.stat().st_mtime > encrypted.stat().st_mtime
        for p in (encrypted.parent / "backups").iterdir()
    )


def test_decrypt_gives_the_plain_store_back(
    encrypted: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    code, _, err = run(capsys, "--db", str(encrypted), "decrypt")
    assert (code, err) == (0, "")
    assert not cipher.is_encrypted(encrypted)
    monkeypatch.delenv(cipher.PASSPHRASE_VARIABLE)
    assert run(capsys, "--db", str(encrypted), "count", "quaxleberry")[1] == "1\n"
    code, _, err = run(capsys, "--db", str(encrypted), "decrypt")
    assert code == 1 and "is not encrypted" in err


def test_encrypting_twice_or_without_a_passphrase_is_refused(
    encrypted: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    code, _, err = run(capsys, "--db", str(encrypted), "encrypt")
    assert code == 1 and "encrypted already" in err
    plain = tmp_path / "plain.sqlite3"
    open_store(plain).close()
    monkeypatch.delenv(cipher.PASSPHRASE_VARIABLE)
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    before = digest(plain)
    code, _, err = run(capsys, "--db", str(plain), "encrypt")
    assert code == 1 and "AMICALE_PASSPHRASE" in err
    assert digest(plain) == before


def test_a_failed_conversion_leaves_the_store_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.store import sqlite

    db = tmp_path / "a.sqlite3"
    open_store(db).close()
    before = digest(db)
    counted = sqlite.table_counts
    calls: list[int] = []

    def short_copy(conn: object) -> dict[str, int]:
        found = counted(conn)  # type: ignore[arg-type]
        calls.append(1)
        return found if len(calls) == 1 else {**found, "member": found["member"] - 1}

    monkeypatch.setattr(sqlite, "table_counts", short_copy)  # the copy lost a row
    with pytest.raises(Exception, match="does not match"):
        sqlite.convert(db, None, SECRET)
    assert digest(db) == before and not cipher.is_encrypted(db)
    assert [p.name for p in tmp_path.iterdir() if "converted" in p.name] == []
