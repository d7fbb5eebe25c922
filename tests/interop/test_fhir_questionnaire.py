"""The form as a FHIR Questionnaire: valid in R5 and R4B, linkIds = answer keys, SDC shape,
every language's words in FHIR's translation extension."""

from __future__ import annotations

import copy
import json
from typing import Any

import pytest

from intake.eligibility.ichd3 import ATTACK_FEATURES
from intake.interop.fhir_codes import NONE_SUFFIX, UNIT
from intake.interop.fhir_questionnaire import export_questionnaire
from intake.interop.fhir_translation import TRANSLATION
from intake.interop.fhir_version import FhirVersion, checked
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form_languages, load_form_languages
from two_languages import TWO_LANGUAGES, written


def _items(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for item in items:
        found[item["linkId"]] = item
        found.update(_items(item.get("item", [])))
    return found


@pytest.mark.parametrize("version", list(FhirVersion))
def test_every_question_is_an_item_with_its_key_as_link_id(form, form_languages, version) -> None:
    questionnaire = export_questionnaire(form_languages, version)
    items = _items(questionnaire["item"])
    assert len(items) == sum(1 for _ in _items(questionnaire["item"]))
    for question in form.questions():
        assert question.id in items, question.id
        assert items[question.id]["text"] == question.text
    link_ids = [item["linkId"] for item in _all(questionnaire["item"])]
    assert len(link_ids) == len(set(link_ids)), "linkIds are unique (FHIR que-2)"


def _all(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [found for item in items for found in (item, *_all(item.get("item", [])))]


def test_types_options_and_bounds(form_languages) -> None:
    r5 = _items(export_questionnaire(form_languages, FhirVersion.R5)["item"])
    r4 = _items(export_questionnaire(form_languages, FhirVersion.R4)["item"])
    assert r5["rf_thunderclap"]["type"] == "coding" and r4["rf_thunderclap"]["type"] == "choice"
    assert [o["valueCoding"]["code"] for o in r5["rf_thunderclap"]["answerOption"]] == ["yes", "no", "unsure"]
    assert r5["headache_days"]["type"] == "integer"
    bounds = {e["url"].rsplit("/", 1)[-1]: e.get("valueInteger") for e in r5["headache_days"]["extension"] if "Value" in e["url"]}
    assert bounds == {"minValue": 0, "maxValue": 31}
    assert r5["hours_per_day"]["type"] == "decimal"
    assert r5["date_of_birth"]["type"] == "date" and r5["given_name"]["required"] is True


def test_medicine_lists_are_repeating_groups_with_a_none_item(form_languages) -> None:
    items = _items(export_questionnaire(form_languages)["item"])
    group = items["preventives"]
    assert group["type"] == "group" and group["repeats"] is True
    assert {child["linkId"] for child in group["item"] if child["type"] != "display"} >= {
        "preventives.medicine", "preventives.weeks", "preventives.outcome"}
    assert items[f"preventives{NONE_SUFFIX}"]["type"] == "boolean"


def test_enable_when_keeps_our_meaning(form_languages) -> None:
    items = _items(export_questionnaire(form_languages)["item"])
    botox = items["botox_cycles"]["enableWhen"]
    assert botox == [{"question": "prior_botox", "operator": "=", "answerCoding": botox[0]["answerCoding"]}]
    assert botox[0]["answerCoding"]["code"] == "yes"
    pregnant = items["pregnant"]
    assert pregnant["enableBehavior"] == "any"
    assert [(c["operator"], c.get("answerBoolean")) for c in pregnant["enableWhen"]] == [("exists", False), ("!=", None)]
    assert items["acute_months"]["enableWhen"] == [{"question": "acute_medicines", "operator": "exists", "answerBoolean": True}]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_attack_features_are_optional_coded_items_of_the_headache_section(form_languages, version) -> None:
    questionnaire = export_questionnaire(form_languages, version)
    section = next(item for item in questionnaire["item"] if item["linkId"] == "section-headache_pattern")
    children = {item["linkId"]: item for item in section["item"]}
    for key in ATTACK_FEATURES:
        assert [o["valueCoding"]["code"] for o in children[key]["answerOption"]] == ["yes", "no", "unsure"]
        assert "required" not in children[key] and "enableWhen" not in children[key]
    assert questionnaire["version"] == "2026.2"


# Every language of the form -------------------------------------------------------

EVERY_KIND_OF_TEXT = {
    "id": "medicines",
    "title": {"en": "Medicines", "es": "Medicamentos"},
    "intro": {"en": "What you take.", "es": "Lo que toma."},
    "questions": [
        {"id": "side", "type": "choice", "text": {"en": "Which side?", "es": "¿De qué lado?"},
         "label": {"en": "Side", "es": "Lado"}, "help": {"en": "Where it hurts most.", "es": "Donde más le duele."},
         "options": [{"value": "left", "label": {"en": "Left", "es": "Izquierdo"}},
                     {"value": "right", "label": {"en": "Right", "es": "Derecho"}}]},
        {"id": "pills", "type": "group", "text": {"en": "Pills you take?", "es": "¿Qué pastillas toma?"},
         "label": {"en": "Pills", "es": "Pastillas"}, "add_label": {"en": "Add a pill", "es": "Añadir una pastilla"},
         "none_label": {"en": "I don't take any", "es": "No tomo ninguna"},
         "fields": [
             {"id": "name", "type": "text", "text": {"en": "Name", "es": "Nombre"}, "label": {"en": "Name", "es": "Nombre"}},
             {"id": "helps", "type": "yes_no_unsure", "text": {"en": "Does it help?", "es": "¿Le ayuda?"},
              "label": {"en": "Helps", "es": "Ayuda"}},
         ]},
    ],
}


@pytest.fixture
def two_languages(tmp_path) -> dict[str, Form]:
    data = copy.deepcopy(TWO_LANGUAGES)
    data["sections"].append(EVERY_KIND_OF_TEXT)
    return load_form_languages(written(tmp_path, data))


def _translations(element: dict[str, Any], key: str) -> dict[str, str]:
    """The words of `element[key]` in each other language, as FHIR's translation extension carries them."""
    found = {}
    for extension in element.get(f"_{key}", {}).get("extension", []):
        assert extension["url"] == TRANSLATION
        parts = {part["url"]: part for part in extension["extension"]}
        assert set(parts) == {"lang", "content"}
        found[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return found


def _untranslated(questionnaire: dict[str, Any], language: str) -> list[str]:
    """Every text of the Questionnaire without words in `language`: item texts, option displays, units, the title."""
    missing = [] if language in _translations(questionnaire, "title") else ["title"]
    for item in _all(questionnaire["item"]):
        if "text" in item and language not in _translations(item, "text"):
            missing.append(item["linkId"])
        for option in item.get("answerOption", []):
            if language not in _translations(option["valueCoding"], "display"):
                missing.append(f"{item['linkId']}={option['valueCoding']['code']}")
        for extension in item.get("extension", []):
            if extension["url"] == UNIT and language not in _translations(extension["valueCoding"], "display"):
                missing.append(f"{item['linkId']} unit")
    return missing


@pytest.mark.parametrize("version", list(FhirVersion))
def test_every_text_carries_its_spanish_and_the_questionnaire_is_in_the_source_language(two_languages, version) -> None:
    questionnaire = export_questionnaire(two_languages, version)
    assert checked(questionnaire, version) == questionnaire, "valid in fhir.resources"
    assert questionnaire["language"] == "en"
    assert _untranslated(questionnaire, "es") == []
    assert (questionnaire["title"], _translations(questionnaire, "title")) == (
        "Headache questions", {"es": "Preguntas sobre el dolor de cabeza"})


def test_each_text_is_translated_by_its_own_spanish(two_languages) -> None:
    items = _items(export_questionnaire(two_languages)["item"])
    spanish = {link_id: _translations(item, "text")["es"] for link_id, item in items.items()}
    assert spanish == {
        "section-pattern": "Sus dolores de cabeza",
        "aura": "¿Señales de aviso?",
        "days": "¿Días con dolor?",
        "section-medicines": "Medicamentos",
        "section-medicines.intro": "Lo que toma.",
        "side": "¿De qué lado?",
        "side.help": "Donde más le duele.",
        "pills.none": "No tomo ninguna",
        "pills": "¿Qué pastillas toma?",
        "pills.name": "Nombre",
        "pills.helps": "¿Le ayuda?",
    }
    assert [items["days"]["text"], items["side.help"]["text"]] == ["Headache days?", "Where it hurts most."]


def test_options_are_shown_in_the_forms_words_in_each_language(two_languages) -> None:
    items = _items(export_questionnaire(two_languages)["item"])

    def shown(link_id: str) -> list[tuple[str, str, str]]:
        codings = [option["valueCoding"] for option in items[link_id]["answerOption"]]
        return [(coding["code"], coding["display"], _translations(coding, "display")["es"]) for coding in codings]

    assert shown("aura") == [("yes", "Yes", "Sí"), ("no", "No", "No"), ("unsure", "Not sure", "No sé")]
    assert shown("pills.helps") == shown("aura"), "a group's yes/no/not sure field too"
    assert shown("side") == [("left", "Left", "Izquierdo"), ("right", "Right", "Derecho")]
    unit = next(e["valueCoding"] for e in items["days"]["extension"] if e["url"] == UNIT)
    assert (unit["display"], _translations(unit, "display")) == ("days a month", {"es": "días al mes"})


def test_the_forms_words_for_yes_and_no_are_the_ones_exported(tmp_path) -> None:
    data = copy.deepcopy(TWO_LANGUAGES)
    data["yes_no_unsure"][2]["label"] = {"en": "Don't know", "es": "No lo sé"}
    items = _items(export_questionnaire(load_form_languages(written(tmp_path, data)))["item"])
    unsure = items["aura"]["answerOption"][2]["valueCoding"]
    assert (unsure["display"], _translations(unsure, "display")) == ("Don't know", {"es": "No lo sé"})


def test_the_form_in_only_some_of_its_languages_is_refused(two_languages) -> None:
    with pytest.raises(ValueError, match="expected the form in en, es"):
        export_questionnaire({"en": two_languages["en"]})
    with pytest.raises(ValueError, match="the source language first"):
        export_questionnaire({"es": two_languages["es"], "en": two_languages["en"]})


def test_a_form_in_one_language_has_no_translations(tmp_path) -> None:
    english = {key: value for key, value in TWO_LANGUAGES.items() if key != "languages"}
    only = load_form_languages(written(tmp_path, _in_english(english)))
    questionnaire = export_questionnaire(only)
    assert questionnaire["language"] == "en"
    assert "_text" not in json.dumps(questionnaire) and "_title" not in questionnaire


def _in_english(node: Any) -> Any:
    """The tiny form with each `{en: ..., es: ...}` text as its English words."""
    if isinstance(node, dict):
        return node["en"] if set(node) == {"en", "es"} else {key: _in_english(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_in_english(item) for item in node]
    return node


@pytest.mark.parametrize("version", list(FhirVersion))
def test_the_shipped_questionnaire_has_spanish_for_every_text(version) -> None:
    """Every item with text has a `translation` extension for `es` (issue 19), and the export stays valid."""
    questionnaire = export_questionnaire(default_form_languages(), version)
    assert checked(questionnaire, version) == questionnaire
    assert _untranslated(questionnaire, "es") == []
