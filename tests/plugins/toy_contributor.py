"""A plugin that adds to the HRR, which it does not own, by declaring it.

It registers a category of its own and places it into HRR sections, and
declares a transform of HRR drafts. Its ``hrdraft_classify_record`` answers
wrongly for every report type: as it owns none, it is never asked.
"""

from __future__ import annotations

from hrdraft import (
    BuildContext,
    Category,
    Report,
    ReportExtension,
    SelectedRecord,
    hookimpl,
)

REPRISALS = Category(id="toy.reprisals", label="Reprisals for cooperating with the UN")

EXTENSION = ReportExtension(
    report_type="hrr",
    placements={"2023": {REPRISALS.id: ("5",)}, "2024": {REPRISALS.id: ("3.e",)}},
    transforms=True,
)

MARK = "transformed by toy-contributor"


@hookimpl
def hrdraft_register_categories() -> list[Category]:
    return [REPRISALS]


@hookimpl
def hrdraft_extend_report_types() -> list[ReportExtension]:
    # "tip" is not extended: this plugin's transform must never see a TIP draft.
    return [EXTENSION]


@hookimpl
def hrdraft_classify_record(context: BuildContext, item: SelectedRecord) -> list[str]:
    return ["1.a"]


@hookimpl
def hrdraft_transform_document(context: BuildContext, document: Report) -> Report:
    # The owner's transform ran first: its Executive Summary is already there.
    summary = document.section("summary")
    opening = summary.blocks[0].text if summary is not None and summary.blocks else ""
    metadata = {**document.metadata, MARK: opening[:60]}
    return document.model_copy(update={"metadata": metadata})
