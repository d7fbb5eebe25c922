"""`evaluate(response, rules, form) -> Assessment`: the whole decision, as a pure function."""

from __future__ import annotations

from intake.eligibility.assessment import Assessment, CriterionResult, Outcome, Reason, ScreeningAnswer, Status
from intake.eligibility.cautions import answer_notes, caution_answers, note_answers
from intake.eligibility.continuation import assess_continuation, continuation_reason, deciding_unmet, on_botox_rows
from intake.eligibility.criteria import assess_minimum
from intake.eligibility.documentation import documents_to_obtain
from intake.eligibility.ichd3 import assess_ichd3
from intake.eligibility.midas import assess_midas
from intake.eligibility.missing import missing_answers, optional_unanswered
from intake.eligibility.outcome import Findings, decide, outranked_review_notes
from intake.eligibility.overuse import assess_overuse
from intake.eligibility.policy import FailedPreventivesCriterion, MinimumCriterion, RuleSet
from intake.eligibility.preventives import assess_preventives, concurrent_cgrp, unknown_could_change
from intake.eligibility.prior_botox import assess_prior_botox
from intake.eligibility.red_flags import red_flag_answers
from intake.eligibility.trial_dates import trial_date_notes
from intake.questionnaire.engine import broken_rules
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response
from intake.staff_wording import OUTCOME_TEXT


def _answered(item: ScreeningAnswer) -> str:
    return "answered not sure" if item.answer == "unsure" else "answered yes"


def _flag_reason(item: ScreeningAnswer) -> Reason:
    if item.answer in ("yes", "unsure"):
        return Reason(code=item.key, text=f"{item.label}: {_answered(item)}")
    return Reason(code=item.key, text=f"{item.label} ({item.answer})")


def _unmet_reason(result: CriterionResult) -> Reason:
    return Reason(code=result.id, text=f"{result.label}: {result.value} (needs {result.threshold})")


def evaluate(response: Response, rules: RuleSet, form: Form) -> Assessment:
    """Assess answers that `parse_response` (or the wizard) already validated."""
    policy, catalog, answers = rules.policy, rules.catalog, response.answers
    settings = form.settings_used
    notes: list[Reason] = []

    criteria: list[CriterionResult] = []
    failed_classes = failed_medicines = 0
    trials = []
    continuation = assess_continuation(answers, policy)
    botox = assess_prior_botox(answers, policy, continuation is not None)
    preventive_rule: FailedPreventivesCriterion | None = None
    for criterion in policy.criteria:
        if isinstance(criterion, MinimumCriterion):
            criteria.append(assess_minimum(criterion, answers, response.authored))
        elif isinstance(criterion, FailedPreventivesCriterion):
            preventive_rule = criterion
            rows = answers.get("preventives")
            labels = {o.value: o.label for o in form.question("preventives").field("outcome").options}
            summary = assess_preventives(rows or [], catalog, criterion, labels)
            trials, failed_classes, failed_medicines = summary.trials, summary.failed_classes, summary.failed_medicines
            count = failed_classes if criterion.count == "classes" else failed_medicines
            status = Status.MISSING if rows is None else (Status.MET if count >= criterion.min else Status.UNMET)
            criteria.append(
                CriterionResult(
                    id=criterion.id,
                    label=criterion.label,
                    threshold=criterion.threshold,
                    value=None if rows is None else count,
                    status=status,
                    source=criterion.source,
                )
            )
        elif botox.criterion is not None:
            criteria.append(botox.criterion)
    criteria = on_botox_rows(criteria, policy, continuation)
    notes += botox.notes
    notes += trial_date_notes(answers.get("preventives") or [])
    cgrp = concurrent_cgrp(answers.get("preventives") or [], catalog)
    if policy.concurrent_cgrp == "note":
        notes += cgrp

    overuse = assess_overuse(
        answers.get("acute_medicines") or [],
        answers.get("acute_distinct_days"),
        answers.get("acute_months"),
        policy.overuse,
        catalog,
        policy.unknown_acute_days,
    )
    notes += overuse.notes
    for name in [t.medicine for t in trials if t.generic is None] + [m.medicine for m in overuse.medicines if m.generic is None]:
        notes.append(Reason(code="unknown_medicine", text=f"{name!r} is not in the medicine catalog: shown, not counted"))

    flags = red_flag_answers(answers, policy, form)
    cautions = caution_answers(answers, policy, form)
    note_items = note_answers(answers, policy, form)
    notes += answer_notes(note_items, policy)
    midas, midas_notes = assess_midas(answers)
    notes += midas_notes
    notes += [Reason(code="implausible", text=p.message or p.cli_text) for p in broken_rules(form, answers, response.authored, "note")]
    notes += [
        Reason(code="unanswered", text=f"Not answered (optional): {form.question(key).label}")
        for key in optional_unanswered(form, answers, policy)
    ]

    missing = missing_answers(form, answers, policy, settings)
    unmet = [result for result in criteria if result.status is Status.UNMET]
    review: list[Reason] = []
    if overuse.overuse.present:
        details = "; ".join(finding.text for finding in overuse.overuse.findings)
        review.append(Reason(code="medication_overuse", text=f"Manage medication overuse before referral: {details}"))
    review += overuse.unknown_overuse
    review += [_flag_reason(item) for item in cautions if item.flagged]
    if policy.concurrent_cgrp == "review":
        review += cgrp
    if continuation is not None and not botox.stopped:
        review.append(continuation_reason(continuation))
    elif botox.needs_review:
        review.append(Reason(code="prior_botox", text=f"Prior Botox ({botox.prior.summary}): clinician to review response"))

    outcome, reasons = decide(
        Findings(
            red_flags=[_flag_reason(item) for item in flags if item.flagged],
            missing=[Reason(code=key, text=f"Not answered: {form.question(key).label}") for key in missing],
            unmet=[_unmet_reason(result) for result in deciding_unmet(unmet, policy, continuation)],
            review=review,
        )
    )
    notes += outranked_review_notes(outcome, review)
    if outcome is Outcome.NOT_ELIGIBLE and preventive_rule is not None and preventive_rule.id in [r.id for r in unmet]:
        could_change = unknown_could_change(trials, failed_classes, failed_medicines, preventive_rule, catalog)
        notes += [could_change] if could_change is not None else []
    screening = [*flags, *cautions, *note_items]
    return Assessment(
        outcome=outcome,
        outcome_text=OUTCOME_TEXT[outcome],
        reasons=reasons,
        policy=policy.name,
        policy_title=policy.title,
        policy_version=policy.version,
        rules_hash=rules.rules_hash,
        authored=response.authored.isoformat(),
        criteria=criteria,
        unmet=[result.id for result in unmet],
        missing=missing,
        failed_classes=failed_classes,
        failed_medicines=failed_medicines,
        preventives=trials,
        acute_medicines=overuse.medicines,
        medication_overuse=overuse.overuse,
        red_flags=[item.key for item in flags if item.flagged],
        cautions=[item.key for item in cautions if item.flagged],
        notes=notes,
        screening=screening,
        prior_botox=botox.prior,
        midas=midas,
        documentation=documents_to_obtain(
            [(key, form.question(key).label) for key in missing],
            screening,
            trials,
            overuse.medicines,
            overuse.overuse,
            botox.prior,
            preventive_rule.classes if preventive_rule else (),
        ),
        ichd3=assess_ichd3(answers, form, flags, overuse.overuse),
    )
