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


def with_every_section(forms: dict[str, Form], version: FhirVersion = FhirVersion.R5) -> dict[str, Any]:
    """The Questionnaire with every optional section switched on."""
    return export_questionnaire(forms, version, switched_on=next(iter(forms.values())).settings_used)


def _items(items: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    found = {}
    for item in items:
        found[item["linkId"]] = item
        found.update(_items(item.get("item", [])))
    return found


@pytest.mark.parametrize("version", list(FhirVersion))
def test_every_question_is_an_item_with_its_key_as_link_id(form, form_languages, version) -> None:
    questionnaire = with_every_section(form_languages, version)
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
    r5 = _items(with_every_section(form_languages, FhirVersion.R5)["item"])
    r4 = _items(with_every_section(form_languages, FhirVersion.R4)["item"])
    assert r5["rf_thunderclap"]["type"] == "coding" and r4["rf_thunderclap"]["type"] == "choice"
    assert [o["valueCoding"]["code"] for o in r5["rf_thunderclap"]["answerOption"]] == ["yes", "no", "unsure"]
    assert r5["headache_days"]["type"] == "integer"
    bounds = {e["url"].rsplit("/", 1)[-1]: e.get("valueInteger") for e in r5["headache_days"]["extension"] if "Value" in e["url"]}
    assert bounds == {"minValue": 0, "maxValue": 31}
    assert r5["hours_per_day"]["type"] == "decimal"
    assert r5["date_of_birth"]["type"] == "date" and r5["given_name"]["required"] is True


def test_medicine_lists_are_repeating_groups_with_a_none_item(form_languages) -> None:
    items = _items(with_every_section(form_languages)["item"])
    group = items["preventives"]
    assert group["type"] == "group" and group["repeats"] is True
    assert {child["linkId"] for child in group["item"] if child["type"] != "display"} >= {
        "preventives.medicine", "preventives.weeks", "preventives.outcome"}
    assert items[f"preventives{NONE_SUFFIX}"]["type"] == "boolean"


def test_enable_when_keeps_our_meaning(form_languages) -> None:
    items = _items(with_every_section(form_languages)["item"])
    botox = items["botox_cycles"]["enableWhen"]
    assert botox == [{"question": "prior_botox", "operator": "=", "answerCoding": botox[0]["answerCoding"]}]
    assert botox[0]["answerCoding"]["code"] == "yes"
    pregnant = items["pregnant"]
    assert pregnant["enableBehavior"] == "any"
    assert [(c["operator"], c.get("answerBoolean")) for c in pregnant["enableWhen"]] == [("exists", False), ("!=", None)]


def test_has_rows_is_asked_of_the_rows_required_field_not_of_the_group(form_languages) -> None:
    """FHIR's `exists` is about an item's answer, and a group has none: a renderer never showed the two follow-ups."""
    items = _items(with_every_section(form_languages)["item"])
    for follow_up in ("acute_distinct_days", "acute_months"):
        assert items[follow_up]["enableWhen"] == [
            {"question": "acute_medicines.medicine", "operator": "exists", "answerBoolean": True}]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_every_condition_names_an_item_that_has_answers(form_languages, version) -> None:
    items = _items(with_every_section(form_languages, version)["item"])
    named = {(link_id, test["question"]) for link_id, item in items.items() for test in item.get("enableWhen", [])}
    assert named, "the form has conditions"
    assert [(link_id, question) for link_id, question in named
            if question not in items or items[question]["type"] in ("group", "display")] == []


def test_a_medicine_list_is_enabled_unless_none_is_yes(form_languages) -> None:
    """With "none" = Yes no empty first row stays required, and no rows can stand beside it."""
    questionnaire = with_every_section(form_languages)
    items = _items(questionnaire["item"])
    for group in ("acute_medicines", "preventives"):
        assert items[group]["enableBehavior"] == "any"
        assert items[group]["enableWhen"] == [
            {"question": f"{group}{NONE_SUFFIX}", "operator": "exists", "answerBoolean": False},
            {"question": f"{group}{NONE_SUFFIX}", "operator": "!=", "answerBoolean": True},
        ]
        section = next(item for item in questionnaire["item"] if item["linkId"] == f"section-{group}")
        order = [item["linkId"] for item in section["item"]]
        assert order.index(f"{group}{NONE_SUFFIX}") < order.index(group), "'none' comes first, as the rows depend on it"


def test_a_row_field_is_hidden_by_its_own_rows_answer(form_languages) -> None:
    stopped = _items(with_every_section(form_languages)["item"])["preventives.stopped"]
    assert stopped["enableBehavior"] == "any"
    assert [(test["question"], test["operator"], test.get("answerCoding", {}).get("code")) for test in stopped["enableWhen"]] == [
        ("preventives.outcome", "exists", None), ("preventives.outcome", "!=", "still_taking")]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_only_the_sections_the_clinic_switched_on_are_exported(form, form_languages, version) -> None:
    """MIDAS off: a renderer must not require seven answers the kiosk never asks."""
    off = _items(export_questionnaire(form_languages, version, switched_on=frozenset())["item"])
    on = _items(export_questionnaire(form_languages, version, switched_on=frozenset({"midas"}))["item"])
    midas = {question.id for question in form.section_of("midas_1").questions}
    assert midas & set(off) == set() and "section-midas" not in off
    assert midas <= set(on) and "section-midas" in on
    assert {link_id.split(".")[0] for link_id in set(on) - set(off)} == midas | {"section-midas"}
    assert {link_id: on[link_id] for link_id in off} == off, "the rest is the same"


def _controls(item: dict[str, Any]) -> list[str]:
    return [coding["code"] for extension in item.get("extension", []) if extension["url"].endswith("itemControl")
            for coding in extension["valueCodeableConcept"]["coding"]]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_every_coded_item_is_radio_buttons(form_languages, version) -> None:
    """One tap per answer, where a renderer would otherwise open a drop-down."""
    items = _items(with_every_section(form_languages, version)["item"])
    coded = {link_id for link_id, item in items.items() if "answerOption" in item}
    assert {"sex_at_birth", "aura", "preventives.outcome", "rf_thunderclap"} <= coded
    assert [link_id for link_id in coded if _controls(items[link_id]) != ["radio-button"]] == []
    assert "radio-button" not in _controls(items["headache_days"])


def _with_conditions(tmp_path, conditions: list[dict[str, Any]]) -> dict[str, Form]:
    data = copy.deepcopy(TWO_LANGUAGES)
    data["sections"][0]["questions"][1]["enable_when"] = conditions
    return load_form_languages(written(tmp_path, data))


def test_an_unless_condition_beside_another_is_refused_naming_the_question(tmp_path) -> None:
    """FHIR has one enableBehavior per item: "unanswered or not yes" cannot be ANDed with another test."""
    forms = _with_conditions(tmp_path, [{"question": "aura", "not_equals": "yes"}, {"question": "aura", "answered": True}])
    with pytest.raises(ValueError, match="days: a 'not equals' condition cannot be combined with another"):
        with_every_section(forms)


def test_conditions_that_all_must_hold_say_so(tmp_path) -> None:
    forms = _with_conditions(tmp_path, [{"question": "aura", "answered": True}, {"question": "aura", "equals": "yes"}])
    days = _items(with_every_section(forms)["item"])["days"]
    assert days["enableBehavior"] == "all" and [test["operator"] for test in days["enableWhen"]] == ["exists", "="]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_attack_features_are_optional_coded_items_of_the_headache_section(form_languages, version) -> None:
    questionnaire = with_every_section(form_languages, version)
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
    questionnaire = with_every_section(two_languages, version)
    assert checked(questionnaire, version) == questionnaire, "valid in fhir.resources"
    assert questionnaire["language"] == "en"
    assert _untranslated(questionnaire, "es") == []
    assert (questionnaire["title"], _translations(questionnaire, "title")) == (
        "Headache questions", {"es": "Preguntas sobre el dolor de cabeza"})


def test_each_text_is_translated_by_its_own_spanish(two_languages) -> None:
    items = _items(with_every_section(two_languages)["item"])
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
    items = _items(with_every_section(two_languages)["item"])

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
    items = _items(with_every_section(load_form_languages(written(tmp_path, data)))["item"])
    unsure = items["aura"]["answerOption"][2]["valueCoding"]
    assert (unsure["display"], _translations(unsure, "display")) == ("Don't know", {"es": "No lo sé"})


def test_the_form_in_only_some_of_its_languages_is_refused(two_languages) -> None:
    with pytest.raises(ValueError, match="expected the form in en, es"):
        with_every_section({"en": two_languages["en"]})
    with pytest.raises(ValueError, match="the source language first"):
        with_every_section({"es": two_languages["es"], "en": two_languages["en"]})


def test_a_form_in_one_language_has_no_translations(tmp_path) -> None:
    english = {key: value for key, value in TWO_LANGUAGES.items() if key != "languages"}
    only = load_form_languages(written(tmp_path, _in_english(english)))
    questionnaire = with_every_section(only)
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
    questionnaire = with_every_section(default_form_languages(), version)
    assert checked(questionnaire, version) == questionnaire
    assert _untranslated(questionnaire, "es") == []


def _shape(items: list[dict[str, Any]]) -> list[Any]:
    """What does not depend on the language: linkIds, types, codes, conditions' codes, in order."""
    return [
        (item["linkId"], item["type"], [o["valueCoding"]["code"] for o in item.get("answerOption", [])],
         [(w["question"], w["operator"], w.get("answerCoding", {}).get("code", w.get("answerBoolean")))
          for w in item.get("enableWhen", [])],
         _shape(item.get("item", [])))
        for item in items
    ]


@pytest.mark.parametrize("version", list(FhirVersion))
def test_in_spanish_the_texts_are_spanish_and_the_form_is_the_same(two_languages, version) -> None:
    """For renderers that read no translation extension: the same form, its words in Spanish, English as translation."""
    english = with_every_section(two_languages, version)
    spanish = export_questionnaire(two_languages, version, switched_on=two_languages["en"].settings_used, language="es")
    assert checked(spanish, version) == spanish
    assert (spanish["language"], spanish["title"]) == ("es", "Preguntas sobre el dolor de cabeza")
    assert {key: spanish[key] for key in ("id", "url", "version")} == {key: english[key] for key in ("id", "url", "version")}
    assert _shape(spanish["item"]) == _shape(english["item"])
    items = _items(spanish["item"])
    assert (items["days"]["text"], _translations(items["days"], "text")) == ("¿Días con dolor?", {"en": "Headache days?"})
    assert [o["valueCoding"]["display"] for o in items["side"]["answerOption"]] == ["Izquierdo", "Derecho"]
    assert _untranslated(spanish, "en") == []


def test_a_language_the_form_lacks_is_refused_naming_its_languages(two_languages) -> None:
    with pytest.raises(ValueError, match="not written in 'fr'; its languages: en, es"):
        export_questionnaire(two_languages, switched_on=frozenset(), language="fr")
