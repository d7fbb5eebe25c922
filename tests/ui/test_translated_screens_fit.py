"""Every patient screen, in a language 40 % longer than English, cuts off no text.

A pseudo-language stands in for the translations a clinic may add later: each sentence of
the patient wording and each text of the form is accented and about 40 % longer
(`clipping.pseudo`). It is installed as Esperanto (`eo`), a language Babel and Qt know and
the app does not ship, so the kiosk treats it like any other. Each screen is checked at
the portrait and the landscape tablet size, with its problems shown and with its answers.
"""

from __future__ import annotations

import gettext
from collections.abc import Iterator
from typing import Any

import pytest
from clipping import clipped_texts, pseudo
from patient_driver import Patient, tap

from cases import vignette
from intake.localized import in_language
from intake.paths import FORM_FILE
from intake.questionnaire import patient_wording
from intake.questionnaire.form import Form
from intake.questionnaire.loader import TEXT_KEYS
from intake.translations import PATIENT_DOMAIN
from intake.ui.app import MainWindow
from intake.yamlfile import read_mapping

PSEUDO = "eo"
SIZES = [(800, 1280), (1280, 800)]


class PseudoTranslations(gettext.NullTranslations):
    def gettext(self, message: str) -> str:
        return pseudo(message)

    def ngettext(self, singular: str, plural: str, count: int) -> str:
        return pseudo(singular if count == 1 else plural)


def _lengthened(node: Any) -> Any:
    if isinstance(node, list):
        return [_lengthened(item) for item in node]
    if isinstance(node, dict):
        return {key: pseudo(value) if key in TEXT_KEYS and isinstance(value, str) else _lengthened(value)
                for key, value in node.items()}
    return node


@pytest.fixture
def pseudo_kiosk(open_kiosk, form_languages, monkeypatch) -> Iterator[Any]:
    """A kiosk whose visits start in the pseudo-language."""
    original = patient_wording.translations

    def translations(domain: str, language: str) -> gettext.NullTranslations:
        return PseudoTranslations() if language == PSEUDO else original(domain, language)

    monkeypatch.setattr(patient_wording, "translations", translations)
    monkeypatch.setattr(
        "intake.app.kiosk_languages.languages", lambda domain: ("en", PSEUDO) if domain == PATIENT_DOMAIN else ("en",)
    )
    patient_wording.wording_for.cache_clear()
    english = in_language(read_mapping(FORM_FILE), "en", TEXT_KEYS)
    lengthened = Form.model_validate(_lengthened(english) | {"language": PSEUDO})

    def make(size: tuple[int, int], **settings: object) -> tuple[MainWindow, Patient]:
        window, patient = open_kiosk(translations={**form_languages, PSEUDO: lengthened}, language=PSEUDO, **settings)
        window.resize(*size)
        return window, patient

    yield make
    patient_wording.wording_for.cache_clear()


def _check(window: MainWindow, qtbot, screen: str, found: dict[str, list[str]]) -> None:
    qtbot.wait(30)
    problems = clipped_texts(window)
    if problems:
        found[screen] = problems


def _report(found: dict[str, list[str]]) -> str:
    return "\n".join(f"{screen}: {problem}" for screen, problems in found.items() for problem in problems)


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_every_question_page_and_the_review_fit(pseudo_kiosk, qtbot, size) -> None:
    window, patient = pseudo_kiosk(size)
    found: dict[str, list[str]] = {}
    _check(window, qtbot, "welcome", found)
    answers = vignette("V01")["answers"]
    patient.start()
    assert patient.wizard.visit.language == PSEUDO
    while not patient.on_review():
        page = patient.page().objectName()
        patient.next()
        _check(window, qtbot, f"{page} (problems shown)", found)
        patient.answer_page(answers)
        _check(window, qtbot, f"{page} (answered)", found)
        patient.next_page()
    _check(window, qtbot, "review", found)
    patient.finish()
    _check(window, qtbot, "thank you", found)
    assert not found, _report(found)


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_help_still_there_and_pause_fit(pseudo_kiosk, stores, qtbot, size) -> None:
    window, patient = pseudo_kiosk(size, stores=stores)
    window.desk.station.settings = window.settings.model_copy(update={"idle_countdown_s": 1})
    found: dict[str, list[str]] = {}
    patient.start()
    patient.answer_page(vignette("V01")["answers"])
    tap(patient.wizard.help_button)
    _check(window, qtbot, "help", found)
    tap(window.help_screen.back_button)
    window.patient_idle.idle.emit()
    _check(window, qtbot, "still there", found)
    qtbot.waitUntil(lambda: window.pages.currentWidget() is window.paused, timeout=5000)
    _check(window, qtbot, "paused", found)
    tap(window.paused.continue_button)
    _check(window, qtbot, "confirm the date of birth", found)
    assert not found, _report(found)


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_the_hold_screen_fits(pseudo_kiosk, stores, qtbot, size) -> None:
    window, patient = pseudo_kiosk(size, stores=stores)
    answers = vignette("V14")["answers"]
    patient.advance_to("red_flags", answers)
    while window.pages.currentWidget() is patient.wizard:
        patient.answer_page(answers)
        patient.next()
    assert window.pages.currentWidget() is window.hold_screen
    found: dict[str, list[str]] = {}
    _check(window, qtbot, "hold", found)
    assert not found, _report(found)
