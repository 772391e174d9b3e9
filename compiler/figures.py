"""Figures with a scope: period totals and case counts, reported side by side, never added.

A record's figures are either totals for a period (as governments and
statistics offices report them) or the count of one incident or case
(``Record.scope``: the record's ``figure_scope``, else by source kind). A
period total may already include the cases other sources report, so adding
the two double-counts: the published narratives give the period total with
its source, then each case-level figure as such ("The government reported
9 prosecutions; the NGO X reported one case in which 14 defendants were
prosecuted"), and say so when a case alone exceeds the total. Nor are two
sources' totals for the same period added to each other, two government
bodies' included (a ministry's 9 prosecutions and a prosecutor's office's 9
may be the same nine): a source is its kind and name (:func:`source_key`).

Plugins use these through :mod:`hrdraft.prose` (``prose.scoped_figures``,
``prose.figure_sentence``, ``prose.source_key``, ``prose.credible``).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .document import Cite, Paragraph
from .records import Record
from .select import SelectedRecord

# The Admiralty grades from which a source's report may be called credible:
# a usually reliable source (A or B) reporting what is confirmed or probably
# true (1 or 2). A record without a credibility grade is not credible by this
# test: the word is the report's judgement, and nobody has made it.
CREDIBLE_RELIABILITY: frozenset[str] = frozenset({"A", "B"})
CREDIBLE_CREDIBILITY: frozenset[int] = frozenset({1, 2})

# Said when a case-level figure exceeds the period total of the same measure.
DISAGREE = (
    "These figures do not agree: a single case reported by another source exceeds the "
    "period total, which may therefore be incomplete."
)


def credible(record: Record) -> bool:
    """Whether the record's source and content are graded credible (A–B and 1–2)."""
    return (
        record.source.reliability in CREDIBLE_RELIABILITY
        and record.credibility in CREDIBLE_CREDIBILITY
    )


def reporter(record: Record) -> str:
    """Who a figure is from, as a sentence's subject ("the government", "the NGO X")."""
    name = record.source.name
    kind = record.source.kind
    if kind == "government":
        return "the government"
    if kind == "ngo":
        return f"the NGO {name}"
    if kind == "media":
        return f"the media outlet {name}"
    if kind == "un":
        return name if re.match(r"(?i)the ", name) else f"the {name}"
    if kind == "mission":
        return "the consulate" if "consulate" in name.lower() else "the embassy"
    if kind == "academic":
        return f"researchers at {name}"
    if name.lower().startswith(("a ", "an ")):
        return name  # an unconsented individual, already described, not named
    return f"the {'human rights defender' if kind == 'defender' else 'journalist'} {name}"


def source_key(item: SelectedRecord) -> tuple[str, ...]:
    """Which source a figure is from: its kind and name.

    A source not named with consent is printed as a description ("a human
    rights defender"), which two people share: such a source is known only
    by its record, so two of them are never taken for one.
    """
    source = item.record.source
    if source.name.lower().startswith(("a ", "an ")):
        return (source.kind, source.name, item.id)
    return (source.kind, source.name)


@dataclass(frozen=True)
class Figures:
    """One measure's figures from a set of records, kept apart by scope.

    `totals` are period totals by source (:func:`source_key`; one source's
    totals for parts of the period add up, different sources' never do), each
    with how a sentence names its source; `incidents` each case-level figure
    with its record.
    """

    measure: str
    totals: tuple[tuple[str, int, tuple[SelectedRecord, ...]], ...]
    incidents: tuple[tuple[SelectedRecord, int], ...]

    @property
    def reported(self) -> bool:
        return bool(self.totals or self.incidents)

    @property
    def records(self) -> tuple[SelectedRecord, ...]:
        found = {i.id: i for _, _, items in self.totals for i in items}
        found.update({i.id: i for i, _ in self.incidents})
        return tuple(found.values())

    @property
    def cites(self) -> tuple[Cite, ...]:
        return tuple(i.cite for i in self.records)

    def total_of(self, kind: str = "government") -> int | None:
        """The period total of the first reporter of that source kind, or None."""
        for _, n, items in self.totals:
            if items[0].record.source.kind == kind:
                return n
        return None

    @property
    def disagree(self) -> bool:
        """Whether a single case exceeds a period total (the total cannot be complete)."""
        return any(n > total for _, total, _ in self.totals for _, n in self.incidents)


def scoped_figures(
    items: Iterable[SelectedRecord],
    measure: str,
    value: Callable[[dict[str, int]], int | None] | None = None,
) -> Figures:
    """A measure's figures in `items`, period totals apart from case counts.

    `value` reads the measure from a record's figures (default: the figure
    of that name); a record for which it gives None does not report it.
    """
    read = value or (lambda figures: figures.get(measure))
    # One source's totals (for parts of the period) add up; two sources' never do.
    totals: dict[tuple[str, ...], tuple[int, list[SelectedRecord]]] = {}
    incidents: list[tuple[SelectedRecord, int]] = []
    for item in items:
        n = read(item.record.figures)
        if n is None:
            continue
        if item.record.scope == "period":
            key = source_key(item)
            count, records = totals.get(key, (0, []))
            totals[key] = (count + n, [*records, item])
        else:
            incidents.append((item, n))
    # The government's statistics first, as the narratives print them (the body
    # that gave most, then by name); several government bodies each by name.
    ordered = sorted(
        totals.items(), key=lambda kv: (kv[0][0] != "government", -len(kv[1][1]), kv[0][1])
    )
    bodies = sum(key[0] == "government" for key in totals)

    def who(records: list[SelectedRecord]) -> str:
        source = records[0].record.source
        if source.kind == "government" and bodies > 1:
            return source.name if source.name.lower().startswith("the ") else f"the {source.name}"
        return reporter(records[0].record)

    return Figures(
        measure,
        tuple((who(records), n, tuple(records)) for _, (n, records) in ordered),
        tuple(incidents),
    )


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def figure_sentence(
    figures: Figures,
    total: Callable[[int], str],
    case: Callable[[int], str],
    *,
    period: str = "",
) -> Paragraph | None:
    """One paragraph with the period totals, then each case-level figure, side by side.

    ``total(9)`` words a period total ("9 prosecutions"), ``case(14)`` a case
    ("one case in which 14 defendants were prosecuted"); `period` follows a
    total ("during the reporting period"). Never a sum across scopes or
    sources; when a case exceeds a total, :data:`DISAGREE` follows. None
    when nothing is reported.
    """
    if not figures.reported:
        return None
    when = f" {period}" if period else ""
    clauses = [f"{who} reported {total(n)}{when}" for who, n, _ in figures.totals]
    clauses += [f"{reporter(item.record)} reported {case(n)}" for item, n in figures.incidents]
    text = _capital("; ".join(clauses)) + "."
    if figures.disagree:
        text += " " + DISAGREE
    return Paragraph(text=text, cites=figures.cites)
