"""Interop fixtures: a stored visit as the store hands it back."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

import pytest

from cases import vignette
from intake.app.finishing import assess_and_render
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form_languages
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.visits import StoredVisit, VisitSummary

STARTED = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)


@pytest.fixture
def stored_visit(form: Form) -> Callable[..., StoredVisit]:
    def make(vignette_id: str = "V01", **answers: object) -> StoredVisit:
        data = vignette(vignette_id)
        data["answers"].update(answers)
        response = parse_response(data, form)
        finished = assess_and_render(f"20261125-093000-{vignette_id.lower():0>6}", response, form, Settings())
        summary = VisitSummary(finished.visit_id, STARTED, STARTED, "finished", str(finished.assessment.outcome), False,
                               response.answers["given_name"], response.answers["family_name"], 2)
        return StoredVisit(summary, response.to_json_dict(), finished.assessment.to_json_dict(), finished.pdf,
                           "us-payer", finished.assessment.policy_version, finished.assessment.rules_hash)

    return make


@pytest.fixture(scope="session")
def form_languages() -> dict[str, Form]:
    """The shipped form in every language it is written in, the source first."""
    return default_form_languages()
