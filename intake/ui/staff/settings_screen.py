"""The administrator's settings screen: every clinic setting, checked before it is written.

The values go through the same pydantic `Settings` model as `settings.yaml`, so the
screen cannot save what the file would refuse, and a refusal names the setting.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, get_args

from pydantic import ValidationError
from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from intake.eligibility.policy import shipped_policies
from intake.settings import KeyboardMode, Settings
from intake.ui.scrolling import ScrollColumn
from intake.ui.staff.printing import printer_names
from intake.ui.widgets.styling import label, touch_button

SYSTEM_DEFAULT = "System default printer"
LABELS = {
    "clinic_name": "Clinic name",
    "clinic_address": "Clinic address",
    "clinic_phone": "Clinic phone (on the patient information sheet)",
    "policy": "Referral policy",
    "paper": "Paper size",
    "midas": "Ask the MIDAS questions",
    "large_text": "Larger text by default",
    "high_contrast": "High contrast by default",
    "idle_timeout_s": "Patient idle time (seconds)",
    "idle_countdown_s": "“Are you still there?” countdown (seconds)",
    "resume_window_s": "A paused visit can be resumed for (seconds)",
    "on_screen_keyboard": "On-screen keyboard",
    "staff_idle_timeout_s": "Staff sign-out after (seconds)",
    "auto_print": "Print the summary when a patient finishes",
    "printer": "Printer",
    "alert_sound": "Sound with urgent alerts",
    "output_dir": "Folder for saved PDFs",
    "database_url": "Shared database URL",
}


def _spin(minimum: int, maximum: int) -> QSpinBox:
    box = QSpinBox()
    box.setRange(minimum, maximum)
    return box


def _writable(folder: Path) -> bool:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return os.access(folder, os.W_OK)


class SettingsScreen(QWidget):
    chosen = Signal(object)
    """New `Settings` the model accepted; the staff area has them written and audited."""
    closed = Signal()

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("staff-settings")
        self.setProperty("role", "staff-screen")
        self.fields: dict[str, QWidget] = {
            "clinic_name": QLineEdit(),
            "clinic_address": QLineEdit(),
            "clinic_phone": QLineEdit(),
            "policy": QComboBox(),
            "paper": QComboBox(),
            "midas": QCheckBox(),
            "large_text": QCheckBox(),
            "high_contrast": QCheckBox(),
            "idle_timeout_s": _spin(10, 3600),
            "idle_countdown_s": _spin(5, 600),
            "resume_window_s": _spin(60, 86400),
            "on_screen_keyboard": QComboBox(),
            "staff_idle_timeout_s": _spin(30, 7200),
            "auto_print": QCheckBox(),
            "printer": QComboBox(),
            "alert_sound": QCheckBox(),
            "output_dir": QLineEdit(),
            "database_url": QLineEdit(),
        }
        self.field("policy").addItems(shipped_policies())
        self.field("paper").addItems(["a4", "letter"])
        self.field("on_screen_keyboard").addItems(list(get_args(KeyboardMode)))
        self.field("output_dir").setPlaceholderText("Default: the app's own data folder")
        self.field("database_url").setPlaceholderText("Empty: this computer. Applies at the next start")
        form = QFormLayout()
        form.setSpacing(12)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key, widget in self.fields.items():
            widget.setAccessibleName(LABELS[key])
            if isinstance(widget, QCheckBox):
                widget.setText(LABELS[key])
                form.addRow(widget)
            else:
                form.addRow(label(LABELS[key], "field", wrap=False), widget)
        self.message = label("", "error")
        self.message.hide()
        self.save_button = touch_button("Save", "primary", "Save the settings")
        self.cancel_button = touch_button("Cancel", "quiet", "Leave without saving")
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.closed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = ScrollColumn()
        column.content.addWidget(label("Settings", "title"))
        column.content.addLayout(form)
        column.content.addWidget(self.message)
        column.content.addLayout(buttons)
        column.finish()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(column)

    def field(self, key: str) -> Any:
        return self.fields[key]

    def edit(self, settings: Settings) -> None:
        """Show the current settings."""
        printers = self.field("printer")
        printers.clear()
        printers.addItems([SYSTEM_DEFAULT, *printer_names()])
        if settings.printer and printers.findText(settings.printer) < 0:
            printers.addItem(settings.printer)
        printers.setCurrentText(settings.printer or SYSTEM_DEFAULT)
        for key in ("clinic_name", "clinic_address", "clinic_phone", "database_url"):
            self.field(key).setText(getattr(settings, key) or "")
        self.field("output_dir").setText(str(settings.output_dir) if settings.output_dir else "")
        for key in ("policy", "paper", "on_screen_keyboard"):
            self.field(key).setCurrentText(getattr(settings, key))
        for key in ("midas", "large_text", "high_contrast", "auto_print", "alert_sound"):
            self.field(key).setChecked(getattr(settings, key))
        for key in ("idle_timeout_s", "idle_countdown_s", "resume_window_s", "staff_idle_timeout_s"):
            self.field(key).setValue(getattr(settings, key))
        self.message.hide()

    def values(self) -> dict[str, Any]:
        printer = self.field("printer").currentText()
        return {
            "clinic_name": self.field("clinic_name").text().strip(),
            "clinic_address": self.field("clinic_address").text().strip(),
            "clinic_phone": self.field("clinic_phone").text().strip(),
            "policy": self.field("policy").currentText(),
            "paper": self.field("paper").currentText(),
            "on_screen_keyboard": self.field("on_screen_keyboard").currentText(),
            **{key: self.field(key).isChecked() for key in ("midas", "large_text", "high_contrast", "auto_print", "alert_sound")},
            **{key: self.field(key).value() for key in ("idle_timeout_s", "idle_countdown_s", "resume_window_s", "staff_idle_timeout_s")},
            "printer": None if printer == SYSTEM_DEFAULT else printer,
            "output_dir": self.field("output_dir").text().strip() or None,
            "database_url": self.field("database_url").text().strip() or None,
        }

    def _on_save(self) -> None:
        try:
            settings = Settings.model_validate(self.values())
        except ValidationError as error:
            problems = [f"{LABELS.get(str(e['loc'][0]), e['loc'][0])}: {e['msg']}" for e in error.errors()]
            self.refuse("\n".join(problems))
            return
        if settings.output_dir is not None and not _writable(settings.output_dir):
            self.refuse(f"{LABELS['output_dir']}: cannot create or write to {settings.output_dir}")
            return
        self.chosen.emit(settings)

    def refuse(self, text: str) -> None:
        """Say why the settings were not saved; the screen keeps what the admin typed."""
        self.message.setText(text)
        self.message.show()
