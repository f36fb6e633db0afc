"""Importing members: one file, one transaction, nobody created twice.

A row is the same person as a member when it has the same email (case-insensitive) or the
same LinkedIn profile (normalised). Such a member is completed, never overwritten: empty
fields are filled, tags added, and a differing value is kept and listed as a conflict. A row
without email that has the name and class year of a member is a *probable duplicate*: it is
queued for the Duplicates view instead of being created. Only a row with neither a name nor
an email (or one the reader could not parse) is rejected; other defects are warnings.

Rows go in by batches, each looked up with a few indexed queries; new members get their ids
from the importer (the transaction holds the write lock), so inserts are plain executemany.

Speed (a million rows in under a minute on two cores; issue 3): a row is cleaned once (the
cleaner's checks are validation's, so a settled record skips normalise), columns that repeat
their values are cleaned once per text, the text index is written by 100,000-row ranges in
a second thread while the next batches are cleaned, and a large file looks namesakes up
through an index of its own and builds the indexes it never reads after the load. All of
it inside the one transaction: a rollback leaves the store, and its schema, as they were.
"""

from __future__ import annotations

import contextlib
import csv
import gc
import heapq
import io
import json
import re
import tempfile
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import IO, Any

import sqlalchemy as sa

from app import audit, clock, files, tag_rules
from app.clock import now_iso
from app.errors import AmicaleError, Cancelled, ValidationError
from app.io.export import neutralise
from app.io.mapping import CellWarning, RowCleaner, guess_mapping, row_cleaner
from app.io.readers import ImportSource
from app.io.rows import RowError, SourceRow
from app.members import fields
from app.members.dedup import DIFFERING_REASON
from app.members.service import ensure_tag
from app.members.validation import EDITABLE_FIELDS, MAX_TEXT, NO_YEAR, normalise
from app.messages import QT_TRANSLATE_NOOP
from app.privacy import consent
from app.store import Store
from app.store import bulk as bulk_load
from app.store.bulk import BulkLoad
from app.store.cancel import CancelToken, interruptible
from app.store.schema import import_journal, member, member_tag, tag
from app.text import linkedin_key, sort_name

BATCH_SIZE = 2000
_DUPLICATE_REASON = "same name and class year, no email"
# How a note starts that keeps a cell's text the import could not use (search: notes:"to fix").
TO_FIX = "To fix"
_FIELD_NAMES = fields.export_headers()  # "Email", "Dues Paid For": the names exports use
_LOOKAHEAD = 10  # batches cleaned ahead while the text index is being written
# Fields an import may fill in; status and verification belong to the CM's own decisions.
IMPORT_FIELDS = tuple(f for f in EDITABLE_FIELDS if f not in ("status", "verification"))
_IMPORT_FIELD_SET = frozenset(IMPORT_FIELDS)
_CONSENT_INDEX = 1 + IMPORT_FIELDS.index("consent")  # in a member record (after the id)
_SOURCE_INDEX = 1 + IMPORT_FIELDS.index("source")
_MEMBER_COLUMNS = (
    "id", *IMPORT_FIELDS, "sort_name", "linkedin_key", "consent_at", "created_at", "updated_at",
)  # fmt: skip
_ALL_COLUMNS = bulk_load.ALL_COLUMNS
_LINK_COLUMNS = ("member_id", "tag_id")
_CANDIDATE_COLUMNS = ("member_id", "incoming", "source", "line", "reason", "created_at")


@dataclass(frozen=True)
class Conflict:
    line: int
    member_id: int
    field: str
    kept: str
    incoming: str


@dataclass(frozen=True)
class Reject:
    line: int
    reason: str
    values: dict[str, str] | None = None


@dataclass(frozen=True)
class ImportWarning:
    """A row imported with a defect: the field, the file's text, and why (a Message)."""

    line: int
    reason: str
    field: str = ""  # "" when the warning is about the row, not one cell
    value: str = ""


# Rejected rows kept in memory for the summary (the command line prints 20, the window lists
# 1,000); beyond them every rejected row goes to a temporary file, read by write_rejects
# (2M rejected rows held 2 GB of memory when all were kept). Warnings are kept the same way.
MAX_KEPT_REJECTS = 1000
MAX_KEPT_WARNINGS = 1000


