"""Red flags and cautions: yes or unsure, hidden questions, onset age."""

from __future__ import annotations

import pytest

from cases import vignette
from intake.eligibility import Outcome
from intake.eligibility.red_flags import any_red_flag

RED_FLAGS = [
    "rf_systemic", "rf_cancer", "rf_neuro_deficit", "rf_thunderclap", "rf_new_or_changed", "rf_positional",
    "rf_valsalva", "rf_papilledema", "rf_progressive", "rf_pregnancy_new_headache", "rf_eye_autonomic",
    "rf_post_traumatic", "rf_immunosuppressed", "rf_new_drug_at_onset",
]
CAUTIONS = [
    "botulinum_allergy", "injection_site_infection", "neuromuscular_disease", "swallow_breath_problems",
    "aminoglycoside_now", "botulinum_last_3_months", "pregnant", "breastfeeding",
]


@pytest.mark.parametrize("answer", ["yes", "unsure"])
@pytest.mark.parametrize("key", RED_FLAGS)
def test_each_red_flag_gives_urgent_review(v01, assess, key, answer) -> None:
    v01["answers"][key] = answer
    result = assess(v01)
    assert result.outcome is Outcome.URGENT_REVIEW
    assert result.red_flags == [key]
    assert result.reasons[0].code == key


@pytest.mark.parametrize(("onset", "flag"), [(50, False), (51, True)])
def test_onset_age_above_fifty(v01, assess, onset, flag) -> None:
    v01["answers"].update(date_of_birth="1960-01-15", onset_age=onset)
    result = assess(v01)
    assert ("rf_onset_age" in result.red_flags) is flag


def test_long_standing_headache_in_older_patient_is_not_flagged(assess) -> None:
    result = assess(vignette("V13"))
    assert result.red_flags == []


def test_red_flag_wins_over_missing_and_unmet(v01, assess) -> None:
    v01["answers"].update(rf_cancer="unsure", headache_days=5, migraine_days=2)
    del v01["answers"]["hours_per_day"]
    result = assess(v01)
    assert result.outcome is Outcome.URGENT_REVIEW
    assert result.unmet == ["headache_days", "migraine_days"]
    assert result.missing == ["hours_per_day"]


@pytest.mark.parametrize("answer", ["yes", "unsure"])
@pytest.mark.parametrize("key", CAUTIONS)
def test_each_caution_gives_review(v01, assess, key, answer) -> None:
    v01["answers"][key] = answer
    result = assess(v01)
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert result.cautions == [key]


def test_cautions_listed_when_not_eligible(v01, assess) -> None:
    v01["answers"].update(neuromuscular_disease="yes", headache_days=10, migraine_days=8)
    result = assess(v01)
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert result.cautions == ["neuromuscular_disease"]


@pytest.mark.parametrize("answer", ["yes", "unsure"])
def test_anticoagulant_is_a_note_only(v01, assess, answer) -> None:
    v01["answers"]["anticoagulant"] = answer
    result = assess(v01)
    assert result.outcome is Outcome.REFER
    assert [n.code for n in result.notes if n.code == "anticoagulant"] == ["anticoagulant"]


def test_male_patient_is_not_asked_pregnancy_questions(assess) -> None:
    result = assess(vignette("V04"))
    assert "pregnant" not in result.missing
    pregnant = next(item for item in result.screening if item.key == "pregnant")
    assert pregnant.answer is None and not pregnant.flagged


@pytest.mark.parametrize("key", RED_FLAGS)
def test_the_live_alert_reads_the_forms_red_flag_questions(form, us_rules, key) -> None:
    assert form.red_flags == tuple(RED_FLAGS)
    assert any_red_flag({key: "unsure"}, form, us_rules.policy)
    assert not any_red_flag({key: "no"}, form, us_rules.policy)


@pytest.mark.parametrize(("limit", "flag"), [(50, True), (51, False)])
def test_the_live_alert_checks_onset_against_the_loaded_policys_limit(form, us_rules, limit, flag) -> None:
    policy = us_rules.policy.model_copy(update={"onset_age_over": limit})
    assert any_red_flag({"onset_age": 51}, form, policy) is flag


def test_the_live_alert_needs_no_policy_list(form, us_rules) -> None:
    """A policy's list is checked against the form at load; the live alert never reads it."""
    policy = us_rules.policy.model_copy(update={"red_flags": ("rf_cancer",)})
    assert any_red_flag({"rf_thunderclap": "yes"}, form, policy)
