"""Sending members out: CSV, CSV for French Excel, XLSX, vCard 4 and a Mailchimp audience CSV.

Every export streams: the ids come first (a search, or a given selection), then the rows are
fetched and written a chunk at a time, so 100,000 members never sit in memory as objects.
The file is written under a temporary name in the target folder, flushed to the disk and
moved into place only when complete (``app.files``: fsync, then ``os.replace``): a cancelled
or failed export leaves no half-written file and does not damage a file of the same name.
The target is never the open store (or its ``-wal``/``-shm``), a folder or a device. It is
created readable by its owner only (0600): it holds personal data. Each export is then
recorded in the audit log (query, row count, format, file name).

Formats
-------
- ``csv``: UTF-8 with a byte-order mark (so Excel reads accents), ``,`` separator, minimal
  quoting, CRLF line ends. ``csv-fr`` ("Excel (France)") is the same with ``;``, the list
  separator of French Excel. Headers are the English titles of ``EXPORT_HEADERS`` unless the
  caller passes its own (the window passes translated titles).
- ``xlsx``: openpyxl's write-only mode. Every cell is a string cell except the years
  (``promo``, ``dues_last_year``), which are numbers: "06 12 34 56 78" keeps its zero and
  "1982-11-26" is not turned into a date. Strings that openpyxl would type otherwise (a text
  starting with ``=`` becomes a formula, ``#N/A`` an error) are forced back to strings.
- ``vcf``: vCard 4.0 (RFC 6350), one card per member, its properties fixed (``columns`` is
  not used): FN, N, EMAIL, TEL, ORG, TITLE, ADR (city, region, country), BDAY, URL (LinkedIn),
  NOTE (school and class year), CATEGORIES (tags). Text is escaped (``\\`` ``,`` ``;``
  newlines), lines are folded at 75 octets without splitting a UTF-8 character, CRLF.
- ``mailchimp``: exactly ``Email Address,First Name,Last Name,TAGS``, UTF-8 with BOM and
  ``,``; only members who have an email address AND gave their newsletter consent (a mailing
  tool must not receive the others). TAGS is written the way Mailchimp exports it: each tag in
  double quotes, separated by commas (``"Géographie/Lyon","Métier/Chimie"``), so the file
  re-imports into Mailchimp and into Amicale unchanged.

Tags are written as their full labels, ``Category/Name`` (``Name`` for a tag without a
category), so that a re-import puts them back in their category; in CSV and XLSX they are
joined with ", ". Booleans (``consent``) are written ``yes``/``no``; status and
verification keep their stored codes (``member``, ``verified``…).

Formula injection (CSV and XLSX, Mailchimp included)
----------------------------------------------------
A spreadsheet treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula, and a
leading tab or carriage return can hide one; a formula can fetch URLs or run commands
(``=HYPERLINK(…)``, ``+cmd|' /C calc'!A0``). Following OWASP's "CSV Injection" rule, such a
text cell is neutralised by prefixing a single quote: ``=1+1`` is written ``'=1+1``. Rules, in
order (see `neutralise`):

1. Only text cells are concerned; numbers (class year, dues year) are written as numbers.
2. The cell is looked at after any leading single quotes and spaces (`` =1`` counts, since
   some spreadsheets trim spaces on import).
3. If what remains starts with ``=``, ``+``, ``-``, ``@``, TAB or CR, a quote is prepended…
4. …unless it is a phone number: an optional single leading ``+``, then a digit, then only
   digits, spaces, dots and parentheses, and dashes that follow a digit (``+33 6 12 34 56
   78``, ``+33 (0)6-12-34-56-78``). Such a value holds no letters (so no function or cell
   reference), no other operator and no ``!``/``|``: at worst a spreadsheet reads it as
   arithmetic on constants, so it is left as is and stays usable in every format. ``+1+1``
   (a second ``+``), ``-2+3`` (a leading ``-``) and ``+33 -1`` (a ``-`` after a space) are
   not phone numbers and are neutralised.
5. A text that starts with quotes followed by something rule 3 would escape gets one more
   quote (``'=x`` → ``''=x``), so that `unneutralise` (used by the importer) gives back
   exactly the stored text: export → import is lossless.

In XLSX a string cell is never evaluated by Excel, so the quote is not strictly needed there;
it is added anyway so that the same member reads the same in every format, and so that a
formula cannot come back to life when someone copies the text into another cell or saves the
sheet as CSV. vCard files are not spreadsheets and are not neutralised.

CSV cannot keep Excel from reading "0612345678" as a number; XLSX can (text cells).
"""

