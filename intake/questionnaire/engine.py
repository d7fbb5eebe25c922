"""What the form asks given the answers so far, and what is wrong with them.

Pure functions over a `Form` and a mapping of typed answers, shared by the wizard (live,
per page), `intake assess` (whole file) and the eligibility rules (what counts as
missing). Hidden questions are never required and never missing.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from intake.frozen import per_object
from intake.plain_text import one_line
from intake.questionnaire.calendar_text import is_month_text
from intake.questionnaire.form import Condition, Form, Question, QuestionType, Rule

if TYPE_CHECKING:
    from intake.questionnaire.patient_wording import PatientWording

STARTED, STOPPED = "started", "stopped"
"""Row fields holding when a medicine trial began and ended (`YYYY-MM`)."""


def question_id_of(key: str) -> str:
    """The top-level question of an answer key: `preventives[0].weeks` -> `preventives`."""
    return key.split("[")[0].split(".")[0]


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one answer.

    `key` is the answer key, or `LIST[i].FIELD` inside a repeating group. `expected` and
    `given` make the CLI line; `message`, when set, is the patient wording.
    """

    key: str
    expected: str
    given: str
    message: str | None = None

    @property
    def cli_text(self) -> str:
        return f"{self.key}: {self.expected}, {self.given}"

    @property
    def question_id(self) -> str:
        return question_id_of(self.key)


def unanswered(questions: Iterable[Question], answers: Mapping[str, Any]) -> list[Question]:
    """The questions without an answer, in order: a group with no rows is answered ("none"); only absence is not."""
    return [question for question in questions if answers.get(question.id) is None]


def _holds(condition: Condition, answers: Mapping[str, Any]) -> bool:
    value = answers.get(condition.question)
    if condition.equals is not None:
        return value == condition.equals
    if condition.not_equals is not None:
        return value != condition.not_equals
    has_answer = value is not None and (not isinstance(value, list) or len(value) > 0)
    return has_answer == condition.answered


def is_enabled(question: Question, answers: Mapping[str, Any]) -> bool:
    """Whether the question's `enable_when` conditions all hold; most questions have none."""
    return hidden_by(question, answers) is None


def visible(form: Form, answers: Mapping[str, Any], settings: frozenset[str]) -> list[Question]:
    """Questions the patient is asked, in form order."""
    shown: list[Question] = []
    for section in form.sections:
        if not section.setting or section.setting in settings:
            shown.extend(question for question in section.questions if is_enabled(question, answers))
    return shown


def hidden_by(question: Question, answers: Mapping[str, Any]) -> Condition | None:
    """The first enable_when condition that hides a question, or None if it is shown."""
    for condition in question.enable_when:
        if not _holds(condition, answers):
            return condition
    return None


def clear_hidden(form: Form, answers: Mapping[str, Any], settings: frozenset[str]) -> dict[str, Any]:
    """The answers without those to questions that are now hidden.

    Repeats until stable, because clearing one answer can hide another question.
    """
    current = dict(answers)
    while True:
        shown = {question.id for question in visible(form, current, settings)}
        kept = {key: value for key, value in current.items() if key in shown}
        if kept == current:
            return kept
        current = kept


def _number(value: float) -> str:
    return f"{value:g}"


def _describe_condition(condition: Condition, answers: Mapping[str, Any]) -> str:
    value = answers.get(condition.question)
    if condition.equals is not None:
        return f"asked only when {condition.question} is {condition.equals}" + (
            f" ({condition.question} is {value})" if value is not None else f" ({condition.question} is not answered)"
        )
    if condition.not_equals is not None:
        return f"not asked when {condition.question} is {condition.not_equals}"
    return f"asked only when {condition.question} has an answer with at least one row"


def hidden_answer_problems(form: Form, answers: Mapping[str, Any], settings: frozenset[str]) -> list[Problem]:
    problems = []
    for section in form.sections:
        for question in section.questions:
            if question.id not in answers:
                continue
            if section.setting and section.setting not in settings:
                problems.append(
                    Problem(question.id, f"not asked: the {section.setting} section is switched off", "got an answer"))
                continue
            condition = hidden_by(question, answers)
            if condition is not None:
                problems.append(Problem(question.id, _describe_condition(condition, answers), "got an answer"))
    return problems


def _rule_result(rule: Rule, answers: Mapping[str, Any], authored: date) -> tuple[float, float] | None:
    """(left, right) when the rule is broken, None when it holds or cannot be checked yet."""
    left = rule.left_expression.value(answers, authored)
    right = rule.right_expression.value(answers, authored)
    if left is None or right is None or left <= right:
        return None
    return left, right


