"""A stand-in for CUPS's `lp` on PATH: keeps each job it is given and answers as CUPS does.

It can also refuse a job (as `lp` does for a printer that does not exist) or never
answer. Tests that print use it so that what they see does not depend on the machine's
printers, and so that nothing reaches a real one.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

SCRIPT = """#!{python}
import json, os, pathlib, sys, time
jobs = pathlib.Path({jobs!r})
if (jobs / "hang").exists():
    time.sleep(60)
args = sys.argv[1:]
data = sys.stdin.buffer.read()
refusal = jobs / "refuse"
if refusal.exists():
    print(refusal.read_text(), file=sys.stderr)
    sys.exit(1)
number = len(list(jobs.glob("*.json"))) + 1
(jobs / f"{{number}}.pdf").write_bytes(data)
(jobs / f"{{number}}.json").write_text(json.dumps({{"args": args, "LC_ALL": os.environ.get("LC_ALL")}}))
printer = args[args.index("-d") + 1] if "-d" in args else "default"
print(f"request id is {{printer}}-{{number}} (0 file(s))")
"""

POSIX_ONLY = pytest.mark.skipif(sys.platform == "win32", reason="the stand-in lp is a script with a #! line (POSIX)")


@dataclass(frozen=True)
class Job:
    args: list[str]
    pdf: bytes
    locale: str | None


@dataclass(frozen=True)
class FakeLp:
    folder: Path

    def jobs(self) -> list[Job]:
        found = sorted(self.folder.glob("*.json"), key=lambda path: int(path.stem))
        return [
            Job(record["args"], path.with_suffix(".pdf").read_bytes(), record["LC_ALL"])
            for path in found
            for record in [json.loads(path.read_text(encoding="utf-8"))]
        ]

    def refuse(self, message: str) -> None:
        (self.folder / "refuse").write_text(message, encoding="utf-8")

    def hang(self) -> None:
        (self.folder / "hang").touch()


def install_fake_lp(folder: Path, monkeypatch: pytest.MonkeyPatch) -> FakeLp:
    """`lp` first on PATH from now on (the rest of PATH stays, for everything else)."""
    bin_dir, jobs = folder / "fake-lp-bin", folder / "fake-lp-jobs"
    bin_dir.mkdir()
    jobs.mkdir()
    script = bin_dir / "lp"
    script.write_text(SCRIPT.format(python=sys.executable, jobs=str(jobs)), encoding="utf-8")
    script.chmod(0o755)
    monkeypatch.setenv("PATH", f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '')}")
    return FakeLp(jobs)
