"""GUI fixtures: a kiosk window per test with its own output folder and clinic settings."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from patient_driver import Patient
from staff_driver import ADMIN_PIN, STAFF_PIN

from audit_keys import AUDIT_KEY
from intake.app.desk import Desk
from intake.app.station import Station
from intake.eligibility.policy import load_rules
from intake.questionnaire.form import Form
from intake.settings import Settings
from intake.store.database import open_database
from intake.store.staff import Role
from intake.store.stores import Stores
from intake.ui.app import MainWindow
from intake.ui.theme import apply_theme


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[Stores]:
    """An encrypted store with an admin (`maria`) and a member of staff (`bob`)."""
    opened = Stores.on(open_database(None, "test passphrase", tmp_path / "visits.db"), AUDIT_KEY)
    opened.staff.add("maria", "María Ó", Role.ADMIN, ADMIN_PIN)
    opened.staff.add("bob", "Bob Front-Desk", Role.STAFF, STAFF_PIN)
    yield opened
    opened.database.close()


@pytest.fixture
def open_kiosk(qtbot, qapp, form: Form, tmp_path: Path) -> Callable[..., tuple[MainWindow, Patient]]:
    """A shown kiosk window and the patient who will use it; settings may be overridden."""

    def make(
        stores: Stores | None = None, translations: dict[str, Form] | None = None, **overrides: object
    ) -> tuple[MainWindow, Patient]:
        """`translations`: the form in other languages (`Station.translations`); none by default."""
        defaults = {} if stores is not None else {"output_dir": tmp_path / "summaries"}
        settings = Settings(**{**defaults, **overrides})
        apply_theme(qapp)
        station = Station(
            stores, form, settings, load_rules(settings.policy), tmp_path / "settings.yaml", translations=translations or {}
        )
        window = MainWindow(Desk(station))
        qtbot.addWidget(window)
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window, Patient(window)

    return make


@pytest.fixture
def kiosk(open_kiosk) -> tuple[MainWindow, Patient]:
    return open_kiosk()
