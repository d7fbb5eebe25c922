"""A stored visit's answers in form order and in words, for the staff visit screen.

Works on the stored JSON as it is, finished or not: an unfinished visit's answers have
not passed the Finish checks, and staff still need to read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from intake.questionnaire.display import answer_lines
from intake.questionnaire.form import Form, QuestionType


@dataclass(frozen=True)
class AnswerLine:
    section: str
    question: str
    answer: str


def answer_listing(form: Form, answers: Mapping[str, Any]) -> list[AnswerLine]:
    lines = []
    for section in form.sections:
        for question in section.questions:
            if question.id not in answers:
                continue
            value = answers[question.id]
            texts = answer_lines(question, value)
            if question.type is QuestionType.GROUP and value:
                texts = [f"{number}. {text}" for number, text in enumerate(texts, start=1)]
            lines.append(AnswerLine(section.title, question.label, "\n".join(texts)))
    return lines
