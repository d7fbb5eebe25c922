"""Answers given in another unit ("3 years") and stored in the question's own ("36 months").

The stored answer never leaves the question's unit; these functions translate between
what the patient sees and what is kept, so that switching the unit back and forth never
changes the stored answer.
"""

from __future__ import annotations

import math

SHOWN_DECIMALS = 2


def to_stored(shown: float, size: float, whole: bool) -> float:
    """`shown` units of `size` in the question's unit: whole numbers round half up (3 months → 13 weeks)."""
    exact = round(shown * size, 9)
    if whole:
        return math.floor(exact + 0.5)
    return round(exact, SHOWN_DECIMALS)


def to_shown(stored: float, size: float, whole: bool) -> float:
    """The shortest number (at most 2 decimals) in units of `size` that stores back as `stored`."""
    exact = stored / size
    for decimals in range(SHOWN_DECIMALS + 1):
        candidate = round(exact, decimals)
        if to_stored(candidate, size, whole) == stored:
            return candidate
    return round(exact, SHOWN_DECIMALS)


def shown_range(low: float, high: float, size: float) -> tuple[float, float]:
    """The range in units of `size`, to one decimal and inside it (520 weeks → 119.5 months)."""
    return math.ceil(round(low / size * 10, 6)) / 10, math.floor(round(high / size * 10, 6)) / 10
