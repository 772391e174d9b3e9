"""Batches: one row per ingest of one file, with what that ingest did.

Batches are written by the ingest (``ingest_writer.py``), in the file's own
transaction, and only read here.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

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


def _batch(row: Batch) -> IngestBatch:
    return IngestBatch(**{f: getattr(row, f) for f in IngestBatch.__dataclass_fields__})


def list_batches(store: Store) -> list[IngestBatch]:
    """Every batch, oldest first."""
    with store.session() as session:
        return [_batch(row) for row in session.scalars(select(Batch).order_by(Batch.id))]


def get_batch(store: Store, batch_id: int) -> IngestBatch | None:
    """Batch `batch_id`, or None."""
    with store.session() as session:
        row = session.get(Batch, batch_id)
        return _batch(row) if row is not None else None
