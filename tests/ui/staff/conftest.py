"""Staff-screen fixtures: finished visits already in the store, as if patients had been, and a
stand-in `lp`, so printing tests never reach a real printer (the printers the system offers
are stand-ins for every GUI test: see tests/ui/conftest.py)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from cases import vignette
from fake_lp import FakeLp, install_fake_lp
from intake.app.finishing import assess_and_render
from intake.app.visit import new_visit_id
from intake.questionnaire.form import Form
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.stores import Stores


@pytest.fixture
def add_visit(stores: Stores, form: Form) -> Callable[[str], str]:
    """Store a vignette as a finished visit under the default policy; returns its id."""

    def add(vignette_id: str) -> str:
        response = parse_response(vignette(vignette_id), form)
        finished = assess_and_render(new_visit_id(), response, form, Settings())
        response, assessment = finished.response.to_json_dict(), finished.assessment.to_json_dict()
        stores.visits.finish(finished.visit_id, response, assessment, finished.pdf)
        return finished.visit_id

    return add


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeLp:
    return install_fake_lp(tmp_path, monkeypatch)
