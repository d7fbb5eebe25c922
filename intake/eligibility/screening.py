"""Shared shape of the safety questions: `unsure` counts as `yes`.

A screening row depends only on the question and its answer, and each question has a
handful of possible answers, so the rows are made once per policy and form (they are
frozen, so every assessment may share them); an answer outside those gets a row of its own.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Literal

from intake.eligibility.assessment import ScreeningAnswer
from intake.frozen import per_object
from intake.questionnaire.form import YES_NO_UNSURE_VALUES, Form

POSITIVE = ("yes", "unsure")

ScreeningKind = Literal["red_flag", "caution", "note"]


def is_positive(value: Any) -> bool:
    return value in POSITIVE


def _row(key: str, kind: ScreeningKind, label: str, answer: Any) -> ScreeningAnswer:
    return ScreeningAnswer.made(key=key, kind=kind, label=label, answer=answer, flagged=is_positive(answer))


def _usual_rows(key: str, kind: ScreeningKind, label: str) -> dict[str | None, ScreeningAnswer]:
    """The question's row for each answer the form allows, and for none."""
    return {answer: _row(key, kind, label, answer) for answer in (None, *YES_NO_UNSURE_VALUES)}


@per_object
def _rows_by_answer(
    keys: tuple[str, ...], kind: ScreeningKind, form: Form
) -> tuple[tuple[str, str, dict[str | None, ScreeningAnswer]], ...]:
    """(key, label, its usual rows) per question, in the policy's order."""
    labels = [(key, form.question(key).label) for key in keys]
    return tuple((key, label, _usual_rows(key, kind, label)) for key, label in labels)


def screening_answers(
    keys: tuple[str, ...], kind: ScreeningKind, answers: Mapping[str, Any], form: Form
) -> list[ScreeningAnswer]:
    """One row per question, with the patient's answer (None when the form did not ask)."""
    questions = _rows_by_answer(keys, kind, form)
    try:
        return [usual[answers.get(key)] for key, _, usual in questions]
    except (KeyError, TypeError):  # an answer no yes / no / unsure could be (a caller that skipped parsing)
        return [_row(key, kind, label, answers.get(key)) for key, label, _ in questions]
