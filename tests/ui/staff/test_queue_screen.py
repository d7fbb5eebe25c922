"""The queue: urgent first (the visit just handed back first in its band), any days, filters,
search by name or date of birth, a live alert for urgent visits, and a portrait layout."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path

import pytest
from patient_driver import tap, type_into
from PySide6.QtCore import QLocale, QPoint, QRect
from sqlalchemy import update
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from audit_keys import AUDIT_KEY
from cases import vignette
from intake.app.desk import Desk
from intake.app.finishing import assess_and_render
from intake.app.queue_days import DayChoice
from intake.app.review_queue import QueueView, is_urgent
from intake.app.station import Station
from intake.app.visit import Visit, new_visit_id
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.database import open_database
from intake.store.schema import visits
from intake.store.stores import Stores
from intake.ui.staff.local_dates import month_title, short_date


def _names(vignette_id: str) -> str:
    answers = vignette(vignette_id)["answers"]
    return f"{answers['given_name']} {answers['family_name']}"


def test_urgent_first_then_review_then_the_rest(open_kiosk, stores, add_visit) -> None:
    refer, urgent, incomplete = add_visit("V01"), add_visit("V14"), add_visit("V02")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    shown = [visit.id for visit in desk.area.queue.rows]
    assert shown[0] == urgent and shown[-1] == refer and set(shown) == {refer, urgent, incomplete}
    table = desk.area.queue.table
    assert table.item(0, 3).text() == "!! URGENT REVIEW" and table.item(0, 4).text() == "No"
    assert table.item(0, 0).font().bold()


def test_filters_and_search_by_name(open_kiosk, stores, add_visit) -> None:
    add_visit("V01")
    urgent = add_visit("V14")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    queue.view.setCurrentText(str(QueueView.URGENT))
    assert [visit.id for visit in queue.rows] == [urgent]
    queue.view.setCurrentText(str(QueueView.ALL))
    family = vignette("V01")["answers"]["family_name"]
    type_into(queue.search, family.lower())
    assert desk.queue_names() == [n for n in desk.queue_names() if family in n] and desk.queue_names()
    type_into(queue.search, "nobody-by-this-name")
    assert desk.queue_names() == [] and queue.empty.isVisible()


def test_a_finished_urgent_visit_raises_the_alert_at_once(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert not queue.alert_bar.isVisible()
    tap(queue.patient_button)
    assert window.pages.currentWidget() is window.welcome
    with qtbot.waitSignal(window.visit_finished, timeout=10_000):
        patient.complete(vignette("V14")["answers"])
    window.end_visit()
    desk.sign_in("bob", STAFF_PIN)
    assert queue.alert_bar.isVisible() and "URGENT" in queue.alert.text() and _names("V14") in queue.alert.text()
    tap(queue.alert_seen_button)
    assert not queue.alert_bar.isVisible()


def test_the_queue_updates_while_open_when_a_visit_finishes(open_kiosk, stores, add_visit, form) -> None:
    from intake.app.finishing import assess_and_render
    from intake.questionnaire.response import parse_response
    from intake.settings import Settings

    add_visit("V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    assert len(desk.area.queue.rows) == 1
    finished = assess_and_render("20261125-101010-abcdef", parse_response(vignette("V14"), form), form, Settings())
    stores.visits.finish(finished.visit_id, finished.response.to_json_dict(), finished.assessment.to_json_dict(), finished.pdf)
    window.visit_finished.emit(finished)
    assert desk.area.queue.rows[0].id == finished.visit_id
    assert desk.area.queue.alert_bar.isVisible()


def test_a_red_flag_in_progress_alerts_staff_before_the_patient_finishes(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    tap(desk.area.queue.patient_button)
    patient.advance_to("red_flags", vignette("V14")["answers"])
    with qtbot.waitSignal(window.staff_alert, timeout=1000):
        patient.answer("rf_thunderclap", "yes")
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert queue.alert_bar.isVisible()
    assert queue.rows[0].status == "in_progress" and queue.table.item(0, 3).text() == "Red flag answered"
    tap(queue.patient_button)
    assert window.pages.currentWidget() is patient.wizard, "the patient goes on where they were"


def test_sign_out_and_patient_mode_leave_no_names_on_screen(open_kiosk, stores, add_visit) -> None:
    add_visit("V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.sign_out_button)
    assert window.pages.currentWidget() is window.welcome
    assert desk.area.queue.table.rowCount() == 0 and desk.area.queue.who.text() == ""
    assert [r.action for r in stores.audit.rows()][-1] == "signed_out"


def test_a_reviewed_urgent_visit_no_longer_alerts(open_kiosk, stores, add_visit) -> None:
    urgent = add_visit("V14")
    stores.visits.mark_reviewed(urgent, "maria")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert not desk.area.queue.alert_bar.isVisible()


def _store(stores, form, vignette_id: str, started: datetime | None = None, **answers: str) -> str:
    """A finished visit with some answers changed, started when given (else now)."""
    data = vignette(vignette_id)
    data["answers"].update(answers)
    finished = assess_and_render(new_visit_id(), parse_response(data, form), form, Settings())
    stores.visits.finish(finished.visit_id, finished.response.to_json_dict(), finished.assessment.to_json_dict(), finished.pdf)
    if started is not None:
        with stores.database.engine.begin() as connection:
            connection.execute(update(visits).where(visits.c.id == finished.visit_id).values(started=started))
    return finished.visit_id


def _days_ago(count: int) -> date:
    return date.today() - timedelta(days=count)


def _at_noon(day: date) -> datetime:
    return datetime.combine(day, time(12, 0)).astimezone()


@pytest.mark.parametrize("typed", ["15/01/1992", "1992-01-15", "15 Jan 1992", "15.01.1992", "15-01-1992"])
def test_search_by_date_of_birth(open_kiosk, stores, form, typed: str) -> None:
    born_1992 = _store(stores, form, "V01", given_name="Ana", family_name="Silva")
    _store(stores, form, "V06", given_name="Hans", family_name="Müller")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert sorted(desk.queue_names()) == ["Ana Silva", "Hans Müller"]
    type_into(queue.search, typed)
    assert [visit.id for visit in queue.rows] == [born_1992]
    assert queue.table.item(0, 1).text() == "Ana Silva\nborn 1992-01-15", "the C locale writes dates the ISO way"


def test_an_ambiguous_date_of_birth_is_read_the_way_the_locale_writes_dates(open_kiosk, stores, form) -> None:
    march_4 = _store(stores, form, "V01", date_of_birth="1992-03-04")
    april_3 = _store(stores, form, "V06", date_of_birth="1992-04-03")
    for locale, found in (("en_US", march_4), ("en_GB", april_3)):
        QLocale.setDefault(QLocale(locale))
        try:
            window, _patient = open_kiosk(stores=stores)
            desk = FrontDesk(window)
            desk.sign_in("bob", STAFF_PIN)
        finally:
            QLocale.setDefault(QLocale.c())
        type_into(desk.area.queue.search, "03/04/1992")
        assert [visit.id for visit in desk.area.queue.rows] == [found], locale
        window.close()


def test_within_its_band_the_visit_just_handed_back_comes_first(open_kiosk, stores, form) -> None:
    early_start = _store(stores, form, "V01", started=_at_noon(date.today()) - timedelta(hours=3), given_name="First")
    _store(stores, form, "V06", given_name="Second")
    with stores.database.engine.begin() as connection:
        connection.execute(update(visits).where(visits.c.id == early_start).values(finished=datetime.now(UTC)))
    urgent = _store(stores, form, "V14", started=_at_noon(date.today()) - timedelta(hours=4))
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert [visit.id for visit in desk.area.queue.rows][:2] == [urgent, early_start]


def _calendar_day(queue, day: date) -> None:
    """Go to the day's month on the open calendar and tap the day."""
    calendar = queue.day_choice.calendar
    while calendar.month.text() != month_title(day.year, day.month):
        tap(calendar.previous_button)
    tap(calendar.button_for(day))


