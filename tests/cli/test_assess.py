"""`intake` from the outside: exit codes, messages on stderr, never a traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cases import POLICIES, VIGNETTES, vignette
from command_line import run_intake
from input_fuzz import policy_files, response_files
from intake import __version__
from intake.cli import main
from intake.paths import FORM_FILE, POLICIES_DIR, PROJECT_ROOT


def _write(tmp_path: Path, data, name: str = "response.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path



def test_readable_summary(tmp_path, capsys) -> None:
    status, out, _ = run_intake(["assess", str(_write(tmp_path, vignette("V01")))], capsys)
    assert status == 0
    assert out.startswith("Outcome: REFER\n  Meets criteria to consider referral")
    assert "Failed preventive classes" in out


def test_json_contract_fields(tmp_path, capsys) -> None:
    status, out, _ = run_intake(["assess", str(_write(tmp_path, vignette("V01"))), "--json"], capsys)
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
        status, _, _ = run_intake(["assess", str(_write(tmp_path, vignette(case_id))), "--json"], capsys)
        assert status == 0


def test_invalid_file_exits_2_naming_keys(tmp_path, capsys) -> None:
    data = vignette("V01")
    data["answers"].update(headache_days="20", migraine_days=40)
    status, out, err = run_intake(["assess", str(_write(tmp_path, data)), "--json"], capsys)
    assert status == 2 and out == ""
    assert 'error: headache_days: expected a whole number 0-31, got "20"\n' in err
    assert "error: migraine_days: expected a whole number 0-31, got 40\n" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not valid JSON (line 1, column 2"), ("[]", "response: expected a JSON object")],
)
def test_not_a_response(tmp_path, capsys, content, message) -> None:
    status, _, err = run_intake(["assess", str(_write(tmp_path, content))], capsys)
    assert status == 2 and message in err


def test_missing_file(tmp_path, capsys) -> None:
    status, _, err = run_intake(["assess", str(tmp_path / "nope.json")], capsys)
    assert status == 2 and "nope.json: no such file" in err


def test_unknown_policy(tmp_path, capsys) -> None:
    status, _, err = run_intake(["assess", str(_write(tmp_path, vignette("V01"))), "--policy", "medicare"], capsys)
    assert status == 2 and "error: --policy: unknown policy 'medicare'" in err


def test_usage_error_exits_2(capsys) -> None:
    status, _, err = run_intake(["assess"], capsys)
    assert status == 2 and "FILE" in err


def test_validate_form_ok(capsys) -> None:
    status, out, _ = run_intake(["validate-form", str(FORM_FILE)], capsys)
    assert status == 0 and "ok" in out


def test_validate_form_without_a_file_checks_the_form_the_app_reads(capsys) -> None:
    status, out, _ = run_intake(["validate-form"], capsys)
    assert status == 0 and out.startswith(f"{FORM_FILE}: ok")


def test_validate_form_reports_question(tmp_path, capsys) -> None:
    text = FORM_FILE.read_text(encoding="utf-8").replace("id: migraine_days", "id: Migraine Days", 1)
    status, _, err = run_intake(["validate-form", str(_write(tmp_path, text, "form.yaml"))], capsys)
    assert status == 2
    assert f"error: {tmp_path / 'form.yaml'}: " in err


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ("id: botox_cycles", "id: botox_rounds",
         "the nice-ta260 policy's criteria[5] (botox_stopping_rule reads botox_cycles): expected a question of the form "
         "of type integer or number, got 'botox_cycles' (no such question)"),
        ("id: rf_thunderclap", "id: rf_thunder",
         "the us-payer policy's red_flags[3]: expected a question of the form of type yes_no_unsure, got 'rf_thunderclap'"),
        ("needed_by: botox_stopping_rule", "needed_by: botox_stoping_rule",
         "botox_cycles.needed_by: expected every_policy or minimum or failed_preventives or botox_stopping_rule, "
         "got 'botox_stoping_rule'"),
    ],
)
def test_validate_form_refuses_a_form_a_policy_cannot_read(tmp_path, capsys, old, new, problem) -> None:
    text = FORM_FILE.read_text(encoding="utf-8").replace(old, new, 1)
    status, _, err = run_intake(["validate-form", str(_write(tmp_path, text, "form.yaml"))], capsys)
    assert status == 2
    assert f"error: {tmp_path / 'form.yaml'}: {problem}" in err


def test_version(capsys) -> None:
    status, out, _ = run_intake(["--version"], capsys)
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
    response = _write(tmp_path, vignette("V09"))
    status, stdout, _ = run_intake(["report", str(response), "-o", str(out), "--policy", "nice-ta260"], capsys)
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
    status, _, err = run_intake(["report", str(_write(tmp_path, data)), "-o", str(out)], capsys)
    assert status == 2 and "headache_days" in err
    assert not out.exists()


# Plain input: whatever a file holds, exit 0 or 2 and one line per problem ----------------


def _answers_with(raw: str) -> str:
    """V01 as JSON text with `raw` spliced in as the value of headache_days."""
    text = json.dumps(vignette("V01"))
    return text.replace('"headache_days": 22', f'"headache_days": {raw}', 1)


HUGE_INPUTS = {"deep": "[" * 100_000 + "]" * 100_000, "digits": "9" * 5000}


@pytest.mark.parametrize("kind", sorted(HUGE_INPUTS))
def test_huge_input_exits_2_naming_the_key(tmp_path, capsys, kind) -> None:
    status, out, err = run_intake(["assess", str(_write(tmp_path, _answers_with(HUGE_INPUTS[kind]))), "--json"], capsys)
    assert status == 2 and out == ""
    assert err.startswith("error: headache_days")
    assert len(err.splitlines()) == 1 and len(err) < 300


@pytest.mark.parametrize("kind", sorted(HUGE_INPUTS))
def test_real_process_huge_input_exits_2(tmp_path, kind) -> None:
    path = _write(tmp_path, _answers_with(HUGE_INPUTS[kind]))
    done = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), "assess", str(path)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("error: headache_days") and "Traceback" not in done.stderr


def test_a_newline_in_a_value_cannot_forge_an_error_line(tmp_path, capsys) -> None:
    data = vignette("V01")
    data["answers"].update(prior_botox="no\nerror: everything is fine", family_name="Lu\u2028kas\x85ik" * 3)
    status, _, err = run_intake(["assess", str(_write(tmp_path, data))], capsys)
    assert status == 2
    assert err.splitlines() == [
        'error: family_name: expected text without control characters or lone surrogates (found \\x85), '
        'got "' + 'Lu\\u2028kas\\x85ik' * 3 + '"',
        'error: prior_botox: expected text without control characters or lone surrogates (found \\n), '
        'got "no\\nerror: everything is fine"',
    ]


def test_a_lone_surrogate_is_refused_and_printed_escaped(tmp_path, capsys) -> None:
    text = json.dumps(vignette("V01")).replace('"Test"', '"A\\ud800na"')
    status, _, err = run_intake(["assess", str(_write(tmp_path, text))], capsys)
    assert status == 2
    assert err == (
        'error: given_name: expected text without control characters or lone surrogates (found \\ud800), got "A\\ud800na"\n'
    )


def test_a_repeated_key_in_a_fhir_file_is_refused(tmp_path, capsys, form) -> None:
    from intake.interop.fhir_response import to_questionnaire_response

    resource = json.dumps(to_questionnaire_response(form, vignette("V01")))
    text = resource.replace('"status": ', '"status": "amended", "status": ', 1)
    status, _, err = run_intake(["assess", str(_write(tmp_path, text))], capsys)
    assert status == 2 and err == "error: status: expected each key once in an object, got it 2 times\n"


def test_a_file_name_with_a_newline_stays_on_one_line(tmp_path, capsys) -> None:
    status, _, err = run_intake(["assess", str(tmp_path / "a\nb.json")], capsys)
    assert status == 2 and err == f"error: {tmp_path}/a\\nb.json: no such file\n"


@pytest.mark.parametrize(
    ("edit", "problem"),
    [
        (lambda text: text.replace("          en: Migraine-feature days per month\n",
                                   "          en: Migraine-feature days per month\n          en: Days\n", 1),
         "expected each key once in a mapping"),
        (lambda text: text.replace("max: 31", "max: " + "[" * 100_000 + "]" * 100_000, 1), "expected at most 20 levels"),
        (lambda text: text.replace("max: 31", "max: " + "3" * 5000, 1), "expected a number of at most 15 digits"),
        (lambda text: text.replace("en: Migraine-feature days per month", "en: \"Migraine\\x85days\"", 1),
         "without control characters"),
    ],
)
def test_validate_form_refuses_a_form_that_is_not_plain(tmp_path, capsys, edit, problem) -> None:
    text = FORM_FILE.read_text(encoding="utf-8")
    changed = edit(text)
    assert changed != text
    status, _, err = run_intake(["validate-form", str(_write(tmp_path, changed, "form.yaml"))], capsys)
    assert status == 2 and len(err.splitlines()) == 1
    assert err.startswith(f"error: {tmp_path / 'form.yaml'}: ") and problem in err


def test_a_policy_that_is_not_plain_exits_2(tmp_path, capsys) -> None:
    policy = (POLICIES_DIR / "us-payer.yaml").read_text(encoding="utf-8").replace("min: 15", "min: 15\n    min: 1", 1)
    response = _write(tmp_path, vignette("V01"))
    status, _, err = run_intake(["assess", str(response), "--policy", str(_write(tmp_path, policy, "clinic.yaml"))], capsys)
    assert status == 2
    assert err == (
        f"error: {tmp_path / 'clinic.yaml'}: criteria[1].min: expected each key once in a mapping, got it more than once\n"
    )


def test_a_policy_with_a_typo_in_a_red_flag_exits_2(tmp_path, capsys) -> None:
    policy = (POLICIES_DIR / "us-payer.yaml").read_text(encoding="utf-8").replace("- rf_thunderclap", "- rf_thunderclp", 1)
    policy_file = _write(tmp_path, policy, "p.yaml")
    status, _, err = run_intake(["assess", str(_write(tmp_path, vignette("V01"))), "--policy", str(policy_file)], capsys)
    assert status == 2 and "red_flags[3]: expected a question of the form of type yes_no_unsure, got 'rf_thunderclp'" in err


FUZZ = settings(max_examples=100, deadline=None, suppress_health_check=list(HealthCheck))
FUZZ_PROCESS = settings(max_examples=6, deadline=None, suppress_health_check=list(HealthCheck))
VIGNETTE_IDS = [case["id"] for case in VIGNETTES]


def _fuzzrun_intake(args: list[str]) -> int:
    try:
        return main(args)
    except SystemExit as exit_:
        return int(exit_.code or 0)


def _fuzz_file(content: bytes, suffix: str) -> Path:
    with tempfile.NamedTemporaryFile("wb", suffix=suffix, delete=False) as file:
        file.write(content)
    return Path(file.name)


@FUZZ
@given(response_files(), st.sampled_from(POLICIES))
def test_any_response_file_exits_0_or_2(content, policy) -> None:
    path = _fuzz_file(content, ".json")
    try:
        assert _fuzzrun_intake(["assess", str(path), "--policy", policy, "--json"]) in (0, 2)
    finally:
        path.unlink()


@FUZZ
@given(policy_files(), st.sampled_from(VIGNETTE_IDS))
def test_any_policy_file_exits_0_or_2(content, vignette_id) -> None:
    path, response = _fuzz_file(content, ".yaml"), _fuzz_file(json.dumps(vignette(vignette_id)).encode(), ".json")
    try:
        assert _fuzzrun_intake(["assess", str(response), "--policy", str(path), "--json"]) in (0, 2)
    finally:
        path.unlink()
        response.unlink()


@FUZZ_PROCESS
@given(response_files(), policy_files())
def test_real_process_any_files_exit_0_or_2(content, policy) -> None:
    path, policy_path = _fuzz_file(content, ".json"), _fuzz_file(policy, ".yaml")
    valid = _fuzz_file(json.dumps(vignette("V01")).encode(), ".json")
    try:
        for args in (["assess", str(path)], ["assess", str(valid), "--policy", str(policy_path)]):
            done = subprocess.run([sys.executable, str(PROJECT_ROOT / "main.py"), *args, "--json"],
                                  capture_output=True, timeout=60)
            assert done.returncode in (0, 2), done.stderr
            assert b"Traceback" not in done.stderr
    finally:
        for made in (path, policy_path, valid):
            made.unlink()
