"""Languages on the patient side: a Spanish visit reads Spanish on every screen, and the language
button switches at any point without losing an answer or the page."""

from __future__ import annotations

from datetime import date

from patient_driver import tap, visible_texts
from test_hold import _put_on_hold
from test_pause import BORN, _confirm, _pause

from cases import vignette
from intake.questionnaire.patient_wording import ENGLISH, PatientWording, sentence_names, wording_for
from intake.ui.app import MainWindow
from intake.ui.language_button import LanguageButton
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.date_input import DateInput
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.rows_input import RowsInput

SPANISH = wording_for("es")
ANSWERS = vignette("V01")["answers"]
SOURCE = {getattr(PatientWording, name) for name in sentence_names()}
TRANSLATED = {getattr(SPANISH, name) for name in sentence_names()}
ENGLISH_ONLY = SOURCE - TRANSLATED
"""Every patient sentence whose Spanish differs: none of them may show in a Spanish visit."""
SPANISH_ONLY = TRANSLATED - SOURCE


def _in_spanish(window: MainWindow, where: str) -> None:
    """Nothing of the patient wording in English on screen, and some of it in Spanish."""
    texts = visible_texts(window)
    english = [text for text in texts if text in ENGLISH_ONLY]
    assert not english, f"{where}: English on a Spanish screen: {english}"
    assert any(text in SPANISH_ONLY for text in texts), f"{where}: no Spanish wording at all: {texts}"


def _choose_spanish(window: MainWindow) -> None:
    tap(window.welcome.language_buttons["es"])
    assert window.language == "es"


