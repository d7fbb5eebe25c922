"""Note-only answers: each policy note key adds its own wording from the policy file."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from intake.eligibility import Outcome, evaluate, load_rules
from intake.eligibility.policy import POLICIES_DIR
from intake.questionnaire.response import parse_response


def _policy_noting_aura(tmp_path: Path) -> Path:
    data = yaml.safe_load((POLICIES_DIR / "us-payer.yaml").read_text(encoding="utf-8"))
    data["notes"].append("aura")
    data["note_wording"]["aura"] = {"when_yes": "{label}: yes (aura)", "when_unsure": "{label}: not sure (aura)"}
    path = tmp_path / "clinic.yaml"
    path.write_text(yaml.safe_dump(data), encoding="utf-8")
    return path


@pytest.mark.parametrize(("answer", "text"),
                         [("yes", "Aura (warning signs): yes (aura)"), ("unsure", "Aura (warning signs): not sure (aura)")])
def test_each_note_key_has_its_own_wording(tmp_path, v01, form, answer, text) -> None:
    v01["answers"].update(aura=answer, anticoagulant="yes")
    result = evaluate(parse_response(v01, form), load_rules(str(_policy_noting_aura(tmp_path))), form)
    notes = {n.code: n.text for n in result.notes}
    assert notes["aura"] == text
    assert notes["anticoagulant"].startswith("Blood thinner (anticoagulant or antiplatelet): yes. Bruising")
    assert result.outcome is Outcome.REFER


def test_note_answered_no_adds_nothing(tmp_path, v01, form) -> None:
    v01["answers"]["aura"] = "no"
    result = evaluate(parse_response(v01, form), load_rules(str(_policy_noting_aura(tmp_path))), form)
    assert not any(n.code == "aura" for n in result.notes)
