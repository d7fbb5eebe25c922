"""Staff read every stored answer in form order, finished or not."""

from __future__ import annotations

from cases import vignette
from intake.app.answer_listing import answer_listing


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
