"""Assessing for a clinic: its own policy, with every other shipped policy side by side."""

from __future__ import annotations

from intake.eligibility import Assessment, evaluate, load_rules, shipped_policies
from intake.eligibility.assessment import PolicyOutcome
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response


def assess_for_clinic(response: Response, form: Form, policy: str | None) -> Assessment:
    """The assessment under `policy` (None: the shipped default), carrying the outcome under each other shipped policy.

    The PDF's comparison table shows where US-payer and NICE rules differ for this patient
    without the report recomputing anything.
    """
    rules = load_rules(policy)
    assessment = evaluate(response, rules, form)
    others = []
    for name in shipped_policies():
        other = load_rules(name)
        if other.policy.name == rules.policy.name:
            continue
        result = evaluate(response, other, form)
        others.append(
            PolicyOutcome(
                policy=other.policy.name,
                title=other.policy.title,
                version=other.policy.version,
                outcome=result.outcome,
                outcome_text=result.outcome_text,
            )
        )
    return assessment.model_copy(update={"other_policies": others})
