"""Each criterion kind's row on its own, and each minimum threshold at, below and above its boundary."""

from __future__ import annotations

from datetime import date
from typing import Any, get_args

import pytest

from intake.eligibility import Outcome
from intake.eligibility.criteria import (
    CRITERION_ROWS,
    RowInputs,
    criterion_rows,
    failed_preventives_row,
    minimum_row,
    stopping_rule_row,
)
from intake.eligibility.policy import Criterion, Policy
from intake.eligibility.preventives import PreventiveSummary
from intake.eligibility.prior_botox import assess_prior_botox

AUTHORED = date(2026, 11, 24)


def _inputs(answers: dict[str, Any], policy: Policy, preventives: PreventiveSummary | None = None) -> RowInputs:
    return RowInputs(answers, AUTHORED, preventives, assess_prior_botox(answers, policy, on_continuation=False))


def _criterion(policy: Policy, criterion_id: str) -> Any:
    return next(criterion for criterion in policy.criteria if criterion.id == criterion_id)


def test_every_criterion_kind_has_its_row() -> None:
    assert set(CRITERION_ROWS) == set(get_args(get_args(Criterion)[0]))


def test_a_minimum_row_on_its_own(us_rules) -> None:
    criterion = _criterion(us_rules.policy, "headache_days")
    row = minimum_row(criterion, _inputs({"headache_days": 14}, us_rules.policy))
    assert (row.value, row.status, row.threshold) == (14, "unmet", ">= 15 per month")
    assert minimum_row(criterion, _inputs({}, us_rules.policy)).status == "missing"
    age = minimum_row(_criterion(us_rules.policy, "age"), _inputs({"date_of_birth": date(2008, 11, 25)}, us_rules.policy))
    assert (age.value, age.status) == (17, "unmet")


@pytest.mark.parametrize(("policy", "value", "status"), [("us", 2, "met"), ("nice", 3, "met")])
def test_a_failed_preventives_row_counts_what_its_policy_counts(us_rules, nice_rules, policy, value, status) -> None:
    rules = us_rules if policy == "us" else nice_rules
    criterion = _criterion(rules.policy, "failed_preventives")
    summary = PreventiveSummary([], failed_classes=2, failed_medicines=3)
    row = failed_preventives_row(criterion, _inputs({}, rules.policy, summary))
    assert (row.value, row.status) == (value, status)
    assert failed_preventives_row(criterion, _inputs({}, rules.policy)).status == "missing"


def test_a_stopping_rule_row_reports_the_rule_that_fires(nice_rules) -> None:
    answers = {"prior_botox": "yes", "botox_cycles": 2, "botox_headache_days_before": 20, "botox_headache_days_after": 18}
    row = stopping_rule_row(_criterion(nice_rules.policy, "prior_botox_response"), _inputs(answers, nice_rules.policy))
    assert (row.status, row.threshold) == ("unmet", nice_rules.policy.stopping_threshold)
    assert "10 % fewer" in str(row.value)


def test_rows_come_in_the_policy_order(nice_rules) -> None:
    rows = criterion_rows(nice_rules.policy.criteria, _inputs({}, nice_rules.policy))
    assert [row.id for row in rows] == [criterion.id for criterion in nice_rules.policy.criteria]

BOUNDARIES = [
    ("headache_days", 15, {"migraine_days": 8}),
    ("migraine_days", 8, {}),
    ("hours_per_day", 4, {}),
    ("duration_months", 3, {}),
]


@pytest.mark.parametrize(("key", "threshold", "extra"), BOUNDARIES, ids=[b[0] for b in BOUNDARIES])
@pytest.mark.parametrize("offset", [-1, 0, 1], ids=["below", "at", "above"])
def test_minimum_boundaries(v01, assess, key, threshold, extra, offset) -> None:
    v01["answers"].update(extra)
    v01["answers"][key] = threshold + offset
    result = assess(v01)
    row = next(c for c in result.criteria if c.id == key)
    assert row.value == threshold + offset
    assert row.status == ("unmet" if offset < 0 else "met")
    assert result.outcome is (Outcome.NOT_ELIGIBLE if offset < 0 else Outcome.REFER)


def test_hours_can_be_fractional(v01, assess) -> None:
    v01["answers"]["hours_per_day"] = 3.5
    result = assess(v01)
    assert result.unmet == ["hours_per_day"]


def test_hours_is_not_a_nice_criterion(v01, assess) -> None:
    v01["answers"]["hours_per_day"] = 1
    result = assess(v01, "nice-ta260")
    assert result.outcome is Outcome.REFER
    assert all(c.id != "hours_per_day" for c in result.criteria)


@pytest.mark.parametrize(
    ("birth", "age", "status"),
    [("2008-11-25", 17, "unmet"), ("2008-11-24", 18, "met"), ("2008-11-23", 18, "met"), ("2007-11-24", 19, "met")],
)
def test_age_on_the_date_answers_were_given(v01, assess, birth, age, status) -> None:
    v01["answers"].update(date_of_birth=birth, onset_age=12)
    row = next(c for c in assess(v01).criteria if c.id == "age")
    assert (row.value, row.status) == (age, status)


def test_criteria_rows_carry_threshold_and_source(v01, assess) -> None:
    row = next(c for c in assess(v01).criteria if c.id == "headache_days")
    assert (row.threshold, row.source) == (">= 15 per month", "FDA label; ICHD-3 1.3")
