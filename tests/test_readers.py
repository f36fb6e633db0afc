"""Reading member files: every format and edge of issue 3, on the real files in fixtures/import."""

from __future__ import annotations

import hashlib
import importlib.util
import io
import tracemalloc
import types
import zipfile
from pathlib import Path

import openpyxl
import pytest

from app.errors import AmicaleError
from app.io import readers
from app.io.readers import (
    PRESETS,
    ImportFormatError,
    ImportSource,
    RowError,
    SourceRow,
    open_source,
)

FIXTURES = Path(__file__).parent / "fixtures" / "import"


def fixture(name: str) -> Path:
    return FIXTURES / name


def rows_of(source: ImportSource) -> list[SourceRow]:
    return [r for r in source.rows() if isinstance(r, SourceRow)]


def errors_of(source: ImportSource) -> list[RowError]:
    return [r for r in source.rows() if isinstance(r, RowError)]


def make_fixtures_module() -> types.ModuleType:
    spec = importlib.util.spec_from_file_location("make_fixtures", FIXTURES / "make_fixtures.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- the fixtures themselves ----------------------------------------------------------------


def test_committed_fixtures_are_what_the_script_writes(tmp_path: Path) -> None:
    make_fixtures_module().main(tmp_path)
    written = sorted(p.name for p in tmp_path.iterdir())
    committed = sorted(p.name for p in FIXTURES.iterdir() if p.suffix != ".py")
    assert written == committed
    for name in written:
        assert (tmp_path / name).read_bytes() == fixture(name).read_bytes(), name


def test_the_bomb_fixture_stays_small() -> None:
    assert fixture("bomb.xlsx").stat().st_size < 200 * 1024


# --- CSV: encodings, delimiters, quoting ----------------------------------------------------


def test_french_excel_utf8_bom_semicolons_and_quoted_newline() -> None:
    source = open_source(fixture("csv_utf8_bom_semicolon.csv"))
    assert (source.preset, source.encoding, source.delimiter) == ("csv", "utf-8-sig", ";")
    assert source.headers[0] == "Prénom"  # the BOM is not part of the first header
    assert source.headers[-3:] == ["Étiquettes", "Commentaire", "Newsletter"]
    rows = rows_of(source)
    assert [r.line for r in rows] == [2, 4, 6, 7]  # the note spans lines 2-3; line 5 is empty
    first = rows[0].values
    assert first["Ville"] == "Saint-Étienne"
    assert first["Commentaire"] == "Rencontrée au gala 2023\r\nà recontacter pour le mentorat"
    assert rows[1].values["Poste"] == "Chef de projet; R&D"
    assert rows[2].values["Commentaire"] == 'Dit "Zozo" à l\'école'
    assert rows[3].values["Nom"] == "Mœller"
    assert errors_of(source) == []


def test_windows_1252_accents_come_out_right() -> None:
    source = open_source(fixture("csv_cp1252.csv"))
    assert (source.encoding, source.delimiter) == ("cp1252", ";")
    assert source.headers[1] == "Prénom" and source.headers[6] == "Année de diplôme"
    values = [r.values for r in rows_of(source)]
    assert values[0]["Fonction"] == "Chargée d’affaires"
    assert values[0]["Remarques"] == "Cotisation 45 € réglée"
    assert values[1]["Nom"] == "Cœur" and values[1]["Société"] == "Œnologie & Cie"
    assert values[1]["Remarques"] == "« ancien président »"
    assert values[2]["Nom"] == "Ñúñez"


def test_utf16_with_bom_tab_separated() -> None:
    source = open_source(fixture("csv_utf16.csv"))
    assert (source.encoding, source.delimiter) == ("utf-16", "\t")
    values = [r.values for r in rows_of(source)]
    assert [v["Nom"] for v in values] == ["Bérénice", "Wójcik", "Nguyễn"]
    assert values[1]["Ville"] == "Kraków"


def test_tab_separated_file() -> None:
    source = open_source(fixture("csv_tab.tsv"))
    assert (source.encoding, source.delimiter, source.preset) == ("utf-8", "\t", "csv")
    assert rows_of(source)[0].values["City"] == "München"


def test_ragged_rows_are_padded_and_extra_cells_counted() -> None:
    source = open_source(fixture("csv_ragged.csv"))
    rows = rows_of(source)
    assert [r.line for r in rows] == [2, 3, 4, 5, 6]
    short = rows[1].values
    assert short == {
        "first name": "Bob",
        "last name": "Durand",
        "email": "bob.durand@example.org",
        "city": "",
        "promo": "",
    }
    long = rows[2].values
    assert long["promo"] == "2007" and long["__extra"] == "2"
    assert "__extra" not in rows[3].values  # empty extra cells are not worth a warning
    assert rows[4].values["first name"] == "Eve" and rows[4].values["promo"] == ""
    assert errors_of(source) == []


def test_unreadable_rows_are_reported_and_the_others_still_come() -> None:
    source = open_source(fixture("csv_bad_rows.csv"))
    items = list(source.rows())
    assert [(type(i).__name__, i.line) for i in items] == [
        ("SourceRow", 2),
        ("RowError", 3),
        ("SourceRow", 4),
        ("SourceRow", 6),
        ("RowError", 7),
    ]
    assert isinstance(items[1], RowError) and items[1].reason == "NUL byte in the row"
    assert isinstance(items[4], RowError) and items[4].reason == "unclosed quote"
    assert isinstance(items[3], SourceRow) and items[3].values["Prénom"] == "Eve"


def write_long_field_file(path: Path, length: int) -> None:
    path.write_text(
        "Nom,Prénom,Notes\n"
        "Martin,Alice,courte\n"
        f"Durand,Bob,{'x' * length}\n"
        f'Petit,Chloé,"{"y" * 200_000}"\n'
        "Roux,David,fin\n",
        encoding="utf-8",
    )


def test_a_field_over_100000_characters_is_a_row_error(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    write_long_field_file(path, 100_001)
    items = list(open_source(path).rows())
    kinds = [(type(i).__name__, i.line) for i in items]
    assert kinds == [("SourceRow", 2), ("RowError", 3), ("RowError", 4), ("SourceRow", 5)]
    assert isinstance(items[1], RowError)
    assert items[1].reason == "field over 100,000 characters"
    assert isinstance(items[2], RowError)
    assert items[2].reason == "field over 100,000 characters"  # past csv's own limit too


def test_a_field_of_exactly_100000_characters_is_read(tmp_path: Path) -> None:
    path = tmp_path / "long.csv"
    write_long_field_file(path, 100_000)
    items = list(open_source(path).rows())
    assert isinstance(items[1], SourceRow) and len(items[1].values["Notes"]) == 100_000


def test_duplicate_column_names_are_an_error_naming_them() -> None:
    with pytest.raises(ImportFormatError, match=r"Email \(columns 3, 5\)"):
        open_source(fixture("csv_duplicate_headers.csv"))
    assert issubclass(ImportFormatError, AmicaleError)


def test_blank_lines_and_rows_of_empty_cells_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "blank.csv"
    path.write_text("\n\nNom;Prénom;Email\n\n;;\nMartin;Alice;a@example.org\n \n", "utf-8")
    source = open_source(path)
    assert source.headers == ["Nom", "Prénom", "Email"]
    rows = list(source.rows())
    assert len(rows) == 2  # the line holding one blank is a row with one blank cell
    assert isinstance(rows[0], SourceRow) and rows[0].line == 6


def test_empty_header_cells(tmp_path: Path) -> None:
    path = tmp_path / "headers.csv"
    path.write_text("Nom;;Email;;\nMartin;x;a@example.org;;\n", "utf-8")
    source = open_source(path)
    assert source.headers == ["Nom", "Column 2", "Email"]
    assert rows_of(source)[0].values == {"Nom": "Martin", "Column 2": "x", "Email": "a@example.org"}


def test_excel_sep_line(tmp_path: Path) -> None:
    path = tmp_path / "sep.csv"
    path.write_text("sep=,\r\nNom,Ville\r\nMartin,Lyon\r\n", "utf-8")
    source = open_source(path)
    assert source.delimiter == "," and source.headers == ["Nom", "Ville"]
    assert [r.line for r in rows_of(source)] == [3]


def test_old_mac_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "mac.csv"
    path.write_bytes("Nom;Prénom\rMartin;Hélène\rDurand;Bob\r".encode("cp1252"))
    source = open_source(path)
    assert [r.values["Prénom"] for r in rows_of(source)] == ["Hélène", "Bob"]


def test_utf8_without_bom_is_checked_over_the_whole_file(tmp_path: Path) -> None:
    # The first non-ASCII byte lies far beyond the sample used to sniff the file.
    lines = ["Nom;Prénom"] + [f"Martin;Jean{i}" for i in range(20_000)] + ["Lefèvre;Hélène"]
    path = tmp_path / "late.csv"
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    source = open_source(path)
    assert source.encoding == "cp1252"
    assert rows_of(source)[-1].values == {"Nom": "Lefèvre", "Prénom": "Hélène"}
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("utf-8"))
    assert open_source(path).encoding == "utf-8"


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("mac_roman", "Prénom;Nom\nÉmilie;Dupont\nHélène;Lefèvre\n"),
        ("cp850", "Prénom;Nom\nÉmilie;Dupont\nHélène;Lefèvre\n"),
        ("cp1251", "Фамилия;Имя;Город\nИванов;Пётр;Москва\nСмирнова;Анна;Санкт-Петербург\n"),
    ],
)
def test_other_legacy_code_pages(tmp_path: Path, encoding: str, text: str) -> None:
    path = tmp_path / "legacy.csv"
    path.write_bytes(text.encode(encoding))
    source = open_source(path)
    assert source.encoding == encoding
    assert source.headers == text.splitlines()[0].split(";")


