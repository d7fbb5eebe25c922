"""One function per PDF section, each returning flowables: what the clinician PDF must show, in reading order.

Page 1 answers the clinician's first questions: the outcome and why, anything dangerous,
and what else changes the plan. Everything else follows, and every answer is in the appendix.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from intake.eligibility.assessment import Assessment, Midas, Outcome, PolicyOutcome, ScreeningAnswer, Status
from intake.eligibility.preventives import CGRP_ANTIBODY
from intake.questionnaire.display import format_row, format_value
from intake.questionnaire.engine import visible
from intake.questionnaire.expressions import age_on
from intake.questionnaire.form import Form, QuestionType
from intake.questionnaire.response import Response
from intake.report import wording, words
from intake.report.fonts import fits_on_one_line, fonts, markup
from intake.report.styles import CELL_LEADING, CELL_PADDING, CELL_SIZE, URGENT_FILL, grid, styles
from intake.report.words import _, ngettext
from intake.staff_wording import ANSWERED_BEFORE, CRITERION_MARK, ICHD3_MARK, OUTCOME_SYMBOL, answered_in


def p(text: str, style: str = "cell") -> Paragraph:
    """A paragraph of user or data text (escaped, CJK-aware)."""
    return Paragraph(markup(text), getattr(styles(), style))


def _bold(text: str) -> Paragraph:
    return p(text, "cell_bold")


def heading(text: str) -> Paragraph:
    return Paragraph(text, styles().heading)


def _cell(value: Any, column_width: float, header: bool) -> Any:
    """A text cell as a plain string when it fits on one line, else a wrapping paragraph.

    Laying out a paragraph costs several times a plain string; most cells are short, and
    the appendix alone has a hundred of them, so this keeps the PDF quick to build.
    """
    if not isinstance(value, str):
        return value
    if fits_on_one_line(value, column_width - 2 * CELL_PADDING, bold=header):
        return value
    return _bold(value) if header else p(value)


def table(rows: list[list[Any]], widths: Sequence[float], width: float, extra: Sequence[tuple] = ()) -> Table:
    """A ruled table whose bold header row repeats when it splits across pages; `str` cells are ordinary text."""
    total = sum(widths)
    columns = [width * w / total for w in widths]
    cells = [[_cell(value, columns[index], number == 0) for index, value in enumerate(row)] for number, row in enumerate(rows)]
    built = Table(cells, colWidths=columns, repeatRows=1, hAlign="LEFT")
    style = grid()
    for command in extra:
        style.add(*command)
    built.setStyle(style)
    return built


def _paired(pairs: list[tuple[str, Any]]) -> list[list[Any]]:
    """Label and value, two to a row of the identity table."""
    cells = [cell for label, value in pairs for cell in (_bold(label), value)]
    return [(cells[start:start + 4] + [""] * 4)[:4] for start in range(0, len(cells), 4)]


def identity(
    form: Form, response: Response, visit_id: str | None, address: str, width: float, title: str = wording.TITLE,
    answered_before: bool = False,
) -> list[Flowable]:
    """Who, when, in what language and where the answers were given (`answered_before`: from a response file)."""
    answers = response.answers
    name = f"{answers.get('family_name', '')}, {answers.get('given_name', '')}".strip(", ")
    birth = answers.get("date_of_birth")
    # Translators: {date} is the date of birth (1992-01-15), {age} the patient's age in years.
    born = _("{date} (age {age})").format(date=birth.isoformat(), age=age_on(birth, response.authored)) if birth else None
    sex = format_value(form.question("sex_at_birth"), answers.get("sex_at_birth"))
    rows: list[list[Any]] = [
        [_bold(_("Patient")), p(name or _("not answered")), _bold(_("Date of birth")), p(born or _("not answered"))],
        [_bold(_("Answers given")), p(response.authored.isoformat()), _bold(_("Sex at birth")), p(sex)],
    ]
    language = answered_in(response.language, response.primary_language, words.pdf_language())
    rows += _paired([
        *([(_("Visit"), p(visit_id))] if visit_id else []),
        *([(_("Language"), _bold(language))] if language else []),
        *([(_("Source"), _bold(_(ANSWERED_BEFORE)))] if answered_before else []),
    ])
    built = Table(rows, colWidths=[width * w for w in (0.16, 0.34, 0.16, 0.34)], hAlign="LEFT")
    built.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1)]))
    heading_lines = [Paragraph(title, styles().title)]
    if address:
        heading_lines.append(p(address, "small"))
    return [*heading_lines, built, Spacer(0, 2 * mm)]


def _outcome_line(outcome: Outcome, text: str) -> str:
    """The outcome's symbol, then its words (the assessment's English `outcome_text`) in the PDF's language."""
    return f"{OUTCOME_SYMBOL[outcome]} {_(text)}"


