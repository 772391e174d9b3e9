"""The blocks of one IRF section, and the Executive Summary built from the rest.

Sections II to IV open with a lead sentence and give one attributed
paragraph per record (see :mod:`hrdraft.prose`); Section I is the
demography table (:mod:`hrdraft.reports.irf.demography`). The Executive Summary
restates, section by section, the first sentence of each record there, so
it never says more than the sections below it.
"""

from __future__ import annotations

from hrdraft import Block, BuildContext, Paragraph, Report, SectionSpec, SelectedRecord, prose

from .demography import demography_blocks
from .outline import DEMOGRAPHY, SECTION_BY_CATEGORY, SUMMARY

REPORT = "irf"

NO_REPORTS = "There were no reports concerning religious freedom during the year."

# How many records of one section the summary restates: enough to show the
# pattern, few enough to stay a summary.
SUMMARY_RECORDS_PER_SECTION = 3


def sections_for(categories: list[str]) -> list[str]:
    """The IRF section ids the categories map to, no repeats."""
    return list(
        dict.fromkeys(SECTION_BY_CATEGORY[c] for c in categories if c in SECTION_BY_CATEGORY)
    )


def section_blocks(
    spec: SectionSpec, items: list[SelectedRecord], period: prose.Period | None = None
) -> list[Block]:
    """The blocks of one heading, from the records placed under it (`period`: the draft's year)."""
    if spec.id == DEMOGRAPHY:
        return demography_blocks(items)
    if not spec.topic:
        # The summary and Section II itself: only records targeted there explicitly.
        return list(prose.paragraphs(items, period))
    return list(
        prose.section_paragraphs(items, spec.topic, conditional=spec.conditional, period=period)
    )


def _brief(item: SelectedRecord, period: prose.Period) -> str:
    record = item.record
    short = record.model_copy(update={"summary": prose.first_sentence(record.summary)})
    return prose.attribution(short, period)


def summary_paragraphs(context: BuildContext, document: Report) -> list[Paragraph]:
    """One paragraph per section with records, restating them briefly, in outline order."""
    by_id = {item.id: item for item in context.items}
    out: list[Paragraph] = []
    summarised: set[str] = set()  # a record in two sections is restated once
    for section in document.walk():
        if section.id == SUMMARY:
            continue
        if section.id == DEMOGRAPHY:
            # The population estimate sentence, not every census record again.
            estimate = next((b for b in section.blocks if isinstance(b, Paragraph)), None)
            if estimate is not None and estimate.cites:
                out.append(estimate)
            continue
        cited: dict[str, SelectedRecord] = {}
        for block in section.blocks:
            for cite in getattr(block, "cites", ()):
                if cite.record in by_id:
                    cited.setdefault(cite.record, by_id[cite.record])
        # Records in another language are summarised in the section itself:
        # the summary keeps one language.
        english = [
            i for i in cited.values() if prose.is_english(i.record) and i.id not in summarised
        ]
        chosen = english[:SUMMARY_RECORDS_PER_SECTION]
        summarised.update(i.id for i in chosen)
        if chosen:
            out.append(
                Paragraph(
                    text=" ".join(_brief(i, context.period) for i in chosen),
                    cites=tuple(i.cite for i in chosen),
                )
            )
    return out or [Paragraph(text=NO_REPORTS)]


def with_summary(context: BuildContext, document: Report) -> Report | None:
    """The document with its Executive Summary written from the sections."""
    sections = list(document.sections)
    for i, section in enumerate(sections):
        if section.id == SUMMARY:
            blocks = (*summary_paragraphs(context, document), *section.blocks)
            sections[i] = section.model_copy(update={"blocks": blocks})
            return document.model_copy(update={"sections": tuple(sections)})
    return None  # a draft of one section other than the summary
