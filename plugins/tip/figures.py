"""Year-on-year figures: period totals from the records, case-level figures beside them.

A record's figures are totals for a period (the government's statistics,
by default) or the count of one case (an NGO's or a journalist's, by
default): see ``figure_scope`` in docs/records.md. A period total may
already include the cases other sources report, so the two are never
added. Nor are two sources' totals for the same period (a ministry's 9
prosecutions and a prosecutor's office's 9 may be the same nine): the
tables give one source's period totals per measure, the government's when
it gave any, summed only over that source's records (its totals for parts
of the period); the other sources' totals are worded in the text. The
year-on-year trend compares a measure only when the same source gave it in
both periods. :func:`statements` words each measure as the narratives
do: the government's total with its source, then each case-level figure
as such, side by side, saying so when a case exceeds the total, and "The
government did not report law enforcement statistics" when it gave none.

A record may give a measure's total (``prosecutions``), its split
(``prosecutions_sex``, ``prosecutions_labor``), or both. A split is summed
only over the records that give it, and when a record gives a total
without the split the split cell says so instead of inventing a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdraft import Cite, Paragraph, SelectedRecord, Table, prose

from .outline import LAW_ENFORCEMENT, SPLITS, VICTIM_CARE

NOT_REPORTED = "not reported"

LABELS: dict[str, str] = {
    "investigations": "Investigations",
    "prosecutions": "Prosecutions",
    "convictions": "Convictions",
    "victims_identified": "Victims identified",
    "victims_referred": "Victims referred to care",
}
SPLIT_LABELS: dict[str, str] = {"sex": "sex trafficking", "labor": "labor trafficking"}


@dataclass(frozen=True)
class Tally:
    """One figure summed over one period's records."""

    value: int
    records: tuple[SelectedRecord, ...]
    # Records that report the measure but not this part of it (splits only).
    missing: int = 0
    # The one source whose period totals these are (None: nobody reported it),
    # as printed, and which it is (prose.source_key: two unnamed sources differ).
    source: str | None = None
    source_key: tuple[str, ...] | None = None

    @property
    def reported(self) -> bool:
        return bool(self.records)

    def cell(self) -> str:
        if not self.records:
            return NOT_REPORTED
        if self.missing:
            return f"at least {self.value} ({self.missing} record(s) gave no split)"
        return str(self.value)


def _record_total(figures: dict[str, int], measure: str) -> int | None:
    """A record's total for a measure: as given, else the sum of its split."""
    if measure in figures:
        return figures[measure]
    parts = [figures[f"{measure}_{s}"] for s in SPLITS if f"{measure}_{s}" in figures]
    return sum(parts) if parts else None


def _one_source(items: list[SelectedRecord], measure: str) -> list[SelectedRecord]:
    """The period totals of `measure` the tables use: one source's records (see above).

    The government's when a government source gave the measure (the one
    with the most such records, then by name), else the source with the
    most; never two sources' totals for the same period together.
    """
    by_source: dict[tuple[str, ...], list[SelectedRecord]] = {}
    for i in items:
        if i.record.scope == "period" and _record_total(i.record.figures, measure) is not None:
            by_source.setdefault(prose.source_key(i), []).append(i)
    if not by_source:
        return []

    def rank(key: tuple[str, ...]) -> tuple[bool, int, tuple[str, ...]]:
        return (key[0] != "government", -len(by_source[key]), key[1:])

    return by_source[min(by_source, key=rank)]


def total(items: list[SelectedRecord], measure: str) -> Tally:
    """The measure summed over one source's period totals (never case-level figures)."""
    found = _one_source(items, measure)
    value = sum(_record_total(i.record.figures, measure) or 0 for i in found)
    source, key = _source_of(found)
    return Tally(value, tuple(found), source=source, source_key=key)


def _source_of(found: list[SelectedRecord]) -> tuple[str | None, tuple[str, ...] | None]:
    """The source of one source's records, as printed and as told apart."""
    if not found:
        return None, None
    return found[0].record.source.name, prose.source_key(found[0])


def split(items: list[SelectedRecord], measure: str, part: str) -> Tally:
    """One split of a measure, from :func:`total`'s source; how many of its records left it out."""
    key = f"{measure}_{part}"
    reporting = _one_source(items, measure)
    source, source_key = _source_of(reporting)
    giving = [i for i in reporting if key in i.record.figures]
    return Tally(
        sum(i.record.figures[key] for i in giving),
        tuple(giving),
        missing=len(reporting) - len(giving) if giving else 0,
        source=source,
        source_key=source_key,
    )


def _cites(*tallies: Tally) -> tuple[Cite, ...]:
    seen: dict[str, Cite] = {}
    for tally in tallies:
        for item in tally.records:
            seen.setdefault(item.id, item.cite)
    return tuple(seen.values())


def _rows(
    current: list[SelectedRecord],
    previous: list[SelectedRecord],
    measures: tuple[str, ...],
    with_splits: bool,
) -> tuple[list[tuple[str, ...]], list[tuple[Cite, ...]]]:
    rows: list[tuple[str, ...]] = []
    cites: list[tuple[Cite, ...]] = []
    for measure in measures:
        now, before = total(current, measure), total(previous, measure)
        rows.append((LABELS[measure], now.cell(), before.cell()))
        cites.append(_cites(now, before))
        if not with_splits:
            continue
        for part in SPLITS:
            now_part, before_part = split(current, measure, part), split(previous, measure, part)
            rows.append((f"– of which {SPLIT_LABELS[part]}", now_part.cell(), before_part.cell()))
            # A split cell's number comes from the records that give the split;
            # a "not reported" cell from the records that gave only the total.
            cites.append(
                _cites(
                    now_part if now_part.reported else now,
                    before_part if before_part.reported else before,
                )
            )
    return rows, cites


