"""`render_report(response, assessment, form, clinic) -> RenderedReport`: the clinician summary PDF and its warnings."""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import datetime

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer

from intake import __version__
from intake.eligibility.assessment import Assessment
from intake.questionnaire.form import Form
from intake.questionnaire.response import Response
from intake.report import addenda as added
from intake.report import sections, wording
from intake.report.addenda import Addenda
from intake.report.canvas import PageFurniture, numbered_canvas
from intake.report.fonts import CJK_INSTALL_COMMAND, unprintable
from intake.report.styles import MARGIN, styles
from intake.report.words import _

PAPER = {"a4": A4, "letter": LETTER}


@dataclass(frozen=True)
class ClinicInfo:
    name: str = "Headache clinic"
    address: str = ""
    paper: str = "a4"


@dataclass(frozen=True)
class NotFinished:
    """The patient did not finish: their answers so far, assessed as they stand.

    Every page then says so in its header, the first page under a title of its own, and
    the red flags raised so far come before the outcome.
    """

    left_out: tuple[str, ...] = ()
    """Answers that could not be assessed (a medicine row half filled in, say), named for staff."""


@dataclass(frozen=True)
class RenderedReport:
    pdf: bytes
    warnings: list[str] = field(default_factory=list)


def _text_of(response: Response) -> str:
    parts: list[str] = []
    for value in response.answers.values():
        if isinstance(value, str):
            parts.append(value)
        elif isinstance(value, list):
            parts += [str(v) for row in value for v in row.values() if isinstance(v, str)]
    return "".join(parts)


def render_report(
    response: Response,
    assessment: Assessment,
    form: Form,
    clinic: ClinicInfo,
    visit_id: str | None = None,
    generated: datetime | None = None,
    audit_anchor: str | None = None,
    addenda: Addenda | None = None,
    not_finished: NotFinished | None = None,
    answered_before: bool = False,
) -> RenderedReport:
    """`audit_anchor`: the audit log's head before this summary's finish row, as printed (its short form).

    `addenda`: what staff added after the patient finished (amended answers, clinician notes).
    `not_finished`: a visit the patient left, printed as it stands (see `NotFinished`).
    `answered_before`: the answers came in a response file (a pre-visit form, another
    system), not from the kiosk: the clinician reading them knows no one was at hand to ask.
    """
    addenda = addenda or Addenda()
    generated = generated or datetime.now().astimezone()
    stamp = generated.strftime("%Y-%m-%d %H:%M %Z").strip()
    pagesize = PAPER[clinic.paper]
    width = pagesize[0] - 2 * MARGIN
    provenance = [
        (_("Generated"), stamp),
        (_("App"), f"headache-intake {__version__}"),
        (_("Form"), f"{form.id} {form.version}"),
        (_("Policy"), f"{assessment.policy} {assessment.policy_version}"),
        (_("Rules hash"), assessment.rules_hash),
    ]
    if audit_anchor:
        provenance.append((wording.AUDIT_ANCHOR, audit_anchor))
    furniture = PageFurniture(
        clinic_name=clinic.name,
        document_title=wording.NOT_FINISHED_TITLE if not_finished else wording.DOCUMENT_TITLE,
        provenance=_footer_provenance(stamp, form, assessment),
    )
    warnings = _glyph_warnings(response)
    story: list[Flowable] = [Paragraph(f"⚠ {warning}", styles().warning) for warning in warnings]
    story += added.amended_warning(addenda)
    if not_finished is None:
        story += sections.identity(form, response, visit_id, clinic.address, width, answered_before=answered_before)
    else:
        story += sections.identity(form, response, visit_id, clinic.address, width, wording.NOT_FINISHED_TITLE)
        story += sections.not_finished(not_finished.left_out, width)
        story += sections.red_flags_first(assessment, width)
    story += _assessment(assessment, width)
    story += added.amendments(addenda, width)
    story += sections.sign_off(provenance, width)
    story += sections.appendix(form, response, width)
    story += added.notes(addenda)
    title = wording.NOT_FINISHED_DOCUMENT if not_finished else wording.SUMMARY_DOCUMENT
    return RenderedReport(_pdf(story, pagesize, clinic, furniture, title), warnings)


def _footer_provenance(stamp: str, form: Form, assessment: Assessment) -> str:
    """Every page's small print: when, which form, which rules."""
    # Translators: the foot of every page. {stamp} is when the PDF was made; {form} and {form_version} the form's id and
    # version; {policy}, {policy_version} and {rules_hash} the rules'.
    return _("Generated {stamp} · form {form} {form_version} · rules {policy} {policy_version} {rules_hash}").format(
        stamp=stamp, form=form.id, form_version=form.version, policy=assessment.policy,
        policy_version=assessment.policy_version, rules_hash=wording.short_hash(assessment.rules_hash),
    )


def _assessment(assessment: Assessment, width: float) -> list[Flowable]:
    """From the outcome to the documentation to obtain: the same for a summary and for answers so far."""
    story: list[Flowable] = []
    story += sections.outcome_box(assessment, width)
    story += sections.at_a_glance(assessment, width)
    story += sections.criteria(assessment, width)
    story += sections.policies_side_by_side(assessment, width)
    story += sections.screening(assessment, width)
    story += sections.ichd3_panel(assessment, width)
    story += sections.overuse(assessment, width)
    story += sections.preventives(assessment, width)
    story += sections.prior_botox_and_midas(assessment)
    story += sections.notes(assessment)
    story += sections.documentation(assessment)
    return [*story, Spacer(0, 4)]


def _glyph_warnings(response: Response) -> list[str]:
    """A name the fonts cannot print must not pass unnoticed: staff check it against the patient's ID."""
    missing_glyphs = unprintable(_text_of(response))
    if not missing_glyphs:
        return []
    # Translators: {characters} are the characters that cannot be printed; {command} installs a font that has them.
    warning = _("Some characters in the answers cannot be printed with the installed fonts ({characters}); check the name "
                "against the patient's ID; install a CJK font (Debian/Ubuntu: {command}).")
    return [warning.format(characters=" ".join(sorted(missing_glyphs)), command=CJK_INSTALL_COMMAND)]


def _pdf(
    story: list[Flowable], pagesize: tuple[float, float], clinic: ClinicInfo, furniture: PageFurniture, title: str
) -> bytes:
    buffer = io.BytesIO()
    document = SimpleDocTemplate(
        buffer,
        pagesize=pagesize,
        leftMargin=MARGIN,
        rightMargin=MARGIN,
        topMargin=MARGIN + 4,
        bottomMargin=MARGIN + 6,
        title=title,
        author=clinic.name,
        subject=_("Referral criteria summary (decision support, not a diagnosis)"),
        creator=f"headache-intake {__version__}",
    )
    document.build(story, canvasmaker=numbered_canvas(furniture))
    return buffer.getvalue()

