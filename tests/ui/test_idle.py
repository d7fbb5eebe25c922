"""The idle watcher: quiet time fires it, any input restarts the wait."""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from intake.ui.idle import IdleWatch


def test_fires_after_quiet_time_and_input_restarts_the_wait(qtbot) -> None:
    button = QPushButton("x")
    qtbot.addWidget(button)
    button.show()
    watch = IdleWatch()
    fired: list[bool] = []
    watch.idle.connect(partial(fired.append, True))
    watch.start(0.4)
    for _ in range(4):
        qtbot.wait(200)
        QTest.keyClick(button, Qt.Key.Key_Space)
    assert not fired, "typing every 0.2 s keeps it awake"
    qtbot.waitUntil(lambda: len(fired) == 1, timeout=2000)
    assert not watch.running


def test_stopped_watch_stays_quiet(qtbot) -> None:
    watch = IdleWatch()
    fired: list[bool] = []
    watch.idle.connect(partial(fired.append, True))
    watch.start(0.1)
    watch.stop()
    qtbot.wait(300)
    assert not fired
