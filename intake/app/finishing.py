"""Finishing a visit: assess under the clinic's policy, render the summary, keep it.

The encrypted store keeps every finished visit with its PDF. A clinic may also name an
`output_dir` (say, a folder its printer watches); summaries are then also written there,
named by the visit id only (no name or date of birth in file names). Without the store
(tests, or a station whose database failed) that folder defaults to the data dir.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

from intake.app.assessing import assess_for_clinic
from intake.atomic import write_private
from intake.eligibility.assessment import Assessment
from intake.paths import data_dir
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response
from intake.report import Addenda, ClinicInfo, render_report
from intake.settings import Settings
from intake.store.audit_chain import short_anchor

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class FinishedVisit:
    visit_id: str
    response: Response
    assessment: Assessment
    pdf: bytes
    pdf_path: Path | None
    warnings: list[str] = field(default_factory=list)


class SummaryNotSaved(Exception):
    """The PDF could not be written; the finished visit is still held in memory."""

    def __init__(self, finished: FinishedVisit, reason: str) -> None:
        super().__init__(reason)
        self.finished = finished
        self.reason = reason


def summaries_dir(settings: Settings) -> Path:
    return settings.output_dir or data_dir() / "summaries"


def summary_file_name(visit_id: str) -> str:
    return f"visit-{visit_id}.pdf"


def save_summary(pdf: bytes, visit_id: str, directory: Path) -> Path:
    return write_private(directory / summary_file_name(visit_id), pdf)


def clinic_info(settings: Settings, paper: str | None = None) -> ClinicInfo:
    """The PDF header's clinic details; `paper` overrides the clinic's paper size."""
    return ClinicInfo(name=settings.clinic_name, address=settings.clinic_address, paper=paper or settings.paper)


def assess_and_render(
    visit_id: str,
    response: Response,
    form: Form,
    settings: Settings,
    now: datetime | None = None,
    audit_anchor: str | None = None,
    addenda: Addenda | None = None,
    answered_before: bool = False,
) -> FinishedVisit:
    """The assessment under the clinic's policy and its PDF, not yet kept anywhere.

    `audit_anchor` is the audit log's head read just before the visit's finish row
    (`Station.audit_head`): printed on the summary, it lets staff check later that no
    row up to it was removed. `addenda`: notes staff already wrote on a visit whose
    summary is made later (it keeps them). `answered_before`: imported from a response
    file, answered before the visit (the summary says so).
    """
    assessment = assess_for_clinic(response, form, settings.policy)
    anchor = short_anchor(audit_anchor) if audit_anchor else None
    report = render_report(
        response, assessment, form, clinic_info(settings), visit_id=visit_id, generated=now, audit_anchor=anchor,
        addenda=addenda, answered_before=answered_before,
    )
    return FinishedVisit(visit_id, response, assessment, report.pdf, None, report.warnings)


def write_summary(finished: FinishedVisit, directory: Path) -> FinishedVisit:
    """The finished visit with its PDF written to `directory`, or `SummaryNotSaved`."""
    try:
        path = save_summary(finished.pdf, finished.visit_id, directory)
    except OSError as error:
        log.error("summary for visit %s not saved: %s", finished.visit_id, type(error).__name__)
        raise SummaryNotSaved(finished, error.strerror or type(error).__name__) from error
    log.info("visit %s: summary saved", finished.visit_id)
    return replace(finished, pdf_path=path)
