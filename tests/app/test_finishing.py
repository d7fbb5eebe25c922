"""Finishing a visit: assessment under the clinic policy, PDF saved by visit id only."""

from __future__ import annotations

import stat

import pytest

from cases import vignette
from intake.app.finishing import SummaryNotSaved, assess_and_render, summaries_dir, write_summary
from intake.questionnaire.response import parse_response
from intake.settings import Settings


def test_finish_saves_a_private_pdf_named_by_visit(form, tmp_path) -> None:
    response = parse_response(vignette("V06"), form)
    finished = _finish("20261124-101500-abc123", response, form, Settings(policy="nice-ta260", output_dir=tmp_path))
    assert finished.assessment.policy == "nice-ta260"
    assert [other.policy for other in finished.assessment.other_policies] == ["us-payer"]
    assert finished.pdf_path == tmp_path / "visit-20261124-101500-abc123.pdf"
    assert finished.pdf_path.read_bytes() == finished.pdf
    assert stat.S_IMODE(finished.pdf_path.stat().st_mode) == 0o600
    assert [path.name for path in tmp_path.iterdir()] == [finished.pdf_path.name]


def test_default_folder_is_in_the_user_data_dir(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    assert summaries_dir(Settings()) == tmp_path / "headache-intake" / "summaries"


def test_unwritable_folder_keeps_the_finished_visit(form, tmp_path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("not a folder", encoding="utf-8")
    response = parse_response(vignette("V01"), form)
    with pytest.raises(SummaryNotSaved) as raised:
        _finish("20261124-101500-abc123", response, form, Settings(output_dir=blocked))
    assert raised.value.finished.pdf.startswith(b"%PDF")
    assert raised.value.finished.assessment.outcome == "REFER"


def _finish(visit_id: str, response, form, settings: Settings):
    """What the kiosk does without a store: assess, render, write to the summaries folder."""
    return write_summary(assess_and_render(visit_id, response, form, settings), summaries_dir(settings))
