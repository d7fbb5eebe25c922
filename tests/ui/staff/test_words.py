"""The staff screens read every word through the `staff` domain, in the staff language.

A tiny `staff.po` for a test language (Esperanto, which Babel knows and the app does not
ship) is compiled by the project's own build step and installed where the words module
reads its catalog; with the staff language switched to it, the screens built afterwards
speak it, plurals included, while English stays the default and the source of every id.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel

from intake.app.alerts import Alerts
from intake.app.amending import AmendmentRefused, note_text
from intake.app.queue_days import DayChoice, Days
from intake.app.records import VisitSummary
from intake.app.review_queue import QueueView
from intake.translations import SOURCE_LANGUAGE
from intake.ui.staff import words
from intake.ui.staff.audit_screen import count_words
from intake.ui.staff.local_dates import month_title, short_date
from intake.ui.staff.queue_screen import QueueScreen, queue_title
from intake.ui.staff.settings_screen import SettingsScreen
from intake.ui.staff.visit_screen import VisitScreen
from intake.ui.staff.visit_words import help_text, refusal_words, status_and_marks
from staff_catalog import TEST_LANGUAGE, ids_not_in_template, install_staff_catalog

CATALOG = r'''
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"
"Language: eo\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\n"

msgid "Sign out"
msgstr "Elsaluti"

msgid "Open"
msgstr "Malfermi"

msgid "Open the selected visit"
msgstr "Malfermi la elektitan viziton"

msgid "Started"
msgstr "Komencita"

msgid "Visits on {day}"
msgstr "Vizitoj je {day}"

msgid "Clinic name"
msgstr "Nomo de la kliniko"

msgid "{count} row."
msgid_plural "{count} rows."
msgstr[0] "{count} vico."
msgstr[1] "{count} vicoj."

msgid "All visits"
msgstr "Ĉiuj vizitoj"

msgid "(no name yet)"
msgstr "(ankoraŭ sen nomo)"

msgid "Asked for help: {names}"
msgid_plural "Asked for help: {names}"
msgstr[0] "Petis helpon: {names}"
msgstr[1] "Petis helpon: {names}"

msgid "In progress"
msgstr "Daŭranta"

msgid "Back to list"
msgstr "Reen al la listo"

msgid "Print the summary"
msgstr "Presi la resumon"

msgid "More actions ▾"
msgstr "Pliaj agoj ▾"

msgid "Clinician notes"
msgstr "Notoj de la kuracisto"

msgid "More below ↓"
msgstr "Pli sube ↓"

msgid "{month} {year}"
msgstr "{year} {month}"

msgid "At most {most} characters, please (this has {length})."
msgstr "Maksimume {most} signoj, mi petas (ĉi tiu havas {length})."
'''


@pytest.fixture
def test_language(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The staff screens in the test language."""
    install_staff_catalog(CATALOG, tmp_path, monkeypatch)
    monkeypatch.setattr(words, "staff_language", lambda: TEST_LANGUAGE)
    return TEST_LANGUAGE


def test_the_test_catalog_translates_only_sentences_the_template_has() -> None:
    """Ids the code no longer says would make this test pass for nothing."""
    assert ids_not_in_template(CATALOG) == set()


def test_the_staff_screens_are_english_by_default(qtbot) -> None:
    assert words.staff_language() == SOURCE_LANGUAGE
    screen = QueueScreen()
    qtbot.addWidget(screen)
    assert screen.sign_out_button.text() == "Sign out" and screen.open_button.accessibleName() == "Open the selected visit"


def test_the_queue_screen_reads_its_words_in_the_staff_language(qtbot, test_language) -> None:
    screen = QueueScreen()
    qtbot.addWidget(screen)
    assert screen.sign_out_button.text() == "Elsaluti"
    assert (screen.open_button.text(), screen.open_button.accessibleName()) == ("Malfermi", "Malfermi la elektitan viziton")
    assert screen.table.horizontalHeaderItem(0).text() == "Komencita"
    assert screen.accounts_button.text() == "Accounts", "a sentence the catalog lacks stays English"
    day = date(2026, 11, 2)
    assert queue_title(DayChoice.PICKED, Days(day, day)) == f"Vizitoj je {short_date(day)}"


def test_plurals_follow_the_languages_own_rule(test_language) -> None:
    assert (count_words(1, 1), count_words(3, 3)) == ("1 vico.", "3 vicoj.")


def test_the_settings_screen_shows_the_models_titles_translated(qtbot, test_language) -> None:
    screen = SettingsScreen()
    qtbot.addWidget(screen)
    assert screen.field("clinic_name").accessibleName() == "Nomo de la kliniko"
    assert "Nomo de la kliniko" in {label.text() for label in screen.findChildren(QLabel)}


def test_the_settings_screen_says_more_below_in_the_staff_language(qtbot, test_language) -> None:
    screen = SettingsScreen()
    qtbot.addWidget(screen)
    assert [cue.text() for cue in screen.findChildren(QLabel, "more-below")] == ["Pli sube ↓"]


def test_the_visit_screen_reads_its_words_in_the_staff_language(qtbot, form, test_language) -> None:
    screen = VisitScreen(form)
    qtbot.addWidget(screen)
    assert (screen.back_button.text(), screen.print_button.accessibleName()) == ("Reen al la listo", "Presi la resumon")
    assert screen.more.toggle.text() == "Pliaj agoj ▾"
    assert screen.tabs.tabText(2) == "Notoj de la kuracisto"


def test_the_app_words_a_staff_screen_shows_are_translated_where_shown(qtbot, test_language) -> None:
    """The queue's views keep their value as item data; a visit's status and the help line are the staff language's."""
    screen = QueueScreen()
    qtbot.addWidget(screen)
    assert (screen.view.itemText(0), screen.view.itemData(0)) == ("Ĉiuj vizitoj", QueueView.ALL)
    moment = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
    nameless = VisitSummary("h", moment, None, "in_progress", None, False, None, None, 0, help_requested=True)
    assert status_and_marks(nameless) == "Daŭranta\nAsked for help", "a sentence the catalog lacks stays English"
    assert help_text(Alerts(help=(nameless,))) == "Petis helpon: (ankoraŭ sen nomo)"


def test_a_months_title_takes_the_order_of_the_staff_language(test_language) -> None:
    assert month_title(2026, 11, QLocale("en_US")) == "2026 November"


def test_why_a_note_was_refused_is_said_in_the_staff_language(test_language) -> None:
    with pytest.raises(AmendmentRefused) as refused:
        note_text("x" * 4001)
    assert str(refused.value) == "At most 4000 characters, please (this has 4001).", "the app's own words stay English"
    assert refusal_words(refused.value) == "Maksimume 4000 signoj, mi petas (ĉi tiu havas 4001)."