class _Overflow:
    """Items beyond the first ``limit`` (kept in a list): one JSON line each in a private
    (0600), already unlinked temporary file, which goes away with the report."""

    def __init__(self, kept: list[Any], limit: int) -> None:
        self.kept = kept
        self.limit = limit
        self.spool: IO[str] | None = None

    def add(self, item: Any) -> None:
        if self.spool is None and len(self.kept) < self.limit:
            self.kept.append(item)
            return
        if self.spool is None:
            self.spool = tempfile.TemporaryFile(  # noqa: SIM115 - lives with the report
                "w+", encoding="utf-8", newline=""
            )
            for kept in self.kept:
                self.spool.write(_spooled(kept))
        self.spool.write(_spooled(item))

    def all(self) -> Iterator[list[Any]]:
        """Every item in file order, as the list of its fields."""
        if self.spool is None:
            for item in self.kept:
                yield json.loads(_spooled(item))
            return
        self.spool.flush()
        self.spool.seek(0)
        for line in self.spool:
            yield json.loads(line)
        self.spool.seek(0, io.SEEK_END)


@dataclass
class ImportReport:
    file_name: str
    preset: str
    dry_run: bool
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    duplicates: int = 0
    rejects: list[Reject] = field(default_factory=list)  # the first MAX_KEPT_REJECTS
    rejected: int = 0
    conflicts: list[Conflict] = field(default_factory=list)
    # Rows whose values differ from their member's, queued for the CM's choice field by field
    # (the Duplicates view); not part of the command line's output contract.
    differing: int = 0
    warnings: list[ImportWarning] = field(default_factory=list)  # the first MAX_KEPT_WARNINGS
    warned: int = 0  # warnings in all
    seconds: float = 0.0
    # Members newly tagged by the tagging rules applied after the import (app/tag_rules.py);
    # not part of the command line's output contract.
    rules_tagged: int = 0
    # Every rejected row (warning), once there are more than MAX_KEPT_REJECTS (_WARNINGS).
    _rejects: _Overflow | None = field(default=None, repr=False)
    _warnings: _Overflow | None = field(default=None, repr=False)

    def reject(self, reject: Reject) -> None:
        self.rejected += 1
        if self._rejects is None:
            self._rejects = _Overflow(self.rejects, MAX_KEPT_REJECTS)
        self._rejects.add(reject)

    def warn(self, warning: ImportWarning) -> None:
        self.warned += 1
        if self._warnings is None:
            self._warnings = _Overflow(self.warnings, MAX_KEPT_WARNINGS)
        self._warnings.add(warning)

    def all_rejects(self) -> Iterator[Reject]:
        """Every rejected row in file order (read back from the disk beyond the first ones)."""
        if self._rejects is None:
            yield from self.rejects
            return
        for number, reason, values in self._rejects.all():
            yield Reject(number, reason, values)

    def all_warnings(self) -> Iterator[ImportWarning]:
        """Every warning in file order; beyond the first ones, their reasons are plain
        English text (no longer messages the window can translate)."""
        if self._warnings is None or self._warnings.spool is None:
            yield from self.warnings
            return
        for number, reason, key, value in self._warnings.all():
            yield ImportWarning(number, reason, key, value)

    def summary_line(self) -> str:
        """The command line's last line (a contract)."""
        return f"created: {self.created}, updated: {self.updated}, rejected: {self.rejected}"

    def as_json(self) -> dict[str, int]:
        return {
            "created": self.created,
            "updated": self.updated,
            "rejected": self.rejected,
            "duplicates": self.duplicates,
            "warnings": self.warned,
        }


def _spooled(item: Reject | ImportWarning) -> str:
    if isinstance(item, ImportWarning):
        parts = [item.line, str(item.reason), item.field, item.value]
    else:
        parts = [item.line, str(item.reason), item.values]
    return json.dumps(parts, ensure_ascii=False) + "\n"


@dataclass(frozen=True)
class PreviousImport:
    imported_at: str
    file_name: str
    created: int
    updated: int
    rejected: int


