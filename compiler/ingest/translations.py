"""Translations back from a translator: the CSV of ``hrdraft translations export``, filled in.

Each filled row becomes a new revision of its record, the translation added
under its language, through the same validation and writing as any ingest
(one batch, format ``translations``): the translated text is held to the
same rules as a summary (control characters, size, the romanised name of a
person not named with consent), and a row that fails is quarantined with
its line and field, never dropped. A row whose record has changed since the
export (its title or summary are not the ones translated) is refused too:
the translation would be of text the record no longer has.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..errors import InputFileError
from ..plugins import Plugins
from ..records import Record
from ..store import Store
from ..store import records as stored_records
from ..store.ingest_writer import open_batch
from . import BatchResult, _sha256, _Validator, _write
from .messages import RowError
from .readers import csv_rows

__all__ = ["COLUMNS", "import_translations"]

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
_NEEDED = ("source", "id", "into", "text_hash", "summary_translation")


def _row(path: str, line: int, cells: dict[str, Any], store: Store) -> tuple[Any, list[RowError]]:
    """The record with this row's translation added, or the row's errors."""

    def error(field: str, message: str) -> tuple[Any, list[RowError]]:
        return None, [RowError(path, line, field, message)]

    source, record_id = cells.get("source", ""), cells.get("id", "")
    found = stored_records.lookup(store, record_id, source)
    if not found:
        return error("id", f"no stored record {record_id!r} from {source!r}; check the row")
    current = found[0]
    record = Record.model_validate(current.data)
    if record.text_hash != cells.get("text_hash", ""):
        return error(
            "text_hash",
            f"the record has changed since it was exported (now revision {current.revision}); "
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
    with path.open("rb") as file:
        rows = list(csv_rows(file, name))
    if not rows:
        raise InputFileError(
            name, "the file holds no rows", hint="export with `hrdraft translations export`"
        )
    written = {k for _, r in rows for k in r}
    missing = [c for c in _NEEDED if c not in written and c != "summary_translation"]
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
        for line, cells in filled:
            data, errors = _row(name, line, cells, store)
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