from __future__ import annotations

import contextlib
import csv
import json
import re
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from app import audit, files, permissions
from app.errors import AmicaleError, Cancelled
from app.members import fields
from app.members.service import DATA_COLUMNS, MemberDirectory, Sort
from app.messages import QT_TRANSLATE_NOOP, Message
from app.privacy import consent
from app.store import Store, backends
from app.store.cancel import CancelToken
from app.store.schema import member

EXPORT_FORMATS = ("csv", "csv-fr", "xlsx", "vcf", "mailchimp")
DEFAULT_COLUMNS = fields.export_defaults()
# English column titles, chosen to be recognised by Amicale's importer and by spreadsheets.
EXPORT_HEADERS = fields.export_headers()
# What can be exported: everything the member list can show (tests/test_fields.py).
EXPORT_COLUMNS = tuple(EXPORT_HEADERS)
MAILCHIMP_HEADERS = ("Email Address", "First Name", "Last Name", "TAGS")
EXTENSIONS = {".csv": "csv", ".xlsx": "xlsx", ".vcf": "vcf", ".vcard": "vcf"}
CHUNK = 2000

Progress = Callable[[int, int], object]
Row = Sequence[Any]  # one member's values, in the order of the columns asked for

# --- formula injection ----------------------------------------------------------------------

_TRIGGERS = frozenset("=+-@\t\r")
_LOOK_CLOSER = frozenset("=+-@\t\r' ")  # first characters worth a second look
_PHONE = re.compile(r"\+?\d(?:[\d .()]|(?<=\d)-)*")


def _needs_quote(text: str) -> bool:
    core = text.lstrip("' ")
    return bool(core) and core[0] in _TRIGGERS and _PHONE.fullmatch(core) is None


def neutralise(text: str) -> str:
    """``text`` made safe to open in a spreadsheet (see the module docstring for the rules)."""
    if text and text[0] in _LOOK_CLOSER and _needs_quote(text):
        return "'" + text
    return text


def unneutralise(text: str) -> str:
    """The exact inverse of `neutralise`, for importers reading an exported file."""
    if text[:1] == "'" and _needs_quote(text):
        return text[1:]
    return text


# --- the public entry points ----------------------------------------------------------------


@dataclass(frozen=True)
class ExportReport:
    path: Path
    rows: int
    format: str
    seconds: float
    # An export for a purpose (app.privacy.consent): the members it left out, and why.
    purpose: str | None = None
    objected: int = 0
    never_asked: int = 0


def format_for(path: Path, explicit: str | None) -> str:
    """The format to write: ``explicit`` if given, else the one of the file's extension."""
    if explicit:
        if explicit not in EXPORT_FORMATS:
            raise AmicaleError(
                Message(
                    QT_TRANSLATE_NOOP("Messages", "unknown export format '{0}' (known: {1})"),
                    explicit,
                    ", ".join(EXPORT_FORMATS),
                )
            )
        return explicit
    found = EXTENSIONS.get(Path(path).suffix.lower())
    if found is None:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP(
                    "Messages",
                    "cannot tell the export format from the name '{0}': "
                    "use .csv, .xlsx or .vcf, or give the format",
                ),
                Path(path).name,
            )
        )
    return found


