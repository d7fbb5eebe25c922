"""Medication overuse boundaries (ICHD-3 8.2) through the whole assessment."""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome


def _acute(v01: dict, rows: list[tuple[str, int]], distinct: int, months: int = 12) -> dict:
    v01["answers"]["acute_medicines"] = [{"medicine": name, "days_per_month": days} for name, days in rows]
    v01["answers"]["acute_distinct_days"] = distinct
    v01["answers"]["acute_months"] = months
    return v01


@pytest.mark.parametrize("policy", ["us-payer", "nice-ta260"])
@pytest.mark.parametrize(("days", "overuse"), [(9, False), (10, True), (11, True)])
def test_triptan_threshold_is_ten_days(v01, assess, policy, days, overuse) -> None:
    result = assess(_acute(v01, [("sumatriptan", days)], days), policy)
    assert result.medication_overuse.present is overuse
    assert (result.outcome is Outcome.REVIEW_NEEDED) is overuse
    if overuse:
        assert [r.code for r in result.reasons] == ["medication_overuse"]
        assert result.medication_overuse.findings[0].rule == "class"


@pytest.mark.parametrize(("days", "overuse"), [(14, False), (15, True), (16, True)])
def test_simple_analgesics_pool_to_fifteen(v01, assess, days, overuse) -> None:
    result = assess(_acute(v01, [("paracetamol", days - 7), ("ibuprofen", 7)], days))
    assert result.medication_overuse.days_per_class == {"non_opioid_analgesic": days}
    assert result.medication_overuse.present is overuse
    if overuse:
        assert result.medication_overuse.findings[0].rule == "pooled"


@pytest.mark.parametrize(("months", "overuse"), [(2, False), (3, False), (4, True)])
def test_needs_more_than_three_months(v01, assess, months, overuse) -> None:
    result = assess(_acute(v01, [("sumatriptan", 12)], 12, months))
    assert result.medication_overuse.present is overuse
    if not overuse:
        assert any(note.code == "overuse_not_yet" for note in result.notes)


def test_class_days_capped_at_distinct_days(v01, assess) -> None:
    result = assess(_acute(v01, [("sumatriptan", 6), ("rizatriptan", 5)], 10))
    assert result.medication_overuse.days_per_class == {"triptan": 10}
    assert result.medication_overuse.present


def test_two_triptans_summed(v01, assess) -> None:
    result = assess(_acute(v01, [("sumatriptan", 6), ("Maxalt", 5)], 11))
    assert result.medication_overuse.days_per_class == {"triptan": 11}


@pytest.mark.parametrize(("distinct", "overuse"), [(9, False), (10, True)])
def test_multiple_classes_on_distinct_days(v01, assess, distinct, overuse) -> None:
    result = assess(_acute(v01, [("rizatriptan", 5), ("naproxen", 6)], distinct))
    assert result.medication_overuse.present is overuse
    if overuse:
        finding = result.medication_overuse.findings[0]
        assert finding.rule == "multiple_classes"
        assert sorted(finding.classes) == ["non_opioid_analgesic", "triptan"]
        assert finding.days == 10


def test_multiple_classes_not_applied_when_one_class_overused(v01, assess) -> None:
    result = assess(_acute(v01, [("sumatriptan", 10), ("naproxen", 6)], 14))
    assert [f.rule for f in result.medication_overuse.findings] == ["class"]


def test_gepant_days_do_not_count_toward_multiple_classes(v01, assess) -> None:
    # 6 triptan + 6 ubrogepant on 12 distinct days: only one counted class is used.
    result = assess(_acute(v01, [("sumatriptan", 6), ("ubrogepant", 6)], 12))
    assert result.medication_overuse.days_per_class == {"triptan": 6, "gepant_acute": 6}
    assert not result.medication_overuse.present


def test_gepant_and_ditan_shown_not_counted(v01, assess) -> None:
    result = assess(_acute(v01, [("ubrogepant", 20), ("lasmiditan", 12)], 25))
    assert not result.medication_overuse.present
    assert {m.class_id: m.counted for m in result.acute_medicines} == {"gepant_acute": False, "ditan": False}


def test_unknown_acute_medicine_shown_with_note(v01, assess) -> None:
    result = assess(_acute(v01, [("Grandma's tea", 20)], 20))
    assert result.acute_medicines[0].class_id is None
    assert result.acute_medicines[0].days_per_month == 20
    assert not result.medication_overuse.present
    assert any(note.code == "unknown_medicine" and "Grandma" in note.text for note in result.notes)


