"""The quarantine: rows that failed validation, with their raw content and every error.

Rows are written by the ingest (``ingest_writer.py``) and only read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .engine import Store
from .models import QuarantinedRow


@dataclass(frozen=True)
class QuarantineEntry:
    """One quarantined row: where it came from, why it failed, what it said."""

    id: int
    file_name: str
    line: int
    batch_id: int
    created_at: datetime
    # Each error as {"field": ..., "message": ...}, in the order validation found them.
    errors: list[dict[str, str]]
    # The row as read, as JSON text (or the reader's text when it was not JSON).
    raw: str


def _entry(row: QuarantinedRow) -> QuarantineEntry:
    return QuarantineEntry(
        row.id, row.file_name, row.line, row.batch_id, row.created_at, row.errors, row.raw
    )


def list_quarantined(store: Store) -> list[QuarantineEntry]:
    """Every quarantined row, oldest first."""
    with store.session() as session:
        rows = session.scalars(select(QuarantinedRow).order_by(QuarantinedRow.id))
        return [_entry(row) for row in rows]


def get_quarantined(store: Store, entry_id: int) -> QuarantineEntry | None:
    """Quarantined row number `entry_id`, or None."""
    with store.session() as session:
        row = session.get(QuarantinedRow, entry_id)
        return _entry(row) if row is not None else None
