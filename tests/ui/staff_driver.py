"""Drives staff mode like a person at the front desk: shortcut, ID and PIN, queue, visit."""

from __future__ import annotations

from patient_driver import tap, type_into
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from intake.ui.app import MainWindow
from intake.ui.staff.area import StaffArea

ADMIN_PIN, STAFF_PIN = "482193", "7310"
"""maria (admin) and bob (staff) in the `stores` fixture."""


class FrontDesk:
    def __init__(self, window: MainWindow) -> None:
        self.window = window

    @property
    def area(self) -> StaffArea:
        assert self.window.staff is not None
        return self.window.staff

    def press_shortcut(self) -> None:
        """Ctrl+Shift+S, in the active window as on a real desk (offscreen windows start inactive)."""
        self.window.activateWindow()
        QTest.qWaitForWindowActive(self.window, 1000)
        QTest.keyClick(self.window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        QApplication.processEvents()

    def sign_in(self, staff_id: str, pin: str) -> None:
        if self.window.pages.currentWidget() is not self.area:
            self.press_shortcut()
        screen = self.area.sign_in
        assert self.area.currentWidget() is screen, "the sign-in screen is showing"
        type_into(screen.staff_id, staff_id)
        type_into(screen.pin, pin)
        tap(screen.sign_in_button)

    @property
    def message(self) -> str:
        return self.area.sign_in.message.text() if self.area.sign_in.message.isVisible() else ""

    @property
    def in_queue(self) -> bool:
        return self.window.pages.currentWidget() is self.area and self.area.currentWidget() is self.area.queue

    def queue_names(self) -> list[str]:
        """The names in the queue, without the date of birth under each."""
        table = self.area.queue.table
        return [table.item(row, 1).text().split("\n")[0] for row in range(table.rowCount())]

    def open_row(self, row: int) -> None:
        queue = self.area.queue
        queue.table.selectRow(row)
        tap(queue.open_button)
        assert self.area.currentWidget() is self.area.visit

    def open_tab(self, title: str) -> None:
        """A tap on the visit screen's tab whose title starts with `title`."""
        bar = self.area.visit.tabs.tabBar()
        index = next(index for index in range(bar.count()) if bar.tabText(index).startswith(title))
        QTest.mouseClick(bar, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, bar.tabRect(index).center())
        QApplication.processEvents()
        assert self.area.visit.tabs.currentIndex() == index

    def open_more(self) -> None:
        """A tap on the visit screen's "More actions", where the less used actions wait folded."""
        toggle = self.area.visit.more.toggle
        if not toggle.isChecked():
            tap(toggle)
        assert self.area.visit.more.isVisible()
