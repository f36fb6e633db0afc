"""The `amicale` command: no command opens the window; sub-commands work headlessly.

The window is not this module's: the program's entry point (``ui/launch.py``) calls
:func:`main` with the function that opens it, and ``app/`` never imports ``ui``.

The command line is a contract (DESIGN.md §4): outputs and exit codes are stable. Exit 0 on
success, 1 on a failure explained in one line on stderr, 2 on a usage error.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from app import __version__, files
from app.errors import AmicaleError
from app.paths import default_store_address

log = logging.getLogger("amicale")


def _query(words: Sequence[str]) -> str:
    return " ".join(words).strip()


def _passphrase() -> str | None:
    """An encrypted store's passphrase: from AMICALE_PASSPHRASE only (DESIGN.md §7)."""
    from app.store.cipher import PASSPHRASE_VARIABLE

    return os.environ.get(PASSPHRASE_VARIABLE) or None


def _open(args: argparse.Namespace) -> Any:
    from app.store import open_store

    return open_store(args.db, passphrase=_passphrase())


def cmd_demo(args: argparse.Namespace) -> int:
    from app.demo import build_demo

    store = _open(args)
    try:
        report = build_demo(store, members=args.members, seed=args.seed)
    finally:
        store.close()
    print(
        f"demo: {report.members} members, {report.tags} tags, {report.communities} communities "
        f"in {report.seconds:.1f} s"
    )
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from app.io.importer import TO_FIX, import_file, previous_imports, write_rejects
    from app.io.readers import open_source

    if args.rejects:  # refused before anything is imported
        files.check_output(Path(args.rejects), store=Path(args.db), inputs=[Path(args.file)])
    source = open_source(Path(args.file), args.preset)
    store = _open(args)
    try:
        earlier = previous_imports(store, source.sha256)
        report = import_file(store, source, tags=args.tag, dry_run=args.dry_run)
    finally:
        store.close()
    if args.rejects:
        write_rejects(
            report, Path(args.rejects), source.headers, store=store.path, source=source.path
        )
    if args.json:
        print(json.dumps(report.as_json()))
        return 0
    if earlier:
        print(f"note: this file was already imported on {earlier[0].imported_at}")
    for reject in report.rejects[:20]:
        print(f"rejected line {reject.line}: {reject.reason}")
    if report.rejected > 20:
        print(f"… {report.rejected - 20} more rejected rows (use --rejects FILE)")
    for warning in report.warnings[:20]:
        print(f"warning line {warning.line}: {warning.reason}")
    if report.warned > 20:
        print(f"… {report.warned - 20} more warnings (use --rejects FILE)")
    if report.warned:
        print(f"values not imported as they were are kept in the members' notes ({TO_FIX} …)")
    for conflict in report.conflicts[:20]:
        print(
            f"conflict line {conflict.line}: member {conflict.member_id} {conflict.field} "
            f"kept {conflict.kept!r}, file has {conflict.incoming!r}"
        )
    if report.duplicates:
        print(f"probable duplicates queued for review: {report.duplicates}")
    if report.differing:
        print(f"rows with differing values queued for review (Duplicates): {report.differing}")
    if args.dry_run:
        print("dry run: nothing was written")
    print(report.summary_line())
    return 0


def cmd_count(args: argparse.Namespace) -> int:
    from app.members.service import MemberDirectory

    store = _open(args)
    try:
        print(MemberDirectory(store).count(_query(args.query)))
    finally:
        store.close()
    return 0


def cmd_segments(args: argparse.Namespace) -> int:
    from app import segments

    store = _open(args)
    try:
        if args.segments_action == "save":
            saved = segments.save(store, args.name, _query(args.query))
            found, counted = [saved], segments.counts(store, [saved])
        else:
            found = segments.list_segments(store)
            counted = segments.counts(store, found)
    finally:
        store.close()
    if args.segments_action == "save":
        lines = [f"saved: {saved.name} ({counted.get(saved.id, '?')} members)"]
    elif args.json:
        rows = [{"name": str(s.name), "query": s.query, "count": counted.get(s.id)} for s in found]
        lines = [json.dumps(rows)]  # ASCII: exact on any console encoding
    else:  # ready-made ones first, marked with *
        width = max(len(s.name) for s in found)
        digits = max(len(str(counted.get(s.id, "?"))) for s in found)
        lines = [
            f"{'*' if s.ready_made else ' '} {s.name:<{width}}  "
            f"{counted.get(s.id, '?'):>{digits}}  {s.query}"
            for s in found
        ]
        lines.append("* ready-made (cannot be renamed, edited or deleted)")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    for line in lines:  # a cp1252 pipe cannot print every name
        print(line.encode(encoding, "replace").decode(encoding))
    return 0


