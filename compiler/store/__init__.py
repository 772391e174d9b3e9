"""The store: the only place in hrdraft with SQL.

An SQLite file in the working directory by default; ``--db URL`` or
``HRDRAFT_DB`` points at PostgreSQL instead (same code). hrdraft processes
keep no state of their own, so any number can share one server.

* ``engine.py``: :func:`open_store`, :class:`Store`, :func:`database_url`;
  the schema is brought up to date by the Alembic migrations in
  ``migrations/`` whenever a store is opened;
* ``crypto.py``: sealing (AES-256-GCM) and keyed hashes, with keys derived
  from the store's master key; ``keys.py``: where that key comes from (a
  key file, 0600, beside an SQLite database by default; or a passphrase)
  and checking it; ``rotation.py``: a new key for every sealed value;
  ``files.py``: the database and key files private (0600, folders 0700);
* ``models.py``: the tables as SQLAlchemy models (re-exported here);
* repositories, one per thing, functions that take a :class:`Store` and
  return plain data (or :class:`~hrdraft.records.Record`,
  :class:`~hrdraft.store.versions.Version`), never rows or sessions:
  ``records.py`` (current records, revisions, what a build may read),
  ``quarantine.py``, ``batches.py``, ``versions.py``, ``reviews.py``
  (clearance states and comments), ``audit.py`` (the hash-chained audit
  trail), and ``ingest_writer.py``, the bulk-insert path
  of ``hrdraft ingest``. Everything they return is in clear: sealing and
  opening happen here and nowhere else.

Callers import the repository they need: ``from hrdraft.store import records``.
"""

from __future__ import annotations

from .engine import DEFAULT_DB_FILE, MIGRATIONS, Store, database_url, open_store, upgrade_schema
from .keys import StoreKeyError
from .models import (
    AuditEntry,
    AuditHead,
    Base,
    Batch,
    QuarantinedRow,
    RecordRevision,
    StoredRecord,
    StoredVersion,
    StoreKey,
)

__all__ = [
    "DEFAULT_DB_FILE",
    "MIGRATIONS",
    "AuditEntry",
    "AuditHead",
    "Base",
    "Batch",
    "QuarantinedRow",
    "RecordRevision",
    "Store",
    "StoreKey",
    "StoreKeyError",
    "StoredRecord",
    "StoredVersion",
    "database_url",
    "open_store",
    "upgrade_schema",
]
