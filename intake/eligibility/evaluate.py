"""`evaluate(response, rules, form) -> Assessment`: the whole decision, as a pure function.

Each part of the decision lives in its own module; this one runs them in order: what the
answers show (`_work_out`), what needs a clinician (`_review`), the outcome (`decide`),
then the notes and the assessment that carries it all.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

from intake.catalog import Catalog
from intake.eligibility.assessment import Assessment, CriterionResult, Midas, Outcome, Reason, ScreeningAnswer, Status
from intake.eligibility.cautions import answer_notes, caution_answers, note_answers
from intake.eligibility.continuation import Continuation, assess_continuation, continuation_reason, deciding_unmet, on_botox_rows
from intake.eligibility.criteria import RowInputs, criterion_rows
from intake.eligibility.documentation import documents_to_obtain
from intake.eligibility.ichd3 import assess_ichd3
from intake.eligibility.midas import assess_midas
from intake.eligibility.missing import missing_answers, optional_unanswered
from intake.eligibility.outcome import Findings, decide, outranked_review_notes
from intake.eligibility.overuse import OveruseSummary, assess_overuse
from intake.eligibility.policy import FailedPreventivesCriterion, Policy, RuleSet
from intake.eligibility.preventives import PreventiveSummary, assess_preventives, concurrent_cgrp, unknown_could_change
from intake.eligibility.prior_botox import BotoxSummary, assess_prior_botox
from intake.eligibility.red_flags import red_flag_answers
from intake.eligibility.trial_dates import trial_date_notes
from intake.frozen import per_object
from intake.questionnaire.engine import broken_rules
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response
from intake.staff_wording import OUTCOME_TEXT


class _Worked(NamedTuple):
    """What the answers show under the policy, before any outcome is decided."""

    continuation: Continuation | None
    botox: BotoxSummary
    preventive_rule: FailedPreventivesCriterion | None
    preventives: PreventiveSummary
    trial_dates: list[Reason]
    criteria: list[CriterionResult]
    overuse: OveruseSummary
    cgrp: list[Reason]
    flags: list[ScreeningAnswer]
    raised: list[ScreeningAnswer]
    """The red flags answered yes or not sure (or the onset age above the policy's)."""
    cautions: list[ScreeningAnswer]
    note_items: list[ScreeningAnswer]
    midas: Midas | None
    midas_notes: list[Reason]
    missing: list[str]
    unmet: list[CriterionResult]


def _answered(item: ScreeningAnswer) -> str:
    return "answered not sure" if item.answer == "unsure" else "answered yes"


def _flag_reason(item: ScreeningAnswer) -> Reason:
    if item.answer in ("yes", "unsure"):
        return Reason.made(code=item.key, text=f"{item.label}: {_answered(item)}")
    return Reason.made(code=item.key, text=f"{item.label} ({item.answer})")


def _unmet_reason(result: CriterionResult) -> Reason:
    return Reason.made(code=result.id, text=f"{result.label}: {result.value} (needs {result.threshold})")


@per_object
def _outcome_labels(form: Form) -> dict[str, str]:
    """How each way a preventive trial ended reads on the form."""
    return {option.value: option.label for option in form.question("preventives").field("outcome").options}


def _preventives(
    rows: Sequence[Mapping[str, Any]], rule: FailedPreventivesCriterion | None, catalog: Catalog, form: Form
) -> PreventiveSummary:
    """The trials judged against the policy's failed-preventives criterion; none counted without one."""
    if rule is None:
        return PreventiveSummary([], 0, 0)
    return assess_preventives(rows, catalog, rule, _outcome_labels(form))


def _work_out(response: Response, rules: RuleSet, form: Form) -> _Worked:
    policy, catalog, answers = rules.policy, rules.catalog, response.answers
    continuation = assess_continuation(answers, policy)
    botox = assess_prior_botox(answers, policy, continuation is not None)
    rule = policy.failed_preventives
    trial_rows = answers.get("preventives")
    preventives = _preventives(trial_rows or [], rule, catalog, form)
    answered = None if trial_rows is None else preventives
    rows = on_botox_rows(criterion_rows(policy.criteria, RowInputs(answers, response.authored, answered, botox)), policy,
                         continuation)
    midas, midas_notes = assess_midas(answers)
    flags = red_flag_answers(answers, policy, form)
    return _Worked(
        continuation=continuation,
        botox=botox,
        preventive_rule=rule,
        preventives=preventives,
        trial_dates=trial_date_notes(trial_rows or []),
        criteria=rows,
        overuse=assess_overuse(
            answers.get("acute_medicines") or [],
            answers.get("acute_distinct_days"),
            answers.get("acute_months"),
            policy.overuse,
            catalog,
            policy.unknown_acute_days,
        ),
        cgrp=concurrent_cgrp(trial_rows or [], catalog),
        flags=flags,
        raised=[item for item in flags if item.flagged],
        cautions=caution_answers(answers, policy, form),
        note_items=note_answers(answers, policy, form),
        midas=midas,
        midas_notes=midas_notes,
        missing=missing_answers(form, answers, policy, form.settings_used),
        unmet=[row for row in rows if row.status is Status.UNMET],
    )


def _notes(worked: _Worked, response: Response, policy: Policy, form: Form) -> list[Reason]:
    """Notes for the clinician that stand whatever the outcome."""
    answers = response.answers
    unknown = [trial.medicine for trial in worked.preventives.trials if trial.generic is None]
    unknown += [medicine.medicine for medicine in worked.overuse.medicines if medicine.generic is None]
    implausible = broken_rules(form, answers, response.authored, "note")
    return [
        *worked.botox.notes,
        *worked.trial_dates,
        *(worked.cgrp if policy.concurrent_cgrp == "note" else []),
        *worked.overuse.notes,
        *[
            Reason.made(code="unknown_medicine", text=f"{name!r} is not in the medicine catalog: shown, not counted")
            for name in unknown
        ],
        *answer_notes(worked.note_items, policy),
        *worked.midas_notes,
        *[Reason.made(code="implausible", text=problem.message or problem.cli_text) for problem in implausible],
        *[
            Reason.made(code="unanswered", text=f"Not answered (optional): {form.question(key).label}")
            for key in optional_unanswered(form, answers, policy)
        ],
    ]


def _review(worked: _Worked, policy: Policy) -> list[Reason]:
    """What a clinician must look at before referral: REVIEW_NEEDED unless something outranks it."""
    overuse, botox = worked.overuse, worked.botox
    review: list[Reason] = []
    if overuse.overuse.present:
        details = "; ".join(finding.text for finding in overuse.overuse.findings)
        review.append(Reason.made(code="medication_overuse", text=f"Manage medication overuse before referral: {details}"))
    review += overuse.unknown_overuse
    review += [_flag_reason(item) for item in worked.cautions if item.flagged]
    if policy.concurrent_cgrp == "review":
        review += worked.cgrp
    if worked.continuation is not None and not botox.stopped:
        review.append(continuation_reason(worked.continuation))
    elif botox.needs_review:
        review.append(Reason.made(code="prior_botox", text=f"Prior Botox ({botox.prior.summary}): clinician to review response"))
    return review


def _findings(worked: _Worked, review: list[Reason], policy: Policy, form: Form) -> Findings:
    return Findings(
        red_flags=[_flag_reason(item) for item in worked.raised],
        missing=[Reason.made(code=key, text=f"Not answered: {form.question(key).label}") for key in worked.missing],
        unmet=[_unmet_reason(result) for result in deciding_unmet(worked.unmet, policy, worked.continuation)],
        review=review,
    )


def _could_change(outcome: Outcome, worked: _Worked, catalog: Catalog) -> list[Reason]:
    """Under NOT_ELIGIBLE with the preventive criterion unmet: whether identifying unknown medicines could meet it."""
    rule = worked.preventive_rule
    if outcome is not Outcome.NOT_ELIGIBLE or rule is None or rule.id not in [result.id for result in worked.unmet]:
        return []
    note = unknown_could_change(worked.preventives, rule, catalog)
    return [] if note is None else [note]


def evaluate(response: Response, rules: RuleSet, form: Form) -> Assessment:
    """Assess answers that `parse_response` (or the wizard) already validated."""
    worked = _work_out(response, rules, form)
    review = _review(worked, rules.policy)
    outcome, reasons = decide(_findings(worked, review, rules.policy, form))
    notes = [
        *_notes(worked, response, rules.policy, form),
        *outranked_review_notes(outcome, review),
        *_could_change(outcome, worked, rules.catalog),
    ]
    return _assessment(outcome, reasons, notes, worked, response, rules, form)


def _assessment(
    outcome: Outcome,
    reasons: list[Reason],
    notes: list[Reason],
    worked: _Worked,
    response: Response,
    rules: RuleSet,
    form: Form,
) -> Assessment:
    policy, overuse, rule = rules.policy, worked.overuse, worked.preventive_rule
    screening = [*worked.flags, *worked.cautions, *worked.note_items]
    return Assessment.made(
        outcome=outcome,
        outcome_text=OUTCOME_TEXT[outcome],
        reasons=reasons,
        policy=policy.name,
        policy_title=policy.title,
        policy_version=policy.version,
        rules_hash=rules.rules_hash,
        authored=response.authored.isoformat(),
        criteria=worked.criteria,
        unmet=[result.id for result in worked.unmet],
        missing=worked.missing,
        failed_classes=worked.preventives.failed_classes,
        failed_medicines=worked.preventives.failed_medicines,
        preventives=worked.preventives.trials,
        acute_medicines=overuse.medicines,
        medication_overuse=overuse.overuse,
        red_flags=[item.key for item in worked.raised],
        cautions=[item.key for item in worked.cautions if item.flagged],
        notes=notes,
        screening=screening,
        prior_botox=worked.botox.prior,
        midas=worked.midas,
        documentation=documents_to_obtain(
            [(key, form.question(key).label) for key in worked.missing],
            screening,
            worked.preventives.trials,
            overuse.medicines,
            overuse.overuse,
            worked.botox.prior,
            rule.classes if rule else (),
        ),
        other_policies=[],
        ichd3=assess_ichd3(response.answers, form, worked.flags, overuse.overuse),
    )
