"""The form definition as a FHIR Questionnaire (SDC-style), for EHRs and form renderers.

One group per section, one item per question with linkId = our answer key, so a
QuestionnaireResponse from any SDC renderer maps straight back to a response file. A
repeating medicine list is a repeating group whose fields have linkId `LIST.FIELD`, and
a boolean `LIST.none` item before it carries "I don't take any": FHIR cannot tell an
empty list from an unanswered one, and the rules must. The list is enabled only while
"none" is not Yes, so a renderer neither keeps an empty first row required nor sends
rows beside "none".

Conditions name items that have answers, as FHIR's `enableWhen` requires: a group has
none, so "has at least one row" is "the row's required field exists". Only the sections
the clinic has switched on are in it: a renderer requires what it shows. They choose
what is asked of the same form, so the `url|version` a response cites is the form's.

The texts are in the form's source language, or the one asked for (the Questionnaire's
`language`); every other language the form is written in rides on the same elements as
FHIR's translation extension (see `fhir_translation`): titles, questions, fields, help,
notes and each answer option's display, yes/no/not sure in the form's own words. Some
renderers (LHC-Forms) read no translation extension: they get one export per language.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter, methodcaller
from typing import Any

from intake.interop.fhir_codes import (
    CHOICE_ORIENTATION,
    ITEM_CONTROL,
    ITEM_CONTROL_SYSTEM,
    MAX_OCCURS,
    MAX_VALUE,
    MIN_VALUE,
    NONE_SUFFIX,
    OPTIONS_SYSTEM,
    REGEX,
    UNIT,
    form_url,
    section_link_id,
)
from intake.interop.fhir_translation import InEveryLanguage, in_every_language
from intake.interop.fhir_version import FhirVersion, checked
from intake.questionnaire.form import Condition, Form, Question, QuestionType, Section

ITEM_TYPES = {
    QuestionType.TEXT: "string",
    QuestionType.DATE: "date",
    QuestionType.MONTH: "string",
    QuestionType.INTEGER: "integer",
    QuestionType.NUMBER: "decimal",
    QuestionType.GROUP: "group",
}


def is_coded(question: Question) -> bool:
    return question.type in (QuestionType.CHOICE, QuestionType.YES_NO_UNSURE)


def coding(question: Question, value: str) -> dict[str, str]:
    """An answer as our code, named in this copy of the form's words."""
    return {"system": OPTIONS_SYSTEM, "code": value, "display": question.option_label(value)}


def _bound(url: str, question: Question, value: float) -> dict[str, Any]:
    key = "valueInteger" if question.type is QuestionType.INTEGER else "valueDecimal"
    return {"url": url, key: int(value) if question.type is QuestionType.INTEGER else value}


Enabling = tuple[list[dict[str, Any]], bool]
"""One of our conditions as FHIR `enableWhen` tests, and whether any one of them will do (else all must hold)."""


def _unless(link_id: str, answer: dict[str, Any]) -> Enabling:
    """Enabled unless the item has this answer, so also while it is unanswered ("unless male").

    FHIR's `!=` is false on an unanswered item (LHC-Forms says true): "not answered, or
    answered other" means the same to both."""
    return [
        {"question": link_id, "operator": "exists", "answerBoolean": False},
        {"question": link_id, "operator": "!=", **answer},
    ], True


def answer_item(question: Question) -> str:
    """The linkId whose answer says the question is answered: a group has no answer of its own, and a
    row always has its first required field (the form checks one exists where a condition needs it)."""
    if question.type is not QuestionType.GROUP:
        return question.id
    return f"{question.id}.{next(field.id for field in question.fields if field.required)}"


def _enable_when(form: Form, question: Question, condition: Condition, switched_on: frozenset[str]) -> Enabling:
    target = form.question(condition.question)
    setting = form.section_of(target.id).setting
    if setting and setting not in switched_on:
        raise ValueError(f"{question.id}: enable_when names {target.id}, whose section is switched off ({setting})")
    if condition.answered is not None:
        return [{"question": answer_item(target), "operator": "exists", "answerBoolean": condition.answered}], False
    if condition.equals is not None:
        return [{"question": target.id, "operator": "=", "answerCoding": coding(target, condition.equals)}], False
    assert condition.not_equals is not None
    return _unless(target.id, {"answerCoding": coding(target, condition.not_equals)})


def _enabled_when(link_id: str, enablings: list[Enabling]) -> dict[str, Any]:
    """`enableWhen` and the `enableBehavior` it needs; FHIR has one behavior per item, so an
    either-or condition cannot stand beside another."""
    if not enablings:
        return {}
    if len(enablings) > 1 and any(either for _, either in enablings):
        raise ValueError(f"{link_id}: a 'not equals' condition cannot be combined with another in FHIR's enableWhen")
    tests = [test for part, _ in enablings for test in part]
    found: dict[str, Any] = {"enableWhen": tests}
    if enablings[0][1]:
        found["enableBehavior"] = "any"
    elif len(tests) > 1:
        found["enableBehavior"] = "all"
    return found


Asked = InEveryLanguage[Question]
"""A question (or a group's field) in every language of the form."""


def _answer_options(question: Asked) -> list[dict[str, Any]]:
    codings = [
        {"system": OPTIONS_SYSTEM, "code": value, **question.words("display", methodcaller("option_label", value))}
        for value in question.source.option_values
    ]
    return [{"valueCoding": coding} for coding in codings]


