"""Visibility, clearing hidden answers, cross-field rules."""

from __future__ import annotations

from datetime import date

from intake.questionnaire.engine import check_answers, clear_hidden, trial_date_problems, visible
from intake.questionnaire.patient_wording import ENGLISH

ALL = frozenset({"midas"})


def _ids(form, answers, settings=ALL) -> set[str]:
    return {q.id for q in visible(form, answers, settings)}


def test_pregnancy_shown_unless_male(form) -> None:
    assert "pregnant" in _ids(form, {})
    assert "pregnant" in _ids(form, {"sex_at_birth": "female"})
    assert "pregnant" not in _ids(form, {"sex_at_birth": "male"})
    assert "rf_pregnancy_new_headache" not in _ids(form, {"sex_at_birth": "male"})


def test_botox_details_follow_prior_botox(form) -> None:
    assert "botox_cycles" not in _ids(form, {"prior_botox": "no"})
    assert "botox_cycles" in _ids(form, {"prior_botox": "yes"})


def test_acute_details_need_a_row(form) -> None:
    assert "acute_months" not in _ids(form, {"acute_medicines": []})
    assert "acute_months" in _ids(form, {"acute_medicines": [{"medicine": "x", "days_per_month": 1}]})


def test_midas_only_when_switched_on(form) -> None:
    assert "midas_1" not in _ids(form, {}, frozenset())
    assert "midas_1" in _ids(form, {}, ALL)


def test_clear_hidden_drops_answers_that_no_longer_apply(form) -> None:
    answers = {"prior_botox": "no", "botox_cycles": 2, "sex_at_birth": "male", "pregnant": "no", "headache_days": 20}
    assert clear_hidden(form, answers, ALL) == {"prior_botox": "no", "sex_at_birth": "male", "headache_days": 20}


def test_rules_skip_unanswered_operands(form) -> None:
    assert check_answers(form, {"migraine_days": 12}, date(2026, 11, 24), ALL) == []


def test_rule_problem_has_patient_wording(form) -> None:
    [problem] = check_answers(form, {"migraine_days": 13, "headache_days": 12}, date(2026, 11, 24), ALL)
    assert problem.question_id == "migraine_days"
    assert "12" in problem.message


AUTHORED = date(2026, 11, 24)


def _trials(*rows: dict) -> dict:
    return {"preventives": [{"medicine": "topiramate", "outcome": "ineffective", **row} for row in rows]}


def test_trial_months_in_order_and_up_to_the_month_authored_are_fine(form) -> None:
    answers = _trials({"started": "2026-01", "stopped": "2026-11"}, {"started": "2025-05", "stopped": "2025-05"})
    assert trial_date_problems(form, answers, AUTHORED) == []


def test_stopped_before_started_names_the_row_field_with_both_wordings(form) -> None:
    answers = _trials({"started": "2024-03", "stopped": "2024-05"}, {"started": "2024-03", "stopped": "2024-02"})
    [problem] = trial_date_problems(form, answers, AUTHORED)
    assert problem.cli_text == ('preventives[1].stopped: expected a month no earlier than preventives[1].started (2024-03),'
                                ' got "2024-02"')
    assert problem.message == ENGLISH.STOPPED_BEFORE_STARTED


def test_a_month_after_the_month_authored_is_refused_in_either_field(form) -> None:
    answers = _trials({"started": "2026-12"}, {"started": "2026-10", "stopped": "2027-01"})
    problems = trial_date_problems(form, answers, AUTHORED)
    assert [problem.cli_text for problem in problems] == [
        'preventives[0].started: expected a month no later than 2026-11 (authored), got "2026-12"',
        'preventives[1].stopped: expected a month no later than 2026-11 (authored), got "2027-01"',
    ]
    assert {problem.message for problem in problems} == {ENGLISH.MONTH_NOT_YET}


def test_a_month_not_shaped_yyyy_mm_is_refused_not_compared(form) -> None:
    """Text comparison would put "२०२६-05" after every ASCII month and "2026-05\\n" after "2026-05"."""
    answers = _trials({"started": "२०२६-05", "stopped": "2026-05\n"})
    problems = trial_date_problems(form, answers, AUTHORED)
    assert [problem.cli_text for problem in problems] == [
        'preventives[0].started: expected a month as YYYY-MM, got "२०२६-05"',
        'preventives[0].stopped: expected a month as YYYY-MM, got "2026-05\\n"',
    ]
    assert {problem.message for problem in problems} == {ENGLISH.incomplete_month()}


def test_trial_dates_are_part_of_every_answer_check(form) -> None:
    answers = _trials({"started": "2024-03", "stopped": "2024-02"})
    assert [problem.key for problem in check_answers(form, answers, AUTHORED, ALL)] == ["preventives[0].stopped"]
