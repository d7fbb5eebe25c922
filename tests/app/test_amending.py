"""Staff additions to a visit: an answer amended with a reason (checked as the patient's own,
assessed again, the summary made again, the original kept) and clinician notes."""

from __future__ import annotations

import io
import logging
from datetime import date

import pytest
from commit_together import FINISHED_ID, UNFINISHED_ID, Bench, audit_entries, snapshot
from pypdf import PdfReader

from cases import vignette
from intake.app.amending import NOT_FINISHED, AmendmentRefused, amend_response, amendable_questions, note_text, reason_text
from intake.app.staff_desk import StaffDesk
from intake.interop.fhir_version import FhirVersion
from intake.questionnaire.response import parse_response
from intake.report.wording import AMENDMENTS_TITLE, NOTES_TITLE
from intake.store.errors import VisitNotFound
from intake.store.visits import URGENT

REASON = "Patient misread the question; confirmed at the desk"
NOTE = "Seen with Dr Ames.\nBlood pressure 128/82; no visual aura."


def _pages(pdf: bytes | None) -> list[str]:
    assert pdf is not None
    return [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]


def _words(text: str) -> str:
    return " ".join(text.split())


def test_the_questions_offered_are_those_the_patient_was_shown_answered_or_not(bench: Bench) -> None:
    answers = bench.stored(FINISHED_ID).response["answers"]
    offered = {question.key: question for question in amendable_questions(bench.station.form, answers)}
    assert offered["headache_days"].answer == "22 days a month"
    assert offered["headache_days"].label == bench.station.form.question("headache_days").label
    assert offered["aura"].answer == "not answered", "a question left unanswered can be answered for the patient"
    assert offered["acute_medicines"].answer == "sumatriptan, 4 days a month; ibuprofen, 5 days a month"
    assert "midas_missed_work" not in offered, "MIDAS was not switched on for this visit"
    keys = list(offered)
    assert keys.index("given_name") < keys.index("headache_days") < keys.index("rf_thunderclap")


def test_an_amendment_is_assessed_again_and_its_summary_shows_it(bench: Bench) -> None:
    before = bench.stored(FINISHED_ID)
    amended = bench.maria.amend_answer(FINISHED_ID, "rf_thunderclap", "yes", REASON)
    assert amended.response["answers"]["rf_thunderclap"] == "yes"
    assert (amended.summary.outcome, amended.summary.priority) == ("URGENT_REVIEW", URGENT)
    assert amended.assessment is not None and amended.assessment["outcome"] == "URGENT_REVIEW"
    assert amended.summary.finished == before.summary.finished, "it finished when the patient finished"
    assert amended.pdf != before.pdf and bench.stored(FINISHED_ID).pdf == amended.pdf
    pages = _pages(amended.pdf)
    assert "1 answer was changed by staff after the patient finished" in pages[0]
    text = " ".join(pages)
    assert AMENDMENTS_TITLE in text
    assert _words(f"María Ó (maria) {bench.station.form.question('rf_thunderclap').label} No → Yes {REASON}") in text
    assert [(row.action, row.visit_id, row.rules_version) for row in bench.stores.audit.rows()] == [
        ("amended", FINISHED_ID, amended.rules_version)
    ]
    assert bench.stores.audit.verify().problems == [
        f"visit {UNFINISHED_ID}: no audit row covers it (added to the visits table directly?)"
    ], "the amended visit is covered by its amendment's row"


def test_the_patients_own_answer_is_kept(bench: Bench) -> None:
    bench.maria.amend_answer(FINISHED_ID, "headache_days", 18, REASON)
    bench.maria.amend_answer(FINISHED_ID, "headache_days", 16, "Checked the headache diary")
    [first, second] = bench.stores.amendments.of_visit(FINISHED_ID)
    assert (first.answer_key, first.old_value, first.new_value, first.reason) == ("headache_days", 22, 18, REASON)
    assert (second.old_value, second.new_value, second.staff_id) == (18, 16, "maria")
    lines = bench.maria.addenda(FINISHED_ID).amendments
    assert [(line.was, line.now, line.who) for line in lines] == [
        ("22 days a month", "18 days a month", "María Ó (maria)"), ("18 days a month", "16 days a month", "María Ó (maria)"),
    ]
    text = " ".join(_pages(bench.stored(FINISHED_ID).pdf))
    assert "2 answers were changed" in text and text.index("22 days a month → 18") < text.index("18 days a month → 16")


