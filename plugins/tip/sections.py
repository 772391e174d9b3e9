"""The blocks of each TIP section, from the records classified there and the figures."""

from __future__ import annotations

import re

from hrdraft import (
    Block,
    BuildContext,
    BulletList,
    Cite,
    Note,
    Paragraph,
    SectionSpec,
    SelectedRecord,
    prose,
)

from . import figures, tier
from .figures import Tally, total
from .outline import CLASSIFICATION, LAW_ENFORCEMENT, VICTIM_CARE

_RECOMMENDS = re.compile(r"\b(recommend\w*|urg\w*|call(?:ed|s)? on|should)\b", re.IGNORECASE)
# A recommendation sentence often refers back to its source ("It urged ...").
_PRONOUN = re.compile(r"^(It|They|We|The (?:network|organization|organisation|group|NGO))\b")
_SENTENCE = re.compile(r"(?<=[.!?])\s+")


def is_tip(item: SelectedRecord) -> bool:
    """Whether a record is trafficking material (by category or an explicit ``tip:`` target)."""
    record = item.record
    return any(c in CLASSIFICATION for c in record.categories) or any(
        t.startswith("tip:") for t in record.sections
    )


def no_reports(spec: SectionSpec, withheld: bool = False) -> Paragraph:
    """The line of a section with no records this draft may use.

    TIP narratives speak of the reporting period (April to March), not "the
    year". With `withheld` (records another audience may use would go
    here) it claims no absence: "This draft includes no information on ...".
    """
    if withheld:
        return Paragraph(text=prose.NO_INFORMATION.format(topic=spec.topic))
    return Paragraph(text=f"There were no reports of {spec.topic} during the reporting period.")


def _withheld(context: BuildContext, spec: SectionSpec) -> bool:
    return spec.id in context.placement.withheld


def _periods(context: BuildContext) -> tuple[str, str]:
    start, end = context.period
    before = context.report_type.period(context.year - 1)
    return (
        f"{start:%b %Y} – {end:%b %Y}",
        f"{before[0]:%b %Y} – {before[1]:%b %Y}",
    )


def _cites(*tallies: Tally) -> tuple[Cite, ...]:
    return tuple({i.id: i.cite for t in tallies for i in t.records}.values())


def _trend_sentence(
    current: list[SelectedRecord],
    previous: list[SelectedRecord],
    measures: tuple[str, ...],
    efforts: str,
) -> list[Paragraph]:
    """The published opener ("The government maintained law enforcement efforts.")."""
    direction = figures.trend(current, previous, measures)
    if direction is None:
        return []
    tallies = [total(items, m) for items in (current, previous) for m in measures]
    return [Paragraph(text=f"The government {direction} {efforts}.", cites=_cites(*tallies))]


def header(
    context: BuildContext, current: list[SelectedRecord], previous: list[SelectedRecord]
) -> list[Block]:
    """The opening assessment for a decided tier, and the tier suggestion.

    The suggestion is printed whenever the tier is not decided yet (it is
    what the officer decides from) and in every internal draft (reviewers
    compare the decision with the evidence); a public draft with a decided
    tier leaves it out, as that draft is on its way to publication.
    """
    decided = tier.parse_tier(context.options.get("tier"))
    previous_tier = tier.parse_tier(context.options.get("previous_tier"), "previous_tier")
    blocks: list[Block] = []
    if decided:
        blocks.append(Paragraph(text=tier.assessment(context.country_name, decided, previous_tier)))
    else:
        blocks.append(
            Note(
                label=tier.UNDECIDED,
                text="The opening assessment follows the published formula once the tier is "
                "decided: compile with `-o tier=1`, `2`, `2WL`, `3` or `special`.",
            )
        )
    if not decided or context.audience == "internal":
        blocks.append(
            Note(label=tier.SUGGESTION_LABEL, text=tier.suggest(current, previous).text())
        )
    return blocks


def _recommended_by(sentence: str, source: str) -> str:
    """The sentence with its source: "It urged ..." becomes "<source> urged ..."."""
    pronoun = _PRONOUN.match(sentence)
    if pronoun:
        return f"{source}{sentence[pronoun.end() :]}"
    return f"{sentence} ({source})"


