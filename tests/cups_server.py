"""A private CUPS scheduler for tests and benchmarks: its own socket, spool and one raw queue.

The host's CUPS and its printers are neither used nor read, so what a test sees is the
same on every machine that has CUPS installed. `CUPS_SERVER` points `lp` (and libcups,
if set before a process first prints) at it. The queue is raw and prints to /dev/null:
each job's document stays in the spool exactly as it was sent, which is what a job's size
means here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

PROGRAMS = ("cupsd", "lpadmin", "lp")
SBIN = ("/usr/sbin", "/usr/local/sbin")
START_TIMEOUT_S = 10.0
COLOUR_DRIVER = "drv:///sample.drv/generic.ppd"
"""A colour PostScript driver CUPS ships: Qt lays out and colours pages for it as for most clinic printers."""

CUPSD_CONF = """\
Listen {socket}
LogLevel warn
WebInterface No
Browsing No
PreserveJobFiles Yes
MaxJobs 0
<Location />
  Order allow,deny
  Allow all
</Location>
<Policy default>
  <Limit All>
    Order deny,allow
  </Limit>
</Policy>
"""
FILES_CONF = """\
ServerRoot {root}
StateDir {root}/state
CacheDir {root}/cache
RequestRoot {root}/spool
TempDir {root}/spool/tmp
AccessLog {root}/log/access_log
ErrorLog {root}/log/error_log
PageLog {root}/log/page_log
FileDevice Yes
"""
AS_USER = """\
User {user}
Group {group}
SystemGroup {group}
"""
"""Without root, cupsd runs as whoever starts it; as root it refuses `User root` and keeps its defaults."""


class CupsUnavailable(Exception):
    """CUPS is not installed, or a private scheduler would not start: the message says which."""


class DriverRefused(CupsUnavailable):
    """The scheduler started but would not make a queue with the driver asked for."""


def find_program(name: str) -> str | None:
    """On PATH, or in an sbin folder a normal user's PATH may lack (cupsd, lpadmin)."""
    return shutil.which(name) or shutil.which(name, path=os.pathsep.join(SBIN))


def missing_programs() -> list[str]:
    return [name for name in PROGRAMS if find_program(name) is None]


@dataclass(frozen=True)
class PrivateCups:
    root: Path
    socket: Path
    printer: str

    @property
    def env(self) -> dict[str, str]:
        return {**os.environ, "CUPS_SERVER": str(self.socket)}

    def spooled(self, job_id: str) -> Path:
        """The document CUPS received for a job id such as `Bench-3`."""
        number = int(job_id.rsplit("-", 1)[1])
        return self.root / "spool" / f"d{number:05d}-001"

    def jobs(self) -> list[Path]:
        """Every spooled document, oldest first."""
        return sorted((self.root / "spool").glob("d*-001"))


def _write_config(root: Path) -> None:
    import grp  # POSIX only: CUPS runs on Linux and macOS
    import pwd

    for folder in ("state", "cache", "spool/tmp", "log"):
        (root / folder).mkdir(parents=True, exist_ok=True)
    files = FILES_CONF.format(root=root)
    if os.getuid() != 0:
        files += AS_USER.format(user=pwd.getpwuid(os.getuid()).pw_name, group=grp.getgrgid(os.getgid()).gr_name)
    (root / "cupsd.conf").write_text(CUPSD_CONF.format(socket=root / "cups.sock"), encoding="utf-8")
    (root / "cups-files.conf").write_text(files, encoding="utf-8")


def _wait_for(socket: Path, cupsd: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while not socket.exists():
        if cupsd.poll() is not None or time.monotonic() > deadline:
            said = log.read_text(encoding="utf-8", errors="replace").strip() if log.exists() else ""
            raise CupsUnavailable(f"a private cupsd did not start: {said.splitlines()[-1] if said else 'no message'}")
        time.sleep(0.05)


@contextmanager
def private_cups(printer: str = "Bench", model: str | None = None) -> Iterator[PrivateCups]:
    """A scheduler of our own with one queue named `printer`; stopped and removed afterwards.

    The queue is raw unless `model` names a driver (`lpinfo -m`): a raw queue has no
    resolution or paper of its own, so an application lays out its pages as for no printer.
    """
    missing = missing_programs()
    if missing:
        raise CupsUnavailable(f"CUPS is not installed (no {', '.join(missing)})")
    root = Path(tempfile.mkdtemp(prefix="cups-"))  # short: a socket path has a length limit
    _write_config(root)
    server = PrivateCups(root, root / "cups.sock", printer)
    log = root / "log" / "cupsd.out"
    command = [str(find_program("cupsd")), "-f", "-c", str(root / "cupsd.conf"), "-s", str(root / "cups-files.conf")]
    with log.open("wb") as output:
        cupsd = subprocess.Popen(command, stdout=output, stderr=subprocess.STDOUT)
    try:
        _wait_for(server.socket, cupsd, log)
        added = subprocess.run(
            [str(find_program("lpadmin")), "-h", str(server.socket), "-p", printer, "-E", "-v", "file:///dev/null",
             *(["-m", model] if model else [])],
            capture_output=True, text=True, timeout=20, check=False,
        )
        if added.returncode != 0:
            raise DriverRefused(f"the private cupsd refused a test printer: {added.stderr.strip()}")
        yield server
    finally:
        cupsd.terminate()
        cupsd.wait(timeout=10)
        shutil.rmtree(root, ignore_errors=True)
