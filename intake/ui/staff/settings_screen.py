"""The administrator's settings screen, generated from the `Settings` model.

Every field with a title gets one editor (see `setting_editors`), labelled, bounded and
explained by the model's own metadata, so a setting is declared once and the screen
cannot offer what the file would refuse. Saving starts from the settings being edited
and replaces only what the screen shows, so a file-only key survives it; the result goes
through the same validation as `settings.yaml`, and a refusal names the setting.

Under the printer, a test page goes to the printer chosen on screen (saved or not) the
way summaries do, and the screen says where it went or why it did not.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from pydantic import ValidationError
from pydantic.fields import FieldInfo
from PySide6.QtCore import Signal
from PySide6.QtWidgets import QCheckBox, QFormLayout, QHBoxLayout, QVBoxLayout, QWidget

from intake.app.print_jobs import TEST_PAGE_TITLE, PrintFailed
from intake.app.staff_desk import StaffDesk
from intake.eligibility import shipped_policy_titles
from intake.language_names import language_names
from intake.localized import DEFAULT_LANGUAGE
from intake.report.test_page import TestSheet, render_test_page
from intake.settings import Settings
from intake.ui.scrolling import ScrollColumn
from intake.ui.staff.printing import find_printer, job_sent, print_on, printer_names
from intake.ui.staff.setting_editors import Choice, ChoiceEditor, ChoiceList, SettingEditor, editor_for
from intake.ui.staff.words import N_, _
from intake.ui.widgets.styling import label, touch_button


def _policies() -> list[Choice]:
    """After the model's "shipped default" choice (None), every shipped policy by its title."""
    return [(title, name) for name, title in shipped_policy_titles().items()]


def _printers() -> list[Choice]:
    return [(name, name) for name in printer_names()]


def form_language_choices(languages: Sequence[str]) -> list[Choice]:
    """The form's languages, each by its own name ("Español"): the admin who reads it finds it."""
    return [(name, language) for language, name in language_names(languages).items()]


CHOICE_LISTS: dict[str, ChoiceList] = {
    "policies": _policies,
    "printers": _printers,
}
"""The lists a field names in `json_schema_extra={"choices": ...}`: only known at run time.
The screen adds `form_languages`, the languages of the station's form."""
TEST_PRINT_UNDER = "printer"
"""The setting the test-print button sits under."""
NO_PRINTER_FOR_TEST = N_("Not sent: no printer is set up on this computer.")


def shown_fields() -> dict[str, FieldInfo]:
    """The settings on the screen: the model's fields with a title, in the model's order."""
    return {name: info for name, info in Settings.model_fields.items() if info.title}


def setting_label(name: str) -> str:
    """How the screen and its refusals name a setting: its title (in the staff language), else its key."""
    info = Settings.model_fields.get(name)
    return _(info.title) if info is not None and info.title else name


