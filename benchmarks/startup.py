"""Start-up: process start to the welcome window mapped, the app against a bare PySide6 window.

Run: .venv/bin/python benchmarks/startup.py [--runs 7] [--settle 3] [--baseline DIR ...]
Goals (issue 22): the app's median time <= 2x the bare window's; its resident memory on
the welcome screen <= 120 MiB.

How it is measured: a private Xvfb screen (1280x800, no window manager). Each round starts
every contender once, in a rotating order, so a machine shared with others slows all of
them alike: a bare window (`import PySide6.QtWidgets`, `QApplication`, one 1280x800
`QWidget` shown), this clone's `main.py` as a kiosk starts (full screen, its database key
and first admin from the environment), and each `--baseline` clone's `main.py` (another
checkout, such as the commit before a change, measured in the same run). The time runs from
just before the process is spawned until `xdotool` finds a viewable window of that process;
the resident memory (VmRSS) is read `--settle` seconds later, once the app did what it
does after its first frame. One uncounted round first creates each app's database and
Python's bytecode caches.
"""

from __future__ import annotations

import argparse
import os
import random
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SCREEN = "1280x800x24"
BARE_WINDOW = """
import sys
from PySide6.QtWidgets import QApplication, QWidget
app = QApplication(sys.argv)
window = QWidget()
window.resize(1280, 800)
window.show()
sys.exit(app.exec())
"""
MAPPED_WITHIN_S = 60.0
TIME_RATIO_GOAL, MEMORY_GOAL_MIB = 2.0, 120.0


@dataclass
class Contender:
    name: str
    command: list[str]
    env: dict[str, str]
    times_ms: list[float] = field(default_factory=list)
    rss_mib: list[float] = field(default_factory=list)


