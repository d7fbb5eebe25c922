"""One patient's visit in progress: the answers so far, what to ask, what needs fixing.

The wizard holds a `Visit` and nothing clinical of its own: widgets write typed answers
here and re-read which questions are shown, which answers need attention (in patient
wording) and whether staff must be alerted. Everything here is plain Python, so the
same rules run under the CLI and in fast tests.
"""

from __future__ import annotations

import secrets
from collections.abc import Mapping
from datetime import date, datetime
from types import MappingProxyType
from typing import Any

from intake.app.resuming import typed_answers
from intake.eligibility.policy import RuleSet
from intake.eligibility.red_flags import any_red_flag
from intake.questionnaire.engine import Problem, answer_errors, clear_hidden, visible
from intake.questionnaire.form import Form, Question, QuestionType, Section
from intake.questionnaire.patient_wording import PatientWording, wording_for
from intake.questionnaire.response import DEFAULT_LANGUAGE, Response, parse_response


def new_visit_id(now: datetime | None = None) -> str:
    """Sortable and unique, with nothing about the patient in it (it names files)."""
    stamp = (now or datetime.now()).strftime("%Y%m%d-%H%M%S")
    return f"{stamp}-{secrets.token_hex(3)}"


def _patient_problem(key: str, message: str) -> Problem:
    return Problem(key, "an answer the patient can fix", "needs attention", message)


class Visit:
    def __init__(
        self,
        form: Form,
        rules: RuleSet,
        enabled: frozenset[str],
        authored: date | None = None,
        visit_id: str | None = None,
        language: str = DEFAULT_LANGUAGE,
    ) -> None:
        self.form = form
        """The form in the visit's language (its texts are what the patient reads)."""
        self.rules = rules
        self.enabled = enabled
        self.authored = authored or date.today()
        self.visit_id = visit_id or new_visit_id()
        self.language = language
        """The BCP 47 tag the patient answers in: the response's `language`."""
        self.words: PatientWording = wording_for(language)
        self._answers: dict[str, Any] = {}
        self._staff_alerted = False

    @property
    def answers(self) -> Mapping[str, Any]:
        return MappingProxyType(self._answers)

    def set_answer(self, key: str, value: Any) -> list[str]:
        """Store one answer (None means unanswered).

        Returns the keys whose answers were dropped because this answer hid their
        questions, so the screen can empty those inputs too.
        """
        if value is None:
            self._answers.pop(key, None)
        else:
            self._answers[key] = value
        kept = clear_hidden(self.form, self._answers, self.enabled)
        cleared = [name for name in self._answers if name not in kept]
        self._answers = kept
        return cleared

    def shown(self) -> set[str]:
        return {question.id for question in visible(self.form, self._answers, self.enabled)}

    def sections(self) -> list[Section]:
        """Sections this patient goes through: switched on, with a question to ask."""
        shown = self.shown()
        return [
            section
            for section in self.form.sections
            if (not section.setting or section.setting in self.enabled)
            and any(question.id in shown for question in section.questions)
        ]

    def page_problems(self, section: Section, input_problems: Mapping[str, str]) -> list[Problem]:
        """What to fix on one page before moving on, in the order the questions appear.

        `input_problems` are the screen's own findings (text that is not a number, a
        date that does not exist), keyed like answers (`acute_medicines[1].days_per_month`).
        """
        shown = self.shown()
        rule_problems = answer_errors(self.form, self._answers, self.authored, self.words)
        found: list[Problem] = []
        for question in section.questions:
            if question.id not in shown:
                continue
            own = self._question_problems(question, input_problems)
            found.extend(own or [problem for problem in rule_problems if problem.question_id == question.id])
        return found

    def _question_problems(self, question: Question, input_problems: Mapping[str, str]) -> list[Problem]:
        if question.type is QuestionType.GROUP:
            return self._row_problems(question, input_problems)
        if question.id in input_problems:
            return [_patient_problem(question.id, input_problems[question.id])]
        if question.required and question.id not in self._answers:
            return [_patient_problem(question.id, self.words.required_message(question))]
        return []

    def _row_problems(self, question: Question, input_problems: Mapping[str, str]) -> list[Problem]:
        rows = self._answers.get(question.id)
        if rows is None:
            return [_patient_problem(question.id, self.words.required_message(question))] if question.required else []
        found = []
        for index, row in enumerate(rows):
            for field in question.fields:
                key = f"{question.id}[{index}].{field.id}"
                if key in input_problems:
                    found.append(_patient_problem(key, input_problems[key]))
                elif field.required and row.get(field.id) is None:
                    found.append(_patient_problem(key, self.words.row_field_message(field)))
        return found

    def has_red_flag(self) -> bool:
        """From the form's red-flag questions and the policy's onset age, so the alert needs nothing else of the policy."""
        return any_red_flag(self._answers, self.form, self.rules.policy)

    def needs_staff_alert(self) -> bool:
        """True once, the first time a red-flag answer appears in this visit."""
        if self._staff_alerted or not self.has_red_flag():
            return False
        self._staff_alerted = True
        return True

    @property
    def staff_alerted(self) -> bool:
        return self._staff_alerted

    def response(self) -> Response:
        """The finished answers, checked exactly as `intake assess` checks a file.

        Raises `InvalidResponse` if the screen let through anything the file format
        would refuse, so the wizard can never store what the CLI could not read back.
        """
        return parse_response(self.draft(), self.form, self.enabled)

    def draft(self) -> dict[str, Any]:
        """The answers so far in the response file format, unchecked: what autosave keeps."""
        draft = Response.model_construct(
            form=self.form.id, authored=self.authored, answers=dict(self._answers), language=self.language
        )
        return draft.to_json_dict()

    def in_language(self, form: Form, language: str) -> Visit:
        """The same visit read in another language (`form` in that language): same id, answers and alert.

        Answers are values, not words, so every one carries over as it is.
        """
        switched = Visit(form, self.rules, self.enabled, self.authored, self.visit_id, language)
        switched._answers = dict(self._answers)
        switched._staff_alerted = self._staff_alerted
        return switched

    @classmethod
    def continued(
        cls,
        form: Form,
        rules: RuleSet,
        enabled: frozenset[str],
        visit_id: str,
        stored: Mapping[str, Any],
        language: str = DEFAULT_LANGUAGE,
    ) -> Visit:
        """A stored visit staff hand back to its patient: the same id and answers, carrying on.

        `stored` is the visit's response as the store keeps it; `language` the one to go on in
        (`form` is in it). Optional sections the
        patient already answered stay switched on (a clinic may have switched one off
        since), so no answer is dropped. A red flag already answered has alerted staff
        when it was given: it does not alert them again.
        """
        answers = stored.get("answers")
        typed = typed_answers(form, answers if isinstance(answers, Mapping) else {})
        answered = {
            section.setting for section in form.sections if section.setting and any(q.id in typed for q in section.questions)
        }
        visit = cls(form, rules, enabled | answered, _authored(stored.get("authored")), visit_id, language)
        visit._answers = clear_hidden(form, typed, visit.enabled)
        visit._staff_alerted = visit.has_red_flag()
        return visit


def _authored(stored: Any) -> date | None:
    """The day the stored answers were begun, so the visit's dates keep meaning what they did (None: today)."""
    try:
        return date.fromisoformat(stored) if isinstance(stored, str) else None
    except ValueError:
        return None
