"""Export and import for admins, driven like a person at the desk: the chosen days' visits
as CSV into the export folder (private, named by the days), and a response file imported
as `intake import` would, then found in the queue."""

from __future__ import annotations

import csv
import io
import json
import stat
from datetime import timedelta
from pathlib import Path

import pytest
from patient_driver import tap
from PySide6.QtCore import Qt
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk

from cases import vignette
from intake.app.queue_days import DayChoice, local_today
from intake.interop.fhir_response import to_questionnaire_response
from intake.questionnaire.response import parse_response
from intake.staff_wording import ANSWERED_BEFORE
from intake.ui.staff.export_screen import ExportScreen
from intake.ui.staff.local_dates import short_date
from intake.ui.staff.queue_screen import STATUS


@pytest.fixture
def exports(tmp_path: Path) -> Path:
    return tmp_path / "exports"


def _open_exports(open_kiosk, stores, exports: Path) -> tuple[FrontDesk, ExportScreen]:
    window, _patient = open_kiosk(stores=stores, export_dir=exports)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    tap(desk.area.queue.export_button)
    assert desk.area.currentWidget() is desk.area.exports
    return desk, desk.area.exports


def _choose(screen: ExportScreen, monkeypatch: pytest.MonkeyPatch, path: Path | None) -> list[Path]:
    """The file dialog answers `path` (None: cancelled); returns the folders it was opened in."""
    opened_in: list[Path] = []

    def chosen(start: Path) -> Path | None:
        opened_in.append(start)
        return path

    monkeypatch.setattr(screen, "choose_response_file", chosen)
    return opened_in


def test_only_admins_see_the_export_button(open_kiosk, stores) -> None:
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    assert desk.in_queue and not desk.area.queue.export_button.isVisible()


def test_todays_visits_as_a_private_csv_named_by_the_day(open_kiosk, stores, add_visit, exports, umask_022) -> None:
    visit_ids = {add_visit("V01"), add_visit("V06")}
    _desk, screen = _open_exports(open_kiosk, stores, exports)
    assert screen.folder.text() == f"Files go to {exports}"
    today = local_today()
    assert screen.days_caption.text() == f"Visits started on {short_date(today)}."
    tap(screen.csv_button)
    path = exports / f"visits-{today.isoformat()}.csv"
    assert screen.notice.text() == f"Exported 2 visits to {path}"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(exports.stat().st_mode) == 0o700
    _header, *lines = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    assert len(lines) == 2
    assert {row.visit_id for row in stores.audit.rows() if row.action == "exported"} == visit_ids
    tap(screen.day_choice.buttons[DayChoice.LAST_7_DAYS])
    week = f"visits-{(today - timedelta(days=6)).isoformat()}-to-{today.isoformat()}.csv"
    tap(screen.csv_button)
    assert screen.notice.text() == f"Exported 2 visits to {exports / week}"


def test_days_without_visits_write_no_file(open_kiosk, stores, exports) -> None:
    _desk, screen = _open_exports(open_kiosk, stores, exports)
    tap(screen.csv_button)
    assert screen.notice.text() == f"No visits started on {short_date(local_today())}: nothing was exported."
    assert not exports.exists()


def test_an_export_folder_that_cannot_be_written_is_said(open_kiosk, stores, add_visit, tmp_path) -> None:
    add_visit("V01")
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    _desk, screen = _open_exports(open_kiosk, stores, blocked / "exports")
    tap(screen.csv_button)
    assert screen.notice.text().startswith(f"Could not write in {blocked / 'exports'}: ")
    assert screen.notice.text().endswith("Check “Folder for exports” in Settings.")
    assert [row.action for row in stores.audit.rows()] == ["signed_in"], "a file not written leaves no audit row"