def export_members(
    store: Store,
    path: Path,
    *,
    query: str = "",
    ids: Sequence[int] | None = None,
    fmt: str | None = None,
    columns: Sequence[str] = DEFAULT_COLUMNS,
    headers: Sequence[str] | None = None,
    sort: Sort | None = None,
    progress: Progress | None = None,
    cancel: CancelToken | None = None,
    purpose: str | None = None,
) -> ExportReport:
    """Write the members matching ``query`` (or exactly ``ids``, in that order) to ``path``.

    ``purpose`` (a key of app.privacy.consent.PURPOSES): only the members that use allows —
    those who gave their consent, or who did not object, by the purpose's legal basis; the
    report counts the others.

    ``columns`` and ``headers`` apply to CSV and XLSX; vCard and Mailchimp have fixed layouts.
    ``progress(done, total)`` is called after each chunk; ``cancel`` (or a progress callback
    raising Cancelled) stops the export, leaving no file behind. Raises AmicaleError with a
    one-line reason (bad query, unknown column or format, unwritable file).
    """
    permissions.require(store, permissions.EXPORT)
    started = time.perf_counter()
    path = Path(path)
    fmt = format_for(path, fmt)
    columns = tuple(columns)
    _check_columns(columns)
    if headers is not None and len(headers) != len(columns):
        raise ValueError("headers and columns differ in length")
    files.check_output(path, store=store.path)  # never the store, a folder or a device

    directory = MemberDirectory(store)
    if ids is None:
        member_ids: Sequence[int] = directory.search_ids(query, sort, cancel=cancel)
    else:
        member_ids = list(dict.fromkeys(ids))  # a selection: its order, each member once
    _check_cancel(cancel)
    left_out = (0, 0)
    if purpose is not None:
        member_ids, left_out = _for_purpose(store, member_ids, purpose)

    chunks = _Chunks(store, directory, member_ids, _needed_columns(fmt, columns), progress, cancel)
    tmp = files.temporary_beside(path)
    try:
        try:
            if fmt in ("csv", "csv-fr"):
                titles = headers if headers is not None else [EXPORT_HEADERS[c] for c in columns]
                rows = _write_csv(tmp, chunks, columns, titles, ";" if fmt == "csv-fr" else ",")
            elif fmt == "xlsx":
                titles = headers if headers is not None else [EXPORT_HEADERS[c] for c in columns]
                rows = _write_xlsx(tmp, chunks, columns, titles)
            elif fmt == "vcf":
                rows = _write_vcards(tmp, chunks)
            else:
                rows = _write_mailchimp(tmp, chunks)
        except OSError as exc:
            raise files.cannot_write(path, exc) from exc
        _check_cancel(cancel)
        detail: dict[str, Any] = {"query": query or None}
        if ids is not None:
            detail["ids"] = len(member_ids)
        detail.update({"rows": rows, "format": fmt, "file": path.name})
        if purpose is not None:
            detail.update({"purpose": purpose, "objected": left_out[0], "never_asked": left_out[1]})
        _move_into_place(store, tmp, path, detail)
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return ExportReport(
        path, rows, fmt, time.perf_counter() - started, purpose, left_out[0], left_out[1]
    )


def _for_purpose(
    store: Store, member_ids: Sequence[int], key: str
) -> tuple[list[int], tuple[int, int]]:
    """The members a use for ``key`` may include, in their order; (objected, never asked)
    among the others. One set is read: the objections, and for a purpose resting on
    consent the consents too (each as small as the answers recorded)."""
    basis = consent.purpose(key).basis
    with store.read() as conn:
        refused = {i for (i,) in conn.execute(sa.select(member.c.id).where(consent.objected(key)))}
        given = (
            {i for (i,) in conn.execute(sa.select(member.c.id).where(consent.granted(key)))}
            if basis == "consent"
            else None
        )
    kept = [i for i in member_ids if i not in refused and (given is None or i in given)]
    objected = sum(1 for i in member_ids if i in refused)
    return kept, (objected, len(member_ids) - len(kept) - objected)


# --- plumbing ---------------------------------------------------------------------------------


def _check_columns(columns: Sequence[str]) -> None:
    if not columns:
        raise AmicaleError(Message(QT_TRANSLATE_NOOP("Messages", "no column to export")))
    unknown = [c for c in columns if c not in EXPORT_COLUMNS]
    if unknown:
        raise AmicaleError(
            Message(
                QT_TRANSLATE_NOOP("Messages", "unknown column '{0}' (known: {1})"),
                unknown[0],
                ", ".join(EXPORT_COLUMNS),
            )
        )


def _check_cancel(cancel: CancelToken | None) -> None:
    if cancel is not None and cancel.cancelled:
        raise Cancelled()