def cmd_tags(args: argparse.Namespace) -> int:
    """``tags`` (each tag with its member count), ``tags rules``, ``tags apply-rules``."""
    from app import tag_rules, tags

    store = _open(args)
    try:
        if args.tags_action == "rules":
            found = tag_rules.rules(store)
            counts = tag_rules.previews(store)
            rows: list[dict[str, Any]] = [
                {
                    "id": r.id,
                    "rule": tag_rules.describe(r),
                    "enabled": r.enabled,
                    "preview": counts.get(r.id or 0, 0),
                }
                for r in found
            ]
            lines = [
                f"#{row['id']} {'on ' if row['enabled'] else 'off'} {row['rule']}  "
                f"(would tag {row['preview']})"
                for row in rows
            ]
        elif args.tags_action == "apply-rules":
            found = tag_rules.rules(store)
            added = tag_rules.apply(store)
            rows = [
                {"id": r.id, "rule": tag_rules.describe(r), "tagged": added[r.id]}
                for r in found
                if r.id in added
            ]
            lines = [f"#{row['id']} {row['rule']}: {row['tagged']}" for row in rows]
            lines.append(f"tagged: {sum(added.values())}")
        else:
            rows = [
                {"tag": tags.label(t), "count": t.count}
                for category in tags.tag_tree(store)
                for t in category.tags
            ]
            lines = [f"{row['count']:>8}  {row['tag']}" for row in rows]
    finally:
        store.close()
    if args.json:
        lines = [json.dumps(rows)]
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    for line in lines:
        print(line.encode(encoding, "replace").decode(encoding))
    return 0


def cmd_export(args: argparse.Namespace) -> int:
    from app.io.export import DEFAULT_COLUMNS, export_members

    columns = DEFAULT_COLUMNS
    if args.columns is not None:
        columns = tuple(c.strip() for c in args.columns.split(",") if c.strip())
    store = _open(args)
    try:
        report = export_members(
            store,
            Path(args.output),
            query=_query(args.query),
            fmt=args.format,
            columns=columns,
            purpose=args.purpose,
        )
    finally:
        store.close()
    if report.purpose is not None:
        print(
            f"left out for {report.purpose}: {report.objected} objected, "
            f"{report.never_asked} never asked"
        )
    line = f"export: {report.rows} members → {report.path}"
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    print(line.encode(encoding, "replace").decode(encoding))  # a cp1252 pipe has no arrow
    print(report.rows)  # the contract: the row count alone on the last line
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    from app.store import backup

    store = _open(args)  # refuses a damaged or too-new file with its own message
    try:
        if store.is_team:
            target, counts = backup.backup_store(store, Path(args.output) if args.output else None)
            print(f"backup: {target} ({counts.get('member', 0)} members)")
            return 0
        target, counts = backup.backup(
            Path(args.db), Path(args.output) if args.output else None, store.key
        )
        from app.privacy.backups import note_backup

        note_backup(store, target)  # so that it is listed for replacement after an erasure
    finally:
        store.close()
    print(f"backup: {target} ({counts.get('member', 0)} members)")
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    from app.store import backup, open_store

    kept = backup.restore(Path(args.file), Path(args.db), _passphrase())
    if kept is not None:
        print(f"restore: the previous data file was kept as {kept}")
    # upgrades an older backup, after backing it up
    open_store(Path(args.db), passphrase=_passphrase()).close()
    print(f"restore: {args.db} restored from {args.file}")
    return 0


def cmd_team(args: argparse.Namespace) -> int:
    from app import team

    store = _open(args)
    try:
        if args.team_action == "init":
            team.init(store)
            print(f"team init: roles ready on {store.describe()}; you are administrator")
        elif args.team_action == "add-user":
            password = team.add_user(store, args.name, args.role)
            print(f"team add-user: {args.name} ({args.role}), password: {password}")
        elif args.team_action == "users":
            found = team.users(store)
            if args.json:
                print(json.dumps([u.as_json() for u in found]))
            else:
                for user in found:
                    print(f"{user.name}\t{user.role}")
        elif args.team_action == "remove-user":
            team.remove_user(store, args.name)
            print(f"team remove-user: {args.name}")
        elif args.team_action == "export":
            counts = team.export_to_file(store, Path(args.output))
            print(f"team export: {args.output} ({counts.get('member', 0)} members)")
        elif args.team_action == "import":
            counts = team.import_from_file(store, args.file, _passphrase())
            print(f"team import: {args.file} ({counts.get('member', 0)} members)")
    finally:
        store.close()
    return 0


def _ask_passphrase(confirm: bool) -> str:
    """AMICALE_PASSPHRASE, else asked on the terminal (twice for a new one)."""
    given = _passphrase()
    if given:
        return given
    if not sys.stdin.isatty():
        raise AmicaleError(
            "no passphrase: set AMICALE_PASSPHRASE or run in a terminal; the file was not changed"
        )
    import getpass

    first = getpass.getpass("passphrase: ")
    if confirm and getpass.getpass("again: ") != first:
        raise AmicaleError("the two passphrases differ; nothing was changed")
    if not first:
        raise AmicaleError("a passphrase cannot be empty; nothing was changed")
    return first


def cmd_encrypt(args: argparse.Namespace) -> int:
    """The store encrypted in place: a verified backup, then the converted copy verified."""
    from app.store import backup, cipher, open_store, sqlite

    db = Path(args.db)
    if cipher.is_encrypted(db):
        raise AmicaleError(f"{db} is encrypted already (or not an Amicale data file)")
    cipher.module()  # says so at once when the module is missing
    key = _ask_passphrase(confirm=True)
    open_store(db).close()  # refuses a damaged or too-new file, upgrades an older one
    kept, _ = backup.backup(db)
    counts = sqlite.convert(db, None, key)
    open_store(db, passphrase=key).close()
    print(f"encrypt: {db} is encrypted ({counts.get('member', 0)} members)")
    print(f"encrypt: the plain copy made first is {kept}: delete it once you have checked")
    return 0


