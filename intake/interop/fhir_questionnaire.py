"""The form definition as a FHIR Questionnaire (SDC-style), for EHRs and form renderers.

One group per section, one item per question with linkId = our answer key, so a
QuestionnaireResponse from any SDC renderer maps straight back to a response file. A
repeating medicine list is a repeating group whose fields have linkId `LIST.FIELD`, and
a boolean `LIST.none` item beside it carries "I don't take any": FHIR cannot tell an
empty list from an unanswered one, and the rules must.
"""

from __future__ import annotations

from typing import Any

from intake.interop.fhir_codes import (
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
from intake.interop.fhir_version import FhirVersion, checked
from intake.questionnaire.form import YES_NO_UNSURE_VALUES, Condition, Form, Question, QuestionType

ITEM_TYPES = {
    QuestionType.TEXT: "string",
    QuestionType.DATE: "date",
    QuestionType.MONTH: "string",
    QuestionType.INTEGER: "integer",
    QuestionType.NUMBER: "decimal",
    QuestionType.GROUP: "group",
}
YES_NO_UNSURE_LABELS = {"yes": "Yes", "no": "No", "unsure": "Not sure"}


def is_coded(question: Question) -> bool:
    return question.type in (QuestionType.CHOICE, QuestionType.YES_NO_UNSURE)


def option_pairs(question: Question) -> list[tuple[str, str]]:
    if question.type is QuestionType.YES_NO_UNSURE:
        return [(value, YES_NO_UNSURE_LABELS[value]) for value in YES_NO_UNSURE_VALUES]
    return [(option.value, option.label) for option in question.options]


def coding(question: Question, value: str) -> dict[str, str]:
    return {"system": OPTIONS_SYSTEM, "code": value, "display": dict(option_pairs(question)).get(value, value)}


def _bound(url: str, question: Question, value: float) -> dict[str, Any]:
    key = "valueInteger" if question.type is QuestionType.INTEGER else "valueDecimal"
    return {"url": url, key: int(value) if question.type is QuestionType.INTEGER else value}


def _enable_when(form: Form, condition: Condition) -> tuple[list[dict[str, Any]], str | None]:
    """FHIR conditions for one of ours, and the enableBehavior they need.

    Our `not_equals` is also true while the other question is unanswered ("unless
    male"); FHIR's `!=` is false then, so it becomes "not answered, or answered other".
    """
    if condition.answered is not None:
        return [{"question": condition.question, "operator": "exists", "answerBoolean": condition.answered}], None
    target = form.question(condition.question)
    if condition.equals is not None:
        return [{"question": condition.question, "operator": "=", "answerCoding": coding(target, condition.equals)}], None
    assert condition.not_equals is not None
    return [
        {"question": condition.question, "operator": "exists", "answerBoolean": False},
        {"question": condition.question, "operator": "!=", "answerCoding": coding(target, condition.not_equals)},
    ], "any"


def _item(form: Form, question: Question, version: FhirVersion, link_id: str) -> dict[str, Any]:
    item: dict[str, Any] = {"linkId": link_id, "text": question.text}
    extensions: list[dict[str, Any]] = []
    if is_coded(question):
        item["type"] = "choice" if version is FhirVersion.R4 else "coding"
        if version is FhirVersion.R5:
            item["answerConstraint"] = "optionsOnly"
        item["answerOption"] = [{"valueCoding": coding(question, value)} for value, _label in option_pairs(question)]
    else:
        item["type"] = ITEM_TYPES[question.type]
    if question.required and question.type is not QuestionType.GROUP:
        item["required"] = True
    if question.min is not None and question.max is not None:
        extensions += [_bound(MIN_VALUE, question, question.min), _bound(MAX_VALUE, question, question.max)]
    if question.unit:
        extensions.append({"url": UNIT, "valueCoding": {"display": question.unit}})
    if question.type is QuestionType.MONTH:
        extensions.append({"url": REGEX, "valueString": r"^\d{4}-(0[1-9]|1[0-2])$"})
    if question.max_length:
        item["maxLength"] = question.max_length
    if question.type is QuestionType.GROUP:
        item["repeats"] = True
        if question.max_rows:
            extensions.append({"url": MAX_OCCURS, "valueInteger": question.max_rows})
        item["item"] = [_item(form, field, version, f"{question.id}.{field.id}") for field in question.fields]
    conditions: list[dict[str, Any]] = []
    for condition in question.enable_when:
        found, behavior = _enable_when(form, condition)
        conditions += found
        if behavior:
            item["enableBehavior"] = behavior
    if conditions:
        item["enableWhen"] = conditions
        if len(conditions) > 1 and "enableBehavior" not in item:
            item["enableBehavior"] = "all"
    if question.help:
        item.setdefault("item", []).insert(0, _help(question, link_id))
    if extensions:
        item["extension"] = extensions
    return item


def _help(question: Question, link_id: str) -> dict[str, Any]:
    control = {"coding": [{"system": ITEM_CONTROL_SYSTEM, "code": "help", "display": "Help-Button"}]}
    return {
        "linkId": f"{link_id}.help",
        "type": "display",
        "text": question.help,
        "extension": [{"url": ITEM_CONTROL, "valueCodeableConcept": control}],
    }


def _none_item(question: Question) -> dict[str, Any]:
    return {"linkId": f"{question.id}{NONE_SUFFIX}", "type": "boolean", "text": question.none_label}


def export_questionnaire(form: Form, version: FhirVersion = FhirVersion.R5) -> dict[str, Any]:
    sections = []
    for section in form.sections:
        items: list[dict[str, Any]] = []
        if section.intro:
            items.append({"linkId": f"{section_link_id(section.id)}.intro", "type": "display", "text": section.intro})
        for question in section.questions:
            if question.type is QuestionType.GROUP:
                items.append(_none_item(question))
            items.append(_item(form, question, version, question.id))
        sections.append({"linkId": section_link_id(section.id), "type": "group", "text": section.title, "item": items})
    questionnaire = {
        "resourceType": "Questionnaire",
        "id": form.id,
        "url": form_url(form),
        "version": form.version,
        "name": "".join(part.capitalize() for part in form.id.split("-")),
        "title": form.title,
        "status": "active",
        "subjectType": ["Patient"],
        "item": sections,
    }
    return checked(questionnaire, version)
