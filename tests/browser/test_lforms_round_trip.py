"""The exported Questionnaire in a real, independent SDC renderer: NLM's LHC-Forms in headless Chromium.

A patient fills a vignette through the page (clicks and typing), LHC-Forms writes the
QuestionnaireResponse, and `intake assess` on that file must give the assessment the
vignette's own response file gives. LHC-Forms's validity check must find nothing
missing on a complete visit, nor in an empty medicine list once "I don't take any" is Yes.
LHC-Forms shows no FHIR translation extension, so the Spanish page loads the Questionnaire
`intake export-form --lang es` writes: its texts in Spanish, the same items and codes.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from cases import POLICIES, vignette
from chromium import Page
from command_line import run_intake
from lforms_patient import Patient, open_form, response_resource, validity_errors
from page_server import questionnaire_name

pytestmark = pytest.mark.slow

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


def _assess(path: Path, policy: str, capsys: pytest.CaptureFixture[str]) -> tuple[dict[str, Any] | None, str]:
    status, out, err = run_intake(["assess", str(path), "--policy", policy, "--json"], capsys)
    return (json.loads(out) if status == 0 else None), err.strip()


def _differences(native: dict[str, Any], round_trip: dict[str, Any]) -> list[str]:
    """One line per output field that differs, the outcome first."""
    return [
        f"{key}: {json.dumps(round_trip.get(key))[:300]} (native: {json.dumps(native.get(key))[:300]})"
        for key in sorted(native.keys() | round_trip.keys(), key=lambda key: (key != "outcome", key))
        if native.get(key) != round_trip.get(key)
    ]


def _round_trip_problems(case: dict[str, Any], result: Filled, release: str, folder: Path,
                         capsys: pytest.CaptureFixture[str]) -> list[str]:
    """What differs between `intake assess` on the vignette and on what LHC-Forms wrote, under every policy."""
    response = dict(result.response, authored=case["authored"])
    native_file, fhir_file = folder / "native.json", folder / f"lforms-{release}.json"
    native_file.write_text(json.dumps(case), encoding="utf-8")
    fhir_file.write_text(json.dumps(response), encoding="utf-8")
    problems = [f"answers the page did not show: {', '.join(result.not_shown)}"] if result.not_shown else []
    for policy in POLICIES:
        native, _ = _assess(native_file, policy, capsys)
        assert native is not None, f"the vignette itself does not assess under {policy}"
        round_trip, error = _assess(fhir_file, policy, capsys)
        if round_trip is None:
            problems.append(f"{policy}: intake assess rejected the response: {error}")
        else:
            problems += [f"{policy}: {line}" for line in _differences(native, round_trip)]
    return problems


@pytest.mark.parametrize("release", RELEASES)
@pytest.mark.parametrize("vignette_id", VIGNETTES)
def test_assessment_matches_native(vignette_id: str, release: str, filled: Callable[..., Filled], tmp_path: Path,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    problems = _round_trip_problems(vignette(vignette_id), filled(vignette_id, release), release, tmp_path, capsys)
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
    problems = _round_trip_problems(vignette(vignette_id), result, release, tmp_path, capsys)
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
    problems = _round_trip_problems(case, result, release, tmp_path, capsys)
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
