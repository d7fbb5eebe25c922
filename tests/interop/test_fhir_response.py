"""QuestionnaireResponse both ways: every vignette round-trips to the same assessment."""

from __future__ import annotations

import copy

import pytest

from cases import POLICIES, VIGNETTES
from intake.eligibility import evaluate, load_rules
from intake.interop.fhir_codes import OPTIONS_SYSTEM
from intake.interop.fhir_response import response_from_fhir, to_questionnaire_response
from intake.interop.fhir_version import FhirVersion, checked
from intake.questionnaire.response import InvalidResponse, parse_response


@pytest.mark.parametrize("version", list(FhirVersion))
@pytest.mark.parametrize("case", VIGNETTES, ids=[case["id"] for case in VIGNETTES])
def test_round_trip_gives_the_same_assessment_under_every_policy(form, case, version) -> None:
    original = parse_response(case["response"], form)
    fhir = to_questionnaire_response(form, original.to_json_dict(), version)
    assert checked(fhir, version) == fhir, "valid in fhir.resources"
    back = parse_response(response_from_fhir(fhir, form), form)
    assert back == original
    for policy in POLICIES:
        rules = load_rules(policy)
        assert evaluate(back, rules, form).to_json_dict() == evaluate(original, rules, form).to_json_dict()


def _fhir(form, vignette_id: str = "V01") -> dict:
    case = next(case for case in VIGNETTES if case["id"] == vignette_id)
    return to_questionnaire_response(form, parse_response(case["response"], form).to_json_dict())


def test_a_bundle_with_one_response_is_read(form) -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": _fhir(form)}]}
    assert response_from_fhir(bundle, form)["answers"]["headache_days"] == 22


def test_a_bundle_with_two_responses_is_refused(form) -> None:
    bundle = {"resourceType": "Bundle", "type": "collection", "entry": [{"resource": _fhir(form)}] * 2}
    with pytest.raises(InvalidResponse, match="Bundle: expected exactly one QuestionnaireResponse entry, got 2"):
        response_from_fhir(bundle, form)


def _find(items, link_id):
    for item in items:
        if item["linkId"] == link_id:
            return item
        found = _find(item.get("item", []), link_id)
        if found:
            return found
    return None


def test_a_wrong_value_type_is_named_by_key(form) -> None:
    fhir = copy.deepcopy(_fhir(form))
    _find(fhir["item"], "headache_days")["answer"] = [{"valueString": "22"}]
    _find(fhir["item"], "acute_medicines.days_per_month")["answer"] = [{"valueString": "4"}]
    with pytest.raises(InvalidResponse) as invalid:
        response_from_fhir(fhir, form)
    lines = str(invalid.value).splitlines()
    assert "headache_days: expected valueInteger, got valueString" in lines
    assert "acute_medicines[0].days_per_month: expected valueInteger, got valueString" in lines


@pytest.mark.parametrize(
    ("system", "given"),
    [("http://snomed.info/sct", "got system http://snomed.info/sct"), (None, "got a coding without a system")],
)
def test_a_coding_from_another_system_is_refused_naming_the_item(form, system, given) -> None:
    fhir = copy.deepcopy(_fhir(form))
    top = _find(fhir["item"], "prior_botox")["answer"][0]["valueCoding"]
    row = _find(fhir["item"], "preventives.outcome")["answer"][0]["valueCoding"]
    for coding in (top, row):
        coding.pop("system")
        if system is not None:
            coding["system"] = system
    with pytest.raises(InvalidResponse) as invalid:
        response_from_fhir(fhir, form)
    expected = f"expected a coding from {OPTIONS_SYSTEM}, {given}"
    assert str(invalid.value).splitlines() == [f"preventives[0].outcome: {expected}", f"prior_botox: {expected}"]


def test_an_impossible_answer_gets_the_same_error_as_our_json(form) -> None:
    fhir = copy.deepcopy(_fhir(form))
    _find(fhir["item"], "migraine_days")["answer"] = [{"valueInteger": 30}]
    ours = parse_response(_fhir_free(form), form).to_json_dict()
    ours["answers"]["migraine_days"] = 30
    with pytest.raises(InvalidResponse) as from_fhir:
        parse_response(response_from_fhir(fhir, form), form)
    with pytest.raises(InvalidResponse) as from_json:
        parse_response(ours, form)
    assert str(from_fhir.value) == str(from_json.value)


