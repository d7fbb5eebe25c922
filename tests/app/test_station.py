"""The station: one transaction for a change and its audit row; settings for the next visit."""

from __future__ import annotations

import logging

import pytest
from commit_together import NEW_ID, Bench, audit_entries, refuse
from sqlalchemy.exc import IntegrityError

from intake.app.station import Station
from intake.settings import Settings
from intake.store.audit import Action
from intake.store.stores import Stores

DRAFT = {"form": "headache-intake", "authored": "2026-11-24", "answers": {}}


class Refused(Exception):
    pass


def test_a_change_and_its_audit_row_are_kept_together(station: Station, stores: Stores) -> None:
    with station.audited(Action.STARTED, "kiosk", NEW_ID, "2026.1", subject="bob") as transaction:
        transaction.visits.create(NEW_ID, DRAFT)
    [row] = stores.audit.rows()
    assert (row.staff_id, row.action, row.visit_id, row.rules_version, row.subject) == (
        "kiosk", "started", NEW_ID, "2026.1", "bob",
    )
    assert stores.visits.get(NEW_ID).summary.status == "in_progress"


def test_a_block_that_raises_keeps_neither(station: Station, stores: Stores) -> None:
    with pytest.raises(Refused), station.audited(Action.STARTED, "kiosk", NEW_ID) as transaction:
        transaction.visits.create(NEW_ID, DRAFT)
        raise Refused
    assert stores.visits.list() == [] and stores.audit.rows() == []


def test_an_audit_row_the_database_refuses_takes_the_change_with_it(bench: Bench) -> None:
    refuse(bench, "INSERT", "audit")
    with pytest.raises(IntegrityError), bench.station.audited(Action.STARTED, "kiosk", NEW_ID) as transaction:
        transaction.visits.create(NEW_ID, DRAFT)
    assert NEW_ID not in [visit.id for visit in bench.stores.visits.list()]
    assert audit_entries(bench) == []


def test_use_cases_that_need_the_database_say_so_without_one(form, us_rules) -> None:
    station = Station(None, form, Settings(), us_rules)
    with pytest.raises(RuntimeError, match="needs the visits database"):
        station.required_stores()
    with pytest.raises(RuntimeError, match="needs the visits database"), station.audited(Action.SIGNED_OUT, "maria"):
        pass


def test_new_settings_bring_their_policys_rules(station: Station) -> None:
    station.use_settings(Settings(policy="nice-ta260", clinic_name="Clinique du Lac"))
    assert (station.settings.clinic_name, station.rules.policy.name) == ("Clinique du Lac", "nice-ta260")


def test_a_policy_that_cannot_be_loaded_keeps_the_previous_rules(station: Station, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="intake.app.station"):
        station.use_settings(Settings(policy="no-such-policy", clinic_name="Clinique du Lac"))
    assert station.rules.policy.name == "us-payer"
    assert (station.settings.policy, station.settings.clinic_name) == ("no-such-policy", "Clinique du Lac")
    assert "policy could not be loaded" in caplog.text


def test_a_patient_reads_the_form_in_any_language_it_is_written_in(form, us_rules) -> None:
    spanish = form.model_copy(update={"language": "es", "title": "Cuestionario"})
    station = Station(None, form, Settings(), us_rules, translations={"en": form, "es": spanish})
    assert station.languages == ("en", "es")
    assert station.form_in("es").title == "Cuestionario"
    assert station.form_in("en") is form
    with pytest.raises(KeyError):
        station.form_in("fr")
