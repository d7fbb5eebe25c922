"""A month of large day buttons for staff to pick a day or a range: one tap, or two.

Qt's calendar widget has cells too small for a finger; this one has a button of at
least 48 px per day, month arrows as large, and says in words what is chosen. Days after
today cannot be picked (no visit starts in the future). Nothing changes on screen behind
it until staff tap Show. On a landscape screen the month, the words and the buttons sit
beside the days, where a screen under an alert bar still has the height for six weeks.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout, QWidget

from intake.app.day_grid import weekday_columns
from intake.app.queue_days import WEEK, DayPick, Days, month_cells, shifted_month
from intake.ui.staff.local_dates import long_date, month_title, short_date
from intake.ui.staff.words import N_, _
from intake.ui.widgets.styling import label, set_state, touch_button

WEEKS_SHOWN = 6
"""The most weeks a month touches: the grid keeps its height from month to month."""
SIDE_BY_SIDE_FROM = 900
"""Widths (px) from which the month and the buttons go beside the days."""

HINT = N_("Tap a day, or the first and last day of a range.")


def chosen_words(days: Days | None) -> str:
    if days is None:
        return _(HINT)
    if days.single:
        return _("Chosen: {day}").format(day=short_date(days.first))
    return _("Chosen: {first} to {last}").format(first=short_date(days.first), last=short_date(days.last))


class DayCalendar(QFrame):
    chosen = Signal(object)
    """The `Days` picked, when staff tap Show."""
    cancelled = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("day-calendar")
        self.setProperty("role", "day-calendar")
        self._locale = QLocale()
        self._first_weekday = self._locale.firstDayOfWeek().value
        self._pick = DayPick()
        self._today = date.today()
        self._month = (self._today.year, self._today.month)
        self.day_buttons: list[QPushButton] = []
        """One per place in the grid, relabelled for each month; unused places are hidden."""
        self._days: dict[QPushButton, date] = {}
        self.month = label("", "picker-prompt")
        self.month.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.previous_button = touch_button("‹", "step", _("Previous month"))
        self.next_button = touch_button("›", "step", _("Next month"))
        self.previous_button.clicked.connect(self._on_previous)
        self.next_button.clicked.connect(self._on_next)
        self.chosen_text = label(_(HINT), "caption")
        self.cancel_button = touch_button(_("Cancel"), "quiet", _("Cancel: keep the days shown"))
        self.show_button = touch_button(_("Show"), "primary", _("Show the chosen days"))
        self.cancel_button.clicked.connect(self.cancelled)
        self.show_button.clicked.connect(self._on_show)
        self.heading = self._heading()
        self._side = QVBoxLayout()
        self._side.setSpacing(12)
        self._side.addWidget(self.chosen_text)
        self._side.addStretch(1)
        self._actions = QBoxLayout(QBoxLayout.Direction.LeftToRight)
        self._actions.setSpacing(12)
        self._actions.addWidget(self.cancel_button)
        self._actions.addWidget(self.show_button)
        self._side.addLayout(self._actions)
        self._layout = QBoxLayout(QBoxLayout.Direction.TopToBottom, self)
        self._layout.setContentsMargins(12, 12, 12, 12)
        self._layout.setSpacing(16)
        self._layout.addWidget(self.heading)
        self._layout.addLayout(self._grid())
        self._layout.addLayout(self._side)
        self._layout.addStretch(1)

    def _heading(self) -> QWidget:
        heading = QWidget()
        heading.setObjectName("day-calendar-heading")
        row = QHBoxLayout(heading)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.previous_button)
        row.addWidget(self.month, 1)
        row.addWidget(self.next_button)
        return heading

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """Landscape: the month, the words and the buttons (one above the other) beside the days;
        portrait: the month above them, the rest below. Side by side it still fits a portrait
        width, so a tablet turned while it shows is never pushed wider than its screen."""
        wide = event.size().width() >= SIDE_BY_SIDE_FROM
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
            self._actions.setDirection(QBoxLayout.Direction.TopToBottom if wide else QBoxLayout.Direction.LeftToRight)
            if wide:
                self._layout.removeWidget(self.heading)
                self._side.insertWidget(0, self.heading)
            else:
                self._side.removeWidget(self.heading)
                self._layout.insertWidget(0, self.heading)
        super().resizeEvent(event)

    def _grid(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(4)
        for column, weekday in enumerate(weekday_columns(self._first_weekday)):
            name = label(self._locale.dayName(weekday, QLocale.FormatType.ShortFormat), "weekday", wrap=False)
            grid.addWidget(name, 0, column, Qt.AlignmentFlag.AlignCenter)
        for place in range(WEEKS_SHOWN * WEEK):
            button = touch_button("", "day")
            button.setCheckable(True)
            button.clicked.connect(self._on_day)
            grid.addWidget(button, place // WEEK + 1, place % WEEK)
            self.day_buttons.append(button)
        grid.setRowStretch(WEEKS_SHOWN + 1, 1)
        return grid

    def open(self, shown: Days | None, today: date) -> None:
        """Start from the days on screen (marked, their month showing), nothing tapped yet."""
        self._today = today
        self._pick = DayPick(shown)
        last = shown.last if shown is not None else today
        self._month = (last.year, last.month)
        self._show_month()

    def button_for(self, day: date) -> QPushButton:
        """The button of a day in the month showing."""
        return next(button for button, shown in self._days.items() if shown == day)

    def _show_month(self) -> None:
        year, month = self._month
        self.month.setText(month_title(year, month, self._locale))
        self.next_button.setEnabled(self._month < (self._today.year, self._today.month))
        cells = {cell.row * WEEK + cell.column: cell.day for cell in month_cells(year, month, self._first_weekday)}
        self._days = {}
        for place, button in enumerate(self.day_buttons):
            day = cells.get(place)
            button.setVisible(day is not None)
            if day is None:
                continue
            self._days[button] = day
            button.setText(str(day.day))
            button.setAccessibleName(long_date(day, self._locale))
            button.setEnabled(day <= self._today)
            set_state(button, "today", day == self._today)
        self._mark_chosen()

    def _mark_chosen(self) -> None:
        chosen = self._pick.days
        for button, day in self._days.items():
            button.setChecked(chosen is not None and day in chosen)
        self.chosen_text.setText(chosen_words(chosen))

    def _on_day(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton) and button in self._days:
            self._pick.tap(self._days[button])
            self._mark_chosen()

    def _on_previous(self) -> None:
        self._month = shifted_month(*self._month, -1)
        self._show_month()

    def _on_next(self) -> None:
        self._month = shifted_month(*self._month, 1)
        self._show_month()

    def _on_show(self) -> None:
        self.chosen.emit(self._pick.days or Days(self._today, self._today))