def test_utf16_without_bom(tmp_path: Path) -> None:
    path = tmp_path / "nobom.csv"
    path.write_bytes("Nom\tPrénom\r\nMartin\tHélène\r\n".encode("utf-16-le"))
    source = open_source(path)
    assert (source.encoding, source.delimiter) == ("utf-16-le", "\t")
    assert rows_of(source)[0].values["Prénom"] == "Hélène"


def test_header_row_found_below_a_title(tmp_path: Path) -> None:
    path = tmp_path / "title.csv"
    path.write_text(
        "Annuaire des anciens;;\nExport du 12/03/2024;;\n\nNom;Prénom;Email\nMartin;Alice;a@x.fr\n",
        "utf-8",
    )
    source = open_source(path)
    assert source.headers == ["Nom", "Prénom", "Email"]
    assert [r.line for r in rows_of(source)] == [5]


def test_a_file_without_known_headers_keeps_its_first_row_as_header(tmp_path: Path) -> None:
    path = tmp_path / "odd.csv"
    path.write_text("Col A,Col B\n1,2\n3,4\n", "utf-8")
    source = open_source(path)
    assert source.headers == ["Col A", "Col B"] and len(rows_of(source)) == 2


# --- LinkedIn and Mailchimp -----------------------------------------------------------------


