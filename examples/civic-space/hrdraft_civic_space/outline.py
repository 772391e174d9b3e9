"""The Civic Space report's outline and which record categories go where.

Also where this plugin's own category goes in a report type it does not own
(the HRR): an extension adds placements, it never replaces the owner's.
"""

from __future__ import annotations

from hrdraft import Category, Edition, ReportExtension, ReportType, SectionSpec

SUMMARY = "summary"

# A category of this plugin's own, under its own prefix so that it can never
# clash with an id the shipped vocabulary adds later.
STIGMATIZATION = Category(
    id="civic-space.stigmatization",
    label="Stigmatizing statements or smear campaigns against civil society by officials",
)


def _area(id: str, number: str, title: str, topic: str) -> SectionSpec:
    return SectionSpec(id=id, number=number, title=title, topic=topic)


OUTLINE: tuple[SectionSpec, ...] = (
    SectionSpec(id=SUMMARY, title="Summary", topic="restrictions on civic space"),
    SectionSpec(
        id="1",
        number="Section 1.",
        title="Freedoms of Association, Peaceful Assembly, and Expression",
        children=(
            _area("1.a", "a.", "Freedom of Association", "restrictions on freedom of association"),
            _area("1.b", "b.", "Freedom of Peaceful Assembly", "restrictions on peaceful assembly"),
            _area(
                "1.c",
                "c.",
                "Freedom of Expression, Online and Offline",
                "restrictions on freedom of expression",
            ),
        ),
    ),
    SectionSpec(
        id="2",
        number="Section 2.",
        title="Registration and Funding of Nongovernmental Organizations",
        children=(
            _area("2.a", "a.", "Registration", "burdensome registration rules for NGOs"),
            _area("2.b", "b.", "Funding", "limits on NGO funding"),
        ),
    ),
    SectionSpec(
        id="3",
        number="Section 3.",
        title="Human Rights Defenders",
        children=(
            _area(
                "3.a",
                "a.",
                "Attacks, Harassment, and Reprisals",
                "attacks, harassment, or reprisals against human rights defenders",
            ),
            _area(
                "3.b",
                "b.",
                "Fabricated Lawsuits",
                "fabricated or abusive lawsuits against civil society",
            ),
            _area(
                "3.c",
                "c.",
                "Protection of Defenders and Investigation of Attacks",
                "measures to protect defenders or investigate attacks",
            ),
        ),
    ),
    SectionSpec(
        id="4",
        number="Section 4.",
        title="Surveillance and Digital Security",
        children=(
            _area(
                "4.a", "a.", "Physical and Digital Surveillance", "surveillance of civil society"
            ),
            _area(
                "4.b",
                "b.",
                "Targeted Hacking and Confiscation of Devices and Accounts",
                "targeted hacking or confiscation of devices or accounts",
            ),
        ),
    ),
    SectionSpec(
        id="5",
        number="Section 5.",
        title="Dialogue and Public Participation",
        children=(
            _area(
                "5.a",
                "a.",
                "Dialogue between Authorities and Civil Society",
                "dialogue between authorities and civil society",
            ),
            _area(
                "5.b",
                "b.",
                "Public Participation in Decision-Making",
                "public participation in decision-making, including on the environment",
            ),
        ),
    ),
    _area(
        "6",
        "Section 6.",
        "Business Conduct and Civil Society",
        "business engagement with civil society or failures to respect human rights",
    ),
)

# Shipped vocabulary (and this plugin's own category) → section ids. Any
# other category is not civic-space material and stays out of the report.
CLASSIFICATION: dict[str, tuple[str, ...]] = {
    "association": ("1.a",),
    "assembly": ("1.b",),
    "expression.speech": ("1.c",),
    "expression.press": ("1.c",),
    "expression.internet": ("1.c",),
    "expression.academic": ("1.c",),
    "civic.registration": ("2.a",),
    "civic.funding": ("2.b",),
    "defenders.attacks": ("3.a",),
    STIGMATIZATION.id: ("3.a",),
    "civic.lawsuits": ("3.b",),
    "defenders.protection": ("3.c",),
    "civic.surveillance": ("4.a",),
    "civic.hacking": ("4.b",),
    "civic.dialogue": ("5.a",),
    "civic.participation": ("5.b",),
    "business.conduct": ("6",),
}

CIVIC_SPACE = ReportType(
    name="civic-space",
    title="Civic Space Assessment",
    description="The space civil society and human rights defenders have to act, "
    "area by area, from the records of the calendar year.",
    editions=(
        Edition(
            name="2024",
            title="Ten monitoring areas in six sections",
            first_year=2020,
            last_year=None,
            outline=OUTLINE,
        ),
    ),
)

# Smear campaigns against civil society by officials are the government's
# posture towards human rights organisations: HRR Section 5 in the
# seven-section outline. The 2024 outline has no such heading, so nothing
# is placed there.
HRR_EXTENSION = ReportExtension(
    report_type="hrr",
    placements={"2023": {STIGMATIZATION.id: ("5",)}},
)
