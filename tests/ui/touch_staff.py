"""Front-desk staff at a touch tablet with no keyboard: a hold, the PIN pad, buttons.

The same fingers as the touch patient (`TouchPatient`: every tap and hold counted), so
the count from "patient hands back the tablet" to "printed summary in hand" is made the
way the patient's is. The system print dialog is a window of its own: where Print asks
for a printer, `press_print` expects whoever drives to have arranged for the dialog's
Print button to be pressed, and counts that press as one tap.
"""

from __future__ import annotations

from PySide6.QtWidgets import QPlainTextEdit, QWidget
from touch_driver import TouchPatient

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.long_press import HOLD_MS
from intake.ui.staff.area import StaffArea

HOLD_FOR_STAFF_MS = HOLD_MS + 150
"""A little longer than the hold that opens sign-in, as a person's would be."""


class TouchStaff(TouchPatient):
    @property
    def area(self) -> StaffArea:
        assert self.window.staff is not None, "this kiosk has no staff mode"
        return self.window.staff

    def take_tablet_back(self) -> None:
        """Hold the clinic name (or the thank-you screen, which has none) until sign-in shows."""
        pages = self.window.pages
        held: QWidget = self.window.thank_you if pages.currentWidget() is self.window.thank_you else self.window.welcome.clinic
        self.hold(held, HOLD_FOR_STAFF_MS)
        assert pages.currentWidget() is self.area, "the hold did not open staff mode"

    def type_on_pad(self, text: str) -> None:
        """Each character on the on-screen keys, switching between letters and digits as needed."""
        for character in text:
            if not self._keys_named(character):
                self.tap_key(ENGLISH.KEY_LETTERS_NAME if self._keys_named(ENGLISH.KEY_LETTERS_NAME) else ENGLISH.KEY_NUMBERS_NAME)
            self.tap_key(character)

    def sign_in_with_pin(self, pin: str) -> None:
        """The remembered ID is there and the PIN field has focus: the PIN, then the pad's Enter."""
        screen = self.area.sign_in
        assert screen.pin.hasFocus() and screen.staff_id.text(), "the ID is remembered and the PIN field waits"
        self.type_on_pad(pin)
        self.tap_key(ENGLISH.KEY_ENTER_NAME)

    def sign_in(self, staff_id: str, pin: str) -> None:
        """Someone the station does not remember: the ID on the letters, then the PIN field and the PIN."""
        screen = self.area.sign_in
        if screen.staff_id.text() != staff_id:
            if screen.not_you_button.isVisible():
                self.tap(screen.not_you_button)
            self.tap(screen.staff_id)
            self.type_on_pad(staff_id)
            self.tap(screen.pin)
        self.sign_in_with_pin(pin)

    def press_print(self) -> None:
        """Print on the visit screen: one tap when it prints on the clinic's printer, and one more
        for Print in the system dialog when it asks (no clinic printer set)."""
        asks = self.area.visit.clinic_printer is None
        self.tap(self.area.visit.print_button)
        if asks:
            self.figures.taps += 1

    def write(self, box: QPlainTextEdit, text: str) -> None:
        """Tap a text box of several lines (a clinician's note), then the keys."""
        self.tap(box)
        self.type_keys(text)
        assert box.toPlainText() == text, f"typed {text!r}, the box holds {box.toPlainText()!r}"
