"""One list names every language: in itself, and by its code when the list lacks it."""

from __future__ import annotations

from intake.language_names import language_name, language_names


def test_a_language_is_named_in_itself_and_an_unknown_one_by_its_code() -> None:
    assert (language_name("en"), language_name("es"), language_name("fr")) == ("English", "Español", "fr")


def test_names_keep_the_order_asked() -> None:
    assert list(language_names(["es", "en"]).items()) == [("es", "Español"), ("en", "English")]
