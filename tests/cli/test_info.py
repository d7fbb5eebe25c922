"""`intake info-sheet`: the sheet in each language and paper, private files, exit 2 on bad usage."""

from __future__ import annotations

import stat

import pytest
from pypdf import PdfReader

from command_line import run_intake
from intake.settings import Settings, save_settings

TITLES = {"en": "What happens at a Botox consultation", "es": "Qué ocurre en una consulta de Botox"}



def _words(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


@pytest.mark.parametrize("paper", ["a4", "letter"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_writes_one_private_page_with_the_clinic_from_the_settings(tmp_path, capsys, language, paper) -> None:
    save_settings(Settings(clinic_name="Harbour Headache Clinic", clinic_phone="555 0100"))
    target = tmp_path / "out" / f"sheet-{language}.pdf"
    status, out, err = run_intake(["info-sheet", "--lang", language, "--paper", paper, "-o", str(target)], capsys)
    assert (status, err) == (0, "")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    reader = PdfReader(target)
    assert len(reader.pages) == 1
    assert round(float(reader.pages[0].mediabox.height)) == (842 if paper == "a4" else 792)
    words = _words(target)
    assert TITLES[language] in words and "Harbour Headache Clinic" in words and "555 0100" in words
    assert out == f"wrote {target}: information sheet, {'English' if language == 'en' else 'Español'}, {paper}, 1 page(s)\n"


def test_language_and_paper_default_to_the_clinic_settings(tmp_path, capsys) -> None:
    save_settings(Settings(language="es", paper="letter", clinic_phone="555 0100"))
    target = tmp_path / "sheet.pdf"
    status, _out, _err = run_intake(["info-sheet", "-o", str(target)], capsys)
    assert status == 0
    assert TITLES["es"] in _words(target)
    assert round(float(PdfReader(target).pages[0].mediabox.height)) == 792


def test_without_a_phone_it_warns_and_still_writes(tmp_path, capsys) -> None:
    target = tmp_path / "sheet.pdf"
    status, _out, err = run_intake(["info-sheet", "-o", str(target)], capsys)
    assert status == 0 and target.exists()
    assert err == "warning: no clinic phone in the settings (clinic_phone); the sheet shows none\n"
    assert TITLES["en"] in _words(target)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--lang", "fr"], "error: --lang: expected one of en, es, got fr\n"),
        (["--lang", "../en"], "error: --lang: expected one of en, es, got ../en\n"),
        (["--paper", "a5"], "invalid choice: 'a5'"),
    ],
)
def test_bad_usage_exits_2_and_writes_nothing(tmp_path, capsys, args, message) -> None:
    target = tmp_path / "sheet.pdf"
    status, _out, err = run_intake(["info-sheet", *args, "-o", str(target)], capsys)
    assert status == 2 and message in err
    assert not target.exists()


def test_without_an_output_file_exits_2(capsys) -> None:
    status, _out, err = run_intake(["info-sheet", "--lang", "es"], capsys)
    assert status == 2 and "-o/--output" in err


def test_an_unwritable_target_exits_2_naming_it(tmp_path, capsys) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("x")
    status, _out, err = run_intake(["info-sheet", "-o", str(blocked / "sheet.pdf")], capsys)
    assert status == 2 and err.startswith(f"error: -o {blocked / 'sheet.pdf'}: cannot write")

