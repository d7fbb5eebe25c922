"""A patient filling our Questionnaire in LHC-Forms: clicks and typing only.

The Questionnaire the page shows is the guide: its items, in its order, say what kind of
field each answer goes into and which words a choice shows. A response file's answers
(our JSON) are entered one by one; nothing sets the form's model from a script. What the
page does not show (an item LHC-Forms keeps disabled) cannot be answered and is reported.

LHC-Forms names each field by the item's linkId and the repeat numbers of the items
above it: `given_name/1/1` is the first (only) `given_name` in the first section;
`acute_medicines.medicine/1/2/1` is the medicine name in the second row. A radio button
is a label whose id adds the answer: `aura/1/1|SYSTEM|yes`, or `acute_medicines.none/1/1|true`.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from chromium import BrowserError, Page

SETTLE_SECONDS = 0.05
FORM_SECONDS = 60.0
NONE_SUFFIX = ".none"

# Finds an element by id (optionally a child of it), scrolls it to the middle of the
# screen as a person would before tapping it, and says where it is; null when the page
# does not show it.
FOCUS_SECONDS = 3.0
"""How long a tapped box may take to show the cursor before the patient taps it again."""

_LOCATE = """((id, child) => {
  let element = document.getElementById(id);
  if (element && child) element = element.querySelector(child);
  if (!element || !element.getClientRects().length) return null;
  element.scrollIntoView({block: "center", inline: "nearest"});
  const box = element.getBoundingClientRect();
  return [box.x + box.width / 2, box.y + box.height / 2];
})"""

def open_form(page: Page, site: str, release: str, language: str = "en") -> None:
    """Opens the page with the Questionnaire of that FHIR release and language and waits until LHC-Forms shows it."""
    page.open(f"{site}/index.html?fhir={release}&lang={language}")
    state = page.wait_for("document.body && document.body.dataset.state", FORM_SECONDS, "LHC-Forms to show the form")
    if state != "ready":
        raise AssertionError(page.evaluate("document.getElementById('status').textContent"))


def response_resource(page: Page, release: str) -> dict[str, Any]:
    """The QuestionnaireResponse as LHC-Forms itself writes it."""
    return page.evaluate(f"LForms.Util.getFormFHIRData('QuestionnaireResponse', '{release}', document.getElementById('form'))")


def validity_errors(page: Page) -> list[str]:
    """The renderer's own check: one line per problem ("... requires a value"), none when the form is complete."""
    return page.evaluate("LForms.Util.checkValidity(document.getElementById('form'))") or []


@dataclass
class Visit:
    """What happened while filling: the answers the page gave no field for."""

    not_shown: list[str] = field(default_factory=list)


