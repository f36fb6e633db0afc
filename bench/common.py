"""What every benchmark shares: statistics, resident memory, the machine, the result rows.

Standard library only: imported by the Qt worker before Qt and Amicale are loaded.
"""

from __future__ import annotations

import math
import os
import platform
import sqlite3
import statistics
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
REPO = BENCH_DIR.parent
DATA_DIR = BENCH_DIR / ".data"
RESULTS = BENCH_DIR / "RESULTS.md"
BENCHMARKS = (
    "demo",
    "search",
    "select",
    "startup",
    "scroll",
    "memory",
    "import",
    "export",
    "dedup",
    "tags",
    "dashboard",
)
WINDOW_SIZE = (1400, 850)


def median(samples: Sequence[float]) -> float:
    return float(statistics.median(samples))


def p90(samples: Sequence[float]) -> float:
    """The 90th percentile by nearest rank: never better than a sample really seen."""
    ordered = sorted(samples)
    return float(ordered[max(0, math.ceil(0.9 * len(ordered)) - 1)])


def ms(seconds: float) -> str:
    value = seconds * 1000
    return f"{value:.1f} ms" if value < 10 else f"{value:,.0f} ms"


def secs(seconds: float) -> str:
    return f"{seconds:.2f} s" if seconds < 10 else f"{seconds:.1f} s"


def spread(samples: Sequence[float]) -> str:
    """'median 12 ms · p90 15 ms' for a list of durations in seconds."""
    return f"median {ms(median(samples))} · p90 {ms(p90(samples))}"


def _status_bytes(field: str) -> int:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith(f"{field}:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"no {field} in /proc/self/status")


def rss_bytes() -> int:
    """Resident memory of this process (VmRSS), in bytes."""
    return _status_bytes("VmRSS")


def peak_rss_bytes() -> int:
    """The most resident memory this process has had so far (VmHWM), in bytes."""
    return _status_bytes("VmHWM")


def load_average() -> str:
    """'1.78, 2.16, 1.99': the 1, 5 and 15 minute load averages (other work on the machine)."""
    return ", ".join(f"{value:.2f}" for value in os.getloadavg())


def mb(size: float) -> str:
    return f"{size / 2**20:.0f} MB"


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def machine() -> str:
    """'2 cores, Intel(R) Xeon(R) Processor, Python 3.11.7, SQLite 3.40.1'."""
    return (
        f"{os.cpu_count()} cores, {cpu_model()}, Python {platform.python_version()}, "
        f"SQLite {sqlite3.sqlite_version}"
    )


@dataclass(frozen=True)
class Row:
    """One line of the results table."""

    benchmark: str
    reference: str
    result: str
    target: str
    ok: bool | None  # None: no target, for information

    @property
    def verdict(self) -> str:
        return "—" if self.ok is None else "ok" if self.ok else "over"

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Row:
        return cls(**data)
