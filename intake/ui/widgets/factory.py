"""Question type -> input widget. The form decides what is asked; this decides how."""

from __future__ import annotations

from functools import partial

from intake.catalog import Catalog
from intake.questionnaire.form import YES_NO_UNSURE_VALUES, Question, QuestionType
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.date_input import DateInput
from intake.ui.widgets.medicine_input import MedicineInput
from intake.ui.widgets.month_input import MonthInput
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.option_cards import OptionCards
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowsInput
from intake.ui.widgets.text_input import TextInput


def make_input(question: Question, catalog: Catalog, words: PatientWording) -> AnswerInput:
    kind = question.type
    if kind is QuestionType.TEXT:
        return MedicineInput(question, catalog, words) if question.catalog else TextInput(question)
    if kind is QuestionType.DATE:
        return DateInput(words)
    if kind is QuestionType.MONTH:
        return MonthInput(words)
    if kind in (QuestionType.INTEGER, QuestionType.NUMBER):
        return NumberInput(question, words)
    if kind is QuestionType.YES_NO_UNSURE:
        return OptionCards([(value, question.option_label(value)) for value in YES_NO_UNSURE_VALUES], columns=3)
    if kind is QuestionType.CHOICE:
        return OptionCards([(option.value, option.label) for option in question.options])
    return RowsInput(question, partial(make_field_block, catalog=catalog, words=words), words)


def make_block(question: Question, catalog: Catalog, words: PatientWording) -> QuestionBlock:
    """A question's block in the visit's words (`words`); the form's texts are already in its language."""
    return QuestionBlock(question, make_input(question, catalog, words), words)


def make_field_block(question: Question, catalog: Catalog, words: PatientWording) -> QuestionBlock:
    """A field inside a group row: same inputs, smaller wording."""
    return QuestionBlock(question, make_input(question, catalog, words), words, role="field")