def test_linkedin_connections_preamble_is_skipped() -> None:
    source = open_source(fixture("linkedin_connections.csv"))
    assert source.preset == "linkedin"
    assert source.headers == [
        "First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"
    ]  # fmt: skip
    rows = rows_of(source)
    assert [r.line for r in rows] == [5, 6, 7]
    assert rows[0].values["Connected On"] == "12 Mar 2024"
    assert rows[1].values["Company"] == "Acme, Inc."
    assert errors_of(source) == []


def test_linkedin_header_set_without_preamble_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "Connections.csv"
    text = fixture("linkedin_connections.csv").read_text("utf-8")
    path.write_text(text[text.index("First Name") :], "utf-8")
    assert open_source(path).preset == "linkedin"


def test_a_chosen_preset_is_kept_and_the_header_still_found() -> None:
    source = open_source(fixture("linkedin_connections.csv"), "csv")
    assert source.preset == "csv" and source.headers[0] == "First Name"


def test_mailchimp_audience_csv() -> None:
    source = open_source(fixture("mailchimp_audience.csv"))
    assert source.preset == "mailchimp"
    rows = rows_of(source)
    assert rows[0].values["TAGS"] == '"Géographie/Lyon","Chimie"'
    assert rows[1].values["TAGS"] == "Lyon, Bureau 2019"
    # A lone audience CSV is the list of the subscribed, unless its name says otherwise.
    assert all(r.values["__consent"] == "subscribed" for r in rows)


def test_lone_mailchimp_csv_named_unsubscribed(tmp_path: Path) -> None:
    target = tmp_path / "unsubscribed_members_export_1.csv"
    target.write_bytes(fixture("mailchimp_audience.csv").read_bytes())
    rows = rows_of(open_source(target))
    assert {r.values["__consent"] for r in rows} == {"unsubscribed"}


