"""Run inside the real app by `main.py --drive THIS_FILE` (see `benchmarks/staff_day.py`): a
day at the front desk, by touch only, with a screenshot of the whole screen at each step.

Three patients, then staff:

1. A red flag who walks away: V14's answers up to the red-flag page (thunderclap: yes),
   then nobody touches the tablet: "Are you still there?", the paused screen, and once
   the resume window is over the visit goes to staff as unfinished and urgent.
2. One who asks for help on the second page; staff hold the help screen, sign in (the
   first time today: ID and PIN), see the urgent alert and the help notice, and hand
   the tablet back; the patient finishes.
3. A referral (V01) who finishes and hands the tablet back: staff hold the thank-you
   screen, type their PIN (their ID is remembered), and the visit opens with Print
   ready; Print sends it to the clinic's printer (with no printer set, Print… and Print
   in the system dialog). Every tap from the hand-back to the paper is counted and
   printed; then a look at the system dialog behind "Choose printer…", cancelled.

Then staff: the queue and the urgent visit (its actions, More actions, its answers);
the red-flag patient comes back and staff continue her visit with her; an answer of the
referral amended, and a clinician note added to it; the admin exports that visit as
FHIR and today's visits as CSV, adds an account and resets a PIN. `DAY` lists the steps
in order, one function each.

Environment: `STAFF_DAY_SHOTS` (the folder for the PNGs, required), `STAFF_DAY_PIN`
(bob's PIN), `STAFF_DAY_ADMIN_PIN` (maria's). Prints one line per step and `taps from hand-back to printed summary: N`;
exit status 0 when every step ran, 3 when one failed (the traceback is on stderr).
"""

from __future__ import annotations

import os
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path[:0] = [str(Path(__file__).parent), str(Path(__file__).parent.parent)]

from functools import partial  # noqa: E402

from PySide6.QtCore import Qt, QTimer  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication, QDialog, QDialogButtonBox  # noqa: E402
from touch_staff import TouchStaff  # noqa: E402

from cases import vignette  # noqa: E402
from intake.questionnaire.patient_wording import ENGLISH  # noqa: E402

SETTLE_MS = 400
PATIENTS = {
    "red_flag": {"given_name": "Maya", "family_name": "Okafor", "date_of_birth": "1982-03-09"},
    "help": {"given_name": "Ivan", "family_name": "Petrov", "date_of_birth": "1975-11-30"},
    "referral": {"given_name": "Zoë", "family_name": "Lindqvist", "date_of_birth": "1992-01-15"},
}
"""Names that tell the three apart in the screenshots (the vignettes all say "Test Patient")."""


class Day:
    """What the steps share: the window, where shots go, bob's PIN. (A plain class: the app
    loads this file without registering it as a module, which a dataclass needs.)"""

    def __init__(self, window: Any, shots: Path, pin: str, admin_pin: str) -> None:
        self.window = window
        self.shots = shots
        self.pin = pin
        self.admin_pin = admin_pin
        self.taps_to_paper: int | None = None
        self._shot = 0

    def shoot(self, name: str) -> None:
        """The whole screen as a person sees it, dialogs included."""
        QTest.qWait(SETTLE_MS)
        self._shot += 1
        path = self.shots / f"{self._shot:02d}-{name}.png"
        QApplication.primaryScreen().grabWindow(0).save(str(path))
        print(f"shot {path.name}", flush=True)

    def fingers(self) -> TouchStaff:
        return TouchStaff(self.window)


def _answers(case: str, who: str) -> dict[str, Any]:
    return vignette(case)["answers"] | PATIENTS[who]


def _answer_until(day: Day, person: TouchStaff, answers: dict[str, Any], section_id: str) -> None:
    """Start and answer page after page until the page of `section_id` shows (not answered)."""
    person.start()
    while (page := person.wizard.current_page()) is not None and page.section.id != section_id:
        person.answer_page(answers)
        person.next()
        if day.window.pages.currentWidget() is not person.wizard:
            raise AssertionError(f"the visit left the questions before {section_id}")


