"""The recovery code, shown once at the end of set-up: the audit key, to write down and keep away.

A new computer restoring a backup (`intake restore`) asks for it; nothing else ever
shows it again. "Done" waits until staff confirm they wrote it down.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout

from intake.ui.staff.form_column import FormColumn
from intake.ui.staff.words import _
from intake.ui.widgets.styling import label, touch_button


class RecoveryPage(FormColumn):
    done = Signal()

    def __init__(self, code: Sequence[str]) -> None:
        """`code`: the recovery code's lines, groups of four characters apart."""
        super().__init__(
            _("Your recovery code"),
            _("This is the audit key of this kiosk: it signs the record of everything done here. Restoring a backup "
              "on a new computer needs it (the command intake restore asks for it). Write it down now: it is shown "
              "only this once."),
        )
        self.setObjectName("set-up-recovery")
        self.code = label("\n".join(code), "recovery-code", wrap=False)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.code.setAccessibleName(_("Recovery code"))
        self.column.addWidget(self.code)
        self.confirm = QCheckBox(_("I have written it down and will keep it somewhere safe,\naway from this computer"))
        self.confirm.toggled.connect(self._on_confirmed)
        self.column.addWidget(self.confirm)
        self.done_button = touch_button(_("Done"), "primary", _("Done: start the kiosk"))
        self.done_button.setEnabled(False)
        self.done_button.clicked.connect(self.done)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        self.finish(buttons)

    def _on_confirmed(self, checked: bool) -> None:
        self.done_button.setEnabled(checked)
