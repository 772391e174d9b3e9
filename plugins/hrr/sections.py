"""The blocks of one HRR section, and the Executive Summary built from the rest.

A subsection opens with its lead sentence ("There were numerous reports
that ...", "There were no reports of ... during the year.", or "Not
applicable." for a heading printed only where relevant), then one attributed
paragraph per record. A top-level "Section N." heading with sub-headings
has no lead sentence of its own: its sub-headings carry the text.

A heading the published report fills with a pointer (2.c and 7.b in the
seven-section outline, 2.d and 2.e in the 2024 one) starts with the pointer.
Records placed there still follow it, with their lead sentence: a drafter
decides what to keep, but never loses material the compiler was given.
"""

from __future__ import annotations

from hrdraft import Block, BuildContext, Paragraph, Report, SectionSpec, SelectedRecord, prose

from .outline import Heading

NO_ISSUES = "There were no reports of significant human rights issues during the year."


def section_blocks(
    spec: SectionSpec, items: list[SelectedRecord], period: prose.Period | None = None
) -> list[Block]:
    """The blocks of one heading, from the records placed under it.

    `period` is the draft's reporting year: dates inside it leave the year
    implied, dates outside it say it.
    """
    claim = spec.claim if isinstance(spec, Heading) else None
    blocks: list[Block] = []
    if spec.pointer:
        blocks.append(prose.pointer(spec.pointer))
        if not items:
            return blocks
    if not spec.topic:
        # The summary and the top-level sections: records targeted here
        # explicitly, without a lead sentence.
        return [*blocks, *prose.paragraphs(items, period)]
    return [
        *blocks,
        *prose.section_paragraphs(
            items, spec.topic, claim=claim, conditional=spec.conditional, period=period
        ),
    ]


def summary_paragraph(context: BuildContext) -> Paragraph:
    """ "Significant human rights issues included credible reports of: ...; and ...".

    Names the issue of every heading that has records, in outline order.
    With none, says there were no reports. Like the published summary it
    carries no notes of its own: each issue's records are cited in its
    section, where a reader looks for them. Which headings have records is
    the core's placement (explicit targets and contributions included), of
    the whole edition even in a draft of one section.
    """
    issues: list[str] = []
    for spec in context.edition.walk():
        issue = spec.issue if isinstance(spec, Heading) else ""
        if context.placement.records(spec.id) and issue and issue not in issues:
            issues.append(issue)
    if not issues:
        return Paragraph(text=NO_ISSUES)
    text = (
        "Significant human rights issues included credible reports of: "
        + prose.series(issues, separator="; ")
        + "."
    )
    return Paragraph(text=text)


def with_summary(context: BuildContext, document: Report) -> Report | None:
    """The document with the issue list opening its Executive Summary."""
    sections = list(document.sections)
    for i, section in enumerate(sections):
        if section.id == "summary":
            blocks = (summary_paragraph(context), *section.blocks)
            sections[i] = section.model_copy(update={"blocks": blocks})
            return document.model_copy(update={"sections": tuple(sections)})
    return None  # a draft of one section other than the summary
