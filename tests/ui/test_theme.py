"""Larger text and high contrast: a patient's choice on the welcome screen, per visit."""

from __future__ import annotations

from patient_driver import tap
from PySide6.QtGui import QFontInfo

from intake.ui.theme import style_sheet


def test_overlays_come_after_the_base_sheet() -> None:
    base = style_sheet()
    both = style_sheet(large_text=True, high_contrast=True)
    assert both.startswith(base)
    assert both.index("Larger text overlay") < both.index("High-contrast overlay")


def test_larger_text_button_enlarges_the_questions_until_the_visit_ends(kiosk, qapp, qtbot) -> None:
    window, patient = kiosk
    tap(window.welcome.large_text_button)
    assert "Larger text overlay" in qapp.styleSheet()
    patient.start()
    question = patient.page().blocks["given_name"].text
    large = QFontInfo(question.font()).pointSizeF()
    window.end_visit()
    assert "Larger text overlay" not in qapp.styleSheet()
    assert not window.welcome.large_text_button.isChecked()
    patient.start()
    normal = QFontInfo(patient.page().blocks["given_name"].text.font()).pointSizeF()
    assert large > normal >= 18


def test_clinic_can_make_high_contrast_the_default(open_kiosk, qapp) -> None:
    window, _patient = open_kiosk(high_contrast=True)
    assert window.welcome.high_contrast_button.isChecked()
    assert "High-contrast overlay" in qapp.styleSheet()
