"""The built-in input formats: CSV, JSON, JSON Lines, YAML and Uwazi's CSV export.

Each reader turns one open binary file into ``(line, raw row)`` pairs in the
JSON record form of docs/records.md; validating the rows is ingest's job, so a
reader passes on whatever it finds (an unknown column stays in the row under
its own name and validation reports it). A broken JSON Lines line is yielded
as an :class:`~hrdraft.ingest.reading.UnreadableRow`, quarantined as it is; a
file that cannot be read at all (not UTF-8, broken quoting, invalid JSON)
raises InputFileError naming the line. CSV headers are read in any case, and
lists built from columns (``persons.1.*``, Uwazi's ``victims``) remember the
column each item came from (:class:`~hrdraft.ingest.reading.WrittenList`), so
errors name it. Every reader streams: memory does not grow with the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import os
import re
from collections.abc import Callable, Iterable, Iterator
from datetime import date, datetime
from functools import lru_cache
from typing import Any, BinaryIO

import orjson

from ..errors import InputFileError
from ..plugins import hookimpl
from ..records import Citation, Person, Record, Source
from .reading import EXTRA_CELLS, Reader, UnreadableRow, WrittenList

# Fields whose CSV cell holds several values separated by "|".
LIST_FIELDS = frozenset({"categories", "sections"})
# Fields that hold a list of objects, addressed in CSV as persons.0.name.
OBJECT_LIST_FIELDS = frozenset({"persons"})

_UTF8_HINT = "re-save the file as UTF-8 (in a spreadsheet: Save As → 'CSV UTF-8')"


# -------------------------------------------------------------------------
# Text: UTF-8 lines with a line number, and a clear error for anything else
# -------------------------------------------------------------------------


def utf8_lines(file: BinaryIO, path: str) -> Iterator[tuple[int, str]]:
    """``(line number, text)`` for each line of a UTF-8 file (a BOM is dropped).

    Raises InputFileError naming the line and byte when the file is not UTF-8.
    """
    for number, raw in enumerate(file, 1):
        if number == 1:
            if raw.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
                raise InputFileError(path, "the file is UTF-16, not UTF-8", line=1, hint=_UTF8_HINT)
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            yield number, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise _decode_error(path, raw, exc, number) from None


def _decode_error(path: str, data: bytes, exc: UnicodeDecodeError, line: int) -> InputFileError:
    """Which byte on which line is not UTF-8; `line` is that of data[0]."""
    line_start = data.rfind(b"\n", 0, exc.start) + 1
    return InputFileError(
        path,
        f"byte 0x{data[exc.start]:02x} at byte {exc.start - line_start + 1} of the line is "
        "not UTF-8 (the file looks like it was saved in another encoding, e.g. Latin-1 "
        "or Windows-1252)",
        line=line + data.count(b"\n", 0, exc.start),
        hint=_UTF8_HINT,
    )


# -------------------------------------------------------------------------
# CSV
# -------------------------------------------------------------------------


def _delimiter(header: str) -> str:
    """The delimiter of a header row: whichever of , ; TAB it uses most."""
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def csv_rows(
    file: BinaryIO, path: str, column: Callable[[str], str] | None = None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """``(first line of the row, {column: cell})`` for each data row; empty cells left out.

    The delimiter (``,``, ``;`` or tab) is taken from the header row; `column`,
    if given, maps each header name to the one the row uses (the field it
    names, whatever its case). Cells beyond the header are kept under
    :data:`hrdraft.ingest.EXTRA_CELLS`, so validation reports them instead of
    losing them.
    """
    lines = utf8_lines(file, path)
    first = next(lines, None)
    if first is None:
        return
    text = (line for _, line in _chain_first(first, lines))
    reader = csv.reader(text, delimiter=_delimiter(first[1]), strict=True)
    try:
        header = [name.strip() for name in next(reader)]
        seen: dict[str, str] = {}
        for i, written in enumerate(header):
            name = column(written) if (column and written) else written
            if name and name in seen:
                twice = (
                    f"column {name!r} appears twice in the header"
                    if seen[name] == written
                    else f"columns {seen[name]!r} and {written!r} name the same field {name!r}"
                )
                raise InputFileError(path, twice, line=1, hint="rename or merge one of them")
            seen[name] = written
            header[i] = name or f"(unnamed column {i + 1})"
        end = reader.line_num
        for cells in reader:
            start, end = end + 1, reader.line_num
            if not any(cell.strip() for cell in cells):
                continue  # a blank line holds nothing to lose
            row = {name: cell for name, cell in zip(header, cells, strict=False) if cell.strip()}
            extra = [cell for cell in cells[len(header) :] if cell.strip()]
            if extra:
                row[EXTRA_CELLS] = extra
            yield start, row
    except csv.Error as exc:
        raise InputFileError(
            path,
            f"broken CSV: {exc}",
            line=reader.line_num,
            hint="a cell holding the delimiter, a quote or a line break must be in double "
            'quotes, with any quote inside it doubled ("")',
        ) from None


def _chain_first(
    first: tuple[int, str], rest: Iterable[tuple[int, str]]
) -> Iterator[tuple[int, str]]:
    yield first
    yield from rest


def nest(flat: dict[str, Any]) -> dict[str, Any]:
    """A flat CSV row with dotted column names as a nested record.

    ``source.name`` → ``{"source": {"name": ...}}``, ``persons.0.name`` →
    ``{"persons": [{"name": ...}]}``; ``categories`` and ``sections`` split on
    ``|``. A column that does not fit (``source`` beside ``source.name``)
    stays flat under its own name, so validation names it.
    """
    out: dict[str, Any] = {}
    for key, value in flat.items():
        if key in LIST_FIELDS and isinstance(value, str):
            value = [v.strip() for v in value.split("|") if v.strip()]
        parts = key.split(".")
        node = out
        fits = True
        for part in parts[:-1]:
            child = node.setdefault(part, {})
            if not isinstance(child, dict):
                fits = False
                break
            node = child
        if fits and not isinstance(node.get(parts[-1]), dict):
            node[parts[-1]] = value
        else:
            out[key] = value
    for name in OBJECT_LIST_FIELDS:
        items = out.get(name)
        if isinstance(items, dict) and all(k.isdigit() for k in items):
            # Compacted (persons.1 alone is the first person), but each item
            # remembers the columns it came from, so errors name persons.1.
            order = sorted(items, key=int)
            out[name] = WrittenList.of((items[k] for k in order), (f"{name}.{k}" for k in order))
    return out


# The record's nested objects, addressed in CSV as source.name, persons.0.name.
_NESTED_MODELS = {"source": Source, "citation": Citation, "persons": Person}


@lru_cache(maxsize=8)
def _field_names(model: type) -> dict[str, str]:
    """A model's field names by their case-folded form."""
    return {f.casefold(): f for f in model.model_fields}  # type: ignore[attr-defined]


