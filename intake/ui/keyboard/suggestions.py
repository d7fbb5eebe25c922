"""Keeps a line edit's suggestion list (QCompleter popup) off the on-screen keyboard.

QCompleter places its list below the field whenever the *screen* has room there, which
with the keyboard docked means on top of the keys: the patient could not see or reach
the letters while the list is open. The list is moved just above the keyboard, or above
the field when there is more room there.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QWidget

MIN_ROWS = 2
"""Below the field the list must show at least this many suggestions, else it goes above."""


class SuggestionsAboveKeys(QObject):
    def __init__(self, keyboard: QWidget) -> None:
        super().__init__(keyboard)
        self._keyboard = keyboard

    def watch(self, field: QWidget) -> None:
        completer = field.completer() if isinstance(field, QLineEdit) else None
        if completer is not None:
            completer.popup().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        moved = event.type() in (QEvent.Type.Show, QEvent.Type.Move, QEvent.Type.Resize)
        if moved and isinstance(watched, QWidget) and self._keyboard.isVisible():
            self._fit(watched)
        return False

    def _fit(self, popup: QWidget) -> None:
        field = popup.focusProxy()
        keys_top = self._keyboard.mapToGlobal(QPoint(0, 0)).y()
        place = popup.geometry()
        if field is None or place.bottom() < keys_top:
            return
        field_top = field.mapToGlobal(QPoint(0, 0)).y()
        field_bottom = field_top + field.height()
        window_top = field.window().mapToGlobal(QPoint(0, 0)).y()
        row = max(popup.sizeHintForRow(0), 1) if isinstance(popup, QAbstractItemView) else 1
        room_below = keys_top - field_bottom
        room_above = field_top - window_top
        if room_below >= min(place.height(), MIN_ROWS * row) or room_below >= room_above:
            fitted = QRect(place.left(), field_bottom, place.width(), min(place.height(), room_below))
        else:
            height = min(place.height(), room_above)
            fitted = QRect(place.left(), field_top - height, place.width(), height)
        if fitted != place:
            popup.setGeometry(fitted)
