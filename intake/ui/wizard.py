"""The patient's questionnaire: one section per screen, review, then Finish.

The wizard renders whatever the form defines and holds no clinical logic: every edit
goes into the `Visit`, which says what to show, what to fix and when staff must know.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QHBoxLayout, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

from intake.app.visit import Visit
from intake.catalog import Catalog
from intake.questionnaire.form import Section
from intake.questionnaire.response import InvalidResponse
from intake.ui.focus_order import reading_order
from intake.ui.notice import FrontDeskNotice
from intake.ui.review import ReviewScreen
from intake.ui.scrolling import ScrollColumn
from intake.ui.section_page import SectionPage
from intake.ui.widgets.answer_input import AnswerInput
from intake.ui.widgets.factory import make_block
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.styling import label, touch_button

log = logging.getLogger(__name__)

NEXT, FINISH, BACK_TO_REVIEW = "Next", "Finish", "Back to review"
AUTOSAVE_AFTER_MS = 600
CANNOT_FINISH = "Something went wrong saving your answers. Please ask the front desk for help."


class PatientWizard(QWidget):
    completed = Signal(object)
    """The validated `Response`, once the patient taps Finish."""
    staff_alert = Signal(str)
    """A visit id, the moment a red-flag answer appears. Carries no health data."""
    autosave_due = Signal()
    """Answers changed: after each page, and shortly after the last edit on a page."""
    hold_requested = Signal(str)
    """STUB for merge: a visit id; the patient left the red-flag section with a flag still flagged."""
    help_requested = Signal(str)
    """STUB for merge: a visit id; the patient tapped "I need help"."""

    def __init__(self, visit: Visit, catalog: Catalog) -> None:
        super().__init__()
        self.setObjectName("wizard")
        self.visit = visit
        self.blocks: dict[str, QuestionBlock] = {}
        self._question_of: dict[AnswerInput, str] = {}
        self._problems_shown = False
        self._editing = False
        self._notice_due = False
        self._after_notice: QWidget | None = None
        self._autosave_timer = QTimer(self)
        self._autosave_timer.setSingleShot(True)
        self._autosave_timer.setInterval(AUTOSAVE_AFTER_MS)
        self._autosave_timer.timeout.connect(self.autosave_due)

        self.progress_text = label("", "progress", wrap=False)
        self.progress_text.setObjectName("progress")
        self.progress_bar = QProgressBar()
        self.progress_bar.setTextVisible(False)
        self.progress_bar.setAccessibleName("Progress")
        self.staff_indicator = label("●", "staff-indicator", wrap=False)
        self.staff_indicator.setAccessibleName("Front desk notified")
        self.staff_indicator.hide()
        header = QHBoxLayout()
        header.setContentsMargins(32, 16, 32, 8)
        header.setSpacing(24)
        header.addWidget(self.progress_text)
        header.addWidget(self.progress_bar, 1)
        header.addWidget(self.staff_indicator)

        self.pages: dict[str, SectionPage] = {}
        self.stack = QStackedWidget()
        for section in visit.form.sections:
            if not section.setting or section.setting in visit.enabled:
                self._add_page(section, catalog)
        self.review = ReviewScreen()
        self.review.edit_requested.connect(self._edit)
        self.notice = FrontDeskNotice()
        self.notice.continue_requested.connect(self._leave_notice)
        self.stack.addWidget(self.review)
        self.stack.addWidget(self.notice)

        self.back_button = touch_button("Back", "secondary", "Back to the previous questions")
        self.back_button.setObjectName("back")
        self.next_button = touch_button(NEXT, "primary")
        self.next_button.setObjectName("next")
        self.back_button.clicked.connect(self.go_back)
        self.next_button.clicked.connect(self.go_next)
        self.nav = QWidget()
        self.nav.setObjectName("nav")
        nav = QHBoxLayout(self.nav)
        nav.setContentsMargins(32, 12, 32, 20)
        nav.addWidget(self.back_button)
        nav.addStretch(1)
        nav.addWidget(self.next_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        self._refresh_visibility()
        self._show_page(self.pages[visit.sections()[0].id])

    def _add_page(self, section: Section, catalog: Catalog) -> None:
        blocks = {}
        for question in section.questions:
            block = make_block(question, catalog)
            block.input.edited.connect(self._on_edited)
            self._question_of[block.input] = question.id
            blocks[question.id] = block
        self.blocks.update(blocks)
        page = SectionPage(section, blocks)
        self.pages[section.id] = page
        self.stack.addWidget(page)

    # Answers -------------------------------------------------------------

    def _on_edited(self) -> None:
        question_id = self._question_of[self.sender()]
        for cleared in self.visit.set_answer(question_id, self.blocks[question_id].value()):
            self.blocks[cleared].clear()
        self._refresh_visibility()
        page = self.current_page()
        if self._problems_shown and page is not None:
            page.show_problems(self.visit.page_problems(page.section, page.input_problems()))
        if self.visit.needs_staff_alert():
            self._alert_staff()
        self._autosave_timer.start()

    def _refresh_visibility(self) -> None:
        shown = self.visit.shown()
        for page in self.pages.values():
            page.show_only(shown)

    def _alert_staff(self) -> None:
        log.warning("visit %s: staff alert raised", self.visit.visit_id)
        self.staff_indicator.show()
        self._notice_due = True
        self.staff_alert.emit(self.visit.visit_id)

    # Navigation ----------------------------------------------------------

    def current_page(self) -> SectionPage | None:
        widget = self.stack.currentWidget()
        return widget if isinstance(widget, SectionPage) else None

    def _place(self, page: SectionPage) -> tuple[list[Section], int]:
        """The sections this patient goes through, and where `page` is among them."""
        sections = self.visit.sections()
        return sections, [section.id for section in sections].index(page.section.id)

    def _show_page(self, page: QWidget) -> None:
        self._problems_shown = False
        self.stack.setCurrentWidget(page)
        on_notice = page is self.notice
        self.nav.setVisible(not on_notice)
        self.progress_bar.setVisible(not on_notice)
        self.progress_text.setVisible(not on_notice)
        if isinstance(page, SectionPage):
            sections, position = self._place(page)
            number = position + 1
            self.progress_text.setText(f"Section {number} of {len(sections)}")
            self.progress_bar.setRange(0, len(sections))
            self.progress_bar.setValue(number - 1)
            self.back_button.setVisible(number > 1 or self._editing)
            self.next_button.setText(BACK_TO_REVIEW if self._editing else NEXT)
            page.focus_first()
        elif page is self.review:
            self.review.show_answers(self.visit)
            self.progress_text.setText("Check your answers")
            self.progress_bar.setRange(0, 1)
            self.progress_bar.setValue(1)
            self.back_button.setVisible(True)
            self.next_button.setText(FINISH)
            self.next_button.setFocus()
        else:
            self.notice.continue_button.setFocus()
        self.next_button.setAccessibleName(self.next_button.text())

    def _page_is_ready(self, page: SectionPage) -> bool:
        problems = self.visit.page_problems(page.section, page.input_problems())
        page.show_problems(problems)
        self._problems_shown = bool(problems)
        if problems:
            page.focus_on(problems[0].key)
        return not problems

    def go_next(self) -> None:
        page = self.current_page()
        if page is None:
            if self.stack.currentWidget() is self.review:
                self._finish()
            return
        if not self._page_is_ready(page):
            return
        self._autosave_timer.stop()
        self.autosave_due.emit()
        sections, position = self._place(page)
        target: QWidget = self.review
        if not self._editing and position + 1 < len(sections):
            target = self.pages[sections[position + 1].id]
        if self._notice_due:
            self._notice_due = False
            self._after_notice = target
            target = self.notice
        self._show_page(target)

    def go_back(self) -> None:
        self._editing = False
        page = self.current_page()
        if page is None:
            self._show_page(self.pages[self.visit.sections()[-1].id])
            return
        sections, position = self._place(page)
        if position > 0:
            self._show_page(self.pages[sections[position - 1].id])

    def continue_after_hold(self) -> None:
        """STUB for merge: staff hand the tablet back; show the page after the current section."""
        page = self.current_page()
        if page is None:
            return
        sections, position = self._place(page)
        self._show_page(self.pages[sections[position + 1].id] if position + 1 < len(sections) else self.review)

    def _leave_notice(self) -> None:
        self._show_page(self._after_notice or self.review)

    def _edit(self, question_id: str) -> None:
        self._editing = True
        page = self.pages[self.visit.form.section_of(question_id).id]
        self._show_page(page)
        page.focus_on(question_id)

    def _finish(self) -> None:
        for section in self.visit.sections():
            page = self.pages[section.id]
            if self.visit.page_problems(section, page.input_problems()):
                self._editing = False
                self._show_page(page)
                self._page_is_ready(page)
                return
        try:
            response = self.visit.response()
        except InvalidResponse as error:
            log.error("visit %s: answers refused at finish: %s", self.visit.visit_id, [p.key for p in error.problems])
            self.progress_text.setText(CANNOT_FINISH)
            return
        self.next_button.setEnabled(False)
        self.completed.emit(response)

    def focusNextPrevChild(self, forward: bool) -> bool:
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

    def keyPressEvent(self, event: QKeyEvent) -> None:
        """Enter means Next (or Continue) wherever the focused control has no use for it."""
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.stack.currentWidget() is self.notice:
                self._leave_notice()
            else:
                self.go_next()
            return
        super().keyPressEvent(event)
