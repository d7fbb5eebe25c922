"""`intake staff add | list | disable | reset-pin | role`."""

from __future__ import annotations

import pytest

from intake.app.records import Role
from intake.cli import main
from intake.cli.accounts import ROLES


@pytest.fixture(autouse=True)
def key(monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DB_KEY", "cli test passphrase")


ADMIN_PIN = "482193"


def test_add_list_disable_with_audit(monkeypatch, capsys) -> None:
    monkeypatch.setenv("INTAKE_STAFF_PIN", ADMIN_PIN)
    assert main(["staff", "add", "maria", "--name", "María Ó", "--role", "admin"]) == 0
    assert main(["staff", "add", "bob", "--name", "Bob"]) == 0
    assert main(["staff", "disable", "bob"]) == 0
    capsys.readouterr()
    assert main(["staff", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["bob", "staff", "disabled"]
    assert lines[1].split()[:3] == ["maria", "admin", "active"] and lines[1].endswith("María Ó")
    assert main(["audit", "verify"]) == 0
    assert "3 rows" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("argv", "pin", "message"),
    [
        (["staff", "add", "Bad Id", "--name", "X"], "4821", "Bad Id: The staff ID"),
        (["staff", "add", "carl", "--name", "Carl"], "12", "PIN: The PIN needs at least 4"),
        (["staff", "add", "carl", "--name", "Carl", "--role", "admin"], "4821", "PIN: An administrator's PIN needs at least 6"),
        (["staff", "add", "carl", "--name", "Carl"], None, "no PIN: set INTAKE_STAFF_PIN"),
        (["staff", "disable", "nobody"], "4821", "staff ID 'nobody': no such account"),
    ],
)
def test_bad_input_exits_2_naming_what_is_wrong(monkeypatch, capsys, argv, pin, message) -> None:
    if pin is None:
        monkeypatch.delenv("INTAKE_STAFF_PIN", raising=False)
        monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    else:
        monkeypatch.setenv("INTAKE_STAFF_PIN", pin)
    with pytest.raises(SystemExit) as exit_status:
        main(argv)
    assert exit_status.value.code == 2
    assert message in capsys.readouterr().err


def test_the_last_active_admin_cannot_be_disabled(monkeypatch, capsys) -> None:
    monkeypatch.setenv("INTAKE_STAFF_PIN", ADMIN_PIN)
    assert main(["staff", "add", "admin", "--name", "Admin", "--role", "admin"]) == 0
    with pytest.raises(SystemExit) as exit_status:
        main(["staff", "disable", "admin"])
    assert exit_status.value.code == 2
    assert "error: staff ID 'admin' is the last active administrator: add another administrator first" in capsys.readouterr().err
    assert main(["staff", "add", "maria", "--name", "María Ó", "--role", "admin"]) == 0
    assert main(["staff", "disable", "admin"]) == 0
    capsys.readouterr()
    assert main(["staff", "list"]) == 0
    assert [line.split()[:3] for line in capsys.readouterr().out.splitlines()] == [
        ["admin", "admin", "disabled"], ["maria", "admin", "active"],
    ]


def test_a_taken_id_is_refused(monkeypatch, capsys) -> None:
    monkeypatch.setenv("INTAKE_STAFF_PIN", "4821")
    assert main(["staff", "add", "maria", "--name", "María"]) == 0
    with pytest.raises(SystemExit) as exit_status:
        main(["staff", "add", "maria", "--name", "Other"])
    assert exit_status.value.code == 2
    assert "already taken" in capsys.readouterr().err


def test_the_role_choices_are_the_roles_an_account_can_have() -> None:
    assert tuple(role.value for role in Role) == ROLES


def test_reset_pin_sets_a_one_time_pin_and_ends_a_lockout(monkeypatch, capsys) -> None:
    from intake.app.desk import Desk
    from intake.app.terminal import terminal_desk
    from intake.settings import load_settings

    monkeypatch.setenv("INTAKE_STAFF_PIN", ADMIN_PIN)
    assert main(["staff", "add", "maria", "--name", "María Ó", "--role", "admin"]) == 0
    monkeypatch.setenv("INTAKE_STAFF_PIN", "5092")
    with pytest.raises(SystemExit) as exit_status:
        main(["staff", "reset-pin", "maria"])
    assert exit_status.value.code == 2
    assert "error: An administrator's PIN needs at least 6 characters." in capsys.readouterr().err
    monkeypatch.setenv("INTAKE_STAFF_PIN", "591733")
    assert main(["staff", "reset-pin", "maria"]) == 0
    assert capsys.readouterr().out == "maria: one-time PIN set; it must be changed at the next sign-in\n"
    with terminal_desk(load_settings(), lambda _new: "cli test passphrase", "cli:test") as desk:
        assert Desk(desk.station).sign_in("maria", "591733").pin_change_required
    with pytest.raises(SystemExit) as exit_status:
        main(["staff", "reset-pin", "nobody"])
    assert "error: staff ID 'nobody': no such account" in capsys.readouterr().err


def test_reset_pin_asks_twice_on_a_terminal(monkeypatch, capsys) -> None:
    monkeypatch.setenv("INTAKE_STAFF_PIN", ADMIN_PIN)
    assert main(["staff", "add", "bob", "--name", "Bob"]) == 0
    monkeypatch.delenv("INTAKE_STAFF_PIN")
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    typed = iter(["6103", "6104"])
    monkeypatch.setattr("getpass.getpass", lambda _prompt: next(typed))
    with pytest.raises(SystemExit) as exit_status:
        main(["staff", "reset-pin", "bob"])
    assert exit_status.value.code == 2 and "the two PINs differ" in capsys.readouterr().err
    typed = iter(["6103", "6103"])
    assert main(["staff", "reset-pin", "bob"]) == 0


def test_role_changes_but_never_demotes_the_last_active_admin(monkeypatch, capsys) -> None:
    monkeypatch.setenv("INTAKE_STAFF_PIN", ADMIN_PIN)
    assert main(["staff", "add", "maria", "--name", "María Ó", "--role", "admin"]) == 0
    assert main(["staff", "add", "bob", "--name", "Bob"]) == 0
    with pytest.raises(SystemExit) as exit_status:
        main(["staff", "role", "maria", "--role", "staff"])
    assert exit_status.value.code == 2
    assert "error: staff ID 'maria' is the last active administrator: add another administrator first" in capsys.readouterr().err
    assert main(["staff", "role", "bob", "--role", "admin"]) == 0
    assert capsys.readouterr().out == "bob is now an administrator\n"
    assert main(["staff", "role", "maria", "--role", "staff"]) == 0
    with pytest.raises(SystemExit):
        main(["staff", "role", "maria", "--role", "staff"])
    assert "error: staff ID 'maria' is staff already" in capsys.readouterr().err
    assert main(["staff", "list"]) == 0
    assert [line.split()[:2] for line in capsys.readouterr().out.splitlines()] == [["bob", "admin"], ["maria", "staff"]]
    assert main(["audit", "verify"]) == 0
