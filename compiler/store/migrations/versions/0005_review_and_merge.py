"""Review and merge: clearance states, reviewers' comments, a merge's other parents.

* versions: `base_id` and `theirs_id` (nullable, to versions.id): a merged
  version's base (the compiled version the reviewer started from) and theirs
  (the new compile from the records); `parent_id` stays "ours";
* new table `reviews`: one row per clearance state a version was put in
  (in_review, returned, cleared), who put it there and why, both sealed;
* new table `review_comments`: a reviewer's comment on a section or on one
  paragraph (`block_index`, from 0) of a version. `block_key` is the
  paragraph's identity across versions and `text_hash` the hash of its words
  when the comment was made (both keyed hashes, ``hrdraft.store.reviews``: a
  plain hash of a paragraph would let anyone confirm a guessed text); the
  author and the comment are sealed.

Revision ID: 0005
Revises: 0004
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    # Batch mode: SQLite cannot add a foreign key with ALTER TABLE, so the
    # table is rebuilt there (which needs the constraints named); PostgreSQL
    # gets plain ALTERs.
    with op.batch_alter_table("versions") as batch:
        batch.add_column(
            sa.Column(
                "base_id",
                sa.Integer,
                sa.ForeignKey("versions.id", name="fk_versions_base_id"),
                nullable=True,
            )
        )
        batch.add_column(
            sa.Column(
                "theirs_id",
                sa.Integer,
                sa.ForeignKey("versions.id", name="fk_versions_theirs_id"),
                nullable=True,
            )
        )
    op.create_table(
        "reviews",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False, index=True
        ),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("author", sa.LargeBinary, nullable=False),  # sealed
        sa.Column("comment", sa.LargeBinary, nullable=False),  # sealed
        sa.Column("created_at", sa.DateTime, nullable=False),
    )
    op.create_table(
        "review_comments",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column(
            "version_id", sa.Integer, sa.ForeignKey("versions.id"), nullable=False, index=True
        ),
        sa.Column("section", sa.String(80), nullable=False),
        sa.Column("block_index", sa.Integer, nullable=True),  # from 0; NULL: the whole section
        sa.Column("block_key", sa.String(64), nullable=True),  # keyed
        sa.Column("text_hash", sa.String(64), nullable=True),  # keyed
        sa.Column("author", sa.LargeBinary, nullable=False),  # sealed
        sa.Column("text", sa.LargeBinary, nullable=False),  # sealed
        sa.Column("created_at", sa.DateTime, nullable=False),
        sa.Column("resolved", sa.Boolean, nullable=False, server_default=sa.false()),
    )


def downgrade() -> None:
    op.drop_table("review_comments")
    op.drop_table("reviews")
    with op.batch_alter_table("versions") as batch:
        batch.drop_column("theirs_id")
        batch.drop_column("base_id")
