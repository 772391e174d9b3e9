"""Stored records: current states, revision histories, and what a build may read.

Every function takes a :class:`~hrdraft.store.Store` and returns plain data:
:class:`CurrentRecord` and :class:`Revision` for the ``records`` commands,
validated :class:`~hrdraft.records.Record` objects for selection. The audience
rules themselves are not here (``hrdraft.select``): :func:`current_revisions`
loads exactly the sensitivities it is asked for.

A record's source and id are not in the records table, only their lookup
hashes (``models.StoredRecord``): lookups hash what they are given, and the
values come from the record's sealed JSON, opened here.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

import orjson
from sqlalchemy import and_, or_, select

from ..records import Record
from .audit import note
from .crypto import BATCH_FILE, REVISION_DATA
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
    # Keyed: equal content, equal hashes, within this store and its current key.
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
        r.country, r.year, r.sensitivity, r.revision, r.content_hash, RecordRevision.data
    ).join(
        RecordRevision,
        (RecordRevision.record_pk == r.pk) & (RecordRevision.revision == r.revision),
    )


def _current(store: Store, stmt) -> list[CurrentRecord]:  # type: ignore[no-untyped-def]
    keyring = store.keyring
    found = []
    with store.session() as session:
        for country, year, sensitivity, revision, content_hash, sealed in session.execute(stmt):
            data = orjson.loads(keyring.open(sealed, REVISION_DATA))
            found.append(
                CurrentRecord(
                    data["source"]["name"],
                    data["id"],
                    country,
                    year,
                    sensitivity,
                    revision,
                    content_hash,
                    data,
                )
            )
    return found


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
    stmt = _current_stmt()
    if country:
        stmt = stmt.where(r.country == country.upper())
    if year is not None:
        stmt = stmt.where(r.year == year)
    if category:
        stmt = stmt.where(r.categories.contains(f"|{category}|", autoescape=True))
    if sensitivity:
        stmt = stmt.where(r.sensitivity == sensitivity)
    # Ids and sources are sealed, so the order is made here, not by the database.
    found = _current(store, stmt)
    found.sort(key=lambda c: (c.country, c.year, c.record_id, c.source_name))
    return found


def lookup(store: Store, record_id: str, source: str | None = None) -> list[CurrentRecord]:
    """The records stored under `record_id` (from `source`, if given), by source name.

    Identity is (source, id): without a source there may be several.
    """
    keyring = store.keyring
    stmt = _current_stmt().where(StoredRecord.record_key == keyring.lookup("id", record_id))
    if source is not None:
        stmt = stmt.where(StoredRecord.identity == keyring.lookup("record", source, record_id))
    found = sorted(_current(store, stmt), key=lambda c: c.source_name)
    note(store, records_read=[f"{c.source_name} / {c.record_id}" for c in found])
    return found


def history(store: Store, source: str, record_id: str) -> list[Revision]:
    """Every revision of the record (source, id), oldest first; empty if there is none."""
    keyring = store.keyring
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
        .where(
            StoredRecord.record_key == keyring.lookup("id", record_id),
            StoredRecord.identity == keyring.lookup("record", source, record_id),
        )
        .order_by(RecordRevision.revision)
    )
    with store.session() as session:
        return [
            Revision(
                revision,
                content_hash,
                created_at,
                batch_id,
                keyring.open_text(file_name, BATCH_FILE) if file_name is not None else None,
                orjson.loads(keyring.open(sealed, REVISION_DATA)),
            )
            for revision, content_hash, created_at, batch_id, file_name, sealed in session.execute(
                stmt
            )
        ]


def _in_period(start: date, end: date, year: int):  # type: ignore[no-untyped-def]
    """Dated records by event start; undated ones by their reporting year."""
    return or_(
        and_(StoredRecord.event_start >= start, StoredRecord.event_start <= end),
        and_(StoredRecord.event_start.is_(None), StoredRecord.year == year),
    )


def inputs_of(
    store: Store, country: str, period: tuple[date, date], year: int
) -> list[tuple[str, str, int, str]]:
    """(identity, id key, revision, sensitivity) of every record in scope, by identity.

    The first two are the lookup hashes of (source, id) and of the id (keyed:
    the same record, the same values, within this store and its current
    key), so a fingerprint of them changes exactly when the inputs do. A
    record is in scope of a period when its event starts in it, or, undated,
    when its reporting year is `year`. Cheap (nothing opened), so an
    unchanged recompile can be detected without building anything.
    """
    stmt = (
        select(
            StoredRecord.identity,
            StoredRecord.record_key,
            StoredRecord.revision,
            StoredRecord.sensitivity,
        )
        .where(StoredRecord.country == country, _in_period(*period, year))
        .order_by(StoredRecord.identity)
    )
    with store.session() as session:
        return [tuple(row) for row in session.execute(stmt)]  # type: ignore[misc]


def current_revisions(
    store: Store,
    country: str,
    period: tuple[date, date],
    year: int,
    sensitivities: Iterable[str],
    translate_into: str | None = None,
) -> list[tuple[Record, int]]:
    """(record, revision) of the current revision of each record in scope (as
    :func:`inputs_of`) whose stored sensitivity is one of `sensitivities`.

    In no particular order. Records of other sensitivities are never read.

    With `translate_into` (a language tag), a record in another language
    whose current revision has no translation into it gets the one an
    earlier revision has, if that revision's title and summary are the
    current ones: the translation was made of this very text. So a
    submitter sending the original again does not lose the translator's
    work, and a revised text never keeps a translation of the old one.
    """
    stmt = (
        select(RecordRevision.data, RecordRevision.revision, StoredRecord.pk)
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
    keyring = store.keyring
    with store.session() as session:
        found = [
            (Record.model_validate(orjson.loads(keyring.open(sealed, REVISION_DATA))), revision, pk)
            for sealed, revision, pk in session.execute(stmt)
        ]
        if translate_into is not None:
            found = _carry_translations(session, keyring, found, translate_into)
    return [(record, revision) for record, revision, _ in found]


def _same_language(a: str, b: str) -> bool:
    return a.split("-")[0].lower() == b.split("-")[0].lower()


def _carry_translations(session, keyring, found, language):  # type: ignore[no-untyped-def]
    """`found` with translations into `language` carried from earlier revisions (see above)."""
    wanting = {
        pk: (record, revision)
        for record, revision, pk in found
        if revision > 1
        and not _same_language(record.language, language)
        and not any(_same_language(t, language) for t in record.translations)
    }
    if not wanting:
        return found
    stmt = (
        select(RecordRevision.record_pk, RecordRevision.revision, RecordRevision.data)
        .where(RecordRevision.record_pk.in_(list(wanting)))
        .order_by(RecordRevision.record_pk, RecordRevision.revision.desc())
    )
    carried: dict[int, Record] = {}
    for pk, revision, sealed in session.execute(stmt):
        record, current = wanting[pk]
        if pk in carried or revision >= current:
            continue
        old = Record.model_validate(orjson.loads(keyring.open(sealed, REVISION_DATA)))
        if old.text_hash != record.text_hash:
            continue
        tags = [t for t in old.translations if _same_language(t, language)]
        if tags:
            translations = {**record.translations, tags[0]: old.translations[tags[0]]}
            carried[pk] = record.model_copy(update={"translations": translations})
    return [(carried.get(pk, record), revision, pk) for record, revision, pk in found]


def countries_in_store(store: Store) -> list[str]:
    """Every country code with at least one stored record, in order."""
    stmt = select(StoredRecord.country).distinct().order_by(StoredRecord.country)
    with store.session() as session:
        return list(session.scalars(stmt))
