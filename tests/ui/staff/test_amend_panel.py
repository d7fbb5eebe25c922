"""Amending an answer from the visit screen, as staff do it: pick the row, give the new
answer in the kiosk's own input, say why, and read the summary made again."""

from __future__ import annotations

import io

import pytest
from patient_driver import tap, type_into, visible_texts
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QRegion
from PySide6.QtTest import QTest
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from cases import vignette
from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.staff.amend_panel import AMEND, AnswersTab
from intake.ui.staff.queue_screen import OUTCOME
from intake.ui.staff.visit_screen import VisitScreen
from intake.ui.widgets.number_input import NumberInput
from intake.ui.widgets.option_cards import OptionCards

REASON = "Patient misread the question"


@pytest.fixture
def opened(open_kiosk, stores, add_visit):
    """Bob has V01 open on the visit screen."""
    visit_id = add_visit("V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    return desk, visit_id


def answers_tab(screen: VisitScreen) -> AnswersTab:
    tab = screen.findChild(AnswersTab)
    assert tab is not None
    return tab


def select_answer(screen: VisitScreen, question_label: str) -> None:
    table = screen.answers
    row = next(row for row in range(table.rowCount()) if table.item(row, 0).text() == question_label)
    table.scrollToItem(table.item(row, 0))
    QTest.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                     table.visualItemRect(table.item(row, 0)).center())
    assert table.currentRow() == row


def _answer_shown(screen: VisitScreen, question_label: str) -> str:
    table = screen.answers
    return next(table.item(row, 1).text() for row in range(table.rowCount()) if table.item(row, 0).text() == question_label)


def _text(pdf: bytes | None) -> str:
    assert pdf is not None
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def test_staff_amend_the_selected_answer_and_the_summary_shows_it(opened, stores, form) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    desk.open_tab("Answers")
    label = form.question("headache_days").label
    select_answer(screen, label)
    tab = answers_tab(screen)
    tap(tab.amend_button)
    panel = tab.panel
    assert panel.isVisible() and not screen.answers.isVisible()
    assert panel.question.currentText().startswith(label), "the selected row's question is picked"
    assert panel.now.text() == "Now: 22 days a month"
    assert panel.block is not None and isinstance(panel.block.input, NumberInput)
    type_into(panel.block.input.line, "14")
    type_into(panel.reason, REASON)
    tap(panel.save_button)
    assert not panel.message.isVisible(), panel.message.text()
    assert screen.answers.isVisible() and _answer_shown(screen, label) == "14 days a month"
    assert screen.notice.text() == f"Answer amended: “{label}”. The summary was made again with the amendment."
    stored = stores.visits.get(visit_id)
    assert stored.response["answers"]["headache_days"] == 14 and stored.summary.outcome != "REFER"
    assert screen.shown_pdf == stored.pdf
    assert f"{label} 22 days a month → 14 days a month {REASON}" in _text(screen.shown_pdf)
    assert "REFER" not in screen.facts.text()
    assert [(row.staff_id, row.action) for row in stores.audit.rows()][-1] == ("bob", "amended")
    assert desk.area.queue.table.item(0, OUTCOME).text() == "✗ NOT ELIGIBLE", "the queue re-read the visit"


def test_a_choice_is_amended_with_the_kiosks_cards(opened, stores, form) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    desk.open_tab("Answers")
    select_answer(screen, form.question("rf_thunderclap").label)
    tab = answers_tab(screen)
    tap(tab.amend_button)
    cards = tab.panel.block.input
    assert isinstance(cards, OptionCards)
    tap(cards.button_for("yes"))
    type_into(tab.panel.reason, "Told the nurse about a sudden severe headache")
    tap(tab.panel.save_button)
    assert stores.visits.get(visit_id).summary.outcome == "URGENT_REVIEW"
    assert "URGENT" in screen.facts.text()


def test_what_to_fix_is_said_and_nothing_changes_until_it_is(opened, stores, form) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    before = stores.visits.get(visit_id)
    desk.open_tab("Answers")
    select_answer(screen, form.question("headache_days").label)
    tab = answers_tab(screen)
    tap(tab.amend_button)
    panel = tab.panel
    tap(panel.save_button)
    assert panel.message.isVisible() and panel.message.text() == "Give the new answer, or tick “No answer”."
    type_into(panel.block.input.line, "45")
    tap(panel.save_button)
    assert panel.message.text() == ENGLISH.out_of_range(form.question("headache_days")) == panel.block.problem
    type_into(panel.block.input.line, "18")
    tap(panel.save_button)
    assert panel.message.text() == "Say why the answer is changed."
    assert stores.visits.get(visit_id) == before
    assert "amended" not in [row.action for row in stores.audit.rows()]


