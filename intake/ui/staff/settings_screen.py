"""The administrator's settings screen, generated from the `Settings` model.

Every field with a title gets one editor (see `setting_editors`), labelled, bounded and
explained by the model's own metadata, so a setting is declared once and the screen
cannot offer what the file would refuse. Saving starts from the settings being edited
and replaces only what the screen shows, so a file-only key survives it; the result goes
through the same validation as `settings.yaml`, and a refusal names the setting.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from intake.eligibility import shipped_policies
from intake.report.info_text import sheet_language_names
from intake.settings import Settings
from intake.ui.scrolling import ScrollColumn
from intake.ui.staff.printing import printer_names
from intake.ui.staff.setting_editors import Choice, ChoiceList, SettingEditor, editor_for
from intake.ui.widgets.styling import label, touch_button


def _policies() -> list[Choice]:
    """After the model's "shipped default" choice (None), every shipped policy by name."""
    return [(name, name) for name in shipped_policies()]


def _printers() -> list[Choice]:
    return [(name, name) for name in printer_names()]


def _sheet_languages() -> list[Choice]:
    return [(name, language) for language, name in sheet_language_names().items()]


CHOICE_LISTS: dict[str, ChoiceList] = {
    "policies": _policies,
    "printers": _printers,
    "sheet_languages": _sheet_languages,
}
"""The lists a field names in `json_schema_extra={"choices": ...}`: only known at run time."""


def shown_fields() -> dict[str, FieldInfo]:
    """The settings on the screen: the model's fields with a title, in the model's order."""
    return {name: info for name, info in Settings.model_fields.items() if info.title}


def setting_label(name: str) -> str:
    """How the screen and its refusals name a setting: its title, else its key."""
    info = Settings.model_fields.get(name)
    return info.title if info is not None and info.title else name


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
        self._editing = Settings()
        self.fields: dict[str, SettingEditor] = {
            name: editor_for(name, info, CHOICE_LISTS) for name, info in shown_fields().items()
        }
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
        column.content.addLayout(self._form())
        column.content.addWidget(self.message)
        column.content.addLayout(buttons)
        column.finish()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(column)

    def _form(self) -> QFormLayout:
        """A row per editor (a check box labels itself), the field's help under it."""
        form = QFormLayout()
        form.setSpacing(12)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for name, info in shown_fields().items():
            editor = self.fields[name]
            title = info.title or name
            editor.setAccessibleName(title)
            if isinstance(editor, QCheckBox):
                editor.setText(title)
                form.addRow(editor)
            else:
                form.addRow(label(title, "field", wrap=False), editor)
            if info.description:
                editor.setAccessibleDescription(info.description)
                form.addRow(label(info.description, "help"))
        return form

    def field(self, key: str) -> Any:
        return self.fields[key]

    def edit(self, settings: Settings) -> None:
        """Show these settings."""
        self._editing = settings
        for name, editor in self.fields.items():
            editor.show_setting(getattr(settings, name))
        self.message.hide()

    def values(self) -> dict[str, Any]:
        """What the screen shows, as the user left it."""
        return {name: editor.setting() for name, editor in self.fields.items()}

    def _on_save(self) -> None:
        try:
            settings = Settings.model_validate({**dict(self._editing), **self.values()})
        except ValidationError as error:
            self.refuse("\n".join(f"{setting_label(str(e['loc'][0]))}: {e['msg']}" for e in error.errors()))
            return
        if settings.output_dir is not None and not _writable(settings.output_dir):
            self.refuse(f"{setting_label('output_dir')}: cannot create or write to {settings.output_dir}")
            return
        self.chosen.emit(settings)

    def refuse(self, text: str) -> None:
        """Say why the settings were not saved; the screen keeps what the admin typed."""
        self.message.setText(text)
        self.message.show()