def previous_imports(store: Store, sha256: str) -> list[PreviousImport]:
    """When this very file (same bytes) was imported before, newest first."""
    with store.read() as conn:
        rows = conn.execute(
            sa.select(
                import_journal.c.imported_at,
                import_journal.c.file_name,
                import_journal.c.created,
                import_journal.c.updated,
                import_journal.c.rejected,
            )
            .where(import_journal.c.sha256 == sha256)
            .order_by(import_journal.c.id.desc())
        )
        return [PreviousImport(*row) for row in rows]


class _Rollback(Exception):
    """Raised inside the transaction of a dry run, so that nothing stays."""


@dataclass(slots=True)
class _Incoming:
    line: int
    values: dict[str, Any]
    tags: list[str]
    linkedin: str | None = None  # linkedin_key of the row's profile, computed once
    member_id: int | None = None  # reserved when the row is to be created
    # The lines that end values["notes"]: the file's texts not imported as they were.
    to_fix: str | None = None


_CANONICAL_PROFILE = "https://www.linkedin.com/in/"
_PLAIN_SLUG = re.compile(r"[a-z0-9_.~\-]+/?")


def _linkedin_key(url: str) -> str | None:
    """app.text.linkedin_key, without its regular expression for the canonical address
    (the one app.io.mapping gives): its key is its slug, as written."""
    if url.startswith(_CANONICAL_PROFILE) and _PLAIN_SLUG.fullmatch(url, len(_CANONICAL_PROFILE)):
        return "linkedin.com/in/" + url[len(_CANONICAL_PROFILE) :].rstrip("/")
    return linkedin_key(url)


class _KeyBits:
    """The keys (emails as SQL lower-cases them, LinkedIn keys) an import has written, as one
    bit per hash in a fixed 8 MB bitmap: "not there" is certain, "there" only likely (then
    the store is asked). A set of a million hashes held some 70 MB of the import's peak."""

    BITS = 1 << 26

    def __init__(self) -> None:
        self._bits = bytearray(self.BITS >> 3)

    def add(self, key: str) -> None:
        h = hash(key) & (self.BITS - 1)
        self._bits[h >> 3] |= 1 << (h & 7)

    def __contains__(self, key: str) -> bool:
        h = hash(key) & (self.BITS - 1)
        return bool(self._bits[h >> 3] & (1 << (h & 7)))


def _empty(value: Any) -> bool:
    return value is None or value == "" or value is False


