"""`intake import | visits | audit` against the encrypted SQLite store."""

from __future__ import annotations

import io
import json
import re
import signal
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader

from cases import vignette
from command_line import run_intake
from intake.cli import main
from intake.paths import PROJECT_ROOT, data_dir


class Terminal(io.StringIO):
    """Standard input as a person at a terminal (or a pipe) gives it: these lines, then nothing."""

    def __init__(self, *lines: str, tty: bool = True) -> None:
        super().__init__("".join(f"{line}\n" for line in lines))
        self.tty = tty

    def isatty(self) -> bool:
        return self.tty


@pytest.fixture
def key(monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DB_KEY", "cli test passphrase")


def test_import_list_show_and_audit(import_vignette, tmp_path, capsys, key) -> None:
    refer = import_vignette("V01")
    urgent = import_vignette("V14")
    assert main(["visits", "list", "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert [visit["id"] for visit in listed] == [urgent, refer]
    assert set(listed[0]) == {"id", "started", "finished", "status", "outcome", "reviewed", "given_name", "family_name"}
    assert listed[0]["outcome"] == "URGENT_REVIEW" and listed[0]["status"] == "finished"

    pdf = tmp_path / "summary.pdf"
    assert main(["visits", "show", refer, "--pdf", str(pdf)]) == 0
    shown = capsys.readouterr().out
    assert "Outcome: REFER" in shown and shown.endswith(f"\nwrote the summary PDF to {pdf}\n")
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["audit", "verify"]) == 0
    assert "audit log intact: 4 rows" in capsys.readouterr().out


def test_an_imported_visit_shows_it_was_answered_before_the_visit(import_vignette, tmp_path, capsys, key) -> None:
    visit_id = import_vignette("V01")
    pdf = tmp_path / "summary.pdf"
    assert main(["visits", "show", visit_id, "--pdf", str(pdf)]) == 0
    assert "Answered before the visit (imported from a response file)" in capsys.readouterr().out
    first = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "Source Answered before the visit" in first


@pytest.mark.parametrize("command", [["visits", "show", "{id}"], ["export", "{id}", "--fhir", "-o", "{out}/visit.json"]])
def test_a_missing_visit_is_a_usage_error_in_every_command(import_vignette, tmp_path, capsys, key, command) -> None:
    import_vignette("V01")
    missing = "20261124-090000-aaaaaa"
    status, out, err = run_intake([arg.format(id=missing, out=tmp_path) for arg in command], capsys)
    assert (status, out, err) == (2, "", f"error: visit {missing}: not found\n")
    assert not (tmp_path / "visit.json").exists()


def test_a_relative_pdf_path_is_printed_whole(import_vignette, tmp_path, capsys, key, monkeypatch) -> None:
    visit_id = import_vignette("V01")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run_intake(["visits", "show", visit_id, "--pdf", "summary.pdf"], capsys)
    assert status == 0 and out.endswith(f"\nwrote the summary PDF to {tmp_path / 'summary.pdf'}\n")


def test_purge_removes_old_visits_and_records_it(import_vignette, tmp_path, capsys, key) -> None:
    import_vignette("V01")
    assert main(["visits", "purge", "--older-than", "0", "--yes"]) == 0
    assert "purged 1 visit(s)" in capsys.readouterr().out
    assert main(["visits", "list"]) == 0
    assert "no visits" in capsys.readouterr().out


def test_invalid_file_is_not_imported(tmp_path, capsys, key) -> None:
    bad = vignette("V01")
    bad["answers"]["headache_days"] = "twenty"
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(bad), encoding="utf-8")
    with pytest.raises(SystemExit) as exit_status:
        main(["import", str(path)])
    assert exit_status.value.code == 2
    assert 'headache_days: expected a whole number 0-31, got "twenty"' in capsys.readouterr().err


def test_wrong_key_is_a_clear_error(import_vignette, tmp_path, capsys, monkeypatch, key) -> None:
    import_vignette("V01")
    monkeypatch.setenv("INTAKE_DB_KEY", "wrong")
    with pytest.raises(SystemExit) as exit_status:
        main(["visits", "list"])
    assert exit_status.value.code == 1
    assert "the passphrase is wrong" in capsys.readouterr().err


def test_no_key_and_no_terminal_says_what_to_set(capsys, monkeypatch) -> None:
    monkeypatch.delenv("INTAKE_DB_KEY", raising=False)
    monkeypatch.setattr("intake.app.opening.stored_key", lambda _key_file=None: None)
    with pytest.raises(SystemExit) as exit_status:
        main(["visits", "list"])
    assert exit_status.value.code == 2
    assert "set INTAKE_DB_KEY" in capsys.readouterr().err


def _broken_keyring(monkeypatch: pytest.MonkeyPatch) -> None:
    """A keyring that needs a D-Bus session this machine does not have."""
    import keyring

    def needs_dbus(_service: str, _user: str) -> str:
        raise RuntimeError("org.freedesktop.DBus.Error.NotSupported: Unable to autolaunch a dbus-daemon without a $DISPLAY")

    monkeypatch.delenv("INTAKE_DB_KEY", raising=False)
    monkeypatch.setattr(keyring, "get_password", needs_dbus)


def test_a_broken_keyring_falls_back_to_the_passphrase_prompt(import_vignette, capsys, monkeypatch) -> None:
    visit_id = import_vignette("V01")
    _broken_keyring(monkeypatch)
    monkeypatch.setattr("sys.stdin", Terminal())
    monkeypatch.setattr("getpass.getpass", lambda _prompt: "cli test passphrase")
    status, out, err = run_intake(["visits", "list"], capsys)
    assert (status, err) == (0, "")
    assert visit_id in out


def test_a_broken_keyring_and_no_terminal_says_what_to_set(import_vignette, capsys, monkeypatch) -> None:
    import_vignette("V01")
    _broken_keyring(monkeypatch)
    monkeypatch.setattr("sys.stdin", Terminal(tty=False))
    status, _out, err = run_intake(["visits", "list"], capsys)
    assert status == 2
    assert err == (
        "error: no database passphrase: set INTAKE_DB_KEY, name a key_file in the settings, or keep it in the OS keyring\n"
    )


# Importing once ---------------------------------------------------------------------

KILLED_AFTER_COMMIT = """
import os, signal, sys
from intake.app.staff_desk import StaffDesk
from intake.cli import main

commit = StaffDesk.import_response

def commit_then_die(desk, *args, **kwargs):
    commit(desk, *args, **kwargs)
    os.kill(os.getpid(), signal.SIGKILL)

StaffDesk.import_response = commit_then_die
main(["import", sys.argv[1]])
"""


def _file(tmp_path: Path, name: str, data: dict, **dump: object) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data, **dump), encoding="utf-8")
    return path