def test_mailchimp_export_zip_sets_consent_per_file() -> None:
    source = open_source(fixture("mailchimp_export.zip"))
    assert source.preset == "mailchimp" and source.encoding == "utf-8"
    assert source.headers[:3] == ["Email Address", "First Name", "Last Name"]
    assert "UNSUB_REASON" in source.headers and "CLEAN_TIME" in source.headers
    rows = rows_of(source)
    got = [(r.values["Email Address"], r.values["__consent"], r.line) for r in rows]
    assert got == [
        ("emilie.dupont@example.org", "subscribed", 2),
        ("jean.martin@example.org", "subscribed", 3),
        ("paul.leroy@example.org", "unsubscribed", 2),
        ("ancienne.adresse@example.org", "cleaned", 2),
    ]
    assert rows[2].values["__file"] == "unsubscribed_members_export_4f2a9c.csv"
    for row in rows:  # every header of the union is present in every row
        assert set(source.headers) <= set(row.values)
    assert rows[0].values["UNSUB_REASON"] == ""
    assert rows[2].values["UNSUB_REASON"] == "I no longer want to receive these emails"
    assert source.estimated_rows() == 4


def test_linkedin_data_export_zip(tmp_path: Path) -> None:
    path = tmp_path / "Basic_LinkedInDataExport_03-12-2024.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("Profile.csv", "First Name,Last Name\nMoi,Même\n")
        archive.writestr("Connections.csv", fixture("linkedin_connections.csv").read_bytes())
    source = open_source(path)
    assert source.preset == "linkedin"
    assert [r.values["Last Name"] for r in rows_of(source)] == ["Dupont", "Martin", "Bernard"]


def test_a_zip_without_a_known_export_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "photos.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("photo.txt", "nothing")
    with pytest.raises(ImportFormatError, match="neither a Mailchimp nor a LinkedIn"):
        open_source(path)


# --- XLSX -----------------------------------------------------------------------------------


def test_xlsx_sheet_with_most_rows_dates_and_integers_as_text() -> None:
    source = open_source(fixture("members.xlsx"))
    assert (source.preset, source.encoding, source.delimiter) == ("xlsx", None, None)
    assert source.headers[:5] == ["Prénom", "Nom", "Email", "Téléphone", "Promo"]
    rows = rows_of(source)
    assert [r.line for r in rows] == [4, 5, 7]  # sheet rows: title, blank, header above
    first = rows[0].values
    assert first["Promo"] == "2005"  # stored as 2005.0
    assert first["Date de naissance"] == "1982-11-26"
    assert first["Dernier contact"] == "2024-03-01 14:30:00"
    assert first["Consentement"] == "TRUE"
    assert first["Cotisation"] == "2024"
    assert rows[1].values["Téléphone"] == "612345678"
    assert rows[1].values["Dernier contact"] == "2023-12-05"
    assert rows[1].values["Tags"] == ""
    assert source.count_hint() == 4  # declared rows below the header (blank one included)


def test_defusedxml_is_what_openpyxl_parses_with() -> None:
    assert openpyxl.DEFUSEDXML is True


def _xlsx_with(path: Path, sheet: bytes, extra: list[tuple[str, bytes]] | None = None) -> Path:
    module = make_fixtures_module()
    path.write_bytes(
        module.zip_bytes(
            [*module.XLSX_SKELETON, ("xl/worksheets/sheet1.xml", sheet), *(extra or [])]
        )
    )
    return path


def test_xlsx_bomb_is_refused() -> None:
    with pytest.raises(ImportFormatError, match="zip bomb"):
        open_source(fixture("bomb.xlsx"))


def test_xlsx_declaring_too_many_rows_is_refused(tmp_path: Path) -> None:
    module = make_fixtures_module()
    row = b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c></row>'
    path = _xlsx_with(tmp_path / "rows.xlsx", module.sheet_xml(row, b"A1:B2000000"))
    with pytest.raises(ImportFormatError, match="1,048,576 rows"):
        open_source(path)


def test_xlsx_with_too_much_shared_text_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    module = make_fixtures_module()
    strings = (
        b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        + b"<si><t>Dupont</t></si>" * 1000
        + b"</sst>"
    )
    path = _xlsx_with(
        tmp_path / "text.xlsx", module.sheet_xml(b""), [("xl/sharedStrings.xml", strings)]
    )
    monkeypatch.setattr(readers, "XLSX_MAX_TEXT", 10_000)
    with pytest.raises(ImportFormatError, match="of text"):
        open_source(path)


