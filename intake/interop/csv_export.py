"""Visits as a spreadsheet for clinic audits: one row per visit, every answer key a column.

Opens cleanly in Excel and LibreOffice: UTF-8 with a byte-order mark (so Excel does not
guess a code page and mangle "Łukasik"), CRLF rows, ISO dates. A medicine list is one
cell: rows joined by " | ", each row `field=value` pairs joined by "; ", e.g.
`medicine=sumatriptan; days_per_month=4 | medicine=ibuprofen; days_per_month=5`; an
empty list is `none`, an unanswered question an empty cell. The last column is the
language the patient answered in, as the response gives it (empty: not said, English).

Any text cell that a spreadsheet would run as a formula (starting with =, +, -, @, tab
or carriage return) gets a leading apostrophe, so a patient named "=HYPERLINK(...)"
stays text (OWASP's CSV injection advice).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from typing import Any

from intake.questionnaire.form import Form, Question, QuestionType
from intake.store.visits import StoredVisit

VISIT_COLUMNS = ("visit_id", "started", "finished", "status", "outcome", "policy", "rules_version", "reviewed")
LAST_COLUMNS = ("language",)
"""Per-visit columns added since: after the answers, so every earlier column keeps its place in a clinic's sheets."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ROW_SEPARATOR, FIELD_SEPARATOR = " | ", "; "


def neutralised(text: str) -> str:
    return f"'{text}" if text.startswith(FORMULA_STARTS) else text


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _rows_cell(question: Question, rows: list[dict[str, Any]]) -> str:
    if not rows:
        return "none"
    return ROW_SEPARATOR.join(
        FIELD_SEPARATOR.join(f"{field.id}={_cell(row[field.id])}" for field in question.fields if row.get(field.id) is not None)
        for row in rows
    )


def header(form: Form) -> list[str]:
    return [*VISIT_COLUMNS, *(question.id for question in form.questions()), *LAST_COLUMNS]


def visit_row(form: Form, visit: StoredVisit) -> list[str]:
    summary = visit.summary
    answers = visit.response.get("answers", {})
    cells = [
        summary.id,
        summary.started.isoformat(timespec="seconds"),
        summary.finished.isoformat(timespec="seconds") if summary.finished else "",
        summary.status,
        summary.outcome or "",
        visit.policy or "",
        visit.rules_version or "",
        _cell(summary.reviewed),
    ]
    for question in form.questions():
        value = answers.get(question.id)
        is_rows = question.type is QuestionType.GROUP and value is not None
        cells.append(_rows_cell(question, value) if is_rows else _cell(value))
    cells.append(_cell(visit.response.get("language")))
    return [neutralised(cell) for cell in cells]


def csv_bytes(form: Form, visits: Iterable[StoredVisit]) -> bytes:
    """The whole file, BOM first."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(header(form))
    for visit in visits:
        writer.writerow(visit_row(form, visit))
    return buffer.getvalue().encode("utf-8-sig")
