"""Treatment continuation: a patient on Botox answers the frequency questions on treatment.

Their headache days now show how well Botox works, not how much they need it, so unmet
frequency criteria stay on the table but do not turn the patient away by themselves: the
policy's stopping rules decide, and otherwise continuation is the clinician's decision.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from intake.eligibility.assessment import CriterionResult, Reason, Status
from intake.eligibility.policy import MinimumCriterion, Policy

FREQUENCY_ANSWERS = ("headache_days", "migraine_days", "hours_per_day")


class Continuation(NamedTuple):
    """A patient on treatment whose headache days before Botox met the policy's threshold."""

    before: int | None
    now: int | None
    months_since_last: int | None


def _frequency_criteria(policy: Policy) -> list[MinimumCriterion]:
    return [c for c in policy.criteria if isinstance(c, MinimumCriterion) and c.answer in FREQUENCY_ANSWERS]


def frequency_ids(policy: Policy) -> set[str]:
    """Criterion ids that judge the response rather than the need while on Botox."""
    return {criterion.id for criterion in _frequency_criteria(policy)}


def assess_continuation(answers: Mapping[str, Any], policy: Policy) -> Continuation | None:
    """The continuation when it applies; None when the patient is judged as anyone else.

    Absent answers keep the patient on treatment (months since last) and count as meeting
    the threshold (days before), so a gap in the answers never turns a patient away.
    """
    if answers.get("prior_botox") != "yes":
        return None
    since = answers.get("botox_months_since_last")
    if since is not None and since > policy.on_treatment_months:
        return None
    before = answers.get("botox_headache_days_before")
    minimums = [c.min for c in _frequency_criteria(policy) if c.answer == "headache_days"]
    if before is not None and any(before < minimum for minimum in minimums):
        return None
    return Continuation(before=before, now=answers.get("headache_days"), months_since_last=since)


def _before_treatment(continuation: Continuation) -> str:
    if continuation.before is None:
        return "headache days before treatment not given"
    return f"{continuation.before} before treatment"


def _shown(value: int | float | str | None) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def on_botox_rows(
    criteria: Sequence[CriterionResult], policy: Policy, continuation: Continuation | None
) -> list[CriterionResult]:
    """Unmet frequency rows with their value followed by "(on Botox; N before treatment)"."""
    if continuation is None:
        return list(criteria)
    frequency = frequency_ids(policy)
    return [
        row.model_copy(update={"value": f"{_shown(row.value)} (on Botox; {_before_treatment(continuation)})"})
        if row.id in frequency and row.status is Status.UNMET
        else row
        for row in criteria
    ]


def deciding_unmet(
    unmet: Sequence[CriterionResult], policy: Policy, continuation: Continuation | None
) -> list[CriterionResult]:
    """Unmet criteria that make NOT_ELIGIBLE: none while on Botox with only frequency criteria unmet.

    When anything else is unmet, every unmet criterion is listed, frequency ones included.
    """
    if continuation is not None and {row.id for row in unmet} <= frequency_ids(policy):
        return []
    return list(unmet)


def _months_ago(months: int) -> str:
    return f"last {months} month{'s' if months != 1 else ''} ago"


def continuation_reason(continuation: Continuation) -> Reason:
    last = (
        "months since last not given"
        if continuation.months_since_last is None
        else _months_ago(continuation.months_since_last)
    )
    before = (
        "headache days before treatment not given"
        if continuation.before is None
        else f"{continuation.before} headache days a month before"
    )
    now = "headache days now not given" if continuation.now is None else f"{continuation.now} now"
    return Reason.made(
        code="botox_continuation",
        text=f"On Botox ({last}): {before}, {now}: continuation is the clinician's decision",
    )
