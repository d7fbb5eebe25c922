"""How audit rows are linked and signed, and what `verify` finds wrong with a run of them.

A keyed row's hash is an HMAC-SHA256 under the audit key, so without that key nobody can
write a row, or recompute the chain after an edit, that verifies. Rows written before the
audit key existed are plain SHA-256 (scheme `sha256`) and are still checked as such; a
plain row may only come before the first keyed one, so a row appended or rewritten
without the key after that shows. What the key cannot show is a chain rewritten whole as
plain rows, or cut short at its end: an anchor (a head printed on a summary or kept by
staff) does.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from dataclasses import dataclass, field

GENESIS = "0" * 64
"""The previous hash of the first row, and the head of an empty log."""
KEYED = "hmac-sha256"
PLAIN = "sha256"
"""Rows written before the audit key: the scheme migration 0005 gave every existing row."""
SHORT_FORM = 16
"""Hex digits of a printed anchor: 64 bits, too many to find a row for by trying."""
MIN_KEY_LENGTH = 32
_ANCHOR = re.compile(f"[0-9a-f]{{{SHORT_FORM},64}}")


@dataclass(frozen=True)
class AuditKey:
    """The secret the chain is signed with; never printed (its repr leaves it out)."""

    secret: bytes = field(repr=False)

    @classmethod
    def from_text(cls, text: str) -> AuditKey | None:
        """The key as kept (64 hex digits when generated); None when too short to be one."""
        text = text.strip()
        return cls(text.encode("utf-8")) if len(text) >= MIN_KEY_LENGTH else None


@dataclass(frozen=True)
class AuditRow:
    seq: int
    at: str
    staff_id: str
    action: str
    visit_id: str | None
    rules_version: str | None
    prev_hash: str
    hash: str
    subject: str | None = None
    content: str | None = None
    """The visit's content hash once this row's change was made (`visit_content`); None on plain rows."""
    scheme: str = PLAIN


def plain_hash(row: AuditRow) -> str:
    """The subject joins the hashed fields only when present, so rows written before it existed still verify."""
    fields = [row.prev_hash, row.at, row.staff_id, row.action, row.visit_id or "", row.rules_version or ""]
    if row.subject is not None:
        fields.append(row.subject)
    return hashlib.sha256("\x1f".join(fields).encode("utf-8")).hexdigest()


def keyed_hash(key: AuditKey, row: AuditRow) -> str:
    """Every field but the hash, as one JSON array (no separator a value could contain)."""
    fields = [row.seq, row.prev_hash, row.at, row.staff_id, row.action, row.visit_id, row.rules_version, row.subject,
              row.content]
    message = json.dumps(fields, ensure_ascii=False).encode("utf-8")
    return hmac.new(key.secret, message, hashlib.sha256).hexdigest()


def short_anchor(head: str) -> str:
    """The head as printed on a summary and typed back to `verify`."""
    return head[:SHORT_FORM]


def parse_anchor(text: str) -> str:
    """An anchor as typed (full or short, any case); `ValueError` says what one looks like."""
    anchor = text.strip().lower()
    if not _ANCHOR.fullmatch(anchor):
        raise ValueError(f"an anchor is {SHORT_FORM} to 64 hex digits, as `intake audit anchor` prints it")
    return anchor


def anchor_problems(rows: list[AuditRow], anchor: str) -> list[str]:
    """An anchor that no row's hash starts with: the rows from it on were removed, or the log replaced."""
    if GENESIS.startswith(anchor) or any(row.hash.startswith(anchor) for row in rows):
        return []
    return [f"anchor {anchor}: not in the audit log (rows from it on were removed, or the log was replaced)"]


@dataclass
class _Walk:
    """What `chain_problems` has seen so far."""

    expected_prev: str = GENESIS
    expected_seq: int | None = None
    keyed: int = 0
    unsigned: set[str] = field(default_factory=set)
    """The problems of keyed rows whose HMAC does not match under this key."""


def chain_problems(rows: list[AuditRow], key: AuditKey) -> list[str]:
    """The breaks in a run of audit rows read in `seq` order.

    When not one keyed row verifies, the key is wrong (or every row was rewritten): that
    is said once rather than once per row.
    """
    walk = _Walk()
    problems: list[str] = []
    for row in rows:
        problems += _row_problems(row, key, walk)
        walk.expected_prev, walk.expected_seq = row.hash, row.seq + 1
    if walk.keyed and len(walk.unsigned) == walk.keyed:
        wrong_key = "no keyed row verifies with this audit key: it is not the key the log was written with"
        return [wrong_key] + [problem for problem in problems if problem not in walk.unsigned]
    return problems


def _row_problems(row: AuditRow, key: AuditKey, walk: _Walk) -> list[str]:
    problems = []
    if walk.expected_seq is not None and row.seq != walk.expected_seq:
        problems.append(f"seq {walk.expected_seq}: row missing (next row is {row.seq})")
    if row.prev_hash != walk.expected_prev:
        problems.append(f"seq {row.seq}: does not follow the previous row (a row was removed or changed)")
    changed = f"seq {row.seq}: contents changed after it was written"
    if row.scheme == KEYED:
        walk.keyed += 1
        if not hmac.compare_digest(row.hash, keyed_hash(key, row)):
            walk.unsigned.add(changed)
            problems.append(changed)
    elif row.scheme != PLAIN:
        problems.append(f"seq {row.seq}: unknown hash scheme {row.scheme!r}")
    elif walk.keyed:
        problems.append(f"seq {row.seq}: a plain SHA-256 row after keyed rows (written without the audit key)")
    elif row.hash != plain_hash(row):
        problems.append(changed)
    return problems
