"""Drafts that state only what the records say: figures with a scope, absence, credibility.

Every test compiles a draft from records ingested like a user's and reads the
rendered HTML as text, as an officer would read it.
"""

from __future__ import annotations

import html as htmllib
import re

import pytest

from hrdraft.render import Renderer
from hrdraft.testing import compile_draft, store_records


@pytest.fixture(scope="module")
def renderer(hrdraft_plugins) -> Renderer:
    return Renderer(hrdraft_plugins.template_dirs)


def text_of(renderer: Renderer, report) -> str:
    """The rendered HTML as plain text, whitespace collapsed."""
    page = renderer.html(report)
    page = re.sub(r"<(script|style)\b.*?</\1>", " ", page, flags=re.S)
    return re.sub(r"\s+", " ", htmllib.unescape(re.sub(r"<[^>]+>", " ", page)))


def record(rid: str, country: str, **fields):
    base = {
        "id": rid,
        "country": country,
        "year": 2024,
        "title": rid,
        "summary": "Text.",
        "source": {"name": "Lantern Watch", "kind": "ngo", "reliability": "C"},
        "sensitivity": "public",
    }
    return {**base, **fields}


MINISTRY = {"name": "Ministry of Justice", "kind": "government", "reliability": "B"}

# The defect as reported: the ministry's 9 prosecutions for the period and
# one NGO case with 14 charged printed "Prosecutions 23".
OVERLAPPING = [
    record(
        "gov-total",
        "XC",
        event_date="2023-04/2024-03",
        summary="The Ministry of Justice reported 9 trafficking prosecutions for the period.",
        categories=["trafficking.prosecution"],
        source=MINISTRY,
        figures={"prosecutions": 9},
    ),
    record(
        "ngo-case",
        "XC",
        event_date="2023-10-05",
        summary="Prosecutors charged 14 defendants in one trafficking case in the capital.",
        categories=["trafficking.prosecution"],
        figures={"prosecutions": 14},
    ),
    # No government figure at all in XD: only an NGO's case.
    record(
        "ngo-only",
        "XD",
        event_date="2023-11-02",
        summary="Prosecutors charged 5 defendants in a labor trafficking case.",
        categories=["trafficking.prosecution"],
        figures={"prosecutions": 5},
    ),
]


def test_a_period_total_and_a_case_are_side_by_side_never_added(
    hrdraft_store, hrdraft_plugins, renderer
):
    store_records(hrdraft_store, OVERLAPPING, hrdraft_plugins)
    report = compile_draft(hrdraft_store, "tip", "XC", 2024, plugins=hrdraft_plugins)
    text = text_of(renderer, report)
    assert (
        "The government reported 9 prosecutions; the NGO Lantern Watch reported one case "
        "in which 14 defendants were prosecuted." in text
    )
    # A case alone exceeds the period total: the draft says the figures disagree.
    assert "These figures do not agree" in text
    assert not re.search(r"\b23\b", text)
    # The table holds the period total only.
    table = next(b for b in report.section("prosecution").blocks if b.kind == "table")
    row = next(r for r in table.rows if r[0] == "Prosecutions")
    assert row[1] == "9"
    assert "did not report law enforcement statistics" not in text


def test_without_a_government_figure_the_draft_says_it_did_not_report(
    hrdraft_store, hrdraft_plugins, renderer
):
    store_records(hrdraft_store, OVERLAPPING, hrdraft_plugins)
    report = compile_draft(hrdraft_store, "tip", "XD", 2024, plugins=hrdraft_plugins)
    text = text_of(renderer, report)
    assert "The government did not report law enforcement statistics." in text
    assert "The NGO Lantern Watch reported one case in which 5 defendants were prosecuted." in text
    table = next(b for b in report.section("prosecution").blocks if b.kind == "table")
    row = next(r for r in table.rows if r[0] == "Prosecutions")
    assert row[1] == "not reported"  # never a zero, never the NGO's case


