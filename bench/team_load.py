"""Ten animators at once on one team directory (issue 11): no error, no lost update, p95 save
≤ 100 ms.

    python -m bench.team_load [--members N] [--store FILE] [--animators 10] [--seconds 60]
                              [--hot 20] [--reference-seconds S]

The demo store of bench/.data is copied onto a throw-away PostgreSQL cluster
(tests/pg_cluster.py), `team init` is run, and each animator gets a login of their own
(`app.team.add_user`, role animator). Each animator is a process of its own (multiprocessing,
spawn) that opens the store with its own login and, for D seconds, searches (one of
QUERIES, in turn) and then saves a member of a small hot set (20 members, so that the saves
collide) the member card's way (ui/panels/member_card.py `_save_changes`): read the member,
then `member.update` through `app.operations` with `expected_version` and `original`,
appending a unique token to the notes and adding the animator's own tag; on EditConflict
(someone saved the notes meanwhile) it starts again from a fresh read, so the token is
appended once. A token is recorded only once its save succeeded.

At the end, as the directory's owner: every recorded token is in its member's notes exactly
once (missing: a lost update), no token is there that was not recorded, each member's version
moved by exactly the saves recorded on it, and every animator's tag is on each member it
saved. Reported: saves/s, conflicts retried, save latency (the first attempt to the success,
retries included) median/p95/max, statements sent per save attempt, search median/p95.

References, in the same run on the same server afterwards: the same change of the notes as
one raw UPDATE through psycopg (autocommit, each process its own animator login), in a loop
by as many processes on the same hot set: its latency p95 (what the server itself needs to
serialise saves of the same rows); then the same again with each UPDATE after the same
search as the animators' (its compiled SQL sent raw), so that the server is as loaded.
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from bench.common import DATA_DIR, load_average, machine, median, ms

QUERIES = ("dup", "jean", "city:lyon", "lyon chimie", "promo:2000..2005 mar", "-has:email")
TAG_CATEGORY = "Bench"
SAVE_TARGET_S = 0.100
SEED = 20261204


def tag_label(index: int) -> str:
    return f"{TAG_CATEGORY}/Animator {index:02d}"


def token(index: int, serial: int) -> str:
    """Unique, and never a part of another token (bracketed, fixed width)."""
    return f"[a{index:02d}-{serial:06d}]"


def statement_kind(statement: str) -> str:
    """``SELECT … FROM member_tag``: the verb and the first table, to add statements up."""
    import re

    words = " ".join(statement.split())
    verb = words.split(" ", 1)[0].upper()
    table = re.search(r"\b(?:FROM|INTO|UPDATE)\s+(\w+)", words, re.IGNORECASE)
    lock = " FOR UPDATE" if words.upper().endswith("FOR UPDATE") else ""
    return f"{verb} {table.group(1) if table else words[:40]}{lock}"


def p95(samples: list[float]) -> float:
    """The 95th percentile by nearest rank (a sample really seen)."""
    ordered = sorted(samples)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


@dataclass
class Report:
    """What one animator's process did."""

    index: int
    saved: list[tuple[int, str]] = field(default_factory=list)  # (member id, token)
    save_s: list[float] = field(default_factory=list)
    search_s: list[float] = field(default_factory=list)
    conflicts: int = 0
    statements: list[int] = field(default_factory=list)  # per save attempt
    # Of each successful save (retries included): seconds waiting on the server (each
    # statement's execute, lock waits included) and this process's CPU seconds.
    server_s: list[float] = field(default_factory=list)
    cpu_s: list[float] = field(default_factory=list)
    # Each statement sent during save attempts and the re-reads after a conflict (its first
    # words): count, seconds in execute.
    by_statement: dict[str, list[float]] = field(default_factory=dict)
    errors: list[str] = field(default_factory=list)
    tagged: set[int] = field(default_factory=set)  # members this animator's tag was added to


