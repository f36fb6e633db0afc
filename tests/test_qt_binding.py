"""The Qt binding itself: a build that miscounts references crashes the app after a while."""

from __future__ import annotations

import sys

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel


def test_calls_returning_nothing_keep_none_alive(qapp: object) -> None:
    # PySide6 6.12.0's wheels drop one reference to None per such call on Python 3.11,
    # until "Fatal Python error: none_dealloc" (pyproject.toml keeps them out).
    obj, label = QObject(), QLabel()
    before = sys.getrefcount(None)
    for _ in range(2000):
        obj.setObjectName("x")
        label.setText("y")
    assert abs(sys.getrefcount(None) - before) < 100