def test_an_explicit_figure_scope_makes_an_ngo_total_a_period_total(
    hrdraft_store, hrdraft_plugins, renderer
):
    rows = [
        record(
            "ngo-stats",
            "XC",
            event_date="2023-04/2024-03",
            summary="The network counted 30 trafficking prosecutions in the period.",
            categories=["trafficking.prosecution"],
            figures={"prosecutions": 30},
            figure_scope="Period",  # any case, like every enumerated value
        )
    ]
    store_records(hrdraft_store, rows, hrdraft_plugins)
    report = compile_draft(hrdraft_store, "tip", "XC", 2024, plugins=hrdraft_plugins)
    text = text_of(renderer, report)
    assert "The government did not report law enforcement statistics." in text
    assert "The NGO Lantern Watch reported 30 prosecutions." in text
    table = next(b for b in report.section("prosecution").blocks if b.kind == "table")
    assert next(r for r in table.rows if r[0] == "Prosecutions")[1] == "30"


SECRET = "The minister's nephew received the port contract without tender."

HIDDEN = [
    record(
        "corruption-restricted",
        "XE",
        year=2023,
        event_date="2023-05-02",
        summary=SECRET,
        categories=["corruption"],
        sensitivity="restricted",
    ),
    record(
        "disappearance-confidential",
        "XE",
        year=2023,
        event_date="2023-06-01",
        summary="A defender vanished after a visit to the border post.",
        categories=["disappearance"],
        sensitivity="confidential",
    ),
]


def test_a_public_draft_never_says_no_reports_where_records_are_withheld(
    hrdraft_store, hrdraft_plugins, renderer
):
    store_records(hrdraft_store, HIDDEN, hrdraft_plugins)
    public = compile_draft(hrdraft_store, "hrr", "XE", 2023, plugins=hrdraft_plugins)
    text = text_of(renderer, public)
    assert "There were no reports of corruption" not in text
    assert "This draft includes no information on corruption in government." in text
    assert "There were no reports of disappearances" not in text
    # Nothing of the withheld records, and the summary claims no absence either.
    assert SECRET[:30] not in text and "vanished" not in text
    assert "There were no reports of significant human rights issues" not in text
    # A heading with no record in any audience reads the same in a public draft:
    # a different wording would tell readers where hidden records are.
    assert "This draft includes no information on arbitrary or unlawful killings." in text
    assert "There were no reports" not in text
    # The internal draft states the absence where it is true.
    internal = compile_draft(
        hrdraft_store, "hrr", "XE", 2023, audience="internal", plugins=hrdraft_plugins
    )
    inside = text_of(renderer, internal)
    assert "There were no reports of arbitrary or unlawful killings during the year." in inside
    assert "There were no reports of disappearances" not in inside


def test_the_internal_draft_names_the_headings_without_information(
    hrdraft_store, hrdraft_plugins, renderer
):
    store_records(hrdraft_store, HIDDEN, hrdraft_plugins)
    internal = compile_draft(
        hrdraft_store, "hrr", "XE", 2023, audience="internal", plugins=hrdraft_plugins
    )
    text = text_of(renderer, internal)
    # The confidential record's heading: no information in this draft either.
    assert "This draft includes no information on disappearances" in text
    assert (
        internal.metadata["headings without information in this draft (confidential records only)"]
        == "1.b Disappearance"
    )
    # The restricted record is in this draft; the officer sees a public draft lacks it.
    assert (
        internal.metadata["headings without information in a public draft (records not public)"]
        == "4 Corruption in Government"
    )
    assert "4 Corruption in Government" in text and "1.b Disappearance" in text
    assert "vanished" not in text  # the confidential record's content never


GRADED = [
    record(
        "torture-graded",
        "XF",
        year=2023,
        event_date="2023-03-03",
        summary="Police beat a detainee in custody.",
        categories=["torture"],
        source={"name": "Red Norte", "kind": "ngo", "reliability": "B"},
        credibility=2,
    ),
    record(
        "corruption-ungraded",
        "XF",
        year=2023,
        event_date="2023-04-04",
        summary="Officials demanded bribes at the land registry.",
        categories=["corruption"],
        source={"name": "Red Norte", "kind": "ngo", "reliability": "C"},
        credibility=3,
    ),
]