def animator(url: str, index: int, hot: list[int], seconds: float, start: Any, out: Any) -> None:
    """One animator's process: search, then save a hot member, until ``seconds`` are up."""
    import sqlalchemy as sa

    from app import operations
    from app.members.service import EditConflict, MemberDirectory, Sort
    from app.operations.core import Operation
    from app.store import open_store

    report = Report(index)
    store = open_store(url)
    directory = MemberDirectory(store)
    sent = [0]
    waited = [0.0, 0.0]  # total in execute, start of the current one
    saving = [False]

    @sa.event.listens_for(store.engine, "before_cursor_execute")
    def _count(*_: Any) -> None:
        sent[0] += 1
        waited[1] = time.perf_counter()

    @sa.event.listens_for(store.engine, "after_cursor_execute")
    def _done(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        took = time.perf_counter() - waited[1]
        waited[0] += took
        if saving[0]:
            kind = statement_kind(statement)
            seen = report.by_statement.setdefault(kind, [0.0, 0.0])
            seen[0] += 1
            seen[1] += took

    rng = random.Random(SEED + index)
    label = tag_label(index)
    directory.search_ids(QUERIES[index % len(QUERIES)], Sort())  # connections warm
    start.wait()
    deadline = time.monotonic() + seconds
    serial = 0
    while time.monotonic() < deadline:
        query = QUERIES[(index + serial) % len(QUERIES)]
        try:
            began = time.perf_counter()
            directory.search_ids(query, Sort())
            report.search_s.append(time.perf_counter() - began)
            member_id = rng.choice(hot)
            serial += 1
            mine = token(index, serial)
            card = directory.get(member_id)  # the card as it was opened
            began, cpu, server_before = time.perf_counter(), time.process_time(), waited[0]
            while True:
                notes = card.values.get("notes") or ""
                tags_changed = label not in card.tags
                args = {
                    "member_id": member_id,
                    "values": {"notes": f"{notes} {mine}".strip()},
                    "tags": [*card.tags, label] if tags_changed else None,
                    "expected_version": card.version,
                    "original": {"notes": card.values.get("notes")}
                    | ({"tags": card.tags} if tags_changed else {}),
                }
                before = sent[0]
                saving[0] = True
                try:
                    operations.run(store, Operation("member.update", args))
                except EditConflict:
                    report.statements.append(sent[0] - before)
                    report.conflicts += 1
                    card = directory.get(member_id)  # start again from what is saved now
                    continue
                report.statements.append(sent[0] - before)
                break
            saving[0] = False
            report.save_s.append(time.perf_counter() - began)
            report.cpu_s.append(time.process_time() - cpu)
            report.server_s.append(waited[0] - server_before)
            report.saved.append((member_id, mine))
            if tags_changed:
                report.tagged.add(member_id)
        except Exception as exc:  # counted and shown: the benchmark's verdict
            report.errors.append(f"{type(exc).__name__}: {exc}")
    store.close()
    out.put(report)


def raw_search_sql(query: str) -> tuple[str, dict[str, Any]]:
    """The statement `search_ids` sends for ``query`` (default sort), for psycopg."""
    import sqlalchemy as sa
    from sqlalchemy.dialects.postgresql import psycopg as dialect

    from app.members.query import condition_for
    from app.members.service import Sort
    from app.store.schema import member

    stmt = sa.select(member.c.id).where(condition_for(query)).order_by(*Sort().order_by())
    compiled = stmt.compile(dialect=dialect.dialect(), compile_kwargs={"render_postcompile": True})
    return str(compiled), dict(compiled.construct_params())


def raw_saver(
    url: str, index: int, hot: list[int], seconds: float, start: Any, out: Any, search: bool
) -> None:
    """The reference: the same change of the notes, one raw UPDATE a save (autocommit);
    with ``search``, each save after the same search as the animators', its SQL sent raw
    (the server as loaded as by the animators, without Amicale's statements)."""
    import psycopg

    rng = random.Random(SEED + 1000 + index)
    latencies: list[float] = []
    errors: list[str] = []
    searches = [raw_search_sql(q) for q in QUERIES] if search else []
    with psycopg.connect(url, autocommit=True) as conn:
        start.wait()
        deadline = time.monotonic() + seconds
        serial = 0
        while time.monotonic() < deadline:
            serial += 1
            if searches:
                sql, params = searches[(index + serial) % len(searches)]
                conn.execute(sql, params).fetchall()  # type: ignore[arg-type]
            began = time.perf_counter()
            try:
                conn.execute(
                    "UPDATE member SET notes = concat_ws(' ', notes, %s::text), "
                    "updated_at = %s::text WHERE id = %s",
                    (f"[r{index:02d}-{serial:06d}]", "2026-12-04T00:00:00", rng.choice(hot)),
                )
            except psycopg.Error as exc:
                errors.append(str(exc))
                continue
            latencies.append(time.perf_counter() - began)
    out.put((index, latencies, errors))


def _in_processes(
    target: Any, urls: list[str], hot: list[int], seconds: float, *extra: Any
) -> list[Any]:
    """Run ``target`` in one spawned process per url, all released at once; their reports."""
    context = multiprocessing.get_context("spawn")
    start = context.Barrier(len(urls) + 1)
    out = context.Queue()
    processes = [
        context.Process(target=target, args=(url, i, hot, seconds, start, out, *extra))
        for i, url in enumerate(urls, start=1)
    ]
    for process in processes:
        process.start()
    start.wait(timeout=300)
    reports = [out.get(timeout=seconds + 300) for _ in processes]
    for process in processes:
        process.join()
    return reports


def check(store: Any, reports: list[Report], versions: dict[int, int]) -> list[str]:
    """What went wrong, read back as the owner: lost or doubled tokens, foreign tokens,
    versions not moved by exactly the saves, an animator's tag missing."""
    import re

    from app.members.service import MemberDirectory

    directory = MemberDirectory(store)
    problems: list[str] = []
    expected: dict[int, list[str]] = {m: [] for m in versions}
    for report in reports:
        for member_id, mine in report.saved:
            expected[member_id].append(mine)
    for member_id, tokens in expected.items():
        now = directory.get(member_id)
        notes = now.values.get("notes") or ""
        for mine in tokens:
            seen = notes.count(mine)
            if seen != 1:
                problems.append(f"member {member_id}: {mine} found {seen} times")
        found = set(re.findall(r"\[a\d{2}-\d{6}\]", notes))
        for stray in sorted(found - set(tokens)):
            problems.append(f"member {member_id}: {stray} was not reported saved")
        moved = now.version - versions[member_id]
        if moved != len(tokens):
            problems.append(f"member {member_id}: version moved {moved}, {len(tokens)} saves")
        for report in reports:
            if member_id in report.tagged and tag_label(report.index) not in now.tags:
                problems.append(f"member {member_id}: {tag_label(report.index)} missing")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.team_load")
    parser.add_argument("--members", type=int, default=100_000)
    parser.add_argument("--store", type=Path)
    parser.add_argument("--animators", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60.0)
    parser.add_argument("--hot", type=int, default=20, help="members the saves share")
    parser.add_argument(
        "--reference-seconds", type=float, help="each of the two references (default: --seconds)"
    )
    args = parser.parse_args(argv)
    source_path = args.store or DATA_DIR / f"demo-{args.members}-1.sqlite3"
    if not source_path.exists():
        print(f"{source_path} is missing: run `python -m bench --members {args.members} --keep`")
        return 1

    import sqlalchemy as sa

    from app import team
    from app.members.service import MemberDirectory, Sort
    from app.store import open_store
    from app.store.copy import copy_store
    from tests.pg_cluster import Cluster

    load_at_start = load_average()
    cluster = Cluster().start()
    try:
        cluster.admin("CREATE DATABASE bench")
        server = open_store(cluster.url("bench"))
        source = open_store(source_path)
        began = time.perf_counter()
        counts = copy_store(source, server)
        print(f"copy of {counts['member']:,} members: {time.perf_counter() - began:.1f} s")
        source.close()
        with server.write() as conn:
            conn.exec_driver_sql("ANALYZE")
        with server.read() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar()
        team.init(server)
        urls = []
        for i in range(1, args.animators + 1):
            name = f"animator{i:02d}"
            password = team.add_user(server, name, "animator")
            urls.append(sa.make_url(cluster.url("bench", name)).set(password=password))
        everyone = MemberDirectory(server).search_ids("", Sort())
        hot = sorted(random.Random(SEED).sample(list(everyone), args.hot))
        versions = {m: MemberDirectory(server).get(m).version for m in hot}

        print(f"{args.animators} animators, {args.seconds:.0f} s, hot set of {len(hot)}")
        began = time.perf_counter()
        reports: list[Report] = _in_processes(
            animator, [u.render_as_string(hide_password=False) for u in urls], hot, args.seconds
        )
        wall = time.perf_counter() - began
        problems = check(server, reports, versions)

        raw_urls = [u.set(drivername="postgresql").render_as_string(hide_password=False)
                    for u in urls]  # fmt: skip
        reference_s = args.reference_seconds or args.seconds
        raw = _in_processes(raw_saver, raw_urls, hot, reference_s, False)
        raw_searching = _in_processes(raw_saver, raw_urls, hot, reference_s, True)
        load_at_end = load_average()
        server.close()
    finally:
        cluster.stop()

    saves = [s for r in reports for s in r.save_s]
    searches = [s for r in reports for s in r.search_s]
    statements = [n for r in reports for n in r.statements]
    server_s = [s for r in reports for s in r.server_s]
    cpu_s = [s for r in reports for s in r.cpu_s]
    errors = [e for r in reports for e in r.errors]
    conflicts = sum(r.conflicts for r in reports)
    raw_saves = [s for _i, latencies, _e in raw for s in latencies]
    raw_errors = [e for _i, _l, errs in raw + raw_searching for e in errs]
    raw_searching_saves = [s for _i, latencies, _e in raw_searching for s in latencies]
    ok = not errors and not problems and bool(saves) and p95(saves) <= SAVE_TARGET_S
    print(
        f"\n{machine()}, PostgreSQL {version}; load average {load_at_start} at start, "
        f"{load_at_end} at the end\n"
    )
    print(
        f"saves: {len(saves):,} in {args.seconds:.0f} s = {len(saves) / args.seconds:.1f}/s "
        f"({wall:.1f} s with the processes' start); "
        f"conflicts retried {conflicts:,}; errors {len(errors)}; problems {len(problems)}"
    )
    if saves:
        print(
            f"save latency: median {ms(median(saves))} · p95 {ms(p95(saves))} · "
            f"max {ms(max(saves))}"
        )
        print(
            f"of a save: waiting on the server (execute) median {ms(median(server_s))} · "
            f"p95 {ms(p95(server_s))}; the process's CPU median {ms(median(cpu_s))} · "
            f"p95 {ms(p95(cpu_s))}"
        )
        print(
            f"statements per save attempt: median {median(statements):.0f}, max {max(statements)}"
        )
    if reports:
        kinds: dict[str, list[float]] = {}
        for r in reports:
            for kind, (count, seconds) in r.by_statement.items():
                total = kinds.setdefault(kind, [0.0, 0.0])
                total[0] += count
                total[1] += seconds
        attempts = len(statements) or 1
        print(
            "statements of the save attempts and of the re-reads after a conflict (per "
            "attempt: count, mean time in execute):"
        )
        for kind, (count, seconds) in sorted(kinds.items(), key=lambda kv: -kv[1][1]):
            print(f"  {kind}: {count / attempts:.2f} × {ms(seconds / count)}")
    if searches:
        print(
            f"search ({len(searches):,}): median {ms(median(searches))} · p95 {ms(p95(searches))}"
        )
    if raw_saves:
        print(
            f"reference, raw UPDATE × {len(raw)} processes: {len(raw_saves):,} saves, "
            f"median {ms(median(raw_saves))} · p95 {ms(p95(raw_saves))} · "
            f"max {ms(max(raw_saves))}; errors {len(raw_errors)}"
        )
    if raw_searching_saves:
        print(
            f"reference, the same searches raw then the raw UPDATE × {len(raw_searching)} "
            f"processes: {len(raw_searching_saves):,} saves, "
            f"median {ms(median(raw_searching_saves))} · p95 {ms(p95(raw_searching_saves))} · "
            f"max {ms(max(raw_searching_saves))}"
        )
    for line in (errors + problems + raw_errors)[:20]:
        print(f"  {line}")
    print(
        f"\nverdict (no error, no lost update, p95 save ≤ {ms(SAVE_TARGET_S)}): "
        f"{'ok' if ok else 'over'}"
    )
    return 0  # a missed target is a finding, not a failure: the verdict says it


if __name__ == "__main__":
    sys.exit(main())
