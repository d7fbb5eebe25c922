"""Which preventive trials count as failed, and why each did or did not.

A trial counts when it was not tolerated, contraindicated, or ineffective for at least
the policy's minimum weeks, and its medicine is in a counted class. The clinician sees a
reason on every row, counted or not, so the count can be checked by hand.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, Literal, NamedTuple

from intake.catalog import Catalog, Medicine
from intake.eligibility.assessment import PreventiveTrial, Reason
from intake.eligibility.policy import FailedPreventivesCriterion

CGRP_ANTIBODY = "cgrp_mab"


class PreventiveSummary(NamedTuple):
    trials: list[PreventiveTrial]
    failed_classes: int
    failed_medicines: int

    def failed(self, counted: Literal["classes", "medicines"]) -> int:
        """The count a `failed_preventives` criterion compares with its minimum."""
        return self.failed_classes if counted == "classes" else self.failed_medicines


def _weeks_text(weeks: int | None) -> str:
    if weeks is None:
        return ""
    return f" after {weeks} week{'s' if weeks != 1 else ''}"


def _why(
    row: Mapping[str, Any], medicine: Medicine | None, catalog: Catalog, criterion: FailedPreventivesCriterion
) -> tuple[bool, str]:
    """Whether one trial (of this catalog medicine, None if unknown) counts as failed, and the reason in words."""
    if medicine is None:
        return False, "not counted: unknown medicine (not in the catalog)"
    if medicine.preventive is None:
        return False, f"not counted: {medicine.generic} is a medicine for attacks, not a preventive"
    if medicine.preventive not in criterion.classes:
        label = catalog.class_label(medicine.preventive)
        return False, f"not counted: {label} is not a counted preventive class"
    return _outcome_counts(row["outcome"], row.get("weeks"), criterion.min_trial_weeks)


def _outcome_counts(outcome: str, weeks: int | None, minimum: int) -> tuple[bool, str]:
    """Whether a trial of a counted class counts as failed by how it ended, and the reason in words."""
    if outcome == "still_taking":
        return False, "not counted: still taking it"
    if outcome == "helped":
        return False, "not counted: it helped"
    if outcome == "not_tolerated":
        return True, f"counted: stopped because of side effects{_weeks_text(weeks)}"
    if outcome == "contraindicated":
        return True, "counted: unsuitable (contraindicated)"
    if weeks is None:
        return False, "not counted: length unknown"
    if weeks < minimum:
        return False, f"not counted: {weeks} weeks, less than the {minimum}-week minimum"
    return True, f"counted: did not help enough after {weeks} weeks (minimum {minimum})"


def assess_preventives(
    rows: Sequence[Mapping[str, Any]],
    catalog: Catalog,
    criterion: FailedPreventivesCriterion,
    outcome_labels: Mapping[str, str],
) -> PreventiveSummary:
    trials: list[PreventiveTrial] = []
    failed_generics: list[str] = []
    failed_classes: list[str] = []
    for row in rows:
        medicine = catalog.lookup(row["medicine"])
        counts, reason = _why(row, medicine, catalog, criterion)
        class_id = medicine.preventive if medicine else None
        if counts and medicine is not None and class_id is not None:
            if medicine.generic in failed_generics and criterion.count == "medicines":
                reason += f"; {medicine.generic} already counted once"
            elif class_id in failed_classes and criterion.count == "classes":
                reason += f"; {catalog.class_label(class_id)} class already counted once"
            failed_generics.append(medicine.generic)
            failed_classes.append(class_id)
        trials.append(
            PreventiveTrial.made(
                medicine=row["medicine"],
                generic=medicine.generic if medicine else None,
                class_id=class_id,
                class_label=catalog.class_label(class_id) if class_id else None,
                weeks=row.get("weeks"),
                outcome=row["outcome"],
                outcome_label=outcome_labels.get(row["outcome"], row["outcome"]),
                counts=counts,
                reason=reason,
                dose=row.get("dose"),
                started=row.get("started"),
                stopped=row.get("stopped"),
            )
        )
    return PreventiveSummary(trials, len(set(failed_classes)), len(set(failed_generics)))


def _would_count_if_known(trial: PreventiveTrial, criterion: FailedPreventivesCriterion) -> bool:
    """An unknown medicine whose trial ended in a way that counts, if it is a counted class."""
    return trial.generic is None and _outcome_counts(trial.outcome, trial.weeks, criterion.min_trial_weeks)[0]


def unknown_could_change(
    summary: PreventiveSummary, criterion: FailedPreventivesCriterion, catalog: Catalog
) -> Reason | None:
    """A note when the failed unknown medicines, each its own class and medicine, would meet the criterion.

    Called only for an unmet criterion under NOT_ELIGIBLE, whatever else is unmet. Rows
    naming one unknown medicine count once, so the note never promises more than it can.
    """
    unknown: dict[str, str] = {}
    for trial in summary.trials:
        if _would_count_if_known(trial, criterion):
            unknown.setdefault(catalog.name_key(trial.medicine), trial.medicine)
    if not unknown or summary.failed(criterion.count) + len(unknown) < criterion.min:
        return None
    names = " and ".join(f"'{name}'" for name in unknown.values())
    verb = "is" if len(unknown) == 1 else "are"
    return Reason.made(
        code="unknown_preventive_could_change",
        text=f"Could meet the failed-preventives criterion if {names} {verb} identified",
    )


def concurrent_cgrp(rows: Sequence[Mapping[str, Any]], catalog: Catalog) -> list[Reason]:
    """A CGRP antibody still taken, one finding per row; the policy says review or note."""
    found = []
    for row in rows:
        medicine = catalog.lookup(row["medicine"])
        if medicine is not None and medicine.preventive == CGRP_ANTIBODY and row["outcome"] == "still_taking":
            found.append(
                Reason.made(
                    code="concurrent_cgrp_mab",
                    text=(
                        f"Currently taking a CGRP antibody ({row['medicine']}): many payers do not fund it "
                        "together with onabotulinumtoxinA"
                    ),
                )
            )
    return found
