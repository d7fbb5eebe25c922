"""The set-up wizard: a page of the kiosk window at a clinic's first start.

Three steps (the clinic, the database passphrase, the first administrator) with Back and
Next, in the staff words and with the on-screen keyboard below, as staff screens have
it. Only the last step's "Set up" writes anything (`set_up_clinic`); a failure names
its field on its step, or the file, and the wizard stays for a second try. Then the
recovery code, once; its "Done" hands the kiosk's desk on (`finished`).
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QApplication, QHBoxLayout, QStackedWidget, QVBoxLayout, QWidget

from intake.app.first_start import PassphrasePlan
from intake.app.setting_up import ClinicSetUp, FirstAdmin, SetUpDone, SetUpFailed, set_up_clinic
from intake.settings import Settings
from intake.ui.setup.recovery_page import RecoveryPage
from intake.ui.setup.steps import CLINIC_FIELDS, AdminStep, ClinicStep, PassphraseStep, where_kept
from intake.ui.staff.form_column import FormColumn
from intake.ui.staff.words import _
from intake.ui.widgets.styling import label, touch_button

log = logging.getLogger(__name__)


class SetUpWizard(QWidget):
    finished = Signal(object)
    """The kiosk's `Desk` on the new database, once the recovery code was confirmed written down."""

    def __init__(self, prefill: Settings, languages: Sequence[str], plan: PassphrasePlan, settings_file: Path) -> None:
        super().__init__()
        self.setObjectName("set-up")
        self.setProperty("role", "staff-screen")
        self._settings_file = settings_file
        self._settings: Settings | None = None
        self._passphrase: str | None = None
        self._done: SetUpDone | None = None
        self.clinic = ClinicStep(prefill, languages)
        self.passphrase = PassphraseStep(plan)
        self.admin = AdminStep()
        self.steps: list[FormColumn] = [self.clinic, self.passphrase, self.admin]
        self.stack = QStackedWidget()
        for step in self.steps:
            self.stack.addWidget(step)
        self.progress = label("", "progress")
        self.back_button = touch_button(_("Back"), "quiet", _("Back to the previous step"))
        self.back_button.clicked.connect(self.go_back)
        self.next_button = touch_button(_("Next"), "primary")
        self.next_button.clicked.connect(self.go_on)
        self.recovery: RecoveryPage | None = None
        bar = QHBoxLayout()
        bar.setContentsMargins(32, 8, 32, 16)
        bar.addWidget(self.back_button)
        bar.addStretch(1)
        bar.addWidget(self.progress)
        bar.addStretch(1)
        bar.addWidget(self.next_button)
        self.bar = QWidget()
        self.bar.setLayout(bar)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.bar)
        self.setFocusProxy(self.next_button)  # each step shows whole, the keyboard away, until a field is tapped
        self._show_step(0)

    @property
    def step(self) -> int:
        return self.stack.currentIndex()

    def _show_step(self, index: int) -> None:
        self.stack.setCurrentIndex(index)
        last = index == len(self.steps) - 1
        # Translators: the set-up wizard's progress, "Step 2 of 3".
        self.progress.setText(_("Step {number} of {count}").format(number=index + 1, count=len(self.steps)))
        self.back_button.setEnabled(index > 0)
        self.next_button.setText(_("Set up") if last else _("Next"))
        self.next_button.setAccessibleName(_("Set up the kiosk now") if last else _("Next step"))
        self.next_button.setFocus()

    def go_back(self) -> None:
        if self.step > 0:
            self._show_step(self.step - 1)

    def go_on(self) -> None:
        """Next when this step's answers check out; on the last step, "Set up"."""
        if self.step == 0:
            self._settings = self.clinic.settings()
            if self._settings is not None:
                self._show_step(1)
        elif self.step == 1:
            may_leave, self._passphrase = self.passphrase.chosen()
            if may_leave:
                self._show_step(2)
        else:
            admin = self.admin.admin()
            if admin is not None:
                self._set_up(admin)

    def _set_up(self, admin: FirstAdmin) -> None:
        assert self._settings is not None, "the clinic step was passed"
        self.next_button.setEnabled(False)
        QApplication.processEvents()
        try:
            done = set_up_clinic(ClinicSetUp(self._settings, self._passphrase, admin), self._settings_file)
        except SetUpFailed as failed:
            log.error("set-up failed: %s", failed)
            self._show_failure(failed)
            return
        finally:
            self.next_button.setEnabled(True)
        self.admin.fields.clear_pins()
        self._show_recovery_code(done)

    def _show_failure(self, failed: SetUpFailed) -> None:
        """On the step of the field to blame, beside it; else under the last step's fields."""
        field = failed.field
        if field in CLINIC_FIELDS:
            self._show_step(0)
            self.clinic.show_problem(self.clinic.editors[field], str(failed))
        elif field in ("passphrase", "key_file"):
            self._show_step(1)
            self.passphrase.show_message(str(failed))
        elif field in ("staff_id", "name", "pin"):
            self.admin.show_problem(self.admin.field_named(field), str(failed))
        else:
            self.admin.show_message(_("The kiosk could not be set up: {problem}").format(problem=failed))

    def _show_recovery_code(self, done: SetUpDone) -> None:
        self._done = done
        self.recovery = RecoveryPage(done.recovery_code, self._passphrase_notice(done))
        self.recovery.done.connect(self._on_done)
        self.stack.addWidget(self.recovery)
        self.stack.setCurrentWidget(self.recovery)
        self.bar.hide()

    def _passphrase_notice(self, done: SetUpDone) -> str:
        """Where the passphrase went, when that is not what its step said (the keyring refused it at the last
        moment): staff must know whether the next start will ask for it."""
        kept, plan = done.passphrase_source, self.passphrase.plan
        if kept is None or kept is plan.source:
            return ""
        changed = _("The passphrase is not kept where its step said.")
        return f"{changed} {where_kept(PassphrasePlan(kept, plan.key_file))}"

    def _on_done(self) -> None:
        assert self._done is not None
        self.finished.emit(self._done.desk)
