"""Patients who asked for help, above every staff screen, each with a "Handled" button.

A calm line, not the red alert: nothing is urgent about it, but someone has to go. The
request stays until a staff member marks it handled (or the visit reviewed), on every
station; tapping "Handled" is audited in their name.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QPushButton, QWidget

from intake.app.alerts import Alerts
from intake.ui.staff.visit_words import help_text, name_of
from intake.ui.staff.words import _
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.styling import discard, label, touch_button

VISIT_ID = "visit_id"
"""The property naming the visit a "Handled" button is for."""
NOTICE_FRAME = 40
"""The notice's padding and border (px, both sides together), beyond its text."""


class HelpBar(QWidget):
    handled = Signal(str)
    """The id of the visit whose request for help a staff member marked handled."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("help-bar")
        self.notice = label("", "staff-calm")
        self.notice.setAccessibleName(_("Asked for help"))
        self._row = FlowRow(spacing=12)
        self.buttons: list[QPushButton] = []
        """One per patient waiting, in the order the line names them."""
        self._waiting: list[tuple[str, str]] = []
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(24, 8, 24, 0)
        self._layout.setSpacing(12)
        self._layout.addWidget(self.notice, 1)
        self._layout.addLayout(self._row)
        self.hide()

    def show_waiting(self, alerts: Alerts) -> None:
        """The patients waiting for help, one "Handled" button each (named when several wait)."""
        waiting = [(visit.id, name_of(visit)) for visit in alerts.help]
        self.notice.setText(help_text(alerts))
        self.setVisible(bool(waiting))
        if waiting == self._waiting:
            return
        self._waiting = waiting
        for button in self.buttons:
            discard(button)
        self.buttons = []
        for visit_id, name in waiting:
            text = _("Handled") if len(waiting) == 1 else _("Handled: {name}").format(name=name)
            button = touch_button(text, "quiet", _("{name}'s request for help is handled").format(name=name))
            button.setProperty(VISIT_ID, visit_id)
            button.clicked.connect(self._on_handled)
            self._row.addWidget(button)
            self.buttons.append(button)
        self._fit(self.width())

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        self._fit(event.size().width())
        super().resizeEvent(event)

    def _fit(self, width: int) -> None:
        """The buttons beside the line where both fit whole (landscape), else under it (portrait)."""
        margins = self._layout.contentsMargins()
        row = (
            margins.left() + margins.right() + NOTICE_FRAME + self.notice.fontMetrics().horizontalAdvance(self.notice.text())
            + sum(button.sizeHint().width() + self._row.spacing() for button in self.buttons) + self._layout.spacing()
        )
        direction = QBoxLayout.Direction.LeftToRight if width >= row else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)

    def _on_handled(self) -> None:
        button = self.sender()
        if isinstance(button, QPushButton):
            self.handled.emit(button.property(VISIT_ID))
