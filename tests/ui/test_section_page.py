"""Arriving on a page: ready to type, but no answer looks chosen for the patient."""

from __future__ import annotations

from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from cases import vignette

V01 = vignette("V01")["answers"]


def _arrive(open_kiosk, section_id: str):
    window, patient = open_kiosk()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 2000)
    patient.advance_to(section_id, V01)
    return window, patient.page()


def test_a_first_text_box_is_ready_to_type_in(open_kiosk) -> None:
    window, patient = open_kiosk()
    window.activateWindow()
    assert QTest.qWaitForWindowActive(window, 2000)
    patient.start()
    assert QApplication.focusWidget() is patient.page().blocks["given_name"].input.line


def test_no_focus_ring_on_an_unanswered_choice(open_kiosk) -> None:
    _window, page = _arrive(open_kiosk, "prior_botox")
    assert QApplication.focusWidget() is page, "the page, not 'Yes', has the focus"


def test_no_focus_ring_on_add_a_medicine(open_kiosk) -> None:
    _window, page = _arrive(open_kiosk, "acute_medicines")
    assert QApplication.focusWidget() is page
