"""Treatment continuation: patients on Botox are not turned away on their on-treatment frequency."""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome


def _on_botox(v01: dict, now: int = 8, before: int | None = 22, months_since_last: int | None = 3, **extra: int) -> dict:
    """V01 on Botox: 4 cycles, `now` headache days a month (half of them migraine), 4 months at this level."""
    answers = v01["answers"]
    answers.update(prior_botox="yes", botox_cycles=4, botox_headache_days_after=now, headache_days=now,
                   migraine_days=now // 2, duration_months=4)
    for key, value in (("botox_headache_days_before", before), ("botox_months_since_last", months_since_last)):
        if value is not None:
            answers[key] = value
    answers.update(extra)
    return v01


def _row(result, criterion_id: str):
    return next(c for c in result.criteria if c.id == criterion_id)


def test_us_payer_on_botox_responding_is_review_not_refusal(v01, assess) -> None:
    result = assess(_on_botox(v01), "us-payer")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert [r.code for r in result.reasons] == ["botox_continuation"]
    assert result.reasons[0].text == (
        "On Botox (last 3 months ago): 22 headache days a month before, 8 now: continuation is the clinician's decision"
    )
    assert result.unmet == ["headache_days", "migraine_days"]


def test_unmet_frequency_rows_say_on_botox(v01, assess) -> None:
    result = assess(_on_botox(v01), "us-payer")
    row = _row(result, "headache_days")
    assert (row.status, row.value) == ("unmet", "8 (on Botox; 22 before treatment)")
    assert _row(result, "migraine_days").value == "4 (on Botox; 22 before treatment)"
    assert _row(result, "hours_per_day").value == 8  # met rows keep their plain value


@pytest.mark.parametrize(("months", "continued"), [(6, True), (7, False), (None, True)], ids=["6", "7", "absent"])
def test_on_treatment_up_to_six_months_or_absent(v01, assess, months, continued) -> None:
    result = assess(_on_botox(v01, months_since_last=months), "us-payer")
    assert (result.outcome is Outcome.REVIEW_NEEDED) is continued
    if continued:
        assert [r.code for r in result.reasons] == ["botox_continuation"]
    else:
        assert result.outcome is Outcome.NOT_ELIGIBLE
        assert _row(result, "headache_days").value == 8


def test_months_since_last_absent_is_said(v01, assess) -> None:
    result = assess(_on_botox(v01, months_since_last=None), "us-payer")
    assert result.reasons[0].text.startswith("On Botox (months since last not given): ")


@pytest.mark.parametrize(("before", "continued"), [(14, False), (15, True)])
def test_headache_days_before_must_meet_the_threshold(v01, assess, before, continued) -> None:
    result = assess(_on_botox(v01, before=before), "us-payer")
    assert (result.outcome is Outcome.REVIEW_NEEDED) is continued
    if not continued:
        assert [r.code for r in result.reasons] == ["headache_days", "migraine_days"]


def test_headache_days_before_absent_keeps_continuation(v01, assess) -> None:
    result = assess(_on_botox(v01, before=None), "us-payer")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert "headache days before treatment not given" in result.reasons[0].text
    assert _row(result, "headache_days").value == "8 (on Botox; headache days before treatment not given)"


def test_continuation_replaces_prior_botox_reason_when_frequency_met(v01, assess) -> None:
    result = assess(_on_botox(v01, now=18), "us-payer")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert [r.code for r in result.reasons] == ["botox_continuation"]
    assert result.unmet == []


def test_other_unmet_criterion_is_not_eligible_listing_frequency_too(v01, assess) -> None:
    result = assess(_on_botox(v01, preventives=[]), "us-payer")
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert [r.code for r in result.reasons] == ["headache_days", "migraine_days", "failed_preventives"]
    assert [n.code for n in result.notes if n.code == "botox_continuation"] == ["botox_continuation"]


@pytest.mark.parametrize(("months", "stopped"), [(2, False), (3, True)])
def test_nice_episodic_rule_needs_three_months(v01, assess, months, stopped) -> None:
    result = assess(_on_botox(v01, now=9, duration_months=months), "nice-ta260")
    row = _row(result, "prior_botox_response")
    assert (row.status == "unmet") is stopped
    if stopped:
        assert result.outcome is Outcome.NOT_ELIGIBLE
        assert row.value == f"changed to episodic migraine: 9 headache days a month for {months} months"
        assert [r.code for r in result.reasons] == ["headache_days", "migraine_days", "prior_botox_response"]
    else:
        # 2 months at this level also fails duration_months, which is not a frequency criterion.
        assert result.outcome is Outcome.NOT_ELIGIBLE
        assert "prior_botox_response" not in result.unmet


@pytest.mark.parametrize(("now", "stopped"), [(14, True), (15, False)])
def test_nice_episodic_rule_below_fifteen_days(v01, assess, now, stopped) -> None:
    result = assess(_on_botox(v01, now=now), "nice-ta260")
    assert (_row(result, "prior_botox_response").status == "unmet") is stopped
    assert result.outcome is (Outcome.NOT_ELIGIBLE if stopped else Outcome.REVIEW_NEEDED)
    if not stopped:
        assert [r.code for r in result.reasons] == ["botox_continuation"]


def test_nice_stopping_answers_absent_is_incomplete_with_continuation_note(v01, assess) -> None:
    data = _on_botox(v01, now=18)
    del data["answers"]["botox_cycles"]
    result = assess(data, "nice-ta260")
    assert result.outcome is Outcome.INCOMPLETE
    assert result.missing == ["botox_cycles"]
    assert _row(result, "prior_botox_response").status == "missing"
    assert [n.code for n in result.notes if n.code == "botox_continuation"] == ["botox_continuation"]


def test_us_payer_has_no_stopping_rules(v01, assess) -> None:
    # 22 -> 20 after 4 cycles would be stopped under TA260; the US payer policy reviews it.
    result = assess(_on_botox(v01, now=20), "us-payer")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert all(c.id != "prior_botox_response" for c in result.criteria)


def test_not_on_botox_is_judged_as_before(v01, assess) -> None:
    v01["answers"].update(headache_days=8, migraine_days=4)
    result = assess(v01, "us-payer")
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert not any(n.code == "botox_continuation" for n in result.notes)


def test_unmet_hours_on_botox_read_as_the_patient_gave_them(v01, assess) -> None:
    result = assess(_on_botox(v01, now=18, hours_per_day=3.0), "us-payer")
    assert _row(result, "hours_per_day").value == "3 (on Botox; 22 before treatment)"
    assert result.outcome is Outcome.REVIEW_NEEDED
