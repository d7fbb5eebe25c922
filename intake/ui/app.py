"""Starting the Qt application, and the kiosk window that runs one visit after another."""

from __future__ import annotations

import argparse
import gc
import importlib
import importlib.util
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QRect, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut, QWindow
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox, QWidget

from intake.app.kiosk_languages import offered_languages, starting_language
from intake.localized import file_languages
from intake.paths import FORM_FILE
from intake.questionnaire.patient_wording import ENGLISH, PatientWording, wording_for
from intake.settings_file import read_welcome_settings
from intake.ui.clipboard import clear_clipboard
from intake.ui.current_page_stack import CurrentPageStack
from intake.ui.launch_options import EXIT_NO_DISPLAY, kiosk_options, missing_display, no_display_lines
from intake.ui.source_lines import keep_few_sources
from intake.ui.staff.words import _
from intake.ui.theme import apply_theme
from intake.ui.welcome import WelcomeScreen
from intake.ui.widgets.styling import discard
from intake.yamlfile import DataFileError

if TYPE_CHECKING:
    from intake.app.desk import Desk, FinishResult
    from intake.app.finishing import FinishedVisit
    from intake.app.records import StoredVisit
    from intake.app.station_memory import StationMemory
    from intake.app.visit import Visit
    from intake.eligibility.policy import RuleSet
    from intake.questionnaire.form import Form
    from intake.questionnaire.response import Response
    from intake.settings import KeyboardMode, Settings
    from intake.ui.help_screen import HelpScreen
    from intake.ui.hold_screen import HoldScreen
    from intake.ui.idle import IdleWatch
    from intake.ui.keyboard.dock import KeyboardDock
    from intake.ui.language_button import LanguageButton
    from intake.ui.paused import PausedScreen
    from intake.ui.staff.area import StaffArea
    from intake.ui.still_there import StillThereScreen
    from intake.ui.summary_maker import SummaryMaker
    from intake.ui.thank_you import ThankYouScreen
    from intake.ui.visit_release import ReleaseWatch
    from intake.ui.wizard import PatientWizard

# The first frame imports only what the welcome screen shows. What comes after it is imported
# where it is first used, after that frame: the form, the rules and the store (pydantic,
# SQLAlchemy) and the other patient screens (when the kiosk is made ready), staff mode with
# QtPdf (when it opens).

log = logging.getLogger(__name__)

DESKTOP_ID = "org.headacheintake.HeadacheIntake"
"""The installed `.desktop` entry's name (packaging/linux/): how a Wayland dock matches the window to its icon and menu entry."""


def window_title(clinic_name: str) -> str:
    """What a window list or a task bar names the kiosk by (staff words: a patient never sees it)."""
    # Translators: the kiosk window's title; {clinic} is the clinic's name.
    return _("{clinic} - intake").format(clinic=clinic_name)


@dataclass(frozen=True)
class Opening:
    """What the welcome screen shows: the clinic, its display defaults, the languages offered and
    the one each visit starts in."""

    clinic_name: str
    large_text: bool
    high_contrast: bool
    languages: tuple[str, ...]
    language: str

    @classmethod
    def read(cls) -> Opening:
        """From the settings file and the form's languages, neither checked yet (`intake.settings_file`):
        all the first frame needs. `DataFileError` when the form file cannot be read."""
        settings = read_welcome_settings()
        offered = offered_languages(file_languages(FORM_FILE))
        language = starting_language(settings.language, offered)
        return cls(settings.clinic_name, settings.large_text, settings.high_contrast, offered, language)

    @classmethod
    def of(cls, desk: Desk) -> Opening:
        settings = desk.settings
        return cls(settings.clinic_name, settings.large_text, settings.high_contrast, desk.languages, desk.default_language)


