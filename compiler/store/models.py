"""The store's tables as SQLAlchemy models: batches, records, revisions, quarantine, versions.

The schema itself is owned by the Alembic migrations beside this module;
``tests/test_store_pg_smoke.py`` fails when the two disagree. Only the store
package uses these classes: its repositories hand everyone else plain data.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column


class Base(DeclarativeBase):
    pass


class Batch(Base):
    """One ingest of one file."""

    __tablename__ = "batches"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    file_name: Mapped[str] = mapped_column(Text)
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    format: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(DateTime)
    finished_at: Mapped[datetime | None] = mapped_column(DateTime, nullable=True)
    stored: Mapped[int] = mapped_column(Integer, default=0)
    revised: Mapped[int] = mapped_column(Integer, default=0)
    unchanged: Mapped[int] = mapped_column(Integer, default=0)
    quarantined: Mapped[int] = mapped_column(Integer, default=0)


class StoredRecord(Base):
    """The current state of one record, keyed by (source name, record id).

    The columns beside the keys are copies of the current revision's fields
    that selection filters on; the record itself lives in its revisions.
    """

    __tablename__ = "records"
    __table_args__ = (
        UniqueConstraint("source_name", "record_id", name="uq_records_source_id"),
        Index("ix_records_country_year", "country", "year"),
    )

    pk: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_name: Mapped[str] = mapped_column(String(300))
    record_id: Mapped[str] = mapped_column(String(200))
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
    data: Mapped[dict] = mapped_column(JSON)
    batch_id: Mapped[int | None] = mapped_column(ForeignKey("batches.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)


class QuarantinedRow(Base):
    """A row that failed validation, kept with its raw content and every error."""

    __tablename__ = "quarantine"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("batches.id"), index=True)
    file_name: Mapped[str] = mapped_column(Text)
    line: Mapped[int] = mapped_column(Integer)
    raw: Mapped[str] = mapped_column(Text)
    errors: Mapped[list] = mapped_column(JSON)
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
    content_hash: Mapped[str] = mapped_column(String(64))
    document: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default="compiled")
    author: Mapped[str] = mapped_column(Text, default="")
    message: Mapped[str] = mapped_column(Text, default="")
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("versions.id"), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime)
