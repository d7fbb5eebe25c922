"""The shipped policies and the default come from forms/policies/index.yaml."""

from __future__ import annotations

from pathlib import Path

import pytest

from intake.eligibility import default_policy, load_rules, shipped_policies, shipped_policy_titles
from intake.eligibility.policy import policy_path
from intake.eligibility.policy_index import load_policy_index
from intake.paths import POLICIES_DIR, POLICY_INDEX_FILE
from intake.yamlfile import DataFileError


def test_shipped_policies_default_first() -> None:
    assert default_policy() == "us-payer"
    assert shipped_policies() == ["us-payer", "nice-ta260"]


def test_the_index_lists_every_policy_file_beside_it() -> None:
    files = {path.stem for path in POLICIES_DIR.glob("*.yaml") if path != POLICY_INDEX_FILE}
    assert set(shipped_policies()) == files


def test_no_policy_named_means_the_default() -> None:
    assert policy_path(None) == POLICIES_DIR / "us-payer.yaml"
    assert load_rules(None) is load_rules("us-payer")
    assert load_rules().policy.name == default_policy()


def test_the_index_is_not_a_policy() -> None:
    with pytest.raises(ValueError, match="unknown policy 'index'"):
        policy_path("index")


def _index(tmp_path: Path, text: str, *files: str) -> Path:
    for name in files:
        (tmp_path / f"{name}.yaml").write_text("name: x\n", encoding="utf-8")
    path = tmp_path / "index.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("default: eu\npolicies: [us, nice]\n", "default: expected one of the policies (us, nice), got 'eu'"),
        ("default: us\npolicies: [us, us]\n", "policies: a policy is listed twice"),
        ("default: us\npolicies: [us, nice, eu]\n", "policies[2]: expected a file eu.yaml beside this index, got none"),
    ],
)
def test_a_broken_index_names_the_problem(tmp_path, text, problem) -> None:
    path = _index(tmp_path, text, "us", "nice")
    with pytest.raises(DataFileError) as raised:
        load_policy_index(path)
    assert problem in raised.value.lines[0]


def test_an_index_with_its_files_loads(tmp_path) -> None:
    index = load_policy_index(_index(tmp_path, "default: nice\npolicies: [us, nice]\n", "us", "nice"))
    assert (index.default, index.policies) == ("nice", ("us", "nice"))


def test_each_shipped_policy_has_its_files_title() -> None:
    """How staff choose a policy: by the title its own file gives, in the index's order."""
    assert shipped_policy_titles() == {
        "us-payer": "US payer (typical prior authorisation)",
        "nice-ta260": "NICE TA260 (England and Wales)",
    }
