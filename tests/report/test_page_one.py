"""Page 1 of the clinician PDF, read ALONE: the outcome and why, anything dangerous, what changes the plan."""

from __future__ import annotations

import io
import re
from typing import Any

import pytest
from pypdf import PdfReader

from cases import POLICIES, VIGNETTES, vignette
from intake.app.assessing import assess_for_clinic
from intake.eligibility.assessment import Assessment, Outcome
from intake.questionnaire.response import parse_response
from intake.report import ClinicInfo, render_report, sections
from intake.report.styles import MET, MUTED

SECONDARY_CAUSE = "Assess for a secondary cause first: the criteria below are not the priority"


def _squash(text: str) -> str:
    return " ".join(text.split())


def _render(form, data: dict[str, Any], policy: str = "us-payer") -> tuple[Assessment, list[str]]:
    response = parse_response(data, form)
    assessment = assess_for_clinic(response, form, policy)
    pdf = render_report(response, assessment, form, ClinicInfo(name="Test Clinic")).pdf
    return assessment, [_squash(page.extract_text()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _overuse_and_unsure_breastfeeding() -> dict[str, Any]:
    """NOT_ELIGIBLE (1 failed class) with triptan overuse and a "not sure" caution: all must reach page 1."""
    data = vignette("V05")
    data["answers"].update(
        acute_medicines=[{"medicine": "sumatriptan", "days_per_month": 14}, {"medicine": "ibuprofen", "days_per_month": 4}],
        acute_distinct_days=16,
        acute_months=6,
        breastfeeding="unsure",
    )
    return data


def _case(name: str) -> dict[str, Any]:
    return _overuse_and_unsure_breastfeeding() if name == "overuse" else vignette(name)


@pytest.mark.parametrize(
    ("name", "outcome"),
    [("V01", Outcome.REFER), ("V14", Outcome.URGENT_REVIEW), ("V16", Outcome.INCOMPLETE),
     ("overuse", Outcome.NOT_ELIGIBLE), ("V20", Outcome.REVIEW_NEEDED), ("V22", Outcome.REVIEW_NEEDED),
     ("V21", Outcome.REVIEW_NEEDED)],
)
def test_page_one_has_the_outcome_every_reason_and_every_flag(form, name, outcome) -> None:
    assessment, pages = _render(form, _case(name))
    first = pages[0]
    assert assessment.outcome is outcome
    assert _squash(assessment.outcome_text) in first
    assert not re.search(r"(URGENT REVIEW|INCOMPLETE|NOT ELIGIBLE|REVIEW NEEDED|REFER)\b", first), "the outcome in one wording"
    for reason in assessment.reasons:
        assert _squash(reason.text) in first
    for item in assessment.screening:
        if item.flagged:
            assert item.label in first
    assert "At a glance" in first
    assert ("ICHD-3 1.3 " + _squash(assessment.ichd3.summary)) in first
    assert not re.search(r"red flag\s+No\b", first), "no 'No' red-flag rows on page 1"
    assert re.search(r"No to (the other|all) \d+ red-flag questions?", first)
    assert (SECONDARY_CAUSE in first) is (outcome is Outcome.URGENT_REVIEW)


def test_not_eligible_page_one_carries_overuse_and_the_unsure_caution(form) -> None:
    assessment, pages = _render(form, _overuse_and_unsure_breastfeeding())
    first = pages[0]
    assert assessment.outcome is Outcome.NOT_ELIGIBLE and assessment.medication_overuse.present
    assert "Medication overuse PRESENT: Triptan" in first and "ICHD-3 8.2.2" in first
    assert "Cautions Breastfeeding: Not sure" in first
    assert "Breastfeeding ! caution Not sure" in first
    assert "No to the other 7 caution questions" in first


def test_no_overuse_says_absent_and_no_flags_says_none_of_15(form) -> None:
    _, pages = _render(form, vignette("V01"))
    assert "Medication overuse absent" in pages[0]
    assert "Red flags none of 15" in pages[0]
    assert "No to all 15 red-flag questions" in pages[0]


def test_urgent_review_greys_the_criteria(form) -> None:
    response = parse_response(vignette("V14"), form)
    urgent = assess_for_clinic(response, form, "us-payer")
    refer = assess_for_clinic(parse_response(vignette("V01"), form), form, "us-payer")

    def status_colours(assessment: Assessment) -> set[str]:
        built = sections.criteria(assessment, 500)[1]
        return {row[3].style.textColor.hexval() for row in built._cellvalues[1:]}

    assert status_colours(urgent) == {MUTED.hexval()}
    assert status_colours(refer) == {MET.hexval()}


@pytest.mark.parametrize(("weeks", "classes"),
                         [(12, "2 failed classes, 2 failed medicines"), (7, "1 failed class, 1 failed medicine")])
def test_plurals(form, weeks, classes) -> None:
    data = vignette("V05")
    data["answers"]["preventives"][0]["weeks"] = weeks
    _, pages = _render(form, data)
    text = " ".join(pages)
    assert f"Preventive trials: {classes}" in text
    assert "1 failed classes" not in text and "1 failed medicines" not in text


def test_rules_hash_short_in_the_footer_whole_in_provenance(form) -> None:
    assessment, pages = _render(form, vignette("V01"))
    digest = assessment.rules_hash.removeprefix("sha256:")
    short = f"sha256:{digest[:12]}"
    assert all(page.rstrip().endswith(short) for page in pages)
    assert sum(assessment.rules_hash in page for page in pages) == 1
    assert assessment.rules_hash not in pages[0] or len(pages) == 1


@pytest.mark.parametrize(
    ("tag", "shown"),
    [("es", "Answered in Spanish"), ("es-MX", "Answered in Spanish"), ("tlh", "Answered in tlh"), ("en-GB", None), (None, None)],
)
def test_language_beside_the_identity(form, tag, shown) -> None:
    data = vignette("V01")
    if tag is not None:
        data["language"] = tag
    _, pages = _render(form, data)
    if shown:
        assert f"Language {shown}" in pages[0]
    else:
        assert "Answered in" not in " ".join(pages)


@pytest.mark.parametrize("tag", ["es", None])
def test_answers_from_a_response_file_say_they_were_given_before_the_visit(form, tag) -> None:
    """Beside the language (when not English): the clinician knows no one was at hand while the patient answered."""
    data = vignette("V01")
    if tag:
        data["language"] = tag
    response = parse_response(data, form)
    assessment = assess_for_clinic(response, form, "us-payer")
    pdf = render_report(response, assessment, form, ClinicInfo(), visit_id="20261125-093000-abcdef", answered_before=True).pdf
    first = _squash(PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    shown = "Language Answered in Spanish Source Answered before the visit" if tag else "Source Answered before the visit"
    assert shown in first
    assert "before the visit" not in " ".join(_render(form, data)[1]), "not said of the kiosk's answers"


def test_ichd3_panel_has_every_item_and_the_summary(form) -> None:
    assessment, pages = _render(form, vignette("V23"))
    text = " ".join(pages)
    assert "ICHD-3 chronic migraine (1.3)" in text
    assert _squash(assessment.ichd3.summary) in text
    for item in assessment.ichd3.items:
        assert _squash(item.label) in text
        assert _squash(item.basis) in text


@pytest.mark.parametrize("name", ["V17", "V18", "V19"])
def test_overuse_findings_show_their_ichd3_code(form, name) -> None:
    assessment, pages = _render(form, vignette(name))
    assert assessment.medication_overuse.findings
    for finding in assessment.medication_overuse.findings:
        assert f"ICHD-3 {finding.ichd3}" in pages[0]
        assert _squash(f"{finding.text} (ICHD-3 {finding.ichd3})") in " ".join(pages)


def test_checklist_asks_records_only_for_trials_that_can_count(form) -> None:
    data = vignette("V01")
    data["answers"]["preventives"] += [
        {"medicine": "magnesium", "weeks": 12, "outcome": "ineffective"},
        {"medicine": "gabapentin", "weeks": 12, "outcome": "ineffective"},
        {"medicine": "Migrazol", "weeks": 12, "outcome": "ineffective"},
    ]
    _assessment, pages = _render(form, data)
    text = " ".join(pages)
    checklist = text[text.index("Documentation to obtain"):text.index("Provenance and clinician sign-off")]
    assert "magnesium:" not in checklist and "gabapentin:" not in checklist
    assert "Migrazol: dose, start date, stop date" in checklist
    assert "topiramate: dose, start date, stop date" in checklist


@pytest.mark.parametrize("policy", POLICIES)
@pytest.mark.parametrize("case", VIGNETTES, ids=[case["id"] for case in VIGNETTES])
def test_every_vignette_renders_with_its_reasons_and_notes(form, case, policy) -> None:
    assessment, pages = _render(form, case["response"], policy)
    text = " ".join(pages)
    for reason in assessment.reasons:
        assert _squash(reason.text) in pages[0]
    for note in assessment.notes:
        assert _squash(note.text) in text
    assert all(f"Page {number} of {len(pages)}" in page for number, page in enumerate(pages, start=1))


def test_counts_add_up_when_the_form_hid_pregnancy_questions(form) -> None:
    data = vignette("V01")
    data["answers"]["sex_at_birth"] = "male"
    for key in ("pregnant", "breastfeeding", "rf_pregnancy_new_headache"):
        data["answers"].pop(key, None)
    _, pages = _render(form, data)
    assert "Red flags none of 14 (1 not asked)" in pages[0]
    assert "No to all 14 red-flag questions (1 not asked). No to all 6 caution questions (2 not asked)." in pages[0]
