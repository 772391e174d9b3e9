"""Civic Space: an example third-party report plugin for hrdraft.

It uses only hrdraft's public API (``hrdraft`` and ``hrdraft.prose``) and
is found through the ``hrdraft`` entry-point group, like the built-in
reports.
"""

from __future__ import annotations

from pathlib import Path

from hrdraft import (
    Block,
    BuildContext,
    Category,
    Cite,
    Paragraph,
    ReportType,
    SectionSpec,
    SelectedRecord,
    hookimpl,
    prose,
)

from .outline import CIVIC_SPACE, CLASSIFICATION, OUTLINE, STIGMATIZATION, SUMMARY

__all__ = ["CIVIC_SPACE"]


def _ours(context: BuildContext) -> bool:
    return context.report_type.name == CIVIC_SPACE.name


def _sections_of(item: SelectedRecord) -> set[str]:
    return {s for c in item.record.categories for s in CLASSIFICATION.get(c, ())}


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return [CIVIC_SPACE]


@hookimpl
def hrdraft_register_categories() -> list[Category]:
    return [STIGMATIZATION]


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str] | None:
    if not _ours(context):
        return None
    targets = _sections_of(item)
    return [s for s in context.edition.section_ids() if s in targets]


def _summary(context: BuildContext) -> list[Block]:
    """Which monitoring areas the records report on, in outline order."""
    areas: list[str] = []
    cites: dict[str, Cite] = {}
    for spec in OUTLINE[1:]:  # OUTLINE[0] is this summary
        # Records in this top-level section or any of its areas ("3" holds "3.a").
        items = [
            i for i in context.items if any(s.split(".")[0] == spec.id for s in _sections_of(i))
        ]
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
) -> list[Block] | None:
    if not _ours(context):
        return None
    if spec.id == SUMMARY:
        return _summary(context)
    if spec.children:
        return []  # a heading over its areas; each area has its own text
    return list(prose.section_paragraphs(items, spec.topic))


@hookimpl
def hrdraft_template_dirs() -> list[Path]:
    return [Path(__file__).parent / "templates"]
