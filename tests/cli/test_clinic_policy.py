"""`assess` and `report` judge a file by the clinic's policy, as `import` and the kiosk do, and say which one.

V06 is NOT_ELIGIBLE under us-payer (the shipped default) and REFER under nice-ta260: a
station set to NICE once gave both for the same file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from cases import vignette
from command_line import run_intake
from intake.cli.clinic_policy import choose_policy
from intake.cli.errors import UsageError
from intake.eligibility import load_rules
from intake.settings import settings_path
from intake.yamlfile import DataFileError

NICE, US = (f"{name} {load_rules(name).policy.version}" for name in ("nice-ta260", "us-payer"))


def _settings(text: str) -> Path:
    path = settings_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def v06(tmp_path) -> Path:
    path = tmp_path / "V06.json"
    path.write_text(json.dumps(vignette("V06")), encoding="utf-8")
    return path


def test_without_a_settings_file_the_shipped_default_says_there_is_none() -> None:
    chosen = choose_policy(None)
    assert (chosen.rules.policy.name, chosen.asked) == ("us-payer", None)
    assert chosen.source == f"the shipped default; no settings file at {settings_path()}"


def test_a_settings_file_naming_no_policy_means_the_shipped_default() -> None:
    _settings("clinic_name: Harbour\n")
    chosen = choose_policy(None)
    assert chosen.rules.policy.name == "us-payer" and chosen.source == "the shipped default; the clinic's settings name none"


def test_the_clinics_policy_setting_is_used_and_named_with_its_file() -> None:
    path = _settings("policy: nice-ta260\n")
    chosen = choose_policy(None)
    assert (chosen.rules.policy.name, chosen.asked) == ("nice-ta260", "nice-ta260")
    assert chosen.described == f"nice-ta260 {chosen.rules.policy.version} (the clinic's settings, {path})"


def test_policy_overrides_the_setting() -> None:
    _settings("policy: nice-ta260\n")
    chosen = choose_policy("us-payer")
    assert (chosen.rules.policy.name, chosen.source) == ("us-payer", "--policy")


def test_an_unknown_setting_is_named_by_file_and_key_an_unknown_option_by_option() -> None:
    path = _settings("policy: medicare\n")
    with pytest.raises(DataFileError) as setting:
        choose_policy(None)
    assert setting.value.lines == [f"{path}: policy: unknown policy 'medicare'; expected us-payer, nice-ta260 or a path "
                                   "to a policy YAML file"]
    with pytest.raises(UsageError) as option:
        choose_policy("medicare")
    assert option.value.lines[0].startswith("--policy: unknown policy 'medicare'")


def test_assess_follows_the_clinics_policy_and_says_so(v06, capsys) -> None:
    path = _settings("policy: nice-ta260\n")
    status, out, err = run_intake(["assess", str(v06), "--json"], capsys)
    assert status == 0 and json.loads(out)["outcome"] == "REFER", "stdout stays the JSON contract alone"
    assert err.startswith(f"note: policy {NICE} (the clinic's settings, {path})")
    status, out, _ = run_intake(["assess", str(v06)], capsys)
    assert status == 0 and out.startswith("Outcome: REFER\n")
    assert f"\n  from the clinic's settings, {path}\n" in out
    status, out, err = run_intake(["assess", str(v06), "--policy", "us-payer", "--json"], capsys)
    assert json.loads(out)["outcome"] == "NOT_ELIGIBLE" and err.startswith(f"note: policy {US} (--policy)")


def test_report_follows_the_clinics_policy_and_says_where_it_wrote(v06, tmp_path, capsys, monkeypatch) -> None:
    _settings("policy: nice-ta260\n")
    monkeypatch.chdir(tmp_path)
    status, out, _ = run_intake(["report", str(v06), "-o", "v06.pdf"], capsys)
    assert status == 0 and out.startswith(f"wrote {tmp_path / 'v06.pdf'}: REFER under {NICE} (the clinic's settings")
    assert "NICE TA260" in PdfReader(tmp_path / "v06.pdf").pages[0].extract_text()


def test_assess_agrees_with_import_on_one_station(v06, capsys, monkeypatch) -> None:
    _settings("policy: nice-ta260\n")
    monkeypatch.setenv("INTAKE_DB_KEY", "cli test passphrase")
    assert run_intake(["import", str(v06)], capsys)[0] == 0
    _, listed, _ = run_intake(["visits", "list", "--json"], capsys)
    _, assessed, _ = run_intake(["assess", str(v06), "--json"], capsys)
    assert json.loads(listed)[0]["outcome"] == json.loads(assessed)["outcome"] == "REFER"
