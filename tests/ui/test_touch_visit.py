"""A patient finishes alone on a touch tablet: taps and wheel scrolls only, no key pressed."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtTest import QTest
from touch_driver import TouchPatient

from cases import vignette
from command_line import run_intake
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


def _assessed_by_the_command(response: dict, tmp_path: Path, capsys) -> dict:
    path = tmp_path / "response.json"
    path.write_text(json.dumps(response), encoding="utf-8")
    status, out, _ = run_intake(["assess", str(path), "--json"], capsys)
    assert status == 0
    return json.loads(out)


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_a_spanish_visit_by_touch_is_assessed_as_the_command_assesses_it(open_kiosk, qtbot, form, tmp_path, capsys, size) -> None:
    window, patient = _touch_kiosk(open_kiosk, size)
    patient.tap(window.welcome.language_buttons["es"])
    assert window.welcome.start_button.text() == "Empezar"
    medicines = [{**row, "medicine": name} for row, name in zip(vignette("V01")["answers"]["acute_medicines"],
                                                              ("sumatriptán", "ibuprofeno"), strict=True)]
    answers = {**vignette("V01")["answers"], "given_name": "Begoña", "family_name": "Núñez", "acute_medicines": medicines}
    with qtbot.waitSignal(window.visit_finished, timeout=20_000) as finished:
        ended = patient.visit(answers)
    patient.close()
    assert ended == "finished" and patient.figures.key_events == 0
    visit = finished.args[0]
    assert visit.response.language == "es"
    assert visit.response.answers == parse_response({**vignette("V01"), "answers": answers}, form).answers
    stored = visit.response.to_json_dict()
    by_command, by_kiosk = _assessed_by_the_command(stored, tmp_path, capsys), visit.assessment.to_json_dict()
    for assessment in (by_command, by_kiosk):
        assessment.pop("other_policies")  # the command adds what the other shipped policies say
    assert by_command == by_kiosk
    assert visit.assessment.outcome == "REFER"


@pytest.mark.parametrize("size", SIZES, ids=["portrait", "landscape"])
def test_a_spanish_red_flag_by_touch_stops_at_the_front_desk(open_kiosk, size) -> None:
    window, patient = _touch_kiosk(open_kiosk, size)
    patient.tap(window.welcome.language_buttons["es"])
    ended = patient.visit(vignette("V14")["answers"])
    patient.close()
    assert ended == "hold" and window.pages.currentWidget() is window.hold_screen
    assert window.hold_screen.language.isVisible() and patient.figures.key_events == 0
    assert patient.wizard.visit.language == "es"


def test_v14_by_touch_stops_at_the_front_desk(open_kiosk, size=(800, 1280)) -> None:
    window, patient = _touch_kiosk(open_kiosk, size)
    ended = patient.visit(vignette("V14")["answers"])
    patient.close()
    assert ended == "hold" and window.pages.currentWidget() is window.hold_screen
    assert patient.figures.key_events == 0
