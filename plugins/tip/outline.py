"""The TIP report's declaration: its one edition outline, figures, options and period.

A country narrative of the Trafficking in Persons Report prints, in order:
a header with the tier ("KENYA: Tier 2") and the opening assessment, then
PRIORITIZED RECOMMENDATIONS, PROSECUTION, PROTECTION, PREVENTION and
TRAFFICKING PROFILE.
"""

from __future__ import annotations

from datetime import date

from hrdraft import Edition, ReportType, SectionSpec

# Section ids are stable: records target them as ``tip:prosecution``.
HEADER = "tier"
RECOMMENDATIONS = "recommendations"
PROSECUTION = "prosecution"
PROTECTION = "protection"
PREVENTION = "prevention"
PROFILE = "profile"

OUTLINE: tuple[SectionSpec, ...] = (
    # The header's printed title ("VELORIA: Tier 2") depends on the country and
    # the officer's decision, so the plugin sets it after the build.
    SectionSpec(id=HEADER, title="Tier", topic="the government's anti-trafficking efforts"),
    SectionSpec(id=RECOMMENDATIONS, title="PRIORITIZED RECOMMENDATIONS", topic="recommendations"),
    SectionSpec(
        id=PROSECUTION,
        title="PROSECUTION",
        topic="anti-trafficking law enforcement efforts",
    ),
    SectionSpec(
        id=PROTECTION,
        title="PROTECTION",
        topic="efforts to identify and protect trafficking victims",
    ),
    SectionSpec(id=PREVENTION, title="PREVENTION", topic="efforts to prevent trafficking"),
    SectionSpec(id=PROFILE, title="TRAFFICKING PROFILE", topic="forms of trafficking"),
)

# The narrative with PRIORITIZED RECOMMENDATIONS first appeared in the 2017
# report; earlier narratives put the recommendations after the assessment.
EDITION = Edition(
    name="2017",
    title="Country narrative with prioritized recommendations (2017 on)",
    first_year=2017,
    last_year=None,
    outline=OUTLINE,
)

# Category → sections. New or amended legislation is reported under
# PROSECUTION, as the published narratives do; forced labour is part of the
# trafficking profile. Any other category is not TIP material.
CLASSIFICATION: dict[str, tuple[str, ...]] = {
    "trafficking.prosecution": (PROSECUTION,),
    "trafficking.legislation": (PROSECUTION,),
    "trafficking.protection": (PROTECTION,),
    "trafficking.prevention": (PREVENTION,),
    "trafficking.profile": (PROFILE,),
    "labor.forced": (PROFILE,),
}

# Law-enforcement measures, each split into sex and labor trafficking.
LAW_ENFORCEMENT: tuple[str, ...] = ("investigations", "prosecutions", "convictions")
SPLITS: tuple[str, ...] = ("sex", "labor")
VICTIM_CARE: tuple[str, ...] = ("victims_identified", "victims_referred")

FIGURES: tuple[str, ...] = (
    *(f"{m}{s}" for m in LAW_ENFORCEMENT for s in ("", "_sex", "_labor")),
    *VICTIM_CARE,
)

TIER_OPTION = (
    "The tier the officer decided: 1, 2, 2WL (Tier 2 Watch List), 3, or special (Special Case)"
)
PREVIOUS_TIER_OPTION = (
    "The tier of the previous year's report, so the assessment reads 'remained on', "
    "'was upgraded to' or 'was downgraded to' (same values as tier)"
)


def tip_period(year: int) -> tuple[date, date]:
    """The events a TIP report covers: 1 April of the year before to 31 March.

    The 2024 report covers 1 April 2023 – 31 March 2024, so an event on
    31 March 2024 is in the 2024 report and one on 1 April 2024 in the 2025
    report.
    """
    return date(year - 1, 4, 1), date(year, 3, 31)


TIP = ReportType(
    name="tip",
    title="Trafficking in Persons Report",
    editions=(EDITION,),
    description=(
        "Country narratives of the annual Trafficking in Persons Report: tier, "
        "prioritized recommendations, prosecution, protection, prevention and "
        "trafficking profile, with year-on-year figures."
    ),
    period=tip_period,
    figures=FIGURES,
    options={"tier": TIER_OPTION, "previous_tier": PREVIOUS_TIER_OPTION},
    compares_previous_year=True,
)
