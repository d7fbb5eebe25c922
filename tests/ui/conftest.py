"""GUI fixtures: a kiosk window per test with its own output folder and clinic settings, and
the printers the system offers as stand-ins that print to files (none until a test says),
so no GUI test depends on this machine's printers or reaches a real one."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from patient_driver import Patient
from PySide6.QtCore import QEvent
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication
from staff_driver import ADMIN_PIN, STAFF_PIN

from audit_keys import AUDIT_KEY
from intake.app.desk import Desk
from intake.app.print_jobs import Printers, PrintFailed
from intake.app.station import Station
from intake.eligibility.policy import load_rules
from intake.questionnaire.form import Form
from intake.settings import Settings
from intake.store.database import open_database
from intake.store.staff import Role
from intake.store.stores import Stores
from intake.ui.app import MainWindow
from intake.ui.staff import printing
from intake.ui.theme import apply_theme
from reused_database import ReusedDatabase


class StandInPrinters:
    """The printers the system offers, as a test says (none until it says): each prints to a PDF file."""

    def __init__(self, folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        self.folder = folder
        folder.mkdir()
        self._monkeypatch = monkeypatch
        monkeypatch.setattr(printing, "printer_for", self._printer)
        self()

    def __call__(self, *names: str, default: str | None = None) -> None:
        self._monkeypatch.setattr(printing, "installed_printers", lambda: Printers(names, default))

    def paper(self, name: str) -> Path:
        """What the printer drew, when the pages went to it as images."""
        return self.folder / f"{name}.pdf"

    def _printer(self, name: str) -> QPrinter:
        if name not in printing.installed_printers().names:
            raise PrintFailed(f"{name} is no longer installed")
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(self.paper(name)))
        printer.setFullPage(True)
        return printer


@pytest.fixture(autouse=True)
def _widgets_freed(qapp: QApplication) -> Iterator[None]:
    """After each GUI test, free the widgets it closed or discarded, as the kiosk's event loop would.

    `deleteLater` waits for an event loop, and a test that never waits starts none: its
    widgets would live on hidden, and every later change of the style sheet would restyle
    them all (seconds per theme change late in a run).
    """
    yield
    qapp.sendPostedEvents(None, QEvent.Type.DeferredDelete)


@pytest.fixture(autouse=True)
def printers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StandInPrinters:
    """For every GUI test: a test that uses printers names them (`printers("Front-desk")`)."""
    return StandInPrinters(tmp_path / "paper", monkeypatch)


@pytest.fixture(scope="session")
def _staff_database(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ReusedDatabase]:
    database = open_database(None, "test passphrase", tmp_path_factory.mktemp("ui-store") / "visits.db")
    opened = Stores.on(database, AUDIT_KEY)
    opened.staff.add("maria", "María Ó", Role.ADMIN, ADMIN_PIN)
    opened.staff.add("bob", "Bob Front-Desk", Role.STAFF, STAFF_PIN)
    yield ReusedDatabase(database)
    database.close()


@pytest.fixture
def stores(_staff_database: ReusedDatabase) -> Stores:
    """An encrypted store with an admin (`maria`) and a member of staff (`bob`), and nothing else.

    One database for the run, emptied before each test (tests/reused_database.py).
    """
    return Stores.on(_staff_database.fresh(), AUDIT_KEY)


@pytest.fixture
def open_kiosk(
    qtbot, qapp, form: Form, form_languages: dict[str, Form], tmp_path: Path
) -> Callable[..., tuple[MainWindow, Patient]]:
    """A shown kiosk window and the patient who will use it; settings may be overridden."""

    def make(
        stores: Stores | None = None, translations: dict[str, Form] | None = None, **overrides: object
    ) -> tuple[MainWindow, Patient]:
        """`translations`: the form in its languages (`Station.translations`); the shipped ones by default."""
        defaults = {} if stores is not None else {"output_dir": tmp_path / "summaries"}
        settings = Settings(**{**defaults, **overrides})
        apply_theme(qapp)
        languages = form_languages if translations is None else translations
        station = Station(stores, form, settings, load_rules(settings.policy), tmp_path / "settings.yaml", translations=languages)
        window = MainWindow(Desk(station))
        qtbot.addWidget(window, before_close_func=MainWindow.finish_summaries)  # as the app does before it quits
        window.resize(1280, 800)
        window.show()
        qtbot.waitExposed(window)
        return window, Patient(window)

    return make


@pytest.fixture
def kiosk(open_kiosk) -> tuple[MainWindow, Patient]:
    return open_kiosk()
