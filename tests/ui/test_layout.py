"""The patient's screens at tablet and desktop sizes: nothing cut off, nothing too tall,
problems you can't miss, the review by section, and no red-flag sign for the patient."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from patient_driver import Patient, tap, visible_texts
from PySide6.QtCore import QPoint, QRect
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget

from cases import vignette
from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.app import MainWindow
from intake.ui.section_page import SectionPage

V01 = vignette("V01")["answers"]
MAX_SCREENS = 2.5
"""Measured on its own below: its height is the medicine rows', not the page's."""
INK_INSET = 5
"""Pixels inside a button's edge where its border has ended (borders are at most 4 px)."""
ROOM_TO_SPARE = 200


def _open(open_kiosk, stores, width: int, height: int, **settings: object) -> tuple[MainWindow, Patient]:
    window, patient = open_kiosk(stores, **settings)
    window.resize(width, height)
    QApplication.processEvents()
    return window, patient


def _pages(patient: Patient, answers: dict) -> Iterator[QWidget]:
    """Start, then each page of the visit, answered, until the review, which comes last."""
    patient.start()
    while not patient.on_review():
        patient.answer_page(answers)
        yield patient.page()
        patient.next_page()
    yield patient.wizard.review


def _cut_off(window: MainWindow) -> list[str]:
    """Shown widgets of the window whose right edge lies beyond the window's width."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisible():
            continue
        right = widget.mapTo(window, QPoint(widget.width(), 0)).x()
        if right > window.width():
            found.append(f"{widget.objectName() or type(widget).__name__} ends at {right}")
    return found


def _on_screen(page: SectionPage, widget: QWidget) -> QRect:
    """Where `widget` is, in the page's viewport."""
    return QRect(widget.mapTo(page.viewport(), QPoint(0, 0)), widget.size())


@pytest.mark.parametrize("size", [(800, 1280), (1280, 800), (1024, 768)], ids=lambda size: f"{size[0]}x{size[1]}")
def test_every_patient_screen_fits_the_width_with_staff_mode_present(open_kiosk, stores, size) -> None:
    window, patient = _open(open_kiosk, stores, *size)
    assert window.staff is not None
    assert window.minimumSizeHint().width() <= 800
    assert window.width() == size[0]
    assert _cut_off(window) == []
    for page in _pages(patient, V01):
        assert _cut_off(window) == [], page.objectName()
        assert window.minimumSizeHint().width() <= 800, page.objectName()


def _settle(page) -> None:
    """Let the event loop turn once: a row folded on the last tap shrinks on the next frame."""
    QTest.qWait(20)
    page.settle()


def test_v01_pages_are_at_most_two_and_a_half_screens_tall_at_1280x800(open_kiosk, stores) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800)
    heights = {}
    for page in _pages(patient, V01):
        _settle(page)
        heights[page.objectName()] = page.widget().height() / page.viewport().height()
    assert "section-red_flags-3" in heights and "review" in heights
    assert {name: round(screens, 2) for name, screens in heights.items() if screens > MAX_SCREENS} == {}


def test_v01_preventive_medicines_fit_two_and_a_half_screens(open_kiosk, stores) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800)
    patient.advance_to("preventives", V01)
    patient.answer_page(V01)
    page = patient.page()
    _settle(page)
    assert page.widget().height() <= MAX_SCREENS * page.viewport().height()


def test_refused_next_lists_the_problems_and_each_link_finds_its_question(open_kiosk, stores) -> None:
    window, patient = _open(open_kiosk, stores, 1280, 800)
    patient.start()
    patient.answer("sex_at_birth", "female")
    patient.next()
    page = patient.page()
    problems = patient.problems()
    assert set(problems) == {"given_name", "family_name", "date_of_birth", "pregnant", "breastfeeding"}
    summary = page.summary
    assert summary.isVisible() and summary.title.text() == ENGLISH.problems_summary(5) == "5 answers need attention"
    assert [link.caption_text() for link in summary.links.values()] == [
        page.blocks[key].question.text for key in ("given_name", "family_name", "date_of_birth", "pregnant", "breastfeeding")
    ]
    first_message = page.blocks["given_name"].error
    nav_top = patient.wizard.nav.mapTo(window, QPoint(0, 0)).y()
    assert first_message.mapTo(window, QPoint(0, first_message.height())).y() <= nav_top
    assert page.viewport().rect().contains(_on_screen(page, first_message))

    tap(summary.links["breastfeeding"])
    block = page.blocks["breastfeeding"]
    assert block.isAncestorOf(window.focusWidget())
    assert page.viewport().rect().contains(_on_screen(page, block.error))
    assert not _on_screen(page, block.error).intersects(_on_screen(page, page.more_below)) or page.more_below.isHidden()

    patient.answer("pregnant", "no")
    assert summary.title.text() == "4 answers need attention" and "pregnant" not in summary.links


