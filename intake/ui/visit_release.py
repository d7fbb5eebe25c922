"""Letting go of a visit that waits here when staff take it on another station.

A visit paused (or on hold) at this tablet can be continued with its patient on any
station, or set aside, discarded or finished there. This station must then stop
holding it: back to the welcome screen within 2 s, storing nothing, so the two never
write over each other. Until the stations share a change watcher, the waiting screen
asks the desk once a second whether its visit changed in the store (one small row).
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from intake.app.desk import Desk


CHECK_EVERY_MS = 1000


class ReleaseWatch(QObject):
    released = Signal(str)
    """A visit id: the visit waiting here was taken elsewhere; let it go without storing anything."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._visit_id: str | None = None
        self._mark: datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self._on_tick)

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def watch(self, visit_id: str) -> None:
        """The visit now waits here as the store holds it; without a store to ask, nothing is watched."""
        self.stop()
        self._mark = self._desk.waiting_mark(visit_id)
        if self._mark is not None:
            self._visit_id = visit_id
            self._timer.start()

    def hold(self) -> None:
        """Staff mode is on top: what staff do here to the visit is this station's own doing."""
        self._timer.stop()

    def carry_on(self) -> None:
        """Back from staff mode: check at once, then every second."""
        if self._visit_id is not None and self.still_here():
            self._timer.start()

    def stop(self) -> None:
        self._timer.stop()
        self._visit_id = None
        self._mark = None

    def still_here(self) -> bool:
        """Whether the watched visit still waits here (True when none is watched); `released` when it does not."""
        visit_id, mark = self._visit_id, self._mark
        if visit_id is None or mark is None or not self._desk.taken_elsewhere(visit_id, mark):
            return True
        self.stop()
        self.released.emit(visit_id)
        return False

    def _on_tick(self) -> None:
        self.still_here()
