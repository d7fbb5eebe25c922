"""The audit key as a recovery code: read aloud, written on paper, typed back at a restore.

Made keys are 64 hex digits, shown as 16 groups of 4 ("3f9a 0c1e ..."). Typed back, spaces
and dashes between the groups are ignored; a key of another shape (one a clinic chose and
gave in `INTAKE_AUDIT_KEY`) is taken as typed.
"""

from __future__ import annotations

import re

GROUP = 4
GROUPS_PER_LINE = 4
_SEPARATORS = re.compile(r"[\s-]+")
_HEX = re.compile(r"[0-9a-fA-F]+")


def recovery_code(key_text: str) -> list[str]:
    """The key in lines of `GROUPS_PER_LINE` groups of `GROUP` characters, for writing down."""
    groups = [key_text[start:start + GROUP] for start in range(0, len(key_text), GROUP)]
    return [" ".join(groups[start:start + GROUPS_PER_LINE]) for start in range(0, len(groups), GROUPS_PER_LINE)]


def key_from_recovery_code(typed: str) -> str:
    """The key a person typed, in groups or not: without separators when what remains is hex digits."""
    joined = _SEPARATORS.sub("", typed)
    return joined if _HEX.fullmatch(joined) else typed.strip()
