"""Clinician notes on the visit screen, as staff write them: typed in their tab, listed there,
printed at the end of a finished visit's summary, audited without their text."""

from __future__ import annotations

import io

import pytest
from patient_driver import tap, visible_texts
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk
from touch_staff import TouchStaff

from intake.report.wording import NOTES_TITLE
from intake.ui.staff.notes_tab import NotesTab
from intake.ui.staff.visit_screen import VisitScreen

NOTE = "Called the GP: blood pressure 128/82."


def notes_tab(screen: VisitScreen) -> NotesTab:
    tab = screen.findChild(NotesTab)
    assert tab is not None
    return tab


def write(tab: NotesTab, text: str) -> None:
    """"New note…" when the list shows, then the text into the box."""
    if tab.currentWidget() is not tab.form_page:
        tap(tab.write_button)
    for line_number, line in enumerate(text.split("\n")):
        if line_number:
            QTest.keyClick(tab.editor, Qt.Key.Key_Return)
        QTest.keyClicks(tab.editor, line)
    QApplication.processEvents()


def _tab_titles(screen: VisitScreen) -> list[str]:
    return [screen.tabs.tabText(index) for index in range(screen.tabs.count())]


@pytest.fixture
def opened(open_kiosk, stores, add_visit):
    visit_id = add_visit("V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    return desk, visit_id


def test_a_note_is_listed_and_printed_at_the_end_of_the_summary(opened, stores) -> None:
    desk, visit_id = opened
    screen = desk.area.visit
    assert _tab_titles(screen) == ["Summary", "Answers", "Clinician notes"]
    desk.open_tab("Clinician notes")
    tab = notes_tab(screen)
    assert tab.none_yet.isVisible() and tab.notes.rowCount() == 0
    write(tab, f"{NOTE}\nNo visual aura.")
    tap(tab.add_button)
    assert screen.notice.text() == "Note added. It is printed at the end of the summary."
    assert tab.notes.item(0, 0).text().endswith("\nBob Front-Desk (bob)")
    assert tab.notes.item(0, 1).text() == f"{NOTE}\nNo visual aura."
    assert tab.editor.toPlainText() == "" and not tab.none_yet.isVisible()
    assert _tab_titles(screen)[2] == "Clinician notes (1)"
    stored = stores.visits.get(visit_id)
    assert screen.shown_pdf == stored.pdf
    last_page = " ".join(PdfReader(io.BytesIO(stored.pdf)).pages[-1].extract_text().split())
    assert NOTES_TITLE in last_page and f"Bob Front-Desk (bob) {NOTE} No visual aura." in last_page
    row = stores.audit.rows()[-1]
    assert (row.staff_id, row.action, row.visit_id) == ("bob", "note_added", visit_id)
    assert not any("128/82" in str(value) for value in vars(row).values())


def test_an_empty_note_is_refused(opened, stores) -> None:
    desk, _visit_id = opened
    screen = desk.area.visit
    desk.open_tab("Clinician notes")
    tab = notes_tab(screen)
    write(tab, "   ")
    tap(tab.add_button)
    assert tab.message.isVisible() and tab.message.text() == "The note is empty."
    assert "note_added" not in [row.action for row in stores.audit.rows()]


def test_notes_are_counted_when_the_visit_opens_and_what_was_typed_is_forgotten_on_leaving(opened, stores) -> None:
    desk, _visit_id = opened
    screen = desk.area.visit
    desk.open_tab("Clinician notes")
    tab = notes_tab(screen)
    write(tab, NOTE)
    tap(tab.add_button)
    write(tab, "half a second note")
    desk.area.sign_out()
    assert tab.editor.toPlainText() == "" and tab.notes.rowCount() == 0
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    assert _tab_titles(screen)[2] == "Clinician notes (1)", "counted before the tab is opened"
    desk.open_tab("Clinician notes")
    assert tab.currentWidget() is tab.list_page
    assert "half a second note" not in visible_texts(desk.window)


def test_the_note_form_has_the_screen_until_cancelled(opened, stores) -> None:
    """Under the alerts only the form, naming the patient; Cancel gives the visit back, nothing kept."""
    desk, _visit_id = opened
    screen = desk.area.visit
    desk.open_tab("Clinician notes")
    tab = notes_tab(screen)
    write(tab, "not this one")
    assert not screen.header.isVisible() and not screen.tabs.tabBar().isVisible()
    assert tab.form_title.text() == f"New note: {screen.title.text()}"
    tap(tab.cancel_button)
    assert screen.header.isVisible() and screen.tabs.tabBar().isVisible() and screen.print_button.isVisible()
    assert tab.currentWidget() is tab.list_page and tab.none_yet.isVisible()
    assert "note_added" not in [row.action for row in stores.audit.rows()]
    write(tab, "")
    assert tab.editor.toPlainText() == "", "what was typed before Cancel is gone"


def test_a_note_on_an_unfinished_visit_is_kept_with_its_answers(open_kiosk, stores) -> None:
    stores.visits.create("20261125-080000-aaaaaa", {"form": "headache-intake", "authored": "2026-11-25",
                                                   "answers": {"given_name": "Zoë", "family_name": "Ng"}})
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    desk.open_row(0)
    screen = desk.area.visit
    desk.open_tab("Clinician notes")
    tab = notes_tab(screen)
    write(tab, "Patient left; will call back.")
    tap(tab.add_button)
    assert screen.notice.text() == "Note added. It is kept with the visit's answers."
    assert tab.notes.item(0, 1).text() == "Patient left; will call back."
    assert stores.visits.get("20261125-080000-aaaaaa").pdf is None


def test_a_note_is_typed_on_the_on_screen_keys_with_its_button_in_sight(open_kiosk, stores, add_visit) -> None:
    """A tablet with no keyboard: the note box brings up the keys, and "Add the note" stays above them."""
    add_visit("V01")
    window, _patient = open_kiosk(stores=stores, on_screen_keyboard="always")
    window.resize(800, 1280)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    desk.open_tab("Clinician notes")
    tab = notes_tab(desk.area.visit)
    fingers = TouchStaff(window)
    fingers.tap(tab.write_button)
    fingers.write(tab.editor, "Seen")
    fingers.close()
    assert window.keyboard.isVisible() and window.keyboard.panel.layout_name == "letters"
    keys_top = window.keyboard.mapTo(window, window.keyboard.rect().topLeft()).y()
    button = tab.add_button
    assert not button.visibleRegion().isEmpty() and button.mapTo(window, button.rect().bottomLeft()).y() < keys_top
    tap(button)
    assert [note.text for note in stores.notes.of_visit(desk.area.visit.visit.summary.id)] == ["Seen"]
