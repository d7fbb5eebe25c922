"""A signed-in person's desk (or a terminal user's): every staff use case, audited in
their name, each change kept with its audit row or not at all."""

from __future__ import annotations

import csv
import io
import json
import stat
import time
from datetime import UTC, date, datetime, timedelta
from unittest.mock import ANY

import pytest
from commit_together import (
    FINISHED_ID,
    MARIA,
    OPEN_ID,
    UNFINISHED_ID,
    Bench,
    PrinterJammed,
    UseCase,
    audit_entries,
    blocking,
    check_failed_change,
    check_kept_together,
    check_refused_audit_row,
    jam,
    refusing,
    snapshot,
    with_failing_change,
)
from pypdf import PdfReader
from sqlalchemy import update

from cases import vignette
from intake.app.desk import Desk
from intake.app.finishing import summaries_dir
from intake.app.queue_days import Days, local_today
from intake.app.staff_desk import StaffDesk
from intake.atomic import write_private
from intake.interop.fhir_version import FhirVersion
from intake.paths import data_dir
from intake.questionnaire.response import parse_response
from intake.settings import Settings, load_settings
from intake.store.errors import AlreadyImported, LastActiveAdmin, StaffExists, StaffNotFound, VisitNotFound
from intake.store.schema import visits
from intake.store.staff import Role, StaffMember
from intake.store.visits import VisitStore
from intake.visit_status import FINISHED, IN_PROGRESS, UNFINISHED

NEW_ADMIN_PIN = "591733"
NEW_SETTINGS = Settings(clinic_name="Clinique du Lac", policy="nice-ta260", midas=True)


def _write_bundle(bench: Bench) -> None:
    def write(bundle: dict) -> None:
        write_private(bench.folder / "exports" / "bundle.json", json.dumps(bundle).encode("utf-8"))

    bench.maria.export_fhir(FINISHED_ID, FhirVersion.R5, write)


def _write_csv(bench: Bench) -> None:
    def write(data: bytes) -> None:
        write_private(bench.folder / "exports" / "visits.csv", data)

    bench.maria.export_csv(None, None, write)


def _import_v06(bench: Bench) -> None:
    bench.maria.import_response(parse_response(vignette("V06"), bench.station.form))


def _summary_failed(bench: Bench) -> None:
    """The set-aside visit was in fact handed in whole (V01), and its summary failed at Finish."""
    bench.stores.visits.summary_failed(UNFINISHED_ID, vignette("V01"), False)


def _exports_in_bench_folder(bench: Bench) -> None:
    bench.station.settings = bench.station.settings.model_copy(update={"export_dir": bench.folder / "exports"})


def _removed_by_another_station(bench: Bench) -> None:
    with bench.stores.database.engine.begin() as connection:
        connection.exec_driver_sql(f"DELETE FROM visits WHERE id = '{FINISHED_ID}'")


def _red_flag_saved(bench: Bench) -> None:
    """The patient at the kiosk answered a red flag; autosave put the visit first in every queue."""
    bench.visit.set_answer("rf_thunderclap", "yes")
    assert bench.visit.needs_staff_alert()
    assert Desk(bench.station).autosave(bench.visit)


def _help_asked(bench: Bench) -> None:
    """The patient at the kiosk tapped "I need help" (stored as the bench stores its visits: unaudited)."""
    bench.stores.visits.request_help(OPEN_ID, bench.visit.draft(), False)


def _seen_by_maria(bench: Bench) -> None:
    bench.maria.mark_alerts_seen(bench.maria.alerts(bench.maria.queue()))


