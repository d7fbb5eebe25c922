"""Criterion rows for `minimum` criteria: an answer (or age) at least a threshold."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from intake.eligibility.assessment import CriterionResult, Status
from intake.eligibility.policy import MinimumCriterion
from intake.questionnaire.expressions import AGE_SOURCE, age_on


def minimum_value(criterion: MinimumCriterion, answers: Mapping[str, Any], authored: date) -> int | float | None:
    if criterion.answer == "age":
        birth = answers.get(AGE_SOURCE)
        return age_on(birth, authored) if isinstance(birth, date) else None
    return answers.get(criterion.answer)


def assess_minimum(criterion: MinimumCriterion, answers: Mapping[str, Any], authored: date) -> CriterionResult:
    value = minimum_value(criterion, answers, authored)
    if value is None:
        status = Status.MISSING
    else:
        status = Status.MET if value >= criterion.min else Status.UNMET
    return CriterionResult(
        id=criterion.id,
        label=criterion.label,
        threshold=criterion.threshold,
        value=value,
        status=status,
        source=criterion.source,
    )
