"""The HRR plugin as a drafter reads its output: outlines, sections, prose, summary."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from hrdraft import Paragraph, Pointer, Report, Section
from hrdraft.build import BuildRequest, build_report, empty_sections
from hrdraft.ingest import ingest_paths
from hrdraft.prose import NUMEROUS
from hrdraft.records import load_vocabulary_file
from hrdraft.reports.hrr.classify import NOT_USED, SECTIONS_BY_CATEGORY
from hrdraft.select import select_records
from hrdraft.testing import SAMPLE_DIR
from hrdraft.vocabulary import VOCABULARY_FILE

ROOTS = Path(__file__).parent / "roots"
RECORDS = ROOTS / "plugins-hrr" / "records.jsonl"
ROWS = [json.loads(line) for line in RECORDS.read_text(encoding="utf-8").splitlines() if line]
EDITION_YEARS = {"2023": 2023, "2024": 2024}


def build_from_store(store, plugins, request: BuildRequest):
    """build_report on the request's selections, as the pipeline loads them."""
    period = plugins.report_type(request.report_type).period
    current, previous = (
        select_records(store, request.country, period(y), y, request.audience)
        for y in (request.year, request.year - 1)
    )
    return build_report(plugins, request, current, previous)


def reference_headings(name: str) -> list[str]:
    text = (ROOTS / "outlines" / name).read_text(encoding="utf-8")
    return [
        line.rstrip() for line in text.splitlines() if line.strip() and not line.startswith("#")
    ]


def outline_headings(specs, depth: int = 0) -> list[str]:
    out = []
    for spec in specs:
        out.append("  " * depth + f"{spec.number} {spec.title}".strip())
        out += outline_headings(spec.children, depth + 1)
    return out


def texts(section: Section) -> list[str]:
    return [b.text for b in section.blocks if hasattr(b, "text")]


def cited(section: Section) -> set[str]:
    return {c.record for b in section.blocks for c in getattr(b, "cites", ())}


def write_records(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), "utf-8")
    return path


@pytest.fixture
def hrr_store(hrdraft_store, hrdraft_plugins):
    ingest_paths(hrdraft_store, hrdraft_plugins, [RECORDS])
    return hrdraft_store


def build(store, plugins, year: int = 2023, audience: str = "public", **kw) -> Report:
    document, _ = build_from_store(store, plugins, BuildRequest("hrr", "XA", year, audience, **kw))
    return document


# -- Outlines -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("edition", "reference"), [("2023", "hrr-2023.txt"), ("2024", "hrr-2024.txt")]
)
def test_each_edition_prints_the_published_headings(hrdraft_plugins, edition, reference):
    outline = hrdraft_plugins.report_type("hrr").edition(edition).outline
    assert outline_headings(outline) == reference_headings(reference)


def test_the_edition_follows_the_reporting_year(hrdraft_plugins):
    hrr = hrdraft_plugins.report_type("hrr")
    assert hrr.edition_for(2019).name == "2023"
    assert hrr.edition_for(2023).name == "2023"
    assert hrr.edition_for(2024).name == "2024"
    assert hrr.edition_for(2031).name == "2024"


def test_an_edition_can_be_chosen_explicitly(hrr_store, hrdraft_plugins):
    document = build(hrr_store, hrdraft_plugins, year=2024, edition="2023")
    assert document.edition == "2023"
    assert document.section("7.b") is not None


def test_section_ids_are_unique_in_each_edition(hrdraft_plugins):
    for edition in hrdraft_plugins.report_type("hrr").editions:
        ids = edition.section_ids()
        assert len(ids) == len(set(ids)), edition.name


# -- Classification -----------------------------------------------------------


def test_every_shipped_category_has_a_place_or_a_reason(hrdraft_plugins):
    hrr = hrdraft_plugins.report_type("hrr")
    ids = {e.name: set(e.section_ids()) for e in hrr.editions}
    for category in load_vocabulary_file(VOCABULARY_FILE):
        in_2023, in_2024 = SECTIONS_BY_CATEGORY.get(category.id, (None, None))
        if category.id in NOT_USED:
            assert NOT_USED[category.id].strip(), category.id
            assert in_2023 is None and in_2024 is None, category.id
            continue
        assert in_2023 in ids["2023"], f"{category.id} has no 2023 section"
        assert in_2024 is None or in_2024 in ids["2024"], category.id


@pytest.mark.parametrize(
    ("category", "in_2023", "in_2024"),
    [
        ("torture", "1.c", "3.a"),
        ("detention.conditions", "1.c.prison", "3.a"),
        ("detention.arbitrary", "1.d", None),
        ("expression.press", "2.a", "2.a"),
        ("labor.association", "7.a", "2.b"),
        ("trafficking.profile", "7.b", "2.e"),
        ("religion.government-practices", "2.c", "2.d"),
        ("defenders.attacks", "5", None),
        ("antisemitism", "6.other", "3.d"),
        ("corruption", "4", None),
    ],
)
def test_a_record_lands_where_a_drafter_looks_for_it(
    hrdraft_store, hrdraft_plugins, tmp_path, category, in_2023, in_2024
):
    rows = [
        {
            "id": f"{category}-{year}",
            "country": "XA",
            "year": year,
            "event_date": f"{year}-05-05",
            "title": category,
            "summary": f"A record about {category}.",
            "categories": [category],
            "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
            "sensitivity": "public",
        }
        for year in (2023, 2024)
    ]
    ingest_paths(hrdraft_store, hrdraft_plugins, [write_records(tmp_path / "r.jsonl", rows)])
    for year, expected in ((2023, in_2023), (2024, in_2024)):
        document = build(hrdraft_store, hrdraft_plugins, year=year)
        where = {s.id for s in document.walk() if f"{category}-{year}" in cited(s)}
        where.discard("summary")
        assert where == ({expected} if expected else set()), year


