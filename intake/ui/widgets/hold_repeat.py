"""A − or + button that repeats while held and goes faster the longer it is held."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QAbstractButton

from intake.app.number_steps import REPEAT_DELAY_MS, REPEAT_INTERVAL_MS, held_pace


class HeldRepeat(QObject):
    """Turns a button's taps and auto-repeats into steps of a growing size.

    Qt clicks an auto-repeating button once per repeat and once more on release. After a
    hold that last click would move the number past where the patient let go, so it is
    dropped; a plain tap keeps its one click, so a tap is always exactly one step.
    """

    step = Signal(int)

    def __init__(self, button: QAbstractButton, span: float) -> None:
        super().__init__(button)
        self._button = button
        self.span = span
        self._repeats = 0
        self._after_hold = False
        button.setAutoRepeat(True)
        button.setAutoRepeatDelay(REPEAT_DELAY_MS)
        button.setAutoRepeatInterval(REPEAT_INTERVAL_MS)
        button.released.connect(self._on_released)
        button.clicked.connect(self._on_clicked)

    def _on_released(self) -> None:
        if self._button.isDown():
            return
        self._after_hold = self._repeats > 0
        self._repeats = 0
        self._button.setAutoRepeatInterval(REPEAT_INTERVAL_MS)

    def _on_clicked(self) -> None:
        if self._button.isDown():
            pace = held_pace(self._repeats, self.span)
            self._repeats += 1
            self._button.setAutoRepeatInterval(pace.interval_ms)
            self.step.emit(pace.step)
        elif not self._after_hold:
            self.step.emit(1)