def test_today_the_last_7_days_or_days_picked_on_a_calendar(open_kiosk, stores, form) -> None:
    today = _store(stores, form, "V01")
    yesterday = _store(stores, form, "V06", started=_at_noon(_days_ago(1)))
    weeks_ago = _store(stores, form, "V02", started=_at_noon(_days_ago(20)))
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert ([visit.id for visit in queue.rows], queue.title.text()) == ([today], "Today's visits")
    assert queue.table.item(0, 0).text().count(":") == 1 and "\n" not in queue.table.item(0, 0).text(), "one day: the time"
    tap(queue.day_choice.buttons[DayChoice.LAST_7_DAYS])
    assert {visit.id for visit in queue.rows} == {today, yesterday} and queue.title.text() == "Visits in the last 7 days"
    assert len(queue.table.item(0, 0).text().splitlines()) == 2, "several days: the day above the time"

    tap(queue.day_choice.buttons[DayChoice.PICKED])
    assert queue.list_area.currentWidget() is queue.day_choice.calendar and not queue.table.isVisible()
    _calendar_day(queue, _days_ago(20))
    assert {visit.id for visit in queue.rows} == {today, yesterday}, "nothing changes before Show"
    tap(queue.day_choice.calendar.show_button)
    assert [visit.id for visit in queue.rows] == [weeks_ago] and queue.table.isVisible()
    assert queue.title.text() == f"Visits on {short_date(_days_ago(20))}"

    tap(queue.day_choice.buttons[DayChoice.PICKED])
    _calendar_day(queue, _days_ago(1))
    _calendar_day(queue, _days_ago(20))
    tap(queue.day_choice.calendar.show_button)
    assert {visit.id for visit in queue.rows} == {yesterday, weeks_ago}
    assert queue.title.text() == f"Visits from {short_date(_days_ago(20))} to {short_date(_days_ago(1))}"

    tap(queue.day_choice.buttons[DayChoice.PICKED])
    _calendar_day(queue, date.today())
    tap(queue.day_choice.calendar.cancel_button)
    assert {visit.id for visit in queue.rows} == {yesterday, weeks_ago} and queue.day_choice.buttons[DayChoice.PICKED].isChecked()
    tap(queue.day_choice.buttons[DayChoice.TODAY])
    assert [visit.id for visit in queue.rows] == [today]


