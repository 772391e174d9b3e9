"""The bulk-insert path of ``hrdraft ingest``: one file's batch, records, revisions and quarantine.

:func:`open_batch` opens one transaction for one file and records its batch;
the :class:`BulkWriter` it yields writes the file's chunks: for each chunk,
the (source, id) pairs are looked up in one query, and new records, changed
records, new revisions and quarantined rows are written with one
``executemany`` each, so memory stays flat however large the file is.
Ingest (``hrdraft.ingest``) reads, validates, hashes and counts; this module
only decides, from what the store holds, whether a validated record is new,
revised or unchanged, and writes it.

Writes go through the driver as plain SQL: building the statements with
SQLAlchemy per row cost more than validation (benchmarks/ingest.py).

Nothing is written in clear that names a record or says what it holds: a
record's (source, id) becomes its lookup hash, its canonical JSON is sealed,
its content hash keyed; a quarantined row, its errors and the file's name
are sealed (``crypto.py``). Sealing costs a few microseconds a record, next
to the hundred that validation and writing take.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import TYPE_CHECKING, Any

from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..records import Record, parse_partial_date
from .audit import note
from .crypto import (
    BATCH_FILE,
    BATCH_SHA256,
    QUARANTINE_ERRORS,
    QUARANTINE_FILE,
    QUARANTINE_RAW,
    REVISION_DATA,
)
from .keys import assert_current_key
from .models import Batch, QuarantinedRow, StoredRecord

if TYPE_CHECKING:
    from .crypto import Keyring
    from .engine import Store

# A validated record with its canonical JSON text and that text's SHA-256.
ValidRecord = tuple[Record, str, str]
# A row that failed validation: its line, its raw content as text, its errors
# as {"field": ..., "message": ...}.
BadRow = tuple[int, str, list[dict[str, str]]]

_RECORD_COLUMNS = (
    "identity",
    "record_key",
    "country",
    "year",
    "event_start",
    "event_end",
    "sensitivity",
    "categories",
    "revision",
    "content_hash",
    "updated_at",
)


class WriteConflict(Exception):
    """Another process stored one of this file's records first.

    The file's transaction was rolled back whole, so writing the file again
    sees theirs. Not a user error: the caller retries.
    """


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


@contextmanager
def open_batch(store: Store, *, file_name: str, sha256: str, format: str) -> Iterator[BulkWriter]:
    """One transaction for one file, with its batch row; commits when the block ends.

    An exception from the block rolls everything back, the batch included.
    A unique-key clash with another process raises :class:`WriteConflict`.
    """
    now = _now()
    batches = Batch.__table__
    keyring = store.keyring
    try:
        with store.engine.begin() as conn:
            batch_id = conn.execute(
                insert(batches).returning(batches.c.id),
                {
                    "file_name": keyring.seal_text(file_name, BATCH_FILE),
                    "sha256": keyring.seal_text(sha256, BATCH_SHA256),
                    "format": format,
                    "started_at": now,
                    "stored": 0,
                    "revised": 0,
                    "unchanged": 0,
                    "quarantined": 0,
                },
            ).scalar_one()
            assert_current_key(conn, keyring)
            yield BulkWriter(conn, batch_id, file_name, now, keyring)
    except IntegrityError as exc:
        raise WriteConflict(str(exc.orig)) from exc
    note(store, batches=batch_id, files=file_name)


@dataclass
class _Current:
    """What the store holds (or will hold, after this chunk) for one (source, id)."""

    pk: int | None  # None until a new record is inserted
    revision: int
    content_hash: str
    new: bool = False
    row: tuple[Any, ...] | None = None  # new values for the records table


class BulkWriter:
    """Writes the chunks of one file inside its transaction (see :func:`open_batch`)."""

    def __init__(
        self, conn: Connection, batch_id: int, file_name: str, now: datetime, keyring: Keyring
    ) -> None:
        self.conn, self.batch_id, self.file_name, self.now = conn, batch_id, file_name, now
        self.keyring = keyring
        self.file_key = keyring.lookup("file", file_name)
        dialect = conn.dialect
        mark = "?" if dialect.paramstyle == "qmark" else "%s"
        self.mark = mark
        columns = StoredRecord.__table__.c
        if dialect.name == "sqlite":
            # The text sqlite3's own date adapters would write, made once per
            # distinct value instead of once per row and column.
            self.date_value: Callable[[date], Any] = date.isoformat
            self.now_value: Any = now.isoformat(" ")
        else:
            self.date_value = columns.event_start.type.bind_processor(dialect) or (lambda v: v)
            self.now_value = (columns.updated_at.type.bind_processor(dialect) or (lambda v: v))(now)
        self.periods: dict[str, tuple[Any, Any]] = {}
        marks = ", ".join([mark] * len(_RECORD_COLUMNS))
        self.insert_record = f"INSERT INTO records ({', '.join(_RECORD_COLUMNS)}) VALUES ({marks})"
        self.update_record = (
            "UPDATE records SET "
            + ", ".join(f"{c} = {mark}" for c in _RECORD_COLUMNS[2:])
            + f" WHERE pk = {mark}"
        )
        self.insert_revision = (
            "INSERT INTO record_revisions (record_pk, revision, content_hash, data, batch_id, "
            f"created_at) VALUES ({mark}, {mark}, {mark}, {mark}, {mark}, {mark})"
        )

    # ---------------------------------------------------------------------
    # Records and revisions
    # ---------------------------------------------------------------------

    def store(self, valid: Sequence[ValidRecord]) -> tuple[int, int, int]:
        """Write one chunk of validated records; return how many were (new, revised, unchanged).

        A record is identified by (source name, id): the same digest again is
        unchanged (nothing written), another digest a new revision. Repeats
        within the chunk count one by one, in order.
        """
        lookup, keyed_digest = self.keyring.lookup, self.keyring.keyed_digest
        keyed = [
            (lookup("record", record.source.name, record.id), record, text, keyed_digest(digest))
            for record, text, digest in valid
        ]
        id_keys = {record.id: lookup("id", record.id) for _, record, _, _ in keyed}
        current = self._lookup(set(id_keys.values()))
        stored = revised = unchanged = 0
        revisions: list[tuple[str, int, str, str]] = []
        for key, record, text, digest in keyed:
            known = current.get(key)
            if known is not None and known.content_hash == digest:
                unchanged += 1
                continue
            if known is None:
                known = current[key] = _Current(None, 0, digest, new=True)
                stored += 1
            else:
                revised += 1
            known.revision += 1
            known.content_hash = digest
            known.row = self._record_row(key, id_keys[record.id], record, known.revision, digest)
            revisions.append((key, known.revision, digest, text))
        if not revisions:
            return stored, revised, unchanged
        new = [c for c in current.values() if c.new]
        if new:
            self._insert_new(new)
        changed = [(*c.row[2:], c.pk) for c in current.values() if c.row and not c.new]
        if changed:
            self.conn.exec_driver_sql(self.update_record, changed)
        batch_id, now, seal = self.batch_id, self.now_value, self.keyring.seal
        self.conn.exec_driver_sql(
            self.insert_revision,
            [
                (
                    current[key].pk,
                    revision,
                    digest,
                    seal(text.encode("utf-8"), REVISION_DATA),
                    batch_id,
                    now,
                )
                for key, revision, digest, text in revisions
            ],
        )
        return stored, revised, unchanged

    def _lookup(self, id_keys: set[str]) -> dict[str, _Current]:
        """What the store holds for the records with these id keys, by identity.

        One query, one search of the (record_key, identity) index per id; an
        id that several sources use brings each of their records.
        """
        # Plain SQL through the driver: building this statement with the ORM
        # for every chunk cost more than the query itself.
        marks = ", ".join([self.mark] * len(id_keys))
        sql = (
            "SELECT pk, identity, revision, content_hash FROM records "
            f"WHERE record_key IN ({marks})"
        )
        return {
            identity: _Current(pk, revision, content_hash)
            for pk, identity, revision, content_hash in self.conn.exec_driver_sql(
                sql, tuple(id_keys)
            )
        }

    def _insert_new(self, new: list[_Current]) -> None:
        """Insert new records and learn their primary keys."""
        rows = [c.row for c in new]
        if self.conn.dialect.name == "sqlite":
            # The transaction holds SQLite's only write lock, and a new rowid is
            # one more than the largest, so the rows get consecutive keys.
            self.conn.exec_driver_sql(self.insert_record, rows)
            last = self.conn.exec_driver_sql("SELECT max(pk) FROM records").scalar_one()
            for offset, c in enumerate(new):
                c.pk = last - len(new) + 1 + offset
        else:
            table = StoredRecord.__table__
            stmt = insert(table).returning(table.c.pk, sort_by_parameter_order=True)
            params = [dict(zip(_RECORD_COLUMNS, row, strict=True)) for row in rows]
            for c, pk in zip(new, self.conn.execute(stmt, params).scalars(), strict=True):
                c.pk = pk

    def _period(self, event_date: str | None) -> tuple[Any, Any]:
        if event_date is None:
            return None, None
        period = self.periods.get(event_date)
        if period is None:
            # Many records share a date: parse and convert each one once.
            if len(self.periods) > 10_000:
                self.periods.clear()
            start, end = parse_partial_date(event_date)
            period = self.periods[event_date] = (self.date_value(start), self.date_value(end))
        return period

    def _record_row(
        self, key: str, id_key: str, record: Record, revision: int, digest: str
    ) -> tuple[Any, ...]:
        """The records-table row, in _RECORD_COLUMNS order."""
        start, end = self._period(record.event_date)
        return (
            key,
            id_key,
            record.country,
            record.year,
            start,
            end,
            record.sensitivity,
            # "|cat1|cat2|" so a category filter is one LIKE on any database.
            "|" + "|".join(record.categories) + "|",
            revision,
            digest,
            self.now_value,
        )

    # ---------------------------------------------------------------------
    # Quarantine and the batch
    # ---------------------------------------------------------------------

    def quarantine(self, rows: Sequence[BadRow]) -> None:
        """Keep rows that failed validation, each once per (file, line, raw content).

        A row that failed the same way before (the same file ingested again)
        is not kept a second time.
        """
        q = QuarantinedRow.__table__.c
        keyring = self.keyring
        seen = {
            (line, keyring.open_text(raw, QUARANTINE_RAW))
            for line, raw in self.conn.execute(
                select(q.line, q.raw).where(
                    q.file_key == self.file_key, q.line.in_({line for line, _, _ in rows})
                )
            )
        }
        fresh = [
            {
                "batch_id": self.batch_id,
                "file_name": keyring.seal_text(self.file_name, QUARANTINE_FILE),
                "file_key": self.file_key,
                "line": line,
                "raw": keyring.seal_text(raw, QUARANTINE_RAW),
                "errors": keyring.seal_json(errors, QUARANTINE_ERRORS),
                "created_at": self.now,
            }
            for line, raw, errors in rows
            if (line, raw) not in seen
        ]
        if fresh:
            self.conn.execute(insert(QuarantinedRow.__table__), fresh)

    def finish(self, *, stored: int, revised: int, unchanged: int, quarantined: int) -> None:
        """Record the file's counts on its batch; the transaction commits when the block ends."""
        batches = Batch.__table__
        self.conn.execute(
            update(batches).where(batches.c.id == self.batch_id),
            {
                "finished_at": _now(),
                "stored": stored,
                "revised": revised,
                "unchanged": unchanged,
                "quarantined": quarantined,
            },
        )
