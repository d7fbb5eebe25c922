"""A response file as a FHIR QuestionnaireResponse, and back.

Writing nests items as the Questionnaire does (section groups, repeated group entries
for medicine rows). Reading accepts a QuestionnaireResponse, or a Bundle holding exactly
one, from R4(B) or R5, and turns it into a response file that then goes through
`parse_response`: the same checks and the same error lines as our own JSON, with FHIR
shape problems named by linkId.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.interop.fhir_codes import NONE_SUFFIX, OPTIONS_SYSTEM, canonical, form_url, section_link_id
from intake.interop.fhir_questionnaire import coding, is_coded
from intake.interop.fhir_version import FhirVersion, InvalidFhir, checked
from intake.plain_text import one_line
from intake.questionnaire.engine import Problem
from intake.questionnaire.form import Form, Question, QuestionType
from intake.questionnaire.response import InvalidResponse

_LONGEST_LINK_ID = 40
VALUE_KEY = {
    QuestionType.TEXT: "valueString",
    QuestionType.MONTH: "valueString",
    QuestionType.DATE: "valueDate",
    QuestionType.INTEGER: "valueInteger",
    QuestionType.NUMBER: "valueDecimal",
    QuestionType.CHOICE: "valueCoding",
    QuestionType.YES_NO_UNSURE: "valueCoding",
}


# Writing --------------------------------------------------------------------------


def _answer(question: Question, value: Any) -> dict[str, Any]:
    if is_coded(question):
        return {"valueCoding": coding(question, value)}
    return {VALUE_KEY[question.type]: value}


def _question_items(question: Question, value: Any) -> list[dict[str, Any]]:
    if question.type is not QuestionType.GROUP:
        return [{"linkId": question.id, "text": question.label, "answer": [_answer(question, value)]}]
    if not value:
        return [{"linkId": f"{question.id}{NONE_SUFFIX}", "text": question.none_label, "answer": [{"valueBoolean": True}]}]
    rows = []
    for row in value:
        fields = [
            {"linkId": f"{question.id}.{field.id}", "text": field.label, "answer": [_answer(field, row[field.id])]}
            for field in question.fields
            if row.get(field.id) is not None
        ]
        rows.append({"linkId": question.id, "text": question.label, "item": fields})
    return rows


def to_questionnaire_response(
    form: Form, response: Mapping[str, Any], version: FhirVersion = FhirVersion.R5, status: str = "completed"
) -> dict[str, Any]:
    """`response` is a response file (our JSON); items follow the form's order.

    The resource's `language` is the one the patient answered in, when the response says."""
    answers = response["answers"]
    sections = []
    for section in form.sections:
        items = [item for q in section.questions if q.id in answers for item in _question_items(q, answers[q.id])]
        if items:
            sections.append({"linkId": section_link_id(section.id), "text": section.title, "item": items})
    resource = {
        "resourceType": "QuestionnaireResponse",
        **({"language": response["language"]} if response.get("language") else {}),
        "questionnaire": canonical(form),
        "status": status,
        "authored": response["authored"],
        "item": sections,
    }
    return checked(resource, version)


# Reading --------------------------------------------------------------------------


def _the_response(data: dict[str, Any]) -> dict[str, Any]:
    kind = data.get("resourceType")
    if kind == "QuestionnaireResponse":
        return data
    if kind != "Bundle":
        raise InvalidResponse([Problem("resourceType", "expected QuestionnaireResponse or Bundle", f"got {kind}")])
    found: list[dict[str, Any]] = [
        entry["resource"]
        for entry in data.get("entry") or []
        if isinstance(entry, dict) and isinstance(entry.get("resource"), dict)
        and entry["resource"].get("resourceType") == "QuestionnaireResponse"
    ]
    if len(found) != 1:
        raise InvalidResponse([Problem("Bundle", "expected exactly one QuestionnaireResponse entry", f"got {len(found)}")])
    return found[0]


def _validate_either(resource: dict[str, Any]) -> None:
    """R5 or R4B: whichever release the sender used, the resource must be valid in it."""
    try:
        checked(resource, FhirVersion.R5)
    except InvalidFhir as r5:
        try:
            checked(resource, FhirVersion.R4)
        except InvalidFhir:
            raise InvalidResponse([_fhir_problem(line) for line in r5.problems]) from None


def _fhir_problem(line: str) -> Problem:
    """`ELEMENT: message` from the FHIR library as a problem; an element's own name may hold a colon."""
    element, _, message = line.partition(": ")
    return Problem(f"fhir {element}", "expected a valid QuestionnaireResponse", f"got: {message}")


def _item_key(link_id: str) -> str:
    """An unknown linkId as a problem names it: on one line and cut when long; `item` when it is blank."""
    if not link_id.strip():
        return "item"
    text = one_line(link_id)
    return text if len(text) <= _LONGEST_LINK_ID else text[: _LONGEST_LINK_ID - 3] + "..."


