"""The form definition as a FHIR Questionnaire (SDC-style), for EHRs and form renderers.

One group per section, one item per question with linkId = our answer key, so a
QuestionnaireResponse from any SDC renderer maps straight back to a response file. A
repeating medicine list is a repeating group whose fields have linkId `LIST.FIELD`, and
a boolean `LIST.none` item beside it carries "I don't take any": FHIR cannot tell an
empty list from an unanswered one, and the rules must.

The texts are in the form's source language (the Questionnaire's `language`); every
other language the form is written in rides on the same elements as FHIR's translation
extension (see `fhir_translation`): titles, questions, fields, help, notes and each
answer option's display, yes/no/not sure in the form's own words.
"""

from __future__ import annotations

from collections.abc import Mapping
from operator import attrgetter, methodcaller
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


def _conditions(form: Form, question: Question) -> dict[str, Any]:
    """`enableWhen` and the `enableBehavior` it needs, when the question has conditions."""
    found: dict[str, Any] = {}
    conditions: list[dict[str, Any]] = []
    for condition in question.enable_when:
        tests, behavior = _enable_when(form, condition)
        conditions += tests
        if behavior:
            found["enableBehavior"] = behavior
    if conditions:
        found["enableWhen"] = conditions
        if len(conditions) > 1:
            found.setdefault("enableBehavior", "all")
    return found


def _item(form: Form, question: Asked, version: FhirVersion, link_id: str) -> dict[str, Any]:
    source = question.source
    item: dict[str, Any] = {"linkId": link_id, **question.words("text", attrgetter("text"))}
    if is_coded(source):
        item["type"] = "choice" if version is FhirVersion.R4 else "coding"
        if version is FhirVersion.R5:
            item["answerConstraint"] = "optionsOnly"
        item["answerOption"] = _answer_options(question)
    else:
        item["type"] = ITEM_TYPES[source.type]
    if source.required and source.type is not QuestionType.GROUP:
        item["required"] = True
    if source.max_length:
        item["maxLength"] = source.max_length
    if source.type is QuestionType.GROUP:
        item["repeats"] = True
        fields = question.each(attrgetter("fields"))
        item["item"] = [_item(form, field, version, f"{source.id}.{field.source.id}") for field in fields]
    item.update(_conditions(form, source))
    if source.help:
        item.setdefault("item", []).insert(0, _help(question, link_id))
    extensions = _extensions(question)
    if extensions:
        item["extension"] = extensions
    return item


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


def _section(form: Form, section: InEveryLanguage[Section], version: FhirVersion) -> dict[str, Any]:
    link_id = section_link_id(section.source.id)
    items: list[dict[str, Any]] = []
    if section.source.intro:
        items.append({"linkId": f"{link_id}.intro", "type": "display", **section.words("text", attrgetter("intro"))})
    for question in section.each(attrgetter("questions")):
        if question.source.type is QuestionType.GROUP:
            items.append(_none_item(question))
        items.append(_item(form, question, version, question.source.id))
    return {"linkId": link_id, "type": "group", **section.words("text", attrgetter("title")), "item": items}


def export_questionnaire(forms: Mapping[str, Form], version: FhirVersion = FhirVersion.R5) -> dict[str, Any]:
    """The Questionnaire of the form in each of its languages (`load_form_languages`: the source first)."""
    form = in_every_language(forms)
    source = form.source
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
        "item": [_section(source, section, version) for section in form.each(attrgetter("sections"))],
    }
    return checked(questionnaire, version)