def test_xlsx_entity_tricks_are_refused(tmp_path: Path) -> None:
    laughs = (
        b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
        b'<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b'<sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row>'
        b"</sheetData></worksheet>"
    )
    path = _xlsx_with(tmp_path / "laughs.xlsx", laughs)
    with pytest.raises(ImportFormatError, match="declares entities"):
        open_source(path)


def test_xlsx_without_a_dimension_and_with_gaps(tmp_path: Path) -> None:
    rows = (
        b'<row r="1"><c r="A1" t="inlineStr"><is><t>Nom</t></is></c>'
        b'<c r="B1" t="inlineStr"><is><t>Promo</t></is></c></row>'
        b'<row r="4"><c r="A4" t="inlineStr"><is><t>Martin</t></is></c><c r="B4"><v>2005</v></c>'
        b'<c r="D4" t="inlineStr"><is><t>extra</t></is></c></row>'
    )
    sheet = (
        b'<?xml version="1.0" encoding="UTF-8"?>'
        b'<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        b"<sheetData>" + rows + b"</sheetData></worksheet>"
    )
    source = open_source(_xlsx_with(tmp_path / "gaps.xlsx", sheet))
    assert source.count_hint() is None
    (row,) = rows_of(source)
    assert row.line == 4
    assert row.values == {"Nom": "Martin", "Promo": "2005", "__extra": "1"}


def test_cell_text_conversions() -> None:
    from datetime import date, datetime, time

    text = readers._cell_text
    assert text(None) == "" and text(True) == "TRUE" and text(2005) == "2005"
    assert text(2005.0) == "2005" and text(0.5) == "0.5" and text(1e20) == "1e+20"
    assert text(datetime(2024, 3, 12)) == "2024-03-12"
    assert text(datetime(2024, 3, 12, 9, 5, 7)) == "2024-03-12 09:05:07"
    assert text(date(2024, 3, 12)) == "2024-03-12" and text(time(9, 30)) == "09:30:00"


def test_xlsx_preset_on_a_csv_and_csv_preset_on_a_workbook(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match=r"not an Excel \(.xlsx\) workbook"):
        open_source(fixture("csv_tab.tsv"), "xlsx")
    with pytest.raises(ImportFormatError, match="choose the XLSX format"):
        open_source(fixture("members.xlsx"), "csv")


# --- vCard ----------------------------------------------------------------------------------


def test_outlook_vcards_quoted_printable_windows_1252() -> None:
    source = open_source(fixture("contacts_outlook.vcf"))
    assert (source.preset, source.encoding, source.delimiter) == ("vcard", None, None)
    assert source.headers == list(readers.VCARD_HEADERS)
    first, second = rows_of(source)
    assert first.line == 1 and second.line == 2
    v = first.values
    assert (v["First Name"], v["Last Name"], v["Full Name"]) == (
        "Hélène",
        "Lefèvre",
        "Hélène Lefèvre",
    )
    assert v["Company"] == "Crédit Agricole"  # 8-bit with CHARSET, first ORG component
    assert v["Job Title"] == "Directrice administrative et financière"
    assert v["Phone"] == "06 98 76 54 32"  # the CELL number, though WORK comes first
    assert v["Email"] == "helene.lefevre@example.fr"  # the first EMAIL
    assert (v["City"], v["Region"], v["Country"]) == (
        "Saint-Étienne", "Auvergne-Rhône-Alpes", "France"
    )  # fmt: skip
    assert v["Birthday"] == "19750312"
    assert v["LinkedIn"] == "http://fr.linkedin.com/in/HeleneLefevre/?trk=public_profile"
    # A soft line break joined, =0D=0A decoded, =96 is an en dash in Windows-1252.
    assert v["Notes"] == (
        "Rencontrée au salon de l'étudiant, très motivée pour le mentorat.\r\nTrésorière 2019–2021."
    )
    w = second.values
    assert (w["First Name"], w["Last Name"]) == ("Émilie", "Dupont")
    assert w["Notes"] == "À inviter au dîner des anciens de Saint-Étienne."
    assert w["Phone"] == "04 78 00 00 00"


