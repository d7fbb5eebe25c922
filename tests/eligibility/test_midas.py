"""MIDAS score and grade bands: I 0-5, II 6-10, III 11-20, IV 21+."""

from __future__ import annotations

import pytest

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
