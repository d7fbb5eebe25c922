"""Medication overuse (ICHD-3 8.2) from acute medicine days.

Days per class are the sum of that class's medicines, capped at the distinct days with
any acute medicine, so two triptans on the same day are not counted twice. Gepants,
ditans and unknown medicines are shown with their days and counted in no rule; an
unknown one on many days is still a possible overuse for the clinician to check.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from intake.catalog import Catalog
from intake.eligibility.assessment import AcuteMedicine, MedicationOveruse, OveruseFinding, Reason
from intake.eligibility.policy import OveruseRules


class OveruseSummary(NamedTuple):
    overuse: MedicationOveruse
    medicines: list[AcuteMedicine]
    notes: list[Reason]
    unknown_overuse: list[Reason]


def days_per_class(
    rows: Sequence[Mapping[str, Any]], catalog: Catalog, distinct_days: int | None
) -> dict[str, int]:
    totals: dict[str, int] = {}
    for row in rows:
        medicine = catalog.lookup(row["medicine"])
        if medicine is not None and medicine.acute is not None:
            totals[medicine.acute] = totals.get(medicine.acute, 0) + row["days_per_month"]
    if distinct_days is not None:
        totals = {class_id: min(days, distinct_days) for class_id, days in totals.items()}
    return totals


def _findings(days: Mapping[str, int], distinct_days: int | None, rules: OveruseRules, catalog: Catalog) -> list[OveruseFinding]:
    findings = []
    for rule, thresholds in (("class", rules.class_days), ("pooled", rules.pooled_days)):
        for class_id, threshold in thresholds.items():
            if days.get(class_id, 0) >= threshold:
                findings.append(
                    OveruseFinding.made(
                        rule=rule,
                        classes=[class_id],
                        days=days[class_id],
                        threshold=threshold,
                        ichd3=rules.ichd3[class_id],
                        text=f"{catalog.class_label(class_id)} on {days[class_id]} days a month (threshold {threshold})",
                    )
                )
    if findings:
        return findings
    used = [class_id for class_id in rules.multiple_classes if days.get(class_id, 0) > 0]
    if len(used) < 2:
        return []
    together = sum(days[class_id] for class_id in used)
    if distinct_days is not None:
        together = min(together, distinct_days)
    if together < rules.multiple_days:
        return []
    names = " and ".join(catalog.class_label(class_id) for class_id in used)
    return [
        OveruseFinding.made(
            rule="multiple_classes",
            classes=used,
            days=together,
            threshold=rules.multiple_days,
            ichd3=rules.ichd3["multiple_classes"],
            text=f"{names} together on {together} distinct days a month (threshold {rules.multiple_days})",
        )
    ]


def _unlisted_overuse(
    rows: Sequence[Mapping[str, Any]],
    distinct_days: int | None,
    acute_months: int | None,
    rules: OveruseRules,
    catalog: Catalog,
    unknown_acute_days: int,
) -> list[Reason]:
    """One review reason per medicine not in the catalog taken often enough, for long enough.

    Rows naming the same medicine are added up (capped like a class, at the distinct days)
    so that "Migrastop" on 6 days and "migrastop" on 6 more are judged as 12.
    """
    if acute_months is None or acute_months <= rules.more_than_months:
        return []
    unlisted: dict[str, tuple[str, int]] = {}
    for row in rows:
        if catalog.lookup(row["medicine"]) is None:
            key = catalog.name_key(row["medicine"])
            name, days = unlisted.get(key, (row["medicine"], 0))
            unlisted[key] = (name, days + row["days_per_month"])
    reasons = []
    for name, days in unlisted.values():
        if distinct_days is not None:
            days = min(days, distinct_days)
        if days >= unknown_acute_days:
            reasons.append(
                Reason.made(
                    code="unknown_acute_overuse",
                    text=(
                        f"Possible medication overuse: '{name}' on {days} days a month is not in the "
                        "medicine list: clinician to check"
                    ),
                )
            )
    return reasons


def assess_overuse(
    rows: Sequence[Mapping[str, Any]],
    distinct_days: int | None,
    acute_months: int | None,
    rules: OveruseRules,
    catalog: Catalog,
    unknown_acute_days: int,
) -> OveruseSummary:
    counted = rules.counted_classes
    days = days_per_class(rows, catalog, distinct_days)
    medicines = []
    notes = []
    for row in rows:
        medicine = catalog.lookup(row["medicine"])
        class_id = medicine.acute if medicine else None
        medicines.append(
            AcuteMedicine.made(
                medicine=row["medicine"],
                generic=medicine.generic if medicine else None,
                class_id=class_id,
                class_label=catalog.class_label(class_id) if class_id else None,
                days_per_month=row["days_per_month"],
                counted=class_id in counted,
            )
        )
        if medicine is not None and class_id is None:
            notes.append(
                Reason.made(
                    code="not_acute_medicine",
                    text=f"{row['medicine']} is listed for attacks but is a preventive medicine: not counted for overuse",
                )
            )
    findings = _findings(days, distinct_days, rules, catalog)
    long_enough = acute_months is not None and acute_months > rules.more_than_months
    if findings and not long_enough and acute_months is not None:
        notes.append(
            Reason.made(
                code="overuse_not_yet",
                text=(
                    f"Acute medicine at overuse level ({'; '.join(f.text for f in findings)}) but for "
                    f"{acute_months} months only; overuse needs more than {rules.more_than_months}"
                ),
            )
        )
    present = bool(findings) and long_enough
    overuse = MedicationOveruse.made(
        present=present,
        findings=findings if present else [],
        days_per_class=days,
        distinct_days=distinct_days,
        acute_months=acute_months,
        more_than_months=rules.more_than_months,
    )
    unknown = _unlisted_overuse(rows, distinct_days, acute_months, rules, catalog, unknown_acute_days)
    return OveruseSummary(overuse, medicines, notes, unknown)