CASES = [
    UseCase("sign_out", lambda b: b.maria.sign_out(), [("maria", "signed_out", None, None)], changes=False),
    UseCase(
        "view", lambda b: b.maria.view(FINISHED_ID), [("maria", "viewed", FINISHED_ID, None)], changes=False,
        break_change=_removed_by_another_station,
    ),
    UseCase(
        "print_summary", lambda b: b.maria.print_summary(b.stored(FINISHED_ID), b.printer.summary),
        [("maria", "printed", FINISHED_ID, None)], changes=False, break_change=jam,
    ),
    UseCase(
        "print_info_sheet", lambda b: b.maria.print_info_sheet(b.stored(FINISHED_ID), b.printer.info_sheet),
        [("maria", "printed_info", FINISHED_ID, None)], changes=False, break_change=jam,
    ),
    UseCase(
        "save_pdf", lambda b: b.maria.save_pdf(b.stored(FINISHED_ID), b.folder / "pdfs"),
        [("maria", "exported", FINISHED_ID, None)], break_change=blocking("pdfs"),
    ),
    UseCase(
        "write_pdf", lambda b: b.maria.write_pdf(b.stored(FINISHED_ID), b.folder / "chosen" / "summary.pdf"),
        [("maria", "exported", FINISHED_ID, None)], break_change=blocking("chosen"),
    ),
    UseCase(
        "mark_reviewed", lambda b: b.maria.mark_reviewed(FINISHED_ID), [("maria", "reviewed", FINISHED_ID, None)],
        break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "discard", lambda b: b.maria.discard(UNFINISHED_ID), [("maria", "discarded", UNFINISHED_ID, None)],
        break_change=refusing("DELETE", "visits"),
    ),
    UseCase(
        "continue_held_visit", lambda b: b.maria.continue_held_visit(OPEN_ID), [("maria", "resumed", OPEN_ID, None)],
        changes=False,
    ),
    UseCase(
        "print_answers_so_far", lambda b: b.maria.print_answers_so_far(b.stored(UNFINISHED_ID), b.printer.summary),
        [("maria", "answers_printed", UNFINISHED_ID, None)], changes=False, break_change=jam,
    ),
    UseCase(
        "remake_summary", lambda b: b.maria.remake_summary(UNFINISHED_ID), [("maria", "summary_remade", UNFINISHED_ID, None)],
        arrange=_summary_failed, break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "continue_with_patient", lambda b: b.maria.continue_with_patient(UNFINISHED_ID),
        [("maria", "resumed", UNFINISHED_ID, None)], break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "mark_reviewed_unfinished", lambda b: b.maria.mark_reviewed(UNFINISHED_ID),
        [("maria", "reviewed", UNFINISHED_ID, None)], break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "change_settings", lambda b: b.maria.change_settings(NEW_SETTINGS), [("maria", "settings_changed", None, None)],
        break_change=blocking("config"),  # the station's settings file is config/settings.yaml
    ),
    UseCase(
        "import_response", _import_v06, [("maria", "imported", ANY, None)], break_change=refusing("INSERT", "visits"),
    ),
    UseCase(
        "purge", lambda b: b.maria.purge(b.maria.purge_candidates(datetime.now(UTC))),
        [("maria", "purged", visit_id, None) for visit_id in (FINISHED_ID, OPEN_ID, UNFINISHED_ID)],
        break_change=refusing("DELETE", "visits"),
    ),
    UseCase(
        "export_fhir", _write_bundle, [("maria", "exported", FINISHED_ID, None)], break_change=blocking("exports"),
    ),
    UseCase(
        "export_csv", _write_csv,
        [("maria", "exported", visit_id, None) for visit_id in (FINISHED_ID, OPEN_ID, UNFINISHED_ID)],
        break_change=blocking("exports"),
    ),
    UseCase(
        "add_staff", lambda b: b.maria.add_staff("carl", "Carl", Role.STAFF, "5092"), [("maria", "staff_added", None, "carl")],
        break_change=refusing("INSERT", "staff"),
    ),
    UseCase(
        "disable_staff", lambda b: b.maria.disable_staff("bob"), [("maria", "staff_disabled", None, "bob")],
        break_change=refusing("UPDATE", "staff"),
    ),
    UseCase(
        "change_pin", lambda b: b.maria.change_pin(NEW_ADMIN_PIN), [("maria", "pin_changed", None, None)],
        break_change=refusing("UPDATE", "staff"),
    ),
    UseCase("view_audit", lambda b: b.maria.view_audit(), [("maria", "audit_viewed", None, None)], changes=False),
    UseCase(
        "change_role", lambda b: b.maria.change_role("bob", Role.ADMIN), [("maria", "role_changed", None, "bob")],
        break_change=refusing("UPDATE", "staff"),
    ),
    UseCase(
        "reset_pin", lambda b: b.maria.reset_pin("bob", "5092"), [("maria", "pin_reset", None, "bob")],
        break_change=refusing("UPDATE", "staff"),
    ),
    UseCase(
        "export_fhir_file", lambda b: b.maria.export_fhir_file(FINISHED_ID, FhirVersion.R5),
        [("maria", "exported", FINISHED_ID, None)], arrange=_exports_in_bench_folder, break_change=blocking("exports"),
    ),
    UseCase(
        "export_days_csv", lambda b: b.maria.export_days_csv(Days(local_today(), local_today())),
        [("maria", "exported", visit_id, None) for visit_id in (FINISHED_ID, OPEN_ID, UNFINISHED_ID)],
        arrange=_exports_in_bench_folder, break_change=blocking("exports"),
    ),
    UseCase(
        "print_test_page", lambda b: b.maria.print_test_page(b.printer.test_page),
        [("maria", "test_printed", None, None)], changes=False, break_change=jam,
    ),
    UseCase(
        "mark_alerts_seen", _seen_by_maria, [("maria", "alert_seen", OPEN_ID, None)], arrange=_red_flag_saved,
        break_change=refusing("INSERT", "alert_seen"),
    ),
    UseCase(
        "mark_help_handled", lambda b: b.maria.mark_help_handled(OPEN_ID), [("maria", "help_handled", OPEN_ID, None)],
        arrange=_help_asked, break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "amend_answer", lambda b: b.maria.amend_answer(FINISHED_ID, "headache_days", 18, "Misread the question"),
        [("maria", "amended", FINISHED_ID, None)], break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "add_note", lambda b: b.maria.add_note(FINISHED_ID, "Seen by Dr Ames; blood pressure normal."),
        [("maria", "note_added", FINISHED_ID, None)], break_change=refusing("UPDATE", "visits"),
    ),
    UseCase(
        "back_up", lambda b: b.maria.back_up(b.folder / "backups" / "visits-backup.db"),
        [("maria", "backup_made", None, None)], break_change=blocking("backups"),
    ),
    UseCase(
        "add_note_unfinished", lambda b: b.maria.add_note(UNFINISHED_ID, "Patient left; will call back."),
        [("maria", "note_added", UNFINISHED_ID, None)], break_change=refusing("INSERT", "notes"),
    ),
]


