"""The answers an assessment cannot do without (clinical rules, "Missing and unsure answers").

This is the one source of truth for INCOMPLETE: the answers the policy names (its
criteria, red flags and cautions) and those the form marks `needed_by` every policy or
by a kind of criterion the policy has, limited to questions the form actually shows for
these answers. Which questions those are depends on the policy and the form only, so it
is worked out once per pair; only visibility and the answers are judged each time.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from intake.eligibility.ichd3 import ATTACK_FEATURES
from intake.eligibility.policy import MinimumCriterion, Policy
from intake.eligibility.policy_checks import AGE, EVERY_POLICY
from intake.frozen import per_object
from intake.questionnaire.engine import is_enabled, unanswered
from intake.questionnaire.expressions import AGE_SOURCE
from intake.questionnaire.form import Form, Question


def named_answers(policy: Policy) -> set[str]:
    """The answer keys the policy file names: its minimum criteria, red flags and cautions."""
    minimums = {
        AGE_SOURCE if criterion.answer == AGE else criterion.answer
        for criterion in policy.criteria
        if isinstance(criterion, MinimumCriterion)
    }
    return minimums | set(policy.red_flags) | set(policy.cautions)


@per_object
def needed_answers(policy: Policy, form: Form) -> frozenset[str]:
    """Every key this policy needs, before visibility is applied."""
    rules = {EVERY_POLICY, *(criterion.kind for criterion in policy.criteria)}
    marked = {question.id for question in form.questions() if question.needed_by in rules}
    return frozenset(marked | named_answers(policy))


class _Needed(NamedTuple):
    questions: tuple[Question, ...]
    """The questions the policy needs, in form order."""
    setting: dict[str, str | None]
    """By question, the clinic setting that switches its section on (None: always asked)."""


@per_object
def _needed_questions(policy: Policy, form: Form) -> _Needed:
    needed = needed_answers(policy, form)
    pairs = [(question, section.setting) for section in form.sections for question in section.questions if question.id in needed]
    return _Needed(tuple(question for question, _ in pairs), {question.id: setting for question, setting in pairs})


@per_object
def _optional_questions(policy: Policy, form: Form) -> tuple[Question, ...]:
    """The questions of the always-asked sections that no rule needs, in form order (see `optional_unanswered`)."""
    skipped = needed_answers(policy, form) | set(ATTACK_FEATURES)
    return tuple(
        question
        for section in form.sections
        if not section.setting
        for question in section.questions
        if question.id not in skipped
    )


def missing_answers(form: Form, answers: Mapping[str, Any], policy: Policy, settings: frozenset[str]) -> list[str]:
    """Needed keys that the form shows and the patient left unanswered, in form order."""
    needed = _needed_questions(policy, form)
    return [
        question.id
        for question in unanswered(needed.questions, answers)
        if _switched_on(needed.setting[question.id], settings) and is_enabled(question, answers)
    ]


def _switched_on(setting: str | None, settings: frozenset[str]) -> bool:
    return not setting or setting in settings


def optional_unanswered(form: Form, answers: Mapping[str, Any], policy: Policy) -> list[str]:
    """Shown questions left empty that no rule needs: notes, not INCOMPLETE.

    Sections switched on by a clinic setting (MIDAS) are left out: whether they were asked
    is not known from the answers alone. So are the attack features: the ICHD-3 panel
    shows them as unknown, and a note for each would bury the notes that matter.
    """
    return [question.id for question in unanswered(_optional_questions(policy, form), answers) if is_enabled(question, answers)]