def test_vcard4_broken_card_does_not_lose_the_others() -> None:
    source = open_source(fixture("contacts_v4.vcf"))
    items = list(source.rows())
    assert [(type(i).__name__, i.line) for i in items] == [
        ("SourceRow", 1), ("RowError", 2), ("SourceRow", 3)
    ]  # fmt: skip
    assert isinstance(items[1], RowError)
    assert items[1].reason.startswith("unreadable vCard: line without ':'")
    assert isinstance(items[0], SourceRow) and isinstance(items[2], SourceRow)
    v = items[0].values
    assert (v["First Name"], v["Last Name"]) == ("Jean-Pierre", "de La Fontaine")
    assert v["Phone"] == "+33-6-12-34-56-78"  # the cell one, tel: URI unwrapped
    assert v["Company"] == "Institut Pasteur, Lyon"
    assert v["LinkedIn"] == "https://www.linkedin.com/in/jp-delafontaine"  # a grouped URL
    assert v["Categories"] == 'Géographie/Lyon,"Chimie, pharmacie",Bureau'
    assert v["Notes"] == "Président 2010–2014; membre d'honneur.\nÀ inviter au gala."
    assert (v["City"], v["Country"]) == ("Lyon", "France")
    w = items[2].values
    assert w["Birthday"] == "--0312"
    assert w["LinkedIn"] == "https://linkedin.com/in/amelie-poulain"  # X-SOCIALPROFILE
    assert w["Categories"] == "Paris,Arts"
    assert w["Region"] == "Île-de-France"


def test_phone_vcards_folded_lines_and_birthdays_without_year() -> None:
    source = open_source(fixture("contacts_phone.vcf"))
    marion, maman, lucas = rows_of(source)
    assert marion.values["Notes"] == (
        "Vue au forum des métiers de Lyon : intéressée par le mentorat des élèves et l'équipe"
        " du gala."
    )  # unfolded, though a fold cut a letter in two
    assert marion.values["Birthday"] == "--0312"
    assert marion.values["Phone"] == "07 11 22 33 44"
    assert marion.values["Email"] == "marion.girard@example.fr"
    assert marion.values["Company"] == "Mairie de Lyon"
    assert maman.values["Full Name"] == "Maman" and maman.values["Birthday"] == "--07-14"
    assert lucas.values["Categories"] == "Promo 2012,Sport"


def test_vcard_without_end_and_utf16(tmp_path: Path) -> None:
    text = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Sans Fin\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoé Ärger\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Coupée\r\n"
    )
    path = tmp_path / "contacts.vcf"
    path.write_bytes(text.encode("utf-16"))
    items = list(open_source(path).rows())
    assert [(type(i).__name__, i.line) for i in items] == [
        ("RowError", 1), ("SourceRow", 2), ("RowError", 3)
    ]  # fmt: skip
    assert isinstance(items[1], SourceRow) and items[1].values["Full Name"] == "Zoé Ärger"


def test_vcard_recognised_by_content_and_refused_without_cards(tmp_path: Path) -> None:
    path = tmp_path / "contacts.txt"
    path.write_text("\r\nbegin:vcard\r\nversion:3.0\r\nfn:Anne\r\nend:vcard\r\n", "utf-8")
    source = open_source(path)
    assert source.preset == "vcard" and rows_of(source)[0].values["Full Name"] == "Anne"
    empty = tmp_path / "empty.vcf"
    empty.write_text("nothing here\n", "utf-8")
    with pytest.raises(ImportFormatError, match="no vCard"):
        open_source(empty)


# --- the API: presets, refusals, hashing, streaming -----------------------------------------


