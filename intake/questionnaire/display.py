"""Answers as people read them: the review screen and the PDF appendix share this."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from intake.questionnaire.form import Question, QuestionType

NOT_ANSWERED = "not answered"


def _number(value: float) -> str:
    return f"{value:g}"


def format_value(
    question: Question,
    value: Any,
    date_text: Callable[[date], str] = date.isoformat,
    number_text: Callable[[float], str] = _number,
) -> str:
    """One answer in words: option labels, dates, numbers with their unit.

    The PDF keeps ISO dates (unambiguous for any reader) and plain numbers; the patient's
    review screen passes the visit's long date format and its way of writing numbers.
    """
    if value is None:
        return NOT_ANSWERED
    if question.type in (QuestionType.CHOICE, QuestionType.YES_NO_UNSURE):
        return question.option_label(value)
    if isinstance(value, date):
        return date_text(value)
    if question.type in (QuestionType.INTEGER, QuestionType.NUMBER):
        return f"{number_text(value)} {question.unit}".rstrip()
    if question.type is QuestionType.GROUP:
        return "none" if not value else f"{len(value)} listed"
    return str(value)


def format_row(question: Question, row: dict[str, Any], number_text: Callable[[float], str] = _number) -> str:
    """One repeating-group row on one line: `sumatriptan: 4 days a month`."""
    parts: list[str] = []
    for field in question.fields:
        if row.get(field.id) is None:
            continue
        text = format_value(field, row[field.id], number_text=number_text)
        labelled = parts and field.type in (QuestionType.TEXT, QuestionType.MONTH, QuestionType.DATE)
        parts.append(f"{field.label.lower()} {text}" if labelled else text)
    return ", ".join(parts)


def answer_lines(
    question: Question,
    value: Any,
    date_text: Callable[[date], str] = date.isoformat,
    number_text: Callable[[float], str] = _number,
) -> list[str]:
    """An answer as lines: one per medicine row (the group's "none" wording for an empty list)."""
    if question.type is QuestionType.GROUP and value is not None:
        return [format_row(question, row, number_text) for row in value] or [question.none_label]
    return [format_value(question, value, date_text, number_text)]
