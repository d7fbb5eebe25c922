"""Prior Botox: always a clinician question, and under TA260 the stopping rules.

The reduction is compared in integers (`100 * (before - after) < percent * before`), so
exactly 30 % is not stopped and no rounding decides a patient's outcome. The episodic
rule reads the frequency answered on treatment, so it is judged only while treatment
continuation applies; for anyone else the frequency criteria already decide.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, NamedTuple

from intake.eligibility.assessment import PriorBotox, Reason, Status
from intake.eligibility.policy import EpisodicStoppingRule, Policy, ResponseStoppingRule

NOT_YES_SUMMARY = {None: "not answered", "no": "no prior Botox", "unsure": "not sure whether they had Botox before"}


class StoppingJudgement(NamedTuple):
    """What the policy's stopping rules say, for its `botox_stopping_rule` row (none fire without rules)."""

    status: Status
    value: str
    threshold: str


class BotoxSummary(NamedTuple):
    prior: PriorBotox
    stopping: StoppingJudgement
    needs_review: bool
    stopped: bool
    notes: list[Reason]


def _cycles(count: int) -> str:
    return f"{count} cycle{'s' if count != 1 else ''}"


def _details(answers: Mapping[str, Any]) -> PriorBotox:
    answer = answers.get("prior_botox")
    if answer != "yes":
        return PriorBotox.made(
            answer=answer,
            cycles=None,
            headache_days_before=None,
            headache_days_after=None,
            months_since_last=None,
            reduction_percent=None,
            summary=NOT_YES_SUMMARY.get(answer, str(answer)),
        )
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
    return PriorBotox.made(
        answer=answer,
        cycles=cycles,
        headache_days_before=before,
        headache_days_after=after,
        months_since_last=since,
        reduction_percent=reduction,
        summary="; ".join(parts),
    )


class _RuleResult(NamedTuple):
    """One stopping rule: fired, not fired, or not judged because its answers are absent."""

    fired: bool
    absent: bool
    value: str
    notes: tuple[Reason, ...] = ()


def _response_rule(prior: PriorBotox, rule: ResponseStoppingRule) -> _RuleResult:
    cycles, before, after = prior.cycles, prior.headache_days_before, prior.headache_days_after
    if cycles is None or before is None or after is None:
        return _RuleResult(fired=False, absent=True, value=prior.summary)
    if cycles < rule.min_cycles:
        return _RuleResult(fired=False, absent=False, value=f"{_cycles(cycles)}: stopping rule applies after {rule.min_cycles}")
    if before == 0:
        note = Reason.made(
            code="botox_reduction_unknown",
            text="Prior Botox: 0 headache days before treatment, so the reduction cannot be computed",
        )
        return _RuleResult(
            fired=False, absent=False, value="reduction cannot be computed (0 headache days before)", notes=(note,)
        )
    stopped = 100 * (before - after) < rule.min_reduction_percent * before
    return _RuleResult(fired=stopped, absent=False, value=prior.summary)


def _episodic_rule(answers: Mapping[str, Any], rule: EpisodicStoppingRule) -> _RuleResult:
    days, months = answers.get("headache_days"), answers.get("duration_months")
    if days is None or months is None:
        return _RuleResult(fired=False, absent=True, value="headache days or months at this frequency not given")
    fired = days < rule.below_headache_days and months >= rule.min_months
    value = f"changed to episodic migraine: {days} headache days a month for {months} months"
    return _RuleResult(fired=fired, absent=False, value=value if fired else f"{days} headache days a month now")


def _judge(prior: PriorBotox, answers: Mapping[str, Any], policy: Policy, on_continuation: bool) -> list[_RuleResult]:
    """The stopping rules that apply: the episodic rule only while continuation applies."""
    results = []
    for rule in policy.stopping_rules:
        if isinstance(rule, ResponseStoppingRule):
            results.append(_response_rule(prior, rule))
        elif on_continuation:
            results.append(_episodic_rule(answers, rule))
    return results


def _stopping_row(
    prior: PriorBotox, answers: Mapping[str, Any], policy: Policy, on_continuation: bool
) -> tuple[Status, str, list[Reason]]:
    if prior.answer is None:
        return Status.MISSING, "not answered", []
    if prior.answer == "no":
        return Status.MET, "no prior Botox", []
    if prior.answer == "unsure":
        return Status.MET, "not sure about prior Botox (clinician to check)", []
    results = _judge(prior, answers, policy, on_continuation)
    notes = [note for result in results for note in result.notes]
    fired = [result.value for result in results if result.fired]
    if fired:
        return Status.UNMET, "; ".join(fired), notes
    if any(result.absent for result in results):
        return Status.MISSING, prior.summary, notes
    return Status.MET, results[0].value if results else prior.summary, notes


def assess_prior_botox(answers: Mapping[str, Any], policy: Policy, on_continuation: bool) -> BotoxSummary:
    """Prior Botox details, and what the policy's stopping rules say of them.

    A policy has stopping rules exactly when it has a `botox_stopping_rule` criterion to
    show them on; without rules nothing fires, so prior Botox is always reviewed.
    """
    prior = _details(answers)
    notes: list[Reason] = []
    if prior.answer == "unsure":
        notes.append(Reason.made(code="prior_botox_unsure", text="Not sure whether they had Botox before: clinician to check"))
    status, value, extra = _stopping_row(prior, answers, policy, on_continuation)
    notes += extra
    stopped = status is Status.UNMET
    needs_review = prior.answer in ("yes", "unsure") and not stopped
    stopping = StoppingJudgement(status, value, policy.stopping_threshold)
    return BotoxSummary(prior, stopping, needs_review, stopped, notes)