@pytest.mark.parametrize("case", CASES, ids=str)
def test_each_use_case_keeps_its_change_with_its_audit_row(case: UseCase, bench: Bench) -> None:
    check_kept_together(case, bench)


@pytest.mark.parametrize("case", CASES, ids=str)
def test_a_refused_audit_row_keeps_none_of_the_change(case: UseCase, bench: Bench) -> None:
    check_refused_audit_row(case, bench)


@pytest.mark.parametrize("case", with_failing_change(CASES), ids=str)
def test_a_failed_change_keeps_no_audit_row(case: UseCase, bench: Bench) -> None:
    check_failed_change(case, bench)


def _rows(bench: Bench) -> list[tuple[str, str, str | None, str | None]]:
    """Who did what to which visit, under which rules."""
    return [(row.staff_id, row.action, row.visit_id, row.rules_version) for row in bench.stores.audit.rows()]


def _utc_today() -> date:
    """Visits are filtered by whole UTC days (the CLI's contract)."""
    return datetime.now(UTC).date()


def _rules_version(bench: Bench) -> str:
    return bench.finished.assessment.policy_version


def test_a_desk_acts_as_its_member_or_as_a_terminal_user(bench: Bench) -> None:
    assert (bench.maria.actor, bench.maria.is_admin) == ("maria", True)
    terminal = StaffDesk(bench.station, None, actor="cli:root")
    assert (terminal.actor, terminal.is_admin) == ("cli:root", False)
    terminal.view(FINISHED_ID)
    assert _rows(bench) == [("cli:root", "viewed", FINISHED_ID, _rules_version(bench))]
    with pytest.raises(ValueError, match="signed-in member"):
        StaffDesk(bench.station, None)


def test_reading_the_queue_the_staff_list_and_the_log_is_not_audited(bench: Bench) -> None:
    bench.stores.visits.request_help(OPEN_ID, bench.visit.draft(), True)
    assert [visit.id for visit in bench.maria.queue()] == [OPEN_ID, UNFINISHED_ID, FINISHED_ID]
    assert [visit.id for visit in bench.maria.visits(status=FINISHED)] == [FINISHED_ID]
    assert bench.maria.visits(date_to=_utc_today() - timedelta(days=1)) == []
    assert [member.id for member in bench.maria.staff()] == ["bob", "maria"]
    assert bench.maria.audit_rows() == []


def test_view_is_audited_with_the_rules_the_visit_was_assessed_by(bench: Bench) -> None:
    visit = bench.maria.view(FINISHED_ID)
    assert (visit.summary.id, visit.pdf) == (FINISHED_ID, bench.finished.pdf)
    assert _rows(bench) == [("maria", "viewed", FINISHED_ID, _rules_version(bench))]
    with pytest.raises(VisitNotFound):
        bench.maria.view("20261124-235959-ffffff")
    assert len(_rows(bench)) == 1


def test_print_summary_sends_the_stored_pdf_then_audits(bench: Bench) -> None:
    assert bench.maria.print_summary(bench.stored(FINISHED_ID), bench.printer.summary) == "sent"
    assert bench.printer.printed == [bench.finished.pdf]
    assert _rows(bench) == [("maria", "printed", FINISHED_ID, _rules_version(bench))]


def test_an_unfinished_visit_has_no_summary_to_print_or_save(bench: Bench) -> None:
    unfinished = bench.stored(UNFINISHED_ID)
    with pytest.raises(ValueError, match="no summary"):
        bench.maria.print_summary(unfinished, bench.printer.summary)
    with pytest.raises(ValueError, match="no summary PDF"):
        bench.maria.save_pdf(unfinished, bench.folder / "pdfs")
    with pytest.raises(ValueError, match="no summary PDF"):
        bench.maria.write_pdf(unfinished, bench.folder / "summary.pdf")
    assert bench.printer.printed == [] and list(bench.folder.iterdir()) == [] and _rows(bench) == []


def test_a_jammed_printer_is_raised_and_not_audited(bench: Bench) -> None:
    jam(bench)
    with pytest.raises(PrinterJammed):
        bench.maria.print_summary(bench.stored(FINISHED_ID), bench.printer.summary)
    with pytest.raises(PrinterJammed):
        bench.maria.print_info_sheet(bench.stored(FINISHED_ID), bench.printer.info_sheet)
    assert _rows(bench) == []


def test_print_info_sheet_is_audited_for_the_visit(bench: Bench) -> None:
    assert bench.maria.print_info_sheet(bench.stored(FINISHED_ID), bench.printer.info_sheet) == "sent"
    assert _rows(bench) == [("maria", "printed_info", FINISHED_ID, None)]