class MainWindow(QMainWindow):
    """Patient mode (welcome -> questionnaire -> thank you) and, behind a sign-in, staff mode.

    Each visit gets new widgets, destroyed when it ends or times out, so nothing one
    patient typed can reappear for the next. Staff mode opens from a long press on the
    clinic name (on the thank-you and help screens, which show none: a long press anywhere)
    or Ctrl+Shift+S and always returns to where the patient was, or, when staff continue a
    visit not finished with its patient, to that visit's questionnaire. Only a
    signed-in person in staff mode can close the window: patient mode refuses it.

    Every patient screen is in one language at a time (`language`, `words`): the clinic's
    at the welcome screen, the patient's choice from there on, back to the clinic's after
    each visit. A language button on each patient screen switches it at any point.
    """

    staff_alert = Signal(str)
    """A visit id: a red-flag answer was just given (for the staff screens)."""
    visit_finished = Signal(object)
    """The `FinishedVisit` (response, assessment, PDF) for the store and staff screens."""
    summary_failed = Signal(str)
    """A visit id: its answers are kept but its summary could not be made (for the staff screens)."""

    def __init__(self, start: Desk | Opening) -> None:
        """`start`: a desk that is ready, and the kiosk is complete at once; or what the welcome screen
        shows, and the window is that screen until `attach` gives it its desk (`run_app`: the first
        frame paints before the form, the rules and the store are loaded)."""
        super().__init__()
        opening = start if isinstance(start, Opening) else Opening.of(start)
        self._opening = opening
        self._desk: Desk | None = None
        self._staff: StaffArea | None = None
        self._dock: KeyboardDock | None = None
        self.wizard: PatientWizard | None = None
        self.unsaved: list[FinishedVisit | Response] = []
        """Visits neither the store nor the summaries folder could keep, held in memory for staff."""
        self._quit_allowed = False
        self._patient_page: QWidget | None = None
        self._held_visit_id: str | None = None
        self._new_visit_on_sign_in = False
        self._start_when_ready = False
        self.language = opening.language
        self.words: PatientWording = wording_for(self.language)
        self.setWindowTitle(window_title(opening.clinic_name))
        self.pages = CurrentPageStack()
        self.welcome = WelcomeScreen(opening.clinic_name, self.words)
        self.welcome.start_requested.connect(self.start_visit)
        self.welcome.display_changed.connect(self._apply_display)
        self.welcome.language_chosen.connect(self._use_language)
        self.pages.addWidget(self.welcome)
        self.welcome.offer_languages(self.offered_languages, self.language)
        self.setCentralWidget(self.pages)
        self.welcome.reset_display(opening.large_text, opening.high_contrast)
        if not isinstance(start, Opening):
            self.attach(start)

    def attach(self, desk: Desk) -> None:
        """The kiosk on its desk: the other patient screens, the keyboard, the watches, and the ways into
        staff mode (whose screens are built the first time it opens). A Start tapped before starts now."""
        from intake.app.backups import CHECK_EVERY_MS
        from intake.ui.idle import IdleWatch
        from intake.ui.summary_maker import SummaryMaker
        from intake.ui.visit_release import ReleaseWatch

        self._desk = desk
        self._build_patient_screens()
        self.dock_keyboard(self.settings.on_screen_keyboard, self.words)
        self.patient_idle: IdleWatch = IdleWatch(self)
        self.patient_idle.idle.connect(self._on_patient_idle)
        self.release_watch: ReleaseWatch = ReleaseWatch(desk, self)
        """While a visit waits here (paused, on hold): whether staff took it on another station."""
        self.release_watch.released.connect(self._on_visit_taken)
        self.summaries: SummaryMaker = SummaryMaker(desk, self)
        """Assessment, PDF and the final store of each finished visit, off the UI thread."""
        self.summaries.made.connect(self._on_summarised)
        ready = Opening.of(desk)
        if ready != self._opening:
            self._show_opening(ready)
        # The questionnaire's modules now, while nobody waits, rather than at the first Start.
        importlib.import_module("intake.ui.wizard")
        if desk.has_store:
            self._add_staff_mode()
        self.backup_timer = QTimer(self)
        """Asks the desk hourly whether the daily backup is due; the desk makes it off this thread."""
        self.backup_timer.timeout.connect(desk.back_up_if_due)
        self.backup_timer.start(CHECK_EVERY_MS)
        QTimer.singleShot(0, desk.back_up_if_due)
        if self._start_when_ready:
            self._start_when_ready = False
            self.start_visit()

    def _build_patient_screens(self) -> None:
        """Every patient screen but the welcome (and the questionnaire, which comes and goes with each visit)."""
        from intake.ui.help_screen import HelpScreen
        from intake.ui.hold_screen import TO_FRONT_DESK, HoldScreen
        from intake.ui.paused import PausedScreen
        from intake.ui.still_there import StillThereScreen
        from intake.ui.thank_you import ThankYouScreen

        words = self.words
        self.thank_you: ThankYouScreen = ThankYouScreen(words)
        self.thank_you.done.connect(self.end_visit)
        self.still_there: StillThereScreen = StillThereScreen(words)
        self.still_there.resumed.connect(self._on_resumed)
        self.still_there.expired.connect(self._on_countdown_over)
        self.hold_screen: HoldScreen = HoldScreen(words)
        self.to_front_desk: HoldScreen = HoldScreen(words, TO_FRONT_DESK)
        """Instead of the thank-you screen when the store refused the answers at Finish."""
        self.help_screen: HelpScreen = HelpScreen(words)
        self.help_screen.back_requested.connect(self._on_resumed)
        self.paused: PausedScreen = PausedScreen(words)
        self.paused.resumed.connect(self._resume_visit)
        self.paused.given_up.connect(self.time_out_visit)
        self.paused.staff_requested.connect(self._staff_new_visit)
        if not self.desk.has_store:
            self.paused.staff_button.hide()
        for page in (self.thank_you, self.still_there, self.hold_screen, self.to_front_desk, self.help_screen, self.paused):
            self.pages.addWidget(page)
        for button in self._language_buttons():
            button.switch_requested.connect(self.switch_language)
        self._show_language_buttons()

    def dock_keyboard(self, mode: KeyboardMode, words: PatientWording = ENGLISH) -> KeyboardDock:
        """The on-screen keyboard under the pages (the first frame had the pages alone), docked once: the
        set-up wizard or the passphrase page may have it before the kiosk is ready."""
        from intake.ui.keyboard.dock import KeyboardDock, above_keyboard

        if self._dock is None:
            self._dock = KeyboardDock(mode, words)
            self.keyboard: KeyboardDock = self._dock
            """The on-screen keyboard, once docked (`_dock` is None until then)."""
            self.takeCentralWidget()
            self.setCentralWidget(above_keyboard(self.pages, self._dock))
        else:
            self._dock.use_wording(words)
            self._dock.set_mode(mode)
        return self._dock

    @property
    def offered_languages(self) -> tuple[str, ...]:
        """The form's languages, as the welcome screen offers them."""
        return self._opening.languages

    def show_start_page(self, page: QWidget, keyboard: KeyboardMode) -> None:
        """A staff page before the kiosk is ready (the set-up wizard, the passphrase), over the welcome
        screen, with the on-screen keyboard below it in the staff words."""
        self.dock_keyboard(keyboard)
        if self.pages.indexOf(page) < 0:
            self.pages.addWidget(page)
        self.pages.setCurrentWidget(page)
        page.setFocus()  # the page's own choice (its focus proxy), not the first field with the keyboard over it

    def leave_start_page(self, page: QWidget) -> None:
        """The kiosk is ready: the welcome screen, and the start page gone with whatever was typed on it."""
        self.pages.setCurrentWidget(self.welcome)
        self.pages.removeWidget(page)
        discard(page)

    def _show_opening(self, opening: Opening) -> None:
        """The checked settings say otherwise than the first frame read (a value the check converted)."""
        self._opening = opening
        self.setWindowTitle(window_title(opening.clinic_name))
        self.welcome.clinic.setText(opening.clinic_name)
        self.welcome.offer_languages(self.offered_languages, self.language)
        self.welcome.reset_display(opening.large_text, opening.high_contrast)
        self._use_language(opening.language)

    @property
    def desk(self) -> Desk:
        assert self._desk is not None, "the kiosk's desk is not ready yet"
        return self._desk

    @property
    def settings(self) -> Settings:
        return self.desk.settings

    @property
    def form(self) -> Form:
        return self.desk.form

    @property
    def rules(self) -> RuleSet:
        return self.desk.rules

    @property
    def staff(self) -> StaffArea | None:
        """Staff mode's screens, built the first time anything needs them (and QtPdf loaded with
        them): a kiosk that is never switched to staff mode never holds them. None without a store."""
        if self._staff is None and self._desk is not None and self._desk.has_store:
            self._staff = self._build_staff_area()
        return self._staff

    # Languages ------------------------------------------------------------------

    def _language_buttons(self) -> list[LanguageButton]:
        """The language switch of every patient screen but the wizard's (which comes and goes with each visit)."""
        return [screen.language for screen in self._message_screens()]

    def _message_screens(self) -> list[ThankYouScreen | StillThereScreen | HoldScreen | HelpScreen | PausedScreen]:
        """The patient screens besides the welcome and the questionnaire (none before the desk is ready)."""
        if self._desk is None:
            return []
        return [self.thank_you, self.still_there, self.hold_screen, self.to_front_desk, self.help_screen, self.paused]

    def _show_language_buttons(self) -> None:
        buttons = self._language_buttons() + ([self.wizard.language] if self.wizard is not None else [])
        for button in buttons:
            button.show_for(self.language, self.offered_languages)

    def _use_language(self, language: str) -> None:
        """Every patient screen (but the wizard, see `switch_language`) in `language`, and the keyboard while they show."""
        self.language = language
        self.words = words = wording_for(language)
        self.welcome.use_wording(words)
        for screen in self._message_screens():
            screen.use_wording(words)
        self._show_language_buttons()
        if self._desk is not None and (self._staff is None or self.pages.currentWidget() is not self._staff):
            self.keyboard.use_wording(words)

    def switch_language(self, language: str) -> None:
        """The patient tapped the language button: every screen in `language`, at once and where they are.

        A visit under way is rebuilt in the new language with every answer refilled, on the
        same page; it is saved at once (its stored `language` changes) unless it waits for
        staff or a date of birth, whose watch would read a save as staff taking it.
        """
        log.info("patient switched to language %s", language)
        self._use_language(language)
        wizard = self.wizard
        if wizard is None or self.pages.currentWidget() in (self.thank_you, self.to_front_desk):
            return
        showing = self.pages.currentWidget() is wizard
        switched = self._open_wizard(self.desk.visit_in(wizard.visit, language))
        switched.carry_on_from(wizard)
        if showing:
            self.pages.setCurrentWidget(switched)
            switched.language.setFocus()
        self.pages.removeWidget(wizard)
        discard(wizard)
        if self.pages.currentWidget() in (switched, self.help_screen, self.still_there):
            self._autosave()

    def _add_staff_mode(self) -> None:
        """The ways into staff mode; a store that never had an administrator opens its set-up at once."""
        from intake.app.station_memory import StationMemory
        from intake.ui.long_press import LongPress

        self._memory: StationMemory = StationMemory.in_data_dir(self.desk.station.station_id)
        self.visit_finished.connect(self._remember_finished)
        shortcut = QShortcut(QKeySequence("Ctrl+Shift+S"), self)
        shortcut.setContext(Qt.ShortcutContext.ApplicationShortcut)
        shortcut.activated.connect(self.enter_staff_mode)
        LongPress(self.welcome.clinic).held.connect(self.enter_staff_mode)
        LongPress(self.hold_screen.clinic).held.connect(self.enter_staff_mode)
        LongPress(self.to_front_desk.clinic).held.connect(self.enter_staff_mode)
        LongPress(self.thank_you).held.connect(self.enter_staff_mode)
        LongPress(self.help_screen).held.connect(self.enter_staff_mode)
        if self.desk.needs_first_admin():
            self.enter_staff_mode()

    def _build_staff_area(self) -> StaffArea:
        from intake.ui.staff.area import StaffArea

        staff = StaffArea(self.desk)
        staff.leave.connect(self._leave_staff_mode)
        staff.settings_saved.connect(self._apply_settings)
        staff.held_visit_continued.connect(self._continue_after_hold)
        staff.held_visit_set_aside.connect(self._set_aside_held_visit)
        staff.signed_in.connect(self._on_staff_signed_in)
        staff.visit.continued.connect(self._continue_stored_visit)
        self.staff_alert.connect(staff.alert)
        self.visit_finished.connect(staff.alert)
        self.summary_failed.connect(staff.alert)
        self.pages.addWidget(staff)
        staff.hold(self._held_visit_id)
        return staff

    def _remember_finished(self, finished: FinishedVisit) -> None:
        """This tablet's patient finished: the visit to open at the next sign-in, while it is fresh."""
        self._memory.remember_finished(finished.visit_id)

    def enter_staff_mode(self) -> None:
        """Sign-in over whatever the patient side shows; the visit waits underneath.

        From the thank-you screen the patient has handed the tablet back: their visit is
        over, and the welcome screen waits instead (never appearing over staff mode when
        the thank-you screen's time is up).
        """
        staff = self.staff
        if staff is None or self.pages.currentWidget() is staff:
            return
        if self.pages.currentWidget() is self.thank_you:
            self.thank_you.stop()
            self.end_visit()
        self._patient_page = self.pages.currentWidget()
        if self._patient_page in (self.still_there, self.help_screen):
            self.still_there.stop()
            self._patient_page = self.wizard
        self.paused.hold()
        self.release_watch.hold()
        self.patient_idle.stop()
        self.keyboard.use_wording(ENGLISH)
        self.pages.setCurrentWidget(staff)
        staff.enter(patient_done=self.wizard is None)

    def _leave_staff_mode(self) -> None:
        page = self._patient_page
        # `is None` last, so mypy drops the None that `self.wizard` adds to the tuple; a page
        # never recorded goes to the welcome screen rather than matching a missing wizard.
        if page not in (self.wizard, self.thank_you, self.hold_screen, self.paused) or page is None:
            page = self.welcome
        self._patient_page = None
        self._new_visit_on_sign_in = False
        self.keyboard.use_wording(self.words)
        self.pages.setCurrentWidget(page)
        if page is self.wizard and self.wizard is not None:
            self.patient_idle.start(self.settings.idle_timeout_s)
            self.wizard.focus_current_page()
        elif page is self.paused:
            self.paused.carry_on()
        elif page is self.welcome:
            self.welcome.start_button.setFocus()
        if page in (self.paused, self.hold_screen):
            self.release_watch.carry_on()

    def _apply_settings(self, settings: Settings) -> None:
        """New clinic settings from the admin screen (the desk already uses them for the next visit)."""
        self.keyboard.set_mode(settings.on_screen_keyboard)
        self.welcome.clinic.setText(settings.clinic_name)
        self.setWindowTitle(window_title(settings.clinic_name))
        if self.wizard is None:
            self._use_language(self.desk.default_language)

    def _apply_display(self) -> None:
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(app, self.welcome.large_text, self.welcome.high_contrast)

    def start_visit(self) -> None:
        """Start tapped; before the store is open (the first moments after start-up) the visit starts once it is."""
        if self._desk is None:
            self._start_when_ready = True
            return
        visit = self.desk.new_visit(self.language)
        wizard = self._open_wizard(visit)
        self.pages.setCurrentWidget(wizard)
        wizard.focus_current_page()
        self.patient_idle.start(self.settings.idle_timeout_s)
        log.info("visit %s started", visit.visit_id)
        self.desk.start(visit)

    def _open_wizard(self, visit: Visit) -> PatientWizard:
        """The questionnaire for this visit, in the page stack (not yet shown)."""
        from intake.ui.wizard import PatientWizard

        wizard = PatientWizard(visit, self.rules.catalog)
        wizard.staff_alert.connect(self._on_red_flag)
        wizard.completed.connect(self._on_completed)
        wizard.autosave_due.connect(self._autosave)
        wizard.hold_requested.connect(self._on_hold_requested)
        wizard.help_requested.connect(self._on_help_requested)
        wizard.language.switch_requested.connect(self.switch_language)
        self.pages.addWidget(wizard)
        self.wizard = wizard
        wizard.language.show_for(visit.language, self.desk.languages)
        return wizard

    def _on_red_flag(self, visit_id: str) -> None:
        """Save at once, so the visit is urgent in the store (and on every station) now."""
        self._autosave()
        self.staff_alert.emit(visit_id)

    def _on_hold_requested(self, visit_id: str) -> None:
        """A red flag is still flagged after its section: the visit waits for staff, with no time-out."""
        self.patient_idle.stop()
        self._autosave()
        if self.wizard is not None:
            self.wizard.drop_pending_save()
        self.hold_screen.show_for(self.settings.clinic_name)
        self.pages.setCurrentWidget(self.hold_screen)
        self.release_watch.watch(visit_id)
        self._hold_for_staff(visit_id)
        log.info("visit %s: on hold for staff", visit_id)

    def _hold_for_staff(self, visit_id: str | None) -> None:
        """Staff mode offers the visit on hold here (None: no longer), now or once its screens are built."""
        self._held_visit_id = visit_id
        if self._staff is not None:
            self._staff.hold(visit_id)

    def _continue_after_hold(self) -> None:
        """Staff hand the tablet back: the questions after the held section, once staff mode closes."""
        if self.wizard is not None:
            self.release_watch.stop()
            self.wizard.continue_after_hold()
            self._patient_page = self.wizard

    def _set_aside_held_visit(self) -> None:
        """Staff chose a new visit: the answers so far stay with them as unfinished."""
        self._patient_page = self.welcome
        self.time_out_visit("set aside by staff after the hold")

    def _on_help_requested(self, visit_id: str) -> None:
        """The patient asked for a person: where to ask, and a flag every station's queue shows."""
        self.pages.setCurrentWidget(self.help_screen)
        self.help_screen.back_button.setFocus()
        log.info("visit %s: patient asked for help", visit_id)
        if self.wizard is not None:
            self.desk.request_help(self.wizard.visit)

    def _on_patient_idle(self) -> None:
        if self.wizard is None or self.pages.currentWidget() not in (self.wizard, self.help_screen):
            return
        self.pages.setCurrentWidget(self.still_there)
        self.still_there.start(self.settings.idle_countdown_s)

    def _on_resumed(self) -> None:
        if self.wizard is None:
            self.end_visit()
            return
        self.pages.setCurrentWidget(self.wizard)
        self.patient_idle.start(self.settings.idle_timeout_s)

    def _on_countdown_over(self) -> None:
        """Nobody tapped Continue: a visit with a date of birth waits for its patient, others go to staff."""
        from intake.app.resuming import birth_date_of

        birth_date = birth_date_of(self.wizard.visit.answers) if self.wizard is not None else None
        if birth_date is None:
            self.time_out_visit()
        else:
            self.pause_visit(birth_date)

    def pause_visit(self, birth_date: date) -> None:
        """Hide the answers behind the paused screen; they stay saved, the visit stays in progress."""
        assert self.wizard is not None
        visit_id = self.wizard.visit.visit_id
        self.patient_idle.stop()
        self.wizard.drop_pending_save()
        self.desk.pause(self.wizard.visit)
        clear_clipboard()
        self.pages.setCurrentWidget(self.paused)
        self.paused.pause(birth_date, self.settings.resume_window_s)
        self.release_watch.watch(visit_id)
        log.info("visit %s: idle, paused until the patient confirms their date of birth", visit_id)

    def _resume_visit(self) -> None:
        """The right date of birth: the page the patient left, as they left it."""
        if self.wizard is None:
            self.end_visit()
            return
        if not self.release_watch.still_here():
            return
        self.release_watch.stop()
        self.desk.resume(self.wizard.visit.visit_id)
        self.pages.setCurrentWidget(self.wizard)
        self.patient_idle.start(self.settings.idle_timeout_s)
        log.info("visit %s: resumed", self.wizard.visit.visit_id)

    def _staff_new_visit(self) -> None:
        """Staff put a paused visit away, but only once someone has signed in."""
        self._new_visit_on_sign_in = True
        self.enter_staff_mode()

    def _on_staff_signed_in(self) -> None:
        """After the paused screen's staff button: put the visit away; staff stay signed in."""
        if not self._new_visit_on_sign_in or self._patient_page is not self.paused or self._staff is None:
            return
        self._new_visit_on_sign_in = False
        self.time_out_visit()
        self._patient_page = self.welcome
        self.pages.setCurrentWidget(self._staff)

    def time_out_visit(self, reason: str = "idle") -> None:
        """The visit goes no further here: keep the answers for staff as unfinished, then wipe the screen.

        `reason` (idle, or what staff chose) is for the log only. A visit staff took on another
        station meanwhile is theirs: it is let go without storing anything.
        """
        if not self.release_watch.still_here():
            return
        if self.wizard is not None:
            visit_id = self.wizard.visit.visit_id
            if self.desk.set_aside(self.wizard.visit):
                log.info("visit %s: %s, kept as unfinished for staff", visit_id, reason)
            else:
                log.error("visit %s: %s, and the answers could not be stored", visit_id, reason)
        self.end_visit()

    def _autosave(self) -> None:
        if self.wizard is not None:
            self.desk.autosave(self.wizard.visit)

    def _on_completed(self, response: Response) -> None:
        """Finish: every answer stored first; thank-you only once they are, then the summary."""
        assert self.wizard is not None
        from intake.app.desk import Handover

        visit = self.wizard.visit
        self.patient_idle.stop()
        handover = self.desk.hand_in(visit, response)
        if handover is not Handover.STORED:
            if handover is Handover.MEMORY_ONLY:
                self.unsaved.append(response)
            self._send_to_front_desk(visit.visit_id)
            return
        self.pages.setCurrentWidget(self.thank_you)
        self.thank_you.start()
        self.summaries.make(visit.visit_id, response, visit.staff_alerted)

    def _send_to_front_desk(self, visit_id: str) -> None:
        """The store refused the answers: no thank-you, no outcome, just where to go; staff take it from here."""
        self._discard_visit()
        self.to_front_desk.show_for(self.settings.clinic_name)
        self.pages.setCurrentWidget(self.to_front_desk)
        log.error("visit %s: answers not stored at Finish; patient sent to the front desk", visit_id)

    def _on_summarised(self, visit_id: str, response: Response, result: FinishResult) -> None:
        """The summary made while the patient read the thank-you screen (`summaries`).

        Staff hear of a failed summary from the store's flag; the patient only when not even
        that was stored, and while the thank-you screen still shows.
        """
        if not (result.kept or result.flagged):
            self.unsaved.append(result.finished or response)
            if self.pages.currentWidget() is self.thank_you:
                self.thank_you.start(desk_needed=True)
        if result.flagged:
            self.summary_failed.emit(visit_id)
        if result.finished is not None:
            if self.settings.auto_print:
                from intake.ui.staff.printing import kiosk_printing

                self.desk.auto_print(result.finished, kiosk_printing(result.finished.visit_id))
            self.visit_finished.emit(result.finished)

    def end_visit(self) -> None:
        """Back to the welcome screen with the last patient's widgets destroyed."""
        self._discard_visit()
        self.welcome.reset_display(self.settings.large_text, self.settings.high_contrast)
        self._use_language(self.desk.default_language)
        self.pages.setCurrentWidget(self.welcome)
        self.welcome.start_button.setFocus()
        QTimer.singleShot(0, self._collect_garbage)

    @staticmethod
    def _collect_garbage() -> None:
        """Between patients, once the welcome screen is painted: a full collection now (tens of
        milliseconds) rather than whenever Python's counters say, maybe in a page change."""
        gc.collect()

    def _discard_visit(self) -> None:
        """The wizard's inputs (and with them their undo history) go, and so does anything
        the patient copied: the next patient cannot paste the last one's answers."""
        self.patient_idle.stop()
        self.still_there.stop()
        self.paused.stop()
        self.release_watch.stop()
        if self.wizard is not None:
            self.pages.removeWidget(self.wizard)
            discard(self.wizard)
            self.wizard = None
        clear_clipboard()

    def _on_visit_taken(self, visit_id: str) -> None:
        """Staff took the visit waiting here on another station, or ended it there: let it go, storing nothing."""
        log.info("visit %s: taken on another station; released here", visit_id)
        self._hold_for_staff(None)
        if self._staff is not None and self.pages.currentWidget() is self._staff:
            self._discard_visit()
            self._patient_page = self.welcome
        else:
            self.end_visit()

    def _continue_stored_visit(self, stored: StoredVisit) -> None:
        """Staff tapped "Continue with the patient" (already stored and audited): the patient's page once
        staff mode closes, every answer in its widget. The visit waiting on this tablet carries on as it
        is when it is that one; any other is set aside for staff first. Staff are then signed out."""
        visit_id = stored.summary.id
        self.release_watch.stop()
        waiting = self.wizard if self._patient_page in (self.wizard, self.paused, self.hold_screen) else None
        if waiting is not None and waiting.visit.visit_id == visit_id:
            self.paused.stop()
            waiting.continue_with_staff(refill=False)
        else:
            self._put_aside_waiting_visit(visit_id)
            visit = self.desk.continued_visit(visit_id, stored.response)
            self._use_language(visit.language)
            self._open_wizard(visit).continue_with_staff(refill=True)
        self._patient_page = self.wizard
        log.info("visit %s: continued with the patient", visit_id)
        if self._staff is not None:
            self._staff.sign_out()

    def _put_aside_waiting_visit(self, continued_id: str) -> None:
        """Before another visit takes the tablet: the one waiting here stays with staff as unfinished."""
        if self.wizard is None:
            return
        waiting = self._patient_page in (self.wizard, self.paused, self.hold_screen)
        if waiting and self.wizard.visit.visit_id != continued_id:
            visit_id = self.wizard.visit.visit_id
            if self.desk.set_aside(self.wizard.visit):
                log.info("visit %s: set aside for another visit staff continued here", visit_id)
            else:
                log.error("visit %s: set aside for another visit, and the answers could not be stored", visit_id)
        self._discard_visit()

    # The kiosk window ----------------------------------------------------------

    def show_kiosk(self) -> None:
        """Full screen and on top, filling the screen even where no window manager sizes it."""
        self.setWindowFlag(Qt.WindowType.WindowStaysOnTopHint, True)
        self._fill_screen()
        self.showFullScreen()
        self.screen().geometryChanged.connect(self._fill_screen)

    def _fill_screen(self, _geometry: QRect | None = None) -> None:
        self.setGeometry(self.screen().geometry())

    def finish_summaries(self) -> None:
        """The app is closing: every summary under way is made first."""
        if self._desk is not None:
            self.summaries.wait()

    def let_app_quit(self) -> None:
        """For the test hooks (`--quit-after-show`, `--drive`): the app's own quit closes the window."""
        self._quit_allowed = True

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        """Patient mode refuses every close request (Alt+F4, a window manager's close button).

        A signed-in person in staff mode may close the kiosk (an admin quitting to update
        it): a visit waiting underneath is first kept as unfinished, and they are signed out.
        """
        if self._quit_allowed:
            event.accept()
            return
        staff = self._staff
        if staff is None or self.pages.currentWidget() is not staff or staff.session is None:
            log.info("close request refused in patient mode")
            event.ignore()
            return
        if self.wizard is not None and self._patient_page is not self.thank_you:
            self.time_out_visit("closed from staff mode")
        staff.sign_out()
        event.accept()


