"""The kiosk's options (`main.py`, `intake-kiosk`) and its display, checked before Qt starts.

Qt ends the process with SIGABRT when it finds no display, and would take an option it
does not know for one of its own and ignore it. A kiosk started over SSH, by a service
without its desktop's environment, or with a mistyped option must instead say so: no
display is exit 1, an unknown option exit 2 (usage), both before any window. No Qt here,
so `--help` and these refusals cost no Qt start.
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path

from intake.version_option import VersionOption

EXIT_NO_DISPLAY = 1

HEADLESS_PLATFORMS = ("offscreen", "minimal", "vnc", "linuxfb", "eglfs", "vkkhrdisplay")
"""Qt platform plugins that draw without a display server (Qt's own list); any other needs X11 or Wayland here."""

XVFB_HINT = "xvfb-run -s '-screen 0 1280x800x24'"

EXIT_STATUSES = (
    "Exit status: 0 closed, 1 no display (or another failure, with a message), 2 an unknown option, or the settings, "
    "form, policy or database refused at start (the message says which)."
)


def kiosk_parser(prog: str, with_commands: bool) -> argparse.ArgumentParser:
    """`with_commands`: `main.py`, which also runs the `intake` commands; `intake-kiosk` is the kiosk alone."""
    commands = f" {prog} COMMAND … runs the intake command line instead ({prog} assess --help)." if with_commands else ""
    parser = argparse.ArgumentParser(
        prog=prog,
        description="The headache-intake kiosk: the patient questionnaire, and staff mode behind a sign-in. Full "
        "screen and on top unless --windowed.",
        epilog=f"{EXIT_STATUSES}{commands}",
        allow_abbrev=False,
    )
    parser.add_argument("--version", action=VersionOption, name="headache-intake")
    parser.add_argument("--windowed", action="store_true", help="a normal window instead of full screen")
    parser.add_argument(
        "--quit-after-show", action="store_true", help="open the window, then quit: a check that the kiosk starts here"
    )
    parser.add_argument(
        "-platform", dest="platform", metavar="NAME",
        help="Qt's platform plugin: xcb (X11), wayland, offscreen (no window anyone sees) … (default: "
        "QT_QPA_PLATFORM, else the desktop's)",
    )
    parser.add_argument("--drive", type=Path, help=argparse.SUPPRESS)
    return parser


def kiosk_options(argv: Sequence[str], with_commands: bool = False) -> argparse.Namespace:
    """`argv` as `sys.argv` holds it; `--help`, `--version` and a usage error (exit 2) end the process here."""
    return kiosk_parser(Path(argv[0]).name if argv else "intake-kiosk", with_commands).parse_args(argv[1:])


def _wayland_socket(environ: Mapping[str, str]) -> bool:
    """Qt's Wayland plugin connects to `wayland-0` in the runtime folder when WAYLAND_DISPLAY is not set."""
    runtime = environ.get("XDG_RUNTIME_DIR")
    return bool(environ.get("WAYLAND_DISPLAY")) or (runtime is not None and (Path(runtime) / "wayland-0").exists())


XServerAnswers = Callable[[str], bool]


def x_server_answers(display: str) -> bool:
    """Whether an X server listens on a local `display` (`:0`, `unix:1.0`): a DISPLAY left over from
    a session that ended aborts Qt as surely as none. A remote display is left to Qt to judge."""
    host, _, screen = display.rpartition(":")
    number = screen.split(".")[0]
    if host not in ("", "unix") or not number.isdigit():
        return True
    path = f"/tmp/.X11-unix/X{number}"  # noqa: S108 - where X servers listen, read only
    for address in ("\0" + path, path):  # Linux's abstract socket first, then the file every X server makes
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as client:
            client.settimeout(1)
            try:
                client.connect(address)
            except OSError:
                continue
            return True
    return False


def _x_display(environ: Mapping[str, str], answers: XServerAnswers) -> bool:
    display = environ.get("DISPLAY")
    return bool(display) and answers(display or "")


def _can_show(platform: str, environ: Mapping[str, str], answers: XServerAnswers) -> bool:
    if platform in HEADLESS_PLATFORMS:
        return True
    if platform == "xcb":
        return _x_display(environ, answers)
    if platform.startswith("wayland"):
        return _wayland_socket(environ)
    if platform:
        return True  # a plugin this list does not know: Qt says what it lacks
    return bool(environ.get("WAYLAND_DISPLAY")) or _x_display(environ, answers)


def missing_display(
    platform: str | None,
    environ: Mapping[str, str] = os.environ,
    system: str = sys.platform,
    answers: XServerAnswers = x_server_answers,
) -> str | None:
    """Why Qt would find no display to open a window on (and abort), or None when it can start.

    `platform` is the `-platform` option; else QT_QPA_PLATFORM names the plugins to try in
    turn (`wayland;xcb`, each possibly with `:options`). Windows and macOS always have one.
    `answers` tells whether an X server listens on a DISPLAY.
    """
    if not system.startswith(("linux", "freebsd", "openbsd", "netbsd")):
        return None
    asked = platform if platform is not None else environ.get("QT_QPA_PLATFORM", "")
    plugins = [name.split(":")[0].strip() for name in asked.split(";")]
    if any(_can_show(plugin, environ, answers) for plugin in plugins):
        return None
    x_tried = any(plugin in ("xcb", "") for plugin in plugins)
    if asked.strip():
        return f"no display for Qt's {asked.strip()!r} platform: {_why_none(environ, x_tried)}"
    return f"no display to open the kiosk on: {_why_none(environ, x_tried)}"


def _why_none(environ: Mapping[str, str], x_tried: bool) -> str:
    unset = [name for name in ("DISPLAY", "WAYLAND_DISPLAY") if not environ.get(name)]
    said = [f"{' and '.join(unset)} {'is' if len(unset) == 1 else 'are'} not set"] if unset else []
    if x_tried and environ.get("DISPLAY"):
        said.append(f"no X server answers on DISPLAY {environ['DISPLAY']}")
    return "; ".join(said)


def no_display_lines(problem: str, prog: str) -> list[str]:
    """The refusal and what to do instead, for stderr."""
    return [
        f"error: {problem}",
        f"hint: start it from a desktop session, under Xvfb ({XVFB_HINT} {prog}), or unseen with QT_QPA_PLATFORM=offscreen",
    ]
