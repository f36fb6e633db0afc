"""Benchmarks of the member directory at a million members (DESIGN.md §6).

`./dev bench` (``python -m bench``) builds or reuses a demo store, measures each benchmark
beside a physical reference taken in the same run on the same file, and appends a dated
section to ``bench/RESULTS.md``. See ``bench/README.md``.

This package imports nothing heavy at import time: ``bench.gui`` measures the resident memory
of a bare Qt application before anything of Amicale is loaded.
"""
