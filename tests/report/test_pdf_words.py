"""The clinician PDF reads its words through the `staff` domain, in the PDF's language (`intake/report/words.py`).

English this round; with a tiny `staff.po` for a test language (Esperanto, which the app
does not ship) compiled by the project's build step and the PDF's language switched to
it, the sections built afterwards speak it, plurals included, and say the patient's
language in it too.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from cases import vignette
from intake.app.assessing import assess_for_clinic
from intake.questionnaire.response import parse_response
from intake.report import ClinicInfo, render_report, wording, words
from intake.translations import SOURCE_LANGUAGE
from staff_catalog import TEST_LANGUAGE, ids_not_in_template, install_staff_catalog

CATALOG = r'''
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: eo\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Documentation to obtain"
msgstr "Dokumentoj por akiri"

msgid "Answered in {language}"
msgstr "Respondita en {language}"

msgid "Spanish"
msgstr "la hispana"

msgid "Patient-reported, not verified · Decision support, not a diagnosis · Page {page} of {pages}"
msgstr "Raportita de la paciento · Ne diagnozo · Folio {page} el {pages}"

msgid "No to the other {count} red-flag question."
msgid_plural "No to the other {count} red-flag questions."
msgstr[0] "Ne al la alia {count} demando."
msgstr[1] "Ne al la aliaj {count} demandoj."
'''


@pytest.fixture
def test_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The PDF in the test language."""
    install_staff_catalog(CATALOG, tmp_path, monkeypatch)
    monkeypatch.setattr(words, "pdf_language", lambda: TEST_LANGUAGE)
    return TEST_LANGUAGE


def test_the_test_catalog_translates_only_sentences_the_template_has() -> None:
    assert ids_not_in_template(CATALOG) == set()


def test_the_pdf_is_english_by_default() -> None:
    assert words.pdf_language() == SOURCE_LANGUAGE
    assert wording.other_red_flags(2, True, 0) == "No to the other 2 red-flag questions."


def test_sentences_with_counts_follow_the_languages_plural_rule(test_language) -> None:
    assert (wording.other_red_flags(1, True, 0), wording.other_red_flags(3, True, 0)) == (
        "Ne al la alia 1 demando.", "Ne al la aliaj 3 demandoj."
    )


def test_the_sections_the_footer_and_the_patients_language_are_in_the_pdfs_language(form, test_language) -> None:
    data = vignette("V01")
    data["language"] = "es"
    response = parse_response(data, form)
    pdf = render_report(response, assess_for_clinic(response, form, "us-payer"), form, ClinicInfo(name="Test Clinic")).pdf
    pages = [" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages]
    text = " ".join(pages)
    assert "Respondita en la hispana" in pages[0] and "Dokumentoj por akiri" in text
    assert f"Folio 1 el {len(pages)}" in pages[0]
    assert "Appendix: all answers" in text, "a sentence the catalog lacks stays English"
