"""A day at the front desk in the real app under Xvfb, with a screenshot at each step.

For each screen size (default 1280x800 landscape and 800x1280 portrait) this starts the
real kiosk (`main.py --drive tests/ui/drive_staff_day.py`) full screen on its own Xvfb
display, on a new encrypted database with two accounts (maria, admin; bob, staff), a
private CUPS scheduler with one printer (tests/cups_server.py; the host's CUPS is not
used) and short idle times, and drives it by touch: a red flag who walks away, a patient
who asks for help, a referral handed back and printed, then continue, amend, a note,
export and accounts (see the drive script for the steps). The screenshots go to
SHOTS_DIR/WxH/; the script prints each step, the taps from hand-back to printed summary,
and each CUPS job's size against the stored PDF's.

Run: .venv/bin/python benchmarks/staff_day.py SHOTS_DIR [--size 1280x800 --size 800x1280]
Needs xvfb-run and CUPS (cupsd, lpadmin, lp).
"""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from cups_server import CupsUnavailable, PrivateCups, private_cups  # noqa: E402

DRIVE = ROOT / "tests" / "ui" / "drive_staff_day.py"
PRINTER = "Front-desk"
ADMIN_PIN, STAFF_PIN = "482193", "7310"
SETTINGS = f"""\
clinic_name: Riverside Headache Clinic
printer: {PRINTER}
idle_timeout_s: 10
idle_countdown_s: 5
resume_window_s: 60
"""
"""The shortest idle times the settings allow, so the walk-away takes about a minute and a half."""
DAY_TIMEOUT_S = 900


def _environment(home: Path, cups: PrivateCups, shots: Path) -> dict[str, str]:
    env = {key: value for key, value in cups.env.items() if key not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    return {
        **env,
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "INTAKE_DB_KEY": "staff day passphrase",
        "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
        "STAFF_DAY_SHOTS": str(shots),
        "STAFF_DAY_PIN": STAFF_PIN,
        "STAFF_DAY_ADMIN_PIN": ADMIN_PIN,
    }


def _add_accounts(env: dict[str, str]) -> None:
    for staff_id, name, role, pin in (("maria", "María Ó", "admin", ADMIN_PIN), ("bob", "Bob Front-Desk", "staff", STAFF_PIN)):
        subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "staff", "add", staff_id, "--name", name, "--role", role],
            env={**env, "INTAKE_STAFF_PIN": pin}, check=True, capture_output=True, timeout=120,
        )


def _stored_pdf_sizes(env: dict[str, str]) -> list[int]:
    """The size of each stored summary, read back through the CLI's JSON listing and export."""
    listing = subprocess.run(
        [sys.executable, "-c", _PDF_SIZES], env=env, check=True, capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    return [int(size) for size in listing.stdout.split()]


_PDF_SIZES = """
from intake.settings import load_settings
from intake.app.opening import open_stores
stores = open_stores(load_settings(), lambda _new: None)
for visit in stores.visits.list(status="finished"):
    print(len(stores.visits.get(visit.id).pdf or b""))
"""


def _run_day(command: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    """The app on its display, in a process group of its own: a day that hangs is stopped
    with its Xvfb, rather than leaving both behind."""
    process = subprocess.Popen(command, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    try:
        stdout, stderr = process.communicate(timeout=DAY_TIMEOUT_S)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        stdout, stderr = process.communicate()
        stderr += f"\nstopped after {DAY_TIMEOUT_S} s"
    return subprocess.CompletedProcess(command, process.returncode, stdout, stderr)


def day_at(size: str, shots_dir: Path) -> int:
    width, height = size.split("x")
    shots = shots_dir / size
    shutil.rmtree(shots, ignore_errors=True)
    home = Path(tempfile.mkdtemp(prefix="staff-day-"))
    config = home / "config" / "headache-intake"
    config.mkdir(parents=True)
    (config / "settings.yaml").write_text(SETTINGS, encoding="utf-8")
    with private_cups(PRINTER) as cups:
        env = _environment(home, cups, shots)
        _add_accounts(env)
        print(f"== {size}: screenshots in {shots}", flush=True)
        done = _run_day(["xvfb-run", "-a", "-s", f"-screen 0 {width}x{height}x24", sys.executable, str(ROOT / "main.py"),
                         "--drive", str(DRIVE)], env)
        print(done.stdout, end="", flush=True)
        if done.returncode != 0:
            print(done.stderr[-4000:], file=sys.stderr)
        jobs = [job.stat().st_size for job in cups.jobs()]
        pdfs = _stored_pdf_sizes(env)
        print(f"CUPS jobs (bytes): {jobs}; stored summaries (bytes): {pdfs}", flush=True)
    shutil.rmtree(home, ignore_errors=True)
    return done.returncode


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("shots", type=Path, help="folder for the screenshots (one subfolder per size)")
    parser.add_argument("--size", action="append", help="WxH (repeatable); default 1280x800 and 800x1280")
    options = parser.parse_args()
    if shutil.which("xvfb-run") is None:
        print("needs xvfb-run (apt install xvfb)", file=sys.stderr)
        return 2
    failed = []
    for size in options.size or ["1280x800", "800x1280"]:
        try:
            status = day_at(size, options.shots.resolve())
        except CupsUnavailable as error:
            print(f"needs CUPS: {error}", file=sys.stderr)
            return 2
        if status != 0:
            failed.append(size)
    if failed:
        print(f"the day failed at {', '.join(failed)}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
