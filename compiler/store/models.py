"""The store's tables as SQLAlchemy models: batches, records, revisions, quarantine, versions,
reviews and review comments, the key check, the audit trail and the country names.

The schema itself is owned by the Alembic migrations beside this module;
``tests/test_store_pg_smoke.py`` fails when the two disagree. Only the store
package uses these classes: its repositories hand everyone else plain data.

Columns of type ``LargeBinary`` hold *sealed* values (``crypto.py``): what a
record says, who is in it, where it came from, a file's SHA-256. Columns ending in ``_key``,
``identity`` and the ``*_hash`` columns hold keyed hashes. What stays in
clear is what selection filters on: country, year, dates, categories,
sensitivity, revision numbers, report types, times and counts.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    Boolean,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Batch(Base):
    """One ingest of one file."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    # Sealed too: a plain hash of the file would let anyone confirm a guessed file.
    sha256: Mapped[bytes] = mapped_column(LargeBinary)
    format: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    revised: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)


class StoredRecord(Base):
    """The current state of one record, keyed by (source name, record id).

    Both can name a person (a defender as source, a submitter's id), so the
    table holds their lookup hashes, never the values: `identity` for (source,
    id), `record_key` for the id alone (``records show ID``). The columns
    beside them are copies of the current revision's fields that selection
    filters on; the record itself, source and id included, lives sealed in
    its revisions.
    """

    __tablename__ = "records"
    __table_args__ = (
        # One index serves both lookups (by id; by source and id) and the
        # uniqueness of (source, id), which `identity` alone determines.
        UniqueConstraint("record_key", "identity", name="uq_records_key_identity"),
        Index("ix_records_country_year", "country", "year"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    record_key: Mapped[str] = mapped_column(String(32))
    identity: Mapped[str] = mapped_column(String(32))
    country: Mapped[str] = mapped_column(String(2))
    year: Mapped[int] = mapped_column(Integer)
    event_start: Mapped[date | None] = mapped_column(Date, nullable=True)
    event_end: Mapped[date | None] = mapped_column(Date, nullable=True)
    sensitivity: Mapped[str] = mapped_column(String(20))
    # "|cat1|cat2|" so a category filter is one LIKE on any database.
    categories: Mapped[str] = mapped_column(Text, default="||")
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    updated_at: Mapped[datetime] = mapped_column(DateTime)


class RecordRevision(Base):
    """One submitted state of a record; never updated, never deleted."""

    __tablename__ = "record_revisions"
    __table_args__ = (UniqueConstraint("record_pk", "revision", name="uq_revision"),)

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    # Looked up through uq_revision (record_pk first): no index of its own.
    record_pk: Mapped[int] = mapped_column(ForeignKey("records.pk"))
    revision: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    data: Mapped[bytes] = mapped_column(LargeBinary)  # sealed: the record's canonical JSON
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class QuarantinedRow(Base):
    """A row that failed validation, kept with its raw content and every error."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    file_name: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    file_key: Mapped[str] = mapped_column(String(64), index=True)  # lookup hash of the name
    line: Mapped[int] = mapped_column(Integer)
    raw: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    errors: Mapped[bytes] = mapped_column(LargeBinary)  # sealed JSON (messages quote values)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class StoredVersion(Base):
    """An immutable draft version: the document tree and what it was made from."""

    __tablename__ = "versions"
    __table_args__ = (Index("ix_versions_report", "report_type", "country", "year", "audience"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    report_type: Mapped[str] = mapped_column(String(80))
    edition: Mapped[str] = mapped_column(String(80))
    country: Mapped[str] = mapped_column(String(2))
    year: Mapped[int] = mapped_column(Integer)
    audience: Mapped[str] = mapped_column(String(20))
    section: Mapped[str] = mapped_column(String(80), default="")
    fingerprint: Mapped[str] = mapped_column(String(64), index=True)
    content_hash: Mapped[str] = mapped_column(String(64))  # keyed
    document: Mapped[bytes] = mapped_column(LargeBinary)  # sealed: the tree's JSON
    origin: Mapped[str] = mapped_column(String(20), default="compiled")
    author: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    message: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
    # A three-way merge's other parents: parent_id is ours (the reviewer's),
    # base_id the compiled version ours started from, theirs_id the new compile.
    base_id: Mapped[int | None] = mapped_column(
        ForeignKey("versions.id", name="fk_versions_base_id"), nullable=True
    )
    theirs_id: Mapped[int | None] = mapped_column(
        ForeignKey("versions.id", name="fk_versions_theirs_id"), nullable=True
    )


class Review(Base):
    """One clearance state a version was put in: appended, never changed (``reviews.py``)."""

    __tablename__ = "reviews"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    state: Mapped[str] = mapped_column(String(20))  # in_review, returned, cleared
    author: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    comment: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    created_at: Mapped[datetime] = mapped_column(DateTime)


class ReviewComment(Base):
    """A reviewer's comment on a section, or on one paragraph of it, of a version.

    `block_index`, `block_key` and `text_hash` are NULL for a comment on the
    whole section. `block_key` is the paragraph's identity across versions and
    `text_hash` its words' hash when the comment was made, both keyed
    (``reviews.py``), so a comment follows its paragraph and shows as
    outdated once the words change.
    """

    __tablename__ = "review_comments"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("versions.id"), index=True)
    section: Mapped[str] = mapped_column(String(80))
    block_index: Mapped[int | None] = mapped_column(Integer, nullable=True)  # from 0
    block_key: Mapped[str | None] = mapped_column(String(64), nullable=True)
    text_hash: Mapped[str | None] = mapped_column(String(64), nullable=True)
    author: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    text: Mapped[bytes] = mapped_column(LargeBinary)  # sealed
    created_at: Mapped[datetime] = mapped_column(DateTime)
    resolved: Mapped[bool] = mapped_column(Boolean, default=False, server_default=false())


class StoreKey(Base):
    """One row: which kind of key opens this store, and its check value.

    The check value is an HMAC of a fixed label under a key derived from the
    master key: it tells a wrong key from damaged data, and reveals nothing
    about the key. `salt` is the passphrase's scrypt salt (empty for a key
    file).
    """

    __tablename__ = "store_key"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    scheme: Mapped[str] = mapped_column(String(40))
    kind: Mapped[str] = mapped_column(String(20))  # "file" or "passphrase"
    salt: Mapped[str] = mapped_column(String(64))
    kdf: Mapped[str] = mapped_column(String(80))
    check_value: Mapped[str] = mapped_column(String(64))
    created_at: Mapped[datetime] = mapped_column(DateTime)
    rotated_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)


class AuditEntry(Base):
    """One entry of the audit trail: appended, never changed (``audit.py``).

    `hash` is the chain: a keyed MAC of the previous entry's hash and this
    entry's content. Ids are consecutive, given by the appender.
    """

    __tablename__ = "audit_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    at: Mapped[datetime] = mapped_column(DateTime, index=True)
    action: Mapped[str] = mapped_column(String(80), index=True)
    details: Mapped[bytes] = mapped_column(LargeBinary)  # sealed JSON: who, what, which
    hash: Mapped[str] = mapped_column(String(64))


class AuditHead(Base):
    """One row: the newest audit entry's id and hash, under a MAC, so removing it shows."""

    __tablename__ = "audit_head"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_id: Mapped[int] = mapped_column(Integer)
    last_hash: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))


class CountryName(Base):
    """The name a draft prints for a country code, as set by ``hrdraft countries set``.

    In clear: a country's name is no more sensitive than its code.
    """

    __tablename__ = "countries"

    code: Mapped[str] = mapped_column(String(2), primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(200))
    updated_at: Mapped[datetime] = mapped_column(DateTime)