def test_a_spanish_visit_reads_spanish_on_every_screen_to_the_thank_you(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    _choose_spanish(window)
    _in_spanish(window, "welcome")
    assert window.welcome.start_button.text() == "Empezar"
    patient.start()
    assert patient.wizard.visit.language == "es"
    while not patient.on_review():
        _in_spanish(window, patient.page().objectName())
        patient.answer_page(ANSWERS)
        patient.next_page()
    _in_spanish(window, "review")
    assert patient.wizard.next_button.text() == "Terminar"
    visit_id = patient.wizard.visit.visit_id
    patient.finish()
    assert window.pages.currentWidget() is window.thank_you
    _in_spanish(window, "thank-you")
    stored = stores.visits.get(visit_id)
    assert stored.response["language"] == "es", "the visit records the language it was answered in"


def test_help_and_still_there_are_in_spanish_too(open_kiosk) -> None:
    window, patient = open_kiosk()
    _choose_spanish(window)
    patient.start()
    tap(patient.wizard.help_button)
    _in_spanish(window, "help")
    tap(window.help_screen.back_button)
    window.patient_idle.idle.emit()
    _in_spanish(window, "still there")
    assert "segundos" in window.still_there.countdown.text()
    tap(window.still_there.continue_button)
    assert window.pages.currentWidget() is patient.wizard


def test_the_pause_screen_is_in_spanish_too(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    _choose_spanish(window)
    visit_id = _pause(window, patient, qtbot)
    _in_spanish(window, "paused")
    tap(window.paused.continue_button)
    _in_spanish(window, "paused: date of birth")
    assert "marzo" not in visible_texts(window) and window.paused.picker.prompt.text() == SPANISH.PICK_DECADE
    assert stores.visits.get(visit_id).response["language"] == "es"


def test_the_hold_screen_is_in_spanish(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    _choose_spanish(window)
    _put_on_hold(patient)
    assert window.pages.currentWidget() is window.hold_screen
    _in_spanish(window, "hold")


def test_switching_mid_visit_keeps_every_answer_and_the_page(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores)
    patient.start()
    patient.answer_page(ANSWERS)
    patient.next_page()
    patient.answer_page(ANSWERS)
    before = dict(patient.wizard.visit.answers)
    page_name = patient.page().objectName()
    old = patient.wizard
    tap(old.language)
    assert window.language == "es" and patient.wizard is not old and patient.wizard.visit.language == "es"
    assert dict(patient.wizard.visit.answers) == before, "every answer kept"
    assert patient.page().objectName() == page_name, "on the same page"
    assert window.pages.currentWidget() is patient.wizard
    _in_spanish(window, "after switching")
    number = patient.page().blocks["headache_days"].input
    assert isinstance(number, NumberInput) and number.line.text() == str(ANSWERS["headache_days"])
    patient.back()
    date_input = patient.page().blocks["date_of_birth"].input
    assert isinstance(date_input, DateInput)
    born = date.fromisoformat(ANSWERS["date_of_birth"])
    assert date_input.month.currentText() == visit_locale(SPANISH).standaloneMonthName(born.month), "the month in Spanish"
    assert date_input.value() == born
    tap(patient.wizard.language)
    assert window.language == "en" and dict(patient.wizard.visit.answers) == before
    assert patient.wizard.next_button.text() == ENGLISH.NEXT
    assert stores.visits.get(patient.wizard.visit.visit_id).response["language"] == "en", "saved at once"


def test_switching_on_a_page_with_problems_shows_them_in_the_new_language(open_kiosk) -> None:
    _window, patient = open_kiosk()
    patient.start()
    patient.next()
    english = patient.problems()
    assert english
    tap(patient.wizard.language)
    spanish = patient.problems()
    assert spanish.keys() == english.keys()
    assert all(text not in ENGLISH_ONLY for text in spanish.values())
    assert patient.page().summary.title.text() == SPANISH.problems_summary(len(spanish))


def test_switching_keeps_medicine_rows_and_the_review_stage(open_kiosk) -> None:
    _window, patient = open_kiosk()
    patient.reach_review(ANSWERS)
    wizard = patient.wizard
    tap(next(iter(wizard.review.edit_buttons.values())))
    tap(wizard.language)
    assert patient.wizard.next_button.text() in (SPANISH.BACK_TO_REVIEW, SPANISH.NEXT)
    assert patient.wizard._editing, "still editing from the review"
    while not patient.on_review():
        patient.next_page()
    rows = [block.input for block in patient.wizard.blocks.values() if isinstance(block.input, RowsInput)]
    assert any(row.rows for row in rows), "medicine rows came across"
    assert dict(patient.wizard.visit.answers) == dict(wizard.visit.answers)


def test_every_patient_screen_has_the_button_naming_the_other_language_in_itself(open_kiosk) -> None:
    window, patient = open_kiosk()
    patient.start()
    buttons: list[LanguageButton] = [
        patient.wizard.language, window.thank_you.language, window.still_there.language, window.hold_screen.language,
        window.to_front_desk.language, window.help_screen.language, window.paused.language,
    ]
    assert {(button.text(), button.target) for button in buttons} == {("Español", "es")}
    tap(patient.wizard.language)
    buttons[0] = patient.wizard.language
    assert {(button.text(), button.target) for button in buttons} == {("English", "en")}
    assert patient.wizard.language.accessibleName() == "English: Show the questions in this language"


def test_the_keyboard_follows_the_patient_and_staff_screens_stay_english(open_kiosk, stores) -> None:
    window, patient = open_kiosk(stores=stores, on_screen_keyboard="always")
    _choose_spanish(window)
    patient.start()
    tap(patient.page().blocks["given_name"].input.line)
    assert window.keyboard.isVisible()
    keys = {key.accessibleName() for key in window.keyboard.findChildren(type(patient.wizard.next_button))}
    assert SPANISH.KEY_SPACE_NAME in keys and ENGLISH.KEY_DONE_NAME not in keys
    window.enter_staff_mode()
    keys = {key.accessibleName() for key in window.keyboard.findChildren(type(patient.wizard.next_button))}
    assert ENGLISH.KEY_DONE_NAME in keys, "staff type on an English keyboard"
    window.staff.leave.emit()
    keys = {key.accessibleName() for key in window.keyboard.findChildren(type(patient.wizard.next_button))}
    assert SPANISH.KEY_DONE_NAME in keys, "back to the patient's"


def test_a_paused_visit_switched_and_resumed_keeps_its_answers(open_kiosk, stores, qtbot) -> None:
    window, patient = open_kiosk(stores=stores)
    _pause(window, patient, qtbot)
    before = dict(patient.wizard.visit.answers)
    tap(window.paused.language)
    assert window.paused.continue_button.text() == SPANISH.PAUSED_CONTINUE
    _confirm(window, BORN)
    assert window.pages.currentWidget() is patient.wizard
    assert dict(patient.wizard.visit.answers) == before and patient.wizard.visit.language == "es"
    assert patient.page().blocks["headache_days"].input.line.text() == "22"
