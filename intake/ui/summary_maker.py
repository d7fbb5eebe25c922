"""The slow half of Finish (assessment, PDF, the final store) on a thread of its own.

The thank-you screen shows as soon as the answers are stored; `Desk.finish` then runs on a
background thread while the patient reads it, and `made` brings its result back to the UI
thread. The thread touches no widget: it calls the desk with plain data and emits a signal.

One thread, started with the first summary and kept while the kiosk runs, makes every
summary in turn, so a summary never overtakes the one before; and it keeps the one database
connection it opens. That is why it is a Python thread looping over a queue rather than a
Qt pool thread: Python drops a Qt thread's state after each job, and SQLAlchemy's SQLite
pool (a connection per Python thread) would then open a connection per summary (SQLCipher
deriving its key again) and, past five, close older ones, another thread's among them.

A summary is started only once the thank-you screen has been painted: Python code runs one
thread at a time, and a summary being made would otherwise slow the paint it follows. The
modules that make summaries are imported then too, on the UI thread (the first time only).
"""

from __future__ import annotations

import queue
import threading
import weakref
from collections import deque
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

if TYPE_CHECKING:
    from intake.app.desk import Desk
    from intake.questionnaire.response import Response


@dataclass(frozen=True)
class _Job:
    visit_id: str
    response: Response
    staff_alerted: bool


class _Results(QObject):
    made = Signal(str, object, object)
    """visit id, `Response`, `FinishResult`: emitted on the summary thread, received on the UI thread."""


def _make_summaries(desk: Desk, jobs: queue.SimpleQueue[_Job | None], results: _Results) -> None:
    """The summary thread: each job in turn, until told to stop or the kiosk window is gone."""
    while (job := jobs.get()) is not None:
        result = desk.finish(job.visit_id, job.response, job.staff_alerted)
        try:
            results.made.emit(job.visit_id, job.response, result)
        except RuntimeError:  # the window and its result receiver were deleted: nobody waits for more
            return


class SummaryMaker(QObject):
    made = Signal(str, object, object)
    """visit id, the `Response`, and the `FinishResult` of `Desk.finish`, on the UI thread."""

    def __init__(self, desk: Desk, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._desk = desk
        self._results = _Results(self)
        self._results.made.connect(self._on_made)
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        weakref.finalize(self, self._jobs.put, None)
        self._waiting: deque[_Job] = deque()
        self._pending = 0
        self._after_paint = QTimer(self)
        self._after_paint.setSingleShot(True)
        self._after_paint.setInterval(0)
        self._after_paint.timeout.connect(self._start_waiting)

    def make(self, visit_id: str, response: Response, staff_alerted: bool) -> None:
        """Start the visit's summary once the screen now due has been painted."""
        self._pending += 1
        self._waiting.append(_Job(visit_id, response, staff_alerted))
        self._after_paint.start()

    @property
    def pending(self) -> int:
        """Summaries started and not yet reported by `made`."""
        return self._pending

    def wait(self) -> None:
        """The app is closing: every summary started is made, then the thread ends."""
        self._start_waiting()
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()
            self._thread = None

    def _start_waiting(self) -> None:
        if not self._waiting:
            return
        self._desk.load_finishing()
        if self._thread is None:
            self._thread = threading.Thread(
                target=_make_summaries, args=(self._desk, self._jobs, self._results), name="summaries", daemon=True
            )
            self._thread.start()
        while self._waiting:
            self._jobs.put(self._waiting.popleft())

    def _on_made(self, visit_id: str, response: Response, result: object) -> None:
        self._pending -= 1
        self.made.emit(visit_id, response, result)
