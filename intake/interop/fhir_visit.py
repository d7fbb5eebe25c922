"""A stored visit for an EHR: a Bundle of the answers, the outcome and the summary PDF.

- Patient: the name and birth date as given, for the EHR to match to its own record.
- QuestionnaireResponse: the patient's answers, linked to our Questionnaire.
- Observation: the computed outcome as a code, `derivedFrom` the answers, so an EHR can
  list or flag it; it is a screening result for a clinician, not a diagnosis.
- DocumentReference: the clinician PDF, the document of record, as an attachment.
A `collection` Bundle holds them: a `document` Bundle would need a Composition and
signatures, and a `transaction` would presume the receiving server's write rules.

When staff amended an answer after the patient finished, the answers, the outcome drawn
from them and the summary showing the amendments are each `amended` (FHIR's status for
a completed resource changed since), so an EHR that kept the first export can tell.
"""

from __future__ import annotations

import base64
import hashlib
import uuid
from typing import Any

from intake.interop.fhir_codes import OUTCOME_CODE_SYSTEM, OUTCOME_SYSTEM
from intake.interop.fhir_response import to_questionnaire_response
from intake.interop.fhir_version import FhirVersion, checked
from intake.questionnaire.form import Form
from intake.store.visits import StoredVisit
from intake.visit_status import FINISHED

OUTCOME_CODE = {"system": OUTCOME_CODE_SYSTEM, "code": "botox-referral-criteria",
                "display": "Criteria to consider referral for onabotulinumtoxinA consultation (chronic migraine)"}


def _full_url(visit_id: str, kind: str) -> str:
    """Stable per visit and resource, so exporting twice gives the same references."""
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'headache-intake:{visit_id}:{kind}')}"


def _observation(visit: StoredVisit, response_url: str, authored: str, amended: bool) -> dict[str, Any]:
    assessment = visit.assessment or {}
    return {
        "resourceType": "Observation",
        "status": "amended" if amended else "final",
        "code": {"coding": [OUTCOME_CODE], "text": OUTCOME_CODE["display"]},
        "effectiveDateTime": authored,
        "valueCodeableConcept": {
            "coding": [{"system": OUTCOME_SYSTEM, "code": assessment.get("outcome"), "display": assessment.get("outcome_text")}],
            "text": assessment.get("outcome_text"),
        },
        "method": {
            "text": f"Policy {assessment.get('policy')} {assessment.get('policy_version')}, rules {assessment.get('rules_hash')}",
        },
        "derivedFrom": [{"reference": response_url}],
        "note": [
            {"text": "Screening against referral criteria for a clinician to confirm; not a diagnosis or a payer decision."},
        ],
    }


def _patient(visit: StoredVisit) -> dict[str, Any]:
    """Who the answers are about, as the patient gave it, for the EHR to match to its record."""
    answers = visit.response.get("answers", {})
    name = {key: value for key, value in (("family", answers.get("family_name")),
                                          ("given", [answers["given_name"]] if answers.get("given_name") else None)) if value}
    patient: dict[str, Any] = {"resourceType": "Patient"}
    if name:
        patient["name"] = [{"use": "usual", **name}]
    if answers.get("date_of_birth"):
        patient["birthDate"] = answers["date_of_birth"]
    return patient


def _document(visit: StoredVisit, version: FhirVersion, amended: bool) -> dict[str, Any]:
    pdf = visit.pdf or b""
    attachment = {
        "contentType": "application/pdf",
        "data": base64.b64encode(pdf).decode("ascii"),
        "title": f"visit-{visit.summary.id}.pdf",
        "size": str(len(pdf)) if version is FhirVersion.R5 else len(pdf),  # R5 integer64 is a JSON string
        "hash": base64.b64encode(hashlib.sha1(pdf).digest()).decode("ascii"),  # noqa: S324 - FHIR defines Attachment.hash as SHA-1
    }
    document = {
        "resourceType": "DocumentReference",
        "status": "current",
        "docStatus": "amended" if amended else "final",
        "type": {"text": "Headache intake: referral criteria summary"},
        "date": visit.summary.finished.isoformat() if visit.summary.finished else None,
        "description": "Intake answers and referral criteria for onabotulinumtoxinA consultation",
        "content": [{"attachment": attachment}],
    }
    return {key: value for key, value in document.items() if value is not None}


def _response_status(finished: bool, amended: bool) -> str:
    if not finished:
        return "in-progress"
    return "amended" if amended else "completed"


def export_visit(visit: StoredVisit, form: Form, version: FhirVersion = FhirVersion.R5, amended: bool = False) -> dict[str, Any]:
    """The Bundle for one visit; an unfinished visit has only its answers, `in-progress`.

    `amended`: staff changed an answer after the patient finished (the store's amendments say)."""
    finished = visit.summary.status == FINISHED
    patient_url = _full_url(visit.summary.id, "patient")
    subject = {"subject": {"reference": patient_url}}
    response = to_questionnaire_response(form, visit.response, version, _response_status(finished, amended))
    response_url = _full_url(visit.summary.id, "response")
    entries = [
        {"fullUrl": patient_url, "resource": checked(_patient(visit), version)},
        {"fullUrl": response_url, "resource": checked({**response, **subject}, version)},
    ]
    if finished and visit.assessment is not None:
        observation = _observation(visit, response_url, visit.response["authored"], amended)
        entries.append(
            {"fullUrl": _full_url(visit.summary.id, "outcome"), "resource": checked({**observation, **subject}, version)})
    if finished and visit.pdf is not None:
        document = _document(visit, version, amended)
        entries.append({"fullUrl": _full_url(visit.summary.id, "summary"), "resource": checked({**document, **subject}, version)})
    bundle = {
        "resourceType": "Bundle",
        "identifier": {"system": "https://headache-intake.example.org/visit", "value": visit.summary.id},
        "type": "collection",
        "entry": entries,
    }
    return checked(bundle, version)
