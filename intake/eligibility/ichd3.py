"""The ICHD-3 chronic-migraine definition (1.3), item by item, for the clinician.

The policy decides the outcome; this panel only shows how the patient's answers line up
with the classification, so a clinician sees at a glance whether the picture is chronic
migraine and what is left to judge. An answer "can still hold" while it is `yes`,
`unsure` or absent: an item is `unmet` only when the answers rule it out, and `unknown`
while a missing or unsure answer could still make it hold.

The numbers below are the classification's own (ICHD-3), not a referral policy's, so they
are not policy parameters and do not vary between policies.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any

from intake.eligibility.assessment import Ichd3Item, Ichd3Panel, Ichd3Status, MedicationOveruse, ScreeningAnswer
from intake.frozen import per_object
from intake.questionnaire.form import Form

PAIN_FEATURES = ("pain_one_sided", "pain_throbbing", "pain_moderate_severe", "pain_worse_activity")
NAUSEA = "nausea"
LIGHT_AND_NOISE = ("light_sensitive", "noise_sensitive")
SYMPTOMS = (NAUSEA, *LIGHT_AND_NOISE)
ATTACK_FEATURES = (*PAIN_FEATURES, *SYMPTOMS)
"""Asked only for this panel: unanswered, they are `unknown` here and give no note."""

ATTACK_HOURS = 4
"""1.1 B: hours of headache on a headache day stand in for attacks of 4-72 hours."""
PAIN_FEATURES_NEEDED = 2
HEADACHE_DAYS = 15
MIGRAINE_DAYS = 8
MORE_THAN_MONTHS = 3
ATTACKS = 5

YES = "yes"
ANSWER_WORDS = {"yes": "yes", "no": "no", "unsure": "not sure"}
AURA_REPORTED = "aura reported (1.2 possible)"

ITEMS_KEPT = 512
"""Items kept per form by the answers they rest on: more than the 4^4 + 4^3 that yes / no / unsure / none allow."""

LABELS = {
    "1.1B": "1.1 B: attacks last 4-72 hours",
    "1.1C": "1.1 C: at least 2 of 4 pain features",
    "1.1D": "1.1 D: nausea, or both light and noise sensitivity",
    "1.3A": "1.3 A: headache on 15 or more days a month for more than 3 months",
    "1.3B": "1.3 B: at least 5 attacks fulfilling 1.1 B-D or 1.2",
    "1.3C": "1.3 C: migraine features on 8 or more days a month for more than 3 months",
    "1.3D": "1.3 D: not better accounted for by another ICHD-3 diagnosis",
}


def can_hold(answer: Any) -> bool:
    """`yes`, `unsure` or absent: the feature may be there."""
    return answer in (YES, "unsure") or answer is None


def _answer_words(answer: Any) -> str:
    return ANSWER_WORDS.get(answer, "not answered")


@per_object
def _labels(keys: tuple[str, ...], form: Form) -> tuple[str, ...]:
    return tuple(form.question(key).label for key in keys)


def _answers_text(keys: tuple[str, ...], values: tuple[Any, ...], form: Form) -> str:
    return "; ".join(f"{label}: {_answer_words(value)}" for label, value in zip(_labels(keys, form), values, strict=True))


def _item(item_id: str, status: Ichd3Status, basis: str) -> Ichd3Item:
    return Ichd3Item.made(id=item_id, label=LABELS[item_id], status=status, basis=basis)


Judge = Callable[[tuple[Any, ...], Form], Ichd3Item]


@per_object
def _judged_items(form: Form) -> dict[tuple[object, ...], Ichd3Item]:
    return {}


def _judged(judge: Judge, values: tuple[Any, ...], form: Form) -> Ichd3Item:
    """`judge(values, form)`, kept per form: an item resting on yes / no / unsure answers alone has few possible values."""
    kept = _judged_items(form)
    key = (judge, *values)
    try:
        item = kept.get(key)
    except TypeError:  # an answer that is no yes / no / unsure (a caller that skipped parsing): judged, not kept
        return judge(values, form)
    if item is None:
        item = judge(values, form)
        if len(kept) < ITEMS_KEPT:
            kept[key] = item
    return item


def attack_duration(answers: Mapping[str, Any]) -> Ichd3Item:
    hours = answers.get("hours_per_day")
    if hours is None:
        return _item("1.1B", Ichd3Status.UNKNOWN, "hours of headache on a headache day not answered")
    status = Ichd3Status.MET if hours >= ATTACK_HOURS else Ichd3Status.UNMET
    basis = f"{hours:g} hours on a headache day ({ATTACK_HOURS} or more stands in for 4-72 hour attacks)"
    return _item("1.1B", status, basis)


def _pain_item(values: tuple[Any, ...], form: Form) -> Ichd3Item:
    yes = sum(value == YES for value in values)
    if yes >= PAIN_FEATURES_NEEDED:
        status = Ichd3Status.MET
    elif sum(can_hold(value) for value in values) < PAIN_FEATURES_NEEDED:
        status = Ichd3Status.UNMET
    else:
        status = Ichd3Status.UNKNOWN
    basis = f"{yes} of {len(PAIN_FEATURES)} answered yes: {_answers_text(PAIN_FEATURES, values, form)}"
    return _item("1.1C", status, basis)


def pain_features(answers: Mapping[str, Any], form: Form) -> Ichd3Item:
    return _judged(_pain_item, tuple(answers.get(key) for key in PAIN_FEATURES), form)


def _symptoms_item(values: tuple[Any, ...], form: Form) -> Ichd3Item:
    nausea, *light_and_noise = values
    if nausea == YES or all(value == YES for value in light_and_noise):
        status = Ichd3Status.MET
    elif not can_hold(nausea) and not all(can_hold(value) for value in light_and_noise):
        status = Ichd3Status.UNMET
    else:
        status = Ichd3Status.UNKNOWN
    return _item("1.1D", status, _answers_text(SYMPTOMS, values, form))


def associated_symptoms(answers: Mapping[str, Any], form: Form) -> Ichd3Item:
    return _judged(_symptoms_item, tuple(answers.get(key) for key in SYMPTOMS), form)


def _frequency_text(days: int | None, what: str, months: int | None) -> str:
    days_text = f"{days} {what} a month" if days is not None else f"{what} not answered"
    months_text = f"for {months} months" if months is not None else "months at this frequency not answered"
    return f"{days_text}, {months_text}"


def headache_frequency(answers: Mapping[str, Any]) -> Ichd3Item:
    days, months = answers.get("headache_days"), answers.get("duration_months")
    if days is not None and months is not None and days >= HEADACHE_DAYS and months > MORE_THAN_MONTHS:
        status = Ichd3Status.MET
    elif (days is not None and days < HEADACHE_DAYS) or (months is not None and months <= MORE_THAN_MONTHS):
        status = Ichd3Status.UNMET
    else:
        status = Ichd3Status.UNKNOWN
    return _item("1.3A", status, _frequency_text(days, "headache days", months))


def _features_text(items: Sequence[Ichd3Item]) -> str:
    return "1.1 " + ", ".join([f"{item.id[-1]} {item.status}" for item in items])


def attacks(answers: Mapping[str, Any], duration: Ichd3Item, pain: Ichd3Item, symptoms: Ichd3Item) -> Ichd3Item:
    days, months = answers.get("migraine_days"), answers.get("duration_months")
    aura = answers.get("aura") == YES
    met = Ichd3Status.MET
    features_met = duration.status is met and pain.status is met and symptoms.status is met
    features_ruled_out = Ichd3Status.UNMET in (pain.status, symptoms.status)
    total = days * months if days is not None and months is not None else None
    if (features_met or aura) and total is not None and total >= ATTACKS:
        status = Ichd3Status.MET
    elif (not aura and features_ruled_out) or (total is not None and total < ATTACKS):
        status = Ichd3Status.UNMET
    else:
        status = Ichd3Status.UNKNOWN
    count = (
        f"{days} migraine days a month x {months} months = {total} (needs {ATTACKS} or more)"
        if total is not None
        else _frequency_text(days, "migraine days", months)
    )
    parts = [count, _features_text((duration, pain, symptoms))]
    if aura:
        parts.append(AURA_REPORTED)
    return _item("1.3B", status, "; ".join(parts))


def migraine_frequency(answers: Mapping[str, Any], pain: Ichd3Item, symptoms: Ichd3Item) -> Ichd3Item:
    days, months = answers.get("migraine_days"), answers.get("duration_months")
    aura = answers.get("aura") == YES
    features_met = pain.status is Ichd3Status.MET and symptoms.status is Ichd3Status.MET
    often_enough = days is not None and months is not None and days >= MIGRAINE_DAYS and months > MORE_THAN_MONTHS
    if often_enough and (features_met or aura):
        status = Ichd3Status.MET
    elif (days is not None and days < MIGRAINE_DAYS) or (months is not None and months <= MORE_THAN_MONTHS):
        status = Ichd3Status.UNMET
    else:
        status = Ichd3Status.UNKNOWN
    parts = [_frequency_text(days, "migraine days", months), _features_text((pain, symptoms))]
    if aura:
        parts.append("aura reported")
    return _item("1.3C", status, "; ".join(parts))


def other_diagnoses(flags: Sequence[ScreeningAnswer], overuse: MedicationOveruse) -> Ichd3Item:
    flagged = [flag.label for flag in flags if flag.flagged]
    parts = [f"red flags answered yes or not sure: {'; '.join(flagged)}" if flagged else "red flags: none"]
    if overuse.present:
        codes = ", ".join(dict.fromkeys(finding.ichd3 for finding in overuse.findings))
        parts.append(f"medication overuse {codes} present: if both are confirmed, ICHD-3 codes both")
    else:
        parts.append("medication overuse: not present")
    return _item("1.3D", Ichd3Status.CLINICIAN, "; ".join(parts))


def _letters(items: Sequence[Ichd3Item]) -> str:
    return ", ".join(item.id[-1] for item in items)


def summary(chronic: Sequence[Ichd3Item], red_flag: bool) -> str:
    """One line for the clinician: the first of these that applies. Never a diagnosis."""
    unmet = [item for item in chronic if item.status is Ichd3Status.UNMET]
    if unmet:
        return f"Answers do not meet ICHD-3 1.3: {_letters(unmet)}"
    unknown = [item for item in chronic if item.status is Ichd3Status.UNKNOWN]
    if unknown:
        return f"Cannot tell from the answers: {_letters(unknown)} unknown"
    if red_flag:
        return "Answers meet ICHD-3 1.3 A-C, but red flags come first (D)"
    return "Answers are consistent with ICHD-3 1.3 chronic migraine (patient-reported)"


def assess_ichd3(
    answers: Mapping[str, Any], form: Form, flags: Sequence[ScreeningAnswer], overuse: MedicationOveruse
) -> Ichd3Panel:
    duration = attack_duration(answers)
    pain = pain_features(answers, form)
    symptoms = associated_symptoms(answers, form)
    chronic = [
        headache_frequency(answers),
        attacks(answers, duration, pain, symptoms),
        migraine_frequency(answers, pain, symptoms),
    ]
    return Ichd3Panel.made(
        summary=summary(chronic, any(flag.flagged for flag in flags)),
        items=[duration, pain, symptoms, *chronic, other_diagnoses(flags, overuse)],
    )
