"""The command line contract (DESIGN.md §4): outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from app.cli import main
from app.members.service import MemberDirectory
from app.store import Store, open_store


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_then_count(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, _ = run(capsys, "--db", str(db_path), "demo", "--members", "400", "--seed", "3")
    assert code == 0 and "400 members" in out
    assert stat.S_IMODE(os.stat(db_path).st_mode) == 0o600
    code, out, _ = run(capsys, "--db", str(db_path), "count")
    assert (code, out) == (0, "400\n")
    store = open_store(db_path)
    try:
        expected = MemberDirectory(store).count("-dues:paid")
    finally:
        store.close()
    code, out, _ = run(capsys, "--db", str(db_path), "count", "--", "-dues:paid")
    assert (code, out.strip()) == (0, str(expected))
    assert 0 < expected < 400


def test_count_takes_several_words_and_the_environment(
    capsys: pytest.CaptureFixture[str],
    store: Store,
    people: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("AMICALE_DB", store.address)
    assert run(capsys, "count", "tag:lyon", "promo:2005..2010")[:2] == (0, "1\n")
    assert run(capsys, "count", '"saint étienne"')[:2] == (0, "1\n")


def test_bad_query_is_one_line_exit_1(capsys: pytest.CaptureFixture[str], db_path: Path) -> None:
    code, out, err = run(capsys, "--db", str(db_path), "count", "promo:abc")
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "character 7" in err and "Traceback" not in err


def test_usage_error_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(capsys, "frobnicate")[0] == 2
    assert run(capsys, "demo", "--members", "lots")[0] == 2


def test_damaged_file_is_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.sqlite3"
    bad.write_bytes(b"not a database at all")
    code, _, err = run(capsys, "--db", str(bad), "count")
    assert code == 1
    assert err.strip().startswith("amicale:") and "not an Amicale data file" in err
    assert err.count("\n") == 1


def test_demo_refuses_a_store_with_members(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int]
) -> None:
    code, _, err = run(capsys, "--db", store.address, "demo", "--members", "10")
    assert code == 1 and "already has members" in err


def test_backup_check_restore(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    db = store.address
    copy = tmp_path / "copy.sqlite3"
    code, out, _ = run(capsys, "--db", db, "backup", "-o", str(copy))
    assert code == 0 and "6 members" in out and copy.exists()
    assert run(capsys, "--db", db, "check")[:2] == (0, "ok\n")
    MemberDirectory(store).delete([people["Martin"]])
    assert run(capsys, "--db", db, "count")[1] == "5\n"
    code, out, _ = run(capsys, "--db", db, "restore", str(copy))
    assert code == 0 and "restored" in out
    assert run(capsys, "--db", db, "count")[1] == "6\n"


def test_member_show_export_erase(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int]
) -> None:
    db, martin = store.address, str(people["Martin"])
    code, out, _ = run(capsys, "--db", db, "member", "show", martin)
    assert code == 0 and "Hélène Martin" in out
    code, out, _ = run(capsys, "--db", db, "member", "show", martin, "--json")
    assert json.loads(out)["email"] == "helene.martin@example.org"
    code, out, _ = run(capsys, "--db", db, "member", "export-data", martin)
    data = json.loads(out)
    assert data["member"]["last_name"] == "Martin" and "Géographie/Lyon" in data["tags"]
    assert any(event["action"] == "create" for event in data["history"])
    assert run(capsys, "--db", db, "member", "erase", martin)[0] == 0
    code, _, err = run(capsys, "--db", db, "member", "show", martin)
    assert code == 1 and "does not exist" in err


def test_console_script_and_smoke_test(tmp_path: Path) -> None:
    """The real entry points, as packaging checks call them: `python -m ui` (the program's
    entry, ui/launch.py) and --smoke-test."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "AMICALE_CONFIG_DIR": str(tmp_path)}
    db = str(tmp_path / "smoke.sqlite3")
    demo = subprocess.run(
        [sys.executable, "-m", "ui", "--db", db, "demo", "--members", "300"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert demo.returncode == 0, demo.stderr
    smoke = subprocess.run(
        [sys.executable, "-m", "ui", "--db", db, "--smoke-test"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert smoke.returncode == 0, smoke.stderr
    assert smoke.stderr == ""
    assert "300 members listed" in smoke.stdout


def test_app_never_imports_the_interface(tmp_path: Path) -> None:
    """app/ is the core: the command line runs without ui/ (and without a QApplication);
    the window is handed to it by the program's entry point, ui/launch.py."""
    probe = (
        "import sys\n"
        "import app.cli\n"
        "code = app.cli.main(['--db', sys.argv[1], 'demo', '--members', '20'])\n"
        "assert code == 0, code\n"
        "print(sorted(m for m in sys.modules if m == 'ui' or m.startswith(('ui.', 'PySide6'))))\n"
    )
    env = {**os.environ, "AMICALE_CONFIG_DIR": str(tmp_path)}
    done = subprocess.run(
        [sys.executable, "-c", probe, str(tmp_path / "core.sqlite3")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    # And no file of app/ names ui, even in a function run only sometimes.
    import re

    importing = re.compile(r"^\s*(from|import)\s+ui\b", re.MULTILINE)
    root = Path(__file__).resolve().parent.parent / "app"
    offenders = [
        str(path.relative_to(root.parent))
        for path in sorted(root.rglob("*.py"))
        if importing.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


def test_without_the_interface_no_command_is_a_usage_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`python -m app` is the command line alone: asked for the window, it says where it is."""
    with pytest.raises(SystemExit) as stopped:
        main([])
    assert stopped.value.code == 2
    assert "python -m ui" in capsys.readouterr().err