def test_save_pdf_writes_a_private_file_named_by_visit_id_only(bench: Bench, umask_022: None) -> None:
    saved = bench.maria.save_pdf(bench.stored(FINISHED_ID))
    assert saved == summaries_dir(bench.station.settings) / f"visit-{FINISHED_ID}.pdf"
    assert saved.read_bytes() == bench.finished.pdf
    assert stat.S_IMODE(saved.stat().st_mode) == 0o600
    assert [stat.S_IMODE(folder.stat().st_mode) for folder in (saved.parent, data_dir())] == [0o700, 0o700]
    assert bench.maria.save_pdf(bench.stored(FINISHED_ID), bench.folder) == bench.folder / f"visit-{FINISHED_ID}.pdf"
    assert _rows(bench) == [("maria", "exported", FINISHED_ID, _rules_version(bench))] * 2


def test_write_pdf_writes_where_the_user_chose(bench: Bench) -> None:
    chosen = bench.folder / "for the GP.pdf"
    bench.maria.write_pdf(bench.stored(FINISHED_ID), chosen)
    assert chosen.read_bytes() == bench.finished.pdf
    assert _rows(bench) == [("maria", "exported", FINISHED_ID, _rules_version(bench))]


def test_mark_reviewed_returns_the_reviewed_visit(bench: Bench) -> None:
    reviewed = bench.maria.mark_reviewed(FINISHED_ID)
    assert reviewed.summary.reviewed and bench.stored(FINISHED_ID).summary.reviewed
    assert _rows(bench) == [("maria", "reviewed", FINISHED_ID, _rules_version(bench))]
    with pytest.raises(VisitNotFound):
        bench.maria.mark_reviewed("20261124-235959-ffffff")
    assert len(_rows(bench)) == 1


def test_discard_removes_only_an_unfinished_visit(bench: Bench) -> None:
    bench.maria.discard(UNFINISHED_ID)
    with pytest.raises(VisitNotFound):
        bench.maria.discard(FINISHED_ID)
    assert [visit.id for visit in bench.stores.visits.list()] == [OPEN_ID, FINISHED_ID]
    assert audit_entries(bench) == [("maria", "discarded", UNFINISHED_ID, None)]


def test_continuing_a_held_visit_is_audited_in_the_staff_members_name(bench: Bench) -> None:
    bench.maria.continue_held_visit(OPEN_ID)
    assert audit_entries(bench) == [("maria", "resumed", OPEN_ID, None)]


def test_changed_settings_are_written_and_reach_the_kiosk(bench: Bench) -> None:
    kiosk = Desk(bench.station)
    bench.maria.change_settings(NEW_SETTINGS)
    assert bench.station.settings_file is not None
    assert load_settings(bench.station.settings_file) == NEW_SETTINGS
    assert (kiosk.settings, kiosk.rules.policy.name) == (NEW_SETTINGS, "nice-ta260")
    assert audit_entries(bench) == [("maria", "settings_changed", None, None)]


def test_a_policy_that_cannot_be_loaded_keeps_the_previous_rules(bench: Bench) -> None:
    bench.maria.change_settings(Settings(policy="no-such-policy"))
    assert bench.station.settings.policy == "no-such-policy"
    assert bench.station.rules.policy.name == "us-payer"


def test_an_imported_response_is_stored_finished_under_the_clinics_policy(bench: Bench) -> None:
    bench.maria.change_settings(NEW_SETTINGS)
    imported = bench.maria.import_response(parse_response(vignette("V06"), bench.station.form))
    stored = bench.stored(imported.visit_id)
    assert (stored.summary.status, stored.policy, stored.pdf) == (FINISHED, "nice-ta260", imported.pdf)
    assert stored.summary.outcome == imported.assessment.outcome
    assert _rows(bench)[-1] == ("maria", "imported", imported.visit_id, imported.assessment.policy_version)


def _first_page(pdf: bytes | None) -> str:
    assert pdf is not None
    return " ".join(PdfReader(io.BytesIO(pdf)).pages[0].extract_text().split())


def test_an_imported_visit_was_answered_before_the_visit_on_screen_and_on_paper(bench: Bench) -> None:
    """Its own `imported` audit row says so, a copy stored `again` too; a visit from the kiosk does not."""
    response = parse_response(vignette("V06"), bench.station.form)
    imported = bench.maria.import_response(response)
    copy = bench.maria.import_response(response, again=True)
    for visit_id in (imported.visit_id, copy.visit_id):
        stored = bench.maria.view(visit_id)
        assert stored.summary.answered_before
        assert "Source Answered before the visit" in _first_page(stored.pdf)
    queue = {visit.id: visit.answered_before for visit in bench.maria.queue()}
    assert queue[imported.visit_id] and queue[copy.visit_id] and not queue[FINISHED_ID]
    assert "before the visit" not in _first_page(bench.stored(FINISHED_ID).pdf)


def test_the_same_response_is_imported_once_and_named_after(bench: Bench) -> None:
    first = bench.maria.import_response(parse_response(vignette("V06"), bench.station.form))
    before = snapshot(bench)
    again = vignette("V06")
    again["answers"] = dict(reversed(again["answers"].items()))
    again["answers"]["hours_per_day"] = float(again["answers"]["hours_per_day"])
    with pytest.raises(AlreadyImported) as already:
        bench.maria.import_response(parse_response(again, bench.station.form))
    assert already.value.visit_id == first.visit_id
    assert str(already.value) == f"already imported as {first.visit_id}"
    assert snapshot(bench) == before
    assert audit_entries(bench) == [("maria", "imported", first.visit_id, None)], "a refused import is not audited"