def outcome_box(assessment: Assessment, width: float) -> list[Flowable]:
    """The outcome once, every reason, and the notes that change the plan."""
    urgent = assessment.outcome is Outcome.URGENT_REVIEW
    rows: list[list[Any]] = [[Paragraph(markup(_outcome_line(assessment.outcome, assessment.outcome_text)), styles().outcome)]]
    if urgent:
        rows.append([_bold(wording.SECONDARY_CAUSE_FIRST)])
    rows += [[p(f"• {reason.text}", "body")] for reason in assessment.reasons]
    plan_notes = [note.text for note in assessment.notes if note.code in wording.PLAN_NOTE_CODES]
    # Translators: {note} is a note for the clinician that changes the plan (in English this round).
    rows += [[p(_("Note: {note}").format(note=note), "body")] for note in plan_notes]
    # Translators: {title} is the referral policy's title, {version} its version ("2026.1").
    policy = _("Policy: {title}, version {version}").format(title=assessment.policy_title, version=assessment.policy_version)
    rows.append([p(policy, "small")])
    thickness = 2.5 if assessment.outcome in (Outcome.URGENT_REVIEW, Outcome.INCOMPLETE) else 1.5
    built = Table(rows, colWidths=[width], hAlign="LEFT")
    built.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), thickness, "#000000"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                               ("TOPPADDING", (0, 0), (0, 0), 4), ("BOTTOMPADDING", (0, -1), (-1, -1), 4)]))
    return [built]


def _answer(item: ScreeningAnswer) -> str:
    return _("not answered") if item.answer is None else wording.ANSWER_WORD.get(item.answer, item.answer)


def _of_kind(assessment: Assessment, kind: str) -> list[ScreeningAnswer]:
    return [item for item in assessment.screening if item.kind == kind]


def _needs_eye(item: ScreeningAnswer, assessment: Assessment) -> bool:
    """Answered yes or not sure, or missing where the outcome needs it."""
    return item.flagged or (item.answer is None and item.key in assessment.missing)


def _flag_list(items: Sequence[ScreeningAnswer]) -> str:
    return "; ".join(f"{item.label}: {_answer(item)}" for item in items)


def _glance_red_flags(assessment: Assessment) -> str:
    flags = _of_kind(assessment, "red_flag")
    raised = [item for item in flags if item.flagged]
    unanswered = [item for item in flags if item.answer is None and item.key in assessment.missing]
    hidden = [i for i in flags if i.answer is None and i.key not in assessment.missing]
    if raised:
        return wording.raised_red_flags(_flag_list(raised), len(unanswered))
    return wording.no_red_flags(len([i for i in flags if i.answer is not None]), len(hidden), len(unanswered))


def _glance_overuse(assessment: Assessment) -> str:
    found = assessment.medication_overuse
    if not found.present:
        return _("absent")
    # Translators: {finding} is why the medicine use counts as overuse, {code} its ICHD-3 code ("8.2.1").
    findings = "; ".join(_("{finding}, ICHD-3 {code}").format(finding=item.text, code=item.ichd3) for item in found.findings)
    # Translators: {findings} lists the overuse found, separated by "; ".
    return _("PRESENT: {findings}").format(findings=findings)


def _glance_unlisted(assessment: Assessment) -> str:
    # Translators: a medicine the catalog does not know, as the patient typed it, and how often they take it for attacks.
    # English keeps "days" for one day too; translate each form as your language counts.
    names = [ngettext("'{medicine}' (attacks, {days} days a month)", "'{medicine}' (attacks, {days} days a month)",
                      m.days_per_month).format(medicine=m.medicine, days=m.days_per_month)
             for m in assessment.acute_medicines if m.generic is None]
    names += [_("'{medicine}' (preventive)").format(medicine=t.medicine) for t in assessment.preventives if t.generic is None]
    # Translators: {count} medicines the catalog does not know, then their names (separated by ", ").
    return _("{count}: {medicines}").format(count=len(names), medicines=", ".join(names)) if names else wording.NONE