class Patient:
    def __init__(self, page: Page, questionnaire: dict[str, Any]) -> None:
        self.page = page
        self.questionnaire = questionnaire

    # Finding and touching ------------------------------------------------------

    def _locate(self, element_id: str, child: str | None = None) -> tuple[float, float] | None:
        found = self.page.evaluate(f"{_LOCATE}({json.dumps(element_id)}, {json.dumps(child)})")
        return tuple(found) if found else None

    def _tap(self, element_id: str, child: str | None = None) -> bool:
        """Taps the element; False when the page does not show it."""
        where = self._locate(element_id, child)
        if where is None:
            return False
        self.page.click(*where)
        time.sleep(SETTLE_SECONDS)
        return True

    def _type_and_leave(self, element_id: str, text: str, child: str | None = None, enter: bool = False) -> bool:
        """Tap the box, and once the cursor is in it (a patient sees it blink), type and move on.

        On a loaded machine the first tap on a page can land before the box takes focus; a
        patient would tap again, and so does this."""
        if not self._tap(element_id, child):
            return False
        focused = f"document.getElementById({json.dumps(element_id)})?.contains(document.activeElement)"
        try:
            self.page.wait_for(focused, FOCUS_SECONDS, f"the cursor in {element_id}")
        except BrowserError:
            self._tap(element_id, child)
            self.page.wait_for(focused, FOCUS_SECONDS, f"the cursor in {element_id}")
        self.page.type_text(text)
        if enter:
            self.page.press("Enter", "Enter", 13)
        self.page.press("Tab", "Tab", 9)
        time.sleep(SETTLE_SECONDS)
        return True

    # One function per kind of answer ------------------------------------------

    def answer_text(self, element_id: str, item: dict[str, Any], value: Any) -> bool:
        return self._type_and_leave(element_id, str(value))

    def answer_number(self, element_id: str, item: dict[str, Any], value: Any) -> bool:
        return self._type_and_leave(element_id, str(value))

    def answer_date(self, element_id: str, item: dict[str, Any], value: Any) -> bool:
        """LHC-Forms's date picker takes the date typed as MM/DD/YYYY (its US English build)."""
        year, month, day = str(value).split("-")
        return self._type_and_leave(element_id, f"{month}/{day}/{year}", child="input", enter=True)

    def answer_choice(self, element_id: str, item: dict[str, Any], value: Any) -> bool:
        """The Questionnaire asks for radio buttons: each is a label whose id ends with the option's system and code."""
        coding = next(option["valueCoding"] for option in item["answerOption"] if option["valueCoding"]["code"] == value)
        return self._tap(f"{element_id}|{coding['system']}|{coding['code']}")

    def answer_yes_no(self, element_id: str, item: dict[str, Any], value: Any) -> bool:
        """A boolean is three radio buttons (Yes, No, Not Answered), each a label with the value in its id."""
        return self._tap(f"{element_id}|{'true' if value else 'false'}")

    def answer_rows(self, link_id: str, item: dict[str, Any], rows: list[dict[str, Any]], visit: Visit) -> None:
        """Row 1 is on the page already; each next one comes from the "+" button under the last row."""
        for number, row in enumerate(rows, start=1):
            if number > 1 and not self._tap(f"add-{link_id}/1/{number - 1}"):
                visit.not_shown.append(f"{link_id}[{number - 1}] (no button to add a row)")
                return
            for child in item["item"]:
                field_id = child["linkId"].removeprefix(f"{link_id}.")
                if child["type"] != "display" and field_id in row:
                    self._answer(child, f"{child['linkId']}/1/{number}/1", row[field_id], visit,
                                 f"{link_id}[{number - 1}].{field_id}")

    # Walking the Questionnaire -----------------------------------------------

    def _answerer(self, item: dict[str, Any]) -> Callable[[str, dict[str, Any], Any], bool]:
        kinds: dict[str, Callable[[str, dict[str, Any], Any], bool]] = {
            "string": self.answer_text, "text": self.answer_text,
            "integer": self.answer_number, "decimal": self.answer_number,
            "date": self.answer_date,
            "choice": self.answer_choice, "coding": self.answer_choice,
            "boolean": self.answer_yes_no,
        }
        return kinds[item["type"]]

    def _answer(self, item: dict[str, Any], element_id: str, value: Any, visit: Visit, name: str) -> None:
        if not self._answerer(item)(element_id, item, value):
            visit.not_shown.append(name)

    def fill(self, answers: dict[str, Any]) -> Visit:
        """Answers in the order the page shows the questions, so that conditions open what comes next."""
        visit = Visit()
        for item in _questions(self.questionnaire["item"]):
            link_id = item["linkId"]
            element_id = f"{link_id}/1/1"
            if link_id.endswith(NONE_SUFFIX) and link_id.removesuffix(NONE_SUFFIX) in answers:
                self._answer(item, element_id, not answers[link_id.removesuffix(NONE_SUFFIX)], visit, link_id)
            elif item["type"] == "group" and link_id in answers:
                self.answer_rows(link_id, item, answers[link_id], visit)
            elif link_id in answers:
                self._answer(item, element_id, answers[link_id], visit, link_id)
        return visit


def _questions(sections: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """The items directly inside each section group: questions, the "none" booleans, the medicine lists."""
    for section in sections:
        yield from (item for item in section.get("item", []) if item["type"] != "display")