def test_no_acute_medicines_means_none(v01, assess) -> None:
    answers = v01["answers"]
    answers["acute_medicines"] = []
    del answers["acute_distinct_days"], answers["acute_months"]
    result = assess(v01)
    assert result.outcome is Outcome.REFER
    assert result.medication_overuse.days_per_class == {}


@pytest.mark.parametrize(
    ("rows", "distinct", "rule", "code"),
    [
        ([("sumatriptan", 10)], 10, "class", "8.2.2"),
        ([("ergotamine", 10)], 10, "class", "8.2.1"),
        ([("tramadol", 10)], 10, "class", "8.2.4"),
        ([("co-codamol", 10)], 10, "class", "8.2.5"),
        ([("paracetamol", 8), ("ibuprofen", 7)], 15, "pooled", "8.2.3"),
        ([("rizatriptan", 5), ("naproxen", 6)], 10, "multiple_classes", "8.2.6"),
    ],
    ids=["triptan", "ergot", "opioid", "combination", "pooled", "multiple"],
)
def test_every_finding_names_its_ichd3_code(v01, assess, rows, distinct, rule, code) -> None:
    result = assess(_acute(v01, rows, distinct))
    assert [(f.rule, f.ichd3) for f in result.medication_overuse.findings] == [(rule, code)]


def test_two_classes_overused_give_two_codes(v01, assess) -> None:
    result = assess(_acute(v01, [("sumatriptan", 10), ("codeine", 12)], 20))
    assert sorted(f.ichd3 for f in result.medication_overuse.findings) == ["8.2.2", "8.2.4"]


def _codes(result) -> list[str]:
    return [r.code for r in result.reasons]


@pytest.mark.parametrize(("days", "months", "review"), [(9, 4, False), (10, 4, True), (10, 3, False), (12, 6, True)])
def test_unknown_acute_medicine_on_ten_days_for_more_than_three_months(v01, assess, days, months, review) -> None:
    result = assess(_acute(v01, [("Migrastop", days)], days, months))
    assert not result.medication_overuse.present
    assert _codes(result) == (["unknown_acute_overuse"] if review else [])
    assert result.outcome is (Outcome.REVIEW_NEEDED if review else Outcome.REFER)


def test_unknown_acute_overuse_wording(v01, assess) -> None:
    result = assess(_acute(v01, [("Migrastop", 12), ("ibuprofen", 3)], 14, 6))
    assert result.reasons[0].text == (
        "Possible medication overuse: 'Migrastop' on 12 days a month is not in the medicine list: clinician to check"
    )
    assert any(note.code == "unknown_medicine" for note in result.notes)


def test_rows_naming_one_unknown_medicine_are_added(v01, assess) -> None:
    result = assess(_acute(v01, [("Migrastop", 6), ("  MIGRASTOP ", 5)], 11))
    assert [r.text for r in result.reasons] == [
        "Possible medication overuse: 'Migrastop' on 11 days a month is not in the medicine list: clinician to check"
    ]


def test_added_rows_are_capped_at_distinct_days(v01, assess) -> None:
    result = assess(_acute(v01, [("Migrastop", 6), ("migrastop", 6)], 9))
    assert _codes(result) == []


def test_each_unknown_medicine_is_judged_on_its_own_days(v01, assess) -> None:
    result = assess(_acute(v01, [("Migrastop", 10), ("Zolvadin", 10), ("Headex", 5)], 25))
    assert [r.text.split("'")[1] for r in result.reasons] == ["Migrastop", "Zolvadin"]


def test_two_unknowns_below_ten_each_are_not_pooled(v01, assess) -> None:
    result = assess(_acute(v01, [("Migrastop", 6), ("Zolvadin", 6)], 12))
    assert result.outcome is Outcome.REFER


def test_preventive_listed_for_attacks_is_not_unlisted(v01, assess) -> None:
    result = assess(_acute(v01, [("topiramate", 20)], 20))
    assert _codes(result) == []
    assert any(note.code == "not_acute_medicine" for note in result.notes)


def test_unknown_acute_overuse_beside_real_overuse(v01, assess) -> None:
    result = assess(_acute(v01, [("sumatriptan", 10), ("Migrastop", 10)], 15))
    assert _codes(result) == ["medication_overuse", "unknown_acute_overuse"]


def test_unknown_acute_overuse_is_a_note_under_a_higher_outcome(v01, assess) -> None:
    data = _acute(v01, [("Migrastop", 12)], 12)
    data["answers"]["headache_days"] = 10
    data["answers"]["migraine_days"] = 8
    result = assess(data)
    assert result.outcome is Outcome.NOT_ELIGIBLE
    assert [n.code for n in result.notes if n.code == "unknown_acute_overuse"] == ["unknown_acute_overuse"]
