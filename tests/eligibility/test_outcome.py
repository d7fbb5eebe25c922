"""Outcome precedence, and review findings kept as notes when a higher outcome decides."""

from __future__ import annotations

import pytest

from intake.eligibility.assessment import Outcome, Reason
from intake.eligibility.outcome import Findings, decide, outranked_review_notes

REVIEW = [Reason(code=code, text=code) for code in
          ("medication_overuse", "unknown_acute_overuse", "botulinum_allergy", "concurrent_cgrp_mab", "botox_continuation",
           "prior_botox")]


@pytest.mark.parametrize("outcome", [Outcome.URGENT_REVIEW, Outcome.INCOMPLETE, Outcome.NOT_ELIGIBLE])
def test_outranked_review_findings_become_notes_with_the_same_code(outcome) -> None:
    assert [r.code for r in outranked_review_notes(outcome, REVIEW)] == [
        "unknown_acute_overuse", "concurrent_cgrp_mab", "botox_continuation"
    ]


def test_review_findings_are_reasons_not_notes_when_they_decide() -> None:
    outcome, reasons = decide(Findings(red_flags=[], missing=[], unmet=[], review=REVIEW))
    assert (outcome, reasons) == (Outcome.REVIEW_NEEDED, REVIEW)
    assert outranked_review_notes(outcome, REVIEW) == []


def test_unmet_outranks_review() -> None:
    unmet = [Reason(code="age", text="Age: 17")]
    outcome, reasons = decide(Findings(red_flags=[], missing=[], unmet=unmet, review=REVIEW))
    assert (outcome, reasons) == (Outcome.NOT_ELIGIBLE, unmet)