def _wording(words: PatientWording | None) -> PatientWording:
    """The wording given, else English (the CLI's and the JSON contract's), loaded only once a problem needs words."""
    if words is not None:
        return words
    from intake.questionnaire.patient_wording import ENGLISH  # babel and the catalogs: not for answers without problems

    return ENGLISH


def rule_problem(rule: Rule, left: float, right: float, words: PatientWording | None = None) -> Problem:
    """The CLI line in English; the form's message with the numbers written the patient's way."""
    words = _wording(words)
    return Problem(
        rule.target,
        f"expected {rule.left_expression.describe()} <= {rule.right_expression.describe()}",
        f"got {_number(left)} > {_number(right)}",
        rule.message.format(left=words.number(left), right=words.number(right)),
    )


@per_object
def _rules_of(form: Form) -> dict[str, tuple[Rule, ...]]:
    """The form's cross-field rules by severity, each in form order."""
    by_severity: dict[str, tuple[Rule, ...]] = {}
    for rule in form.rules:
        by_severity[rule.severity] = (*by_severity.get(rule.severity, ()), rule)
    return by_severity


def broken_rules(
    form: Form, answers: Mapping[str, Any], authored: date, severity: str, words: PatientWording | None = None
) -> list[Problem]:
    """Cross-field rules of one severity ("error" or "note") that the answers break."""
    found = []
    for rule in _rules_of(form).get(severity, ()):
        result = _rule_result(rule, answers, authored)
        if result is not None:
            found.append(rule_problem(rule, *result, words))
    return found


@per_object
def _month_fields(form: Form) -> tuple[tuple[str, tuple[Question, ...]], ...]:
    """(group id, its month fields) for every group with month fields, in form order."""
    groups = ((question.id, tuple(field for field in question.fields if field.type is QuestionType.MONTH))
              for question in form.questions())
    return tuple((group, months) for group, months in groups if months)


def _month_rows(form: Form, answers: Mapping[str, Any]) -> list[tuple[str, Mapping[str, Any], tuple[Question, ...]]]:
    """(row key, row, its month fields) for every answered row of a group with month fields."""
    found: list[tuple[str, Mapping[str, Any], tuple[Question, ...]]] = []
    for group, months in _month_fields(form):
        rows = answers.get(group)
        if isinstance(rows, list):
            found.extend((f"{group}[{index}]", row, months) for index, row in enumerate(rows))
    return found


def trial_date_problems(
    form: Form, answers: Mapping[str, Any], authored: date, words: PatientWording | None = None
) -> list[Problem]:
    """Months in group rows that cannot be: after the month the answers were given, or a
    `stopped` earlier than its row's `started`. Months compare as `YYYY-MM` text, so a
    value of any other shape (say, from a caller that skipped parsing) is refused first."""
    now = f"{authored.year:04d}-{authored.month:02d}"
    problems = []
    for row_key, row, months in _month_rows(form, answers):
        for field in months:
            value = row.get(field.id)
            if value is not None and not is_month_text(value):
                problems.append(Problem(f"{row_key}.{field.id}", "expected a month as YYYY-MM", f'got "{one_line(str(value))}"',
                                        _wording(words).incomplete_month()))
            elif value is not None and value > now:
                problems.append(Problem(f"{row_key}.{field.id}", f"expected a month no later than {now} (authored)",
                                        f'got "{value}"', _wording(words).MONTH_NOT_YET))
        started, stopped = row.get(STARTED), row.get(STOPPED)
        if is_month_text(started) and is_month_text(stopped) and now >= stopped and stopped < started:
            problems.append(Problem(f"{row_key}.{STOPPED}", f"expected a month no earlier than {row_key}.{STARTED} ({started})",
                                    f'got "{stopped}"', _wording(words).STOPPED_BEFORE_STARTED))
    return problems


def answer_errors(
    form: Form, answers: Mapping[str, Any], authored: date, words: PatientWording | None = None
) -> list[Problem]:
    """Answers that cannot be true together: broken cross-field rules, then impossible trial dates.

    The wizard shows these on the page (in the visit's wording) and `intake assess` refuses them.
    """
    return broken_rules(form, answers, authored, "error", words) + trial_date_problems(form, answers, authored, words)


def check_answers(form: Form, answers: Mapping[str, Any], authored: date, settings: frozenset[str]) -> list[Problem]:
    """Problems with already-typed answers: hidden questions answered, broken rules, trial dates."""
    return hidden_answer_problems(form, answers, settings) + answer_errors(form, answers, authored)