def cmd_decrypt(args: argparse.Namespace) -> int:
    """The store decrypted in place: a verified (encrypted) backup, then the plain copy."""
    from app.store import backup, cipher, open_store, sqlite

    db = Path(args.db)
    if not cipher.is_encrypted(db):
        raise AmicaleError(f"{db} is not encrypted")
    key = _ask_passphrase(confirm=False)
    open_store(db, passphrase=key).close()  # a wrong passphrase stops here, nothing changed
    backup.backup(db, key=key)
    counts = sqlite.convert(db, key, None)
    open_store(db).close()
    print(f"decrypt: {db} is no longer encrypted ({counts.get('member', 0)} members)")
    return 0


def cmd_check(args: argparse.Namespace) -> int:
    from app.store import sqlite

    store = _open(args)
    try:
        with store.read() as conn:
            problems = sqlite.integrity_problems(conn.connection.dbapi_connection)
    finally:
        store.close()
    if problems:
        for problem in problems:
            print(problem)
        raise AmicaleError(f"{len(problems)} problem(s) found in {args.db}")
    print("ok")
    return 0


def cmd_member(args: argparse.Namespace) -> int:
    from app.members import gdpr
    from app.members.service import MemberDirectory

    store = _open(args)
    try:
        directory = MemberDirectory(store)
        if args.assignments and args.action != "set":
            raise AmicaleError(f"member {args.action} takes no FIELD=VALUE")
        if args.action == "set":
            return _member_set(directory, args.id, args.assignments, args.if_version)
        if args.action == "show":
            found = directory.get(args.id)
            if args.json:
                print(
                    json.dumps(
                        {
                            "id": found.id,
                            "version": found.version,
                            **found.values,
                            "tags": found.tags,
                            "communities": [n for n, _ in found.communities],
                        },
                        ensure_ascii=False,
                        indent=2,
                    )
                )
            else:
                print(f"#{found.id} {found.display_name}")
                for key, value in found.values.items():
                    if value not in (None, ""):
                        print(f"  {key}: {value}")
                if found.tags:
                    print(f"  tags: {', '.join(found.tags)}")
                if found.communities:
                    print(f"  communities: {', '.join(f'{n} ({r})' for n, r in found.communities)}")
        elif args.action == "export-data":
            print(json.dumps(gdpr.export_member_data(store, args.id), ensure_ascii=False, indent=2))
        elif args.action == "erase":
            from app.operations import Operation, run

            # The window's "Delete permanently…" runs this same operation.
            run(store, Operation("members.erase", {"ids": [args.id]}))
            print(f"erased: member {args.id}")
    finally:
        store.close()
    return 0


_YES = {"yes", "oui", "true", "1", "y", "o"}
_NO = {"no", "non", "false", "0", "n", ""}


def _member_set(
    directory: Any, member_id: int, assignments: Sequence[str], if_version: int | None
) -> int:
    """`member set ID FIELD=VALUE…`: the keys of `member show --json`; an empty value
    clears the field; tags=A,B sets the tags. Prints what changed, then the new version."""
    from app.members import fields
    from app.members.service import EditConflict

    if not assignments:
        raise AmicaleError("member set needs FIELD=VALUE (e.g. city=Lyon)")
    editable = {f.name: f for f in fields.FIELDS if f.editable and f.stored}
    values: dict[str, Any] = {}
    tags: list[str] | None = None
    for assignment in assignments:
        name, equals, value = assignment.partition("=")
        name = name.strip()
        if not equals:
            raise AmicaleError(f"'{assignment}' is not FIELD=VALUE")
        if name == "tags":
            tags = [t.strip() for t in value.split(",") if t.strip()]
        elif name not in editable:
            known = ", ".join([*sorted(editable), "tags"])
            raise AmicaleError(f"'{name}' is not a field a member set can change (known: {known})")
        elif editable[name].kind == "bool":
            word = value.strip().lower()
            if word not in _YES | _NO:
                raise AmicaleError(f"{name}: '{value}' is not yes or no")
            values[name] = word in _YES
        else:
            values[name] = value
    try:
        changed = directory.update(member_id, values, tags, expected_version=if_version)
    except EditConflict as conflict:
        raise AmicaleError(
            f"member {member_id} was saved by someone else (now version {conflict.version}): "
            + "; ".join(f"{c.name} is {c.theirs!r} there" for c in conflict.conflicts)
        ) from conflict
    found = directory.get(member_id)
    print(f"member set: #{member_id} {found.display_name}: {', '.join(changed) or 'no change'}")
    print(found.version)
    return 0