def test_the_calendar_offers_no_day_after_today(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    tap(queue.day_choice.buttons[DayChoice.PICKED])
    calendar = queue.day_choice.calendar
    assert not calendar.next_button.isEnabled()
    assert calendar.button_for(date.today()).isChecked()
    tomorrow = date.today() + timedelta(days=1)
    if tomorrow.month == date.today().month:
        assert not calendar.button_for(tomorrow).isEnabled()
    for button in (*calendar.day_buttons[:7], calendar.previous_button, calendar.show_button):
        assert min(button.width(), button.height()) >= 48, "a finger's width"


def test_a_picked_day_keeps_todays_urgent_alert(open_kiosk, stores, form) -> None:
    _store(stores, form, "V14")
    _store(stores, form, "V01", started=_at_noon(_days_ago(20)))
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    tap(queue.day_choice.buttons[DayChoice.PICKED])
    _calendar_day(queue, _days_ago(20))
    tap(queue.day_choice.calendar.show_button)
    assert len(queue.rows) == 1 and not is_urgent(queue.rows[0])
    assert queue.alert_bar.isVisible(), "the alert is about now, whatever days the list shows"


def test_signing_in_again_starts_from_today(open_kiosk, stores, form) -> None:
    _store(stores, form, "V01", started=_at_noon(_days_ago(1)))
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    tap(queue.day_choice.buttons[DayChoice.LAST_7_DAYS])
    assert len(queue.rows) == 1
    tap(queue.sign_out_button)
    desk.sign_in("bob", STAFF_PIN)
    assert queue.rows == [] and queue.title.text() == "Today's visits" and queue.day_choice.buttons[DayChoice.TODAY].isChecked()


def test_on_a_portrait_tablet_the_rows_fold_and_nothing_is_pushed_off_screen(open_kiosk, stores, form, qtbot) -> None:
    reviewed = _store(stores, form, "V14")
    stores.visits.mark_reviewed(reviewed, "maria")
    _store(stores, form, "V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    queue = desk.area.queue
    assert not queue.table.isColumnHidden(4) and queue.table.item(0, 2).text() == "Finished"
    window.resize(800, 1280)
    qtbot.waitUntil(lambda: queue.table.isColumnHidden(4))
    assert queue.table.item(0, 2).text() == "Finished\nReviewed"
    assert queue.minimumSizeHint().width() <= 800
    for button in (queue.audit_button, queue.settings_button, queue.patient_button, queue.sign_out_button, queue.open_button):
        assert queue.rect().contains(QRect(button.mapTo(queue, QPoint(0, 0)), button.size())), button.text()
    assert queue.search.width() >= queue.search.fontMetrics().horizontalAdvance(queue.search.placeholderText())
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: not queue.table.isColumnHidden(4))
    assert queue.table.item(0, 2).text() == "Finished"


def test_only_admins_see_the_audit_log_button(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert not desk.area.queue.audit_button.isVisible()
    tap(desk.area.queue.sign_out_button)
    desk.sign_in("maria", ADMIN_PIN)
    assert desk.area.queue.audit_button.isVisible()


def _seen_rows(stores) -> list[tuple[str, str | None]]:
    return [(row.staff_id, row.visit_id) for row in stores.audit.rows() if row.action == "alert_seen"]


def test_seen_silences_the_alert_for_that_person_only_until_the_visit_changes(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    queue = desk.area.queue
    patient.advance_to("red_flags", vignette("V14")["answers"])
    visit_id = patient.wizard.visit.visit_id
    with qtbot.waitSignal(window.staff_alert, timeout=1000):
        patient.answer("rf_thunderclap", "yes")

    desk.sign_in("bob", STAFF_PIN)
    assert queue.alert_bar.isVisible() and "URGENT" in queue.alert.text()
    tap(queue.alert_seen_button)
    assert not queue.alert_bar.isVisible()
    assert _seen_rows(stores) == [("bob", visit_id)]
    tap(queue.patient_button)

    desk.sign_in("maria", ADMIN_PIN)
    assert queue.alert_bar.isVisible(), "the next person signing in still sees it"
    tap(queue.patient_button)

    desk.sign_in("bob", STAFF_PIN)
    assert not queue.alert_bar.isVisible(), "bob's Seen is kept in the store, past his sign-out"
    tap(queue.patient_button)

    patient.answer("rf_cancer", "no")
    desk.sign_in("bob", STAFF_PIN)
    assert queue.alert_bar.isVisible(), "the visit changed since bob saw it"
    assert _seen_rows(stores) == [("bob", visit_id)]


def test_the_alert_stays_until_the_visit_is_marked_reviewed(open_kiosk, stores, add_visit) -> None:
    urgent = add_visit("V14")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    desk.open_row(0)
    assert queue.alert_bar.isVisible(), "above the visit screen too"
    assert desk.area.visit.visit.summary.id == urgent
    tap(desk.area.visit.review_button)
    tap(desk.area.visit.back_button)
    assert not queue.alert_bar.isVisible()
    tap(queue.sign_out_button)
    desk.sign_in("maria", ADMIN_PIN)
    assert not queue.alert_bar.isVisible(), "reviewed ends it for everyone"


def test_a_red_flag_at_another_station_shows_here_within_two_seconds(open_kiosk, stores, form, us_rules, qtbot) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    queue = desk.area.queue
    assert not queue.alert_bar.isVisible()
    with open_database(None, "test passphrase", Path(stores.database.where)) as elsewhere:
        other = Desk(Station(Stores.on(elsewhere, AUDIT_KEY), form, Settings(), us_rules, station_id="other"))
        visit = Visit(form, us_rules, frozenset())
        visit.set_answer("given_name", "Zoë")
        assert other.start(visit)
        visit.set_answer("rf_thunderclap", "yes")
        assert visit.needs_staff_alert()
        assert other.autosave(visit)
    qtbot.waitUntil(queue.alert_bar.isVisible, timeout=2000)
    assert "Zoë" in queue.alert.text() and queue.rows[0].id == visit.visit_id
