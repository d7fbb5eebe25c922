"""How far − and + move a number: one step per tap, and faster while held.

A held button that only ever moved by one would make "120 months" a long wait, yet a
patient aiming at a small number needs every value on the way. So the first repeats
move by one; after that, short ranges (days in a month) tick faster but still by one,
and long ranges move in round steps of 5 and then 25.
"""

from __future__ import annotations

import math
from typing import NamedTuple

REPEAT_DELAY_MS = 400
REPEAT_INTERVAL_MS = 100
FAST_INTERVAL_MS = 50
SPEED_UP_AFTER = 10
FASTEST_AFTER = 30
SHORT_SPAN = 50
LONG_SPAN = 500


class Pace(NamedTuple):
    step: int
    interval_ms: int


def held_pace(repeats: int, span: float) -> Pace:
    """The step and repeat interval after `repeats` repeats of a held button over a range `span` wide."""
    if repeats < SPEED_UP_AFTER:
        return Pace(1, REPEAT_INTERVAL_MS)
    if span < SHORT_SPAN:
        return Pace(1, FAST_INTERVAL_MS)
    if repeats < FASTEST_AFTER or span < LONG_SPAN:
        return Pace(5, REPEAT_INTERVAL_MS)
    return Pace(25, REPEAT_INTERVAL_MS)


def stepped(value: float | None, direction: int, step: int, low: float, high: float) -> float:
    """The next number from `value` (None: empty box) moving `direction` (+1 or -1), kept in [low, high].

    Moves land on multiples of the step (13 → 15 → 20), so a fast hold shows round
    numbers and a tap from 4.5 goes to the whole number 5 or 4.
    """
    if value is None:
        target = max(low, 1) if direction > 0 else low
    elif direction > 0:
        target = (math.floor(value / step + 1e-9) + 1) * step
    else:
        target = (math.ceil(value / step - 1e-9) - 1) * step
    return min(max(target, low), high)
