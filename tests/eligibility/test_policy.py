"""Policy files: loading, errors naming file and field, the rules hash."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake.eligibility import load_rules, shipped_policies
from intake.eligibility.policy import POLICIES_DIR, UnknownPolicy
from intake.yamlfile import DataFileError


def test_shipped_policies_default_first() -> None:
    assert shipped_policies() == ["us-payer", "nice-ta260"]


def test_rules_hash_is_stable_and_distinct(us_rules, nice_rules) -> None:
    assert us_rules.rules_hash.startswith("sha256:") and len(us_rules.rules_hash) == 71
    assert us_rules.rules_hash != nice_rules.rules_hash
    assert load_rules("us-payer").rules_hash == us_rules.rules_hash


def _copy_policy(tmp_path: Path, change) -> Path:
    data = yaml.safe_load((POLICIES_DIR / "us-payer.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


def test_policy_from_path_changes_hash(tmp_path, us_rules) -> None:
    path = _copy_policy(tmp_path, lambda d: d["criteria"][1].update(min=14))
    assert load_rules(str(path)).rules_hash != us_rules.rules_hash


def test_bad_threshold_names_file_and_criterion(tmp_path) -> None:
    path = _copy_policy(tmp_path, lambda d: d["criteria"][1].update(min="fifteen"))
    with pytest.raises(DataFileError) as error:
        load_rules(str(path))
    assert str(path) in str(error.value)
    assert "headache_days: min:" in str(error.value)


def test_unknown_class_is_rejected(tmp_path) -> None:
    path = _copy_policy(tmp_path, lambda d: d["criteria"][5]["classes"].append("beta_blockr"))
    with pytest.raises(DataFileError, match="beta_blockr"):
        load_rules(str(path))


def test_typo_key_is_rejected(tmp_path) -> None:
    path = _copy_policy(tmp_path, lambda d: d.update(red_flag=["rf_cancer"]))
    with pytest.raises(DataFileError, match="red_flag: Extra inputs are not permitted"):
        load_rules(str(path))


def test_unknown_policy_name() -> None:
    with pytest.raises(UnknownPolicy, match="us-payer, nice-ta260"):
        load_rules("medicare")
