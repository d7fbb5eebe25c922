"""The in-process paths a mutated input takes: what `intake assess` and `validate-form` do, minus the terminal.

Each path raises `judge.Refused` when our code refused the input with its own error type,
returns when the input was accepted (and used: assessed under every shipped policy, or,
for a form or policy, used on every vignette; a response path returns a note on what it
accepted, or ""), and lets anything else out as a crash.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

from intake.eligibility import RuleSet, evaluate, load_rules, shipped_policies
from intake.eligibility.policy_checks import answer_problems, form_problems
from intake.interop.fhir_response import response_from_fhir
from intake.questionnaire.engine import Problem
from intake.questionnaire.form import Form, Question, QuestionType
from intake.questionnaire.loader import default_form, load_form
from intake.questionnaire.plain_json import NotPlainJson, loads_plain
from intake.questionnaire.response import InvalidResponse, Response, parse_response
from intake.summary import format_summary
from intake.yamlfile import DataFileError
from judge import Refused

MONTH_NOT_ASCII = "a month answer that is not ASCII YYYY-MM"
_ASCII_MONTH = re.compile("[0-9]{4}-(0[1-9]|1[0-2])")
RESPONSE_PLACES = frozenset({"response", "form", "authored", "language", "answers", "resourceType", "Bundle",
                             "questionnaire", "item", "response.json"})
RULE_BREAKERS = [{"migraine_days": 27}, {"onset_age": 90}, {"acute_distinct_days": 2}, {"acute_distinct_days": 20}]
"""Edits of V01 that break each kind of cross-field rule, so a form's rule messages are used."""


class VignetteCrash(Exception):
    """An accepted form or policy raised on a vignette (not a refusal of the form or policy itself)."""


@dataclass(frozen=True)
class Shipped:
    """The shipped form and policies, and the vignettes' responses: what every path checks against."""

    vignettes: tuple[tuple[str, dict[str, Any]], ...]
    known: frozenset[str]
    """Every name in the shipped inputs: a problem may name a key the mutation dropped."""

    @cached_property
    def form(self) -> Form:
        return default_form()

    @cached_property
    def rule_sets(self) -> list[RuleSet]:
        return [load_rules(name) for name in shipped_policies()]

    @cached_property
    def responses(self) -> list[tuple[str, Response]]:
        return [(name, parse_response(data, self.form)) for name, data in self.vignettes]

    @cached_property
    def response_names(self) -> frozenset[str]:
        return self.known | RESPONSE_PLACES

    def answering(self, form: Form) -> list[tuple[str, dict[str, Any]]]:
        """The vignettes, V01 breaking each kind of cross-field rule, and V01 fitted to `form`."""
        name, v01 = self.vignettes[0]
        breakers = [(f"{name}+{edit}", {**v01, "answers": {**v01["answers"], **edit}}) for edit in RULE_BREAKERS]
        return [*self.vignettes, *breakers, (f"{name} fitted to the form", fitted(v01, form))]


def _sample(question: Question) -> Any:
    """An answer `question` accepts, whatever its type: what a patient could give a changed form."""
    samples: dict[QuestionType, Any] = {
        QuestionType.TEXT: "x" * (question.min_length or 1), QuestionType.DATE: "1990-01-15",
        QuestionType.MONTH: "2020-01", QuestionType.YES_NO_UNSURE: "yes", QuestionType.GROUP: [],
        QuestionType.INTEGER: int(question.max or 0), QuestionType.NUMBER: question.max,
        QuestionType.CHOICE: question.options[0].value if question.options else None,
    }
    return samples[question.type]


def fitted(response: dict[str, Any], form: Form) -> dict[str, Any]:
    """The response with every answer the form would refuse (a changed type, a dropped question) replaced by
    one it accepts, so that an accepted form is also used on answers of the types it asks."""
    answers = dict(response["answers"])
    for _ in range(3):
        try:
            parse_response({**response, "answers": answers}, form)
        except InvalidResponse as invalid:
            questions = {question.id: question for question in form.questions()}
            for key in {problem.question_id for problem in invalid.problems}:
                if key in questions:
                    answers[key] = _sample(questions[key])
                else:
                    answers.pop(key, None)
    return {**response, "answers": answers}


