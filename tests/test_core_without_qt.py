"""The core must import and work with PySide6 absent (CLI, servers, fast tests)."""

from __future__ import annotations

import subprocess
import sys

from intake.paths import PROJECT_ROOT

PROBE = """
import sys
class NoQt:
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in this test")
        return None
sys.meta_path.insert(0, NoQt())
import intake.questionnaire.engine, intake.questionnaire.response, intake.eligibility, intake.catalog, intake.cli
import intake.app.visit, intake.app.finishing, intake.questionnaire.patient_wording, intake.report
import intake.app.review_queue, intake.app.desk, intake.app.staff_desk, intake.app.opening
import intake.app.answer_listing, intake.store.staff
import intake.interop.fhir_questionnaire, intake.interop.fhir_response, intake.interop.fhir_visit, intake.interop.csv_export
import intake.cli.stored_visits, intake.cli.accounts, intake.cli.export, intake.cli.info, intake.app.terminal
from intake.cli import main
sys.exit(main(["assess", sys.argv[1], "--json"]))
"""


def test_core_imports_and_assesses_without_pyside6(tmp_path) -> None:
    source = PROJECT_ROOT / "tests" / "data" / "vignettes.json"
    import json

    case = json.loads(source.read_text(encoding="utf-8"))[0]["response"]
    path = tmp_path / "v01.json"
    path.write_text(json.dumps(case), encoding="utf-8")
    done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert '"outcome": "REFER"' in done.stdout
    assert "PySide6" not in done.stderr