def test_no_answer_clears_it(opened, stores, form) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    label = form.question("migraine_days").label
    desk.open_tab("Answers")
    select_answer(screen, label)
    tab = answers_tab(screen)
    tap(tab.amend_button)
    tap(tab.panel.clear_answer)
    assert not tab.panel.block.isEnabled()
    type_into(tab.panel.reason, "Patient was not sure")
    tap(tab.panel.save_button)
    assert "migraine_days" not in stores.visits.get(visit_id).response["answers"]
    assert f"{label} 12 days a month → not answered" in _text(screen.shown_pdf)


def test_the_rules_the_cli_applies_refuse_the_amendment_naming_the_question(opened, stores, form) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    before = stores.visits.get(visit_id)
    desk.open_tab("Answers")
    select_answer(screen, form.question("sex_at_birth").label)
    tab = answers_tab(screen)
    tap(tab.amend_button)
    tap(tab.panel.block.input.button_for("male"))
    type_into(tab.panel.reason, "Recorded in error")
    tap(tab.panel.save_button)
    assert tab.panel.message.text().startswith("This answer conflicts with “Pregnant or could be”")
    assert tab.panel.isVisible(), "staff stay on the form to fix it"
    assert stores.visits.get(visit_id) == before
    assert "amended" not in [row.action for row in stores.audit.rows()]


def test_cancel_and_leaving_the_visit_forget_what_was_typed(opened, form) -> None:
    desk, _visit_id = opened
    screen = desk.area.visit
    desk.open_tab("Answers")
    tab = answers_tab(screen)
    tap(tab.amend_button)
    assert not screen.header.isVisible() and not screen.tabs.tabBar().isVisible(), "the form has the screen"
    assert tab.panel.title.text() == f"Amend an answer: {screen.title.text()}"
    type_into(tab.panel.reason, "half typed")
    tap(tab.panel.cancel_button)
    assert screen.answers.isVisible() and tab.panel.reason.text() == ""
    assert screen.header.isVisible() and screen.tabs.tabBar().isVisible()
    tap(tab.amend_button)
    type_into(tab.panel.reason, "half typed again")
    desk.area.sign_out()
    assert tab.panel.reason.text() == "" and tab.panel.question.count() == 0 and tab.panel.block is None
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    assert screen.header.isVisible() and screen.tabs.tabBar().isVisible()
    assert "half typed again" not in visible_texts(desk.window)


def test_an_unfinished_visit_offers_no_amending(open_kiosk, stores) -> None:
    stores.visits.create("20261125-080000-aaaaaa", {"form": "headache-intake", "authored": "2026-11-25",
                                                   "answers": {"given_name": "Zoë", "family_name": "Ng"}})
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    desk.open_row(0)
    desk.open_tab("Answers")
    assert not answers_tab(desk.area.visit).amend_button.isVisible()
    assert AMEND not in visible_texts(window)


def _alerts_above(stores) -> None:
    """A red flag left unfinished and a patient asking for help: both bars above every staff screen."""
    for visit_id, given, flagged in (("20261125-081500-cccccc", "Maya", True), ("20261125-082000-dddddd", "Ivan", False)):
        draft = {"form": "headache-intake", "authored": "2026-11-25", "answers": {"given_name": given, "family_name": "Okafor"}}
        stores.visits.create(visit_id, draft)
        if flagged:
            stores.visits.set_aside(visit_id, draft, True)
        else:
            stores.visits.request_help(visit_id, draft, False)


@pytest.mark.parametrize("size", [(800, 1280), (1280, 800)], ids=["portrait", "landscape"])
def test_save_stays_in_sight_above_the_keyboard_while_the_reason_is_typed(open_kiosk, stores, add_visit, form, size) -> None:
    """Both alert bars up and the keys taking a third of the screen or more: the form scrolls, Save and Cancel do not."""
    add_visit("V01")
    _alerts_above(stores)
    window, _patient = open_kiosk(stores=stores, on_screen_keyboard="always")
    window.resize(*size)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.area.queue.alert_bar.isVisible() and desk.area.queue.help_bar.isVisible()
    desk.open_row(desk.queue_names().index(" ".join(vignette("V01")["answers"][key] for key in ("given_name", "family_name"))))
    screen = desk.area.visit
    desk.open_tab("Answers")
    select_answer(screen, form.question("headache_days").label)
    tab = answers_tab(screen)
    tap(tab.amend_button)
    tap(tab.panel.reason)
    QTest.qWait(20)
    assert window.keyboard.isVisible() and tab.panel.reason.hasFocus()
    keys_top = window.keyboard.mapTo(window, window.keyboard.rect().topLeft()).y()
    reason = tab.panel.reason
    assert reason.visibleRegion().boundingRect().height() == reason.height(), "the reason is in sight"
    for button in (tab.panel.save_button, tab.panel.cancel_button):
        assert button.visibleRegion() == QRegion(button.rect())
        assert button.mapTo(window, button.rect().bottomLeft()).y() < keys_top
