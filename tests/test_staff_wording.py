"""Every outcome, visit status and criterion status has its staff wording, and nothing else does."""

from __future__ import annotations

import subprocess
import sys

from intake import staff_wording
from intake.eligibility.assessment import Ichd3Status, Outcome, Status
from intake.store.staff import Role
from intake.visit_status import STATUSES


def test_every_outcome_has_its_text_symbol_and_mark() -> None:
    for wording in (staff_wording.OUTCOME_TEXT, staff_wording.OUTCOME_SYMBOL, staff_wording.OUTCOME_MARK):
        assert set(wording) == {outcome.value for outcome in Outcome}
        assert all(wording[outcome] for outcome in Outcome)


def test_every_visit_status_has_words() -> None:
    assert set(staff_wording.VISIT_STATUS_WORDS) == set(STATUSES)


def test_every_criterion_and_ichd3_status_has_a_mark() -> None:
    assert set(staff_wording.CRITERION_MARK) == set(staff_wording.CRITERION_WORD) == {status.value for status in Status}
    assert set(staff_wording.ICHD3_MARK) == {status.value for status in Ichd3Status}


def test_every_role_has_a_name_and_words_for_a_sentence() -> None:
    assert set(staff_wording.ROLE_NAME) == set(staff_wording.ROLE_IN_A_SENTENCE) == {role.value for role in Role}


def test_imports_nothing_of_the_app_but_its_translations() -> None:
    code = (
        "import sys, intake.staff_wording; "
        "print(sorted(m for m in sys.modules if m.startswith(('intake.', 'pydantic', 'reportlab'))))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "['intake.paths', 'intake.staff_wording', 'intake.translations']"
