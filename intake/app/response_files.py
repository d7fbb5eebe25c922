"""Reading a response file someone hands the app: our JSON, or a FHIR QuestionnaireResponse.

`intake import` and the staff screens' import read a file here, so both refuse the same
files in the same words. Each problem is one line naming the file or the answer key.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from intake.questionnaire.form import Form
from intake.questionnaire.plain_json import NotPlainJson, loads_plain
from intake.questionnaire.response import InvalidResponse, Response, parse_response

if TYPE_CHECKING:
    from intake.settings import Settings


class UnreadableFile(Exception):
    """The file is missing, not text, not JSON, or not a response to this form: one line per problem."""

    def __init__(self, lines: list[str]) -> None:
        super().__init__("\n".join(lines))
        self.lines = lines


def read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UnreadableFile([f"{path}: no such file"]) from None
    except OSError as error:
        raise UnreadableFile([f"{path}: cannot read ({error.strerror or error})"]) from None
    except UnicodeDecodeError:
        raise UnreadableFile([f"{path}: not UTF-8 text"]) from None
    try:
        return loads_plain(text, str(path))
    except json.JSONDecodeError as error:
        raise UnreadableFile([f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]) from None
    except NotPlainJson as error:
        raise UnreadableFile([problem.cli_text for problem in error.problems]) from None


def read_response(path: Path, form: Form, settings: Settings | None = None) -> Response:
    """Our response file, or a FHIR QuestionnaireResponse (or a Bundle with one): the same checks.

    `settings`: the clinic's, whose time zone dates a FHIR response's moment; a command
    passes None and the settings file is read, only for a FHIR file."""
    data = read_json(path)
    try:
        if isinstance(data, dict) and "resourceType" in data:
            from intake.interop.fhir_response import response_from_fhir
            from intake.settings import load_settings

            data = response_from_fhir(data, form, (settings or load_settings()).zone)
        return parse_response(data, form)
    except InvalidResponse as invalid:
        raise UnreadableFile([problem.cli_text for problem in invalid.problems]) from None
