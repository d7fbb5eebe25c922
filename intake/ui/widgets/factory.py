"""Question type -> input widget. The form decides what is asked; this decides how."""

from __future__ import annotations

from functools import partial

from intake.catalog import Catalog
from intake.questionnaire.form import YES_NO_UNSURE_VALUES, Question, QuestionType
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.date_input import DateInput
from intake.ui.widgets.medicine_input import MedicineInput
from intake.ui.widgets.month_input import MonthInput
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.option_cards import OptionCards
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowsInput
from intake.ui.widgets.text_input import TextInput


def make_input(question: Question, catalog: Catalog) -> AnswerInput:
    kind = question.type
    if kind is QuestionType.TEXT:
        return MedicineInput(question, catalog) if question.catalog else TextInput(question)
    if kind is QuestionType.DATE:
        return DateInput()
    if kind is QuestionType.MONTH:
        return MonthInput()
    if kind in (QuestionType.INTEGER, QuestionType.NUMBER):
        return NumberInput(question)
    if kind is QuestionType.YES_NO_UNSURE:
        return OptionCards([(value, question.option_label(value)) for value in YES_NO_UNSURE_VALUES], columns=3)
    if kind is QuestionType.CHOICE:
        return OptionCards([(option.value, option.label) for option in question.options])
    return RowsInput(question, partial(make_field_block, catalog=catalog))


def make_block(question: Question, catalog: Catalog) -> QuestionBlock:
    return QuestionBlock(question, make_input(question, catalog))


def make_field_block(question: Question, catalog: Catalog) -> QuestionBlock:
    """A field inside a group row: same inputs, smaller wording."""
    return QuestionBlock(question, make_input(question, catalog), role="field")
