"""Cautions (label contraindications and warnings) and note-only answers."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.assessment import Reason, ScreeningAnswer
from intake.eligibility.policy import Policy
from intake.eligibility.screening import screening_answers
from intake.questionnaire.form import Form

_NOTE_TEXT = {
    "yes": "{label}: yes. Bruising or bleeding risk at injection sites; outcome unchanged",
    "unsure": "{label}: not sure. Check before injections (bruising or bleeding risk); outcome unchanged",
}


def caution_answers(answers: Mapping[str, Any], policy: Policy, form: Form) -> list[ScreeningAnswer]:
    return screening_answers(policy.cautions, "caution", answers, form)


def note_answers(answers: Mapping[str, Any], policy: Policy, form: Form) -> list[ScreeningAnswer]:
    return screening_answers(policy.notes, "note", answers, form)


def answer_notes(items: list[ScreeningAnswer]) -> list[Reason]:
    """A note for each note-only question answered yes or not sure."""
    return [
        Reason(code=item.key, text=_NOTE_TEXT[item.answer].format(label=item.label))  # type: ignore[index]
        for item in items
        if item.flagged
    ]
