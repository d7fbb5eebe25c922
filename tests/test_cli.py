"""`intake` from the outside: exit codes, messages on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from cases import vignette
from intake import __version__
from intake.cli import main
from intake.paths import FORM_FILE, PROJECT_ROOT


def _write(tmp_path: Path, data, name: str = "response.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def _run(args: list[str], capsys) -> tuple[int, str, str]:
    try:
        status = main(args)
    except SystemExit as exit_:
        status = exit_.code
    out, err = capsys.readouterr()
    return status, out, err


def test_readable_summary(tmp_path, capsys) -> None:
    status, out, _ = _run(["assess", str(_write(tmp_path, vignette("V01")))], capsys)
    assert status == 0
    assert out.startswith("Outcome: REFER\n  Meets criteria to consider referral")
    assert "Failed preventive classes" in out


def test_json_contract_fields(tmp_path, capsys) -> None:
    status, out, _ = _run(["assess", str(_write(tmp_path, vignette("V01"))), "--json"], capsys)
    result = json.loads(out)
    assert status == 0
    for key in ("outcome", "outcome_text", "reasons", "policy", "policy_version", "rules_hash", "criteria", "unmet",
                "missing", "failed_classes", "failed_medicines", "preventives", "medication_overuse", "red_flags",
                "cautions", "notes"):
        assert key in result
    assert result["preventives"][0]["class"] == "anticonvulsant"
    assert result["medication_overuse"]["days_per_class"] == {"triptan": 4, "non_opioid_analgesic": 5}
    assert set(result["criteria"][0]) >= {"id", "threshold", "value", "status", "source"}


def test_every_outcome_exits_zero(tmp_path, capsys) -> None:
    for case_id in ("V14", "V16", "V03", "V09", "V01"):
        status, _, _ = _run(["assess", str(_write(tmp_path, vignette(case_id))), "--json"], capsys)
        assert status == 0


def test_invalid_file_exits_2_naming_keys(tmp_path, capsys) -> None:
    data = vignette("V01")
    data["answers"].update(headache_days="20", migraine_days=40)
    status, out, err = _run(["assess", str(_write(tmp_path, data)), "--json"], capsys)
    assert status == 2 and out == ""
    assert 'error: headache_days: expected a whole number 0-31, got "20"\n' in err
    assert "error: migraine_days: expected a whole number 0-31, got 40\n" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON (line 1, column 2"), ("[]", "response: expected a JSON object")],
)
def test_not_a_response(tmp_path, capsys, content, message) -> None:
    status, _, err = _run(["assess", str(_write(tmp_path, content))], capsys)
    assert status == 2 and message in err


def test_missing_file(tmp_path, capsys) -> None:
    status, _, err = _run(["assess", str(tmp_path / "nope.json")], capsys)
    assert status == 2 and "nope.json: no such file" in err


def test_unknown_policy(tmp_path, capsys) -> None:
    status, _, err = _run(["assess", str(_write(tmp_path, vignette("V01"))), "--policy", "medicare"], capsys)
    assert status == 2 and "error: --policy: unknown policy 'medicare'" in err


def test_usage_error_exits_2(capsys) -> None:
    status, _, err = _run(["assess"], capsys)
    assert status == 2 and "FILE" in err


def test_validate_form_ok(capsys) -> None:
    status, out, _ = _run(["validate-form", str(FORM_FILE)], capsys)
    assert status == 0 and "ok" in out


def test_validate_form_reports_question(tmp_path, capsys) -> None:
    text = FORM_FILE.read_text(encoding="utf-8").replace("id: migraine_days", "id: Migraine Days", 1)
    status, _, err = _run(["validate-form", str(_write(tmp_path, text, "form.yaml"))], capsys)
    assert status == 2
    assert f"error: {tmp_path / 'form.yaml'}: " in err


def test_version(capsys) -> None:
    status, out, _ = _run(["--version"], capsys)
    assert status == 0 and out.strip() == f"intake {__version__}"


@pytest.mark.parametrize("entry", [["-m", "intake.cli"], [str(PROJECT_ROOT / "main.py")]])
def test_real_process_invalid_file_has_no_traceback(tmp_path, entry) -> None:
    data = vignette("V01")
    data["answers"]["sex_at_birth"] = "male"
    path = _write(tmp_path, data)
    done = subprocess.run([sys.executable, *entry, "assess", str(path), "--json"], capture_output=True, text=True, timeout=60)
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert "error: pregnant: not asked when sex_at_birth is male" in done.stderr


def test_real_process_assess(tmp_path) -> None:
    path = _write(tmp_path, vignette("V15"))
    done = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "main.py"), "assess", str(path), "--policy", "nice-ta260", "--json"],
        capture_output=True, text=True, timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["unmet"] == ["prior_botox_response"]


def test_report_writes_pdf_with_clinic_settings(tmp_path, capsys, monkeypatch) -> None:
    config = tmp_path / "config" / "headache-intake"
    config.mkdir(parents=True)
    (config / "settings.yaml").write_text("clinic_name: Harbour Headache Clinic\npaper: letter\n", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    out = tmp_path / "visit-0001.pdf"
    status, stdout, _ = _run(["report", str(_write(tmp_path, vignette("V09"))), "-o", str(out), "--policy", "nice-ta260"], capsys)
    assert status == 0 and "REVIEW_NEEDED" in stdout
    assert out.read_bytes().startswith(b"%PDF")
    from pypdf import PdfReader

    reader = PdfReader(out)
    assert "Harbour Headache Clinic" in reader.pages[0].extract_text()
    assert round(float(reader.pages[0].mediabox.width)) == 612


def test_report_invalid_file_writes_nothing(tmp_path, capsys) -> None:
    data = vignette("V01")
    data["answers"]["headache_days"] = "many"
    out = tmp_path / "out.pdf"
    status, _, err = _run(["report", str(_write(tmp_path, data)), "-o", str(out)], capsys)
    assert status == 2 and "headache_days" in err
    assert not out.exists()