@lru_cache(maxsize=4096)
def csv_column(name: str) -> str:
    """The field path a CSV header names, case ignored: ``ID`` → ``id``, ``Source.Name`` →
    ``source.name``, ``Figures.Prosecutions`` → ``figures.prosecutions``.

    A part that names no field is kept as written, so validation names the
    column as the submitter wrote it (and suggests the nearest field).
    """
    parts = name.split(".")
    top = _field_names(Record).get(parts[0].casefold())
    if top is None:
        return name
    parts[0] = top
    nested = _NESTED_MODELS.get(top)
    if nested is not None and len(parts) == (3 if top in OBJECT_LIST_FIELDS else 2):
        parts[-1] = _field_names(nested).get(parts[-1].casefold(), parts[-1])
    elif top == "figures" and len(parts) == 2:
        parts[1] = parts[1].lower()  # figure names are lower case: prosecutions, adherents_x
    return ".".join(parts)


def read_csv(file: BinaryIO, path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Flat CSV, one record per row, dotted column names for nested fields (any case)."""
    for line, row in csv_rows(file, path, csv_column):
        yield line, nest(row)


# -------------------------------------------------------------------------
# JSON Lines and JSON
# -------------------------------------------------------------------------


def _json_error(path: str, exc: json.JSONDecodeError, line: int) -> InputFileError:
    return InputFileError(
        path,
        f"invalid JSON: {exc.msg} (column {exc.colno})",
        line=line,
        hint="no line of the file is a JSON object: a .jsonl file holds one record per "
        "line; a JSON array of records goes in a .json file",
    )


# Broken lines before the first line that parses are held back: a file none
# of whose lines parse is not JSON Lines at all (a pretty-printed .json file,
# say) and gets one error, as any unreadable file does.
MAX_HELD_LINES = 1000


def _broken_line(path: str, raw: bytes, number: int) -> tuple[InputFileError, UnreadableRow]:
    """What is wrong with a line orjson refused: as a file error and as a row error.

    A line that is not UTF-8 raises: the whole file was saved in another
    encoding, and every line of it is suspect.
    """
    if number == 1:
        next(utf8_lines(io.BytesIO(raw), path))  # names a UTF-16 file as such
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _decode_error(path, raw, exc, number) from None
    text = text.rstrip("\r\n")  # so a line cut short is reported at its end
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        error = _json_error(path, exc, number)
        problem = f"{exc.msg} (column {exc.colno})"
    except RecursionError:
        error = InputFileError(path, "JSON nested too deeply", line=number)
        problem = "nested too deeply"
    else:  # pragma: no cover - orjson and json disagree: a bug to report
        raise InputFileError(path, "orjson refused a line the json module reads", line=number)
    row = UnreadableRow(
        text,
        f"line {number} is not valid JSON: {problem}; check for a missing comma or quote, "
        "or a trailing comma, then ingest the file again (its other lines were read)",
    )
    return error, row


def read_jsonl(file: BinaryIO, path: str) -> Iterator[tuple[int, Any]]:
    """One JSON object per line; blank lines skipped; a broken line as an UnreadableRow.

    orjson parses the bytes directly (the hot path of a large ingest); a line
    it refuses is decoded again by the standard library for a precise message.
    A line that is not JSON is yielded as :class:`UnreadableRow` (ingest
    quarantines it and stores the others); a file none of whose lines is
    JSON raises InputFileError for its first line.
    """
    held: list[tuple[int, UnreadableRow]] = []
    first_error: InputFileError | None = None
    parsed = False
    for number, raw in enumerate(file, 1):
        if number == 1:
            raw = raw.removeprefix(codecs.BOM_UTF8)
        try:
            value = orjson.loads(raw)
        except orjson.JSONDecodeError:
            if not raw.strip():
                continue
            error, row = _broken_line(path, raw, number)
            if parsed:
                yield number, row
                continue
            held.append((number, row))
            first_error = first_error or error
            if len(held) >= MAX_HELD_LINES:
                raise first_error from None
            continue
        if not parsed:
            parsed = True
            yield from held
            held.clear()
        yield number, value
    if first_error is not None and not parsed:
        raise first_error


_WS = re.compile(r"[ \t\r\n]*")
_CHUNK = 1 << 16


class _JSONArrayStream:
    """The items of a top-level JSON array, decoded a chunk at a time.

    The standard decoder's ``raw_decode`` parses each item from a sliding
    buffer, so memory holds one item and one chunk, and each item keeps the
    line it starts on (streaming parsers such as ijson report no positions).
    """

    def __init__(self, file: BinaryIO, path: str) -> None:
        self.file, self.path = file, path
        self.decoder = codecs.getincrementaldecoder("utf-8-sig")()
        self.decode = json.JSONDecoder().raw_decode
        self.buf = ""
        self.pos = 0
        self.line = 1  # line of buf[0]
        self.eof = False
        self.bytes_line = 1  # line of the next undecoded byte, for encoding errors

    def _more(self) -> bool:
        if self.eof:
            return False
        data = self.file.read(_CHUNK)
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as exc:
            raise _decode_error(self.path, data, exc, self.bytes_line) from None
        self.bytes_line += data.count(b"\n")
        self.eof = not data
        # Drop what is parsed so the buffer stays one item long.
        self.line += self.buf.count("\n", 0, self.pos)
        self.buf = self.buf[self.pos :] + text
        self.pos = 0
        return True

    def _line_at(self, pos: int) -> int:
        return self.line + self.buf.count("\n", 0, pos)

    def _skip_ws(self) -> str:
        """The next non-blank character ('' at the end of the file)."""
        while True:
            self.pos = _WS.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def _fail(self, message: str, pos: int | None = None) -> InputFileError:
        return InputFileError(
            self.path,
            f"invalid JSON: {message}",
            line=self._line_at(self.pos if pos is None else pos),
            hint="a .json file holds one array of records: [ {...}, {...} ]; "
            "check for a missing comma or quote, or a trailing comma",
        )

    def _value(self) -> tuple[int, Any]:
        while True:
            start = self.pos
            try:
                value, end = self.decode(self.buf, start)
            except json.JSONDecodeError as exc:
                # An item cut at the chunk's end parses once the next chunk is in.
                cut = exc.msg.startswith("Unterminated string") or exc.pos >= len(self.buf) - 8
                if cut and self._more():
                    continue
                raise self._fail(exc.msg, exc.pos) from None
            if end == len(self.buf) and self._more():
                continue  # a number may go on in the next chunk
            line = self._line_at(start)
            self.pos = end
            return line, value

    def __iter__(self) -> Iterator[tuple[int, Any]]:
        first = self._skip_ws()
        if first == "":
            return
        if first != "[":
            raise self._fail(
                "the file must hold one array of records, starting with '['"
                + ("; for one object per line use a .jsonl file" if first == "{" else "")
            )
        self.pos += 1
        if self._skip_ws() == "]":
            self.pos += 1
        else:
            while True:
                yield self._value()
                c = self._skip_ws()
                self.pos += 1
                if c == "]":
                    break
                if c != ",":
                    raise self._fail("expected ',' or ']' after a record", self.pos - 1)
                if self._skip_ws() == "]":
                    raise self._fail("trailing comma before ']'")
        if self._skip_ws() != "":
            raise self._fail("text after the closing ']'")


def read_json(file: BinaryIO, path: str) -> Iterator[tuple[int, Any]]:
    """A top-level JSON array of records, streamed."""
    return iter(_JSONArrayStream(file, path))


# -------------------------------------------------------------------------
# YAML
# -------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """YAML's dates as the ISO text the record form uses."""
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    return value


# YAML is parsed whole (node tree, then records): past this a file is refused.
YAML_LIMIT = 50_000_000


def read_yaml(file: BinaryIO, path: str) -> Iterator[tuple[int, Any]]:
    """A YAML list of records, or one record per document (``---``).

    Items are built one at a time from the parsed node tree; a single list
    document is parsed whole, which suits the hand-written files YAML is for.
    Aliases (``*name``) are refused where they stand, before any expansion.
    """
    import yaml

    from ..safe_yaml import NoAliasLoader

    try:
        size = os.fstat(file.fileno()).st_size
    except (OSError, ValueError, io.UnsupportedOperation):  # not a file on disk (a test's bytes)
        size = 0
    if size > YAML_LIMIT:
        raise InputFileError(
            path,
            f"is {size / 1e6:,.0f} MB; a YAML file is read whole, and the limit is "
            f"{YAML_LIMIT // 1_000_000} MB",
            hint="export large sets as JSON Lines (.jsonl), which is read row by row",
        )
    loader = NoAliasLoader(file)
    try:
        while loader.check_node():
            node = loader.get_node()
            if node is None:
                continue
            items = node.value if isinstance(node, yaml.SequenceNode) else [node]
            for item in items:
                yield item.start_mark.line + 1, _plain(loader.construct_document(item))
    except yaml.reader.ReaderError as exc:
        raise InputFileError(
            path, f"character {exc.character!r} is not UTF-8", hint=_UTF8_HINT
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        raise InputFileError(
            path,
            f"invalid YAML: {exc.problem or exc.context}",
            line=mark.line + 1 if mark else None,
            hint="check indentation and quoting (quote text containing ': ' or '#')",
        ) from None
    except yaml.YAMLError as exc:
        raise InputFileError(path, f"invalid YAML: {exc}") from None
    finally:
        loader.dispose()


# -------------------------------------------------------------------------
# Uwazi CSV export
# -------------------------------------------------------------------------

# Uwazi property names (labels in lower case, non-alphanumerics as "_") → record field.
UWAZI_FIELDS: dict[str, str] = {
    "id": "id",
    "title": "title",
    "summary": "summary",
    "description": "summary",
    "country": "country",
    "reporting_year": "year",
    "year": "year",
    "event_date": "event_date",
    "date": "event_date",
    "location": "location",
    "language": "language",
    "categories": "categories",
    "category": "categories",
    "violations": "categories",
    "sections": "sections",
    "source_name": "source.name",
    "source": "source.name",
    "source_type": "source.kind",
    "source_kind": "source.kind",
    "source_reliability": "source.reliability",
    "reliability": "source.reliability",
    "credibility": "credibility",
    "citation": "citation.text",
    "citation_url": "citation.url",
    "link": "citation.url",
    "sensitivity": "sensitivity",
    "confidentiality": "sensitivity",
    "received": "received",
    "date_received": "received",
}
# Columns listing persons by role ("|" between names), with optional
# <column>_consent / _group / _gender / _age columns in the same order.
UWAZI_PERSONS: dict[str, str] = {
    "victims": "victim",
    "perpetrators": "perpetrator",
    "witnesses": "witness",
    "informants": "source",
}
_PERSON_DETAILS = ("consent", "group", "gender", "age")
# Uwazi's own columns for attached files: hrdraft keeps no files.
UWAZI_ATTACHMENTS = ("file", "attachments")
# Record fields that take a thesaurus value ("Parent::Child" → Child, lower-cased where a code).
_THESAURUS = {"country", "categories", "source.kind", "sensitivity", "language"}
_LOWER = {"source.kind", "sensitivity"}
_LANG_SUFFIX = re.compile(r"^(.+?)__([a-z]{2,3}(?:_[a-z0-9]{2,4})?)$")
_UWAZI_DATE = re.compile(r"^(\d{4})[/-](\d{1,2})[/-](\d{1,2})$")


def _child(value: str) -> str:
    """The child of a grouped thesaurus value: 'Detention::Arbitrary' → 'Arbitrary'."""
    return value.rsplit("::", 1)[-1].strip()


def _uwazi_date(value: str) -> str:
    value = value.strip()
    m = _UWAZI_DATE.match(value)
    if m:
        return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}"
    if value.isdigit() and len(value) > 4:  # a Unix timestamp, as some exports write dates
        return datetime.utcfromtimestamp(int(value)).date().isoformat()
    return value


def _uwazi_date_field(value: str) -> str:
    """``from:to`` ranges and ``|`` multi-dates as the record's FROM/TO form."""
    dates = []
    for part in value.split("|"):
        ends = part.split(":")
        dates += [_uwazi_date(e) for e in ends if e.strip()]
    if len(dates) == 1:
        return dates[0]
    return f"{min(dates)}/{max(dates)}" if dates else value


def _uwazi_value(field: str, value: str) -> Any:
    if field in _THESAURUS:
        if field == "categories":
            return [_child(v) for v in value.split("|") if v.strip()]
        value = _child(value)
        return value.lower() if field in _LOWER else value
    if field == "sections":
        return [v.strip() for v in value.split("|") if v.strip()]
    if field == "source.reliability":
        m = re.match(r"^([A-Fa-f])\b", _child(value))
        return m[1].upper() if m else value
    if field == "credibility":
        m = re.match(r"^([1-6])\b", _child(value))
        return m[1] if m else value
    if field in ("event_date", "received"):
        return _uwazi_date_field(value) if field == "event_date" else _uwazi_date(value)
    if field == "citation.url" and "|" in value:  # a link property: "url|label"
        return next((p for p in value.split("|") if p.startswith(("http://", "https://"))), value)
    return value


def _persons(columns: dict[str, str]) -> WrittenList:
    """The persons the person columns list, each labelled ``victims.0`` by column and place."""
    persons: list[dict[str, Any]] = []
    labels: list[str] = []
    for column, role in UWAZI_PERSONS.items():
        names = [n.strip() for n in columns.get(column, "").split("|") if n.strip()]
        details = {
            d: [v.strip() for v in columns.get(f"{column}_{d}", "").split("|")]
            for d in _PERSON_DETAILS
        }
        for i, name in enumerate(names):
            person: dict[str, Any] = {"name": name, "role": role}
            for detail, values in details.items():
                # One value applies to everyone in the column; otherwise one each.
                value = values[0] if len(values) == 1 else values[i] if i < len(values) else ""
                if value:
                    person[detail] = _child(value).lower() if detail == "consent" else value
            persons.append(person)
            labels.append(f"{column}.{i}")
    return WrittenList.of(persons, labels)


def _is_person_column(name: str) -> bool:
    return name in UWAZI_PERSONS or any(
        name == f"{c}_{d}" for c in UWAZI_PERSONS for d in _PERSON_DETAILS
    )


# The record fields a language column translates; other suffixed columns
# only fill a field the unsuffixed ones leave empty.
_TRANSLATED = ("title", "summary")


def _uwazi_flat(columns: dict[str, Any]) -> dict[str, Any]:
    flat: dict[str, Any] = {}
    for name, value in columns.items():
        if name in UWAZI_FIELDS:
            field = UWAZI_FIELDS[name]
            flat[field] = _uwazi_value(field, value) if isinstance(value, str) else value
        elif _is_person_column(name):
            continue
        elif name in UWAZI_ATTACHMENTS:
            flat["attachments"] = value  # validation refuses it: nothing dropped unnoticed
        elif name.startswith(("figures_", "figure_")):
            flat["figures." + name.split("_", 1)[1]] = value
        else:
            flat[name] = value  # unknown or attachment columns: validation names them
    return flat


def _filled(value: Any) -> bool:
    return value not in (None, "") and not (isinstance(value, str) and not value.strip())


def uwazi_records(row: dict[str, Any]) -> list[dict[str, Any]]:
    """The record one Uwazi row makes, its language columns as translations (docs/records.md).

    Unsuffixed columns are the original, in the ``language`` column's
    language (default ``en``). Each ``__xx`` suffix is language xx: its
    title and summary are the record's translation into xx; a suffixed cell
    of another field fills that field only where the unsuffixed one is
    empty. A row with no unsuffixed title or summary takes its original from
    the suffix of its ``language`` column, else from its first suffix. One
    row, one record, under the row's ``id``. (A list, so that a format can
    make several records of one row.)
    """
    shared: dict[str, Any] = {}
    by_language: dict[str, dict[str, Any]] = {}
    for column, value in row.items():
        m = _LANG_SUFFIX.match(column) if column != EXTRA_CELLS else None
        name, language = (m[1], m[2]) if m else (column, None)
        target = by_language.setdefault(language, {}) if language else shared
        target[name] = value
    stated = shared.get("language")
    original = stated.strip().lower().replace("-", "_") if isinstance(stated, str) else ""
    has_text = any(_filled(shared.get(f)) for f in _TRANSLATED)
    if not has_text and by_language:
        # The original is one of the language columns: the stated language's,
        # else the first one written.
        tag = original if original in by_language else next(iter(by_language))
        shared = {**shared, **{k: v for k, v in by_language.pop(tag).items() if _filled(v)}}
        if not _filled(stated):
            shared["language"] = tag.replace("_", "-")
    elif original in by_language:
        # A suffix in the original's own language is the original, not a translation.
        cells = by_language.pop(original)
        shared.update({k: v for k, v in cells.items() if _filled(v) and not _filled(shared.get(k))})
    translations: dict[str, dict[str, Any]] = {}
    for tag, cells in by_language.items():
        text = {f: cells[f] for f in _TRANSLATED if _filled(cells.get(f))}
        if text:
            translations[tag.replace("_", "-")] = text
        for name, value in cells.items():
            if name not in _TRANSLATED and _filled(value) and not _filled(shared.get(name)):
                shared[name] = value
    record = nest(_uwazi_flat(shared))
    persons = _persons(shared)
    if persons:
        record["persons"] = persons
    if translations:
        record["translations"] = translations
    return [record]


def read_uwazi(file: BinaryIO, path: str) -> Iterator[tuple[int, dict[str, Any]]]:
    """Uwazi's CSV export: property columns, ``__<lang>`` suffixes, thesaurus values."""
    # Property names are the labels in lower case; a hand-made header may not be.
    for line, row in csv_rows(file, path, str.lower):
        for record in uwazi_records(row):
            yield line, record


@hookimpl
def hrdraft_register_readers() -> list[Reader]:
    return [
        Reader("csv", (".csv", ".tsv"), read_csv, "flat CSV, dotted column names (source.name)"),
        Reader("json", (".json",), read_json, "a JSON array of records"),
        Reader("jsonl", (".jsonl", ".ndjson"), read_jsonl, "JSON Lines, one record per line"),
        Reader("yaml", (".yaml", ".yml"), read_yaml, "a YAML list, or one record per document"),
        Reader("uwazi", (), read_uwazi, "Uwazi CSV export (--format uwazi)"),
    ]
