"""What the visit screen offers the panels it holds (amending an answer, clinician notes).

The panels act through the signed-in person's desk, then hand the visit as the use case
left it back to the screen, which shows it again (summary, answers, facts) and tells
the queue. While a panel's form is open it has the screen (`focus_form`). They watch
the screen's tabs: shown, a visit was opened; hidden, staff left it, and nothing they
typed may stay behind. A protocol, so the panels never import the screen that imports
them.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QTableWidget, QTabWidget

from intake.app.records import StoredVisit
from intake.app.staff_desk import StaffDesk


class VisitHost(Protocol):
    visit: StoredVisit | None
    answers: QTableWidget
    tabs: QTabWidget

    @property
    def session(self) -> StaffDesk | None: ...

    def show_changed(self, visit: StoredVisit, notice: str) -> None: ...

    def focus_form(self, active: bool) -> None: ...
