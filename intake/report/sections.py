"""One function per PDF section, each returning flowables (SPEC: "What the clinician PDF must show")."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from intake.eligibility.assessment import Assessment, Outcome, PolicyOutcome, Status
from intake.questionnaire.display import format_row, format_value
from intake.questionnaire.engine import visible
from intake.questionnaire.expressions import age_on
from intake.questionnaire.form import Form, QuestionType
from intake.questionnaire.response import Response
from intake.report.fonts import markup
from intake.report.styles import grid, styles

STATUS_MARK = {Status.MET: "✓ met", Status.UNMET: "✗ UNMET", Status.MISSING: "? MISSING"}
OUTCOME_MARK = {
    Outcome.URGENT_REVIEW: "!! URGENT REVIEW",
    Outcome.INCOMPLETE: "? INCOMPLETE",
    Outcome.NOT_ELIGIBLE: "✗ NOT ELIGIBLE",
    Outcome.REVIEW_NEEDED: "! REVIEW NEEDED",
    Outcome.REFER: "✓ REFER",
}


def p(text: str, style: str = "cell") -> Paragraph:
    """A paragraph of user or data text (escaped, CJK-aware)."""
    return Paragraph(markup(text), getattr(styles(), style))


def _bold(text: str) -> Paragraph:
    return p(text, "cell_bold")


def heading(text: str) -> Paragraph:
    return Paragraph(text, styles().heading)


def table(rows: list[list[Any]], widths: Sequence[float], width: float, extra: Sequence[tuple] = ()) -> Table:
    """A ruled table whose header repeats when it splits across pages."""
    total = sum(widths)
    built = Table(rows, colWidths=[width * w / total for w in widths], repeatRows=1, hAlign="LEFT")
    style = grid()
    for command in extra:
        style.add(*command)
    built.setStyle(style)
    return built


def identity(form: Form, response: Response, visit_id: str | None, address: str, width: float) -> list[Flowable]:
    answers = response.answers
    name = f"{answers.get('family_name', '')}, {answers.get('given_name', '')}".strip(", ")
    birth = answers.get("date_of_birth")
    born = f"{birth.isoformat()} (age {age_on(birth, response.authored)})" if birth else "not answered"
    sex = format_value(form.question("sex_at_birth"), answers.get("sex_at_birth"))
    rows = [
        [_bold("Patient"), p(name or "not answered"), _bold("Date of birth"), p(born)],
        [_bold("Answers given"), p(response.authored.isoformat()), _bold("Sex at birth"), p(sex)],
    ]
    if visit_id:
        rows.append([_bold("Visit"), p(visit_id), "", ""])
    built = Table(rows, colWidths=[width * w for w in (0.16, 0.34, 0.16, 0.34)], hAlign="LEFT")
    built.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    title = [Paragraph("Headache intake: referral criteria summary", styles().title)]
    if address:
        title.append(p(address, "small"))
    return [*title, built, Spacer(0, 3 * mm)]


def outcome_box(assessment: Assessment, width: float) -> list[Flowable]:
    rows: list[list[Any]] = [[Paragraph(f"{OUTCOME_MARK[assessment.outcome]}: {markup(assessment.outcome_text)}", styles().outcome)]]
    rows += [[p(f"• {reason.text}", "body")] for reason in assessment.reasons]
    rows.append([p(
        f"Policy: {assessment.policy_title}, version {assessment.policy_version}. Rules {assessment.rules_hash}",
        "small",
    )])
    thickness = 2.5 if assessment.outcome in (Outcome.URGENT_REVIEW, Outcome.INCOMPLETE) else 1.5
    built = Table(rows, colWidths=[width], hAlign="LEFT")
    built.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), thickness, "#000000"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (0, 0), 5), ("BOTTOMPADDING", (0, -1), (-1, -1), 5)]))
    return [built]


def policies_side_by_side(assessment: Assessment, width: float) -> list[Flowable]:
    own = PolicyOutcome(policy=assessment.policy, title=assessment.policy_title, version=assessment.policy_version,
                        outcome=assessment.outcome, outcome_text=assessment.outcome_text)
    rows = [[_bold("Policy"), _bold("Version"), _bold("Outcome")]]
    for item in [own, *[o for o in assessment.other_policies if o.policy != assessment.policy]]:
        marker = " (this summary)" if item.policy == assessment.policy else ""
        rows.append([p(item.title + marker), p(item.version), p(f"{OUTCOME_MARK[item.outcome]}: {item.outcome_text}")])
    return [heading("Outcome under every policy"), table(rows, (0.35, 0.1, 0.55), width)]


def _value(value: Any) -> str:
    return "not answered" if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def criteria(assessment: Assessment, width: float) -> list[Flowable]:
    rows = [[_bold(t) for t in ("Criterion", "Threshold", "Patient's answer", "Status", "Source")]]
    for c in assessment.criteria:
        rows.append([p(c.label), p(c.threshold), p(_value(c.value)), _bold(STATUS_MARK[c.status]), p(c.source)])
    return [heading("Criteria"), table(rows, (0.22, 0.22, 0.2, 0.12, 0.24), width)]


def screening(assessment: Assessment, width: float) -> list[Flowable]:
    kinds = {"red_flag": "red flag", "caution": "caution", "note": "note"}
    rows = [[_bold(t) for t in ("Question", "Kind", "Answer", "Flag")]]
    for item in assessment.screening:
        answer = "not asked" if item.answer is None else {"yes": "Yes", "no": "No", "unsure": "Not sure"}.get(item.answer, item.answer)
        flag = {"red_flag": "⚑ RED FLAG", "caution": "! CAUTION", "note": "NOTE"}[item.kind] if item.flagged else ""
        rows.append([p(item.label), p(kinds[item.kind]), _bold(answer) if item.flagged else p(answer), _bold(flag)])
    return [heading("Red flags, cautions and notes"), table(rows, (0.55, 0.12, 0.15, 0.18), width)]


def overuse(assessment: Assessment, width: float) -> list[Flowable]:
    found = assessment.medication_overuse
    status = "PRESENT: manage medication overuse before referral" if found.present else "not present"
    lines = [heading("Medication overuse (ICHD-3 8.2)"), p(f"Medication overuse: {status}", "body")]
    lines += [p(f"• {finding.text}", "body") for finding in found.findings]
    context = []
    if found.distinct_days is not None:
        context.append(f"distinct days with any acute medicine: {found.distinct_days} a month")
    if found.acute_months is not None:
        context.append(f"at this level for {found.acute_months} months (overuse needs more than {found.more_than_months})")
    if context:
        text = "; ".join(context)
        lines.append(p(text[:1].upper() + text[1:], "body"))
    if assessment.acute_medicines:
        rows = [[_bold(t) for t in ("Medicine", "Class", "Days a month", "Counts toward overuse")]]
        for medicine in assessment.acute_medicines:
            rows.append([p(_named(medicine.medicine, medicine.generic)), p(medicine.class_label or "not in catalog"),
                         p(str(medicine.days_per_month)), p("yes" if medicine.counted else "no (shown only)")])
        lines.append(table(rows, (0.35, 0.35, 0.12, 0.18), width))
        labels = {m.class_id: m.class_label for m in assessment.acute_medicines if m.class_id}
        per_class = ", ".join(f"{labels.get(cls, cls)} {days}" for cls, days in found.days_per_class.items())
        lines.append(p(f"Days per class (capped at distinct days): {per_class or 'none'}", "small"))
    else:
        lines.append(p("No acute medicines listed.", "body"))
    return lines


def _named(typed: str, generic: str | None) -> str:
    return typed if generic is None or generic.casefold() == typed.strip().casefold() else f"{typed} ({generic})"


def preventives(assessment: Assessment, width: float) -> list[Flowable]:
    title = heading(f"Preventive trials: {assessment.failed_classes} failed classes, {assessment.failed_medicines} failed medicines")
    if not assessment.preventives:
        return [title, p("No preventive medicines listed.", "body")]
    rows = [[_bold(t) for t in ("#", "Medicine", "Class", "Dose, dates", "Weeks", "Outcome", "Counted, and why")]]
    for index, trial in enumerate(assessment.preventives, start=1):
        dates = " to ".join(d for d in (trial.started, trial.stopped) if d)
        details = "; ".join(part for part in (trial.dose, dates) if part) or "-"
        rows.append([p(str(index)), p(_named(trial.medicine, trial.generic)), p(trial.class_label or "not in catalog"),
                     p(details), p(_value(trial.weeks) if trial.weeks is not None else "?"), p(trial.outcome_label),
                     _bold(trial.reason) if trial.counts else p(trial.reason)])
    return [title, table(rows, (0.04, 0.16, 0.14, 0.14, 0.085, 0.165, 0.27), width)]


def prior_botox_and_midas(assessment: Assessment) -> list[Flowable]:
    summary = assessment.prior_botox.summary
    flow = [heading("Prior Botox"), p(summary[:1].upper() + summary[1:], "body")]
    if assessment.prior_botox.reduction_percent is not None:
        flow.append(p(f"Reduction in headache days: {assessment.prior_botox.reduction_percent:g} %", "body"))
    if assessment.midas is not None:
        m = assessment.midas
        extra = []
        if m.headache_days_3_months is not None:
            extra.append(f"headache days in 3 months (A): {m.headache_days_3_months}")
        if m.pain is not None:
            extra.append(f"average pain (B): {m.pain}/10")
        flow += [heading("MIDAS"), p(f"Score {m.score}: grade {m.grade} ({m.grade_text})" + (f"; {'; '.join(extra)}" if extra else ""), "body")]
    return flow


def notes(assessment: Assessment) -> list[Flowable]:
    if not assessment.notes:
        return []
    return [heading("Notes for the clinician"), *[p(f"• {note.text}", "body") for note in assessment.notes]]


def documentation(assessment: Assessment) -> list[Flowable]:
    items = assessment.documentation or []
    body = [p(f"☐ {item.text}", "body") for item in items] or [p("Nothing outstanding from the answers.", "body")]
    return [heading("Documentation to obtain"), *body]


def sign_off(provenance: Sequence[tuple[str, str]], width: float) -> list[Flowable]:
    facts = Table([[_bold(k), p(v)] for k, v in provenance], colWidths=[width * 0.22, width * 0.78], hAlign="LEFT")
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    gap = width * 0.05
    lines = Table(
        [["", "", "", "", ""], [p("Clinician name"), "", p("Signature"), "", p("Date")]],
        colWidths=[width * 0.38, gap, width * 0.32, gap, width * 0.2], rowHeights=[12 * mm, None], hAlign="LEFT",
    )
    lines.setStyle(TableStyle([("LINEBELOW", (column, 0), (column, 0), 0.6, "#000000") for column in (0, 2, 4)]
                              + [("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([heading("Provenance and clinician sign-off"), facts, Spacer(0, 4 * mm),
                          p("I have checked the criteria above against the patient's answers.", "body"), lines])]


def appendix(form: Form, response: Response, width: float) -> list[Flowable]:
    """Every question the patient was shown, with the answer, in form order."""
    flow: list[Flowable] = [heading("Appendix: all answers")]
    shown = {q.id for q in visible(form, response.answers, form.settings_used)}
    for section in form.sections:
        questions = [q for q in section.questions if q.id in shown]
        if section.setting and not any(q.id in response.answers for q in questions):
            continue
        if not questions:
            continue
        rows = [[_bold(section.title), _bold("Answer")]]
        for question in questions:
            value = response.answers.get(question.id)
            if question.type is QuestionType.GROUP and value:
                for number, row in enumerate(value, start=1):
                    rows.append([p(question.label if number == 1 else ""), p(f"{number}. {format_row(question, row)}")])
            else:
                rows.append([p(question.label), p(format_value(question, value))])
        flow.append(table(rows, (0.5, 0.5), width))
        flow.append(Spacer(0, 2 * mm))
    return flow
