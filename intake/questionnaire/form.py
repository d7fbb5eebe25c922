"""Pydantic models of a questionnaire definition (`forms/*.yaml`).

The form is the single place a question exists: the wizard, the review screen, the PDF
appendix and the FHIR export all read these models, so adding a question is a YAML edit.
Models are frozen and forbid unknown keys so that a typo in the YAML fails at load.
"""

from __future__ import annotations

from enum import StrEnum
from functools import cached_property
from typing import Literal

from pydantic import Field, field_validator, model_validator

from intake.frozen import Frozen
from intake.localized import DEFAULT_LANGUAGE
from intake.plain_text import placeholder_problem
from intake.questionnaire.expressions import Expression, parse_expression

KEY_PATTERN = r"^[a-z][a-z0-9_]*$"


class QuestionType(StrEnum):
    TEXT = "text"
    DATE = "date"
    MONTH = "month"
    INTEGER = "integer"
    NUMBER = "number"
    CHOICE = "choice"
    YES_NO_UNSURE = "yes_no_unsure"
    GROUP = "group"


YES_NO_UNSURE_VALUES = ("yes", "no", "unsure")


class Option(Frozen):
    value: str = Field(pattern=KEY_PATTERN)
    label: str = Field(min_length=1)


ENGLISH_YES_NO_UNSURE = (
    Option(value="yes", label="Yes"),
    Option(value="no", label="No"),
    Option(value="unsure", label="Not sure"),
)


class UnitOption(Frozen):
    """Another unit the patient may answer in ("3 years" for a question in months).

    Display only: the answer is always stored in the question's own `unit`, so the file
    format, validation and rules never see it.
    """

    label: str = Field(min_length=1, description="The unit's words, e.g. 'years'.")
    size: float = Field(gt=0, description="How many of the question's units one of these is (a year is 12 months).")


class RowCondition(Frozen):
    """Display only: hide a group row field while another field of the same row has this answer.

    "When did you stop?" means nothing for "I'm still taking it"; the file format still
    accepts the field either way.
    """

    field: str = Field(pattern=KEY_PATTERN)
    equals: str


class Condition(Frozen):
    """One `enable_when` test on another question's answer.

    `not_equals` is true when the other question is unanswered, so a follow-up that
    applies "unless male" is shown until the patient says otherwise. `answered: true` on
    a repeating group means "has at least one row", that is its required field answered
    (such a group needs one: FHIR's `enableWhen` can only name an item with an answer).
    """

    question: str = Field(pattern=KEY_PATTERN)
    equals: str | None = None
    not_equals: str | None = None
    answered: bool | None = None

    @model_validator(mode="after")
    def _exactly_one_test(self) -> Condition:
        given = [name for name in ("equals", "not_equals", "answered") if getattr(self, name) is not None]
        if len(given) != 1:
            raise ValueError("give exactly one of equals, not_equals, answered")
        return self


