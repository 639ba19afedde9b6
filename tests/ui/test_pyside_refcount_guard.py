"""Guard against PySide6 6.12.0's none_dealloc bug: void Qt calls must not eat None's refcount.

6.12.0 on Python 3.11 decremented None's reference count on every call of a method
returning void; after enough calls None is freed and the app crashes mid-session. A
PySide6 upgrade that brings it back must fail here, not on a practitioner's computer.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtWidgets import QLabel

pytestmark = pytest.mark.gui

CALLS = 10_000
# None is shared by the whole interpreter: the garbage collector, pytest or another thread
# may take or drop a few references while the loop runs. The bug drops one per call
# (10 000 here), so a tolerance of 50 cannot hide it and does not make the test flaky.
TOLERANCE = 50


def test_void_qt_calls_leave_none_refcount_unchanged(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(CALLS):
        label.setText("x" if i % 2 else "y")  # void C++ method, returns None in Python
    after = sys.getrefcount(None)
    assert abs(after - before) <= TOLERANCE, (
        f"None's refcount moved by {after - before} over {CALLS} void calls: this PySide6 "
        "build has the none_dealloc bug, keep the pinned version")
