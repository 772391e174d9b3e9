"""The IRF plugin as a drafter reads its output: outline, demography table, sections."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hrdraft import Paragraph, Report, Section, Table
from hrdraft.build import BuildRequest, build_report, empty_sections
from hrdraft.ingest import ingest_paths
from hrdraft.reports.irf.demography import group_label
from hrdraft.select import select_records

ROOTS = Path(__file__).parent / "roots"
RECORDS = ROOTS / "plugins-irf" / "records.jsonl"
ROWS = {
    r["id"]: r
    for r in (json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines() if line)
}


def build_from_store(store, plugins, request: BuildRequest):
    """build_report on the request's selections, as the pipeline loads them."""
    period = plugins.report_type(request.report_type).period
    current, previous = (
        select_records(store, request.country, period(y), y, request.audience)
        for y in (request.year, request.year - 1)
    )
    return build_report(plugins, request, current, previous)


def cited(section: Section) -> set[str]:
    out = {c.record for b in section.blocks for c in getattr(b, "cites", ())}
    for block in section.blocks:
        for row in getattr(block, "row_cites", ()):
            out |= {c.record for c in row}
    return out


def texts(section: Section) -> list[str]:
    return [b.text for b in section.blocks if hasattr(b, "text")]


@pytest.fixture
def irf_store(hrdraft_store, hrdraft_plugins):
    ingest_paths(hrdraft_store, hrdraft_plugins, [RECORDS])
    return hrdraft_store


def build(store, plugins, audience: str = "public", year: int = 2023) -> Report:
    return build_from_store(store, plugins, BuildRequest("irf", "XA", year, audience))[0]


