"""Red flags (SNNOOP10): any `yes` or `unsure`, or onset above the policy's age.

Two readers: the assessment lists the policy's `red_flags` one by one for the summary,
and the kiosk's live alert asks only whether any flag is up, from the questions the form
marks `red_flag` (which every policy must name exactly, checked at load).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.assessment import ScreeningAnswer
from intake.eligibility.policy import Policy
from intake.eligibility.screening import is_positive, screening_answers
from intake.questionnaire.form import Form

ONSET_AGE_FLAG = "rf_onset_age"


def onset_age_flag(answers: Mapping[str, Any], policy: Policy) -> ScreeningAnswer:
    """The computed flag: onset strictly above the limit (51 fires at 50, 50 does not)."""
    onset = answers.get("onset_age")
    limit = policy.onset_age_over
    return ScreeningAnswer.made(
        key=ONSET_AGE_FLAG,
        kind="red_flag",
        label=f"Headaches first started after age {limit}",
        answer=None if onset is None else f"started at age {onset}",
        flagged=onset is not None and onset > limit,
    )


def red_flag_answers(answers: Mapping[str, Any], policy: Policy, form: Form) -> list[ScreeningAnswer]:
    return [*screening_answers(policy.red_flags, "red_flag", answers, form), onset_age_flag(answers, policy)]


def any_red_flag(answers: Mapping[str, Any], form: Form, policy: Policy) -> bool:
    """The live alert: a red-flag question of the form answered yes or unsure, or onset above the policy's age."""
    return any(is_positive(answers.get(key)) for key in form.red_flags) or onset_age_flag(answers, policy).flagged
