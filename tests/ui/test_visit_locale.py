"""Month names and date order follow the visit's language, never the machine's alone."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
from PySide6.QtCore import QLocale

from intake.questionnaire.patient_wording import ENGLISH, wording_for
from intake.ui.visit_locale import visit_locale
from intake.ui.widgets.date_input import DateInput
from intake.ui.widgets.date_parts import locale_order, spoken_date
from intake.ui.widgets.month_input import MonthInput


@pytest.fixture
def machine_locale(monkeypatch: pytest.MonkeyPatch) -> Iterator[object]:
    """Sets the machine's locale as LANG does at start-up (Qt reads LANG once, into the default)."""
    before = QLocale()

    def set_to(name: str) -> None:
        monkeypatch.setenv("LANG", f"{name}.UTF-8")
        QLocale.setDefault(QLocale(name))

    yield set_to
    QLocale.setDefault(before)


def _months(widget: MonthInput | DateInput) -> list[str]:
    return [widget.month.itemText(index) for index in range(1, 4)]


def test_a_spanish_visit_names_spanish_months_on_an_english_machine(qtbot, machine_locale) -> None:
    machine_locale("en_US")
    widget = MonthInput(wording_for("es"))
    qtbot.addWidget(widget)
    assert _months(widget) == ["enero", "febrero", "marzo"]
    assert widget.month.itemText(0) == "Mes"
    assert locale_order(visit_locale(wording_for("es"))) == "dmy"


def test_an_english_visit_names_english_months_on_a_spanish_machine(qtbot, machine_locale) -> None:
    machine_locale("es_ES")
    widget = DateInput(ENGLISH)
    qtbot.addWidget(widget)
    assert _months(widget) == ["January", "February", "March"]
    assert widget.month.itemText(0) == "Month"


def test_the_machines_country_stays_when_it_speaks_the_visits_language(machine_locale) -> None:
    machine_locale("en_GB")
    assert locale_order(visit_locale(ENGLISH)) == "dmy", "a British clinic keeps day-month-year"
    machine_locale("en_US")
    assert locale_order(visit_locale(ENGLISH)) == "mdy"
    machine_locale("es_MX")
    assert visit_locale(wording_for("es")).name() == "es_MX"


def test_spoken_dates_in_each_language(machine_locale) -> None:
    machine_locale("en_US")
    assert spoken_date(date(1990, 3, 7), visit_locale(ENGLISH)) == "March 7, 1990"
    assert spoken_date(date(1990, 3, 7), visit_locale(wording_for("es"))) == "7 de marzo de 1990"
