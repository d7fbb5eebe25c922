"""Referral policies as data (`forms/policies/*.yaml`).

The code knows the *kinds* of rule (a minimum on an answer, counting failed preventives,
the prior-Botox stopping rules, medication overuse); every number, counted class, red
flag and caution lives in the policy file, with its source. A clinic can point
`--policy` at its own file with the same schema.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import Field, model_validator

from intake.catalog import Catalog, load_catalog
from intake.eligibility.policy_checks import policy_problems
from intake.eligibility.policy_index import POLICY_NAME, default_policy, shipped_policies
from intake.frozen import Frozen
from intake.paths import CATALOG_FILE, POLICIES_DIR
from intake.plain_text import placeholder_problem
from intake.yamlfile import DataFileError, load_model

KEY = r"^[a-z][a-z0-9_]*$"


class _CriterionBase(Frozen):
    id: str = Field(pattern=KEY)
    label: str = Field(min_length=1)
    source: str = Field(min_length=1)


class MinimumCriterion(_CriterionBase):
    """An answer (or `age`) must be at least `min` (inclusive)."""

    kind: Literal["minimum"]
    answer: str = Field(pattern=KEY, description="Answer key, or `age` (computed from date_of_birth).")
    min: float
    unit: str = ""

    @cached_property
    def threshold(self) -> str:
        return f">= {self.min:g} {self.unit}".rstrip()


class FailedPreventivesCriterion(_CriterionBase):
    """At least `min` distinct failed preventive classes or medicines."""

    kind: Literal["failed_preventives"]
    count: Literal["classes", "medicines"]
    min: int = Field(ge=0)
    min_trial_weeks: int = Field(ge=0, description="An `ineffective` trial counts only from this many weeks.")
    classes: tuple[str, ...] = Field(min_length=1, description="Preventive classes whose trials count.")

    @cached_property
    def threshold(self) -> str:
        return f">= {self.min} failed {self.count} (trials >= {self.min_trial_weeks} weeks if ineffective)"


class BotoxStoppingCriterion(_CriterionBase):
    """The row that reports the policy's `stopping_rules`: unmet when one of them fires.

    The rules themselves (and their numbers) are the policy's `stopping_rules`, so the
    threshold text is built from them (`Policy.stopping_threshold`).
    """

    kind: Literal["botox_stopping_rule"]


class ResponseStoppingRule(Frozen):
    """TA260 1.2: after `min_cycles` cycles, headache days reduced by less than `min_reduction_percent`."""

    id: Literal["response_below_30_after_2_cycles"]
    min_cycles: int = Field(ge=1)
    min_reduction_percent: int = Field(ge=0, le=100)

    @property
    def threshold(self) -> str:
        return f">= {self.min_reduction_percent} % fewer headache days after >= {self.min_cycles} cycles"


class EpisodicStoppingRule(Frozen):
    """TA260 1.2: on Botox, below `below_headache_days` a month for at least `min_months` months."""

    id: Literal["episodic_for_3_months"]
    below_headache_days: int = Field(ge=1, le=31)
    min_months: int = Field(ge=1)

    @property
    def threshold(self) -> str:
        return f"not below {self.below_headache_days} headache days a month for >= {self.min_months} months on Botox"


StoppingRule = Annotated[ResponseStoppingRule | EpisodicStoppingRule, Field(discriminator="id")]


class NoteWording(Frozen):
    """What a note-only answer adds for the clinician; `{label}` is the question's staff label."""

    when_yes: str = Field(min_length=1)
    when_unsure: str = Field(min_length=1)

    @model_validator(mode="after")
    def _only_label_placeholder(self) -> NoteWording:
        for name, wording in (("when_yes", self.when_yes), ("when_unsure", self.when_unsure)):
            problem = placeholder_problem(wording, ("label",))
            if problem is not None:
                raise ValueError(f"{name}: only {{label}} may stand in braces ({problem})")
        return self

    def text(self, answer: str, label: str) -> str:
        return (self.when_yes if answer == "yes" else self.when_unsure).format(label=label)


