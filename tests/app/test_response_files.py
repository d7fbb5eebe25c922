"""Reading a response file for `intake import` and the staff screens: our JSON or FHIR, and
every refusal as lines naming the file or the answer."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cases import vignette
from intake.app.response_files import UnreadableFile, read_response
from intake.interop.fhir_response import to_questionnaire_response
from intake.questionnaire.response import parse_response
from intake.settings import Settings, settings_path


def _file(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_our_json_and_a_fhir_response_read_alike(tmp_path, form) -> None:
    ours = parse_response(vignette("V01"), form)
    fhir = to_questionnaire_response(form, ours.to_json_dict())
    from_ours = read_response(_file(tmp_path, "V01.json", json.dumps(vignette("V01"))), form)
    from_fhir = read_response(_file(tmp_path, "V01-fhir.json", json.dumps(fhir)), form)
    assert from_ours.answers == from_fhir.answers == ours.answers


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("{", "not valid JSON (line 1, column 2"),
        ('{"answers": {"age": "old"}}', "age"),
        ('{"resourceType": "Patient"}', "QuestionnaireResponse"),
    ],
)
def test_a_bad_file_is_refused_in_lines_that_say_where(tmp_path, form, text: str, line: str) -> None:
    with pytest.raises(UnreadableFile) as refused:
        read_response(_file(tmp_path, "bad.json", text), form)
    assert any(line in each for each in refused.value.lines)


def test_a_missing_file_is_named(tmp_path, form) -> None:
    with pytest.raises(UnreadableFile, match=r"gone\.json: no such file"):
        read_response(tmp_path / "gone.json", form)


def test_a_moment_is_dated_in_the_given_settings_zone_or_else_the_settings_files(tmp_path, form) -> None:
    """The staff screen passes the station's settings; a command reads the settings file."""
    fhir = to_questionnaire_response(form, vignette("V01"))
    fhir["authored"] = "2026-11-25T02:00:00Z"
    path = _file(tmp_path, "portal.json", json.dumps(fhir))
    assert read_response(path, form, Settings(timezone="America/New_York")).authored == date(2026, 11, 24)
    assert read_response(path, form, Settings(timezone="Europe/Madrid")).authored == date(2026, 11, 25)
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("timezone: America/Los_Angeles\n", encoding="utf-8")
    assert read_response(path, form).authored == date(2026, 11, 24)
