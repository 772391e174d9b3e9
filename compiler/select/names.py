"""The name scrubber: no person is named in a draft without consent.

Applied by selection (``hrdraft.select``) to every record before any plugin
sees it: an ``anonymous`` person's name is replaced by a description ("a
human rights defender") wherever it appears in anything the record prints;
a ``withheld`` person is removed and their name replaced by a neutral
phrase; an individual source (a defender, a journalist) is named only when a
record lists them as a person who consented to be named.

The work is done by a `Protection` built once from all the records of a
selection (``protection.py``: consent across records; ``matcher.py``: every
form of every name in one automaton; ``fold.py``: the text model;
``markdown.py``: the text a reader sees; ``phrases.py``: replacements that
read as prose). Safety-critical: each part has a module of its own so that
it can be read, tested and changed alone.
"""

from __future__ import annotations

from collections.abc import Iterable

from ..records import Record
from .protection import INDIVIDUAL_SOURCE_KINDS, Finding, Protection, describe

__all__ = [
    "INDIVIDUAL_SOURCE_KINDS",
    "Finding",
    "Protection",
    "describe",
    "make_safe",
    "make_safe_all",
]


def make_safe(record: Record, protection: Protection | None = None) -> tuple[Record, int, int]:
    """The record with every unconsented name replaced; (record, unnamed, removed).

    `protection` is the selection's (built from all records in scope, so that
    consent is decided across them); without it, from this record alone.
    """
    return (protection or Protection([record])).record(record)


def make_safe_all(records: Iterable[Record]) -> tuple[list[Record], int, int]:
    """Every record made safe, consent decided across all of them; (records, unnamed, removed)."""
    records = list(records)
    protection = Protection(records)
    out: list[Record] = []
    unnamed = removed = 0
    for record in records:
        safe, n_unnamed, n_removed = protection.record(record)
        out.append(safe)
        unnamed += n_unnamed
        removed += n_removed
    return out, unnamed, removed