def test_explicit_targets_win_over_categories(hrr_store, hrdraft_plugins):
    document = build(hrr_store, hrdraft_plugins)
    assert "hrr-explicit" in cited(document.section("4"))
    assert "hrr-explicit" not in cited(document.section("1.c"))


# -- Every section, with and without records ----------------------------------


@pytest.mark.parametrize("edition", ["2023", "2024"])
def test_every_section_shows_the_records_placed_there_with_citations(
    hrdraft_store, hrdraft_plugins, tmp_path, edition
):
    year = EDITION_YEARS[edition]
    spec_of = {s.id: s for s in hrdraft_plugins.report_type("hrr").edition(edition).walk()}
    rows = [
        {
            "id": f"rec-{section_id}",
            "country": "XA",
            "year": year,
            "event_date": f"{year}-06-01",
            "title": f"Record for {section_id}",
            "summary": f"Security forces did something reported under {section_id}.",
            "sections": [f"hrr:{section_id}"],
            "source": {"name": "Veloria Rights Watch", "kind": "ngo"},
            "sensitivity": "public",
        }
        for section_id in spec_of
    ]
    ingest_paths(hrdraft_store, hrdraft_plugins, [write_records(tmp_path / "r.jsonl", rows)])
    document = build(hrdraft_store, hrdraft_plugins, year=year)
    assert [s.id for s in document.walk()] == list(spec_of)
    for section in document.walk():
        assert f"rec-{section.id}" in cited(section), section.id
        body = " ".join(texts(section))
        assert f"reported under {section.id}." in body, section.id
        assert "Veloria Rights Watch" in body, section.id
        if spec_of[section.id].topic:
            assert any(t.startswith("There was a report") for t in texts(section)), section.id
    assert empty_sections(document) == []


@pytest.mark.parametrize("year", [2023, 2024])
def test_a_section_without_records_says_so(hrdraft_store, hrdraft_plugins, year):
    public = build(hrdraft_store, hrdraft_plugins, year=year)
    for spec in hrdraft_plugins.report_type("hrr").edition(public.edition).walk():
        if spec.topic and not spec.pointer:
            assert texts(public.section(spec.id)) == [
                f"This draft includes no information on {spec.topic}."
            ], spec.id
    document = build(hrdraft_store, hrdraft_plugins, year=year, audience="internal")
    edition = hrdraft_plugins.report_type("hrr").edition(document.edition)
    assert empty_sections(document) == []
    for spec in edition.walk():
        section = document.section(spec.id)
        if spec.pointer:
            pointers = [b for b in section.blocks if isinstance(b, Pointer)]
            assert [p.report for p in pointers] == [spec.pointer], spec.id
            assert "See the Department of State" in pointers[0].text
        elif spec.conditional:
            assert texts(section) == ["Not applicable."], spec.id
        elif spec.topic:
            assert texts(section) == [f"There were no reports of {spec.topic} during the year."]
        assert not cited(section), spec.id


def test_pointers_go_where_the_published_report_points(hrdraft_plugins):
    hrr = hrdraft_plugins.report_type("hrr")
    pointers = {e.name: {s.id: s.pointer for s in e.walk() if s.pointer} for e in hrr.editions}
    assert pointers == {"2023": {"2.c": "irf", "7.b": "tip"}, "2024": {"2.d": "irf", "2.e": "tip"}}


def test_a_pointer_section_keeps_its_records_after_the_pointer(hrr_store, hrdraft_plugins):
    section = build(hrr_store, hrdraft_plugins, year=2024).section("2.e")
    assert isinstance(section.blocks[0], Pointer) and section.blocks[0].report == "tip"
    assert "hrr-2024-trafficking" in cited(section)
    assert any("40 migrant workers" in t for t in texts(section))


def test_many_records_read_as_numerous_reports(hrr_store, hrdraft_plugins):
    section = build(hrr_store, hrdraft_plugins).section("1.a")
    killings = [r for r in ROWS if r["categories"] == ["killing.arbitrary"]]
    assert len(killings) >= NUMEROUS
    lead = section.blocks[0]
    assert lead.text.startswith("There were numerous reports that")
    assert {c.record for c in lead.cites} == {r["id"] for r in killings}


def test_attribution_names_the_source_and_keeps_the_text(hrr_store, hrdraft_plugins):
    section = build(hrr_store, hrdraft_plugins).section("1.c")
    body = " ".join(texts(section))
    assert "The NGO Veloria Rights Watch reported that" in body
    assert "beat three detainees at the Dunmere police station" in body


