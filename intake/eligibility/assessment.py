"""The one object that carries a decision and everything behind it.

The PDF, the staff screen and `intake assess --json` all render an `Assessment`; none of
them recompute clinical logic. Field names follow the `intake assess --json` contract.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Any, Literal

from pydantic import ConfigDict, Field

from intake.frozen import Frozen


class Outcome(StrEnum):
    """Highest precedence first."""

    URGENT_REVIEW = "URGENT_REVIEW"
    INCOMPLETE = "INCOMPLETE"
    NOT_ELIGIBLE = "NOT_ELIGIBLE"
    REVIEW_NEEDED = "REVIEW_NEEDED"
    REFER = "REFER"


class Status(StrEnum):
    MET = "met"
    UNMET = "unmet"
    MISSING = "missing"


class Reason(Frozen):
    """A coded, readable line: why this outcome, or a note for the clinician."""

    code: str
    text: str


class CriterionResult(Frozen):
    id: str
    label: str
    threshold: str
    value: int | float | str | None
    status: Status
    source: str


class PreventiveTrial(Frozen):
    model_config = ConfigDict(populate_by_name=True)

    medicine: str = Field(description="What the patient typed.")
    generic: str | None
    class_id: str | None = Field(alias="class")
    class_label: str | None
    weeks: int | None
    outcome: str
    outcome_label: str
    counts: bool
    reason: str
    dose: str | None = None
    started: str | None = None
    stopped: str | None = None


class AcuteMedicine(Frozen):
    model_config = ConfigDict(populate_by_name=True)

    medicine: str
    generic: str | None
    class_id: str | None = Field(alias="class")
    class_label: str | None
    days_per_month: int
    counted: bool = Field(description="Whether its class counts toward medication overuse.")


class OveruseFinding(Frozen):
    rule: Literal["class", "pooled", "multiple_classes"]
    classes: list[str]
    days: int
    threshold: int
    ichd3: str = Field(description="ICHD-3 code of this kind of overuse (8.2.1-8.2.6).")
    text: str


class MedicationOveruse(Frozen):
    present: bool
    findings: list[OveruseFinding]
    days_per_class: dict[str, int]
    distinct_days: int | None
    acute_months: int | None
    more_than_months: int


class ScreeningAnswer(Frozen):
    """A red-flag, caution or note question with the patient's answer, for the PDF."""

    key: str
    kind: Literal["red_flag", "caution", "note"]
    label: str
    answer: str | None = Field(description="yes, no, unsure; a description for computed flags; None if not asked.")
    flagged: bool


class PriorBotox(Frozen):
    answer: str | None
    cycles: int | None = None
    headache_days_before: int | None = None
    headache_days_after: int | None = None
    months_since_last: int | None = None
    reduction_percent: float | None = None
    summary: str


MidasGrade = Literal["I", "II", "III", "IV"]


class Midas(Frozen):
    score: int
    grade: MidasGrade
    grade_text: str
    pain: int | None
    headache_days_3_months: int | None


class Ichd3Status(StrEnum):
    MET = "met"
    UNMET = "unmet"
    UNKNOWN = "unknown"
    CLINICIAN = "clinician"


class Ichd3Item(Frozen):
    """One item of the ICHD-3 definition, judged from the answers alone."""

    id: str
    label: str
    status: Ichd3Status
    basis: str = Field(description="The answers the status rests on, in words.")


class Ichd3Panel(Frozen):
    """ICHD-3 1.3 (chronic migraine) item by item: shown to the clinician, never decides."""

    summary: str
    items: list[Ichd3Item]


class PolicyOutcome(Frozen):
    policy: str
    title: str
    version: str
    outcome: Outcome
    outcome_text: str


class Assessment(Frozen):
    outcome: Outcome
    outcome_text: str
    reasons: list[Reason]
    policy: str
    policy_title: str
    policy_version: str
    rules_hash: str
    authored: str
    criteria: list[CriterionResult]
    unmet: list[str]
    missing: list[str]
    failed_classes: int
    failed_medicines: int
    preventives: list[PreventiveTrial]
    acute_medicines: list[AcuteMedicine]
    medication_overuse: MedicationOveruse
    red_flags: list[str]
    cautions: list[str]
    notes: list[Reason]
    screening: list[ScreeningAnswer]
    prior_botox: PriorBotox
    midas: Midas | None
    documentation: list[Reason] = Field(description="What staff should obtain to complete a referral.")
    other_policies: list[PolicyOutcome] = Field(default_factory=list)
    ichd3: Ichd3Panel | None = Field(default=None, description="None only on assessments stored before rules 2026.2.")

    def to_json_dict(self) -> dict[str, Any]:
        """The `intake assess --json` object (contract names; `class` not `class_id`)."""
        return self.model_dump(mode="json", by_alias=True)
