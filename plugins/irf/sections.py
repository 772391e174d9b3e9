"""The blocks of one IRF section, and the Executive Summary built from the rest.

Sections II to IV open with a lead sentence and give one attributed
paragraph per record (see :mod:`hrdraft.prose`); the Legal Framework's
lead claims "changes to the legal framework" only of records that report a
change (a registration refused is reported "concerning the laws"); Section I is the
demography table (:mod:`hrdraft.reports.irf.demography`). The Executive Summary
restates, section by section, the first sentence of each record there, so
it never says more than the sections below it.
"""

from __future__ import annotations

import re

from hrdraft import Block, BuildContext, Paragraph, Report, SectionSpec, SelectedRecord, prose

from .demography import demography_blocks
from .outline import DEMOGRAPHY, LEGAL_FRAMEWORK, SECTION_BY_CATEGORY, SUMMARY

REPORT = "irf"

NO_REPORTS = "There were no reports concerning religious freedom during the year."

# How many records of one section the summary restates: enough to show the
# pattern, few enough to stay a summary.
SUMMARY_RECORDS_PER_SECTION = 3


# Words by which a record's own summary says a law or regulation changed
# (amended, adopted, repealed, struck down, in force). Only such a record is evidence of
# "changes to the legal framework"; a registration refused, a bill proposed
# or a court hearing under the same law is not.
_CHANGE = re.compile(
    r"\b(?:amend(?:ed|s|ment)|adopted|enacted|passed|repealed|revoked|abolished|"
    r"(?:entered|came) into force|took effect|signed into law|promulgated|ratified|"
    r"struck down|annulled|invalidated)\b",
    re.I,
)

# What the Legal Framework heading's other records are about.
LAW_TOPIC = "the laws governing religious freedom"


def _changes_law(item: SelectedRecord) -> bool:
    return prose.is_english(item.record) and bool(_CHANGE.search(item.record.summary))


def _concerning(items: list[SelectedRecord]) -> Paragraph:
    """ "There was a report concerning the laws governing religious freedom.", citing them."""
    if len(items) == 1:
        text = f"There was a report concerning {LAW_TOPIC}."
    elif len(items) >= prose.NUMEROUS:
        text = f"There were numerous reports concerning {LAW_TOPIC}."
    else:
        text = f"There were reports concerning {LAW_TOPIC}."
    return Paragraph(text=text, cites=tuple(i.cite for i in items))


def legal_framework_leads(spec: SectionSpec, items: list[SelectedRecord]) -> list[Paragraph]:
    """The Legal Framework's lead sentence(s), claiming a change only of records reporting one.

    Records whose summary says a law changed share "There were reports of
    changes to the legal framework ..."; the others (a registration
    refused, a bill proposed) "There was a report concerning the laws
    governing religious freedom."
    """
    changes = [i for i in items if _changes_law(i)]
    others = [i for i in items if i not in changes]
    leads: list[Paragraph] = []
    if changes:
        text = prose.lead_sentence(len(changes), spec.topic)
        leads.append(Paragraph(text=text, cites=tuple(i.cite for i in changes)))
    if others:
        leads.append(_concerning(others))
    return leads


def sections_for(categories: list[str]) -> list[str]:
    """The IRF section ids the categories map to, no repeats."""
    return list(
        dict.fromkeys(SECTION_BY_CATEGORY[c] for c in categories if c in SECTION_BY_CATEGORY)
    )


def section_blocks(
    spec: SectionSpec,
    items: list[SelectedRecord],
    period: prose.Period | None = None,
    withheld: bool = False,
) -> list[Block]:
    """The blocks of one heading, from the records placed under it (`period`: the draft's year).

    `withheld`: the heading may have records this draft may not use (every
    heading of a public draft): with none it may use, it claims no absence.
    """
    if spec.id == DEMOGRAPHY:
        return demography_blocks(items)
    if not spec.topic:
        # The summary and Section II itself: only records targeted there explicitly.
        return list(prose.paragraphs(items, period))
    if spec.id == LEGAL_FRAMEWORK and items:
        return [*legal_framework_leads(spec, items), *prose.paragraphs(items, period)]
    return list(
        prose.section_paragraphs(
            items, spec.topic, conditional=spec.conditional, period=period, withheld=withheld
        )
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
    if out:
        return out
    if SUMMARY in context.placement.withheld:  # every heading of a public draft
        return [Paragraph(text=prose.NO_INFORMATION.format(topic="religious freedom"))]
    return [Paragraph(text=NO_REPORTS)]


def with_summary(context: BuildContext, document: Report) -> Report | None:
    """The document with its Executive Summary written from the sections, each incident told once.

    A record placed in several sections is told in full in the first and
    referred to in the others (:func:`hrdraft.prose.one_telling`).
    """
    told = prose.one_telling(document, context.items, context.period)
    sections = list(told.sections)
    for i, section in enumerate(sections):
        if section.id == SUMMARY:
            blocks = (*summary_paragraphs(context, told), *section.blocks)
            sections[i] = section.model_copy(update={"blocks": blocks})
            return told.model_copy(update={"sections": tuple(sections)})
    # A draft of one section other than the summary.
    return told if told is not document else None
