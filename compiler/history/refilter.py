"""A stored version as the records allow it to be shown today.

A version is immutable: it keeps the text it was compiled (or imported)
with, and its hash proves it was not altered. What may be shown of it is
not fixed. A record it cites may since have been made confidential (or
restricted, for a public version), erased, or a person in it may have
withdrawn consent to be named. So whatever a stored version is turned into
(an export in any format, ``versions show``, every diff format, the base
of a re-import), it passes through :func:`current_view` first, against the
*current* sensitivity and consent of the records:

* a block that cites a record this version's audience may no longer use, or
  one no longer in the store, is replaced by :data:`WITHDRAWN`, and its
  citations and Sources entry go with it;
* every text of the version goes through the same name protection as a
  compile (``hrdraft.select.Protection``), built from the current records,
  so a withdrawn consent reaches old versions too;
* a public version carries no count of records used or left out, nor of
  persons described or left out, since a count that changes beside a
  vanished passage would tell a reader that a record was reclassified or a
  consent withdrawn.

The marker is the same whatever the reason, so it tells nothing about which.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from ..document import (
    Block,
    BulletList,
    Cite,
    Conflict,
    Note,
    Paragraph,
    Pointer,
    Report,
    Section,
    SourceEntry,
    Table,
)
from ..records import Record
from ..select import ALLOWED, Finding, Protection
from ..store import Store
from ..store import records as stored_records
from .versions import Version, load_version

WITHDRAWN = "[This passage has been withdrawn.]"
# Counts only internal drafts carry (what was used, left out and why, and
# how many people were described or left out): versions made before that
# rule still have them, and a public output drops them.
_INTERNAL_COUNTS = ("records in scope", "records left out", "persons described", "persons left")
# Years of records a version of year Y may cite: TIP's period starts in Y-1
# and compares with the period before it.
_YEARS_BACK, _YEARS_AHEAD = 2, 1


def _public_ids(record: Record) -> tuple[str, ...]:
    """Every id a draft may have cited this record by: its own, and the one
    name protection gives an id that carries a name."""
    digest = hashlib.sha256(f"{record.source.name}\0{record.id}".encode()).hexdigest()
    return record.id, f"{record.country}-{digest[:10]}"


class _Current:
    """The current records a version's country and years hold, by every id a draft cites."""

    def __init__(self, store: Store, report: Report) -> None:
        self.allowed = ALLOWED[report.audience]
        self.by_id: dict[str, tuple[Record, str]] = {}
        years = range(report.year - _YEARS_BACK, report.year + _YEARS_AHEAD + 1)
        for year in years:
            for current in stored_records.list_current(store, country=report.country, year=year):
                record = Record.model_validate(current.data)
                for cited_as in _public_ids(record):
                    self.by_id[cited_as] = (record, current.sensitivity)
        usable = [r for r, s in self.by_id.values() if s in self.allowed]
        hidden = [r for r, s in self.by_id.values() if s not in self.allowed]
        unique = {id(r): r for r in usable}
        self.protection = Protection(
            unique.values(),
            [(r.country, p.name, p.consent) for r in {id(r): r for r in hidden}.values()
             for p in r.persons],
        )  # fmt: skip

    def usable(self, cites: Iterable[Cite]) -> bool:
        for cite in cites:
            found = self.by_id.get(cite.record)
            if found is None or found[1] not in self.allowed:
                return False
        return True

    def texter(self, cites: Iterable[Cite], language: str | None = None) -> Callable[[str], str]:
        """Protection for the texts of a block built from the records `cites` names."""
        records = [self.by_id[c.record][0] for c in cites if c.record in self.by_id]
        lang = language or "en"
        return lambda value: self.protection.text_about(value, records, lang) if value else value

    def text(self, value: str) -> str:
        return self.texter(())(value)


def _block(block: Block, current: _Current) -> Block:
    if isinstance(block, Paragraph):
        if not current.usable(block.cites):
            return Paragraph(text=WITHDRAWN)
        return block.model_copy(
            update={"text": current.texter(block.cites, block.lang)(block.text)}
        )
    if isinstance(block, BulletList):
        if not current.usable(block.cites):
            return Paragraph(text=WITHDRAWN)
        text = current.texter(block.cites)
        return block.model_copy(update={"items": tuple(text(i) for i in block.items)})
    if isinstance(block, Table):
        rows, row_cites = [], []
        for index, row in enumerate(block.rows):
            cites = block.row_cites[index] if index < len(block.row_cites) else ()
            if current.usable(cites):
                text = current.texter(cites)
                rows.append(tuple(text(cell) for cell in row))
                row_cites.append(cites)
            else:
                rows.append((WITHDRAWN, *([""] * (len(row) - 1))))
                row_cites.append(())
        update: dict[str, object] = {"caption": current.text(block.caption), "rows": tuple(rows)}
        if block.row_cites:
            update["row_cites"] = tuple(row_cites)
        return block.model_copy(update=update)
    if isinstance(block, Note | Pointer):
        return block.model_copy(update={"text": current.text(block.text)})
    if isinstance(block, Conflict):  # each text of each side, as if it stood alone
        return block.model_copy(
            update={
                side: tuple(_block(b, current) for b in getattr(block, side))
                for side in ("reviewer", "records", "base")
            }
        )
    return block