def _move_into_place(store: Store, tmp: Path, path: Path, detail: dict[str, Any]) -> None:
    """Rename the finished file to ``path`` and log the export, both or neither."""
    moved = False
    try:
        with store.write() as conn:
            files.check_output(path, store=store.path)  # nothing took its place meanwhile
            files.replace_with(tmp, path)  # flushed to the disk, then renamed
            moved = True
            audit.record(conn, "export", "member", None, detail)
    except BaseException:
        if moved:  # the log could not be written: an export must not go unrecorded
            with contextlib.suppress(OSError):
                path.unlink()
        raise


def _needed_columns(fmt: str, columns: Sequence[str]) -> tuple[str, ...]:
    if fmt == "vcf":
        return VCARD_COLUMNS
    if fmt == "mailchimp":
        return ("email", "first_name", "last_name", "consent", "tags")
    return tuple(columns)


class _Chunks:
    """The rows of ``ids`` in order, a chunk at a time, as sequences of ``columns``.

    Tags come as a list of full labels ("Category/Name"), ``consent`` as a bool, other
    columns as stored. A member and its tags are read in one transaction (consistent);
    members deleted since the search are skipped.

    The rows are read straight through the driver, ids passed as one JSON parameter: it is
    twice as fast as `MemberDirectory.fetch_rows` (one SQLAlchemy row and one dict per member),
    which gives tag names without their category anyway. Only the ``communities`` column,
    rarely exported, goes through `fetch_rows`.
    """

    def __init__(
        self,
        store: Store,
        directory: MemberDirectory,
        ids: Sequence[int],
        columns: Sequence[str],
        progress: Progress | None,
        cancel: CancelToken | None,
    ) -> None:
        self.store = store
        self.directory = directory
        self.ids = ids
        self.columns = tuple(columns)
        self.progress = progress
        self.cancel = cancel
        # Column names come from DATA_COLUMNS only (checked): safe to put in the SQL text.
        selected = ", ".join(c if c in DATA_COLUMNS else "NULL" for c in self.columns)
        # The ids of a chunk as one JSON parameter, spelled by the engine (backends).
        self.sql = f"SELECT id, {selected} FROM member WHERE id IN ({{ids}})"

    def __iter__(self) -> Iterator[list[Row]]:
        total = len(self.ids)
        tags_at = self.columns.index("tags") if "tags" in self.columns else -1
        communities_at = self.columns.index("communities") if "communities" in self.columns else -1
        consent_at = self.columns.index("consent") if "consent" in self.columns else -1
        patch = tags_at >= 0 or communities_at >= 0 or consent_at >= 0
        if self.progress is not None:
            self.progress(0, total)
        for start in range(0, total, CHUNK):
            _check_cancel(self.cancel)
            chunk = list(self.ids[start : start + CHUNK])
            param = (json.dumps(chunk),)
            with self.store.read() as conn:
                raw = conn.connection.dbapi_connection
                assert raw is not None
                ids = backends.of(conn).JSON_IDS
                found = {r[0]: r[1:] for r in raw.execute(self.sql.format(ids=ids), param)}
                labels = _tag_labels(raw, ids, param) if tags_at >= 0 else {}
            communities: dict[int, tuple[Any, ...]] = {}
            if communities_at >= 0:
                communities = self.directory.fetch_rows(chunk, ["communities"])
            rows: list[Row] = []
            for member_id in chunk:
                row = found.get(member_id)
                if row is None:
                    continue  # deleted since the search
                if patch:
                    values = list(row)
                    if tags_at >= 0:
                        values[tags_at] = labels.get(member_id, [])
                    if communities_at >= 0:
                        values[communities_at] = communities.get(member_id, (None,))[0]
                    if consent_at >= 0:
                        values[consent_at] = bool(values[consent_at])
                    row = values
                rows.append(row)
            yield rows
            if self.progress is not None:
                self.progress(min(start + CHUNK, total), total)


_TAG_ORDER_SQL = """
SELECT t.id, CASE WHEN c.name IS NULL THEN t.name ELSE c.name || '/' || t.name END
FROM tag AS t LEFT JOIN tag_category AS c ON c.id = t.category_id
ORDER BY c.position, t.name_key
"""
_MEMBER_TAGS_SQL = "SELECT member_id, tag_id FROM member_tag WHERE member_id IN ({ids})"


