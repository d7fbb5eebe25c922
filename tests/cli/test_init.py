"""The `intake` command as a package: `assess` stays light, and its modules import without a cycle."""

from __future__ import annotations

import argparse
import ast
import json
import pkgutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import intake.cli
from cases import vignette
from intake.paths import PROJECT_ROOT

CLI_DIR = Path(intake.cli.__file__).parent
MODULES = sorted(module.name for module in pkgutil.iter_modules([str(CLI_DIR)]) if module.name != "__main__")

HEAVY = ("sqlalchemy", "alembic", "reportlab", "PySide6", "argon2", "fhir")
"""What `intake assess` never needs: the database, PDFs, Qt, PIN hashing, FHIR models."""


def _loaded_modules(importtime_log: str) -> set[str]:
    """Module names from `python -X importtime` (each line ends `| <indent>name`)."""
    return {line.rsplit("|", 1)[1].strip() for line in importtime_log.splitlines() if line.startswith("import time:")}


def test_assess_loads_no_heavy_library(tmp_path) -> None:
    path = tmp_path / "v01.json"
    path.write_text(json.dumps(vignette("V01")), encoding="utf-8")
    done = subprocess.run([sys.executable, "-X", "importtime", "-m", "intake.cli", "assess", str(path), "--json"],
                          capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["outcome"] == "REFER"
    loaded = _loaded_modules(done.stderr)
    assert "intake.cli.assess" in loaded, "the log names what was imported"
    assert sorted(name for name in loaded if any(name == heavy or name.startswith(f"{heavy}.") for heavy in HEAVY)) == []


@pytest.mark.parametrize("module", MODULES)
def test_each_module_imports_alone_and_the_parser_builds(module) -> None:
    probe = f"import intake.cli.{module}\nfrom intake.cli import build_parser\nbuild_parser().parse_args(['assess', 'x.json'])"
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, timeout=60, cwd=PROJECT_ROOT)
    assert done.returncode == 0, done.stderr


def _cli_imports(module: str) -> set[str]:
    """The `intake.cli` modules `module` imports, at the top or inside a function; "" is the package itself."""
    tree = ast.parse((CLI_DIR / f"{module}.py").read_text(encoding="utf-8"))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module == "intake.cli":
            found |= {alias.name if alias.name in MODULES else "" for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("intake.cli."):
            found.add(node.module.removeprefix("intake.cli."))
        elif isinstance(node, ast.Import):
            found |= {alias.name.removeprefix("intake.cli.") for alias in node.names if alias.name.startswith("intake.cli.")}
            found |= {"" for alias in node.names if alias.name == "intake.cli"}
    return found


def test_no_command_module_imports_the_package_and_none_import_in_a_circle() -> None:
    """A module importing `intake.cli` back gets a half-built package (or, run as `-m`, another copy of it)."""
    imports = {module: _cli_imports(module) for module in MODULES}
    assert {module: found for module, found in imports.items() if "" in found} == {}
    done: set[str] = set()

    def visit(module: str, path: tuple[str, ...]) -> None:
        assert module not in path, f"import cycle: {' -> '.join((*path, module))}"
        if module not in done:
            for imported in imports[module]:
                visit(imported, (*path, module))
            done.add(module)

    for module in imports:
        visit(module, ())


def _parsers(parser: argparse.ArgumentParser, name: str = "intake") -> Iterator[tuple[str, argparse.ArgumentParser]]:
    yield name, parser
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for command, sub in action.choices.items():
                yield from _parsers(sub, f"{name} {command}")


def _undocumented(parser: argparse.ArgumentParser) -> list[str]:
    """Each option and argument without help, and each subcommand the list of commands shows without a line."""
    missing = []
    for action in parser._actions:
        if not isinstance(action, argparse._SubParsersAction):
            missing += [] if action.help else [action.dest]
        else:
            described = {choice.dest for choice in action._choices_actions if choice.help}
            missing += [f"{command} (no line in the list)" for command in action.choices if command not in described]
    return missing


def test_every_option_argument_and_subcommand_has_help() -> None:
    found = {name: _undocumented(parser) for name, parser in _parsers(intake.cli.build_parser())}
    assert {name: missing for name, missing in found.items() if missing} == {}


def test_the_help_gives_the_exit_statuses(capsys) -> None:
    with pytest.raises(SystemExit):
        intake.cli.build_parser().parse_args(["--help"])
    assert "Exit status: 0 done" in " ".join(capsys.readouterr().out.split())


@pytest.mark.parametrize(("option", "values"), [
    (["visits", "list"], "--status STATUS only visits in this status: in_progress, unfinished, finished"),
    (["export"], "--fhir [{R4,R5}] R5 (default) or R4"),
    (["report"], "--paper {a4,letter} paper size: a4 or letter"),
])
def test_an_option_with_fixed_values_lists_them(capsys, option, values) -> None:
    with pytest.raises(SystemExit):
        intake.cli.build_parser().parse_args([*option, "--help"])
    assert values in " ".join(capsys.readouterr().out.split())