class _Importer:
    def __init__(
        self,
        conn: sa.Connection,
        load: BulkLoad,
        report: ImportReport,
        extra_tags: Sequence[str],
        source_label: str,
        today: date,
    ) -> None:
        self.conn = conn
        self.load = load  # the engine's reads and writes of a batch (app/store/bulk.py)
        self.report = report
        self.today = today
        self.source_label = source_label
        self.now = now_iso()
        self._tag_ids: dict[str, int] = {}
        self._tag_sets: dict[tuple[str, ...], tuple[int, ...]] = {}
        self.extra_tag_ids = [self._tag_id(t) for t in extra_tags]
        # Into an empty store nobody else writes to, the members an email or LinkedIn key
        # can match are this import's own: a bitmap of their keys (as SQL spells them)
        # spares the lookups of keys no member has (1M rows: 3.6 s of index probes). (On a
        # team server the other animators may add members meanwhile: always asked.)
        fresh = load.exclusive and load.was_empty()
        self._keys_seen: _KeyBits | None = _KeyBits() if fresh else None
        self._reserved: dict[int, _Incoming] = {}  # ids given to rows not yet inserted
        # The newsletter answers the file gave (a consent column), recorded at the end with
        # the file as their source (app.privacy.consent): member id → given.
        self.consents: dict[int, bool] = {}

    def recount_tags(self) -> None:
        """The member counters of the tags this import used, counted again."""
        used = sorted({*self._tag_ids.values(), *self.extra_tag_ids})
        if not used:
            return
        counted = (
            sa.select(sa.func.count())
            .select_from(member_tag)
            .where(member_tag.c.tag_id == tag.c.id)
            .scalar_subquery()
        )
        self.conn.execute(tag.update().where(tag.c.id.in_(used)).values(member_count=counted))

    def _tag_id(self, label: str) -> int:
        found = self._tag_ids.get(label)
        if found is None:
            category, slash, name = label.rpartition("/")
            found = ensure_tag(self.conn, name.strip(), category.strip() if slash else None)
            self._tag_ids[label] = found
        return found

    # --- one row -------------------------------------------------------------------------

    def prepare(self, row: SourceRow, cleaner: RowCleaner) -> _Incoming | None:
        values, tags, warnings, settled = cleaner.clean(row)
        to_fix: list[str] = []
        noted = [self._warning(row.line, w, to_fix) for w in warnings]
        if not _IMPORT_FIELD_SET.issuperset(values):
            values = {k: v for k, v in values.items() if k in _IMPORT_FIELD_SET}
        if settled and cleaner.today == self.today:
            # What normalise would return, without checking again what the cleaner checked.
            clean = values
            birthday = clean.get("birthday")
            if birthday is not None and birthday[:2] == "--":
                clean["birthday"] = NO_YEAR + birthday[1:]
        else:
            try:
                clean = normalise(values, self.today)
            except ValidationError as exc:
                for key, why in exc.problems.items():
                    text = str(values.get(key))
                    warning = CellWarning(
                        key, text, QT_TRANSLATE_NOOP("Messages", "{0}: {1} ('{2}')"), key, why, text
                    )
                    noted.append(self._warning(row.line, warning, to_fix))
                    values.pop(key, None)
                clean = normalise(values, self.today)
            clean = {k: v for k, v in clean.items() if not (_empty(v) and k != "consent")}
        if to_fix:
            # Nothing of the file is lost: what was not imported goes to the notes, to fix.
            fix = "\n".join(to_fix)
            notes = clean.get("notes")
            clean["notes"] = (f"{notes}\n{fix}" if notes else fix)[-MAX_TEXT:]
        if not (clean.get("last_name") or clean.get("first_name") or clean.get("email")):
            shown = {k: v for k, v in row.values.items() if not k.startswith("__")}
            self.report.reject(Reject(row.line, "neither a name nor an email", shown))
            return None  # its warnings go with it: the rejected row is written whole
        for noted_warning in noted:
            self.report.warn(noted_warning)
        url = clean.get("linkedin_url")
        incoming = _Incoming(row.line, clean, tags, _linkedin_key(url) if url else None)
        if to_fix:
            incoming.to_fix = fix
        return incoming

    def _warning(self, line: int, warning: str, to_fix: list[str]) -> ImportWarning:
        """The report's warning for a cleaner's; a cell's text also becomes a line to fix."""
        if not isinstance(warning, CellWarning):
            return ImportWarning(line, warning)
        to_fix.append(
            f"{TO_FIX} ({self.source_label[len('import:') :]}, line {line}) "
            f"{_FIELD_NAMES.get(warning.field, warning.field)}: {warning.value}"
        )
        return ImportWarning(line, warning, warning.field, warning.value)

    # --- a batch -------------------------------------------------------------------------

    def flush(self, batch: list[_Incoming]) -> None:
        emails = {r.values["email"].lower() for r in batch if r.values.get("email")}
        by_email = self._existing("email", emails)
        by_linkedin = self._existing("linkedin", {r.linkedin for r in batch if r.linkedin})
        local_email: dict[str, _Incoming] = {}
        local_linkedin: dict[str, _Incoming] = {}
        matched: list[tuple[_Incoming, int]] = []
        fresh: list[_Incoming] = []
        nameless: list[_Incoming] = []
        for incoming in batch:
            email = (incoming.values.get("email") or "").lower()
            key = incoming.linkedin  # a row is completed only once it has been looked at
            member_id = by_email.get(email) if email else None
            if member_id is None and key:
                member_id = by_linkedin.get(key)
            if member_id is not None:
                matched.append((incoming, member_id))
                continue
            twin = (local_email.get(email) if email else None) or (
                local_linkedin.get(key) if key else None
            )
            if twin is not None:  # the same person twice in this batch: complete the first
                self._complete_pending(twin, incoming)
                continue
            if email:
                local_email[email] = incoming
            if key:
                local_linkedin[key] = incoming
            if not email and not key and incoming.values.get("promo"):
                nameless.append(incoming)
            else:
                fresh.append(incoming)
        self._update(matched)
        self._insert(fresh)
        self._insert(self._sift_probable_duplicates(nameless))

    @staticmethod
    def _sort_name(values: dict[str, Any]) -> str:
        return sort_name(values.get("first_name"), values.get("last_name"))

    def _existing(self, kind: str, keys: set[str]) -> dict[str, int]:
        """Members already there for these emails (lower-cased) or LinkedIn keys.

        One statement per batch, read through the expression index on lower(email) or the
        index on linkedin_key.
        """
        if self._keys_seen is not None:  # only this import's members: ask for those only
            keys = {k for k in keys if k in self._keys_seen}
        if not keys:
            return {}
        found: dict[str, int] = {}
        for member_id, key in self.load.matches(kind, sorted(keys)):
            found.setdefault(key, member_id)
        return found

    def _see(self, email: str | None, linkedin: str | None) -> None:
        assert self._keys_seen is not None
        if email:
            self._keys_seen.add(self.load.sql_lower(email))
        if linkedin:
            self._keys_seen.add(linkedin)

    def _complete_pending(self, first: _Incoming, again: _Incoming) -> None:
        for key, value in again.values.items():
            current = first.values.get(key)
            if _empty(current):
                first.values[key] = value
                if key == "linkedin_url":
                    first.linkedin = again.linkedin
            elif current != value and key != "consent":
                template = QT_TRANSLATE_NOOP(
                    "Messages", "{0}: '{1}' differs from line {2}; kept the first"
                )
                warning = CellWarning(key, str(value), template, key, value, first.line)
                self.report.warn(ImportWarning(again.line, warning, key, str(value)))
        first.tags = [*first.tags, *(t for t in again.tags if t not in first.tags)]

    def _sift_probable_duplicates(self, rows: list[_Incoming]) -> list[_Incoming]:
        """Of rows without email, those to create; the others look like a member already
        there (same folded name and class year) and are queued for review instead — or are
        that very member again, unchanged."""
        if not rows:
            return []
        # Exact (name, class year) pairs, one statement for the batch: only the members that
        # really share both are read, not every namesake of every year.
        wanted = sorted({(self._sort_name(r.values), r.values["promo"]) for r in rows})
        existing: dict[tuple[str, int], int] = {}
        for found, name, promo in self.load.namesakes(wanted):
            existing.setdefault((name, promo), found)
        known = self._rows(sorted(set(existing.values())))
        to_create: list[_Incoming] = []
        queued: list[tuple[int, int, str, str]] = []
        for incoming in rows:
            name_key = (self._sort_name(incoming.values), incoming.values["promo"])
            member_id = existing.get(name_key)
            if member_id is None:
                # New: later rows of this batch with the same name and year are its twins.
                member_id = self._reserve_id(incoming)
                existing[name_key] = member_id
                known[member_id] = incoming.values
                to_create.append(incoming)
                continue
            current = known[member_id]
            if all(current.get(k) == v for k, v in incoming.values.items() if k != "consent"):
                if member_id in self._reserved:
                    self._complete_pending(self._reserved[member_id], incoming)
                else:
                    self._update([(incoming, member_id)])  # the same row again: tags at most
                continue
            queued.append(self._queue_duplicate(incoming, member_id))
        self._write_queue(queued)
        return to_create

    def _queue_duplicate(self, incoming: _Incoming, member_id: int) -> tuple[int, int, str, str]:
        """(line, member id, payload, reason) of a probable duplicate, for _write_queue."""
        self.report.duplicates += 1
        payload = json.dumps(
            {"values": incoming.values, "tags": incoming.tags}, ensure_ascii=False, sort_keys=True
        )
        if member_id in self._reserved:  # its twin is created in this batch: insert it first
            self._insert([self._reserved[member_id]])
        return incoming.line, member_id, payload, _DUPLICATE_REASON

    def _write_queue(self, queued: list[tuple[int, int, str, str]]) -> None:
        """Queue the probable duplicates of a batch (or the rows with values differing from
        their member's) for review, in their order; a row already pending for the same
        member (an earlier import, or this one) is not queued twice. One statement reads
        what is pending, one writes."""
        if not queued:
            return
        pending = self.load.pending_duplicates(sorted({m for _, m, _, _ in queued}))
        new: list[tuple[int, str, str, int, str, str]] = []
        for line, member_id, payload, reason in queued:
            if (member_id, payload) not in pending:
                pending.add((member_id, payload))
                new.append((member_id, payload, self.source_label, line, reason, self.now))
        self.load.insert("duplicate_candidate", _CANDIDATE_COLUMNS, new)

    def _reserve_id(self, incoming: _Incoming) -> int:
        member_id = self.load.new_id()
        incoming.member_id = member_id
        self._reserved[member_id] = incoming
        return member_id

    def _rows(self, ids: Sequence[int]) -> dict[int, dict[str, Any]]:
        """The members of ``ids``, each as {column: value}: one statement, by the driver
        (the only column SQLAlchemy would convert is consent, a bool)."""
        if not ids:
            return {}
        out: dict[int, dict[str, Any]] = {}
        for values in self.load.members(ids):
            row = dict(zip(_ALL_COLUMNS, values, strict=True))
            row["consent"] = bool(row["consent"])
            out[row["id"]] = row
        return out

    def _update(self, matched: list[tuple[_Incoming, int]]) -> None:
        if not matched:
            return
        current = self._rows(sorted({m for _, m in matched}))
        differing: list[tuple[int, int, str, str]] = []  # for the Duplicates view's choice
        for incoming, member_id in matched:
            row = current.get(member_id)
            if row is None:
                continue
            conflicts = len(self.report.conflicts)
            changes: dict[str, Any] = {}
            for key, value in incoming.values.items():
                kept = row.get(key)
                if key == "consent":
                    if bool(kept) != bool(value):  # a withdrawal (or a new opt-in) is honoured
                        changes["consent"] = bool(value)
                        changes["consent_at"] = self.now
                        self.consents[member_id] = bool(value)
                elif _empty(kept):
                    changes[key] = value
                elif key == "notes" and incoming.to_fix:
                    self._add_to_fix(incoming, member_id, str(kept), value, changes)
                elif kept != value and not (
                    key == "email" and str(kept).lower() == str(value).lower()
                ):
                    self.report.conflicts.append(
                        Conflict(incoming.line, member_id, key, str(kept), str(value))
                    )
            if "first_name" in changes or "last_name" in changes:
                merged = {**row, **changes}
                changes["sort_name"] = sort_name(merged["first_name"], merged["last_name"])
            if "linkedin_url" in changes:
                changes["linkedin_key"] = linkedin_key(changes["linkedin_url"])
            if self._keys_seen is not None:
                self._see(changes.get("email"), changes.get("linkedin_key"))
            tagged = self._tag(member_id, incoming.tags)
            if changes:
                changes["updated_at"] = self.now
                if not self.load.covers(member_id):
                    self.load.catch_up()  # its update trigger must find it indexed
                self.conn.execute(member.update().where(member.c.id == member_id).values(**changes))
                row.update(changes)
            if changes or tagged:
                self.report.updated += 1
            else:
                self.report.unchanged += 1
            if len(self.report.conflicts) > conflicts:
                self.report.differing += 1
                payload = json.dumps(
                    {"values": incoming.values, "tags": []}, ensure_ascii=False, sort_keys=True
                )
                differing.append((incoming.line, member_id, payload, DIFFERING_REASON))
        self._write_queue(differing)

    def record_consents(self) -> None:
        """The file's newsletter answers as consent records (the flags are written)."""
        for given in (True, False):
            ids = [m for m, g in self.consents.items() if g is given]
            consent.record(
                self.conn,
                ids,
                {"newsletter": given},
                self.source_label,
                at=self.now,
                mirror=False,
                log=False,  # the import's own event says it
            )

    def _add_to_fix(
        self, incoming: _Incoming, member_id: int, kept: str, value: str, changes: dict[str, Any]
    ) -> None:
        """The notes of a member the row completes: its lines to fix added once, the file's
        own notes compared as any other value."""
        assert incoming.to_fix is not None
        own = value[: len(value) - len(incoming.to_fix)].rstrip("\n")
        if incoming.to_fix not in kept:
            changes["notes"] = f"{kept}\n{incoming.to_fix}"[-MAX_TEXT:]
        if own and own not in kept:
            self.report.conflicts.append(Conflict(incoming.line, member_id, "notes", kept, own))

    def _tag_ids_of(self, labels: Sequence[str]) -> tuple[int, ...]:
        """The ids of a row's tags and of the tags given for every row (one lookup a set)."""
        key = tuple(labels)
        found = self._tag_sets.get(key)
        if found is None:
            ids = {*self.extra_tag_ids, *(self._tag_id(t) for t in labels if t.strip())}
            found = self._tag_sets[key] = tuple(ids)
        return found

    def _tag(self, member_id: int, labels: Sequence[str]) -> bool:
        """Add tags; True when at least one was new to the member."""
        tag_ids = self._tag_ids_of(labels)
        if not tag_ids:
            return False
        links = [(member_id, t) for t in tag_ids]
        return bool(self.load.insert("member_tag", _LINK_COLUMNS, links, or_ignore=True))

    def _insert(self, rows: list[_Incoming]) -> None:
        if not rows:
            return
        # Run once per created member: the attributes it reads are looked up once a batch.
        records = []
        links: list[tuple[int, int]] = []
        reserved = self._reserved
        new_id = self.load.new_id
        seen = self._keys_seen
        sql_lower = self.load.sql_lower
        tag_ids_of = self._tag_ids_of
        now = self.now
        for incoming in rows:
            member_id = incoming.member_id
            if member_id is None:  # not reserved: its id now
                member_id = incoming.member_id = new_id()
            elif reserved.pop(member_id, None) is None:
                continue  # inserted already (a queued duplicate's twin)
            values = incoming.values
            record = [member_id, *map(values.get, IMPORT_FIELDS)]
            consent = bool(values.get("consent"))
            record[_CONSENT_INDEX] = consent
            if "consent" in values:
                self.consents[member_id] = consent
            record[_SOURCE_INDEX] = values.get("source") or self.source_label
            record += [
                sort_name(values.get("first_name"), values.get("last_name")),
                incoming.linkedin,
                now if consent else None,
                now,
                now,
            ]
            records.append(record)
            if seen is not None:
                email = values.get("email")
                if email:
                    seen.add(sql_lower(email))
                if incoming.linkedin:
                    seen.add(incoming.linkedin)
            tag_ids = tag_ids_of(incoming.tags)
            if tag_ids:
                links += [(member_id, t) for t in tag_ids]
        self.load.insert("member", _MEMBER_COLUMNS, records)
        if links:  # new members, each tag once (a set): no link can be there already
            self.load.insert("member_tag", _LINK_COLUMNS, links)
        self.report.created += len(records)


