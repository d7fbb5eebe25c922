"""Noticing that nobody has touched the screen for a while.

One watcher sees every press, key and touch in the application (an event filter on
the QApplication), so any input anywhere counts as "still here", including in popups
and dialogs that are not children of the window.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QMouseEvent, QTouchEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

ACTIVITY = frozenset(
    {
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.KeyPress,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.Wheel,
        QEvent.Type.InputMethod,
    }
)
INPUT_EVENTS = (QMouseEvent, QKeyEvent, QTouchEvent, QWheelEvent, QInputMethodEvent)
"""The classes of the events in `ACTIVITY`: the filter sees every event of the application
(hundreds per page change), and a class check is far cheaper than reading an event's type."""


class IdleWatch(QObject):
    idle = Signal()
    """Nothing was pressed, typed or touched for the whole interval."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.idle)
        app = QApplication.instance()
        assert app is not None, "IdleWatch needs a QApplication"
        app.installEventFilter(self)

    def start(self, seconds: float) -> None:
        self._timer.start(round(seconds * 1000))

    def stop(self) -> None:
        self._timer.stop()

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if isinstance(event, INPUT_EVENTS) and event.type() in ACTIVITY and self._timer.isActive():
            self._timer.start()
        return False
