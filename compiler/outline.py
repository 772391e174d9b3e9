"""What a report type declares: its editions, each an outline of sections.

A report plugin returns `ReportType` objects from `hrdraft_register_report_types`.
An `Edition` is the outline as one year's published report prints it; the
core picks the edition whose years include the reporting year unless the
user names one. A plugin that adds to a report type another plugin owns
declares what it adds as a `ReportExtension` (`hrdraft_extend_report_types`).
A record's `sections` target that an edition lacks is worded here, in that
edition's terms, for ingest and compile alike (`missing_target_message`).
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date

from .records import parse_target


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

    def nearest_targets(
        self, section: str, edition: Edition | None, *, qualify: bool = False, n: int = 3
    ) -> list[str]:
        """The `n` targets nearest to `section`, written as they mean it for `edition`.

        An id of `edition` is written unqualified ("hrr:1.d": the edition of
        the record's year) unless `qualify` ("hrr@2024:1.d", for a target
        that named its edition), and wins a tie; an id only another edition
        has is qualified with it ("hrr@2023:1.d"), the latest edition that
        has it. With no `edition` (none covers the record's year) every id
        is qualified.
        """
        own = edition.section_ids() if edition is not None else []
        prefix = f"{self.name}@{edition.name}:" if qualify and edition else f"{self.name}:"
        forms: dict[str, str] = {sid: prefix + sid for sid in own}
        for other in sorted(self.editions, key=lambda e: e.first_year, reverse=True):
            for sid in other.section_ids():
                forms.setdefault(sid, f"{self.name}@{other.name}:{sid}")
        forms.pop("summary", None)
        ratio = {sid: difflib.SequenceMatcher(None, section, sid).ratio() for sid in forms}
        # Best first; among equals, the edition's own ids, in outline order.
        ranked = sorted((sid for sid in forms if ratio[sid] >= 0.3), key=lambda s: -ratio[s])
        return [forms[sid] for sid in ranked[:n]]


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


# What ingest says a draft does with a target its edition lacks.
PLACED_BY_CATEGORIES = "drafts place the record by its categories"


def missing_target_message(
    report_type: ReportType, target: str, year: int, consequence: str = PLACED_BY_CATEGORIES
) -> str:
    """What to say of a target whose edition (the record's year's, or the one named) lacks it.

    "'hrr:1.d' is not in the 2024 edition's outline of hrr; drafts place the
    record by its categories; 1.d is 'Arbitrary Arrest or Detention' in the
    2023 edition: write hrr@2023:1.d if you meant that edition". The
    suggestion is in the edition meant: the heading of the same topic there
    (by the headings' words), else the nearest id; and the edition-qualified
    form where another edition has the id. `consequence` says what becomes
    of the record (ingest: drafts place it by its categories; a compile:
    what this draft did).
    """
    report, edition_name, section = parse_target(target)
    edition = report_type.edition(edition_name) if edition_name else None
    if edition_name is None:
        edition = report_type.edition_for(year)
    names = ", ".join(e.name for e in report_type.editions)
    if edition is None:
        if not edition_name:
            what = f"no {report} edition covers the record's year {year} (its editions: {names})"
            return f"{target!r}: {what}; {consequence}"
        hint = ""
        # "hrr@2022:1.c": editions are named by their last year, not every year.
        covering = report_type.edition_for(int(edition_name)) if edition_name.isdigit() else None
        if covering is not None and covering.find(section):
            hint = f"; the {covering.name} edition covers {edition_name}: write "
            hint += f"{report}@{covering.name}:{section}"
        return (
            f"{target!r}: {report} has no edition {edition_name!r} (its editions: {names}); "
            f"{consequence}{hint}"
        )
    where = f"the {edition.name} edition's outline of {report}"
    if edition_name is None and edition.name != str(year):
        where += f" (the edition for the record's year {year})"
    # Written as the target was: qualified stays qualified.
    form = f"{report}@{edition.name}:" if edition_name else f"{report}:"
    hints = []
    others = [
        (e, spec)
        for e in report_type.editions
        if e.name != edition.name and (spec := e.find(section)) is not None
    ]
    if others:
        other, other_spec = others[0]
        same = _same_topic(other_spec.title, edition)
        if same is not None:
            hints.append(
                f"the same topic is {same.id} {same.title!r} in the {edition.name} edition: "
                f"write {form}{same.id}"
            )
        hints.append(
            f"{section} is {other_spec.title!r} in the {other.name} edition: write "
            f"{report}@{other.name}:{section} if you meant that edition"
        )
    else:
        ids = [i for i in edition.section_ids() if i != "summary"]
        near = difflib.get_close_matches(section, ids, n=3, cutoff=0.3)
        if near:
            hints.append(f"nearest in that edition: {', '.join(form + n for n in near)}")
    hint = "".join(f"; {h}" for h in hints)
    return f"{target!r} is not in {where}; {consequence}{hint}"


def _same_topic(title: str, edition: Edition) -> SectionSpec | None:
    """The heading of `edition` that shares most words (two at least) with `title`, if any."""
    words = heading_words(title)
    best, shared = None, 1
    for spec in edition.walk():
        common = len(words & heading_words(spec.title))
        if common > shared:
            best, shared = spec, common
    return best


def heading_words(title: str) -> set[str]:
    """The words of a heading that say its topic: "Protection of Refugees" → protection, refugee."""
    # Words of any heading ("Other", "Related") say nothing of its topic.
    return {w.rstrip("s") for w in re.findall(r"[a-z]{4,}", title.lower())} - _NOT_TOPICS


_NOT_TOPICS = frozenset({"other", "including", "related", "member", "acts", "evidence"})
