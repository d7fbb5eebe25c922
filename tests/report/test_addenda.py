"""What staff added after the patient finished, on the summary: a warning on page 1, the
amendments before the sign-off, the clinician notes closing the document."""

from __future__ import annotations

import io
from datetime import UTC, datetime

from pypdf import PdfReader

from cases import vignette
from intake.app.assessing import assess_for_clinic
from intake.questionnaire.response import parse_response
from intake.report import Addenda, AmendmentLine, ClinicInfo, NoteLine, render_report
from intake.report.wording import AMENDMENTS_TITLE, NOTES_TITLE

WHEN = datetime(2026, 11, 24, 10, 15, tzinfo=UTC)
AMENDMENT = AmendmentLine(WHEN, "María Ó (maria)", "Headache days per month", "22 days a month", "18 days a month",
                          "Patient misread the question")


GENERATED = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
"""One moment for every summary compared, so two built a minute apart still read the same."""


def _pages(form, addenda: Addenda | None) -> list[str]:
    response = parse_response(vignette("V01"), form)
    assessment = assess_for_clinic(response, form, "us-payer")
    pdf = render_report(response, assessment, form, ClinicInfo(), visit_id="v1", addenda=addenda, generated=GENERATED).pdf
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _local(moment: datetime) -> str:
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def test_amendments_are_announced_on_page_one_and_listed_before_the_sign_off(form) -> None:
    pages = _pages(form, Addenda(amendments=[AMENDMENT]))
    assert pages[0].startswith("⚠ 1 answer was changed by staff after the patient finished")
    text = " ".join(pages)
    listed = (f"{_local(WHEN)} María Ó (maria) Headache days per month 22 days a month → 18 days a month "
              "Patient misread the question")
    assert listed in text
    assert text.index(AMENDMENTS_TITLE) < text.index("Provenance and clinician sign-off") < text.index("Appendix: all answers")
    assert NOTES_TITLE not in text


def test_notes_close_the_document_line_by_line(form) -> None:
    notes = [NoteLine(WHEN, "cli:root", "Called the GP.\nBlood pressure normal."), NoteLine(WHEN, "bob", "Second note")]
    pages = _pages(form, Addenda(notes=notes))
    last = pages[-1]
    assert f"{NOTES_TITLE} Written by clinic staff after the visit; not the patient's answers." in last
    assert f"{_local(WHEN)} · cli:root Called the GP. Blood pressure normal. {_local(WHEN)} · bob Second note" in last
    assert last.index(NOTES_TITLE) > last.find("Started or changed after a new medicine")
    assert "changed by staff" not in " ".join(pages) and AMENDMENTS_TITLE not in " ".join(pages)


def test_without_addenda_the_summary_is_as_before(form) -> None:
    assert _pages(form, None) == _pages(form, Addenda())
