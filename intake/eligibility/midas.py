"""MIDAS score and grade (Stewart et al.): items 1-5 summed over the last 3 months.

MIDAS A (headache days in 3 months) is also a second look at the headache days a month;
when the two disagree by more than a third plus 3 days, the clinician is told, nothing more.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.assessment import Midas, MidasGrade, Reason

ITEMS = ("midas_1", "midas_2", "midas_3", "midas_4", "midas_5")
GRADES: tuple[tuple[int, MidasGrade, str], ...] = (
    (21, "IV", "severe disability"),
    (11, "III", "moderate disability"),
    (6, "II", "mild disability"),
    (0, "I", "little or no disability"),
)


def grade(score: int) -> tuple[MidasGrade, str]:
    """I 0-5, II 6-10, III 11-20, IV 21 and above."""
    return next((name, text) for floor, name, text in GRADES if score >= floor)


def _days(count: int) -> str:
    return f"{count} headache day{'s' if count != 1 else ''}"


def headache_days_note(answers: Mapping[str, Any]) -> list[Reason]:
    """MIDAS A against 3 x headache days a month, allowing a difference of headache days + 3."""
    in_3_months, a_month = answers.get("midas_a"), answers.get("headache_days")
    if in_3_months is None or a_month is None or abs(in_3_months - 3 * a_month) <= a_month + 3:
        return []
    return [
        Reason.made(
            code="midas_headache_days",
            text=f"MIDAS: {_days(in_3_months)} in 3 months, but about {a_month} a month ({3 * a_month} in 3 months) reported",
        )
    ]


def assess_midas(answers: Mapping[str, Any]) -> tuple[Midas | None, list[Reason]]:
    answered = [answers[item] for item in ITEMS if answers.get(item) is not None]
    consistency = headache_days_note(answers)
    if not answered:
        return None, consistency
    if len(answered) < len(ITEMS):
        return None, [Reason.made(code="midas_incomplete", text="MIDAS not scored: items 1-5 are not all answered"), *consistency]
    score = sum(answered)
    name, text = grade(score)
    return (
        Midas.made(
            score=score,
            grade=name,
            grade_text=text,
            pain=answers.get("midas_b"),
            headache_days_3_months=answers.get("midas_a"),
        ),
        consistency,
    )