def _stored_ids(capsys: pytest.CaptureFixture[str]) -> list[str]:
    assert main(["visits", "list", "--json"]) == 0
    return [visit["id"] for visit in json.loads(capsys.readouterr().out)]


def test_the_same_response_again_answers_with_its_id_and_stores_nothing(tmp_path, capsys, key) -> None:
    first = _file(tmp_path, "V01.json", vignette("V01"))
    assert run_intake(["import", str(first)], capsys)[0] == 0
    [visit_id] = _stored_ids(capsys)
    reordered = vignette("V01")
    reordered["answers"] = dict(sorted(reordered["answers"].items(), reverse=True))
    respaced = _file(tmp_path, "V01 again.json", dict(reversed(reordered.items())), indent=4)
    for path in (first, respaced):
        assert run_intake(["import", str(path)], capsys) == (0, f"already imported as {visit_id}\n", "")
    assert _stored_ids(capsys) == [visit_id]
    assert main(["audit", "verify"]) == 0
    assert "audit log intact: 1 rows" in capsys.readouterr().out


def test_again_stores_a_second_visit(tmp_path, capsys, key) -> None:
    path = _file(tmp_path, "V01.json", vignette("V01"))
    status, first, _err = run_intake(["import", str(path)], capsys)
    status_again, second, _err = run_intake(["import", str(path), "--again"], capsys)
    assert (status, status_again) == (0, 0)
    assert first != second
    assert sorted(_stored_ids(capsys)) == sorted([first.strip(), second.strip()])


