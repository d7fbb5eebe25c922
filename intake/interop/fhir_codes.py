"""Names our FHIR resources share: the form's canonical URL, code systems, SDC extensions."""

from __future__ import annotations

from intake.questionnaire.form import Form

BASE = "https://headache-intake.example.org/fhir"
OPTIONS_SYSTEM = f"{BASE}/CodeSystem/answer"
OUTCOME_SYSTEM = f"{BASE}/CodeSystem/referral-outcome"
OUTCOME_CODE_SYSTEM = f"{BASE}/CodeSystem/observation"
NONE_SUFFIX = ".none"
"""A repeating group's "I don't take any" item: an empty list is said, never inferred."""

MIN_VALUE = "http://hl7.org/fhir/StructureDefinition/minValue"
MAX_VALUE = "http://hl7.org/fhir/StructureDefinition/maxValue"
MAX_OCCURS = "http://hl7.org/fhir/StructureDefinition/questionnaire-maxOccurs"
UNIT = "http://hl7.org/fhir/StructureDefinition/questionnaire-unit"
REGEX = "http://hl7.org/fhir/StructureDefinition/regex"
ITEM_CONTROL = "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
ITEM_CONTROL_SYSTEM = "http://hl7.org/fhir/questionnaire-item-control"
CHOICE_ORIENTATION = "http://hl7.org/fhir/StructureDefinition/questionnaire-choiceOrientation"


def section_link_id(section_id: str) -> str:
    """Section groups get their own prefix: linkIds must be unique, and a section may share its question's id."""
    return f"section-{section_id}"


def form_url(form: Form) -> str:
    return f"{BASE}/Questionnaire/{form.id}"


def canonical(form: Form) -> str:
    """What a QuestionnaireResponse's `questionnaire` names: the URL and the form version."""
    return f"{form_url(form)}|{form.version}"