def _refuse(problems: list[Problem], known: frozenset[str], tree: Any, text: str = "") -> Refused:
    return Refused([problem.cli_text.removeprefix("fhir ") for problem in problems], known, tree, text)


def odd_month(response: Response, form: Form) -> str:
    """`MONTH_NOT_ASCII` when a month answer was accepted that is not ASCII `YYYY-MM` ("२०२६-05", "2026-05\\n")."""
    for question in form.questions():
        answer = response.answers.get(question.id)
        rows = answer if question.type is QuestionType.GROUP and isinstance(answer, list) else [{question.id: answer}]
        fields = question.fields if question.type is QuestionType.GROUP else (question,)
        months = [row.get(field.id) for row in rows for field in fields if field.type is QuestionType.MONTH]
        if any(month is not None and not _ASCII_MONTH.fullmatch(month) for month in months):
            return MONTH_NOT_ASCII
    return ""


def assess_everywhere(response: Response, rule_sets: list[RuleSet], form: Form) -> None:
    """What `intake assess --json` and the readable summary do with an accepted response."""
    for rules in rule_sets:
        assessment = evaluate(response, rules, form)
        json.dumps(assessment.to_json_dict(), ensure_ascii=False)
        format_summary(assessment)


def response_data(data: Any, shipped: Shipped) -> str:
    """A response as decoded JSON without the plain check (NaN, 10**400, deep nesting), straight into `parse_response`."""
    try:
        response = parse_response(data, shipped.form)
    except InvalidResponse as invalid:
        raise _refuse(invalid.problems, shipped.response_names, data) from None
    assess_everywhere(response, shipped.rule_sets, shipped.form)
    return odd_month(response, shipped.form)


def response_file(text: str, tree: Any, shipped: Shipped) -> str:
    """A response file's text, as `intake assess` reads it: plain JSON, ours or FHIR, then assessed."""
    names = shipped.response_names
    try:
        data = loads_plain(text, "response.json")
    except json.JSONDecodeError as error:
        raise Refused([f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]) from None
    except NotPlainJson as error:
        raise _refuse(error.problems, names, tree, text) from None
    try:
        if isinstance(data, dict) and "resourceType" in data:
            data = response_from_fhir(data, shipped.form)
        response = parse_response(data, shipped.form)
    except InvalidResponse as invalid:
        raise _refuse(invalid.problems, names, tree, text) from None
    assess_everywhere(response, shipped.rule_sets, shipped.form)
    return odd_month(response, shipped.form)


def form_file(path: Path, tree: Any, shipped: Shipped) -> None:
    """`validate-form`: load and check a form; if it passes, every vignette is answered and assessed with it."""
    try:
        form = load_form(path)
    except DataFileError as error:
        raise Refused(error.problems, shipped.known, tree, path.read_text(encoding="utf-8", errors="replace")) from None
    problems = form_problems(form)
    for rules in shipped.rule_sets:
        problems += answer_problems(rules.policy, form)
    if problems:
        raise Refused(problems, shipped.known, tree)
    for name, data in shipped.answering(form):
        try:
            assess_everywhere(parse_response(data, form), shipped.rule_sets, form)
        except InvalidResponse as invalid:
            if any(not problem.key.strip() for problem in invalid.problems):
                raise VignetteCrash(f"{name}: a problem without its key: {invalid.problems[0].cli_text!r}") from None
        except Exception as error:
            raise VignetteCrash(f"{name}: {type(error).__name__}: {str(error)[:200]!r}") from error


def policy_file(path: Path, tree: Any, shipped: Shipped) -> None:
    """`assess --policy FILE`: load and check a policy; if it passes, every vignette is assessed under it."""
    try:
        rules = load_rules(str(path))
    except DataFileError as error:
        raise Refused(error.problems, shipped.known, tree, path.read_text(encoding="utf-8", errors="replace")) from None
    for name, response in shipped.responses:
        try:
            assess_everywhere(response, [rules], shipped.form)
        except Exception as error:
            raise VignetteCrash(f"{name}: {type(error).__name__}: {str(error)[:200]!r}") from error
