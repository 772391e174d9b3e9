"""The TIP plugin as a drafter reads its output: tiers, figures, periods, sections."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from hrdraft import HrdraftError, Note, Paragraph, Table
from hrdraft.build import BuildRequest, build_report
from hrdraft.ingest import ingest_paths
from hrdraft.records import Record
from hrdraft.select import select_records

ROOT = Path(__file__).parent / "roots" / "plugins-tip"
RECORDS = [Record.model_validate(json.loads(line)) for line in (ROOT / "records.jsonl").open()]


def build_from_store(store, plugins, request: BuildRequest):
    """build_report on the request's selections, as the pipeline loads them."""
    period = plugins.report_type(request.report_type).period
    current, previous = (
        select_records(store, request.country, period(y), y, request.audience)
        for y in (request.year, request.year - 1)
    )
    return build_report(plugins, request, current, previous)


@pytest.fixture
def tip_store(hrdraft_store, hrdraft_plugins):
    ingest_paths(hrdraft_store, hrdraft_plugins, [ROOT / "records.jsonl"])
    return hrdraft_store


@pytest.fixture
def compile_tip(tip_store, hrdraft_plugins):
    def run(year=2024, audience="public", country="XA", **options):
        request = BuildRequest("tip", country, year, audience, options=options)
        return build_from_store(tip_store, hrdraft_plugins, request)

    return run


def in_tip_period(record: Record, year: int, audience: str = "public") -> bool:
    """Whether the record is trafficking material in the `year` report for `audience`."""
    allowed = ("public",) if audience == "public" else ("public", "restricted")
    start, end = date(year - 1, 4, 1), date(year, 3, 31)
    trafficking = any(
        c.startswith("trafficking.") or c == "labor.forced" for c in record.categories
    )
    return (
        record.country == "XA"
        and trafficking
        and record.sensitivity in allowed
        and start <= record.period[0] <= end
    )


def table(section) -> Table:
    return next(b for b in section.blocks if isinstance(b, Table))


def row(tbl: Table, label: str) -> tuple[tuple[str, ...], set[str]]:
    index = next(i for i, r in enumerate(tbl.rows) if r[0] == label)
    return tbl.rows[index], {c.record for c in tbl.row_cites[index]}


def cited(document) -> set[str]:
    return {entry.record for entry in document.sources}


def test_the_report_type_declares_its_period_figures_and_tier_option(hrdraft_plugins):
    tip = hrdraft_plugins.report_types["tip"]
    assert tip.title == "Trafficking in Persons Report"
    assert tip.period(2024) == (date(2023, 4, 1), date(2024, 3, 31))
    assert {"prosecutions_labor", "victims_referred"} <= set(tip.figures)
    assert "2WL" in tip.options["tier"]
    assert hrdraft_plugins.owner_of("tip") == "tip"


def test_outline_is_the_published_narrative(compile_tip):
    document, _ = compile_tip(tier="2")
    assert [s.title for s in document.sections][1:] == [
        "PRIORITIZED RECOMMENDATIONS",
        "PROSECUTION",
        "PROTECTION",
        "PREVENTION",
        "TRAFFICKING PROFILE",
    ]
    assert all(s.blocks for s in document.walk()), "no heading is left empty"


@pytest.mark.parametrize(
    ("option", "printed", "formula"),
    [
        ("1", "Tier 1", "fully meets the minimum standards"),
        ("2", "Tier 2", "is making significant efforts to do so"),
        ("2WL", "Tier 2 Watch List", "did not demonstrate overall increasing efforts"),
        ("3", "Tier 3", "is not making significant efforts to do so"),
        ("special", "Special Case", "a Special Case"),
    ],
)
def test_decided_tier_is_in_the_header_and_the_opening_formula(
    compile_tip, option, printed, formula
):
    document, context = compile_tip(tier=option)
    header = document.sections[0]
    assert header.title == f"{context.country_name.upper()}: {printed}"
    opening = header.blocks[0]
    assert isinstance(opening, Paragraph)
    assert formula in opening.text
    assert opening.text.endswith(f"{printed}.")
    assert context.country_name in opening.text


def test_previous_tier_words_the_move(compile_tip):
    document, context = compile_tip(tier="2", previous_tier="2WL")
    assert f"therefore {context.country_name} was upgraded to Tier 2." in (
        document.sections[0].blocks[0].text
    )
    document, _ = compile_tip(tier="Tier 2 Watch List", previous_tier="2")
    assert "was downgraded to Tier 2 Watch List." in document.sections[0].blocks[0].text


def test_without_a_tier_the_header_says_undecided_and_only_suggests(compile_tip):
    document, _ = compile_tip()
    header = document.sections[0]
    assert "not yet decided" in header.title
    assert not any(
        "minimum standards for the elimination" in getattr(b, "text", "")
        for b in header.blocks
        if isinstance(b, Paragraph)
    )
    note = next(b for b in header.blocks if isinstance(b, Note) and "Suggested" in b.label)
    assert note.label == "Suggested tier (not a decision)"
    assert "suggestion" in note.text and "not by this draft" in note.text


