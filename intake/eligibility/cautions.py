"""Cautions (label contraindications and warnings) and note-only answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.assessment import Reason, ScreeningAnswer
from intake.eligibility.policy import Policy
from intake.eligibility.screening import screening_answers
from intake.questionnaire.form import Form


def caution_answers(answers: Mapping[str, Any], policy: Policy, form: Form) -> list[ScreeningAnswer]:
    return screening_answers(policy.cautions, "caution", answers, form)


def note_answers(answers: Mapping[str, Any], policy: Policy, form: Form) -> list[ScreeningAnswer]:
    return screening_answers(policy.notes, "note", answers, form)


def answer_notes(items: list[ScreeningAnswer], policy: Policy) -> list[Reason]:
    """A note for each note-only question answered yes or not sure, in the policy's wording for it."""
    return [
        Reason.made(code=item.key, text=policy.note_wording[item.key].text(item.answer or "", item.label))
        for item in items
        if item.flagged
    ]
