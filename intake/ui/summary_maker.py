"""The slow half of Finish (assessment, PDF, the final store) on a thread of its own.

The thank-you screen shows as soon as the answers are stored; `Desk.finish` then runs on
one background thread while the patient reads it, and `made` brings its result back to
the UI thread. The job touches no widget: it calls the desk with plain data and emits.
One thread, kept for the life of the app, makes every summary in turn: a summary never
overtakes the one before, and the database connection that thread opens (SQLCipher
derives its key per connection) is made once.

A job is started only after the thank-you screen has been painted: Python code runs under
one lock at a time, and a summary being made would otherwise slow the paint it follows.
The modules that make summaries are imported then too, on this thread (the first time only).
"""

from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal

if TYPE_CHECKING:
    from intake.app.desk import Desk
    from intake.questionnaire.response import Response


class _Results(QObject):
    made = Signal(str, object, object)
    """visit id, `Response`, `FinishResult`."""


class _SummaryJob(QRunnable):
    def __init__(self, desk: Desk, visit_id: str, response: Response, staff_alerted: bool, results: _Results) -> None:
        super().__init__()
        self._desk = desk
        self._visit_id = visit_id
        self._response = response
        self._staff_alerted = staff_alerted
        self._results = results

    def run(self) -> None:
        result = self._desk.finish(self._visit_id, self._response, self._staff_alerted)
        self._results.made.emit(self._visit_id, self._response, result)


class SummaryMaker(QObject):
    made = Signal(str, object, object)
    """visit id, the `Response`, and the `FinishResult` of `Desk.finish`, on the UI thread."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._pool.setExpiryTimeout(-1)
        self._results = _Results(self)
        self._results.made.connect(self._on_made)
        self._waiting: deque[_SummaryJob] = deque()
        self._pending = 0
        self._after_paint = QTimer(self)
        self._after_paint.setSingleShot(True)
        self._after_paint.setInterval(0)
        self._after_paint.timeout.connect(self._start_waiting)

    def make(self, visit_id: str, response: Response, staff_alerted: bool) -> None:
        """Start the visit's summary once the screen now due has been painted."""
        self._pending += 1
        self._waiting.append(_SummaryJob(self._desk, visit_id, response, staff_alerted, self._results))
        self._after_paint.start()

    @property
    def pending(self) -> int:
        """Summaries started and not yet reported by `made`."""
        return self._pending

    def wait(self) -> None:
        """Every summary started is made (the app is closing): whatever is waiting starts now."""
        self._start_waiting()
        self._pool.waitForDone()

    def _start_waiting(self) -> None:
        if self._waiting:
            self._desk.load_finishing()
        while self._waiting:
            self._pool.start(self._waiting.popleft())

    def _on_made(self, visit_id: str, response: Response, result: object) -> None:
        self._pending -= 1
        self.made.emit(visit_id, response, result)