def test_an_imported_file_is_in_the_queue_and_a_second_import_names_it(open_kiosk, stores, exports, tmp_path,
                                                                        monkeypatch) -> None:
    desk, screen = _open_exports(open_kiosk, stores, exports)
    path = tmp_path / "V01.json"
    path.write_text(json.dumps(vignette("V01")), encoding="utf-8")
    opened_in = _choose(screen, monkeypatch, path)
    tap(screen.import_button)
    assert opened_in == [Path.home()], "no export folder yet: the dialog starts at home"
    [visit] = stores.visits.list()
    assert screen.notice.text() == f"Imported V01.json as visit {visit.id}."
    assert [(row.action, row.visit_id) for row in stores.audit.rows()][-1] == ("imported", visit.id)
    tap(screen.import_button)
    assert screen.notice.text() == f"V01.json: already imported as {visit.id}. Nothing was stored."
    assert len(stores.visits.list()) == 1
    tap(screen.back_button)
    assert desk.in_queue and desk.queue_names() == ["Test Patient"]


def test_an_imported_visit_says_it_was_answered_before_the_visit(open_kiosk, stores, exports, add_visit, tmp_path,
                                                                  monkeypatch) -> None:
    """In the queue under its status and in the visit's header; a visit from the kiosk says nothing of the kind."""
    at_the_kiosk = add_visit("V06")
    desk, screen = _open_exports(open_kiosk, stores, exports)
    path = tmp_path / "previsit-response.json"
    path.write_text(json.dumps(vignette("V01")), encoding="utf-8")
    _choose(screen, monkeypatch, path)
    tap(screen.import_button)
    tap(screen.back_button)
    table = desk.area.queue.table
    rows = {table.item(row, STATUS).data(Qt.ItemDataRole.UserRole): row for row in range(table.rowCount())}
    imported = next(visit_id for visit_id in rows if visit_id != at_the_kiosk)
    assert table.item(rows[imported], STATUS).text() == f"Finished\n{ANSWERED_BEFORE}"
    assert table.item(rows[at_the_kiosk], STATUS).text() == "Finished"
    desk.open_row(rows[imported])
    assert f"· {ANSWERED_BEFORE} ·" in desk.area.visit.facts.text()
    tap(desk.area.visit.back_button)
    desk.open_row(rows[at_the_kiosk])
    assert ANSWERED_BEFORE not in desk.area.visit.facts.text()


def test_a_fhir_response_imports_too_and_the_dialog_starts_in_the_export_folder(open_kiosk, stores, exports, form,
                                                                                   monkeypatch) -> None:
    exports.mkdir()
    path = exports / "from-the-ehr.json"
    fhir = to_questionnaire_response(form, parse_response(vignette("V06"), form).to_json_dict())
    path.write_text(json.dumps(fhir), encoding="utf-8")
    _desk, screen = _open_exports(open_kiosk, stores, exports)
    opened_in = _choose(screen, monkeypatch, path)
    tap(screen.import_button)
    assert opened_in == [exports]
    [visit] = stores.visits.list()
    assert screen.notice.text() == f"Imported from-the-ehr.json as visit {visit.id}."


def test_a_bad_file_is_refused_in_the_words_of_intake_import(open_kiosk, stores, exports, tmp_path, monkeypatch,
                                                             capsys) -> None:
    from intake.cli import main

    path = tmp_path / "bad.json"
    path.write_text('{"answers": {"age": "old"}, "form_version": 1}', encoding="utf-8")
    _desk, screen = _open_exports(open_kiosk, stores, exports)
    _choose(screen, monkeypatch, path)
    tap(screen.import_button)
    shown = screen.notice.text().splitlines()
    assert shown[0] == "bad.json was not imported:"
    with pytest.raises(SystemExit):
        main(["assess", str(path)])
    printed = [line.removeprefix("error: ") for line in capsys.readouterr().err.splitlines()]
    assert shown[1:] == printed[: len(shown) - 1]
    assert stores.visits.list() == []


def test_a_cancelled_dialog_changes_nothing(open_kiosk, stores, exports, monkeypatch) -> None:
    _desk, screen = _open_exports(open_kiosk, stores, exports)
    _choose(screen, monkeypatch, None)
    tap(screen.import_button)
    assert not screen.notice.isVisible() and stores.visits.list() == []
