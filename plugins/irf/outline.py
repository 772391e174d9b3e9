"""The IRF outline, headings as the published International Religious Freedom Report prints them.

One edition: the outline has been stable since the reports required by the
International Religious Freedom Act of 1998 began. Section ids are stable
(``irf:II.government-practices``).
"""

from __future__ import annotations

from hrdraft import Edition, SectionSpec

SUMMARY = "summary"
DEMOGRAPHY = "I"
LEGAL_FRAMEWORK = "II.legal-framework"

OUTLINE: tuple[SectionSpec, ...] = (
    SectionSpec(id=SUMMARY, title="Executive Summary"),
    SectionSpec(id=DEMOGRAPHY, number="Section I.", title="Religious Demography"),
    SectionSpec(
        id="II",
        number="Section II.",
        title="Status of Government Respect for Religious Freedom",
        children=(
            SectionSpec(
                id=LEGAL_FRAMEWORK,
                title="Legal Framework",
                topic="changes to the legal framework governing religious freedom",
            ),
            SectionSpec(
                id="II.government-practices",
                title="Government Practices",
                topic="government actions affecting religious freedom",
            ),
        ),
    ),
    SectionSpec(
        id="III",
        number="Section III.",
        title="Status of Societal Respect for Religious Freedom",
        topic="societal abuses or discrimination based on religious affiliation, belief, "
        "or practice",
    ),
    SectionSpec(
        id="IV",
        number="Section IV.",
        title="U.S. Government Policy and Engagement",
        topic="U.S. government engagement on religious freedom",
    ),
)

EDITIONS: tuple[Edition, ...] = (
    Edition(
        name="2023",
        title="Four-section outline (reporting years from 2000)",
        first_year=2000,
        last_year=None,
        outline=OUTLINE,
    ),
)

# category → section id. Antisemitic incidents are societal abuses the IRF
# report covers in Section III.
SECTION_BY_CATEGORY: dict[str, str] = {
    "religion.demography": DEMOGRAPHY,
    "religion.legal-framework": LEGAL_FRAMEWORK,
    "religion.government-practices": "II.government-practices",
    "religion.societal": "III",
    "religion.us-engagement": "IV",
    "antisemitism": "III",
}
