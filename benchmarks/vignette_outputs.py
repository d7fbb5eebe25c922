"""The `intake assess --json` output of every vignette under every policy, kept as a golden file.

Run: .venv/bin/python benchmarks/vignette_outputs.py          check this checkout against the golden file
     .venv/bin/python benchmarks/vignette_outputs.py --write  rewrite it (after a deliberate change of output)

Speed-ups must not change a byte of the output; tests/test_vignettes.py compares each
output with the golden file. One line per vignette and policy, so a diff shows which moved.
"""

from __future__ import annotations

import argparse
import contextlib
import io
import json
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
GOLDEN = ROOT / "tests" / "data" / "vignette_outputs.jsonl"
VIGNETTES = ROOT / "tests" / "data" / "vignettes.json"
POLICIES = ("us-payer", "nice-ta260")

from intake.cli import main as intake  # noqa: E402


def cli_output(response: dict[str, Any], policy: str) -> str:
    """What `intake assess FILE --policy POLICY --json` prints for this response."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "response.json"
        path.write_text(json.dumps(response, ensure_ascii=False), encoding="utf-8")
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            status = intake(["assess", str(path), "--policy", policy, "--json"])
    if status != 0:
        raise SystemExit(f"intake assess exited {status}")
    return printed.getvalue()


def printed_form(output: Any) -> str:
    """A golden output as the CLI prints it (JSON round-trips these values exactly)."""
    return json.dumps(output, ensure_ascii=False, indent=2) + "\n"


def outputs() -> Iterator[tuple[str, str, str]]:
    """(case id, policy, printed output) of this checkout, in file order."""
    for case in json.loads(VIGNETTES.read_text(encoding="utf-8")):
        for policy in POLICIES:
            yield case["id"], policy, cli_output(case["response"], policy)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help=f"rewrite {GOLDEN.relative_to(ROOT)}")
    args = parser.parse_args()
    if args.write:
        lines = [
            json.dumps({"case": case, "policy": policy, "output": json.loads(text)}, ensure_ascii=False, separators=(",", ":"))
            for case, policy, text in outputs()
        ]
        GOLDEN.write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{GOLDEN}: {len(lines)} outputs")
        return
    golden = {(row["case"], row["policy"]): printed_form(row["output"]) for row in map(json.loads, GOLDEN.open(encoding="utf-8"))}
    changed = [f"{case} {policy}" for case, policy, text in outputs() if golden.get((case, policy)) != text]
    print(f"{len(golden)} outputs, {len(changed)} changed" + (f": {', '.join(changed)}" if changed else ""))
    sys.exit(1 if changed else 0)


if __name__ == "__main__":
    main()
