"""What staff should obtain to complete a referral or prior authorisation.

Derived from the assessment's own findings so the PDF and the staff screen show the same
checklist: missing and "not sure" answers, preventive trials without dose, dates or
length, overuse without a record of its management, prior Botox without its response.
Records are asked only for trials that count or could count (a counted class, or an
unknown medicine): a supplement's dates never change a referral.
"""

from __future__ import annotations

from collections.abc import Collection, Sequence

from intake.eligibility.assessment import AcuteMedicine, MedicationOveruse, PreventiveTrial, PriorBotox, Reason, ScreeningAnswer


def documents_to_obtain(
    missing_labels: Sequence[tuple[str, str]],
    screening: Sequence[ScreeningAnswer],
    trials: Sequence[PreventiveTrial],
    acute: Sequence[AcuteMedicine],
    overuse: MedicationOveruse,
    prior: PriorBotox,
    counted_classes: Collection[str],
) -> list[Reason]:
    items = [Reason.made(code=f"missing:{key}", text=f"Answer missing: {label}") for key, label in missing_labels]
    items += [
        Reason.made(code=f"unsure:{item.key}", text=f"Patient not sure: {item.label}")
        for item in screening
        if item.answer == "unsure"
    ]
    if prior.answer == "unsure":
        items.append(Reason.made(code="unsure:prior_botox", text="Patient not sure whether they had Botox before"))
    for index, trial in enumerate(trials):
        name = trial.generic or trial.medicine
        if trial.generic is None:
            items.append(
                Reason.made(
                    code=f"unknown:preventives[{index}]",
                    text=f"Identify preventive {trial.medicine!r} (not in the medicine catalog)",
                )
            )
        elif trial.class_id not in counted_classes:
            continue
        if trial.outcome == "ineffective" and trial.weeks is None:
            items.append(
                Reason.made(code=f"length:preventives[{index}]", text=f"How long {name} was taken (trial length unknown)")
            )
        absent = [
            what
            for what, value in (("dose", trial.dose), ("start date", trial.started), ("stop date", trial.stopped))
            if not value
        ]
        if trial.outcome != "still_taking" and absent:
            items.append(
                Reason.made(
                    code=f"record:preventives[{index}]", text=f"{name}: {', '.join(absent)} (prescription or pharmacy record)"
                )
            )
    items += [
        Reason.made(
            code=f"unknown:acute_medicines[{index}]",
            text=f"Identify acute medicine {medicine.medicine!r} (not in the medicine catalog)",
        )
        for index, medicine in enumerate(acute)
        if medicine.generic is None
    ]
    if overuse.present:
        items.append(
            Reason.made(
                code="overuse_management",
                text="Record of medication-overuse management (withdrawal or limiting acute medicine)",
            )
        )
    if prior.answer == "yes" and (
        prior.headache_days_before is None or prior.headache_days_after is None or prior.cycles is None
    ):
        items.append(
            Reason.made(
                code="prior_botox_response",
                text="Earlier Botox: cycles and headache days before and after (treatment records)",
            )
        )
    if prior.answer == "yes":
        items.append(
            Reason.made(code="prior_botox_records", text="Earlier Botox: dates, doses and the prescriber's response assessment")
        )
    return items
