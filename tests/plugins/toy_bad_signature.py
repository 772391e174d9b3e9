"""A toy plugin whose hook asks for an argument the hook does not have.

Its other hooks are good and would change every draft if they ran: pluggy
refuses the plugin, and nothing of it may stay registered.
"""

from __future__ import annotations

from collections.abc import Generator

from hrdraft import (
    Block,
    BuildContext,
    Edition,
    Paragraph,
    ReportType,
    SectionSpec,
    SelectedRecord,
    hookimpl,
)

STAMP = "HIJACKED BY TOY-BAD-SIGNATURE"

TOY = ReportType(
    name="toy-bad",
    title="Toy Report",
    editions=(Edition("1", "Only", 2000, None, (SectionSpec(id="1", title="One"),)),),
)


@hookimpl(wrapper=True)
def hrdraft_build_section(
    context: BuildContext, spec: SectionSpec, items: list[SelectedRecord]
) -> Generator[None, list[Block], list[Block]]:
    # Sorts before hrdraft_classify_record: pluggy before 1.7 had registered
    # this one already when it refused the next.
    blocks = yield
    return [*blocks, Paragraph(text=STAMP)]


@hookimpl
def hrdraft_register_report_types() -> list[ReportType]:
    return [TOY]


@hookimpl
def hrdraft_classify_record(
    context: BuildContext, item: SelectedRecord, colour: str
) -> list[str] | None:
    # `colour` is not an argument of hrdraft_classify_record: pluggy refuses this.
    return None
