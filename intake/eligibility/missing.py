"""The answers an assessment cannot do without (clinical rules, "Missing and unsure answers").

This is the one source of truth for INCOMPLETE: the answers the policy names (its
criteria, red flags and cautions) and those the form marks `needed_by` every policy or
by a kind of criterion the policy has, limited to questions the form actually shows for
these answers.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from intake.eligibility.ichd3 import ATTACK_FEATURES
from intake.eligibility.policy import MinimumCriterion, Policy
from intake.eligibility.policy_checks import AGE, EVERY_POLICY
from intake.questionnaire.engine import is_answered, visible
from intake.questionnaire.expressions import AGE_SOURCE
from intake.questionnaire.form import Form


def named_answers(policy: Policy) -> set[str]:
    """The answer keys the policy file names: its minimum criteria, red flags and cautions."""
    minimums = {
        AGE_SOURCE if criterion.answer == AGE else criterion.answer
        for criterion in policy.criteria
        if isinstance(criterion, MinimumCriterion)
    }
    return minimums | set(policy.red_flags) | set(policy.cautions)


def needed_answers(policy: Policy, form: Form) -> set[str]:
    """Every key this policy needs, before visibility is applied."""
    rules = {EVERY_POLICY, *(criterion.kind for criterion in policy.criteria)}
    marked = {question.id for question in form.questions() if question.needed_by in rules}
    return marked | named_answers(policy)


def missing_answers(form: Form, answers: Mapping[str, Any], policy: Policy, settings: frozenset[str]) -> list[str]:
    """Needed keys that the form shows and the patient left unanswered, in form order."""
    needed = needed_answers(policy, form)
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
    skipped = needed_answers(policy, form) | set(ATTACK_FEATURES)
    return [
        question.id
        for question in visible(form, answers, frozenset())
        if question.id not in skipped and not is_answered(answers.get(question.id))
    ]
