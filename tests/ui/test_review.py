"""The review lists what the patient answered; an optional question left empty is not listed."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from cases import vignette


def test_optional_questions_left_empty_are_left_out_and_answered_ones_are_listed(kiosk) -> None:
    _window, patient = kiosk
    patient.reach_review(vignette("V01")["answers"] | {"pain_throbbing": "no", "nausea": "unsure"})
    review = patient.wizard.review
    assert review.findChild(QWidget, "answer-pain_throbbing").text() == "No"
    assert review.findChild(QWidget, "answer-nausea").text() == "Not sure"
    for key in ("pain_one_sided", "light_sensitive", "aura"):
        assert review.findChild(QWidget, f"answer-{key}") is None, key
    assert review.findChild(QWidget, "answer-migraine_days").text() == "12 days a month"
