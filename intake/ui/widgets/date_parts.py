"""Day, month and year boxes shared by the date and month inputs.

A tiny calendar is hard to use on a tablet and slow for a birth date decades ago; three
labelled boxes, in the visit locale's order, are quick for a keyboard and leave no doubt
which number is the day (a date of birth can also be chosen by touch, in the picker).
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QDate, QLocale, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import QComboBox, QLineEdit, QListView, QVBoxLayout, QWidget

from intake.app.birth_date_steps import EARLIEST_YEAR as EARLIEST_YEAR  # the date inputs import it from here
from intake.questionnaire.patient_wording import PatientWording
from intake.ui.widgets.styling import label

_WEEKDAY = re.compile(r"dddd,?\s*|,?\s*dddd")
"""The weekday in a long date format: a date of birth does not need it."""


def locale_order(locale: QLocale) -> str:
    """'dmy', 'mdy' or 'ymd' from the locale's short date format (see `visit_locale`)."""
    pattern = locale.dateFormat(QLocale.FormatType.ShortFormat)
    positions = {part: pattern.find(part) for part in "dMy"}
    if any(position < 0 for position in positions.values()):
        return "dmy"
    return "".join(sorted(positions, key=positions.__getitem__)).lower()


def month_name(month: int, locale: QLocale) -> str:
    return locale.standaloneMonthName(month, QLocale.FormatType.LongFormat)


def digits_box(name: str, digits: int, placeholder: str) -> QLineEdit:
    box = QLineEdit()
    box.setObjectName(name)
    box.setMaxLength(digits)
    box.setPlaceholderText(placeholder)
    box.setAlignment(Qt.AlignmentFlag.AlignCenter)
    box.setValidator(QRegularExpressionValidator(QRegularExpression(rf"\d{{0,{digits}}}"), box))
    box.setInputMethodHints(Qt.InputMethodHint.ImhDigitsOnly)
    box.setProperty("digits", "year" if digits == 4 else "day")
    return box


def month_box(words: PatientWording, locale: QLocale) -> QComboBox:
    """Month by name: no doubt whether 03 is March, and no typing.

    A QListView as the popup, because the theme's row height (>= 48 px, for fingers)
    only applies to a styled view, not to the platform's default one.
    """
    box = QComboBox()
    box.setObjectName("month")
    box.setView(QListView())
    box.addItem(words.MONTH_PLACEHOLDER, None)
    for month in range(1, 13):
        box.addItem(month_name(month, locale), month)
    return box


def captioned(caption: str, widget: QWidget) -> QWidget:
    holder = QWidget()
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(4)
    layout.addWidget(label(caption, "caption", wrap=False))
    layout.addWidget(widget)
    return holder


def number_in(box: QLineEdit) -> int | None:
    text = box.text().strip()
    return int(text) if text else None


def this_year() -> int:
    return date.today().year


def spoken_date(value: date, locale: QLocale) -> str:
    """'7 March 1990', 'March 7, 1990' or '7 de marzo de 1990' by the locale: no weekday, no numeric month."""
    pattern = _WEEKDAY.sub("", locale.dateFormat(QLocale.FormatType.LongFormat)).strip()
    return locale.toString(QDate(value.year, value.month, value.day), pattern)
