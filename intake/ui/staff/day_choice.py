"""Which days a staff list shows, chosen with one tap: Today, Last 7 days, Choose days (, All days).

"Choose days" opens a calendar (`DayCalendar`), which the screen puts where its list
is while staff pick; the list changes only once they tap Show, and Cancel keeps what
was shown.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QButtonGroup, QHBoxLayout, QPushButton, QWidget

from intake.app.queue_days import DayChoice, Days, days_for, local_today
from intake.ui.staff.day_calendar import DayCalendar
from intake.ui.staff.words import N_, _
from intake.ui.widgets.styling import touch_button

CHOICE_WORDS = {
    DayChoice.TODAY: N_("Today"),
    DayChoice.LAST_7_DAYS: N_("Last 7 days"),
    DayChoice.PICKED: N_("Choose days"),
    DayChoice.ALL: N_("All days"),
}
CHOICE_NAMES = {
    DayChoice.TODAY: N_("Show: Today"),
    DayChoice.LAST_7_DAYS: N_("Show: Last 7 days"),
    DayChoice.PICKED: N_("Show: Choose days"),
    DayChoice.ALL: N_("Show: All days"),
}
"""Each button's accessible name: the same choice as a screen reader hears it."""


class DayChoiceRow(QWidget):
    changed = Signal()
    """Other days are to be shown."""
    picking = Signal(bool)
    """The calendar opened (True) or closed (False)."""

    def __init__(self, choices: tuple[DayChoice, ...]) -> None:
        super().__init__()
        self._choices = choices
        self.choice = choices[0]
        self.picked: Days | None = None
        self.calendar = DayCalendar()
        """Placed by the screen, in place of its list while staff pick."""
        self.calendar.chosen.connect(self._on_chosen)
        self.calendar.cancelled.connect(self._on_cancelled)
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        self.buttons: dict[DayChoice, QPushButton] = {}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(12)
        for index, choice in enumerate(choices):
            button = touch_button(_(CHOICE_WORDS[choice]), "toggle", _(CHOICE_NAMES[choice]))
            button.setCheckable(True)
            self._group.addButton(button, index)
            self.buttons[choice] = button
            row.addWidget(button)
        row.addStretch(1)
        self._group.idClicked.connect(self._on_clicked)
        self.reset()

    def days(self, today: date | None = None) -> Days | None:
        """The days to show now (None: all); "today" is worked out afresh each time."""
        return days_for(self.choice, today or local_today(), self.picked)

    def reset(self) -> None:
        """The first choice again, nothing picked, the calendar closed."""
        self.choice = self._choices[0]
        self.picked = None
        self.buttons[self.choice].setChecked(True)
        self.picking.emit(False)

    def _on_clicked(self, index: int) -> None:
        choice = self._choices[index]
        if choice is DayChoice.PICKED:
            self.calendar.open(self.days(), local_today())
            self.picking.emit(True)
            return
        self.choice = choice
        self.picking.emit(False)
        self.changed.emit()

    def _on_chosen(self, days: Days) -> None:
        self.choice = DayChoice.PICKED
        self.picked = days
        self.picking.emit(False)
        self.changed.emit()

    def _on_cancelled(self) -> None:
        self.buttons[self.choice].setChecked(True)
        self.picking.emit(False)