def _glance_cgrp(assessment: Assessment) -> str:
    current = [t for t in assessment.preventives if t.class_id == CGRP_ANTIBODY and t.outcome == "still_taking"]
    if not current:
        return _("no")
    # Translators: {medicines} names the CGRP antibodies the patient still takes, separated by ", ".
    return _("yes, still taking {medicines}").format(medicines=", ".join(_named(t.medicine, t.generic) for t in current))


def _glance_midas(assessment: Assessment) -> str | None:
    """The grade when MIDAS was asked, with any disagreement with the headache days beside it."""
    texts = [note.text for note in assessment.notes if note.code in ("midas_incomplete", "midas_headache_days")]
    if assessment.midas is not None:
        m = assessment.midas
        # Translators: the MIDAS disability grade ("IV"), its meaning ("severe disability") and the score.
        texts.insert(0, _("grade {grade}, {grade_text} (score {score})").format(grade=m.grade, grade_text=m.grade_text,
                                                                               score=m.score))
    return "; ".join(texts) or None


def at_a_glance(assessment: Assessment, width: float) -> list[Flowable]:
    """One line each for what changes the plan, so none of it waits on page 2."""
    cautions = [item for item in assessment.screening if item.kind != "red_flag" and _needs_eye(item, assessment)]
    summary = assessment.prior_botox.summary
    lines: list[tuple[str, str | None]] = [
        (wording.GLANCE_RED_FLAGS, _glance_red_flags(assessment)),
        (wording.GLANCE_OVERUSE, _glance_overuse(assessment)),
        (wording.GLANCE_UNLISTED, _glance_unlisted(assessment)),
        (wording.GLANCE_CAUTIONS, _flag_list(cautions) if cautions else wording.NONE),
        (wording.GLANCE_PRIOR_BOTOX, summary[:1].upper() + summary[1:]),
        (wording.GLANCE_CGRP, _glance_cgrp(assessment)),
        (wording.GLANCE_MIDAS, _glance_midas(assessment)),
        (wording.GLANCE_ICHD3, assessment.ichd3.summary if assessment.ichd3 else None),
    ]
    rows = [[label, _cell(value, width * 0.73, header=False)] for label, value in lines if value is not None]
    built = Table(rows, colWidths=[width * 0.27, width * 0.73], hAlign="LEFT")
    built.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0),
                               ("FONTNAME", (0, 0), (-1, -1), fonts().regular), ("FONTNAME", (0, 0), (0, -1), fonts().bold),
                               ("FONTSIZE", (0, 0), (-1, -1), CELL_SIZE), ("LEADING", (0, 0), (-1, -1), CELL_LEADING),
                               ("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                               ("LINEBELOW", (0, 0), (-1, -2), 0.25, "#cccccc")]))
    return [heading(wording.GLANCE_TITLE), built]


def policies_side_by_side(assessment: Assessment, width: float) -> list[Flowable]:
    own = PolicyOutcome(policy=assessment.policy, title=assessment.policy_title, version=assessment.policy_version,
                        outcome=assessment.outcome, outcome_text=assessment.outcome_text)
    rows = [[_("Policy"), _("Version"), _("Outcome")]]
    for item in [own, *[o for o in assessment.other_policies if o.policy != assessment.policy]]:
        # Translators: {policy} is the title of the policy this summary was assessed under.
        title = _("{policy} (this summary)").format(policy=item.title) if item.policy == assessment.policy else item.title
        rows.append([title, item.version, _outcome_line(item.outcome, item.outcome_text)])
    return [heading(wording.POLICIES_TITLE), table(rows, (0.35, 0.1, 0.55), width)]


def _value(value: Any) -> str:
    return _("not answered") if value is None else f"{value:g}" if isinstance(value, float) else str(value)


def _status(status: Status, urgent: bool) -> Paragraph:
    """Green and red when the criteria decide; grey under a red flag, where they do not."""
    style = "cell_muted" if urgent else {Status.MET: "status_met", Status.UNMET: "status_unmet"}.get(status, "cell_bold")
    return p(_(CRITERION_MARK[status]), style)


def criteria(assessment: Assessment, width: float) -> list[Flowable]:
    urgent = assessment.outcome is Outcome.URGENT_REVIEW
    rows: list[list[Any]] = [[_("Criterion"), _("Threshold"), _("Patient's answer"), _("Status"), _("Source")]]
    for c in assessment.criteria:
        texts = [p(t, "cell_muted") if urgent else t for t in (c.label, c.threshold, _value(c.value), c.source)]
        rows.append([*texts[:3], _status(c.status, urgent), texts[3]])
    extra = [("BACKGROUND", (0, 1), (-1, -1), URGENT_FILL)] if urgent else []
    title = wording.CRITERIA_URGENT_TITLE if urgent else wording.CRITERIA_TITLE
    return [heading(title), table(rows, (0.22, 0.22, 0.2, 0.12, 0.24), width, extra)]


def screening(assessment: Assessment, width: float) -> list[Flowable]:
    """Only the questions answered yes or not sure (or missing); the "no" answers are counted."""
    kinds = {"red_flag": _("⚑ red flag"), "caution": _("! caution"), "note": _("note")}
    shown = [item for item in assessment.screening if _needs_eye(item, assessment)]
    missing = any(item.answer is None for item in shown)
    flow: list[Flowable] = [heading(wording.SCREENING_MISSING_TITLE if missing else wording.SCREENING_TITLE)]
    if shown:
        rows: list[list[Any]] = [[_("Question"), _("Kind"), _("Answer")]]
        rows += [[item.label, _bold(kinds[item.kind]), _bold(_answer(item))] for item in shown]
        flow += [table(rows, (0.6, 0.18, 0.22), width), Spacer(0, 1 * mm)]
    flags, cautions = _of_kind(assessment, "red_flag"), _of_kind(assessment, "caution")
    other_flags = [i for i in flags if i not in shown and i.answer is not None]
    other_cautions = [i for i in cautions if i not in shown and i.answer is not None]
    hidden_flags = sum(i.answer is None and i not in shown for i in flags)
    hidden_cautions = sum(i.answer is None and i not in shown for i in cautions)
    said = (
        wording.other_red_flags(len(other_flags), any(i in shown for i in flags), hidden_flags),
        wording.other_cautions(len(other_cautions), any(i in shown for i in cautions), hidden_cautions),
    )
    flow.append(p(" ".join([*(text for text in said if text), wording.ALL_IN_APPENDIX]), "body"))
    return flow


def ichd3_panel(assessment: Assessment, width: float) -> list[Flowable]:
    panel = assessment.ichd3
    if panel is None:
        return []
    rows: list[list[Any]] = [[_("Item"), _("Status"), _("Basis")]]
    for item in panel.items:
        rows.append([item.label, _bold(_(ICHD3_MARK[item.status])), item.basis])
    return [KeepTogether([heading(wording.ICHD3_TITLE), p(panel.summary, "cell_bold"), Spacer(0, 1 * mm),
                          table(rows, (0.34, 0.12, 0.54), width)])]


def overuse(assessment: Assessment, width: float) -> list[Flowable]:
    found = assessment.medication_overuse
    status = (_("Medication overuse: PRESENT: manage medication overuse before referral") if found.present
              else _("Medication overuse: not present"))
    lines: list[Flowable] = [heading(_("Medication overuse (ICHD-3 8.2)")), p(status, "body")]
    # Translators: {finding} is why the medicine use counts as overuse, {code} its ICHD-3 code ("8.2.1").
    lines += [p("• " + _("{finding} (ICHD-3 {code})").format(finding=item.text, code=item.ichd3), "body")
              for item in found.findings]
    context = _overuse_context(found.distinct_days, found.acute_months, found.more_than_months)
    if context:
        lines.append(p(context, "body"))
    if assessment.acute_medicines:
        rows: list[list[Any]] = [[_("Medicine"), _("Class"), _("Days a month"), _("Counts toward overuse")]]
        for medicine in assessment.acute_medicines:
            rows.append([_named(medicine.medicine, medicine.generic), medicine.class_label or _("not in catalog"),
                         str(medicine.days_per_month), _("yes") if medicine.counted else _("no (shown only)")])
        lines.append(table(rows, (0.35, 0.35, 0.12, 0.18), width))
        labels = {m.class_id: m.class_label for m in assessment.acute_medicines if m.class_id}
        per_class = ", ".join(f"{labels.get(cls, cls)} {days}" for cls, days in found.days_per_class.items())
        # Translators: {classes} lists each medicine class and its days a month ("triptan 12, NSAID 4"), or "none".
        days = _("Days per class (capped at distinct days): {classes}").format(classes=per_class or wording.NONE)
        lines.append(p(days, "small"))
    else:
        lines.append(p(_("No acute medicines listed."), "body"))
    return lines


def _overuse_context(days: int | None, months: int | None, more_than: int) -> str:
    """How many days a month any acute medicine is taken, and for how long: one sentence for what is known."""
    if days is not None and months is not None:
        # Translators: English keeps "months" for one month too; translate each form as your language counts.
        text = ngettext("Distinct days with any acute medicine: {days} a month; at this level for {months} months "
                        "(overuse needs more than {more_than})",
                        "Distinct days with any acute medicine: {days} a month; at this level for {months} months "
                        "(overuse needs more than {more_than})", months)
    elif days is not None:
        text = _("Distinct days with any acute medicine: {days} a month")
    elif months is not None:
        # Translators: English keeps "months" for one month too; translate each form as your language counts.
        text = ngettext("At this level for {months} months (overuse needs more than {more_than})",
                        "At this level for {months} months (overuse needs more than {more_than})", months)
    else:
        return ""
    return text.format(days=days, months=months, more_than=more_than)


def _named(typed: str, generic: str | None) -> str:
    return typed if generic is None or generic.casefold() == typed.strip().casefold() else f"{typed} ({generic})"


def preventives(assessment: Assessment, width: float) -> list[Flowable]:
    classes = ngettext("{count} failed class", "{count} failed classes", assessment.failed_classes)
    medicines = ngettext("{count} failed medicine", "{count} failed medicines", assessment.failed_medicines)
    # Translators: {classes} is "2 failed classes", {medicines} "3 failed medicines" (each translated on its own).
    title = heading(_("Preventive trials: {classes}, {medicines}").format(
        classes=classes.format(count=assessment.failed_classes), medicines=medicines.format(count=assessment.failed_medicines)
    ))
    if not assessment.preventives:
        return [title, p(_("No preventive medicines listed."), "body")]
    rows: list[list[Any]] = [
        ["#", _("Medicine"), _("Class"), _("Dose, dates"), _("Weeks"), _("Outcome"), _("Counted, and why")]
    ]
    for index, trial in enumerate(assessment.preventives, start=1):
        details = "; ".join(part for part in (trial.dose, _trial_dates(trial.started, trial.stopped)) if part) or "-"
        rows.append([str(index), _named(trial.medicine, trial.generic), trial.class_label or _("not in catalog"),
                     details, _value(trial.weeks) if trial.weeks is not None else "?", trial.outcome_label,
                     _bold(trial.reason) if trial.counts else trial.reason])
    return [title, table(rows, (0.04, 0.16, 0.14, 0.14, 0.085, 0.165, 0.27), width)]


def _trial_dates(started: str | None, stopped: str | None) -> str:
    """When a trial ran, as far as the patient said."""
    if started and stopped:
        # Translators: when a preventive was taken: {started} and {stopped} are dates as the patient gave them.
        return _("{started} to {stopped}").format(started=started, stopped=stopped)
    return started or stopped or ""


def prior_botox_and_midas(assessment: Assessment) -> list[Flowable]:
    summary = assessment.prior_botox.summary
    flow: list[Flowable] = [heading(_("Prior Botox")), p(summary[:1].upper() + summary[1:], "body")]
    if assessment.prior_botox.reduction_percent is not None:
        # Translators: {percent} is a number ("50"); keep the space and the % sign as your language writes percentages.
        reduction = _("Reduction in headache days: {percent} %").format(percent=f"{assessment.prior_botox.reduction_percent:g}")
        flow.append(p(reduction, "body"))
    if assessment.midas is not None:
        flow += [heading(_("MIDAS")), p(_midas_line(assessment.midas), "body")]
    return flow


def _midas_line(m: Midas) -> str:
    """The MIDAS score and grade, and the two answers the score leaves out when the patient gave them."""
    days, pain = m.headache_days_3_months, m.pain
    if days is not None and pain is not None:
        # Translators: MIDAS: {score} is the disability score, {grade} its grade ("IV"), {grade_text} what the grade
        # means; (A) is the headache days in 3 months, (B) the average pain out of 10.
        text = _("Score {score}: grade {grade} ({grade_text}); headache days in 3 months (A): {days}; "
                 "average pain (B): {pain}/10")
    elif days is not None:
        text = _("Score {score}: grade {grade} ({grade_text}); headache days in 3 months (A): {days}")
    elif pain is not None:
        text = _("Score {score}: grade {grade} ({grade_text}); average pain (B): {pain}/10")
    else:
        text = _("Score {score}: grade {grade} ({grade_text})")
    return text.format(score=m.score, grade=m.grade, grade_text=m.grade_text, days=days, pain=pain)


def notes(assessment: Assessment) -> list[Flowable]:
    if not assessment.notes:
        return []
    return [heading(_("Notes for the clinician")), *[p(f"• {note.text}", "body") for note in assessment.notes]]


def documentation(assessment: Assessment) -> list[Flowable]:
    items = assessment.documentation or []
    body = [p(f"☐ {item.text}", "body") for item in items] or [p(_("Nothing outstanding from the answers."), "body")]
    return [heading(_("Documentation to obtain")), *body]


def sign_off(provenance: Sequence[tuple[str, str]], width: float) -> list[Flowable]:
    facts = Table([[_bold(k), p(v)] for k, v in provenance], colWidths=[width * 0.22, width * 0.78], hAlign="LEFT")
    facts.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    gap = width * 0.05
    lines = Table(
        [["", "", "", "", ""], [p(_("Clinician name")), "", p(_("Signature")), "", p(_("Date"))]],
        colWidths=[width * 0.38, gap, width * 0.32, gap, width * 0.2], rowHeights=[12 * mm, None], hAlign="LEFT",
    )
    lines.setStyle(TableStyle([("LINEBELOW", (column, 0), (column, 0), 0.6, "#000000") for column in (0, 2, 4)]
                              + [("LEFTPADDING", (0, 0), (-1, -1), 0)]))
    return [KeepTogether([heading(_("Provenance and clinician sign-off")), facts, Spacer(0, 4 * mm),
                          p(_("I have checked the criteria above against the patient's answers."), "body"), lines])]


def appendix(form: Form, response: Response, width: float) -> list[Flowable]:
    """Every question the patient was shown, with the answer, in form order."""
    flow: list[Flowable] = [heading(_("Appendix: all answers"))]
    shown = {q.id for q in visible(form, response.answers, form.settings_used)}
    for section in form.sections:
        questions = [q for q in section.questions if q.id in shown]
        if section.setting and not any(q.id in response.answers for q in questions):
            continue
        if not questions:
            continue
        rows = [[section.title, _("Answer")]]
        for question in questions:
            value = response.answers.get(question.id)
            if question.type is QuestionType.GROUP and value:
                for number, row in enumerate(value, start=1):
                    rows.append([question.label if number == 1 else "", f"{number}. {format_row(question, row)}"])
            else:
                rows.append([question.label, format_value(question, value)])
        flow.append(table(rows, (0.5, 0.5), width))
        flow.append(Spacer(0, 2 * mm))
    return flow


def not_finished(left_out: Sequence[str], width: float) -> list[Flowable]:
    """A boxed warning that these are a visit's answers so far, naming any answer that could not be assessed."""
    rows: list[list[Any]] = [[Paragraph(markup(wording.NOT_FINISHED_NOTE), styles().warning)]]
    if left_out:
        rows.append([p(wording.left_out(list(left_out)), "body")])
    built = Table(rows, colWidths=[width], hAlign="LEFT")
    built.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 2.5, "#000000"), ("LEFTPADDING", (0, 0), (-1, -1), 6),
                               ("TOPPADDING", (0, 0), (-1, -1), 4), ("BOTTOMPADDING", (0, 0), (-1, -1), 4)]))
    return [built, Spacer(0, 2 * mm)]


def red_flags_first(assessment: Assessment, width: float) -> list[Flowable]:
    """For a visit not finished, before anything else: every red flag raised so far, then what the rest were answered."""
    flags = _of_kind(assessment, "red_flag")
    raised = [item for item in flags if item.flagged]
    flow: list[Flowable] = [heading(wording.RED_FLAGS_SO_FAR_TITLE)]
    if raised:
        rows: list[list[Any]] = [[_("Question"), _("Answer")]]
        rows += [[_bold(f"⚑ {item.label}"), _bold(_answer(item))] for item in raised]
        flow += [table(rows, (0.75, 0.25), width, [("BACKGROUND", (0, 1), (-1, -1), URGENT_FILL)]), Spacer(0, 1 * mm)]
    answered_no = sum(not item.flagged and item.answer is not None for item in flags)
    unanswered = sum(item.answer is None and item.key in assessment.missing for item in flags)
    flow.append(p(wording.red_flags_so_far(len(raised), answered_no, unanswered), "body"))
    return [*flow, Spacer(0, 2 * mm)]
