"""The visit model behind the wizard: answers, visibility, page problems, alerts."""

from __future__ import annotations

from datetime import date

import pytest

from cases import vignette
from intake.app.visit import Visit, new_visit_id
from intake.questionnaire.response import parse_response


@pytest.fixture
def visit(form, us_rules) -> Visit:
    return Visit(form, us_rules, frozenset(), authored=date(2026, 11, 24))


def test_visit_ids_sort_by_time_and_carry_nothing_else() -> None:
    first = new_visit_id()
    assert len(first) == len("20261124-101500-a1b2c3")
    assert first.split("-")[0].isdigit()
    assert new_visit_id() != first


def test_hiding_a_question_drops_its_answer(visit) -> None:
    visit.set_answer("sex_at_birth", "female")
    visit.set_answer("pregnant", "yes")
    assert visit.set_answer("sex_at_birth", "male") == ["pregnant"]
    assert "pregnant" not in visit.answers
    assert "rf_pregnancy_new_headache" not in visit.shown()


def test_sections_follow_clinic_settings(form, us_rules) -> None:
    without = Visit(form, us_rules, frozenset())
    with_midas = Visit(form, us_rules, frozenset({"midas"}))
    assert "midas" not in [section.id for section in without.sections()]
    assert with_midas.sections()[-1].id == "midas"


def test_page_problems_name_each_question_in_screen_order(visit, form) -> None:
    section = form.section_of("headache_days")
    visit.set_answer("headache_days", 12)
    visit.set_answer("migraine_days", 20)
    problems = visit.page_problems(section, {"hours_per_day": "Please enter a number from 0 to 24."})
    assert [(problem.key, problem.message) for problem in problems] == [
        ("onset_age", "Please enter a whole number from 0 to 120."),
        ("hours_per_day", "Please enter a number from 0 to 24."),
        ("duration_months", "Please enter a whole number from 0 to 1440."),
        ("migraine_days", "Migraine days can't be more than headache days (you said 12 headache days)."),
    ]


def test_hidden_questions_are_never_required(visit, form) -> None:
    visit.set_answer("sex_at_birth", "male")
    visit.set_answer("prior_botox", "no")
    asked_for = {problem.key for section in form.sections for problem in visit.page_problems(section, {})}
    assert "pregnant" not in asked_for and "botox_cycles" not in asked_for
    assert "headache_days" in asked_for


def test_row_problems_point_at_the_row_field(visit, form) -> None:
    visit.set_answer("preventives", [{"medicine": "topiramate"}, {"outcome": "helped"}])
    problems = visit.page_problems(
        form.section_of("preventives"), {"preventives[0].weeks": "Please enter a whole number from 0 to 520."})
    assert [problem.key for problem in problems] == [
        "preventives[0].weeks", "preventives[0].outcome", "preventives[1].medicine",
    ]


def test_an_empty_group_is_an_answer_and_no_group_is_not(visit, form) -> None:
    section = form.section_of("acute_medicines")
    assert [problem.key for problem in visit.page_problems(section, {})] == ["acute_medicines"]
    visit.set_answer("acute_medicines", [])
    assert visit.page_problems(section, {}) == []


def test_staff_alert_fires_once_for_the_first_red_flag(visit) -> None:
    assert not visit.needs_staff_alert()
    visit.set_answer("rf_valsalva", "unsure")
    assert visit.needs_staff_alert()
    visit.set_answer("rf_cancer", "yes")
    assert not visit.needs_staff_alert()
    assert visit.staff_alerted


def test_response_is_checked_like_a_file(visit, form) -> None:
    answers = parse_response(vignette("V01"), form).answers
    for key, value in answers.items():
        visit.set_answer(key, value)
    assert visit.response().answers == answers


def test_impossible_trial_months_show_beside_the_row_field(visit, form) -> None:
    visit.set_answer(
        "preventives", [{"medicine": "topiramate", "outcome": "ineffective", "started": "2024-03", "stopped": "2024-02"}])
    [problem] = visit.page_problems(form.section_of("preventives"), {})
    assert problem.key == "preventives[0].stopped"
    assert problem.message == "This is before the month you started it. Please check both months."


def test_onset_above_the_policys_age_alerts_staff_at_once(visit) -> None:
    visit.set_answer("onset_age", 50)
    assert not visit.needs_staff_alert()
    visit.set_answer("onset_age", 51)
    assert visit.needs_staff_alert()


def test_a_stored_visit_continues_with_its_id_day_and_answers(form, us_rules) -> None:
    stored = vignette("V01")
    continued = Visit.continued(form, us_rules, frozenset(), "20261124-090000-abcdef", stored)
    assert continued.visit_id == "20261124-090000-abcdef"
    assert continued.authored == date.fromisoformat(stored["authored"])
    expected = {"form": stored["form"], "authored": stored["authored"], "language": "en", "answers": stored["answers"]}
    assert continued.draft() == expected, "the kiosk records the language the visit goes on in"
    assert continued.response() == parse_response({**stored, "language": "en"}, form)


def test_a_continued_visit_keeps_the_optional_sections_already_answered(form, us_rules) -> None:
    stored = vignette("V25")
    continued = Visit.continued(form, us_rules, frozenset(), "20261124-090000-abcdef", stored)
    assert "midas" in continued.enabled
    assert continued.answers["midas_a"] == stored["answers"]["midas_a"]


def test_a_red_flag_already_answered_does_not_alert_staff_again(form, us_rules) -> None:
    continued = Visit.continued(form, us_rules, frozenset(), "20261124-090000-abcdef", vignette("V14"))
    assert continued.staff_alerted and not continued.needs_staff_alert()
    quiet = Visit.continued(form, us_rules, frozenset(), "20261124-090000-abcdef", {"answers": {"given_name": "Ana"}})
    assert not quiet.staff_alerted and quiet.authored == date.today()
