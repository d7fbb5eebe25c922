"""The welcome screen: the clinic's language first, "English" and "Español" each in its own
language, and the clinic's language again after each visit."""

from __future__ import annotations

from patient_driver import tap
from test_language_button import ANSWERS

from intake.questionnaire.patient_wording import ENGLISH, wording_for

SPANISH = wording_for("es")


def test_each_language_is_offered_in_itself_and_the_clinics_is_chosen(open_kiosk) -> None:
    window, _patient = open_kiosk()
    buttons = window.welcome.language_buttons
    assert {language: button.text() for language, button in buttons.items()} == {"en": "English", "es": "Español"}
    assert buttons["en"].isChecked() and not buttons["es"].isChecked()
    assert window.welcome.title.text() == ENGLISH.WELCOME
    tap(buttons["es"])
    assert buttons["es"].isChecked()
    assert (window.welcome.title.text(), window.welcome.start_button.text()) == (SPANISH.WELCOME, SPANISH.START)


def test_a_spanish_clinic_starts_in_spanish(open_kiosk) -> None:
    window, patient = open_kiosk(language="es")
    assert window.welcome.language_buttons["es"].isChecked()
    assert window.welcome.start_button.text() == SPANISH.START
    patient.start()
    assert patient.wizard.visit.language == "es"


def test_after_a_visit_the_welcome_screen_is_back_in_the_clinics_language(open_kiosk) -> None:
    window, patient = open_kiosk()
    tap(window.welcome.language_buttons["es"])
    patient.complete(ANSWERS)
    assert window.thank_you.title.text() == SPANISH.THANK_YOU_TITLE
    tap(window.thank_you.done_button)
    assert window.pages.currentWidget() is window.welcome
    assert window.language == "en" and window.welcome.language_buttons["en"].isChecked()
    assert window.welcome.start_button.text() == ENGLISH.START
    assert window.help_screen.title.text() == ENGLISH.ASK_AT_FRONT_DESK, "every patient screen is back in English"
    patient.start()
    assert patient.wizard.visit.language == "en"


def test_a_visit_timed_out_also_brings_the_clinics_language_back(open_kiosk) -> None:
    window, patient = open_kiosk(language="es")
    tap(window.welcome.language_buttons["en"])
    patient.start()
    window.time_out_visit()
    assert window.language == "es" and window.welcome.start_button.text() == SPANISH.START
