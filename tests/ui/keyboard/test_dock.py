"""When the keyboard comes up and goes away, and that the field being typed stays in sight."""

from __future__ import annotations

from keyboard_driver import KeyPressCounter, tap_key, type_on_keys
from patient_driver import tap, type_into
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QRadioButton
from staff_driver import ADMIN_PIN, FrontDesk

from cases import vignette
from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.keyboard.dock import touch_screen_present
from intake.ui.scrolling import ScrollColumn
from intake.ui.widgets.text_input import TextInput

NAME_AND_BIRTH = {"given_name": "Zoë", "family_name": "Li", "date_of_birth": "1990-03-07", "sex_at_birth": "female"}


def test_the_keyboard_comes_with_a_text_field_and_goes_when_a_choice_takes_focus(typing_window) -> None:
    field = QLineEdit()
    choice = QRadioButton("No")
    window = typing_window(field, choice)
    assert not window.dock.isVisible()
    tap(field)
    assert window.dock.isVisible()
    tap(choice)
    assert choice.hasFocus() and not window.dock.isVisible()


def test_a_text_box_of_several_lines_takes_the_keys_too(typing_window) -> None:
    """A clinician's note on a tablet with no keyboard: typed on the on-screen keys, Backspace included."""
    note = QPlainTextEdit()
    window = typing_window(note)
    tap(note)
    assert window.dock.isVisible() and window.dock.panel.layout_name == "letters"
    type_on_keys(window.dock, "Seen ok")
    tap_key(window, ENGLISH.KEY_BACKSPACE_NAME)
    assert note.toPlainText() == "Seen o"


def test_never_keeps_it_away_and_a_physical_keyboard_still_types(typing_window) -> None:
    field = QLineEdit()
    window = typing_window(field, mode="never")
    tap(field)
    assert field.hasFocus() and not window.dock.isVisible()
    presses = KeyPressCounter(field)
    type_into(field, "Zoë")
    assert field.text() == "Zoë" and presses.count > 0


def test_the_mode_can_change_while_a_field_has_focus(typing_window) -> None:
    field = QLineEdit()
    window = typing_window(field, mode="never")
    tap(field)
    window.dock.set_mode("always")
    assert window.dock.isVisible()
    window.dock.set_mode("never")
    assert not window.dock.isVisible()


def test_auto_shows_it_on_a_full_screen_kiosk(typing_window) -> None:
    assert not touch_screen_present(), "this test needs a machine without a touch screen"
    field = QLineEdit()
    elsewhere = QRadioButton("Yes")
    window = typing_window(field, elsewhere, mode="auto")
    tap(field)
    assert not window.dock.isVisible(), "a windowed app without a touch screen has a real keyboard"
    tap(elsewhere)
    window.showFullScreen()
    tap(field)
    assert window.dock.isVisible()


def test_a_field_low_on_the_page_is_scrolled_above_the_keyboard(typing_window) -> None:
    page = ScrollColumn(ENGLISH.MORE_BELOW)
    fields = [QLineEdit() for _ in range(30)]
    for field in fields:
        page.content.addWidget(field)
    page.finish()
    window = typing_window(page, height=1280)
    page.verticalScrollBar().setValue(0)
    low = next(field for field in reversed(fields) if field.visibleRegion().boundingRect().height() == field.height())
    keyboard_top_before = window.height()
    assert low.mapTo(window, QPoint(0, low.height())).y() > keyboard_top_before - window.dock.panel.sizeHint().height()
    tap(low)
    assert window.dock.isVisible()
    field_bottom = low.mapTo(window, QPoint(0, low.height())).y()
    field_top = low.mapTo(window, QPoint(0, 0)).y()
    assert field_bottom + 24 <= window.dock.mapTo(window, QPoint(0, 0)).y(), "the field sits above the keys"
    assert field_top >= page.mapTo(window, QPoint(0, 0)).y(), "and is not scrolled off the top"
    tap_key(window, "Q")
    assert low.text() == "Q"


def test_a_patient_types_their_name_on_the_first_page(open_kiosk) -> None:
    window, patient = open_kiosk(on_screen_keyboard="always")
    window.resize(800, 1280)
    patient.start()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 1000), "offscreen, a new visit leaves the window inactive"
    block = patient.page().blocks["given_name"]
    assert isinstance(block.input, TextInput)
    line = block.input.line
    presses = KeyPressCounter(line)
    assert line.hasFocus() and window.keyboard.isVisible(), "the first question has focus, and the keys show"
    type_on_keys(window.keyboard, "Zoë")
    tap_key(window, ENGLISH.KEY_DONE_NAME)
    assert not window.keyboard.isVisible()
    assert patient.wizard.visit.answers["given_name"] == "Zoë" and line.text() == "Zoë"
    assert presses.count == 0


def test_a_new_medicine_row_is_scrolled_above_the_keyboard_in_landscape(open_kiosk) -> None:
    window, patient = open_kiosk(on_screen_keyboard="always")
    patient.advance_to("acute_medicines", vignette("V01")["answers"] | NAME_AND_BIRTH)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 1000)
    page = patient.page()
    rows = page.blocks["acute_medicines"].input
    tap(rows.add_button)
    line = rows.rows[-1].blocks["medicine"].input.line
    QTest.qWait(20)
    assert line.hasFocus() and window.keyboard.isVisible()
    viewport = page.viewport()
    top = line.mapTo(viewport, QPoint(0, 0)).y()
    assert top >= 0 and top + line.height() <= viewport.height(), "the new row's name field is in sight"
    assert line.mapTo(window, QPoint(0, line.height())).y() < window.keyboard.mapTo(window, QPoint(0, 0)).y()


def test_saved_settings_switch_the_keyboard(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores, on_screen_keyboard="always")
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.settings_button)
    screen = desk.area.settings_screen
    tap(screen.field("clinic_name"))
    assert window.keyboard.isVisible(), "staff fields get the keyboard too"
    screen.field("on_screen_keyboard").setCurrentText("Never")
    tap(screen.save_button)
    assert window.settings.on_screen_keyboard == "never"
    tap(desk.area.queue.settings_button)
    tap(screen.field("clinic_name"))
    assert screen.field("clinic_name").hasFocus() and not window.keyboard.isVisible()
