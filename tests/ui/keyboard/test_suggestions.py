"""A field's suggestion list never covers the keys the patient is typing on."""

from __future__ import annotations

from keyboard_driver import type_on_keys
from patient_driver import tap
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QCompleter, QLabel, QLineEdit, QWidget

MEDICINES = [f"Medicine {number}" for number in range(20)]


def _medicine_field() -> QLineEdit:
    field = QLineEdit()
    completer = QCompleter(MEDICINES, field)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    field.setCompleter(completer)
    return field


def _top(widget: QWidget) -> int:
    return widget.mapToGlobal(QPoint(0, 0)).y()


def test_the_list_ends_above_the_keys(typing_window) -> None:
    field = _medicine_field()
    window = typing_window(QLabel("Which medicines?"), field, height=600)
    tap(field)
    type_on_keys(window.dock, "Me")
    popup = field.completer().popup()
    assert popup.isVisible() and field.completer().completionCount() == len(MEDICINES)
    assert popup.geometry().top() >= _top(field) + field.height() - 1
    assert popup.geometry().bottom() < _top(window.dock)


def test_with_no_room_below_the_list_opens_above_the_field(typing_window) -> None:
    field = _medicine_field()
    window = typing_window(field, height=600, at_bottom=True)
    tap(field)
    assert _top(window.dock) - (_top(field) + field.height()) < 60, "the field sits right on the keys"
    type_on_keys(window.dock, "Me")
    popup = field.completer().popup()
    assert popup.isVisible()
    assert popup.geometry().bottom() < _top(field)
    assert popup.geometry().height() >= 2 * popup.sizeHintForRow(0)