def test_suggestion_compares_a_measure_only_from_the_same_source(compile_tip):
    document, _ = compile_tip()
    note = next(b for b in document.sections[0].blocks if b.label.startswith("Suggested"))
    # This period the ministry gave 4 investigations (an NGO's 12 are not added
    # to them); the previous period only the NGO gave a total (20). Different
    # counters, so no "fell from 20 to 4" (nor "from 20 to 16", the old sum).
    assert "fell from" not in note.text.split("Prosecutions")[0]
    assert (
        "Investigations: 4 this period (Ministry of Interior) and 20 the previous period "
        "(Veloria Anti-Trafficking Network) come from different sources and are not compared."
    ) in note.text


def test_public_draft_with_a_decided_tier_leaves_the_suggestion_out_internal_keeps_it(compile_tip):
    public, _ = compile_tip(tier="2")
    internal, _ = compile_tip(tier="2", audience="internal")
    labels = lambda d: [b.label for b in d.sections[0].blocks if isinstance(b, Note)]  # noqa: E731
    assert labels(public) == []
    assert labels(internal) == ["Suggested tier (not a decision)"]


def test_an_unknown_tier_says_which_values_exist(compile_tip):
    with pytest.raises(HrdraftError, match="2WL"):
        compile_tip(tier="4")


@pytest.mark.parametrize("measure", ["investigations", "prosecutions", "convictions"])
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_law_enforcement_totals_are_one_sources_period_totals(compile_tip, measure, audience):
    document, _ = compile_tip(audience=audience)
    cells, cites = row(table(document.section("prosecution")), measure.capitalize())
    used: set[str] = set()
    for column, year in ((1, 2024), (2, 2023)):
        # A record that gives only a split still counts towards the total; a
        # case-level figure never does (it is listed beside the table); and two
        # sources' totals for one period are never added: the government's
        # stand when it gave any, else the source that gave most.
        reporting = [
            r
            for r in RECORDS
            if in_tip_period(r, year, audience)
            and r.scope == "period"
            and any(k.startswith(measure) for k in r.figures)
        ]
        sources = {r.source.name: r.source.kind for r in reporting}
        if sources:
            chosen = min(
                sources,
                key=lambda n: (
                    sources[n] != "government",
                    -sum(r.source.name == n for r in reporting),
                    n,
                ),
            )
            reporting = [r for r in reporting if r.source.name == chosen]
        expected = sum(
            r.figures.get(
                measure, r.figures.get(f"{measure}_sex", 0) + r.figures.get(f"{measure}_labor", 0)
            )
            for r in reporting
        )
        assert cells[column] == str(expected)
        assert {r.id for r in reporting} <= cites
        used |= {r.id for r in reporting}
    # The row cites exactly the records whose totals it gives.
    assert cites == used


def test_victim_figures_are_summed_this_period_against_the_previous(compile_tip):
    document, _ = compile_tip()
    tbl = table(document.section("protection"))
    for label, key in (
        ("Victims identified", "victims_identified"),
        ("Victims referred to care", "victims_referred"),
    ):
        cells, cites = row(tbl, label)
        for column, year in ((1, 2024), (2, 2023)):
            records = [r for r in RECORDS if in_tip_period(r, year) and key in r.figures]
            assert records, "the test data has figures in both periods"
            assert cells[column] == str(sum(r.figures[key] for r in records))
            assert {r.id for r in records} <= cites
    # The previous column's records are cited, and listed among the sources.
    previous = {
        r.id for r in RECORDS if in_tip_period(r, 2023) and "victims_identified" in r.figures
    }
    assert previous <= cited(document)


def test_a_total_without_its_split_never_invents_one(compile_tip):
    document, _ = compile_tip(year=2025)
    tbl = table(document.section("prosecution"))
    (_, total, _), _ = row(tbl, "Investigations")
    only = [r for r in RECORDS if in_tip_period(r, 2025) and "investigations" in r.figures]
    assert total == str(sum(r.figures["investigations"] for r in only))
    splits = [r for r in tbl.rows if r[0].startswith("– of which")]
    assert splits[0][1] == "not reported" and splits[1][1] == "not reported"


def test_period_boundaries_31_march_and_1_april(compile_tip):
    last_day = next(r for r in RECORDS if r.event_date == "2024-03-31")
    first_day = next(r for r in RECORDS if r.event_date == "2024-04-01")
    in_2024, _ = compile_tip(year=2024)
    in_2025, _ = compile_tip(year=2025)
    assert last_day.id in cited(in_2024) and first_day.id not in cited(in_2024)
    assert first_day.id in cited(in_2025)
    # The 2024 report's first day (1 April 2023) is not in the 2023 report.
    april_2023 = next(r for r in RECORDS if r.event_date == "2023-04-01")
    in_2023, _ = compile_tip(year=2023)
    assert april_2023.id in cited(in_2024) and april_2023.id not in cited(in_2023)


