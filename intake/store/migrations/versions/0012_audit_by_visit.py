"""An index on the audit log by visit and action: what a visit's own rows say, read without scanning the log.

The staff queue marks a visit imported from a response file ("answered before the
visit") by its `imported` audit row, for every visit it lists, each time it refreshes;
the log only grows. Nothing is stored anew: the rows were always written.

Revision ID: 0012
Revises: 0011
"""

from __future__ import annotations

from alembic import op

revision = "0012"
down_revision = "0011"


def upgrade() -> None:
    op.create_index("audit_visit_action", "audit", ["visit_id", "action"])


def downgrade() -> None:
    op.drop_index("audit_visit_action", table_name="audit")
