"""Each minimum threshold at, below and above its boundary."""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome

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
