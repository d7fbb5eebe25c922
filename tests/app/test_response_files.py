"""Reading a response file for `intake import` and the staff screens: our JSON or FHIR, and
every refusal as lines naming the file or the answer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from cases import vignette
from intake.app.response_files import UnreadableFile, read_response
from intake.interop.fhir_response import to_questionnaire_response
from intake.questionnaire.response import parse_response


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
