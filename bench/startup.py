"""The `startup` benchmark: from process spawn to the window, then to the first page painted.

Each run spawns ``bench/startup_probe.py`` with a fresh preferences folder (a first start on
this laptop: no saved column layout). The probe prints its events as they happen; this
side stamps each line on arrival ("from spawn", interpreter start-up included) and keeps the
probe's own clock ("in-process", from its first statement). The reference is the bare
interpreter: ``python -c pass``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from bench.common import BENCH_DIR, REPO, Row, median, ms, p90, secs

PROBE = BENCH_DIR / "startup_probe.py"
RUNS = 5
WINDOW_TARGET_S = 0.6
ROWS_TARGET_S = 1.2


@dataclass(frozen=True)
class Probe:
    window_spawn: float
    window_inside: float
    rows_spawn: float
    rows_inside: float
    rows: int


def _env(config_dir: str) -> dict[str, str]:
    env = dict(os.environ)
    env["AMICALE_CONFIG_DIR"] = config_dir
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    return env


def run_probe(db: Path) -> Probe:
    with tempfile.TemporaryDirectory(prefix="amicale-bench-config-") as config_dir:
        # -P: the probe's folder (bench/) is not put on sys.path, as for the real `amicale`.
        command = [sys.executable, "-P", str(PROBE), str(db)]
        arrived: dict[str, float] = {}
        events: dict[str, dict[str, float]] = {}
        started = time.perf_counter()
        with subprocess.Popen(
            command, stdout=subprocess.PIPE, text=True, env=_env(config_dir), cwd=REPO
        ) as process:
            assert process.stdout is not None
            for line in process.stdout:
                stamp = time.perf_counter() - started
                event = json.loads(line)
                if event["event"] == "error":
                    process.kill()
                    raise RuntimeError(f"startup probe: {event['message']}")
                arrived[event["event"]] = stamp
                events[event["event"]] = event
        if process.returncode != 0 or set(events) != {"window", "rows"}:
            raise RuntimeError(f"startup probe failed (exit {process.returncode}): {events}")
    return Probe(
        window_spawn=arrived["window"],
        window_inside=events["window"]["t"],
        rows_spawn=arrived["rows"],
        rows_inside=events["rows"]["painted_at"],
        rows=int(events["rows"]["rows"]),
    )


def interpreter_seconds() -> float:
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", "pass"], check=True)
    return time.perf_counter() - started


def _both(spawn: list[float], inside: list[float]) -> str:
    return (
        f"median {secs(median(spawn))} · p90 {secs(p90(spawn))} from spawn "
        f"({secs(median(inside))} in-process)"
    )


def startup_rows(db: Path, runs: int = RUNS) -> list[Row]:
    interpreter_seconds()  # warm the interpreter's files into the page cache
    bare = [interpreter_seconds() for _ in range(runs)]
    run_probe(db)  # warm-up: the libraries and the store in the page cache, like a second start
    probes: list[Probe] = []
    for index in range(runs):
        probe = run_probe(db)
        probes.append(probe)
        print(
            f"  startup {index + 1}/{runs}: window {secs(probe.window_spawn)}, "
            f"{probe.rows:,} rows painted {secs(probe.rows_spawn)} from spawn",
            file=sys.stderr,
            flush=True,
        )
    reference = f"`python -c pass`: median {ms(median(bare))}"
    window_spawn = [p.window_spawn for p in probes]
    rows_spawn = [p.rows_spawn for p in probes]
    return [
        Row(
            "startup: main window shown (first paint)",
            reference,
            _both(window_spawn, [p.window_inside for p in probes]),
            f"≤ {secs(WINDOW_TARGET_S)} from spawn",
            median(window_spawn) <= WINDOW_TARGET_S,
        ),
        Row(
            f"startup: first page of {probes[0].rows:,} members painted",
            reference,
            _both(rows_spawn, [p.rows_inside for p in probes]),
            f"≤ {secs(ROWS_TARGET_S)} from spawn",
            median(rows_spawn) <= ROWS_TARGET_S,
        ),
    ]
