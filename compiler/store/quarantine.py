"""The quarantine: rows that failed validation, with their raw content and every error.

Rows are written by the ingest (``ingest_writer.py``) and only read here.
The raw row, its errors (whose messages quote the values) and the file name
are sealed at rest and opened here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .audit import note
from .crypto import QUARANTINE_ERRORS, QUARANTINE_FILE, QUARANTINE_RAW, Keyring
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


def _entry(row: QuarantinedRow, keyring: Keyring) -> QuarantineEntry:
    return QuarantineEntry(
        row.id,
        keyring.open_text(row.file_name, QUARANTINE_FILE),
        row.line,
        row.batch_id,
        row.created_at,
        keyring.open_json(row.errors, QUARANTINE_ERRORS),
        keyring.open_text(row.raw, QUARANTINE_RAW),
    )


def list_quarantined(store: Store) -> list[QuarantineEntry]:
    """Every quarantined row, oldest first."""
    with store.session() as session:
        rows = session.scalars(select(QuarantinedRow).order_by(QuarantinedRow.id))
        found = [_entry(row, store.keyring) for row in rows]
    note(store, quarantine_read=[e.id for e in found])
    return found


def get_quarantined(store: Store, entry_id: int) -> QuarantineEntry | None:
    """Quarantined row number `entry_id`, or None."""
    with store.session() as session:
        row = session.get(QuarantinedRow, entry_id)
        found = _entry(row, store.keyring) if row is not None else None
    if found is not None:
        note(store, quarantine_read=found.id)
    return found
