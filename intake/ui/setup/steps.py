"""The set-up wizard's steps: the clinic, the database passphrase, the first administrator.

Each step is a column of labelled fields (`FormColumn`) that checks what it can before
the next step shows, naming the field beside it. Nothing is written here: the wizard
hands every answer to the set-up use case at the last step's "Set up".
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QWidget

from intake.app.first_start import PassphrasePlan, PassphraseSource
from intake.app.setting_up import MIN_PASSPHRASE_LENGTH, FirstAdmin, SetUpFailed, admin_problem, clinic_settings
from intake.settings import Settings
from intake.ui.staff.first_admin import PINS_DIFFER, AdminFields
from intake.ui.staff.form_column import FormColumn, passphrase_field
from intake.ui.staff.setting_editors import ChoiceList, SettingEditor, editor_for
from intake.ui.staff.settings_screen import CHOICE_LISTS, form_language_choices, setting_label
from intake.ui.staff.words import _, ngettext
from intake.ui.widgets.styling import label

CLINIC_FIELDS = ("clinic_name", "clinic_phone", "policy", "language")
"""The settings the first step asks for, shown as the settings screen shows them."""

_HINT = Qt.InputMethodHint


class ClinicStep(FormColumn):
    def __init__(self, prefill: Settings, languages: Sequence[str]) -> None:
        """`prefill`: the settings file IT may have written (else the defaults); `languages`: the form's."""
        super().__init__(
            _("Set up this kiosk"),
            _("This is the first start on this computer. Tell it about the clinic; an administrator can change "
              "all of this later in the settings."),
        )
        self.setObjectName("set-up-clinic")
        self._prefill = prefill
        choices: dict[str, ChoiceList] = {**CHOICE_LISTS, "form_languages": partial(form_language_choices, tuple(languages))}
        self.editors: dict[str, SettingEditor] = {}
        for name in CLINIC_FIELDS:
            editor = editor_for(name, Settings.model_fields[name], choices)
            editor.show_setting(getattr(prefill, name))
            self.editors[name] = self.add_field(setting_label(name), editor)
        self.editors["clinic_phone"].setInputMethodHints(_HINT.ImhPreferNumbers)

    def settings(self) -> Settings | None:
        """The prefilled settings with this step's answers, or None with the problem shown beside its field."""
        self.clear_problems()
        answers = {name: editor.setting() for name, editor in self.editors.items()}
        if not answers["clinic_name"]:
            self.show_problem(self.editors["clinic_name"], _("Type the clinic's name."))
            return None
        try:
            return clinic_settings(self._prefill, **answers)
        except SetUpFailed as refused:
            self.show_problem(self.editors.get(refused.field or "", self.editors["clinic_name"]), str(refused))
            return None


def where_kept(plan: PassphrasePlan) -> str:
    file = str(plan.key_file)
    words = {
        PassphraseSource.ENVIRONMENT: _("The passphrase comes from INTAKE_DB_KEY, set for this kiosk: there is "
                                        "nothing to type here."),
        PassphraseSource.KEY_FILE: _("The passphrase comes from the file {file} (the key file setting): there is "
                                     "nothing to type here."),
        PassphraseSource.KEYRING: _("It will be kept in this computer's keyring, so the kiosk opens by itself at "
                                    "each start."),
        PassphraseSource.NEW_KEY_FILE: _("This computer has no keyring: it will be kept in the file {file} (the key "
                                         "file setting), which only this computer's kiosk user may read."),
        PassphraseSource.TYPED: _("This computer has no keyring and no key file is set: staff will type it each "
                                  "time the kiosk starts."),
    }
    return words[plan.source].format(file=file)


class PassphraseStep(FormColumn):
    def __init__(self, plan: PassphrasePlan) -> None:
        super().__init__(
            _("The visits database passphrase"),
            _("The visits kept on this computer are encrypted with a passphrase. Without it nobody can open them: "
              "keep a copy somewhere safe."),
        )
        self.setObjectName("set-up-passphrase")
        self.plan = plan
        self.where = label(where_kept(plan), "intro")
        self.where.setAccessibleName(_("Where the passphrase is kept"))
        self.column.addWidget(self.where)
        self.passphrase: QLineEdit | None = None
        self.passphrase_again: QLineEdit | None = None
        if plan.source.asked:
            count = MIN_PASSPHRASE_LENGTH
            caption = ngettext("Passphrase (at least {count} character)", "Passphrase (at least {count} characters)", count)
            self.passphrase = self.add_field(caption.format(count=count), passphrase_field())
            self.passphrase_again = self.add_field(_("Passphrase again"), passphrase_field())
        self.finish(QHBoxLayout())

    def chosen(self) -> tuple[bool, str | None]:
        """Whether the step may be left, and the passphrase chosen (None when the plan gives it)."""
        self.clear_problems()
        if self.passphrase is None or self.passphrase_again is None:
            return True, None
        text = self.passphrase.text()
        if len(text) < MIN_PASSPHRASE_LENGTH:
            # Translators: under the passphrase field, whose caption says the least length.
            too_short = ngettext("too short ({count} character).", "too short ({count} characters).", len(text))
            self.show_problem(self.passphrase, too_short.format(count=len(text)))
            return False, None
        if self.passphrase_again.text() != text:
            self.passphrase_again.clear()
            self.show_problem(self.passphrase_again, _("The two passphrases differ. Please type it again."))
            return False, None
        return True, text


class AdminStep(FormColumn):
    def __init__(self) -> None:
        super().__init__(
            _("The first administrator"),
            _("The account that manages the settings and the staff accounts. Each person will have their own ID "
              "and PIN."),
        )
        self.setObjectName("set-up-admin")
        self.fields = AdminFields.on(self)
        self.finish(QHBoxLayout())

    def field_named(self, name: str) -> QWidget:
        fields: dict[str, QWidget] = {"staff_id": self.fields.staff_id, "name": self.fields.name, "pin": self.fields.pin}
        return fields[name]

    def admin(self) -> FirstAdmin | None:
        """The administrator typed, or None with the problem shown beside its field."""
        self.clear_problems()
        fields = self.fields
        if fields.pins_differ():
            fields.clear_pins()
            self.show_problem(fields.pin, _(PINS_DIFFER))
            return None
        admin = FirstAdmin(fields.staff_id.text(), fields.name.text(), fields.pin.text())
        refused = admin_problem(admin)
        if refused is not None:
            self.show_problem(self.field_named(refused.field or "name"), str(refused))
            return None
        return admin