def _wait_for(condition: Callable[[], bool], seconds: float, what: str) -> None:
    waited = 0
    while not condition():
        if waited > seconds * 1000:
            raise AssertionError(f"waited {seconds:.0f} s for {what}")
        QTest.qWait(200)
        waited += 200


def red_flag_walks_away(day: Day) -> None:
    person = day.fingers()
    day.shoot("welcome")
    answers = _answers("V14", "red_flag")
    _answer_until(day, person, answers, "red_flags")
    person.answer_page(answers)
    day.shoot("red-flag-answered-then-nobody")
    window = day.window
    _wait_for(lambda: window.pages.currentWidget() is window.still_there, window.settings.idle_timeout_s + 5, "still there?")
    day.shoot("are-you-still-there")
    _wait_for(lambda: window.pages.currentWidget() is window.paused, window.settings.idle_countdown_s + 5, "the pause")
    day.shoot("paused-for-the-patient")
    _wait_for(lambda: window.pages.currentWidget() is window.welcome, window.settings.resume_window_s + 10, "set aside")
    day.shoot("welcome-after-the-resume-window")
    person.close()


def asks_for_help(day: Day) -> None:
    person = day.fingers()
    answers = _answers("V06", "help")
    person.start()
    person.answer_page(answers)
    person.next()
    person.tap(person.wizard.help_button)
    day.shoot("help-asked")
    person.hold(day.window.help_screen, 2650)
    day.shoot("sign-in-first-of-the-day")
    person.sign_in("bob", day.pin)
    day.shoot("queue-urgent-and-help")
    person.tap(person.area.queue.patient_button)
    day.shoot("back-to-the-questions")
    while day.window.pages.currentWidget() is person.wizard:
        if person.wizard.current_page() is not None:
            person.answer_page(answers)
        person.next()
    day.shoot("help-patient-finished")
    person.tap(day.window.thank_you.done_button)
    person.close()


def referral_hands_back(day: Day) -> None:
    person = day.fingers()
    assert person.visit(_answers("V01", "referral")) == "finished"
    day.shoot("referral-thank-you")
    staff = day.fingers()
    staff.take_tablet_back()
    day.shoot("sign-in-id-remembered-pin-pad")
    staff.type_on_pad(day.pin[:2])
    day.shoot("pin-half-typed")
    staff.type_on_pad(day.pin[2:])
    staff.tap_key(ENGLISH.KEY_ENTER_NAME)
    day.shoot("visit-opens-print-ready")
    if staff.area.visit.clinic_printer is None:
        QTimer.singleShot(SETTLE_MS * 3, partial(_in_print_dialog, day, QDialogButtonBox.StandardButton.Ok))
    staff.press_print()
    day.shoot("printed")
    day.taps_to_paper = staff.figures.taps
    print(f"taps from hand-back to printed summary: {staff.figures.taps} (held {staff.figures.held_ms} ms)", flush=True)
    if staff.area.visit.clinic_printer is not None:
        QTimer.singleShot(SETTLE_MS * 3, partial(_in_print_dialog, day, QDialogButtonBox.StandardButton.Cancel))
        staff.tap(staff.area.visit.choose_printer_button)
    staff.close()
    person.close()


def _in_print_dialog(day: Day, press: QDialogButtonBox.StandardButton) -> None:
    """The system print dialog (a window of its own): shot, then its Print (Ok) or Cancel button tapped."""
    dialog = QApplication.activeModalWidget()
    if not isinstance(dialog, QDialog):
        print("no print dialog showed", flush=True)
        return
    day.shoot("print-dialog")
    box = dialog.findChild(QDialogButtonBox)
    button = box.button(press) if box is not None else None
    if button is None:
        dialog.done(QDialog.DialogCode.Accepted if press == QDialogButtonBox.StandardButton.Ok else QDialog.DialogCode.Rejected)
        return
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center())


