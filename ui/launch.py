"""The `amicale` program: the command line of ``app.cli``, and the window for no command.

This is the one entry point that owns both sides (the console script, ``python -m ui``, the
frozen program): ``app/`` never imports ``ui``, so the window is handed to ``app.cli.main``.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from app import cli


def open_window(db: str, smoke: bool) -> int:
    """Open the window on ``db``; ``smoke``: show every panel and quit (packaging checks)."""
    from ui.application import run_window, smoke_test  # Qt only once a window is wanted

    return smoke_test(db) if smoke else run_window(db)


def write_report(dashboard: Any, path: Path, language: str) -> Path:
    """The board report as a file, painted and translated by Qt (`amicale report -o`)."""
    from ui.report_pdf import export_report

    return export_report(dashboard, path, language=language)


def write_html_pdf(page: str, path: Path) -> Path:
    """An access letter or the register as a PDF (`amicale privacy … -o FILE.pdf`)."""
    from ui.privacy_pdf import export_html_pdf

    return export_html_pdf(page, path)


def main(argv: Sequence[str] | None = None) -> int:
    return cli.main(argv, window=open_window, report_pdf=write_report, html_pdf=write_html_pdf)
