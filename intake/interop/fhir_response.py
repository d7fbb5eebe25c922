"""A response file as a FHIR QuestionnaireResponse, and back.

Writing nests items as the Questionnaire does (section groups, repeated group entries
for medicine rows). Reading accepts a QuestionnaireResponse, or a Bundle holding exactly
one, from R4(B) or R5, written by us or by any renderer, and turns it into a response
file that then goes through `parse_response`: the same checks and the same error lines
as our own JSON, with FHIR shape problems named by linkId. What FHIR says that our JSON
cannot is checked here: the response must cite our Questionnaire (`url|version`), "none"
beside rows is refused in either order, and a moment in `authored` becomes the clinic's
day before any age is counted from it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, tzinfo
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


def _cut(text: str, longest: int = _LONGEST_LINK_ID) -> str:
    """Text from the file as a problem quotes it: on one line, and cut when long."""
    line = one_line(text)
    return line if len(line) <= longest else line[: longest - 3] + "..."


def _item_key(link_id: str) -> str:
    """An unknown linkId as a problem names it: on one line and cut when long; `item` when it is blank."""
    return _cut(link_id) if link_id.strip() else "item"


class _Reader:
    def __init__(self, form: Form) -> None:
        self.questions = {q.id: q for q in form.questions()}
        self.sections = {section_link_id(section.id) for section in form.sections}
        self.answers: dict[str, Any] = {}
        self.nones: dict[str, bool] = {}
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
            listed = self.questions.get(link_id.removesuffix(NONE_SUFFIX))
            if link_id.endswith(NONE_SUFFIX) and listed is not None and listed.type is QuestionType.GROUP:
                self._none(listed, item)
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

    def _none(self, question: Question, item: dict[str, Any]) -> None:
        """ "I don't take any" is kept apart until every item is read: rows beside it are refused in either order."""
        key = f"{question.id}{NONE_SUFFIX}"
        answers = item.get("answer") or []
        if len(answers) != 1:
            self.problems.append(Problem(key, "expected exactly one answer", f"got {len(answers)}"))
        elif question.id in self.nones:
            self.problems.append(Problem(key, "expected one item per question", "got the linkId twice"))
        elif type(answers[0].get("valueBoolean")) is not bool:
            given = next((name for name in answers[0] if name.startswith("value")), "no value")
            self.problems.append(Problem(key, "expected valueBoolean", f"got {given}"))
        else:
            self.nones[question.id] = answers[0]["valueBoolean"]

    def finish(self) -> None:
        """A list said to be empty is `[]`; "none" = Yes beside rows is an error, whichever came first."""
        for question_id, none in self.nones.items():
            if none and self.answers.get(question_id):
                label = self.questions[question_id].none_label
                self.problems.append(Problem(question_id, f'expected rows or "{label}", not both', "got both"))
            elif none:
                self.answers[question_id] = []

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


def _cited_form(resource: dict[str, Any], form: Form) -> list[Problem]:
    """A response answers one version of one form, and says which (`url|version`): ours, as exported."""
    cited = resource.get("questionnaire")
    expected = canonical(form)
    if cited == expected:
        return []
    if not isinstance(cited, str):
        return [Problem("questionnaire", f"expected {expected} (the form and version answered)", "got nothing")]
    url, bar, version = cited.partition("|")
    if url != form_url(form):
        return [Problem("questionnaire", f"expected {expected}", f"got {_cut(cited, 120)} (another form)")]
    given = f"got version {_cut(version)}" if bar else "got no version"
    return [Problem("questionnaire", f"expected {expected} (version {form.version} of this form)", given)]


def _local_day(authored: Any, zone: tzinfo | None) -> Any:
    """`authored` as the day it was where the clinic is, before any age is counted from it.

    FHIR's `authored` is a day, or a moment with its zone (renderers write UTC; the
    FHIR check refuses a time without one). A moment is its day in `zone` (None: this
    computer's zone); anything else (a day, a month, a leap second) goes on as given,
    for `parse_response` to judge as it judges our JSON."""
    if not isinstance(authored, str) or "T" not in authored:
        return authored
    try:
        moment = datetime.fromisoformat(authored)
    except ValueError:
        return authored
    return moment.astimezone(zone).date().isoformat()


def response_from_fhir(data: dict[str, Any], form: Form, zone: tzinfo | None = None) -> dict[str, Any]:
    """A response file (our JSON, not yet checked) from a FHIR QuestionnaireResponse or Bundle.

    `zone`: the clinic's (settings `timezone`; None: this computer's), for the day of a
    moment in `authored`. The resource's `language` becomes the response's, so
    `parse_response` checks it as a BCP 47 tag exactly as it checks our JSON's."""
    resource = _the_response(data)
    _validate_either(resource)
    problems = _cited_form(resource, form)
    reader = _Reader(form)
    reader.read(resource.get("item") or [])
    reader.finish()
    problems += reader.problems
    if problems:
        raise InvalidResponse(problems)
    converted: dict[str, Any] = {"form": form.id, "answers": reader.answers}
    if resource.get("authored") is not None:
        converted["authored"] = _local_day(resource["authored"], zone)
    if resource.get("language") is not None:
        converted["language"] = resource["language"]
    return converted
