"""Ingest: read input files, validate every row, store records and quarantine the rest.

One file is one transaction and one batch. Rows stream through in chunks:
each chunk is validated, its (source, id) pairs are looked up in one query,
and new records, new revisions and quarantined rows are written with one
bulk statement each, so memory stays flat however large the file is.

Identity and revisions: a record is identified by (source name, id). The
same content again is *unchanged* (nothing written); changed content is a new
revision, and every revision is kept. Ingesting an identical file twice
stores nothing new; the second run is still recorded as a batch (that the
file was seen again), and rows that fail again are not quarantined twice.
"""

from __future__ import annotations

import gc
import hashlib
import json
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import ValidationError
from sqlalchemy import insert, select, update
from sqlalchemy.engine import Connection
from sqlalchemy.exc import IntegrityError

from ..errors import InputFileError
from ..records import Record, Vocabulary, parse_partial_date
from ..store import Batch, QuarantinedRow, Store, StoredRecord
from .messages import RowError, row_errors
from .reading import EXTRA_CELLS, Reader, _guarded, choose_reader, expand_paths

if TYPE_CHECKING:
    from ..plugins import Plugins

CHUNK_ROWS = 1000
# Errors kept on a BatchResult for the summary; the quarantine table has them all.
MAX_REPORTED_ERRORS = 1000

Progress = Callable[[int, int], None]


@dataclass
class BatchResult:
    """What one file's ingest did (also stored as a row of ``batches``)."""

    path: str
    batch_id: int
    format: str
    sha256: str = ""
    stored: int = 0
    revised: int = 0
    unchanged: int = 0
    quarantined: int = 0
    # The first MAX_REPORTED_ERRORS; `hrdraft quarantine list` has every one.
    errors: list[RowError] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.stored + self.revised + self.unchanged + self.quarantined

    @property
    def ok(self) -> bool:
        return self.quarantined == 0


# -------------------------------------------------------------------------
# Writing one file
# -------------------------------------------------------------------------