def test_again_stores_another_copy_and_the_first_stays_the_answer(bench: Bench) -> None:
    response = parse_response(vignette("V06"), bench.station.form)
    first = bench.maria.import_response(response)
    copy = bench.maria.import_response(response, again=True)
    assert copy.visit_id != first.visit_id
    assert bench.stored(copy.visit_id).response == bench.stored(first.visit_id).response
    with pytest.raises(AlreadyImported, match=first.visit_id):
        bench.maria.import_response(response)


def test_another_answer_is_another_response(bench: Bench) -> None:
    first = bench.maria.import_response(parse_response(vignette("V06"), bench.station.form))
    changed = vignette("V06")
    changed["answers"]["headache_days"] -= 1
    assert bench.maria.import_response(parse_response(changed, bench.station.form)).visit_id != first.visit_id


def test_a_purged_import_can_be_imported_again(bench: Bench) -> None:
    response = parse_response(vignette("V06"), bench.station.form)
    first = bench.maria.import_response(response)
    bench.maria.purge([visit for visit in bench.maria.purge_candidates(datetime.now(UTC)) if visit.id == first.visit_id])
    assert bench.maria.import_response(response).visit_id != first.visit_id


def test_an_import_that_loses_a_race_to_the_same_import_names_the_winner(bench: Bench) -> None:
    """Two stations import one file at once: both look before either commits. The unique
    index refuses the second, which then answers with the first's id and keeps nothing."""
    response = parse_response(vignette("V06"), bench.station.form)
    looked: list[str] = []
    real_lookup = VisitStore.imported_as

    def before_the_other_committed(store: VisitStore, fingerprint: str) -> str | None:
        looked.append(fingerprint)
        return None if len(looked) == 1 else real_lookup(store, fingerprint)

    winner = bench.maria.import_response(response)
    before = snapshot(bench)
    bench.monkeypatch.setattr(VisitStore, "imported_as", before_the_other_committed)
    with pytest.raises(AlreadyImported) as already:
        bench.maria.import_response(response)
    assert already.value.visit_id == winner.visit_id
    assert len(looked) == 2, "looked once in the transaction, once after it rolled back"
    assert snapshot(bench) == before
    assert [entry[1] for entry in audit_entries(bench)] == ["imported"]


def _started_days_ago(bench: Bench, visit_id: str, days: int) -> None:
    with bench.stores.database.engine.begin() as connection:
        connection.execute(update(visits).where(visits.c.id == visit_id).values(started=datetime.now(UTC) - timedelta(days=days)))


def test_purge_deletes_only_old_visits_each_with_its_row(bench: Bench) -> None:
    _started_days_ago(bench, FINISHED_ID, 40)
    thirty_days_ago = datetime.now(UTC) - timedelta(days=30)
    candidates = bench.maria.purge_candidates(thirty_days_ago)
    assert [visit.id for visit in candidates] == [FINISHED_ID]
    assert audit_entries(bench) == [], "listing changes nothing"
    assert bench.maria.purge(candidates) == [FINISHED_ID]
    assert bench.maria.purge(candidates) == [], "already gone"
    assert bench.maria.purge_candidates(thirty_days_ago) == []
    assert {visit.id for visit in bench.stores.visits.list()} == {OPEN_ID, UNFINISHED_ID}
    assert audit_entries(bench) == [("maria", "purged", FINISHED_ID, None)]


def test_purge_deletes_the_visits_staff_agreed_to_not_those_that_aged_meanwhile(bench: Bench) -> None:
    _started_days_ago(bench, FINISHED_ID, 40)
    _started_days_ago(bench, UNFINISHED_ID, 29)
    agreed = bench.maria.purge_candidates(datetime.now(UTC) - timedelta(days=30))
    _started_days_ago(bench, UNFINISHED_ID, 31)  # as if a day passed while staff read the list
    assert bench.maria.purge(agreed) == [FINISHED_ID]
    assert [visit.id for visit in bench.maria.purge_candidates(datetime.now(UTC) - timedelta(days=30))] == [UNFINISHED_ID]


def test_candidates_are_oldest_first(bench: Bench) -> None:
    for visit_id, days in ((OPEN_ID, 50), (UNFINISHED_ID, 10), (FINISHED_ID, 20)):
        _started_days_ago(bench, visit_id, days)
    assert [visit.id for visit in bench.maria.purge_candidates(datetime.now(UTC))] == [OPEN_ID, FINISHED_ID, UNFINISHED_ID]


def test_export_fhir_hands_a_bundle_to_the_writer(bench: Bench) -> None:
    written = []
    exported = bench.maria.export_fhir(FINISHED_ID, FhirVersion.R4, written.append)
    assert exported.summary.id == FINISHED_ID
    [bundle] = written
    assert bundle["resourceType"] == "Bundle" and len(bundle["entry"]) >= 3
    assert _rows(bench) == [("maria", "exported", FINISHED_ID, _rules_version(bench))]
    with pytest.raises(VisitNotFound):
        bench.maria.export_fhir("20261124-235959-ffffff", FhirVersion.R5, written.append)
    assert len(written) == 1 and len(_rows(bench)) == 1


