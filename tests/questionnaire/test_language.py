"""Language tags: the shape of BCP 47, nothing looked up."""

from __future__ import annotations

import pytest

from intake.questionnaire.language import is_language_tag


@pytest.mark.parametrize("tag", ["en", "es", "es-MX", "ES-mx", "zh-Hant-TW", "sr-Latn-RS", "es-419", "de-CH-1901",
                                 "zh-yue-HK", "en-a-bbb-x-private", "x-klingon", "fil"])
def test_well_formed_tags(tag: str) -> None:
    assert is_language_tag(tag)


@pytest.mark.parametrize("tag", ["", "e", "es_MX", "spanish", "span", "en-", "-en", "en--US", "es-MX ", " es",
                                 "español", "en-US\n", "en-x", "12", "es-" + "a" * 9])
def test_malformed_tags(tag: str) -> None:
    assert not is_language_tag(tag)
