"""MIDAS score and grade (Stewart et al.): items 1-5 summed over the last 3 months."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.assessment import Midas, Reason

ITEMS = ("midas_1", "midas_2", "midas_3", "midas_4", "midas_5")
GRADES = ((21, "IV", "severe disability"), (11, "III", "moderate disability"), (6, "II", "mild disability"), (0, "I", "little or no disability"))


def grade(score: int) -> tuple[str, str]:
    """I 0-5, II 6-10, III 11-20, IV 21 and above."""
    return next((name, text) for floor, name, text in GRADES if score >= floor)


def assess_midas(answers: Mapping[str, Any]) -> tuple[Midas | None, list[Reason]]:
    given = [answers.get(item) for item in ITEMS]
    if all(value is None for value in given):
        return None, []
    if any(value is None for value in given):
        return None, [Reason(code="midas_incomplete", text="MIDAS not scored: items 1-5 are not all answered")]
    score = sum(given)
    name, text = grade(score)
    return (
        Midas(
            score=score,
            grade=name,  # type: ignore[arg-type]
            grade_text=text,
            pain=answers.get("midas_b"),
            headache_days_3_months=answers.get("midas_a"),
        ),
        [],
    )
