"""Printing a PDF as it is: handed to CUPS where the platform has it, else drawn as page images.

The summary PDF is the document of record, and CUPS (Linux, macOS) prints PDF itself, so
its bytes go to `lp` unchanged: the job stays the size of the summary (tens of KB, where
300 dpi page images make megabytes) and the text on paper stays sharp at any printer's
resolution. Where there is no `lp` (Windows) or it refuses the job, the caller's raster
printing is the fallback, so a summary reaches paper whenever any printer takes it.

Job titles carry the visit id only: a print queue is visible to everyone who can see
the printer, so no patient's name goes into it.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass

log = logging.getLogger(__name__)

CUPS_PLATFORMS = ("linux", "darwin")
"""Where `lp` is CUPS's and takes PDF; Windows has no `lp`."""
LP_TIMEOUT_S = 30.0
"""`lp` only queues the job (it does not wait for paper): this long without an answer is a stuck print system."""
TEST_PAGE_TITLE = "test-page"
JOB_ID = re.compile(r"request id is (\S+)")
"""What `lp` prints once the job is queued ("request id is Front-desk-12 (1 file(s))"), in the C locale."""


class PrintFailed(Exception):
    """The job reached no printer; the message says why, in words staff can act on."""


class LpRefused(PrintFailed):
    """`lp` is missing or turned the job down: nothing was queued, so drawing page images is safe."""


@dataclass(frozen=True)
class PrintJob:
    printer: str
    cups_job: str | None = None
    """CUPS's request id (`Front-desk-12`) when the PDF went to CUPS as it is."""
    pages: int | None = None
    """Pages drawn when the PDF was printed as page images (CUPS counts its own)."""


@dataclass(frozen=True)
class Printers:
    """The printers the system offers, and its default (None when it names none)."""

    names: tuple[str, ...]
    default: str | None = None

    def find(self, wanted: str | None) -> str | None:
        """The clinic's chosen printer, else the system default, else the first one, else None."""
        if wanted and wanted in self.names:
            return wanted
        if wanted:
            log.warning("printer named in settings is not installed; using the default")
        if self.default:
            return self.default
        return self.names[0] if self.names else None


def job_title(visit_id: str) -> str:
    return f"visit-{visit_id}"


def lp_command() -> str | None:
    """CUPS's `lp` where the platform prints through CUPS; None elsewhere or when it is not installed."""
    if not sys.platform.startswith(CUPS_PLATFORMS):
        return None
    return shutil.which("lp")


def parse_job_id(output: str) -> str | None:
    found = JOB_ID.search(output)
    return found.group(1) if found else None


def send_to_cups(lp: str, pdf: bytes, printer: str, title: str) -> str | None:
    """Queue the PDF on `printer`; returns CUPS's job id (None if `lp` did not say it).

    The PDF goes on `lp`'s standard input, so no copy of it is written to disk by us.
    `LpRefused` when nothing was queued; a plain `PrintFailed` when `lp` did not answer
    in time (the job may be queued: printing again could give two copies).
    """
    command = [lp, "-d", printer, "-t", title, "-"]
    try:
        done = subprocess.run(  # noqa: S603 - a fixed program, arguments passed as a list (no shell)
            command, input=pdf, capture_output=True, timeout=LP_TIMEOUT_S, check=False, env={**os.environ, "LC_ALL": "C"}
        )
    except subprocess.TimeoutExpired as error:
        raise PrintFailed(f"the print system did not answer in {error.timeout:.0f} s; check the print queue") from error
    except OSError as error:
        raise LpRefused(f"lp could not be started ({error.strerror or error})") from error
    if done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise LpRefused(said[0] if said else f"lp stopped with status {done.returncode}")
    return parse_job_id(done.stdout.decode("utf-8", "replace"))


def send_pdf(pdf: bytes, printer: str, title: str, raster: Callable[[], int]) -> PrintJob:
    """Print the PDF as it is through CUPS where the platform can, else with `raster` (draws the pages, returns their count)."""
    lp = lp_command()
    if lp is not None:
        try:
            return PrintJob(printer, cups_job=send_to_cups(lp, pdf, printer, title))
        except LpRefused as refusal:
            log.warning("CUPS did not take the job (%s); printing page images instead", refusal)
    return PrintJob(printer, pages=raster())
