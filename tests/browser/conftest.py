"""Fixtures for the browser tests: headless Chromium, the test page with LHC-Forms and the pre-visit page,
each served on 127.0.0.1.

Where Chromium or the npm packages are missing the tests are skipped with the reason,
except under CI (CI=true), where a missing tool is a failure: `./run test` installs both.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from chromium import INSTALL_HINT, Page, chromium_path, headless_chromium
from intake.app.optional_sections import switched_on
from intake.interop.fhir_questionnaire import export_questionnaire
from intake.interop.fhir_version import FhirVersion
from intake.questionnaire.loader import default_form_languages
from intake.settings import Settings
from page_server import LFORMS_DIST, NODE_MODULES, NPM_HINT, questionnaire_name, serving, serving_folder

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "previsit" / "build.py"


def _unavailable(reason: str) -> None:
    if os.environ.get("CI"):
        pytest.fail(f"{reason}; CI must run the browser tests")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def questionnaires() -> dict[str, dict[str, Any]]:
    """The form as `intake export-form --fhir R4|R5 [--lang es]` writes it under the default settings (MIDAS off),
    by `questionnaire_name`: LHC-Forms shows no translation extension, so each language has its own."""
    forms = default_form_languages()
    sections = switched_on(Settings(), forms["en"])
    return {
        questionnaire_name(release.value, language): export_questionnaire(forms, release, switched_on=sections,
                                                                          language=language)
        for release in FhirVersion for language in forms
    }


@pytest.fixture(scope="session")
def site(questionnaires: dict[str, dict[str, Any]]) -> Iterator[str]:
    """The base address of the page (index.html?fhir=R4&lang=es shows the R4 Questionnaire in Spanish)."""
    if not (LFORMS_DIST / "webcomponent" / "main.js").is_file():
        _unavailable(NPM_HINT)
    with serving(questionnaires) as base:
        yield base


@pytest.fixture(scope="session")
def browser() -> Iterator[Page]:
    """One headless Chromium for the run; each test opens the page anew in its tab."""
    executable = chromium_path()
    if executable is None:
        _unavailable(INSTALL_HINT)
    assert executable is not None
    with headless_chromium(executable) as page:
        yield page


@pytest.fixture(scope="session")
def previsit_site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The pre-visit page as `packaging/previsit/build.py --lforms` writes it from the tests' LHC-Forms, under
    the default settings, served as a clinic's web server serves a folder; its base address."""
    if not (LFORMS_DIST / "webcomponent" / "main.js").is_file():
        _unavailable(NPM_HINT)
    folder = tmp_path_factory.mktemp("previsit")
    env = {
        **os.environ, "PYTHONPATH": os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")])),
        "XDG_CONFIG_HOME": str(folder / "config"), "XDG_DATA_HOME": str(folder / "data"),
    }
    command = [sys.executable, str(BUILD), "--out", str(folder / "site"), "--lforms", str(NODE_MODULES / "lforms")]
    built = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    assert built.returncode == 0, f"build.py failed: {built.stderr}"
    with serving_folder(folder / "site") as base:
        yield base