class Question(Frozen):
    id: str = Field(pattern=KEY_PATTERN)
    type: QuestionType
    text: str = Field(min_length=1, description="Wording the patient reads.")
    label: str = Field(min_length=1, description="Short name for staff screens and the PDF.")
    help: str = ""
    required: bool = False
    min: float | None = None
    max: float | None = None
    min_length: int | None = Field(default=None, ge=0)
    max_length: int | None = Field(default=None, ge=1)
    unit: str = ""
    options: tuple[Option, ...] = ()
    enable_when: tuple[Condition, ...] = ()
    fields: tuple[Question, ...] = ()
    max_rows: int | None = Field(default=None, ge=1)
    add_label: str = Field(default="", description="Group button that adds the first row, e.g. 'Add a medicine'.")
    add_more_label: str = Field(default="", description="The same button once a row exists.")
    none_label: str = Field(default="", description="Group answer meaning 'no rows', e.g. 'I don't take any'.")
    catalog: Literal["acute", "preventive"] | None = None
    quick_picks: tuple[str, ...] = Field(
        default=(), description="Catalog names offered as one-tap chips above a medicine name (commonest first)."
    )
    other_units: tuple[UnitOption, ...] = Field(
        default=(), description="Longer units the patient may answer in; stored in `unit`."
    )
    count_aid: bool = Field(
        default=False, description="Offer 'Help me count': tap the days of the last 30 on a calendar."
    )
    hidden_when: tuple[RowCondition, ...] = Field(
        default=(), description="Row fields only: hide this field while a sibling field has the given answer."
    )
    red_flag: bool = Field(
        default=False,
        description=(
            "A safety question whose `yes` or `unsure` alerts staff the moment it is given. Every policy's "
            "`red_flags` names exactly these (checked at load), so the live alert never waits for a policy."
        ),
    )
    needed_by: str | None = Field(
        default=None,
        pattern=KEY_PATTERN,
        description=(
            "What cannot be assessed without this answer while the question is shown: `every_policy`, or a "
            "criterion kind (`botox_stopping_rule`) for the policies that have one. Left empty, the outcome is "
            "INCOMPLETE. Answers a policy names itself (its criteria, red flags, cautions) need no mark."
        ),
    )

    @model_validator(mode="after")
    def _consistent_for_type(self) -> Question:
        kind = self.type
        if kind is QuestionType.CHOICE and not self.options:
            raise ValueError("a choice question needs options")
        if kind is QuestionType.YES_NO_UNSURE and self.options:
            if tuple(option.value for option in self.options) != YES_NO_UNSURE_VALUES:
                raise ValueError("a yes_no_unsure question's options are the form's yes_no_unsure words")
        elif kind is not QuestionType.CHOICE and self.options:
            raise ValueError(f"options are only for choice questions, not {kind}")
        if kind is QuestionType.GROUP:
            if not self.fields:
                raise ValueError("a group question needs fields")
            if any(field.type is QuestionType.GROUP for field in self.fields):
                raise ValueError("groups cannot be nested")
            if any(field.needed_by for field in self.fields):
                raise ValueError("needed_by is only for questions, not for fields of a group row")
            if any(field.red_flag for field in self.fields):
                raise ValueError("red_flag is only for questions, not for fields of a group row")
            if not (self.add_label and self.none_label):
                raise ValueError("a group question needs add_label and none_label (the patient's two ways to answer)")
        elif self.fields or self.add_label or self.add_more_label or self.none_label or self.max_rows:
            raise ValueError(f"fields, max_rows and add/none labels are only for group questions, not {kind}")
        numeric = kind in (QuestionType.INTEGER, QuestionType.NUMBER)
        if (self.min is not None or self.max is not None) and not numeric:
            raise ValueError(f"min and max are only for integer and number questions, not {kind}")
        if numeric and (self.min is None or self.max is None):
            raise ValueError("integer and number questions need min and max")
        if numeric and self.min > self.max:  # type: ignore[operator]
            raise ValueError(f"min ({self.min:g}) is greater than max ({self.max:g})")
        if (self.min_length is not None or self.max_length is not None) and kind is not QuestionType.TEXT:
            raise ValueError(f"min_length and max_length are only for text questions, not {kind}")
        if self.catalog is not None and kind is not QuestionType.TEXT:
            raise ValueError("catalog is only for text questions")
        if self.quick_picks and self.catalog is None:
            raise ValueError("quick_picks are only for text questions with a catalog")
        if self.other_units and not (numeric and self.unit):
            raise ValueError("other_units are only for integer and number questions with a unit")
        if self.red_flag and kind is not QuestionType.YES_NO_UNSURE:
            raise ValueError(f"red_flag is only for yes_no_unsure questions, not {kind}")
        if self.count_aid and not (kind is QuestionType.INTEGER and self.max is not None and self.max <= 31):
            raise ValueError("count_aid is only for integer questions counting days in a month (max 31 or less)")
        if kind is QuestionType.GROUP:
            self._row_conditions_resolve()
        return self

    def _row_conditions_resolve(self) -> None:
        for field in self.fields:
            for condition in field.hidden_when:
                sibling = next((other for other in self.fields if other.id == condition.field), None)
                if sibling is None or sibling is field:
                    raise ValueError(f"{field.id}: hidden_when names {condition.field!r}, not another field of this row")
                if condition.equals not in sibling.option_values:
                    raise ValueError(
                        f"{field.id}: hidden_when compares {condition.field} with {condition.equals!r}, "
                        f"which is not one of its options"
                    )

    @cached_property
    def option_values(self) -> tuple[str, ...]:
        if self.type is QuestionType.YES_NO_UNSURE:
            return YES_NO_UNSURE_VALUES
        return tuple(option.value for option in self.options)

    @cached_property
    def fields_by_id(self) -> dict[str, Question]:
        """A group's row fields by id, in order."""
        return {field.id: field for field in self.fields}

    def option_label(self, value: str) -> str:
        """The words the patient saw for a stored choice value."""
        options = self.options or (ENGLISH_YES_NO_UNSURE if self.type is QuestionType.YES_NO_UNSURE else ())
        return next((option.label for option in options if option.value == value), value)

    def field(self, field_id: str) -> Question:
        return next(field for field in self.fields if field.id == field_id)


class Rule(Frozen):
    """A cross-field check `left <= right` (see `expressions` for the operand syntax).

    `severity: note` turns an implausible-but-possible combination into a note for the
    clinician instead of an error.
    """

    left: str
    right: str
    message: str = Field(min_length=1, description="Patient wording; {left} and {right} are the values.")
    key: str | None = Field(default=None, description="Question the message belongs to; default: first key on the left.")
    severity: Literal["error", "note"] = "error"

    @field_validator("left", "right")
    @classmethod
    def _parses(cls, text: str) -> str:
        parse_expression(text)
        return text

    @field_validator("message")
    @classmethod
    def _only_left_and_right(cls, message: str) -> str:
        problem = placeholder_problem(message, ("left", "right"))
        if problem is not None:
            raise ValueError(f"only {{left}} and {{right}} may stand in braces ({problem})")
        return message

    @cached_property
    def left_expression(self) -> Expression:
        return parse_expression(self.left)

    @cached_property
    def right_expression(self) -> Expression:
        return parse_expression(self.right)

    @property
    def target(self) -> str:
        if self.key:
            return self.key
        keys = self.left_expression.keys or self.right_expression.keys
        return keys[0]


