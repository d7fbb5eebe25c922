"""A patient's answers, and turning untrusted input (a JSON file) into them.

Input is checked strictly against the form: a string "20" where an integer belongs, an
unknown key, or an answer to a question the form hides is an error naming the key, never
silently coerced or dropped. `null` means "not answered".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import Any

from intake.frozen import Frozen
from intake.plain_text import first_not_plain, key_text, one_line
from intake.questionnaire.calendar_text import is_day_text, is_month_text
from intake.questionnaire.engine import Problem, check_answers
from intake.questionnaire.form import Form, Question, QuestionType
from intake.questionnaire.language import is_language_tag

_TOP_LEVEL = ("form", "authored", "language", "answers")
DEFAULT_LANGUAGE = "en"


class Response(Frozen):
    """Answers keyed by question id, already typed: dates are `date`, rows are dicts."""

    form: str
    authored: date
    answers: dict[str, Any]
    language: str | None = None
    """The BCP 47 tag of the language the patient answered in, as given; None when not given (English)."""

    @property
    def primary_language(self) -> str:
        """The language subtag in lower case (`es` for `es-MX`), `en` when none was given."""
        return (self.language or DEFAULT_LANGUAGE).split("-")[0].lower()

    def to_json_dict(self) -> dict[str, Any]:
        """The response file format (ISO dates, JSON types); `language` only when it was given."""
        data: dict[str, Any] = {"form": self.form, "authored": self.authored.isoformat()}
        if self.language is not None:
            data["language"] = self.language
        data["answers"] = {key: _jsonable(value) for key, value in self.answers.items()}
        return data


def _jsonable(value: Any) -> Any:
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return [{key: _jsonable(item) for key, item in row.items()} for row in value]
    return value


@dataclass
class InvalidResponse(Exception):
    problems: list[Problem]

    def __str__(self) -> str:
        return "\n".join(problem.cli_text for problem in self.problems)


def _shown(value: Any) -> str:
    """A given value as the error message quotes it (JSON-like, short)."""
    if isinstance(value, str):
        text = value if len(value) <= 40 else value[:37] + "..."
        return f'"{one_line(text)}"'
    if value is True or value is False:
        return "true" if value else "false"
    if isinstance(value, list):
        return f"a list of {len(value)}"
    if isinstance(value, dict):
        return "an object"
    return str(value)


def _number_text(value: float) -> str:
    return f"{value:g}"


Coerced = tuple[Any, list[Problem]]
"""The typed value (None when refused) and the problems with the raw one."""


def _refused(key: str, expected: str, value: Any) -> Coerced:
    return None, [Problem(key, expected, f"got {_shown(value)}")]


def _text(question: Question, key: str, value: Any) -> Coerced:
    if not isinstance(value, str):
        return _refused(key, "expected text", value)
    found = first_not_plain(value)
    if found is not None:
        return _refused(key, f"expected text without control characters or lone surrogates (found {found})", value)
    length = len(value.strip())
    low, high = question.min_length or 1, question.max_length
    if length < low or (high is not None and length > high):
        span = f"{low}-{high} characters" if high else f"at least {low} characters"
        return None, [Problem(key, f"expected text of {span}", f"got {length}")]
    return value.strip(), []


def _day(question: Question, key: str, value: Any) -> Coerced:
    if not is_day_text(value):
        return _refused(key, "expected a date as YYYY-MM-DD", value)
    try:
        return date.fromisoformat(value), []
    except ValueError:
        return _refused(key, "expected a real calendar date as YYYY-MM-DD", value)


def _month(question: Question, key: str, value: Any) -> Coerced:
    if not is_month_text(value):
        return _refused(key, "expected a month as YYYY-MM", value)
    return value, []


def _number(question: Question, key: str, value: Any) -> Coerced:
    whole = question.type is QuestionType.INTEGER
    accepted = type(value) is int or (not whole and type(value) is float and math.isfinite(value))
    if accepted and question.min <= value <= question.max:
        return value, []
    span = f"{_number_text(question.min)}-{_number_text(question.max)}"  # type: ignore[arg-type]
    return _refused(key, f"expected a whole number {span}" if whole else f"expected a number {span}", value)


def _choice(question: Question, key: str, value: Any) -> Coerced:
    allowed = question.option_values
    if not isinstance(value, str) or value not in allowed:
        return _refused(key, f"expected one of {', '.join(allowed)}", value)
    return value, []


def _coerce(question: Question, key: str, value: Any) -> Coerced:
    """Check one raw JSON value against its question; the typed value or problems."""
    return _COERCE[question.type](question, key, value)


def _coerce_rows(question: Question, key: str, value: Any) -> Coerced:
    if not isinstance(value, list):
        return None, [Problem(key, "expected a list of rows", f"got {_shown(value)}")]
    if question.max_rows is not None and len(value) > question.max_rows:
        return None, [Problem(key, f"expected at most {question.max_rows} rows", f"got {len(value)}")]
    rows: list[dict[str, Any]] = []
    problems: list[Problem] = []
    fields = question.fields_by_id
    for index, raw_row in enumerate(value):
        row_key = f"{key}[{index}]"
        if not isinstance(raw_row, dict):
            problems.append(Problem(row_key, "expected an object", f"got {_shown(raw_row)}"))
            continue
        row: dict[str, Any] = {}
        for name, raw in raw_row.items():
            if name not in fields:
                expected = f"unknown field; expected one of {', '.join(fields)}"
                problems.append(Problem(f"{row_key}.{key_text(name)}", expected, f"got {_shown(raw)}"))
            elif raw is not None:
                typed, found = _coerce(fields[name], f"{row_key}.{name}", raw)
                problems.extend(found)
                if not found:
                    row[name] = typed
        for field in question.fields:
            if field.required and raw_row.get(field.id) is None:
                problems.append(Problem(f"{row_key}.{field.id}", f"required in every row ({field.label})", "got nothing"))
        rows.append(row)
    return rows, problems


_COERCE: dict[QuestionType, Callable[[Question, str, Any], Coerced]] = {
    QuestionType.TEXT: _text,
    QuestionType.DATE: _day,
    QuestionType.MONTH: _month,
    QuestionType.INTEGER: _number,
    QuestionType.NUMBER: _number,
    QuestionType.CHOICE: _choice,
    QuestionType.YES_NO_UNSURE: _choice,
    QuestionType.GROUP: _coerce_rows,
}


def parse_response(data: Any, form: Form, settings: frozenset[str] | None = None) -> Response:
    """A `Response` from decoded JSON, or `InvalidResponse` listing every problem.

    `settings` are the switched-on optional sections; by default all of them, because
    `intake assess` accepts MIDAS answers whatever the clinic settings say.
    """
    enabled = form.settings_used if settings is None else settings
    if not isinstance(data, dict):
        raise InvalidResponse(
            [Problem("response", "expected a JSON object with form, authored and answers", f"got {_shown(data)}")])
    problems: list[Problem] = []
    for extra in sorted(set(data) - set(_TOP_LEVEL)):
        expected = f"unknown top-level key; expected {', '.join(_TOP_LEVEL)}"
        problems.append(Problem(key_text(extra), expected, f"got {_shown(data[extra])}"))
    language = data.get("language")
    if language is not None and not (isinstance(language, str) and is_language_tag(language)):
        problems.append(Problem("language", "expected a BCP 47 language tag such as en, es or es-MX", f"got {_shown(language)}"))
    if data.get("form") != form.id:
        problems.append(
            Problem("form", f'expected "{form.id}"', f"got {_shown(data.get('form'))}" if "form" in data else "got nothing"))
    authored = data.get("authored")
    authored_date: date | None = None
    if is_day_text(authored):
        with suppress(ValueError):
            authored_date = date.fromisoformat(authored)
    if authored_date is None:
        got = f"got {_shown(authored)}" if "authored" in data else "got nothing"
        problems.append(Problem("authored", "expected the date the answers were given, as YYYY-MM-DD", got))
    raw_answers = data.get("answers")
    if not isinstance(raw_answers, dict):
        got = f"got {_shown(raw_answers)}" if "answers" in data else "got nothing"
        problems.append(Problem("answers", "expected an object of answers", got))
        raise InvalidResponse(problems)
    answers = _coerce_answers(form, raw_answers, problems)
    if authored_date is not None:
        problems.extend(check_answers(form, answers, authored_date, enabled))
    if problems:
        raise InvalidResponse(problems)
    return Response(form=form.id, authored=authored_date, answers=answers, language=language)


def _coerce_answers(form: Form, raw_answers: Mapping[str, Any], problems: list[Problem]) -> dict[str, Any]:
    answers: dict[str, Any] = {}
    for key, raw in raw_answers.items():
        question = form.find_question(key)
        if question is None:
            problems.append(Problem(key_text(key), "unknown answer key; the form has no such question", f"got {_shown(raw)}"))
        elif raw is not None:
            typed, found = _coerce(question, key, raw)
            problems.extend(found)
            if typed is not None:
                answers[key] = typed
    return answers

