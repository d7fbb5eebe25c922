"""Carrying on a visit: a paused one by the patient's date of birth, any open one with staff.

A paused visit keeps its answers on the kiosk, hidden; only the birth date the patient
already gave brings them back. A few wrong dates and the visit is put away for staff,
so a passer-by cannot guess their way in.

Staff can also hand the tablet back to the patient of any visit not finished (set aside,
paused on another station, on hold): the answers then come from the store, as the
response file format keeps them, and are read back into the typed values the wizard holds.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from enum import Enum
from typing import Any

from intake.questionnaire.form import Form, Question, QuestionType

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


def typed_answers(form: Form, stored: Mapping[str, Any]) -> dict[str, Any]:
    """Stored answers (ISO dates, JSON types) as the wizard holds them (`date`s, in group rows too).

    Only what the wizard itself saved comes back this way, so nothing is checked beyond
    what the widgets need: an answer to a question the form no longer has, or a date that
    does not read as one, is left out and asked again rather than stopping the visit.
    """
    known = {question.id: question for question in form.questions()}
    typed: dict[str, Any] = {}
    for key, value in stored.items():
        question = known.get(key)
        if question is None or value is None:
            continue
        read = _rows(question, value) if question.type is QuestionType.GROUP else _typed(question, value)
        if read is not None:
            typed[key] = read
    return typed


def _rows(question: Question, value: Any) -> list[dict[str, Any]] | None:
    if not isinstance(value, list):
        return None
    fields = {field.id: field for field in question.fields}
    rows = []
    for row in value:
        if isinstance(row, dict):
            read = {name: _typed(fields[name], item) for name, item in row.items() if name in fields}
            rows.append({name: item for name, item in read.items() if item is not None})
    return rows


def _typed(question: Question, value: Any) -> Any:
    if question.type is not QuestionType.DATE:
        return value
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
