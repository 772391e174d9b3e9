"""Drop the index on record_revisions.record_pk.

The unique constraint on (record_pk, revision) already serves every lookup
by record_pk; the second index only cost time on each ingest.

Revision ID: 0002
Revises: 0001
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index("ix_record_revisions_record_pk", table_name="record_revisions")


def downgrade() -> None:
    op.create_index("ix_record_revisions_record_pk", "record_revisions", ["record_pk"])
