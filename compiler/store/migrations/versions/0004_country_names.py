"""Country names set in the store (``hrdraft countries set XK "Kestria"``).

A new table, ``countries``: one row per ISO 3166-1 alpha-2 code an officer
has named, the name a draft prints for it, and when it was set. Names of
countries are not about anyone: they stay in clear, like the codes the
records' rows already carry.

Revision ID: 0004
Revises: 0003
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "countries",
        sa.Column("code", sa.String(2), primary_key=True, autoincrement=False),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("updated_at", sa.DateTime, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("countries")
