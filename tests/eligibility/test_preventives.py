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


def _could_change(result) -> list[str]:
    return [n.text for n in result.notes if n.code == "unknown_preventive_could_change"]


def test_unknown_failed_trial_that_would_meet_the_criterion_is_a_note(v01, assess) -> None:
    result = assess(_trials(v01, _trial("propranolol", 12), _trial("Wonderpill", 12)))
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert _could_change(result) == ["Could meet the failed-preventives criterion if 'Wonderpill' is identified"]


def test_could_change_note_whether_or_not_other_criteria_are_unmet(v01, assess) -> None:
    data = _trials(v01, _trial("propranolol", 12), _trial("Wonderpill", 4, "not_tolerated"))
    data["answers"].update(headache_days=10, migraine_days=8)
    result = assess(data)
    assert result.unmet == ["headache_days", "failed_preventives"]
    assert len(_could_change(result)) == 1


def test_could_change_names_every_unknown_needed(v01, assess) -> None:
    data = _trials(v01, _trial("propranolol", 12), _trial("Wonderpill", 12), _trial("Calmex", 0, "contraindicated"))
    assert _could_change(assess(data, "nice-ta260")) == [
        "Could meet the failed-preventives criterion if 'Wonderpill' and 'Calmex' are identified"
    ]


@pytest.mark.parametrize(
    "row",
    [_trial("Wonderpill", 7), _trial("Wonderpill", None), _trial("Wonderpill", 12, "still_taking"),
     _trial("Wonderpill", 12, "helped")],
    ids=["short", "length-unknown", "still-taking", "helped"],
)
def test_no_could_change_note_when_the_unknown_would_not_count(v01, assess, row) -> None:
    result = assess(_trials(v01, _trial("propranolol", 12), row))
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert _could_change(result) == []


def test_no_could_change_note_when_not_enough_even_so(v01, assess) -> None:
    result = assess(_trials(v01, _trial("Wonderpill", 12)), "nice-ta260")
    assert _could_change(result) == []


def test_no_could_change_note_when_the_criterion_is_met(v01, assess) -> None:
    data = _trials(v01, _trial("propranolol", 12), _trial("topiramate", 12), _trial("Wonderpill", 12))
    data["answers"].update(headache_days=10, migraine_days=8)
    result = assess(data)
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert _could_change(result) == []


CGRP_TEXT = "Currently taking a CGRP antibody (Aimovig): many payers do not fund it together with onabotulinumtoxinA"


def test_still_taking_a_cgrp_antibody_is_reviewed_under_us_payer(v01, assess) -> None:
    v01["answers"]["preventives"].append(_trial("Aimovig", 26, "still_taking"))
    result = assess(v01, "us-payer")
    assert result.outcome is Outcome.REVIEW_NEEDED
    assert [(r.code, r.text) for r in result.reasons] == [("concurrent_cgrp_mab", CGRP_TEXT)]


def test_still_taking_a_cgrp_antibody_is_a_note_under_nice(v01, assess) -> None:
    v01["answers"]["preventives"].append(_trial("Aimovig", 26, "still_taking"))
    result = assess(v01, "nice-ta260")
    assert result.outcome is Outcome.REFER
    assert [n.text for n in result.notes if n.code == "concurrent_cgrp_mab"] == [CGRP_TEXT]


@pytest.mark.parametrize("policy", ["us-payer", "nice-ta260"])
def test_a_cgrp_antibody_that_helped_is_not_concurrent(v01, assess, policy) -> None:
    v01["answers"]["preventives"].append(_trial("Aimovig", 26, "helped"))
    result = assess(v01, policy)
    assert result.outcome is Outcome.REFER
    assert not any(n.code == "concurrent_cgrp_mab" for n in [*result.notes, *result.reasons])


def test_concurrent_cgrp_is_a_note_under_a_higher_outcome(v01, assess) -> None:
    v01["answers"]["preventives"] = [_trial("Aimovig", 26, "still_taking")]
    result = assess(v01, "us-payer")
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert [n.code for n in result.notes if n.code == "concurrent_cgrp_mab"] == ["concurrent_cgrp_mab"]


def test_one_unknown_medicine_twice_counts_once_for_the_note(v01, assess) -> None:
    data = _trials(v01, _trial("propranolol", 12), _trial("Wonderpill", 12), _trial("wonderpill", 3, "not_tolerated"))
    assert _could_change(assess(data, "nice-ta260")) == []
