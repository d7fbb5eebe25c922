"""The keyboard typed on with taps and holds: letters, accents, Shift, Backspace, digits, Done."""

from __future__ import annotations

from keyboard_driver import KeyPressCounter, hold_key, key, keys_named, long_press_variant, slide_and_lift, tap_key, type_on_keys
from patient_driver import tap
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QCompleter, QLineEdit, QPushButton

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.keyboard.keys import REPEAT_DELAY_MS, REPEAT_INTERVAL_MS
from intake.ui.keyboard.layouts import VARIANTS
from intake.ui.staff.form_column import secret_field
from intake.ui.staff.sign_in import staff_id_field
from intake.ui.widgets.date_parts import digits_box
from intake.ui.widgets.number_input import NumberInput


def test_a_name_with_accents_is_typed_with_taps_and_a_long_press_and_no_key_events(typing_window) -> None:
    field = QLineEdit()
    edits: list[str] = []
    field.textEdited.connect(edits.append)
    window = typing_window(field)
    presses = KeyPressCounter(field)
    tap(field)
    assert window.dock.isVisible() and window.dock.panel.shifted, "an empty field starts with a capital"
    tap_key(window, "Z")
    tap_key(window, "o")
    long_press_variant(window, "e", "ë")
    tap_key(window, ENGLISH.KEY_SPACE_NAME)
    tap_key(window, ENGLISH.KEY_SHIFT_NAME)
    for character in "Ñúñez-":
        tap_key(window, character)
    tap_key(window, ENGLISH.KEY_SHIFT_NAME)
    for character in "O'":
        tap_key(window, character)
    tap_key(window, ENGLISH.KEY_SHIFT_NAME)
    for character in "Brien":
        tap_key(window, character)
    assert field.text() == "Zoë Ñúñez-O'Brien"
    assert edits[-1] == "Zoë Ñúñez-O'Brien" and len(edits) == len("Zoë Ñúñez-O'Brien")
    assert presses.count == 0
    assert field.hasFocus(), "the field kept focus while the keys were tapped"


def test_shift_shows_capitals_for_one_letter(typing_window) -> None:
    field = QLineEdit("x")
    window = typing_window(field)
    tap(field)
    assert not window.dock.panel.shifted, "a field with text starts in lower case"
    assert keys_named(window, "q") and not keys_named(window, "Q")
    tap_key(window, ENGLISH.KEY_SHIFT_NAME)
    assert key(window, "Q").text() == "Q" and not keys_named(window, "q")
    tap_key(window, "'")
    assert keys_named(window, "Q"), "Shift waits for a letter"
    tap_key(window, "Q")
    tap_key(window, "q")
    assert field.text() == "x'Qq"


