"""The quarantine: rows that failed validation, with their raw content and every error.

Rows are written by the ingest (``ingest_writer.py``); here they are read,
told apart as resolved or not, and cleared. The raw row, its errors (whose
messages quote the values) and the file name are sealed at rest and opened
here.

A row is **resolved** once a later ingest (a later batch) stored a revision
of the record it is a bad copy of: the same (source name, id). The store
keeps no flag for it: it is worked out when the quarantine is read, from the
revisions' batches, so it holds however the fix arrived (the same file
corrected, or another file). A row whose raw content names no id and source
(a broken JSON Lines line) is never resolved: clear it by its batch.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select

from ..records import clean_text
from . import audit
from .audit import note
from .crypto import QUARANTINE_ERRORS, QUARANTINE_FILE, QUARANTINE_RAW, Keyring
from .engine import Store
from .keys import assert_current_key
from .models import QuarantinedRow, RecordRevision, StoredRecord

# Identities looked up per query (the IN list stays well within every driver's limit).
_LOOKUP_CHUNK = 500


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
    # The later batch that stored the record this row is a bad copy of, if any.
    resolved_by: int | None = None

    @property
    def resolved(self) -> bool:
        return self.resolved_by is not None


def identity_of(raw: str) -> tuple[str, str] | None:
    """The (source name, id) a raw row is for, cleaned as ingest cleans them; None if unsaid."""
    try:
        value: Any = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return None
    source = value.get("source")
    name = source.get("name") if isinstance(source, dict) else None
    record_id = value.get("id")
    if not isinstance(name, str) or not isinstance(record_id, str | int):
        return None
    name, record_id = clean_text(name).strip(), clean_text(str(record_id)).strip()
    return (name, record_id) if name and record_id else None


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


def _stored_batches(session: Any, identities: Iterable[str]) -> dict[str, list[int]]:
    """The batches that stored a revision of each record, by the record's identity hash."""
    found: dict[str, list[int]] = {}
    wanted = sorted(set(identities))
    for start in range(0, len(wanted), _LOOKUP_CHUNK):
        chunk = wanted[start : start + _LOOKUP_CHUNK]
        rows = session.execute(
            select(StoredRecord.identity, RecordRevision.batch_id)
            .join(RecordRevision, RecordRevision.record_pk == StoredRecord.pk)
            .where(StoredRecord.identity.in_(chunk), RecordRevision.batch_id.is_not(None))
        )
        for identity, batch_id in rows:
            found.setdefault(identity, []).append(batch_id)
    return found


def _with_resolution(
    session: Any, keyring: Keyring, entries: list[QuarantineEntry]
) -> list[QuarantineEntry]:
    """The entries, each with the first later batch that stored its record (if one did)."""
    keys: dict[int, str] = {}
    for entry in entries:
        identity = identity_of(entry.raw)
        if identity is not None:
            keys[entry.id] = keyring.lookup("record", *identity)
    stored = _stored_batches(session, keys.values())
    out = []
    for entry in entries:
        later = [b for b in stored.get(keys.get(entry.id, ""), ()) if b > entry.batch_id]
        out.append(replace(entry, resolved_by=min(later)) if later else entry)
    return out


def list_quarantined(
    store: Store, *, batch: int | None = None, unresolved: bool = False
) -> list[QuarantineEntry]:
    """Quarantined rows, oldest first: all, or those of one `batch`, or only the `unresolved`."""
    with store.session() as session:
        stmt = select(QuarantinedRow).order_by(QuarantinedRow.id)
        if batch is not None:
            stmt = stmt.where(QuarantinedRow.batch_id == batch)
        found = [_entry(row, store.keyring) for row in session.scalars(stmt)]
        found = _with_resolution(session, store.keyring, found)
    if unresolved:
        found = [e for e in found if not e.resolved]
    note(store, quarantine_read=[e.id for e in found])
    return found


def get_quarantined(store: Store, entry_id: int) -> QuarantineEntry | None:
    """Quarantined row number `entry_id`, or None."""
    with store.session() as session:
        row = session.get(QuarantinedRow, entry_id)
        if row is None:
            return None
        found = _with_resolution(session, store.keyring, [_entry(row, store.keyring)])[0]
    note(store, quarantine_read=found.id)
    return found


def clear_quarantined(
    store: Store, *, batch: int | None = None, resolved: bool = False, dry_run: bool = False
) -> list[int]:
    """Delete the quarantined rows of `batch` and/or the `resolved` ones; return their numbers.

    At least one filter is required (clearing everything is `batch` by
    `batch`). Audited with the filters and the row numbers, never content.
    `dry_run`: say which rows, delete nothing.
    """
    if batch is None and not resolved:
        raise ValueError("clear_quarantined needs batch or resolved")
    keyring = store.keyring
    with store.session() if dry_run else store.session.begin() as session:
        stmt = select(QuarantinedRow).order_by(QuarantinedRow.id)
        if batch is not None:
            stmt = stmt.where(QuarantinedRow.batch_id == batch)
        entries = [_entry(row, keyring) for row in session.scalars(stmt)]
        if resolved:
            entries = [e for e in _with_resolution(session, keyring, entries) if e.resolved]
        ids = [e.id for e in entries]
        if dry_run or not ids:
            return ids
        assert_current_key(session.connection(), keyring)
        for start in range(0, len(ids), _LOOKUP_CHUNK):
            chunk = ids[start : start + _LOOKUP_CHUNK]
            session.execute(delete(QuarantinedRow).where(QuarantinedRow.id.in_(chunk)))
    audit.record(
        store,
        action="quarantine clear",
        details={"batch": batch, "resolved": resolved, "cleared": len(ids), "rows": ids},
    )
    return ids
