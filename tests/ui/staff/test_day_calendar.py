"""The staff calendar: a tap picks a day, a second one a range; Show hands it on, Cancel does not."""

from __future__ import annotations

from datetime import date

from patient_driver import tap
from PySide6.QtWidgets import QApplication

from intake.app.queue_days import Days
from intake.ui.staff.day_calendar import HINT, DayCalendar
from intake.ui.theme import apply_theme

TODAY = date(2026, 1, 14)


def _calendar(qtbot, shown: Days | None = None) -> DayCalendar:
    apply_theme(QApplication.instance())
    calendar = DayCalendar()
    qtbot.addWidget(calendar)
    calendar.open(shown, TODAY)
    calendar.resize(760, 720)
    calendar.show()
    qtbot.waitExposed(calendar)
    return calendar


def _checked(calendar: DayCalendar) -> list[int]:
    return [int(button.text()) for button in calendar.day_buttons if button.isVisible() and button.isChecked()]


def test_it_opens_on_the_days_shown(qtbot) -> None:
    calendar = _calendar(qtbot, Days(date(2026, 1, 8), TODAY))
    assert calendar.month.text() == "January 2026"
    assert _checked(calendar) == list(range(8, 15))
    assert calendar.chosen_text.text() == "Chosen: 2026-01-08 to 2026-01-14"
    assert _calendar(qtbot).chosen_text.text() == HINT
    assert sum(button.isVisible() for button in calendar.day_buttons) == 31


def test_two_taps_pick_a_range_across_months_and_show_hands_it_on(qtbot) -> None:
    calendar = _calendar(qtbot)
    tap(calendar.button_for(date(2026, 1, 3)))
    assert _checked(calendar) == [3] and calendar.chosen_text.text() == "Chosen: 2026-01-03"
    tap(calendar.previous_button)
    assert calendar.month.text() == "December 2025" and calendar.next_button.isEnabled()
    tap(calendar.button_for(date(2025, 12, 30)))
    assert _checked(calendar) == [30, 31]
    with qtbot.waitSignal(calendar.chosen) as shown:
        tap(calendar.show_button)
    assert shown.args == [Days(date(2025, 12, 30), date(2026, 1, 3))]


def test_cancel_hands_nothing_on_and_the_future_is_out_of_reach(qtbot) -> None:
    calendar = _calendar(qtbot)
    assert not calendar.next_button.isEnabled() and not calendar.button_for(date(2026, 1, 15)).isEnabled()
    tap(calendar.button_for(date(2026, 1, 2)))
    with qtbot.assertNotEmitted(calendar.chosen), qtbot.waitSignal(calendar.cancelled):
        tap(calendar.cancel_button)


def test_side_by_side_when_wide_stacked_when_narrow(qtbot) -> None:
    calendar = _calendar(qtbot)
    first, last = calendar.button_for(date(2026, 1, 1)), calendar.button_for(date(2026, 1, 31))
    calendar.resize(1200, 420)
    qtbot.waitUntil(lambda: calendar.heading.x() > first.x() and calendar.show_button.x() > first.x())
    assert calendar.minimumSizeHint().width() <= 752, "a tablet turned to portrait is not pushed wider than its screen"
    assert min(last.width(), last.height()) >= 48
    calendar.resize(752, 720)
    qtbot.waitUntil(lambda: calendar.heading.y() < first.y() < last.y() < calendar.show_button.y())
