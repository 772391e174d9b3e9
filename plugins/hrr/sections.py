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
("There were reports that government officials employed torture ...") or
narrow topic ("forced or compulsory labor" of 7.b) is made only for the
records whose categories it is about; the others placed there (prison
overcrowding under the 2024 torture heading, a trafficking prosecution
under 7.b, a record targeted at a heading by hand) get a lead sentence of
their own topic. Each lead sentence is followed by the paragraphs of the
records it counts. A heading whose only records this audience may not use
says it has no information, never "There were no reports". The Executive
Summary names each issue only of the records it is about, and says
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

# Heading topics narrower than what the classify map places under them:
# (the categories they are about, the topic for a record of none of those
# that CATEGORY_TOPICS does not know either). 7.b of the seven-section
# outline holds the trafficking records (after its pointer to the TIP
# report), but a trafficking prosecution is no report of forced labour
# unless the record says so with labor.forced.
TOPIC_CATEGORIES: dict[str, tuple[frozenset[str], str]] = {
    "forced or compulsory labor": (frozenset({"labor.forced"}), "abuses of worker rights"),
}

_TRAFFICKING = "trafficking in persons"

# What a record of these categories is about, when it sits under a heading
# whose claim or topic is about something else: (topic of its lead
# sentence, issue the Executive Summary names), first match in the
# record's category order.
CATEGORY_TOPICS: dict[str, tuple[str, str]] = {
    "detention.conditions": (
        "harsh or life-threatening prison and detention center conditions",
        "harsh and life-threatening prison conditions",
    ),
    "detention.pretrial": ("prolonged pretrial detention", "prolonged pretrial detention"),
    "detention.arbitrary": ("arbitrary arrest or detention", "arbitrary arrest or detention"),
    "torture": (
        "torture or cruel, inhuman, or degrading treatment or punishment",
        "torture or cruel, inhuman, or degrading treatment or punishment",
    ),
    "labor.forced": ("forced or compulsory labor", "forced or compulsory labor"),
    **{
        f"trafficking.{part}": (_TRAFFICKING, _TRAFFICKING)
        for part in ("prosecution", "protection", "prevention", "profile", "legislation")
    },
}


def _claim_covers(claim: str) -> frozenset[str] | None:
    for opening, categories in CLAIM_CATEGORIES.items():
        if claim.startswith(opening):
            return categories
    return None  # a claim this table does not know: its heading's records are its evidence


def _covers(spec: SectionSpec, claim: str | None) -> frozenset[str] | None:
    """The categories the heading's lead sentence is about (None: any record placed there)."""
    if claim:
        return _claim_covers(claim)
    narrow = TOPIC_CATEGORIES.get(spec.topic)
    return narrow[0] if narrow else None


def _covered(item: SelectedRecord, covers: frozenset[str] | None) -> bool:
    return covers is None or bool(covers.intersection(item.record.categories))


def _own_topic(item: SelectedRecord, spec: SectionSpec) -> tuple[str, str]:
    """(topic, issue) of a record the heading's claim or topic is not about."""
    issue = spec.issue if isinstance(spec, Heading) else ""
    narrow = TOPIC_CATEGORIES.get(spec.topic)
    # Under a narrow topic, never the topic itself: the record is not about it.
    fallback = (narrow[1], narrow[1]) if narrow else (spec.topic, issue)
    return next(
        (CATEGORY_TOPICS[c] for c in item.record.categories if c in CATEGORY_TOPICS),
        fallback,
    )


def lead_groups(
    spec: SectionSpec, items: list[SelectedRecord], claim: str | None
) -> list[tuple[Paragraph, list[SelectedRecord]]]:
    """Each lead sentence of a heading with records, with the records it counts.

    Every lead claims only what its records say. The records the heading's
    claim (or narrow topic, :data:`TOPIC_CATEGORIES`) is about share its
    sentence; the others, one sentence per topic of their own categories
    (:data:`CATEGORY_TOPICS`), else of the heading's topic. A record is in
    exactly one group; groups keep the records' order, the heading's own
    first.
    """
    covers = _covers(spec, claim)
    own = [i for i in items if _covered(i, covers)]
    groups: list[tuple[Paragraph, list[SelectedRecord]]] = []
    if own:
        text = prose.lead_sentence(len(own), spec.topic, claim=claim)
        groups.append((Paragraph(text=text, cites=tuple(i.cite for i in own)), own))
    by_topic: dict[str, list[SelectedRecord]] = {}
    for item in items:
        if not _covered(item, covers):
            by_topic.setdefault(_own_topic(item, spec)[0], []).append(item)
    for topic, group in by_topic.items():
        text = prose.lead_sentence(len(group), topic)
        groups.append((Paragraph(text=text, cites=tuple(i.cite for i in group)), group))
    return groups


def lead_paragraphs(
    spec: SectionSpec, items: list[SelectedRecord], claim: str | None
) -> list[Paragraph]:
    """The lead sentence(s) of a heading with records (:func:`lead_groups`), in order."""
    return [lead for lead, _ in lead_groups(spec, items, claim)]


def issues_of(
    spec: SectionSpec, items: list[SelectedRecord]
) -> list[tuple[str, list[SelectedRecord]]]:
    """The Executive Summary's issues for a heading's records, each with the records behind it.

    The heading's own issue only for the records its lead sentence is about
    (a trafficking prosecution under 7.b is "trafficking in persons", not
    "..., including forced or compulsory labor"); the others by their own
    categories, as their lead sentences are.
    """
    issue = spec.issue if isinstance(spec, Heading) else ""
    if not issue:
        return []
    claim = spec.claim if isinstance(spec, Heading) else None
    covers = _covers(spec, claim)
    out: dict[str, list[SelectedRecord]] = {issue: [i for i in items if _covered(i, covers)]}
    for item in items:
        if not _covered(item, covers):
            out.setdefault(_own_topic(item, spec)[1] or issue, []).append(item)
    return [(name, records) for name, records in out.items() if records]


def _said_by_another(issue: str, issues: list[str]) -> bool:
    # "trafficking in persons" goes without saying beside "trafficking in
    # persons, including forced or compulsory labor".
    return any(other.startswith(f"{issue}, including ") for other in issues)


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
    # Each lead sentence is followed by the paragraphs of the records it
    # counts, so a record is told under the lead that is about it.
    for lead, group in lead_groups(spec, items, claim):
        blocks += [lead, *prose.paragraphs(group, period)]
    return blocks


def summary_paragraph(context: BuildContext) -> Paragraph:
    """ "Significant human rights issues included credible reports of: ...; and ...".

    Names the issue of every heading that has records, in outline order, of
    the records it is about (:func:`issues_of`): "credible reports" for
    issues with a record graded credible (:func:`hrdraft.prose.credible`),
    "reports" for the others. With none,
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
        if not (spec.issue if isinstance(spec, Heading) else ""):
            continue
        withheld = withheld or spec.id in context.placement.withheld
        # Each issue only of the records it is about, as the lead sentences.
        for issue, records in issues_of(spec, list(context.placement.records(spec.id))):
            if any(prose.credible(i.record) for i in records):
                if issue not in credible:
                    credible.append(issue)
            elif issue not in other:
                other.append(issue)
    other = [i for i in other if i not in credible and not _said_by_another(i, other)]
    credible = [i for i in credible if not _said_by_another(i, credible)]
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
