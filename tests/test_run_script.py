"""`./run`: the app and `intake` start in the caller's folder; `./run test` says what it installs and why.

A copy of the script in a project of stand-ins: a venv already set up whose programs only
write down where they ran and with what, a `dpkg-query` that finds every system package
installed (or none), and for the runs as root an `id` and an `apt-get` of the same kind,
so nothing is installed and each test takes a second.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from intake.paths import PROJECT_ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="./run is a bash script (Linux and macOS)")

STAND_IN = """#!/bin/sh
printf '%s|%s|%s\\n' "$(basename "$0")" "$(pwd)" "$*" >> "$RUN_LOG"
"""


def _stand_in(path: Path, text: str = STAND_IN) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o755)


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project folder holding `run`, with its venv set up for this pyproject.toml."""
    root = tmp_path / "proj"
    root.mkdir()
    shutil.copy2(PROJECT_ROOT / "run", root / "run")
    shutil.copy2(PROJECT_ROOT / "pyproject.toml", root / "pyproject.toml")
    for program in ("python", "intake", "lint-imports", "ruff", "mypy"):
        _stand_in(root / ".venv" / "bin" / program)
    stamp = hashlib.sha256((root / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (root / ".venv" / f".installed-{stamp}").touch()
    (root / "tests" / "cli").mkdir(parents=True)
    (root / "tests" / "browser" / "node_modules").mkdir(parents=True)
    lock = root / "tests" / "browser" / "package-lock.json"
    lock.write_text("{}\n", encoding="utf-8")
    (lock.parent / "node_modules" / f".installed-{hashlib.sha256(lock.read_bytes()).hexdigest()[:16]}").touch()
    _stand_in(tmp_path / "bin" / "dpkg-query", "#!/bin/sh\nprintf 'install ok installed'\n")
    return root


def _as_root_with_nothing_installed(project: Path) -> None:
    bin_dir = project.parent / "bin"
    _stand_in(bin_dir / "dpkg-query", "#!/bin/sh\nexit 1\n")
    _stand_in(bin_dir / "id", "#!/bin/sh\necho 0\n")
    _stand_in(bin_dir / "apt-get")


def _run(project: Path, *args: str) -> tuple[list[list[str]], str]:
    """`../proj/run ARGS` from a folder of the caller's: each stand-in run as [program, folder, arguments], and stderr."""
    caller = project.parent / "caller"
    caller.mkdir(exist_ok=True)
    log = project.parent / "log"
    env = {**os.environ, "RUN_LOG": str(log), "PATH": f"{project.parent / 'bin'}{os.pathsep}{os.environ['PATH']}"}
    done = subprocess.run(["../proj/run", *args], cwd=caller, env=env, capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return [line.split("|") for line in log.read_text(encoding="utf-8").splitlines()], done.stderr


def test_run_intake_keeps_the_callers_folder(project) -> None:
    caller = str(project.parent / "caller")
    assert _run(project, "intake", "export-form", "-o", "q.json") == ([["intake", caller, "export-form -o q.json"]], "")


def test_run_starts_the_app_in_the_callers_folder_and_compiles_the_translations_in_the_projects(project) -> None:
    caller = str(project.parent / "caller")
    assert _run(project, "--windowed") == ([
        ["python", str(project), "-m intake.translation_files compile"],
        ["python", caller, f"{project / 'main.py'} --windowed"],
    ], "")


def test_run_test_says_what_it_installs_and_why_one_line_a_group(project) -> None:
    _as_root_with_nothing_installed(project)
    ran, said = _run(project, "test", "tests/cli")
    assert [line.split(":")[0] for line in said.splitlines() if line.startswith("Installing")] == [
        "Installing Qt's shared libraries (offscreen, and a real window on X11)",
        "Installing PostgreSQL, for the store tests on a throwaway server of their own",
    ]
    [apt_install] = [args for program, _, args in ran if program == "apt-get" and args.startswith("install")]
    assert "postgresql" in apt_install.split() and "libreoffice-calc-nogui" not in apt_install.split()
    assert ran[-1] == ["python", str(project), "-m pytest -n auto --dist loadgroup tests/cli"], "a worker a core; args last"


def test_libreoffice_is_installed_only_for_the_tests_that_open_csv_in_it_and_says_so(project) -> None:
    _as_root_with_nothing_installed(project)
    _ran, said = _run(project, "test")
    [line] = [line for line in said.splitlines() if "libreoffice" in line]
    assert line == (
        "Installing LibreOffice Calc, to check that exported CSV opens with names intact "
        "(tests/interop/test_csv_export.py): libreoffice-calc-nogui"
    )


def test_without_root_run_test_says_what_to_install_and_installs_nothing(project) -> None:
    _as_root_with_nothing_installed(project)
    _stand_in(project.parent / "bin" / "id", "#!/bin/sh\necho 1000\n")
    ran, said = _run(project, "test", "tests/cli")
    postgres = "PostgreSQL, for the store tests on a throwaway server of their own"
    assert f"note: {postgres}: missing (sudo apt-get install postgresql)" in said.splitlines()
    assert not [program for program, _, _ in ran if program == "apt-get"]