def _run_driver(script: Path, window: MainWindow) -> None:
    """Test hook: run `drive(window)` from a script, to finish a visit in the real process."""
    spec = importlib.util.spec_from_file_location("intake_ui_driver", script)
    if spec is None or spec.loader is None:
        raise SystemExit(f"error: --drive: cannot load {script}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    window.let_app_quit()
    module.drive(window)


def _refuse_to_start(message: str, options: argparse.Namespace) -> int:
    """No kiosk without its settings, form, policy and database: say why on stderr and, for
    whoever stands at the screen, in a dialog."""
    print(f"error: {message}", file=sys.stderr)
    if not options.quit_after_show:
        refusal = _("{problem}\n\nThe kiosk cannot start until this is fixed.").format(problem=message)
        QMessageBox.critical(None, _("Headache intake"), refusal)
    return 2


class AfterFirstFrame(QObject):
    """Runs `then` once the window has painted its first frame, or `LATEST_MS` after it was shown
    should the platform never report the window exposed."""

    LATEST_MS = 2000

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        self._after_paint = QTimer(self)
        self._after_paint.setSingleShot(True)
        self._after_paint.setInterval(0)
        self._after_paint.timeout.connect(self._run)
        QTimer.singleShot(self.LATEST_MS, self, self._run)
        handle = window.windowHandle()
        if handle is not None:
            handle.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The window paints while it handles its first expose event; a zero timer runs after that."""
        if event.type() == QEvent.Type.Expose and isinstance(watched, QWindow) and watched.isExposed():
            self._after_paint.start()
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            then()


def _complete_start(window: MainWindow, options: argparse.Namespace) -> None:
    """After the first frame: the settings checked, the form and the rules loaded, then either the set-up
    wizard (a clinic's first start) or the store opened, asking staff for its passphrase on a page of the
    window when nothing on this computer has it; or, as before any window, the reason it cannot start, and exit 2."""
    from intake.app.errors import StoreError
    from intake.app.first_start import FirstStart, first_start
    from intake.app.opening import load_form_and_rules, open_kiosk
    from intake.settings import load_settings, settings_path
    from intake.ui.setup.passphrase_page import AskOnPage

    try:
        settings = load_settings()
        form, rules = load_form_and_rules(settings)
        if first_start(settings) is FirstStart.WIZARD:
            _set_up_first(window, settings, options)
            return
        ask = AskOnPage(partial(window.show_start_page, keyboard=settings.on_screen_keyboard))
        desk = open_kiosk(settings, form, rules, ask, settings_path())
    except (DataFileError, StoreError) as error:
        _stop(window, str(error), options)
        return
    _make_ready(window, desk, ask.page, options)


def _set_up_first(window: MainWindow, settings: Settings, options: argparse.Namespace) -> None:
    """The set-up wizard, the kiosk made ready once its recovery code is written down (`_make_ready`)."""
    from intake.app.first_start import passphrase_plan
    from intake.settings import settings_path
    from intake.ui.setup.wizard import SetUpWizard

    wizard = SetUpWizard(settings, window.offered_languages, passphrase_plan(settings), settings_path())
    wizard.finished.connect(partial(_make_ready, window, page=wizard, options=options))
    window.show_start_page(wizard, settings.on_screen_keyboard)
    log.info("first start: the set-up wizard is showing")
    if options.quit_after_show:
        window.let_app_quit()
        QTimer.singleShot(0, QApplication.quit)


def _stop(window: MainWindow, problem: str, options: argparse.Namespace) -> None:
    window.hide()
    window.let_app_quit()
    QApplication.exit(_refuse_to_start(problem, options))


def _make_ready(window: MainWindow, desk: Desk, page: QWidget | None, options: argparse.Namespace) -> None:
    """The kiosk on its desk, on the welcome screen (`page`, the start page shown before, gone); the test
    hooks run from here."""
    window.attach(desk)
    if page is not None:
        window.leave_start_page(page)
    # What start-up made lives until the app closes (modules, the forms, the rules): frozen, it is
    # no longer walked by each full collection, which otherwise pause the screen for 100 ms and more.
    gc.freeze()
    if options.quit_after_show:
        window.let_app_quit()
        QTimer.singleShot(0, QApplication.quit)
    if options.drive:
        QTimer.singleShot(0, partial(_run_driver, options.drive, window))


def run_app(argv: Sequence[str], options: argparse.Namespace) -> int:
    """The kiosk, with `options` read from `argv` by `kiosk_options`; no QApplication (which would abort) without
    a display. The welcome screen first, from what it needs alone; the rest once it is painted (`_complete_start`)."""
    problem = missing_display(options.platform)
    if problem:
        print("\n".join(no_display_lines(problem, Path(argv[0]).name)), file=sys.stderr)
        return EXIT_NO_DISPLAY
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    keep_few_sources()
    app = QApplication(list(argv))
    app.setApplicationName("headache-intake")
    app.setDesktopFileName(DESKTOP_ID)
    try:
        opening = Opening.read()
    except DataFileError as error:
        return _refuse_to_start(str(error), options)
    window = MainWindow(opening)
    window.resize(1280, 800)
    if options.windowed or options.quit_after_show or options.drive:
        window.show()
    else:
        window.show_kiosk()
    AfterFirstFrame(window, partial(_complete_start, window, options))
    status = app.exec()
    window.finish_summaries()
    window.deleteLater()
    app.processEvents()
    return status


def main() -> int:
    """The `intake-kiosk` GUI script of an installed app: the kiosk alone, where `main.py` also runs CLI commands."""
    return run_app(sys.argv, kiosk_options(sys.argv))
