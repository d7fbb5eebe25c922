"""INCOMPLETE: exactly the needed answers that the form shows and the patient skipped."""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome
from intake.eligibility.missing import needed_answers
from intake.questionnaire.form import Form

NEEDED = ["date_of_birth", "headache_days", "migraine_days", "hours_per_day", "duration_months", "onset_age",
          "preventives", "acute_medicines", "prior_botox", "rf_thunderclap", "neuromuscular_disease"]


@pytest.mark.parametrize("key", NEEDED)
def test_needed_answer_missing(v01, assess, key) -> None:
    del v01["answers"][key]
    if key == "acute_medicines":
        del v01["answers"]["acute_distinct_days"], v01["answers"]["acute_months"]
    result = assess(v01)
    assert result.outcome is Outcome.INCOMPLETE
    assert result.missing == [key]
    assert result.reasons[0].code == key


def test_null_counts_as_missing(v01, assess) -> None:
    v01["answers"]["migraine_days"] = None
    assert assess(v01).missing == ["migraine_days"]


def test_hours_not_needed_under_nice(v01, assess) -> None:
    del v01["answers"]["hours_per_day"]
    assert assess(v01, "nice-ta260").missing == []


def test_acute_details_needed_only_with_acute_medicines(v01, assess) -> None:
    del v01["answers"]["acute_months"]
    assert assess(v01).missing == ["acute_months"]


def test_optional_unanswered_is_a_note(v01, assess) -> None:
    del v01["answers"]["sex_at_birth"]
    result = assess(v01)
    assert result.outcome is Outcome.REFER
    assert any(n.code == "unanswered" and "Sex" in n.text for n in result.notes)


def test_missing_wins_over_unmet(v01, assess) -> None:
    v01["answers"]["headache_days"] = 3
    v01["answers"]["migraine_days"] = 2
    del v01["answers"]["duration_months"]
    result = assess(v01)
    assert result.outcome is Outcome.INCOMPLETE
    assert result.unmet == ["headache_days", "migraine_days"]


def test_botox_details_are_needed_by_a_stopping_rule_only(v01, assess) -> None:
    v01["answers"].update(prior_botox="yes", botox_cycles=3, botox_headache_days_before=20, botox_months_since_last=12)
    assert assess(v01, "nice-ta260").missing == ["botox_headache_days_after"]
    assert assess(v01).missing == []


def _unmarked(form: Form, question_id: str) -> Form:
    data = form.model_dump()
    next(q for s in data["sections"] for q in s["questions"] if q["id"] == question_id)["needed_by"] = None
    return Form.model_validate(data)


def test_the_form_marks_what_every_policy_needs(form, us_rules, nice_rules) -> None:
    marked = {"onset_age", "acute_medicines", "acute_distinct_days", "acute_months", "preventives", "prior_botox"}
    botox = {"botox_cycles", "botox_headache_days_before", "botox_headache_days_after"}
    assert marked <= needed_answers(us_rules.policy, form)
    assert not botox & needed_answers(us_rules.policy, form)
    assert marked | botox <= needed_answers(nice_rules.policy, form)
    assert "onset_age" not in needed_answers(us_rules.policy, _unmarked(form, "onset_age"))
