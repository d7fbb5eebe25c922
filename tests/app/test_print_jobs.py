"""Printing a PDF as it is through CUPS, else as page images: which path, `lp` run, its answer read.

`lp` is a stand-in on PATH (see fake_lp) that keeps each job and answers as CUPS does, so
these tests come out the same whatever printers the machine has. The last one hands V01's
summary to a private CUPS scheduler, where CUPS is installed.
"""

from __future__ import annotations

import logging
import sys

import pytest

from cases import vignette
from cups_server import CupsUnavailable, private_cups
from fake_lp import POSIX_ONLY, FakeLp, install_fake_lp
from intake.app import print_jobs
from intake.app.finishing import assess_and_render
from intake.app.print_jobs import LpRefused, Printers, PrintFailed, PrintJob, job_title, parse_job_id, send_pdf
from intake.questionnaire.form import Form
from intake.questionnaire.response import parse_response
from intake.settings import Settings

VISIT_ID = "20261124-090000-aaaaaa"


@pytest.fixture(scope="module")
def v01_pdf(form: Form) -> bytes:
    return assess_and_render(VISIT_ID, parse_response(vignette("V01"), form), form, Settings()).pdf


@pytest.fixture
def fake_lp(tmp_path, monkeypatch) -> FakeLp:
    return install_fake_lp(tmp_path, monkeypatch)


class Raster:
    """The caller's page-image printing: counts how often it was asked."""

    def __init__(self) -> None:
        self.calls = 0

    def __call__(self) -> int:
        self.calls += 1
        return 2


@POSIX_ONLY
def test_the_pdf_goes_to_lp_as_it_is_titled_by_the_visit_id_only(fake_lp, v01_pdf) -> None:
    raster = Raster()
    job = send_pdf(v01_pdf, "Front-desk", job_title(VISIT_ID), raster)
    assert job == PrintJob("Front-desk", cups_job="Front-desk-1")
    [sent] = fake_lp.jobs()
    assert sent.args == ["-d", "Front-desk", "-t", f"visit-{VISIT_ID}", "-"]
    assert sent.pdf == v01_pdf, "the stored bytes, not a re-rendering"
    assert vignette("V01")["answers"]["family_name"] not in " ".join(sent.args)
    assert raster.calls == 0


@POSIX_ONLY
def test_lp_answers_in_the_c_locale_so_its_job_id_can_be_read(fake_lp, monkeypatch) -> None:
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")
    send_pdf(b"%PDF-1.7", "Front-desk", "visit-x", Raster())
    assert [job.locale for job in fake_lp.jobs()] == ["C"]


@pytest.mark.parametrize(
    ("said", "job_id"),
    [
        ("request id is Front-desk-12 (1 file(s))\n", "Front-desk-12"),
        ("request id is Ward_3-7 (0 file(s))", "Ward_3-7"),
        ("", None),
    ],
)
def test_the_job_id_is_read_from_what_lp_says(said: str, job_id: str | None) -> None:
    assert parse_job_id(said) == job_id


@POSIX_ONLY
def test_a_job_lp_refuses_is_printed_as_page_images_instead(fake_lp, caplog) -> None:
    fake_lp.refuse("lp: The printer or class does not exist.")
    raster = Raster()
    with caplog.at_level(logging.WARNING):
        job = send_pdf(b"%PDF-1.7", "Gone", "visit-x", raster)
    assert job == PrintJob("Gone", pages=2) and raster.calls == 1
    assert "The printer or class does not exist" in caplog.text


def test_without_lp_the_pages_are_printed_as_images(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    raster = Raster()
    assert send_pdf(b"%PDF-1.7", "Front-desk", "visit-x", raster) == PrintJob("Front-desk", pages=2)
    assert raster.calls == 1


@POSIX_ONLY
def test_on_windows_the_pages_are_printed_as_images_even_beside_an_lp(fake_lp, monkeypatch) -> None:
    monkeypatch.setattr(sys, "platform", "win32")
    raster = Raster()
    assert send_pdf(b"%PDF-1.7", "Front-desk", "visit-x", raster).pages == 2
    assert fake_lp.jobs() == [] and raster.calls == 1


@POSIX_ONLY
def test_an_lp_that_does_not_answer_fails_and_is_not_printed_twice(fake_lp, monkeypatch) -> None:
    """The job may be queued all the same: page images as well could give two copies."""
    fake_lp.hang()
    monkeypatch.setattr(print_jobs, "LP_TIMEOUT_S", 0.5)
    raster = Raster()
    with pytest.raises(PrintFailed, match="did not answer") as failure:
        send_pdf(b"%PDF-1.7", "Front-desk", "visit-x", raster)
    assert not isinstance(failure.value, LpRefused) and raster.calls == 0


@pytest.mark.parametrize(
    ("installed", "wanted", "found"),
    [
        (Printers(("Front-desk", "Ward-3"), "Ward-3"), "Front-desk", "Front-desk"),
        (Printers(("Front-desk", "Ward-3"), "Ward-3"), None, "Ward-3"),
        (Printers(("Front-desk", "Ward-3"), "Ward-3"), "Unplugged", "Ward-3"),
        (Printers(("Front-desk", "Ward-3")), "Unplugged", "Front-desk"),
        (Printers(()), None, None),
        (Printers(()), "Front-desk", None),
    ],
)
def test_the_clinic_printer_else_the_default_else_the_first(installed: Printers, wanted: str | None, found: str | None) -> None:
    assert installed.find(wanted) == found


@pytest.mark.skipif(sys.platform == "win32", reason="CUPS prints PDF on Linux and macOS only")
def test_cups_spools_v01_as_it_is_at_most_twice_the_pdf(v01_pdf, monkeypatch) -> None:
    """The issue's goal, on a real scheduler of the test's own (no host printer is used)."""
    try:
        with private_cups("Bench") as cups:
            monkeypatch.setenv("CUPS_SERVER", str(cups.socket))
            job = send_pdf(v01_pdf, cups.printer, job_title(VISIT_ID), Raster())
            assert job.cups_job is not None
            spooled = cups.spooled(job.cups_job).read_bytes()
    except CupsUnavailable as reason:
        pytest.skip(str(reason))
    assert spooled == v01_pdf and len(spooled) <= 2 * len(v01_pdf)
