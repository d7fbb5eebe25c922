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


def format_summary(assessment: Assessment) -> str:
    a = assessment
    lines = [
        f"Outcome: {a.outcome.value}",
        f"  {a.outcome_text}",
    ]
    lines += [f"  - {reason.text}" for reason in a.reasons]
    lines += [
        f"Policy: {a.policy_title} (version {a.policy_version}), rules {a.rules_hash[:19]}...",
        "",
        "Criteria:",
    ]
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
    days = ", ".join(f"{cls} {n}" for cls, n in overuse.days_per_class.items()) or "none"
    lines += ["", f"Medication overuse: {'PRESENT' if overuse.present else 'not present'} (days a month per class: {days})"]
    lines += [f"  - {finding.text} (ICHD-3 {finding.ichd3})" for finding in overuse.findings]
    lines += [
        f"Red flags: {', '.join(a.red_flags) or 'none'}",
        f"Cautions: {', '.join(a.cautions) or 'none'}",
        f"Prior Botox: {a.prior_botox.summary}",
    ]
    if a.midas is not None:
        lines.append(f"MIDAS: {a.midas.score}, grade {a.midas.grade} ({a.midas.grade_text})")
    lines += _ichd3_lines(a)
    if a.notes:
        lines += ["Notes:"] + [f"  - {note.text}" for note in a.notes]
    return "\n".join(lines) + "\n"
