"""Staff read every stored answer, finished or not: raised red flags first, then the rest in form order."""

from __future__ import annotations

from cases import vignette
from intake.app.answer_listing import answer_listing
from intake.staff_wording import RED_FLAGS_FIRST


def test_every_answer_of_a_vignette_is_listed_in_form_order(form) -> None:
    answers = vignette("V01")["answers"]
    lines = answer_listing(form, answers)
    assert len(lines) == len(answers)
    order = [q.label for s in form.sections for q in s.questions if q.id in answers]
    assert [line.question for line in lines] == order
    acute = next(line for line in lines if line.question == form.question("acute_medicines").label)
    assert acute.answer.startswith("1. ")


def test_a_partial_draft_is_listed_as_stored(form) -> None:
    lines = answer_listing(form, {"given_name": "Zoë", "acute_medicines": [], "headache_days": 12})
    by_question = {line.question: line.answer for line in lines}
    assert by_question[form.question("given_name").label] == "Zoë"
    assert by_question[form.question("acute_medicines").label] == form.question("acute_medicines").none_label
    assert by_question[form.question("headache_days").label].startswith("12")


def test_red_flags_answered_yes_or_not_sure_come_first_and_are_marked(form) -> None:
    answers = {"given_name": "Zoë", "headache_days": 12, "rf_cancer": "no", "rf_thunderclap": "yes", "rf_systemic": "unsure"}
    lines = answer_listing(form, answers)
    assert [(line.question, line.red_flag) for line in lines[:2]] == [
        (form.question("rf_systemic").label, True),
        (form.question("rf_thunderclap").label, True),
    ], "in form order among themselves"
    assert {line.section for line in lines[:2]} == {RED_FLAGS_FIRST}
    rest = lines[2:]
    assert not any(line.red_flag for line in rest)
    assert [line.question for line in rest] == [form.question(key).label for key in ("given_name", "headache_days", "rf_cancer")]
    assert rest[-1].section == form.section_of("rf_cancer").title, "a red-flag question answered no stays in its section"