def test_export_csv_writes_one_line_and_one_audit_row_per_visit(bench: Bench) -> None:
    written = []
    today = _utc_today()
    assert bench.maria.export_csv(today, today, written.append) == 3
    [data] = written
    header, *lines = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
    assert len(lines) == 3 and len(header) == len(lines[0])
    assert {entry[2] for entry in audit_entries(bench)} == {FINISHED_ID, OPEN_ID, UNFINISHED_ID}
    assert bench.maria.export_csv(date(2000, 1, 1), date(2000, 1, 2), written.append) == 0
    assert len(audit_entries(bench)) == 3


def test_added_staff_can_sign_in(bench: Bench) -> None:
    added = bench.maria.add_staff("carl", "Carl", Role.STAFF, "5092")
    assert (added.id, added.role, added.active) == ("carl", Role.STAFF, True)
    assert Desk(bench.station).sign_in("carl", "5092").actor == "carl"
    assert audit_entries(bench)[0] == ("maria", "staff_added", None, "carl")


@pytest.mark.parametrize(("staff_id", "pin", "refusal"), [("Carl Smith", "5092", ValueError), ("bob", "5092", StaffExists)])
def test_a_refused_new_account_leaves_no_row(bench: Bench, staff_id: str, pin: str, refusal: type) -> None:
    with pytest.raises(refusal):
        bench.maria.add_staff(staff_id, "Carl", Role.STAFF, pin)
    assert [member.id for member in bench.maria.staff()] == ["bob", "maria"]
    assert audit_entries(bench) == []


def test_an_admin_needs_a_longer_pin(bench: Bench) -> None:
    with pytest.raises(ValueError, match="administrator's PIN needs at least 6"):
        bench.maria.add_staff("carl", "Carl", Role.ADMIN, "5092")
    assert bench.maria.add_staff("carl", "Carl", Role.ADMIN, NEW_ADMIN_PIN).is_admin
    assert audit_entries(bench) == [("maria", "staff_added", None, "carl")]


def test_the_last_active_admin_cannot_be_disabled(bench: Bench) -> None:
    with pytest.raises(LastActiveAdmin, match="last active administrator"):
        bench.maria.disable_staff("maria")
    assert [(member.id, member.active) for member in bench.maria.staff()] == [("bob", True), ("maria", True)]
    assert audit_entries(bench) == []
    bench.maria.add_staff("carl", "Carl", Role.ADMIN, NEW_ADMIN_PIN)
    bench.maria.disable_staff("maria")
    assert audit_entries(bench)[-1] == ("maria", "staff_disabled", None, "maria")


def test_a_changed_pin_is_the_one_that_signs_in(bench: Bench) -> None:
    bench.maria.pin_change_required = True
    with pytest.raises(ValueError, match="at least 6"):
        bench.maria.change_pin("5092")
    assert bench.maria.pin_change_required and audit_entries(bench) == []
    bench.maria.change_pin(NEW_ADMIN_PIN)
    assert not bench.maria.pin_change_required
    assert Desk(bench.station).sign_in("maria", NEW_ADMIN_PIN).actor == "maria"
    with pytest.raises(ValueError, match="signed-in member"):
        StaffDesk(bench.station, None, actor="cli:root").change_pin(NEW_ADMIN_PIN)


def test_a_disabled_account_is_kept_but_inactive(bench: Bench) -> None:
    bench.maria.disable_staff("bob")
    assert [(member.id, member.active) for member in bench.maria.staff()] == [("bob", False), ("maria", True)]
    with pytest.raises(StaffNotFound):
        bench.maria.disable_staff("nobody")
    assert audit_entries(bench) == [("maria", "staff_disabled", None, "bob")]


def test_sign_out_is_audited(bench: Bench) -> None:
    StaffDesk(bench.station, MARIA).sign_out()
    assert audit_entries(bench) == [("maria", "signed_out", None, None)]


def test_the_audit_viewer_is_audited_and_shows_its_own_opening(bench: Bench) -> None:
    bench.maria.view(FINISHED_ID)
    log = bench.maria.view_audit()
    assert [(row.staff_id, row.action) for row in log.rows] == [("maria", "viewed"), ("maria", "audit_viewed")]
    assert log.rows == bench.maria.audit_rows()
    assert not [problem for problem in log.problems if problem.startswith("seq ")], "the chain itself is whole"


BOB = StaffMember("bob", "Bob Front-Desk", Role.STAFF, True)


def test_seen_silences_an_urgent_alert_for_that_person_only_until_the_visit_changes(bench: Bench) -> None:
    _red_flag_saved(bench)
    bob = StaffDesk(bench.station, BOB)
    assert [visit.id for visit in bench.maria.alerts(bench.maria.queue()).urgent] == [OPEN_ID]
    bench.maria.mark_alerts_seen(bench.maria.alerts(bench.maria.queue()))
    assert bench.maria.alerts(bench.maria.queue()).urgent == ()
    assert StaffDesk(bench.station, MARIA).alerts(bench.maria.queue()).urgent == (), "kept for her next sign-in"
    assert [visit.id for visit in bob.alerts(bob.queue()).urgent] == [OPEN_ID], "the next person still sees it"
    bench.visit.set_answer("headache_days", 20)
    assert Desk(bench.station).autosave(bench.visit)
    assert [visit.id for visit in bench.maria.alerts(bench.maria.queue()).urgent] == [OPEN_ID], "the visit changed"
    assert audit_entries(bench) == [("maria", "alert_seen", OPEN_ID, None)]