def _table(
    caption: str,
    current: list[SelectedRecord],
    previous: list[SelectedRecord],
    measures: tuple[str, ...],
    periods: tuple[str, str],
    *,
    with_splits: bool,
) -> Table:
    rows, cites = _rows(current, previous, measures, with_splits=with_splits)
    return Table(
        caption=caption,
        header=("", *periods),
        rows=tuple(rows),
        row_cites=tuple(cites),
    )


def law_enforcement_table(
    current: list[SelectedRecord], previous: list[SelectedRecord], periods: tuple[str, str]
) -> Table:
    """Investigations, prosecutions and convictions, split by form, this period vs the last."""
    return _table(
        "Law enforcement figures: one source's period totals per measure, the government's "
        "where it gave them (other sources' totals and case-level figures are in the text, "
        "never added)",
        current,
        previous,
        LAW_ENFORCEMENT,
        periods,
        with_splits=True,
    )


def victim_care_table(
    current: list[SelectedRecord], previous: list[SelectedRecord], periods: tuple[str, str]
) -> Table:
    """Victims identified and referred to care, this period vs the last."""
    return _table(
        "Victim identification and care figures: one source's period totals per measure, the "
        "government's where it gave them (other sources' totals and case-level figures are in "
        "the text, never added)",
        current,
        previous,
        VICTIM_CARE,
        periods,
        with_splits=False,
    )


def trend(
    current: list[SelectedRecord], previous: list[SelectedRecord], measures: tuple[str, ...]
) -> str | None:
    """'increased', 'decreased' or 'maintained' across `measures`; None without both periods.

    Each measure reported in both periods votes: all that moved went up,
    increased; all that moved went down, decreased; a mix or no change,
    maintained (as the published narratives word a mixed year).
    """
    moves = []
    for measure in measures:
        now, before = total(current, measure), total(previous, measure)
        # Two sources' totals do not make a trend: one may count what the other does not.
        if now.reported and before.reported and now.source_key == before.source_key:
            moves.append((now.value > before.value) - (now.value < before.value))
    if not moves:
        return None
    if 1 in moves and -1 not in moves:
        return "increased"
    if -1 in moves and 1 not in moves:
        return "decreased"
    return "maintained"


# How a period total and a case-level figure of each measure read.
_TOTAL: dict[str, tuple[str, str]] = {
    "investigations": ("investigation", "investigations"),
    "prosecutions": ("prosecution", "prosecutions"),
    "convictions": ("conviction", "convictions"),
    "victims_identified": ("identified victim", "identified victims"),
    "victims_referred": ("victim referred to care", "victims referred to care"),
}
_CASE: dict[str, tuple[str, str]] = {
    "investigations": ("investigation was opened", "investigations were opened"),
    "prosecutions": ("defendant was prosecuted", "defendants were prosecuted"),
    "convictions": ("trafficker was convicted", "traffickers were convicted"),
    "victims_identified": ("victim was identified", "victims were identified"),
    "victims_referred": ("victim was referred to care", "victims were referred to care"),
}
# What the government did not report, per table (the published wording).
NO_STATISTICS = {
    "law enforcement": "The government did not report law enforcement statistics.",
    "victim care": "The government did not report victim identification statistics.",
}


def _count(n: int, forms: tuple[str, str]) -> str:
    return f"{n} {forms[0] if n == 1 else forms[1]}"


def statements(
    items: list[SelectedRecord], measures: tuple[str, ...], what: str
) -> list[Paragraph]:
    """The figures of `measures` this period as the narratives word them, source by source.

    The government's period totals first, then other sources' totals and
    each case-level figure, side by side and never added ("The government
    reported 9 prosecutions; the NGO X reported one case in which 14
    defendants were prosecuted."). Without a government total for any of
    the measures, the published "The government did not report ...
    statistics." opens them instead of a zero.
    """
    blocks: list[Paragraph] = []
    scoped = [prose.scoped_figures(items, m, lambda f, m=m: _record_total(f, m)) for m in measures]
    if all(s.total_of("government") is None for s in scoped):
        blocks.append(Paragraph(text=NO_STATISTICS[what]))
    # A reporter's plain totals read as one sentence ("The government reported
    # 38 investigations, 17 prosecutions, and 6 convictions."); a measure with
    # figures from several sources or case-level ones gets its own, side by side.
    # By source, not by how it is named: two unnamed defenders are two sentences.
    plain: dict[tuple[str, tuple[str, ...]], list[tuple[str, prose.Figures]]] = {}
    apart: list[tuple[str, prose.Figures]] = []
    for measure, found in zip(measures, scoped, strict=True):
        if len(found.totals) == 1 and not found.incidents:
            who, _, records = found.totals[0]
            plain.setdefault((who, prose.source_key(records[0])), []).append((measure, found))
        elif found.reported:
            apart.append((measure, found))
    for (who, _), group in plain.items():
        counts = [_count(found.totals[0][1], _TOTAL[m]) for m, found in group]
        cites = {c.record: c for _, found in group for c in found.cites}
        text = f"{who[:1].upper()}{who[1:]} reported {prose.series(counts)}."
        blocks.append(Paragraph(text=text, cites=tuple(cites.values())))
    for measure, found in apart:
        sentence = prose.figure_sentence(
            found,
            lambda n, m=measure: _count(n, _TOTAL[m]),
            lambda n, m=measure: f"one case in which {_count(n, _CASE[m])}",
        )
        if sentence is not None:
            blocks.append(sentence)
    return blocks
