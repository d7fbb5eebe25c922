"""The keyboard itself: a letters layout, the digits pads, and the Shift state.

The panel only says what was tapped (`typed`, `erase_requested`, `done_requested`,
`enter_requested`); the dock decides where the text goes. Key captions and spoken names
are the patient wording's, in the language of the screen above (`use_wording`). The
letters layout serves English and Spanish alike: ñ and the accented vowels have keys,
and a long press on a letter offers the rest.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, Signal
from PySide6.QtGui import QHideEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QStackedWidget, QVBoxLayout, QWidget

from intake.questionnaire.patient_wording import (
    KEY_BACKSPACE_CAPTION,
    KEY_LETTERS_CAPTION,
    KEY_NUMBERS_CAPTION,
    KEY_SHIFT_CAPTION,
    PatientWording,
)
from intake.ui.keyboard.keys import LetterKey, key_button, repeating
from intake.ui.keyboard.layouts import DECIMAL, DIGITS, LETTERS, NUMBERS, PIN, Key, KeyKind, Layout, grid_cells, variants_of
from intake.ui.keyboard.variants import VariantsOverlay
from intake.ui.widgets.styling import discard, set_state


def key_words(words: PatientWording) -> dict[KeyKind, tuple[str, str]]:
    """Caption and spoken name of each key that is not a character."""
    return {
        KeyKind.SHIFT: (KEY_SHIFT_CAPTION, words.KEY_SHIFT_NAME),
        KeyKind.BACKSPACE: (KEY_BACKSPACE_CAPTION, words.KEY_BACKSPACE_NAME),
        KeyKind.SPACE: (words.KEY_SPACE_CAPTION, words.KEY_SPACE_NAME),
        KeyKind.DONE: (words.KEY_DONE_CAPTION, words.KEY_DONE_NAME),
        KeyKind.ENTER: (words.KEY_ENTER_CAPTION, words.KEY_ENTER_NAME),
        KeyKind.NUMBERS: (KEY_NUMBERS_CAPTION, words.KEY_NUMBERS_NAME),
        KeyKind.LETTERS: (KEY_LETTERS_CAPTION, words.KEY_LETTERS_NAME),
    }


class KeyboardPanel(QWidget):
    typed = Signal(str)
    erase_requested = Signal()
    done_requested = Signal()
    enter_requested = Signal()

    def __init__(self, words: PatientWording) -> None:
        super().__init__()
        self.setObjectName("keyboard")
        self._words = words
        self._worded: list[tuple[QPushButton, KeyKind]] = []
        """The keys whose caption or name comes from the wording."""
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.shifted = False
        self.letter_keys: list[LetterKey] = []
        self.shift_keys: list[QPushButton] = []
        self.variants: VariantsOverlay | None = None
        self.pads: dict[str, QWidget] = {}
        self._numbers = NUMBERS.name
        """The digits the letters' 123 key leads to: the PIN pad from a PIN field, else the plain one."""
        self.stack = QStackedWidget()
        self.stack.setObjectName("keyboard-pads")
        for layout in (LETTERS, DIGITS, DECIMAL, NUMBERS, PIN):
            self.pads[layout.name] = self._pad(layout)
            self.stack.addWidget(self.pads[layout.name])
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.addWidget(self.stack)
        self.use_wording(words)

    def use_wording(self, words: PatientWording) -> None:
        """Captions and spoken names in the language of the screen the keyboard types into."""
        self._words = words
        self.setAccessibleName(words.KEYBOARD_NAME)
        captions = key_words(words)
        for key, kind in self._worded:
            if kind is KeyKind.CHARACTER:
                key.setAccessibleName(words.KEY_DECIMAL_NAME)
            else:
                key.setText(captions[kind][0])
                key.setAccessibleName(captions[kind][1])

    @property
    def layout_name(self) -> str:
        return next(name for name, pad in self.pads.items() if pad is self.stack.currentWidget())

    def use(self, name: str) -> None:
        """The layout a field asks for: 'letters', 'digits', 'decimal', 'numbers' (digits with a
        way back to letters) or 'pin' (that, larger, with Enter)."""
        self._numbers = PIN.name if name == PIN.name else NUMBERS.name
        self._show(name)

    def _show(self, name: str) -> None:
        self.close_variants()
        self.stack.setCurrentWidget(self.pads[name])

    def set_shift(self, on: bool) -> None:
        self.shifted = on
        for key in self.letter_keys:
            key.show_capital(on)
        for shift_key in self.shift_keys:
            set_state(shift_key, "active", on)

    def _pad(self, layout: Layout) -> QWidget:
        """One layout on a grid of equal columns, centred at the width the theme allows."""
        keys = QWidget()
        keys.setProperty("role", "keypad")
        keys.setProperty("layout", layout.name)
        grid = QGridLayout(keys)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(6)
        columns = 0
        for key, row, column in grid_cells(layout):
            widget = self._key(key)
            grid.addWidget(widget, row, column, key.rows, key.columns)
            columns = max(columns, column + key.columns)
        for column in range(columns):
            grid.setColumnStretch(column, 1)
        pad = QWidget()
        pad.setObjectName("keyboard-pad")
        centred = QHBoxLayout(pad)
        centred.setContentsMargins(0, 0, 0, 0)
        centred.addStretch(1)
        centred.addWidget(keys, 100)
        centred.addStretch(1)
        return pad

    def _key(self, key: Key) -> QWidget:
        if key.kind is KeyKind.CHARACTER:
            letter = LetterKey(key.character, bool(variants_of(key.character)))
            if key.character == ",":
                self._worded.append((letter, key.kind))
            letter.typed.connect(self._on_typed)
            letter.held.connect(self._show_variants)
            letter.lifted.connect(self._on_lifted)
            self.letter_keys.append(letter)
            return letter
        if key.kind is KeyKind.GAP:
            gap = QWidget()
            gap.setProperty("role", "key-gap")
            return gap
        button = key_button("", "switch" if key.kind in (KeyKind.NUMBERS, KeyKind.LETTERS) else key.kind.value, "")
        if key.kind is KeyKind.BACKSPACE:
            repeating(button)
        if key.kind is KeyKind.SHIFT:
            self.shift_keys.append(button)
        button.clicked.connect(self._actions()[key.kind])
        self._worded.append((button, key.kind))
        return button

    def _actions(self) -> dict[KeyKind, Callable[[], None]]:
        return {
            KeyKind.SHIFT: self._toggle_shift,
            KeyKind.BACKSPACE: self._on_erase,
            KeyKind.SPACE: self._on_space,
            KeyKind.DONE: self._on_done,
            KeyKind.ENTER: self._on_enter,
            KeyKind.NUMBERS: self._to_numbers,
            KeyKind.LETTERS: self._to_letters,
        }

    def _on_typed(self, character: str) -> None:
        self.close_variants()
        self.typed.emit(character)
        if self.shifted and character.isalpha():
            self.set_shift(False)

    def _on_space(self) -> None:
        self._on_typed(" ")

    def _on_erase(self) -> None:
        self.close_variants()
        self.erase_requested.emit()

    def _on_done(self) -> None:
        self.close_variants()
        self.done_requested.emit()

    def _on_enter(self) -> None:
        self.close_variants()
        self.enter_requested.emit()

    def _to_numbers(self) -> None:
        self._show(self._numbers)

    def _to_letters(self) -> None:
        self._show(LETTERS.name)

    def _toggle_shift(self) -> None:
        self.close_variants()
        self.set_shift(not self.shifted)

    def _show_variants(self, key: LetterKey) -> None:
        self.close_variants()
        self.variants = VariantsOverlay(
            self.window(), key, variants_of(key.character), self._words.key_variants_name(key.character)
        )
        self.variants.typed.connect(self._on_typed)
        self.variants.dismissed.connect(self.close_variants)

    def _on_lifted(self, point: QPoint) -> None:
        """The finger left the screen after a hold: on a variant types it; elsewhere the row stays."""
        if self.variants is None:
            return
        variant = self.variants.variant_at(point)
        if variant is not None:
            self._on_typed(variant)

    def close_variants(self) -> None:
        if self.variants is not None:
            self.variants.held.cancel_hold()
            discard(self.variants)
            self.variants = None

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt override
        self.close_variants()
        super().hideEvent(event)
