"""The Trafficking in Persons (TIP) report plugin.

Registers the ``tip`` report type (reporting period 1 April to 31 March: the
2024 report covers 1 April 2023 – 31 March 2024), classifies trafficking
records into its sections and builds each country narrative: the header with
the tier the officer decided (``-o tier=2``) and the opening assessment in
the published formula, PRIORITIZED RECOMMENDATIONS, PROSECUTION, PROTECTION,
PREVENTION and TRAFFICKING PROFILE, with the year-on-year figures from the
records (one source's period totals per measure, never two sources' added,
see ``figures.py``) and a tier suggestion that is labelled as such.
"""

from __future__ import annotations

from hrdraft import (
    Block,
    BuildContext,
    Report,
    ReportType,
    SectionSpec,
    SelectedRecord,
    hookimpl,
    prose,
)

from . import sections, tier
from .outline import (
    CLASSIFICATION,
    EDITION,
    HEADER,
    PROSECUTION,
    PROTECTION,
    RECOMMENDATIONS,
    TIP,
)

__all__ = ["EDITION", "TIP"]


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return [TIP]


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    targets = {t for c in item.record.categories for t in CLASSIFICATION.get(c, ())}
    return [s for s in context.edition.section_ids() if s in targets]


@hookimpl
def hrdraft_build_section(
    context: BuildContext, spec: SectionSpec, items: list[SelectedRecord]
) -> list[Block]:
    # Figures and the suggestion read every trafficking record of both
    # periods, not only those classified into this section.
    current = [i for i in context.items if sections.is_tip(i)]
    previous = [i for i in context.previous_items if sections.is_tip(i)]
    if spec.id == HEADER:
        return sections.header(context, current, previous)
    if spec.id == RECOMMENDATIONS:
        return sections.recommendations(items, current, previous)
    if spec.id == PROSECUTION:
        return sections.prosecution(context, spec, items, current, previous)
    if spec.id == PROTECTION:
        return sections.protection(context, spec, items, current, previous)
    return sections.narrative(
        spec, items, context.period, withheld=spec.id in context.placement.withheld
    )


@hookimpl
def hrdraft_transform_document(context: BuildContext, document: Report) -> Report | None:
    """Print the header as the report does: "VELORIA: Tier 2"."""
    if document.section(HEADER) is None:
        return None  # a draft of one section other than the header
    title = tier.header(context.country_name, tier.parse_tier(context.options.get("tier")))
    updated = tuple(
        s.model_copy(update={"title": title}) if s.id == HEADER else s for s in document.sections
    )
    # One incident, one telling: told in full once, referred to elsewhere.
    return prose.one_telling(
        document.model_copy(update={"sections": updated}), context.items, context.period
    )
