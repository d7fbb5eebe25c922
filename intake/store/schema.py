"""Tables, written once for SQLite and PostgreSQL (Alembic migrations create them)."""

from __future__ import annotations

from sqlalchemy import (
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    false,
)

metadata = MetaData()

visits = Table(
    "visits",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("started", DateTime(timezone=True), nullable=False),
    Column("updated", DateTime(timezone=True), nullable=False),
    Column("finished", DateTime(timezone=True)),
    Column("status", String(20), nullable=False),
    Column("priority", Integer, nullable=False),
    Column("outcome", String(20)),
    Column("policy", String(60)),
    Column("rules_version", String(40)),
    Column("rules_hash", String(80)),
    Column("given_name", Text),
    Column("family_name", Text),
    Column("response", Text, nullable=False),
    Column("assessment", Text),
    Column("pdf", LargeBinary),
    Column("reviewed", Boolean, nullable=False, default=False),
    Column("reviewed_at", DateTime(timezone=True)),
    Column("reviewed_by", String(80)),
    Column("help_requested", Boolean, nullable=False, default=False, server_default=false()),
    Column("import_fingerprint", String(64)),
    Column("summary_failed", Boolean, nullable=False, default=False, server_default=false()),
    Column("date_of_birth", Date),
    Column("station", String(40)),
    Column("help_handled", Boolean, nullable=False, default=False, server_default=false()),
)
Index("visits_queue", visits.c.priority, visits.c.started)
Index("visits_started", visits.c.started)
Index("visits_import_fingerprint", visits.c.import_fingerprint, unique=True)

audit = Table(
    "audit",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("at", String(40), nullable=False),
    Column("staff_id", String(80), nullable=False),
    Column("action", String(20), nullable=False),
    Column("visit_id", String(40)),
    Column("rules_version", String(40)),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
    Column("subject", String(40)),
    Column("content", String(64)),
    Column("scheme", String(12), nullable=False, server_default="sha256"),
)
Index("audit_visit_action", audit.c.visit_id, audit.c.action)

staff = Table(
    "staff",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("name", Text, nullable=False),
    Column("role", String(10), nullable=False),
    Column("pin_hash", String(200), nullable=False),
    Column("active", Boolean, nullable=False),
    Column("failures", Integer, nullable=False),
    Column("locked_until", DateTime(timezone=True)),
    Column("created", DateTime(timezone=True), nullable=False),
    Column("lockouts", Integer, nullable=False, default=0, server_default="0"),
    Column("must_change_pin", Boolean, nullable=False, default=False, server_default=false()),
)

flags = Table(
    "flags",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("set_at", DateTime(timezone=True), nullable=False),
)
"""Facts about the store that must outlive any row they came from (an admin account was created)."""

alert_seen = Table(
    "alert_seen",
    metadata,
    Column("staff_id", String(80), primary_key=True),
    Column("visit_id", String(40), ForeignKey("visits.id", ondelete="CASCADE"), primary_key=True),
    Column("stamp", String(40), primary_key=True),
    Column("seen_at", DateTime(timezone=True), nullable=False),
)
"""A person tapped "Seen" on a visit's alert as the visit then was (its change stamp): silenced for them alone."""

amendments = Table(
    "amendments",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("visit_id", String(40), ForeignKey("visits.id", ondelete="CASCADE"), nullable=False),
    Column("staff_id", String(80), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("answer_key", String(80), nullable=False),
    Column("old_value", Text, nullable=False),
    Column("new_value", Text, nullable=False),
    Column("reason", Text, nullable=False),
)
"""Answers staff changed on a patient's behalf, the original kept: values as JSON (`null`: not answered)."""
Index("amendments_visit", amendments.c.visit_id, amendments.c.id)

notes = Table(
    "notes",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("visit_id", String(40), ForeignKey("visits.id", ondelete="CASCADE"), nullable=False),
    Column("staff_id", String(80), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("text", Text, nullable=False),
)
"""Clinician notes on a visit, staff only: printed as an addendum to its summary."""
Index("notes_visit", notes.c.visit_id, notes.c.id)