def test_an_urgent_alert_ends_for_everyone_when_the_visit_is_reviewed(bench: Bench) -> None:
    _red_flag_saved(bench)
    bench.maria.mark_reviewed(OPEN_ID)
    assert StaffDesk(bench.station, BOB).alerts(bench.maria.queue()).urgent == ()


def test_seen_on_a_visit_removed_meanwhile_keeps_no_row(bench: Bench) -> None:
    bench.stores.visits.summary_failed(UNFINISHED_ID, bench.visit.draft(), False)
    alerts = bench.maria.alerts(bench.maria.queue())
    assert [visit.id for visit in alerts.summary_failed] == [UNFINISHED_ID]
    bench.maria.discard(UNFINISHED_ID)
    bench.maria.mark_alerts_seen(alerts)
    assert audit_entries(bench) == [("maria", "discarded", UNFINISHED_ID, None)]
    assert bench.maria.alerts(bench.maria.queue()).summary_failed == ()


def test_help_handled_clears_the_request_for_everyone(bench: Bench) -> None:
    _help_asked(bench)
    bob = StaffDesk(bench.station, BOB)
    assert [visit.id for visit in bob.alerts(bob.queue()).help] == [OPEN_ID]
    bench.maria.mark_alerts_seen(bench.maria.alerts(bench.maria.queue()))
    assert [visit.id for visit in bench.maria.alerts(bench.maria.queue()).help] == [OPEN_ID], "Seen does not end it"
    bench.maria.mark_help_handled(OPEN_ID)
    assert bob.alerts(bob.queue()).help == ()
    assert bench.stored(OPEN_ID).summary.help_handled
    assert audit_entries(bench) == [("maria", "help_handled", OPEN_ID, None)]
    with pytest.raises(VisitNotFound):
        bench.maria.mark_help_handled(FINISHED_ID)


def test_the_change_watch_hears_the_kiosk_save_a_red_flag_within_two_seconds(bench: Bench) -> None:
    watch = bench.maria.watch_changes()
    try:
        assert not watch.changed()
        _red_flag_saved(bench)
        deadline = time.monotonic() + 2.0
        while not watch.changed():
            assert time.monotonic() < deadline, "not heard within 2 s"
            time.sleep(0.05)
        assert not watch.changed()
    finally:
        watch.close()


def _pdf_text(pdf: bytes) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages)


def _red_flag_walked_away(bench: Bench) -> dict:
    """A patient who answered the first pages and the thunderclap question "yes", then left."""
    answers = {key: value for key, value in vignette("V14")["answers"].items() if not key.startswith("rf_")}
    kept = {key: answers[key] for key in ("given_name", "family_name", "date_of_birth", "sex_at_birth", "headache_days")}
    draft = {**vignette("V14"), "answers": {**kept, "rf_thunderclap": "yes", "rf_cancer": "no"}}
    bench.stores.visits.set_aside(UNFINISHED_ID, draft, True)
    return draft


def test_answers_so_far_print_red_flags_first_and_are_audited_not_stored(bench: Bench) -> None:
    _red_flag_walked_away(bench)
    before = bench.stored(UNFINISHED_ID)
    assert bench.maria.print_answers_so_far(before, bench.printer.summary) == "sent"
    [printed] = bench.printer.printed
    text = _pdf_text(printed)
    assert text.startswith("Visit not finished: answers so far")
    assert text.index("⚑ Sudden severe (thunderclap) headache Yes") < text.index("Urgent clinician review")
    assert text.count("Visit not finished: answers so far") >= 1 + len(PdfReader(io.BytesIO(printed)).pages)
    assert bench.stored(UNFINISHED_ID) == before, "nothing of the print is kept with the visit"
    [row] = bench.stores.audit.rows()
    assert (row.staff_id, row.action, row.visit_id) == ("maria", "answers_printed", UNFINISHED_ID)
    assert row.rules_version == bench.station.rules.policy.version


def test_a_finished_visit_prints_its_summary_not_answers_so_far(bench: Bench) -> None:
    with pytest.raises(ValueError, match="print its summary"):
        bench.maria.print_answers_so_far(bench.stored(FINISHED_ID), bench.printer.summary)
    assert bench.printer.printed == [] and audit_entries(bench) == []


def test_an_unfinished_visit_can_be_marked_reviewed(bench: Bench) -> None:
    _red_flag_walked_away(bench)
    reviewed = bench.maria.mark_reviewed(UNFINISHED_ID)
    assert (reviewed.summary.status, reviewed.summary.reviewed) == (UNFINISHED, True)
    assert audit_entries(bench) == [("maria", "reviewed", UNFINISHED_ID, None)]


