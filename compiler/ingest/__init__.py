"""Ingest: read input files, validate every row, and hand the store what to keep.

One file is one transaction and one batch. Rows stream through in chunks of
CHUNK_ROWS: each chunk is validated here (records, their canonical JSON and
its hash; failures with every error, worded for the submitter) and written by
the store's bulk writer (``hrdraft.store.ingest_writer``), so memory stays
flat however large the file is.

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
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import orjson
from pydantic import ValidationError

from ..errors import InputFileError
from ..outline import heading_words, missing_target_message
from ..records import Record, Vocabulary, parse_target
from ..store import Store
from ..store.ingest_writer import BulkWriter, ValidRecord, WriteConflict, open_batch
from .messages import RowError, row_errors
from .reading import (
    EXTRA_CELLS,
    Reader,
    UnreadableRow,
    WrittenList,
    _guarded,
    choose_reader,
    expand_paths,
)

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
    # Stored rows worth a second look (a section target the edition of the
    # record's year lacks): the row is kept, the summary says why to check it.
    warnings: list[RowError] = field(default_factory=list)

    @property
    def rows(self) -> int:
        return self.stored + self.revised + self.unchanged + self.quarantined

    @property
    def ok(self) -> bool:
        return self.quarantined == 0


# -------------------------------------------------------------------------
# Validating one file; the store writes it
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


def _chunks(rows: Iterator[tuple[int, Any]], size: int) -> Iterator[list[tuple[int, Any]]]:
    while chunk := list(islice(rows, size)):
        yield chunk


class _Validator:
    """Validates the rows of one file against the installed plugins' vocabulary."""

    def __init__(self, plugins: Plugins, path: str) -> None:
        self.path = path
        vocabulary: Vocabulary = plugins.vocabulary
        # Categories, figure names and section targets the installed plugins declare.
        self.context = plugins.validation_context
        # A category may be given by label too (Uwazi exports labels): label → id.
        self.category_ids = {c.label.casefold(): c.id for c in vocabulary.categories.values()}
        self.category_ids.update({i.casefold(): i for i in vocabulary.categories})
        self.known_ids = frozenset(vocabulary.categories)
        self.report_types = plugins.report_types
        self.warnings: list[RowError] = []

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

    def validate(
        self, chunk: list[tuple[int, Any]]
    ) -> tuple[list[ValidRecord], list[tuple[int, Any, list[RowError]]]]:
        """The chunk's records with their canonical text and its SHA-256, and its bad rows."""
        valid: list[ValidRecord] = []
        bad: list[tuple[int, Any, list[RowError]]] = []
        for line, raw in chunk:
            if isinstance(raw, UnreadableRow):  # a broken line: quarantined as it was written
                bad.append((line, raw, [RowError(self.path, line, "(line)", raw.message)]))
                continue
            try:
                record = Record.model_validate(self._categories(raw), context=self.context)
            except ValidationError as exc:
                bad.append((line, raw, row_errors(exc, self.path, line, raw)))
                continue
            if record.sections:
                self.warnings += target_warnings(record, self.report_types, self.path, line)
            canonical = canonical_json(record)
            valid.append((record, canonical.decode(), hashlib.sha256(canonical).hexdigest()))
        return valid, bad


def target_warnings(
    record: Record, report_types: dict[str, Any], path: str, line: int
) -> list[RowError]:
    """Warnings for `sections` targets the edition they are meant for lacks.

    ``hrr:1.c`` means the edition of the record's year, ``hrr@2023:1.c`` the
    2023 edition. A section id can mean something else in another edition
    (1.c is torture up to 2023, war crimes from 2024), so a target the meant
    edition lacks is never applied: a draft places the record by its
    categories. Worth a word now, not a rejected row: FILE:LINE: sections:
    the target, the edition whose outline lacks it, and what to write
    instead (:func:`missing_target_message`).
    """
    found = []
    for target in record.sections:
        report, edition_name, section = parse_target(target)
        report_type = report_types.get(report)
        if report_type is None:
            continue  # not installed here: cannot be checked
        if edition_name is None:
            edition = report_type.edition_for(record.year)
        else:
            edition = report_type.edition(edition_name)
        if edition is None or section not in edition.section_ids():
            message = missing_target_message(report_type, target, record.year)
        elif edition_name is None and _means_otherwise(report_type, edition, section):
            # Valid, but the same id is another heading in another edition
            # (1.c: torture up to 2023, war crimes from 2024): say which is meant.
            spec = edition.find(section)
            message = (
                f"{target!r} is {spec.title!r} in {report} edition {edition.name} (the "
                f"edition of the record's year {record.year}), another heading in other "
                f"editions; write {report}@{edition.name}:{section} to confirm, or "
                "name the edition you meant"
            )
        else:
            continue
        found.append(RowError(path, line, "sections", message))
    return found


def _means_otherwise(report_type: Any, edition: Any, section: str) -> bool:
    """Whether `section` of `edition` is another topic in another edition.

    Judged by the headings' words: "Freedom of the Press" (2024 2.a) is the
    topic of "Freedom of Expression, Including for Members of the Press"
    (2023 2.a); "War Crimes, ..." (2024 1.c) shares nothing with "Torture
    and Other Cruel, ..." (2023 1.c).
    """
    words = heading_words(edition.find(section).title)
    return any(
        (other := e.find(section)) is not None and not words & heading_words(other.title)
        for e in report_type.editions
        if e.name != edition.name
    )


def _write(
    writer: BulkWriter,
    result: BatchResult,
    valid: list[ValidRecord],
    bad: list[tuple[int, Any, list[RowError]]],
) -> None:
    """Hand one validated chunk to the store and count what it did."""
    if valid:
        stored, revised, unchanged = writer.store(valid)
        result.stored += stored
        result.revised += revised
        result.unchanged += unchanged
    if bad:
        result.quarantined += len(bad)
        for _, _, errors in bad:
            room = MAX_REPORTED_ERRORS - len(result.errors)
            result.errors += errors[: max(room, 0)]
        writer.quarantine(
            [
                (
                    line,
                    raw.text
                    if isinstance(raw, UnreadableRow)
                    else json.dumps(raw, ensure_ascii=False, default=str),
                    [{"field": e.field, "message": e.message} for e in errors],
                )
                for line, raw, errors in bad
            ]
        )


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
    except WriteConflict:
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
    with (
        open_batch(store, file_name=name, sha256=sha, format=reader.name) as writer,
        path.open("rb") as file,
    ):
        result = BatchResult(name, writer.batch_id, reader.name, sha)
        validator = _Validator(plugins, name)
        for chunk in _chunks(_guarded(reader.read(file, name), reader, name), CHUNK_ROWS):
            _write(writer, result, *validator.validate(chunk))
            room = max(MAX_REPORTED_ERRORS - len(result.warnings), 0)
            result.warnings += validator.warnings[:room]
            validator.warnings = []
            if progress is not None:
                progress(file.tell(), size)
        if result.rows == 0:
            raise InputFileError(
                name, "the file holds no records", hint="check that the export finished"
            )
        writer.finish(
            stored=result.stored,
            revised=result.revised,
            unchanged=result.unchanged,
            quarantined=result.quarantined,
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
    "UnreadableRow",
    "WrittenList",
    "canonical_json",
    "choose_reader",
    "expand_paths",
    "ingest_file",
    "ingest_paths",
    "record_schema",
    "row_errors",
]
