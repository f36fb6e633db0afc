"""Issue 18, points 5-8: no partial or junk import from a hostile or damaged file."""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from app.io import readers
from app.io.importer import MAX_KEPT_REJECTS, import_file, write_rejects
from app.io.readers import ImportFormatError, open_source
from app.members.service import MemberDirectory
from app.store import Store
from tests.test_cli import run

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL


def one_line(err: str) -> bool:
    return err.count("\n") == 1 and err.startswith("amicale: ") and "Traceback" not in err


def journal_rows(store: Store) -> int:
    with store.read() as conn:
        return int(conn.exec_driver_sql("SELECT count(*) FROM import_journal").scalar_one())


def big_csv(path: Path, rows: int) -> Path:
    lines = ["first_name,last_name,email"]
    lines += [f"Prénom{i},Nom{i},p{i}@example.org" for i in range(rows)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


# --- 5. a file that changes while it is read --------------------------------------------------


def test_a_file_cut_short_while_read_is_rolled_back(store: Store, tmp_path: Path) -> None:
    path = big_csv(tmp_path / "members.csv", 6000)
    source = open_source(path)
    rows = source.rows

    def cut_after_the_first_batch() -> Iterator[readers.Item]:
        for number, item in enumerate(rows()):
            if number == 2500:
                with path.open("r+b") as handle:  # another program truncates it
                    handle.truncate(path.stat().st_size // 2 + 7)  # in the middle of a line
            yield item

    source.rows = cut_after_the_first_batch  # type: ignore[method-assign]
    with pytest.raises(ImportFormatError, match="changed while it was read"):
        import_file(store, source)
    assert MemberDirectory(store).total() == 0 and journal_rows(store) == 0


def test_a_file_rewritten_with_the_same_size_is_rolled_back(store: Store, tmp_path: Path) -> None:
    path = big_csv(tmp_path / "members.csv", 10)
    source = open_source(path)
    stamp = path.stat().st_mtime_ns
    rows = source.rows

    def rewritten() -> Iterator[readers.Item]:
        yield from rows()
        os.utime(path, ns=(stamp + 10**9, stamp + 10**9))

    source.rows = rewritten  # type: ignore[method-assign]
    with pytest.raises(ImportFormatError, match="changed while it was read"):
        import_file(store, source)
    assert MemberDirectory(store).total() == 0
    assert import_file(store, open_source(path)).created == 10  # as it is now: fine


# --- 6. a quoted cell longer than the field limit ---------------------------------------------


def test_an_over_long_quoted_cell_rejects_its_row_once(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    cell = "\n".join(["ab"] * 60_000)  # 180,000 characters, 60,000 lines
    path = tmp_path / "long.csv"
    path.write_text(
        "first_name,last_name,email,notes\n"
        "Anne,Un,a1@example.org,ok\n"
        f'Bea,Deux,b2@example.org,"{cell}"\n'
        "Cleo,Trois,c3@example.org,ok\n"
    )
    code, out, _ = run(capsys, "--db", str(db_path), "import", str(path))
    assert code == 0
    assert out.splitlines()[-1] == "created: 2, updated: 0, rejected: 1"
    assert "rejected line 3: field over 100,000 characters" in out
    assert run(capsys, "--db", str(db_path), "count")[1] == "2\n"


def test_a_cell_past_the_csv_limit_refuses_the_whole_file(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "unclosed.csv"
    with path.open("w") as handle:
        handle.write('first_name,last_name,email,notes\nAnne,Un,a1@example.org,"never closed\n')
        line = "Bob,Deux,b@example.org,text\n"
        handle.write(line * (readers.MAX_CSV_FIELD // len(line) + 10))
    code, _, err = run(capsys, "--db", str(db_path), "import", str(path))
    assert code == 1 and one_line(err) and "line 2" in err and "not imported" in err
    assert run(capsys, "--db", str(db_path), "count")[1] == "0\n"


# --- 7. rejected rows stream to their file; vCard unfolding is linear -------------------------


def test_rejected_rows_are_bounded_in_memory_and_all_written(store: Store, tmp_path: Path) -> None:
    total = MAX_KEPT_REJECTS * 3
    path = tmp_path / "bad.csv"
    rows = [f",,not-an-address-{i}" for i in range(total)]
    path.write_text("first_name,last_name,email\n" + "\n".join(rows) + "\nAnne,Un,a@example.org\n")
    source = open_source(path)
    report = import_file(store, source)
    assert report.rejected == total and len(report.rejects) == MAX_KEPT_REJECTS
    assert report.created == 1
    out = tmp_path / "rejects.csv"
    write_rejects(report, out, source.headers, store=store.path, source=path)
    written = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(written) == total + 1
    assert written[1].startswith("2,") and written[-1].startswith(f"{total + 1},")
    assert written[-1].endswith(f"not-an-address-{total - 1}")


def test_a_file_of_lone_begin_lines_keeps_memory_bounded(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "cards.vcf"
    path.write_bytes(b"BEGIN:VCARD\r\n" * (MAX_KEPT_REJECTS * 5))
    report = import_file(store, open_source(path))
    assert report.rejected == MAX_KEPT_REJECTS * 5 and len(report.rejects) == MAX_KEPT_REJECTS


def test_vcard_unfolding_is_whole_and_unchanged() -> None:
    # A million folded lines (23 s when unfolding was quadratic; its speed is bench's job).
    lines = [b"NOTE:x"] + [b" abcdefgh"] * 1_000_000
    (note,) = readers._unfold(lines)
    assert len(note) == 6 + 8 * 1_000_000
    qp = [
        b"VERSION:2.1",
        b"NOTE;ENCODING=QUOTED-PRINTABLE:caf=",
        b"=C3=A9 =",
        b"",
        b"ok",
        b"FN:Anne",
        b"  Un",
        b"EMAIL:a@example.org=",
        b"X:not joined",
    ]
    soft_then_folded = [b"NOTE;ENCODING=QUOTED-PRINTABLE:a=", b" b=", b"c", b"N:x"]
    assert readers._unfold(soft_then_folded) == [b"NOTE;ENCODING=QUOTED-PRINTABLE:a bc", b"N:x"]
    assert readers._unfold(qp) == [
        b"VERSION:2.1",
        b"NOTE;ENCODING=QUOTED-PRINTABLE:caf=C3=A9 ",  # the blank line ends the value
        b"ok",
        b"FN:Anne  Un",
        b"EMAIL:a@example.org=",
        b"X:not joined",
    ]
    soft_then_folded = [b"NOTE;ENCODING=QUOTED-PRINTABLE:a=", b" b=", b"c", b"N:x"]
    assert readers._unfold(soft_then_folded) == [b"NOTE;ENCODING=QUOTED-PRINTABLE:a bc", b"N:x"]


# --- 8. encodings and separators that lie, a JSON object for a list --------------------------


def test_a_utf8_mark_before_cp1252_bytes_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bom.csv"
    text = "first_name,last_name,email\nHélène,Martin,h@example.org\n"
    path.write_bytes(codecs.BOM_UTF8 + text.encode("cp1252"))
    with pytest.raises(ImportFormatError, match="UTF-8 mark but is not UTF-8"):
        open_source(path)
    path.write_bytes(codecs.BOM_UTF8 + text.encode("utf-8"))
    assert open_source(path).encoding == "utf-8-sig"


def test_an_odd_byte_at_the_end_of_utf16_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "u16.csv"
    text = "first_name,last_name,email\nAnne,Un,a@example.org\n".encode("utf-16")
    path.write_bytes(text + b"A")
    with pytest.raises(ImportFormatError, match="half a character"):
        open_source(path)
    path.write_bytes(text)
    assert open_source(path).encoding == "utf-16"


def test_a_lying_sep_line_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_text("sep=|\nfirst_name,last_name,email,promo\nA,B,sl@example.org,2001\n")
    lie = re.escape("separator is '|', but its rows are separated by ','")
    with pytest.raises(ImportFormatError, match=lie):
        open_source(path)
    path.write_text("sep=;\nfirst_name;last_name;email\nA;B;sl@example.org\n")
    assert open_source(path).delimiter == ";"


def test_a_json_object_in_moderation_import_is_refused(
    capsys: pytest.CaptureFixture[str], db_path: Path, tmp_path: Path
) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"kind": "join", "name": "Anne Neuve", "email": "a@ex.org"}))
    code, out, err = run(capsys, "--db", str(db_path), "moderation", "import", str(path))
    assert code == 1 and one_line(err) and "expected a list" in err and out == ""
    path.write_text(json.dumps({"items": [{"kind": "join", "name": "Anne Neuve"}]}))
    code, out, _ = run(capsys, "--db", str(db_path), "moderation", "import", str(path))
    assert code == 0 and "added: 1" in out
