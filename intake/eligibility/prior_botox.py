"""Prior Botox: always a clinician question, and under TA260 the stopping rule.

The reduction is compared in integers (`100 * (before - after) < percent * before`), so
exactly 30 % is not stopped and no rounding decides a patient's outcome.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from intake.eligibility.assessment import CriterionResult, PriorBotox, Reason, Status
from intake.eligibility.policy import BotoxStoppingCriterion


@dataclass(frozen=True)
class BotoxSummary:
    prior: PriorBotox
    criterion: CriterionResult | None
    needs_review: bool
    notes: list[Reason] = field(default_factory=list)


def _cycles(count: int) -> str:
    return f"{count} cycle{'s' if count != 1 else ''}"


def _details(answers: Mapping[str, Any]) -> PriorBotox:
    answer = answers.get("prior_botox")
    if answer != "yes":
        summary = {None: "not answered", "no": "no prior Botox", "unsure": "not sure whether they had Botox before"}
        return PriorBotox(answer=answer, summary=summary.get(answer, str(answer)))
    cycles = answers.get("botox_cycles")
    before, after = answers.get("botox_headache_days_before"), answers.get("botox_headache_days_after")
    since = answers.get("botox_months_since_last")
    reduction = round(100 * (before - after) / before, 1) if before and after is not None else None
    parts = [_cycles(cycles) if cycles is not None else "cycles not given"]
    if before is not None and after is not None:
        change = f"{reduction:g} % fewer" if reduction is not None else "reduction cannot be computed"
        parts.append(f"headache days {before} -> {after} a month ({change})")
    else:
        parts.append("headache days before/after not given")
    if since is not None:
        parts.append(f"last {since} months ago")
    return PriorBotox(
        answer=answer,
        cycles=cycles,
        headache_days_before=before,
        headache_days_after=after,
        months_since_last=since,
        reduction_percent=reduction,
        summary="; ".join(parts),
    )


def _stopping_rule(prior: PriorBotox, rule: BotoxStoppingCriterion) -> tuple[Status, str, list[Reason]]:
    if prior.answer is None:
        return Status.MISSING, "not answered", []
    if prior.answer == "no":
        return Status.MET, "no prior Botox", []
    if prior.answer == "unsure":
        return Status.MET, "not sure about prior Botox (clinician to check)", []
    cycles, before, after = prior.cycles, prior.headache_days_before, prior.headache_days_after
    if cycles is None or before is None or after is None:
        return Status.MISSING, prior.summary, []
    if cycles < rule.min_cycles:
        return Status.MET, f"{_cycles(cycles)}: stopping rule applies after {rule.min_cycles}", []
    if before == 0:
        note = Reason(
            code="botox_reduction_unknown",
            text="Prior Botox: 0 headache days before treatment, so the reduction cannot be computed",
        )
        return Status.MET, "reduction cannot be computed (0 headache days before)", [note]
    stopped = 100 * (before - after) < rule.min_reduction_percent * before
    return (Status.UNMET if stopped else Status.MET), prior.summary, []


def assess_prior_botox(answers: Mapping[str, Any], rule: BotoxStoppingCriterion | None) -> BotoxSummary:
    prior = _details(answers)
    notes: list[Reason] = []
    if prior.answer == "unsure":
        notes.append(Reason(code="prior_botox_unsure", text="Not sure whether they had Botox before: clinician to check"))
    criterion = None
    if rule is not None:
        status, value, extra = _stopping_rule(prior, rule)
        notes += extra
        criterion = CriterionResult(
            id=rule.id, label=rule.label, threshold=rule.threshold, value=value, status=status, source=rule.source
        )
    stopped = criterion is not None and criterion.status is Status.UNMET
    needs_review = prior.answer in ("yes", "unsure") and not stopped
    return BotoxSummary(prior, criterion, needs_review, notes)
