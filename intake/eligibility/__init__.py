"""Referral criteria: policies as data, and `evaluate` producing an `Assessment`. No Qt."""

from intake.eligibility.assessment import Assessment, Outcome
from intake.eligibility.evaluate import evaluate
from intake.eligibility.policy import DEFAULT_POLICY, RuleSet, load_rules, shipped_policies

__all__ = ["DEFAULT_POLICY", "Assessment", "Outcome", "RuleSet", "evaluate", "load_rules", "shipped_policies"]
