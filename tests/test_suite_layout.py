"""The suite itself: the tests of app/ run without Qt (no QApplication, no ui/)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import sys
import pytest
code = pytest.main(["-q", "-p", "no:randomly", "-p", "no:cacheprovider", *sys.argv[1:]])
from PySide6.QtCore import QCoreApplication
print("QAPP", QCoreApplication.instance() is not None)
print("UI", sorted(m for m in sys.modules if m == "ui" or m.startswith("ui.")))
sys.exit(code)
"""


def test_the_tests_of_app_need_no_qt(tmp_path: Path) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", PROBE, "tests/test_tags.py", "tests/test_cli.py", "-k", "not smoke"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-2000:]
    lines = done.stdout.splitlines()
    assert "QAPP False" in lines
    assert "UI []" in lines
