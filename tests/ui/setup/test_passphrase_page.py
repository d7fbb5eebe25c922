"""A later start without a kept passphrase: staff type it on a page of the kiosk window, by touch, three tries."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from setup_driver import SetUpStaff, start

from intake.app.opening import open_stores
from intake.settings import Settings
from intake.ui import app
from intake.ui.setup.passphrase_page import PassphrasePage

PASSPHRASE = "our clinic passphrase"


@pytest.fixture
def kept_database(monkeypatch, settings_file) -> None:
    """A clinic set up earlier whose passphrase this computer keeps nowhere (no keyring, no key file)."""
    settings_file()
    monkeypatch.setenv("INTAKE_DB_KEY", PASSPHRASE)
    open_stores(Settings(), lambda _prompt: None).database.close()
    monkeypatch.delenv("INTAKE_DB_KEY")


class AtTheTablet:
    """Staff answering the page each time it asks: the start waits for them in a loop of its own, so they
    act from a timer, as a finger would come whenever it comes."""

    def __init__(self, staff: SetUpStaff, *answers: str) -> None:
        self.staff = staff
        self.answers = list(answers)
        self.problems: list[list[str]] = []
        self.open_whole: list[bool] = []
        """Each time the page asked: whether Open showed whole (not under the keyboard or out of the page)."""
        self._timer = QTimer()
        self._timer.setInterval(30)
        self._timer.timeout.connect(self._answer)
        self._timer.start()

    def _answer(self) -> None:
        page = self.staff.window.pages.currentWidget()
        if not isinstance(page, PassphrasePage) or not page.isVisible() or not self.answers:
            return
        self._timer.stop()
        self.problems.append([shown.text() for shown in page._problems.values() if shown.isVisible()])
        button = page.open_button
        self.open_whole.append(button.visibleRegion().boundingRect() == button.rect())
        self.staff.type_text(page.passphrase, self.answers.pop(0))
        self.staff.tap(page.open_button)
        if self.answers:
            self._timer.start()


def test_a_wrong_passphrase_asks_again_saying_so_and_the_right_one_opens_the_kiosk(first_frame, kept_database) -> None:
    window, staff = first_frame((800, 1280))
    tablet = AtTheTablet(staff, "a guess", PASSPHRASE)
    start(window)
    assert tablet.problems == [[], ["Passphrase: That passphrase did not open the visits database. 2 tries left."]]
    assert window.pages.currentWidget() is window.welcome and window.desk.has_store
    assert not window.findChildren(PassphrasePage), "the page went, with whatever was typed on it"
    assert staff._keys.count == 0, "on the on-screen keys alone"
    window.desk.station.required_stores().database.close()


def test_open_tapped_with_nothing_typed_asks_again_and_costs_no_try(first_frame, kept_database) -> None:
    window, staff = first_frame((1280, 800))
    tablet = AtTheTablet(staff, "", "a guess", PASSPHRASE)
    start(window)
    assert tablet.problems == [
        [], ["Passphrase: Type the passphrase, then tap Open."],
        ["Passphrase: That passphrase did not open the visits database. 2 tries left."],
    ]
    assert tablet.open_whole == [True, True, True], "with a problem's line and the keyboard up, Open is still whole"
    assert window.pages.currentWidget() is window.welcome
    window.desk.station.required_stores().database.close()


class Refusal:
    """Stands in for the kiosk's refusal at start (a message box, the app's exit) to see what it says."""

    def __init__(self) -> None:
        self.exit_code: int | None = None
        self.message = ""

    def exit(self, code: int) -> None:
        self.exit_code = code

    def critical(self, _parent: object, _title: str, message: str) -> None:
        self.message = message

    def __getattr__(self, name: str) -> object:
        return getattr(QApplication, name)


def test_the_third_wrong_passphrase_refuses_to_start_with_the_message(first_frame, kept_database, monkeypatch, capsys) -> None:
    refusal = Refusal()
    monkeypatch.setattr(app, "QApplication", refusal)
    monkeypatch.setattr(app, "QMessageBox", refusal)
    window, staff = first_frame((1280, 800))
    tablet = AtTheTablet(staff, "a guess", "another guess", "a third guess", PASSPHRASE)
    start(window)
    assert [len(problems) for problems in tablet.problems] == [0, 1, 1]
    assert tablet.problems[2] == ["Passphrase: That passphrase did not open the visits database. 1 try left."]
    assert tablet.answers == [PASSPHRASE], "not asked a fourth time"
    assert refusal.exit_code == 2 and "the passphrase is wrong" in refusal.message
    assert "the passphrase is wrong" in capsys.readouterr().err
    assert not window.isVisible()
