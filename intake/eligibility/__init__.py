"""Referral criteria: policies as data, and `evaluate` producing an `Assessment`. No Qt."""

from intake.eligibility.assessment import Assessment, Outcome
from intake.eligibility.evaluate import evaluate
from intake.eligibility.policy import RuleSet, load_rules, shipped_policy_titles
from intake.eligibility.policy_index import default_policy, shipped_policies

__all__ = [
    "Assessment", "Outcome", "RuleSet", "default_policy", "evaluate", "load_rules", "shipped_policies", "shipped_policy_titles"
]
