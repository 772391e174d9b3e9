"""Which HRR sections a record belongs to, from its categories, per edition.

One table maps every category of the shipped vocabulary to a section of each
edition. The 2024 outline is much shorter than the seven-section one: a
category it has no heading for (arbitrary detention, trials, corruption, ...)
maps to ``None`` there and such a record is left out of a 2024 draft, as the
published 2024 reports leave those topics out.

Categories another plugin registers are not HRR's to place; a record with
only those is left out, unless that plugin declares where they go
(``hrdraft_extend_report_types``) or the record targets an ``hrr:`` section
explicitly.
"""

from __future__ import annotations

# category: (section in edition "2023", section in edition "2024")
SECTIONS_BY_CATEGORY: dict[str, tuple[str | None, str | None]] = {
    # Integrity of the person
    "killing.arbitrary": ("1.a", "1.a"),
    "killing.extrajudicial": ("1.a", "1.a"),
    "disappearance": ("1.b", "2.c"),
    "torture": ("1.c", "3.a"),
    # The 2024 reports describe prison conditions under torture and CIDT.
    "detention.conditions": ("1.c.prison", "3.a"),
    "detention.arbitrary": ("1.d", None),
    "detention.pretrial": ("1.d.pretrial", None),
    "trial.fairness": ("1.e.trial", None),
    "trial.political-prisoners": ("1.e.political", None),
    "transnational-repression": ("1.f", "3.e"),
    "property.seizure": ("1.g", None),
    "privacy.interference": ("1.h", None),
    "conflict.abuses": ("1.i", "1.c"),
    "conflict.sexual-violence": ("1.i", "1.c"),
    # The seven-section reports cover coerced sterilisation and abortion
    # under Women (reproductive rights).
    "population-control.coercion": ("6.women", "1.b"),
    # Civil liberties
    "expression.speech": ("2.a", "2.a"),
    "expression.press": ("2.a", "2.a"),
    "expression.internet": ("2.a.internet", "2.a"),
    "expression.academic": ("2.a.academic", None),
    "assembly": ("2.b", None),
    "association": ("2.b", None),
    "movement": ("2.d", None),
    "refugees": ("2.e", "3.c"),
    "displacement": ("2.f", None),
    "statelessness": ("2.g", None),
    # Political process and governance
    "elections": ("3.elections", None),
    "corruption": ("4", None),
    "ngo.access": ("5", None),
    # Civic space and defenders: Section 5 is the government's posture
    # towards human rights organisations; surveillance and hacking are
    # interference with privacy and correspondence (1.h).
    "defenders.attacks": ("5", None),
    "defenders.protection": ("5", None),
    "civic.registration": ("2.b", None),
    "civic.funding": ("2.b", None),
    "civic.lawsuits": ("5", None),
    "civic.surveillance": ("1.h", None),
    "civic.hacking": ("1.h", None),
    "civic.dialogue": ("5", None),
    "civic.participation": ("3.elections", None),
    # Discrimination and societal abuses
    "discrimination.women": ("6.women", None),
    "discrimination.ethnic": ("6.ethnic", None),
    "discrimination.children": ("6.children", "3.b"),
    "discrimination.indigenous": ("6.indigenous", None),
    "discrimination.lgbtqi": ("6.lgbtqi", None),
    "discrimination.disability": ("6.disability", None),
    "discrimination.other": ("6.other", None),
    "antisemitism": ("6.other", "3.d"),
    # Worker rights
    "labor.association": ("7.a", "2.b"),
    "labor.forced": ("7.b", "2.b"),
    "labor.child": ("7.c", "2.b"),
    "labor.discrimination": ("7.d", "2.b"),
    "labor.conditions": ("7.e", "2.b"),
    # Trafficking in persons: the HRR points to the TIP report and keeps any
    # records after the pointer (see plugins/hrr/sections.py).
    "trafficking.prosecution": ("7.b", "2.e"),
    "trafficking.protection": ("7.b", "2.e"),
    "trafficking.prevention": ("7.b", "2.e"),
    "trafficking.profile": ("7.b", "2.e"),
    "trafficking.legislation": ("7.b", "2.e"),
    # Religious freedom: likewise, a pointer to the IRF report first.
    "religion.demography": (None, None),
    "religion.legal-framework": ("2.c", "2.d"),
    "religion.government-practices": ("2.c", "2.d"),
    "religion.societal": ("2.c", "2.d"),
    "religion.us-engagement": (None, None),
}

# Shipped categories the HRR deliberately does not use, with the reason.
NOT_USED: dict[str, str] = {
    "business.conduct": "how businesses engage civil society is civic-space material with no "
    "HRR heading; business abuses of workers are recorded with the labor.* categories",
    "religion.demography": "population shares by religious group belong to the IRF report's "
    "Section I; the HRR points to that report",
    "religion.us-engagement": "U.S. engagement on religious freedom is IRF Section IV; the HRR "
    "reports on the country, not on U.S. policy",
}

EDITION_COLUMN = {"2023": 0, "2024": 1}

REPORT = "hrr"


def sections_for(edition: str, categories: list[str]) -> list[str]:
    """The section ids of `edition` the categories map to, in category order, no repeats."""
    column = EDITION_COLUMN.get(edition)
    if column is None:
        return []
    found = (SECTIONS_BY_CATEGORY.get(c, (None, None))[column] for c in categories)
    return list(dict.fromkeys(s for s in found if s))
