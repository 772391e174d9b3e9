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

A lead sentence claims no more than its records say. A heading's claim
("There were reports that government officials employed torture ...") is
made only for the records whose categories it is about; the others placed
there (prison overcrowding under the 2024 torture heading, a record
targeted at a heading by hand) get a lead sentence of their own topic. A
heading whose only records this audience may not use says it has no
information, never "There were no reports". The Executive Summary says
"credible reports" only of issues with a record graded credible
(:func:`hrdraft.prose.credible`). An incident placed under several headings
is told in full once, under the first, and referred to under the others.
"""

from __future__ import annotations

from hrdraft import Block, BuildContext, Paragraph, Report, SectionSpec, SelectedRecord, prose

from .outline import Heading

NO_ISSUES = "There were no reports of significant human rights issues during the year."
NO_ISSUES_WITHHELD = prose.NO_INFORMATION.format(topic="significant human rights issues")

# The categories each claim clause is about, by the clause's opening words.
# A record placed under the heading without one of them is not evidence of
# the claim.
CLAIM_CATEGORIES: dict[str, frozenset[str]] = {
    "government officials employed torture": frozenset({"torture"}),
    "the government or its agents committed": frozenset(
        {"killing.arbitrary", "killing.extrajudicial"}
    ),
    "the government arbitrarily arrested": frozenset({"detention.arbitrary"}),
}

# What a record of these categories is about, when it sits under a heading
# whose claim is about something graver.
CATEGORY_TOPICS: dict[str, str] = {
    "detention.conditions": "harsh or life-threatening prison and detention center conditions",
    "detention.pretrial": "prolonged pretrial detention",
    "detention.arbitrary": "arbitrary arrest or detention",
    "torture": "torture or cruel, inhuman, or degrading treatment or punishment",
}


def _claim_covers(claim: str) -> frozenset[str] | None:
    for opening, categories in CLAIM_CATEGORIES.items():
        if claim.startswith(opening):
            return categories
    return None  # a claim this table does not know: its heading's records are its evidence


def lead_paragraphs(
    spec: SectionSpec, items: list[SelectedRecord], claim: str | None
) -> list[Paragraph]:
    """The lead sentence(s) of a heading with records, each claiming only what its records say.

    Without a claim, one sentence of the heading's topic. With one, the
    records the claim is about share the claim sentence; the others (placed
    here without a category the claim is about) one sentence per topic of
    their own categories, else of the heading's topic.
    """
    if not claim:
        text = prose.lead_sentence(len(items), spec.topic)
        return [Paragraph(text=text, cites=tuple(i.cite for i in items))]
    covers = _claim_covers(claim)
    claimed = [i for i in items if covers is None or covers.intersection(i.record.categories)]
    leads: list[Paragraph] = []
    if claimed:
        text = prose.lead_sentence(len(claimed), spec.topic, claim=claim)
        leads.append(Paragraph(text=text, cites=tuple(i.cite for i in claimed)))
    by_topic: dict[str, list[SelectedRecord]] = {}
    for item in items:
        if item in claimed:
            continue
        topic = next(
            (CATEGORY_TOPICS[c] for c in item.record.categories if c in CATEGORY_TOPICS),
            spec.topic,
        )
        by_topic.setdefault(topic, []).append(item)
    for topic, group in by_topic.items():
        text = prose.lead_sentence(len(group), topic)
        leads.append(Paragraph(text=text, cites=tuple(i.cite for i in group)))
    return leads


def section_blocks(
    spec: SectionSpec,
    items: list[SelectedRecord],
    period: prose.Period | None = None,
    *,
    withheld: bool = False,
) -> list[Block]:
    """The blocks of one heading, from the records placed under it.

    `period` is the draft's reporting year: dates inside it leave the year
    implied, dates outside it say it. `withheld`: records this audience may
    not use would be placed here (``context.placement.withheld``).
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
    if not items:
        return [
            *blocks,
            *prose.section_paragraphs(
                items, spec.topic, conditional=spec.conditional, withheld=withheld
            ),
        ]
    return [*blocks, *lead_paragraphs(spec, items, claim), *prose.paragraphs(items, period)]


def summary_paragraph(context: BuildContext) -> Paragraph:
    """ "Significant human rights issues included credible reports of: ...; and ...".

    Names the issue of every heading that has records, in outline order:
    "credible reports" for issues with a record graded credible
    (:func:`hrdraft.prose.credible`), "reports" for the others. With none,
    says there were no reports, unless records this audience may not use
    exist for a listed issue: then it says the draft has no information.
    Like the published summary it carries no notes of its own: each issue's records are cited in its
    section, where a reader looks for them. Which headings have records is
    the core's placement (explicit targets and contributions included), of
    the whole edition even in a draft of one section.
    """
    credible: list[str] = []
    other: list[str] = []
    withheld = False
    for spec in context.edition.walk():
        issue = spec.issue if isinstance(spec, Heading) else ""
        if not issue:
            continue
        records = context.placement.records(spec.id)
        withheld = withheld or spec.id in context.placement.withheld
        if any(prose.credible(i.record) for i in records):
            if issue not in credible:
                credible.append(issue)
        elif records and issue not in other:
            other.append(issue)
    other = [i for i in other if i not in credible]
    if not credible and not other:
        return Paragraph(text=NO_ISSUES_WITHHELD if withheld else NO_ISSUES)
    if credible:
        text = (
            "Significant human rights issues included credible reports of: "
            + prose.series(credible, separator="; ")
            + "."
        )
        if other:
            text += (
                " There were also reports, from sources not graded credible, of: "
                + prose.series(other, separator="; ")
                + "."
            )
    else:
        text = (
            "Significant human rights issues included reports of: "
            + prose.series(other, separator="; ")
            + "."
        )
    return Paragraph(text=text)


def with_summary(context: BuildContext, document: Report) -> Report | None:
    """The document with the issue list opening its Executive Summary, each incident told once.

    A record placed under several headings is told in full under the first
    and referred to under the others ("... is described in section 1.c.",
    :func:`hrdraft.prose.one_telling`).
    """
    told = prose.one_telling(document, context.items, context.period)
    sections = list(told.sections)
    for i, section in enumerate(sections):
        if section.id == "summary":
            blocks = (summary_paragraph(context), *section.blocks)
            sections[i] = section.model_copy(update={"blocks": blocks})
            return told.model_copy(update={"sections": tuple(sections)})
    # A draft of one section other than the summary.
    return told if told is not document else None