def test_typed_answers_are_stored_as_a_response_file_holds_them(bench: Bench) -> None:
    amended = bench.maria.amend_answer(FINISHED_ID, "date_of_birth", date(1990, 3, 4), "ID card checked")
    assert amended.response["answers"]["date_of_birth"] == "1990-03-04"
    assert amended.summary.date_of_birth == date(1990, 3, 4), "the queue finds the patient by the new date"
    rows = [{"medicine": "sumatriptan", "days_per_month": 9}]
    amended = bench.maria.amend_answer(FINISHED_ID, "acute_medicines", rows, "Ibuprofen was for back pain")
    assert amended.response["answers"]["acute_medicines"] == rows
    assert bench.stores.amendments.of_visit(FINISHED_ID)[-1].old_value == [
        {"medicine": "sumatriptan", "days_per_month": 4}, {"medicine": "ibuprofen", "days_per_month": 5},
    ]


@pytest.mark.parametrize(
    ("key", "value", "message"),
    [
        ("headache_days", 45, "Headache days per month: expected a whole number 0-31, got 45."),
        ("headache_days", 22, "The new answer is the same as the current one."),
        ("sex_at_birth", "male", "This answer conflicts with “Pregnant or could be”: not asked when sex_at_birth is male"),
        ("no_such_question", "yes", "The form has no such question."),
        (
            "acute_medicines", [{"medicine": "sumatriptan", "days_per_month": 6}],
            "This answer conflicts with “Days a month with any attack medicine”",
        ),
    ],
)
def test_an_answer_the_kiosk_or_the_cli_would_refuse_is_refused_naming_its_question(
    bench: Bench, key: str, value: object, message: str
) -> None:
    before = snapshot(bench)
    with pytest.raises(AmendmentRefused, match=message[:40]) as refused:
        bench.maria.amend_answer(FINISHED_ID, key, value, REASON)
    assert str(refused.value).startswith(message)
    assert snapshot(bench) == before and audit_entries(bench) == []


def test_clearing_the_answers_a_change_would_hide_lets_it_through(bench: Bench) -> None:
    for key in ("pregnant", "breastfeeding", "rf_pregnancy_new_headache"):
        bench.maria.amend_answer(FINISHED_ID, key, None, "Registered male at birth: recorded in error")
    amended = bench.maria.amend_answer(FINISHED_ID, "sex_at_birth", "male", "Registered male at birth: recorded in error")
    assert amended.response["answers"]["sex_at_birth"] == "male" and "pregnant" not in amended.response["answers"]
    assert [change.new_value for change in bench.stores.amendments.of_visit(FINISHED_ID)] == [None, None, None, "male"]
    assert "No → not answered" in " ".join(_pages(amended.pdf))


def test_an_amendment_needs_a_reason_and_a_finished_visit(bench: Bench) -> None:
    with pytest.raises(AmendmentRefused, match="Say why"):
        bench.maria.amend_answer(FINISHED_ID, "headache_days", 18, "  \n ")
    with pytest.raises(AmendmentRefused) as refused:
        bench.maria.amend_answer(UNFINISHED_ID, "given_name", "Zoe", REASON)
    assert str(refused.value) == NOT_FINISHED
    with pytest.raises(VisitNotFound):
        bench.maria.amend_answer("20261124-235959-ffffff", "headache_days", 18, REASON)
    assert audit_entries(bench) == [] and bench.stores.amendments.of_visit(FINISHED_ID) == []


def test_reasons_and_notes_are_plain_text_of_a_sensible_length() -> None:
    assert reason_text("  Misread\n the   question ") == "Misread the question"
    assert note_text(" First line  \r\nSecond line\n") == "First line\nSecond line"
    with pytest.raises(AmendmentRefused, match="empty"):
        note_text(" \n ")
    with pytest.raises(AmendmentRefused, match="At most 4000 characters"):
        note_text("x" * 4001)
    with pytest.raises(AmendmentRefused, match=r"cannot be printed \(\\x07\)"):
        note_text("bell\x07")


def test_amend_response_leaves_the_stored_visit_alone(bench: Bench) -> None:
    stored = bench.stored(FINISHED_ID)
    amended = amend_response(bench.station.form, stored, "headache_days", 18)
    assert (amended.old, amended.new, amended.response.answers["headache_days"]) == (22, 18, 18)
    assert stored.response["answers"]["headache_days"] == 22


