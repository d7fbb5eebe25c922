"""The form as a FHIR Questionnaire: valid in R5 and R4B, linkIds = answer keys, SDC shape."""

from __future__ import annotations

from typing import Any

import pytest

from intake.eligibility.ichd3 import ATTACK_FEATURES
from intake.interop.fhir_codes import NONE_SUFFIX
from intake.interop.fhir_questionnaire import export_questionnaire
from intake.interop.fhir_version import FhirVersion


def _items(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for item in items:
        found[item["linkId"]] = item
        found.update(_items(item.get("item", [])))
    return found


@pytest.mark.parametrize("version", list(FhirVersion))
def test_every_question_is_an_item_with_its_key_as_link_id(form, version) -> None:
    questionnaire = export_questionnaire(form, version)
    items = _items(questionnaire["item"])
    assert len(items) == sum(1 for _ in _items(questionnaire["item"]))
    for question in form.questions():
        assert question.id in items, question.id
        assert items[question.id]["text"] == question.text
    link_ids = [item["linkId"] for item in _all(questionnaire["item"])]
    assert len(link_ids) == len(set(link_ids)), "linkIds are unique (FHIR que-2)"


def _all(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [found for item in items for found in (item, *_all(item.get("item", [])))]


def test_types_options_and_bounds(form) -> None:
    r5 = _items(export_questionnaire(form, FhirVersion.R5)["item"])
    r4 = _items(export_questionnaire(form, FhirVersion.R4)["item"])
    assert r5["rf_thunderclap"]["type"] == "coding" and r4["rf_thunderclap"]["type"] == "choice"
    assert [o["valueCoding"]["code"] for o in r5["rf_thunderclap"]["answerOption"]] == ["yes", "no", "unsure"]
    assert r5["headache_days"]["type"] == "integer"
    bounds = {e["url"].rsplit("/", 1)[-1]: e.get("valueInteger") for e in r5["headache_days"]["extension"] if "Value" in e["url"]}
    assert bounds == {"minValue": 0, "maxValue": 31}
    assert r5["hours_per_day"]["type"] == "decimal"
    assert r5["date_of_birth"]["type"] == "date" and r5["given_name"]["required"] is True


def test_medicine_lists_are_repeating_groups_with_a_none_item(form) -> None:
    items = _items(export_questionnaire(form)["item"])
    group = items["preventives"]
    assert group["type"] == "group" and group["repeats"] is True
    assert {child["linkId"] for child in group["item"] if child["type"] != "display"} >= {
        "preventives.medicine", "preventives.weeks", "preventives.outcome"}
    assert items[f"preventives{NONE_SUFFIX}"]["type"] == "boolean"


def test_enable_when_keeps_our_meaning(form) -> None:
    items = _items(export_questionnaire(form)["item"])
    botox = items["botox_cycles"]["enableWhen"]
    assert botox == [{"question": "prior_botox", "operator": "=", "answerCoding": botox[0]["answerCoding"]}]
    assert botox[0]["answerCoding"]["code"] == "yes"
    pregnant = items["pregnant"]
    assert pregnant["enableBehavior"] == "any"
    assert [(c["operator"], c.get("answerBoolean")) for c in pregnant["enableWhen"]] == [("exists", False), ("!=", None)]
    assert items["acute_months"]["enableWhen"] == [{"question": "acute_medicines", "operator": "exists", "answerBoolean": True}]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_attack_features_are_optional_coded_items_of_the_headache_section(form, version) -> None:
    questionnaire = export_questionnaire(form, version)
    section = next(item for item in questionnaire["item"] if item["linkId"] == "section-headache_pattern")
    children = {item["linkId"]: item for item in section["item"]}
    for key in ATTACK_FEATURES:
        assert [o["valueCoding"]["code"] for o in children[key]["answerOption"]] == ["yes", "no", "unsure"]
        assert "required" not in children[key] and "enableWhen" not in children[key]
    assert questionnaire["version"] == "2026.2"