def test_an_import_killed_after_its_commit_answers_with_the_id_when_run_again(tmp_path, capsys, key) -> None:
    path = _file(tmp_path, "V01.json", vignette("V01"))
    killed = subprocess.run([sys.executable, "-c", KILLED_AFTER_COMMIT, str(path)], capture_output=True, text=True,
                            timeout=60, cwd=PROJECT_ROOT)
    assert (killed.returncode, killed.stdout) == (-signal.SIGKILL, ""), killed.stderr
    [visit_id] = _stored_ids(capsys)
    assert run_intake(["import", str(path)], capsys) == (0, f"already imported as {visit_id}\n", "")
    assert _stored_ids(capsys) == [visit_id]


# Purging after asking ---------------------------------------------------------------


def test_purge_on_a_terminal_asks_and_deletes_on_yes(import_vignette, capsys, monkeypatch) -> None:
    visit_id = import_vignette("V01")
    monkeypatch.setattr("sys.stdin", Terminal("y"))
    status, out, _err = run_intake(["visits", "purge", "--older-than", "0"], capsys)
    assert status == 0
    assert re.fullmatch(r"Delete 1 visit started before \d{4}-\d\d-\d\d \d\d:\d\d\? \[y/N\] purged 1 visit\(s\) .*\n", out)
    assert visit_id not in run_intake(["visits", "list"], capsys)[1]


@pytest.mark.parametrize("answer", ["", "n", "no", "yes please", None], ids=repr)
def test_anything_but_yes_deletes_nothing(import_vignette, capsys, monkeypatch, answer) -> None:
    first, second = import_vignette("V01"), import_vignette("V02")
    monkeypatch.setattr("sys.stdin", Terminal() if answer is None else Terminal(answer))
    status, out, _err = run_intake(["visits", "purge", "--older-than", "0"], capsys)
    assert status == 0
    assert "Delete 2 visits started before " in out and out.endswith("nothing was deleted\n")
    assert sorted(_stored_ids(capsys)) == sorted([first, second])


def test_purge_without_a_terminal_needs_yes(import_vignette, capsys, monkeypatch) -> None:
    visit_id = import_vignette("V01")
    monkeypatch.setattr("sys.stdin", Terminal("y", tty=False))
    status, out, err = run_intake(["visits", "purge", "--older-than", "0"], capsys)
    assert (status, out) == (2, "")
    assert err == ("error: visits purge: cannot ask for confirmation (standard input is not a terminal); "
                   "add --yes to delete without asking, or --dry-run to list what would go\n")
    assert _stored_ids(capsys) == [visit_id]
    purged = run_intake(["visits", "purge", "--older-than", "0", "--yes"], capsys)
    assert purged[:2] == (0, "purged 1 visit(s) started more than 0 days ago\n")
    assert _stored_ids(capsys) == []


