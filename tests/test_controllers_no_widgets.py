"""The panels' controllers load without Qt's widgets: their tests (and the panels' logic)
need no QWidget."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CONTROLLERS = sorted(
    p.stem for p in (ROOT / "ui" / "controllers").glob("*.py") if p.stem != "__init__"
)


@pytest.mark.parametrize("name", CONTROLLERS)
def test_a_controller_imports_no_widgets(name: str) -> None:
    code = (
        f"import sys, ui.controllers.{name}\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'QtWidgets imported'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr


def test_there_are_controllers() -> None:
    assert {"duplicates", "moderation", "posts"} <= set(CONTROLLERS)
