"""Loading the catalogs: English needs none, a regional tag reads its language, a missing build says so."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.translations import PATIENT_DOMAIN, STAFF_DOMAIN, TranslationsMissing, languages, primary, source_path, translations


def test_the_languages_of_each_domain() -> None:
    assert languages(PATIENT_DOMAIN) == ("en", "es")
    assert languages(STAFF_DOMAIN) == ("en",), "staff words are English only so far"


def test_english_reads_the_message_ids_and_spanish_its_catalog() -> None:
    assert translations(PATIENT_DOMAIN, "en").gettext("Next") == "Next"
    assert translations(PATIENT_DOMAIN, "es").gettext("Next") == "Siguiente"
    assert translations(PATIENT_DOMAIN, "es-MX") is translations(PATIENT_DOMAIN, "es"), "one catalog per language, cached"
    assert translations(STAFF_DOMAIN, "es").gettext("Finished") == "Finished", "no staff.po yet: the English ids"


def test_a_source_without_its_compiled_catalog_says_how_to_build_it(tmp_path: Path) -> None:
    source = source_path(PATIENT_DOMAIN, "fr", tmp_path)
    source.parent.mkdir(parents=True)
    source.write_text('msgid ""\nmsgstr ""\n', encoding="utf-8")
    with pytest.raises(TranslationsMissing, match=r"intake\.translation_files"):
        translations(PATIENT_DOMAIN, "fr", tmp_path)


def test_a_regional_tag_reads_its_languages_catalog() -> None:
    assert primary("es-MX") == "es" and primary("EN") == "en"
