"""Reading input files: which reader a file gets, and which files a directory holds.

A reader is an input format (CSV, JSON, JSON Lines, YAML, Uwazi CSV, or one
a plugin adds through ``hrdraft_register_readers``); it turns a file into
``(line, raw_row)`` pairs and knows nothing of validation or the store.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from ..errors import HrdraftError, InputFileError, PluginError, choices

if TYPE_CHECKING:
    from ..plugins import Plugins

# Where a CSV reader puts cells beyond the header, so validation reports them.
EXTRA_CELLS = "(extra cells)"


@dataclass(frozen=True)
class Reader:
    """One input format: its name, the extensions it claims, and how to read it.

    ``read(file, path)`` takes the file opened in binary mode and its path
    (for messages) and yields ``(line, raw_row)``, ``raw_row`` a dict in the
    JSON record form. It raises InputFileError for a file it cannot read.
    """

    name: str
    extensions: tuple[str, ...]
    read: Callable[[BinaryIO, str], Iterator[tuple[int, dict]]]
    description: str = ""


# -------------------------------------------------------------------------
# Choosing a reader
# -------------------------------------------------------------------------


def choose_reader(plugins: Plugins, path: Path | str, format: str | None = None) -> Reader:
    """The reader named by `format`, else the one claiming the file's extension."""
    readers = plugins.readers
    if format:
        if format not in readers:
            raise InputFileError(
                str(path), f"unknown format {format!r}", hint=choices(sorted(readers))
            )
        return readers[format]
    name = Path(path).name.lower()
    for reader in readers.values():  # built-in readers first: a plugin takes --format
        if any(name.endswith(ext) for ext in reader.extensions):
            return reader
    claimed = sorted({e for r in readers.values() for e in r.extensions})
    raise InputFileError(
        str(path),
        "cannot tell the format from the file name",
        hint=f"use --format ({', '.join(sorted(readers))}); known extensions: {', '.join(claimed)}",
    )


def expand_paths(plugins: Plugins, paths: Iterable[Path | str]) -> list[Path]:
    """The paths, with each directory replaced by the files in it a reader claims."""
    extensions = tuple(e for r in plugins.readers.values() for e in r.extensions)
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out += sorted(
                f for f in p.rglob("*") if f.is_file() and f.name.lower().endswith(extensions)
            )
        else:
            out.append(p)
    return out


def _guarded(
    rows: Iterable[tuple[int, Any]], reader: Reader, path: str
) -> Iterator[tuple[int, Any]]:
    """The reader's rows; a plugin reader's own bug is reported as the plugin's."""
    it = iter(rows)
    while True:
        try:
            item = next(it)
        except StopIteration:
            return
        except HrdraftError:
            raise
        except Exception as exc:
            raise PluginError(f"reader {reader.name!r} failed on {path}: {exc!r}") from exc
        yield item
