"""Stored records: current states, revision histories, and what a build may read.

Every function takes a :class:`~hrdraft.store.Store` and returns plain data:
:class:`CurrentRecord` and :class:`Revision` for the ``records`` commands,
validated :class:`~hrdraft.records.Record` objects for selection. The audience
rules themselves are not here (``hrdraft.select``): :func:`current_revisions`
loads exactly the sensitivities it is asked for.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import and_, or_, select

from ..records import Record
from .engine import Store
from .models import Batch, RecordRevision, StoredRecord


@dataclass(frozen=True)
class CurrentRecord:
    """A stored record's current revision, with the keys it is stored under."""

    source_name: str
    record_id: str
    country: str
    year: int
    sensitivity: str
    revision: int
    content_hash: str
    # The record in its JSON form (docs/records.md), as submitted and validated.
    data: dict[str, Any]


@dataclass(frozen=True)
class Revision:
    """One stored revision of a record, and the ingest (batch and file) that brought it."""

    revision: int
    content_hash: str
    created_at: datetime
    batch_id: int | None
    file_name: str | None
    data: dict[str, Any]


def _current_stmt():  # type: ignore[no-untyped-def]
    r = StoredRecord
    return select(
        r.source_name,
        r.record_id,
        r.country,
        r.year,
        r.sensitivity,
        r.revision,
        r.content_hash,
        RecordRevision.data,
    ).join(
        RecordRevision,
        (RecordRevision.record_pk == r.pk) & (RecordRevision.revision == r.revision),
    )


def list_current(
    store: Store,
    *,
    country: str | None = None,
    year: int | None = None,
    category: str | None = None,
    sensitivity: str | None = None,
) -> list[CurrentRecord]:
    """The current revision of every record matching each given filter.

    Ordered by country, year, id and source. `category` is one category id.
    """
    r = StoredRecord
    stmt = _current_stmt().order_by(r.country, r.year, r.record_id, r.source_name)
    if country:
        stmt = stmt.where(r.country == country.upper())
    if year is not None:
        stmt = stmt.where(r.year == year)
    if category:
        stmt = stmt.where(r.categories.contains(f"|{category}|", autoescape=True))
    if sensitivity:
        stmt = stmt.where(r.sensitivity == sensitivity)
    with store.session() as session:
        return [CurrentRecord(*row) for row in session.execute(stmt)]


def lookup(store: Store, record_id: str, source: str | None = None) -> list[CurrentRecord]:
    """The records stored under `record_id` (from `source`, if given), by source name.

    Identity is (source, id): without a source there may be several.
    """
    stmt = _current_stmt().where(StoredRecord.record_id == record_id)
    if source is not None:
        stmt = stmt.where(StoredRecord.source_name == source)
    stmt = stmt.order_by(StoredRecord.source_name)
    with store.session() as session:
        return [CurrentRecord(*row) for row in session.execute(stmt)]


def history(store: Store, source: str, record_id: str) -> list[Revision]:
    """Every revision of the record (source, id), oldest first; empty if there is none."""
    stmt = (
        select(
            RecordRevision.revision,
            RecordRevision.content_hash,
            RecordRevision.created_at,
            RecordRevision.batch_id,
            Batch.file_name,
            RecordRevision.data,
        )
        .join(StoredRecord, RecordRevision.record_pk == StoredRecord.pk)
        .outerjoin(Batch, RecordRevision.batch_id == Batch.id)
        .where(StoredRecord.source_name == source, StoredRecord.record_id == record_id)
        .order_by(RecordRevision.revision)
    )
    with store.session() as session:
        return [Revision(*row) for row in session.execute(stmt)]


def _in_period(start: date, end: date, year: int):  # type: ignore[no-untyped-def]
    """Dated records by event start; undated ones by their reporting year."""
    return or_(
        and_(StoredRecord.event_start >= start, StoredRecord.event_start <= end),
        and_(StoredRecord.event_start.is_(None), StoredRecord.year == year),
    )


def inputs_of(
    store: Store, country: str, period: tuple[date, date], year: int
) -> list[tuple[str, str, int, str]]:
    """(source, id, revision, sensitivity) of every record in scope, by source and id.

    A record is in scope of a period when its event starts in it, or, undated,
    when its reporting year is `year`. Cheap (no record contents), so an
    unchanged recompile can be detected without building anything.
    """
    stmt = (
        select(
            StoredRecord.source_name,
            StoredRecord.record_id,
            StoredRecord.revision,
            StoredRecord.sensitivity,
        )
        .where(StoredRecord.country == country, _in_period(*period, year))
        .order_by(StoredRecord.source_name, StoredRecord.record_id)
    )
    with store.session() as session:
        return [tuple(row) for row in session.execute(stmt)]  # type: ignore[misc]


def current_revisions(
    store: Store,
    country: str,
    period: tuple[date, date],
    year: int,
    sensitivities: Iterable[str],
) -> list[tuple[Record, int]]:
    """(record, revision) of the current revision of each record in scope (as
    :func:`inputs_of`) whose stored sensitivity is one of `sensitivities`.

    In no particular order. Records of other sensitivities are never read.
    """
    stmt = (
        select(RecordRevision.data, RecordRevision.revision)
        .join(
            StoredRecord,
            and_(
                RecordRevision.record_pk == StoredRecord.pk,
                RecordRevision.revision == StoredRecord.revision,
            ),
        )
        .where(
            StoredRecord.country == country,
            StoredRecord.sensitivity.in_(tuple(sensitivities)),
            _in_period(*period, year),
        )
    )
    with store.session() as session:
        return [(Record.model_validate(data), revision) for data, revision in session.execute(stmt)]


def countries_in_store(store: Store) -> list[str]:
    """Every country code with at least one stored record, in order."""
    stmt = select(StoredRecord.country).distinct().order_by(StoredRecord.country)
    with store.session() as session:
        return list(session.scalars(stmt))
