"""Use-case fixtures: a station on a real encrypted database, and the visits and accounts
a clinic would already have.

One database serves the whole run and is emptied before each test: opening SQLCipher and
hashing PINs with argon2 are slow on purpose, so the two accounts (`maria`, an admin, and
`bob`) are made once and put back as they were before every test.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from commit_together import ADMIN_PIN, FINISHED_ID, MARIA, OPEN_ID, STAFF_PIN, UNFINISHED_ID, Bench, Printer

from audit_keys import AUDIT_KEY
from cases import vignette
from intake.app.desk import Desk
from intake.app.finishing import FinishedVisit, assess_and_render
from intake.app.optional_sections import switched_on
from intake.app.staff_desk import StaffDesk
from intake.app.station import Station
from intake.app.visit import Visit
from intake.questionnaire.form import Form
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.database import open_database
from intake.store.staff import Role, StaffStore
from intake.store.stores import Stores
from reused_database import ReusedDatabase


@pytest.fixture(scope="session")
def _accounts_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReusedDatabase]:
    database = open_database(None, "app test passphrase", tmp_path_factory.mktemp("app-store") / "visits.db")
    accounts = StaffStore(database)
    accounts.add(MARIA.id, MARIA.name, MARIA.role, ADMIN_PIN)
    accounts.add("bob", "Bob Front-Desk", Role.STAFF, STAFF_PIN)
    yield ReusedDatabase(database)
    database.close()


@pytest.fixture
def stores(_accounts_database: ReusedDatabase) -> Stores:
    """No visits, no audit rows, no refusing triggers; the two accounts (and the flag that
    an admin was made) as first made; no recovery file."""
    return Stores.on(_accounts_database.fresh(), AUDIT_KEY)


@pytest.fixture
def station(stores: Stores, form: Form, form_languages: dict[str, Form], us_rules, tmp_path: Path) -> Station:
    """A station as shipped: the form in each of its languages."""
    return Station(stores, form, Settings(), us_rules, tmp_path / "config" / "settings.yaml", translations=form_languages)


@pytest.fixture
def desk(station: Station) -> Desk:
    """The kiosk's own desk."""
    return Desk(station)


@pytest.fixture
def maria(station: Station) -> StaffDesk:
    """The admin's desk, as if she had signed in."""
    return StaffDesk(station, MARIA)


@pytest.fixture(scope="session")
def finished_v01(form: Form) -> FinishedVisit:
    """V01 assessed and rendered once for the run (the PDF takes a while)."""
    return assess_and_render(FINISHED_ID, parse_response(vignette("V01"), form), form, Settings())


def store_finished(stores: Stores, finished: FinishedVisit) -> None:
    stores.visits.finish(finished.visit_id, finished.response.to_json_dict(), finished.assessment.to_json_dict(), finished.pdf)


@pytest.fixture
def bench(
    stores: Stores, station: Station, desk: Desk, maria: StaffDesk, finished_v01: FinishedVisit,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> Bench:
    """A clinic mid-morning: one visit finished, one in progress (with an answer typed since
    its last save), one set aside; nothing audited yet."""
    store_finished(stores, finished_v01)
    in_progress = Visit(station.form, station.rules, switched_on(station.settings, station.form), visit_id=OPEN_ID)
    stores.visits.create(OPEN_ID, in_progress.draft())
    in_progress.set_answer("given_name", "Zoë")
    stores.visits.create(UNFINISHED_ID, in_progress.draft())
    stores.visits.set_aside(UNFINISHED_ID, in_progress.draft(), False)
    return Bench(stores, station, desk, maria, tmp_path, finished_v01, in_progress, Printer(), monkeypatch)
