"""The print job for V01's summary: the PDF, the CUPS job (the PDF as it is) and the 300 dpi raster job.

Run: .venv/bin/python benchmarks/print_job_size.py [--printer NAME [--output-dir DIR]]
Goal (issue 18): the CUPS job at most 2x the PDF (the raster job made 55 KB into 4.7 MB).

How a job is measured: by default both jobs go to a private CUPS scheduler with one
queue (tests/cups_server.py; nothing on the host's CUPS is used), driven by a colour
driver CUPS ships (raw when it lacks it), and a job's size is the document that
scheduler spooled: exactly the bytes the app handed to CUPS. The CUPS
job is sent as the app sends it (`lp -d PRINTER -t visit-ID -`, intake.app.print_jobs); the
raster job as the app's fallback draws it (Qt's print engine, which CUPS receives as a
PDF of page images).

With --printer, both go to that queue of the system's CUPS instead; sizes come from its
spool (/var/spool/cups, readable by root) or else from `lpstat` (rounded to KB). With
--output-dir, the folder a cups-pdf queue writes to, the size of each PDF it wrote is
shown too. `job_sizes()` is what another benchmark calls to print the same lines (before
that process prints anything else: libcups reads `CUPS_SERVER` once).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from cups_server import COLOUR_DRIVER, CupsUnavailable, DriverRefused, PrivateCups, find_program, private_cups  # noqa: E402
from intake.app.finishing import assess_and_render  # noqa: E402
from intake.app.print_jobs import job_title, lp_command, send_to_cups  # noqa: E402
from intake.questionnaire.loader import default_form  # noqa: E402
from intake.questionnaire.response import parse_response  # noqa: E402
from intake.settings import Settings  # noqa: E402
from tests_data import v01_response  # noqa: E402

VISIT_ID = "20261125-090000-benchv"
SYSTEM_SPOOL = Path("/var/spool/cups")
GOAL = 2.0
OUTPUT_WAIT_S = 20.0


@dataclass(frozen=True)
class Job:
    size: int | None
    how: str
    """Where the size was read: the spool, lpstat (rounded), or why it is unknown."""
    output: int | None = None
    """The size of what a cups-pdf queue wrote, when asked to look."""


@dataclass(frozen=True)
class JobSizes:
    pdf: int
    cups: Job
    raster: Job

    def lines(self) -> list[str]:
        ratio = self.cups.size / self.pdf if self.cups.size else None
        verdict = "unknown" if ratio is None else ("met" if ratio <= GOAL else "NOT met")
        lines = [f"V01 summary PDF:          {self.pdf:>10,} bytes"]
        for name, job in (("CUPS job (PDF as it is):", self.cups), ("Raster job (300 dpi):   ", self.raster)):
            size = f"{job.size:>10,} bytes" if job.size is not None else f"{'?':>10} bytes"
            times = f" ({job.size / self.pdf:.2f}x the PDF)" if job.size else ""
            lines.append(f"{name}  {size}{times}  [{job.how}]")
            if job.output is not None:
                lines.append(f"    cups-pdf wrote {job.output:,} bytes")
        lines.append(f"Goal: CUPS job <= {GOAL:g}x the PDF: {verdict}")
        return lines


def v01_pdf() -> bytes:
    form = default_form()
    return assess_and_render(VISIT_ID, parse_response(v01_response(), form), form, Settings()).pdf


def _raster_job(pdf: bytes, printer: str) -> None:
    """As the app's fallback prints: Qt draws the pages and hands CUPS the result when painting ends."""
    # Imported here, once CUPS_SERVER is set: libcups reads it the first time Qt asks for printers.
    from PySide6.QtWidgets import QApplication

    from intake.ui.staff.printing import print_pdf, printer_for

    app = QApplication.instance() or QApplication([])
    assert app is not None
    target = printer_for(printer)
    target.setDocName(job_title(VISIT_ID))
    print_pdf(pdf, target)


def _private(pdf: bytes) -> tuple[Job, Job]:
    try:
        return _on_private(pdf, COLOUR_DRIVER)
    except DriverRefused:
        return _on_private(pdf, None)