class _Reader:
    def __init__(self, form: Form) -> None:
        self.questions = {q.id: q for q in form.questions()}
        self.sections = {section_link_id(section.id) for section in form.sections}
        self.answers: dict[str, Any] = {}
        self.problems: list[Problem] = []

    def read(self, items: list[Any]) -> None:
        """Section groups, or question items directly (some renderers flatten sections)."""
        for item in items:
            if isinstance(item, dict) and item.get("linkId") in self.sections:
                self._questions(item.get("item") or [])
            else:
                self._questions([item])

    def _questions(self, items: list[Any]) -> None:
        for item in items:
            if not isinstance(item, dict):
                self.problems.append(Problem("item", "expected an item object", f"got {str(item)[:40]}"))
                continue
            link_id = str(item.get("linkId", ""))
            if link_id.endswith(NONE_SUFFIX) and link_id[: -len(NONE_SUFFIX)] in self.questions:
                self._none(link_id[: -len(NONE_SUFFIX)], item)
            elif link_id in self.questions and self.questions[link_id].type is QuestionType.GROUP:
                self._row(self.questions[link_id], item)
            elif link_id in self.questions:
                self._single(self.questions[link_id], link_id, item, self.answers, link_id)
            else:
                self.problems.append(
                    Problem(_item_key(link_id), "expected a linkId of this form's questions", "got an unknown linkId"))

    def _value(self, question: Question, key: str, answer: dict[str, Any]) -> Any:
        wanted = VALUE_KEY[question.type]
        if wanted not in answer:
            given = next((name for name in answer if name.startswith("value")), "no value")
            self.problems.append(Problem(key, f"expected {wanted}", f"got {given}"))
            return None
        value = answer[wanted]
        if wanted == "valueCoding" and isinstance(value, dict):
            return self._code(key, value)
        return value

    def _code(self, key: str, coding: dict[str, Any]) -> Any:
        """Our options' codes mean something only in our system: "yes" from another code system is not our "yes"."""
        system = coding.get("system")
        if system != OPTIONS_SYSTEM:
            self.problems.append(Problem(key, f"expected a coding from {OPTIONS_SYSTEM}",
                                         f"got system {system}" if system is not None else "got a coding without a system"))
            return None
        return coding.get("code")

    def _single(self, question: Question, key: str, item: dict[str, Any], into: dict[str, Any], name: str) -> None:
        answers = item.get("answer") or []
        if len(answers) != 1:
            self.problems.append(Problem(key, "expected exactly one answer", f"got {len(answers)}"))
            return
        if name in into:
            self.problems.append(Problem(key, "expected one item per question", "got the linkId twice"))
            return
        into[name] = self._value(question, key, answers[0])

    def _none(self, key: str, item: dict[str, Any]) -> None:
        answers = item.get("answer") or []
        if answers and answers[0].get("valueBoolean") is True:
            if self.answers.get(key):
                self.problems.append(Problem(key, "expected medicine rows or 'none', not both", "got both"))
            self.answers.setdefault(key, [])

    def _row(self, question: Question, item: dict[str, Any]) -> None:
        rows = self.answers.setdefault(question.id, [])
        index = len(rows)
        fields = {field.id: field for field in question.fields}
        row: dict[str, Any] = {}
        for child in item.get("item") or []:
            link_id = str(child.get("linkId", ""))
            prefix, _, field_id = link_id.partition(".")
            if prefix != question.id or field_id not in fields:
                got = f"got {_item_key(link_id) if link_id.strip() else 'an item without linkId'}"
                self.problems.append(Problem(f"{question.id}[{index}]", f"expected fields {question.id}.FIELD", got))
                continue
            self._single(fields[field_id], f"{question.id}[{index}].{field_id}", child, row, field_id)
        rows.append(row)


def response_from_fhir(data: dict[str, Any], form: Form) -> dict[str, Any]:
    """A response file (our JSON, not yet checked) from a FHIR QuestionnaireResponse or Bundle.

    The resource's `language` becomes the response's, so `parse_response` checks it as a
    BCP 47 tag exactly as it checks our JSON's."""
    resource = _the_response(data)
    _validate_either(resource)
    problems = []
    questionnaire = str(resource.get("questionnaire", ""))
    if questionnaire and questionnaire.split("|")[0] != form_url(form):
        problems.append(Problem("questionnaire", f"expected {form_url(form)}", f"got {questionnaire}"))
    reader = _Reader(form)
    reader.read(resource.get("item") or [])
    problems += reader.problems
    if problems:
        raise InvalidResponse(problems)
    authored = resource.get("authored")
    converted: dict[str, Any] = {"form": form.id, "answers": reader.answers}
    if authored is not None:
        converted["authored"] = str(authored)[:10]
    if resource.get("language") is not None:
        converted["language"] = resource["language"]
    return converted
