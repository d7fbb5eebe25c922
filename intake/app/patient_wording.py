"""What the patient reads when an answer needs attention: short, plain, never technical.

The CLI reports `key: expected ..., got ...` for staff and tools; the wizard shows these
sentences next to the question instead. They are built from the form definition, so a
new question gets sensible wording without code.
"""

from __future__ import annotations

from intake.questionnaire.form import Question, QuestionType


def _number(value: float | None) -> str:
    return f"{value:g}"


def range_hint(question: Question) -> str:
    """'a whole number from 0 to 31': what a number box accepts, in words."""
    kind = "a whole number" if question.type is QuestionType.INTEGER else "a number"
    return f"{kind} from {_number(question.min)} to {_number(question.max)}"


def out_of_range(question: Question) -> str:
    return f"Please enter {range_hint(question)}."


def required_message(question: Question) -> str:
    """Asked for a required question left empty."""
    kind = question.type
    if kind is QuestionType.YES_NO_UNSURE:
        return "Please choose Yes, No or Not sure."
    if kind is QuestionType.CHOICE:
        return "Please choose one answer."
    if kind is QuestionType.GROUP:
        return f"Please choose “{question.add_label}” or “{question.none_label}”."
    if kind in (QuestionType.INTEGER, QuestionType.NUMBER):
        return out_of_range(question)
    if kind is QuestionType.DATE:
        return "Please fill in the day, month and year."
    if kind is QuestionType.MONTH:
        return "Please choose the month and fill in the year."
    return "Please fill this in."


def row_field_message(field: Question) -> str:
    """Asked for a required field left empty in one row of a group."""
    if field.type in (QuestionType.CHOICE, QuestionType.YES_NO_UNSURE):
        return "Please choose one answer, or remove this row."
    return f"Please fill in “{field.text}”, or remove this row."


def incomplete_date() -> str:
    return "Please fill in the day, month and year."


def impossible_date(day: int, month_name: str, year: int) -> str:
    return f"There is no {day} {month_name} {year}. Please check the date."


def bad_year(earliest: int, latest: int) -> str:
    return f"Please enter the year with 4 digits, from {earliest} to {latest}."


def incomplete_month() -> str:
    return "Please choose the month and fill in the year, or leave both empty."


# Medicine input and folding medicine rows --------------------------------------------

DONE = "Done"
EDIT = "Edit"
REMOVE = "Remove"
SUMMARY_SEPARATOR = " · "


def medicine_name(name: str) -> str:
    """A catalog name as the patient reads it: "ibuprofen" -> "Ibuprofen", brands unchanged."""
    return name[:1].upper() + name[1:]


def medicine_suggestion(name: str, generic: str) -> str:
    """'Topamax (topiramate)'; just 'Topiramate' when the generic itself matched."""
    if name == generic:
        return medicine_name(name)
    return f"{medicine_name(name)} ({generic})"


def did_you_mean(name: str) -> str:
    return f"Did you mean {medicine_name(name)}?"


def row_summary_part(label: str, value: str) -> str:
    """A folded row's part that needs its label to make sense: 'Started: March 2024'."""
    return f"{label}: {value}"


def row_title(noun: str, position: int) -> str:
    return f"{noun} {position}"


def remove_row(noun: str, position: int) -> str:
    return f"Remove {noun.lower()} {position}"


def edit_row(noun: str, position: int) -> str:
    return f"Edit {noun.lower()} {position}"


def finish_row(noun: str, position: int) -> str:
    return f"Done with {noun.lower()} {position}"
