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


# Date of birth by touch, and the paused visit ------------------------------------------
# The birth-date picker (decade -> year -> month -> day), the date boxes, "Are you still
# there?" and the screen that hides a paused visit until the patient confirms their date
# of birth. Month names come from the locale, not from here.

DAY_CAPTION = "Day"
MONTH_CAPTION = "Month"
YEAR_CAPTION = "Year"
DAY_PLACEHOLDER = "DD"
YEAR_PLACEHOLDER = "YYYY"
MONTH_PLACEHOLDER = "Month"
CHOOSE_THE_DATE = "Choose the date"
CHOOSE_THE_DATE_NAME = "Choose the date by touch: decade, year, month, then day"
PICK_DECADE = "When were you born? Choose the years"
PICK_YEAR = "Choose the year"
PICK_MONTH = "Choose the month"
PICK_DAY = "Choose the day"
PICKER_BACK = "Back"
PICKER_BACK_NAME = "Back to the previous choice"


def decade_label(first: str, last: str) -> str:
    """A decade button: '1970–1979' reads the same in every language, unlike '1970s'."""
    return f"{first}–{last}"


STILL_THERE_TITLE = "Are you still there?"
STILL_THERE_CONTINUE = "Continue"
STILL_THERE_CONTINUE_NAME = "Continue the questionnaire"


def closing_in(seconds: int) -> str:
    unit = "second" if seconds == 1 else "seconds"
    return f"For your privacy, the questionnaire will close in {seconds} {unit}. Your answers so far are kept safely."


PAUSED_TITLE = "Your questionnaire is paused"
PAUSED_TEXT = "Your answers are hidden and kept safe. Tap Continue and confirm your date of birth to carry on."
PAUSED_CONTINUE = "Continue"
PAUSED_CONTINUE_NAME = "Continue: confirm your date of birth"
CONFIRM_BIRTH_DATE = "Please confirm your date of birth"
BIRTH_DATE_DIFFERS = "That date does not match the one you gave. Please try again."
STAFF_NEW_VISIT = "Staff: start a new visit"
STAFF_NEW_VISIT_NAME = "Staff: sign in to put this visit away and start a new one"
