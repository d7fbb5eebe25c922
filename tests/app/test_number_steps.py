"""− and +: one step per tap, faster and rounder steps while held, never outside the range."""

from __future__ import annotations

import pytest

from intake.app.number_steps import FAST_INTERVAL_MS, REPEAT_DELAY_MS, REPEAT_INTERVAL_MS, Pace, held_pace, stepped


def test_the_first_repeats_move_by_one() -> None:
    assert {held_pace(repeats, 1440) for repeats in range(10)} == {Pace(1, REPEAT_INTERVAL_MS)}


def test_a_long_hold_over_a_long_range_moves_by_5_then_25() -> None:
    assert held_pace(10, 1440) == Pace(5, REPEAT_INTERVAL_MS)
    assert held_pace(29, 1440) == Pace(5, REPEAT_INTERVAL_MS)
    assert held_pace(30, 1440) == Pace(25, REPEAT_INTERVAL_MS)


def test_a_medium_range_stays_at_5() -> None:
    assert held_pace(100, 120) == Pace(5, REPEAT_INTERVAL_MS)


def test_days_of_a_month_tick_faster_but_by_one() -> None:
    assert held_pace(10, 31) == Pace(1, FAST_INTERVAL_MS)
    assert held_pace(100, 31) == Pace(1, FAST_INTERVAL_MS)


def test_holding_crosses_120_years_of_months_in_under_ten_seconds() -> None:
    value, ticks, held_ms, shown = 0.0, 0, REPEAT_DELAY_MS, []
    while value < 1440:
        pace = held_pace(ticks, 1440)
        value = stepped(value, 1, pace.step, 0, 1440)
        ticks, held_ms = ticks + 1, held_ms + pace.interval_ms
        shown.append(value)
    assert held_ms <= 10_000
    assert shown[:12] == [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 15, 20]


@pytest.mark.parametrize(
    ("value", "direction", "step", "expected"),
    [
        (None, 1, 1, 1),
        (None, -1, 1, 0),
        (3, 1, 1, 4),
        (3, -1, 1, 2),
        (4.5, 1, 1, 5),
        (4.5, -1, 1, 4),
        (13, 1, 5, 15),
        (15, 1, 5, 20),
        (13, -1, 5, 10),
        (15, -1, 5, 10),
        (1439, 1, 25, 1440),
        (1440, 1, 1, 1440),
        (0, -1, 1, 0),
        (3, -1, 5, 0),
    ],
)
def test_steps_land_on_multiples_inside_the_range(value, direction, step, expected) -> None:
    assert stepped(value, direction, step, 0, 1440) == expected


def test_an_empty_box_starts_at_the_minimum_when_it_is_above_one() -> None:
    assert stepped(None, 1, 1, 5, 10) == 5
    assert stepped(None, -1, 1, 5, 10) == 5