Criterion = Annotated[
    MinimumCriterion | FailedPreventivesCriterion | BotoxStoppingCriterion, Field(discriminator="kind")
]


class OveruseRules(Frozen):
    """Medication overuse (ICHD-3 8.2): per-class, pooled and multiple-class thresholds."""

    source: str = Field(min_length=1)
    more_than_months: int = Field(ge=0, description="Overuse needs acute_months greater than this.")
    class_days: dict[str, int] = Field(description="Each class alone, at least this many days a month.")
    pooled_days: dict[str, int] = Field(description="Pooled simple analgesics, at least this many days a month.")
    multiple_classes: tuple[str, ...] = Field(min_length=2)
    multiple_days: int = Field(ge=1, description="Distinct days with two or more of multiple_classes.")
    ichd3: dict[str, str] = Field(
        description="ICHD-3 code of each finding: by class id for class and pooled rules, `multiple_classes` for that rule."
    )

    @cached_property
    def counted_classes(self) -> frozenset[str]:
        """The acute classes some rule counts toward overuse."""
        return frozenset(self.class_days) | frozenset(self.pooled_days) | frozenset(self.multiple_classes)

    @model_validator(mode="after")
    def _every_rule_has_a_code(self) -> OveruseRules:
        needed = [*self.class_days, *self.pooled_days, "multiple_classes"]
        absent = [key for key in needed if key not in self.ichd3]
        if absent:
            raise ValueError(f"ichd3: no code for {', '.join(absent)}")
        return self


class Policy(Frozen):
    name: str = Field(pattern=POLICY_NAME)
    title: str = Field(min_length=1)
    version: str = Field(min_length=1)
    description: str = ""
    sources: tuple[str, ...] = Field(min_length=1)
    criteria: tuple[Criterion, ...] = Field(min_length=1)
    overuse: OveruseRules
    red_flags: tuple[str, ...] = Field(min_length=1)
    onset_age_over: int = Field(ge=0, le=120, description="Onset above this age is a red flag.")
    onset_age_source: str = Field(min_length=1)
    cautions: tuple[str, ...]
    notes: tuple[str, ...] = Field(description="Answers that add a note (yes or unsure) and change nothing else.")
    note_wording: dict[str, NoteWording] = Field(description="The note each `notes` key adds, by answer.")
    unknown_acute_days: int = Field(
        ge=1, le=31, description="An acute medicine not in the catalog on this many days a month is reviewed."
    )
    on_treatment_months: int = Field(ge=0, description="Last Botox at most this many months ago is on treatment.")
    stopping_rules: tuple[StoppingRule, ...] = Field(
        description="Rules that end Botox; reported on the botox_stopping_rule criterion."
    )
    concurrent_cgrp: Literal["review", "note"] = Field(
        description="A CGRP antibody still taken: a REVIEW_NEEDED reason, or a note only."
    )

    @model_validator(mode="after")
    def _unique_criteria(self) -> Policy:
        ids = [criterion.id for criterion in self.criteria]
        duplicates = sorted({i for i in ids if ids.count(i) > 1})
        if duplicates:
            raise ValueError(f"criteria: expected each id once, got {', '.join(duplicates)} more than once")
        if sum(isinstance(c, FailedPreventivesCriterion) for c in self.criteria) > 1:
            raise ValueError("criteria: expected at most one failed_preventives criterion")
        return self

    @model_validator(mode="after")
    def _stopping_rules_have_their_row(self) -> Policy:
        rows = sum(isinstance(c, BotoxStoppingCriterion) for c in self.criteria)
        if rows > 1:
            raise ValueError("criteria: expected at most one botox_stopping_rule criterion")
        if bool(rows) != bool(self.stopping_rules):
            raise ValueError("stopping_rules: stopping_rules and a botox_stopping_rule criterion go together (both or neither)")
        rule_ids = [rule.id for rule in self.stopping_rules]
        if len(set(rule_ids)) != len(rule_ids):
            raise ValueError("stopping_rules: a rule is listed twice")
        return self

    @model_validator(mode="after")
    def _every_note_has_wording(self) -> Policy:
        if set(self.note_wording) != set(self.notes):
            raise ValueError(f"note_wording: give a wording for exactly the notes ({', '.join(self.notes) or 'none'})")
        return self

    @cached_property
    def stopping_threshold(self) -> str:
        return "; ".join(rule.threshold for rule in self.stopping_rules)

    @cached_property
    def failed_preventives(self) -> FailedPreventivesCriterion | None:
        """The policy's failed-preventives criterion (at most one, checked at load), if it has one."""
        return next((c for c in self.criteria if isinstance(c, FailedPreventivesCriterion)), None)

    def class_problems(self, catalog: Catalog) -> list[str]:
        """Class ids this policy names that the catalog does not define."""
        acute, preventive = set(catalog.class_ids("acute")), set(catalog.class_ids("preventive"))
        problems = [
            f"overuse.{where}: {class_id!r} is not an acute class in the medicine catalog"
            for where, ids in (
                ("class_days", self.overuse.class_days),
                ("pooled_days", self.overuse.pooled_days),
                ("multiple_classes", self.overuse.multiple_classes),
            )
            for class_id in ids
            if class_id not in acute
        ]
        for index, criterion in enumerate(self.criteria):
            if isinstance(criterion, FailedPreventivesCriterion):
                problems += [
                    f"criteria[{index}] ({criterion.id}).classes: {class_id!r} is not a preventive class in the medicine catalog"
                    for class_id in criterion.classes
                    if class_id not in preventive
                ]
        return problems


