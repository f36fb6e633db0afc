"""Member lists as files (CSV, XLSX, vCard, LinkedIn, Mailchimp) → rows of text, streaming.

The readers never interpret values (app.io.mapping does): they turn a file into
header → text rows, and report a row they cannot read with its line number, so one bad row
never loses the others. Whole-file problems (unknown format, duplicate column names, an XLSX
bomb) raise ImportFormatError before any row is read.

Synthesized keys in ``SourceRow.values`` start with "__": "__consent" (Mailchimp ZIP: which
file the row came from), "__file" (the file inside a ZIP), "__extra" (how many non-empty
cells a row had beyond the last column).
"""

from __future__ import annotations

import codecs
import csv
import dataclasses
import hashlib
import io
import os
import re
import warnings
import zipfile
import zlib
from binascii import Error as BinasciiError
from binascii import a2b_qp
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, datetime, time
from itertools import islice
from pathlib import Path
from typing import IO, Any
from xml.etree.ElementTree import ParseError

from app import files
from app.errors import AmicaleError
from app.io.mapping import fold_header, guess_mapping
from app.io.rows import Item, RowError, SourceRow
from app.messages import QT_TRANSLATE_NOOP, Message

PRESETS = ("auto", "csv", "xlsx", "vcard", "linkedin", "mailchimp")

MAX_FIELD = 100_000  # characters in one cell
# The csv module's own limit, far above MAX_FIELD: a longer cell is read whole (its line
# breaks stay inside it) and its row rejected once. Past this limit csv would split a quoted
# cell and read the rest of it as rows, so the whole file is refused instead.
MAX_CSV_FIELD = 16 * 1024 * 1024
HEADER_SCAN = 20  # non-blank rows searched for the header row
XLSX_MAX_RATIO = 100  # declared uncompressed size / file size …
XLSX_MIN_BOMB = 50 * 1024 * 1024  # … refused only above this many bytes
XLSX_MAX_TEXT = 100 * 1024 * 1024  # shared strings, which openpyxl holds in memory
XLSX_MAX_ROWS = 1_048_576  # Excel's own limit

_HEAD = 128 * 1024  # bytes sampled for encoding, delimiter and header detection
_CHUNK = 1 << 20
_MAILCHIMP_FILES = re.compile(
    r"(?:^|/)(subscribed|unsubscribed|non[_-]?subscribed|cleaned)[^/]*\.csv$", re.IGNORECASE
)
_MAILCHIMP_ORDER = {"subscribed": 0, "unsubscribed": 1, "non-subscribed": 2, "cleaned": 3}
_LINKEDIN_FILE = re.compile(r"(?:^|/)connections\.csv$", re.IGNORECASE)
_SEP_LINE = re.compile(r"\ufeff?sep=(.)\s*")

VCARD_HEADERS = (
    "First Name", "Last Name", "Full Name", "Email", "Phone", "Company", "Job Title", "City",
    "Region", "Country", "Birthday", "LinkedIn", "Notes", "Categories",
)  # fmt: skip


T_CHANGED = QT_TRANSLATE_NOOP(
    "Messages",
    "{0} changed while it was read (cut short or still being written): nothing was imported; "
    "import it again once it is complete",
)


class ImportFormatError(AmicaleError):
    """The whole file cannot be imported (unreadable, unknown format, unsafe, ambiguous)."""


@dataclass(frozen=True)
class _CsvPart:
    """One CSV stream: the file itself, or one CSV inside a ZIP."""

    member: str | None
    encoding: str
    delimiter: str
    skip: int  # parser records before the data: preamble, blank lines, the header
    headers: tuple[str, ...]
    consent: str | None = None
    estimate: int | None = None


@dataclass
class ImportSource:
    """An opened file: what it is, its columns, and its rows on demand (never all in memory)."""

    path: Path
    preset: str
    headers: list[str]
    encoding: str | None
    delimiter: str | None
    sha256: str
    size: int
    mtime_ns: int = 0  # with size: how the file was when it was opened
    _kind: str = field(default="csv", repr=False)
    _parts: tuple[_CsvPart, ...] = field(default=(), repr=False)
    _sheet: str | None = field(default=None, repr=False)
    _header_row: int = field(default=0, repr=False)
    _count: int | None = field(default=None, repr=False)

    def rows(self) -> Iterator[SourceRow | RowError]:
        """Rows and unreadable rows in file order; each call reads the file again."""
        if self._kind == "xlsx":
            return _xlsx_rows(self)
        if self._kind == "vcard":
            return _vcard_rows(self.path)
        if len(self._parts) == 1:
            return _csv_part_rows(self.path, self._parts[0], self.headers)
        return self._csv_rows()

    def preview(self, n: int = 20) -> list[SourceRow | RowError]:
        rows = self.rows()
        try:
            return list(islice(rows, n))
        finally:
            close = getattr(rows, "close", None)
            if close is not None:
                close()

    def count_hint(self) -> int | None:
        """The number of rows when cheaply known (an XLSX sheet's declared size), else None."""
        return self._count if self._kind == "xlsx" else None

    def estimated_rows(self) -> int | None:
        """A row count for progress bars: exact for small files, extrapolated for big CSV."""
        if self._kind == "xlsx":
            return self._count
        estimates = [p.estimate for p in self._parts]
        if not estimates or None in estimates:
            return None
        return sum(e for e in estimates if e is not None)

    def check_unchanged(self) -> None:
        """Raise ImportFormatError when the file is no longer as it was opened (cut short,
        rewritten or still being copied while it was read): its rows cannot be trusted."""
        try:
            info = os.stat(self.path)
            now = (info.st_size, info.st_mtime_ns)
        except OSError:
            now = (-1, -1)
        if now != (self.size, self.mtime_ns):
            raise ImportFormatError(Message(T_CHANGED, self.path.name))

    def _csv_rows(self) -> Iterator[Item]:
        for part in self._parts:
            yield from _csv_part_rows(self.path, part, self.headers)


