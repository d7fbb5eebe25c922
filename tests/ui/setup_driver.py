"""Staff at a kiosk's first start, at a tablet with no keyboard: the start after the first frame, the
on-screen keys, the lists of choices."""

from __future__ import annotations

import argparse

from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QComboBox, QLineEdit
from touch_staff import TouchStaff

from intake.questionnaire.patient_wording import ENGLISH
from intake.ui import app
from intake.ui.app import MainWindow

SIZES = [(1280, 800), (800, 1280)]


class SetUpStaff(TouchStaff):
    """Staff at a kiosk's first start, at a tablet with no keyboard."""

    def clear(self, field: QLineEdit) -> None:
        """Tap the field after its text, then Backspace until it is empty."""
        self.tap(field, QPoint(field.width() - 8, field.height() // 2))
        for _ in range(len(field.text())):
            self.tap_key(ENGLISH.KEY_BACKSPACE_NAME)

    def choose(self, combo: QComboBox, text: str) -> None:
        """Open the list with a tap and tap the entry (the popup takes a tap only after the finger moved)."""
        self.tap(combo)
        view = combo.view()
        assert view.isVisible(), "the list opened"
        row = view.visualRect(view.model().index(combo.findText(text), 0))
        for point in (row.topLeft() + QPoint(4, 4), row.center()):
            QTest.mouseMove(view.viewport(), point)
        QTest.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, row.center())
        self.figures.taps += 1
        QTest.qWait(20)
        assert combo.currentText() == text and not view.isVisible()


def start(window: MainWindow) -> None:
    """What `AfterFirstFrame` runs: the settings, then the wizard or the store."""
    app._complete_start(window, argparse.Namespace(quit_after_show=False, drive=None))
    QTest.qWait(20)  # the page shows in the next frame (`CurrentPageStack`)