def test_credible_only_for_sources_graded_credible(hrdraft_store, hrdraft_plugins, renderer):
    store_records(hrdraft_store, GRADED, hrdraft_plugins)
    report = compile_draft(hrdraft_store, "hrr", "XF", 2023, plugins=hrdraft_plugins)
    text = text_of(renderer, report)
    credible = re.search(r"included credible reports of: ([^.]*)\.", text)
    assert credible and "torture" in credible[1] and "corruption" not in credible[1]
    assert (
        "There were also reports, from sources not graded credible, of: "
        "serious government corruption." in text
    )


def test_ungraded_sources_are_never_called_credible(hrdraft_store, hrdraft_plugins, renderer):
    store_records(hrdraft_store, GRADED[1:], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "hrr", "XF", 2023, plugins=hrdraft_plugins)
    text = text_of(renderer, report)
    assert "credible" not in text.lower().replace("not graded credible", "")
    assert (
        "Significant human rights issues included reports of: serious government corruption."
        in text
    )


OVERCROWDING = record(
    "prisons-full",
    "XG",
    event_date="2024-02-10",
    summary="Prisons held twice as many inmates as their capacity.",
    categories=["detention.conditions"],
)


def test_prison_overcrowding_does_not_become_torture_2024(hrdraft_store, hrdraft_plugins, renderer):
    store_records(hrdraft_store, [OVERCROWDING], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "hrr", "XG", 2024, plugins=hrdraft_plugins)
    text = text_of(renderer, report)
    assert "employed torture" not in text
    assert (
        "There was a report of harsh or life-threatening prison and detention center conditions."
        in text
    )


def test_a_record_targeted_at_the_torture_heading_claims_only_its_own_topic(
    hrdraft_store, hrdraft_plugins, renderer
):
    rows = [
        {**OVERCROWDING, "year": 2023, "event_date": "2023-02-10", "sections": ["hrr:1.c"]},
        record(
            "beating",
            "XG",
            year=2023,
            event_date="2023-03-01",
            summary="Guards beat two inmates.",
            categories=["torture"],
        ),
    ]
    store_records(hrdraft_store, rows, hrdraft_plugins)
    report = compile_draft(hrdraft_store, "hrr", "XG", 2023, plugins=hrdraft_plugins)
    blocks = [b.text for b in report.section("1.c").blocks]
    # One claim of torture, for the one record about torture; the other its own
    # topic; each lead followed by the paragraph of its own record.
    assert blocks[0] == (
        "There was a report that government officials employed torture or cruel, inhuman, "
        "or degrading treatment or punishment."
    )
    assert "guards beat two inmates" in blocks[1]
    assert blocks[2] == (
        "There was a report of harsh or life-threatening prison and detention center conditions."
    )
    assert "twice as many inmates" in blocks[3]


def test_a_government_s_plain_totals_read_as_one_sentence_and_tip_claims_no_absence(
    hrdraft_store, hrdraft_plugins, renderer
):
    rows = [
        record(
            "gov-stats",
            "XH",
            event_date="2023-04/2024-03",
            summary="The Ministry of Justice published its annual trafficking statistics.",
            categories=["trafficking.prosecution"],
            source=MINISTRY,
            figures={"investigations": 4, "prosecutions": 2},
        ),
        record(
            "prevention-restricted",
            "XH",
            event_date="2023-09-01",
            summary="A closed briefing on a border awareness campaign.",
            categories=["trafficking.prevention"],
            sensitivity="restricted",
        ),
    ]
    store_records(hrdraft_store, rows, hrdraft_plugins)
    public = text_of(renderer, compile_draft(hrdraft_store, "tip", "XH", 2024))
    assert "The government reported 4 investigations and 2 prosecutions." in public
    assert "There were no reports of efforts to prevent trafficking" not in public
    assert "This draft includes no information on efforts to prevent trafficking." in public
    assert "closed briefing" not in public
    # Victim care: no government figure, so the draft says so instead of a zero.
    assert "The government did not report victim identification statistics." in public
