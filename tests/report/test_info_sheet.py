"""The patient information sheet, read back as text: one page, every fact, the clinic's contact."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from intake.report.info_sheet import SheetClinic, render_info_sheet, sheet_clinic
from intake.report.info_text import load_sheet_text, sheet_languages
from intake.settings import Settings

LONG_NAME = "Centro de Neurología y Cefaleas del Hospital Universitario Sur"[:60]
PHONE = "+34 912 345 678"
FACTS = {
    "en": [
        "What happens at a Botox consultation", "onabotulinumtoxinA", "chronic migraine",
        "does not mean you will get the treatment",
        "31 small injections", "7 muscle areas", "forehead", "neck", "shoulders", "155 units", "15 minutes", "every 12 weeks",
        "2-3 treatments", "not a cure",
        "Neck pain", "Headache.", "drooping eyelid", "Muscle weakness", "bruising or swelling",
        "spreads beyond where it was injected", "trouble swallowing, speaking or breathing",
        "muscle weakness away from the injections", "Get medical help at once",
        "What to bring", "headache diary", "medicines you have tried", "doses", "dates",
    ],
    "es": [
        "Qué ocurre en una consulta de Botox", "onabotulinumtoxinA", "migraña crónica",
        "no significa que vaya a recibir el tratamiento",
        "31 inyecciones pequeñas", "7 grupos de músculos", "frente", "cuello", "hombros", "155 unidades", "15 minutos",
        "cada 12 semanas", "2 o 3 tratamientos", "no cura",
        "Dolor de cuello", "Dolor de cabeza.", "Párpado caído", "Debilidad", "moratones o hinchazón",
        "se extiende más allá de donde se inyectó", "dificultad para tragar, hablar o respirar",
        "debilidad en músculos lejos de las inyecciones", "Busque ayuda médica enseguida",
        "Qué debe traer", "diario de dolor de cabeza", "medicamentos que ha probado", "dosis", "fechas",
    ],
}


def _text(pdf: bytes) -> tuple[int, str]:
    pages = PdfReader(io.BytesIO(pdf)).pages
    return len(pages), " ".join(" ".join(page.extract_text().split()) for page in pages)


def test_the_long_name_is_sixty_characters() -> None:
    assert len(LONG_NAME) == 60


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_one_page_with_every_fact_and_the_clinic_contact(language: str, paper: str) -> None:
    text = load_sheet_text(language)
    rendered = render_info_sheet(text, SheetClinic(LONG_NAME, PHONE, "Calle Mayor 12, 28013 Madrid", paper))
    pages, words = _text(rendered.pdf)
    assert pages == rendered.pages == 1
    assert rendered.body_size >= 9.5, "a long clinic name costs a little text size, not readability"
    missing = [fact for fact in FACTS[language] if fact not in words]
    assert not missing
    assert LONG_NAME in words and f"{text.phone_label}: {PHONE}" in words
    page = PdfReader(io.BytesIO(rendered.pdf)).pages[0]
    size = (595, 842) if paper == "a4" else (612, 792)
    assert (round(float(page.mediabox.width)), round(float(page.mediabox.height))) == size


def test_a_short_name_leaves_the_text_at_least_as_large_and_the_title_in_the_metadata() -> None:
    text = load_sheet_text("es")
    rendered = render_info_sheet(text, SheetClinic("Clínica Sur", PHONE))
    crowded = render_info_sheet(text, SheetClinic(LONG_NAME, PHONE, "Calle Mayor 12, 28013 Madrid"))
    assert rendered.body_size >= max(crowded.body_size, 10)
    assert PdfReader(io.BytesIO(rendered.pdf)).metadata.title == "Qué ocurre en una consulta de Botox"


def test_no_phone_set_shows_no_phone_line() -> None:
    rendered = render_info_sheet(load_sheet_text("en"), SheetClinic("Harbour Clinic"))
    _pages, words = _text(rendered.pdf)
    assert "Harbour Clinic" in words and "Phone:" not in words


def test_clinic_details_come_from_the_settings() -> None:
    settings = Settings(clinic_name="Harbour Clinic", clinic_phone="555 0100", clinic_address="1 Quay", paper="letter")
    assert sheet_clinic(settings) == SheetClinic("Harbour Clinic", "555 0100", "1 Quay", "letter")
    assert sheet_clinic(settings, "a4").paper == "a4"


def test_every_shipped_language_renders_on_one_page() -> None:
    assert {"en", "es"} <= set(sheet_languages())
    for language in sheet_languages():
        assert render_info_sheet(load_sheet_text(language), SheetClinic(LONG_NAME, PHONE, paper="letter")).pages == 1
