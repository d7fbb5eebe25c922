"""packaging/previsit/build.py: the folder a clinic copies to its web server, built from an installed LHC-Forms.

The LHC-Forms files here are stand-ins (a few bytes each, laid out as the package lays
them out); tests/browser builds the page from the real package and fills it in Chromium.
"""

from __future__ import annotations

import importlib.util
import json
import stat
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("previsit_build", ROOT / "packaging" / "previsit" / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load()


@pytest.fixture
def lforms(tmp_path: Path) -> Path:
    """An installed lforms package of the pinned version, holding what the page loads (and a source map it does not)."""
    package = tmp_path / "node_modules" / "lforms"
    for name in (*build.LFORMS_FILES, "webcomponent/main.js.map"):
        path = package / "dist" / "lforms" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"/* {name} */\n", encoding="utf-8")
    (package / "package.json").write_text(json.dumps({"name": "lforms", "version": build.LFORMS_VERSION}), encoding="utf-8")
    return package


def _files(folder: Path) -> set[str]:
    return {str(path.relative_to(folder)) for path in folder.rglob("*") if path.is_file()}


def test_the_pin_is_the_version_the_browser_tests_install() -> None:
    lock = json.loads((ROOT / "tests" / "browser" / "package-lock.json").read_text(encoding="utf-8"))
    pinned = lock["packages"]["node_modules/lforms"]
    assert (pinned["version"], pinned["integrity"]) == (build.LFORMS_VERSION, build.LFORMS_INTEGRITY)


def test_the_page_offers_every_language_of_the_form(form_languages) -> None:
    assert build._page_languages() == list(form_languages)


def test_the_site_holds_the_page_what_it_loads_and_a_questionnaire_per_language(lforms, tmp_path, capsys) -> None:
    out = tmp_path / "site"
    assert build.main(["--out", str(out), "--lforms", str(lforms)]) == 0
    page = {"index.html", "previsit.js", "previsit.css", "lforms-fixes.css"}
    assert _files(out) == page | {f"lforms/{name}" for name in build.LFORMS_FILES} | {
        "questionnaire/en.json", "questionnaire/es.json"}, "no source maps, nothing else"
    english, spanish = (json.loads((out / "questionnaire" / f"{code}.json").read_text(encoding="utf-8")) for code in ("en", "es"))
    assert (english["language"], spanish["language"]) == ("en", "es")
    assert (spanish["url"], spanish["version"]) == (english["url"], english["version"])
    assert "FHIR R4; en, es" in capsys.readouterr().out


def test_a_web_server_running_as_another_user_can_read_it(lforms, tmp_path) -> None:
    out = tmp_path / "site"
    build.build(out, lforms)
    modes = {stat.S_IMODE(path.stat().st_mode) for path in [out, *out.rglob("*")] if path.is_dir()}
    assert modes == {0o755}
    modes = {stat.S_IMODE(path.stat().st_mode) for path in out.rglob("*") if path.is_file()}
    assert modes == {0o644}


def test_building_again_replaces_the_earlier_build(lforms, tmp_path) -> None:
    out = tmp_path / "site"
    build.build(out, lforms)
    (out / "left-over.txt").write_text("old", encoding="utf-8")
    build.build(out, lforms)
    assert not (out / "left-over.txt").exists()


def test_a_folder_holding_something_else_is_left_alone(lforms, tmp_path, capsys) -> None:
    out = tmp_path / "www"
    out.mkdir()
    (out / "clinic.html").write_text("the clinic's own page", encoding="utf-8")
    assert build.main(["--out", str(out), "--lforms", str(lforms)]) == 2
    assert "not empty and not an earlier build" in capsys.readouterr().err
    assert _files(out) == {"clinic.html"}


def test_another_lforms_version_is_refused(lforms, tmp_path, capsys) -> None:
    (lforms / "package.json").write_text(json.dumps({"name": "lforms", "version": "41.0.0"}), encoding="utf-8")
    assert build.main(["--out", str(tmp_path / "site"), "--lforms", str(lforms)]) == 2
    assert f"lforms 41.0.0; the page is tested with {build.LFORMS_VERSION}" in capsys.readouterr().err


def test_a_package_missing_a_file_the_page_loads_is_refused_naming_it(lforms, tmp_path, capsys) -> None:
    (lforms / "dist" / "lforms" / "fhir" / build.RELEASE / "lformsFHIR.min.js").unlink()
    assert build.main(["--out", str(tmp_path / "site"), "--lforms", str(lforms)]) == 2
    assert "lformsFHIR.min.js: missing from the lforms package" in capsys.readouterr().err


def test_the_page_loads_the_fhir_release_the_questionnaires_are_written_in() -> None:
    page = (build.PAGE / "index.html").read_text(encoding="utf-8")
    script = (build.PAGE / "previsit.js").read_text(encoding="utf-8")
    assert f'src="lforms/fhir/{build.RELEASE}/lformsFHIR.min.js"' in page
    assert f'var RELEASE = "{build.RELEASE}";' in script
    assert all(f'src="lforms/{name}"' in page for name in build.LFORMS_FILES if name.endswith(".js"))