def test_classification_follows_the_report(compile_tip):
    document, _ = compile_tip(audience="internal")
    where = {
        section.id: {c.record for b in section.blocks for c in getattr(b, "cites", ())}
        for section in document.walk()
    }
    by_category = {
        c: r.id for r in RECORDS if in_tip_period(r, 2024, "internal") for c in r.categories
    }
    assert by_category["trafficking.legislation"] in where["prosecution"]
    assert by_category["trafficking.protection"] in where["protection"]
    assert by_category["trafficking.prevention"] in where["prevention"]
    assert by_category["labor.forced"] in where["profile"]
    # Not trafficking material: neither cited nor counted in any figure.
    torture = next(r for r in RECORDS if "torture" in r.categories)
    assert torture.id not in cited(document)


def test_recommendations_come_from_figure_gaps_and_what_records_urge(compile_tip):
    document, _ = compile_tip()
    bullets = document.section("recommendations").blocks[0]
    urging = next(r for r in RECORDS if "urged" in r.summary and in_tip_period(r, 2024))
    assert any("urged the government to fund shelters" in item for item in bullets.items)
    assert urging.id in {c.record for c in bullets.cites}
    # Fewer referrals than identified victims is a gap the drafter should see.
    assert any("referred to appropriate care" in item for item in bullets.items)


def test_a_country_without_figures_gets_no_tier_suggested_and_lead_sentences(compile_tip):
    document, _ = compile_tip(country="XB")
    note = next(b for b in document.sections[0].blocks if b.label.startswith("Suggested"))
    assert "not enough to point to a tier" in note.text
    # A public draft words an empty heading alike whether or not records are hidden.
    assert (
        document.section("prevention")
        .blocks[0]
        .text.startswith("This draft includes no information on")
    )
    assert table(document.section("prosecution")).rows[0][1:] == ("not reported", "not reported")


def test_the_plugin_author_helpers_compile_tip(tip_store, hrdraft_compile):
    from hrdraft.testing import section_text

    report = hrdraft_compile("tip", "XA", 2024, options={"tier": "2WL"})
    assert report.report_type == "tip"
    text = section_text(report, "prosecution")
    assert text.startswith("PROSECUTION\n")
    assert "Investigations | " in text
    with pytest.raises(KeyError, match="prosecution"):
        section_text(report, "1.c")


def _prosecutions(record_id: str, n: int, source: dict) -> dict:
    return {
        "id": record_id,
        "country": "XC",
        "year": 2024,
        "event_date": "2023-04-01/2024-03-31",
        "title": "Trafficking prosecutions in the reporting period",
        "summary": f"Between April 2023 and March 2024, prosecutors initiated {n} prosecutions.",
        "categories": ["trafficking.prosecution"],
        "source": {**source, "reliability": "B"},
        "credibility": 2,
        "sensitivity": "public",
        "figures": {"prosecutions": n},
        "figure_scope": "period",
    }


@pytest.mark.parametrize(
    ("sources", "said"),
    [
        # Two government bodies: the same nine, perhaps; each by its name, never 18.
        (
            [{"name": "Ministry of Interior", "kind": "government"},
             {"name": "Office of the Prosecutor General", "kind": "government"}],
            "The Ministry of Interior reported 9 prosecutions; the Office of the Prosecutor "
            "General reported 9 prosecutions.",
        ),
        # Two defenders not named with consent: both "a human rights defender", two people.
        (
            [{"name": "Ana Torres", "kind": "defender"}, {"name": "Luis Vega", "kind": "defender"}],
            "A human rights defender reported 9 prosecutions; a human rights defender reported "
            "9 prosecutions.",
        ),
    ],
)  # fmt: skip
def test_two_sources_period_totals_are_never_added_in_the_text_or_the_table(
    hrdraft_store, hrdraft_plugins, sources, said
):
    from hrdraft.testing import store_records

    store_records(
        hrdraft_store,
        [_prosecutions(f"XC-P-{i}", 9, s) for i, s in enumerate(sources)],
        hrdraft_plugins,
    )
    request = BuildRequest("tip", "XC", 2024, "public")
    document, _ = build_from_store(hrdraft_store, hrdraft_plugins, request)
    section = document.section("prosecution")
    texts = [b.text for b in section.blocks if isinstance(b, Paragraph)]
    assert said in texts
    assert not any("18" in t for t in texts)
    assert row(table(section), "Prosecutions")[0][1] == "9"


def test_two_unnamed_sources_totals_of_different_measures_are_two_sentences(
    hrdraft_store, hrdraft_plugins
):
    from hrdraft.testing import store_records

    first = _prosecutions("XC-P-1", 5, {"name": "Ana Torres", "kind": "defender"})
    first["figures"] = {"investigations": 5}
    second = _prosecutions("XC-P-2", 7, {"name": "Luis Vega", "kind": "defender"})
    store_records(hrdraft_store, [first, second], hrdraft_plugins)
    request = BuildRequest("tip", "XC", 2024, "public")
    document, _ = build_from_store(hrdraft_store, hrdraft_plugins, request)
    texts = [b.text for b in document.section("prosecution").blocks if isinstance(b, Paragraph)]
    # Not "A human rights defender reported 5 investigations and 7 prosecutions."
    assert "A human rights defender reported 5 investigations." in texts
    assert "A human rights defender reported 7 prosecutions." in texts
