"""Reading what a user hands a command: a response in either of its shapes, days.

Every problem in a file becomes a `UsageError` line naming the file or the answer key,
so a bad file exits 2 with the same words from `assess`, `report` and `import` (and the
staff screens' import, which reads files the same way).
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from intake.app.response_files import UnreadableFile
from intake.app.response_files import read_response as read_response_file
from intake.cli.errors import UsageError
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response


def read_response(path: Path, form: Form) -> Response:
    """Our response file, or a FHIR QuestionnaireResponse (or a Bundle with one), as the staff screens read it."""
    try:
        return read_response_file(path, form)
    except UnreadableFile as error:
        raise UsageError(error.lines) from None


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a date as YYYY-MM-DD, got {text!r}") from None


def add_day_range(parser: argparse.ArgumentParser) -> None:
    """`--from`/`--to`: the inclusive days a visit started on, for listing and for CSV export."""
    parser.add_argument("--from", dest="date_from", type=_day, metavar="YYYY-MM-DD",
                        help="only visits started on this day or later")
    parser.add_argument("--to", dest="date_to", type=_day, metavar="YYYY-MM-DD",
                        help="only visits started on this day or earlier")
