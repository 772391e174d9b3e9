"""Reading input files: which reader a file gets, and which files a directory holds.

A reader is an input format (CSV, JSON, JSON Lines, YAML, Uwazi CSV, or one
a plugin adds through ``hrdraft_register_readers``); it turns a file into
``(line, raw_row)`` pairs and knows nothing of validation or the store. A row
it cannot parse it yields as an :class:`UnreadableRow`, quarantined as it was
written.
"""

from __future__ import annotations

import os
import stat
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
class UnreadableRow:
    """A row a reader found but could not parse (a broken JSON Lines line).

    A reader yields it in place of the row: ingest quarantines it as it was
    written (`text`) with `message` as its error, and stores the other rows.
    """

    text: str
    message: str


class WrittenList(list):  # type: ignore[type-arg]
    """A list a reader built from numbered or named columns, with where each item was written.

    ``labels[i]`` is the path item ``i`` was written as (``persons.1`` when a
    CSV has only ``persons.1.*`` columns; ``victims.0`` for the first name of
    an Uwazi ``victims`` column), so errors name the column the submitter
    wrote, not the item's place in the list.
    """

    labels: tuple[str, ...] = ()

    @classmethod
    def of(cls, items: Iterable[Any], labels: Iterable[str]) -> WrittenList:
        out = cls(items)
        out.labels = tuple(labels)
        return out


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


def expand_paths(
    plugins: Plugins,
    paths: Iterable[Path | str],
    on_skip: Callable[[Path, str], None] | None = None,
) -> list[Path]:
    """The paths, with each directory replaced by the regular files in it a reader claims.

    Inside a directory only regular files are read: a symbolic link (which
    could point at /etc/passwd, or at another officer's export) is never
    followed, nor is a device or pipe opened; each is passed to `on_skip`
    with the reason, so the user hears of it. A path named on the command
    line is the user's own choice and is taken as it is.
    """
    extensions = tuple(e for r in plugins.readers.values() for e in r.extensions)
    out: list[Path] = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        found: list[Path] = []
        for folder, subfolders, files in os.walk(p, followlinks=False):
            here = Path(folder)
            for name in sorted(subfolders):
                if (here / name).is_symlink():
                    _skip(on_skip, here / name, "a symbolic link to a folder, not followed")
            for name in files:
                path = here / name
                if not name.lower().endswith(extensions):
                    continue
                mode = path.lstat().st_mode
                if stat.S_ISLNK(mode):
                    _skip(on_skip, path, "a symbolic link, not followed")
                elif not stat.S_ISREG(mode):
                    _skip(on_skip, path, "not a regular file")
                else:
                    found.append(path)
        out += sorted(found)
    return out


def _skip(on_skip: Callable[[Path, str], None] | None, path: Path, reason: str) -> None:
    if on_skip is not None:
        on_skip(path, reason)


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
