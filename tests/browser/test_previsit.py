"""The pre-visit page (packaging/previsit) as a patient uses it at home, on a phone and on a computer.

The patient starts in a language, fills V01 through LHC-Forms (taps and typing), reviews
the answers and saves them: the file LHC-Forms's `getFormFHIRData` wrote, which `intake
assess` must assess as the vignette itself and `intake import` must store. Once the page
has loaded, the browser asks the network for nothing: the answers leave only as the file.
Screenshots of each step stay in the test's folder for a person to look at.
"""

from __future__ import annotations

import json
import time
import urllib.request
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from assessing import differences_from_native
from cases import vignette
from chromium import Page
from command_line import run_intake
from lforms_patient import FORM_SECONDS, Patient

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("browser")]  # one worker starts Chromium, not each

PHONE = (390, 844)
DESKTOP = (1280, 800)
FILE_NAME = "previsit-response.json"
DOWNLOAD_SECONDS = 20.0
LOCAL = ("blob:", "data:")
"""Addresses that never leave the browser: the saved file is a blob the page made."""

# Where an element is, after scrolling it to the middle of the screen as a person would; null when not shown.
_WHERE = """(selector => {
  const element = document.querySelector(selector);
  if (!element || !element.getClientRects().length) return null;
  element.scrollIntoView({block: "center", inline: "nearest"});
  const box = element.getBoundingClientRect();
  return [box.x + box.width / 2, box.y + box.height / 2];
})"""

# Elements of LHC-Forms reaching past the right edge of its form (the row title bar did, by 1 px on a phone).
_STICKING_OUT = """(() => {
  const edge = document.querySelector(".lhc-form").getBoundingClientRect().right + 0.5;
  return Array.from(document.querySelectorAll("#form .lhc-form *"))
    .filter(element => element.getBoundingClientRect().width > 0 && element.getBoundingClientRect().right > edge)
    .map(element => element.tagName.toLowerCase() + "." + String(element.className).split(" ").join("."));
})()"""


def tap(page: Page, selector: str) -> None:
    where = page.evaluate(f"{_WHERE}({json.dumps(selector)})")
    assert where, f"the page shows no {selector}"
    page.click(*where)


def step(page: Page, name: str) -> None:
    page.wait_for(f"document.body.dataset.step === {json.dumps(name)}", what=f"the {name} step")


def shown_text(page: Page, selector: str) -> str:
    return page.evaluate(f"document.querySelector({json.dumps(selector)}).innerText")


def questionnaire(site: str, language: str) -> dict[str, Any]:
    with urllib.request.urlopen(f"{site}/questionnaire/{language}.json", timeout=10) as reply:
        return json.load(reply)


def open_page(page: Page, site: str) -> None:
    page.open(f"{site}/index.html")
    state = page.wait_for("document.body.dataset.state", FORM_SECONDS, "the page to load the questions")
    assert state == "ready", page.evaluate("document.body.dataset.reason")


def start_in(page: Page, language: str) -> None:
    tap(page, f'[data-choose="{language}"]')
    step(page, "filling")
    page.wait_for("document.body.dataset.form === 'ready'", FORM_SECONDS, "LHC-Forms to show the form")


def saved_file(folder: Path) -> dict[str, Any]:
    """The file the browser saved, once it is whole (Chromium writes a .crdownload first)."""
    path = folder / FILE_NAME
    deadline = time.monotonic() + DOWNLOAD_SECONDS
    while not path.is_file() or any(folder.glob("*.crdownload")):
        assert time.monotonic() < deadline, f"no {FILE_NAME} in {folder}: {sorted(p.name for p in folder.iterdir())}"
        time.sleep(0.1)
    return json.loads(path.read_text(encoding="utf-8"))


def requests(events: list[dict[str, Any]]) -> list[str]:
    return [event["params"]["request"]["url"] for event in events if event["method"] == "Network.requestWillBeSent"]


def review_and_save(page: Page, folder: Path, shots: str) -> dict[str, Any]:
    tap(page, "#to-review")
    step(page, "review")
    page.screenshot(folder / f"{shots}-3-review.png")
    tap(page, "#download")
    step(page, "done")
    page.screenshot(folder / f"{shots}-4-done.png")
    return saved_file(folder)


