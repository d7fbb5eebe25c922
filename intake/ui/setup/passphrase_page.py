"""A later start's passphrase, asked on a page of the kiosk window (a tablet has no keyboard for a dialog).

Shown when neither `INTAKE_DB_KEY`, the key file nor the OS keyring has the database
passphrase. `open_stores` asks again after a wrong one (`PassphrasePrompt.refused`), up
to three times; the page says so beside the field. What is typed goes to the database
and nowhere else.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, Signal
from PySide6.QtWidgets import QHBoxLayout, QWidget

from intake.app.opening import PassphrasePrompt
from intake.ui.scrolling import nearest_scroll_area
from intake.ui.staff.form_column import FormColumn, passphrase_field
from intake.ui.staff.words import _, ngettext
from intake.ui.widgets.styling import touch_button


class PassphrasePage(FormColumn):
    submitted = Signal()

    def __init__(self) -> None:
        super().__init__(
            _("Open the visits database"),
            _("Staff: type the visits database passphrase. This computer does not keep it, so it is asked at each start."),
        )
        self.setObjectName("passphrase")
        self.setProperty("role", "staff-form")
        self.passphrase = self.add_field(_("Passphrase"), passphrase_field())
        self.passphrase.returnPressed.connect(self.submitted)
        self.open_button = touch_button(_("Open"), "primary", _("Open the visits database"))
        self.open_button.clicked.connect(self.submitted)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        self.finish(buttons)

    def ask(self, prompt: PassphrasePrompt) -> str | None:
        """What staff type (None: nothing), once they tap Open; the refusal of the last try beside the field."""
        self.clear_problems()
        if prompt.refused is not None:
            wrong = ngettext(
                "That passphrase did not open the visits database. {count} try left.",
                "That passphrase did not open the visits database. {count} tries left.",
                prompt.tries_left,
            )
            self.show_problem(self.passphrase, wrong.format(count=prompt.tries_left))
            self._reveal_open()
        self.passphrase.setFocus()
        waiting = QEventLoop(self)
        self.submitted.connect(waiting.quit)
        typed = ""
        while not typed and waiting.exec() == 0:  # not 0: the app is quitting
            typed = self.passphrase.text()
            if not typed:
                self.show_problem(self.passphrase, _("Type the passphrase, then tap Open."))
                self._reveal_open()
        self.submitted.disconnect(waiting.quit)
        self.passphrase.clear()
        return typed or None


    def _reveal_open(self) -> None:
        """The problem's line pushes Open down: on a landscape tablet with the keyboard up, scrolled into view."""
        area = nearest_scroll_area(self.open_button)
        if area is not None:
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            area.ensureWidgetVisible(self.open_button)


class AskOnPage:
    """The kiosk's `AskPassphrase`: staff type it on a page of the window, with the on-screen keyboard (a
    tablet has no other), made the first time it is needed."""

    def __init__(self, show: Callable[[QWidget], None]) -> None:
        """`show`: puts the page on the window, over the welcome screen (`MainWindow.show_start_page`)."""
        self._show = show
        self.page: PassphrasePage | None = None

    def __call__(self, prompt: PassphrasePrompt) -> str | None:
        if self.page is None:
            self.page = PassphrasePage()
        self._show(self.page)
        return self.page.ask(prompt)