def _open_named(staff: TouchStaff, name: str) -> None:
    """From the queue: a tap on the patient's row, then Open."""
    queue = staff.area.queue
    names = [queue.table.item(row, 1).text().split("\n")[0] for row in range(queue.table.rowCount())]
    index = queue.table.model().index(names.index(name), 1)
    staff.tap(queue.table.viewport(), queue.table.visualRect(index).center())
    staff.tap(queue.open_button)
    assert staff.area.currentWidget() is staff.area.visit


def _signed_in(day: Day, staff_id: str, pin: str) -> TouchStaff:
    """Hold the clinic name on the welcome screen, sign in (the station may remember the ID)."""
    staff = day.fingers()
    staff.take_tablet_back()
    staff.sign_in(staff_id, pin)
    return staff


def _to_queue(staff: TouchStaff) -> None:
    """Back to the list, if a visit opened after sign-in."""
    if staff.area.currentWidget() is staff.area.visit:
        staff.tap(staff.area.visit.back_button)


def queue_after_printing(day: Day) -> None:
    staff = day.fingers()
    staff.tap(staff.area.visit.back_button)
    day.shoot("queue-after-printing")
    queue = staff.area.queue
    _open_named(staff, "Maya Okafor")
    day.shoot("urgent-unfinished-visit")
    staff.tap(staff.area.visit.more.toggle)
    day.shoot("urgent-unfinished-visit-more-actions")
    visit = staff.area.visit
    _tap_tab(staff, "Answers")
    day.shoot("urgent-visit-answers")
    staff.tap(visit.back_button)
    staff.tap(queue.sign_out_button)
    day.shoot("signed-out")
    staff.close()


def continue_with_the_patient(day: Day) -> None:
    """Maya comes back: staff open her unfinished visit and hand her the tablet; she finishes."""
    staff = _signed_in(day, "bob", day.pin)
    _to_queue(staff)
    _open_named(staff, "Maya Okafor")
    staff.tap(staff.area.visit.continue_button)
    window = day.window
    assert window.pages.currentWidget() is window.wizard, "the patient carries on"
    day.shoot("continued-first-missing-answer")
    staff.close()
    person = day.fingers()
    answers = _answers("V14", "red_flag")
    while window.pages.currentWidget() is window.wizard:
        if person.wizard.current_page() is not None:
            person.answer_page(answers)
        person.next()
    day.shoot("continued-patient-done")
    if window.pages.currentWidget() is window.thank_you:
        person.tap(window.thank_you.done_button)
    person.close()


def amend_an_answer(day: Day) -> None:
    """Zoë phoned: she has 18 headache days a month, not 20. Staff amend the answer, with the reason."""
    staff = _signed_in(day, "bob", day.pin)
    _to_queue(staff)
    _open_named(staff, "Zoë Lindqvist")
    visit = staff.area.visit
    _tap_tab(staff, "Answers")
    table = visit.answers
    label = visit.session.station.form.question("headache_days").label if visit.session else ""
    row = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == label)
    table.scrollToItem(table.item(row, 0))
    staff.tap(table.viewport(), table.visualRect(table.model().index(row, 1)).center())
    staff.tap(visit.tabs.currentWidget().amend_button)
    panel = visit.tabs.currentWidget().panel
    day.shoot("amend-form")
    assert panel.block is not None
    staff.fill(panel.block, 18)
    staff.type_text(panel.reason, "Patient phoned")
    day.shoot("amend-typed")
    staff.tap(panel.save_button)
    day.shoot("amended-answers")
    _tap_tab(staff, "Summary")
    day.shoot("amended-summary")
    staff.close()


