"""The admin's audit log viewer: opened from the queue (and audited), filtered like a user
would, and saying whether the chain verifies."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from patient_driver import tap, type_into
from sqlalchemy import update
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from intake.app.audit_view import ACTIONS, SHOWN_AT_MOST
from intake.app.queue_days import DayChoice
from intake.store.schema import audit
from intake.ui.staff.audit_screen import ACTION_WORDS, action_words

FIRST, SECOND = "20261124-090000-aaaaaa", "20261125-101500-bbbbbb"


def _open_log(desk: FrontDesk):
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.audit_button)
    assert desk.area.currentWidget() is desk.area.audit
    return desk.area.audit


def _actions(screen) -> list[tuple[str, str, str]]:
    return [(row.staff_id, row.action, row.visit_id or "") for row in screen.rows]


def _seed(stores) -> None:
    stores.audit.record("viewed", "bob", FIRST)
    stores.audit.record("printed", "bob", FIRST)
    stores.audit.record("viewed", "carl", SECOND)
    stores.audit.record("staff_disabled", "maria", subject="bob")


def test_an_admin_opens_the_log_newest_first_and_the_opening_is_audited(open_kiosk, stores) -> None:
    _seed(stores)
    window, _patient = open_kiosk(stores=stores)
    screen = _open_log(FrontDesk(window))
    assert _actions(screen)[:3] == [("maria", "audit_viewed", ""), ("maria", "signed_in", ""), ("maria", "staff_disabled", "")]
    assert screen.table.item(0, 2).text() == "Audit viewed"
    assert screen.table.item(2, 1).text() == "maria\nabout bob"
    assert screen.chain.text().startswith("The chain verifies") and screen.chain.property("broken") == "false"
    assert [(row.staff_id, row.action) for row in stores.audit.rows()][-1] == ("maria", "audit_viewed")
    assert screen.count.text() == f"{len(stores.audit.rows())} rows."


def test_filters_by_visit_staff_and_action(open_kiosk, stores) -> None:
    _seed(stores)
    window, _patient = open_kiosk(stores=stores)
    screen = _open_log(FrontDesk(window))
    type_into(screen.visit, "aaaaaa")
    assert _actions(screen) == [("bob", "printed", FIRST), ("bob", "viewed", FIRST)]
    type_into(screen.visit, "")
    screen.staff.setCurrentText("bob")
    assert _actions(screen) == [("maria", "staff_disabled", ""), ("bob", "printed", FIRST), ("bob", "viewed", FIRST)]
    screen.action.setCurrentText("Viewed")
    assert _actions(screen) == [("bob", "viewed", FIRST)] and screen.count.text() == "1 row."
    screen.staff.setCurrentText("Anyone")
    assert _actions(screen) == [("carl", "viewed", SECOND), ("bob", "viewed", FIRST)]
    type_into(screen.visit, "no-such-visit")
    assert _actions(screen) == [] and screen.count.text() == "No rows match."


def test_days_and_a_broken_chain(open_kiosk, stores) -> None:
    _seed(stores)
    three_days_ago = (datetime.now(UTC) - timedelta(days=3)).isoformat(timespec="microseconds")
    with stores.database.engine.begin() as connection:
        connection.execute(update(audit).where(audit.c.seq == 1).values(at=three_days_ago))
    window, _patient = open_kiosk(stores=stores)
    screen = _open_log(FrontDesk(window))
    assert screen.chain.text().startswith("The chain does NOT verify (1 problem): seq 1: contents changed")
    assert screen.chain.property("broken") == "true"
    assert ("bob", "viewed", FIRST) not in _actions(screen), "today's rows only"
    tap(screen.day_choice.buttons[DayChoice.LAST_7_DAYS])
    assert ("bob", "viewed", FIRST) in _actions(screen)
    tap(screen.day_choice.buttons[DayChoice.TODAY])
    type_into(screen.visit, FIRST)
    assert "does NOT verify" in screen.chain.text(), "the chain is checked whole, whatever the filters"
    tap(screen.day_choice.buttons[DayChoice.ALL])
    assert _actions(screen) == [("bob", "printed", FIRST), ("bob", "viewed", FIRST)]


def test_back_to_the_queue_and_nothing_left_after_sign_out(open_kiosk, stores) -> None:
    _seed(stores)
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    screen = _open_log(desk)
    tap(screen.back_button)
    assert desk.in_queue
    tap(desk.area.queue.sign_out_button)
    assert screen.rows == [] and screen.table.rowCount() == 0 and screen.chain.text() == ""
    desk.sign_in("bob", STAFF_PIN)
    desk.area.queue.audit_requested.emit()
    assert desk.in_queue, "staff who are not admins never reach the log"


def test_on_a_portrait_tablet_the_visit_id_keeps_room(open_kiosk, stores, qtbot) -> None:
    _seed(stores)
    window, _patient = open_kiosk(stores=stores)
    screen = _open_log(FrontDesk(window))
    assert screen.table.item(0, 0).text().count("\n") == 0
    window.resize(800, 1280)
    qtbot.waitUntil(lambda: screen.table.item(0, 0).text().count("\n") == 1)
    qtbot.waitUntil(lambda: screen.visit.width() > screen.staff.width() + screen.action.width())
    assert screen.minimumSizeHint().width() <= 800
    type_into(screen.visit, SECOND)
    assert screen.table.columnWidth(3) >= screen.table.fontMetrics().horizontalAdvance(SECOND)


def test_a_long_log_lists_its_newest_rows_only(open_kiosk, stores) -> None:
    for _ in range(SHOWN_AT_MOST + 5):
        stores.audit.record("viewed", "bob", FIRST)
    window, _patient = open_kiosk(stores=stores)
    screen = _open_log(FrontDesk(window))
    assert screen.table.rowCount() == SHOWN_AT_MOST and screen.rows[0].action == "audit_viewed"
    assert screen.count.text().startswith(f"The newest {SHOWN_AT_MOST} of {SHOWN_AT_MOST + 7} matching rows")
    screen.action.setCurrentText("Audit viewed")
    assert screen.count.text() == "1 row."


def test_every_action_the_log_records_has_words_to_translate() -> None:
    """An action without words would show its code's English to every language."""
    assert set(ACTION_WORDS) == set(ACTIONS)
    assert action_words("settings_changed") == "Settings changed"
    assert action_words("from_a_newer_station") == "From a newer station", "an unknown action still reads as words"