class Screen:
    """A private Xvfb screen that never resets between clients, started again should it die."""

    def __init__(self) -> None:
        self.server, self.display = self._start()

    @staticmethod
    def _start() -> tuple[subprocess.Popen[bytes], str]:
        """Xvfb on a display number nobody holds, once it accepts clients."""
        for number in random.sample(range(100, 1000), 20):
            if Path(f"/tmp/.X{number}-lock").exists():
                continue
            server = subprocess.Popen(
                ["Xvfb", f":{number}", "-screen", "0", SCREEN, "-nolisten", "tcp", "-noreset"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            socket = Path(f"/tmp/.X11-unix/X{number}")
            deadline = time.monotonic() + 10
            while server.poll() is None and not socket.exists() and time.monotonic() < deadline:
                time.sleep(0.05)
            if server.poll() is None and socket.exists():
                return server, f":{number}"
            server.kill()
            server.wait()
        raise SystemExit("error: Xvfb did not start")

    def alive(self) -> bool:
        """True if the server still runs; else a new one is started and False returned."""
        if self.server.poll() is None:
            return True
        print(f"  (Xvfb {self.display} ended; starting another)", flush=True)
        self.server, self.display = self._start()
        return False

    def close(self) -> None:
        self.server.terminate()
        self.server.wait()


def process_env(home: Path) -> dict[str, str]:
    """Every contender's environment: Qt on X, and Python's bytecode cached (in `home`) as an installed
    app's is, whatever this shell says (PYTHONDONTWRITEBYTECODE would compile every module at every start)."""
    env = {key: value for key, value in os.environ.items() if key != "PYTHONDONTWRITEBYTECODE"}
    return {**env, "QT_QPA_PLATFORM": "xcb", "PYTHONPYCACHEPREFIX": str(home / "pycache")}


def app_env(home: Path, data: Path) -> dict[str, str]:
    """A kiosk in its own config and data dirs, with its database key and first admin from the environment."""
    return {
        **process_env(home),
        "XDG_CONFIG_HOME": str(data / "config"), "XDG_DATA_HOME": str(data / "data"),
        "INTAKE_DB_KEY": "startup benchmark passphrase", "INTAKE_ADMIN_PIN": "482193",
    }


def contenders(baselines: list[Path], home: Path) -> list[Contender]:
    found = [
        Contender("bare window", [sys.executable, "-c", BARE_WINDOW], process_env(home)),
        Contender("app", [sys.executable, str(ROOT / "main.py")], app_env(home, home / "app")),
    ]
    for number, clone in enumerate(baselines, 1):
        name = f"baseline {number}" if len(baselines) > 1 else "baseline"
        found.append(Contender(name, [sys.executable, str(clone / "main.py")], app_env(home, home / name)))
    return found


def mapped(pid: int, display: str) -> bool:
    found = subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--pid", str(pid)],
        capture_output=True, env={**os.environ, "DISPLAY": display}, check=False,
    )
    return found.returncode == 0 and bool(found.stdout.strip())


def resident_mib(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text(encoding="ascii").splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    raise RuntimeError(f"process {pid} has no VmRSS")


def run_once(contender: Contender, screen: Screen, settle_s: float) -> tuple[float, float]:
    """Milliseconds from spawning to a viewable window, and MiB resident `settle_s` later (once more if Xvfb died)."""
    try:
        return _spawn_and_wait(contender, screen.display, settle_s)
    except RuntimeError:
        if screen.alive():
            raise
        return _spawn_and_wait(contender, screen.display, settle_s)


def _spawn_and_wait(contender: Contender, display: str, settle_s: float) -> tuple[float, float]:
    env = {**contender.env, "DISPLAY": display}
    started = time.perf_counter()
    process = subprocess.Popen(contender.command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    try:
        while not mapped(process.pid, display):
            if process.poll() is not None:
                raise RuntimeError(f"{contender.name} exited ({process.returncode}): {process.stderr.read().decode()}")
            if time.perf_counter() - started > MAPPED_WITHIN_S:
                raise RuntimeError(f"{contender.name}: no window within {MAPPED_WITHIN_S:.0f} s")
        elapsed_ms = (time.perf_counter() - started) * 1000
        time.sleep(settle_s)
        rss = resident_mib(process.pid)
        if process.poll() is not None:
            raise RuntimeError(f"{contender.name} exited ({process.returncode}): {process.stderr.read().decode()}")
        return elapsed_ms, rss
    finally:
        process.send_signal(signal.SIGKILL)
        process.wait()
        if process.stderr is not None:
            process.stderr.close()


def measure(field_of: list[Contender], screen: Screen, runs: int, settle_s: float) -> None:
    """One uncounted round, then `runs` rounds with every contender once, the order rotating each round."""
    for contender in field_of:
        run_once(contender, screen, settle_s)
    for round_number in range(runs):
        shift = round_number % len(field_of)
        for contender in field_of[shift:] + field_of[:shift]:
            elapsed_ms, rss = run_once(contender, screen, settle_s)
            contender.times_ms.append(elapsed_ms)
            contender.rss_mib.append(rss)
            print(f"  round {round_number + 1}: {contender.name:<12} {elapsed_ms:7.0f} ms {rss:6.1f} MiB", flush=True)


def report(field_of: list[Contender]) -> bool:
    """The medians and the ratios to the bare window; True when this clone's app meets both goals."""
    bare = field_of[0]
    bare_ms, bare_mib = statistics.median(bare.times_ms), statistics.median(bare.rss_mib)
    print(f"\n{'':<12} {'median ms':>10} {'min ms':>8} {'x bare':>7} {'RSS MiB':>8} {'x bare':>7}")
    for contender in field_of:
        ms, mib = statistics.median(contender.times_ms), statistics.median(contender.rss_mib)
        print(
            f"{contender.name:<12} {ms:10.0f} {min(contender.times_ms):8.0f} {ms / bare_ms:7.2f} {mib:8.1f} {mib / bare_mib:7.2f}"
        )
    app = field_of[1]
    ratio, mib = statistics.median(app.times_ms) / bare_ms, statistics.median(app.rss_mib)
    met = ratio <= TIME_RATIO_GOAL and mib <= MEMORY_GOAL_MIB
    print(f"\ngoals: time <= {TIME_RATIO_GOAL:g}x bare (app: {ratio:.2f}x), RSS <= {MEMORY_GOAL_MIB:g} MiB (app: {mib:.1f})")
    return met


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7, help="counted rounds (default 7)")
    parser.add_argument("--settle", type=float, default=3.0, help="seconds after the window maps before RSS is read")
    parser.add_argument("--baseline", type=Path, action="append", default=[], help="another clone's root, measured alongside")
    options = parser.parse_args()
    screen = Screen()
    try:
        with tempfile.TemporaryDirectory(prefix="startup-") as home:
            field_of = contenders(options.baseline, Path(home))
            print(f"Xvfb {screen.display} ({SCREEN}); {options.runs} rounds; RSS {options.settle:g} s after the window maps")
            measure(field_of, screen, options.runs, options.settle)
            met = report(field_of)
    except RuntimeError as error:
        raise SystemExit(f"error: {error}") from None
    finally:
        screen.close()
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
