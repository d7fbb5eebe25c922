"""Which alerts a person sees: urgent until reviewed, help until handled, a failed summary until
made; "Seen" silences the first and the last for the person who tapped it, until the visit changes."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone

from intake.app.alerts import Alerts, alerts_for, seen_mark, waiting_for_help
from intake.store.visits import NEEDS_REVIEW, ROUTINE, URGENT, VisitSummary

SAVED = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


def _visit(visit_id: str, given: str | None, family: str | None, priority: int = ROUTINE, **flags: bool) -> VisitSummary:
    return VisitSummary(visit_id, SAVED, SAVED, "finished", None, flags.pop("reviewed", False), given, family, priority,
                        updated=SAVED, **flags)


URGENT_VISIT = _visit("u", "Zoë", "Łukasik", URGENT)
REVIEWED_URGENT = _visit("r", "Hans", "Müller", URGENT, reviewed=True)
ASKED = _visit("h", "Ana", "Silva", help_requested=True)
FAILED = _visit("f", None, None, NEEDS_REVIEW, summary_failed=True)
ROUTINE_VISIT = _visit("o", "Ann", "Lee")
QUEUE = [URGENT_VISIT, REVIEWED_URGENT, ASKED, FAILED, ROUTINE_VISIT]


def test_nothing_seen_shows_every_alert() -> None:
    alerts = alerts_for(QUEUE, set())
    assert alerts == Alerts(urgent=(URGENT_VISIT,), summary_failed=(FAILED,), help=(ASKED,))
    assert alerts.bar_text() == (
        "URGENT: 1 visit needs a clinician now (red flag): Zoë Łukasik\n"
        "SUMMARY FAILED for 1 visit (every answer is kept, under Unfinished): (no name yet)"
    )
    assert alerts.help_text() == "Asked for help: Ana Silva"


def test_no_alerts_say_nothing() -> None:
    alerts = alerts_for([REVIEWED_URGENT, ROUTINE_VISIT], set())
    assert alerts == Alerts() and alerts.bar_text() == "" and alerts.help_text() == ""


def test_seen_silences_urgent_and_failed_but_never_help() -> None:
    seen = {seen_mark(visit) for visit in alerts_for(QUEUE, set()).silenced_by_seen}
    assert alerts_for(QUEUE, seen) == Alerts(help=(ASKED,))


def test_a_visit_that_changed_since_it_was_seen_alerts_again() -> None:
    seen = {seen_mark(URGENT_VISIT), seen_mark(FAILED)}
    changed = replace(URGENT_VISIT, updated=SAVED + timedelta(seconds=1))
    assert alerts_for([changed, FAILED], seen) == Alerts(urgent=(changed,))


def test_seen_is_about_one_visit_only() -> None:
    other = _visit("u2", "Bo", "Berg", URGENT)
    alerts = alerts_for([URGENT_VISIT, other], {seen_mark(URGENT_VISIT)})
    assert alerts.urgent == (other,)
    assert alerts.bar_text() == "URGENT: 1 visit needs a clinician now (red flag): Bo Berg"


def test_an_urgent_visit_whose_summary_failed_is_silenced_once() -> None:
    both = _visit("b", "Eva", "Ruiz", URGENT, summary_failed=True)
    alerts = alerts_for([both, URGENT_VISIT], set())
    assert alerts.bar_text().startswith("URGENT: 2 visits need a clinician now (red flag): Eva Ruiz, Zoë Łukasik\n")
    assert alerts.silenced_by_seen == (both, URGENT_VISIT)


def test_help_waits_until_handled_or_reviewed() -> None:
    handled = replace(ASKED, help_handled=True)
    reviewed = replace(ASKED, id="h2", reviewed=True)
    nameless = replace(ASKED, id="h3", given_name=None, family_name=None)
    assert waiting_for_help([ASKED, handled, reviewed, nameless]) == [ASKED, nameless]
    assert alerts_for([ASKED, nameless], set()).help_text() == "Asked for help: Ana Silva, (no name yet)"
    assert alerts_for([handled, reviewed], set()) == Alerts()


def test_a_failed_summary_alerts_even_once_reviewed_until_made() -> None:
    failed_reviewed = replace(FAILED, reviewed=True)
    assert alerts_for([failed_reviewed], set()).summary_failed == (failed_reviewed,)
    second = replace(FAILED, id="f2")
    assert alerts_for([FAILED, second], set()).bar_text().startswith("SUMMARY FAILED for 2 visits")
    assert alerts_for([replace(FAILED, summary_failed=False)], set()) == Alerts()


def test_the_seen_mark_is_the_visit_and_its_last_change_in_utc() -> None:
    paris = timezone(timedelta(hours=1))
    assert seen_mark(replace(URGENT_VISIT, updated=SAVED.astimezone(paris))) == ("u", "2026-11-25T09:00:00.000000+00:00")