def cmd_birthdays(args: argparse.Namespace) -> int:
    from datetime import date

    from app import birthdays

    try:
        day = date.fromisoformat(args.date) if args.date else birthdays.local_today()
    except ValueError:
        raise AmicaleError(f"invalid date {args.date!r}: use YYYY-MM-DD") from None
    if not 1 <= args.days <= 366:
        raise AmicaleError(f"--days must be between 1 and 366, not {args.days}")
    store = _open(args)
    try:
        due = birthdays.due(store, day, days=args.days, language=args.language)
    finally:
        store.close()
    if args.json:
        print(json.dumps([b.as_json() for b in due]))  # ASCII: safe on any console encoding
        return 0
    french = args.language == "fr"
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    for b in due:
        about = [f"promo {b.promo}" if french else f"class of {b.promo}"] if b.promo else []
        if b.age is not None:
            about.append(f"{b.age} ans" if french else f"{b.age} years old")
        line = b.display_name + (f" ({', '.join(about)})" if about else "") + f" — {b.message}"
        if args.days > 1:
            line = f"{b.day.isoformat()} {line}"
        print(line.encode(encoding, "replace").decode(encoding))
    if not due:
        print("aucun anniversaire" if french else "no birthdays")
    return 0


def cmd_posts(args: argparse.Namespace) -> int:
    from app.posts.csv_import import import_posts_csv
    from app.posts.store import list_posts

    store = _open(args)
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    try:
        if args.posts_action == "import":
            report = import_posts_csv(store, Path(args.file))
            lines = [f"line {bad.line}: {bad.reason}" for bad in report.rejected]
            lines.append(f"created: {report.created}, rejected: {len(report.rejected)}")
        elif args.posts_action == "ideas":
            from app.posts.ideas import import_ideas

            ideas = import_ideas(store, args.source)
            lines = [f"ideas: {ideas.created} drafts created, {ideas.known} already known"]
        else:
            listed = list_posts(store, due_only=args.due)
            if args.json:
                print(json.dumps([p.as_json() for p in listed]))  # ASCII: any console
                return 0
            lines = [
                f"{p.id:>5}  "
                f"{p.scheduled_at.strftime('%Y-%m-%d %H:%M %z') if p.scheduled_at else '-':<22}  "
                f"{p.channel:<10}  {p.state:<9}  {' '.join(p.text.split())[:70]}"
                for p in listed
            ]
            if not listed:
                lines = ["no posts due" if args.due else "no posts"]
    finally:
        store.close()
    for line in lines:  # a cp1252 pipe cannot print every emoji
        print(line.encode(encoding, "replace").decode(encoding))
    return 0


def cmd_moderation(args: argparse.Namespace) -> int:
    from app.moderation import intake, queue

    store = _open(args)
    try:
        if args.moderation_action == "import":
            report = intake.import_file(store, Path(args.file))
            for name in report.communities_created:
                print(f"new community: {name}")
            print(report.summary_line())
            return 0
        items = queue.list_items(store)
    finally:
        store.close()
    if args.json or getattr(args, "list_json", False):
        print(json.dumps([item.as_json() for item in items]))  # ASCII: any console encoding
        return 0
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    for item in items:
        who = item.name or item.email or "?"
        line = (
            f"#{item.id} {item.kind} {item.suggestion.upper()} {who} → {item.community or '-'} "
            f"[{item.match}] " + "; ".join(str(s.message()) for s in item.signals)
        )
        print(line.encode(encoding, "replace").decode(encoding))
    print(f"{len(items)} item(s) to moderate")
    return 0


def cmd_feed(args: argparse.Namespace) -> int:
    from app.posts.publish_files import export_feed

    store = _open(args)
    try:
        report = export_feed(store, Path(args.output), domain=args.domain)
    finally:
        store.close()
    print(f"feed: {report.entries} posts written to {report.path}")
    return 0


def cmd_calendar(args: argparse.Namespace) -> int:
    from app.posts.publish_files import export_calendar

    store = _open(args)
    try:
        report = export_calendar(store, Path(args.output))
    finally:
        store.close()
    print(f"calendar: {report.events} posts written to {report.path}")
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    """The board report: the figures as JSON, or a PDF / XLSX file of them."""
    from app.report.figures import Period, compute, period_figures

    period = Period.parse(args.start, args.end)
    if not args.json and not args.output:
        raise AmicaleError("say where to write the report (-o FILE.pdf or FILE.xlsx) or use --json")
    suffix = Path(args.output).suffix.lower() if args.output else ""
    if args.output and suffix not in (".pdf", ".xlsx"):
        raise AmicaleError(f"cannot write a report as {suffix or 'a file without extension'}")
    store = _open(args)
    try:
        if args.json:
            print(json.dumps(period_figures(store, period).as_json()))
            if not args.output:
                return 0
        dashboard = compute(store, period)
    finally:
        store.close()
    # The PDF is painted with Qt, and both files speak the interface's translations: the
    # program's entry point (ui/launch.py) hands the writer in.
    if args.report_pdf is None:
        raise AmicaleError("a report file needs the window's libraries: run `amicale`")
    target = args.report_pdf(dashboard, Path(args.output), args.language)
    if not args.json:
        print(f"report: {period.start}..{period.end} written to {target}")
    return 0


def _answer(text: str) -> tuple[str, bool | None]:
    """``PURPOSE=yes|no|unset`` → (purpose, answer)."""
    key, equals, value = text.partition("=")
    words = {"yes": True, "oui": True, "no": False, "non": False, "unset": None, "never": None}
    if not equals or value.strip().lower() not in words:
        raise AmicaleError(f"expected PURPOSE=yes|no|unset, not {text!r}")
    return key.strip().lower(), words[value.strip().lower()]


