"""Finishing a visit: assessment under the clinic policy, PDF saved by visit id only."""

from __future__ import annotations

import io
import stat

import pytest
from pypdf import PdfReader

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


def test_the_audit_log_head_before_the_finish_row_is_printed_in_short_form(form) -> None:
    head = "3f5c1a2b3c4d5e6f" + "7" * 48
    response = parse_response(vignette("V01"), form)
    finished = assess_and_render("20261124-101500-abc123", response, form, Settings(), audit_anchor=head)
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(finished.pdf)).pages)
    assert "Audit log head before this summary 3f5c1a2b3c4d5e6f" in text and head not in text
