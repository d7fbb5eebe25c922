"""A narrow centred column of labelled fields, for the sign-in and set-up screens.

The column scrolls: on a landscape tablet the on-screen keyboard takes half the height,
and the keyboard scrolls the field being typed into above its keys (a column that did
not scroll would be squeezed and its buttons cut off). A problem with one field shows
under that field, naming it; a problem with the whole form, above its buttons.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QScrollArea, QScroller, QVBoxLayout, QWidget

from intake.ui.staff.words import _
from intake.ui.widgets.styling import label

COLUMN_WIDTH = 560

Field = TypeVar("Field", bound=QWidget)


def secret_field() -> QLineEdit:
    """A PIN field: hidden as typed, never offered to input-method prediction or the clipboard.

    PINs are mostly digits but may hold letters, so the field prefers numbers: the
    on-screen keyboard brings the PIN pad, with a key to the letters.
    """
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    hint = Qt.InputMethodHint
    field.setInputMethodHints(hint.ImhSensitiveData | hint.ImhNoPredictiveText | hint.ImhPreferNumbers)
    return field


def passphrase_field() -> QLineEdit:
    """A passphrase field: hidden as typed, never offered to prediction or the clipboard; the on-screen
    keyboard's letters, with no capital first."""
    field = QLineEdit()
    field.setEchoMode(QLineEdit.EchoMode.Password)
    hint = Qt.InputMethodHint
    field.setInputMethodHints(hint.ImhSensitiveData | hint.ImhNoPredictiveText | hint.ImhNoAutoUppercase)
    return field


def _scrolling(content: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    QScroller.grabGesture(area.viewport(), QScroller.ScrollerGestureType.TouchGesture)
    area.setWidget(content)
    return area


class FormColumn(QWidget):
    """`title`, `intro` and each field's caption come translated: the screen built on it words them."""

    def __init__(self, title: str, intro: str) -> None:
        super().__init__()
        self.setProperty("role", "staff-form")
        self.column = QVBoxLayout()
        self.column.setSpacing(12)
        heading = label(title, "title")
        self.column.addWidget(heading)
        if intro:
            self.column.addWidget(label(intro, "intro"))
        self.message = label("", "error")
        self.message.setAccessibleName(_("Problem"))
        self.message.hide()
        self._captions: dict[QWidget, str] = {}
        self._problems: dict[QWidget, QLabel] = {}
        holder = QWidget()
        holder.setMaximumWidth(COLUMN_WIDTH)
        holder.setLayout(self.column)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(holder, 100)
        row.addStretch(1)
        content = QWidget()
        inner = QVBoxLayout(content)
        inner.setContentsMargins(32, 24, 32, 24)
        inner.addStretch(1)
        inner.addLayout(row)
        inner.addStretch(2)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(_scrolling(content))

    def add_field(self, text: str, field: Field) -> Field:
        caption: QLabel = label(text, "field")
        caption.setBuddy(field)
        field.setAccessibleName(text)
        self.column.addWidget(caption)
        self.column.addWidget(field)
        problem = label("", "error")
        problem.hide()
        self.column.addWidget(problem)
        self._captions[field] = text
        self._problems[field] = problem
        return field

    def show_problem(self, field: QWidget, problem: str) -> None:
        """`problem` under `field`, naming it by its caption; the field takes focus to be fixed."""
        shown = self._problems[field]
        # Translators: a problem shown under a field; {field} is the field's caption.
        shown.setText(_("{field}: {problem}").format(field=self._captions[field], problem=problem))
        shown.setAccessibleName(_("Problem"))
        shown.show()
        field.setFocus()

    def clear_problems(self) -> None:
        for shown in self._problems.values():
            shown.hide()
        self.show_message("")

    def finish(self, buttons: QHBoxLayout) -> None:
        self.column.addWidget(self.message)
        self.column.addSpacing(12)
        self.column.addLayout(buttons)

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