def test_one_problem_is_counted_in_the_singular(open_kiosk, stores) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800)
    patient.start()
    patient.answer_page({key: value for key, value in V01.items() if key != "breastfeeding"})
    patient.next()
    assert patient.page().summary.title.text() == "1 answer needs attention"


def test_review_has_one_card_and_one_edit_per_section(open_kiosk, stores) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800)
    patient.reach_review(V01)
    review = patient.wizard.review
    sections = [section.id for section in patient.wizard.visit.sections()]
    assert list(review.cards) == sections and list(review.edit_buttons) == sections
    edits = [button for button in review.findChildren(QAbstractButton) if button.isVisible()]
    assert len(edits) == len(sections)
    assert review.findChild(QWidget, "answer-rf_cancer").text() == "No"
    assert review.cards["red_flags"].isAncestorOf(review.findChild(QWidget, "answer-rf_cancer"))

    tap(review.edit_buttons["red_flags"])
    walked = []
    while not patient.on_review():
        walked.append((patient.page().objectName(), patient.wizard.next_button.text()))
        patient.next()
    assert walked == [
        ("section-red_flags-1", "Next"),
        ("section-red_flags-2", "Next"),
        ("section-red_flags-3", ENGLISH.BACK_TO_REVIEW),
    ]


def test_red_flags_come_in_three_pages_of_at_most_five(open_kiosk, stores) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800)
    patient.advance_to("red_flags", V01)
    parts = []
    while _in_red_flags(patient):
        parts.append((len(patient.page().visible_blocks()), patient.wizard.progress_text.text()))
        patient.answer_page(V01)
        patient.next_page()
    assert parts == [
        (5, "Section 7 of 7 · part 1 of 3"),
        (5, "Section 7 of 7 · part 2 of 3"),
        (4, "Section 7 of 7 · part 3 of 3"),
    ]


def _in_red_flags(patient: Patient) -> bool:
    page = patient.wizard.current_page()
    return page is not None and page.section.id == "red_flags"


def _accessible_texts(window: MainWindow) -> set[str]:
    texts = set(visible_texts(window))
    texts |= {widget.accessibleName() for widget in window.findChildren(QWidget) if widget.isVisible()}
    texts |= {widget.accessibleDescription() for widget in window.findChildren(QWidget) if widget.isVisible()}
    return texts


def test_a_yes_to_a_red_flag_changes_nothing_the_patient_sees_or_hears(open_kiosk, stores, qtbot) -> None:
    window, patient = _open(open_kiosk, stores, 800, 1280)
    patient.advance_to("red_flags", V01)
    before = _accessible_texts(window)
    with qtbot.waitSignal(patient.wizard.staff_alert, timeout=1000):
        patient.answer("rf_thunderclap", "yes")
    after = _accessible_texts(window)
    assert after == before
    for text in after:
        for word in ("notified", "●", "flag", "urgent"):
            assert word not in text.lower()


def _leave_red_flags(patient: Patient, answers: dict) -> None:
    while _in_red_flags(patient) and not patient.wizard.on_hold:
        patient.answer_page(answers)
        patient.next()


