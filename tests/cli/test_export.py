"""`intake export-form`, `intake export --fhir | --csv`, and FHIR files given to assess and import."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from cases import vignette
from intake.cli import main
from intake.cli.export import FHIR_VERSIONS
from intake.interop.fhir_response import to_questionnaire_response
from intake.interop.fhir_version import FhirVersion, checked
from intake.settings import settings_path


@pytest.fixture(autouse=True)
def key(monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DB_KEY", "cli test passphrase")


@pytest.mark.parametrize(("flag", "version"), [([], FhirVersion.R5), (["--fhir", "R4"], FhirVersion.R4)])
def test_export_form_writes_a_valid_questionnaire(tmp_path, capsys, flag, version) -> None:
    out = tmp_path / "questionnaire.json"
    assert main(["export-form", *flag, "-o", str(out)]) == 0
    questionnaire = json.loads(out.read_text(encoding="utf-8"))
    assert checked(questionnaire, version) == questionnaire


def test_export_form_in_spanish_writes_spanish_texts_for_the_same_form(tmp_path, capsys) -> None:
    english, spanish = tmp_path / "en.json", tmp_path / "es.json"
    assert main(["export-form", "-o", str(english)]) == 0
    assert main(["export-form", "--lang", "es", "-o", str(spanish)]) == 0
    assert "(es)" in capsys.readouterr().out
    en, es = (json.loads(path.read_text(encoding="utf-8")) for path in (english, spanish))
    assert (en["language"], es["language"]) == ("en", "es")
    assert (es["url"], es["version"]) == (en["url"], en["version"])
    assert _link_ids(es["item"]) == _link_ids(en["item"])
    assert es["title"] != en["title"]


def test_export_form_in_a_language_the_form_lacks_exits_2(tmp_path, capsys) -> None:
    with pytest.raises(SystemExit) as exit_status:
        main(["export-form", "--lang", "fr", "-o", str(tmp_path / "fr.json")])
    assert exit_status.value.code == 2
    assert "--lang: the form is not written in 'fr'; its languages: en, es" in capsys.readouterr().err
    assert not (tmp_path / "fr.json").exists()


def _settings(text: str) -> None:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def _link_ids(items: list[dict[str, Any]]) -> set[str]:
    return {link_id for item in items for link_id in (item["linkId"], *_link_ids(item.get("item", [])))}


@pytest.mark.parametrize("midas", [False, True])
def test_export_form_asks_the_sections_the_clinic_switched_on(tmp_path, capsys, midas) -> None:
    _settings(f"midas: {str(midas).lower()}\n")
    out = tmp_path / "questionnaire.json"
    assert main(["export-form", "-o", str(out)]) == 0
    assert ("midas_1" in _link_ids(json.loads(out.read_text(encoding="utf-8"))["item"])) is midas


def _pdf_text(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_a_portal_response_is_dated_in_the_clinics_zone_on_the_pdf(form, tmp_path, capsys) -> None:
    """Written in UTC at 02:00 on the 25th; in New York it was still the 24th, and the patient 17."""
    _settings("timezone: America/New_York\n")
    answers = vignette("V01")
    answers["answers"]["date_of_birth"] = "2008-11-25"
    resource = to_questionnaire_response(form, answers)
    resource["authored"] = "2026-11-25T02:00:00Z"
    portal = tmp_path / "portal.json"
    portal.write_text(json.dumps(resource), encoding="utf-8")
    assert main(["report", str(portal), "-o", str(tmp_path / "summary.pdf")]) == 0
    text = _pdf_text(tmp_path / "summary.pdf")
    assert "2008-11-25 (age 17)" in text and "Answers given 2026-11-24" in text
    capsys.readouterr()
    assert main(["assess", str(portal), "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["authored"] == "2026-11-24"


def test_an_exported_visit_assesses_and_imports_like_the_original(import_vignette, tmp_path, capsys) -> None:
    visit_id = import_vignette("V14")
    bundle = tmp_path / "visit.json"
    assert main(["export", visit_id, "--fhir", "-o", str(bundle)]) == 0
    capsys.readouterr()
    assert main(["assess", str(bundle), "--json"]) == 0
    from_fhir = json.loads(capsys.readouterr().out)
    assert main(["assess", str(tmp_path / "V14.json"), "--json"]) == 0
    assert from_fhir == json.loads(capsys.readouterr().out)
    assert main(["import", str(bundle)]) == 0
    assert capsys.readouterr().out == f"already imported as {visit_id}\n", "the same response, in either format"
    assert main(["import", str(bundle), "--again"]) == 0
    capsys.readouterr()
    assert main(["audit", "verify"]) == 0
    assert "3 rows" in capsys.readouterr().out, "import, export, import again"


def test_a_bad_fhir_answer_exits_2_naming_the_key(import_vignette, tmp_path, capsys) -> None:
    visit_id = import_vignette("V01")
    bundle = tmp_path / "visit.json"
    main(["export", visit_id, "--fhir", "-o", str(bundle)])
    text = bundle.read_text(encoding="utf-8").replace('"valueInteger": 22', '"valueInteger": 40')
    bundle.write_text(text, encoding="utf-8")
    with pytest.raises(SystemExit) as exit_status:
        main(["assess", str(bundle)])
    assert exit_status.value.code == 2
    assert "error: headache_days:" in capsys.readouterr().err


def test_csv_export_of_a_date_range_is_audited_per_visit(import_vignette, tmp_path, capsys) -> None:
    first, second = import_vignette("V01"), import_vignette("V02")
    out = tmp_path / "visits.csv"
    today = first[:4] + "-" + first[4:6] + "-" + first[6:8]
    assert main(["export", "--csv", "--from", today, "--to", today, "-o", str(out)]) == 0
    rows = list(csv.DictReader(io.StringIO(out.read_bytes().decode("utf-8-sig"), newline="")))
    assert [row["visit_id"] for row in rows] == [first, second]
    assert main(["export", "--csv", "--from", "2000-01-01", "--to", "2000-01-02", "-o", str(out)]) == 0
    assert out.read_bytes().decode("utf-8-sig").count("\r\n") == 1, "header only"
    capsys.readouterr()
    assert main(["audit", "verify"]) == 0
    assert "4 rows" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["export", "-o", "x"], "give one of --fhir"),
        (["export", "--fhir", "-o", "x"], "--fhir: which visit?"),
        (["export", "abc", "--csv", "-o", "x"], "leave out VISIT_ID"),
        (["export", "nope", "--fhir", "-o", "x"], "visit nope: not found"),
    ],
)
def test_export_usage_errors_exit_2(tmp_path, capsys, argv, message) -> None:
    with pytest.raises(SystemExit) as exit_status:
        main(argv)
    assert exit_status.value.code == 2
    assert message in capsys.readouterr().err


def test_the_fhir_choices_are_the_versions_we_write() -> None:
    assert tuple(version.value for version in FhirVersion) == FHIR_VERSIONS


def test_an_export_that_cannot_be_written_leaves_no_audit_row(import_vignette, tmp_path, capsys) -> None:
    visit_id = import_vignette("V01")
    blocked = tmp_path / "file"
    blocked.write_text("x")
    for argv in (["export", visit_id, "--fhir"], ["export", "--csv"]):
        with pytest.raises(SystemExit) as exit_status:
            main([*argv, "-o", str(blocked / "out")])
        assert exit_status.value.code == 2
        assert capsys.readouterr().err.startswith(f"error: -o {blocked / 'out'}: cannot write")
    assert main(["audit", "verify"]) == 0
    assert "intact: 1 rows" in capsys.readouterr().out, "the import's row only"
