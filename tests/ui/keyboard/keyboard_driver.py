"""A finger on the on-screen keyboard: taps, holds and slides on key buttons, nothing else."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton, QWidget

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui.keyboard.dock import KeyboardDock
from intake.ui.keyboard.keys import HOLD_MS
from intake.ui.keyboard.layouts import VARIANTS


def keys_named(window: QWidget, name: str) -> list[QPushButton]:
    return [key for key in window.findChildren(QPushButton) if key.isVisible() and key.accessibleName() == name]


def key(window: QWidget, name: str) -> QPushButton:
    """The one key on screen with this accessible name (its character, or Shift, Done...)."""
    found = keys_named(window, name)
    assert len(found) == 1, f"{len(found)} keys named {name!r} on screen"
    return found[0]


def tap_key(window: QWidget, name: str) -> None:
    button = key(window, name)
    QTest.mouseClick(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center())
    QApplication.processEvents()


def hold_key(window: QWidget, name: str, ms: int = HOLD_MS + 200) -> QPushButton:
    """Press and keep the finger down; returns the key, still pressed."""
    button = key(window, name)
    QTest.mousePress(button, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, button.rect().center())
    QTest.qWait(ms)
    return button


def slide_and_lift(on: QPushButton) -> None:
    """Lift the finger over `on` (the press began on another key, which keeps the grab)."""
    QTest.mouseRelease(on, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, on.rect().center())
    QApplication.processEvents()


def long_press_variant(window: QWidget, base: str, variant: str) -> None:
    hold_key(window, base)
    slide_and_lift(key(window, variant))


def type_on_keys(dock: KeyboardDock, text: str) -> None:
    """Type as a patient would: Shift for capitals, a long press for accents without a key."""
    window = dock.window()
    for character in text:
        if character == " ":
            tap_key(window, ENGLISH.KEY_SPACE_NAME)
            continue
        if character.isalpha() and dock.panel.shifted != (character != character.lower()):
            tap_key(window, ENGLISH.KEY_SHIFT_NAME)
        if keys_named(window, character):
            tap_key(window, character)
            continue
        base = next(letter for letter, variants in VARIANTS.items() if character.lower() in variants)
        long_press_variant(window, base.upper() if dock.panel.shifted else base, character)


class KeyPressCounter(QObject):
    """Counts key presses reaching a widget: the on-screen keyboard must send none."""

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        self.count = 0
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() == QEvent.Type.KeyPress:
            self.count += 1
        return False
