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


# Numbers: − and +, answering in another unit, "Help me count" ------------------

STEP_DOWN = "One less"
STEP_UP = "One more"
HELP_ME_COUNT = "Help me count"
COUNT_PROMPT = "Tap each day to count it. Tap a day again to take it off."
USE_COUNT = "Use this count"
CANCEL_COUNT = "Cancel"
TODAY = "today"


def range_hint_in(unit: str, low: float, high: float, whole: bool) -> str:
    """'a number from 0 to 120 years': the range in the unit the patient chose."""
    kind = "a whole number" if whole else "a number"
    return f"{kind} from {_number(low)} to {_number(high)} {unit}"


def out_of_range_in(unit: str, low: float, high: float, whole: bool) -> str:
    return f"Please enter {range_hint_in(unit, low, high, whole)}."


def enter_range(hint: str) -> str:
    """Read after a number box's question by screen readers: 'Enter a whole number from 0 to 31.'"""
    return f"Enter {hint}."


def answer_in_unit(unit: str) -> str:
    """Spoken name of a unit choice button."""
    return f"Answer in {unit}"


def days_counted(count: int) -> str:
    return "1 day" if count == 1 else f"{count} days"


# On-screen keyboard ------------------------------------------------------
# Key captions (what the key shows) and names (what a screen reader says).

KEY_SHIFT_CAPTION = "⇧"
KEY_SHIFT_NAME = "Shift: next letter capital"
KEY_BACKSPACE_CAPTION = "⌫"
KEY_BACKSPACE_NAME = "Backspace"
KEY_SPACE_CAPTION = "space"
KEY_SPACE_NAME = "Space"
KEY_DONE_CAPTION = "Done"
KEY_DONE_NAME = "Done: hide the keyboard"
KEY_DECIMAL_NAME = "Decimal comma"
KEY_NUMBERS_CAPTION = "123"
KEY_NUMBERS_NAME = "Numbers"
KEY_LETTERS_CAPTION = "ABC"
KEY_LETTERS_NAME = "Letters"
KEYBOARD_NAME = "On-screen keyboard"


# On-screen keyboard: the PIN pad staff sign in on (patients never see it) ------------
KEY_ENTER_CAPTION = "Enter"
KEY_ENTER_NAME = "Enter: sign in, or go on to the next field"


def key_variants_name(letter: str) -> str:
    """Names the row of accented letters a long press on `letter` opens."""
    return f"Letters like {letter}"


# Wizard layout: pages, progress, review, the problem summary and the help button -----

NEXT = "Next"
BACK = "Back"
BACK_NAME = "Back to the previous questions"
FINISH = "Finish"
BACK_TO_REVIEW = "Back to review"
PROGRESS_NAME = "Progress"
CHECK_ANSWERS = "Check your answers"
REVIEW_INTRO = "Tap Edit to change the answers in a part. When everything is right, tap Finish."
EDIT = "Edit"
NOT_ANSWERED = "Not answered"
NEED_HELP = "I need help"
NEED_HELP_NAME = "I need help: ask the front desk"
MORE_BELOW = "More below ↓"
CANNOT_FINISH = "Something went wrong saving your answers. Please ask the front desk for help."
WELCOME = "Welcome"
WELCOME_TEXT = (
    "Before your appointment, please answer some questions about your headaches "
    "and the medicines you have tried. It takes about 5 minutes. "
    "You can go back and change any answer before you finish."
)
START = "Start"
START_NAME = "Start the questionnaire"
LARGER_TEXT = "Larger text"
HIGH_CONTRAST = "High contrast"


def progress(section: int, sections: int, part: int = 1, parts: int = 1) -> str:
    """'Section 7 of 8', and where a section spans screens, ' · part 2 of 3'."""
    where = f"Section {section} of {sections}"
    return f"{where} · part {part} of {parts}" if parts > 1 else where


def edit_section(title: str) -> str:
    return f"Edit: {title}"


def problems_summary(count: int) -> str:
    """'1 answer needs attention', '2 answers need attention'."""
    return "1 answer needs attention" if count == 1 else f"{count} answers need attention"


def optional_question(text: str) -> str:
    """A question the patient may leave empty says so."""
    return f"{text} (optional)"


def go_to_problem(question_text: str) -> str:
    """Spoken name of a summary link: where tapping it takes the patient."""
    return f"Go to: {question_text}"


# Red-flag hold and "I need help" ------------------------------------------------
# The hold screen after the red-flag section and the help screen say where to go,
# never why: no outcome, no urgency, nothing about any answer.

HOLD_THANKS = "Thank you."
HOLD_MESSAGE = "Please bring the tablet to the front desk now; they will help you with the rest."
ASK_AT_FRONT_DESK = "Please ask at the front desk"
BACK_TO_QUESTIONS = "Back to the questions"


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


# Medicine input and folding medicine rows --------------------------------------------

DONE = "Done"
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


# Trial dates: months in a medicine row ------------------------------------------------
# Shown beside "When did you start it?" / "When did you stop it?" when the months cannot be.

MONTH_NOT_YET = "This month hasn't come yet. Please check the month and the year."
STOPPED_BEFORE_STARTED = "This is before the month you started it. Please check both months."


# Finish when the answers could not be stored -------------------------------------------
# Shown instead of the thank-you screen when the store refused the answers at Finish (they
# are kept in the encrypted recovery file for staff). Calm, and like the hold screen it says
# where to go, never why: nothing about an error, an outcome or any answer.

ANSWERS_TO_DESK_THANKS = "Thank you for your answers."
ANSWERS_TO_DESK_MESSAGE = "Please bring the tablet to the front desk now; they will finish your visit with you."
