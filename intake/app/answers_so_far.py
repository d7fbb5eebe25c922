"""A visit the patient did not finish, on paper: its answers so far, assessed as they stand.

Staff need this when a patient walks away after a red-flag answer: the urgent visit has
no summary, and the clinician still needs the red flags and the rest on paper. It is
rendered when printed and never stored: the stored PDF is the visit's summary of record,
made once the visit is finished, and answers so far go stale the moment the patient
carries on. The printing itself is audited (`StaffDesk.print_answers_so_far`).

An unfinished visit's answers never passed the Finish checks: a medicine row may lack
its name, two answers may contradict each other. Those answers are left out of the
assessment (and named on the PDF), never guessed at, and the rest is assessed.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from intake.app.assessing import assess_for_clinic
from intake.app.finishing import clinic_info
from intake.eligibility.assessment import Assessment
from intake.questionnaire.form import Form
from intake.questionnaire.response import InvalidResponse, Response, parse_response
from intake.report import NotFinished, render_report
from intake.settings import Settings

_ROW = re.compile(r"^(?P<question>[^\[.]+)\[(?P<index>\d+)\]")
"""A problem inside one row of a group (`preventives[1].weeks`): that row goes, not the whole list."""


@dataclass(frozen=True)
class AnswersSoFar:
    pdf: bytes
    assessment: Assessment
    left_out: tuple[str, ...]
    """The answers not assessed, in words (`Preventive medicines, row 2`)."""


def readable_response(form: Form, stored: Mapping[str, Any]) -> tuple[Response, tuple[str, ...]]:
    """The stored answers as a `Response`, less those the Finish checks would refuse; and those, named.

    Each round drops every answer (or group row) a problem names, which can only shrink
    the answers, so it ends. `InvalidResponse` when the problem is not an answer's (the
    stored response names another form, say).
    """
    data = dict(stored)
    answers = dict(data.get("answers") or {})
    left_out: list[str] = []
    while True:
        try:
            return parse_response({**data, "answers": answers}, form), tuple(left_out)
        except InvalidResponse as error:
            named = _drop(form, answers, [problem.key for problem in error.problems])
            if not named:
                raise
            left_out += [name for name in named if name not in left_out]


def _drop(form: Form, answers: dict[str, Any], keys: list[str]) -> list[str]:
    """Remove from `answers` what the problem `keys` name (a group row, else the whole answer); their names in words."""
    rows: dict[str, set[int]] = {}
    whole: list[str] = []
    for key in keys:
        row = _ROW.match(key)
        if row is not None and isinstance(answers.get(row["question"]), list):
            rows.setdefault(row["question"], set()).add(int(row["index"]))
        elif (question := key.split("[")[0].split(".")[0]) in answers and question not in whole:
            whole.append(question)
    named = []
    for question, indices in rows.items():
        if question in whole:
            continue
        given = answers[question]
        kept = [item for index, item in enumerate(given) if index not in indices]
        if kept:
            answers[question] = kept
        else:  # no rows left is "none", an answer the patient never gave: unanswered instead
            del answers[question]
        named += [f"{_label(form, question)}, row {index + 1}" for index in sorted(indices) if index < len(given)]
    for question in whole:
        del answers[question]
        named.append(_label(form, question))
    return named


def _label(form: Form, question_id: str) -> str:
    known = {question.id: question for question in form.questions()}
    return known[question_id].label if question_id in known else question_id


def answers_so_far(
    visit_id: str, stored: Mapping[str, Any], form: Form, settings: Settings, now: datetime | None = None
) -> AnswersSoFar:
    """The PDF of a visit's answers so far under the clinic's policy, marked as not finished on every page."""
    response, left_out = readable_response(form, stored)
    assessment = assess_for_clinic(response, form, settings.policy)
    report = render_report(
        response, assessment, form, clinic_info(settings), visit_id=visit_id, generated=now,
        not_finished=NotFinished(left_out),
    )
    return AnswersSoFar(report.pdf, assessment, left_out)
