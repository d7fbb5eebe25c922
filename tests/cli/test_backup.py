"""`intake backup | restore` from a terminal: paths printed, exit statuses, a copy killed half-way."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cases import vignette
from command_line import run_intake
from intake.paths import PROJECT_ROOT, data_dir
from intake.settings import settings_path
from intake.store.database import DATABASE_FILE, open_database
from intake.store.visits import VisitStore

PASSPHRASE = "cli test passphrase"
"""What `import_vignette` sets in INTAKE_DB_KEY."""


@pytest.fixture
def backup(import_vignette, tmp_path, capsys) -> tuple[str, Path]:
    """V01 imported, then backed up; its visit id and the backup."""
    visit_id = import_vignette("V01")
    target = tmp_path / "backups" / "2026-11-24.db"
    assert run_intake(["backup", "-o", str(target)], capsys) == (0, f"{target}\n", "")
    return visit_id, target


def _elsewhere(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "elsewhere"))
    return data_dir() / DATABASE_FILE


def test_backup_prints_the_path_of_a_private_file_and_audits_it(backup, capsys) -> None:
    _visit_id, target = backup
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    status, out, _err = run_intake(["audit", "verify"], capsys)
    assert (status, out.split(":")[0]) == (0, "audit log intact")
    assert "2 rows" in out, "imported, backup_made"


def test_restore_in_a_fresh_place_brings_the_visit_back(backup, tmp_path, capsys, monkeypatch) -> None:
    visit_id, target = backup
    database = _elsewhere(tmp_path, monkeypatch)
    status, out, err = run_intake(["restore", str(target)], capsys)
    assert (status, err) == (0, "")
    assert out == f"restored {target} into {database}: audit log intact, 1 row(s); the content of 1 visit(s) matches it\n"
    assert run_intake(["visits", "list"], capsys)[1].startswith(visit_id)


def test_restore_over_a_database_says_where_the_replaced_one_is_kept(backup, capsys) -> None:
    _visit_id, target = backup
    status, out, _err = run_intake(["restore", str(target)], capsys)
    kept = out.splitlines()[-1].removeprefix("the database it replaced is kept at ")
    assert status == 0 and Path(kept).name.startswith("visits.db.replaced-") and Path(kept).exists()


def test_a_damaged_backup_is_refused_with_exit_1_naming_the_damage(backup, capsys) -> None:
    _visit_id, target = backup
    data = bytearray(target.read_bytes())
    data[len(data) // 2] ^= 0x40
    target.write_bytes(data)
    status, out, err = run_intake(["restore", str(target)], capsys)
    assert (status, out) == (1, "")
    assert err.startswith(f"error: {target}: refused: damaged: HMAC verification failed for page ")
    assert err.endswith("error: the visits database was not changed\n")


def test_a_backup_under_another_passphrase_is_refused(backup, capsys, monkeypatch) -> None:
    _visit_id, target = backup
    monkeypatch.setenv("INTAKE_DB_KEY", "another passphrase")
    status, _out, err = run_intake(["restore", str(target)], capsys)
    assert status == 1 and "refused: does not open with the database passphrase" in err


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["backup"], "the following arguments are required: -o/--output"),
        (["restore", "no-such-backup.db"], "error: no-such-backup.db: no such file"),
        (["backup", "-o", "."], "error: -o .: is a folder; name the backup file"),
    ],
)
def test_usage_errors_exit_2(args, said, capsys, monkeypatch, tmp_path) -> None:
    monkeypatch.chdir(tmp_path)
    status, _out, err = run_intake(args, capsys)
    assert status == 2 and said in err


@pytest.mark.parametrize(("command", "tool"), [(["backup", "-o", "b.db"], "pg_dump"), (["restore", "b.db"], "pg_restore")])
def test_a_postgresql_database_is_pointed_to_its_servers_tools(command, tool, capsys, tmp_path, monkeypatch) -> None:
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text("database_url: postgresql+psycopg://clinic@server/intake\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "b.db").write_bytes(b"")
    status, _out, err = run_intake(command, capsys)
    assert status == 2 and "PostgreSQL" in err and f"`{tool} " in err
    assert not (tmp_path / "b.db").stat().st_size


def test_no_audit_key_and_no_terminal_says_what_to_set(backup, tmp_path, capsys, monkeypatch) -> None:
    _visit_id, target = backup
    _elsewhere(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "another-config"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    status, _out, err = run_intake(["restore", str(target)], capsys)
    assert (status, err) == (
        2, "error: the backup's audit log is signed and this computer has no audit key: set INTAKE_AUDIT_KEY\n"
    )


def _as_written_down(key: str) -> str:
    """The recovery code as a person copies it from the set-up screen: groups of four, a dash between lines."""
    groups = [key[start:start + 4] for start in range(0, len(key), 4)]
    return " - ".join(" ".join(groups[start:start + 4]) for start in range(0, len(groups), 4))


@pytest.mark.parametrize("written", [str.strip, _as_written_down], ids=["as kept", "in groups"])
def test_the_audit_key_is_asked_for_on_a_terminal(backup, tmp_path, capsys, monkeypatch, written) -> None:
    _visit_id, target = backup
    key = (Path(os.environ["XDG_CONFIG_HOME"]) / "headache-intake" / "audit.key").read_text(encoding="utf-8").strip()
    typed = written(key)
    _elsewhere(tmp_path, monkeypatch)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "another-config"))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    monkeypatch.setattr(
        "getpass.getpass", lambda prompt: typed if prompt == "Audit key (recovery code): " else pytest.fail(prompt)
    )
    status, _out, err = run_intake(["restore", str(target)], capsys)
    assert status == 0 and "recovery code" in err
    assert run_intake(["audit", "verify"], capsys)[0] == 0, "the key was kept for the next start"


def _big_database(assess) -> None:
    """Forty finished visits with a 1 MB summary each: a copy that takes a while."""
    assessment = assess(vignette("V01")).to_json_dict()
    with open_database(None, PASSPHRASE, data_dir() / DATABASE_FILE) as database:
        visits = VisitStore(database)
        for number in range(40):
            visit_id = f"20261124-09{number:02d}00-000000"
            visits.create(visit_id, vignette("V01"))
            visits.finish(visit_id, vignette("V01"), assessment, b"%PDF" + os.urandom(1_000_000))


def _kill_once_copying(target: Path) -> None:
    backing_up = subprocess.Popen(
        [sys.executable, "-m", "intake.cli", "backup", "-o", str(target)], cwd=PROJECT_ROOT,
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )
    deadline = time.monotonic() + 120
    while not any(part.stat().st_size for part in target.parent.glob(f".{target.name}-*.part")):
        assert backing_up.poll() is None, f"the backup ended before it could be killed: {backing_up.stderr.read()!r}"
        assert time.monotonic() < deadline
        time.sleep(0.002)
    backing_up.kill()
    assert backing_up.wait(timeout=60) == -9


def test_a_backup_killed_half_way_leaves_the_previous_one_whole(tmp_path, capsys, monkeypatch, assess) -> None:
    monkeypatch.setenv("INTAKE_DB_KEY", PASSPHRASE)
    _big_database(assess)
    target = tmp_path / "backups" / "nightly.db"
    assert run_intake(["backup", "-o", str(target)], capsys)[0] == 0
    previous = target.read_bytes()
    _kill_once_copying(target)
    assert target.read_bytes() == previous
    _elsewhere(tmp_path, monkeypatch)
    status, out, err = run_intake(["restore", str(target)], capsys)
    assert (status, err) == (0, ""), "the previous backup still opens, whole and verified"
    assert "the content of 40 visit(s) matches it" in out
