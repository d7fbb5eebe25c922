"""MIDAS score and grade bands: I 0-5, II 6-10, III 11-20, IV 21+."""

from __future__ import annotations

import pytest

from intake.eligibility import Outcome
from intake.eligibility.midas import grade


@pytest.mark.parametrize(
    ("score", "expected"), [(0, "I"), (5, "I"), (6, "II"), (10, "II"), (11, "III"), (20, "III"), (21, "IV"), (270, "IV")]
)
def test_grade_bands(score, expected) -> None:
    assert grade(score)[0] == expected


def test_midas_scored_when_answered(v01, assess) -> None:
    v01["answers"].update(midas_1=2, midas_2=6, midas_3=3, midas_4=8, midas_5=4, midas_a=66, midas_b=7)
    midas = assess(v01).midas
    assert (midas.score, midas.grade) == (23, "IV")


def test_midas_absent_when_not_asked(v01, assess) -> None:
    assert assess(v01).midas is None


def test_midas_items_more_than_headache_days_is_a_note(v01, assess) -> None:
    v01["answers"].update(midas_1=30, midas_2=30, midas_3=0, midas_4=0, midas_5=0, midas_a=20, midas_b=5)
    result = assess(v01)
    assert any(n.code == "implausible" for n in result.notes)



def _midas_notes(v01: dict, assess, midas_a: int, headache_days: int) -> list[str]:
    v01["answers"].update(midas_a=midas_a, headache_days=headache_days, migraine_days=8)
    return [n.text for n in assess(v01).notes if n.code == "midas_headache_days"]


@pytest.mark.parametrize(
    ("midas_a", "headache_days", "noted"),
    [(41, 22, False), (40, 22, True), (63, 15, False), (64, 15, True), (27, 15, False), (26, 15, True)],
)
def test_midas_a_may_differ_from_three_months_of_headache_days_by_a_third_plus_3(
        v01, assess, midas_a, headache_days, noted) -> None:
    # 22 a month is 66 in 3 months, allowed 22 + 3 either way; 15 a month is 45, allowed 18.
    assert bool(_midas_notes(v01, assess, midas_a, headache_days)) is noted


def test_midas_headache_days_note_wording(v01, assess) -> None:
    assert _midas_notes(v01, assess, 12, 22) == [
        "MIDAS: 12 headache days in 3 months, but about 22 a month (66 in 3 months) reported"
    ]


def test_midas_headache_days_note_needs_both_answers(v01, assess) -> None:
    del v01["answers"]["headache_days"]
    v01["answers"].update(midas_a=12, migraine_days=0)
    result = assess(v01)
    assert result.outcome is Outcome.INCOMPLETE
    assert not any(n.code == "midas_headache_days" for n in result.notes)
