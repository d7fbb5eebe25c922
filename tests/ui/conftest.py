"""GUI fixtures: a kiosk window per test with its own output folder and clinic settings."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from patient_driver import Patient

from intake.eligibility.policy import load_rules
from intake.questionnaire.form import Form
from intake.settings import Settings
from intake.store.visits import VisitStore
from intake.ui.app import MainWindow
from intake.ui.theme import apply_theme


@pytest.fixture
def open_kiosk(qtbot, qapp, form: Form, tmp_path: Path) -> Callable[..., tuple[MainWindow, Patient]]:
    """A shown kiosk window and the patient who will use it; settings may be overridden."""

    def make(store: VisitStore | None = None, **overrides: object) -> tuple[MainWindow, Patient]:
        defaults = {} if store is not None else {"output_dir": tmp_path / "summaries"}
        settings = Settings(**{**defaults, **overrides})
        apply_theme(qapp)
        window = MainWindow(settings, form, load_rules(settings.policy), store)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window, Patient(window)

    return make


@pytest.fixture
def kiosk(open_kiosk) -> tuple[MainWindow, Patient]:
    return open_kiosk()
