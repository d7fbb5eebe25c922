"""The exported Questionnaire in a real, independent SDC renderer: NLM's LHC-Forms in headless Chromium.

A patient fills a vignette through the page (clicks and typing), LHC-Forms writes the
QuestionnaireResponse, and `intake assess` on that file must give the assessment the
vignette's own response file gives. LHC-Forms's validity check must find nothing
missing on a complete visit, nor in an empty medicine list once "I don't take any" is Yes.
LHC-Forms shows no FHIR translation extension, so the Spanish page loads the Questionnaire
`intake export-form --lang es` writes: its texts in Spanish, the same items and codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assessing import differences_from_native
from cases import vignette
from chromium import Page
from lforms_patient import Patient, open_form, response_resource, validity_errors
from page_server import questionnaire_name

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]  # one worker starts Chromium, not each

VIGNETTES = ("V01", "V06", "V14", "V15", "V21")
IN_SPANISH = ("V01", "V14")
RELEASES = ("R4", "R5")
DESKTOP = (1280, 800)
PHONE = (390, 844)


@dataclass(frozen=True)
class Filled:
    """One vignette filled in LHC-Forms: what it wrote, what it said was missing, what it did not show."""

    response: dict[str, Any]
    errors: list[str]
    not_shown: list[str]


def fill(page: Page, site: str, questionnaires: dict[str, dict[str, Any]], release: str, answers: dict[str, Any],
         language: str = "en") -> Filled:
    open_form(page, site, release, language)
    visit = Patient(page, questionnaires[questionnaire_name(release, language)]).fill(answers)
    return Filled(response_resource(page, release), validity_errors(page), visit.not_shown)


@pytest.fixture(scope="module")
def filled(browser: Page, site: str, questionnaires: dict[str, dict[str, Any]]) -> Callable[..., Filled]:
    """Fills each (vignette, release, language) once at desktop width; the tests below share the result."""
    done: dict[tuple[str, str, str], Filled] = {}

    def get(vignette_id: str, release: str, language: str = "en") -> Filled:
        if (vignette_id, release, language) not in done:
            browser.set_viewport(*DESKTOP)
            answers = vignette(vignette_id)["answers"]
            done[vignette_id, release, language] = fill(browser, site, questionnaires, release, answers, language)
        return done[vignette_id, release, language]

    return get


def _round_trip_problems(case: dict[str, Any], result: Filled, folder: Path, capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What the page did not show, and what differs between `intake assess` on the vignette and on what LHC-Forms wrote."""
    problems = [f"answers the page did not show: {', '.join(result.not_shown)}"] if result.not_shown else []
    return problems + differences_from_native(case, result.response, folder, capsys)


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("vignette_id", VIGNETTES)
def test_assessment_matches_native(vignette_id: str, release: str, filled: Callable[..., Filled], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    problems = _round_trip_problems(vignette(vignette_id), filled(vignette_id, release), tmp_path, capsys)
    assert not problems, f"{vignette_id} through LHC-Forms {release}:\n" + "\n".join(problems)


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("vignette_id", IN_SPANISH)
def test_the_spanish_page_assesses_as_the_native_visit(vignette_id: str, release: str, browser: Page,
                                                       filled: Callable[..., Filled],
                                                       questionnaires: dict[str, dict[str, Any]], tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    """The page shows the Spanish words (the form's title, a section, an option), and the answers come back the same."""
    result = filled(vignette_id, release, "es")
    spanish = questionnaires[questionnaire_name(release, "es")]
    shown = browser.evaluate("document.getElementById('form').innerText")
    sex = next(item for section in spanish["item"] for item in section["item"] if item["linkId"] == "sex_at_birth")
    words = [spanish["title"], spanish["item"][0]["text"], sex["answerOption"][0]["valueCoding"]["display"]]
    assert [word for word in words if word not in shown] == [], "the page shows the Questionnaire's Spanish"
    assert not result.errors, f"LHC-Forms {release} in Spanish on {vignette_id}: " + "; ".join(result.errors)
    problems = _round_trip_problems(vignette(vignette_id), result, tmp_path, capsys)
    assert not problems, f"{vignette_id} through LHC-Forms {release} in Spanish:\n" + "\n".join(problems)


@pytest.mark.parametrize("release", RELEASES)
def test_none_leaves_no_empty_row_required(release: str, browser: Page, site: str, questionnaires: dict[str, dict[str, Any]],
                                           tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """V01 taking no attack medicine: "I don't take any" = Yes switches the list and its two follow-ups off."""
    case = vignette("V01")
    for follow_up in ("acute_distinct_days", "acute_months"):
        del case["answers"][follow_up]
    case["answers"]["acute_medicines"] = []
    browser.set_viewport(*DESKTOP)
    result = fill(browser, site, questionnaires, release, case["answers"])
    assert validity_errors(browser) == [], "nothing of the list is required"
    problems = _round_trip_problems(case, result, tmp_path, capsys)
    assert not problems, f"V01 without attack medicines through LHC-Forms {release}:\n" + "\n".join(problems)


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("vignette_id", VIGNETTES)
def test_renderer_finds_a_complete_visit_valid(vignette_id: str, release: str, filled: Callable[..., Filled]) -> None:
    errors = filled(vignette_id, release).errors
    assert not errors, f"LHC-Forms {release} on {vignette_id}: " + "; ".join(errors)


@pytest.mark.parametrize(("width", "height"), [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_v01_fills_and_fits_at_phone_and_desktop_width(width: int, height: int, browser: Page, site: str,
                                                       questionnaires: dict[str, dict[str, Any]], tmp_path: Path) -> None:
    """The screenshot is kept in the test's folder for a person to look at; the page must not scroll sideways."""
    browser.set_viewport(width, height, mobile=width < DESKTOP[0])
    result = fill(browser, site, questionnaires, "R5", vignette("V01")["answers"])
    browser.screenshot(tmp_path / f"V01-{width}x{height}.png")
    overflow = browser.evaluate("document.documentElement.scrollWidth") - width
    assert result.response["item"], "LHC-Forms wrote no answers"
    assert overflow <= 0, f"at {width}x{height} the page is {overflow} px wider than the screen"
