"""Red flags (SNNOOP10): any `yes` or `unsure`, or onset above the policy's age."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.assessment import ScreeningAnswer
from intake.eligibility.policy import Policy
from intake.eligibility.screening import screening_answers
from intake.questionnaire.form import Form

ONSET_AGE_FLAG = "rf_onset_age"


def onset_age_flag(answers: Mapping[str, Any], policy: Policy) -> ScreeningAnswer:
    """The computed flag: onset strictly above the limit (51 fires at 50, 50 does not)."""
    onset = answers.get("onset_age")
    limit = policy.onset_age_over
    return ScreeningAnswer(
        key=ONSET_AGE_FLAG,
        kind="red_flag",
        label=f"Headaches first started after age {limit}",
        answer=None if onset is None else f"started at age {onset}",
        flagged=onset is not None and onset > limit,
    )


def red_flag_answers(answers: Mapping[str, Any], policy: Policy, form: Form) -> list[ScreeningAnswer]:
    return [*screening_answers(policy.red_flags, "red_flag", answers, form), onset_age_flag(answers, policy)]
