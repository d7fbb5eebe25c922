"""Amend an answer on the patient's behalf, from the visit screen's Answers tab.

Staff pick the question (the one selected in the table, by default), give the new
answer in the kiosk's own input for its type, or clear it, and say why. Their desk
checks the answers as the kiosk and the CLI do, assesses the visit again and makes its
summary again; a refusal is shown here, naming the question. What was typed is
forgotten once staff leave the visit, so no answer stays behind in a hidden widget.

The form takes the table's place in the window rather than opening a dialog: the
on-screen keyboard serves the main window's fields, and a tablet has no other keys.
Cancel and Save sit under the form, outside its scrolling, so they stay in sight above
the keyboard while staff type the reason; the form has the visit screen under the alerts
while it is open (`VisitHost.focus_form`), naming the patient in its title.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from intake.app.amending import REASON_MAX_LENGTH, AmendableQuestion, AmendmentRefused, amendable_questions
from intake.app.errors import StoreError
from intake.app.staff_desk import StaffDesk
from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.current_page_stack import CurrentPageStack
from intake.ui.scrolling import nearest_scroll_area
from intake.ui.staff.visit_host import VisitHost
from intake.ui.staff.visit_words import name_of, refusal_words
from intake.ui.staff.words import N_, _
from intake.ui.widgets.factory import make_block
from intake.ui.widgets.question_block import QuestionBlock
from intake.ui.widgets.styling import discard, label, touch_button
from intake.visit_status import FINISHED

AMEND = N_("Amend an answer…")
INTRO = N_("The patient's answer is kept. The visit is assessed again, and its summary shows who changed "
           "the answer, when and why.")
REASON = N_("Why is it changed? (required)")


class AmendPanel(QWidget):
    finished = Signal(str)
    """Saved (the amended question's label) or cancelled (""): the answers table comes back."""

    def __init__(self, host: VisitHost) -> None:
        super().__init__()
        self.setObjectName("amend-answer")
        self._host = host
        self._questions: list[AmendableQuestion] = []
        self.visit_id: str | None = None
        """The visit the form is filled in for (None: not in use)."""
        self.block: QuestionBlock | None = None
        self.title = label(_("Amend an answer"), "subtitle")
        self.question = QComboBox()
        self.question.setAccessibleName(_("Question to amend"))
        self.now = label("", "caption")
        self.clear_answer = QCheckBox(_("No answer (clear it)"))
        self.reason = QLineEdit()
        self.reason.setPlaceholderText(_(REASON))
        self.reason.setAccessibleName(_(REASON))
        self.reason.setMaxLength(REASON_MAX_LENGTH)
        self.message = label("", "error")
        self.message.setAccessibleName(_("Problem"))
        self.message.hide()
        self.save_button = touch_button(_("Save"), "primary", _("Save the amendment"))
        self.cancel_button = touch_button(_("Cancel"), "quiet", _("Cancel the amendment"))
        self.question.currentIndexChanged.connect(self._on_question_chosen)
        self.clear_answer.toggled.connect(self._on_clear_toggled)
        self.reason.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.cancel_button.clicked.connect(self.cancel)
        self._editor = QVBoxLayout()
        self._lay_out()

    def _lay_out(self) -> None:
        """The title and what to fix under it; Save and Cancel are the tab's, under the form (`AnswersTab`)."""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 8, 8, 8)
        layout.setSpacing(12)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(label(_(INTRO), "caption"))
        layout.addWidget(self.question)
        layout.addWidget(self.now)
        layout.addLayout(self._editor)
        layout.addWidget(self.clear_answer)
        layout.addWidget(label(_(REASON), "field"))
        layout.addWidget(self.reason)
        layout.addStretch(1)

    def start(self, session: StaffDesk, preferred: str | None) -> None:
        """Fill the form for the host's visit, on the question labelled `preferred` if it is one staff may amend."""
        visit = self._host.visit
        assert visit is not None
        self.forget()
        self.visit_id = visit.summary.id
        # Translators: the amend form's title; {name} is the patient's.
        self.title.setText(_("Amend an answer: {name}").format(name=name_of(visit.summary)))
        self._questions = amendable_questions(session.station.form, visit.response.get("answers", {}))
        self.question.blockSignals(True)
        for question in self._questions:
            # Translators: a question to amend, and in brackets the part of the form it is in.
            shown = _("{question} ({section})").format(question=question.label, section=question.section)
            self.question.addItem(shown, question.key)
        labels = [question.label for question in self._questions]
        self.question.setCurrentIndex(labels.index(preferred) if preferred in labels else 0)
        self.question.blockSignals(False)
        self._on_question_chosen(self.question.currentIndex())

    def forget(self) -> None:
        """Nothing of the visit stays in the form."""
        self.visit_id = None
        self._questions = []
        self.question.blockSignals(True)
        self.question.clear()
        self.question.blockSignals(False)
        self._drop_block()
        self.now.clear()
        self.clear_answer.setChecked(False)
        self.reason.clear()
        self._show_message("")

    def _drop_block(self) -> None:
        if self.block is not None:
            discard(self.block)
            self.block = None

    def _on_question_chosen(self, index: int) -> None:
        """The kiosk's input for the chosen question, empty, under what the answer is now."""
        self._drop_block()
        session = self._host.session
        if index < 0 or session is None:
            return
        chosen = self._questions[index]
        # Translators: {answer} is the answer as it stands, before the amendment.
        self.now.setText(_("Now: {answer}").format(answer=chosen.answer))
        self.block = make_block(session.station.form.question(chosen.key), session.station.rules.catalog, ENGLISH)
        self.block.setEnabled(not self.clear_answer.isChecked())
        self._editor.addWidget(self.block)
        self._show_message("")

    def _on_clear_toggled(self, checked: bool) -> None:
        if self.block is not None:
            self.block.setEnabled(not checked)

    def _new_value(self, key: str) -> tuple[bool, Any]:
        """(True, the typed answer or None to clear it), or (False, None) once the form shows what to fix."""
        if self.clear_answer.isChecked():
            return True, None
        assert self.block is not None
        problems = self.block.input.input_problems(key)
        self.block.input.show_problems(key, problems)
        self.block.show_problem(problems.get(key))
        value = self.block.value()
        if problems or value is None:
            self._show_message(next(iter(problems.values()), _("Give the new answer, or tick “No answer”.")))
            return False, None
        return True, value

    def save(self) -> None:
        session, visit = self._host.session, self._host.visit
        if session is None or visit is None or self.question.currentIndex() < 0:
            return
        chosen = self._questions[self.question.currentIndex()]
        ready, value = self._new_value(chosen.key)
        if not ready:
            return
        try:
            amended = session.amend_answer(visit.summary.id, chosen.key, value, self.reason.text())
        except AmendmentRefused as refused:
            self._show_message(refusal_words(refused))
            return
        except StoreError as failed:
            self._show_message(str(failed))
            return
        self.forget()
        # Translators: {question} is the question whose answer staff changed.
        notice = _("Answer amended: “{question}”. The summary was made again with the amendment.")
        self._host.show_changed(amended, notice.format(question=chosen.label))
        self.finished.emit(chosen.label)

    def cancel(self) -> None:
        self.forget()
        self.finished.emit("")

    def _show_message(self, text: str) -> None:
        """What to fix, scrolled into view: staff may be at the foot of a long form."""
        self.message.setText(text)
        self.message.setVisible(bool(text))
        area = nearest_scroll_area(self.message)
        if text and area is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            area.ensureWidgetVisible(self.message)


