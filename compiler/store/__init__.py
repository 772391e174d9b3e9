"""The store: SQLAlchemy models, the engine, and bringing the schema up to date.

An SQLite file in the working directory by default; ``--db URL`` or
``HRDRAFT_DB`` points at PostgreSQL instead (same code). The schema is owned
by the Alembic migrations in ``compiler/store/migrations/``: every command calls
:func:`open_store`, which upgrades to the newest revision first. hrdraft
processes keep no state of their own, so any number can share one server.
"""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

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
    create_engine,
    event,
    text,
)
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker

DEFAULT_DB_FILE = "hrdraft.sqlite"
MIGRATIONS = Path(__file__).with_name("migrations")


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


def database_url(url: str | None = None) -> str:
    """The URL to use: the argument, else ``HRDRAFT_DB``, else the default file."""
    url = url or os.environ.get("HRDRAFT_DB")
    if not url:
        return f"sqlite:///{Path.cwd() / DEFAULT_DB_FILE}"
    if "://" not in url:  # a bare path means an SQLite file
        return f"sqlite:///{Path(url).resolve()}"
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return url


def _sqlite_pragmas(dbapi_connection, _record) -> None:  # type: ignore[no-untyped-def]
    cursor = dbapi_connection.cursor()
    # WAL lets readers work while an ingest writes; foreign keys are off by default.
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


class Store:
    """An engine with an up-to-date schema and a session factory."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.session = sessionmaker(engine, expire_on_commit=False)

    @property
    def url(self) -> str:
        return self.engine.url.render_as_string(hide_password=True)

    def dispose(self) -> None:
        self.engine.dispose()


def open_store(url: str | None = None, *, upgrade: bool = True) -> Store:
    """Connect to the store, creating and migrating it as needed."""
    from sqlalchemy.exc import ArgumentError, OperationalError

    from ..errors import HrdraftError

    resolved = database_url(url)
    try:
        engine = create_engine(resolved)
    except (ArgumentError, ImportError) as exc:
        raise HrdraftError(
            f"cannot use database URL {resolved!r}: {exc}",
            "use sqlite:///PATH or postgresql://USER@HOST/DB",
        ) from None
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _sqlite_pragmas)
    try:
        if upgrade:
            upgrade_schema(engine)
        else:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
    except OperationalError as exc:
        raise HrdraftError(
            f"cannot open the store at {engine.url.render_as_string(hide_password=True)}: "
            f"{exc.orig}",
            "check --db / HRDRAFT_DB and that the server is running",
        ) from None
    return Store(engine)


def upgrade_schema(engine: Engine) -> None:
    """Run the Alembic migrations up to head (serialised on PostgreSQL)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as conn:
        if conn.dialect.name == "postgresql":
            # Many processes may start at once against one server.
            conn.execute(text("SELECT pg_advisory_xact_lock(7263340001)"))
        config.attributes["connection"] = conn
        command.upgrade(config, "head")