# -- Executive Summary --------------------------------------------------------


def test_the_summary_lists_the_issues_with_records_and_only_those(hrr_store, hrdraft_plugins):
    document = build(hrr_store, hrdraft_plugins)
    edition = hrdraft_plugins.report_type("hrr").edition("2023")
    lead = document.section("summary").blocks[0]
    assert isinstance(lead, Paragraph)
    # The sample's records carry no credibility grade: "reports", not "credible reports".
    assert lead.text.startswith("Significant human rights issues included reports of: ")
    issue_of = {s.id: s.issue for s in edition.walk()}
    with_records = [s.id for s in document.walk() if s.id != "summary" and cited(s)]
    without = [s.id for s in document.walk() if s.id != "summary" and not cited(s)]
    named = [i for i in with_records if issue_of[i]]
    assert named, "the sample records should give the summary something to list"
    for section_id in named:
        assert issue_of[section_id] in lead.text, section_id
    for section_id in without:
        if issue_of[section_id] and all(issue_of[section_id] not in issue_of[i] for i in named):
            assert issue_of[section_id] not in lead.text, section_id
    # Outline order.
    positions = [lead.text.index(issue_of[i]) for i in named]
    assert positions == sorted(positions)
    # The summary carries no notes: its issues' records are cited in their sections.
    assert lead.cites == ()


def test_a_draft_without_records_has_a_summary_that_says_so(hrdraft_store, hrdraft_plugins):
    summary = build(hrdraft_store, hrdraft_plugins, audience="internal").section("summary")
    assert texts(summary) == [
        "There were no reports of significant human rights issues during the year."
    ]
    # A public draft words every empty heading alike, records hidden or not.
    public = build(hrdraft_store, hrdraft_plugins).section("summary")
    assert texts(public) == [
        "This draft includes no information on significant human rights issues."
    ]


# -- Languages and do no harm -------------------------------------------------


def test_a_non_english_record_keeps_its_language(hrr_store, hrdraft_plugins):
    section = build(hrr_store, hrdraft_plugins).section("2.a")
    original = [b for b in section.blocks if isinstance(b, Paragraph) and b.lang == "es"]
    assert len(original) == 1
    assert original[0].text.startswith("La policía detuvo a")
    assert [c.record for c in original[0].cites] == ["hrr-press-es"]
    frame = section.blocks[section.blocks.index(original[0]) - 1]
    assert frame.lang is None and "Spanish" in frame.text and "Diario del Norte" in frame.text


def test_a_public_draft_never_names_a_person_without_consent(hrr_store, hrdraft_plugins):
    for year in (2023, 2024):
        text = build(hrr_store, hrdraft_plugins, year=year).model_dump_json()
        for name in ("Ana Ruiz", "Ruiz", "Tomas Berg", "Berg"):
            assert name not in text, (year, name)
    section = build(hrr_store, hrdraft_plugins).section("5")
    # The summary names its (described) source itself, so it is not attributed twice.
    assert "In June, a human rights defender said unknown men threatened him" in texts(section)[1]
    assert not any("reported that" in t for t in texts(section))


def test_audience_decides_which_records_appear(hrr_store, hrdraft_plugins):
    public = build(hrr_store, hrdraft_plugins, audience="public")
    internal = build(hrr_store, hrdraft_plugins, audience="internal")
    assert "hrr-corruption-restricted" not in cited(public.section("4"))
    assert "hrr-corruption-restricted" in cited(internal.section("4"))
    for document in (public, internal):
        assert "hrr-confidential" not in document.model_dump_json()


# -- The bundled sample data --------------------------------------------------


@pytest.mark.parametrize("edition", ["2023", "2024"])
@pytest.mark.parametrize("audience", ["public", "internal"])
def test_the_sample_compiles_every_edition_with_no_empty_section(
    hrdraft_sample_store, hrdraft_plugins, edition, audience
):
    document = build(
        hrdraft_sample_store, hrdraft_plugins, EDITION_YEARS[edition], audience, edition=edition
    )
    assert empty_sections(document) == []


def test_the_public_sample_draft_names_nobody_without_consent(
    hrdraft_sample_store, hrdraft_plugins
):
    rows = [
        json.loads(line)
        for path in SAMPLE_DIR.glob("*.jsonl")
        for line in path.read_text(encoding="utf-8").splitlines()
        if line.strip()
    ]
    named = {p["name"] for r in rows for p in r.get("persons", []) if p.get("consent") == "named"}
    unconsented = {
        p["name"]
        for r in rows
        for p in r.get("persons", [])
        if p.get("consent", "anonymous") != "named" and p["name"] not in named
    }
    for country in sorted({r["country"] for r in rows}):
        for year in sorted({r["year"] for r in rows if r["country"] == country}):
            request = BuildRequest("hrr", country, year, "public")
            document, _ = build_from_store(hrdraft_sample_store, hrdraft_plugins, request)
            text = document.model_dump_json()
            for name in unconsented:
                assert name not in text, (country, year, name)