def test_the_outline_prints_the_published_headings(hrdraft_plugins):
    (edition,) = hrdraft_plugins.report_type("irf").editions

    def headings(specs, depth=0):
        for spec in specs:
            yield "  " * depth + f"{spec.number} {spec.title}".strip()
            yield from headings(spec.children, depth + 1)

    reference = [
        line.rstrip()
        for line in (ROOTS / "outlines" / "irf.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    assert list(headings(edition.outline)) == reference
    assert edition.applies_to(2000) and edition.applies_to(2030)


def test_each_religion_record_appears_in_its_section_with_citations(irf_store, hrdraft_plugins):
    document = build(irf_store, hrdraft_plugins)
    expected = {
        "irf-law": "II.legal-framework",
        "irf-raid": "II.government-practices",
        "irf-societal-ar": "III",
        "irf-antisemitism": "III",
        "irf-embassy": "IV",
        "irf-census": "I",
        "irf-survey": "I",
    }
    for record_id, section_id in expected.items():
        where = {s.id for s in document.walk() if record_id in cited(s)} - {"summary"}
        assert where == {section_id}, record_id
    # A record without religious-freedom categories is not IRF material.
    assert "irf-torture" not in document.model_dump_json()
    assert empty_sections(document) == []


def test_sections_open_with_the_lead_sentence(irf_store, hrdraft_plugins):
    document = build(irf_store, hrdraft_plugins)
    assert texts(document.section("III"))[0].startswith("There were reports of")
    assert texts(document.section("IV"))[0].startswith("There was a report of")
    body = " ".join(texts(document.section("II.government-practices")))
    assert "According to media reports by Kestrel Bay Monitor," in body
    assert "detained 12 worshippers" in body
    assert "The embassy observed that" in " ".join(texts(document.section("IV")))


def test_an_empty_draft_has_text_under_every_heading(hrdraft_store, hrdraft_plugins):
    public = build(hrdraft_store, hrdraft_plugins)
    assert empty_sections(public) == []
    # A public draft claims no absence: records it may not use could exist.
    assert texts(public.section("III")) == [
        "This draft includes no information on societal abuses or discrimination based on "
        "religious affiliation, belief, or practice."
    ]
    assert texts(public.section("summary")) == [
        "This draft includes no information on religious freedom."
    ]
    document = build(hrdraft_store, hrdraft_plugins, audience="internal")
    assert empty_sections(document) == []
    assert texts(document.section("III")) == [
        "There were no reports of societal abuses or discrimination based on religious "
        "affiliation, belief, or practice during the year."
    ]
    assert texts(document.section("summary")) == [
        "There were no reports concerning religious freedom during the year."
    ]


def test_the_demography_table_gives_shares_of_the_latest_population_estimate(
    irf_store, hrdraft_plugins
):
    section = build(irf_store, hrdraft_plugins).section("I")
    (table,) = [b for b in section.blocks if isinstance(b, Table)]
    rows = {row[0]: row for row in table.rows}
    cites = {
        row[0]: {c.record for c in cs} for row, cs in zip(table.rows, table.row_cites, strict=True)
    }
    latest = ROWS["irf-census"]
    population = latest["figures"]["population"]
    assert rows["Total population"][1] == f"{population:,}"
    assert cites["Total population"] == {"irf-census"}
    for label, record_id, figure in [
        ("Sunni Muslim", "irf-census", "adherents_sunni_muslim"),
        ("Roman Catholic", "irf-census", "adherents_roman_catholic"),
        ("Jehovah's Witnesses", "irf-survey", "adherents_jehovahs_witnesses"),
        ("No religious affiliation", "irf-survey", "adherents_no_religion"),
    ]:
        count = ROWS[record_id]["figures"][figure]
        assert rows[label][1] == f"{count:,}"
        assert rows[label][2] == f"{100 * count / population:.1f}%"
        assert ROWS[record_id]["source"]["name"] in rows[label][3]
        # The group figure's record, and the population figure's record it is a share of.
        assert cites[label] == {record_id, "irf-census"}
    # The earlier estimate was replaced, not added.
    assert "irf-census-old" not in set().union(*cites.values())
    assert len(table.row_cites) == len(table.rows)


def test_a_non_english_record_keeps_its_language(irf_store, hrdraft_plugins):
    section = build(irf_store, hrdraft_plugins).section("III")
    arabic = [b for b in section.blocks if isinstance(b, Paragraph) and b.lang == "ar"]
    assert [b.text for b in arabic] == [ROWS["irf-societal-ar"]["summary"]]


def test_the_summary_restates_the_sections_and_cites_them(irf_store, hrdraft_plugins):
    document = build(irf_store, hrdraft_plugins)
    summary = document.section("summary")
    assert summary.blocks
    in_sections = set().union(*(cited(s) for s in document.walk() if s.id != "summary"))
    assert cited(summary) and cited(summary) <= in_sections
    body = " ".join(texts(summary))
    assert "amended the religious registration law" in body
    restated = [c.record for b in summary.blocks for c in getattr(b, "cites", ())]
    assert len(restated) == len(set(restated)), "a record is restated once"


@pytest.mark.parametrize("audience", ["public", "internal"])
def test_the_sample_compiles_with_no_empty_section(hrdraft_sample_store, hrdraft_plugins, audience):
    document = build(hrdraft_sample_store, hrdraft_plugins, audience)
    assert empty_sections(document) == []


@pytest.mark.parametrize(
    ("figure", "label"),
    [
        ("adherents_bahai", "Baha'i"),
        ("adherents_jehovahs_witnesses", "Jehovah's Witnesses"),
        ("adherents_none", "No religious affiliation"),
        ("adherents_church_of_england", "Church of England"),
        ("adherents_sunni_muslim", "Sunni Muslim"),
    ],
)
def test_group_labels_are_spelled_as_the_report_prints_them(figure, label):
    assert group_label(figure) == label


def test_a_registration_refusal_is_no_change_to_the_legal_framework(hrdraft_store, hrdraft_plugins):
    from hrdraft.render import Renderer
    from hrdraft.testing import compile_draft, store_records

    refusal = {
        "id": "irf-refusal",
        "country": "XR",
        "year": 2023,
        "event_date": "2023-06-12",
        "title": "irf-refusal",
        "summary": "The Ministry of Justice refused to register the Grace Baptist congregation.",
        "categories": ["religion.legal-framework"],
        "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
        "sensitivity": "public",
    }
    store_records(hrdraft_store, [refusal], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "irf", "XR", 2023, plugins=hrdraft_plugins)
    page = Renderer(hrdraft_plugins.template_dirs).html(report)
    assert "refused to register the Grace Baptist congregation" in page
    assert "changes to the legal framework" not in page
    assert texts(report.section("II.legal-framework"))[0] == (
        "There was a report concerning the laws governing religious freedom."
    )
    # A record that reports a change of law still supports the claim, and only it.
    store_records(hrdraft_store, [ROWS["irf-law"] | {"country": "XR"}], hrdraft_plugins)
    report = compile_draft(hrdraft_store, "irf", "XR", 2023, plugins=hrdraft_plugins)
    leads = [b for b in report.section("II.legal-framework").blocks if isinstance(b, Paragraph)]
    assert leads[0].text == (
        "There was a report of changes to the legal framework governing religious freedom."
    )
    assert [c.record for c in leads[0].cites] == ["irf-law"]
    assert leads[1].text == "There was a report concerning the laws governing religious freedom."
    assert [c.record for c in leads[1].cites] == ["irf-refusal"]