@contextlib.contextmanager
def _cyclic_gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector while the import allocates its rows (as the duplicate
    scan does): its collections walk every live object, some 10% of an import's time, and
    nothing the import builds is cyclic. (The window has it paused anyway, see ui.workers.)"""
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def import_file(
    store: Store,
    source: ImportSource,
    mapping: dict[str, str | None] | None = None,
    *,
    tags: Sequence[str] = (),
    dry_run: bool = False,
    progress: Callable[[int, int], None] | None = None,
    cancel: CancelToken | None = None,
    today: date | None = None,
) -> ImportReport:
    """Import ``source`` in one transaction; a dry run rolls it back and reports the same."""
    started = time.perf_counter()
    mapping = mapping if mapping is not None else guess_mapping(source.headers, source.preset)
    if not any(mapping.values()):
        raise AmicaleError(f"no column of {source.path.name} could be matched to a member field")
    report = ImportReport(source.path.name, source.preset, dry_run)
    total = source.count_hint() or 0
    label = f"import:{source.path.name}"
    try:
        expected = source.estimated_rows() or 0
        bulk = expected >= bulk_load.NAME_PROMO_INDEX_FROM
        with _cyclic_gc_paused(), store.write(bulk=bulk) as conn, contextlib.ExitStack() as stack:
            load = stack.enter_context(bulk_load.load(conn, expected))
            importer = _Importer(conn, load, report, tags, label, today or clock.today())
            cleaner = row_cleaner(mapping, source.preset)
            # Two cores: while SQLite indexes the text of the members just inserted (one long
            # statement, run without the GIL), Python cleans the next batches. One thread at
            # a time uses the connection: batches are flushed once the indexing has ended.
            # Leaving the executor (first, on an error too) waits for a running indexing.
            indexer = stack.enter_context(ThreadPoolExecutor(1, "amicale-import"))
            indexing: Future[None] | None = None
            ready: deque[list[_Incoming]] = deque()  # cleaned, waiting for the connection
            batch: list[_Incoming] = []
            done = 0
            for item in source.rows():
                done += 1
                if isinstance(item, RowError):
                    report.reject(Reject(item.line, item.reason))
                    continue
                incoming = importer.prepare(item, cleaner)
                if incoming is not None:
                    batch.append(incoming)
                if len(batch) >= BATCH_SIZE:
                    if cancel is not None and cancel.cancelled:
                        raise Cancelled()
                    ready.append(batch)
                    batch = []
                    if indexing is None or len(ready) >= _LOOKAHEAD or indexing.done():
                        if indexing is not None:
                            indexing.result()
                            indexing = None
                        while ready:
                            importer.flush(ready.popleft())
                        if load.due():
                            indexing = indexer.submit(load.catch_up)
                    if progress is not None:  # rows read (the cancel is seen at the next batch)
                        progress(done, max(total, done))
            if indexing is not None:
                indexing.result()
            if cancel is not None and cancel.cancelled:
                raise Cancelled()
            for waiting in ready:
                importer.flush(waiting)
            importer.flush(batch)
            if progress is not None:
                progress(done, done)
            source.check_unchanged()  # a file cut or rewritten while read: roll back
            if dry_run:
                raise _Rollback()
            importer.record_consents()
            # The index builds take seconds at a million rows: Stop still ends them.
            with interruptible(load.raw, cancel):
                if load.counters_deferred:
                    importer.recount_tags()
                load.finish()
            conn.execute(
                import_journal.insert().values(
                    file_name=source.path.name,
                    sha256=source.sha256,
                    size=source.size,
                    preset=source.preset,
                    imported_at=importer.now,
                    created=report.created,
                    updated=report.updated,
                    rejected=report.rejected,
                    duplicates=report.duplicates,
                )
            )
            audit.record(
                conn,
                "import",
                "member",
                None,
                {"file": source.path.name, "preset": source.preset, **report.as_json()},
            )
    except _Rollback:
        pass
    if not dry_run and (report.created or report.updated):
        # Committed: the enabled tagging rules tag the members this import created or
        # changed (their own transaction).
        report.rules_tagged = sum(tag_rules.apply(store, since=importer.now).values())
    report.seconds = time.perf_counter() - started
    return report


def write_rejects(
    report: ImportReport,
    path: Path,
    headers: Sequence[str],
    *,
    store: Path | None = None,
    source: Path | None = None,
) -> None:
    """The rejected rows with their line number and reason, as a CSV Excel opens, and the
    warnings among them in line order (reason "warning: …", the cell's text in the last
    column, "value").

    Written whole or not at all, never over the store ``store`` or the imported ``source``;
    every cell safe from formula injection (app.io.export.neutralise).
    """
    rejected: Iterator[list[Any]] = (
        [reject.line, reject.reason, *((reject.values or {}).get(h, "") for h in headers)]
        for reject in report.all_rejects()
    )
    blank = [""] * len(headers)
    warned: Iterator[list[Any]] = (
        [warning.line, f"warning: {warning.reason}", *blank, warning.value]
        for warning in report.all_warnings()
    )
    rows = heapq.merge(rejected, warned, key=lambda row: int(row[0]))
    _write_csv(path, ["line", "reason", *headers, "value"], rows, store, source)


def write_warnings(
    report: ImportReport,
    path: Path,
    headers: Sequence[str],
    describe: Callable[[ImportWarning], Sequence[str]],
    *,
    store: Path | None = None,
    source: Path | None = None,
) -> None:
    """Every warning as a CSV row: its line, then the cells ``describe`` gives (the window
    passes its translation of the field and the reason); safe as write_rejects."""
    rows = ([warning.line, *describe(warning)] for warning in report.all_warnings())
    _write_csv(path, headers, rows, store, source)


def _write_csv(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Any]],
    store: Path | None,
    source: Path | None,
) -> None:
    inputs = [source] if source is not None else []
    with (
        files.atomic_output(path, store=store, inputs=inputs) as tmp,
        tmp.open("w", encoding="utf-8-sig", newline="") as handle,
    ):
        writer = csv.writer(handle)
        writer.writerow([neutralise(h) for h in headers])
        for row in rows:
            writer.writerow([neutralise(v) if isinstance(v, str) else v for v in row])