def test_long_press_offers_the_variants_of_a_letter(typing_window) -> None:
    field = QLineEdit()
    window = typing_window(field)
    tap(field)
    tap_key(window, ENGLISH.KEY_SHIFT_NAME)
    held = hold_key(window, "a")
    row = window.dock.panel.variants
    assert row is not None and row.isVisible()
    assert [variant.text() for variant in row.keys] == list(VARIANTS["a"])
    assert row.row.geometry().bottom() < row.mapFromGlobal(held.mapToGlobal(held.rect().topLeft())).y()
    for variant in row.keys:
        assert variant.width() >= 48 and variant.height() >= 48
        assert window.rect().contains(variant.mapTo(window, variant.rect().bottomRight()))
    slide_and_lift(held)
    assert window.dock.panel.variants is not None, "lifted on the key itself: the row stays to be tapped"
    tap_key(window, "ą")
    assert field.text() == "ą"
    assert window.dock.panel.variants is None
    hold_key(window, "c")
    slide_and_lift(key(window, "c"))
    QTest.mouseClick(window.dock.panel.variants, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    assert window.dock.panel.variants is None and field.text() == "ą", "a tap beside the row types nothing"


def test_a_held_letter_does_not_also_type_itself(typing_window) -> None:
    field = QLineEdit()
    window = typing_window(field)
    tap(field)
    type_on_keys(window.dock, "Łódź")
    assert field.text() == "Łódź"


def test_backspace_erases_one_character_a_tap_and_repeats_when_held(typing_window) -> None:
    field = QLineEdit("abcdefghijklmnopqrstuvwxyz")
    window = typing_window(field)
    tap(field)
    field.end(False)
    tap_key(window, ENGLISH.KEY_BACKSPACE_NAME)
    assert field.text() == "abcdefghijklmnopqrstuvwxy"
    held = hold_key(window, ENGLISH.KEY_BACKSPACE_NAME, REPEAT_DELAY_MS + 6 * REPEAT_INTERVAL_MS)
    QTest.mouseRelease(held, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, held.rect().center())
    assert len(field.text()) <= 25 - 4, "held, Backspace kept erasing"


def test_backspace_removes_just_the_selection(typing_window) -> None:
    field = QLineEdit("Ibuprofen 400")
    window = typing_window(field)
    tap(field)
    field.setSelection(9, 4)
    tap_key(window, ENGLISH.KEY_BACKSPACE_NAME)
    assert field.text() == "Ibuprofen"


def test_done_hides_the_keyboard_and_takes_focus_off_the_field(typing_window) -> None:
    field = QLineEdit()
    window = typing_window(field)
    tap(field)
    assert window.dock.isVisible()
    tap_key(window, ENGLISH.KEY_DONE_NAME)
    assert not window.dock.isVisible()
    assert not field.hasFocus()
    tap(field)
    assert window.dock.isVisible(), "tapping the field again brings the keyboard back"


def test_a_day_box_gets_the_digits_pad_and_its_validator_still_decides(typing_window) -> None:
    day = digits_box("day", 2, "DD")
    window = typing_window(day)
    presses = KeyPressCounter(day)
    tap(day)
    assert window.dock.panel.layout_name == "digits"
    assert not keys_named(window, "q") and not keys_named(window, ENGLISH.KEY_DECIMAL_NAME)
    for digit in "123":
        tap_key(window, digit)
    assert day.text() == "12"
    tap_key(window, ENGLISH.KEY_BACKSPACE_NAME)
    tap_key(window, "9")
    assert day.text() == "19" and presses.count == 0


def test_a_decimal_number_box_gets_a_comma_and_typing_replaces_the_selected_number(typing_window, form) -> None:
    number = NumberInput(form.question("hours_per_day"), ENGLISH)
    window = typing_window(number)
    tap(number.plus)
    tap(number.plus)
    number.focus_input()
    assert number.line.selectedText() == "2"
    assert window.dock.panel.layout_name == "decimal"
    for name in ("1", ENGLISH.KEY_DECIMAL_NAME, "5"):
        tap_key(window, name)
    assert number.line.text() == "1,5" and number.value() == 1.5


def test_a_whole_number_box_gets_digits_without_a_comma(typing_window, form) -> None:
    number = NumberInput(form.question("headache_days"), ENGLISH)
    window = typing_window(number)
    tap(number.line)
    assert window.dock.panel.layout_name == "digits" and not keys_named(window, ENGLISH.KEY_DECIMAL_NAME)


def test_a_pin_field_with_digits_hints_gets_the_digits_pad_and_no_capital(typing_window) -> None:
    pin = QLineEdit()
    pin.setEchoMode(QLineEdit.EchoMode.Password)
    pin.setInputMethodHints(pin.inputMethodHints() | Qt.InputMethodHint.ImhDigitsOnly)
    secret = QLineEdit()
    secret.setEchoMode(QLineEdit.EchoMode.Password)
    window = typing_window(pin, secret)
    tap(pin)
    assert window.dock.panel.layout_name == "digits"
    for digit in "4821":
        tap_key(window, digit)
    assert pin.text() == "4821"
    tap(secret)
    assert window.dock.panel.layout_name == "letters" and not window.dock.panel.shifted


def test_a_word_field_switches_to_digits_and_back_for_an_alphanumeric_pin(typing_window) -> None:
    secret = QLineEdit()
    secret.setEchoMode(QLineEdit.EchoMode.Password)
    window = typing_window(secret)
    tap(secret)
    tap_key(window, "b")
    tap_key(window, ENGLISH.KEY_NUMBERS_NAME)
    assert window.dock.panel.layout_name == "numbers" and not keys_named(window, "q")
    for digit in "73":
        tap_key(window, digit)
    tap_key(window, ENGLISH.KEY_LETTERS_NAME)
    tap_key(window, "x")
    assert secret.text() == "b73x"


def test_a_staff_pin_field_gets_the_large_pin_pad_and_enter_goes_on(typing_window) -> None:
    staff_id, pin = staff_id_field(), secret_field()
    signed_in = []
    pin.returnPressed.connect(lambda: signed_in.append(pin.text()))
    window = typing_window(staff_id, pin, width=1280, height=800)
    tap(staff_id)
    assert window.dock.panel.layout_name == "letters" and not window.dock.panel.shifted, "IDs are lower case"
    letter_height = key(window, "q").height()
    tap(pin)
    assert window.dock.panel.layout_name == "pin" and not keys_named(window, ENGLISH.KEY_DONE_NAME)
    assert key(window, "7").height() > letter_height, "larger keys than the letters"
    presses = KeyPressCounter(pin)
    for digit in "7310":
        tap_key(window, digit)
    assert presses.count == 0, "digits arrive as text, as on every pad"
    tap_key(window, ENGLISH.KEY_ENTER_NAME)
    assert signed_in == ["7310"], "Enter does what Enter does in the field"
    assert window.dock.height() <= 0.5 * window.height(), "a landscape tablet keeps room for the form"


def test_a_pin_with_letters_goes_to_the_letters_and_back_to_the_pin_pad(typing_window) -> None:
    pin = secret_field()
    window = typing_window(pin)
    tap(pin)
    tap_key(window, "4")
    tap_key(window, ENGLISH.KEY_LETTERS_NAME)
    tap_key(window, "k")
    tap_key(window, ENGLISH.KEY_NUMBERS_NAME)
    assert window.dock.panel.layout_name == "pin"
    tap_key(window, "2")
    assert pin.text() == "4k2"


def test_suggestions_follow_what_the_keys_type(typing_window) -> None:
    field = QLineEdit()
    completer = QCompleter(["Ibuprofen", "Naproxen", "Sumatriptan"], field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    field.setCompleter(completer)
    window = typing_window(field)
    tap(field)
    type_on_keys(window.dock, "prox")
    assert completer.completionPrefix() == "prox"
    assert completer.popup().isVisible() and completer.currentCompletion() == "Naproxen"


def test_keys_never_take_focus_are_large_and_fit_a_portrait_screen(typing_window) -> None:
    field = QLineEdit()
    window = typing_window(field, width=800, height=1280)
    tap(field)
    panel = window.dock.panel
    for layout_name in ("letters", "decimal", "numbers", "pin"):
        panel.use(layout_name)
        keys = [button for button in panel.findChildren(QPushButton) if button.isVisible()]
        assert keys
        for button in keys:
            assert button.focusPolicy() == Qt.FocusPolicy.NoFocus
            assert button.width() >= 48 and button.height() >= 48, button.accessibleName()
            right = button.mapTo(window, button.rect().topRight()).x()
            assert button.mapTo(window, button.rect().topLeft()).x() >= 0 and right < window.width()
        assert window.dock.height() <= 0.4 * window.height()