class AnswersTab(CurrentPageStack):
    """The visit's answers with "Amend an answer…" under them (finished visits), and the amend form in their place.

    Sized by the page showing, so the form's pinned buttons never make the visit screen taller while the answers show.
    """

    def __init__(self, host: VisitHost) -> None:
        super().__init__()
        self._host = host
        self.amend_button = touch_button(_(AMEND), "quiet", _("Amend an answer on the patient's behalf"))
        self.amend_button.clicked.connect(self.start)
        actions = QHBoxLayout()
        actions.addStretch(1)
        actions.addWidget(self.amend_button)
        listing = QWidget()
        column = QVBoxLayout(listing)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(host.answers, 1)
        column.addLayout(actions)
        self.panel = AmendPanel(host)
        self.panel.finished.connect(self._show_listing)
        self.addWidget(listing)
        self.addWidget(self._form_page())
        host.tabs.installEventFilter(self)

    def _form_page(self) -> QWidget:
        """The form scrolls; Cancel and Save stay under it, just above the on-screen keyboard while it is up."""
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(self.panel)
        buttons = QHBoxLayout()
        buttons.addWidget(self.panel.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.panel.save_button)
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(scroll, 1)
        column.addLayout(buttons)
        return page

    def start(self) -> None:
        """The amend form, on the question selected in the table."""
        session = self._host.session
        if session is None or self._host.visit is None:
            return
        row = self._host.answers.currentRow()
        picked = self._host.answers.item(row, 0) if row >= 0 else None
        self.panel.start(session, picked.text() if picked is not None else None)
        self.setCurrentIndex(1)
        self._host.focus_form(True)
        self.panel.question.setFocus()

    def _show_listing(self, amended: str = "") -> None:
        """The answers again, the one just amended selected and in view; the screen the visit's again."""
        if self.currentIndex() == 1:
            self._host.focus_form(False)
        self.setCurrentIndex(0)
        table = self._host.answers
        items = [table.item(row, 0) for row in range(table.rowCount())] if amended else []
        found = next((item for item in items if item is not None and item.text() == amended), None)
        if found is not None:
            table.setCurrentItem(found)
            table.scrollToItem(found)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        """The visit screen's tabs show with a visit: only a finished visit's answers are amended.
        They hide when staff leave the visit: what they typed is forgotten."""
        if event.type() == QEvent.Type.Show:
            visit = self._host.visit
            self.amend_button.setVisible(visit is not None and visit.summary.status == FINISHED)
        elif event.type() == QEvent.Type.Hide:
            self.panel.forget()
            self._show_listing()
        return super().eventFilter(watched, event)
