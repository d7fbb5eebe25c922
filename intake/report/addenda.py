"""What staff added to a visit after the patient finished, as the summary prints it.

Amended answers get a warning on page 1 (the assessment then rests on answers the
patient did not give) and a table before the sign-off: who, when, which question, what
the answer was and is, and why. Clinician notes close the document as an addendum.
The caller puts everything in words (names, answers); this module only lays it out.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer

from intake.report import wording
from intake.report.fonts import markup
from intake.report.sections import heading, p, table
from intake.report.styles import styles


@dataclass(frozen=True)
class AmendmentLine:
    when: datetime
    who: str
    question: str
    was: str
    now: str
    reason: str


@dataclass(frozen=True)
class NoteLine:
    when: datetime
    who: str
    text: str


@dataclass(frozen=True)
class Addenda:
    amendments: Sequence[AmendmentLine] = field(default_factory=tuple)
    notes: Sequence[NoteLine] = field(default_factory=tuple)


def _when(moment: datetime) -> str:
    """In the clinic's own time, as the summary's other times."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def amended_warning(addenda: Addenda) -> list[Flowable]:
    if not addenda.amendments:
        return []
    return [Paragraph(f"⚠ {markup(wording.amended_notice(len(addenda.amendments)))}", styles().warning), Spacer(0, 2 * mm)]


def amendments(addenda: Addenda, width: float) -> list[Flowable]:
    if not addenda.amendments:
        return []
    rows: list[list[Any]] = [list(wording.AMENDMENTS_HEADER)]
    rows += [[_when(line.when), line.who, line.question, f"{line.was} → {line.now}", line.reason] for line in addenda.amendments]
    return [KeepTogether([heading(wording.AMENDMENTS_TITLE), table(rows, (0.14, 0.15, 0.21, 0.25, 0.25), width)])]


def _note_text(text: str) -> Paragraph:
    """The note as written, its line breaks kept."""
    return Paragraph("<br/>".join(markup(line) for line in text.splitlines()), styles().body)


def notes(addenda: Addenda) -> list[Flowable]:
    if not addenda.notes:
        return []
    written = [[Spacer(0, 2 * mm), p(f"{_when(line.when)} · {line.who}", "cell_bold"), _note_text(line.text)]
               for line in addenda.notes]
    first = KeepTogether([heading(wording.NOTES_TITLE), p(wording.NOTES_INTRO, "small"), *written[0]])
    return [first, *[KeepTogether(note) for note in written[1:]]]
