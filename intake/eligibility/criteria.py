"""One criterion row per policy criterion, each kind judged by a small function of its own.

`CRITERION_ROWS` maps each criterion class of the policy schema to its function. A row
reads the answers and what the assessment works out from them once for other uses too
(the preventive trials, prior Botox), so no row recomputes another part's findings. A
new kind of criterion is a class in `policy.py`, its reads in `policy_checks.KIND_READS`
and its function here.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from intake.eligibility.assessment import CriterionResult, Status
from intake.eligibility.policy import BotoxStoppingCriterion, Criterion, FailedPreventivesCriterion, MinimumCriterion
from intake.eligibility.preventives import PreventiveSummary
from intake.eligibility.prior_botox import BotoxSummary
from intake.questionnaire.expressions import AGE_SOURCE, age_on


class RowInputs(NamedTuple):
    answers: Mapping[str, Any]
    authored: date
    preventives: PreventiveSummary | None
    """The trials judged against the policy's failed-preventives criterion; None when not answered."""
    botox: BotoxSummary


def _at_least_min(
    criterion: MinimumCriterion | FailedPreventivesCriterion, value: int | float | None
) -> CriterionResult:
    """A row comparing a number with the criterion's `min` (inclusive): missing while there is none."""
    if value is None:
        status = Status.MISSING
    elif value >= criterion.min:
        status = Status.MET
    else:
        status = Status.UNMET
    return CriterionResult.made(
        id=criterion.id,
        label=criterion.label,
        threshold=criterion.threshold,
        value=value,
        status=status,
        source=criterion.source,
    )


def minimum_value(criterion: MinimumCriterion, answers: Mapping[str, Any], authored: date) -> int | float | None:
    if criterion.answer == "age":
        birth = answers.get(AGE_SOURCE)
        return age_on(birth, authored) if isinstance(birth, date) else None
    return answers.get(criterion.answer)


def minimum_row(criterion: MinimumCriterion, inputs: RowInputs) -> CriterionResult:
    """An answer (or the age on the day the answers were given) at least `min`."""
    return _at_least_min(criterion, minimum_value(criterion, inputs.answers, inputs.authored))


def failed_preventives_row(criterion: FailedPreventivesCriterion, inputs: RowInputs) -> CriterionResult:
    """At least `min` failed classes or medicines, counted by `preventives.assess_preventives`."""
    return _at_least_min(criterion, None if inputs.preventives is None else inputs.preventives.failed(criterion.count))


def stopping_rule_row(criterion: BotoxStoppingCriterion, inputs: RowInputs) -> CriterionResult:
    """The policy's stopping rules, judged with the rest of prior Botox (`prior_botox`), whose review they decide."""
    judged = inputs.botox.stopping
    return CriterionResult.made(
        id=criterion.id,
        label=criterion.label,
        threshold=judged.threshold,
        value=judged.value,
        status=judged.status,
        source=criterion.source,
    )


CRITERION_ROWS: Mapping[type, Callable[[Any, RowInputs], CriterionResult]] = {
    MinimumCriterion: minimum_row,
    FailedPreventivesCriterion: failed_preventives_row,
    BotoxStoppingCriterion: stopping_rule_row,
}


def criterion_rows(criteria: Sequence[Criterion], inputs: RowInputs) -> list[CriterionResult]:
    """One row per criterion, in the policy's order."""
    return [CRITERION_ROWS[type(criterion)](criterion, inputs) for criterion in criteria]
