"""Ctrl-C or Ctrl-D at a hidden prompt ends the command with one line, exit 130 or 1, and no traceback.

The real thing on a pseudo-terminal: the keys go through the terminal as a person types
them (Ctrl-C becomes SIGINT, Ctrl-D the end of input), so what a person sees is tested.
"""

from __future__ import annotations

import os
import sys

import pytest

from command_line import run_intake
from intake.paths import PROJECT_ROOT

pytestmark = pytest.mark.skipif(sys.platform == "win32", reason="pseudo-terminals are POSIX")

CTRL_C, CTRL_D = b"\x03", b"\x04"


def _at_the_prompt(args: list[str], prompt: bytes, key: bytes) -> tuple[int, str]:
    """Run `intake ARGS` on a terminal of its own, press `key` at `prompt`; its exit status and everything it showed."""
    import pty

    env = {name: value for name, value in os.environ.items() if name not in ("INTAKE_DB_KEY", "INTAKE_STAFF_PIN")}
    pid, terminal = pty.fork()
    if pid == 0:
        os.chdir(PROJECT_ROOT)
        os.execve(sys.executable, [sys.executable, "-m", "intake.cli", *args], env)
    shown = b""
    try:
        while prompt not in shown:
            shown += os.read(terminal, 1024)
        os.write(terminal, key)
        while True:
            shown += os.read(terminal, 1024)
    except OSError:  # the child closed the terminal: it has ended
        pass
    _, status = os.waitpid(pid, 0)
    os.close(terminal)
    return os.waitstatus_to_exitcode(status), shown.decode("utf-8", "replace")


@pytest.mark.parametrize(("args", "prompt", "what"), [
    (["staff", "add", "bob", "--name", "Bob"], b"New PIN: ", "PIN"),
    (["visits", "list"], b"passphrase: ", "passphrase"),
])
def test_ctrl_c_at_a_prompt_exits_130_with_one_line(args, prompt, what) -> None:
    status, shown = _at_the_prompt(args, prompt, CTRL_C)
    assert status == 130, shown
    assert shown.splitlines()[-1] == f"error: cancelled at the {what} prompt (Ctrl-C); nothing was changed"
    assert "Traceback" not in shown


@pytest.mark.parametrize(("args", "prompt", "what"), [
    (["staff", "add", "bob", "--name", "Bob"], b"New PIN: ", "PIN"),
    (["visits", "list"], b"passphrase: ", "passphrase"),
])
def test_ctrl_d_at_a_prompt_exits_1_with_one_line(args, prompt, what) -> None:
    status, shown = _at_the_prompt(args, prompt, CTRL_D)
    assert status == 1, shown
    assert shown.splitlines()[-1] == f"error: no {what} typed (end of input); nothing was changed"
    assert "Traceback" not in shown


def test_ctrl_c_anywhere_else_is_one_line_too(capsys, monkeypatch) -> None:
    def interrupted(*_args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr("intake.cli.assess.default_form", interrupted)
    status, _out, err = run_intake(["assess", "response.json"], capsys)
    assert (status, err) == (130, "\nerror: interrupted (Ctrl-C)\n")