def _tag_labels(raw: Any, ids: str, param: tuple[str]) -> dict[int, list[str]]:
    """Each member's tags as "Category/Name" labels, in the member card's order.

    Joining and sorting in SQL costs more than reading the few tags once and ordering each
    member's handful in Python.
    """
    order = {
        tag_id: (rank, label) for rank, (tag_id, label) in enumerate(raw.execute(_TAG_ORDER_SQL))
    }
    tagged: dict[int, list[tuple[int, str]]] = {}
    for member_id, tag_id in raw.execute(_MEMBER_TAGS_SQL.format(ids=ids), param):
        tagged.setdefault(member_id, []).append(order[tag_id])
    return {m: [label for _, label in sorted(pairs)] for m, pairs in tagged.items()}


# --- CSV --------------------------------------------------------------------------------------


def _text_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return neutralise(value)
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return neutralise(", ".join(value))
    return str(value)


def _csv_rows(rows: list[Row]) -> list[list[Any]]:
    """`_text_cell` on every value, inlined for the common cases (a million cells a second).

    The csv module writes None as an empty cell and integers as digits by itself.
    """
    look = _LOOK_CLOSER
    return [
        [
            (neutralise(v) if v[:1] in look else v)
            if v.__class__ is str
            else (_text_cell(v) if v.__class__ is bool or v.__class__ is list else v)
            for v in row
        ]
        for row in rows
    ]


def _open_text(path: Path, bom: bool = True) -> IO[str]:
    return path.open("w", encoding="utf-8-sig" if bom else "utf-8", newline="")


def _write_csv(
    path: Path,
    chunks: Iterable[list[Row]],
    columns: Sequence[str],
    headers: Sequence[str],
    delimiter: str,
) -> int:
    count = 0
    with _open_text(path) as handle:
        writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
        writer.writerow([neutralise(h) for h in headers])
        for rows in chunks:
            writer.writerows(_csv_rows(rows))
            count += len(rows)
    return count


def mailchimp_tags(tags: Sequence[str]) -> str:
    """Tags the way Mailchimp exports them: ``"a","b"`` (inner quotes doubled)."""
    return ",".join('"' + t.replace('"', '""') + '"' for t in tags)


def _write_mailchimp(path: Path, chunks: Iterable[list[Row]]) -> int:
    count = 0
    with _open_text(path) as handle:
        writer = csv.writer(handle, lineterminator="\r\n")
        writer.writerow(MAILCHIMP_HEADERS)
        for rows in chunks:
            kept = [
                (neutralise(email), _text_cell(first), _text_cell(last), mailchimp_tags(tags))
                for email, first, last, consent, tags in rows
                if email and consent
            ]
            writer.writerows(kept)
            count += len(kept)
    return count


# --- XLSX -------------------------------------------------------------------------------------

_MAX_CELL = 32767  # Excel's limit on the characters of a cell
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_XLSX_ERROR_CODES = frozenset({"#NULL!", "#DIV/0!", "#VALUE!", "#REF!", "#NAME?", "#NUM!", "#N/A"})


def _write_xlsx(
    path: Path,
    chunks: Iterable[list[Row]],
    columns: Sequence[str],
    headers: Sequence[str],
) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Members")

    def as_string_cell(text: str) -> Any:
        cell = WriteOnlyCell(sheet, value=text)
        cell.data_type = "s"  # openpyxl would make "=…" a formula, "#N/A" an error
        return cell

    def cell_value(value: Any) -> Any:
        if value is None or value.__class__ is int:  # only the years are integers
            return value
        text = _text_cell(value)
        if not text.isprintable():
            text = _ILLEGAL_XML.sub("", text)
        if len(text) > _MAX_CELL:
            text = text[:_MAX_CELL]
        if text in _XLSX_ERROR_CODES or text.startswith("="):
            return as_string_cell(text)
        return text

    def cells(row: Row) -> list[Any]:
        # The common case inline (plain printable text, None, a year): a million cells.
        look, limit = _LOOK_CLOSER, _MAX_CELL
        return [
            v
            if (
                v.__class__ is str
                and v[:1] not in look
                and v[:1] != "#"
                and len(v) <= limit
                and v.isprintable()
            )
            or v is None
            or v.__class__ is int
            else cell_value(v)
            for v in row
        ]

    count = 0
    try:
        iterator = iter(chunks)
        first = next(iterator, [])
        # Widths from the header and the first chunk: set before the first row is written.
        for index, title in enumerate(headers):
            sample = [len(_text_cell(row[index])) for row in first[:500]]
            width = max([len(title) + 2, *(n + 2 for n in sample)])
            sheet.column_dimensions[get_column_letter(index + 1)].width = min(width, 50)
        sheet.freeze_panes = "A2"
        bold = Font(bold=True)
        header_cells = []
        for title in headers:
            cell = as_string_cell(neutralise(title))
            cell.font = bold
            header_cells.append(cell)
        sheet.append(header_cells)
        for rows in _chain([first], iterator):
            for row in rows:
                sheet.append(cells(row))
            count += len(rows)
        sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"
        workbook.save(path)
    except BaseException:
        _discard_openpyxl_scratch(sheet)
        raise
    return count