def test_a_failed_summary_is_made_again_under_the_clinics_policy_now(bench: Bench) -> None:
    _summary_failed(bench)
    bench.maria.change_settings(NEW_SETTINGS.model_copy(update={"output_dir": bench.folder / "out"}))
    made = bench.maria.remake_summary(UNFINISHED_ID)
    assert (made.summary.status, made.summary.summary_failed, made.policy) == (FINISHED, False, "nice-ta260")
    assert made.pdf is not None and made == bench.stored(UNFINISHED_ID)
    assert "Intake summary for the clinician" in _pdf_text(made.pdf)
    assert (bench.folder / "out" / f"visit-{UNFINISHED_ID}.pdf").read_bytes() == made.pdf
    assert _rows(bench)[-1] == ("maria", "summary_remade", UNFINISHED_ID, made.rules_version)
    with pytest.raises(ValueError, match="no failed summary"):
        bench.maria.remake_summary(UNFINISHED_ID)
    with pytest.raises(ValueError, match="no failed summary"):
        bench.maria.remake_summary(OPEN_ID)
    assert [entry[1] for entry in audit_entries(bench)] == ["settings_changed", "summary_remade"]


def test_continuing_with_the_patient_puts_the_visit_back_in_progress(bench: Bench) -> None:
    draft = _red_flag_walked_away(bench)
    continued = bench.maria.continue_with_patient(UNFINISHED_ID)
    assert (continued.summary.status, continued.response) == (IN_PROGRESS, draft)
    assert bench.stored(UNFINISHED_ID).summary.status == IN_PROGRESS
    with pytest.raises(VisitNotFound):
        bench.maria.continue_with_patient(FINISHED_ID)
    assert audit_entries(bench) == [("maria", "resumed", UNFINISHED_ID, None)]


def test_an_account_added_with_a_one_time_pin_must_change_it(bench: Bench) -> None:
    assert bench.maria.add_staff("carl", "Carl", Role.STAFF, "5092", one_time_pin=True).must_change_pin
    assert Desk(bench.station).sign_in("carl", "5092").pin_change_required


def test_a_role_change_never_demotes_the_last_active_admin(bench: Bench) -> None:
    with pytest.raises(LastActiveAdmin, match="'maria' is the last active administrator"):
        bench.maria.change_role("maria", Role.STAFF)
    with pytest.raises(ValueError, match="'bob' is staff already"):
        bench.maria.change_role("bob", Role.STAFF)
    assert audit_entries(bench) == []
    bench.maria.change_role("bob", Role.ADMIN)
    bench.maria.change_role("maria", Role.STAFF)
    assert [(member.id, member.role) for member in bench.maria.staff()] == [("bob", Role.ADMIN), ("maria", Role.STAFF)]
    assert audit_entries(bench) == [("maria", "role_changed", None, "bob"), ("maria", "role_changed", None, "maria")]


def test_a_reset_pin_follows_the_rules_for_the_role(bench: Bench) -> None:
    with pytest.raises(ValueError, match="administrator's PIN needs at least 6"):
        bench.maria.reset_pin("maria", "5092")
    with pytest.raises(StaffNotFound):
        bench.maria.reset_pin("nobody", "5092")
    assert audit_entries(bench) == []


def test_exports_go_to_the_export_folder_named_by_visit_or_days(bench: Bench, umask_022: None) -> None:
    assert bench.maria.exports_folder == data_dir() / "exports"
    _exports_in_bench_folder(bench)
    path = bench.maria.export_fhir_file(FINISHED_ID, FhirVersion.R4)
    assert path == bench.folder / "exports" / f"visit-{FINISHED_ID}-fhir-r4.json"
    assert json.loads(path.read_text(encoding="utf-8"))["resourceType"] == "Bundle"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    today = local_today()
    week = Days(today - timedelta(days=6), today)
    done = bench.maria.export_days_csv(week)
    assert done.visits == 3 and done.path.name == f"visits-{week.first.isoformat()}-to-{today.isoformat()}.csv"
    assert stat.S_IMODE(done.path.stat().st_mode) == 0o600


def test_a_csv_of_days_without_visits_writes_nothing(bench: Bench) -> None:
    _exports_in_bench_folder(bench)
    long_ago = date(2000, 1, 3)
    done = bench.maria.export_days_csv(Days(long_ago, long_ago))
    assert (done.visits, done.path.name, done.path.exists()) == (0, "visits-2000-01-03.csv", False)
    assert audit_entries(bench) == []


def test_a_csv_of_days_counts_the_clinics_midnight_not_utcs(bench: Bench, monkeypatch: pytest.MonkeyPatch) -> None:
    """A visit at 23:30 on this machine's clock belongs to that day, whatever day it is in UTC."""
    import time

    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    try:
        _exports_in_bench_folder(bench)
        late = datetime(2020, 3, 10, 23, 30).astimezone()
        with bench.stores.database.engine.begin() as connection:
            connection.execute(update(visits).where(visits.c.id == FINISHED_ID).values(started=late.astimezone(UTC)))
        assert bench.maria.export_days_csv(Days(late.date(), late.date())).visits == 1
        next_day = late.date() + timedelta(days=1)
        assert bench.maria.export_days_csv(Days(next_day, next_day)).visits == 0
    finally:
        monkeypatch.undo()
        time.tzset()
