"""A terminal user's desk: the clinic's station opened like the kiosk's, acting in the user's name."""

from __future__ import annotations

import pytest

from intake.app.records import Role
from intake.app.terminal import terminal_desk
from intake.settings import Settings
from intake.yamlfile import DataFileError


def _no_prompt(_prompt: object) -> str | None:
    raise AssertionError("the key comes from the environment; nobody is asked")


@pytest.fixture(autouse=True)
def key(monkeypatch) -> None:
    monkeypatch.setenv("INTAKE_DB_KEY", "terminal test passphrase")


def test_each_command_acts_in_its_users_name_on_the_same_database() -> None:
    with terminal_desk(Settings(), _no_prompt, "cli:alice") as desk:
        desk.add_staff("bob", "Bob", Role.STAFF, "4821")
    with terminal_desk(Settings(), _no_prompt, "cli:carol") as desk:
        members, rows = desk.staff(), desk.audit_rows()
    assert [member.id for member in members] == ["bob"]
    assert [(row.staff_id, row.action, row.subject) for row in rows] == [("cli:alice", "staff_added", "bob")]


def test_a_policy_nobody_ships_is_reported_against_the_settings_file() -> None:
    with pytest.raises(DataFileError, match="medicare"), terminal_desk(Settings(policy="medicare"), _no_prompt, "cli:alice"):
        pass
