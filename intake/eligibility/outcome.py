"""Outcome precedence: URGENT_REVIEW > INCOMPLETE > NOT_ELIGIBLE > REVIEW_NEEDED > REFER.

Each level is decided only from findings computed elsewhere; the reasons listed are those
of the winning level, while every finding stays on the assessment. Review findings that
are not kept elsewhere on the assessment become notes when a higher level wins.
"""

from __future__ import annotations

from typing import NamedTuple

from intake.eligibility.assessment import Outcome, Reason

NOTED_WHEN_OUTRANKED = ("unknown_acute_overuse", "concurrent_cgrp_mab", "botox_continuation")


class Findings(NamedTuple):
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


def outranked_review_notes(outcome: Outcome, review: list[Reason]) -> list[Reason]:
    """Review findings kept as notes (same code) under URGENT_REVIEW, INCOMPLETE or NOT_ELIGIBLE."""
    if outcome in (Outcome.REVIEW_NEEDED, Outcome.REFER):
        return []
    return [reason for reason in review if reason.code in NOTED_WHEN_OUTRANKED]
