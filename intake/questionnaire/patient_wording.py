"""What the patient reads besides the form's own texts, in the visit's language: short, plain, never technical.

The CLI reports `key: expected ..., got ...` for staff and tools; the wizard shows these
sentences next to the question instead. They are built from the form definition, so a
new question gets sensible wording without code.

Every sentence goes through gettext (domain `patient`, `resources/translations/`): the
English below is the message id, a `.po` file per language holds the rest. A screen asks
`wording_for(language)` once and passes the wording down, so one visit reads one language
and the next visit may read another; the CLI and the JSON contract use `ENGLISH`.
Numbers are written the language's way (a decimal comma in Spanish), from CLDR via Babel.
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from babel import Locale
from babel.numbers import format_decimal

from intake.translations import N_, PATIENT_DOMAIN, translations

if TYPE_CHECKING:
    from intake.questionnaire.form import Question

# The form's models are imported where a question is worded, not with this module: the
# kiosk's welcome screen is worded before any form is loaded, and pydantic with it.

SUMMARY_SEPARATOR = " · "
"""Between the parts of a folded medicine row; reads the same in every language."""

# Key captions that are symbols or read the same in every language we offer.
KEY_SHIFT_CAPTION = "⇧"
KEY_BACKSPACE_CAPTION = "⌫"
KEY_NUMBERS_CAPTION = "123"
KEY_LETTERS_CAPTION = "ABC"


def decade_label(first: str, last: str) -> str:
    """A decade button: '1970–1979' reads the same in every language, unlike '1970s'."""
    return f"{first}–{last}"


def medicine_name(name: str) -> str:
    """A catalog name as the patient reads it: "ibuprofen" -> "Ibuprofen", brands unchanged."""
    return name[:1].upper() + name[1:]


class PatientWording:
    """The patient's words in one language: the upper-case sentences below, translated when
    the wording is built, and the methods that fill in numbers, names and counts.

    A class attribute holds the English message id; each instance holds its translation
    under the same name, so `words.NEXT` reads "Next" or "Siguiente".
    """

    # Numbers: − and +, answering in another unit, "Help me count" ------------------
    STEP_DOWN = N_("One less")
    STEP_UP = N_("One more")
    HELP_ME_COUNT = N_("Help me count")
    COUNT_PROMPT = N_("Tap each day to count it. Tap a day again to take it off.")
    USE_COUNT = N_("Use this count")
    CANCEL_COUNT = N_("Cancel")
    TODAY = N_("today")

    # On-screen keyboard: key captions (what the key shows) and names (what a screen reader says)
    KEY_SHIFT_NAME = N_("Shift: next letter capital")
    KEY_BACKSPACE_NAME = N_("Backspace")
    KEY_SPACE_CAPTION = N_("space")
    KEY_SPACE_NAME = N_("Space")
    KEY_DONE_CAPTION = N_("Done")
    KEY_DONE_NAME = N_("Done: hide the keyboard")
    KEY_DECIMAL_NAME = N_("Decimal comma")
    KEY_NUMBERS_NAME = N_("Numbers")
    KEY_LETTERS_NAME = N_("Letters")
    KEYBOARD_NAME = N_("On-screen keyboard")
    # The PIN pad staff sign in on (patients never see it)
    KEY_ENTER_CAPTION = N_("Enter")
    KEY_ENTER_NAME = N_("Enter: sign in, or go on to the next field")

    # Wizard layout: pages, progress, review, the problem summary and the help button -----
    NEXT = N_("Next")
    BACK = N_("Back")
    BACK_NAME = N_("Back to the previous questions")
    FINISH = N_("Finish")
    BACK_TO_REVIEW = N_("Back to review")
    PROGRESS_NAME = N_("Progress")
    CHECK_ANSWERS = N_("Check your answers")
    REVIEW_INTRO = N_("Tap Edit to change the answers in a part. When everything is right, tap Finish.")
    EDIT = N_("Edit")
    NOT_ANSWERED = N_("Not answered")
    NEED_HELP = N_("I need help")
    NEED_HELP_NAME = N_("I need help: ask the front desk")
    MORE_BELOW = N_("More below ↓")
    CANNOT_FINISH = N_("Something went wrong saving your answers. Please ask the front desk for help.")
    WELCOME = N_("Welcome")
    WELCOME_TEXT = N_(
        "Before your appointment, please answer some questions about your headaches "
        "and the medicines you have tried. It takes about 5 minutes. "
        "You can go back and change any answer before you finish."
    )
    START = N_("Start")
    START_NAME = N_("Start the questionnaire")
    LARGER_TEXT = N_("Larger text")
    HIGH_CONTRAST = N_("High contrast")
    LANGUAGE_CHOICE_NAME = N_("Language")
    USE_THIS_LANGUAGE = N_("Show the questions in this language")
    """A language button's spoken description, in the language it switches to."""

    # Red-flag hold and "I need help": where to go, never why (no outcome, no urgency) ----
    HOLD_THANKS = N_("Thank you.")
    HOLD_MESSAGE = N_("Please bring the tablet to the front desk now; they will help you with the rest.")
    ASK_AT_FRONT_DESK = N_("Please ask at the front desk")
    BACK_TO_QUESTIONS = N_("Back to the questions")

    # Date of birth by touch, the date boxes, "Are you still there?" and the paused visit --
    # Month names come from the visit's locale, not from here.
    DAY_CAPTION = N_("Day")
    MONTH_CAPTION = N_("Month")
    YEAR_CAPTION = N_("Year")
    DAY_PLACEHOLDER = N_("DD")
    YEAR_PLACEHOLDER = N_("YYYY")
    MONTH_PLACEHOLDER = N_("Month")
    CHOOSE_THE_DATE = N_("Choose the date")
    CHOOSE_THE_DATE_NAME = N_("Choose the date by touch: decade, year, month, then day")
    PICK_DECADE = N_("When were you born? Choose the years")
    PICK_YEAR = N_("Choose the year")
    PICK_MONTH = N_("Choose the month")
    PICK_DAY = N_("Choose the day")
    PICKER_BACK = N_("Back")
    PICKER_BACK_NAME = N_("Back to the previous choice")
    STILL_THERE_TITLE = N_("Are you still there?")
    STILL_THERE_CONTINUE = N_("Continue")
    STILL_THERE_CONTINUE_NAME = N_("Continue the questionnaire")
    PAUSED_TITLE = N_("Your questionnaire is paused")
    PAUSED_TEXT = N_("Your answers are hidden and kept safe. Tap Continue and confirm your date of birth to carry on.")
    PAUSED_CONTINUE = N_("Continue")
    PAUSED_CONTINUE_NAME = N_("Continue: confirm your date of birth")
    CONFIRM_BIRTH_DATE = N_("Please confirm your date of birth")
    BIRTH_DATE_DIFFERS = N_("That date does not match the one you gave. Please try again.")
    STAFF_NEW_VISIT = N_("Staff: start a new visit")
    STAFF_NEW_VISIT_NAME = N_("Staff: sign in to put this visit away and start a new one")

    # Medicine input and folding medicine rows --------------------------------------------
    DONE = N_("Done")
    REMOVE = N_("Remove")

    # Trial dates: beside "When did you start it?" / "When did you stop it?" when the months cannot be
    MONTH_NOT_YET = N_("This month hasn't come yet. Please check the month and the year.")
    STOPPED_BEFORE_STARTED = N_("This is before the month you started it. Please check both months.")

    # The end of a visit: the thank-you, or the front desk when the store refused the answers.
    # Calm, and like the hold screen it says where to go, never why.
    THANK_YOU_TITLE = N_("Thank you, you have finished")
    THANK_YOU = N_("Please give the tablet back to the front desk.")
    THANK_YOU_DONE = N_("Done")
    THANK_YOU_DONE_NAME = N_("Done: return to the start")
    SUMMARY_PROBLEM = N_("Please also tell the front desk that your summary needs their attention.")
    ANSWERS_TO_DESK_THANKS = N_("Thank you for your answers.")
    ANSWERS_TO_DESK_MESSAGE = N_("Please bring the tablet to the front desk now; they will finish your visit with you.")

    def __init__(self, language: str) -> None:
        self.language = language
        self.locale = Locale.parse(language, sep="-")
        self._translations = translations(PATIENT_DOMAIN, language)
        for name in sentence_names():
            setattr(self, name, self._translations.gettext(getattr(PatientWording, name)))

    def _(self, message: str, **values: object) -> str:
        """One sentence in this language, its named blanks filled in."""
        return self._translations.gettext(message).format(**values)

    def ngettext(self, singular: str, plural: str, count: int, **values: object) -> str:
        """A sentence whose words follow a count ("1 day", "2 days"); `{count}` is that count."""
        return self._translations.ngettext(singular, plural, count).format(count=self.number(count), **values)

    def number(self, value: float | None) -> str:
        """A number as this language writes it: 1.5 in English, 1,5 in Spanish; no thousands separator."""
        if value is None:
            return ""
        return format_decimal(value, locale=self.locale, group_separator=False)

    # Answers that need attention ------------------------------------------------------

    def range_hint(self, question: Question) -> str:
        """'a whole number from 0 to 31': what a number box accepts, in words."""
        from intake.questionnaire.form import QuestionType

        return self.range_hint_in("", question.min or 0, question.max or 0, question.type is QuestionType.INTEGER)

    def out_of_range(self, question: Question) -> str:
        return self._("Please enter {range}.", range=self.range_hint(question))

    def required_message(self, question: Question) -> str:
        """Asked for a required question left empty."""
        from intake.questionnaire.form import QuestionType

        kind = question.type
        if kind is QuestionType.YES_NO_UNSURE:
            yes, no, unsure = (question.option_label(value) for value in ("yes", "no", "unsure"))
            return self._("Please choose {yes}, {no} or {unsure}.", yes=yes, no=no, unsure=unsure)
        if kind is QuestionType.CHOICE:
            return self._("Please choose one answer.")
        if kind is QuestionType.GROUP:
            return self._("Please choose “{add}” or “{none}”.", add=question.add_label, none=question.none_label)
        if kind in (QuestionType.INTEGER, QuestionType.NUMBER):
            return self.out_of_range(question)
        if kind is QuestionType.DATE:
            return self.incomplete_date()
        if kind is QuestionType.MONTH:
            return self._("Please choose the month and fill in the year.")
        return self._("Please fill this in.")

    def row_field_message(self, field: Question) -> str:
        """Asked for a required field left empty in one row of a group."""
        from intake.questionnaire.form import QuestionType

        if field.type in (QuestionType.CHOICE, QuestionType.YES_NO_UNSURE):
            return self._("Please choose one answer, or remove this row.")
        return self._("Please fill in “{field}”, or remove this row.", field=field.text)

    def incomplete_date(self) -> str:
        return self._("Please fill in the day, month and year.")

    def impossible_date(self, day: int, month_name: str, year: int) -> str:
        return self._("There is no {day} {month} {year}. Please check the date.", day=day, month=month_name, year=year)

    def bad_year(self, earliest: int, latest: int) -> str:
        return self._("Please enter the year with 4 digits, from {earliest} to {latest}.", earliest=earliest, latest=latest)

    def incomplete_month(self) -> str:
        return self._("Please choose the month and fill in the year, or leave both empty.")

    # Numbers --------------------------------------------------------------------------

    def range_hint_in(self, unit: str, low: float, high: float, whole: bool) -> str:
        """'a number from 0 to 120 years': the range in the unit the patient chose (none: the question's)."""
        low_text, high_text = self.number(low), self.number(high)
        if whole:
            hint = self._("a whole number from {low} to {high}", low=low_text, high=high_text)
        else:
            hint = self._("a number from {low} to {high}", low=low_text, high=high_text)
        return f"{hint} {unit}".rstrip()

    def out_of_range_in(self, unit: str, low: float, high: float, whole: bool) -> str:
        return self._("Please enter {range}.", range=self.range_hint_in(unit, low, high, whole))

    def enter_range(self, hint: str) -> str:
        """Read after a number box's question by screen readers: 'Enter a whole number from 0 to 31.'"""
        return self._("Enter {range}.", range=hint)

    def answer_in_unit(self, unit: str) -> str:
        """Spoken name of a unit choice button."""
        return self._("Answer in {unit}", unit=unit)

    def days_counted(self, count: int) -> str:
        return self.ngettext("{count} day", "{count} days", count)

    # Keyboard, wizard, review ---------------------------------------------------------

    def key_variants_name(self, letter: str) -> str:
        """Names the row of accented letters a long press on `letter` opens."""
        return self._("Letters like {letter}", letter=letter)

    def progress(self, section: int, sections: int, part: int = 1, parts: int = 1) -> str:
        """'Section 7 of 8', and where a section spans screens, ' · part 2 of 3'."""
        where = self._("Section {section} of {sections}", section=section, sections=sections)
        return self._("{where} · part {part} of {parts}", where=where, part=part, parts=parts) if parts > 1 else where

    def edit_section(self, title: str) -> str:
        return self._("Edit: {title}", title=title)

    def problems_summary(self, count: int) -> str:
        """'1 answer needs attention', '2 answers need attention'."""
        return self.ngettext("{count} answer needs attention", "{count} answers need attention", count)

    def optional_question(self, text: str) -> str:
        """A question the patient may leave empty says so."""
        return self._("{question} (optional)", question=text)

    def go_to_problem(self, question_text: str) -> str:
        """Spoken name of a summary link: where tapping it takes the patient."""
        return self._("Go to: {question}", question=question_text)

    def box_names(self, question_text: str) -> tuple[str, str, str]:
        """Spoken names of a date's day, month and year boxes."""
        return (
            self._("{question}: day", question=question_text),
            self._("{question}: month", question=question_text),
            self._("{question}: year", question=question_text),
        )

    def closing_in(self, seconds: int) -> str:
        return self.ngettext(
            "For your privacy, the questionnaire will close in {count} second. Your answers so far are kept safely.",
            "For your privacy, the questionnaire will close in {count} seconds. Your answers so far are kept safely.",
            seconds,
        )

    # Medicine input and folding medicine rows -------------------------------------------

    def medicine_suggestion(self, name: str, generic: str) -> str:
        """'Topamax (topiramate)'; just 'Topiramate' when the generic itself matched."""
        if name == generic:
            return medicine_name(name)
        return self._("{name} ({generic})", name=medicine_name(name), generic=generic)

    def did_you_mean(self, name: str) -> str:
        return self._("Did you mean {name}?", name=medicine_name(name))

    def row_summary_part(self, label: str, value: str) -> str:
        """A folded row's part that needs its label to make sense: 'Started: March 2024'."""
        return self._("{label}: {value}", label=label, value=value)

    def row_title(self, noun: str, position: int) -> str:
        return self._("{noun} {position}", noun=noun, position=position)

    def remove_row(self, noun: str, position: int) -> str:
        return self._("Remove {noun} {position}", noun=noun.lower(), position=position)

    def edit_row(self, noun: str, position: int) -> str:
        return self._("Edit {noun} {position}", noun=noun.lower(), position=position)

    def finish_row(self, noun: str, position: int) -> str:
        return self._("Done with {noun} {position}", noun=noun.lower(), position=position)


@cache
def sentence_names() -> tuple[str, ...]:
    """The upper-case sentences of `PatientWording`, each a message id of the template."""
    return tuple(name for name, value in vars(PatientWording).items() if name.isupper() and isinstance(value, str))


@cache
def wording_for(language: str) -> PatientWording:
    """The patient's words in a language (a BCP 47 tag: `es-MX` reads the Spanish catalog)."""
    return PatientWording(language)


ENGLISH = wording_for("en")
"""The source language: what the command line, the JSON contract and the tests of English read."""