def refusal_line(name: str, problem: str) -> str:
    """A line of a refusal: the setting by its title, and what is wrong with it."""
    return _("{setting}: {problem}").format(setting=setting_label(name), problem=problem)


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

    def __init__(self, languages: Sequence[str] = (DEFAULT_LANGUAGE,)) -> None:
        """`languages`: the form's, offered for the kiosk's language (`Station.languages`)."""
        super().__init__()
        self.setObjectName("staff-settings")
        self.setProperty("role", "staff-screen")
        self._editing = Settings()
        self._session: StaffDesk | None = None
        self.test_print_button = touch_button(_("Print a test page"), "quiet", _("Print a test page on the chosen printer"))
        self.test_print_button.clicked.connect(self.print_test_page)
        self.test_print_result = label("", "caption")
        self.test_print_result.setAccessibleName(_("Test page"))
        choice_lists: dict[str, ChoiceList] = {**CHOICE_LISTS, "form_languages": partial(form_language_choices, tuple(languages))}
        self.fields: dict[str, SettingEditor] = {
            name: editor_for(name, info, choice_lists) for name, info in shown_fields().items()
        }
        self.message = label("", "error")
        self.message.hide()
        self.save_button = touch_button(_("Save"), "primary", _("Save the settings"))
        self.cancel_button = touch_button(_("Cancel"), "quiet", _("Leave without saving"))
        self.save_button.clicked.connect(self._on_save)
        self.cancel_button.clicked.connect(self.closed)
        buttons = QHBoxLayout()
        buttons.addWidget(self.cancel_button)
        buttons.addStretch(1)
        buttons.addWidget(self.save_button)
        column = ScrollColumn(_("More below ↓"))
        column.content.addWidget(label(_("Settings"), "title"))
        column.content.addLayout(self._form())
        column.content.addWidget(self.message)
        column.content.addLayout(buttons)
        column.finish()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(column)

    def _form(self) -> QFormLayout:
        """A row per editor under its title (a check box labels itself), the field's help under it.

        Titles above their fields: beside them, the longest title would leave every field
        too narrow for a policy's title or a printer's name at tablet widths.
        """
        form = QFormLayout()
        form.setSpacing(12)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        for name, info in shown_fields().items():
            editor = self.fields[name]
            title = setting_label(name)
            editor.setAccessibleName(title)
            if isinstance(editor, QCheckBox):
                editor.setText(title)
                form.addRow(editor)
            else:
                form.addRow(label(title, "field", wrap=False), editor)
            if info.description:
                description = _(info.description)
                editor.setAccessibleDescription(description)
                form.addRow(label(description, "help"))
            if name == TEST_PRINT_UNDER:
                form.addRow(self._test_print_row())
        return form

    def _test_print_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(16)
        row.addWidget(self.test_print_button)
        row.addWidget(self.test_print_result, 1)
        return row

    def field(self, key: str) -> Any:
        return self.fields[key]

    def edit(self, settings: Settings, session: StaffDesk | None = None) -> None:
        """Show these settings; with the admin's `session`, a test page can be printed (and audited)."""
        self._editing = settings
        self._session = session
        for name, editor in self.fields.items():
            editor.show_setting(getattr(settings, name))
        self.message.hide()
        self.test_print_button.setVisible(session is not None)
        self.test_print_result.clear()

    def values(self) -> dict[str, Any]:
        """What the screen shows, as the user left it."""
        return {name: editor.setting() for name, editor in self.fields.items()}

    def _on_save(self) -> None:
        try:
            settings = Settings.model_validate({**dict(self._editing), **self.values()})
        except ValidationError as error:
            self.refuse("\n".join(refusal_line(str(e["loc"][0]), e["msg"]) for e in error.errors()))
            return
        if settings.output_dir is not None and not _writable(settings.output_dir):
            problem = _("cannot create or write to {folder}").format(folder=settings.output_dir)
            self.refuse(refusal_line("output_dir", problem))
            return
        self.chosen.emit(settings)

    def refuse(self, text: str) -> None:
        """Say why the settings were not saved; the screen keeps what the admin typed."""
        self.message.setText(text)
        self.message.show()

    def print_test_page(self) -> None:
        """A test page on the printer chosen on screen, sent as summaries are; the screen says what happened."""
        if self._session is None:
            return
        shown = {**dict(self._editing), **self.values()}
        found = find_printer(shown["printer"])
        if found is None:
            self.test_print_result.setText(_(NO_PRINTER_FOR_TEST))
            return
        clinic = shown["clinic_name"] or self._editing.clinic_name
        sheet = TestSheet(clinic, found, datetime.now().astimezone(), shown["paper"], self._shown_text("paper"))
        try:
            job = self._session.print_test_page(partial(print_on, render_test_page(sheet), found, TEST_PAGE_TITLE))
        except PrintFailed as failure:
            self.test_print_result.setText(_("Not sent to {printer}: {problem}.").format(printer=found, problem=failure))
            return
        missing = shown["printer"] not in (None, found)
        # Translators: {printer} is the printer chosen in Settings; {job} says where the test page went instead.
        not_installed = _("{printer} is not installed. {job}").format(printer=shown["printer"], job=job_sent(job))
        self.test_print_result.setText(not_installed if missing else job_sent(job))

    def _shown_text(self, name: str) -> str:
        """What the screen shows for a setting: a choice's words rather than its stored value."""
        editor = self.fields.get(name)
        return editor.currentText() if isinstance(editor, ChoiceEditor) else str(getattr(self._editing, name))