def _day(text: str | None) -> Any:
    from datetime import date

    if text is None:
        return None
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise AmicaleError(f"invalid date {text!r}: use YYYY-MM-DD") from None


def _write_document(args: argparse.Namespace, html_text: str, path: Path, json_text: str) -> Path:
    """A document as .json, .html or .pdf (painted by the window's libraries)."""
    suffix = path.suffix.lower()
    files.check_output(path, store=Path(args.db))
    if suffix == ".pdf":
        if args.html_pdf is None:
            raise AmicaleError("a PDF needs the window's libraries: run `amicale`")
        return Path(args.html_pdf(html_text, path))
    if suffix not in (".html", ".htm", ".json", ".txt"):
        raise AmicaleError(
            f"cannot write {suffix or 'a file without extension'}: use .json, .html or .pdf"
        )
    with files.atomic_output(path, store=Path(args.db)) as tmp:
        tmp.write_text(json_text if suffix in (".json", ".txt") else html_text, encoding="utf-8")
    return path


def cmd_privacy(args: argparse.Namespace) -> int:
    """Consent, retention, requests, access letters, the register, stale backups."""
    store = _open(args)
    try:
        _PRIVACY[args.privacy_action](args, store)
    finally:
        store.close()
    return 0


def _privacy_consent(args: argparse.Namespace, store: Any) -> None:
    from app.members.service import MemberDirectory
    from app.privacy import consent

    if args.answers:
        given = dict(_answer(a) for a in args.answers)
        wording = {
            k: args.wording or consent.BY_KEY[k].wording for k in given if k in consent.BY_KEY
        }
        found = consent.set_answers(store, args.id, given, args.source, wording)
    else:
        MemberDirectory(store).get(args.id)  # a missing member says so
        found = consent.answers(store, args.id)
    rows: list[dict[str, Any]] = []
    for p in consent.PURPOSES:
        a = found.get(p.key)
        rows.append(
            {
                "purpose": p.key,
                "answer": None if a is None else a.granted,
                "source": None if a is None else a.source,
                "at": None if a is None else a.at,
                "wording": None if a is None else a.wording,
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False))
        return
    for p in consent.PURPOSES:
        a = found.get(p.key)
        said = "never asked" if a is None else "yes" if a.granted else "no"
        when = f" ({a.at[:10]}, {a.source})" if a is not None else ""
        print(f"{p.key}: {said}{when}")


def _privacy_retention(args: argparse.Namespace, store: Any) -> None:
    from app.privacy import retention

    if args.status:
        if args.years is None or not (args.years == "none" or args.years.isdigit()):
            raise AmicaleError("say the years (1 to 100), or none to remove the rule")
        retention.set_rule(store, args.status, None if args.years == "none" else int(args.years))
    due = retention.worklist(store)
    rules = retention.rules(store)
    if args.json:
        listed = [
            {
                "member_id": d.member_id,
                "first_name": d.first_name,
                "last_name": d.last_name,
                "status": d.status,
                "last_news": d.last_news,
                "years": d.years,
            }
            for d in due
        ]
        print(json.dumps({"rules": rules, "due": listed}, ensure_ascii=False))
        return
    for status, years in rules.items():
        print(f"rule: {status} → {years} years without news")
    for d in due:
        print(f"#{d.member_id} {d.first_name} {d.last_name} ({d.status}, last news {d.last_news})")
    print(f"proposed for erasure: {len(due)}")


def _privacy_request(args: argparse.Namespace, store: Any) -> None:
    from app import clock
    from app.privacy import requests

    received = _day(args.received)
    request_id = requests.log_request(store, args.id, args.kind, received, args.note or "")
    due = requests.deadline(received or clock.today())
    print(f"request {request_id}: {args.kind} for member {args.id}, answer by {due}")


def _privacy_answer(args: argparse.Namespace, store: Any) -> None:
    from app.privacy import requests

    requests.answer(store, args.request_id, _day(args.date))
    print(f"request {args.request_id} answered")


def _privacy_requests(args: argparse.Namespace, store: Any) -> None:
    from app import clock
    from app.privacy import requests

    listed = requests.list_requests(store, open_only=not args.all)
    today = clock.today()
    if args.json:
        print(json.dumps([r.as_json(today) for r in listed]))
        return
    for r in listed:
        state = (
            f"answered {r.answered_on}"
            if r.answered_on
            else f"due {r.due_on} ({r.days_left(today)} days left)"
        )
        print(f"{r.id}: {r.kind} member {r.member_id}, received {r.received_on}, {state}")
    print(f"open requests: {sum(1 for r in listed if r.answered_on is None)}")


def _privacy_access(args: argparse.Namespace, store: Any) -> None:
    from app import association
    from app.members import gdpr
    from app.privacy import documents, requests

    data = gdpr.export_member_data(store, args.id)
    found = association.load(store)
    page = documents.access_letter_html(data, found.name if found else "")
    target = _write_document(args, page, Path(args.output), documents.dumps(data))
    print(f"access: member {args.id} written to {target}")
    if requests.answer_open(store, args.id, "access"):
        print("access: the open access request is marked answered today")