def _fhir_free(form) -> dict:
    return next(case for case in VIGNETTES if case["id"] == "V01")["response"]


def test_unknown_link_ids_and_foreign_questionnaires_are_refused(form) -> None:
    fhir = copy.deepcopy(_fhir(form))
    fhir["questionnaire"] = "http://example.org/Questionnaire/phq-9"
    fhir["item"].append({"linkId": "favourite_colour", "answer": [{"valueString": "blue"}]})
    with pytest.raises(InvalidResponse) as invalid:
        response_from_fhir(fhir, form)
    text = str(invalid.value)
    assert "questionnaire: expected https://headache-intake.example.org/fhir/Questionnaire/headache-intake" in text
    assert "favourite_colour: expected a linkId of this form's questions" in text


def test_an_empty_medicine_list_survives_as_none(form) -> None:
    response = parse_response(_fhir_free(form), form).to_json_dict()
    response["answers"]["preventives"] = []
    back = response_from_fhir(to_questionnaire_response(form, response), form)
    assert back["answers"]["preventives"] == []


def test_not_fhir_at_all_is_named(form) -> None:
    with pytest.raises(InvalidResponse, match="resourceType: expected QuestionnaireResponse or Bundle, got Patient"):
        response_from_fhir({"resourceType": "Patient"}, form)


def test_attack_feature_answers_round_trip(form) -> None:
    case = next(case for case in VIGNETTES if case["id"] == "V01")
    data = copy.deepcopy(case["response"])
    data["answers"].update(pain_one_sided="yes", pain_throbbing="unsure", nausea="no", noise_sensitive="yes")
    original = parse_response(data, form)
    back = parse_response(response_from_fhir(to_questionnaire_response(form, original.to_json_dict()), form), form)
    assert back == original
    assert evaluate(back, load_rules("us-payer"), form).ichd3 == evaluate(original, load_rules("us-payer"), form).ichd3


@pytest.mark.parametrize(("link_id", "key"), [(" " * 300, "item"), ("日" * 300, "日" * 37 + "..."), ("a\nb", "a\\nb")])
def test_an_unknown_link_id_is_named_on_one_short_line(form, link_id, key) -> None:
    fhir = _fhir(form)
    fhir["item"].append({"linkId": link_id, "answer": [{"valueString": "blue"}]})
    with pytest.raises(InvalidResponse) as raised:
        response_from_fhir(fhir, form)
    assert [problem.cli_text for problem in raised.value.problems] == [
        f"{key}: expected a linkId of this form's questions, got an unknown linkId"
    ]


def test_an_element_whose_name_holds_a_colon_is_named_whole(form) -> None:
    fhir = _fhir(form)
    fhir["item"][0]["{right:>9}"] = 1
    with pytest.raises(InvalidResponse) as raised:
        response_from_fhir(fhir, form)
    assert [problem.key for problem in raised.value.problems] == ["fhir item.0.{right:>9}"]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_the_language_the_patient_answered_in_goes_out_and_comes_back(form, version) -> None:
    data = copy.deepcopy(_fhir_free(form))
    data["language"] = "es-MX"
    original = parse_response(data, form)
    fhir = to_questionnaire_response(form, original.to_json_dict(), version)
    assert fhir["language"] == "es-MX"
    back = parse_response(response_from_fhir(fhir, form), form)
    assert back == original and back.primary_language == "es"


def test_no_language_given_none_written_and_none_read(form) -> None:
    fhir = _fhir(form)
    assert "language" not in fhir
    assert "language" not in response_from_fhir(fhir, form)
    assert parse_response(response_from_fhir(fhir, form), form).language is None


@pytest.mark.parametrize(("tag", "shown"), [("es_MX", '"es_MX"'), ("spanish", '"spanish"')])
def test_a_malformed_language_is_refused_as_in_our_json(form, tag, shown) -> None:
    fhir = _fhir(form)
    fhir["language"] = tag
    with pytest.raises(InvalidResponse) as raised:
        parse_response(response_from_fhir(fhir, form), form)
    assert str(raised.value).splitlines() == [f"language: expected a BCP 47 language tag such as en, es or es-MX, got {shown}"]
