"""Outcome precedence: URGENT_REVIEW > INCOMPLETE > NOT_ELIGIBLE > REVIEW_NEEDED > REFER.

Each level is decided only from findings computed elsewhere; the reasons listed are those
of the winning level, while every finding stays on the assessment.
"""

from __future__ import annotations

from dataclasses import dataclass

from intake.eligibility.assessment import Outcome, Reason


@dataclass(frozen=True)
class Findings:
    red_flags: list[Reason]
    missing: list[Reason]
    unmet: list[Reason]
    review: list[Reason]


def decide(findings: Findings) -> tuple[Outcome, list[Reason]]:
    for outcome, reasons in (
        (Outcome.URGENT_REVIEW, findings.red_flags),
        (Outcome.INCOMPLETE, findings.missing),
        (Outcome.NOT_ELIGIBLE, findings.unmet),
        (Outcome.REVIEW_NEEDED, findings.review),
    ):
        if reasons:
            return outcome, reasons
    return Outcome.REFER, []
