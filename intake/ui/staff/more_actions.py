"""Actions staff use less often, behind one "More actions" button that opens them in place.

A visit offers actions from many features; all in view, they would bury Print among
them and set a minimum width beyond a portrait tablet. The screen keeps a visit's next
steps in view, and one tap on "More actions" shows the rest under them: full-size
buttons in rows that wrap to the width, not a drop-down menu of small entries a finger
covers, on a panel of their own shade so they read as the button's. Tapping it again
folds them away; opening another visit starts folded.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from intake.ui.staff.words import N_, _
from intake.ui.widgets.flow_row import FlowRow
from intake.ui.widgets.styling import touch_button

MORE = N_("More actions ▾")
FEWER = N_("More actions ▴")


def side_by_side(*widgets: QWidget) -> QWidget:
    """Widgets that belong together (a choice and the button that uses it), kept on one line when rows wrap."""
    group = QWidget()
    group.setObjectName("action-group")
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    row.setSpacing(8)
    for widget in widgets:
        row.addWidget(widget)
    return group


class MoreActions(QWidget):
    """The folded actions; `toggle` (placed by the screen among its other actions) opens and folds them."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("more-actions")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        self.row = FlowRow(spacing=12)
        panel = QVBoxLayout(self)
        panel.setContentsMargins(12, 12, 12, 12)
        panel.addLayout(self.row)
        self.toggle = touch_button(_(MORE), "toggle", _("More actions"))
        self.toggle.setCheckable(True)
        self.toggle.toggled.connect(self._on_toggled)
        self.hide()

    def fold(self) -> None:
        self.toggle.setChecked(False)

    def reveal(self, widget: QWidget) -> None:
        """Open the actions and put the focus on one of them (staff were pointed to it)."""
        self.toggle.setChecked(True)
        widget.setFocus()

    def _on_toggled(self, shown: bool) -> None:
        self.toggle.setText(_(FEWER if shown else MORE))
        self.setVisible(shown)
