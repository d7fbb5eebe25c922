"""A visit for an EHR: Patient, answers, outcome Observation and the PDF, valid in R5 and R4B."""

from __future__ import annotations

import base64

import pytest

from intake.interop.fhir_response import response_from_fhir
from intake.interop.fhir_version import FhirVersion, checked
from intake.interop.fhir_visit import export_visit


@pytest.mark.parametrize("version", list(FhirVersion))
def test_bundle_holds_the_answers_outcome_and_the_stored_pdf(form, stored_visit, version) -> None:
    visit = stored_visit("V14")
    bundle = export_visit(visit, form, version)
    assert checked(bundle, version) == bundle
    kinds = {entry["resource"]["resourceType"]: entry for entry in bundle["entry"]}
    assert list(kinds) == ["Patient", "QuestionnaireResponse", "Observation", "DocumentReference"]
    observation = kinds["Observation"]["resource"]
    assert observation["valueCodeableConcept"]["coding"][0]["code"] == "URGENT_REVIEW"
    assert observation["derivedFrom"] == [{"reference": kinds["QuestionnaireResponse"]["fullUrl"]}]
    attachment = kinds["DocumentReference"]["resource"]["content"][0]["attachment"]
    assert base64.b64decode(attachment["data"]) == visit.pdf
    assert attachment["title"] == f"visit-{visit.summary.id}.pdf"
    assert kinds["Patient"]["resource"]["name"][0]["family"] == visit.response["answers"]["family_name"]
    subjects = {entry["resource"].get("subject", {}).get("reference") for entry in bundle["entry"][1:]}
    assert subjects == {kinds["Patient"]["fullUrl"]}


def test_the_bundle_reads_back_as_the_same_answers(form, stored_visit) -> None:
    visit = stored_visit("V01")
    assert response_from_fhir(export_visit(visit, form), form)["answers"] == visit.response["answers"]


def test_exporting_twice_gives_the_same_references(form, stored_visit) -> None:
    visit = stored_visit("V01")
    assert export_visit(visit, form) == export_visit(visit, form)


@pytest.mark.parametrize("version", list(FhirVersion))
def test_an_amended_visit_says_so_on_its_answers_outcome_and_summary(form, stored_visit, version) -> None:
    visit = stored_visit("V01")
    statuses = {
        amended: {
            entry["resource"]["resourceType"]: (entry["resource"].get("status"), entry["resource"].get("docStatus"))
            for entry in export_visit(visit, form, version, amended=amended)["entry"]
        }
        for amended in (False, True)
    }
    assert statuses[False] == {
        "Patient": (None, None), "QuestionnaireResponse": ("completed", None), "Observation": ("final", None),
        "DocumentReference": ("current", "final"),
    }
    assert statuses[True] == {
        "Patient": (None, None), "QuestionnaireResponse": ("amended", None), "Observation": ("amended", None),
        "DocumentReference": ("current", "amended"),
    }
    assert response_from_fhir(export_visit(visit, form, version, amended=True), form)["answers"] == visit.response["answers"]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_the_answers_say_the_language_the_patient_answered_in(form, stored_visit, version) -> None:
    visit = stored_visit("V01")
    visit.response["language"] = "es"
    response = next(entry["resource"] for entry in export_visit(visit, form, version)["entry"]
                     if entry["resource"]["resourceType"] == "QuestionnaireResponse")
    assert response["language"] == "es"
    assert response_from_fhir(export_visit(visit, form, version), form)["language"] == "es"
