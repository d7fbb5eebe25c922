"""Staff additions to a finished visit: an answer amended on the patient's behalf, a clinician note.

An amended answer goes through the same checks as the patient's own (`parse_response`
on every answer, as `intake assess` reads a file), so the store never holds what the
kiosk or the CLI would refuse; a refusal names the question. The visit is then assessed
again under the policy it was first assessed by (a later change of the clinic's policy
does not slip in with an amendment), and its summary is made again.

The stored summary is the document of record: it is what the screen previews, what is
printed and saved, and what the FHIR export carries. So a note is not added at print
time; the summary is made again with every amendment and note in it, in the transaction
that keeps them. Notes are the clinician's words: they are never logged.

A refusal's sentence is an English message id of the `staff` domain with its values
beside it (`AmendmentRefused.message`, `.values`), so a staff screen translates it where
it shows it; what the engine says of an answer (`expected ..., got ...`) stays English.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from intake.app.finishing import clinic_info
from intake.app.station import Station
from intake.eligibility.assessment import Assessment
from intake.plain_text import first_not_plain
from intake.questionnaire.display import answer_lines
from intake.questionnaire.engine import Problem, visible
from intake.questionnaire.form import Form
from intake.questionnaire.response import InvalidResponse, Response, parse_response
from intake.report import Addenda, AmendmentLine, NoteLine, render_report
from intake.store.audit_chain import short_anchor
from intake.store.stores import Stores
from intake.store.visits import StoredVisit
from intake.translations import N_
from intake.visit_status import FINISHED

REASON_MAX_LENGTH = 300
NOTE_MAX_LENGTH = 4000

NOT_FINISHED = N_("Only a finished visit's answers can be amended: continue an unfinished visit with the patient.")
UNKNOWN_QUESTION = N_("The form has no such question.")
UNCHANGED = N_("The new answer is the same as the current one.")
NO_REASON = N_("Say why the answer is changed.")
NO_NOTE = N_("The note is empty.")


class AmendmentRefused(ValueError):
    """Why staff's addition cannot be kept, in words for them; `key` names the question it is about.

    Its text is `message` (a sentence of the `staff` domain, in English) with `values` in its blanks.
    """

    def __init__(self, message: str, key: str | None = None, **values: object) -> None:
        super().__init__(message.format(**values))
        self.message = message
        self.values = values
        self.key = key


@dataclass(frozen=True)
class AmendableQuestion:
    key: str
    section: str
    label: str
    answer: str
    """The current answer in words."""


@dataclass(frozen=True)
class Amended:
    response: Response
    """Every answer, the amended one included, as checked."""
    old: Any
    """The answer before, as the response file holds it (None: not answered)."""
    new: Any


def _switched_on(form: Form, answers: Mapping[str, Any]) -> frozenset[str]:
    """The optional sections this visit went through, as far as its answers tell (as the PDF's appendix does)."""
    return frozenset(
        section.setting for section in form.sections if section.setting and any(q.id in answers for q in section.questions)
    )


def in_words(form: Form, key: str, value: Any) -> str:
    """One answer as the staff screen and the summary word it (rows joined on one line)."""
    return "; ".join(answer_lines(form.question(key), value))


def amendable_questions(form: Form, answers: Mapping[str, Any]) -> list[AmendableQuestion]:
    """Every question this visit's patient was shown, answered or not, in form order."""
    shown = {question.id for question in visible(form, answers, _switched_on(form, answers))}
    return [
        AmendableQuestion(question.id, section.title, question.label, in_words(form, question.id, answers.get(question.id)))
        for section in form.sections
        for question in section.questions
        if question.id in shown
    ]


def _asks(form: Form, key: str) -> bool:
    return any(question.id == key for question in form.questions())


def _as_stored(form: Form, key: str, value: Any) -> Any:
    """A typed answer (a date, rows) as the response file holds it."""
    if value is None:
        return None
    return Response.model_construct(form=form.id, authored=date.today(), answers={key: value}).to_json_dict()["answers"][key]


def _refusal(form: Form, key: str, problems: list[Problem]) -> AmendmentRefused:
    """The first problem, naming its question by label: this one, or one the new answer conflicts with."""
    problem = next((found for found in problems if found.question_id == key), problems[0])
    label = form.question(problem.question_id).label if _asks(form, problem.question_id) else problem.key
    what = f"{problem.expected}, {problem.given}."
    if problem.question_id != key:
        # Translators: {question} is the question the new answer conflicts with; {problem} says how (in English).
        return AmendmentRefused(N_("This answer conflicts with “{question}”: {problem}"), problem.question_id,
                                question=label, problem=what)
    # Translators: {question} is the question amended; {problem} what is wrong with the new answer (in English).
    return AmendmentRefused(N_("{question}: {problem}"), key, question=label, problem=what)


def amend_response(form: Form, visit: StoredVisit, key: str, value: Any) -> Amended:
    """The visit's answers with `key` changed to `value` (typed, None to clear it), checked as the kiosk and the
    CLI check answers; `AmendmentRefused` names the question when they would refuse it."""
    if visit.summary.status != FINISHED or visit.assessment is None:
        raise AmendmentRefused(NOT_FINISHED)
    if not _asks(form, key):
        raise AmendmentRefused(UNKNOWN_QUESTION, key)
    answers = dict(visit.response.get("answers", {}))
    old, new = answers.get(key), _as_stored(form, key, value)
    if old == new:
        raise AmendmentRefused(UNCHANGED, key)
    if new is None:
        del answers[key]
    else:
        answers[key] = new
    try:
        response = parse_response({**visit.response, "answers": answers}, form)
    except InvalidResponse as invalid:
        raise _refusal(form, key, invalid.problems) from None
    return Amended(response, old, new)


def _plain(text: str, max_length: int, empty: str) -> str:
    """Staff's own text, trimmed: not empty, not too long, line breaks allowed but no other control characters."""
    lines = [line.rstrip() for line in text.strip().replace("\r\n", "\n").split("\n")]
    kept = "\n".join(lines)
    if not kept:
        raise AmendmentRefused(empty)
    if len(kept) > max_length:
        # Translators: {most} is how many characters the text may have (300, 4000), {length} how many it has.
        raise AmendmentRefused(N_("At most {most} characters, please (this has {length})."), most=max_length, length=len(kept))
    found = next((first_not_plain(line) for line in lines if first_not_plain(line)), None)
    if found is not None:
        # Translators: {character} is the character, written the way Python writes it ("\x07").
        raise AmendmentRefused(N_("The text holds a character that cannot be printed ({character})."), character=found)
    return kept


def reason_text(reason: str) -> str:
    """Why an answer is amended, on one line; `AmendmentRefused` when there is none."""
    return _plain(" ".join(reason.split()), REASON_MAX_LENGTH, NO_REASON)


def note_text(text: str) -> str:
    return _plain(text, NOTE_MAX_LENGTH, NO_NOTE)


def addenda_of(stores: Stores, form: Form, visit_id: str) -> Addenda:
    """A visit's amendments and notes in words: who by name and staff ID, answers as the summary words them."""
    names = {member.id: member.name for member in stores.staff.list()}

    def who(staff_id: str) -> str:
        return f"{names[staff_id]} ({staff_id})" if staff_id in names else staff_id

    amendments = [
        AmendmentLine(change.at, who(change.staff_id), form.question(change.answer_key).label,
                      in_words(form, change.answer_key, change.old_value), in_words(form, change.answer_key, change.new_value),
                      change.reason)
        for change in stores.amendments.of_visit(visit_id)
    ]
    notes = [NoteLine(note.at, who(note.staff_id), note.text) for note in stores.notes.of_visit(visit_id)]
    return Addenda(amendments, notes)


def summary_again(transaction: Stores, station: Station, visit: StoredVisit, response: Response, assessment: Assessment) -> bytes:
    """The visit's summary made again with every amendment and note kept so far in `transaction`,
    anchored to the audit log's head before the row that will record it."""
    anchor = transaction.audit.head()
    report = render_report(
        response, assessment, station.form, clinic_info(station.settings), visit_id=visit.summary.id,
        audit_anchor=short_anchor(anchor), addenda=addenda_of(transaction, station.form, visit.summary.id),
        answered_before=visit.summary.answered_before,
    )
    return report.pdf


def with_note(transaction: Stores, station: Station, visit: StoredVisit) -> bytes | None:
    """A finished visit's summary made again for a new note: the same answers and assessment, the notes
    added. None for a visit with no summary yet (the note waits in the store)."""
    if visit.summary.status != FINISHED or visit.assessment is None:
        return None
    response = parse_response(visit.response, station.form)
    return summary_again(transaction, station, visit, response, Assessment.model_validate(visit.assessment))
