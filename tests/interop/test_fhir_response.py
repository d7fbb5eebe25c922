"""QuestionnaireResponse both ways: every vignette round-trips to the same assessment."""

from __future__ import annotations

import copy
import time
from datetime import date
from zoneinfo import ZoneInfo

import pytest

from cases import POLICIES, VIGNETTES
from intake.eligibility import evaluate, load_rules
from intake.interop.fhir_codes import OPTIONS_SYSTEM
from intake.interop.fhir_response import response_from_fhir, to_questionnaire_response
from intake.interop.fhir_version import FhirVersion, checked
from intake.questionnaire.expressions import age_on
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


# What FHIR can say that our JSON cannot ----------------------------------------------

NONE_YES = {"linkId": "acute_medicines.none", "answer": [{"valueBoolean": True}]}


@pytest.mark.parametrize("none_first", [True, False], ids=["none before the rows", "none after the rows"])
def test_none_beside_rows_is_refused_whichever_comes_first(form, none_first) -> None:
    """LHC-Forms writes "none" before the rows (the Questionnaire's order); the rows used to win then."""
    fhir = _fhir(form)
    section = _find(fhir["item"], "section-acute_medicines")["item"]
    section.insert(0 if none_first else len(section), copy.deepcopy(NONE_YES))
    with pytest.raises(InvalidResponse) as raised:
        response_from_fhir(fhir, form)
    assert [problem.cli_text for problem in raised.value.problems] == [
        "acute_medicines: expected rows or \"I don't take any\", not both, got both"]


def test_none_no_beside_rows_keeps_the_rows_and_alone_answers_nothing(form) -> None:
    fhir = _fhir(form)
    section = _find(fhir["item"], "section-acute_medicines")["item"]
    section.insert(0, {"linkId": "acute_medicines.none", "answer": [{"valueBoolean": False}]})
    assert len(response_from_fhir(fhir, form)["answers"]["acute_medicines"]) == 2
    section[:] = [item for item in section if item["linkId"] == "acute_medicines.none"]
    assert "acute_medicines" not in response_from_fhir(fhir, form)["answers"]


@pytest.mark.parametrize(
    ("answer", "problem"),
    [([{"valueString": "yes"}], "expected valueBoolean, got valueString"), ([], "expected exactly one answer, got 0"),
     ([{"valueBoolean": True}] * 2, "expected exactly one answer, got 2")],
)
def test_none_must_be_one_boolean(form, answer, problem) -> None:
    fhir = _fhir(form, "V06")
    _find(fhir["item"], "section-acute_medicines")["item"].insert(0, {"linkId": "acute_medicines.none", "answer": answer})
    with pytest.raises(InvalidResponse) as raised:
        response_from_fhir(fhir, form)
    assert [p.cli_text for p in raised.value.problems] == [f"acute_medicines.none: {problem}"]


def test_none_twice_is_refused(form) -> None:
    response = parse_response(_fhir_free(form), form).to_json_dict()
    response["answers"]["preventives"] = []
    fhir = to_questionnaire_response(form, response)
    section = _find(fhir["item"], "section-preventives")["item"]
    section.append(copy.deepcopy(section[0]))
    with pytest.raises(InvalidResponse, match=r"preventives\.none: expected one item per question, got the linkId twice"):
        response_from_fhir(fhir, form)


BORN = "2008-11-25"
NEW_YORK = ZoneInfo("America/New_York")


@pytest.mark.parametrize("authored", ["2026-11-25T02:00:00Z", "2026-11-24T21:00:00-05:00"])
def test_a_moment_is_the_clinics_day_before_the_age_is_counted(form, authored) -> None:
    """The same moment in UTC and in New York's own offset: the same day in New York, so the same age (17)."""
    fhir = _fhir(form)
    fhir["authored"] = authored
    _find(fhir["item"], "date_of_birth")["answer"] = [{"valueDate": BORN}]
    response = parse_response(response_from_fhir(fhir, form, NEW_YORK), form)
    assert response.authored == date(2026, 11, 24)
    assert age_on(response.answers["date_of_birth"], response.authored) == 17
    fhir["authored"] = "2026-11-24"
    same_day = parse_response(response_from_fhir(fhir, form, NEW_YORK), form)
    for policy in POLICIES:
        rules = load_rules(policy)
        assert evaluate(response, rules, form).to_json_dict() == evaluate(same_day, rules, form).to_json_dict()


