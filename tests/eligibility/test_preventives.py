"""Counting failed preventives: trial length, outcomes, classes versus medicines."""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome


def _trials(v01: dict, *rows: dict) -> dict:
    v01["answers"]["preventives"] = list(rows)
    return v01


def _trial(medicine: str, weeks: int | None, outcome: str = "ineffective") -> dict:
    row = {"medicine": medicine, "outcome": outcome}
    if weeks is not None:
        row["weeks"] = weeks
    return row


@pytest.mark.parametrize(("weeks", "counts"), [(7, False), (8, True), (9, True)])
def test_ineffective_needs_eight_weeks(v01, assess, weeks, counts) -> None:
    result = assess(_trials(v01, _trial("propranolol", weeks)))
    assert result.preventives[0].counts is counts
    if not counts:
        assert result.preventives[0].reason == "not counted: 7 weeks, less than the 8-week minimum"


@pytest.mark.parametrize("outcome", ["not_tolerated", "contraindicated"])
def test_intolerance_and_contraindication_count_at_any_length(v01, assess, outcome) -> None:
    result = assess(_trials(v01, _trial("propranolol", 0, outcome), _trial("topiramate", None, outcome)))
    assert [t.counts for t in result.preventives] == [True, True]
    assert result.failed_classes == 2


@pytest.mark.parametrize(("outcome", "reason"), [("still_taking", "still taking"), ("helped", "it helped")])
def test_still_taking_and_helped_never_count(v01, assess, outcome, reason) -> None:
    result = assess(_trials(v01, _trial("propranolol", 52, outcome)))
    assert not result.preventives[0].counts
    assert reason in result.preventives[0].reason


def test_length_unknown_is_not_counted_and_not_missing(v01, assess) -> None:
    result = assess(_trials(v01, _trial("propranolol", None), _trial("topiramate", 10)))
    assert result.preventives[0].reason == "not counted: length unknown"
    assert result.missing == []


def test_brand_and_generic_are_one_medicine(v01, assess) -> None:
    result = assess(_trials(v01, _trial("Topamax", 12), _trial("topiramate", 10), _trial("propranolol", 12)), "nice-ta260")
    assert result.failed_medicines == 2
    assert result.preventives[0].generic == "topiramate"
    assert "already counted" in result.preventives[1].reason


def test_us_payer_counts_classes_nice_counts_medicines(v01, assess) -> None:
    data = _trials(v01, _trial("propranolol", 12), _trial("metoprolol", 10), _trial("atenolol", 3, "not_tolerated"))
    us, nice = assess(data, "us-payer"), assess(data, "nice-ta260")
    assert (us.failed_classes, us.outcome) == (1, Outcome.NOT_ELIGIBLE)
    assert (nice.failed_medicines, nice.outcome) == (3, Outcome.REFER)


@pytest.mark.parametrize("medicine", ["gabapentin", "magnesium", "fluoxetine"])
def test_uncounted_classes_are_listed_not_counted(v01, assess, medicine) -> None:
    result = assess(_trials(v01, _trial(medicine, 12)))
    assert not result.preventives[0].counts
    assert "not a counted preventive class" in result.preventives[0].reason


def test_unknown_preventive(v01, assess) -> None:
    result = assess(_trials(v01, _trial("Wonderpill", 12)))
    trial = result.preventives[0]
    assert (trial.class_id, trial.counts, trial.reason) == (None, False, "not counted: unknown medicine (not in the catalog)")


def test_botox_in_preventive_list_is_not_a_trial(v01, assess) -> None:
    result = assess(_trials(v01, _trial("Botox", 24)))
    assert not result.preventives[0].counts


def test_no_preventives_is_unmet_not_missing(v01, assess) -> None:
    result = assess(_trials(v01))
    assert result.unmet == ["failed_preventives"]
    assert result.outcome is Outcome.NOT_ELIGIBLE


def test_preventives_absent_is_missing(v01, assess) -> None:
    del v01["answers"]["preventives"]
    result = assess(v01)
    assert "preventives" in result.missing
    assert result.outcome is Outcome.INCOMPLETE


def test_adding_a_failed_trial_turns_nice_refer(v01, assess) -> None:
    data = _trials(v01, _trial("propranolol", 12), _trial("topiramate", 12))
    assert assess(data, "nice-ta260").outcome is Outcome.NOT_ELIGIBLE
    data["answers"]["preventives"].append(_trial("candesartan", 0, "contraindicated"))
    assert assess(data, "nice-ta260").outcome is Outcome.REFER
