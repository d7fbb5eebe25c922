"""Carrying on a paused visit: the patient proves it is them with their date of birth.

A paused visit keeps its answers on the kiosk, hidden; only the birth date the patient
already gave brings them back. A few wrong dates and the visit is put away for staff,
so a passer-by cannot guess their way in.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

BIRTH_DATE = "date_of_birth"
"""The answer key (a form contract) a paused visit is resumed with."""
TRIES = 3


class Attempt(Enum):
    RIGHT = "right"
    WRONG = "wrong"
    LOCKED = "locked"
    """Wrong, and no tries are left: the visit must be put away."""


def birth_date_of(answers: Mapping[str, Any]) -> date | None:
    """The patient's date of birth if they gave one: a visit without it cannot be paused."""
    value = answers.get(BIRTH_DATE)
    return value if isinstance(value, date) else None


class ResumeCheck:
    def __init__(self, birth_date: date, tries: int = TRIES) -> None:
        self._birth_date = birth_date
        self.tries_left = tries

    def attempt(self, given: date) -> Attempt:
        if self.tries_left <= 0:
            return Attempt.LOCKED
        if given == self._birth_date:
            return Attempt.RIGHT
        self.tries_left -= 1
        return Attempt.WRONG if self.tries_left > 0 else Attempt.LOCKED