def canonical_json(data: object) -> bytes:
    return json.dumps(data, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass(frozen=True)
class RuleSet:
    """A policy with the medicine catalog it counts against; together they decide."""

    policy: Policy
    catalog: Catalog

    @cached_property
    def rules_hash(self) -> str:
        """Same rules, same hash on every machine (canonical JSON, SHA-256)."""
        data = {
            "policy": self.policy.model_dump(mode="json"),
            "catalog": self.catalog.model_dump(mode="json"),
        }
        return "sha256:" + hashlib.sha256(canonical_json(data)).hexdigest()


class UnknownPolicy(ValueError):
    pass


def policy_path(name_or_path: str | None) -> Path:
    """A shipped policy by name, or a policy file by path; None: the shipped default."""
    if name_or_path is None:
        name_or_path = default_policy()
    if name_or_path in shipped_policies():
        return POLICIES_DIR / f"{name_or_path}.yaml"
    candidate = Path(name_or_path)
    if candidate.suffix in (".yaml", ".yml") and candidate.is_file():
        return candidate
    raise UnknownPolicy(
        f"unknown policy {name_or_path!r}; expected {', '.join(shipped_policies())} or a path to a policy YAML file"
    )


def load_policy(path: Path) -> Policy:
    return load_model(path, Policy)


def shipped_policy_titles() -> dict[str, str]:
    """Each shipped policy's title by name, in `shipped_policies` order: how staff choose one."""
    return {name: load_policy(policy_path(name)).title for name in shipped_policies()}


_CACHE: dict[tuple[Path, int, Path, int], RuleSet] = {}


def _mtime(path: Path) -> int:
    try:
        return path.stat().st_mtime_ns
    except OSError:
        return 0


def load_rules(name_or_path: str | None = None, catalog_path: Path = CATALOG_FILE) -> RuleSet:
    """The rule set for a policy name or file (None: the shipped default), checked against the catalog; cached per path."""
    path = policy_path(name_or_path).resolve()
    catalog_file = catalog_path.resolve()
    key = (path, _mtime(path), catalog_file, _mtime(catalog_file))
    if key not in _CACHE:
        policy = load_policy(path)
        catalog = load_catalog(catalog_path)
        problems = policy_problems(policy, catalog)
        if problems:
            raise DataFileError(path, problems)
        _CACHE[key] = RuleSet(policy, catalog)
    return _CACHE[key]