def _privacy_register(args: argparse.Namespace, store: Any) -> None:
    from app import clock
    from app.privacy import documents

    if args.reset:
        documents.save_register(store, None)
    if args.edit:
        source = Path(args.edit)
        files.check_input(source)
        try:
            text = source.read_text(encoding="utf-8")
        except UnicodeDecodeError:
            raise AmicaleError(f"{source} is not UTF-8 text") from None
        documents.save_register(store, text)
    text = documents.register_text(store, day=clock.today().isoformat())
    if args.output:
        target = _write_document(args, documents.register_html(text), Path(args.output), text)
        print(f"register: written to {target}")
    else:
        print(text, end="")


def _privacy_backups(args: argparse.Namespace, store: Any) -> None:
    from app.privacy import backups

    if args.replace:
        print(f"replaced: {backups.replace(store, Path(args.replace))}")
    stale = backups.stale_backups(store)
    if args.json:
        listed = [
            {"path": str(b.path), "made_at": b.made_at.isoformat(), "erased_since": b.erased_since}
            for b in stale
        ]
        print(json.dumps(listed))
        return
    for b in stale:
        made = f"{b.made_at:%Y-%m-%d %H:%M}"
        print(f"{b.path} (made {made}, {b.erased_since} erasure(s) since)")
    print(f"backups holding erased members: {len(stale)}")


_PRIVACY: dict[str, Callable[[argparse.Namespace, Any], None]] = {
    "consent": _privacy_consent,
    "retention": _privacy_retention,
    "request": _privacy_request,
    "answer": _privacy_answer,
    "requests": _privacy_requests,
    "access": _privacy_access,
    "register": _privacy_register,
    "backups": _privacy_backups,
}


# Opens the window on a store (``smoke=True``: show every panel and quit). The command line
# knows nothing of the interface: the program's entry point (ui/launch.py) hands this in.
WindowOpener = Callable[[str, bool], int]  # the store's address (a path or a URL)
# Writes the board report to a .pdf or .xlsx file (the figures, the file, the language), with
# Qt's painting and translations: handed in by the entry point too.
ReportPdfWriter = Callable[[Any, Path, str], Path]
# Paints an HTML document (an access letter, the register) into a PDF file: handed in too.
HtmlPdfWriter = Callable[[str, Path], Path]


SQLITE_MAX_INT = 2**63 - 1
MAX_DEMO_MEMBERS = 10_000_000


