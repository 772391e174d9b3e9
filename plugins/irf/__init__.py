"""The International Religious Freedom Report plugin.

Registered through the ``hrdraft`` entry-point group like any third-party
plugin, and built only on the public API of :mod:`hrdraft`. It owns the
``irf`` report type: the core asks only it to classify, build and transform
IRF drafts.
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

from .outline import EDITIONS
from .sections import REPORT, section_blocks, sections_for, with_summary

REPORT_TYPE = ReportType(
    name=REPORT,
    title="International Religious Freedom Report",
    editions=EDITIONS,
    description="The annual country chapter required by the International Religious "
    "Freedom Act of 1998, calendar year.",
    figures=("population", "adherents_<group>"),
)


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return [REPORT_TYPE]


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    return sections_for(item.record.categories)


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
