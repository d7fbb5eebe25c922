"""The clinician PDF, read back as text: every criterion, trial and flag is there."""

from __future__ import annotations

import io
import re

import pytest
from pypdf import PdfReader
from reportlab.lib.pagesizes import A4, LETTER

from cases import VIGNETTES, vignette
from intake.app.assessing import assess_for_clinic
from intake.eligibility import evaluate
from intake.questionnaire.response import parse_response
from intake.report import ClinicInfo, NotFinished, render_report, wording
from intake.report import fonts as report_fonts


def _pages(pdf: bytes) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _report(form, data, policy: str = "us-payer", paper: str = "a4"):
    response = parse_response(data, form)
    assessment = assess_for_clinic(response, form, policy)
    return assessment, render_report(response, assessment, form, ClinicInfo(name="Test Clinic", paper=paper))


def _squash(text: str) -> str:
    return " ".join(text.split())


@pytest.mark.parametrize("case", VIGNETTES, ids=[case["id"] for case in VIGNETTES])
def test_every_vignette_pdf_shows_its_evidence(form, case) -> None:
    assessment, rendered = _report(form, case["response"])
    pages = _pages(rendered.pdf)
    text = " ".join(pages)
    assert _squash(assessment.outcome_text) in text
    for reason in assessment.reasons:
        assert _squash(reason.text) in text
    for criterion in assessment.criteria:
        assert criterion.label in text
        assert criterion.threshold in text
        shown = "not answered" if criterion.value is None else str(criterion.value)
        assert shown in text
    for trial in assessment.preventives:
        assert trial.medicine in text
        assert _squash(trial.reason) in text
    for item in assessment.screening:
        if item.flagged:
            assert item.label in pages[0]
    for index, page in enumerate(pages, start=1):
        assert f"Page {index} of {len(pages)}" in page
        assert "Patient-reported, not verified · Decision support, not a diagnosis" in page
    assert "NICE TA260 (England and Wales)" in text and "US payer" in text


def test_red_flag_and_caution_answers_are_marked(form) -> None:
    data = vignette("V14")
    data["answers"]["neuromuscular_disease"] = "unsure"
    _, rendered = _report(form, data)
    text = " ".join(_pages(rendered.pdf))
    assert "Sudden severe (thunderclap) headache ⚑ red flag Yes" in text
    assert "Nerve and muscle condition ! caution Not sure" in text


def test_unicode_names_survive(form) -> None:
    names = ["Zoë Łukasik-Ó'Brien", "Ελένη Παπαδοπούλου", "Анна Кузнецова"]
    for name in names:
        data = vignette("V01")
        given, family = name.split(" ", 1)
        data["answers"].update(given_name=given, family_name=family)
        _, rendered = _report(form, data)
        text = " ".join(_pages(rendered.pdf))
        assert f"{family}, {given}" in text
        assert rendered.warnings == []


def test_cjk_name_with_fallback_font_or_a_clear_warning(form) -> None:
    data = vignette("V01")
    data["answers"].update(given_name="小明", family_name="王")
    _, rendered = _report(form, data)
    text = " ".join(_pages(rendered.pdf))
    if report_fonts.fonts().cjk:
        assert "王, 小明" in text and rendered.warnings == []
    else:
        assert rendered.warnings and "CJK font" in rendered.warnings[0]


def test_missing_cjk_font_is_warned_on_the_page(form, monkeypatch) -> None:
    monkeypatch.setattr(report_fonts, "CJK_CANDIDATES", ())
    report_fonts.fonts.cache_clear()
    try:
        data = vignette("V01")
        data["answers"].update(given_name="小明", family_name="王")
        _, rendered = _report(form, data)
        assert "apt-get install fonts-wqy-microhei" in rendered.warnings[0]
        assert "cannot be printed with the installed fonts" in _pages(rendered.pdf)[0]
    finally:
        report_fonts.fonts.cache_clear()


def test_forty_preventives_paginate_with_repeated_header(form, us_rules) -> None:
    """The form caps a list at 30 rows; the report itself must still cope with 40."""
    names = ["propranolol", "topiramate", "amitriptyline", "venlafaxine", "candesartan", "verapamil", "erenumab", "gabapentin"]
    rows = [{"medicine": names[i % len(names)], "weeks": 4 + i, "outcome": "ineffective", "dose": f"{10 + i} mg"}
            for i in range(40)]
    parsed = parse_response(vignette("V01"), form)
    response = parsed.model_copy(update={"answers": {**parsed.answers, "preventives": rows}})
    assessment = evaluate(response, us_rules, form)
    rendered = render_report(response, assessment, form, ClinicInfo())
    pages = _pages(rendered.pdf)
    assert len(assessment.preventives) == 40
    with_table = [page for page in pages if "Counted, and why" in page]
    assert len(with_table) >= 2, "the preventive table should split with its header repeated"
    assert "49 mg" in " ".join(pages)
    assert all(f"of {len(pages)}" in page for page in pages)