def add_a_note(day: Day) -> None:
    """On the same visit: a clinician note, printed at the end of the summary."""
    staff = day.fingers()
    visit = staff.area.visit
    _tap_tab(staff, "Clinician notes")
    notes = visit.tabs.currentWidget()
    staff.tap(notes.write_button)
    staff.write(notes.editor, "Referral letter sent")
    day.shoot("note-typed")
    staff.tap(notes.add_button)
    day.shoot("note-added")
    _tap_tab(staff, "Summary")
    bar = visit.pdf_view.verticalScrollBar()
    bar.setValue(bar.maximum())
    day.shoot("summary-end-with-note")
    staff.tap(visit.back_button)
    staff.tap(staff.area.queue.sign_out_button)
    staff.close()


def export_fhir_and_csv(day: Day) -> None:
    """The admin exports Zoë's visit as FHIR, then today's visits as CSV."""
    staff = _signed_in(day, "maria", day.admin_pin)
    _to_queue(staff)
    _open_named(staff, "Zoë Lindqvist")
    visit = staff.area.visit
    staff.tap(visit.more.toggle)
    staff.tap(visit.fhir_export.export_button)
    day.shoot("fhir-exported")
    staff.tap(visit.back_button)
    staff.tap(staff.area.queue.export_button)
    day.shoot("export-screen")
    staff.tap(staff.area.exports.csv_button)
    day.shoot("csv-exported")
    staff.tap(staff.area.exports.back_button)
    staff.close()


def accounts(day: Day) -> None:
    """The admin adds Lena (a one-time PIN) and resets Bob's PIN."""
    staff = day.fingers()
    screen = staff.area.accounts
    staff.tap(staff.area.queue.accounts_button)
    day.shoot("accounts")
    staff.tap(screen.add_button)
    form = screen.add_form
    staff.type_text(form.staff_id, "lena")
    staff.type_text(form.name, "Lena Park")
    for field in (form.pin, form.pin_again):
        staff.tap(field)
        staff.type_on_pad("2468")
    day.shoot("account-form")
    staff.tap(form.action_button)
    day.shoot("account-added")
    row = [member.id for member in screen.members].index("bob")
    staff.tap(screen.table.viewport(), screen.table.visualRect(screen.table.model().index(row, 0)).center())
    staff.tap(screen.reset_button)
    for field in (screen.reset_form.pin, screen.reset_form.pin_again):
        staff.tap(field)
        staff.type_on_pad("1357")
    day.shoot("reset-pin-form")
    staff.tap(screen.reset_form.action_button)
    day.shoot("pin-reset")
    staff.tap(screen.back_button)
    staff.tap(staff.area.queue.sign_out_button)
    day.shoot("signed-out-at-the-end")
    staff.close()


def _tap_tab(staff: TouchStaff, title: str) -> None:
    """A tap on the visit screen's tab whose title starts with `title`."""
    bar = staff.area.visit.tabs.tabBar()
    index = next(index for index in range(bar.count()) if bar.tabText(index).startswith(title))
    staff.tap(bar, bar.tabRect(index).center())


DAY: list[Callable[[Day], None]] = [
    red_flag_walks_away, asks_for_help, referral_hands_back, queue_after_printing, continue_with_the_patient,
    amend_an_answer, add_a_note, export_fhir_and_csv, accounts,
]
"""The steps in order."""


def drive(window) -> None:
    window.hide()
    window.show_kiosk()
    QTest.qWait(1500)
    day = Day(
        window, Path(os.environ["STAFF_DAY_SHOTS"]), os.environ.get("STAFF_DAY_PIN", "7310"),
        os.environ.get("STAFF_DAY_ADMIN_PIN", "482193"),
    )
    day.shots.mkdir(parents=True, exist_ok=True)
    try:
        for step in DAY:
            print(f"step {step.__name__}", flush=True)
            step(day)
    except Exception:  # noqa: BLE001 - report any failure as an exit status, never hang
        traceback.print_exc()
        day.shoot("failed-here")
        QApplication.exit(3)
        return
    print("staff day done", flush=True)
    QTimer.singleShot(0, QApplication.quit)