def _bounded_int(low: int, high: int) -> Any:
    """An argparse type: an integer from ``low`` to ``high``, else a usage error (exit 2)."""

    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(f"{value} is not between {low} and {high:,}")
        return value

    parse.__name__ = "integer"  # argparse names the type in its message
    return parse


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> Any:  # one line, exit 2 (argparse's own convention)
        self.print_usage(sys.stderr)
        print(f"amicale: {message}", file=sys.stderr)
        sys.exit(2)


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="amicale",
        description="Amicale: the alumni association's directory, offline. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"amicale {__version__}")
    parser.add_argument(
        "--db",
        default=None,
        help="the data file, or a team server as postgresql://user@host/database "
        "(default: $AMICALE_DB, else amicale.sqlite3 in the user data folder)",
    )
    parser.add_argument(
        "--smoke-test",
        action="store_true",
        help="open the window on the store, show every panel, quit (packaging checks)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    p = sub.add_parser("demo", help="fill the store with a fictional association")
    p.add_argument("--members", type=_bounded_int(0, MAX_DEMO_MEMBERS), default=2000, metavar="N")
    seed = _bounded_int(-SQLITE_MAX_INT, SQLITE_MAX_INT)
    p.add_argument("--seed", type=seed, default=1, metavar="S")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("import", help="import members from CSV, XLSX, vCard, LinkedIn, Mailchimp")
    p.add_argument("file", metavar="FILE")
    p.add_argument(
        "--preset",
        choices=["auto", "csv", "xlsx", "vcard", "linkedin", "mailchimp"],
        default="auto",
    )
    p.add_argument("--tag", action="append", default=[], metavar="T", help="tag every row")
    p.add_argument("--dry-run", action="store_true", help="report what would happen, write nothing")
    p.add_argument(
        "--rejects", metavar="FILE", help="write the rejected rows and the warnings to this CSV"
    )
    p.add_argument("--json", action="store_true", help="one JSON object with the counts")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("count", help="number of members matching QUERY (all without one)")
    p.add_argument("query", nargs="*", metavar="QUERY")
    p.set_defaults(func=cmd_count)

    p = sub.add_parser("segments", help="list the segments with their live counts; save one")
    p.add_argument("--json", action="store_true", help="a list of {name, query, count}")
    actions = p.add_subparsers(dest="segments_action", metavar="ACTION", parser_class=_Parser)
    save = actions.add_parser("save", help="save QUERY as segment NAME (replaces its query)")
    save.add_argument("name", metavar="NAME")
    save.add_argument("query", nargs="+", metavar="QUERY")
    p.set_defaults(func=cmd_segments)

    p = sub.add_parser("tags", help="the tags with their member counts; tagging rules")
    p.add_argument("--json", action="store_true", help="one JSON list")
    actions = p.add_subparsers(dest="tags_action", metavar="ACTION", parser_class=_Parser)
    for name, text in (
        ("rules", "the tagging rules, with how many members each would tag"),
        ("apply-rules", "apply the enabled tagging rules now"),
    ):
        action = actions.add_parser(name, help=text)
        action.add_argument("--json", action="store_true", default=argparse.SUPPRESS)
    p.set_defaults(func=cmd_tags)

    p = sub.add_parser("export", help="write the members matching QUERY to a file")
    p.add_argument("query", nargs="*", metavar="QUERY")
    p.add_argument("-o", "--output", required=True, metavar="FILE")
    p.add_argument(
        "--format",
        choices=("csv", "csv-fr", "xlsx", "vcf", "mailchimp"),  # app.io.export.EXPORT_FORMATS
        help="default: from the extension (.csv, .xlsx, .vcf); csv-fr uses ';' for French Excel",
    )
    p.add_argument(
        "--purpose",
        choices=("newsletter", "directory", "events", "partners"),  # app.privacy.consent
        help="only the members this use allows (consent given, or no objection); says how "
        "many were left out",
    )
    p.add_argument(
        "--columns",
        metavar="A,B,C",
        help="CSV/XLSX columns, e.g. first_name,last_name,email,tags (default: the usual ones)",
    )
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("backup", help="a verified copy of the store")
    p.add_argument("-o", "--output", metavar="FILE")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("restore", help="replace the store with a backup (the current one is kept)")
    p.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("team", help="on a postgresql:// store: the team's people and roles")
    team_sub = p.add_subparsers(dest="team_action", required=True, metavar="ACTION")
    team_sub.add_parser("init", help="create the roles and their rights; you become administrator")
    q = team_sub.add_parser("add-user", help="a new login in a role (its password is printed)")
    q.add_argument("name")
    q.add_argument("--role", required=True, choices=["administrator", "animator", "moderator",
                                                     "reader"])  # fmt: skip
    q = team_sub.add_parser("users", help="the team's logins and their roles")
    q.add_argument("--json", action="store_true")
    q = team_sub.add_parser("remove-user", help="remove a login from the team")
    q.add_argument("name")
    q = team_sub.add_parser("export", help="the team directory as a new data file (solo)")
    q.add_argument("-o", "--output", metavar="FILE", required=True)
    q = team_sub.add_parser("import", help="a data file onto the empty team directory")
    q.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_team)

    p = sub.add_parser("check", help="integrity check of the store")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("encrypt", help="encrypt the store in place (SQLCipher), after a copy")
    p.set_defaults(func=cmd_encrypt)
    p = sub.add_parser("decrypt", help="decrypt the store in place, after a verified copy")
    p.set_defaults(func=cmd_decrypt)

    p = sub.add_parser("member", help="one member: show, set, export-data (GDPR), erase")
    p.add_argument("action", choices=["show", "set", "export-data", "erase"])
    p.add_argument("id", type=_bounded_int(1, SQLITE_MAX_INT), metavar="ID")
    p.add_argument(
        "assignments", nargs="*", metavar="FIELD=VALUE", help="with set: the fields to change"
    )
    p.add_argument("--json", action="store_true", help="with show: one JSON document")
    p.add_argument(
        "--if-version",
        type=int,
        metavar="N",
        help="with set: refuse if someone saved the member since version N",
    )
    p.set_defaults(func=cmd_member)

    p = sub.add_parser("birthdays", help="who to wish that day, with the message filled in")
    p.add_argument("--date", metavar="YYYY-MM-DD", help="default: today (local time)")
    p.add_argument("--days", type=int, default=1, metavar="N", help="N days from the date")
    p.add_argument("--language", choices=["fr", "en"], default="fr", help="of the message")
    p.add_argument("--json", action="store_true", help="a list of JSON objects")
    p.set_defaults(func=cmd_birthdays)

    p = sub.add_parser("posts", help="the editorial calendar: list posts, import them from CSV")
    p.add_argument("--due", action="store_true", help="only the posts due now")
    p.add_argument("--json", action="store_true", help="a list of JSON objects")
    actions = p.add_subparsers(dest="posts_action", metavar="ACTION", parser_class=_Parser)
    imp = actions.add_parser("import", help="posts from a CSV: date, time, channel, text, link")
    imp.add_argument("file", metavar="FILE")
    ideas = actions.add_parser(
        "ideas", help="drafts from the new items of an RSS/Atom feed (a file or an http(s) URL)"
    )
    ideas.add_argument("source", metavar="FILE_OR_URL")
    p.set_defaults(func=cmd_posts)
    p = sub.add_parser("moderation", help="the moderation queue: list (default), import FILE")
    p.add_argument("--json", action="store_true", help="with list: a list of JSON objects")
    actions = p.add_subparsers(dest="moderation_action", metavar="ACTION", parser_class=_Parser)
    listing = actions.add_parser("list", help="the open items with their signals and suggestion")
    listing.add_argument(
        "--json", dest="list_json", action="store_true", help="a list of JSON objects"
    )
    imported = actions.add_parser("import", help="add join requests and posts from CSV or JSON")
    imported.add_argument("file", metavar="FILE")
    p.set_defaults(func=cmd_moderation)
    p = sub.add_parser("feed", help="write the Atom feed of the published posts")
    p.add_argument("-o", "--output", required=True, metavar="FILE", help="a file or a folder")
    p.add_argument(
        "--domain", metavar="DOMAIN", help="the website's domain, for the entries' ids (kept)"
    )
    p.set_defaults(func=cmd_feed)

    p = sub.add_parser("report", help="the board report over a period: PDF, XLSX or JSON")
    p.add_argument("--from", dest="start", required=True, metavar="YYYY-MM-DD")
    p.add_argument("--to", dest="end", required=True, metavar="YYYY-MM-DD")
    p.add_argument("-o", "--output", metavar="FILE", help="FILE.pdf or FILE.xlsx")
    p.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    p.add_argument("--language", choices=["fr", "en"], default="fr", help="of the PDF and XLSX")
    p.set_defaults(func=cmd_report)

    member_id = _bounded_int(1, SQLITE_MAX_INT)
    p = sub.add_parser(
        "privacy", help="consent per purpose, retention, requests, access letters, the register"
    )
    actions = p.add_subparsers(
        dest="privacy_action", metavar="ACTION", parser_class=_Parser, required=True
    )
    a = actions.add_parser("consent", help="a member's answers per purpose; set them")
    a.add_argument("id", type=member_id, metavar="ID")
    a.add_argument(
        "answers", nargs="*", metavar="PURPOSE=yes|no|unset",
        help="newsletter, directory, events, partners",
    )  # fmt: skip
    a.add_argument("--source", default="command-line", help="where the answer comes from")
    a.add_argument("--wording", help="the text the person was shown (default: the usual one)")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("retention", help="the rules and who they propose for erasure")
    a.add_argument("status", nargs="?", choices=("member", "former", "lost"))
    a.add_argument("years", nargs="?", metavar="YEARS|none")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("request", help="log an access or erasure request")
    a.add_argument("id", type=member_id, metavar="ID")
    a.add_argument("kind", choices=("access", "erasure"))
    a.add_argument("--received", metavar="YYYY-MM-DD", help="default: today")
    a.add_argument("--note", help="how it came (no personal data)")
    a = actions.add_parser("answer", help="mark a request answered")
    a.add_argument("request_id", type=member_id, metavar="REQUEST")
    a.add_argument("--date", metavar="YYYY-MM-DD", help="default: today")
    a = actions.add_parser("requests", help="the open requests with their deadline")
    a.add_argument("--all", action="store_true", help="the answered ones too")
    a.add_argument("--json", action="store_true")
    a = actions.add_parser("access", help="a member's file as JSON, an HTML or PDF letter")
    a.add_argument("id", type=member_id, metavar="ID")
    a.add_argument("-o", "--output", required=True, metavar="FILE", help=".json, .html or .pdf")
    a = actions.add_parser("register", help="the register of processing (print or write it)")
    a.add_argument("-o", "--output", metavar="FILE", help=".html, .pdf or .txt")
    a.add_argument("--edit", metavar="FILE.txt", help="keep this text as the register")
    a.add_argument("--reset", action="store_true", help="back to the generated register")
    a = actions.add_parser("backups", help="backups made before an erasure; replace one")
    a.add_argument("--replace", metavar="FILE", help="overwrite it with a clean verified copy")
    a.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_privacy)

    p = sub.add_parser("calendar", help="write the scheduled posts as an iCalendar file")
    p.add_argument("-o", "--output", required=True, metavar="FILE.ics", help="a file or a folder")
    p.set_defaults(func=cmd_calendar)
    return parser


