"""The patient's questionnaire: screen after screen of questions, review, then Finish.

The wizard renders whatever the form defines and holds no clinical logic: every edit
goes into the `Visit`, which says what to show, what to fix and when staff must know.
Sections are cut into screens as the form's `page_size` says.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QVBoxLayout, QWidget

from intake.app.visit import Visit
from intake.catalog import Catalog
from intake.questionnaire.engine import Problem
from intake.questionnaire.form import Section
from intake.questionnaire.paging import section_pages
from intake.questionnaire.response import InvalidResponse
from intake.ui.current_page_stack import CurrentPageStack
from intake.ui.focus_order import reading_order
from intake.ui.language_button import LanguageButton
from intake.ui.review import ReviewScreen
from intake.ui.scrolling import ScrollColumn
from intake.ui.section_page import SectionPage
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.factory import make_block
from intake.ui.widgets.option_cards import OptionCards
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.rows_input import RowsInput
from intake.ui.widgets.styling import label, touch_button

log = logging.getLogger(__name__)

AUTOSAVE_AFTER_MS = 600
"""The pause in typing after which the text typed so far is saved; every other answer is saved at once."""


class PatientWizard(QWidget):
    completed = Signal(object)
    """The validated `Response`, once the patient taps Finish."""
    staff_alert = Signal(str)
    """A visit id, the moment a red-flag answer appears. Carries no health data."""
    hold_requested = Signal(str)
    """A visit id: the patient is leaving the red-flag section with a flag set; the
    wizard stays put until `continue_after_hold()`."""
    help_requested = Signal(str)
    """A visit id: the patient tapped "I need help"."""
    autosave_due = Signal()
    """Answers changed: after each page, at once after a committed answer (a tap, a step, a
    text box left), and after a pause in typing."""

    def __init__(self, visit: Visit, catalog: Catalog) -> None:
        super().__init__()
        self.setObjectName("wizard")
        self.visit = visit
        self.words = visit.words
        """Everything but the form's own texts, in the visit's language."""
        self.blocks: dict[str, QuestionBlock] = {}
        self.on_hold = False
        """True from `hold_requested` until staff continue."""
        self._question_of: dict[AnswerInput, str] = {}
        self._problems_shown = False
        self._editing = False
        self._hold_released = False
        self._missing: str | None = None
        """After staff continued the visit: the first answer missing, to show once the wizard is on screen."""
        red_flags = visit.form.red_flags
        self._red_flag_section = visit.form.section_of(red_flags[0]).id if red_flags else None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_AFTER_MS)
        self._autosave_timer.timeout.connect(self.autosave_due)
        self._ahead = QTimer(self)
        self._ahead.setSingleShot(True)
        self._ahead.setInterval(0)
        self._ahead.timeout.connect(self._prepare_ahead)
        header = self._build_header()

        self.pages: list[SectionPage] = []
        self.stack = CurrentPageStack()
        for section in visit.form.sections:
            if not section.setting or section.setting in visit.enabled:
                self._add_pages(section, catalog)
        self.review = ReviewScreen(self.words)
        self.review.edit_requested.connect(self._edit)
        self.stack.addWidget(self.review)
        self._build_nav()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        self._shown: set[str] = set(self.blocks)
        """The questions on show: every block until the first refresh hides those whose condition is not met."""
        self._refresh_visibility()
        self._show_page(self.route()[0])

    def _build_header(self) -> QHBoxLayout:
        """How far the patient is, the way to another language, and the way to ask for a person."""
        words = self.words
        self.progress_text = label("", "progress")
        self.progress_text.setObjectName("progress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName(words.PROGRESS_NAME)
        self.language = LanguageButton()
        self.help_button = touch_button(words.NEED_HELP, "quiet", words.NEED_HELP_NAME)
        self.help_button.setObjectName("need-help")
        self.help_button.setAutoDefault(False)
        self.help_button.clicked.connect(self._on_help)
        where = QVBoxLayout()
        where.setSpacing(6)
        where.addWidget(self.progress_text)
        where.addWidget(self.progress_bar)
        header = QHBoxLayout()
        header.setContentsMargins(24, 10, 24, 6)
        header.setSpacing(16)
        header.addLayout(where, 1)
        header.addWidget(self.language, 0, Qt.AlignmentFlag.AlignVCenter)
        header.addWidget(self.help_button, 0, Qt.AlignmentFlag.AlignVCenter)
        return header

    def _build_nav(self) -> None:
        self.back_button = touch_button(self.words.BACK, "secondary", self.words.BACK_NAME)
        self.back_button.setObjectName("back")
        self.next_button = touch_button(self.words.NEXT, "primary")
        self.next_button.setObjectName("next")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.nav = QWidget()
        self.nav.setObjectName("nav")
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(24, 10, 24, 12)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

    def _add_pages(self, section: Section, catalog: Catalog) -> None:
        blocks = {}
        for question in section.questions:
            block = make_block(question, catalog, self.words)
            block.input.edited.connect(self._on_edited)
            block.input.committed.connect(self._on_committed)
            self._question_of[block.input] = question.id
            blocks[question.id] = block
        self.blocks.update(blocks)
        for page in section_pages(section):
            widget = SectionPage(page, blocks, self.words)
            self.pages.append(widget)
            self.stack.addWidget(widget)

    # Answers -------------------------------------------------------------

    def _on_edited(self) -> None:
        edited = self.sender()
        assert isinstance(edited, AnswerInput)
        question_id = self._question_of[edited]
        for cleared in self.visit.set_answer(question_id, self.blocks[question_id].value()):
            self.blocks[cleared].clear()
        self._refresh_visibility()
        page = self.current_page()
        if self._problems_shown and page is not None:
            page.show_problems(self._problems_on(page))
        if self.visit.needs_staff_alert():
            self._alert_staff()
        self._autosave_timer.start()
        self._ahead.start()

    def _on_committed(self) -> None:
        """A tap, a pick, a step or a text box left: saved now, if anything changed since the last save."""
        if self._autosave_timer.isActive():
            self._save_now()

    def _save_now(self) -> None:
        self._autosave_timer.stop()
        self.autosave_due.emit()

    def _refresh_visibility(self) -> None:
        """Show or hide only the questions whose condition changed: an answer switches a few at most."""
        shown = self.visit.shown()
        for question_id in self._shown ^ shown:
            block = self.blocks.get(question_id)
            if block is not None:
                block.setVisible(question_id in shown)
        self._shown = shown

    def _alert_staff(self) -> None:
        log.warning("visit %s: staff alert raised", self.visit.visit_id)
        self.staff_alert.emit(self.visit.visit_id)

    def _on_help(self) -> None:
        log.info("visit %s: patient asked for help", self.visit.visit_id)
        self.help_requested.emit(self.visit.visit_id)

    def _problems_on(self, page: SectionPage) -> list[Problem]:
        return page.own_problems(self.visit.page_problems(page.section, page.input_problems()))

    # Navigation ----------------------------------------------------------

    def route(self) -> list[SectionPage]:
        """The screens this patient goes through now, in order: the pages with a question shown.

        Pages exist only for the sections switched on, so these are exactly the pages of
        `Visit.sections()` that ask something.
        """
        shown = self.visit.shown()
        return [page for page in self.pages if page.page.asks_any_of(shown)]

    def focus_current_page(self) -> None:
        """Focus the page's first answer once the wizard is on screen; a hidden widget cannot take focus.

        After staff continued the visit, the first answer missing is scrolled into view
        instead, and focused unless it is a choice (a ring on "Yes" reads as a suggestion).
        """
        page = self.current_page()
        missing, self._missing = self._missing, None
        if page is None:
            return
        if missing is None:
            page.focus_first()
            return
        block = page.block_for(missing)
        page.reveal_bottom_of(block)
        page.reveal(block)
        if isinstance(block.input, OptionCards | RowsInput) and block.input.value() is None:
            page.setFocus(Qt.FocusReason.OtherFocusReason)
        else:
            block.input.focus_input()

    def current_page(self) -> SectionPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionPage) else None

    def _show_page(self, page: QWidget) -> None:
        self._problems_shown = False
        self.stack.setCurrentWidget(page)
        if isinstance(page, SectionPage):
            route = self.route()
            position = route.index(page)
            sections = list(dict.fromkeys(other.section.id for other in route))
            parts = [other for other in route if other.section is page.section]
            self.progress_text.setText(
                self.words.progress(sections.index(page.section.id) + 1, len(sections), parts.index(page) + 1, len(parts))
            )
            self._show_progress(position, len(route))
            self.back_button.setVisible(position > 0)
            self.next_button.setText(self.words.BACK_TO_REVIEW if self._returns_to_review(page, route) else self.words.NEXT)
            page.show_problems([])
            page.focus_first()
        else:
            self.review.show_answers(self.visit)
            self.progress_text.setText(self.words.CHECK_ANSWERS)
            self._show_progress(1, 1)
            self.back_button.setVisible(True)
            self.next_button.setText(self.words.FINISH)
            self.next_button.setFocus()
        self.next_button.setAccessibleName(self.next_button.text())
        self._ahead.start()

    def _prepare_ahead(self) -> None:
        """Once this screen is painted, and after each answer on it: style the screen Next leads to (the
        review made with the answers so far), so that changing to it is a single paint."""
        page = self.current_page()
        if page is None:
            return
        route = self.route()
        following = self._following(page, route)
        if following is None or self._returns_to_review(page, route):
            self.review.show_answers(self.visit)
            self.review.ensurePolished()
        else:
            following.ensurePolished()

    def _show_progress(self, value: int, maximum: int) -> None:
        """QProgressBar repaints itself at once on most changes; with updates off it is painted with the page instead."""
        self.progress_bar.setUpdatesEnabled(False)
        self.progress_bar.setRange(0, maximum)
        self.progress_bar.setValue(value)
        self.progress_bar.setUpdatesEnabled(True)

    def _returns_to_review(self, page: SectionPage, route: list[SectionPage]) -> bool:
        following = self._following(page, route)
        return self._editing and (following is None or following.section is not page.section)

    @staticmethod
    def _following(page: SectionPage, route: list[SectionPage]) -> SectionPage | None:
        position = route.index(page) + 1
        return route[position] if position < len(route) else None

    def _page_is_ready(self, page: SectionPage) -> bool:
        problems = self._problems_on(page)
        page.show_problems(problems, announce=True)
        self._problems_shown = bool(problems)
        if problems:
            page.focus_first_problem(problems[0].key)
        return not problems

    def go_next(self) -> None:
        page = self.current_page()
        if page is None:
            self._finish()
            return
        if not self._page_is_ready(page):
            return
        self._save_now()
        route = self.route()
        following = self._following(page, route)
        target: QWidget = self.review if following is None or self._returns_to_review(page, route) else following
        if self._must_hold(page, target):
            self.on_hold = True
            log.warning("visit %s: held for staff after the safety questions", self.visit.visit_id)
            self.hold_requested.emit(self.visit.visit_id)
            return
        self._show_page(target)

    def _must_hold(self, page: SectionPage, target: QWidget) -> bool:
        """Leaving the red-flag section with a flag set stops the visit until staff continue it.

        Once staff have continued, they have seen the patient: the visit is not held again.
        """
        leaving = page.section.id == self._red_flag_section and not (
            isinstance(target, SectionPage) and target.section is page.section
        )
        return leaving and not self._hold_released and self.visit.has_red_flag()

    def continue_after_hold(self) -> None:
        """Staff are with the patient: on to the screen after the red-flag section."""
        self.on_hold = False
        self._hold_released = True
        route = self.route()
        red_flag_pages = [position for position, page in enumerate(route) if page.section.id == self._red_flag_section]
        after = red_flag_pages[-1] + 1 if red_flag_pages else len(route)
        self._show_page(route[after] if after < len(route) and not self._editing else self.review)

    def go_back(self) -> None:
        page = self.current_page()
        route = self.route()
        if page is None:
            self._editing = False
            self._show_page(route[-1])
            return
        position = route.index(page)
        if position > 0:
            previous = route[position - 1]
            if previous.section is not page.section:
                self._editing = False
            self._show_page(previous)

    def _edit(self, section_id: str) -> None:
        self._editing = True
        self._show_page(next(page for page in self.route() if page.section.id == section_id))

    def _finish(self) -> None:
        for page in self.route():
            if self._problems_on(page):
                self._editing = False
                self._show_page(page)
                self._page_is_ready(page)
                return
        try:
            response = self.visit.response()
        except InvalidResponse as error:
            log.error("visit %s: answers refused at finish: %s", self.visit.visit_id, [p.key for p in error.problems])
            self.progress_text.setText(self.words.CANNOT_FINISH)
            return
        self.next_button.setEnabled(False)
        self.completed.emit(response)

    def drop_pending_save(self) -> None:
        """The answers were just stored whole (a pause, a hold): a save still waiting on typing would
        only repeat it, and would read as a change to a station watching whether the visit was taken."""
        self._autosave_timer.stop()

    def continue_with_staff(self, refill: bool) -> None:
        """Staff hand the tablet back to this visit's patient: the first page with an answer missing
        (the review when none is), after putting every answer the visit holds in its widget when
        `refill` says the widgets are new. Staff have seen the patient: the visit is not held again.
        """
        self.on_hold = False
        self._hold_released = True
        self._editing = False
        if refill:
            self._refill()
        for page in self.route():
            problems = self._problems_on(page)
            if problems:
                self._show_page(page)
                self._missing = problems[0].key
                return
        self._show_page(self.review)

    def _refill(self) -> None:
        """Every answer the visit holds, in its widget (the widgets are new)."""
        for question_id, value in self.visit.answers.items():
            if question_id in self.blocks:
                self.blocks[question_id].show_answer(value)
        self._refresh_visibility()

    def carry_on_from(self, other: PatientWizard) -> None:
        """The patient switched language: this wizard, built for the same visit in the new language,
        takes over where `other` was: every answer shown, the same screen, the same problems pointed
        out, and the same stage (editing from the review, held, or continued by staff)."""
        self.on_hold, self._hold_released, self._editing = other.on_hold, other._hold_released, other._editing
        self._refill()
        was_on = other.current_page()
        page = None if was_on is None else self._page_like(was_on)
        self._show_page(page or self.review)
        if page is not None and other._problems_shown:
            self._page_is_ready(page)
        self.language.setFocus()

    def _page_like(self, other: SectionPage) -> SectionPage | None:
        """This wizard's screen for the same part of the same section, if the patient goes through it."""
        return next(
            (page for page in self.route() if page.section.id == other.section.id and page.page.part == other.page.part), None
        )

    def focusNextPrevChild(self, forward: bool) -> bool:  # noqa: N802 - Qt override
        """Tab and Shift+Tab move in reading order through the page, then Back and Next."""
        chain = reading_order(self)
        if not chain:
            return False
        current = self.window().focusWidget()
        position = chain.index(current) if current in chain else -1
        target = chain[(position + (1 if forward else -1)) % len(chain)]
        target.setFocus(Qt.FocusReason.TabFocusReason)
        page = self.stack.currentWidget()
        if isinstance(page, ScrollColumn) and page.isAncestorOf(target):
            page.reveal(target)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt override
        """Enter means Next wherever the focused control has no use for it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.go_next()
            return
        super().keyPressEvent(event)
