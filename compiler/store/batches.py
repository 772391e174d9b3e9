"""Batches: one row per ingest of one file, with what that ingest did.

Batches are written by the ingest (``ingest_writer.py``), in the file's own
transaction, and only read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from .crypto import BATCH_FILE, BATCH_SHA256, Keyring
from .engine import Store
from .models import Batch


@dataclass(frozen=True)
class IngestBatch:
    """One ingest of one file: the file, its SHA-256, the reader, when, and the counts."""

    id: int
    file_name: str
    sha256: str
    format: str
    started_at: datetime
    finished_at: datetime | None
    stored: int
    revised: int
    unchanged: int
    quarantined: int


def _batch(row: Batch, keyring: Keyring) -> IngestBatch:
    fields = {f: getattr(row, f) for f in IngestBatch.__dataclass_fields__}
    fields["file_name"] = keyring.open_text(row.file_name, BATCH_FILE)
    fields["sha256"] = keyring.open_text(row.sha256, BATCH_SHA256)
    return IngestBatch(**fields)


def list_batches(store: Store) -> list[IngestBatch]:
    """Every batch, oldest first."""
    with store.session() as session:
        rows = session.scalars(select(Batch).order_by(Batch.id))
        return [_batch(row, store.keyring) for row in rows]


def get_batch(store: Store, batch_id: int) -> IngestBatch | None:
    """Batch `batch_id`, or None."""
    with store.session() as session:
        row = session.get(Batch, batch_id)
        return _batch(row, store.keyring) if row is not None else None