def main(
    argv: Sequence[str] | None = None,
    window: WindowOpener | None = None,
    report_pdf: ReportPdfWriter | None = None,
    html_pdf: HtmlPdfWriter | None = None,
) -> int:
    """Run the command line; without a sub-command (or with --smoke-test), ``window`` opens
    the window; ``report_pdf`` paints `report -o FILE.pdf`. Without them (``python -m
    app``), the other sub-commands work."""
    parser = build_parser()
    args = parser.parse_args(argv)
    args.report_pdf = report_pdf
    args.html_pdf = html_pdf
    if args.db is None:
        args.db = default_store_address()
    logging.basicConfig(level=logging.WARNING, format="amicale: %(message)s")
    if window is None and (args.smoke_test or args.command is None):
        parser.error("no window here: run `amicale` (or python -m ui) to open it")
    try:
        if window is not None and (args.smoke_test or args.command is None):
            return window(str(args.db), bool(args.smoke_test))
        return int(args.func(args))
    except AmicaleError as exc:
        print(f"amicale: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("amicale: interrupted", file=sys.stderr)
        return 1
    except Exception as exc:
        from app import failures

        # A full disk, a lock, a read-only disk: one sentence.
        known = failures.explain(exc, near=None if "://" in str(args.db) else Path(args.db))
        if known is not None:
            print(f"amicale: {known}", file=sys.stderr)
            return 1
        # A bug: still one line; the details (without personal data) go to the crash log.
        from app.paths import log_dir

        logged = failures.log_crash(exc, log_dir(), __version__)
        print(f"amicale: {failures.internal_error(exc, logged)}", file=sys.stderr)
        return 1
