"""Key buttons: they never take focus, so the field being typed into keeps it."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QPushButton, QSizePolicy

from intake.ui.keyboard.layouts import capital

HOLD_MS = 450
"""How long a finger rests on a letter before its accented variants appear."""
REPEAT_DELAY_MS = 450
REPEAT_INTERVAL_MS = 90


def _as_key(button: QPushButton, kind: str, name: str) -> None:
    """Width comes from the keyboard's grid, not the caption, so every layout fits the screen."""
    button.setProperty("role", "key")
    button.setProperty("key", kind)
    button.setAccessibleName(name)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    button.setAutoDefault(False)
    button.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)


def key_button(caption: str, kind: str, name: str) -> QPushButton:
    """A key that is not a letter (Shift, Backspace, Space, Done); the theme styles it by `kind`."""
    button = QPushButton(caption)
    _as_key(button, kind, name)
    return button


def repeating(button: QPushButton) -> QPushButton:
    """Held down, the key acts again and again (Backspace), as on a physical keyboard."""
    button.setAutoRepeat(True)
    button.setAutoRepeatDelay(REPEAT_DELAY_MS)
    button.setAutoRepeatInterval(REPEAT_INTERVAL_MS)
    return button


class LetterKey(QPushButton):
    """A letter that, held, asks for its accented variants.

    The finger that held the key may slide onto a variant and lift there: the key keeps
    the mouse grab, so the release arrives here and is reported with its screen position
    for the keyboard to pick the variant under it. A hold never also types the plain letter.
    """

    typed = Signal(str)
    held = Signal(object)
    """This key, after a long press: show its variants."""
    lifted = Signal(QPoint)
    """Where (global) the finger left the screen after a long press."""

    def __init__(self, character: str, has_variants: bool) -> None:
        super().__init__(character)
        self.plain = character
        self.character = character
        _as_key(self, "character", character)
        self._holding = False
        self._hold = QTimer(self)
        self._hold.setSingleShot(True)
        self._hold.setInterval(HOLD_MS)
        self._hold.timeout.connect(self._on_hold)
        self._has_variants = has_variants
        self.clicked.connect(self._on_clicked)

    def show_capital(self, on: bool) -> None:
        """While Shift is on the key shows, names and types its capital."""
        self.character = capital(self.plain) if on else self.plain
        self.setText(self.character)
        if self.accessibleName() in (self.plain, capital(self.plain)):
            self.setAccessibleName(self.character)

    def _on_clicked(self) -> None:
        self.typed.emit(self.character)

    def _on_hold(self) -> None:
        self._holding = True
        self.held.emit(self)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._holding = False
        if self._has_variants and event.button() == Qt.MouseButton.LeftButton:
            self._hold.start()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt override
        self._hold.stop()
        if not self._holding:
            super().mouseReleaseEvent(event)
            return
        self.cancel_hold()
        self.lifted.emit(event.globalPosition().toPoint())

    def cancel_hold(self) -> None:
        """The hold ended elsewhere (a variant was chosen): the key springs back up."""
        self._hold.stop()
        self._holding = False
        self.setDown(False)
