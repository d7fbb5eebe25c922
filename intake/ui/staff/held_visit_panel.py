"""The choice staff make for a visit waiting on the hold screen, on the queue they land on.

Shown only to someone signed in while this tablet's patient waits on hold, so the
patient can never take either path alone. Staff can look at the queue and the visit
first; the panel stays until they choose.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QBoxLayout, QSizePolicy, QWidget

from intake.ui.staff.words import _
from intake.ui.widgets.styling import label, touch_button


class HeldVisitPanel(QWidget):
    continue_requested = Signal()
    new_visit_requested = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("held-visit")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.text = label(_("On hold at this tablet:"), "staff-calm-text", wrap=False)
        self.continue_button = touch_button(_("Continue the visit with the patient"), "primary")
        self.new_visit_button = touch_button(
            _("Start a new visit"), "quiet", _("Start a new visit: keep these answers as unfinished")
        )
        self.continue_button.clicked.connect(self.continue_requested)
        self.new_visit_button.clicked.connect(self.new_visit_requested)
        self._layout = QBoxLayout(QBoxLayout.Direction.LeftToRight, self)
        self._layout.setContentsMargins(16, 8, 16, 8)
        self._layout.setSpacing(12)
        self._layout.addWidget(self.text)
        for button in (self.new_visit_button, self.continue_button):
            button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
            self._layout.addWidget(button)
        self.hide()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt override
        """One low row where everything fits (landscape), else text and full-width buttons stacked (portrait).

        The buttons ignore their width hint so the row never makes the window wider
        than a portrait tablet; the row is only used when they get their full width,
        shared out in proportion to what each needs.
        """
        margins = self._layout.contentsMargins()
        buttons = (self.new_visit_button, self.continue_button)
        for button in buttons:
            self._layout.setStretchFactor(button, button.sizeHint().width())
        row = (
            margins.left() + margins.right() + 2 * self._layout.spacing()
            + self.text.fontMetrics().horizontalAdvance(self.text.text())
            + sum(button.sizeHint().width() for button in buttons)
        )
        wide = event.size().width() >= row
        direction = QBoxLayout.Direction.LeftToRight if wide else QBoxLayout.Direction.TopToBottom
        if self._layout.direction() != direction:
            self._layout.setDirection(direction)
        super().resizeEvent(event)
