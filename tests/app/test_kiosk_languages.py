"""The languages the kiosk offers, worked out before the form is loaded."""

from __future__ import annotations

from intake.app import kiosk_languages
from intake.app.kiosk_languages import offered_languages, starting_language


def test_the_forms_languages_that_the_patient_wording_has_are_offered_in_the_forms_order(monkeypatch) -> None:
    monkeypatch.setattr(kiosk_languages, "languages", lambda _domain: ("en", "es", "fr"))
    assert offered_languages(["es", "de", "en", "fr"]) == ("es", "en", "fr")


def test_a_visit_starts_in_the_clinics_language_when_it_is_offered_else_in_english() -> None:
    assert starting_language("es", ("en", "es")) == "es"
    assert starting_language("es-MX", ("en", "es")) == "es"
    assert starting_language("fr", ("en", "es")) == "en"