@pytest.mark.parametrize(("zone", "day"), [("Europe/Madrid", "2026-11-25"), ("Pacific/Kiritimati", "2026-11-25"),
                                           ("Pacific/Pago_Pago", "2026-11-24")])
def test_the_day_is_the_one_in_the_clinics_zone(form, zone, day) -> None:
    fhir = _fhir(form)
    fhir["authored"] = "2026-11-25T02:00:00Z"
    assert response_from_fhir(fhir, form, ZoneInfo(zone))["authored"] == day


def test_without_a_zone_the_day_is_this_computers(form, monkeypatch) -> None:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    try:
        fhir = _fhir(form)
        fhir["authored"] = "2026-11-25T02:00:00Z"
        assert response_from_fhir(fhir, form)["authored"] == "2026-11-24"
    finally:
        monkeypatch.undo()
        time.tzset()


@pytest.mark.parametrize(("authored", "problem"), [
    ("2026-11-25T02:00:00", "fhir authored: expected a valid QuestionnaireResponse, got: Value error, DateTime value string "
                            "does not match spec regex."),
    ("2026-11", 'authored: expected the date the answers were given, as YYYY-MM-DD, got "2026-11"'),
    ("2026-11-24T23:59:60Z", 'authored: expected the date the answers were given, as YYYY-MM-DD, got "2026-11-24T23:59:60Z"'),
], ids=["a time without its zone", "a month", "a leap second"])
def test_an_authored_that_is_not_a_day_or_a_moment_is_refused(form, authored, problem) -> None:
    fhir = _fhir(form)
    fhir["authored"] = authored
    with pytest.raises(InvalidResponse) as raised:
        parse_response(response_from_fhir(fhir, form, NEW_YORK), form)
    assert [p.cli_text for p in raised.value.problems] == [problem]


CANONICAL = "https://headache-intake.example.org/fhir/Questionnaire/headache-intake"


@pytest.mark.parametrize(
    ("cited", "line"),
    [
        (None, f"questionnaire: expected {CANONICAL}|2026.2 (the form and version answered), got nothing"),
        (f"{CANONICAL}|2026.1", f"questionnaire: expected {CANONICAL}|2026.2 (version 2026.2 of this form), got version 2026.1"),
        (CANONICAL, f"questionnaire: expected {CANONICAL}|2026.2 (version 2026.2 of this form), got no version"),
        ("http://loinc.org/q/44249-1|2.0",
         f"questionnaire: expected {CANONICAL}|2026.2, got http://loinc.org/q/44249-1|2.0 (another form)"),
    ],
    ids=["none cited", "another version", "no version", "another form"],
)
def test_the_response_must_cite_this_form_and_version(form, cited, line) -> None:
    fhir = _fhir(form)
    assert fhir["questionnaire"] == f"{CANONICAL}|2026.2"
    fhir.pop("questionnaire")
    if cited is not None:
        fhir["questionnaire"] = cited
    with pytest.raises(InvalidResponse) as raised:
        response_from_fhir(fhir, form)
    assert [problem.cli_text for problem in raised.value.problems] == [line]


def test_an_answer_to_a_question_a_renderer_hides_is_refused_as_in_our_json(form) -> None:
    """`botox_cycles` is asked only after prior Botox = yes: a response answering it anyway is wrong, from any sender."""
    fhir = _fhir(form)
    assert _find(fhir["item"], "prior_botox")["answer"][0]["valueCoding"]["code"] == "no"
    _find(fhir["item"], "section-prior_botox")["item"].append({"linkId": "botox_cycles", "answer": [{"valueInteger": 3}]})
    with pytest.raises(InvalidResponse) as raised:
        parse_response(response_from_fhir(fhir, form), form)
    assert str(raised.value) == "botox_cycles: asked only when prior_botox is yes (prior_botox is no), got an answer"