def test_a_note_closes_the_summary_and_its_text_stays_out_of_the_audit_log_and_the_logs(
    bench: Bench, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    before = bench.stored(FINISHED_ID)
    noted = bench.maria.add_note(FINISHED_ID, NOTE)
    assert noted.assessment == before.assessment and noted.response == before.response
    pages = _pages(noted.pdf)
    assert NOTES_TITLE in pages[-1] and _words(f"María Ó (maria) {NOTE}") in pages[-1]
    assert NOTES_TITLE not in " ".join(pages[:-1])
    [row] = bench.stores.audit.rows()
    assert (row.staff_id, row.action, row.visit_id) == ("maria", "note_added", FINISHED_ID)
    assert not any("Ames" in str(value) for value in vars(row).values())
    assert "Ames" not in caplog.text
    assert [note.text for note in bench.stores.notes.of_visit(FINISHED_ID)] == [NOTE]


def test_notes_and_amendments_stay_on_the_summary_made_again_for_either(bench: Bench) -> None:
    bench.maria.add_note(FINISHED_ID, NOTE)
    bob = StaffDesk(bench.station, None, actor="cli:bob")
    amended = bob.amend_answer(FINISHED_ID, "headache_days", 18, REASON)
    text = " ".join(_pages(amended.pdf))
    assert "Ames" in text and "22 days a month → 18 days a month" in text and "cli:bob" in text
    noted = bench.maria.add_note(FINISHED_ID, "Second note")
    text = " ".join(_pages(noted.pdf))
    assert text.index("Ames") < text.index("Second note") and "22 days a month → 18 days a month" in text


def test_a_note_on_an_unfinished_visit_waits_in_the_store(bench: Bench) -> None:
    noted = bench.maria.add_note(UNFINISHED_ID, "Patient left; will call back.")
    assert noted.pdf is None
    assert [line.text for line in bench.maria.addenda(UNFINISHED_ID).notes] == ["Patient left; will call back."]
    with pytest.raises(AmendmentRefused, match="empty"):
        bench.maria.add_note(UNFINISHED_ID, "   ")
    assert len(audit_entries(bench)) == 1


def test_an_amended_visit_exports_as_amended(bench: Bench) -> None:
    written: list[dict] = []
    bench.maria.export_fhir(FINISHED_ID, FhirVersion.R5, written.append)
    bench.maria.add_note(FINISHED_ID, NOTE)
    bench.maria.export_fhir(FINISHED_ID, FhirVersion.R5, written.append)
    bench.maria.amend_answer(FINISHED_ID, "headache_days", 18, REASON)
    bench.maria.export_fhir(FINISHED_ID, FhirVersion.R4, written.append)
    statuses = [
        {entry["resource"]["resourceType"]: entry["resource"].get("status") for entry in bundle["entry"]} for bundle in written
    ]
    assert [status["QuestionnaireResponse"] for status in statuses] == ["completed", "completed", "amended"]
    assert statuses[-1]["Observation"] == "amended"


def test_a_reviewed_visit_whose_outcome_changes_is_reviewed_again(bench: Bench) -> None:
    bench.maria.mark_reviewed(FINISHED_ID)
    assert bench.maria.amend_answer(FINISHED_ID, "headache_days", 18, REASON).summary.reviewed, "still REFER"
    assert bench.maria.add_note(FINISHED_ID, NOTE).summary.reviewed
    urgent = bench.maria.amend_answer(FINISHED_ID, "rf_thunderclap", "yes", REASON)
    assert (urgent.summary.outcome, urgent.summary.reviewed) == ("URGENT_REVIEW", False)


def test_an_imported_visit_amended_or_noted_still_says_it_was_answered_before(bench: Bench) -> None:
    """The summary made again keeps what the import's audit row says."""
    imported = bench.maria.import_response(parse_response(vignette("V06"), bench.station.form)).visit_id
    amended = bench.maria.amend_answer(imported, "headache_days", 21, REASON)
    assert "Source Answered before the visit" in _pages(amended.pdf)[0]
    noted = bench.maria.add_note(imported, NOTE)
    assert "Source Answered before the visit" in _pages(noted.pdf)[0]
    assert "before the visit" not in _pages(bench.maria.add_note(FINISHED_ID, NOTE).pdf)[0]
