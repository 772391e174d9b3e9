"""What a report type declares: its editions, each an outline of sections.

A report plugin returns `ReportType` objects from `hrdraft_register_report_types`.
An `Edition` is the outline as one year's published report prints it; the
core picks the edition whose years include the reporting year unless the
user names one. A plugin that adds to a report type another plugin owns
declares what it adds as a `ReportExtension` (`hrdraft_extend_report_types`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True)
class SectionSpec:
    """One heading of an outline.

    `id` is stable across drafts and is what records target (`hrr:1.c`).
    `conditional` marks a heading the real report prints only where relevant
    (e.g. HRR 1.i "only in countries with armed conflict"); with no material
    it reads "Not applicable." instead of a lead sentence.
    `topic` is the phrase a "There were no reports of ..." sentence uses.
    `pointer` names another report type this heading points to.
    """

    id: str
    title: str
    number: str = ""
    children: tuple[SectionSpec, ...] = ()
    conditional: bool = False
    topic: str = ""
    pointer: str | None = None

    def walk(self) -> Iterator[SectionSpec]:
        yield self
        for child in self.children:
            yield from child.walk()


@dataclass(frozen=True)
class Edition:
    """One outline of a report type and the reporting years it applies to."""

    name: str
    title: str
    first_year: int
    last_year: int | None
    outline: tuple[SectionSpec, ...]

    def applies_to(self, year: int) -> bool:
        return self.first_year <= year and (self.last_year is None or year <= self.last_year)

    def walk(self) -> Iterator[SectionSpec]:
        for spec in self.outline:
            yield from spec.walk()

    def section_ids(self) -> list[str]:
        return [spec.id for spec in self.walk()]

    def find(self, section_id: str) -> SectionSpec | None:
        return next((s for s in self.walk() if s.id == section_id), None)

    @property
    def years(self) -> str:
        return f"{self.first_year}–{self.last_year}" if self.last_year else f"{self.first_year}–"


def calendar_year(year: int) -> tuple[date, date]:
    """The default reporting period: 1 January to 31 December."""
    return date(year, 1, 1), date(year, 12, 31)


@dataclass(frozen=True)
class ReportType:
    """A kind of report a plugin can compile (HRR, TIP, IRF, ...).

    `period` maps a reporting year to the first and last day of the events it
    covers (TIP: 1 April of the previous year to 31 March). `figures` lists
    the record figure names the type reads (documentation and validation of
    plugin-declared figures). `options` documents `--option KEY=VALUE`
    settings an officer may give at compile time (e.g. TIP's tier).
    `compares_previous_year` asks for the previous reporting year's records
    too (``BuildContext.previous``: TIP sets its figures against last year's);
    only then do changes to those records make the draft build again.
    """

    name: str
    title: str
    editions: tuple[Edition, ...]
    description: str = ""
    period: Callable[[int], tuple[date, date]] = calendar_year
    figures: tuple[str, ...] = ()
    options: dict[str, str] = field(default_factory=dict)
    compares_previous_year: bool = False

    def edition_for(self, year: int) -> Edition | None:
        return next((e for e in self.editions if e.applies_to(year)), None)

    def edition(self, name: str) -> Edition | None:
        return next((e for e in self.editions if e.name == name), None)


@dataclass(frozen=True)
class ReportExtension:
    """What a plugin adds to a report type another plugin owns.

    `placements` maps an edition name of `report_type` to ``{category id:
    section ids}``: records with that category are placed in those sections,
    in addition to where the owner places them (the two are merged, never
    replaced). Only categories the extending plugin registers itself
    (`hrdraft_register_categories`) may be placed, so an extension can never
    move the shared vocabulary around under the owner. `transforms` says the
    plugin's `hrdraft_transform_document` is to be asked for this report type
    too, after the owner's.
    """

    report_type: str
    placements: Mapping[str, Mapping[str, tuple[str, ...]]] = field(default_factory=dict)
    transforms: bool = False