def _on_private(pdf: bytes, model: str | None) -> tuple[Job, Job]:
    with private_cups("Bench", model) as cups:
        os.environ["CUPS_SERVER"] = str(cups.socket)
        lp = lp_command() or find_program("lp")
        assert lp is not None
        job_id = send_to_cups(lp, pdf, cups.printer, job_title(VISIT_ID))
        assert job_id is not None
        cups_job = Job(cups.spooled(job_id).stat().st_size, f"private scheduler's spool, job {job_id}")
        raster = _measure_new(cups, lambda: _raster_job(pdf, cups.printer))
    if model is None:
        raster = Job(raster.size, f"{raster.how}; a raw queue, so grey pages: a colour printer's job is larger")
    return cups_job, raster


def _measure_new(cups: PrivateCups, send: Callable[[], None]) -> Job:
    before = set(cups.jobs())
    send()
    deadline = time.monotonic() + OUTPUT_WAIT_S
    while not (new := sorted(set(cups.jobs()) - before)) and time.monotonic() < deadline:
        time.sleep(0.1)
    if not new:
        return Job(None, "no job reached the private scheduler")
    return Job(new[-1].stat().st_size, f"private scheduler's spool, {new[-1].name}")


def _system_job(job_id: str, printer: str, output_dir: Path | None, since: float) -> Job:
    output = _cups_pdf_output(output_dir, since)
    spooled = SYSTEM_SPOOL / f"d{int(job_id.rsplit('-', 1)[1]):05d}-001"
    try:
        return Job(spooled.stat().st_size, f"system spool, job {job_id}", output)
    except OSError:
        listed = subprocess.run(["lpstat", "-W", "all", "-o", printer], capture_output=True, text=True, check=False)
        for line in listed.stdout.splitlines():
            if line.split()[:1] == [job_id]:
                return Job(int(line.split()[2]), f"lpstat (rounded to KB), job {job_id}", output)
    return Job(None, f"job {job_id}: spool not readable and not listed", output)


def _newest_job(printer: str) -> str | None:
    listed = subprocess.run(["lpstat", "-W", "all", "-o", printer], capture_output=True, text=True, check=False)
    ids = [line.split()[0] for line in listed.stdout.splitlines() if line.strip()]
    return max(ids, key=lambda job: int(job.rsplit("-", 1)[1]), default=None)


def _cups_pdf_output(folder: Path | None, since: float) -> int | None:
    """The newest PDF cups-pdf wrote into `folder` since the job was sent (it converts while we wait)."""
    if folder is None:
        return None
    deadline = time.monotonic() + OUTPUT_WAIT_S
    size = None
    while time.monotonic() < deadline:
        written = [path for path in folder.glob("*.pdf") if path.stat().st_mtime >= since]
        newest = max(written, key=lambda path: path.stat().st_mtime).stat().st_size if written else None
        if newest is not None and newest == size:
            return size
        size = newest
        time.sleep(1.0)
    return size


def _system(pdf: bytes, printer: str, output_dir: Path | None) -> tuple[Job, Job]:
    lp = lp_command()
    if lp is None:
        raise CupsUnavailable("no lp on this system")
    since = time.time()
    job_id = send_to_cups(lp, pdf, printer, job_title(VISIT_ID))
    assert job_id is not None
    cups_job = _system_job(job_id, printer, output_dir, since)
    since = time.time()
    _raster_job(pdf, printer)
    raster_id = _newest_job(printer)
    raster = _system_job(raster_id, printer, output_dir, since) if raster_id and raster_id != job_id else Job(None, "no job")
    return cups_job, raster


def job_sizes(printer: str | None = None, output_dir: Path | None = None) -> JobSizes:
    """V01's PDF, CUPS job and raster job; `CupsUnavailable` (with the reason) where CUPS is not installed."""
    pdf = v01_pdf()
    cups_job, raster = _system(pdf, printer, output_dir) if printer else _private(pdf)
    return JobSizes(len(pdf), cups_job, raster)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--printer", help="a queue of the system's CUPS (default: a private scheduler of our own)")
    parser.add_argument("--output-dir", type=Path, help="where that queue (cups-pdf) writes its PDFs")
    args = parser.parse_args()
    try:
        sizes = job_sizes(args.printer, args.output_dir)
    except CupsUnavailable as reason:
        print(f"skipped: {reason}")
        return
    print("\n".join(sizes.lines()))


if __name__ == "__main__":
    main()
