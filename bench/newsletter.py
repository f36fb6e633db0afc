"""The newsletter sent to 10,000 members through a local SMTP server, beside raw smtplib.

`python -m bench.newsletter [--recipients N] [--no-record]` (run from the repository):

- builds a store of N members with an address and the consent (not timed);
- starts `bench.smtp_sink` (aiosmtpd) in a process of its own;
- **result**: `send_newsletter(store, "", …)` with no throttling — recipients query, send log
  written, one message built and sent per member, each marked sent in its own committed
  transaction — wall time and messages/s;
- **reference**: the same N messages (built beforehand, not timed) sent by `smtplib` on one
  connection with nothing else: the floor of this server and this machine;
- checks the server received each address exactly once in both runs;
- appends a dated section to bench/RESULTS.md (unless --no-record).
"""

from __future__ import annotations

import argparse
import smtplib
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from bench.common import REPO, RESULTS, load_average, machine

TARGET_NOTE = "recorded (issue 5 asks for the figure, no target)"


def _build_store(path: Path, count: int) -> None:
    from app import association
    from app.clock import now_iso
    from app.store import open_store
    from app.store.schema import member
    from app.text import sort_name

    store = open_store(path)
    try:
        association.save(store, association.Association("Amicale du banc d'essai", ""))
        stamp = now_iso()
        rows = [
            {
                "first_name": f"Prénom{i}",
                "last_name": f"Nom{i:05d}",
                "sort_name": sort_name(f"Prénom{i}", f"Nom{i:05d}"),
                "email": f"membre{i:05d}@example.org",
                "promo": 1980 + i % 45,
                "consent": True,
                "created_at": stamp,
                "updated_at": stamp,
            }
            for i in range(count)
        ]
        with store.write() as conn:
            conn.execute(member.insert(), rows)
    finally:
        store.close()


class _Sink:
    def __init__(self) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bench.smtp_sink"],
            cwd=REPO,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.process.stdout is not None
        self.port = int(self.process.stdout.readline())

    def ask(self, command: str) -> str:
        assert self.process.stdin is not None and self.process.stdout is not None
        self.process.stdin.write(command + "\n")
        self.process.stdin.flush()
        return self.process.stdout.readline().strip()

    def counts(self) -> tuple[int, int, int]:
        messages, recipients, doubles = (int(x) for x in self.ask("count").split())
        return messages, recipients, doubles

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait(timeout=30)


def run(count: int) -> dict[str, float | int | str]:
    from app.posts import newsletter
    from app.posts.smtp import SmtpSettings
    from app.store import open_store

    sink = _Sink()
    try:
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "bench-newsletter.sqlite3"
            _build_store(path, count)
            settings = SmtpSettings(
                host="127.0.0.1",
                port=sink.port,
                security="none",
                from_address="bureau@amicale.example",
                per_minute=0,
            )
            subject = "Les nouvelles de {association}"
            body = (
                "Bonjour {prénom} {nom},\n\nLa promo {promo} est attendue au gala de "
                "décembre.\n\nÀ bientôt,\n{association}\n"
            )
            store = open_store(path)
            try:
                # Reference first: messages built ahead (untimed), one connection, sendmail.
                association = newsletter.association_name(store)
                prepared = []
                for r in newsletter.recipients(store, ""):
                    values = newsletter.values_for(r, association)
                    message = newsletter.build_message(
                        settings,
                        association,
                        r.email,
                        r.display_name,
                        newsletter.render(subject, values),
                        newsletter.render(body, values),
                    )
                    prepared.append((r.email, message.as_bytes()))
                started = time.perf_counter()
                client = smtplib.SMTP("127.0.0.1", sink.port)
                for address, data in prepared:
                    client.sendmail(settings.from_address, [address], data)
                client.quit()
                raw_seconds = time.perf_counter() - started
                raw_counts = sink.counts()
                sink.ask("reset")

                started = time.perf_counter()
                report = newsletter.send_newsletter(store, "", subject, body, settings, None)
                app_seconds = time.perf_counter() - started
                app_counts = sink.counts()
            finally:
                store.close()
    finally:
        sink.close()
    if raw_counts != (count, count, 0) or app_counts != (count, count, 0):
        raise SystemExit(f"the server did not get each address once: {raw_counts} {app_counts}")
    return {
        "count": count,
        "raw_seconds": raw_seconds,
        "app_seconds": app_seconds,
        "sent": report.summary.sent,
        "failed": report.summary.failed,
    }


def record(result: dict[str, float | int | str], started: datetime, load: str) -> str:
    count = int(result["count"])
    raw, app = float(result["raw_seconds"]), float(result["app_seconds"])
    lines = [
        "",
        f"## {started:%Y-%m-%d %H:%M} — newsletter — {machine()} — load average {load} at start",
        "",
        f"`python -m bench.newsletter --recipients {count}`: a temporary store of {count:,} "
        "members with an address and the consent; aiosmtpd (`bench/smtp_sink.py`) on "
        "127.0.0.1 in a process of its own; no throttling. Both runs checked on the server: "
        "each address received exactly once.",
        "",
        "| benchmark | reference | result | target | verdict |",
        "|---|---|---|---|---|",
        f"| newsletter: `send_newsletter` to {count:,} members (recipients query, send log, "
        "a message built and sent per member, each marked sent in its own transaction) "
        f"| raw `smtplib.sendmail` of the same {count:,} messages, built beforehand, on one "
        f"connection: {raw:.2f} s, {count / raw:,.0f} messages/s "
        f"| {app:.2f} s, {count / app:,.0f} messages/s ({app / raw:.2f} × raw) "
        f"| {TARGET_NOTE} | — |",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.newsletter")
    parser.add_argument("--recipients", type=int, default=10_000, metavar="N")
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)
    started = datetime.now(UTC)
    load = load_average()
    result = run(args.recipients)
    section = record(result, started, load)
    print(section)
    if not args.no_record:
        with RESULTS.open("a", encoding="utf-8") as handle:
            handle.write(section)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
