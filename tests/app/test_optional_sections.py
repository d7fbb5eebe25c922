"""Optional sections follow the setting the form names for them, with no section named in code."""

from __future__ import annotations

import pytest

from intake.app.optional_sections import switched_on
from intake.app.visit import Visit
from intake.questionnaire.form import Form
from intake.settings import Settings


def _with_midas_switched_by(form: Form, setting: str) -> Form:
    data = form.model_dump()
    (section,) = [section for section in data["sections"] if section["id"] == "midas"]
    section["setting"] = setting
    return Form.model_validate(data)


def test_the_shipped_midas_section_follows_the_midas_setting(form) -> None:
    assert form.settings_used == {"midas"}
    assert switched_on(Settings(), form) == frozenset()
    assert switched_on(Settings(midas=True), form) == {"midas"}


def test_a_section_switched_by_another_bool_setting_needs_no_code(form, us_rules) -> None:
    renamed = _with_midas_switched_by(form, "alert_sound")
    assert switched_on(Settings(midas=True), renamed) == frozenset()
    on = switched_on(Settings(alert_sound=True), renamed)
    assert on == {"alert_sound"}
    assert "midas" in [section.id for section in Visit(renamed, us_rules, on).sections()]


@pytest.mark.parametrize("setting", ["telehealth", "clinic_name", "model_config"])
def test_a_setting_that_is_not_a_bool_on_the_settings_never_switches_a_section_on(form, us_rules, setting) -> None:
    renamed = _with_midas_switched_by(form, setting)
    on = switched_on(Settings(midas=True, clinic_name="Harbour"), renamed)
    assert on == frozenset()
    assert "midas" not in [section.id for section in Visit(renamed, us_rules, on).sections()]
