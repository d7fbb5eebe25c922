"""Run by `main.py --drive` under Xvfb: the kiosk goes full screen, then reports its size and quits.

Prints `window X,Y WxH on screen X,Y WxH full screen, on top` once the window has settled.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication

SETTLE_MS = 1500


def drive(window) -> None:
    window.hide()
    window.show_kiosk()
    QTimer.singleShot(SETTLE_MS, window, partial(report, window))


def report(window) -> None:
    QApplication.processEvents()
    size = window.frameGeometry()
    screen = window.screen().geometry()
    on_top = bool(window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint)
    print(
        f"window {size.x()},{size.y()} {size.width()}x{size.height()} on screen {screen.x()},{screen.y()} "
        f"{screen.width()}x{screen.height()}{' full screen' if window.isFullScreen() else ''}{', on top' if on_top else ''}",
        flush=True,
    )
    QApplication.quit()