@pytest.mark.parametrize(("width", "height"), [PHONE, DESKTOP], ids=["phone", "desktop"])
def test_v01_filled_at_home_imports_as_the_native_visit(width: int, height: int, browser: Page, previsit_site: str,
                                                        tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    case, shots = vignette("V01"), f"V01-{width}x{height}"
    browser.set_viewport(width, height, mobile=width < DESKTOP[0])
    browser.save_downloads_to(tmp_path)
    with browser.recording("Network") as events:
        open_page(browser, previsit_site)
        browser.screenshot(tmp_path / f"{shots}-1-start.png")
        browser.evaluate("0")
        loaded = len(events)
        start_in(browser, "en")
        not_shown = Patient(browser, questionnaire(previsit_site, "en")).fill(case["answers"]).not_shown
        browser.screenshot(tmp_path / f"{shots}-2-filled.png")
        overflow = browser.evaluate("document.documentElement.scrollWidth") - width
        sticking_out = browser.evaluate(_STICKING_OUT)
        response = review_and_save(browser, tmp_path, shots)
    assert not_shown == [], "every answer had its field"
    assert overflow <= 0, f"at {width}x{height} the page is {overflow} px wider than the screen"
    assert sticking_out == [], "LHC-Forms's parts stay inside its form"
    after_load = [url for url in requests(events[loaded:]) if not url.startswith(LOCAL)]
    assert after_load == [], "once loaded, the page asks the network for nothing"
    assert (response["resourceType"], response["language"]) == ("QuestionnaireResponse", "en")
    assert differences_from_native(case, response, tmp_path, capsys) == []
    monkeypatch.setenv("INTAKE_DB_KEY", "previsit test passphrase")
    status, visit_id, _ = run_intake(["import", str(tmp_path / FILE_NAME)], capsys)
    assert status == 0
    status, shown, _ = run_intake(["visits", "show", visit_id.strip()], capsys)
    assert status == 0 and "Answered before the visit" in shown


def test_the_review_shows_the_answers_in_the_patients_words(browser: Page, previsit_site: str, tmp_path: Path) -> None:
    """Questions as the Questionnaire words them, choices by their labels, a date spelled out, a unit beside its number."""
    browser.set_viewport(*PHONE, mobile=True)
    open_page(browser, previsit_site)
    start_in(browser, "en")
    Patient(browser, questionnaire(previsit_site, "en")).fill(vignette("V01")["answers"])
    tap(browser, "#to-review")
    step(browser, "review")
    shown = shown_text(browser, "#answers")
    words = ("What is your first name?", "Female", "January 15, 1992", "sumatriptan", "days a month", "I don't take any\nNo")
    assert [part for part in words if part not in shown] == []


def test_switching_to_spanish_keeps_the_answers_and_the_file_says_spanish(browser: Page, previsit_site: str,
                                                                         tmp_path: Path,
                                                                         capsys: pytest.CaptureFixture[str],
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    """Started in English, switched to Español before the review: the same answers, in Spanish, and a Spanish file,
    whose summary says both that the patient answered in Spanish and before the visit."""
    case = vignette("V01")
    browser.set_viewport(*DESKTOP)
    browser.save_downloads_to(tmp_path)
    open_page(browser, previsit_site)
    start_in(browser, "en")
    Patient(browser, questionnaire(previsit_site, "en")).fill(case["answers"])
    tap(browser, '[data-switch="es"]')
    browser.wait_for("document.documentElement.lang === 'es' && document.body.dataset.form === 'ready'", FORM_SECONDS)
    yes_no = browser.evaluate("Array.from(document.querySelectorAll('#form lhc-item-boolean label')).map(l => l.innerText)")
    response = review_and_save(browser, tmp_path, "V01-switched")
    assert set(yes_no) == {"Sí", "No", "Sin responder"}, "the page's words on LHC-Forms's yes/no buttons"
    assert response["language"] == "es"
    assert differences_from_native(case, response, tmp_path, capsys) == []
    monkeypatch.setenv("INTAKE_DB_KEY", "previsit test passphrase")
    visit_id = run_intake(["import", str(tmp_path / FILE_NAME)], capsys)[1].strip()
    assert run_intake(["visits", "show", visit_id, "--pdf", str(tmp_path / "summary.pdf")], capsys)[0] == 0
    first = " ".join(PdfReader(tmp_path / "summary.pdf").pages[0].extract_text().split())
    assert "Language Answered in Spanish Source Answered before the visit" in first
