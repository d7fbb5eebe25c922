"""Staff-screen fixtures: finished visits already in the store, as if patients had been; the
printers the system offers (each prints to a file) and a stand-in `lp`, so printing tests do not depend on the
machine's printers and never reach a real one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtPrintSupport import QPrinter

from cases import vignette
from fake_lp import FakeLp, install_fake_lp
from intake.app.finishing import assess_and_render
from intake.app.print_jobs import Printers, PrintFailed
from intake.app.visit import new_visit_id
from intake.questionnaire.form import Form
from intake.questionnaire.response import parse_response
from intake.settings import Settings
from intake.store.stores import Stores
from intake.ui.staff import printing


@pytest.fixture
def add_visit(stores: Stores, form: Form) -> Callable[[str], str]:
    """Store a vignette as a finished visit under the default policy; returns its id."""

    def add(vignette_id: str) -> str:
        response = parse_response(vignette(vignette_id), form)
        finished = assess_and_render(new_visit_id(), response, form, Settings())
        response, assessment = finished.response.to_json_dict(), finished.assessment.to_json_dict()
        stores.visits.finish(finished.visit_id, response, assessment, finished.pdf)
        return finished.visit_id

    return add


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


@pytest.fixture
def printers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> StandInPrinters:
    return StandInPrinters(tmp_path / "paper", monkeypatch)


@pytest.fixture
def fake_lp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FakeLp:
    return install_fake_lp(tmp_path, monkeypatch)
