"""Every PDF the app or the CLI writes holds health data: readable by its owner only (0600)."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from cases import vignette
from intake.app.finishing import assess_and_render, summaries_dir, write_summary
from intake.cli import main
from intake.questionnaire.response import parse_response
from intake.settings import Settings


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_report_output_is_0600_even_over_an_existing_0644_file(tmp_path, capsys) -> None:
    source = tmp_path / "V01.json"
    source.write_text(json.dumps(vignette("V01")), encoding="utf-8")
    out = tmp_path / "summary.pdf"
    out.write_bytes(b"old")
    out.chmod(0o644)
    old = os.umask(0o022)
    try:
        assert main(["report", str(source), "-o", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.read_bytes().startswith(b"%PDF")
    assert _mode(out) == 0o600


def test_visits_show_pdf_is_0600(import_vignette, tmp_path, capsys) -> None:
    visit = import_vignette("V01")
    out = tmp_path / "shown.pdf"
    old = os.umask(0o022)
    try:
        assert main(["visits", "show", visit, "--pdf", str(out)]) == 0
    finally:
        os.umask(old)
    assert out.read_bytes().startswith(b"%PDF")
    assert _mode(out) == 0o600


def test_kiosk_output_dir_summary_is_0600(form, tmp_path) -> None:
    settings = Settings(output_dir=tmp_path / "printer")
    finished = _finish("0001", parse_response(vignette("V01"), form), form, settings)
    assert finished.pdf_path == tmp_path / "printer" / "visit-0001.pdf"
    assert _mode(finished.pdf_path) == 0o600


def _finish(visit_id: str, response, form, settings: Settings):
    """What the kiosk does without a store: assess, render, write to the summaries folder."""
    return write_summary(assess_and_render(visit_id, response, form, settings), summaries_dir(settings))
