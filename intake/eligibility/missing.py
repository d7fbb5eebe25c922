"""The answers an assessment cannot do without (clinical rules, "Missing and unsure answers").

This is the one source of truth for INCOMPLETE: what the policy's criteria, red flags and
cautions read, limited to questions the form actually shows for these answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.ichd3 import ATTACK_FEATURES
from intake.eligibility.policy import BotoxStoppingCriterion, FailedPreventivesCriterion, MinimumCriterion, Policy
from intake.questionnaire.engine import is_answered, visible
from intake.questionnaire.expressions import AGE_SOURCE
from intake.questionnaire.form import Form

ALWAYS_NEEDED = ("onset_age", "acute_medicines", "preventives", "prior_botox")
ACUTE_DETAILS = ("acute_distinct_days", "acute_months")
BOTOX_DETAILS = ("botox_cycles", "botox_headache_days_before", "botox_headache_days_after")


def needed_answers(policy: Policy) -> set[str]:
    """Every key this policy reads, before visibility is applied."""
    needed = set(ALWAYS_NEEDED) | set(ACUTE_DETAILS) | set(policy.red_flags) | set(policy.cautions)
    for criterion in policy.criteria:
        if isinstance(criterion, MinimumCriterion):
            needed.add(AGE_SOURCE if criterion.answer == "age" else criterion.answer)
        elif isinstance(criterion, FailedPreventivesCriterion):
            needed.add("preventives")
        elif isinstance(criterion, BotoxStoppingCriterion):
            needed.update(BOTOX_DETAILS)
    return needed


def missing_answers(form: Form, answers: Mapping[str, Any], policy: Policy, settings: frozenset[str]) -> list[str]:
    """Needed keys that the form shows and the patient left unanswered, in form order."""
    needed = needed_answers(policy)
    return [
        question.id
        for question in visible(form, answers, settings)
        if question.id in needed and not is_answered(answers.get(question.id))
    ]


def optional_unanswered(form: Form, answers: Mapping[str, Any], policy: Policy) -> list[str]:
    """Shown questions left empty that no rule needs: notes, not INCOMPLETE.

    Sections switched on by a clinic setting (MIDAS) are left out: whether they were asked
    is not known from the answers alone. So are the attack features: the ICHD-3 panel
    shows them as unknown, and a note for each would bury the notes that matter.
    """
    skipped = needed_answers(policy) | set(ATTACK_FEATURES)
    return [
        question.id
        for question in visible(form, answers, frozenset())
        if question.id not in skipped and not is_answered(answers.get(question.id))
    ]