def _chain(head: list[list[Row]], rest: Iterator[list[Row]]) -> Iterator[list[Row]]:
    yield from head
    yield from rest


def _discard_openpyxl_scratch(sheet: Any) -> None:
    """openpyxl streams rows into a scratch file in the system temp folder; remove it now."""
    writer = getattr(sheet, "_writer", None)
    if writer is None:
        return
    with contextlib.suppress(Exception):
        if not sheet.closed:
            sheet.close()
    with contextlib.suppress(Exception):
        writer.cleanup()


# --- vCard 4.0 --------------------------------------------------------------------------------

VCARD_COLUMNS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "company",
    "job_title",
    "city",
    "region",
    "country",
    "birthday",
    "linkedin_url",
    "school",
    "promo",
    "tags",
)


def vcard_escape(text: str) -> str:
    """RFC 6350 §3.4: backslash, comma, semicolon and newlines escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(",", "\\,")
        .replace(";", "\\;")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n")
    )


def fold_line(line: str) -> str:
    """RFC 6350 §3.2: lines of at most 75 octets, continued with a space, CRLF-terminated.

    A multi-octet UTF-8 character is never split between two lines.
    """
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line + "\r\n"
    parts: list[str] = []
    current: list[str] = []
    size, limit = 0, 75
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > limit:
            parts.append("".join(current))
            current, size, limit = [], 0, 74  # continuation lines start with a space
        current.append(char)
        size += width
    parts.append("".join(current))
    return "\r\n ".join(parts) + "\r\n"


def _vcard(row: Row) -> str:
    first, last, email, phone, company, job = row[:6]
    city, region, country, born, linkedin, school, promo, tags = row[6:14]
    first, last = first or "", last or ""
    name = f"{first} {last}".strip() or (email or "")
    lines = [
        "BEGIN:VCARD",
        "VERSION:4.0",
        f"FN:{vcard_escape(name)}",
        f"N:{vcard_escape(last)};{vcard_escape(first)};;;",
    ]
    if email:
        lines.append(f"EMAIL:{vcard_escape(email)}")
    if phone:
        lines.append(f"TEL:{vcard_escape(phone)}")
    if company:
        lines.append(f"ORG:{vcard_escape(company)}")
    if job:
        lines.append(f"TITLE:{vcard_escape(job)}")
    if city or region or country:
        address = ";".join(vcard_escape(v or "") for v in (city, region, "", country))
        lines.append(f"ADR:;;;{address}")
    if born:
        lines.append(f"BDAY:{born.replace('-', '')}")  # basic format: 1982-11-26 → 19821126
    if linkedin:
        lines.append("URL:" + "".join(linkedin.split()))  # a URI: not escaped, no blanks
    note = " – ".join(p for p in (school or "", f"promo {promo}" if promo else "") if p)
    if note:
        lines.append(f"NOTE:{vcard_escape(note)}")
    if tags:
        lines.append("CATEGORIES:" + ",".join(vcard_escape(t) for t in tags))
    lines.append("END:VCARD")
    return "".join(fold_line(line) for line in lines)


def _write_vcards(path: Path, chunks: Iterable[list[Row]]) -> int:
    count = 0
    with _open_text(path, bom=False) as handle:
        for rows in chunks:
            handle.write("".join(_vcard(row) for row in rows))
            count += len(rows)
    return count
