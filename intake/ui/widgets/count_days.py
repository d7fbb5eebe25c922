"""'Help me count': the last 30 days as a calendar; the patient taps the days to count.

Shown inline under the number (the kiosk is full screen, a window would hide the
question). Only the count leaves this widget: the days tapped are not kept anywhere and
go when it closes.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from intake.app.day_grid import calendar_cells, recent_days, weekday_columns
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.styling import label, set_state, touch_button


def _day_text(day: date, first: bool, locale: QLocale) -> str:
    """The day of the month; the first cell and each 1st also name their month."""
    if first or day.day == 1:
        return f"{day.day}\n{locale.monthName(day.month, QLocale.FormatType.ShortFormat)}"
    return str(day.day)


def _spoken_day(day: date, is_today: bool, locale: QLocale, today_word: str) -> str:
    spoken = locale.toString(QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat)
    return f"{spoken}, {today_word}" if is_today else spoken


class CountDays(QFrame):
    """Emits `counted` with the number of days ticked, or `cancelled`."""

    counted = Signal(int)
    cancelled = Signal()

    def __init__(self, today: date, words: PatientWording) -> None:
        super().__init__()
        self.setProperty("role", "count-days")
        self._words = words
        locale = visit_locale(words)
        first_weekday = locale.firstDayOfWeek().value
        days = recent_days(today)
        grid = QGridLayout()
        grid.setSpacing(6)
        for column, weekday in enumerate(weekday_columns(first_weekday)):
            name = label(locale.dayName(weekday, QLocale.FormatType.ShortFormat), "weekday", wrap=False)
            grid.addWidget(name, 0, column, Qt.AlignmentFlag.AlignCenter)
        self.day_buttons: dict[date, QPushButton] = {}
        for cell in calendar_cells(days, first_weekday):
            is_today = cell.day == today
            button = touch_button(
                _day_text(cell.day, cell.day == days[0], locale), "day", _spoken_day(cell.day, is_today, locale, words.TODAY))
            button.setCheckable(True)
            set_state(button, "today", is_today)
            button.toggled.connect(self._on_toggled)
            self.day_buttons[cell.day] = button
            grid.addWidget(button, cell.row + 1, cell.column)
        self.total = label(words.days_counted(0), "count-total", wrap=False)
        self.use_button = touch_button(words.USE_COUNT, "primary")
        self.use_button.setObjectName("use-count")
        self.cancel_button = touch_button(words.CANCEL_COUNT, "quiet")
        self.cancel_button.setObjectName("cancel-count")
        self.use_button.clicked.connect(self._on_use)
        self.cancel_button.clicked.connect(self._on_cancel)
        actions = QHBoxLayout()
        actions.setSpacing(16)
        actions.addWidget(self.cancel_button)
        actions.addStretch(1)
        actions.addWidget(self.use_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(12)
        layout.addWidget(label(words.COUNT_PROMPT, "help"))
        layout.addLayout(grid)
        layout.addWidget(self.total)
        layout.addLayout(actions)

    def focus_first_day(self) -> None:
        """Keyboard and screen-reader users land in the calendar that just opened."""
        next(iter(self.day_buttons.values())).setFocus()

    def count(self) -> int:
        return sum(button.isChecked() for button in self.day_buttons.values())

    def _on_toggled(self, _checked: bool) -> None:
        self.total.setText(self._words.days_counted(self.count()))

    def _on_use(self) -> None:
        self.counted.emit(self.count())

    def _on_cancel(self) -> None:
        self.cancelled.emit()
