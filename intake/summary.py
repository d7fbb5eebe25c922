"""The readable text of an assessment, as `intake assess` prints it for staff."""

from __future__ import annotations

from typing import TYPE_CHECKING

from intake.staff_wording import CRITERION_WORD

if TYPE_CHECKING:
    from intake.eligibility.assessment import Assessment


def _value(value: object) -> str:
    return "-" if value is None else str(value)


def _ichd3_lines(assessment: Assessment) -> list[str]:
    """The panel in brief: its summary, then each item's status and basis (it never decides)."""
    panel = assessment.ichd3
    if panel is None:
        return []
    return [f"ICHD-3 (shown, does not decide): {panel.summary}"] + [
        f"  {item.id:<5} {item.status.value:<9} {item.basis}" for item in panel.items
    ]


def _days_per_class(assessment: Assessment) -> str:
    """`Triptan 4 days; Simple analgesic (paracetamol, aspirin, NSAID) 5 days`: the catalog's words, not its ids."""
    labels = {medicine.class_id: medicine.class_label for medicine in assessment.acute_medicines if medicine.class_id}
    days = assessment.medication_overuse.days_per_class
    return "; ".join(f"{labels.get(kind) or kind} {count} days" for kind, count in days.items()) or "none"


def _flagged(assessment: Assessment, keys: list[str]) -> str:
    """The questions as the form words them (a computed flag by its own words), the keys only where no words are kept."""
    labels = {answer.key: answer.label for answer in assessment.screening}
    return "; ".join(labels.get(key, key) for key in keys) or "none"


def format_summary(assessment: Assessment, policy_source: str | None = None) -> str:
    """`policy_source` says where the policy came from (`--policy`, the clinic's settings …), when the caller chose it."""
    a = assessment
    lines = [
        f"Outcome: {a.outcome.value}",
        f"  {a.outcome_text}",
    ]
    lines += [f"  - {reason.text}" for reason in a.reasons]
    lines.append(f"Policy: {a.policy_title} ({a.policy} {a.policy_version}), rules {a.rules_hash[:19]}...")
    if policy_source:
        lines.append(f"  from {policy_source}")
    lines += ["", "Criteria:"]
    width = max(len(c.label) for c in a.criteria)
    for c in a.criteria:
        lines.append(
            f"  {CRITERION_WORD[c.status]:<8} {c.label:<{width}}  {_value(c.value):<10} needs {c.threshold}  [{c.source}]"
        )
    lines += ["", f"Preventive trials ({a.failed_classes} failed classes, {a.failed_medicines} failed medicines):"]
    if not a.preventives:
        lines.append("  none listed")
    for trial in a.preventives:
        weeks = f"{trial.weeks} weeks" if trial.weeks is not None else "weeks not given"
        kind = trial.class_label or "not in catalog"
        lines.append(f"  {trial.medicine} ({kind}), {weeks}, {trial.outcome_label}: {trial.reason}")
    overuse = a.medication_overuse
    lines += [
        "",
        f"Medication overuse: {'PRESENT' if overuse.present else 'not present'} "
        f"(days a month per class: {_days_per_class(a)})",
    ]
    lines += [f"  - {finding.text} (ICHD-3 {finding.ichd3})" for finding in overuse.findings]
    lines += [
        f"Red flags: {_flagged(a, a.red_flags)}",
        f"Cautions: {_flagged(a, a.cautions)}",
        f"Prior Botox: {a.prior_botox.summary}",
    ]
    if a.midas is not None:
        lines.append(f"MIDAS: {a.midas.score}, grade {a.midas.grade} ({a.midas.grade_text})")
    lines += _ichd3_lines(a)
    if a.notes:
        lines += ["Notes:"] + [f"  - {note.text}" for note in a.notes]
    return "\n".join(lines) + "\n"
