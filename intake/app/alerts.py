"""Which alerts a signed-in person sees, and in what words.

Each kind of alert ends its own way, and none ends because someone else looked:

- urgent (a red flag came up): until the visit is marked reviewed. "Seen" silences it
  for the person who tapped it, until the visit changes; everyone else still sees it.
- summary failed (the answers are kept, no summary was made): until the summary is made
  or the visit is discarded. "Seen" silences it the same way.
- help requested: a calm line, until a staff member marks the request handled (or the
  visit reviewed). "Seen" does not silence it: someone has to go to the patient.

Plain data in and out: the staff desk reads what the person has seen from the store,
and the screens only show the result, in the language they ask for (the staff language;
English by default).
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass

from intake.app.review_queue import is_urgent, patient_name
from intake.staff_wording import NO_NAME_YET, help_alert, staff_translations, summary_failed_alert, urgent_alert
from intake.store.alert_state import SeenMark, change_stamp
from intake.store.visits import VisitSummary
from intake.translations import SOURCE_LANGUAGE


def seen_mark(visit: VisitSummary) -> SeenMark:
    """The visit as a person saw it: once it changes, its alerts are news again."""
    return visit.id, change_stamp(visit.updated)


@dataclass(frozen=True)
class Alerts:
    urgent: tuple[VisitSummary, ...] = ()
    summary_failed: tuple[VisitSummary, ...] = ()
    help: tuple[VisitSummary, ...] = ()

    def bar_text(self, language: str = SOURCE_LANGUAGE) -> str:
        """The alert bar's lines in `language`, the urgent one first; empty when the bar has nothing to say."""
        lines = []
        if self.urgent:
            lines.append(urgent_alert(_names(self.urgent, language), language))
        if self.summary_failed:
            lines.append(summary_failed_alert(_names(self.summary_failed, language), language))
        return "\n".join(lines)

    @property
    def silenced_by_seen(self) -> tuple[VisitSummary, ...]:
        """The visits whose alerts "Seen" silences, each once."""
        unique = {visit.id: visit for visit in (*self.urgent, *self.summary_failed)}
        return tuple(unique.values())

    def help_text(self, language: str = SOURCE_LANGUAGE) -> str:
        """The calm line naming who asked for help, in `language`; empty when nobody is waiting."""
        return help_alert(_names(self.help, language), language) if self.help else ""


def _names(visits: Iterable[VisitSummary], language: str) -> list[str]:
    """The patients' names, a patient who gave none yet said so in `language`."""
    unnamed = staff_translations(language).gettext(NO_NAME_YET)
    return [patient_name(visit, unnamed) for visit in visits]


def waiting_for_help(visits: Iterable[VisitSummary]) -> list[VisitSummary]:
    """Patients who asked for help, not yet handled, whose visit nobody has marked reviewed."""
    return [visit for visit in visits if visit.help_requested and not visit.help_handled and not visit.reviewed]


def alerts_for(visits: Iterable[VisitSummary], seen: Collection[SeenMark]) -> Alerts:
    """The alerts of these visits for a person who marked `seen` the versions they saw."""
    listed = list(visits)
    unseen = [visit for visit in listed if seen_mark(visit) not in seen]
    return Alerts(
        urgent=tuple(visit for visit in unseen if is_urgent(visit) and not visit.reviewed),
        summary_failed=tuple(visit for visit in unseen if visit.summary_failed),
        help=tuple(waiting_for_help(listed)),
    )