# --- opening --------------------------------------------------------------------------------


def open_source(path: Path, preset: str = "auto") -> ImportSource:
    """Recognise and open ``path``; raise ImportFormatError when it cannot be imported."""
    if preset not in PRESETS:
        raise ImportFormatError(
            Message("unknown preset {0} (known: {1})", preset, ", ".join(PRESETS))
        )
    path = Path(path)
    try:
        before = files.check_input(path, path.name)  # a FIFO or /dev/zero would be read forever
    except AmicaleError as exc:
        raise ImportFormatError(exc.args[0]) from None
    try:
        digest, size, head, bad_chunk = _scan(path)
    except OSError as exc:
        raise ImportFormatError(
            Message("cannot read {0}: {1}", path.name, exc.strerror or exc)
        ) from exc
    if size != before.st_size:
        raise ImportFormatError(Message(T_CHANGED, path.name))
    if size == 0:
        raise ImportFormatError(Message("{0} is empty", path.name))
    _refuse_known_binaries(path, head)
    base: dict[str, Any] = {
        "path": path,
        "sha256": digest,
        "size": size,
        "mtime_ns": before.st_mtime_ns,
    }
    if head.startswith(b"PK\x03\x04"):
        return _open_zip(path, size, preset, base)
    if preset == "xlsx":
        raise ImportFormatError(Message("{0} is not an Excel (.xlsx) workbook", path.name))
    suffix = path.suffix.lower()
    looks_vcard = _starts_with_vcard(head)
    if preset == "vcard" or (preset == "auto" and (suffix in (".vcf", ".vcard") or looks_vcard)):
        if not looks_vcard and b"BEGIN:VCARD" not in head.upper():
            raise ImportFormatError(Message("{0} holds no vCard (no BEGIN:VCARD)", path.name))
        return ImportSource(
            preset="vcard", headers=list(VCARD_HEADERS), encoding=None, delimiter=None,
            _kind="vcard", **base,
        )  # fmt: skip
    encoding = _detect_encoding(head, bad_chunk, path.name)
    _refuse_lying_encoding(path.name, encoding, size, bad_chunk)
    part, flavour = _csv_part(head, size, encoding, None, suffix, full=size <= len(head))
    chosen = flavour if preset == "auto" else preset
    if chosen == "mailchimp" and part.consent is None:
        # A lone audience CSV says its list in its name (unsubscribed_…, cleaned_…); without
        # one it is the usual export of the subscribed, as Amicale's own Mailchimp export is.
        stem = path.name.lower()
        listed = next(
            (k for k in ("unsubscribed", "cleaned", "subscribed") if stem.startswith(k)),
            "subscribed",
        )
        part = dataclasses.replace(part, consent=_consent_of(listed))
    return ImportSource(
        preset=chosen, headers=list(part.headers), encoding=part.encoding,
        delimiter=part.delimiter, _parts=(part,), **base,
    )  # fmt: skip


def _scan(path: Path) -> tuple[str, int, bytes, bytes | None]:
    """One pass over the file: its hash, size, first bytes, and the first non-UTF-8 chunk."""
    digest = hashlib.sha256()
    decoder = codecs.getincrementaldecoder("utf-8")()
    size = 0
    head = b""
    bad: bytes | None = None
    with path.open("rb") as f:
        while chunk := f.read(_CHUNK):
            if not size:
                head = chunk[:_HEAD]
            size += len(chunk)
            digest.update(chunk)
            if bad is None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    bad = chunk
    if bad is None:
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            bad = head
    return digest.hexdigest(), size, head, bad


_BINARY_MAGIC = (
    (b"\xd0\xcf\x11\xe0", "{0} is an old Excel (.xls) or Word file: save it as .xlsx or CSV"),
    (b"%PDF", "{0} is a PDF, not a member list"),
    (b"\x89PNG", "{0} is an image, not a member list"),
    (b"\xff\xd8\xff", "{0} is an image, not a member list"),
    (b"GIF8", "{0} is an image, not a member list"),
)


def _refuse_known_binaries(path: Path, head: bytes) -> None:
    for magic, template in _BINARY_MAGIC:
        if head.startswith(magic):
            raise ImportFormatError(Message(template, path.name))


def _starts_with_vcard(head: bytes) -> bool:
    start = head[:4096]
    for bom in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        if start.startswith(bom):
            start = start.decode("utf-16", errors="replace").encode("utf-8")
            break
    return start.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCARD")


# --- encodings ------------------------------------------------------------------------------

