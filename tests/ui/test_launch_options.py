"""The kiosk's options and its display, judged before Qt starts (Qt would abort without a display)."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest

from intake.ui.launch_options import kiosk_options, missing_display, x_server_answers


def _x_answers(_display: str) -> bool:
    return True


def _unused_display() -> str:
    number = next(number for number in range(4711, 4811) if not Path(f"/tmp/.X11-unix/X{number}").exists())
    return f":{number}"


@pytest.fixture
def listening_display() -> Iterator[str]:
    """A display on which something listens as an X server does (Linux's abstract socket), without a server."""
    display = _unused_display()
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as server:
        server.bind(f"\0/tmp/.X11-unix/X{display[1:]}")
        server.listen(8)  # room for each connection the test makes, none accepted
        yield display


@pytest.mark.parametrize(("platform", "environ"), [
    (None, {"DISPLAY": ":0"}),
    (None, {"WAYLAND_DISPLAY": "wayland-1"}),
    (None, {"QT_QPA_PLATFORM": "offscreen"}),
    (None, {"QT_QPA_PLATFORM": "offscreen:fontengine=freetype"}),
    (None, {"QT_QPA_PLATFORM": "wayland;xcb", "DISPLAY": ":0"}),
    ("offscreen", {}),
    ("xcb", {"DISPLAY": ":99"}),
    ("wayland", {"XDG_RUNTIME_DIR": "{runtime}"}),
])
def test_a_display_or_a_platform_that_needs_none_lets_qt_start(tmp_path, platform, environ) -> None:
    (tmp_path / "wayland-0").touch()
    environ = {name: value.format(runtime=tmp_path) for name, value in environ.items()}
    assert missing_display(platform, environ, "linux", _x_answers) is None


@pytest.mark.parametrize(("platform", "environ", "problem"), [
    (None, {}, "no display to open the kiosk on: DISPLAY and WAYLAND_DISPLAY are not set"),
    (None, {"QT_QPA_PLATFORM": "xcb", "WAYLAND_DISPLAY": "wayland-1"}, "no display for Qt's 'xcb' platform: DISPLAY is not set"),
    ("wayland", {"DISPLAY": ":0"}, "no display for Qt's 'wayland' platform: WAYLAND_DISPLAY is not set"),
])
def test_no_display_is_said_before_qt_would_abort(platform, environ, problem) -> None:
    assert missing_display(platform, environ, "linux", _x_answers) == problem


def test_a_display_no_x_server_answers_on_is_no_display() -> None:
    """A DISPLAY left from a session that ended: Qt would abort on it as on none."""
    display = _unused_display()
    assert not x_server_answers(display)
    assert missing_display(None, {"DISPLAY": display}, "linux") == (
        f"no display to open the kiosk on: WAYLAND_DISPLAY is not set; no X server answers on DISPLAY {display}"
    )
    assert missing_display("xcb", {"DISPLAY": display}, "linux") == (
        f"no display for Qt's 'xcb' platform: WAYLAND_DISPLAY is not set; no X server answers on DISPLAY {display}"
    )


def test_a_display_an_x_server_listens_on_lets_qt_start(listening_display) -> None:
    assert x_server_answers(listening_display) and x_server_answers(f"unix{listening_display}.0")
    assert missing_display(None, {"DISPLAY": listening_display}, "linux") is None


def test_a_remote_display_is_left_to_qt() -> None:
    assert x_server_answers("printroom.clinic.example:0")


@pytest.mark.parametrize("system", ["win32", "darwin"])
def test_windows_and_macos_always_have_a_display(system) -> None:
    assert missing_display(None, {}, system) is None


def test_the_options_and_qts_platform_are_read(tmp_path) -> None:
    options = kiosk_options(["main.py", "--windowed", "-platform", "offscreen", "--drive", str(tmp_path / "d.py")])
    assert (options.windowed, options.quit_after_show, options.platform) == (True, False, "offscreen")
    assert options.drive == tmp_path / "d.py"


@pytest.mark.parametrize("argv", [["--bogus"], ["--window"], ["extra"]])
def test_an_unknown_or_shortened_option_is_a_usage_error(capsys, argv) -> None:
    with pytest.raises(SystemExit) as ended:
        kiosk_options(["intake-kiosk", *argv])
    assert ended.value.code == 2
    assert capsys.readouterr().err.splitlines()[0].startswith("usage: intake-kiosk ")


@pytest.mark.parametrize(("argv0", "commands"), [("/opt/headache-intake/bin/intake-kiosk", False), ("main.py", True)])
def test_help_names_the_program_and_its_options(capsys, argv0, commands) -> None:
    with pytest.raises(SystemExit) as ended:
        kiosk_options([argv0, "--help"], with_commands=commands)
    shown = " ".join(capsys.readouterr().out.split())
    prog = argv0.rsplit("/", 1)[-1]
    assert ended.value.code == 0 and shown.startswith(f"usage: {prog} [-h] [--version] [--windowed] [--quit-after-show]")
    assert "--windowed a normal window instead of full screen" in shown and "--drive" not in shown
    assert "Exit status: 0 closed, 1 no display" in shown
    assert ("main.py COMMAND … runs the intake command line" in shown) == commands
