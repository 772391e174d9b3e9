"""Section I: the population estimate and shares by religious group, as a table.

Records give figures ``population`` and ``adherents_<group>`` (for example
``adherents_sunni_muslim`` → "Sunni Muslim"). Where several records give the
same figure, the latest by event date is used (an estimate is replaced by a
newer one, not added to it). Shares are computed from the population figure;
every row names its source and cites the records its numbers come from.
"""

from __future__ import annotations

from hrdraft import Block, Cite, Paragraph, SelectedRecord, Table, prose

POPULATION = "population"
ADHERENTS = "adherents_"

NO_DEMOGRAPHY = "No source reported the population or its religious composition during the year."

NO_SHARE = "not computed (no population figure)"

_SMALL_WORDS = {"and", "of", "the", "or", "in", "for"}

# Groups whose names a figure name cannot spell (apostrophes, hyphens), in the
# form the report prints them; every other group is its figure name in words.
GROUP_LABELS = {
    "bahai": "Baha'i",
    "jehovahs_witnesses": "Jehovah's Witnesses",
    "latter_day_saints": "The Church of Jesus Christ of Latter-day Saints",
    "seventh_day_adventist": "Seventh-day Adventist",
    "none": "No religious affiliation",
    "no_religion": "No religious affiliation",
    "unaffiliated": "No religious affiliation",
    "other": "Other religious groups",
}


def group_label(figure: str) -> str:
    """``adherents_sunni_muslim`` → "Sunni Muslim"; ``adherents_bahai`` → "Baha'i"."""
    group = figure.removeprefix(ADHERENTS).replace("-", "_")
    if group in GROUP_LABELS:
        return GROUP_LABELS[group]
    words = group.split("_")
    return " ".join(
        w if i and w in _SMALL_WORDS else w[:1].upper() + w[1:] for i, w in enumerate(words) if w
    )


def _source(item: SelectedRecord) -> str:
    record = item.record
    when = record.period[0].year if record.period else record.year
    return f"{record.source.name}, {when}"


def demography_table(items: list[SelectedRecord]) -> Table | None:
    """The population and shares table, or None when no record gives those figures."""
    latest: dict[str, SelectedRecord] = {}
    for item in items:  # event order, so a later estimate replaces an earlier one
        for figure in item.record.figures:
            if figure == POPULATION or figure.startswith(ADHERENTS):
                latest[figure] = item
    if not latest:
        return None
    rows: list[tuple[str, ...]] = []
    row_cites: list[tuple[Cite, ...]] = []
    population_item = latest.get(POPULATION)
    population = population_item.record.figures[POPULATION] if population_item else 0
    if population_item:
        rows.append(("Total population", f"{population:,}", "100%", _source(population_item)))
        row_cites.append((population_item.cite,))
    groups = sorted(
        (k for k in latest if k.startswith(ADHERENTS)),
        key=lambda k: -latest[k].record.figures[k],
    )
    for figure in groups:
        item = latest[figure]
        count = item.record.figures[figure]
        share = (
            f"{100 * count / population:.1f}%"
            if population
            else "not computed (no population figure)"
        )
        rows.append((group_label(figure), f"{count:,}", share, _source(item)))
        cites = [item.cite]
        if population_item and population_item.id != item.id:
            cites.append(population_item.cite)
        row_cites.append(tuple(cites))
    return Table(
        caption="Population estimate and shares by religious group",
        header=("Group", "Estimate", "Share of population", "Source"),
        rows=tuple(rows),
        row_cites=tuple(row_cites),
    )


def demography_blocks(items: list[SelectedRecord]) -> list[Block]:
    """Section I: the estimate sentence, the table, then the records' own text."""
    if not items:
        return [Paragraph(text=NO_DEMOGRAPHY)]
    blocks: list[Block] = []
    table = demography_table(items)
    population_items = [i for i in items if POPULATION in i.record.figures]
    if population_items:
        item = population_items[-1]
        total = item.record.figures[POPULATION]
        blocks.append(
            Paragraph(
                text=f"The total population is estimated at {total:,} ({_source(item)}).",
                cites=(item.cite,),
            )
        )
    if table is not None:
        blocks.append(table)
    return [*blocks, *prose.paragraphs(items)]
