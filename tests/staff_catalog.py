"""A small staff catalog in a test language, installed as `./run` installs the shipped ones.

The staff screens and the clinician PDF are English this round; a test that switches them
to a language with a catalog sees their words really go through the `staff` domain.
"""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from intake import staff_wording
from intake.translation_files import compile_all, read_catalog, template_path
from intake.translations import STAFF_DOMAIN, source_path, translations

TEST_LANGUAGE = "eo"


def install_staff_catalog(catalog: str, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """`catalog` (a `.po` text) compiled under `folder` and read for the staff domain in `TEST_LANGUAGE`."""
    directory = folder / "translations"
    source = source_path(STAFF_DOMAIN, TEST_LANGUAGE, directory)
    source.parent.mkdir(parents=True)
    source.write_text(catalog, encoding="utf-8")
    compile_all(directory)
    monkeypatch.setattr(staff_wording, "translations", lambda domain, language: translations(domain, language, directory))


def ids_not_in_template(catalog: str) -> set[str]:
    """The catalog's sentences the code no longer says: a test of them would pass for nothing."""
    template = {message.id for message in read_catalog(template_path(STAFF_DOMAIN)) if message.id}
    return {message.id for message in read_po(BytesIO(catalog.encode()), locale=TEST_LANGUAGE) if message.id} - template
