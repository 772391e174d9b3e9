"""The Human Rights Report plugin: Country Reports on Human Rights Practices.

Registered through the ``hrdraft`` entry-point group like any third-party
plugin, and built only on the public API of :mod:`hrdraft`. It owns the
``hrr`` report type, so the core asks only it to classify, build and
transform HRR drafts, and never asks it about another report type.
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
)

from .classify import REPORT, sections_for
from .outline import EDITIONS
from .sections import section_blocks, with_summary

REPORT_TYPE = ReportType(
    name=REPORT,
    title="Country Reports on Human Rights Practices",
    editions=EDITIONS,
    description="The annual country chapter on human rights practices, calendar year; "
    "the seven-section outline up to 2023, the three-section outline from 2024.",
)


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return [REPORT_TYPE]


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    return sections_for(context.edition.name, item.record.categories)


@hookimpl
def hrdraft_build_section(
    context: BuildContext, spec: SectionSpec, items: list[SelectedRecord]
) -> list[Block]:
    return section_blocks(
        spec, items, context.period, withheld=spec.id in context.placement.withheld
    )


@hookimpl
def hrdraft_transform_document(context: BuildContext, document: Report) -> Report | None:
    return with_summary(context, document)
