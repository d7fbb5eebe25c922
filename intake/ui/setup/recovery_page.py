"""The recovery code, shown once at the end of set-up: the audit key, to write down and keep away.

A new computer restoring a backup (`intake restore`) asks for it; nothing else ever
shows it again. "Done" waits until staff confirm they wrote it down.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QPoint, QSize, Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QSizePolicy

from intake.ui.staff.form_column import FormColumn
from intake.ui.staff.words import _
from intake.ui.widgets.styling import label, touch_button

INDICATOR_ROOM = 46
"""The theme's check box indicator and the space after it, where the words begin."""


class WrappingCheckBox(QCheckBox):
    """A check box whose words wrap onto more lines (a promise is a sentence), ticked by a tap anywhere on it."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.setAccessibleName(text)
        self.caption = label(text, "check-text")
        self.caption.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self._row = QHBoxLayout(self)
        self._row.setContentsMargins(INDICATOR_ROOM, 4, 0, 4)
        self._row.addWidget(self.caption)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def hitButton(self, pos: QPoint) -> bool:  # noqa: N802 - Qt override
        return self.rect().contains(pos)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._row.sizeHint()

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt override
        return self._row.minimumSize()

    def hasHeightForWidth(self) -> bool:  # noqa: N802 - Qt override
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802 - Qt override
        return self._row.heightForWidth(width)


class RecoveryPage(FormColumn):
    done = Signal()

    def __init__(self, code: Sequence[str], passphrase_notice: str = "") -> None:
        """`code`: the recovery code's lines, groups of four characters apart. `passphrase_notice`: where
        the passphrase went when that is not where its step said it would go."""
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
        self.passphrase_notice = label(passphrase_notice, "notice")
        self.passphrase_notice.setVisible(bool(passphrase_notice))
        self.column.addWidget(self.passphrase_notice)
        self.confirm = WrappingCheckBox(_("I have written it down and will keep it somewhere safe, away from this computer"))
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
