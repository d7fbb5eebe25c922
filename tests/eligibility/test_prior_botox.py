"""Prior Botox: review under us-payer; the TA260 stopping rules under nice-ta260.

Most cases here had their last Botox a year ago, so they are not on treatment and the
frequency answers are judged as for anyone (treatment continuation: test_continuation.py).
"""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome


def _botox(v01: dict, cycles: int, before: int, after: int, months_since_last: int = 12) -> dict:
    v01["answers"].update(
        prior_botox="yes",
        botox_cycles=cycles,
        botox_headache_days_before=before,
        botox_headache_days_after=after,
        botox_months_since_last=months_since_last,
    )
    return v01


@pytest.mark.parametrize(
    ("before", "after", "outcome"),
    [(20, 14, Outcome.REVIEW_NEEDED), (20, 15, Outcome.NOT_ELIGIBLE), (10, 7, Outcome.REVIEW_NEEDED),
     (22, 18, Outcome.NOT_ELIGIBLE)],
    ids=["30%-not-stopped", "25%-stopped", "exactly-30%", "18%-stopped"],
)
def test_nice_stopping_rule_at_thirty_percent(v01, assess, before, after, outcome) -> None:
    result = assess(_botox(v01, 2, before, after), "nice-ta260")
    assert result.outcome is outcome
    row = next(c for c in result.criteria if c.id == "prior_botox_response")
    assert row.status == ("unmet" if outcome is Outcome.NOT_ELIGIBLE else "met")
    assert row.threshold.startswith(">= 30 % fewer headache days after >= 2 cycles")


def test_29_percent_is_stopped(v01, assess) -> None:
    # 100 -> 71 would need 100 days; 31 -> 22 is 29.03 % fewer.
    result = assess(_botox(v01, 2, 31, 22), "nice-ta260")
    assert result.unmet == ["prior_botox_response"]


def test_stopping_rule_needs_two_cycles(v01, assess) -> None:
    result = assess(_botox(v01, 1, 22, 21), "nice-ta260")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert [r.code for r in result.reasons] == ["prior_botox"]


def test_zero_days_before_cannot_be_computed(v01, assess) -> None:
    result = assess(_botox(v01, 3, 0, 0), "nice-ta260")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert any(n.code == "botox_reduction_unknown" for n in result.notes)


def test_us_payer_any_prior_botox_is_reviewed(v01, assess) -> None:
    result = assess(_botox(v01, 4, 20, 5), "us-payer")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert "4 cycles" in result.reasons[0].text
    assert all(c.id != "prior_botox_response" for c in result.criteria)


def test_nice_without_prior_botox_row_is_met(v01, assess) -> None:
    row = next(c for c in assess(v01, "nice-ta260").criteria if c.id == "prior_botox_response")
    assert (row.status, row.value) == ("met", "no prior Botox")


def test_unsure_is_reviewed_with_note(v01, assess) -> None:
    v01["answers"]["prior_botox"] = "unsure"
    for policy in ("us-payer", "nice-ta260"):
        result = assess(v01, policy)
        assert result.outcome is Outcome.REVIEW_NEEDED
        assert any(n.code == "prior_botox_unsure" for n in result.notes)


def test_nice_missing_details_is_incomplete_us_payer_is_not(v01, assess) -> None:
    v01["answers"].update(prior_botox="yes", botox_cycles=2)
    assert assess(v01, "nice-ta260").missing == ["botox_headache_days_before", "botox_headache_days_after"]
    assert assess(v01, "us-payer").missing == []


def test_response_rule_fires_on_treatment_too(v01, assess) -> None:
    result = assess(_botox(v01, 2, 22, 18, months_since_last=3), "nice-ta260")
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert [r.code for r in result.reasons] == ["prior_botox_response"]
    assert not any(n.code == "botox_continuation" for n in result.notes)


def test_episodic_rule_not_judged_off_treatment(v01, assess) -> None:
    # Last Botox a year ago: 9 headache days now is simply an unmet headache_days criterion.
    v01["answers"].update(headache_days=9, migraine_days=8)
    result = assess(_botox(v01, 4, 22, 8), "nice-ta260")
    assert result.unmet == ["headache_days"]
    row = next(c for c in result.criteria if c.id == "prior_botox_response")
    assert row.status == "met"
