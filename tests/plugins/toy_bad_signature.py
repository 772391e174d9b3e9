"""A toy plugin whose hook asks for an argument the hook does not have."""

from __future__ import annotations

from hrdraft import BuildContext, Edition, ReportType, SectionSpec, SelectedRecord, hookimpl

TOY = ReportType(
    name="toy-bad",
    title="Toy Report",
    editions=(Edition("1", "Only", 2000, None, (SectionSpec(id="1", title="One"),)),),
)


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return [TOY]


@hookimpl
def hrdraft_classify_record(
    context: BuildContext, item: SelectedRecord, colour: str
) -> list[str] | None:
    # `colour` is not an argument of hrdraft_classify_record: pluggy refuses this.
    return None