def test_leaving_the_red_flags_with_a_flag_set_asks_for_a_hold(open_kiosk, stores, qtbot) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800, midas=True)
    patient.advance_to("red_flags", V01)
    flagged = V01 | {"rf_thunderclap": "yes"}
    patient.answer_page(flagged)
    patient.next()
    patient.answer_page(flagged)
    patient.next()
    last = patient.page()
    with qtbot.waitSignal(patient.wizard.hold_requested, timeout=1000) as hold:
        patient.answer_page(flagged)
        patient.next()
    assert hold.args == [patient.wizard.visit.visit_id]
    assert patient.page() is last and patient.wizard.on_hold

    patient.wizard.continue_after_hold()
    assert not patient.wizard.on_hold and patient.page().section.id == "midas"


def test_a_flag_raised_elsewhere_also_holds_at_the_end_of_the_red_flags(open_kiosk, stores, qtbot) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800)
    patient.advance_to("red_flags", V01 | {"date_of_birth": "1950-01-15", "onset_age": 60})
    with qtbot.waitSignal(patient.wizard.hold_requested, timeout=1000):
        _leave_red_flags(patient, V01)
    patient.wizard.continue_after_hold()
    assert patient.on_review()


def test_a_flag_taken_back_leaves_the_red_flags_without_a_hold(open_kiosk, stores, qtbot) -> None:
    _window, patient = _open(open_kiosk, stores, 1280, 800)
    patient.advance_to("red_flags", V01)
    patient.answer("rf_thunderclap", "yes")
    patient.answer("rf_thunderclap", "no")
    with qtbot.assertNotEmitted(patient.wizard.hold_requested):
        _leave_red_flags(patient, V01)
    assert patient.on_review()


def test_the_help_button_asks_for_the_front_desk(open_kiosk, stores, qtbot) -> None:
    _window, patient = _open(open_kiosk, stores, 800, 1280)
    patient.start()
    help_button = patient.wizard.help_button
    assert help_button.isVisible() and help_button.height() >= 48
    with qtbot.waitSignal(patient.wizard.help_requested, timeout=1000) as asked:
        tap(help_button)
    assert asked.args == [patient.wizard.visit.visit_id]
    assert patient.page().section.id == "about_you"


THEMES = [(False, False), (True, False), (False, True), (True, True)]
THEME_IDS = ["kiosk", "large-text", "high-contrast", "large-high-contrast"]


@pytest.mark.parametrize(("large_text", "high_contrast"), THEMES, ids=THEME_IDS)
def test_list_rows_and_inputs_are_touch_sized_in_every_theme(open_kiosk, stores, large_text, high_contrast) -> None:
    _window, patient = _open(open_kiosk, stores, 800, 1280, large_text=large_text, high_contrast=high_contrast)
    patient.start()
    date_input = patient.page().blocks["date_of_birth"].input
    tap(date_input.month)
    view = date_input.month.view()
    assert view.isVisible()
    rows = [view.visualRect(view.model().index(row, 0)).height() for row in range(view.model().rowCount())]
    least = 60 if large_text else 48
    assert min(rows) >= least
    assert date_input.day.height() >= least and patient.page().blocks["given_name"].input.line.height() >= least


def _ink_width(button: QAbstractButton) -> int:
    """How wide the label's ink is, as drawn inside the button's border at its size now."""
    image = button.grab().toImage()
    inset = INK_INSET * round(image.width() / button.width())
    background = image.pixelColor(inset, image.height() // 2)
    columns = [
        x
        for x in range(inset, image.width() - inset)
        for y in range(inset, image.height() - inset, 2)
        if abs(image.pixelColor(x, y).lightness() - background.lightness()) > 96
    ]
    return max(columns) - min(columns)


@pytest.mark.parametrize(("large_text", "high_contrast"), THEMES, ids=THEME_IDS)
def test_a_chosen_display_toggle_keeps_its_whole_label(open_kiosk, stores, large_text, high_contrast) -> None:
    """The label is as wide on the button as it is with room to spare: nothing is cut off."""
    window, _patient = _open(open_kiosk, stores, 800, 1280, large_text=large_text, high_contrast=high_contrast)
    for button in (window.welcome.large_text_button, window.welcome.high_contrast_button):
        if not button.isChecked():
            tap(button)
        assert button.isChecked()
        as_laid_out = _ink_width(button)
        button.resize(button.width() + ROOM_TO_SPARE, button.height())
        assert as_laid_out == _ink_width(button), button.text()