_FRENCH_LOWER = frozenset("àâäçéèêëîïôöùûüÿœæ")
_FRENCH_OTHER = frozenset("ÀÂÄÇÉÈÊËÎÏÔÖÙÛÜŸŒÆ«»€’‘“”–—…°")
_LEGACY = ("cp1252", "mac_roman", "cp850")
# Deleting these from a sample leaves its control bytes, which text files barely have.
_TEXT_BYTES = bytes([9, 10, 13, *range(32, 127), *range(128, 256)])


def _detect_encoding(head: bytes, bad_chunk: bytes | None, name: str) -> str:
    """BOM, then strict UTF-8 (checked over the whole file), then the likeliest legacy one."""
    if head.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        return "utf-32"
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    sample = head[:8192]
    pairs = max(len(sample) // 2, 1)
    odd_nuls = sample[1::2].count(0) / pairs
    even_nuls = sample[0::2].count(0) / pairs
    if odd_nuls > 0.3 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.3 and odd_nuls < 0.05:
        return "utf-16-be"
    if len(sample.translate(None, _TEXT_BYTES)) > len(sample) // 20:
        raise ImportFormatError(Message("{0} is not a text file", name))
    if bad_chunk is None:
        return "utf-8"
    return _legacy_encoding(head + (b"" if bad_chunk is head else bad_chunk[:_HEAD]))


T_BOM_NOT_UTF8 = QT_TRANSLATE_NOOP(
    "Messages",
    "{0} starts with the UTF-8 mark but is not UTF-8 (accents would be lost): "
    "save it again as UTF-8, or as CSV without the mark",
)
T_HALF_CHARACTER = QT_TRANSLATE_NOOP(
    "Messages",
    "{0} is {1} but ends with half a character (cut short?): save or copy it again",
)


def _refuse_lying_encoding(name: str, encoding: str, size: int, bad_chunk: bytes | None) -> None:
    """A file whose encoding mark says one thing and whose bytes another is refused: read
    anyway, its accents would become U+FFFD and a stray byte a member named "�"."""
    if encoding == "utf-8-sig" and bad_chunk is not None:
        raise ImportFormatError(Message(T_BOM_NOT_UTF8, name))
    unit = 4 if encoding.startswith("utf-32") else 2 if encoding.startswith("utf-16") else 1
    if size % unit:
        raise ImportFormatError(Message(T_HALF_CHARACTER, name, encoding.upper()))


def _legacy_encoding(sample: bytes) -> str:
    """French Windows (cp1252), or Mac/DOS French when its accents read better; other scripts
    (Cyrillic, Greek, Asian) are left to charset-normalizer.

    charset-normalizer alone names cp1250 or even Big5 for short French text, so it is only
    asked when no French code page turns the accented bytes into French letters.
    """
    best, best_key = "cp1252", (0.0, 0.0)
    for encoding in _LEGACY:
        try:
            text = sample.decode(encoding)
        except UnicodeDecodeError:
            continue
        high = [c for c in text if c > "\x7f"]
        lower = sum(1 for c in high if c in _FRENCH_LOWER)
        other = sum(1 for c in high if c in _FRENCH_OTHER)
        key = ((lower + other) / max(len(high), 1), lower + other / 2)
        if key > best_key:
            best, best_key = encoding, key
    if best_key[0] >= 0.8:
        return best
    from charset_normalizer import from_bytes

    guess = from_bytes(sample).best()
    if guess is None or _mostly_latin(str(guess)):
        return "cp1252"  # Spanish, German…: the Windows code page of Western Europe
    return str(guess.encoding)


def _mostly_latin(text: str) -> bool:
    letters = [c for c in text if c > "\x7f" and c.isalpha()]
    latin = sum(1 for c in letters if c <= "\u024f")
    return latin >= 0.8 * len(letters)


# --- CSV ------------------------------------------------------------------------------------


class _Feed:
    """The lines under csv.reader, watched: NUL bytes, characters read, end of file."""

    __slots__ = ("chars", "eof", "nul_line", "source")

    def __init__(self, source: IO[str]) -> None:
        self.source = source
        self.chars = 0
        self.eof = False
        self.nul_line = 0

    def lines(self) -> Iterator[str]:
        for number, line in enumerate(self.source, 1):
            if "\x00" in line:
                self.nul_line = number
                line = line.replace("\x00", "")
            self.chars += len(line)
            yield line
        self.eof = True


def _csv_reason(exc: csv.Error) -> str:
    return Message("unreadable row: {0}", exc)


T_HUGE_FIELD = QT_TRANSLATE_NOOP(
    "Messages",
    "line {0}: a cell runs over {1} MB (a quote never closed?); the file was not imported",
)


def _records(text: IO[str], delimiter: str) -> Iterator[tuple[int, list[str] | RowError]]:
    """(first physical line, cells or the reason it is unreadable) for each parser record."""
    feed = _Feed(text)
    if csv.field_size_limit() < MAX_CSV_FIELD:
        csv.field_size_limit(MAX_CSV_FIELD)  # process-wide; never lowered
    reader = csv.reader(feed.lines(), delimiter=delimiter, strict=False)
    before = 0
    chars = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = before + 1
            if "field larger than field limit" in str(exc):
                raise ImportFormatError(
                    Message(T_HUGE_FIELD, line, MAX_CSV_FIELD // (1024 * 1024))
                ) from None
            before, chars = reader.line_num, feed.chars
            yield line, RowError(line, _csv_reason(exc))
            continue
        line = before + 1
        before = reader.line_num
        if feed.nul_line >= line:
            yield line, RowError(line, Message("NUL byte in the row"))
        elif feed.chars - chars > MAX_FIELD and any(len(c) > MAX_FIELD for c in row):
            yield line, RowError(line, Message("field over {0:,} characters", MAX_FIELD))
        elif feed.eof and row:
            # csv only reads past the end of the file to finish a quoted cell.
            yield line, RowError(line, Message("unclosed quote"))
        else:
            yield line, row
        chars = feed.chars


def _clean_headers(cells: list[str]) -> tuple[str, ...]:
    """Headers as written, trimmed; trailing empty ones dropped, inner ones named."""
    names = [c.replace("\ufeff", "").strip() for c in cells]
    while names and not names[-1]:
        names.pop()
    return tuple(name or f"Column {i}" for i, name in enumerate(names, 1))


def _refuse_duplicates(headers: tuple[str, ...], where: str) -> None:
    positions: dict[str, list[int]] = {}
    for i, name in enumerate(headers, 1):
        positions.setdefault(name, []).append(i)
    duplicates = [
        f"{name} (columns {', '.join(map(str, cols))})"
        for name, cols in positions.items()
        if len(cols) > 1
    ]
    if duplicates:
        raise ImportFormatError(
            Message("duplicate column names in {0}: {1}", where, "; ".join(duplicates))
        )


def _sniff_delimiter(lines: list[str], suffix: str) -> str:
    """The delimiter among , ; tab that splits the most rows into the same number of cells."""
    order = ("\t", ";", ",") if suffix in (".tsv", ".tab") else (";", ",", "\t")
    best, best_score = order[0] if suffix in (".tsv", ".tab") else ",", (0, 0)
    for delimiter in order:
        widths: Counter[int] = Counter()
        try:
            for row in csv.reader(lines, delimiter=delimiter, strict=False):
                if len(row) > 1:
                    widths[len(row)] += 1
        except csv.Error:
            continue
        if not widths:
            continue
        width, count = widths.most_common(1)[0]
        if (count, width) > best_score:
            best, best_score = delimiter, (count, width)
    return best


T_LYING_SEP = QT_TRANSLATE_NOOP(
    "Messages",
    "the first line of {0} says the separator is '{1}', but its rows are separated by '{2}': "
    "correct or remove the sep= line",
)


def _refuse_lying_separator(lines: list[str], declared: str, suffix: str, where: str) -> None:
    """Excel's ``sep=`` line names the separator; one that splits no row while another
    splits them all would turn each row into a single value (a whole row as an email)."""
    if any(declared in line for line in lines if line.strip()):
        return
    sniffed = _sniff_delimiter(lines, suffix)
    rows = [r for r in csv.reader(lines, delimiter=sniffed, strict=False) if any(r)]
    if sniffed != declared and rows and all(len(r) > 1 for r in rows):
        shown = "\\t" if sniffed == "\t" else sniffed
        raise ImportFormatError(Message(T_LYING_SEP, where, declared, shown))


def _header_index(rows: list[tuple[int, list[str]]]) -> int:
    """Which of the first rows is the header: the first naming two known fields, else the
    first row (LinkedIn puts a "Notes:" preamble above its header)."""
    for index, (_, cells) in enumerate(rows):
        mapped = guess_mapping(list(_clean_headers(cells)), "csv")
        if sum(1 for f in mapped.values() if f is not None) >= 2:
            return index
    return 0


def _csv_part(
    head: bytes,
    size: int,
    encoding: str,
    member: str | None,
    suffix: str,
    full: bool,
    consent: str | None = None,
) -> tuple[_CsvPart, str]:
    """Delimiter, header row and flavour (csv, linkedin, mailchimp) from the first bytes."""
    if encoding.startswith(("utf-16", "utf-32")):
        unit = 4 if encoding.startswith("utf-32") else 2
        head = head[: len(head) - len(head) % unit]
    text = head.decode(encoding, errors="replace")
    if not full:
        text = text[: max(text.rfind("\n"), text.rfind("\r")) + 1]  # the last line may be cut
    lines = text.replace("\x00", "").splitlines(keepends=True)
    where = member or "the file"
    delimiter = ""
    first = 0
    if lines and (m := _SEP_LINE.fullmatch(lines[0])):  # Excel's "sep=;" first line
        delimiter, first = m[1], 1
        _refuse_lying_separator(lines[1:200], delimiter, suffix, where)
    delimiter = delimiter or _sniff_delimiter(lines[:200], suffix)
    candidates: list[tuple[int, list[str]]] = []  # (record index, cells)
    data_records = 0
    records = list(_records(io.StringIO(text, newline=""), delimiter))
    for index, (_, row) in enumerate(records[first:], first):
        if len(candidates) < HEADER_SCAN and isinstance(row, list) and any(map(str.strip, row)):
            candidates.append((index, row))
    if not candidates:
        raise ImportFormatError(Message("{0} has no header row", where))
    chosen = _header_index(candidates)
    skip, header_cells = candidates[chosen][0] + 1, candidates[chosen][1]
    headers = _clean_headers(header_cells)
    _refuse_duplicates(headers, where)
    for _, row in records[skip:]:
        if not isinstance(row, list) or any(row):
            data_records += 1
    estimate: int | None = data_records
    if not full and text:
        estimate = round(data_records * size / max(len(text.encode(encoding, "replace")), 1))
    part = _CsvPart(member, encoding, delimiter, skip, headers, consent, estimate)
    folded = {fold_header(h) for h in headers}
    preamble = chosen > 0
    flavour = "csv"
    if {"first name", "last name", "url"} <= folded and (preamble or "connected on" in folded):
        flavour = "linkedin"
    elif "email address" in folded and folded & {
        "member rating", "optin time", "leid", "euid", "tags", "confirm time", "last changed",
    }:  # fmt: skip
        flavour = "mailchimp"
    return part, flavour


@contextmanager
def _open_text(path: Path, part: _CsvPart) -> Iterator[IO[str]]:
    if part.member is None:
        with path.open(encoding=part.encoding, errors="replace", newline="") as text:
            yield text
    else:
        with (
            zipfile.ZipFile(path) as archive,
            archive.open(part.member) as raw,
            io.TextIOWrapper(raw, encoding=part.encoding, errors="replace", newline="") as text,
        ):
            yield text


def _csv_part_rows(path: Path, part: _CsvPart, union: list[str]) -> Iterator[Item]:
    headers = part.headers
    width = len(headers)
    missing = [h for h in union if h not in headers]
    constant: dict[str, str] = dict.fromkeys(missing, "")
    if part.consent is not None:
        constant["__consent"] = part.consent
    if part.member is not None:
        constant["__file"] = part.member.rsplit("/", 1)[-1]
    with _open_text(path, part) as text:
        records = _records(text, part.delimiter)
        for _ in islice(records, part.skip):
            pass
        for line, row in records:
            if isinstance(row, RowError):
                if part.member is not None:
                    row = RowError(line, Message("{0} in {1}", row.reason, constant["__file"]))
                yield row
                continue
            if len(row) == width:  # the common case, kept short
                if not any(row):
                    continue
                values = dict(zip(headers, row, strict=False))
            else:
                if not any(row):
                    continue
                values = dict(zip(headers, row, strict=False))
                if len(row) < width:
                    for name in headers[len(row) :]:
                        values[name] = ""
                else:
                    extra = sum(1 for c in row[width:] if c.strip())
                    if extra:
                        values["__extra"] = str(extra)
            if constant:
                values.update(constant)
            yield SourceRow(line, values)


# --- ZIP: XLSX, Mailchimp export, LinkedIn archive ------------------------------------------


def _check_zip(archive: zipfile.ZipFile, size: int, name: str) -> None:
    """Refuse archives whose declared sizes announce a bomb (checked before any parsing)."""
    infos = archive.infolist()
    declared = sum(info.file_size for info in infos)
    if declared > XLSX_MAX_RATIO * size and declared > XLSX_MIN_BOMB:
        raise ImportFormatError(
            Message(
                "{0} refused: it would unpack to {1:,} MB from {2:,} KB (a zip bomb?)",
                name,
                declared // (1024 * 1024),
                max(size // 1024, 1),
            )
        )
    text = sum(i.file_size for i in infos if i.filename.lower().endswith("sharedstrings.xml"))
    if text > XLSX_MAX_TEXT:
        raise ImportFormatError(
            Message("{0} refused: over {1:,} MB of text", name, XLSX_MAX_TEXT // (1024 * 1024))
        )


def _open_zip(path: Path, size: int, preset: str, base: dict[str, Any]) -> ImportSource:
    try:
        with zipfile.ZipFile(path) as archive:
            _check_zip(archive, size, path.name)
            names = [i.filename for i in archive.infolist() if not i.is_dir()]
            if "xl/workbook.xml" in names:
                if preset not in ("auto", "xlsx"):
                    raise ImportFormatError(
                        Message("{0} is an Excel workbook: choose the XLSX format", path.name)
                    )
                return _open_xlsx(path, base)
            if preset == "xlsx":
                raise ImportFormatError(Message("{0} is not an Excel (.xlsx) workbook", path.name))
            if "mimetype" in names and "content.xml" in names:
                raise ImportFormatError(
                    Message("{0} is an OpenDocument file: save it as .xlsx or CSV", path.name)
                )
            mailchimp = sorted(
                (
                    (_MAILCHIMP_ORDER[_consent_of(m[1])], n, _consent_of(m[1]))
                    for n in names
                    if (m := _MAILCHIMP_FILES.search(n))
                ),
            )
            linkedin = [n for n in names if _LINKEDIN_FILE.search(n)]
            if mailchimp and preset in ("auto", "mailchimp", "csv"):
                members = [(n, c) for _, n, c in mailchimp]
                chosen = "mailchimp"
            elif linkedin and preset in ("auto", "linkedin", "csv"):
                members, chosen = [(linkedin[0], "")], "linkedin"
            else:
                raise ImportFormatError(
                    Message("{0} holds neither a Mailchimp nor a LinkedIn export", path.name)
                )
            parts = [_zip_part(archive, name, consent or None) for name, consent in members]
    except zipfile.BadZipFile as exc:
        raise ImportFormatError(Message("{0} is a damaged ZIP file", path.name)) from exc
    union: list[str] = []
    for part in parts:
        union.extend(h for h in part.headers if h not in union)
    return ImportSource(
        preset=chosen, headers=union, encoding=parts[0].encoding,
        delimiter=parts[0].delimiter, _parts=tuple(parts), **base,
    )  # fmt: skip


def _consent_of(name: str) -> str:
    key = name.lower().replace("_", "-")
    return "non-subscribed" if key.startswith("non") else key


def _zip_part(archive: zipfile.ZipFile, name: str, consent: str | None) -> _CsvPart:
    info = archive.getinfo(name)
    decoder = codecs.getincrementaldecoder("utf-8")()
    head = b""
    bad: bytes | None = None
    with archive.open(name) as raw:
        while chunk := raw.read(_CHUNK):
            if not head:
                head = chunk[:_HEAD]
            if bad is None:
                try:
                    decoder.decode(chunk)
                except UnicodeDecodeError:
                    bad = chunk
                    break
    if not head:
        raise ImportFormatError(Message("{0} is empty", name))
    encoding = _detect_encoding(head, bad, name)
    suffix = Path(name).suffix.lower()
    part, _ = _csv_part(
        head, info.file_size, encoding, name, suffix, info.file_size <= _HEAD, consent
    )
    return part


# --- XLSX -----------------------------------------------------------------------------------


def _xlsx_errors() -> tuple[type[BaseException], ...]:
    from openpyxl.utils.exceptions import InvalidFileException

    return (
        zipfile.BadZipFile, KeyError, ValueError, TypeError, IndexError, OSError, EOFError,
        zlib.error, ParseError, InvalidFileException,
    )  # fmt: skip


def _xlsx_failure(name: str, exc: BaseException) -> ImportFormatError:
    """One line for the user; entity tricks (caught by defusedxml) named as such."""
    cause: BaseException | None = exc
    while cause is not None:
        if type(cause).__module__.startswith("defusedxml"):
            return ImportFormatError(
                Message("{0} refused: its XML declares entities (an attack?)", name)
            )
        cause = cause.__cause__ or cause.__context__
    detail = (str(exc).strip().splitlines() or [type(exc).__name__])[0][:200]
    return ImportFormatError(Message("unreadable Excel file {0}: {1}", name, detail))


def _load_workbook(path: Path) -> Any:
    import openpyxl

    if not openpyxl.DEFUSEDXML:  # entity tricks must be refused by the XML parser
        raise ImportFormatError(Message("reading .xlsx files needs the defusedxml package"))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # openpyxl warns about styles it skips
            return openpyxl.load_workbook(path, read_only=True, data_only=True, keep_links=False)
    except _xlsx_errors() as exc:
        raise _xlsx_failure(path.name, exc) from exc


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e16 else repr(value)
    if isinstance(value, datetime):
        if value.time() == time(0):
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date | time):
        return value.isoformat()
    return str(value)


def _open_xlsx(path: Path, base: dict[str, Any]) -> ImportSource:
    workbook = _load_workbook(path)
    try:
        sheets = list(workbook.worksheets)
        if not sheets:
            raise ImportFormatError(Message("{0} has no worksheet", path.name))
        for sheet in sheets:
            if (sheet.max_row or 0) > XLSX_MAX_ROWS:
                raise ImportFormatError(
                    Message(
                        "{0} refused: sheet {1} declares over {2:,} rows",
                        path.name,
                        sheet.title,
                        XLSX_MAX_ROWS,
                    )
                )
        # The sheet with the most rows (the first on a tie): a cover sheet is skipped.
        index = max(range(len(sheets)), key=lambda i: (sheets[i].max_row or 0, -i))
        sheet = sheets[index]
        declared = sheet.max_row
        sheet.reset_dimensions()  # declared sizes can be wrong; read what is there
        candidates: list[tuple[int, list[str]]] = []
        try:
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
                cells = [_cell_text(v) for v in row]
                if any(c.strip() for c in cells):
                    candidates.append((number, cells))
                    if len(candidates) >= HEADER_SCAN:
                        break
        except _xlsx_errors() as exc:
            raise _xlsx_failure(path.name, exc) from exc
    finally:
        workbook.close()
    if not candidates:
        raise ImportFormatError(Message("{0}: sheet {1} is empty", path.name, sheet.title))
    header_row, cells = candidates[_header_index(candidates)]
    headers = _clean_headers(cells)
    _refuse_duplicates(headers, f"sheet {sheet.title}")
    count = max(declared - header_row, 0) if declared else None
    return ImportSource(
        preset="xlsx", headers=list(headers), encoding=None, delimiter=None, _kind="xlsx",
        _sheet=sheet.title, _header_row=header_row, _count=count, **base,
    )  # fmt: skip


def _xlsx_rows(source: ImportSource) -> Iterator[Item]:
    headers = tuple(source.headers)
    width = len(headers)
    workbook = _load_workbook(source.path)
    try:
        sheet = workbook[source._sheet]
        sheet.reset_dimensions()
        rows = enumerate(sheet.iter_rows(values_only=True), 1)
        for number, row in islice(rows, source._header_row, None):
            if number > XLSX_MAX_ROWS:
                raise ImportFormatError(
                    Message("{0} refused: over {1:,} rows", source.path.name, XLSX_MAX_ROWS)
                )
            cells = [_cell_text(v) for v in row]
            if not any(c.strip() for c in cells):
                continue
            if any(len(c) > MAX_FIELD for c in cells):
                yield RowError(number, Message("field over {0:,} characters", MAX_FIELD))
                continue
            values = dict(zip(headers, cells, strict=False))
            if len(cells) < width:
                for name in headers[len(cells) :]:
                    values[name] = ""
            elif extra := sum(1 for c in cells[width:] if c.strip()):
                values["__extra"] = str(extra)
            yield SourceRow(number, values)
    except _xlsx_errors() as exc:
        raise _xlsx_failure(source.path.name, exc) from exc
    finally:
        workbook.close()


# --- vCard ----------------------------------------------------------------------------------


class _BadCard(Exception):
    """A card that cannot be read; the message says why."""


def _vcard_lines(path: Path) -> Iterator[bytes]:
    """Physical lines as bytes without their end (UTF-16 files re-encoded to UTF-8)."""
    with path.open("rb") as f:
        start = f.read(4)
        f.seek(0)
        if start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            for line in io.TextIOWrapper(f, encoding="utf-16", errors="replace"):
                yield line.rstrip("\r\n").encode("utf-8")
            return
        if start.startswith(codecs.BOM_UTF8):
            f.seek(3)
        for raw in f:
            # Old Mac files end lines with CR alone.
            yield from raw.rstrip(b"\r\n").split(b"\r")


def _vcard_cards(path: Path) -> Iterator[tuple[int, list[bytes] | str]]:
    """(card number, its lines or why it is unreadable) for each BEGIN:VCARD."""
    number = 0
    card: list[bytes] | None = None
    for line in _vcard_lines(path):
        key = line.strip().upper()
        if key == b"BEGIN:VCARD":
            if card is not None:
                yield number, Message("unreadable vCard: no END:VCARD")
            number += 1
            card = []
        elif key == b"END:VCARD":
            if card is not None:
                yield number, card
            card = None
        elif card is not None:
            card.append(line)
    if card is not None:
        yield number, Message("unreadable vCard: no END:VCARD (file cut short?)")


def _vcard_rows(path: Path) -> Iterator[Item]:
    for number, card in _vcard_cards(path):
        if isinstance(card, str):
            yield RowError(number, card)
            continue
        try:
            values = _card_values(card)
        except (_BadCard, ValueError, UnicodeError, LookupError, BinasciiError) as exc:
            yield RowError(number, Message("unreadable vCard: {0}", exc))
            continue
        yield SourceRow(number, values)


def _is_qp_open(line: bytes) -> bool:
    """A quoted-printable value whose line ends with a soft break ('=')."""
    if not line.endswith(b"="):
        return False
    colon = line.find(b":")
    return colon > 0 and b"QUOTED-PRINTABLE" in line[:colon].upper()


def _unfold(lines: list[bytes]) -> list[bytes]:
    """RFC 6350 unfolding (vCard 2.1 keeps the folding blank) and QP soft line breaks.

    Linear: each logical line is a list of pieces joined once (appending to bytes would copy
    the whole line for every folded one: a million folded lines took 23 s).
    """
    version21 = any(line.upper().startswith(b"VERSION:2") for line in lines)
    logical: list[list[bytes]] = []
    qp = False  # the current logical line's value is quoted-printable
    for line in lines:
        if logical and qp and logical[-1][-1].endswith(b"="):  # a soft line break
            pieces = logical[-1]
            pieces[-1] = pieces[-1][:-1]
            pieces.append(line)
        elif not line.strip():
            continue  # vCard 2.1 ends base64 values with a blank line
        elif logical and line[:1] in (b" ", b"\t"):
            logical[-1].append(line if version21 else line[1:])
        else:
            logical.append([line])
            qp = _is_qp_open(line + b"=")  # its parameters say QUOTED-PRINTABLE
    return [b"".join(pieces) for pieces in logical]


def _split_unquoted(data: bytes, separator: int) -> list[bytes]:
    if b'"' not in data:
        return data.split(bytes([separator]))
    parts: list[bytes] = []
    start = 0
    quoted = False
    for i, byte in enumerate(data):
        if byte == 0x22:
            quoted = not quoted
        elif byte == separator and not quoted:
            parts.append(data[start:i])
            start = i + 1
    parts.append(data[start:])
    return parts


def _colon(line: bytes) -> int:
    """Where the value starts: the first ':' outside quoted parameter values."""
    colon = line.find(b":")
    if colon < 0 or b'"' not in line[:colon]:
        return colon
    quoted = False
    for i, byte in enumerate(line):
        if byte == 0x22:
            quoted = not quoted
        elif byte == 0x3A and not quoted:
            return i
    return -1


_TAG_SPECIALS = re.compile(r'[,;|"\r\n]')
_ENCODINGS = {"QUOTED-PRINTABLE", "QP", "BASE64", "B", "8BIT", "7BIT"}
_WANTED = {
    "N", "FN", "EMAIL", "TEL", "ORG", "TITLE", "ADR", "BDAY", "URL", "NOTE", "CATEGORIES",
    "X-SOCIALPROFILE",
}  # fmt: skip


def _params(parts: list[bytes]) -> dict[str, list[str]]:
    params: dict[str, list[str]] = {}
    for part in parts:
        text = part.decode("latin-1").strip()
        key, eq, value = text.partition("=")
        if not eq:  # vCard 2.1: TEL;CELL;PREF, NOTE;QUOTED-PRINTABLE
            key, value = ("ENCODING" if text.upper() in _ENCODINGS else "TYPE"), text
        values = [v.strip().strip('"').upper() for v in value.strip('"').split(",")]
        params.setdefault(key.strip().upper(), []).extend(v for v in values if v)
    return params


def _decode(raw: bytes, charset: str | None) -> str:
    if charset:
        try:
            return raw.decode(charset)
        except (LookupError, UnicodeDecodeError):
            pass
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _split_escaped(text: str, separator: str) -> list[str]:
    """Components of a structured value (N, ADR, ORG, CATEGORIES), unescaped."""
    parts: list[str] = []
    buf: list[str] = []
    i = 0
    while i < len(text):
        char = text[i]
        if char == "\\" and i + 1 < len(text):
            nxt = text[i + 1]
            buf.append("\n" if nxt in "nN" else nxt)
            i += 2
            continue
        if char == separator:
            parts.append("".join(buf))
            buf = []
        else:
            buf.append(char)
        i += 1
    parts.append("".join(buf))
    return [p.strip() for p in parts]


def _unescape(text: str) -> str:
    return _split_escaped(text, "\x00")[0] if "\\" in text else text.strip()


def _card_values(lines: list[bytes]) -> dict[str, str]:
    values = dict.fromkeys(VCARD_HEADERS, "")
    phones: list[tuple[str, bool]] = []
    notes: list[str] = []
    categories: list[str] = []
    address_done = False
    for line in _unfold(lines):
        colon = _colon(line)
        if colon <= 0:
            raise _BadCard(f"line without ':' ({line[:40].decode('latin-1')!r})")
        head = _split_unquoted(line[:colon], 0x3B)
        name = head[0].strip().upper().rsplit(b".", 1)[-1].decode("latin-1")
        if name not in _WANTED:
            continue
        params = _params(head[1:])
        encoding = (params.get("ENCODING") or [""])[0]
        if encoding in ("B", "BASE64"):
            continue
        raw = line[colon + 1 :]
        if encoding in ("QUOTED-PRINTABLE", "QP"):
            raw = a2b_qp(raw)
        charset = params.get("CHARSET")
        text = _decode(raw, charset[0] if charset else None)
        types = set(params.get("TYPE", []))
        if name == "N":
            parts = [*_split_escaped(text, ";"), "", ""]
            values["Last Name"] = values["Last Name"] or parts[0]
            values["First Name"] = values["First Name"] or parts[1]
        elif name == "FN":
            values["Full Name"] = values["Full Name"] or _unescape(text)
        elif name == "EMAIL":
            email = _unescape(text)
            if email.lower().startswith("mailto:"):
                email = email[7:]
            values["Email"] = values["Email"] or email
        elif name == "TEL":
            number = _unescape(text)
            if number.lower().startswith("tel:"):
                number = number[4:]
            if number:
                phones.append((number, "CELL" in types))
        elif name == "ORG":
            values["Company"] = values["Company"] or _split_escaped(text, ";")[0]
        elif name == "TITLE":
            values["Job Title"] = values["Job Title"] or _unescape(text)
        elif name == "ADR" and not address_done:
            parts = [*_split_escaped(text, ";"), *[""] * 7]
            values["City"], values["Region"], values["Country"] = parts[3], parts[4], parts[6]
            address_done = any(parts[:7])
        elif name == "BDAY":
            values["Birthday"] = _birthday(_unescape(text), params)
        elif name in ("URL", "X-SOCIALPROFILE"):
            url = _unescape(text)
            if "linkedin." in url.lower() and not values["LinkedIn"]:
                values["LinkedIn"] = url
        elif name == "NOTE":
            notes.append(_unescape(text))
        elif name == "CATEGORIES":
            categories.extend(c for c in _split_escaped(text, ",") if c)
    if phones:
        values["Phone"] = next((n for n, cell in phones if cell), phones[0][0])
    values["Notes"] = "\n".join(n for n in notes if n)
    # Quoted when needed, so that split_tags keeps "Chimie, pharmacie" in one piece.
    values["Categories"] = ",".join(
        '"' + c.replace('"', "") + '"' if _TAG_SPECIALS.search(c) else c for c in categories
    )
    return values


def _birthday(text: str, params: dict[str, list[str]]) -> str:
    """Apple Contacts writes a birthday without a year as 1604-MM-DD (X-APPLE-OMIT-YEAR)."""
    omit = params.get("X-APPLE-OMIT-YEAR")
    digits = re.sub(r"\D", "", text)
    if omit and len(digits) >= 8 and digits.startswith(omit[0]):
        return f"--{digits[4:6]}-{digits[6:8]}"
    return text
