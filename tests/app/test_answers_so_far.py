"""A visit not finished, on paper: what can be assessed of its answers so far is, the rest is named."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from cases import vignette
from intake.app.answers_so_far import answers_so_far, readable_response
from intake.eligibility.assessment import Outcome
from intake.questionnaire.response import InvalidResponse
from intake.settings import Settings

VISIT_ID = "20261124-090000-abcdef"


def _stored(**answers: object) -> dict:
    return {"form": "headache-intake", "authored": "2026-11-24", "answers": answers}


def test_answers_the_finish_checks_would_refuse_are_left_out_and_named(form) -> None:
    stored = _stored(
        given_name="Ana", headache_days=10, migraine_days=12,
        preventives=[
            {"medicine": "topiramate", "weeks": 12, "outcome": "ineffective"},
            {"medicine": "propranolol"},
        ],
    )
    response, left_out = readable_response(form, stored)
    assert response.answers["preventives"] == [{"medicine": "topiramate", "weeks": 12, "outcome": "ineffective"}]
    assert "migraine_days" not in response.answers and response.answers["headache_days"] == 10
    assert left_out == (f"{form.question('preventives').label}, row 2", form.question("migraine_days").label)


def test_a_list_left_with_no_rows_is_unanswered_not_none(form) -> None:
    response, left_out = readable_response(form, _stored(given_name="Ana", acute_medicines=[{"days_per_month": 4}]))
    assert "acute_medicines" not in response.answers
    assert left_out == (f"{form.question('acute_medicines').label}, row 1",)


def test_a_response_of_another_form_is_refused(form) -> None:
    with pytest.raises(InvalidResponse):
        readable_response(form, {**_stored(given_name="Ana"), "form": "another-form"})


def test_the_pdf_says_not_finished_on_every_page_and_puts_red_flags_first(form) -> None:
    answers = {key: vignette("V14")["answers"][key] for key in ("given_name", "family_name", "date_of_birth", "sex_at_birth")}
    so_far = answers_so_far(VISIT_ID, _stored(**answers, rf_thunderclap="yes", rf_cancer="no"), form, Settings())
    assert so_far.assessment.outcome is Outcome.URGENT_REVIEW and so_far.left_out == ()
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(so_far.pdf)).pages]
    assert all("Visit not finished: answers so far" in page for page in pages)
    first = pages[0]
    assert first.startswith("Visit not finished: answers so far")
    assert "This is not the visit's summary." in first
    red_flags, outcome = first.index("Red flags, from the answers so far"), first.index("Urgent clinician review")
    assert red_flags < first.index("⚑ Sudden severe (thunderclap) headache Yes") < outcome
    assert "No to the other 1 red-flag question" in first