def test_dry_run_lists_ids_and_start_times_without_names_and_deletes_nothing(import_vignette, capsys, monkeypatch) -> None:
    first, second = import_vignette("V01"), import_vignette("V02")
    monkeypatch.setattr("sys.stdin", Terminal(tty=False))
    status, out, err = run_intake(["visits", "purge", "--older-than", "0", "--dry-run"], capsys)
    assert (status, err) == (0, "")
    lines = out.splitlines()
    assert [line.split()[0] for line in lines[:-1]] == [first, second], "oldest first"
    assert all(re.fullmatch(r"\S+  \d{4}-\d\d-\d\d \d\d:\d\d  finished", line) for line in lines[:-1])
    assert re.fullmatch(r"2 visit\(s\) started before .* would be purged; nothing was deleted", lines[-1])
    for answers in (vignette("V01")["answers"], vignette("V02")["answers"]):
        assert answers["given_name"] not in out and answers["family_name"] not in out
    assert run_intake(["visits", "purge", "--older-than", "30", "--dry-run"], capsys)[1].startswith("0 visit(s) started before")
    assert sorted(_stored_ids(capsys)) == sorted([first, second])


def test_dry_run_and_yes_do_not_go_together(capsys, key) -> None:
    status, _out, err = run_intake(["visits", "purge", "--older-than", "0", "--dry-run", "--yes"], capsys)
    assert status == 2 and "not allowed with argument" in err


# Private files ----------------------------------------------------------------------


def test_every_file_with_patient_data_is_0600_in_0700_folders(import_vignette, tmp_path, capsys, umask_022) -> None:
    visit_id = import_vignette("V01")
    exports = tmp_path / "new" / "exports"
    assert main(["export", "--csv", "-o", str(exports / "visits.csv")]) == 0
    assert main(["export", visit_id, "--fhir", "-o", str(exports / "visit.json")]) == 0
    assert main(["visits", "show", visit_id, "--pdf", str(tmp_path / "new" / "pdfs" / "summary.pdf")]) == 0
    made = [data_dir(), *data_dir().rglob("*"), *(tmp_path / "new").rglob("*")]
    assert {path.name for path in made} >= {"visits.db", "visits.csv", "visit.json", "summary.pdf"}
    for path in made:
        assert stat.S_IMODE(path.stat().st_mode) == (0o700 if path.is_dir() else 0o600), path


def _anchor(capsys) -> tuple[str, str]:
    assert main(["audit", "anchor"]) == 0
    full, short = capsys.readouterr().out.splitlines()
    assert short == f"short form: {full[:16]}"
    return full, full[:16]


def _tamper(statement: str) -> None:
    from intake.store.database import open_database

    with open_database(None, "cli test passphrase") as database, database.engine.begin() as connection:
        connection.exec_driver_sql(statement)


def test_a_log_cut_short_before_an_anchor_fails_verify(import_vignette, capsys, key) -> None:
    import_vignette("V01")
    hidden = import_vignette("V14")
    full, short = _anchor(capsys)
    assert len(full) == 64
    assert main(["audit", "verify", "--anchor", short]) == 0
    assert f"anchor {short} is in the log" in capsys.readouterr().out
    _tamper(f"DELETE FROM visits WHERE id = '{hidden}'")
    _tamper("DELETE FROM audit WHERE seq = (SELECT max(seq) FROM audit)")
    assert main(["audit", "verify"]) == 0, "without an anchor, a visit and its newest rows cut off leave a sound log"
    capsys.readouterr()
    assert main(["audit", "verify", "--anchor", full]) == 1
    err = capsys.readouterr().err
    assert f"audit: anchor {full}: not in the audit log" in err


def test_a_finished_visit_edited_in_the_database_fails_verify(import_vignette, capsys, key) -> None:
    visit = import_vignette("V01")
    _tamper(f"UPDATE visits SET outcome = 'NOT_ELIGIBLE' WHERE id = '{visit}'")
    assert main(["audit", "verify"]) == 1
    assert f"audit: visit {visit}: changed since its last audited action" in capsys.readouterr().err


def test_an_anchor_that_is_not_one_is_a_usage_error(import_vignette, capsys, key) -> None:
    import_vignette("V01")
    with pytest.raises(SystemExit) as exit_status:
        main(["audit", "verify", "--anchor", "HEAD"])
    assert exit_status.value.code == 2
    assert "--anchor: an anchor is 16 to 64 hex digits" in capsys.readouterr().err
