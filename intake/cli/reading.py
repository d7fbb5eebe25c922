"""Reading what a user hands a command: plain JSON, a response in either of its shapes, days.

Every problem in a file becomes a `UsageError` line naming the file or the answer key,
so a bad file exits 2 with the same words from `assess`, `report` and `import`.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import Any

from intake.cli.errors import UsageError
from intake.questionnaire.form import Form
from intake.questionnaire.plain_json import NotPlainJson, loads_plain
from intake.questionnaire.response import InvalidResponse, Response, parse_response


def read_json(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise UsageError([f"{path}: no such file"]) from None
    except OSError as error:
        raise UsageError([f"{path}: cannot read ({error.strerror or error})"]) from None
    except UnicodeDecodeError:
        raise UsageError([f"{path}: not UTF-8 text"]) from None
    try:
        return loads_plain(text, str(path))
    except json.JSONDecodeError as error:
        raise UsageError([f"{path}: not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"]) from None
    except NotPlainJson as error:
        raise UsageError([problem.cli_text for problem in error.problems]) from None


def read_response(path: Path, form: Form) -> Response:
    """Our response file, or a FHIR QuestionnaireResponse (or a Bundle with one): the same checks."""
    data = read_json(path)
    try:
        if isinstance(data, dict) and "resourceType" in data:
            from intake.interop.fhir_response import response_from_fhir

            data = response_from_fhir(data, form)
        return parse_response(data, form)
    except InvalidResponse as invalid:
        raise UsageError([problem.cli_text for problem in invalid.problems]) from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def add_day_range(parser: argparse.ArgumentParser) -> None:
    """`--from`/`--to`: the inclusive days a visit started on, for listing and for CSV export."""
    parser.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD")
    parser.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD")
