"""A stored visit's answers in form order and in words, for the staff visit screen.

Works on the stored JSON as it is, finished or not: an unfinished visit's answers have
not passed the Finish checks, and staff still need to read them. Red-flag questions
answered yes or not sure come first, whatever page they are on: an urgent visit the
patient walked away from must not hide its thunderclap answer at the bottom of the list.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from intake.eligibility.screening import is_positive
from intake.questionnaire.display import answer_lines
from intake.questionnaire.form import Form, QuestionType
from intake.staff_wording import RED_FLAGS_FIRST


@dataclass(frozen=True)
class AnswerLine:
    section: str
    question: str
    answer: str
    red_flag: bool = False
    """A red-flag question (the form marks them) answered yes or not sure: listed first, for the eye first."""


def answer_listing(form: Form, answers: Mapping[str, Any]) -> list[AnswerLine]:
    """Raised red flags first (under `RED_FLAGS_FIRST`), then every other answer by section in form order."""
    lines = []
    for section in form.sections:
        for question in section.questions:
            if question.id not in answers:
                continue
            value = answers[question.id]
            texts = answer_lines(question, value)
            if question.type is QuestionType.GROUP and value:
                texts = [f"{number}. {text}" for number, text in enumerate(texts, start=1)]
            raised = question.red_flag and is_positive(value)
            lines.append(AnswerLine(section.title, question.label, "\n".join(texts), raised))
    first = [replace(line, section=RED_FLAGS_FIRST) for line in lines if line.red_flag]
    return first + [line for line in lines if not line.red_flag]