@pytest.mark.parametrize(
    ("name", "preset"),
    [
        ("csv_utf8_bom_semicolon.csv", "csv"),
        ("csv_cp1252.csv", "csv"),
        ("csv_utf16.csv", "csv"),
        ("csv_tab.tsv", "csv"),
        ("linkedin_connections.csv", "linkedin"),
        ("mailchimp_audience.csv", "mailchimp"),
        ("mailchimp_export.zip", "mailchimp"),
        ("members.xlsx", "xlsx"),
        ("contacts_outlook.vcf", "vcard"),
        ("contacts_v4.vcf", "vcard"),
        ("contacts_phone.vcf", "vcard"),
    ],
)
def test_auto_recognises_each_format(name: str, preset: str) -> None:
    source = open_source(fixture(name))
    assert source.preset == preset
    data = fixture(name).read_bytes()
    assert source.sha256 == hashlib.sha256(data).hexdigest() and source.size == len(data)
    assert source.preset in PRESETS


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "is empty"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, r"old Excel \(.xls\)"),
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "a PDF"),
        (bytes(range(256)) * 40, "not a text file"),
        (b"PK\x03\x04 not really a zip", "damaged ZIP"),
    ],
)
def test_files_that_are_not_member_lists(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "file.csv"
    path.write_bytes(content)
    with pytest.raises(ImportFormatError, match=message):
        open_source(path)


def test_missing_file_and_unknown_preset(tmp_path: Path) -> None:
    with pytest.raises(ImportFormatError, match="cannot read"):
        open_source(tmp_path / "absent.csv")
    with pytest.raises(ImportFormatError, match="unknown preset"):
        open_source(fixture("csv_tab.tsv"), "excel")


def test_rows_is_a_generator_that_can_be_read_again() -> None:
    source = open_source(fixture("csv_utf8_bom_semicolon.csv"))
    rows = source.rows()
    assert isinstance(rows, types.GeneratorType)
    assert list(source.rows()) == list(source.rows())
    for name in ("members.xlsx", "contacts_v4.vcf", "mailchimp_export.zip"):
        other = open_source(fixture(name))
        assert list(other.rows()) == list(other.rows())


def test_preview_stops_early() -> None:
    source = open_source(fixture("csv_bad_rows.csv"))
    preview = source.preview(2)
    assert [type(i).__name__ for i in preview] == ["SourceRow", "RowError"]
    assert source.preview() == list(source.rows())


def test_estimated_rows(tmp_path: Path) -> None:
    assert open_source(fixture("csv_ragged.csv")).estimated_rows() == 5
    assert open_source(fixture("contacts_v4.vcf")).estimated_rows() is None
    path = tmp_path / "big.csv"
    write_big_csv(path, 20_000)
    estimate = open_source(path).estimated_rows()
    assert estimate is not None and 18_000 < estimate < 22_000
    assert open_source(path).count_hint() is None


def write_big_csv(path: Path, rows: int) -> None:
    with path.open("w", encoding="utf-8", newline="") as f:
        f.write("Prénom;Nom;Courriel;Ville;Promo;Commentaire\r\n")
        for i in range(rows):
            f.write(
                f'Émilie;Dupont{i};emilie{i}@example.org;Saint-Étienne;{1990 + i % 30};"n°{i}"\r\n'
            )


def test_rows_stream_without_holding_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    write_big_csv(path, 100_000)
    assert path.stat().st_size > 7_000_000
    source = open_source(path)
    tracemalloc.start()
    try:
        count = sum(1 for _ in source.rows())
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 100_000
    assert peak < 2_000_000  # bytes: a few rows and buffers, never the file


@pytest.mark.slow
def test_a_large_file_is_read_whole(tmp_path: Path) -> None:
    """100,000 rows, every one read (the speed is measured by bench/, not here: a timed test
    fails on a loaded machine without telling anything)."""
    path = tmp_path / "big.csv"
    write_big_csv(path, 100_000)
    source = open_source(path)
    assert sum(1 for _ in source.rows()) == 100_000


def test_mac_and_bare_cr_csv_from_a_zip_member_too(tmp_path: Path) -> None:
    path = tmp_path / "export.zip"
    data = "Email Address;First Name\rjean@example.org;Hélène\r".encode("cp1252")
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("cleaned_members_export.csv", data)
    source = open_source(path)
    (row,) = rows_of(source)
    assert row.values["First Name"] == "Hélène" and row.values["__consent"] == "cleaned"
    assert source.encoding == "cp1252" and source.delimiter == ";"


def test_zip_bombs_of_any_kind_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "mailchimp.zip"
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr("subscribed_x.csv", b"Email Address\n" + b" " * (60 * 1024 * 1024))
    path.write_bytes(buffer.getvalue())
    with pytest.raises(ImportFormatError, match="zip bomb"):
        open_source(path)


def test_a_damaged_workbook_is_refused_in_one_line(tmp_path: Path) -> None:
    path = _xlsx_with(tmp_path / "damaged.xlsx", b"<worksheet><sheetData><row>")
    with pytest.raises(ImportFormatError, match=r"unreadable Excel file damaged\.xlsx") as caught:
        open_source(path)
    assert "\n" not in str(caught.value)