_CANONICAL = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def canonical_json(record: Record) -> bytes:
    """The UTF-8 text a record's content hash is taken of: its JSON form, keys sorted.

    Byte for byte ``json.dumps(record.model_dump(mode="json"), sort_keys=True,
    ensure_ascii=False, separators=(",", ":"))``; orjson writes the same text
    several times faster (the hot path of ingest). It refuses integers beyond
    64 bits, which the standard encoder then handles.
    """
    data = record.model_dump(mode="json")
    try:
        return orjson.dumps(data, option=orjson.OPT_SORT_KEYS)
    except orjson.JSONEncodeError:
        return _CANONICAL.encode(data).encode()


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def _chunks(rows: Iterator[tuple[int, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    while chunk := list(islice(rows, size)):
        yield chunk


_RECORD_COLUMNS = (
    "source_name",
    "record_id",
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


@dataclass
class _Current:
    """What the store holds (or will hold, after this chunk) for one (source, id)."""

    pk: int | None  # None until a new record is inserted
    revision: int
    content_hash: str
    new: bool = False
    row: tuple[Any, ...] | None = None  # new values for the records table


class _FileWriter:
    """Validates and writes the chunks of one file inside its transaction."""

    def __init__(
        self, conn: Connection, plugins: Plugins, result: BatchResult, now: datetime
    ) -> None:
        self.conn, self.result, self.now = conn, result, now
        vocabulary: Vocabulary = plugins.vocabulary
        self.vocabulary = vocabulary
        # Categories, figure names and section targets the installed plugins declare.
        self.context = plugins.validation_context
        # A category may be given by label too (Uwazi exports labels): label → id.
        self.category_ids = {c.label.casefold(): c.id for c in vocabulary.categories.values()}
        self.category_ids.update({i.casefold(): i for i in vocabulary.categories})
        self.known_ids = frozenset(vocabulary.categories)
        # Writes go through the driver as plain executemany: building the
        # statements with SQLAlchemy per row cost more than validation.
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
        # The canonical text is stored as it is, not serialised a second time.
        data = f"CAST({mark} AS JSON)" if dialect.name == "postgresql" else mark
        self.insert_revision = (
            "INSERT INTO record_revisions (record_pk, revision, content_hash, data, batch_id, "
            f"created_at) VALUES ({mark}, {mark}, {mark}, {data}, {mark}, {mark})"
        )

    def _categories(self, raw: Any) -> Any:
        cats = raw.get("categories") if isinstance(raw, dict) else None
        if not isinstance(cats, list):
            return raw
        try:
            if self.known_ids.issuperset(cats):
                return raw
        except TypeError:  # an unhashable item: validation will say what is wrong
            return raw
        fixed = [
            self.category_ids.get(c.strip().casefold(), c) if isinstance(c, str) else c
            for c in cats
        ]
        return {**raw, "categories": fixed}

    def write(self, chunk: list[tuple[int, Any]]) -> None:
        valid: list[tuple[tuple[str, str], Record, str, str]] = []
        bad: list[tuple[int, Any, list[RowError]]] = []
        for line, raw in chunk:
            try:
                record = Record.model_validate(self._categories(raw), context=self.context)
            except ValidationError as exc:
                bad.append((line, raw, row_errors(exc, self.result.path, line)))
                continue
            canonical = canonical_json(record)
            digest = hashlib.sha256(canonical).hexdigest()
            valid.append(((record.source.name, record.id), record, canonical.decode(), digest))
        if valid:
            self._store(valid)
        if bad:
            self._quarantine(bad)

    def _lookup(self, keys: set[tuple[str, str]]) -> dict[tuple[str, str], _Current]:
        """What the store holds for `keys`: one query, each source's ids an index search."""
        ids_by_source: dict[str, list[str]] = {}
        for source, record_id in keys:
            ids_by_source.setdefault(source, []).append(record_id)
        # Plain SQL through the driver: building this statement with the ORM
        # for every chunk cost more than the query itself.
        mark = self.mark
        terms, params = [], []
        for source, ids in ids_by_source.items():
            terms.append(
                f"(source_name = {mark} AND record_id IN ({', '.join([mark] * len(ids))}))"
            )
            params += [source, *ids]
        sql = (
            "SELECT pk, source_name, record_id, revision, content_hash FROM records WHERE "
            + " OR ".join(terms)
        )
        return {
            (source, record_id): _Current(pk, revision, content_hash)
            for pk, source, record_id, revision, content_hash in self.conn.exec_driver_sql(
                sql, tuple(params)
            )
        }

    def _store(self, valid: list[tuple[tuple[str, str], Record, str, str]]) -> None:
        current = self._lookup({key for key, *_ in valid})
        revisions: list[tuple[tuple[str, str], int, str, str]] = []
        for key, record, text, digest in valid:
            known = current.get(key)
            if known is not None and known.content_hash == digest:
                self.result.unchanged += 1
                continue
            if known is None:
                known = current[key] = _Current(None, 0, digest, new=True)
                self.result.stored += 1
            else:
                self.result.revised += 1
            known.revision += 1
            known.content_hash = digest
            known.row = self._record_row(key, record, known.revision, digest)
            revisions.append((key, known.revision, digest, text))
        if not revisions:
            return
        new = {key: c for key, c in current.items() if c.new}
        if new:
            self._insert_new(list(new.values()))
        changed = [(*c.row[2:], c.pk) for c in current.values() if c.row and not c.new]
        if changed:
            self.conn.exec_driver_sql(self.update_record, changed)
        batch_id, now = self.result.batch_id, self.now_value
        self.conn.exec_driver_sql(
            self.insert_revision,
            [
                (current[key].pk, revision, digest, text, batch_id, now)
                for key, revision, digest, text in revisions
            ],
        )

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
        self, key: tuple[str, str], record: Record, revision: int, digest: str
    ) -> tuple[Any, ...]:
        """The records-table row, in _RECORD_COLUMNS order."""
        start, end = self._period(record.event_date)
        return (
            key[0],
            key[1],
            record.country,
            record.year,
            start,
            end,
            record.sensitivity,
            "|" + "|".join(record.categories) + "|",
            revision,
            digest,
            self.now_value,
        )

    def _quarantine(self, bad: list[tuple[int, Any, list[RowError]]]) -> None:
        result = self.result
        result.quarantined += len(bad)
        for _, _, errors in bad:
            room = MAX_REPORTED_ERRORS - len(result.errors)
            result.errors += errors[: max(room, 0)]
        q = QuarantinedRow.__table__.c
        rows = [
            (line, json.dumps(raw, ensure_ascii=False, default=str), errors)
            for line, raw, errors in bad
        ]
        # A row that failed the same way before (the same file again) is kept once.
        seen = {
            (line, raw)
            for line, raw in self.conn.execute(
                select(q.line, q.raw).where(
                    q.file_name == result.path, q.line.in_({line for line, _, _ in rows})
                )
            )
        }
        fresh = [
            {
                "batch_id": result.batch_id,
                "file_name": result.path,
                "line": line,
                "raw": raw,
                "errors": [{"field": e.field, "message": e.message} for e in errors],
                "created_at": self.now,
            }
            for line, raw, errors in rows
            if (line, raw) not in seen
        ]
        if fresh:
            self.conn.execute(insert(QuarantinedRow.__table__), fresh)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        while block := f.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def ingest_file(
    store: Store,
    plugins: Plugins,
    path: Path | str,
    *,
    format: str | None = None,
    progress: Progress | None = None,
) -> BatchResult:
    """Validate and store one file in one transaction; return what happened.

    Raises InputFileError (nothing stored) for a file that cannot be read at
    all. `progress`, if given, is called after each chunk with (bytes read,
    file size).
    """
    path = Path(path)
    name = str(path)
    reader = choose_reader(plugins, path, format)
    if not path.is_file():
        raise InputFileError(name, "no such file" if not path.exists() else "not a file")
    size = path.stat().st_size
    if size == 0:
        raise InputFileError(name, "the file is empty", hint="check that the export finished")
    sha = _sha256(path)
    # The long-lived objects (modules, schemas, plugins) need no rescanning by
    # the cycle collector while millions of short-lived rows go by: freezing
    # them makes a large ingest about a third faster.
    gc.freeze()
    try:
        return _ingest(store, plugins, path, reader, sha, size, progress)
    except IntegrityError:
        # Another process stored one of these records first; our transaction
        # was rolled back whole, so running it again sees theirs.
        return _ingest(store, plugins, path, reader, sha, size, progress)
    finally:
        gc.unfreeze()


def _ingest(
    store: Store,
    plugins: Plugins,
    path: Path,
    reader: Reader,
    sha: str,
    size: int,
    progress: Progress | None,
) -> BatchResult:
    name = str(path)
    now = _now()
    batches = Batch.__table__
    with store.engine.begin() as conn, path.open("rb") as file:
        batch_id = conn.execute(
            insert(batches).returning(batches.c.id),
            {
                "file_name": name,
                "sha256": sha,
                "format": reader.name,
                "started_at": now,
                "stored": 0,
                "revised": 0,
                "unchanged": 0,
                "quarantined": 0,
            },
        ).scalar_one()
        result = BatchResult(name, batch_id, reader.name, sha)
        writer = _FileWriter(conn, plugins, result, now)
        for chunk in _chunks(_guarded(reader.read(file, name), reader, name), CHUNK_ROWS):
            writer.write(chunk)
            if progress is not None:
                progress(file.tell(), size)
        if result.rows == 0:
            raise InputFileError(
                name, "the file holds no records", hint="check that the export finished"
            )
        conn.execute(
            update(batches).where(batches.c.id == batch_id),
            {
                "finished_at": _now(),
                "stored": result.stored,
                "revised": result.revised,
                "unchanged": result.unchanged,
                "quarantined": result.quarantined,
            },
        )
    return result


def ingest_paths(
    store: Store,
    plugins: Plugins,
    paths: Iterable[Path | str],
    *,
    format: str | None = None,
    progress: Progress | None = None,
) -> list[BatchResult]:
    """Ingest each file (directories: the files in them a reader claims), in order.

    Each file is its own transaction; an unreadable file raises
    InputFileError, and files before it stay stored.
    """
    return [
        ingest_file(store, plugins, p, format=format, progress=progress)
        for p in expand_paths(plugins, paths)
    ]


def record_schema() -> str:
    """The JSON Schema of the record form, as published in docs/record.schema.json."""
    return json.dumps(Record.model_json_schema(), indent=2, ensure_ascii=False) + "\n"


__all__ = [
    "EXTRA_CELLS",
    "BatchResult",
    "Reader",
    "RowError",
    "canonical_json",
    "choose_reader",
    "expand_paths",
    "ingest_file",
    "ingest_paths",
    "record_schema",
    "row_errors",
]