@pytest.mark.parametrize(("paper", "size"), [("a4", A4), ("letter", LETTER)])
def test_paper_size(form, paper, size) -> None:
    _, rendered = _report(form, vignette("V01"), paper=paper)
    box = PdfReader(io.BytesIO(rendered.pdf)).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (round(size[0]), round(size[1]))


def test_metadata_carries_no_patient_data(form) -> None:
    _, rendered = _report(form, vignette("V01"))
    metadata = PdfReader(io.BytesIO(rendered.pdf)).metadata
    assert "Patient" not in " ".join(str(value) for value in metadata.values())
    assert not re.search(r"1992-01-15", " ".join(str(value) for value in metadata.values()))


def test_clinic_name_and_address_from_settings(form) -> None:
    response = parse_response(vignette("V01"), form)
    assessment = assess_for_clinic(response, form, "us-payer")
    clinic = ClinicInfo(name="Ñandú Headache Centre", address="1 Harbour Road, Cork", paper="a4")
    pages = _pages(render_report(response, assessment, form, clinic).pdf)
    assert all(page.startswith("Ñandú Headache Centre") or "Ñandú Headache Centre" in page for page in pages)
    assert "1 Harbour Road, Cork" in pages[0]


def test_the_audit_log_head_is_printed_labelled_in_the_sign_off_only_when_given(form) -> None:
    response = parse_response(vignette("V01"), form)
    assessment = assess_for_clinic(response, form, "us-payer")
    clinic = ClinicInfo(name="Test Clinic")
    anchored = " ".join(_pages(render_report(response, assessment, form, clinic, audit_anchor="3f5c1a2b3c4d5e6f").pdf))
    sign_off = anchored[anchored.index("Provenance and clinician sign-off"):]
    assert re.search(r"Audit log head before this summary\s*3f5c1a2b3c4d5e6f", _squash(sign_off.split("I have checked")[0]))
    plain = " ".join(_pages(render_report(response, assessment, form, clinic).pdf))
    assert "Audit log head" not in plain


def test_answers_so_far_say_so_on_every_page_and_name_what_was_left_out(form) -> None:
    response = parse_response(vignette("V14"), form)
    assessment = assess_for_clinic(response, form, "us-payer")
    left_out = ("Preventive medicines, row 2",)
    rendered = render_report(response, assessment, form, ClinicInfo(name="Test Clinic"), not_finished=NotFinished(left_out))
    pages = _pages(rendered.pdf)
    assert pages[0].startswith("Visit not finished: answers so far")
    assert all(page.count("Visit not finished: answers so far") == (2 if page is pages[0] else 1) for page in pages)
    assert "Preventive medicines, row 2" in pages[0] and "not complete yet" in pages[0]
    assert pages[0].index("Red flags, from the answers so far") < pages[0].index("Urgent clinician review")
    assert PdfReader(io.BytesIO(rendered.pdf)).metadata.title == "Headache intake: answers so far (visit not finished)"
    _, summary = _report(form, vignette("V14"))
    assert not any("not finished" in page for page in _pages(summary.pdf)), "a summary is never marked so"


HEADINGS = (
    wording.SCREENING_TITLE, wording.SCREENING_MISSING_TITLE, wording.ICHD3_TITLE, "Notes for the clinician",
    "Documentation to obtain", "Prior Botox", "Appendix: all answers", "Provenance and clinician sign-off",
)


def _walked_away_after_the_red_flags(form):
    """Answers up to the red-flag page (a thunderclap headache), then nothing: half the report is "not answered"."""
    answers = {key: vignette("V14")["answers"][key] for key in ("given_name", "family_name", "date_of_birth", "sex_at_birth")}
    flags = {"rf_systemic": "no", "rf_cancer": "no", "rf_neuro_deficit": "no", "rf_thunderclap": "yes"}
    response = parse_response({**vignette("V14"), "answers": {**answers, "headache_days": 20, **flags}}, form)
    assessment = assess_for_clinic(response, form, "us-payer")
    left_out = NotFinished(("New kind of headache or started within 3 months",))
    return render_report(response, assessment, form, ClinicInfo(name="Test Clinic"), not_finished=left_out)


def test_no_page_ends_on_a_heading_whose_section_starts_on_the_next(form) -> None:
    for page in _pages(_walked_away_after_the_red_flags(form).pdf):
        body = page.split("Patient-reported, not verified")[0].removesuffix("Test Clinic Visit not finished: answers so far ")
        assert not body.rstrip().endswith(HEADINGS), body[-200:]


def test_red_flags_not_answered_yet_are_listed_as_such_and_no_count_is_zero(form) -> None:
    pages = _pages(_walked_away_after_the_red_flags(form).pdf)
    text = " ".join(pages)
    assert wording.SCREENING_MISSING_TITLE in text
    assert "No to the other 0" not in text and "No to all 0" not in text
    assert "No to the other 3 red-flag questions (1 not asked). Every answer is in the appendix." in text
