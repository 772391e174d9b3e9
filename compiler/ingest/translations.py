"""Translations back from a translator: the CSV of ``hrdraft translations export``, filled in.

Each filled row becomes a new revision of its record, the translation added
under its language, through the same validation and writing as any ingest
(one batch, format ``translations``): the translated text is held to the
same rules as a summary (control characters, size, the romanised name of a
person not named with consent), and a row that fails is quarantined with
its line and field, never dropped. A row whose record has changed since the
export (its title or summary are not the ones translated) is refused too:
the translation would be of text the record no longer has.

A row names its record by ``text_hash`` (:func:`sheet_key`): a hash keyed
with the store's key of the record's identity and the text translated. The
file's ``id`` and ``source`` columns are what an internal draft prints, so
a source or an id carrying the name of someone not named with consent is
replaced there, and a plain hash of the original text would let whoever
holds the file confirm a guessed name: the key makes both unnecessary.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputFileError
from ..plugins import Plugins
from ..records import Record
from ..store import Store
from ..store import records as stored_records
from ..store.crypto import Keyring
from ..store.ingest_writer import open_batch
from . import BatchResult, _sha256, _Validator, _write
from .messages import RowError
from .readers import csv_rows

__all__ = ["COLUMNS", "import_translations", "sheet_key"]

# The export's columns, in order; the translator fills the last two.
COLUMNS = (
    "source",
    "id",
    "country",
    "year",
    "language",
    "into",
    "revision",
    "text_hash",
    "title",
    "summary",
    "title_translation",
    "summary_translation",
)
# The columns an import reads (the others are for the translator).
_NEEDED = ("into", "text_hash", "summary_translation")


# The records a translator may be sent (confidential ones never are).
_SENT = ("public", "restricted")


def sheet_key(keyring: Keyring, source: str, record_id: str, record: Record) -> str:
    """What a row of the export names its record by: keyed, of its identity and its text."""
    return keyring.lookup("translation sheet", source, record_id, record.text_hash)


class _Records:
    """The records a row may name, by :func:`sheet_key`, read once per country."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.by_country: dict[str, dict[str, stored_records.CurrentRecord]] = {}

    def get(self, country: str, key: str) -> stored_records.CurrentRecord | None:
        if country not in self.by_country:
            found = stored_records.list_current(self.store, country=country or None)
            self.by_country[country] = {
                sheet_key(self.store.keyring, c.source_name, c.record_id, _record(c)): c
                for c in found
                if c.sensitivity in _SENT
            }
        return self.by_country[country].get(key)


def _record(current: stored_records.CurrentRecord) -> Record:
    return Record.model_validate(current.data)


def _row(
    path: str, line: int, cells: dict[str, Any], known: _Records
) -> tuple[Any, list[RowError]]:
    """The record with this row's translation added, or the row's errors."""

    def error(field: str, message: str) -> tuple[Any, list[RowError]]:
        return None, [RowError(path, line, field, message)]

    for column in ("into", "text_hash"):
        if not str(cells.get(column, "")).strip():
            return error(column, "empty; keep every column but the translations as exported")
    current = known.get(str(cells.get("country", "")).strip().upper(), cells["text_hash"].strip())
    if current is None:
        return error(
            "text_hash",
            "the record has changed since it was exported, or is no longer stored; "
            "export it again and translate the new text",
        )
    into = cells["into"].strip()
    translation = {"summary": cells["summary_translation"]}
    if cells.get("title_translation"):
        translation["title"] = cells["title_translation"]
    data = dict(current.data)
    data["translations"] = {**data.get("translations", {}), into: translation}
    return data, []


def import_translations(
    store: Store, plugins: Plugins, path: Path | str
) -> tuple[BatchResult, int]:
    """Store the translations a filled-in export gives; (what was stored, rows left blank).

    Raises InputFileError (nothing stored) for a file that is not such an
    export. The result counts revised records (one per translation stored),
    unchanged ones (the same translation again) and quarantined rows.
    """
    path = Path(path)
    name = str(path)
    if not path.is_file():
        raise InputFileError(name, "no such file" if not path.exists() else "not a file")
    header: list[str] = []

    def column(written: str) -> str:
        header.append(written)
        return written

    with path.open("rb") as file:
        rows = list(csv_rows(file, name, column))
    if not rows:
        raise InputFileError(
            name, "the file holds no rows", hint="export with `hrdraft translations export`"
        )
    missing = [c for c in _NEEDED if c not in header]
    if missing:
        raise InputFileError(
            name,
            f"not a translations export: no column {', '.join(map(repr, missing))}",
            line=1,
            hint="fill in the file `hrdraft translations export` writes, keeping its columns",
        )
    filled = [(line, r) for line, r in rows if r.get("summary_translation", "").strip()]
    sha = _sha256(path)
    with open_batch(store, file_name=name, sha256=sha, format="translations") as writer:
        result = BatchResult(name, writer.batch_id, "translations", sha)
        validator = _Validator(plugins, name)
        chunk: list[tuple[int, Any]] = []
        refused: list[tuple[int, Any, list[RowError]]] = []
        known = _Records(store)
        for line, cells in filled:
            data, errors = _row(name, line, cells, known)
            if errors:
                refused.append((line, cells, errors))
            else:
                chunk.append((line, data))
        valid, bad = validator.validate(chunk)
        _write(writer, result, valid, bad + refused)
        writer.finish(
            stored=result.stored,
            revised=result.revised,
            unchanged=result.unchanged,
            quarantined=result.quarantined,
        )
    return result, len(rows) - len(filled)