def _extensions(question: Asked) -> list[dict[str, Any]]:
    """Bounds, unit and the month's pattern: what a renderer checks an answer against."""
    source = question.source
    extensions: list[dict[str, Any]] = []
    if source.min is not None and source.max is not None:
        extensions += [_bound(MIN_VALUE, source, source.min), _bound(MAX_VALUE, source, source.max)]
    if source.unit:
        extensions.append({"url": UNIT, "valueCoding": question.words("display", attrgetter("unit"))})
    if source.type is QuestionType.MONTH:
        extensions.append({"url": REGEX, "valueString": r"^\d{4}-(0[1-9]|1[0-2])$"})
    if source.type is QuestionType.GROUP and source.max_rows:
        extensions.append({"url": MAX_OCCURS, "valueInteger": source.max_rows})
    return extensions


def _coded(item: dict[str, Any], question: Asked, version: FhirVersion) -> None:
    """Options as radio buttons, one tap each (SDC itemControl); yes/no/not sure side by side."""
    item["type"] = "choice" if version is FhirVersion.R4 else "coding"
    if version is FhirVersion.R5:
        item["answerConstraint"] = "optionsOnly"
    item["answerOption"] = _answer_options(question)
    control = {"coding": [{"system": ITEM_CONTROL_SYSTEM, "code": "radio-button", "display": "Radio Button"}]}
    item["extension"] = [{"url": ITEM_CONTROL, "valueCodeableConcept": control}]
    if question.source.type is QuestionType.YES_NO_UNSURE:
        item["extension"].append({"url": CHOICE_ORIENTATION, "valueCode": "horizontal"})


def _item(form: Form, question: Asked, version: FhirVersion, link_id: str, enablings: list[Enabling]) -> dict[str, Any]:
    source = question.source
    item: dict[str, Any] = {"linkId": link_id, **question.words("text", attrgetter("text"))}
    if is_coded(source):
        _coded(item, question, version)
    else:
        item["type"] = ITEM_TYPES[source.type]
    if source.required and source.type is not QuestionType.GROUP:
        item["required"] = True
    if source.max_length:
        item["maxLength"] = source.max_length
    if source.type is QuestionType.GROUP:
        item["repeats"] = True
        item["item"] = [_field(form, source, field, version) for field in question.each(attrgetter("fields"))]
    item.update(_enabled_when(link_id, enablings))
    if source.help:
        item.setdefault("item", []).insert(0, _help(question, link_id))
    extensions = _extensions(question)
    if extensions:
        item["extension"] = item.get("extension", []) + extensions
    return item


def _field(form: Form, group: Question, field: Asked, version: FhirVersion) -> dict[str, Any]:
    """A row's field, hidden while a sibling field of its row has a given answer (FHIR finds the
    sibling in the same row first)."""
    hidden = [
        _unless(f"{group.id}.{condition.field}", {"answerCoding": coding(group.field(condition.field), condition.equals)})
        for condition in field.source.hidden_when
    ]
    return _item(form, field, version, f"{group.id}.{field.source.id}", hidden)


def _help(question: Asked, link_id: str) -> dict[str, Any]:
    control = {"coding": [{"system": ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button"}]}
    return {
        "linkId": f"{link_id}.help",
        "type": "display",
        **question.words("text", attrgetter("help")),
        "extension": [{"url": ITEM_CONTROL, "valueCodeableConcept": control}],
    }


def _none_item(question: Asked) -> dict[str, Any]:
    return {"linkId": f"{question.source.id}{NONE_SUFFIX}", "type": "boolean", **question.words("text", attrgetter("none_label"))}


def _question(form: Form, question: Asked, version: FhirVersion, switched_on: frozenset[str]) -> list[dict[str, Any]]:
    """The question's item; a list's "none" item first, and the list enabled unless "none" is Yes."""
    source = question.source
    enablings = [_enable_when(form, source, condition, switched_on) for condition in source.enable_when]
    if source.type is not QuestionType.GROUP:
        return [_item(form, question, version, source.id, enablings)]
    unless_none = _unless(f"{source.id}{NONE_SUFFIX}", {"answerBoolean": True})
    return [_none_item(question), _item(form, question, version, source.id, [*enablings, unless_none])]


def _section(form: Form, section: InEveryLanguage[Section], version: FhirVersion, switched_on: frozenset[str]) -> dict[str, Any]:
    link_id = section_link_id(section.source.id)
    items: list[dict[str, Any]] = []
    if section.source.intro:
        items.append({"linkId": f"{link_id}.intro", "type": "display", **section.words("text", attrgetter("intro"))})
    for question in section.each(attrgetter("questions")):
        items += _question(form, question, version, switched_on)
    return {"linkId": link_id, "type": "group", **section.words("text", attrgetter("title")), "item": items}


def export_questionnaire(
    forms: Mapping[str, Form], version: FhirVersion = FhirVersion.R5, *, switched_on: frozenset[str],
    language: str | None = None,
) -> dict[str, Any]:
    """The Questionnaire of the form in each of its languages (`load_form_languages`: the source first).

    `switched_on`: the optional sections' settings the clinic has on (`optional_sections`);
    the other optional sections are left out. `language`: the one its texts are written
    in (default the source language), for renderers that show no translation extension;
    the same form, so the same url|version, linkIds and codes."""
    form = in_every_language(forms, language)
    source = form.source
    sections = [
        section for section in form.each(attrgetter("sections"))
        if section.source.setting is None or section.source.setting in switched_on
    ]
    questionnaire = {
        "resourceType": "Questionnaire",
        "id": source.id,
        "language": source.language,
        "url": form_url(source),
        "version": source.version,
        "name": "".join(part.capitalize() for part in source.id.split("-")),
        **form.words("title", attrgetter("title")),
        "status": "active",
        "subjectType": ["Patient"],
        "item": [_section(source, section, version, switched_on) for section in sections],
    }
    return checked(questionnaire, version)
