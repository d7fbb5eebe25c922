"""CSV for audits: BOM, one row per visit, medicine lists encoded, formulas neutralised."""

from __future__ import annotations

import csv
import io
import shutil
import subprocess

import pytest

from intake.interop.csv_export import VISIT_COLUMNS, csv_bytes, header, neutralised

NAME = "Zoë Łukasik-Ó'Brien 王"


def _read(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "UTF-8 with BOM"
    return list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def test_one_row_per_visit_with_every_answer_key(form, stored_visit) -> None:
    rows = _read(csv_bytes(form, [stored_visit("V01"), stored_visit("V14")]))
    assert [row["outcome"] for row in rows] == ["REFER", "URGENT_REVIEW"]
    assert list(rows[0]) == header(form)
    assert rows[0]["headache_days"] == "22" and rows[0]["date_of_birth"].count("-") == 2
    assert rows[0]["policy"] == "us-payer" and rows[0]["rules_version"] == "2026.2"
    assert rows[0]["acute_medicines"].startswith("medicine=") and " | " in rows[0]["preventives"]


def test_empty_list_and_unanswered_differ(form, stored_visit) -> None:
    row = _read(csv_bytes(form, [stored_visit("V01", preventives=[])]))[0]
    assert row["preventives"] == "none"
    assert row["botox_cycles"] == ""


@pytest.mark.parametrize("dangerous", ["=HYPERLINK(\"http://x\")", "+1+2", "-2+3", "@SUM(A1)"])
def test_formula_starts_are_neutralised(form, stored_visit, dangerous) -> None:
    row = _read(csv_bytes(form, [stored_visit("V01", given_name=dangerous)]))[0]
    assert row["given_name"] == "'" + dangerous


@pytest.mark.parametrize("text", ["\t=1", "\r=1", "=1"])
def test_tab_and_return_starts_are_neutralised_too(text) -> None:
    assert neutralised(text) == "'" + text
    assert neutralised("Ana =1") == "Ana =1"


def test_unicode_names_survive_python_csv(form, stored_visit) -> None:
    row = _read(csv_bytes(form, [stored_visit("V01", given_name=NAME)]))[0]
    assert row["given_name"] == NAME


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice not installed (apt install libreoffice-calc-nogui)")
def test_libreoffice_reads_unicode_names_and_formulas_as_text(form, stored_visit, tmp_path) -> None:
    """Headless LibreOffice 7.4 ignores the BOM unless told UTF-8 (76), as its import dialog offers."""
    source = tmp_path / "visits.csv"
    source.write_bytes(csv_bytes(form, [stored_visit("V01", given_name=NAME), stored_visit("V14", given_name="=1+1")]))
    done = subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp_path}/lo-profile", "--infilter=CSV:44,34,76,1",
         "--convert-to", "csv:Text - txt - csv (StarCalc):44,34,76", "--outdir", str(tmp_path / "out"), str(source)],
        capture_output=True, text=True, timeout=180,
    )
    assert done.returncode == 0, done.stderr
    converted = (tmp_path / "out" / "visits.csv").read_bytes().decode("utf-8")
    rows = list(csv.DictReader(io.StringIO(converted.lstrip("\ufeff"), newline="")))
    assert rows[0]["given_name"] == NAME
    assert rows[1]["given_name"] == "'=1+1", "kept as text, not computed to 2"


def test_the_language_the_patient_answered_in_is_the_last_column(form, stored_visit) -> None:
    spanish = stored_visit("V01")
    spanish.response["language"] = "es-MX"
    rows = _read(csv_bytes(form, [spanish, stored_visit("V14")]))
    assert list(rows[0])[-1] == "language"
    assert list(rows[0])[: len(VISIT_COLUMNS) + len(form.questions())] == [*VISIT_COLUMNS, *(q.id for q in form.questions())], (
        "every earlier column keeps its place"
    )
    assert [row["language"] for row in rows] == ["es-MX", ""]
