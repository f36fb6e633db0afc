"""Figures of the frozen program, appended to bench/RESULTS.md as a dated section.

    .venv/bin/python packaging/measure.py [--build] [--onefile] [--members N] [--runs R]
                                          [--no-record]

--build      run packaging/build first and time it (else the times of the last build, from
             build/last-build.json)
--onefile    also build the one-file variant (into build/onefile/) and time its start
--members N  size of the demo store the start-up is measured on (default 2,000)

Rows, each beside the same measure for the sources run by the project's Python
(`python -m ui`), as the reference:
- build: packaging/build, whole and PyInstaller alone;
- size: dist/amicale/ (and the .deb);
- start: from spawn to the line `--smoke-test` prints once the window is shown, the member
  list loaded and every panel opened (an upper bound of "start to window shown"), and from
  spawn to the end of `--version` (the bootloader and interpreter alone).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.__main__ import append_results, render  # noqa: E402
from bench.common import Row, median, p90, secs  # noqa: E402

SIZE_TARGET_MB = 130
START_TARGET_S = 1.0
BUILD_TARGET_S = 300
PROGRAM = ROOT / "dist" / "amicale" / ("amicale.exe" if os.name == "nt" else "amicale")


def _env(config: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["AMICALE_CONFIG_DIR"] = str(config)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.pop("AMICALE_DB", None)
    return env


def time_to_line(command: Sequence[str], prefix: str) -> float:
    """Seconds from spawn until a stdout line starting with ``prefix`` arrives."""
    with tempfile.TemporaryDirectory(prefix="amicale-measure-") as tmp:
        started = time.perf_counter()
        with subprocess.Popen(
            list(command), stdout=subprocess.PIPE, text=True, env=_env(Path(tmp)), cwd=ROOT
        ) as process:
            assert process.stdout is not None
            arrived = None
            for line in process.stdout:
                if arrived is None and line.startswith(prefix):
                    arrived = time.perf_counter() - started
        if process.returncode != 0 or arrived is None:
            raise RuntimeError(f"{command}: exit {process.returncode}, no line {prefix!r}")
    return arrived


def time_to_exit(command: Sequence[str]) -> float:
    with tempfile.TemporaryDirectory(prefix="amicale-measure-") as tmp:
        started = time.perf_counter()
        subprocess.run(
            list(command), check=True, stdout=subprocess.DEVNULL, env=_env(Path(tmp)), cwd=ROOT
        )
        return time.perf_counter() - started


def samples(measure: object, runs: int) -> list[float]:
    assert callable(measure)
    measure()  # warm-up: the files in the page cache, as at a second start
    return [measure() for _ in range(runs)]


def spread(values: list[float]) -> str:
    return f"median {secs(median(values))} · p90 {secs(p90(values))}"


def tree_bytes(folder: Path) -> int:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink())


def mb(size: float) -> str:
    return f"{size / 2**20:.0f} MB"


def build(onefile: bool) -> float:
    started = time.perf_counter()
    if onefile:
        env = dict(os.environ, AMICALE_ONEFILE="1")
        subprocess.run(
            [
                *(sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN"),
                *("--distpath", "build/onefile", "--workpath", "build/pyinstaller-onefile"),
                "packaging/amicale.spec",
            ],
            check=True,
            cwd=ROOT,
            env=env,
        )
    else:
        subprocess.run([str(ROOT / "packaging" / "build")], check=True, cwd=ROOT)
    return time.perf_counter() - started


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--build", action="store_true")
    parser.add_argument("--onefile", action="store_true")
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--no-record", action="store_true")
    args = parser.parse_args(argv)

    if args.build:
        build(onefile=False)
    last = json.loads((ROOT / "build" / "last-build.json").read_text(encoding="utf-8"))
    if not PROGRAM.exists():
        raise SystemExit(f"measure: no {PROGRAM} (packaging/build, or --build)")
    onefile_seconds = build(onefile=True) if args.onefile else None
    onefile = ROOT / "build" / "onefile" / PROGRAM.name

    rows: list[Row] = []
    rows.append(
        Row(
            "build: `packaging/build` (icons, PyInstaller one folder, strip, .deb zstd -19)",
            "—",
            f"{last['seconds']} s, of which the frozen program {last['frozen_seconds']} s"
            + (f"; one file: {onefile_seconds:.0f} s" if onefile_seconds else ""),
            f"≤ {BUILD_TARGET_S} s (a few minutes)",
            last["seconds"] <= BUILD_TARGET_S,
        )
    )
    venv_site = next((ROOT / ".venv" / "lib").glob("python3*/site-packages"), None)
    folder = tree_bytes(PROGRAM.parent)
    debs = sorted((ROOT / "dist").glob(f"amicale_{last['version']}_*.deb"))
    rows.append(
        Row(
            "size: `dist/amicale/` (one folder)",
            f"the project's virtual environment: {mb(tree_bytes(ROOT / '.venv'))}"
            + (f" (site-packages {mb(tree_bytes(venv_site))})" if venv_site else ""),
            mb(folder)
            + (f"; .deb {mb(debs[-1].stat().st_size)}" if debs else "")
            + (f"; one file {mb(onefile.stat().st_size)}" if onefile.exists() else ""),
            f"≤ {SIZE_TARGET_MB} MB",
            folder <= SIZE_TARGET_MB * 2**20,
        )
    )

    with tempfile.TemporaryDirectory(prefix="amicale-measure-db-") as tmp:
        db = Path(tmp) / "demo.sqlite3"
        subprocess.run(
            [str(PROGRAM), "--db", str(db), "demo", "--members", str(args.members)],
            check=True,
            stdout=subprocess.DEVNULL,
            env=_env(Path(tmp) / "config"),
        )
        python = [sys.executable, "-m", "ui"]

        def smoke(program: list[str]) -> list[float]:
            command = [*program, "--db", str(db), "--smoke-test"]
            return samples(lambda: time_to_line(command, "smoke test:"), args.runs)

        def version(program: list[str]) -> list[float]:
            return samples(lambda: time_to_exit([*program, "--version"]), args.runs)

        reference = smoke(python)
        frozen = smoke([str(PROGRAM)])
        rows.append(
            Row(
                f"start: spawn → window shown, {args.members:,} members listed, every panel "
                "opened (`--smoke-test` line), one folder",
                f"`python -m ui`: {spread(reference)}",
                spread(frozen),
                f"≤ {secs(START_TARGET_S)}",
                median(frozen) <= START_TARGET_S,
            )
        )
        if onefile.exists():
            single = smoke([str(onefile)])
            rows.append(
                Row(
                    "start: the same, one file (unpacks itself at every start)",
                    f"one folder: {spread(frozen)}",
                    spread(single),
                    f"≤ {secs(START_TARGET_S)}",
                    median(single) <= START_TARGET_S,
                )
            )
        rows.append(
            Row(
                "start: `amicale --version` (bootloader, interpreter, argparse)",
                f"`python -m ui --version`: {spread(version(python))}",
                spread(version([str(PROGRAM)])),
                "—",
                None,
            )
        )

    context = (
        f"Packaging (`packaging/measure.py`): Amicale {last['version']} frozen with PyInstaller; "
        f"start-up on a demo store of {args.members:,} members, {args.runs} runs after one "
        "warm-up, offscreen, fresh preferences each run; the reference is the same command run "
        "from the sources by the project's Python."
    )
    section = render(rows, [], context)
    print(section)
    if not args.no_record:
        append_results(section)
        print("measure: appended to bench/RESULTS.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
