"""Year-on-year figures: totals summed from record figures, each traceable to its records.

A record may give a measure's total (``prosecutions``), its split
(``prosecutions_sex``, ``prosecutions_labor``), or both. Totals are summed
over the records that report the measure at all; a split is summed only
over the records that give it, and when a record gives a total without the
split the split cell says so instead of inventing a number.
"""

from __future__ import annotations

from dataclasses import dataclass

from hrdraft import Cite, SelectedRecord, Table

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


def total(items: list[SelectedRecord], measure: str) -> Tally:
    """The measure summed over every record that reports it."""
    found = [(i, _record_total(i.record.figures, measure)) for i in items]
    found = [(i, n) for i, n in found if n is not None]
    return Tally(sum(n for _, n in found), tuple(i for i, _ in found))


def split(items: list[SelectedRecord], measure: str, part: str) -> Tally:
    """One split of a measure, and how many reporting records left it out."""
    key = f"{measure}_{part}"
    reporting = [i for i in items if _record_total(i.record.figures, measure) is not None]
    giving = [i for i in reporting if key in i.record.figures]
    return Tally(
        sum(i.record.figures[key] for i in giving),
        tuple(giving),
        missing=len(reporting) - len(giving) if giving else 0,
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
        "Law enforcement figures reported in the records",
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
        "Victim identification and care figures reported in the records",
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
        if now.reported and before.reported:
            moves.append((now.value > before.value) - (now.value < before.value))
    if not moves:
        return None
    if 1 in moves and -1 not in moves:
        return "increased"
    if -1 in moves and 1 not in moves:
        return "decreased"
    return "maintained"
