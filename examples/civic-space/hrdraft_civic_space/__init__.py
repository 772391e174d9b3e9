"""Civic Space: an example third-party report plugin for hrdraft.

It uses only hrdraft's public API (``hrdraft`` and ``hrdraft.prose``) and
is found through the ``hrdraft`` entry-point group, like the built-in
reports. It owns the ``civic-space`` report type (so only it classifies and
builds it) and adds to one it does not own, the HRR, by declaring where
records of its own category go there (``hrdraft_extend_report_types``).
"""

from __future__ import annotations

from pathlib import Path

from hrdraft import (
    Block,
    BuildContext,
    Category,
    Cite,
    Paragraph,
    ReportExtension,
    ReportType,
    SectionSpec,
    SelectedRecord,
    hookimpl,
    prose,
)

from .outline import CIVIC_SPACE, CLASSIFICATION, HRR_EXTENSION, OUTLINE, STIGMATIZATION, SUMMARY

__all__ = ["CIVIC_SPACE"]


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return [CIVIC_SPACE]


@hookimpl
def hrdraft_register_categories() -> list[Category]:
    return [STIGMATIZATION]


@hookimpl
def hrdraft_extend_report_types() -> list[ReportExtension]:
    return [HRR_EXTENSION]


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    # Asked for civic-space drafts only: the core asks the owner, nobody else.
    targets = {s for c in item.record.categories for s in CLASSIFICATION.get(c, ())}
    return [s for s in context.edition.section_ids() if s in targets]


def _summary(context: BuildContext) -> list[Block]:
    """Which monitoring areas the records report on, in outline order."""
    areas: list[str] = []
    cites: dict[str, Cite] = {}
    for spec in OUTLINE[1:]:  # OUTLINE[0] is this summary
        # Where the core placed the records, explicit ``civic-space:`` targets
        # included; a top-level section holds its areas ("3" holds "3.a").
        items = context.placement.under(spec)
        if items:
            areas.append(spec.title.lower())
            cites.update({i.id: i.cite for i in items})
    if not areas:
        return [
            Paragraph(
                text="There were no reports of restrictions on civic space in "
                f"{context.country_name} during the year."
            )
        ]
    return [
        Paragraph(
            text="Civil society reported on the following areas of civic space in "
            f"{context.country_name} during the year: {prose.series(areas, separator='; ')}.",
            cites=tuple(cites.values()),
        )
    ]


@hookimpl
def hrdraft_build_section(
    context: BuildContext, spec: SectionSpec, items: list[SelectedRecord]
) -> list[Block]:
    if spec.id == SUMMARY:
        return _summary(context)
    if spec.children:
        return []  # a heading over its areas; each area has its own text
    return list(prose.section_paragraphs(items, spec.topic))


@hookimpl
def hrdraft_template_dirs() -> list[Path]:
    return [Path(__file__).parent / "templates"]
