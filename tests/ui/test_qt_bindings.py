"""Guards against known defects of the Qt bindings the app is pinned around."""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel


def test_void_qt_calls_keep_the_reference_to_none(qtbot) -> None:
    """PySide6 6.12.0 on CPython 3.11 loses one reference to None per void call and the
    process aborts after a few thousand; a kiosk makes that many calls in one visit."""
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
        label.update()
    assert sys.getrefcount(None) - before > -100
