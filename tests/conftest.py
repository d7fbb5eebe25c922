"""Shared fixtures: the shipped form and policies, the vignettes, and answer builders."""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterator
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # before any QApplication exists

import pytest
from argon2.profiles import CHEAPEST
from hypothesis import settings as hypothesis_settings

from cases import vignette
from intake.eligibility import Assessment, RuleSet, evaluate, load_rules
from intake.questionnaire.form import Form
from intake.questionnaire.loader import default_form, default_form_languages
from intake.questionnaire.response import parse_response
from intake.store import staff
from intake.translation_files import compile_all
from postgres_server import PostgresUnavailable, throwaway_postgres


def pytest_sessionstart(session: pytest.Session) -> None:
    """The compiled translations, fresh from their sources, as `./run test` makes them (pytest may run alone).

    Under pytest-xdist only the controlling process compiles, before it starts the workers:
    workers compiling into the source tree at once would let one read a `.mo` another is writing.
    """
    if "PYTEST_XDIST_WORKER" not in os.environ:
        compile_all()


# CI replays the same examples every run, so a red build is reproducible locally with CI=true.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    hypothesis_settings.load_profile("ci")


@pytest.fixture(autouse=True)
def _private_user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep every test away from the developer's real settings and data."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("PYTHON_KEYRING_BACKEND", "keyring.backends.fail.Keyring")


@pytest.fixture(scope="session", autouse=True)
def _cheap_pin_hashing() -> Iterator[None]:
    """PINs hashed and checked with argon2 at its lowest cost for the whole run.

    The real cost (about 100 ms a hash, on purpose) made the accounts in fixtures and every
    sign-in the suite's largest expense. tests/store/test_staff.py checks the real parameters.
    """
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(staff, "pin_hashing", staff.PinHashing.made_with(CHEAPEST))
        yield


@pytest.fixture
def umask_022() -> Iterator[None]:
    """The usual umask, under which a file made without care is 0644 and a folder 0755."""
    previous = os.umask(0o022)
    yield
    os.umask(previous)


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    """A throwaway PostgreSQL cluster for the run (initdb + pg_ctl on a private Unix socket); skipped where none is installed."""
    try:
        with throwaway_postgres() as url:
            yield url
    except PostgresUnavailable as reason:
        pytest.skip(str(reason))


@pytest.fixture(scope="session")
def form() -> Form:
    return default_form()


@pytest.fixture(scope="session")
def form_languages() -> dict[str, Form]:
    """The shipped form in each of its languages, English first."""
    return default_form_languages()


@pytest.fixture(scope="session")
def us_rules() -> RuleSet:
    return load_rules("us-payer")


@pytest.fixture(scope="session")
def nice_rules() -> RuleSet:
    return load_rules("nice-ta260")


@pytest.fixture
def v01() -> dict[str, Any]:
    """V01 (classic REFER under both policies) as a base to vary one answer at a time."""
    return vignette("V01")


@pytest.fixture(scope="session")
def assess(form: Form) -> Callable[..., Assessment]:
    """Validate a response dict and assess it under a policy name."""

    def run(data: dict[str, Any], policy: str = "us-payer") -> Assessment:
        return evaluate(parse_response(data, form), load_rules(policy), form)

    return run


@pytest.fixture
def import_vignette(tmp_path, capsys, monkeypatch) -> Callable[[str], str]:
    """`intake import` a vignette's response file (the database key from the environment); its visit id."""
    from intake.cli import main

    monkeypatch.setenv("INTAKE_DB_KEY", "cli test passphrase")

    def run(vignette_id: str) -> str:
        path = tmp_path / f"{vignette_id}.json"
        path.write_text(json.dumps(vignette(vignette_id)), encoding="utf-8")
        assert main(["import", str(path)]) == 0
        return capsys.readouterr().out.strip()

    return run