def _section(section: Section, current: _Current) -> Section:
    return section.model_copy(
        update={
            "blocks": tuple(_block(b, current) for b in section.blocks),
            "children": tuple(_section(c, current) for c in section.children),
        }
    )


def _cited(report: Report) -> set[str]:
    ids: set[str] = set()
    for section in report.walk():
        for block in section.blocks:
            for cite in getattr(block, "cites", ()) or ():
                ids.add(cite.record)
            for row in getattr(block, "row_cites", ()) or ():
                ids.update(c.record for c in row)
    return ids


@dataclass(frozen=True)
class View:
    """A stored tree as it may be shown today, with what decided it.

    `protection` is the current name protection of the version's records
    (an import is checked against it); `withdrawn` the texts of the blocks
    that were replaced, so an edited file cannot bring one back.
    """

    report: Report
    protection: Protection
    withdrawn: tuple[str, ...]
    records: dict[str, Record]  # by every id the draft may cite them by

    def findings(self, text: str, cites: Iterable[Cite]) -> list[Finding]:
        """Where `text`, written from the records `cites` names, names someone it may not."""
        records = [self.records[c.record] for c in cites if c.record in self.records]
        return self.protection.findings(text, records)


def view(store: Store, report: Report) -> View:
    """`report` (a stored version's tree) as the current records allow it to be shown."""
    current = _Current(store, report)
    sections = tuple(_section(s, current) for s in report.sections)
    filtered = report.model_copy(update={"sections": sections, "title": current.text(report.title)})
    still = _cited(filtered)
    sources = tuple(_source(s, current) for s in report.sources if s.record in still)
    metadata = dict(report.metadata)
    if report.audience == "public":
        metadata = {k: v for k, v in metadata.items() if not k.startswith(_INTERNAL_COUNTS)}
    if "records cited" in metadata:
        metadata["records cited"] = len(sources)
    withdrawn = tuple(
        text
        for old, new in zip(report.walk(), filtered.walk(), strict=True)
        for before, after in _plain_pairs(old.blocks, new.blocks)
        if before != after and WITHDRAWN in _texts(after)
        for text in _texts(before)
        if text and text != WITHDRAWN
    )
    shown = filtered.model_copy(update={"sources": sources, "metadata": metadata})
    records = {cited_as: record for cited_as, (record, _) in current.by_id.items()}
    return View(shown, current.protection, withdrawn, records)


def _source(entry: SourceEntry, current: _Current) -> SourceEntry:
    text = current.texter((Cite(record=entry.record, revision=entry.revision),))
    url = entry.url
    if url and current.protection.names_someone(url, slug=True):
        url = None  # an address carrying a name is dropped, as a compile drops it
    return entry.model_copy(
        update={"source": text(entry.source), "citation": text(entry.citation), "url": url}
    )


def _plain_pairs(old: Iterable[Block], new: Iterable[Block]) -> Iterable[tuple[Block, Block]]:
    """Each block before and after filtering; a conflict's blocks one by one."""
    for before, after in zip(old, new, strict=True):
        if isinstance(before, Conflict) and isinstance(after, Conflict):
            for side in ("reviewer", "records", "base"):
                yield from zip(getattr(before, side), getattr(after, side), strict=True)
        else:
            yield before, after


def _texts(block: Block) -> list[str]:
    if isinstance(block, BulletList):
        return list(block.items)
    if isinstance(block, Table):
        return [cell for row in block.rows for cell in row if cell]
    return [getattr(block, "text", "")]


def current_view(store: Store, report: Report) -> Report:
    """`report` as the current records allow it to be shown (see :func:`view`)."""
    return view(store, report).report


def load_for_output(store: Store, version_id: int) -> tuple[Version, Report]:
    """A stored version and its tree as it may be shown today (see the module docstring)."""
    version, report = load_version(store, version_id)
    return version, current_view(store, report)


__all__ = ["WITHDRAWN", "View", "current_view", "load_for_output", "view"]
