"""Shared shape of the safety questions: `unsure` counts as `yes`."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal

from intake.eligibility.assessment import ScreeningAnswer
from intake.questionnaire.form import Form

POSITIVE = ("yes", "unsure")


def is_positive(value: Any) -> bool:
    return value in POSITIVE


def screening_answers(
    keys: Sequence[str], kind: Literal["red_flag", "caution", "note"], answers: Mapping[str, Any], form: Form
) -> list[ScreeningAnswer]:
    """One row per question, with the patient's answer (None when the form did not ask)."""
    return [
        ScreeningAnswer(
            key=key,
            kind=kind,
            label=form.question(key).label,
            answer=answers.get(key),
            flagged=is_positive(answers.get(key)),
        )
        for key in keys
    ]
