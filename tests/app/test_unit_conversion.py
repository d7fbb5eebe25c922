"""Another unit is only a view: the stored answer stays in the question's unit."""

from __future__ import annotations

import pytest

from intake.app.unit_conversion import shown_range, to_shown, to_stored


@pytest.mark.parametrize(
    ("shown", "size", "stored"),
    [(3, 12, 36), (1.5, 12, 18), (3, 4.35, 13), (1, 4.35, 4), (0.5, 4.35, 2), (0, 12, 0), (120, 12, 1440)],
)
def test_whole_answers_round_half_up(shown, size, stored) -> None:
    assert to_stored(shown, size, whole=True) == stored


def test_half_rounds_up_not_to_even() -> None:
    assert to_stored(0.125, 4, whole=True) == 1
    assert to_stored(0.625, 4, whole=True) == 3


def test_number_answers_keep_two_decimals() -> None:
    assert to_stored(1.5, 4.35, whole=False) == 6.53


@pytest.mark.parametrize(
    ("stored", "size", "shown"), [(36, 12, 3), (18, 12, 1.5), (14, 12, 1.2), (13, 4.35, 3), (1440, 12, 120), (0, 12, 0)]
)
def test_shown_is_the_shortest_number_that_stores_back(stored, size, shown) -> None:
    assert to_shown(stored, size, whole=True) == shown


@pytest.mark.parametrize("size", [12, 4.35])
def test_switching_units_back_and_forth_never_changes_the_answer(size) -> None:
    for stored in range(1441):
        assert to_stored(to_shown(stored, size, True), size, True) == stored


def test_range_in_the_other_unit_stays_inside_the_questions_range() -> None:
    assert shown_range(0, 1440, 12) == (0, 120)
    assert shown_range(0, 600, 12) == (0, 50)
    assert shown_range(0, 520, 4.35) == (0, 119.5)
    assert to_stored(119.5, 4.35, whole=True) <= 520
