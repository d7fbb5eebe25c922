"""The wheel works anywhere: built, installed into a fresh venv, run from an empty folder.

What a clinic's IT person does with `pip install`. The installed app must read its own
copy of the form, policies, fonts, theme and compiled translations, never the clone it
was built from: every command runs from an empty folder, and nothing it prints may name
a path in the clone.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from cases import vignette
from intake.paths import PROJECT_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("wheel")]  # one worker builds the wheel, once

PROBE = """
import json, intake
from intake.paths import FORMS_DIR, RESOURCES_DIR
from intake.translations import translations
print(json.dumps({"package": intake.__file__, "forms": str(FORMS_DIR), "resources": str(RESOURCES_DIR),
                  "spanish": type(translations("patient", "es")).__name__}))
"""
"""Where the installed package finds its data, and whether Spanish comes from a compiled catalog."""


def _untracked() -> str:
    return subprocess.run(["git", "status", "--porcelain", "--untracked-files=all"], cwd=PROJECT_ROOT,
                          capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def venv(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv (the base interpreter of the one running the tests) with only the wheel and its dependencies."""
    work = tmp_path_factory.mktemp("wheel")
    before = _untracked()
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", str(work / "dist"),
                    str(PROJECT_ROOT)], check=True, timeout=300)
    assert _untracked() == before, "building the wheel leaves nothing untracked in the clone (no build/)"
    wheel = next((work / "dist").glob("headache_intake-*.whl"))
    subprocess.run([sys.executable, "-m", "venv", str(work / "venv")], check=True, timeout=120)
    subprocess.run([str(work / "venv" / "bin" / "python"), "-m", "pip", "install", "--quiet", str(wheel)],
                   check=True, timeout=900)
    return work / "venv"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """The empty working folder every command runs from."""
    (tmp_path / "empty").mkdir()
    return tmp_path / "empty"


@pytest.fixture
def run(venv: Path, folder: Path):
    """Run one of the venv's programs from the empty folder, as a clinic's terminal user."""
    env = {key: value for key, value in os.environ.items() if key not in ("PYTHONPATH", "VIRTUAL_ENV")}
    env |= {"PATH": f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}", "QT_QPA_PLATFORM": "offscreen",
            "INTAKE_DB_KEY": "test passphrase", "INTAKE_ADMIN_PIN": "482193"}

    def run_program(*args: str) -> subprocess.CompletedProcess[str]:
        done = subprocess.run([str(venv / "bin" / args[0]), *args[1:]], cwd=folder, env=env,
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        assert str(PROJECT_ROOT) not in done.stdout + done.stderr, "the installed app reads the clone"
        return done

    return run_program


def test_the_installed_package_has_its_own_forms_resources_and_compiled_translations(run, venv) -> None:
    found = json.loads(run("python", "-c", PROBE).stdout)
    for key in ("package", "forms", "resources"):
        assert Path(found[key]).is_relative_to(venv), key
    assert found["spanish"] == "GNUTranslations"
    site = Path(found["package"]).parent
    assert (site / "store" / "migrations" / "script.py.mako").is_file()


def test_the_commands_work_from_an_empty_folder(run, venv, folder) -> None:
    assert run("intake", "validate-form").stdout.startswith(f"{venv}")
    (folder / "V01.json").write_text(json.dumps(vignette("V01")), encoding="utf-8")
    assert run("intake", "assess", "V01.json").stdout.startswith("Outcome: REFER\n")
    run("intake", "report", "V01.json", "-o", "summary.pdf")
    assert (folder / "summary.pdf").read_bytes().startswith(b"%PDF")
    run("intake", "export-form", "-o", "questionnaire.json")
    assert json.loads((folder / "questionnaire.json").read_text(encoding="utf-8"))["resourceType"] == "Questionnaire"


def test_the_kiosk_shows_its_window_and_quits(run) -> None:
    run("intake-kiosk", "--quit-after-show")
