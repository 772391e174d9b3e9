"""Audience rules: which records a draft for one country, period and audience may use.

* confidential records are never loaded for a build;
* a public draft uses only public records, an internal one public and
  restricted records;
* every record loaded is made safe by the name scrubber (``names.py``)
  before any plugin sees it.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import and_, or_, select

from ..document import Audience, Cite
from ..records import Record
from ..store import RecordRevision, Store, StoredRecord
from .names import make_safe

# Sensitivity levels each audience may use. Confidential is in neither.
ALLOWED: dict[str, tuple[str, ...]] = {
    "public": ("public",),
    "internal": ("public", "restricted"),
}

EXCLUDED_REASON = {
    "confidential": "confidential",
    "restricted": "restricted (internal drafts only)",
}


@dataclass(frozen=True)
class SelectedRecord:
    """A stored record as a draft for this audience may use it."""

    record: Record
    revision: int

    @property
    def id(self) -> str:
        return self.record.id

    @property
    def cite(self) -> Cite:
        return Cite(record=self.record.id, revision=self.revision)

    @property
    def sort_key(self) -> tuple[str, str]:
        return (self.record.event_date or "9999", self.record.id)


@dataclass(frozen=True)
class Selection:
    """What a build may use, and counts (never contents) of what it may not."""

    items: list[SelectedRecord]
    excluded: dict[str, int] = field(default_factory=dict)
    persons_unnamed: int = 0
    persons_removed: int = 0


def _in_period(start: date, end: date, year: int):  # type: ignore[no-untyped-def]
    """Dated records by event start; undated ones by their reporting year."""
    return or_(
        and_(StoredRecord.event_start >= start, StoredRecord.event_start <= end),
        and_(StoredRecord.event_start.is_(None), StoredRecord.year == year),
    )


def inputs_of(
    store: Store, country: str, period: tuple[date, date], year: int
) -> list[tuple[str, str, int, str]]:
    """(source, id, revision, sensitivity) of every record in scope: the build's inputs.

    Cheap (no record contents), so an unchanged recompile can be detected
    without building anything.
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


def select_records(
    store: Store,
    country: str,
    period: tuple[date, date],
    year: int,
    audience: Audience,
) -> Selection:
    """The records a draft for `audience` may use, made safe, in event order."""
    allowed = ALLOWED[audience]
    excluded: Counter[str] = Counter()
    for _, _, _, sensitivity in inputs_of(store, country, period, year):
        if sensitivity not in allowed:
            excluded[EXCLUDED_REASON[sensitivity]] += 1
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
            StoredRecord.sensitivity.in_(allowed),
            _in_period(*period, year),
        )
    )
    items: list[SelectedRecord] = []
    unnamed = removed = 0
    with store.session() as session:
        for data, revision in session.execute(stmt):
            record = Record.model_validate(data)
            if record.sensitivity not in allowed:  # belt and braces: trust the data
                excluded[EXCLUDED_REASON[record.sensitivity]] += 1
                continue
            safe, n_unnamed, n_removed = make_safe(record)
            unnamed += n_unnamed
            removed += n_removed
            items.append(SelectedRecord(safe, revision))
    items.sort(key=lambda item: item.sort_key)
    return Selection(items, dict(excluded), unnamed, removed)
