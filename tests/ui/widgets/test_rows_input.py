"""Medicine rows: a finished row folds to one line, a row with problems stays open."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from patient_driver import fill, tap
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from intake.questionnaire.form import Form
from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.theme import apply_theme
from intake.ui.widgets.factory import make_block
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowCard, RowsInput


@pytest.fixture(autouse=True)
def uk_locale():
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedKingdom))


@pytest.fixture
def rows_of(qtbot, form: Form, us_rules) -> Iterator[Callable[[str], RowsInput]]:
    """Shows a group question's block and gives its rows input (the block stays alive for the test)."""
    shown: list[QuestionBlock] = []

    def show(group: str) -> RowsInput:
        apply_theme(QApplication.instance())
        block = make_block(form.question(group), us_rules.catalog, ENGLISH)
        qtbot.addWidget(block)
        block.resize(800, 1200)
        block.show()
        qtbot.waitExposed(block)
        block.activateWindow()
        qtbot.waitUntil(block.isActiveWindow)
        shown.append(block)
        assert isinstance(block.input, RowsInput)
        return block.input

    yield show


def add_row(rows: RowsInput, answers: dict) -> RowCard:
    tap(rows.add_button)
    row = rows.rows[-1]
    for field_id, value in answers.items():
        fill(row.blocks[field_id], value)
    return row


def shown_fields(row: RowCard) -> list[str]:
    return [field_id for field_id, block in row.blocks.items() if block.isVisible()]


def test_done_folds_a_finished_row_to_one_line_and_edit_opens_it(qtbot, rows_of) -> None:
    rows = rows_of("preventives")
    row = add_row(rows, {"medicine": "topiramate", "weeks": 12, "outcome": "ineffective"})
    assert row.done.isVisible() and not row.edit.isVisible()
    tap(row.done)
    assert row.summary.isVisible()
    assert row.summary.text() == "Topiramate · 12 weeks · It didn't help enough"
    assert shown_fields(row) == []
    assert row.edit.isVisible() and row.remove.isVisible() and not row.done.isVisible()
    assert rows.value() == [{"medicine": "topiramate", "weeks": 12, "outcome": "ineffective"}]
    tap(row.edit)
    assert not row.summary.isVisible()
    assert shown_fields(row) == ["medicine", "weeks", "outcome", "dose", "started", "stopped"]
    assert QApplication.focusWidget() is row.blocks["medicine"].input.line


def test_the_summary_is_built_from_the_form_wording(qtbot, rows_of) -> None:
    acute = rows_of("acute_medicines")
    row = add_row(acute, {"medicine": "ibuprofen", "days_per_month": 5})
    tap(row.done)
    assert row.summary.text() == "Ibuprofen · 5 days a month"
    preventives = rows_of("preventives")
    row = add_row(preventives, {"medicine": "Aimovig", "outcome": "helped", "dose": "70 mg", "started": "2024-03"})
    tap(row.done)
    assert row.summary.text() == "Aimovig · It helped · Dose: 70 mg · Started: March 2024"


def test_done_on_an_unfinished_row_keeps_it_open_and_says_what_is_missing(qtbot, rows_of) -> None:
    rows = rows_of("preventives")
    row = add_row(rows, {"weeks": 12})
    tap(row.done)
    assert not row.folded and not row.summary.isVisible()
    assert row.blocks["medicine"].problem == "Please fill in “Medicine name”, or remove this row."
    assert row.blocks["outcome"].problem == "Please choose one answer, or remove this row."
    assert QApplication.focusWidget() is row.blocks["medicine"].input.line
    fill(row.blocks["medicine"], "propranolol")
    assert row.blocks["medicine"].problem == ""
    assert row.blocks["outcome"].problem
    fill(row.blocks["outcome"], "not_tolerated")
    tap(row.done)
    assert row.folded


def test_adding_a_row_folds_finished_rows_only(qtbot, rows_of) -> None:
    rows = rows_of("acute_medicines")
    finished = add_row(rows, {"medicine": "ibuprofen", "days_per_month": 5})
    unfinished = add_row(rows, {"medicine": "sumatriptan"})
    assert finished.folded and finished.summary.isVisible()
    tap(rows.add_button)
    assert not unfinished.folded
    assert shown_fields(unfinished) == ["medicine", "days_per_month"]
    assert len(rows.rows) == 3


def test_problems_shown_by_the_page_unfold_the_row(qtbot, rows_of) -> None:
    rows = rows_of("acute_medicines")
    first = add_row(rows, {"medicine": "ibuprofen", "days_per_month": 5})
    second = add_row(rows, {"medicine": "naproxen", "days_per_month": 2})
    tap(second.done)
    assert first.folded and second.folded
    rows.show_problems("acute_medicines", {"acute_medicines[1].days_per_month": "Please check this number."})
    assert first.folded
    assert not second.folded
    assert second.blocks["days_per_month"].isVisible()
    assert second.blocks["days_per_month"].problem == "Please check this number."


def test_a_folded_row_can_be_removed(qtbot, rows_of) -> None:
    rows = rows_of("acute_medicines")
    add_row(rows, {"medicine": "ibuprofen", "days_per_month": 5})
    add_row(rows, {"medicine": "naproxen", "days_per_month": 2})
    with qtbot.waitSignal(rows.edited, timeout=1000):
        tap(rows.rows[0].remove)
    assert rows.value() == [{"medicine": "naproxen", "days_per_month": 2}]


def test_stopped_is_hidden_and_cleared_while_still_taking(qtbot, rows_of) -> None:
    rows = rows_of("preventives")
    row = add_row(rows, {"medicine": "topiramate", "outcome": "helped", "stopped": "2023-05"})
    assert row.blocks["stopped"].isVisible()
    assert rows.value()[0]["stopped"] == "2023-05"
    with qtbot.waitSignal(rows.edited, timeout=1000):
        fill(row.blocks["outcome"], "still_taking")
    assert not row.blocks["stopped"].isVisible()
    assert rows.value() == [{"medicine": "topiramate", "outcome": "still_taking"}]
    fill(row.blocks["outcome"], "ineffective")
    assert row.blocks["stopped"].isVisible()
    assert row.blocks["stopped"].value() is None
    assert rows.input_problems("preventives") == {}


def test_a_hidden_field_leaves_the_summary_and_the_checks(qtbot, rows_of) -> None:
    rows = rows_of("preventives")
    row = add_row(rows, {"medicine": "candesartan", "outcome": "still_taking"})
    stopped: QuestionBlock = row.blocks["stopped"]
    assert not stopped.isVisible()
    tap(row.done)
    assert row.summary.text() == "Candesartan · I'm still taking it"
    tap(row.edit)
    assert "stopped" not in shown_fields(row)


def test_adding_a_row_opens_no_stray_window(qtbot, rows_of) -> None:
    rows = rows_of("preventives")
    windows = {widget for widget in QApplication.topLevelWidgets() if widget.isVisible()}
    tap(rows.add_button)
    assert {widget for widget in QApplication.topLevelWidgets() if widget.isVisible()} == windows
    assert rows.window().isActiveWindow()
