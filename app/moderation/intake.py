"""Items into the queue: CSV or JSON files, pasted lines, the quick-add form.

Files (DESIGN.md §4): columns ``kind`` (join/post), ``name``, ``email``, ``profile_url``,
``school``, ``promo``, ``community``, ``text``, ``received_at`` (ISO 8601), in English or
French, any order, any case (``type``, ``nom``, ``courriel``, ``profil``, ``école``,
``promo``, ``communauté``, ``texte``, ``reçu_le``…). JSON: a list of objects with those keys,
or ``{"items": [...]}``. A community named for the first time is created.

All or nothing: a file with a bad row is refused whole, every bad row reported with its
line (CSV) or item number (JSON), and nothing is written. Duplicates are merged: the same
person asking to join the same community, or the same text from the same author in the same
community, is one item (the earliest date kept, empty fields filled), within the file and
against the open queue; importing the same file twice creates nothing the second time.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from app import audit, files
from app.clock import now_iso
from app.errors import AmicaleError
from app.messages import QT_TRANSLATE_NOOP, Message
from app.moderation import checks, matching
from app.moderation import queue as mod_queue
from app.moderation import settings as mod_settings
from app.store import Store
from app.store.schema import community, moderation_item
from app.text import fold

FIELDS = (
    "kind",
    "name",
    "email",
    "profile_url",
    "school",
    "promo",
    "community",
    "text",
    "received_at",
)
# Folded header (spaces, dashes and dots as "_") → field.
HEADERS = {
    **{f: f for f in FIELDS},
    "type": "kind", "genre": "kind", "nature": "kind",
    "nom": "name", "nom_complet": "name", "full_name": "name", "auteur": "name",
    "author": "name", "prenom_nom": "name",
    "e_mail": "email", "courriel": "email", "mail": "email", "adresse_email": "email",
    "adresse_e_mail": "email", "adresse_courriel": "email",
    "profile": "profile_url", "profil": "profile_url", "url_profil": "profile_url",
    "url_du_profil": "profile_url", "lien_profil": "profile_url", "linkedin": "profile_url",
    "profile_link": "profile_url",
    "ecole": "school", "formation": "school",
    "class_year": "promo", "promotion": "promo", "annee": "promo", "year": "promo",
    "annee_de_diplome": "promo", "graduation_year": "promo", "class": "promo",
    "communaute": "community", "groupe": "community", "group": "community",
    "texte": "text", "message": "text", "contenu": "text", "content": "text",
    "reponses": "text", "answers": "text",
    "recu_le": "received_at", "date": "received_at", "received": "received_at",
    "date_de_reception": "received_at", "recu": "received_at", "date_reception": "received_at",
}  # fmt: skip
KINDS = {
    "join": "join", "post": "post", "comment": "comment",
    "adhesion": "join", "demande": "join", "demande_d_adhesion": "join", "request": "join",
    "publication": "post", "message": "post", "commentaire": "comment",
}  # fmt: skip
NETWORK_WORDS = (
    ("linkedin", "linkedin"), ("facebook", "facebook"), ("viadeo", "viadeo"),
    ("mastodon", "mastodon"), ("liste", "mailing-list"), ("list", "mailing-list"),
    ("site", "website"), ("@", "x"),
)  # fmt: skip
MAX_ERRORS = 50
_HEADER_SEP = re.compile(r"[\s\-.'’/]+")
_YEAR = re.compile(r"(?<!\d)(19\d\d|20\d\d)(?!\d)")
_EMAIL = re.compile(r"[^@\s<>()\[\],;]+@[^@\s<>()\[\],;]+\.[a-z]{2,}", re.IGNORECASE)
_URL = re.compile(r"^(?:https?://|www\.)\S+$|^(?:[a-z]{2,3}\.)?linkedin\.com/\S+$", re.IGNORECASE)
_PROMO = re.compile(
    r"^(?:promo(?:tion)?|class(?:\s+of)?|p|diplom[ée]e?\s+en|annee)?\s*'?(19\d\d|20\d\d)$",
    re.IGNORECASE,
)
_PASTE_SEP = re.compile(r"\s+[—–-]\s+|\s*[|\t;]\s*|\s+[—–]|[—–]\s+")

T_BAD_KIND = QT_TRANSLATE_NOOP("Messages", "kind must be join or post, not {0!r}")
T_NO_KIND = QT_TRANSLATE_NOOP("Messages", "kind is missing (join or post)")
T_NO_NAME = QT_TRANSLATE_NOOP("Messages", "neither a name nor an email")
T_NO_TEXT = QT_TRANSLATE_NOOP("Messages", "a post needs its text")
T_BAD_PROMO = QT_TRANSLATE_NOOP("Messages", "class year {0!r} is not a year")
T_BAD_DATE = QT_TRANSLATE_NOOP("Messages", "received_at {0!r} is not an ISO 8601 date")
T_BAD_EMAIL = QT_TRANSLATE_NOOP("Messages", "email {0!r} is not an address")
T_NO_COLUMNS = QT_TRANSLATE_NOOP(
    "Messages", "no known column (kind, name, email, community, text…) in {0}"
)
T_BAD_FILE = QT_TRANSLATE_NOOP("Messages", "{0} cannot be read: {1}")


@dataclass(slots=True)
class NewItem:
    kind: str
    name: str = ""
    email: str | None = None
    profile_url: str | None = None
    school: str | None = None
    promo: int | None = None
    community: str | None = None
    text: str = ""
    received_at: str | None = None  # ISO 8601 UTC; None: now


@dataclass(frozen=True, slots=True)
class Problem:
    line: int
    reason: Message

    def __str__(self) -> str:
        return f"line {self.line}: {self.reason}"


class IntakeError(AmicaleError):
    """The file has bad rows (all listed) or cannot be read; nothing was written."""

    def __init__(self, message: str, problems: Sequence[Problem] = ()) -> None:
        self.problems = list(problems)
        if self.problems:
            shown = "; ".join(str(p) for p in self.problems[:5])
            more = len(self.problems) - 5
            message = f"{message}: {shown}" + (f"; … {more} more" if more > 0 else "")
        super().__init__(message)


@dataclass(slots=True)
class IntakeReport:
    added: int = 0
    merged: int = 0
    communities_created: list[str] = field(default_factory=list)
    item_ids: list[int] = field(default_factory=list)
    automatic: list[mod_queue.Decision] = field(default_factory=list)

    def summary_line(self) -> str:
        automatic = len(self.automatic)
        return f"added: {self.added}, merged: {self.merged}, automatic decisions: {automatic}"


# --- reading files ---------------------------------------------------------------------------


def _header_key(header: str) -> str:
    return _HEADER_SEP.sub("_", fold(header).strip()).strip("_")


def _decode(data: bytes) -> str:
    if data.startswith(codecs.BOM_UTF8):
        return data[3:].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace")  # French Excel


def read_file(path: Path) -> list[NewItem]:
    """The items of a CSV or JSON file; IntakeError listing every bad row."""
    try:
        files.check_input(Path(path))
    except AmicaleError as exc:
        raise IntakeError(exc.args[0]) from None
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise IntakeError(Message(T_BAD_FILE, str(path), exc.strerror)) from exc
    text = _decode(data)
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith(("[", "{")):
        rows = _json_rows(text, path)
    else:
        rows = _csv_rows(text, path)
    return parse_rows(rows, str(path))


def _json_rows(text: str, path: Path) -> list[tuple[int, dict[str, Any]]]:
    try:
        data = json.loads(text)
    except ValueError as exc:
        raise IntakeError(Message(T_BAD_FILE, str(path), str(exc))) from exc
    except RecursionError:
        raise IntakeError(Message(T_BAD_FILE, str(path), "nested too deeply")) from None
    if isinstance(data, dict) and isinstance(data.get("items"), list):
        data = data["items"]  # {"items": [...]}, as some forms export it
    if not isinstance(data, list):
        # An object alone is not a list of requests: saying "added: 0" would hide it.
        raise IntakeError(
            Message(T_BAD_FILE, str(path), 'expected a list of objects (or {"items": [...]})')
        )
    rows = []
    for number, entry in enumerate(data, start=1):
        if not isinstance(entry, dict):
            entry = {}
        rows.append((number, {str(k): "" if v is None else str(v) for k, v in entry.items()}))
    return rows


def _csv_rows(text: str, path: Path) -> list[tuple[int, dict[str, Any]]]:
    sample = text[:65536]
    first = sample.splitlines()[0] if sample.strip() else ""
    delimiter = max((",", ";", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        header = next(reader, None)
        if header is None:
            return []
        rows = []
        line = reader.line_num
        for cells in reader:
            start, line = line + 1, reader.line_num
            if not any(c.strip() for c in cells):
                continue
            rows.append((start, dict(zip(header, cells, strict=False))))
    except csv.Error as exc:
        raise IntakeError(Message(T_BAD_FILE, str(path), str(exc))) from exc
    return rows


def parse_rows(rows: Sequence[tuple[int, dict[str, Any]]], where: str = "") -> list[NewItem]:
    """Raw rows (line, header → text) as items; IntakeError listing every bad row."""
    if not rows:
        return []
    mapped_headers = {h: HEADERS.get(_header_key(h)) for r in rows[:1] for h in r[1]}
    if not any(mapped_headers.values()):
        raise IntakeError(Message(T_NO_COLUMNS, where or "the file"))
    items: list[NewItem] = []
    problems: list[Problem] = []
    for line, raw in rows:
        values: dict[str, str] = {}
        for header, value in raw.items():
            name = HEADERS.get(_header_key(header))
            if name and value is not None and str(value).strip() and name not in values:
                values[name] = str(value).strip()
        try:
            items.append(_item(values))
        except _Bad as bad:
            problems.append(Problem(line, bad.reason))
            if len(problems) >= MAX_ERRORS:
                break
    if problems:
        raise IntakeError(f"{len(problems)} bad row(s), nothing imported", problems)
    return items


class _Bad(Exception):
    def __init__(self, reason: Message) -> None:
        self.reason = reason


def _item(values: dict[str, str]) -> NewItem:
    raw_kind = values.get("kind", "")
    if not raw_kind:
        raise _Bad(Message(T_NO_KIND))
    kind = KINDS.get(_header_key(raw_kind))
    if kind is None:
        raise _Bad(Message(T_BAD_KIND, raw_kind))
    name, email = values.get("name", ""), values.get("email") or None
    if email and not _EMAIL.fullmatch(email):
        raise _Bad(Message(T_BAD_EMAIL, email))
    if not name and not email:
        raise _Bad(Message(T_NO_NAME))
    text = values.get("text", "")
    if kind != "join" and not text:
        raise _Bad(Message(T_NO_TEXT))
    promo = None
    if values.get("promo"):
        found = _YEAR.search(values["promo"])
        if found is None:
            raise _Bad(Message(T_BAD_PROMO, values["promo"]))
        promo = int(found.group(1))
    received = None
    if values.get("received_at"):
        received = parse_when(values["received_at"])
        if received is None:
            raise _Bad(Message(T_BAD_DATE, values["received_at"]))
    return NewItem(
        kind,
        name,
        email,
        values.get("profile_url"),
        values.get("school"),
        promo,
        values.get("community"),
        text,
        received,
    )


def parse_when(text: str) -> str | None:
    """ISO 8601 (date, or date and time; without an offset: UTC) as stored, or None."""
    try:
        moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00"))
    except ValueError:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


# --- pasted lines ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class PastedLine:
    line: int
    text: str
    item: NewItem | None
    problem: Message | None = None


def parse_paste(text: str, community: str | None = None, kind: str = "join") -> list[PastedLine]:
    """ "Name — promo 2005 — email" lines (any order; separators — – - | ; or tab) as items,
    for the preview; blank lines skipped, a line without name or email is a problem."""
    parsed: list[PastedLine] = []
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if not line:
            continue
        item = NewItem(kind, community=community)
        leftovers: list[str] = []
        for part in (p.strip() for p in _PASTE_SEP.split(line)):
            if not part:
                continue
            email = _EMAIL.search(part)
            if email and item.email is None and len(email.group(0)) >= len(part) - 2:
                item.email = email.group(0).strip("<>")
            elif _URL.match(part) and item.profile_url is None:
                item.profile_url = part
            elif (promo := _PROMO.match(fold(part))) and item.promo is None:
                item.promo = int(promo.group(1))
            elif not item.name:
                item.name = part
            else:
                leftovers.append(part)
        if leftovers:
            item.school = leftovers[0]
            if len(leftovers) > 1:
                item.text = " — ".join(leftovers[1:])
        if not item.name and not item.email:
            parsed.append(PastedLine(number, line, None, Message(T_NO_NAME)))
        else:
            parsed.append(PastedLine(number, line, item))
    return parsed


# --- writing ---------------------------------------------------------------------------------


def _person(email: str | None, name: str) -> str:
    return (
        ("e:" + email.strip().lower()) if email and email.strip() else "n:" + matching.compact(name)
    )


def _merge_key(
    kind: str, community_id: int | None, email: str | None, name: str, key: str
) -> tuple[Any, ...]:
    if kind == "join":
        return ("join", community_id, _person(email, name))
    return (kind, community_id, _person(email, name), key)


def guess_network(name: str) -> str:
    folded = fold(name)
    for word, network in NETWORK_WORDS:
        if word in folded:
            return network
    # Approval queues are a feature of LinkedIn and Facebook groups; LinkedIn is the usual one.
    return "linkedin"


def _community_ids(conn: sa.Connection, names: set[str], report: IntakeReport) -> dict[str, int]:
    ids: dict[str, int] = {}
    for name in sorted(names):
        key = fold(name).strip()
        found = conn.execute(sa.select(community.c.id).where(community.c.name_key == key)).scalar()
        if found is None:
            found = conn.execute(
                community.insert()
                .values(name=name.strip(), name_key=key, network=guess_network(name))
                .returning(community.c.id)
            ).scalar_one()
            report.communities_created.append(name.strip())
        ids[name] = int(found)
    return ids


def add_items(
    store: Store,
    items: Sequence[NewItem],
    source: str | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> IntakeReport:
    """Add items to the queue (one transaction), merging duplicates, checking each, then
    applying the rules the CM turned on."""
    report = IntakeReport()
    if not items:
        return report
    now = now_iso()
    with store.write() as conn:
        settings = mod_settings.read_all(conn)
        names = {i.community.strip() for i in items if i.community and i.community.strip()}
        community_ids = _community_ids(conn, names, report)
        # The open queue, and decided items (an import of the same file twice adds nothing).
        existing: dict[tuple[Any, ...], tuple[int, str, str]] = {}
        stmt = sa.select(
            moderation_item.c.id,
            moderation_item.c.kind,
            moderation_item.c.community_id,
            moderation_item.c.email,
            moderation_item.c.name,
            moderation_item.c.text_key,
            moderation_item.c.status,
            moderation_item.c.received_at,
        )
        for item_id, kind, community_id, email, name, key, status, received in conn.execute(stmt):
            merge_key = _merge_key(kind, community_id, email, name, key)
            if status in mod_queue.OPEN or merge_key not in existing:
                existing[merge_key] = (item_id, status, received)
        touched: list[int] = []
        for number, item in enumerate(items, start=1):
            community_id = (
                community_ids.get(item.community.strip())
                if item.community and item.community.strip()
                else None
            )
            key = checks.text_key(item.text)
            merge_key = _merge_key(item.kind, community_id, item.email, item.name, key)
            received = item.received_at or now
            found = existing.get(merge_key)
            if found is not None and (found[1] in mod_queue.OPEN or found[2] == received):
                if found[1] in mod_queue.OPEN:
                    _merge_into(conn, found[0], item, received)
                    touched.append(found[0])
                report.merged += 1
                continue
            result = conn.execute(
                moderation_item.insert().values(
                    kind=item.kind,
                    name=item.name.strip(),
                    email=(item.email or "").strip() or None,
                    profile_url=item.profile_url,
                    school=item.school,
                    promo=item.promo,
                    community_id=community_id,
                    text=item.text,
                    text_key=key,
                    received_at=received,
                    source=source,
                    created_at=now,
                )
            )
            pk = result.inserted_primary_key
            assert pk is not None
            item_id = int(pk[0])
            existing[merge_key] = (item_id, "pending", received)
            touched.append(item_id)
            report.item_ids.append(item_id)
            report.added += 1
            if progress is not None and number % 100 == 0:
                progress(number, len(items))
        # Check the new items, and the open ones that share a text with them (repeats).
        keys = sorted({checks.text_key(i.text) for i in items} - {""})
        related: set[int] = set(touched)
        for start in range(0, len(keys), 500):
            related.update(
                i
                for (i,) in conn.execute(
                    sa.select(moderation_item.c.id).where(
                        moderation_item.c.text_key.in_(keys[start : start + 500]),
                        moderation_item.c.status.in_(mod_queue.OPEN),
                    )
                )
            )
        mod_queue.reassess(conn, related, settings)
        report.automatic = mod_queue.apply_rules(conn, report.item_ids, settings)
        audit.record(
            conn,
            "moderation.import",
            "moderation_item",
            None,
            {"source": source, "added": report.added, "merged": report.merged},
        )
    if progress is not None:
        progress(len(items), len(items))
    return report


def _merge_into(conn: sa.Connection, item_id: int, item: NewItem, received: str) -> None:
    row = (
        conn.execute(sa.select(moderation_item).where(moderation_item.c.id == item_id))
        .mappings()
        .one()
    )
    filled: dict[str, Any] = {}
    for name in ("email", "profile_url", "school", "promo"):
        value = getattr(item, name)
        if value not in (None, "") and row[name] in (None, ""):
            filled[name] = value
    if item.text and not row["text"]:
        filled.update(text=item.text, text_key=checks.text_key(item.text))
    if received < row["received_at"]:
        filled["received_at"] = received
    if filled:
        conn.execute(
            moderation_item.update().where(moderation_item.c.id == item_id).values(**filled)
        )


def import_file(
    store: Store, path: Path, progress: Callable[[int, int], None] | None = None
) -> IntakeReport:
    """Read and add a CSV or JSON file (nothing written if a row is bad)."""
    items = read_file(Path(path))
    return add_items(store, items, source=Path(path).name, progress=progress)