class Section(Frozen):
    id: str = Field(pattern=KEY_PATTERN)
    title: str = Field(min_length=1)
    intro: str = ""
    setting: str | None = Field(
        default=None, description="Clinic setting that switches this section on (off by default)."
    )
    questions: tuple[Question, ...] = Field(min_length=1)
    page_size: int | None = Field(
        default=None, ge=1, description="At most this many questions on one screen; a longer section continues on the next."
    )


class Form(Frozen):
    """One language's copy of the questionnaire (`intake.localized` reads the file in each).

    The form's `yes_no_unsure` words become the options of each yes/no/not sure question as
    the form is built, so every reader names an answer with `question.option_label`.
    """

    id: str = Field(pattern=r"^[a-z][a-z0-9-]*$")
    version: str = Field(min_length=1)
    languages: tuple[str, ...] = Field(
        default=(DEFAULT_LANGUAGE,), description="Every language the texts are in, the source first."
    )
    language: str = Field(default=DEFAULT_LANGUAGE, description="The language of this copy's texts.")
    title: str = Field(min_length=1)
    yes_no_unsure: tuple[Option, ...] = Field(
        default=ENGLISH_YES_NO_UNSURE, description="The words for yes, no and not sure, in this order."
    )
    sections: tuple[Section, ...] = Field(min_length=1)
    rules: tuple[Rule, ...] = ()

    @model_validator(mode="before")
    @classmethod
    def _yes_no_unsure_options(cls, data: object) -> object:
        """Each yes/no/not sure question (and row field) answers in the form's own words."""
        if not isinstance(data, dict) or not isinstance(data.get("sections"), list):
            return data
        words = data.get("yes_no_unsure", ENGLISH_YES_NO_UNSURE)
        return {**data, "sections": [_with_answer_words(section, words) for section in data["sections"]]}

    @field_validator("yes_no_unsure")
    @classmethod
    def _three_answers(cls, words: tuple[Option, ...]) -> tuple[Option, ...]:
        if tuple(option.value for option in words) != YES_NO_UNSURE_VALUES:
            raise ValueError(f"expected the words for {', '.join(YES_NO_UNSURE_VALUES)}, in this order")
        return words

    @model_validator(mode="after")
    def _references_resolve(self) -> Form:
        seen: dict[str, Question] = {}
        for question in (q for section in self.sections for q in section.questions):
            if question.id in seen:
                raise ValueError(f"{question.id}: question id used twice")
            seen[question.id] = question
            if question.hidden_when:
                raise ValueError(f"{question.id}: hidden_when is only for fields inside a group row")
        for question in self.questions():
            for condition in question.enable_when:
                if condition.question not in seen:
                    raise ValueError(f"{question.id}: enable_when names unknown question {condition.question!r}")
                target = seen[condition.question]
                if condition.answered is not None and target.type is QuestionType.GROUP and not any(
                    field.required for field in target.fields
                ):
                    raise ValueError(
                        f"{question.id}: enable_when asks whether {condition.question} has rows; "
                        f"it needs a required field (a row is that field answered)"
                    )
                for value in (condition.equals, condition.not_equals):
                    if value is not None and value not in target.option_values:
                        raise ValueError(
                            f"{question.id}: enable_when compares {condition.question} with {value!r}, "
                            f"which is not one of its options"
                        )
        for index, rule in enumerate(self.rules):
            for key in (*rule.left_expression.keys, *rule.right_expression.keys, *([rule.key] if rule.key else [])):
                root = key.split(".")[0]
                if root not in seen:
                    raise ValueError(f"rules[{index}]: unknown question {key!r}")
        return self

    def questions(self) -> list[Question]:
        """Every top-level question, in form order."""
        return list(self._by_id.values())

    @cached_property
    def _by_id(self) -> dict[str, Question]:
        return {question.id: question for section in self.sections for question in section.questions}

    @cached_property
    def red_flags(self) -> tuple[str, ...]:
        """The questions marked `red_flag`, in form order: what the live staff alert watches."""
        return tuple(question.id for question in self.questions() if question.red_flag)

    def question(self, question_id: str) -> Question:
        return self._by_id[question_id]

    def find_question(self, question_id: str) -> Question | None:
        """The question with this id, None if the form has none (an unknown answer key)."""
        return self._by_id.get(question_id)

    def section_of(self, question_id: str) -> Section:
        return next(section for section in self.sections if any(q.id == question_id for q in section.questions))

    @cached_property
    def settings_used(self) -> frozenset[str]:
        return frozenset(section.setting for section in self.sections if section.setting)


def _with_answer_words(node: object, words: object) -> object:
    """A raw section or question with `words` as the options of every yes_no_unsure question in it."""
    if not isinstance(node, dict):
        return node
    changed = dict(node)
    for key in ("questions", "fields"):
        if isinstance(node.get(key), list):
            changed[key] = [_with_answer_words(item, words) for item in node[key]]
    if node.get("type") == QuestionType.YES_NO_UNSURE and "options" not in node:
        changed["options"] = words
    return changed
