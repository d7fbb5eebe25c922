"""One visit as FHIR from the visit screen, for admins: R5 or R4, a private file named by
the visit id in the export folder, audited."""

from __future__ import annotations

import json
import stat

from patient_driver import tap
from staff_driver import ADMIN_PIN, STAFF_PIN, FrontDesk


def test_an_admin_exports_the_open_visit_as_fhir_r4(open_kiosk, stores, add_visit, tmp_path, umask_022) -> None:
    visit_id = add_visit("V01")
    exports = tmp_path / "exports"
    window, _patient = open_kiosk(stores=stores, export_dir=exports)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    desk.open_row(0)
    export = desk.area.visit.fhir_export
    assert not export.isVisible(), "folded under More actions"
    desk.open_more()
    assert export.isVisible() and export.version.currentText() == "FHIR R5"
    export.version.setCurrentText("FHIR R4")
    tap(export.export_button)
    path = exports / f"visit-{visit_id}-fhir-r4.json"
    assert desk.area.visit.notice.text() == f"Exported FHIR R4 to {path}"
    bundle = json.loads(path.read_text(encoding="utf-8"))
    assert bundle["resourceType"] == "Bundle"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600 and stat.S_IMODE(exports.stat().st_mode) == 0o700
    assert [(row.staff_id, row.action, row.visit_id) for row in stores.audit.rows()][-1] == ("maria", "exported", visit_id)
    tap(desk.area.visit.back_button)
    desk.open_row(0)
    assert export.version.currentText() == "FHIR R5" and not desk.area.visit.notice.isVisible()
    assert not export.isVisible(), "another visit opens with the less used actions folded"


def test_staff_who_are_not_admins_are_not_offered_it(open_kiosk, stores, add_visit) -> None:
    add_visit("V01")
    window, _patient = open_kiosk(stores=stores)
    desk = FrontDesk(window)
    desk.sign_in("bob", STAFF_PIN)
    desk.open_row(0)
    desk.open_more()
    assert not desk.area.visit.fhir_export.isVisible()


def test_a_folder_that_cannot_be_written_is_said(open_kiosk, stores, add_visit, tmp_path) -> None:
    add_visit("V01")
    blocked = tmp_path / "a file"
    blocked.write_text("not a folder", encoding="utf-8")
    window, _patient = open_kiosk(stores=stores, export_dir=blocked)
    desk = FrontDesk(window)
    desk.sign_in("maria", ADMIN_PIN)
    desk.open_row(0)
    desk.open_more()
    tap(desk.area.visit.fhir_export.export_button)
    assert desk.area.visit.notice.text().startswith(f"Could not write in {blocked}: ")
    assert "exported" not in [row.action for row in stores.audit.rows()]