def recommendations(
    items: list[SelectedRecord], current: list[SelectedRecord], previous: list[SelectedRecord]
) -> list[Block]:
    """Gaps in the figures first (standard 4 leads), then what the records recommend.

    A gap is a measure the minimum standards judge that is missing, zero or
    falling; each becomes a recommendation in the report's imperative style.
    Records' own recommendations are the sentences of trafficking records
    that recommend, urge or call on (or, for a record aimed at this section
    with ``tip:recommendations``, its whole summary), with their source.
    """
    bullets: list[str] = []
    cites: dict[str, Cite] = {}

    def add(text: str, *tallies: Tally) -> None:
        bullets.append(text)
        cites.update({i.id: i.cite for t in tallies for i in t.records})

    now = {m: total(current, m) for m in (*LAW_ENFORCEMENT, *VICTIM_CARE)}
    before = {m: total(previous, m) for m in LAW_ENFORCEMENT}
    falling = [
        m
        for m in ("investigations", "prosecutions")
        if now[m].reported and before[m].reported and now[m].value < before[m].value
    ]
    if falling:
        add(
            "Vigorously investigate and prosecute trafficking crimes, reversing the decline in "
            f"{' and '.join(falling)} from the previous reporting period.",
            *(now[m] for m in falling),
            *(before[m] for m in falling),
        )
    if not now["convictions"].value:
        add(
            "Increase efforts to investigate and prosecute trafficking crimes, and seek adequate "
            "penalties for convicted traffickers, which should involve significant prison terms.",
            now["convictions"],
        )
    labor = figures.split(current, "investigations", "labor")
    if now["investigations"].reported and labor.reported and labor.value == 0:
        add(
            "Increase efforts to investigate and prosecute labor trafficking, including forced "
            "labor.",
            labor,
        )
    elif now["investigations"].reported and not labor.reported:
        add(
            "Collect and report law enforcement data separately for sex trafficking and labor "
            "trafficking.",
            now["investigations"],
        )
    identified, referred = now["victims_identified"], now["victims_referred"]
    if not identified.value:
        add(
            "Develop and implement procedures to proactively identify trafficking victims among "
            "vulnerable populations and refer them to care.",
            identified,
        )
    elif referred.reported and referred.value < identified.value:
        add(
            "Ensure all identified trafficking victims are referred to appropriate care.",
            identified,
            referred,
        )
    explicit = {i.id for i in items}
    for item in [*items, *(i for i in current if i.id not in explicit)]:
        record = item.record
        if item.id in explicit:
            found = [record.summary]
        elif any(c.startswith("trafficking.") for c in record.categories):
            found = [s for s in _SENTENCE.split(record.summary) if _RECOMMENDS.search(s)]
        else:
            found = []
        for sentence in found:
            add(_recommended_by(sentence.strip(), record.source.name))
            cites[item.id] = item.cite
    if not bullets:
        return [Paragraph(text="Neither the records nor the figures give a recommendation yet.")]
    return [BulletList(items=tuple(bullets), cites=tuple(cites.values()))]


def prosecution(
    context: BuildContext,
    spec: SectionSpec,
    items: list[SelectedRecord],
    current: list[SelectedRecord],
    previous: list[SelectedRecord],
) -> list[Block]:
    """Trend, legislation, the law enforcement figures, then the other records."""
    blocks: list[Block] = [
        *_trend_sentence(current, previous, LAW_ENFORCEMENT, "law enforcement efforts")
    ]
    laws = [i for i in items if "trafficking.legislation" in i.record.categories]
    blocks += prose.paragraphs(laws, context.period)
    blocks.append(figures.law_enforcement_table(current, previous, _periods(context)))
    blocks += figures.statements(current, LAW_ENFORCEMENT, "law enforcement")
    blocks += prose.paragraphs((i for i in items if i not in laws), context.period)
    if not items:
        blocks.append(no_reports(spec, _withheld(context, spec)))
    return blocks


def protection(
    context: BuildContext,
    spec: SectionSpec,
    items: list[SelectedRecord],
    current: list[SelectedRecord],
    previous: list[SelectedRecord],
) -> list[Block]:
    """Trend, the victim identification and care figures, then the records."""
    blocks: list[Block] = [
        *_trend_sentence(current, previous, VICTIM_CARE, "efforts to identify and protect victims")
    ]
    blocks.append(figures.victim_care_table(current, previous, _periods(context)))
    blocks += figures.statements(current, VICTIM_CARE, "victim care")
    blocks += prose.paragraphs(items, context.period) or [
        no_reports(spec, _withheld(context, spec))
    ]
    return blocks


def narrative(
    spec: SectionSpec,
    items: list[SelectedRecord],
    period: prose.Period | None = None,
    withheld: bool = False,
) -> list[Block]:
    """PREVENTION and TRAFFICKING PROFILE: the records, attributed, or a lead sentence.

    `period` is the reporting period (April to March): its dates carry their
    year. `withheld` as for :func:`no_reports`.
    """
    return prose.paragraphs(items, period) or [no_reports(spec, withheld)]
