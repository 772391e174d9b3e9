"""The tier: the officer's decision in the header and opening formula, and a suggestion.

The tier is a decision people make. The officer gives it with ``-o tier=...``
(and, for the wording "upgraded"/"downgraded", ``-o previous_tier=...``);
the plugin prints it as the published report does. From the figures it may
also *suggest* a tier, with its reasons against the TVPA minimum standards,
always in a labelled note and never as the decision.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from hrdraft import HrdraftError, SelectedRecord

from .figures import total
from .outline import LAW_ENFORCEMENT

SUGGESTION_LABEL = "Suggested tier (not a decision)"
UNDECIDED = "Tier: not yet decided"

# Tier code → as the report prints it; the order is best to worst.
TIERS: dict[str, str] = {
    "1": "Tier 1",
    "2": "Tier 2",
    "2WL": "Tier 2 Watch List",
    "3": "Tier 3",
    "special": "Special Case",
}
_RANK = {"1": 0, "2": 1, "2WL": 2, "3": 3}

_ASSESSMENT = {
    "1": "The Government of {name} fully meets the minimum standards for the elimination of "
    "trafficking. The government continued to demonstrate serious and sustained efforts "
    "during the reporting period; therefore {name} {placed} Tier 1.",
    "2": "The Government of {name} does not fully meet the minimum standards for the "
    "elimination of trafficking but is making significant efforts to do so. The government "
    "demonstrated overall increasing efforts compared with the previous reporting period; "
    "therefore {name} {placed} Tier 2.",
    "2WL": "The Government of {name} does not fully meet the minimum standards for the "
    "elimination of trafficking but is making significant efforts to do so. However, the "
    "government did not demonstrate overall increasing efforts compared with the previous "
    "reporting period; therefore {name} {placed} Tier 2 Watch List.",
    "3": "The Government of {name} does not fully meet the minimum standards for the "
    "elimination of trafficking and is not making significant efforts to do so; therefore "
    "{name} {placed} Tier 3.",
}


def parse_tier(value: str | None, option: str = "tier") -> str | None:
    """The tier code for what an officer typed ("2", "Tier 2 Watch List", "2wl", ...)."""
    if value is None or not value.strip():
        return None
    text = re.sub(r"[\s_-]+", " ", value.strip().lower()).removeprefix("tier ").strip()
    if text in ("special", "special case"):
        return "special"
    if text in ("2wl", "2 wl", "2 watch list", "2 watchlist", "watch list", "watchlist"):
        return "2WL"
    if text in ("1", "2", "3"):
        return text
    raise HrdraftError(
        f"{option} {value!r} is not a tier",
        "use 1, 2, 2WL (Tier 2 Watch List), 3 or special (Special Case), e.g. -o tier=2WL",
    )


def header(country_name: str, tier: str | None) -> str:
    """The narrative's heading: "VELORIA: Tier 2", as the report prints it."""
    name = country_name.upper()
    return f"{name}: {TIERS[tier]}" if tier else f"{name} ({UNDECIDED})"


def _placed(tier: str, previous: str | None) -> str:
    if previous is None or previous == tier:
        return "remained on"
    if previous in _RANK and tier in _RANK:
        return "was upgraded to" if _RANK[tier] < _RANK[previous] else "was downgraded to"
    return "was placed on"


def assessment(country_name: str, tier: str, previous: str | None = None) -> str:
    """The opening assessment in the published formula for a decided tier."""
    if tier == "special":
        verb = "remained" if previous in (None, "special") else "became"
        return f"{country_name} {verb} a Special Case."
    return _ASSESSMENT[tier].format(name=country_name, placed=_placed(tier, previous))


@dataclass(frozen=True)
class Suggestion:
    """A tier the figures point to, with the reasons; None when they cannot tell."""

    tier: str | None
    reasons: tuple[str, ...]

    def text(self) -> str:
        head = (
            f"The figures in the records point to **{TIERS[self.tier]}**."
            if self.tier
            else "The figures in the records are not enough to point to a tier."
        )
        reasons = " ".join(self.reasons)
        return (
            f"{head} {reasons} This is a suggestion drawn only from the records' figures "
            "against the TVPA minimum standards; the tier is decided by the Department, "
            "not by this draft."
        )


def _compare(now: int, before: int, what: str) -> str:
    if now > before:
        return f"{what} rose from {before} to {now} compared with the previous period."
    if now < before:
        return f"{what} fell from {before} to {now} compared with the previous period."
    return f"{what} were the same as in the previous period ({now})."


def suggest(current: list[SelectedRecord], previous: list[SelectedRecord]) -> Suggestion:
    """A tier suggestion from law-enforcement and victim figures (TVPA section 108).

    Standard 4 (serious and sustained efforts) is judged first by vigorous
    investigation, prosecution and conviction, so those lead: none at all
    points to Tier 3; fewer than the previous period, or none ending in a
    conviction, to Tier 2 Watch List; convictions with steady or rising
    investigations and prosecutions to Tier 2. Tier 1 needs judgments the
    figures cannot make (penalties, sentencing, legislation), so it is never
    suggested.
    """
    now = {m: total(current, m) for m in LAW_ENFORCEMENT}
    before = {m: total(previous, m) for m in LAW_ENFORCEMENT}
    if not any(t.reported for t in now.values()):
        return Suggestion(
            None,
            (
                "No record gives period totals of investigations, prosecutions or "
                "convictions for the reporting period (case-level figures are not totals); "
                "the absence of figures is not evidence of an absence of efforts, so gather "
                "them before deciding.",
            ),
        )
    reasons: list[str] = []
    tier = "2"
    if all(t.value == 0 for t in now.values()):
        tier = "3"
        reasons.append(
            "The records report no investigations, prosecutions or convictions, so there is "
            "no evidence of serious and sustained efforts to punish trafficking (minimum "
            "standards 1 and 4)."
        )
    else:
        for measure in ("investigations", "prosecutions"):
            if not (now[measure].reported and before[measure].reported):
                continue
            if now[measure].source_key != before[measure].source_key:
                # One source's count is not another's: no rise or fall between them.
                reasons.append(
                    f"{measure.capitalize()}: {now[measure].value} this period "
                    f"({now[measure].source}) and {before[measure].value} the previous period "
                    f"({before[measure].source}) come from different sources and are not "
                    "compared."
                )
                continue
            reasons.append(
                _compare(now[measure].value, before[measure].value, measure.capitalize())
            )
            if now[measure].value < before[measure].value:
                tier = "2WL"
        if not now["convictions"].reported or now["convictions"].value == 0:
            tier = "2WL"
            reasons.append("The records report no convictions for the period (minimum standard 4).")
        else:
            reasons.append(
                f"The records report {now['convictions'].value} conviction(s), evidence of "
                "significant efforts to punish traffickers."
            )
        if tier == "2WL":
            reasons.append(
                "Without evidence of increasing efforts compared with the previous year, "
                "consider Tier 2 Watch List."
            )
    identified = total(current, "victims_identified")
    identified_before = total(previous, "victims_identified")
    referred = total(current, "victims_referred")
    if (
        identified.reported
        and identified_before.reported
        and identified.value > identified_before.value
    ):
        prosecuting = now["prosecutions"].value > before["prosecutions"].value
        if not prosecuting and tier == "2":
            tier = "2WL"
            reasons.append(
                "Identified victims increased without a proportional increase in prosecutions."
            )
    if identified.reported and referred.reported and referred.value < identified.value:
        reasons.append(
            f"Of {identified.value} victims identified, {referred.value} were referred to care."
        )
    return Suggestion(tier, tuple(reasons))
