"""Finishing a visit: assess under the clinic's policy, render the summary, keep it.

Until the encrypted store exists the PDF goes to the clinic's output folder, named by
the visit id only (no name or date of birth in file names).
"""

from __future__ import annotations

import logging
import os
import tempfile
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from intake.app.assessing import assess_for_clinic
from intake.eligibility.assessment import Assessment
from intake.paths import data_dir
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response
from intake.report import ClinicInfo, render_report
from intake.settings import Settings

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
    """Write atomically and readable by this user only: a half-written summary never appears."""
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / summary_file_name(visit_id)
    handle, temporary = tempfile.mkstemp(dir=directory, prefix=".visit-", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as stream:
            stream.write(pdf)
        os.chmod(temporary, 0o600)
        os.replace(temporary, target)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return target


def finish_visit(
    visit_id: str, response: Response, form: Form, settings: Settings, now: datetime | None = None
) -> FinishedVisit:
    assessment = assess_for_clinic(response, form, settings.policy)
    clinic = ClinicInfo(name=settings.clinic_name, address=settings.clinic_address, paper=settings.paper)
    report = render_report(response, assessment, form, clinic, visit_id=visit_id, generated=now)
    finished = FinishedVisit(visit_id, response, assessment, report.pdf, None, report.warnings)
    try:
        path = save_summary(report.pdf, visit_id, summaries_dir(settings))
    except OSError as error:
        log.error("summary for visit %s not saved: %s", visit_id, type(error).__name__)
        raise SummaryNotSaved(finished, error.strerror or type(error).__name__) from error
    log.info("visit %s finished; summary saved", visit_id)
    return FinishedVisit(visit_id, response, assessment, report.pdf, path, report.warnings)
