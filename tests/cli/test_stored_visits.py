"""`intake import | visits | audit` against the encrypted SQLite store."""

from __future__ import annotations

import io
import json

import pytest

from cases import vignette
from command_line import run_intake
from intake.cli import main


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
    assert "Outcome: REFER" in capsys.readouterr().out
    assert pdf.read_bytes().startswith(b"%PDF")
    assert main(["audit", "verify"]) == 0
    assert "audit log intact: 4 rows" in capsys.readouterr().out


def test_purge_removes_old_visits_and_records_it(import_vignette, tmp_path, capsys, key) -> None:
    import_vignette("V01")
    assert main(["visits", "purge", "--older-than", "0"]) == 0
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
    monkeypatch.setattr("intake.app.opening.stored_key", lambda: None)
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
    assert err == "error: no database passphrase: set INTAKE_DB_KEY or keep it in the OS keyring\n"
