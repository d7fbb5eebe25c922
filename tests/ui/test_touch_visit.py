"""A patient finishes alone on a touch tablet: taps and wheel scrolls only, no key pressed."""

from __future__ import annotations

import pytest
from PySide6.QtTest import QTest
from touch_driver import TouchPatient

from cases import vignette
from intake.questionnaire.response import parse_response

SIZES = [(800, 1280), (1280, 800)]


def _touch_kiosk(open_kiosk, size: tuple[int, int], **settings: object):
    window, _patient = open_kiosk(on_screen_keyboard="always", **settings)
    window.resize(*size)
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 2000)
    return window, TouchPatient(window)


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_v01_by_touch_alone_gives_the_same_answers(open_kiosk, qtbot, form, size) -> None:
    window, patient = _touch_kiosk(open_kiosk, size)
    answers = {**vignette("V01")["answers"], "given_name": "Zoë", "family_name": "Ñúñez-O'Brien"}
    with qtbot.waitSignal(window.visit_finished, timeout=20_000) as finished:
        ended = patient.visit(answers)
    patient.close()
    assert ended == "finished" and window.pages.currentWidget() is window.thank_you
    assert patient.figures.key_events == 0, "a touch-only patient pressed no key"
    expected = parse_response({**vignette("V01"), "answers": answers}, form).answers
    assert finished.args[0].response.answers == expected
    assert patient.figures.tallest_page <= 2.5, patient.figures.tallest_page_name


def test_v14_by_touch_stops_at_the_front_desk(open_kiosk, size=(800, 1280)) -> None:
    window, patient = _touch_kiosk(open_kiosk, size)
    ended = patient.visit(vignette("V14")["answers"])
    patient.close()
    assert ended == "hold" and window.pages.currentWidget() is window.hold_screen
    assert patient.figures.key_events == 0
