"""Amendments (answers staff changed on a patient's behalf, the original kept) and clinician notes.

Tables of their own: a visit's content hash covers a named set of visit columns, and
each amendment or note is an audited row of its own. Deleting a visit (discard, purge)
deletes its amendments and notes with it.

Revision ID: 0010
Revises: 0009
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0010"
down_revision = "0009"


def _visit_id() -> sa.Column[str]:
    return sa.Column("visit_id", sa.String(40), sa.ForeignKey("visits.id", ondelete="CASCADE"), nullable=False)


def upgrade() -> None:
    op.create_table(
        "amendments",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _visit_id(),
        sa.Column("staff_id", sa.String(80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("answer_key", sa.String(80), nullable=False),
        sa.Column("old_value", sa.Text, nullable=False),
        sa.Column("new_value", sa.Text, nullable=False),
        sa.Column("reason", sa.Text, nullable=False),
    )
    op.create_index("amendments_visit", "amendments", ["visit_id", "id"])
    op.create_table(
        "notes",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        _visit_id(),
        sa.Column("staff_id", sa.String(80), nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
    )
    op.create_index("notes_visit", "notes", ["visit_id", "id"])


def downgrade() -> None:
    op.drop_index("notes_visit", table_name="notes")
    op.drop_table("notes")
    op.drop_index("amendments_visit", table_name="amendments")
    op.drop_table("amendments")
